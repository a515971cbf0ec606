import { createDiagnostic, type Diagnostic, type DiagnosticPath } from '@foodsafety/core';
import { jsonText } from '../json-text.js';
import { normalQuantile } from '../stats/normal-quantile.js';
import { simulationMessages } from './simulation-messages.js';

/**
 * The distribution of one uncertain input, sampled by inverse transform from the unit interval:
 * - `uniform` on [min, max];
 * - `normal` with mean and standard deviation `sd` (through Φ⁻¹);
 * - `lognormal`: exp(N(mu, sigma²)), `mu` and `sigma` on the log scale;
 * - `triangular` on [min, max] with peak at `mode`;
 * - `choice`: one of `values`, with probabilities proportional to `weights` (default equal) —
 *   for method switches such as alternative pass thresholds.
 */
export type InputDistribution =
  | { readonly type: 'uniform'; readonly min: number; readonly max: number }
  | { readonly type: 'normal'; readonly mean: number; readonly sd: number }
  | { readonly type: 'lognormal'; readonly mu: number; readonly sigma: number }
  | {
      readonly type: 'triangular';
      readonly min: number;
      readonly mode: number;
      readonly max: number;
    }
  | {
      readonly type: 'choice';
      readonly values: readonly number[];
      readonly weights?: readonly number[];
    };

/** One named model input and its distribution. */
export interface SensitivityInput {
  readonly name: string;
  readonly distribution: InputDistribution;
}

/**
 * The value of `distribution` at probability `u` ∈ (0, 1) (its quantile function). At u = 0 or
 * 1 unbounded distributions give ∓∞; designs never ask for those (they use cell midpoints).
 */
export function inputQuantile(distribution: InputDistribution, u: number): number {
  switch (distribution.type) {
    case 'uniform':
      return distribution.min + (distribution.max - distribution.min) * u;
    case 'normal':
      return distribution.mean + distribution.sd * normalQuantile(u);
    case 'lognormal':
      return Math.exp(distribution.mu + distribution.sigma * normalQuantile(u));
    case 'triangular': {
      const { min, mode, max } = distribution;
      const width = max - min;
      if (width === 0) return min;
      const split = (mode - min) / width;
      return u < split
        ? min + Math.sqrt(u * width * (mode - min))
        : max - Math.sqrt((1 - u) * width * (max - mode));
    }
    case 'choice': {
      const cumulative = choiceCumulative(distribution);
      const last = distribution.values.length - 1;
      for (let i = 0; i < last; i++)
        if (u < (cumulative[i] as number)) return distribution.values[i] as number;
      return distribution.values[last] as number;
    }
  }
}

function choiceCumulative(d: Extract<InputDistribution, { type: 'choice' }>): number[] {
  const weights = d.weights ?? d.values.map(() => 1);
  const total = weights.reduce((s, w) => s + w, 0);
  let run = 0;
  return weights.map((w) => {
    run += w;
    return run / total;
  });
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Check a list of inputs (untrusted data, for example read from a JSON file): each needs a
 * unique non-empty name and a valid distribution. Returns the diagnostics, empty when valid.
 */
export function checkInputs(inputs: unknown, path: DiagnosticPath = ['inputs']): Diagnostic[] {
  const out: Diagnostic[] = [];
  const invalid = (name: string, detail: string, at: DiagnosticPath): void => {
    out.push(
      createDiagnostic(
        simulationMessages.SCORING_SENSITIVITY_INPUT_INVALID,
        { name, detail },
        {
          path: at,
        },
      ),
    );
  };
  if (!Array.isArray(inputs) || inputs.length === 0) {
    invalid('(all)', 'inputs must be a non-empty array', path);
    return out;
  }
  const seen = new Set<string>();
  inputs.forEach((raw: unknown, index) => {
    const at: DiagnosticPath = [...path, index];
    const input = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const name = typeof input.name === 'string' && input.name !== '' ? input.name : `#${index}`;
    if (typeof input.name !== 'string' || input.name === '') {
      invalid(name, 'name must be a non-empty string', [...at, 'name']);
    } else if (seen.has(input.name)) {
      out.push(
        createDiagnostic(
          simulationMessages.SCORING_SENSITIVITY_INPUT_DUPLICATE,
          { name },
          {
            path: [...at, 'name'],
          },
        ),
      );
    } else {
      seen.add(input.name);
    }
    const problem = distributionProblem(input.distribution);
    if (problem !== undefined) invalid(name, problem, [...at, 'distribution']);
  });
  return out;
}

/** What is wrong with a distribution, or undefined when it is valid. */
export function distributionProblem(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return 'distribution must be an object';
  const d = raw as Record<string, unknown>;
  switch (d.type) {
    case 'uniform':
      if (!isFiniteNumber(d.min) || !isFiniteNumber(d.max))
        return 'uniform needs finite min and max';
      return d.min <= d.max ? undefined : `uniform min ${d.min} exceeds max ${d.max}`;
    case 'normal':
      if (!isFiniteNumber(d.mean) || !isFiniteNumber(d.sd))
        return 'normal needs finite mean and sd';
      return d.sd >= 0 ? undefined : `normal sd ${d.sd} is negative`;
    case 'lognormal':
      if (!isFiniteNumber(d.mu) || !isFiniteNumber(d.sigma)) {
        return 'lognormal needs finite mu and sigma';
      }
      return d.sigma >= 0 ? undefined : `lognormal sigma ${d.sigma} is negative`;
    case 'triangular':
      if (!isFiniteNumber(d.min) || !isFiniteNumber(d.mode) || !isFiniteNumber(d.max)) {
        return 'triangular needs finite min, mode and max';
      }
      return d.min <= d.mode && d.mode <= d.max
        ? undefined
        : `triangular needs min ≤ mode ≤ max (got ${d.min}, ${d.mode}, ${d.max})`;
    case 'choice': {
      if (!Array.isArray(d.values) || d.values.length === 0 || !d.values.every(isFiniteNumber)) {
        return 'choice needs a non-empty list of finite values';
      }
      if (d.weights === undefined) return undefined;
      if (
        !Array.isArray(d.weights) ||
        d.weights.length !== d.values.length ||
        !d.weights.every((w) => isFiniteNumber(w) && w >= 0) ||
        !d.weights.some((w) => (w as number) > 0)
      ) {
        return 'choice weights must be non-negative numbers, one per value, not all zero';
      }
      return undefined;
    }
    default:
      return `unknown distribution type ${jsonText(d.type)} (uniform, normal, lognormal, triangular, choice)`;
  }
}

const UNIFORM = 0;
const NORMAL = 1;
const LOGNORMAL = 2;
const TRIANGULAR = 3;
const CHOICE = 4;
const HALF = 0.5;
const SCALE = 2 ** -32;

/**
 * Inputs compiled for the hot loop: maps 32-bit Sobol' integers to input values without
 * allocation. The integer i stands for the cell midpoint u = (i + ½)·2⁻³², so u is never 0 or 1
 * and unbounded distributions stay finite.
 */
export interface InputMapper {
  readonly size: number;
  /** out[outOffset + j] = quantile_j(u(ints[offset + j])) for j < size. */
  map(ints: Uint32Array, offset: number, out: Float64Array, outOffset: number): void;
}

/** Compile valid inputs (see {@link checkInputs}) into an {@link InputMapper}. */
export function compileInputs(inputs: readonly SensitivityInput[]): InputMapper {
  const size = inputs.length;
  const kind = new Uint8Array(size);
  const p0 = new Float64Array(size);
  const p1 = new Float64Array(size);
  const p2 = new Float64Array(size);
  const choices: { cumulative: Float64Array; values: Float64Array }[] = [];
  const choiceIndex = new Int32Array(size).fill(-1);
  inputs.forEach(({ distribution: d }, j) => {
    switch (d.type) {
      case 'uniform':
        kind[j] = UNIFORM;
        p0[j] = d.min;
        p1[j] = d.max - d.min;
        break;
      case 'normal':
        kind[j] = NORMAL;
        p0[j] = d.mean;
        p1[j] = d.sd;
        break;
      case 'lognormal':
        kind[j] = LOGNORMAL;
        p0[j] = d.mu;
        p1[j] = d.sigma;
        break;
      case 'triangular':
        kind[j] = TRIANGULAR;
        p0[j] = d.min;
        p1[j] = d.mode;
        p2[j] = d.max;
        break;
      case 'choice':
        kind[j] = CHOICE;
        choiceIndex[j] = choices.length;
        choices.push({
          cumulative: Float64Array.from(choiceCumulative(d)),
          values: Float64Array.from(d.values),
        });
        break;
    }
  });
  return {
    size,
    map(ints, offset, out, outOffset) {
      for (let j = 0; j < size; j++) {
        const u = ((ints[offset + j] as number) + HALF) * SCALE;
        let value: number;
        switch (kind[j]) {
          case UNIFORM:
            value = (p0[j] as number) + (p1[j] as number) * u;
            break;
          case NORMAL:
            value = (p0[j] as number) + (p1[j] as number) * normalQuantile(u);
            break;
          case LOGNORMAL:
            value = Math.exp((p0[j] as number) + (p1[j] as number) * normalQuantile(u));
            break;
          case TRIANGULAR: {
            // Inverse CDF of Triangular(min, mode, max), as inputQuantile, without allocating.
            const min = p0[j] as number;
            const mode = p1[j] as number;
            const max = p2[j] as number;
            const width = max - min;
            value =
              width === 0
                ? min
                : u < (mode - min) / width
                  ? min + Math.sqrt(u * width * (mode - min))
                  : max - Math.sqrt((1 - u) * width * (max - mode));
            break;
          }
          default: {
            const c = choices[choiceIndex[j] as number] as (typeof choices)[number];
            const last = c.values.length - 1;
            let i = 0;
            while (i < last && u >= (c.cumulative[i] as number)) i++;
            value = c.values[i] as number;
          }
        }
        out[outOffset + j] = value;
      }
    },
  };
}
