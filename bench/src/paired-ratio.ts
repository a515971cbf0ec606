/**
 * Ratios of two cases taken round by round, and how sure their median is.
 *
 * The runner times the cases of a benchmark in rounds (one sample of each case per round), so
 * that a sample of ours and a sample of a peer from the same round ran under the same load. The
 * ratio of the two samples of one round cancels what the round shared (another tenant's burst, a
 * slower minute); the median of the rounds' ratios is the comparison, and the spread of those
 * ratios says how far to trust it.
 */

/** The median of `values` (NaN when empty). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * `of[i] ÷ vs[i]` for each round `i` that both have (the samples are in round order). Rounds
 * where either rate is not a positive finite number are left out.
 */
export function pairedRatios(of: readonly number[], vs: readonly number[]): number[] {
  const out: number[] = [];
  const n = Math.min(of.length, vs.length);
  for (let i = 0; i < n; i += 1) {
    const a = of[i] as number;
    const b = vs[i] as number;
    if (Number.isFinite(a) && Number.isFinite(b) && a > 0 && b > 0) out.push(a / b);
  }
  return out;
}

/** A confidence interval of a median. */
export interface MedianInterval {
  readonly low: number;
  readonly high: number;
  /** The chance that the interval holds the true median, e.g. 0.965 for 15 values. */
  readonly confidence: number;
}

/**
 * The distribution-free confidence interval of the median of `values`: the `k`-th smallest and
 * `k`-th largest value, with `k` as large as keeps the confidence at `level` or above (the
 * binomial sign-test interval; it assumes only that the values are independent draws). With too
 * few values for `level` (fewer than 6 for 95 %), it is the whole range, and `confidence` says
 * how much less that is (three values: 75 %). `undefined` when there are no values.
 */
export function medianInterval(
  values: readonly number[],
  level = 0.95,
): MedianInterval | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  // tail[j] = P(B ≤ j) for B ~ Binomial(n, ½); the interval [x(k), x(n+1−k)] misses the median
  // with probability 2 · P(B ≤ k − 1)
  let term = 0.5 ** n;
  let tail = term;
  let k = 1;
  let confidence = 1 - 2 * tail;
  for (let j = 1; j < n / 2; j += 1) {
    term = (term * (n - j + 1)) / j;
    const nextConfidence = 1 - 2 * (tail + term);
    if (nextConfidence < level) break;
    tail += term;
    k = j + 1;
    confidence = nextConfidence;
  }
  return { low: sorted[k - 1] as number, high: sorted[n - k] as number, confidence };
}
