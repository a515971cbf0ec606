import { describeValue } from '../describe-value.js';
import { FoodSafetyError } from '../foodsafety-error.js';
import { type Money, moneyOf } from './money.js';
import { gcd, type Rate, rateToRational } from './rate.js';

function invalidRatios(reason: string): FoodSafetyError {
  return new FoodSafetyError('MONEY_RATIOS_INVALID', `cannot allocate: ${reason}`, { reason });
}

/**
 * Split an amount in proportion to ratios so that the parts add up to the whole exactly, by the
 * largest-remainder method: every part first gets its share rounded toward zero, and the fen
 * left over go one each to the parts with the largest remainders (ties to the earlier part).
 * A negative amount is split like its absolute value and every part negated, so
 * `allocate(−x, r)` is the negation of `allocate(x, r)`.
 *
 * Ratios are exact {@link Rate}s (integers, decimal strings such as `'0.35'`, fractions), each
 * ≥ 0, at least one > 0. Parts with ratio 0 get zero. Bad ratios are a programmer error
 * (`MONEY_RATIOS_INVALID`).
 *
 * @example allocate(fen(100), [1, 1, 1]).map((m) => m.fen) // [34n, 33n, 33n]
 */
export function allocate(money: Money, ratios: readonly Rate[]): Money[] {
  if (ratios.length === 0) throw invalidRatios('no ratios given');
  const rationals = ratios.map((r) => rateToRational(r));
  if (rationals.some((r) => r.numerator < 0n)) throw invalidRatios('a ratio is negative');
  // Bring every ratio to a common denominator: integer weights.
  let common = 1n;
  for (const r of rationals) common = (common * r.denominator) / gcd(common, r.denominator);
  const weights = rationals.map((r) => r.numerator * (common / r.denominator));
  let totalWeight = 0n;
  for (const w of weights) totalWeight += w;
  if (totalWeight === 0n) throw invalidRatios('every ratio is zero');

  const negative = money.fen < 0n;
  const whole = negative ? -money.fen : money.fen;
  const parts = weights.map((w) => (whole * w) / totalWeight);
  const remainders = weights.map((w) => (whole * w) % totalWeight);
  let leftover = whole;
  for (const p of parts) leftover -= p;
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
  for (let k = 0n; k < leftover; k++) {
    const target = order[Number(k)] as { index: number };
    parts[target.index] = (parts[target.index] as bigint) + 1n;
  }
  return parts.map((p) => moneyOf(negative ? -p : p));
}

/**
 * Split an amount into `count` parts as equal as possible, adding up exactly; the earlier parts
 * get the extra fen: 100 fen in 3 is 34, 33, 33. `count` must be a positive safe integer.
 */
export function allocateEvenly(money: Money, count: number): Money[] {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new FoodSafetyError(
      'MONEY_COUNT_INVALID',
      `allocateEvenly needs a positive whole count, got ${describeValue(count)}`,
      { count: describeValue(count) },
    );
  }
  const n = BigInt(count);
  const negative = money.fen < 0n;
  const whole = negative ? -money.fen : money.fen;
  const base = whole / n;
  const extra = whole % n;
  return Array.from({ length: count }, (_, i) => {
    const p = BigInt(i) < extra ? base + 1n : base;
    return moneyOf(negative ? -p : p);
  });
}
