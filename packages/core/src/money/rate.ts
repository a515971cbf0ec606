import { describeValue } from '../describe-value.js';
import { FoodSafetyError } from '../foodsafety-error.js';

/** An exact rational number, denominator positive. */
export interface Rational {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/**
 * An exact rate to multiply money by:
 * - a decimal string: `'0.003'`, `'-1.5'`, and with a suffix `'0.3%'` or `'3‰'` (per mille);
 * - an integer: a safe-integer `number` or a `bigint` (fractional numbers are refused, since a
 *   binary float is not the decimal rate that was meant: write `'0.003'`, not `0.003`);
 * - a fraction `{ numerator, denominator }` of integers (denominator ≠ 0), e.g. 1/3.
 */
export type Rate =
  | string
  | number
  | bigint
  | { readonly numerator: bigint | number; readonly denominator: bigint | number };

const RATE_TEXT = /^([+-]?)(\d+)(?:\.(\d+))?\s*(%|‰)?$/;

function invalidRate(rate: unknown, reason: string): FoodSafetyError {
  return new FoodSafetyError(
    'MONEY_RATE_INVALID',
    `invalid rate ${describeValue(rate)}: ${reason}`,
    {
      rate:
        typeof rate === 'object'
          ? JSON.stringify(rate, (_k, v) => (typeof v === 'bigint' ? String(v) : v))
          : describeValue(rate),
      reason,
    },
  );
}

function integerPart(value: bigint | number, rate: unknown, which: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  throw invalidRate(rate, `${which} must be a bigint or a safe integer`);
}

/** The greatest common divisor of two bigints (non-negative). @internal */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * The exact rational value of a {@link Rate}, in lowest terms with a positive denominator.
 * A malformed rate is a programmer error: `MONEY_RATE_INVALID`.
 */
export function rateToRational(rate: Rate): Rational {
  let numerator: bigint;
  let denominator: bigint;
  if (typeof rate === 'string') {
    const m = RATE_TEXT.exec(rate.trim());
    if (!m) throw invalidRate(rate, "expected a decimal such as '0.003', '0.3%' or '3‰'");
    const frac = m[3] ?? '';
    const magnitude = BigInt(`${m[2]}${frac}`);
    numerator = m[1] === '-' ? -magnitude : magnitude;
    denominator = 10n ** BigInt(frac.length) * (m[4] === '%' ? 100n : m[4] === '‰' ? 1000n : 1n);
  } else if (typeof rate === 'number' || typeof rate === 'bigint') {
    numerator = integerPart(rate, rate, 'a numeric rate');
    denominator = 1n;
  } else if (typeof rate === 'object' && rate !== null) {
    numerator = integerPart(rate.numerator, rate, 'numerator');
    denominator = integerPart(rate.denominator, rate, 'denominator');
    if (denominator === 0n) throw invalidRate(rate, 'denominator is zero');
  } else {
    throw invalidRate(rate, 'expected a decimal string, an integer or { numerator, denominator }');
  }
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const divisor = gcd(numerator, denominator) || 1n;
  return { numerator: numerator / divisor, denominator: denominator / divisor };
}
