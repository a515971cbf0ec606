/**
 * GS1 mod-10 check digits (GS1 General Specifications §7.9): weights 3 and 1 alternating from the
 * right-most data digit.
 */

/**
 * The check digit of a run of GS1 data digits (without its check digit), or `undefined` when the
 * value is not a string of ASCII digits only.
 *
 * @example computeGs1CheckDigit('401234511111') // 8 (GLN 4012345111118)
 */
export function computeGs1CheckDigit(digits: unknown): number | undefined {
  if (typeof digits !== 'string') return undefined;
  let sum = 0;
  let weight = 3;
  for (let i = digits.length - 1; i >= 0; i--) {
    const c = digits.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    sum += c * weight;
    weight = weight === 3 ? 1 : 3;
  }
  if (digits.length === 0) return undefined;
  return (10 - (sum % 10)) % 10;
}

/**
 * Whether a full GS1 key (GTIN-8/12/13/14, GLN, SSCC, GSRN…) ends with the right check digit;
 * `false` for a value that is not a string.
 */
export function hasValidGs1CheckDigit(key: unknown): boolean {
  if (typeof key !== 'string' || key.length < 2) return false;
  const expected = computeGs1CheckDigit(key.slice(0, -1));
  return expected !== undefined && key.charCodeAt(key.length - 1) - 48 === expected;
}

/** Append the check digit to data digits; `undefined` when they are not all digits. */
export function withGs1CheckDigit(digits: unknown): string | undefined {
  const check = computeGs1CheckDigit(digits);
  return check === undefined ? undefined : `${digits as string}${check}`;
}
