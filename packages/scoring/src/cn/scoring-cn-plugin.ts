import { definePlugin } from '@foodsafety/plugin-sdk';
import { z } from 'zod';
import { scoringStandards } from '../standard/extension-points.js';
import { type CnStandardOptions, cnStandard } from './cn-standard.js';

/**
 * The CN demonstration-city standard as a plugin: contributes `cnStandard(options)` to
 * `scoring.standards` under `cn.demonstration-city`.
 *
 * @example
 * const engine = createEngine({ plugins: [scoringCn({ thresholds: { satisfaction: 80 } })] });
 * const spec = engine.get(scoringStandards, 'cn.demonstration-city');
 */
export const scoringCn = definePlugin({
  name: '@foodsafety/scoring-cn',
  version: '0.1.0',
  requires: { '@foodsafety/scoring': '^0.1' },
  meta: { description: 'National food-safety demonstration-city standard (CN), as data' },
  options: z
    .object({
      thresholds: z.record(z.string(), z.number()).optional(),
      pass: z.record(z.string(), z.unknown()).optional(),
      maxPilotTasks: z.number().int().nonnegative().optional(),
      pointsPerPilotTask: z.number().nonnegative().optional(),
      items: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
      patch: z.unknown().optional(),
    })
    .default({}),
  setup(ctx, options) {
    ctx.contribute(scoringStandards, cnStandard(options as CnStandardOptions));
  },
});
