import { describeValue } from '../describe-value.js';
import { FoodSafetyError } from '../foodsafety-error.js';

/**
 * How an exact quotient is rounded to a whole number (of fen, or of the last displayed digit):
 *
 * | mode | ties (x.5) | other fractions | 2.5 | −2.5 | 2.4 | −2.6 |
 * | --- | --- | --- | --- | --- | --- | --- |
 * | `half-up` | away from zero (四舍五入, Java `HALF_UP`) | nearest | 3 | −3 | 2 | −3 |
 * | `half-down` | toward zero | nearest | 2 | −2 | 2 | −3 |
 * | `half-even` (`bankers`) | to the even neighbour (银行家舍入) | nearest | 2 | −2 | 2 | −3 |
 * | `up` | away from zero | away from zero | 3 | −3 | 3 | −3 |
 * | `down` | toward zero (truncate) | toward zero | 2 | −2 | 2 | −2 |
 * | `ceiling` | toward +∞ | toward +∞ | 3 | −2 | 3 | −2 |
 * | `floor` | toward −∞ | toward −∞ | 2 | −3 | 2 | −3 |
 */
export type RoundingMode =
  | 'half-up'
  | 'half-down'
  | 'half-even'
  | 'bankers'
  | 'up'
  | 'down'
  | 'ceiling'
  | 'floor';

/** Every rounding mode name, including the alias `bankers` (= `half-even`). */
export const ROUNDING_MODES: readonly RoundingMode[] = [
  'half-up',
  'half-down',
  'half-even',
  'bankers',
  'up',
  'down',
  'ceiling',
  'floor',
];

/** Whether a value names a {@link RoundingMode}. */
export function isRoundingMode(value: unknown): value is RoundingMode {
  return typeof value === 'string' && (ROUNDING_MODES as readonly string[]).includes(value);
}

/**
 * The integer nearest to numerator / denominator in the given mode, computed exactly on bigints
 * (no floating point anywhere). Throws `MONEY_DIVISION_BY_ZERO` for a zero denominator and
 * `MONEY_ROUNDING_MODE_INVALID` for an unknown mode.
 */
export function divideAndRound(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) {
    throw new FoodSafetyError('MONEY_DIVISION_BY_ZERO', 'cannot divide an amount by zero', {});
  }
  let n = numerator;
  let d = denominator;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const q = n / d; // truncated toward zero
  const r = n % d; // same sign as n
  if (!isRoundingMode(mode)) {
    throw new FoodSafetyError(
      'MONEY_ROUNDING_MODE_INVALID',
      `unknown rounding mode ${describeValue(mode)}`,
      {
        mode: describeValue(mode),
        expected: ROUNDING_MODES.join(', '),
      },
    );
  }
  if (r === 0n) return q;
  const away = n < 0n ? q - 1n : q + 1n;
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return away;
    case 'floor':
      return n < 0n ? away : q;
    case 'ceiling':
      return n > 0n ? away : q;
    default: {
      const twice = 2n * (r < 0n ? -r : r);
      if (twice > d) return away;
      if (twice < d) return q;
      if (mode === 'half-up') return away;
      if (mode === 'half-down') return q;
      return q % 2n === 0n ? q : away; // half-even / bankers
    }
  }
}
