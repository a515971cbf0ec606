import {
  createDiagnostic,
  type Diagnostic,
  describeValue,
  FoodSafetyError,
  type RandomSeed,
  type RuleSetMeta,
} from '@foodsafety/core';
import type { CityModelInput } from '../standard/city-model.js';
import type { Standard } from '../standard/define-standard.js';
import type { ScoringExtensions } from '../standard/extensions.js';
import { asOfProblems, standardTaskShareFacts } from '../standard/standard-task-shares.js';
import { normalQuantile } from '../stats/normal-quantile.js';
import { checkFactUncertainties, type FactUncertainty } from './fact-uncertainty.js';
import { type MethodChoice, methodChoiceProblem } from './method-choice.js';
import {
  type MethodSwitches,
  type MonteCarloPlan,
  monteCarloRunner,
  runStride,
  type SimulationUnit,
  UNIT_FIELDS,
  type WeightUncertainty,
  weightUncertaintyProblem,
} from './monte-carlo-runs.js';
import { simulationMessages } from './simulation-messages.js';
import { quantileLowSorted, quantileSorted } from './sorted-quantile.js';
import { modelHref, type Progress, runOnWorkers, type WorkerPoolOptions } from './worker-pool.js';

/**
 * A module export giving {@link ScoringExtensions} (an object, or a function of no arguments
 * returning one), for worker threads to import.
 */
export interface ExtensionsReference {
  readonly module: string | URL;
  readonly export: string;
}

/**
 * The scoring model simulated: a standard and what it is scored on — the facts of the city, its
 * regions and departments, the task ledger and its date — exactly as {@link cityModel} and
 * `score` take them.
 */
export interface ScoringModel extends CityModelInput {
  readonly standard: Standard;
}

/** What is uncertain. */
export interface SimulationUncertainty {
  /** Assessment error per fact name, applied to every unit around its reported value. */
  readonly facts?: Readonly<Record<string, FactUncertainty>>;
  /** Uncertain item weights (maximum points), per run. */
  readonly weights?: WeightUncertainty;
  /** Method switches (alternative pass thresholds), per run. */
  readonly methods?: MethodSwitches;
}

/** Options of {@link simulate}. */
export interface SimulateOptions {
  readonly model: ScoringModel;
  readonly uncertainty: SimulationUncertainty;
  /** Number of Monte Carlo runs. */
  readonly runs: number;
  /** Seed; run r draws from `createRandom(seed).stream(r)`. */
  readonly seed: RandomSeed;
  /** Probabilities of the reported quantiles (default 0.05, 0.25, 0.5, 0.75, 0.95). */
  readonly probabilities?: readonly number[];
  /**
   * Worker threads. Each rebuilds the standard from its spec; when the spec names plugin
   * calculators or veto predicates, say where the workers find them with `extensions`.
   */
  readonly workers?: number | WorkerPoolOptions;
  /**
   * With `workers`: the module export that gives the standard's plugin calculators and veto
   * predicates ({@link ScoringExtensions}, or a function returning them, such as
   * `scoringExtensionsOf(engine)` wrapped in a function). Functions cannot cross threads, so each
   * worker imports this module. Ignored without workers.
   */
  readonly extensions?: ExtensionsReference;
  readonly onProgress?: (progress: Progress) => void;
}

/** The simulated distribution of one unit's result. */
export interface UnitSimulation {
  readonly kind: 'city' | 'region' | 'department';
  readonly id: string;
  /** Quantiles of the total at {@link SimulationResult.probabilities}. */
  readonly quantiles: readonly number[];
  readonly mean: number;
  readonly sd: number;
  /** Probability of passing. */
  readonly pPass: number;
  readonly pPassInterval: readonly [low: number, high: number];
  /** Probability that every key item reaches its minimum share. */
  readonly pKeyItemsOk: number;
  /** Probability that any veto fires, and of each veto by id. */
  readonly pVeto: { readonly any: number; readonly byVeto: Readonly<Record<string, number>> };
  /** Quantiles of the unit's rank among its peers (1 = highest total; ties share the best rank). */
  readonly rankQuantiles?: readonly number[];
  readonly meanRank?: number;
}

/** The result of {@link simulate}. */
export interface SimulationResult {
  readonly runs: number;
  readonly probabilities: readonly number[];
  /** Quantiles of the city's total. */
  readonly quantiles: readonly number[];
  /** Probability that the city passes. */
  readonly pPass: number;
  readonly pPassInterval: readonly [low: number, high: number];
  /** Probability that a veto fires for the city: any, and each by id. */
  readonly pVeto: UnitSimulation['pVeto'];
  /** Rank quantiles of each region among the regions, by region id. */
  readonly rankQuantiles: Readonly<Record<string, readonly number[]>>;
  readonly city: UnitSimulation;
  readonly regions: readonly UnitSimulation[];
  readonly departments: readonly UnitSimulation[];
  readonly meta: RuleSetMeta;
  readonly diagnostics: readonly Diagnostic[];
}

const DEFAULT_PROBABILITIES = [0.05, 0.25, 0.5, 0.75, 0.95];

function wilson(successes: number, n: number): readonly [number, number] {
  const z = normalQuantile(0.975);
  const p = successes / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

function fail(detail: string, diagnostics: readonly Diagnostic[] = []): never {
  throw new FoodSafetyError('SCORING_SIMULATION_OPTIONS', detail, { diagnostics });
}

function checkChoice(name: string, choice: MethodChoice | undefined): void {
  if (choice === undefined) return;
  const problem = methodChoiceProblem(choice, (v) => typeof v === 'number' && Number.isFinite(v));
  if (problem !== undefined) fail(`methods.${name}: ${problem}`);
}

/**
 * The outputs of every run: a run count the runtime cannot hold (`1e300`, `2 ** 40`) is
 * `SCORING_SIMULATION_OPTIONS`, not the `RangeError` of the allocation.
 */
function allocate<T>(runs: number, stride: number, make: (length: number) => T): T {
  try {
    return make(runs * stride);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return fail(`runs must be fewer: ${runs} runs × ${stride} outputs cannot be held in memory`);
  }
}

/** The units the engine's `score` would score, with the facts it would use. */
function simulationUnits(model: ScoringModel): SimulationUnit[] {
  const inherit = model.inheritCityFacts ?? true;
  const shares =
    model.ledger === undefined
      ? undefined
      : standardTaskShareFacts(model.standard, model.ledger, model.asOf);
  const units: SimulationUnit[] = [
    { kind: 'city', id: 'city', facts: { ...(shares?.city ?? {}), ...model.facts } },
  ];
  for (const kind of ['region', 'department'] as const) {
    const given = (kind === 'region' ? model.regions : model.departments) ?? {};
    const fromLedger = (kind === 'region' ? shares?.regions : shares?.departments) ?? {};
    for (const id of new Set([...Object.keys(fromLedger), ...Object.keys(given)])) {
      units.push({
        kind,
        id,
        facts: {
          ...(inherit ? model.facts : {}),
          ...(fromLedger[id] ?? {}),
          ...(given[id] ?? {}),
        },
      });
    }
  }
  return units;
}

function summarise(
  outputs: Float64Array,
  plan: MonteCarloPlan,
  standard: Standard,
  probabilities: readonly number[],
  diagnostics: Diagnostic[],
): SimulationResult {
  const { runs, units } = plan;
  const nVetoes = standard.vetoes.length;
  const perUnit = UNIT_FIELDS + nVetoes;
  const stride = runStride(plan, standard);
  const vetoIds = standard.vetoes.map((v) => v.id);
  const column = new Float64Array(runs);
  const unitResults: UnitSimulation[] = units.map((unit, u) => {
    let sum = 0;
    let passes = 0;
    let keyOk = 0;
    let anyVeto = 0;
    const vetoCounts = new Array<number>(nVetoes).fill(0);
    for (let r = 0; r < runs; r++) {
      const o = r * stride + u * perUnit;
      const total = outputs[o] as number;
      column[r] = total;
      sum += total;
      passes += outputs[o + 1] as number;
      keyOk += outputs[o + 2] as number;
      anyVeto += outputs[o + 3] as number;
      for (let i = 0; i < nVetoes; i++)
        vetoCounts[i] = (vetoCounts[i] as number) + (outputs[o + UNIT_FIELDS + i] as number);
    }
    const mean = sum / runs;
    let ss = 0;
    for (let r = 0; r < runs; r++) ss += ((column[r] as number) - mean) ** 2;
    column.sort();
    return {
      kind: unit.kind,
      id: unit.id,
      quantiles: probabilities.map((p) => quantileSorted(column, p)),
      mean,
      sd: runs > 1 ? Math.sqrt(ss / (runs - 1)) : 0,
      pPass: passes / runs,
      pPassInterval: wilson(passes, runs),
      pKeyItemsOk: keyOk / runs,
      pVeto: {
        any: anyVeto / runs,
        byVeto: Object.fromEntries(vetoIds.map((id, i) => [id, (vetoCounts[i] as number) / runs])),
      },
    };
  });
  // Ranks among peers (regions among regions, departments among departments), run by run.
  const withRanks = [...unitResults];
  for (const kind of ['region', 'department'] as const) {
    const members = units.flatMap((unit, u) => (unit.kind === kind ? [u] : []));
    if (members.length === 0) continue;
    const ranks = members.map(() => new Float64Array(runs));
    const totals = new Float64Array(members.length);
    for (let r = 0; r < runs; r++) {
      members.forEach((u, m) => {
        totals[m] = outputs[r * stride + u * perUnit] as number;
      });
      for (let m = 0; m < members.length; m++) {
        let better = 0;
        for (let n = 0; n < members.length; n++)
          if ((totals[n] as number) > (totals[m] as number)) better++;
        (ranks[m] as Float64Array)[r] = better + 1;
      }
    }
    members.forEach((u, m) => {
      const rank = ranks[m] as Float64Array;
      let total = 0;
      for (let r = 0; r < runs; r++) total += rank[r] as number;
      rank.sort();
      withRanks[u] = {
        ...(unitResults[u] as UnitSimulation),
        rankQuantiles: probabilities.map((p) => quantileLowSorted(rank, p)),
        meanRank: total / runs,
      };
    });
  }
  const city = withRanks[0] as UnitSimulation;
  const regions = withRanks.filter((u) => u.kind === 'region');
  return {
    runs,
    probabilities,
    quantiles: city.quantiles,
    pPass: city.pPass,
    pPassInterval: city.pPassInterval,
    pVeto: city.pVeto,
    rankQuantiles: Object.fromEntries(regions.map((r) => [r.id, r.rankQuantiles ?? []])),
    city,
    regions,
    departments: withRanks.filter((u) => u.kind === 'department'),
    meta: standard.meta,
    diagnostics,
  };
}

function prepare(options: SimulateOptions): {
  plan: MonteCarloPlan;
  probabilities: readonly number[];
  diagnostics: Diagnostic[];
} {
  if (typeof options !== 'object' || options === null)
    fail(`options must be an object; got ${describeValue(options, Number.POSITIVE_INFINITY)}`);
  const { model, uncertainty, runs } = options;
  if (
    typeof model?.standard !== 'object' ||
    model.standard === null ||
    !('compiled' in model.standard)
  ) {
    fail('model.standard must be a standard made by defineStandard');
  }
  if (!Number.isInteger(runs) || runs < 1)
    fail(`runs must be an integer ≥ 1; got ${describeValue(runs, Number.POSITIVE_INFINITY)}`);
  if (typeof uncertainty !== 'object' || uncertainty === null)
    fail('uncertainty must be an object');
  const facts = uncertainty.facts ?? {};
  const problems = checkFactUncertainties(facts);
  if (problems.length > 0) fail(problems.map((d) => d.message).join('; '), problems);
  const w = uncertainty.weights;
  const weightProblem = w === undefined ? undefined : weightUncertaintyProblem(w);
  if (weightProblem !== undefined) fail(weightProblem);
  checkChoice('minTotal', uncertainty.methods?.minTotal);
  checkChoice('keyItemMinPercent', uncertainty.methods?.keyItemMinPercent);
  const probabilities = options.probabilities ?? DEFAULT_PROBABILITIES;
  // numbers only: comparing an object without a prototype throws
  if (
    !Array.isArray(probabilities) ||
    !probabilities.every((p) => typeof p === 'number' && p >= 0 && p <= 1)
  )
    fail('probabilities must lie in [0, 1]');
  const diagnostics: Diagnostic[] = [];
  if (model.ledger !== undefined) diagnostics.push(...asOfProblems(model.asOf, ['model', 'asOf']));
  const known = new Set(model.standard.factNames);
  for (const name of Object.keys(facts)) {
    if (!known.has(name)) {
      diagnostics.push(
        createDiagnostic(
          simulationMessages.SCORING_SIMULATION_UNKNOWN_FACT,
          { fact: name },
          { path: ['uncertainty', 'facts', name] },
        ),
      );
    }
  }
  const plan: MonteCarloPlan = {
    units: simulationUnits(model),
    facts,
    ...(w === undefined ? {} : { weights: w }),
    ...(uncertainty.methods === undefined ? {} : { methods: uncertainty.methods }),
    seed: options.seed,
    runs,
  };
  return { plan, probabilities, diagnostics };
}

/**
 * Monte Carlo over a scoring model: how robust is the verdict? Each run draws the method
 * switches, the weights and every unit's uncertain facts (assessment error) from its own seeded
 * stream, scores the city and every region and department on the standard's compiled evaluator,
 * and records totals, pass, key-item checks and each veto. The result gives quantiles of the
 * totals, P(pass) with a Wilson interval, P(veto) overall and per veto, and the rank quantiles
 * of regions (and departments) among their peers.
 *
 * Runs without `workers` synchronously. With `workers` it returns a Promise with the same
 * numbers (run r always uses stream r; all reductions happen on this thread).
 *
 * @example
 * ```ts
 * const result = simulate({
 *   model: { standard, facts: cityFacts, regions },
 *   uncertainty: { facts: { satisfaction: { type: 'normal', sd: 2 } }, weights: { type: 'uniform', percent: 10 } },
 *   runs: 10_000,
 *   seed: 'dalian-2017',
 * });
 * result.pPass; // e.g. 0.93
 * ```
 */
export function simulate(
  options: SimulateOptions & { readonly workers?: undefined },
): SimulationResult;
export function simulate(
  options: SimulateOptions & { readonly workers: number | WorkerPoolOptions },
): Promise<SimulationResult>;
export function simulate(options: SimulateOptions): SimulationResult | Promise<SimulationResult> {
  const { plan, probabilities, diagnostics } = prepare(options);
  const standard = options.model.standard;
  const stride = runStride(plan, standard);
  if (options.workers === undefined) {
    const outputs = allocate(plan.runs, stride, (n) => new Float64Array(n));
    const run = monteCarloRunner(plan, standard);
    const block = 256;
    for (let from = 0; from < plan.runs; from += block) {
      const to = Math.min(plan.runs, from + block);
      run(from, to, outputs);
      options.onProgress?.({ done: to * plan.units.length, total: plan.runs * plan.units.length });
    }
    return summarise(outputs, plan, standard, probabilities, diagnostics);
  }
  if (Object.values(plan.facts).some((f) => f.type === 'sampler')) {
    fail('sampler functions cannot cross to worker threads; run without workers');
  }
  const pool: WorkerPoolOptions =
    typeof options.workers === 'number' ? { count: options.workers } : options.workers;
  const shared = allocate(
    plan.runs,
    stride,
    (n) => new SharedArrayBuffer(n * Float64Array.BYTES_PER_ELEMENT),
  );
  const chunk = pool.chunk ?? Math.max(8, Math.min(512, Math.ceil(plan.runs / (pool.count * 16))));
  const extensions =
    options.extensions === undefined
      ? undefined
      : { href: modelHref(options.extensions.module), export: options.extensions.export };
  return runOnWorkers(
    {
      kind: 'monte-carlo',
      plan: { ...plan, spec: standard.spec, ...(extensions === undefined ? {} : { extensions }) },
      units: plan.runs,
      evaluationsPerUnit: plan.units.length,
      chunk,
      outputs: shared,
    },
    options.extensions,
    pool,
    options.onProgress,
  ).then(() => summarise(new Float64Array(shared), plan, standard, probabilities, diagnostics));
}
