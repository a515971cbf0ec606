import { FoodSafetyError } from '../foodsafety-error.js';
import type { Money } from './money.js';

/** −1, 0 or 1 as a is less than, equal to or greater than b (usable with `Array#sort`). */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  if (a.currency !== b.currency) {
    throw new FoodSafetyError(
      'MONEY_CURRENCY_MISMATCH',
      `cannot compare ${a.currency} with ${b.currency}`,
      {
        left: a.currency,
        right: b.currency,
      },
    );
  }
  return a.fen < b.fen ? -1 : a.fen > b.fen ? 1 : 0;
}

/** Whether two amounts are equal (same currency, same fen). */
export function moneyEquals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.fen === b.fen;
}

function pickExtreme(first: Money, rest: readonly Money[], sign: -1 | 1): Money {
  let best = first;
  for (const m of rest) if (compareMoney(m, best) === sign) best = m;
  return best;
}

/** The smallest of one or more amounts. */
export function minMoney(first: Money, ...rest: readonly Money[]): Money {
  return pickExtreme(first, rest, -1);
}

/** The largest of one or more amounts. */
export function maxMoney(first: Money, ...rest: readonly Money[]): Money {
  return pickExtreme(first, rest, 1);
}

/** Whether the amount is zero. */
export function isZeroMoney(a: Money): boolean {
  return a.fen === 0n;
}

/** Whether the amount is below zero. */
export function isNegativeMoney(a: Money): boolean {
  return a.fen < 0n;
}

/** Whether the amount is above zero. */
export function isPositiveMoney(a: Money): boolean {
  return a.fen > 0n;
}
