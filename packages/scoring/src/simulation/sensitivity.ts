import {
  createDiagnostic,
  type Diagnostic,
  describeValue,
  FoodSafetyError,
  type RandomSeed,
} from '@foodsafety/core';
import { checkInputs, type SensitivityInput } from './input-distribution.js';
import {
  isModel,
  isModelReference,
  type Model,
  type ModelReference,
  modelFromModule,
} from './model-function.js';
import { evaluateSaltelliRows, rowsPerBase, type SaltelliPlan } from './saltelli-design.js';
import { simulationMessages } from './simulation-messages.js';
import {
  analyseSaltelliOutputs,
  type BootstrapOptions,
  type SobolIndices,
} from './sobol-estimators.js';
import { SOBOL_MAX_DIMENSIONS, SOBOL_MAX_POINTS } from './sobol-sequence.js';
import { modelHref, type Progress, runOnWorkers, type WorkerPoolOptions } from './worker-pool.js';

/** Options of {@link sensitivity}; `M` is the kind of model. */
export interface SensitivityOptions<M = Model> {
  /** The model: a function of one input vector, a batch model, or (for workers) a module export. */
  readonly model: M;
  /** The inputs, in the order the model reads them, with their distributions. */
  readonly inputs: readonly SensitivityInput[];
  /** Base sample size N (a power of two is best); the design costs N·(D+2) evaluations. */
  readonly N: number;
  /** Seed of the bootstrap resampling. */
  readonly seed: RandomSeed;
  /** Also estimate second-order indices (N·(2D+2) evaluations). Default false. */
  readonly secondOrder?: boolean;
  /**
   * A group name per input (same length as `inputs`): indices are then estimated per group,
   * each group moved as one factor (as SALib's `groups`).
   */
  readonly groups?: readonly string[];
  /** Bootstrap settings (default 100 resamples, 95 %, normal intervals — as SALib). */
  readonly bootstrap?: BootstrapOptions;
  /**
   * Index of the first Sobol' point of the design. Default: the smallest power of two ≥ N, so
   * the base points form a whole (t, m, 2k)-net block that does not contain the origin.
   */
  readonly skip?: number;
  /**
   * Called as evaluations complete (after each block, or each worker chunk). With workers, a
   * first call with `done = 0` marks the moment every worker has loaded the model and starts.
   */
  readonly onProgress?: (progress: Progress) => void;
  /**
   * Worker threads (a count, or settings). Needs the model as a {@link ModelReference};
   * the result is bit-identical to the single-thread run.
   */
  readonly workers?: number | WorkerPoolOptions;
}

/** The result of {@link sensitivity}: the indices plus the design that produced them. */
export interface SensitivityResult extends SobolIndices {
  /** Base sample size. */
  readonly N: number;
  /** Number of model evaluations, N·(D+2) or N·(2D+2). */
  readonly evaluations: number;
  readonly design: {
    readonly sequence: 'sobol-joe-kuo-6.21201';
    readonly dimensions: number;
    readonly skip: number;
    readonly rowsPerBase: number;
    readonly firstOrder: 'saltelli-2010-centred';
    readonly totalOrder: 'jansen-1999';
  };
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

interface PreparedRun {
  readonly plan: SaltelliPlan;
  readonly names: readonly string[];
  readonly R: number;
  readonly notes: readonly Diagnostic[];
}

function prepare(options: SensitivityOptions<unknown>): PreparedRun {
  if (typeof options !== 'object' || options === null) {
    throw new FoodSafetyError(
      'SCORING_SENSITIVITY_OPTIONS',
      `options must be an object; got ${describeValue(options, Number.POSITIVE_INFINITY)}`,
      {},
    );
  }
  const { inputs, N } = options;
  const problems = checkInputs(inputs);
  if (problems.length > 0) {
    throw new FoodSafetyError(
      'SCORING_SENSITIVITY_OPTIONS',
      `invalid inputs: ${problems.map((d) => d.message).join('; ')}`,
      { diagnostics: problems },
    );
  }
  const k = inputs.length;
  if (2 * k > SOBOL_MAX_DIMENSIONS) {
    throw new FoodSafetyError(
      'SCORING_SENSITIVITY_OPTIONS',
      `the design needs 2k = ${2 * k} Sobol' dimensions; at most ${SOBOL_MAX_DIMENSIONS} are bundled (k ≤ ${Math.floor(SOBOL_MAX_DIMENSIONS / 2)})`,
      { k },
    );
  }
  if (!Number.isInteger(N) || N < 2) {
    throw new FoodSafetyError(
      'SCORING_SENSITIVITY_OPTIONS',
      `N must be an integer ≥ 2; got ${describeValue(N, Number.POSITIVE_INFINITY)}`,
      { N },
    );
  }
  const skip = options.skip ?? nextPowerOfTwo(N);
  if (!Number.isInteger(skip) || skip < 0 || skip + N > SOBOL_MAX_POINTS) {
    throw new FoodSafetyError(
      'SCORING_SENSITIVITY_OPTIONS',
      `bad skip ${describeValue(skip, Number.POSITIVE_INFINITY)}`,
      { skip },
    );
  }
  let names: string[] = inputs.map((input) => input.name);
  let groupOf: number[] = inputs.map((_, i) => i);
  if (options.groups !== undefined) {
    const groups: unknown = options.groups;
    if (
      !Array.isArray(groups) ||
      groups.length !== k ||
      ![...groups].every((g) => typeof g === 'string' && g !== '')
    ) {
      throw new FoodSafetyError(
        'SCORING_SENSITIVITY_OPTIONS',
        `groups must give a non-empty group name for each of the ${k} inputs`,
        { groups: Array.isArray(groups) ? groups.length : describeValue(groups) },
      );
    }
    names = [...new Set(options.groups)];
    groupOf = options.groups.map((g) => names.indexOf(g));
  }
  // from JSON settings can be null: refused below, not read
  const given: unknown = options.bootstrap === undefined ? {} : options.bootstrap;
  const bootstrap: BootstrapOptions = typeof given === 'object' && given !== null ? given : {};
  if (
    bootstrap !== given ||
    (bootstrap.resamples !== undefined &&
      (!Number.isInteger(bootstrap.resamples) || bootstrap.resamples < 0)) ||
    (bootstrap.confidence !== undefined &&
      !(
        typeof bootstrap.confidence === 'number' &&
        bootstrap.confidence > 0 &&
        bootstrap.confidence < 1
      )) ||
    (bootstrap.method !== undefined &&
      bootstrap.method !== 'normal' &&
      bootstrap.method !== 'percentile')
  ) {
    throw new FoodSafetyError(
      'SCORING_SENSITIVITY_OPTIONS',
      'bootstrap needs resamples ≥ 0, 0 < confidence < 1 and method normal or percentile',
      { ...bootstrap },
    );
  }
  const plan: SaltelliPlan = {
    inputs,
    N,
    skip,
    secondOrder: options.secondOrder ?? false,
    groupOf,
    groupCount: names.length,
  };
  const notes =
    nextPowerOfTwo(N) === N
      ? []
      : [
          createDiagnostic(simulationMessages.SCORING_SENSITIVITY_N_NOT_POWER_OF_TWO, {
            N,
            suggested: nextPowerOfTwo(N),
          }),
        ];
  return { plan, names, R: rowsPerBase(plan), notes };
}

function finish(
  prepared: PreparedRun,
  outputs: Float64Array,
  options: SensitivityOptions<unknown>,
): SensitivityResult {
  const { plan, names, R } = prepared;
  const indices = analyseSaltelliOutputs(
    outputs,
    { N: plan.N, groupCount: plan.groupCount, secondOrder: plan.secondOrder, names },
    options.seed,
    options.bootstrap,
  );
  return {
    ...indices,
    diagnostics: [...prepared.notes, ...indices.diagnostics],
    N: plan.N,
    evaluations: plan.N * R,
    design: {
      sequence: 'sobol-joe-kuo-6.21201',
      dimensions: 2 * plan.inputs.length,
      skip: plan.skip,
      rowsPerBase: R,
      firstOrder: 'saltelli-2010-centred',
      totalOrder: 'jansen-1999',
    },
  };
}

function runInThread(
  prepared: PreparedRun,
  model: Model,
  options: SensitivityOptions<unknown>,
): SensitivityResult {
  const { plan, R } = prepared;
  const outputs = new Float64Array(plan.N * R);
  const total = plan.N * R;
  let done = 0;
  const onProgress = options.onProgress;
  evaluateSaltelliRows(
    plan,
    model,
    0,
    plan.N,
    outputs,
    onProgress === undefined
      ? undefined
      : (bases) => {
          done += bases * R;
          onProgress({ done, total });
        },
  );
  return finish(prepared, outputs, options);
}

async function runParallel(
  prepared: PreparedRun,
  model: ModelReference,
  options: SensitivityOptions<unknown>,
): Promise<SensitivityResult> {
  const { plan, R } = prepared;
  const pool: WorkerPoolOptions =
    typeof options.workers === 'number'
      ? { count: options.workers }
      : (options.workers ?? { count: 1 });
  const shared = new SharedArrayBuffer(plan.N * R * Float64Array.BYTES_PER_ELEMENT);
  const chunk = pool.chunk ?? Math.max(16, Math.min(1024, Math.ceil(plan.N / (pool.count * 8))));
  await runOnWorkers(
    { kind: 'saltelli', plan, units: plan.N, evaluationsPerUnit: R, chunk, outputs: shared },
    model,
    pool,
    options.onProgress,
  );
  return finish(prepared, new Float64Array(shared), options);
}

/**
 * Variance-based global sensitivity analysis (Sobol' indices) of any pure model, SALib-style:
 * a Saltelli design from a 2k-dimensional unscrambled Sobol' sequence (A, B and A_B^i; B_A^i too
 * for second order), first-order indices by the Saltelli (2010) estimator on centred outputs,
 * total-order indices by Jansen's estimator, second-order indices as SALib, and seeded
 * bootstrap confidence intervals.
 *
 * With a function or batch model and no workers it runs synchronously and returns the result.
 * With `workers`, or with the model given as a {@link ModelReference}, it returns a Promise; the
 * numbers are bit-identical to the single-thread run for the same options.
 *
 * Data problems (non-finite outputs, constant output) come back as `diagnostics`; invalid
 * options throw a FoodSafetyError `SCORING_SENSITIVITY_OPTIONS`.
 *
 * @example
 * ```ts
 * const result = sensitivity({
 *   model: (x) => x[0]! + 2 * x[1]! + 3 * x[2]!,
 *   inputs: ['x1', 'x2', 'x3'].map((name) => ({ name, distribution: { type: 'uniform', min: 0, max: 1 } })),
 *   N: 4096,
 *   seed: 1,
 * });
 * result.S1; // ≈ [1/14, 4/14, 9/14]
 * ```
 */
export function sensitivity(
  options: SensitivityOptions<Model> & { readonly workers?: undefined },
): SensitivityResult;
export function sensitivity(
  options: SensitivityOptions<ModelReference>,
): Promise<SensitivityResult>;
export function sensitivity(
  options: SensitivityOptions<Model | ModelReference>,
): SensitivityResult | Promise<SensitivityResult> {
  const prepared = prepare(options);
  const { model, workers } = options;
  const count = typeof workers === 'number' ? workers : (workers?.count ?? 0);
  if (count === 0 && isModel(model)) return runInThread(prepared, model, options);
  if (!isModelReference(model)) {
    throw new FoodSafetyError(
      'SCORING_SENSITIVITY_OPTIONS',
      'with workers the model must be given as { module, export } (functions cannot cross threads)',
      {},
    );
  }
  if (count === 0) {
    const href = modelHref(model.module);
    return import(href).then((module: Record<string, unknown>) =>
      runInThread(prepared, modelFromModule(module, model.export, href), options),
    );
  }
  return runParallel(prepared, model, options);
}
