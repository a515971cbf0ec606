import { normalQuantile } from '../stats/normal-quantile.js';
import { studentTQuantile } from './student-t.js';

/** A confidence interval. */
export interface ConfidenceInterval {
  readonly lower: number;
  readonly upper: number;
  readonly confidence: number;
}

/** An estimated rate (知晓率, 支持率) with its Wilson score interval. Rates are fractions (0–1). */
export interface RateEstimate {
  /** Respondents answering. */
  readonly n: number;
  /** Kish effective sample size (= n without weights). */
  readonly effectiveN: number;
  /** The (weighted) share answering yes. */
  readonly rate: number;
  readonly interval: ConfidenceInterval;
  readonly method: 'wilson' | 'wilson-kish';
}

/** An estimated mean score (满意度得分) with its interval. */
export interface MeanEstimate {
  readonly n: number;
  readonly effectiveN: number;
  readonly mean: number;
  /** (Weighted) standard deviation of the responses. */
  readonly sd: number;
  readonly standardError: number;
  readonly interval: ConfidenceInterval;
  readonly method: 't' | 'normal';
}

/**
 * The Wilson score interval for a proportion: `successes` of `n` (n may be a non-integer
 * effective sample size). `null` when n ≤ 0.
 */
export function wilsonInterval(
  successes: number,
  n: number,
  confidence = 0.95,
): ConfidenceInterval | null {
  if (!(n > 0) || !(confidence > 0 && confidence < 1)) return null;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half), confidence };
}

/** Kish's effective sample size (Σw)² / Σw². */
export function kishEffectiveSize(weights: readonly number[]): number {
  let s = 0;
  let s2 = 0;
  for (const w of weights) {
    s += w;
    s2 += w * w;
  }
  return s2 === 0 ? 0 : (s * s) / s2;
}

/** Answers of the right shape: a list of objects whose `value` passes `isValue` and whose weight, when given, is a number. */
function wellShaped(answers: unknown, isValue: (v: unknown) => boolean): boolean {
  return (
    Array.isArray(answers) &&
    answers.every(
      (a) =>
        typeof a === 'object' &&
        a !== null &&
        isValue((a as { value?: unknown }).value) &&
        ((a as { weight?: unknown }).weight === undefined ||
          typeof (a as { weight?: unknown }).weight === 'number'),
    )
  );
}

/** A value with an optional sampling weight (default 1). */
export interface Weighted<T> {
  readonly value: T;
  readonly weight?: number;
}

/**
 * Estimate a rate from yes/no answers, optionally weighted: the weighted share, and a Wilson
 * interval on the Kish effective sample size. `null` without answers (or with zero total weight),
 * and for input of the wrong shape (answers that are not a list of objects, a weight or
 * confidence that is not a number).
 */
export function estimateRate(
  answers: readonly Weighted<boolean>[],
  confidence = 0.95,
): RateEstimate | null {
  if (typeof confidence !== 'number' || !wellShaped(answers, () => true)) return null;
  const weighted = answers.some((a) => a.weight !== undefined && a.weight !== 1);
  const weights = answers.map((a) => a.weight ?? 1);
  let total = 0;
  let yes = 0;
  answers.forEach((a, i) => {
    const w = weights[i] as number;
    total += w;
    if (a.value) yes += w;
  });
  if (!(total > 0)) return null;
  const rate = yes / total;
  const effectiveN = weighted ? kishEffectiveSize(weights) : answers.length;
  const interval = wilsonInterval(rate * effectiveN, effectiveN, confidence);
  if (interval === null) return null;
  return {
    n: answers.length,
    effectiveN,
    rate,
    interval,
    method: weighted ? 'wilson-kish' : 'wilson',
  };
}

/**
 * Estimate a mean score, optionally weighted: the (weighted) mean, and a t interval with
 * n_eff − 1 degrees of freedom (`method: 'normal'` uses z instead). The standard error is
 * sd / √n_eff, with sd the (weighted) standard deviation corrected by n_eff / (n_eff − 1).
 * `null` with fewer than two answers, and for input of the wrong shape (answers that are not a
 * list of objects, a value, weight or confidence that is not a number, options that are not an
 * object).
 */
export function estimateMean(
  answers: readonly Weighted<number>[],
  options: { confidence?: number; method?: 't' | 'normal' } = {},
): MeanEstimate | null {
  if (typeof options !== 'object' || options === null) return null;
  const confidence = options.confidence ?? 0.95;
  if (typeof confidence !== 'number') return null;
  if (!wellShaped(answers, (v) => typeof v === 'number')) return null;
  const method = options.method ?? 't';
  if (answers.length < 2) return null;
  const weights = answers.map((a) => a.weight ?? 1);
  const weighted = answers.some((a) => a.weight !== undefined && a.weight !== 1);
  let sw = 0;
  let swx = 0;
  answers.forEach((a, i) => {
    sw += weights[i] as number;
    swx += (weights[i] as number) * a.value;
  });
  if (!(sw > 0)) return null;
  const mean = swx / sw;
  let ss = 0;
  answers.forEach((a, i) => {
    ss += (weights[i] as number) * (a.value - mean) ** 2;
  });
  const effectiveN = weighted ? kishEffectiveSize(weights) : answers.length;
  if (!(effectiveN > 1)) return null;
  const sd = Math.sqrt((ss / sw) * (effectiveN / (effectiveN - 1)));
  const standardError = sd / Math.sqrt(effectiveN);
  const q = 1 - (1 - confidence) / 2;
  const crit = method === 't' ? studentTQuantile(q, effectiveN - 1) : normalQuantile(q);
  return {
    n: answers.length,
    effectiveN,
    mean,
    sd,
    standardError,
    interval: {
      lower: mean - crit * standardError,
      upper: mean + crit * standardError,
      confidence,
    },
    method,
  };
}
