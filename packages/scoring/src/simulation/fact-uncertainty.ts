import {
  createDiagnostic,
  type Diagnostic,
  type DiagnosticPath,
  type Random,
} from '@foodsafety/core';
import { jsonText } from '../json-text.js';
import { simulationMessages } from './simulation-messages.js';

/**
 * How a reported fact may differ from the truth (assessment error), drawn afresh for every unit
 * and run around the unit's reported value r:
 * - `normal`: r + N(0, sd²), with `sd` absolute or `relativeSd` × |r|;
 * - `lognormal`: r · exp(N(0, sigma²)) (median r; for positive counts and amounts);
 * - `uniform`: r + U(−h, h), with `halfWidth` h absolute or `relativeHalfWidth` × |r|;
 * - `beta`: scale · Beta(κ·m, κ·(1−m)) with m = r/scale (mean r; for rates and shares, `scale`
 *   1 for fractions or 100 for percentages; κ = `concentration`);
 * - `bernoulli`: with probability p the fact takes `value` (default 1), otherwise r — an
 *   incident that may or may not have happened;
 * - `sampler`: your own function of r and a seeded generator (single thread only).
 *
 * `min`/`max` clamp the drawn value. Missing facts stay missing.
 */
export type FactUncertainty = (
  | { readonly type: 'normal'; readonly sd?: number; readonly relativeSd?: number }
  | { readonly type: 'lognormal'; readonly sigma: number }
  | { readonly type: 'uniform'; readonly halfWidth?: number; readonly relativeHalfWidth?: number }
  | { readonly type: 'beta'; readonly concentration: number; readonly scale?: number }
  | { readonly type: 'bernoulli'; readonly p: number; readonly value?: number }
  | { readonly type: 'sampler'; readonly sample: (reported: number, random: Random) => number }
) & { readonly min?: number; readonly max?: number };

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const nonNegative = (v: unknown): boolean => finite(v) && v >= 0;

/** What is wrong with a fact uncertainty, or undefined when it is valid. */
export function factUncertaintyProblem(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return 'must be an object';
  const u = raw as Record<string, unknown>;
  if (u.min !== undefined && !finite(u.min)) return 'min must be a finite number';
  if (u.max !== undefined && !finite(u.max)) return 'max must be a finite number';
  if (finite(u.min) && finite(u.max) && u.min > u.max) return `min ${u.min} exceeds max ${u.max}`;
  switch (u.type) {
    case 'normal':
      if ((u.sd === undefined) === (u.relativeSd === undefined)) {
        return 'normal needs exactly one of sd and relativeSd';
      }
      return nonNegative(u.sd ?? u.relativeSd) ? undefined : 'normal sd must be ≥ 0';
    case 'lognormal':
      return nonNegative(u.sigma) ? undefined : 'lognormal sigma must be ≥ 0';
    case 'uniform':
      if ((u.halfWidth === undefined) === (u.relativeHalfWidth === undefined)) {
        return 'uniform needs exactly one of halfWidth and relativeHalfWidth';
      }
      return nonNegative(u.halfWidth ?? u.relativeHalfWidth)
        ? undefined
        : 'uniform half-width must be ≥ 0';
    case 'beta':
      if (!(finite(u.concentration) && u.concentration > 0))
        return 'beta concentration must be > 0';
      return u.scale === undefined || (finite(u.scale) && u.scale > 0)
        ? undefined
        : 'beta scale must be > 0';
    case 'bernoulli':
      if (!(finite(u.p) && u.p >= 0 && u.p <= 1)) return 'bernoulli p must be in [0, 1]';
      return u.value === undefined || finite(u.value)
        ? undefined
        : 'bernoulli value must be finite';
    case 'sampler':
      return typeof u.sample === 'function' ? undefined : 'sampler needs a sample function';
    default:
      return `unknown type ${jsonText(u.type)} (normal, lognormal, uniform, beta, bernoulli, sampler)`;
  }
}

/** Diagnostics for a record of fact uncertainties (untrusted data); empty when valid. */
export function checkFactUncertainties(
  raw: unknown,
  path: DiagnosticPath = ['uncertainty', 'facts'],
): Diagnostic[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return [
      createDiagnostic(
        simulationMessages.SCORING_SIMULATION_UNCERTAINTY_INVALID,
        { detail: 'facts must be a record of fact name → uncertainty' },
        { path },
      ),
    ];
  }
  const out: Diagnostic[] = [];
  for (const [name, spec] of Object.entries(raw)) {
    const problem = factUncertaintyProblem(spec);
    if (problem !== undefined) {
      out.push(
        createDiagnostic(
          simulationMessages.SCORING_SIMULATION_UNCERTAINTY_INVALID,
          { detail: `${name}: ${problem}` },
          { path: [...path, name] },
        ),
      );
    }
  }
  return out;
}

/** One draw of a fact around its reported value (see {@link FactUncertainty}). */
export function drawFact(spec: FactUncertainty, reported: number, random: Random): number {
  let value: number;
  switch (spec.type) {
    case 'normal':
      value =
        reported + random.normal(0, spec.sd ?? (spec.relativeSd as number) * Math.abs(reported));
      break;
    case 'lognormal':
      value = reported * Math.exp(random.normal(0, spec.sigma));
      break;
    case 'uniform': {
      const h = spec.halfWidth ?? (spec.relativeHalfWidth as number) * Math.abs(reported);
      value = h === 0 ? reported : random.uniform(reported - h, reported + h);
      break;
    }
    case 'beta': {
      const scale = spec.scale ?? 1;
      const m = Math.min(1, Math.max(0, reported / scale));
      value =
        m === 0 || m === 1
          ? reported
          : scale * random.beta(spec.concentration * m, spec.concentration * (1 - m));
      break;
    }
    case 'bernoulli':
      value = random.nextFloat() < spec.p ? (spec.value ?? 1) : reported;
      break;
    case 'sampler':
      value = spec.sample(reported, random);
      break;
  }
  if (spec.min !== undefined && value < spec.min) value = spec.min;
  if (spec.max !== undefined && value > spec.max) value = spec.max;
  return value;
}
