import { FoodSafetyError } from '../foodsafety-error.js';
import { type Money, moneyOf, ZERO_MONEY } from './money.js';
import { type Rate, type Rational, rateToRational } from './rate.js';
import { divideAndRound, type RoundingMode } from './rounding-mode.js';

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new FoodSafetyError(
      'MONEY_CURRENCY_MISMATCH',
      `cannot combine ${a.currency} with ${b.currency}`,
      { left: a.currency, right: b.currency },
    );
  }
}

/** a + b, exact. */
export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return moneyOf(a.fen + b.fen);
}

/** a − b, exact. */
export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return moneyOf(a.fen - b.fen);
}

/** −a. */
export function negateMoney(a: Money): Money {
  return moneyOf(-a.fen);
}

/** |a|. */
export function absMoney(a: Money): Money {
  return a.fen < 0n ? moneyOf(-a.fen) : a;
}

/** The sum of a list of amounts (zero for an empty list). The list is not mutated. */
export function sumMoney(amounts: Iterable<Money>): Money {
  let total = 0n;
  for (const m of amounts) {
    sameCurrency(ZERO_MONEY, m);
    total += m.fen;
  }
  return moneyOf(total);
}

function scale(
  money: Money,
  factor: Rational,
  rounding: RoundingMode | undefined,
  what: string,
): Money {
  const numerator = money.fen * factor.numerator;
  if (rounding === undefined) {
    if (numerator % factor.denominator !== 0n) {
      throw new FoodSafetyError(
        'MONEY_ROUNDING_REQUIRED',
        `${what} of ${money.fen} fen is not a whole number of fen; state a rounding mode`,
        {
          fen: String(money.fen),
          numerator: String(factor.numerator),
          denominator: String(factor.denominator),
        },
      );
    }
    return moneyOf(numerator / factor.denominator);
  }
  return moneyOf(divideAndRound(numerator, factor.denominator, rounding));
}

/**
 * money × rate, rounded to whole fen in the stated mode. The rate is exact (a decimal string
 * such as `'0.003'` or `'3‰'`, an integer, or a fraction); so is the product before the single
 * final rounding. Without a mode the product must already be whole fen, or
 * `MONEY_ROUNDING_REQUIRED` is thrown: nothing is rounded silently.
 *
 * @example multiplyMoney(yuan('1234567.89'), '3‰', 'half-up') // 3,703.70 yuan (370370.367 fen → 370370)
 */
export function multiplyMoney(money: Money, rate: Rate, rounding?: RoundingMode): Money {
  return scale(money, rateToRational(rate), rounding, 'the product');
}

/**
 * money ÷ divisor, rounded to whole fen in the stated mode (required when inexact). Dividing by
 * zero throws `MONEY_DIVISION_BY_ZERO`. To split an amount into parts that add up, use
 * {@link allocate} instead.
 */
export function divideMoney(money: Money, divisor: Rate, rounding?: RoundingMode): Money {
  const r = rateToRational(divisor);
  if (r.numerator === 0n) {
    throw new FoodSafetyError('MONEY_DIVISION_BY_ZERO', 'cannot divide an amount by zero', {});
  }
  const reciprocal =
    r.numerator < 0n
      ? { numerator: -r.denominator, denominator: -r.numerator }
      : { numerator: r.denominator, denominator: r.numerator };
  return scale(money, reciprocal, rounding, 'the quotient');
}

/** `percent` % of money (`percentOf(sales, '0.3', 'half-up')` = 0.3 %), rounded as stated. */
export function percentOf(money: Money, percent: Rate, rounding?: RoundingMode): Money {
  const r = rateToRational(percent);
  return scale(
    money,
    { numerator: r.numerator, denominator: r.denominator * 100n },
    rounding,
    'the percentage',
  );
}

/**
 * `permille` ‰ of money: a premium of 3‰ of annual sales is `permilleOf(sales, 3, 'half-up')`.
 */
export function permilleOf(money: Money, permille: Rate, rounding?: RoundingMode): Money {
  const r = rateToRational(permille);
  return scale(
    money,
    { numerator: r.numerator, denominator: r.denominator * 1000n },
    rounding,
    'the per-mille share',
  );
}

/**
 * The exact ratio a / b as a fraction in lowest terms (a loss moneyRatio, a share of a budget).
 * Throws `MONEY_DIVISION_BY_ZERO` when b is zero.
 */
export function moneyRatio(a: Money, b: Money): Rational {
  sameCurrency(a, b);
  if (b.fen === 0n) {
    throw new FoodSafetyError('MONEY_DIVISION_BY_ZERO', 'cannot take a ratio to zero', {});
  }
  return rateToRational({ numerator: a.fen, denominator: b.fen });
}
