import { FoodSafetyError } from '../foodsafety-error.js';
import { interpolate } from '../message-catalogue.js';
import {
  type AmountOutcome,
  fenValueToFen,
  yuanNumberToFen,
  yuanTextToFen,
} from './decimal-amount.js';
import { moneyMessages } from './money-messages.js';
import type { RoundingMode } from './rounding-mode.js';

declare const moneyBrand: unique symbol;

/** The only currency supported: renminbi. */
export type Currency = 'CNY';

/**
 * An exact amount of money: an immutable (frozen) value holding a whole number of fen (分,
 * 1 yuan = 100 fen) as a `bigint`.
 *
 * Why `bigint` and not a safe-integer `number`: sums and products stay exact at any scale
 * without overflow checks on every step. A portfolio of 464 policies with 845 million yuan of
 * cover is 8.45 × 10^10 fen, well inside 2^53; but multiplying it by a rate, squaring it in a
 * variance, or summing a million simulated years of claims would leave the safe-integer range
 * silently, while a bigint never loses a fen. Data files keep safe-integer fen (`fen(12345)`
 * reads them); {@link toFenNumber} converts back, refusing what does not fit.
 *
 * Build values with {@link fen}, {@link yuan} or {@link parseMoney}; the brand keeps plain
 * numbers and object literals from passing as money.
 */
export interface Money {
  readonly fen: bigint;
  readonly currency: Currency;
  readonly [moneyBrand]: true;
}

/** Build a money value from a fen bigint (no checks: internal). */
export function moneyOf(amount: bigint): Money {
  return Object.freeze({ fen: amount, currency: 'CNY' }) as Money;
}

/** Zero yuan. */
export const ZERO_MONEY: Money = moneyOf(0n);

function unwrapAmount(outcome: AmountOutcome): Money {
  if (outcome.ok) return moneyOf(outcome.fen);
  const { code, params } = outcome.problem;
  const descriptor = moneyMessages[code];
  const message = interpolate(descriptor.templates.en, params, 'en');
  throw new FoodSafetyError(code, message, params);
}

/**
 * An amount of whole fen: a bigint, a safe integer (as data files store fen) or an integer
 * string (`'84500000000'`, grouping `'84,500,000,000'` allowed). Anything else (1.5, NaN, a
 * number beyond 2^53) is a programmer error and throws with a `MONEY_*` code.
 *
 * @example fen(123456) // 1,234.56 yuan
 */
export function fen(amount: bigint | number | string): Money {
  return unwrapAmount(fenValueToFen(amount));
}

/**
 * An amount of yuan from a decimal string (`'1234.56'`, `'-0.5'`, `'1,234.56'`), exact. More than
 * two decimals throw `MONEY_TOO_MANY_DECIMALS` unless a rounding mode says how to reach whole
 * fen. A number is accepted only when its shortest decimal form has at most two decimals and at
 * most 15 significant digits (`yuan(12.34)` is 1234 fen; `yuan(1.005)` and `yuan(0.1 + 0.2)`
 * throw): no floating-point yuan is ever rounded silently. Prefer strings.
 *
 * @example yuan('1234.56').fen === 123456n
 * @example yuan('0.125', 'half-even').fen === 12n
 */
export function yuan(amount: string | number, rounding?: RoundingMode): Money {
  if (typeof amount === 'string') return unwrapAmount(yuanTextToFen(amount, rounding));
  if (typeof amount === 'number') return unwrapAmount(yuanNumberToFen(amount, rounding));
  throw new FoodSafetyError('MONEY_TYPE_INVALID', 'yuan() takes a decimal string or a number', {
    type: typeof amount,
  });
}

/** Whether a value is a money value (a frozen `{ fen: bigint, currency: 'CNY' }`). */
export function isMoney(value: unknown): value is Money {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { fen?: unknown }).fen === 'bigint' &&
    (value as { currency?: unknown }).currency === 'CNY'
  );
}

/**
 * The amount as a safe-integer number of fen, for data files and the model's `Fen` fields.
 * Throws `MONEY_UNSAFE_NUMBER` beyond ±(2^53 − 1) fen.
 */
export function toFenNumber(money: Money): number {
  const value = money.fen;
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new FoodSafetyError(
      'MONEY_UNSAFE_NUMBER',
      `${value} fen is beyond what a JavaScript number holds exactly`,
      { value: String(value) },
    );
  }
  return Number(value);
}

/** The exact amount in yuan as a plain decimal string with two decimals: `'-1234.50'`. */
export function toYuanString(money: Money): string {
  const negative = money.fen < 0n;
  const digits = (negative ? -money.fen : money.fen).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** A JSON-ready form `{ fen: '123456', currency: 'CNY' }` that {@link parseMoney} reads back. */
export function moneyToJSON(money: Money): { fen: string; currency: Currency } {
  return { fen: money.fen.toString(), currency: money.currency };
}
