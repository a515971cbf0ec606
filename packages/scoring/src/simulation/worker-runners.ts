import { FoodSafetyError } from '@foodsafety/core';
import type { ScoringExtensions } from '../standard/extensions.js';
import type { Model } from './model-function.js';
import type { MonteCarloPlan } from './monte-carlo-runs.js';
import type { SaltelliPlan } from './saltelli-design.js';
import type { WorkerJob } from './worker-pool.js';

/**
 * Evaluates units [start, end) of a job, writing each unit's outputs at positions fixed by its
 * index into `target` (the job's shared outputs by default; scratch memory for the warm-up).
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
      const plan = job.plan as MonteCarloPlan & {
        readonly spec: unknown;
        readonly extensions?: { readonly href: string; readonly export: string };
      };
      const [{ defineStandard }, { monteCarloRunner }] = await Promise.all([
        import('../standard/define-standard.js'),
        import('./monte-carlo-runs.js'),
      ]);
      const extensions = plan.extensions === undefined ? {} : await loadExtensions(plan.extensions);
      const defined = defineStandard(plan.spec, extensions);
      if (!defined.ok) {
        const hint =
          plan.extensions === undefined
            ? ' (if the standard uses plugin calculators or veto predicates, give their module as `extensions`)'
            : '';
        throw new FoodSafetyError(
          'SCORING_WORKER_JOB',
          `the standard could not be rebuilt in a worker${hint}: ${defined.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`,
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

/** The extensions a module exports (an object, or a function returning one). */
async function loadExtensions(ref: {
  readonly href: string;
  readonly export: string;
}): Promise<ScoringExtensions> {
  const loaded = (await import(ref.href)) as Record<string, unknown>;
  const value = loaded[ref.export];
  const extensions = typeof value === 'function' ? (value as () => unknown)() : value;
  if (typeof extensions !== 'object' || extensions === null) {
    throw new FoodSafetyError(
      'SCORING_WORKER_JOB',
      `${ref.href} has no export "${ref.export}" giving scoring extensions ({ calculators, vetoPredicates })`,
      { module: ref.href, export: ref.export },
    );
  }
  return extensions as ScoringExtensions;
}
