/**
 * Ranks with ties sharing the best rank ("min" ranking, 1224): rank = 1 + the number of values
 * strictly better. Values within a relative `tolerance` (default 1e-9) of each other tie, so that
 * floating-point noise (200/3 computed two ways) does not split a tie. `NaN` values get rank
 * `NaN`. Higher is better unless `direction` is `asc`.
 */
export function minRank(
  values: readonly number[],
  direction: 'desc' | 'asc' = 'desc',
  tolerance = 1e-9,
): number[] {
  const valid = values.filter((x) => !Number.isNaN(x));
  return values.map((x) => {
    if (Number.isNaN(x)) return Number.NaN;
    let better = 0;
    for (const y of valid) {
      const eps = tolerance * Math.max(1, Math.abs(x), Math.abs(y));
      if (direction === 'desc' ? y > x + eps : y < x - eps) better++;
    }
    return better + 1;
  });
}
