import { definePlugin } from '@foodsafety/plugin-sdk';
import { TRACE_HOST, traceProfiles } from '../profiles/trace-profile.js';
import { CN_AQUATIC_CHAIN_PROFILE } from './aquatic-chain.js';
import { CN_FOOD_SAFETY_LAW_PROFILE } from './food-safety-law.js';

/**
 * China's traceability preset: contributes `cn.food-safety-law` (purchase inspection, release and
 * wholesale records) and `cn.aquatic-chain` (the sea-cucumber chain with inspection required
 * before warehouse-out) to {@link traceProfiles}.
 */
export const traceCn = definePlugin({
  name: 'trace-cn',
  version: '0.1.0',
  requires: { [TRACE_HOST.name]: '^0.1.0' },
  meta: { description: 'China: Food Safety Law record duties and the aquatic-product chain' },
  setup: (ctx) => {
    ctx.contribute(traceProfiles, CN_FOOD_SAFETY_LAW_PROFILE);
    ctx.contribute(traceProfiles, CN_AQUATIC_CHAIN_PROFILE);
  },
});
