import {
  createDiagnostic,
  createRandom,
  type Diagnostic,
  describeValue,
  fail,
  ok,
  type Random,
  type RandomSeed,
  type Result,
} from '@foodsafety/core';
import {
  type AggregationMethod,
  computeIndex,
  findAggregator,
  type IndexMethod,
  NORMALISATION_METHODS,
  type Normalisation,
  type UnitData,
} from '../composite/compute-index.js';
import {
  type IndexFramework,
  isIndexFramework,
  parseIndexFramework,
} from '../composite/index-framework.js';
import { checkFactUncertainties, drawFact, type FactUncertainty } from './fact-uncertainty.js';
import { chooseMethod, type MethodChoice, methodChoiceProblem } from './method-choice.js';
import { type WeightUncertainty, weightUncertaintyProblem } from './monte-carlo-runs.js';
import { simulationMessages } from './simulation-messages.js';
import { quantileLowSorted, quantileSorted } from './sorted-quantile.js';

/**
 * What is uncertain in a composite index (COINr's uncertainty analysis): the method switches
 * (normalisation, aggregation), the weights, and the data.
 */
export interface IndexUncertainty {
  /** Alternative normalisations, one drawn per run (replaces `method.normalisation`). */
  readonly normalisation?: MethodChoice<Normalisation>;
  /** Alternative aggregation methods, one drawn per run (replaces `method.aggregation`). */
  readonly aggregation?: MethodChoice<AggregationMethod>;
  /**
   * Weights of the children of every aggregate, drawn per run and parent: `uniform` multiplies
   * each weight by 1 + U(−percent, +percent)/100; `dirichlet` draws the parent's shares from
   * Dirichlet(concentration × nominal shares). (Weights are rescaled within each parent anyway.)
   */
  readonly weights?: WeightUncertainty;
  /** Measurement error per indicator code, drawn per unit and run around the reported value. */
  readonly data?: Readonly<Record<string, FactUncertainty>>;
}

/** Options of {@link simulateIndex}. */
export interface SimulateIndexOptions {
  /** A framework table (validated here) or a parsed framework. */
  readonly framework: unknown;
  readonly data: readonly UnitData[];
  /** The nominal method (normalisation, aggregation, weights, plugin aggregators). */
  readonly method?: IndexMethod;
  readonly uncertainty: IndexUncertainty;
  /** Number of Monte Carlo runs (≥ 1). */
  readonly runs: number;
  /** Seed; run r draws from `createRandom(seed).stream(r)` only. */
  readonly seed: RandomSeed;
  /** The node reported (default the framework's first root, the index). */
  readonly node?: string;
  /** Probabilities of the reported quantiles (default 0.05, 0.25, 0.5, 0.75, 0.95). */
  readonly probabilities?: readonly number[];
}

/** The simulated score and rank of one unit at the reported node. */
export interface UnitIndexSimulation {
  readonly code: string;
  /** Score and rank with the nominal method and data (`null` when missing). */
  readonly nominalScore: number | null;
  readonly nominalRank: number | null;
  /** Quantiles of the score over the runs where it was defined. */
  readonly scoreQuantiles: readonly number[];
  /** Quantiles of the rank (1 = best; ties share the best rank); always whole ranks. */
  readonly rankQuantiles: readonly number[];
  readonly meanRank: number;
  /** Share of runs in which the unit ranked first. */
  readonly pFirst: number;
  /** Runs in which the unit had no score (missing data, or a mean that needs positive values). */
  readonly missingRuns: number;
}

/** The result of {@link simulateIndex}. */
export interface IndexSimulation {
  readonly runs: number;
  readonly node: string;
  readonly probabilities: readonly number[];
  /** One entry per unit, in the order of `data`. */
  readonly units: readonly UnitIndexSimulation[];
  /** How often each normalisation and aggregation was drawn, by position in its `values`. */
  readonly methodCounts: {
    readonly normalisation: readonly number[];
    readonly aggregation: readonly number[];
  };
}

const DEFAULT_PROBABILITIES = [0.05, 0.25, 0.5, 0.75, 0.95];

function invalid(detail: string, path: (string | number)[]): Diagnostic {
  return createDiagnostic(
    simulationMessages.SCORING_SIMULATION_UNCERTAINTY_INVALID,
    { detail },
    {
      path,
    },
  );
}

function checkOptions(options: SimulateIndexOptions): Diagnostic[] {
  const problems: Diagnostic[] = [];
  if (typeof options !== 'object' || options === null)
    return [
      invalid(
        `options must be an object; got ${describeValue(options, Number.POSITIVE_INFINITY)}`,
        [],
      ),
    ];
  const { runs, uncertainty } = options;
  if (!Number.isInteger(runs) || runs < 1) {
    problems.push(
      invalid(`runs must be an integer ≥ 1; got ${describeValue(runs, Number.POSITIVE_INFINITY)}`, [
        'runs',
      ]),
    );
  }
  if (typeof uncertainty !== 'object' || uncertainty === null) {
    problems.push(invalid('uncertainty must be an object', ['uncertainty']));
    return problems;
  }
  const normalisation =
    uncertainty.normalisation === undefined
      ? undefined
      : methodChoiceProblem(
          uncertainty.normalisation,
          (v) =>
            typeof v === 'object' &&
            v !== null &&
            NORMALISATION_METHODS.includes(
              (v as { method?: unknown }).method as Normalisation['method'],
            ),
        );
  if (normalisation !== undefined) {
    problems.push(invalid(`normalisation: ${normalisation}`, ['uncertainty', 'normalisation']));
  }
  const aggregation =
    uncertainty.aggregation === undefined
      ? undefined
      : methodChoiceProblem(uncertainty.aggregation, (v) => typeof v === 'string' && v !== '');
  if (aggregation !== undefined) {
    problems.push(invalid(`aggregation: ${aggregation}`, ['uncertainty', 'aggregation']));
  }
  const w = uncertainty.weights;
  const weightProblem = w === undefined ? undefined : weightUncertaintyProblem(w);
  if (weightProblem !== undefined) {
    problems.push(invalid(weightProblem, ['uncertainty', 'weights']));
  }
  if (uncertainty.data !== undefined) {
    problems.push(...checkFactUncertainties(uncertainty.data, ['uncertainty', 'data']));
  }
  const probabilities = options.probabilities ?? DEFAULT_PROBABILITIES;
  if (
    !Array.isArray(probabilities) ||
    !probabilities.every((p) => typeof p === 'number' && p >= 0 && p <= 1)
  ) {
    problems.push(invalid('probabilities must lie in [0, 1]', ['probabilities']));
  }
  return problems;
}

/** Nominal weight of every child of every aggregate, then the run's draw of them. */
function drawWeights(
  framework: IndexFramework,
  nominal: Readonly<Record<string, number>>,
  spec: WeightUncertainty | undefined,
  random: Random,
): Record<string, number> {
  const weights: Record<string, number> = { ...nominal };
  if (spec === undefined) return weights;
  for (const parent of framework.aggregates) {
    const kids = framework.children.get(parent) ?? [];
    if (kids.length < 2) continue;
    const base = kids.map((k) => nominal[k] ?? framework.byCode.get(k)?.weight ?? 1);
    const total = base.reduce((s, x) => s + x, 0);
    if (spec.type === 'uniform') {
      const f = spec.percent / 100;
      kids.forEach((k, i) => {
        weights[k] = (base[i] as number) * (1 + random.uniform(-f, f));
      });
    } else {
      const shares = random.dirichlet(base.map((x) => (spec.concentration * x) / total));
      kids.forEach((k, i) => {
        // a share can underflow to 0; the smallest positive weight keeps the child in the mean
        weights[k] = Math.max(shares[i] as number, Number.MIN_VALUE);
      });
    }
  }
  return weights;
}

/**
 * Monte Carlo uncertainty analysis of a composite index, as COINr's: each run draws a
 * normalisation and an aggregation method (the method switches), the weights within every parent
 * and the measurement error of the data, all from its own stream `createRandom(seed).stream(r)`,
 * recomputes the index with {@link computeIndex}, and records each unit's score and rank at the
 * reported node. The result gives, per unit, score and rank quantiles, the mean rank and the
 * chance of ranking first: how far a league table can be trusted.
 *
 * Problems with the framework, the data or the options come back as diagnostics (the framework's
 * own codes, `SCORING_SIMULATION_UNCERTAINTY_INVALID` with a path); findings of individual runs
 * (a geometric mean over a zero) are summarised once as `SCORING_SIMULATION_RUN_DIAGNOSTIC`.
 */
export function simulateIndex(options: SimulateIndexOptions): Result<IndexSimulation> {
  const problems = checkOptions(options);
  if (problems.length > 0) return fail(problems);
  const parsed = isIndexFramework(options.framework)
    ? ok(options.framework)
    : parseIndexFramework(options.framework);
  if (!parsed.ok) return parsed;
  const framework = parsed.value;
  const method = options.method ?? {};
  const unknownAggregation = (options.uncertainty.aggregation?.values ?? []).findIndex(
    (id) => findAggregator(id, method.aggregators) === undefined,
  );
  if (unknownAggregation !== -1) {
    return fail([
      invalid(
        `aggregation ${String(options.uncertainty.aggregation?.values[unknownAggregation])} is neither built in nor among method.aggregators`,
        ['uncertainty', 'aggregation', 'values', unknownAggregation],
      ),
    ]);
  }
  const node = options.node ?? framework.roots[0] ?? '';
  if (!framework.byCode.has(node)) {
    // not `${node}`: a template literal throws on an object without a prototype, and on a symbol
    return fail([
      invalid(`node ${describeValue(node, Number.POSITIVE_INFINITY)} is not in the framework`, [
        'node',
      ]),
    ]);
  }
  const nominal = computeIndex(framework, options.data, method);
  if (!nominal.ok) return nominal;
  const nominalNode = nominal.value.nodes.find((n) => n.code === node);
  const { uncertainty, runs } = options;
  const probabilities = options.probabilities ?? DEFAULT_PROBABILITIES;
  const data = uncertainty.data ?? {};
  const diagnostics: Diagnostic[] = [...nominal.diagnostics];
  for (const code of Object.keys(data)) {
    if (!framework.indicators.includes(code)) {
      diagnostics.push(
        createDiagnostic(
          simulationMessages.SCORING_SIMULATION_UNKNOWN_FACT,
          { fact: code },
          { path: ['uncertainty', 'data', code] },
        ),
      );
    }
  }
  const units = options.data.length;
  let scores: Float64Array[];
  let ranks: Float64Array[];
  try {
    scores = Array.from({ length: units }, () => new Float64Array(runs));
    ranks = Array.from({ length: units }, () => new Float64Array(runs));
  } catch (error) {
    // a run count the runtime cannot hold (1e300, 2 ** 40): not the RangeError of the allocation
    if (!(error instanceof RangeError)) throw error;
    return fail([invalid(`runs must be fewer: ${runs} runs cannot be held in memory`, ['runs'])]);
  }
  const normalisationCounts = new Array<number>(uncertainty.normalisation?.values.length ?? 0).fill(
    0,
  );
  const aggregationCounts = new Array<number>(uncertainty.aggregation?.values.length ?? 0).fill(0);
  let runsWithFindings = 0;
  let firstFinding: Diagnostic | undefined;
  const root = createRandom(options.seed);
  const nominalWeights = method.weights ?? {};
  for (let r = 0; r < runs; r++) {
    const random = root.stream(r);
    const normalisation =
      uncertainty.normalisation === undefined
        ? method.normalisation
        : chooseMethod(uncertainty.normalisation, random);
    const aggregation =
      uncertainty.aggregation === undefined
        ? method.aggregation
        : chooseMethod(uncertainty.aggregation, random);
    if (uncertainty.normalisation !== undefined && normalisation !== undefined) {
      const i = uncertainty.normalisation.values.indexOf(normalisation);
      normalisationCounts[i] = (normalisationCounts[i] as number) + 1;
    }
    if (uncertainty.aggregation !== undefined && aggregation !== undefined) {
      const i = uncertainty.aggregation.values.indexOf(aggregation);
      aggregationCounts[i] = (aggregationCounts[i] as number) + 1;
    }
    const weights = drawWeights(framework, nominalWeights, uncertainty.weights, random);
    const drawn: UnitData[] = options.data.map((unit) => {
      const values: Record<string, number | null | undefined> = { ...unit.values };
      for (const code of framework.indicators) {
        const spec = data[code];
        const x = values[code];
        if (spec !== undefined && typeof x === 'number' && Number.isFinite(x)) {
          values[code] = drawFact(spec, x, random);
        }
      }
      return { code: unit.code, values };
    });
    const result = computeIndex(framework, drawn, {
      ...method,
      weights,
      ...(normalisation === undefined ? {} : { normalisation }),
      ...(aggregation === undefined ? {} : { aggregation }),
    });
    if (!result.ok || result.diagnostics.length > 0) {
      runsWithFindings += 1;
      firstFinding ??= result.diagnostics[0];
    }
    const at = result.ok ? result.value.nodes.find((n) => n.code === node) : undefined;
    for (let u = 0; u < units; u++) {
      (scores[u] as Float64Array)[r] = at?.scores[u] ?? Number.NaN;
      (ranks[u] as Float64Array)[r] = at?.ranks[u] ?? Number.NaN;
    }
  }
  if (runsWithFindings > 0 && firstFinding !== undefined) {
    diagnostics.push(
      createDiagnostic(simulationMessages.SCORING_SIMULATION_RUN_DIAGNOSTIC, {
        count: runsWithFindings,
        code: firstFinding.code,
        message: firstFinding.message,
      }),
    );
  }
  const summary: UnitIndexSimulation[] = options.data.map((unit, u) => {
    const s = (scores[u] as Float64Array).filter((x) => !Number.isNaN(x)).sort();
    const k = (ranks[u] as Float64Array).filter((x) => !Number.isNaN(x)).sort();
    let rankTotal = 0;
    let first = 0;
    for (const x of k) {
      rankTotal += x;
      if (x === 1) first += 1;
    }
    return {
      code: unit.code,
      nominalScore: nominalNode?.scores[u] ?? null,
      nominalRank: nominalNode?.ranks[u] ?? null,
      scoreQuantiles: s.length === 0 ? [] : probabilities.map((p) => quantileSorted(s, p)),
      rankQuantiles: k.length === 0 ? [] : probabilities.map((p) => quantileLowSorted(k, p)),
      meanRank: k.length === 0 ? Number.NaN : rankTotal / k.length,
      pFirst: first / runs,
      missingRuns: runs - s.length,
    };
  });
  return ok(
    {
      runs,
      node,
      probabilities,
      units: summary,
      methodCounts: { normalisation: normalisationCounts, aggregation: aggregationCounts },
    },
    diagnostics,
  );
}
