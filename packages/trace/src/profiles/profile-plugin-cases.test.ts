/**
 * Testing a profile plugin with the plugin SDK's kit (docs/plugin-model.md, "Testing a plugin"):
 * a profile that is not `verified` says so first, so invalid cases list RULESET_NOT_VERIFIED first.
 */

import { definePlugin } from '@foodsafety/plugin-sdk';
import { createPluginTester } from '@foodsafety/plugin-sdk/testing';
import { describe, it } from 'vitest';
import { acmeProfile } from './__fixtures__/acme-profile.js';
import { checkProfile } from './check-profile.js';
import { traceProfiles } from './trace-profile.js';

const acmeProfilePlugin = definePlugin({
  name: 'acme-profile',
  version: '1.0.0',
  setup: (ctx) => {
    ctx.contribute(traceProfiles, acmeProfile('secondary'));
  },
});

const shipping = { type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'shipping' };

describe('a secondary profile under the plugin testing kit', () => {
  createPluginTester({ plugins: [acmeProfilePlugin()], describe, it }).runCases(
    traceProfiles,
    'acme.p',
    (profile, events: unknown[]) => checkProfile(events, profile).diagnostics,
    {
      valid: [
        {
          name: 'with a lot code',
          input: [{ ...shipping, ilmd: { tlc: 'L1' } }],
          expect: ['RULESET_NOT_VERIFIED'],
        },
      ],
      invalid: [
        {
          name: 'without a lot code',
          input: [shipping],
          expect: ['RULESET_NOT_VERIFIED', { code: 'TRACE_PROFILE_KDE_MISSING', path: [0] }],
        },
      ],
    },
  );
});
