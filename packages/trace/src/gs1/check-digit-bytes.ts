/**
 * `computeGs1CheckDigit` (check-digit.ts) over ASCII bytes, for the JSON Lines reader, which
 * checks keys in the line's bytes without making a string. Internal to the package.
 */

/**
 * The GS1 mod-10 check digit of the data digits `bytes[from, to)` (weights 3 and 1 alternating
 * from the right-most), or -1 when there are none or one is not an ASCII digit.
 */
export function gs1CheckDigitOfBytes(bytes: Uint8Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i += 1) {
    const d = (bytes[i] as number) - 48;
    if (d < 0 || d > 9) return -1;
    sum += (to - i) % 2 === 1 ? 3 * d : d;
  }
  return to > from ? (10 - (sum % 10)) % 10 : -1;
}
