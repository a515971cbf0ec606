import {
  createDiagnostic,
  type Diagnostic,
  describeValue,
  fail,
  ok,
  type Result,
} from '@foodsafety/core';
import { isRecord } from '../is-record.js';
import { jsonText } from '../json-text.js';
import { minRank } from '../ledger/min-rank.js';
import { scoringMessages as M } from '../scoring-messages.js';
import type { Aggregator } from '../standard/extensions.js';
import { type IndexFramework, isIndexFramework, parseIndexFramework } from './index-framework.js';

/** How indicators are put on a common scale (after applying their direction). */
export type Normalisation =
  | { readonly method: 'none' }
  /** (x − min) / (max − min) mapped to `range` (default [0, 100]). */
  | { readonly method: 'minmax'; readonly range?: readonly [number, number] }
  /** (x − lower) / (upper − lower), truncated to [0, 1], × `scale` (default 100); reversed for direction −1. */
  | {
      readonly method: 'goalposts';
      readonly goalposts: Readonly<
        Record<string, { readonly lower: number; readonly upper: number }>
      >;
      readonly scale?: number;
    }
  /** (x − mean) / sd, rescaled to mean `mean` and sd `sd` (defaults 0 and 1). */
  | { readonly method: 'zscore'; readonly mean?: number; readonly sd?: number }
  /**
   * Distance to target: (x − min) / (target − min) (direction 1) or (max − x) / (max − target)
   * (direction −1), capped at 1 unless `cap` is false, × `scale` (default 100).
   */
  | {
      readonly method: 'distanceToTarget';
      readonly targets: Readonly<Record<string, number>>;
      readonly cap?: boolean;
      readonly scale?: number;
    };

/** The `method` of every {@link Normalisation}. */
export const NORMALISATION_METHODS: readonly Normalisation['method'][] = [
  'none',
  'minmax',
  'goalposts',
  'zscore',
  'distanceToTarget',
];

/** How children are combined: weighted arithmetic, geometric or harmonic mean, or a plugin aggregator by id. */
export type AggregationMethod = 'arithmetic' | 'geometric' | 'harmonic' | (string & {});

/** The method of {@link computeIndex}. */
export interface IndexMethod {
  /** Default min-max to [0, 100]. */
  readonly normalisation?: Normalisation;
  /** Default arithmetic. */
  readonly aggregation?: AggregationMethod;
  /** Weight overrides by node code (a what-if on weights). */
  readonly weights?: Readonly<Record<string, number>>;
  /** Aggregators contributed by plugins (`scoring.aggregators`), for `aggregation: '<id>'`. */
  readonly aggregators?: readonly Aggregator[];
}

/** One unit's raw indicator values; missing values are `null` or absent. */
export interface UnitData {
  readonly code: string;
  readonly values: Readonly<Record<string, number | null | undefined>>;
}

/** Scores and ranks of one node of the framework, per unit (in `units` order). */
export interface NodeScores {
  readonly code: string;
  readonly level: number;
  readonly type: 'indicator' | 'aggregate';
  /** Indicators: normalised values; aggregates: aggregated scores. `null` when missing. */
  readonly scores: readonly (number | null)[];
  /** Ranks (1 = best; ties share the best rank). `null` when missing. */
  readonly ranks: readonly (number | null)[];
}

/** The result of {@link computeIndex}. */
export interface IndexResult {
  readonly units: readonly string[];
  /** Every node: indicators in framework order, then aggregates children before parents. */
  readonly nodes: readonly NodeScores[];
  /** The root node codes (usually one: the index). */
  readonly roots: readonly string[];
}

const BUILT_IN: Record<string, Aggregator> = {
  arithmetic: {
    id: 'arithmetic',
    aggregate: (x, w) => {
      let s = 0;
      for (let i = 0; i < x.length; i++) s += (w[i] as number) * (x[i] as number);
      return s;
    },
  },
  geometric: {
    id: 'geometric',
    aggregate: (x, w) => {
      let s = 0;
      for (let i = 0; i < x.length; i++) {
        if (!((x[i] as number) > 0)) return Number.NaN;
        s += (w[i] as number) * Math.log(x[i] as number);
      }
      return Math.exp(s);
    },
  },
  harmonic: {
    id: 'harmonic',
    aggregate: (x, w) => {
      let s = 0;
      for (let i = 0; i < x.length; i++) {
        if (!((x[i] as number) > 0)) return Number.NaN;
        s += (w[i] as number) / (x[i] as number);
      }
      return 1 / s;
    },
  },
};

/** The aggregator of an id: a built-in mean, else the plugin aggregator with that id. */
export function findAggregator(
  id: string,
  aggregators: readonly Aggregator[] = [],
): Aggregator | undefined {
  // an id read as a key of BUILT_IN is converted to text (which throws on an object without a
  // prototype), and `constructor` or `toString` would find what every object inherits
  const builtIn = typeof id === 'string' && Object.hasOwn(BUILT_IN, id) ? BUILT_IN[id] : undefined;
  return builtIn ?? aggregators.find((a) => a.id === id);
}

/** A value in a message: its JSON, a bigint with its `n` (so that `10n` is not taken for a number). */
const shown = (value: unknown): string =>
  typeof value === 'bigint' ? `${value}n` : jsonText(value);

const NORMALISATIONS = new Set(['none', 'minmax', 'goalposts', 'zscore', 'distanceToTarget']);

/**
 * What is wrong with the shape of a method or of the data rows (from JavaScript or JSON: the
 * types do not hold there), before anything reads them.
 */
function shapeProblems(data: unknown, method: unknown): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const methodProblem = (detail: string, path: (string | number)[]) =>
    problems.push(createDiagnostic(M.SCORING_INDEX_METHOD_INVALID, { detail }, { path }));
  if (!isRecord(method)) methodProblem('the method must be an object', ['method']);
  else if (method.normalisation !== undefined) {
    const n = method.normalisation;
    const kind = isRecord(n) ? n.method : undefined;
    if (typeof kind !== 'string' || !NORMALISATIONS.has(kind)) {
      methodProblem(`unknown normalisation ${jsonText(kind)}`, [
        'method',
        'normalisation',
        'method',
      ]);
    } else if (kind === 'goalposts' && !isRecord((n as { goalposts?: unknown }).goalposts)) {
      methodProblem('goalposts must be an object', ['method', 'normalisation', 'goalposts']);
    } else if (kind === 'distanceToTarget' && !isRecord((n as { targets?: unknown }).targets)) {
      methodProblem('targets must be an object', ['method', 'normalisation', 'targets']);
    } else {
      // computed with: numbers only (text can be joined, not added; a bigint or an object
      // without a prototype throws)
      const given = n as Record<string, unknown>;
      const numbers =
        kind === 'zscore'
          ? ['mean', 'sd']
          : kind === 'goalposts' || kind === 'distanceToTarget'
            ? ['scale']
            : [];
      for (const key of numbers)
        if (given[key] !== undefined && typeof given[key] !== 'number')
          methodProblem(`${key} must be a number: ${shown(given[key])}`, [
            'method',
            'normalisation',
            key,
          ]);
      const range = given.range;
      if (
        kind === 'minmax' &&
        range !== undefined &&
        !(Array.isArray(range) && typeof range[0] === 'number' && typeof range[1] === 'number')
      )
        methodProblem(`range must be a list of two numbers: ${shown(range)}`, [
          'method',
          'normalisation',
          'range',
        ]);
    }
  }
  const dataProblem = (detail: string, path: (string | number)[]) =>
    problems.push(createDiagnostic(M.SCORING_INDEX_DATA_INVALID, { detail }, { path }));
  if (!Array.isArray(data)) dataProblem('the data must be a list of rows', ['data']);
  else {
    for (let i = 0; i < data.length; i += 1) {
      const row: unknown = data[i];
      if (!isRecord(row)) dataProblem(`row ${i} is not an object`, ['data', i]);
      else if (typeof row.code !== 'string')
        dataProblem(`row ${i} has no code`, ['data', i, 'code']);
      else if (!isRecord(row.values))
        dataProblem(`row ${row.code} has no values object`, ['data', i, 'values']);
    }
  }
  return problems;
}

function normalise(
  code: string,
  raw: readonly number[],
  direction: 1 | -1,
  n: Normalisation,
  diagnostics: Diagnostic[],
): number[] {
  const valid = raw.filter((x) => !Number.isNaN(x));
  switch (n.method) {
    case 'none':
      return [...raw];
    case 'minmax': {
      const [l, u] = n.range ?? [0, 100];
      const xs = raw.map((x) => x * direction);
      const vs = valid.map((x) => x * direction);
      const min = Math.min(...vs);
      const max = Math.max(...vs);
      if (vs.length > 0 && max === min) {
        diagnostics.push(createDiagnostic(M.SCORING_INDEX_CONSTANT, { code }, { path: ['data'] }));
        return raw.map(() => Number.NaN);
      }
      return xs.map((x) => ((x - min) / (max - min)) * (u - l) + l);
    }
    case 'goalposts': {
      const g = n.goalposts[code];
      const scale = n.scale ?? 100;
      // compared and subtracted: numbers only (an object without a prototype throws)
      if (typeof g?.lower !== 'number' || typeof g.upper !== 'number' || !(g.upper > g.lower)) {
        diagnostics.push(
          createDiagnostic(
            M.SCORING_INDEX_METHOD_INVALID,
            { detail: `goalposts for ${code} missing or not lower < upper` },
            { path: ['method', 'normalisation', 'goalposts', code] },
          ),
        );
        return raw.map(() => Number.NaN);
      }
      return raw.map((x) => {
        const f =
          direction === 1
            ? (x - g.lower) / (g.upper - g.lower)
            : (g.upper - x) / (g.upper - g.lower);
        return Math.min(1, Math.max(0, f)) * scale;
      });
    }
    case 'zscore': {
      const m = n.mean ?? 0;
      const s = n.sd ?? 1;
      const xs = raw.map((x) => x * direction);
      const vs = valid.map((x) => x * direction);
      const mean = vs.reduce((a, b) => a + b, 0) / vs.length;
      const sd = Math.sqrt(vs.reduce((a, b) => a + (b - mean) ** 2, 0) / (vs.length - 1));
      if (!(sd > 0)) {
        diagnostics.push(createDiagnostic(M.SCORING_INDEX_CONSTANT, { code }, { path: ['data'] }));
        return raw.map(() => Number.NaN);
      }
      return xs.map((x) => ((x - mean) / sd) * s + m);
    }
    default: {
      const target = n.targets[code];
      const scale = n.scale ?? 100;
      const cap = n.cap ?? true;
      if (typeof target !== 'number') {
        diagnostics.push(
          createDiagnostic(
            M.SCORING_INDEX_METHOD_INVALID,
            {
              detail:
                target === undefined
                  ? `no target for ${code}`
                  : `target for ${code} is not a number`,
            },
            { path: ['method', 'normalisation', 'targets', code] },
          ),
        );
        return raw.map(() => Number.NaN);
      }
      const min = Math.min(...valid);
      const max = Math.max(...valid);
      return raw.map((x) => {
        const f = direction === 1 ? (x - min) / (target - min) : (max - x) / (max - target);
        return (cap ? Math.min(1, f) : f) * scale;
      });
    }
  }
}

/**
 * Compute a composite index the COINr way: validate the framework; normalise each indicator
 * (after its direction) across units; aggregate up the tree with weights rescaled within each
 * parent, skipping missing children and renormalising the remaining weights; score and rank every
 * node (ties share the best rank). `framework` is a framework table (validated here) or an
 * already parsed {@link IndexFramework}.
 */
export function computeIndex(
  framework: unknown,
  data: readonly UnitData[],
  method: IndexMethod = {},
): Result<IndexResult> {
  const fw = isIndexFramework(framework)
    ? ({ ok: true, value: framework, diagnostics: [] } as const)
    : parseIndexFramework(framework);
  if (!fw.ok) return fw;
  const f = fw.value;
  const shape = shapeProblems(data, method);
  if (shape.length > 0) return fail([...fw.diagnostics, ...shape]);
  const diagnostics: Diagnostic[] = [...fw.diagnostics];
  const aggregationId = method.aggregation ?? 'arithmetic';
  const aggregator = findAggregator(aggregationId, method.aggregators);
  if (aggregator === undefined)
    return fail([
      ...diagnostics,
      createDiagnostic(
        M.SCORING_INDEX_METHOD_INVALID,
        { detail: `unknown aggregation ${describeValue(aggregationId, Number.POSITIVE_INFINITY)}` },
        { path: ['method', 'aggregation'] },
      ),
    ]);
  for (const [code, w] of Object.entries(method.weights ?? {})) {
    if (!f.byCode.has(code))
      diagnostics.push(
        createDiagnostic(
          M.SCORING_INDEX_UNKNOWN_PARENT,
          { code, parent: '(weights)' },
          { path: ['method', 'weights', code], severity: 'error' },
        ),
      );
    else if (typeof w !== 'number')
      // not "must be greater than 0": a weight written as text ("3") is not a number at all
      diagnostics.push(
        createDiagnostic(
          M.SCORING_INDEX_METHOD_INVALID,
          { detail: `the weight of ${code} is not a number: ${jsonText(w)}` },
          { path: ['method', 'weights', code] },
        ),
      );
    else if (!(w > 0))
      diagnostics.push(
        createDiagnostic(
          M.SCORING_INDEX_WEIGHT_INVALID,
          { code, weight: w },
          { path: ['method', 'weights', code] },
        ),
      );
  }
  if (diagnostics.some((d) => d.severity === 'error')) return fail(diagnostics);
  const units = data.map((u) => u.code);
  const normalisation = method.normalisation ?? { method: 'minmax' };
  const scores = new Map<string, number[]>();
  for (const code of f.indicators) {
    const row = f.byCode.get(code);
    const raw = data.map((u) => {
      const x = u.values[code];
      return typeof x === 'number' && Number.isFinite(x) ? x : Number.NaN;
    });
    if (raw.every((x) => Number.isNaN(x)))
      diagnostics.push(createDiagnostic(M.SCORING_INDEX_NO_DATA, { code }, { path: ['data'] }));
    scores.set(
      code,
      raw.every((x) => Number.isNaN(x))
        ? raw
        : normalise(code, raw, row?.direction ?? 1, normalisation, diagnostics),
    );
  }
  const weightOf = (code: string): number =>
    method.weights?.[code] ?? f.byCode.get(code)?.weight ?? 1;
  for (const code of f.aggregates) {
    const kids = f.children.get(code) ?? [];
    const kidScores = kids.map((k) => scores.get(k) as number[]);
    const kidWeights = kids.map(weightOf);
    const out = units.map((unit, u) => {
      const xs: number[] = [];
      const ws: number[] = [];
      kids.forEach((_, j) => {
        const x = (kidScores[j] as number[])[u] as number;
        if (!Number.isNaN(x)) {
          xs.push(x);
          ws.push(kidWeights[j] as number);
        }
      });
      if (xs.length === 0) return Number.NaN;
      const total = ws.reduce((a, b) => a + b, 0);
      const r = aggregator.aggregate(
        xs,
        ws.map((w) => w / total),
      );
      if (Number.isNaN(r) && aggregationId !== 'arithmetic')
        diagnostics.push(
          createDiagnostic(
            M.SCORING_INDEX_NONPOSITIVE,
            { unit, code, method: aggregationId },
            { path: ['data', u] },
          ),
        );
      return r;
    });
    scores.set(code, out);
  }
  const toNode = (code: string, type: 'indicator' | 'aggregate'): NodeScores => {
    const s = scores.get(code) as number[];
    return {
      code,
      level: f.byCode.get(code)?.level ?? 1,
      type,
      scores: s.map((x) => (Number.isNaN(x) ? null : x)),
      ranks: minRank(s).map((r) => (Number.isNaN(r) ? null : r)),
    };
  };
  return ok(
    {
      units,
      nodes: [
        ...f.indicators.map((c) => toNode(c, 'indicator')),
        ...f.aggregates.map((c) => toNode(c, 'aggregate')),
      ],
      roots: f.roots,
    },
    diagnostics,
  );
}
