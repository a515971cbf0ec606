import { FoodSafetyError } from '@foodsafety/core';
import { defineStandard } from '../standard/define-standard.js';
import type { StandardSpec } from '../standard/standard-spec.js';
import type { Model } from './model-function.js';
import { type MonteCarloPlan, monteCarloRunner } from './monte-carlo-runs.js';
import { evaluateSaltelliRows, type SaltelliPlan } from './saltelli-design.js';
import type { WorkerJob } from './worker-pool.js';

/**
 * The function a worker calls for each chunk [start, end) of a job's units. Every job writes
 * each unit's outputs at positions fixed by the unit index, so chunking does not change them.
 */
export function runWorkerUnits(
  job: WorkerJob,
  model: Model | undefined,
): (start: number, end: number) => void {
  const outputs = new Float64Array(job.outputs);
  switch (job.kind) {
    case 'saltelli': {
      const plan = job.plan as SaltelliPlan;
      if (model === undefined) {
        throw new FoodSafetyError('SCORING_WORKER_JOB', 'a sensitivity job needs a model', {});
      }
      return (start, end) => evaluateSaltelliRows(plan, model, start, end, outputs);
    }
    case 'monte-carlo': {
      const plan = job.plan as MonteCarloPlan & { readonly spec: StandardSpec };
      const defined = defineStandard(plan.spec);
      if (!defined.ok) {
        throw new FoodSafetyError(
          'SCORING_WORKER_JOB',
          `the standard could not be rebuilt in a worker (plugin calculators cannot cross threads): ${defined.diagnostics.map((d) => d.code).join(', ')}`,
          {},
        );
      }
      const run = monteCarloRunner(plan, defined.value);
      return (start, end) => run(start, end, outputs);
    }
    default:
      throw new FoodSafetyError('SCORING_WORKER_JOB', `unknown worker job ${String(job.kind)}`, {
        kind: String(job.kind),
      });
  }
}
