/**
 * Ranks with ties sharing the best rank ("min" ranking, 1224): rank = 1 + the number of values
 * strictly better. `NaN` values get rank `NaN`. Higher is better unless `direction` is `asc`.
 */
export function minRank(values: readonly number[], direction: 'desc' | 'asc' = 'desc'): number[] {
  const valid = values.filter((x) => !Number.isNaN(x));
  return values.map((x) => {
    if (Number.isNaN(x)) return Number.NaN;
    let better = 0;
    for (const y of valid) if (direction === 'desc' ? y > x : y < x) better++;
    return better + 1;
  });
}
