import { definePlugin } from '@foodsafety/plugin-sdk';
import { FSMA_204_PROFILE } from './fsma-204.js';
import { GDST_PROFILE } from './gdst.js';
import { TRACE_HOST, traceProfiles } from './trace-profile.js';

/** Plugin contributing the FSMA 204 profile (`us.fsma-204`) to {@link traceProfiles}. */
export const traceFsma204 = definePlugin({
  name: 'trace-fsma-204',
  version: '0.1.0',
  requires: { [TRACE_HOST.name]: '^0.1.0' },
  meta: {
    description: 'FDA Food Traceability Rule (FSMA 204): CTE/KDE tables and the lot-code rule',
  },
  setup: (ctx) => {
    ctx.contribute(traceProfiles, FSMA_204_PROFILE);
  },
});

/** Plugin contributing the GDST 1.x seafood profile (`gdst`) to {@link traceProfiles}. */
export const traceGdst = definePlugin({
  name: 'trace-gdst',
  version: '0.1.0',
  requires: { [TRACE_HOST.name]: '^0.1.0' },
  meta: { description: 'GDST 1.x seafood traceability: CTE/KDE tables' },
  setup: (ctx) => {
    ctx.contribute(traceProfiles, GDST_PROFILE);
  },
});
