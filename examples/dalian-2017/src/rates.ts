/**
 * Exact rate arithmetic for the report: rates are computed from counts, never copied (the
 * city's report called 560/565 "99.2 %"; computed and rounded half-up it is 99.1 %).
 */

/** `part ÷ whole` as a percentage string rounded half-up to `decimals`, exactly (integers only). */
export function percent(part: number, whole: number, decimals = 1): string {
  if (!Number.isSafeInteger(part) || !Number.isSafeInteger(whole) || whole <= 0) return 'n/a';
  const scale = 10n ** BigInt(decimals);
  const scaled = (BigInt(part) * 100n * scale * 2n + BigInt(whole)) / (BigInt(whole) * 2n);
  const integer = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(decimals, '0');
  return decimals > 0 ? `${integer}.${fraction} %` : `${integer} %`;
}

/** `a ÷ b` rounded half-up to `decimals`, from integers. */
export function ratio(a: number, b: number, decimals = 2): string {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || b <= 0) return 'n/a';
  const scale = 10n ** BigInt(decimals);
  const scaled = (BigInt(a) * scale * 2n + BigInt(b)) / (BigInt(b) * 2n);
  return `${scaled / scale}.${(scaled % scale).toString().padStart(decimals, '0')}`;
}
