import { FoodSafetyError } from '@foodsafety/core';
import type { Model } from './model-function.js';
import { evaluateSaltelliRows, type SaltelliPlan } from './saltelli-design.js';
import type { WorkerJob } from './worker-pool.js';

/**
 * The function a worker calls for each chunk [start, end) of a job's units. Every job writes
 * each unit's outputs at positions fixed by the unit index, so chunking does not change them.
 */
export function runWorkerUnits(job: WorkerJob, model: Model): (start: number, end: number) => void {
  const outputs = new Float64Array(job.outputs);
  switch (job.kind) {
    case 'saltelli': {
      const plan = job.plan as SaltelliPlan;
      return (start, end) => evaluateSaltelliRows(plan, model, start, end, outputs);
    }
    default:
      throw new FoodSafetyError('SCORING_WORKER_JOB', `unknown worker job ${job.kind}`, {
        kind: job.kind,
      });
  }
}
