import { FoodSafetyError } from '@foodsafety/core';
import type { Model } from './model-function.js';
import type { MonteCarloPlan } from './monte-carlo-runs.js';
import type { SaltelliPlan } from './saltelli-design.js';
import type { WorkerJob } from './worker-pool.js';

/**
 * Evaluates units [start, end) of a job, writing each unit's outputs at positions fixed by its
 * index into `target` (the job's shared outputs by default; a private scratch array for warm-up).
 */
export type WorkerUnitRunner = (start: number, end: number, target?: Float64Array) => void;

/**
 * The function a worker calls for each chunk [start, end) of a job's units. Every job writes
 * each unit's outputs at positions fixed by the unit index, so chunking does not change them.
 * Each job's code is imported on demand, so a sensitivity worker never loads the standard
 * engine (and its schema library) and starts faster.
 */
export async function runWorkerUnits(
  job: WorkerJob,
  model: Model | undefined,
): Promise<WorkerUnitRunner> {
  const outputs = new Float64Array(job.outputs);
  switch (job.kind) {
    case 'saltelli': {
      const plan = job.plan as SaltelliPlan;
      if (model === undefined) {
        throw new FoodSafetyError('SCORING_WORKER_JOB', 'a sensitivity job needs a model', {});
      }
      const { evaluateSaltelliRows } = await import('./saltelli-design.js');
      return (start, end, target = outputs) =>
        evaluateSaltelliRows(plan, model, start, end, target);
    }
    case 'monte-carlo': {
      const plan = job.plan as MonteCarloPlan & { readonly spec: unknown };
      const [{ defineStandard }, { monteCarloRunner }] = await Promise.all([
        import('../standard/define-standard.js'),
        import('./monte-carlo-runs.js'),
      ]);
      const defined = defineStandard(plan.spec);
      if (!defined.ok) {
        throw new FoodSafetyError(
          'SCORING_WORKER_JOB',
          `the standard could not be rebuilt in a worker (plugin calculators cannot cross threads): ${defined.diagnostics.map((d) => d.code).join(', ')}`,
          {},
        );
      }
      const run = monteCarloRunner(plan, defined.value);
      return (start, end, target = outputs) => run(start, end, target);
    }
    default:
      throw new FoodSafetyError('SCORING_WORKER_JOB', `unknown worker job ${String(job.kind)}`, {
        kind: String(job.kind),
      });
  }
}
