/** Type-7 (linear interpolation, R's default and numpy's) quantile of ascending values. */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

/** Inverse-CDF (type 1) quantile of ascending values: always one of the values (ranks stay whole). */
export function quantileLowSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  return sorted[Math.min(n - 1, Math.max(0, Math.ceil(n * p) - 1))] as number;
}
