import { describeValue } from '../describe-value.js';
import type { MessageParamValue } from '../message-catalogue.js';
import { divideAndRound, type RoundingMode } from './rounding-mode.js';

/** Why an amount could not be read: a code of {@link moneyMessages} and its params. */
export interface AmountProblem {
  readonly code:
    | 'MONEY_TYPE_INVALID'
    | 'MONEY_NOT_FINITE'
    | 'MONEY_FORMAT_INVALID'
    | 'MONEY_TOO_MANY_DECIMALS'
    | 'MONEY_NOT_INTEGER_FEN'
    | 'MONEY_UNSAFE_NUMBER';
  readonly params: Record<string, MessageParamValue>;
}

/** A read amount in fen, or the reason it could not be read. */
export type AmountOutcome =
  | { readonly ok: true; readonly fen: bigint }
  | { readonly ok: false; readonly problem: AmountProblem };

/** An exact decimal: the value is `digits × 10^-scale` (scale may be negative). */
interface Decimal {
  readonly digits: bigint;
  readonly scale: number;
  readonly significant: number;
}

/** Digits with optional sign, comma grouping in threes, optional fraction. `.5`, `5.` fail. */
const DECIMAL_TEXT = /^([+-]?)(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;
const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;
/** Numbers are trusted to carry at most 15 significant digits (DBL_DIG) of what was written. */
const MAX_EXACT_SIGNIFICANT = 15;

function significantDigits(intPart: string, fracPart: string): number {
  const all = `${intPart}${fracPart}`.replace(/^0+/, '');
  return all.replace(/0+$/, '').length;
}

function decimalFromText(text: string): Decimal | undefined {
  const m = DECIMAL_TEXT.exec(text);
  if (!m) return undefined;
  const intPart = (m[2] as string).replaceAll(',', '');
  const fracPart = m[3] ?? '';
  const magnitude = BigInt(`${intPart}${fracPart}`);
  return {
    digits: m[1] === '-' ? -magnitude : magnitude,
    scale: fracPart.length,
    significant: significantDigits(intPart, fracPart),
  };
}

function decimalFromNumber(value: number): Decimal {
  // The shortest decimal that reads back as this double (ECMAScript Number::toString).
  const m = NUMBER_TEXT.exec(String(value)) as RegExpExecArray;
  const intPart = m[2] as string;
  const fracPart = m[3] ?? '';
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  const magnitude = BigInt(`${intPart}${fracPart}`);
  return {
    digits: m[1] === '-' ? -magnitude : magnitude,
    scale: fracPart.length - exponent,
    significant: significantDigits(intPart, fracPart),
  };
}

/** A decimal number of yuan (value × 10^-scale) as fen, rounding only when a mode is given. */
function decimalYuanToFen(
  decimal: Decimal,
  shown: string,
  rounding: RoundingMode | undefined,
): AmountOutcome {
  const excess = decimal.scale - 2;
  if (excess <= 0) return { ok: true, fen: decimal.digits * 10n ** BigInt(-excess) };
  const divisor = 10n ** BigInt(excess);
  if (decimal.digits % divisor === 0n) return { ok: true, fen: decimal.digits / divisor };
  if (rounding === undefined) {
    return {
      ok: false,
      problem: {
        code: 'MONEY_TOO_MANY_DECIMALS',
        params: { value: shown, decimals: decimal.scale },
      },
    };
  }
  return { ok: true, fen: divideAndRound(decimal.digits, divisor, rounding) };
}

/**
 * Read a decimal yuan string (`'1234.56'`, `'-0.5'`, `'1,234.56'` with grouping in threes) as fen.
 * More than two decimals need a rounding mode (`MONEY_TOO_MANY_DECIMALS` otherwise).
 */
export function yuanTextToFen(text: string, rounding?: RoundingMode): AmountOutcome {
  const decimal = decimalFromText(text.trim());
  if (!decimal)
    return { ok: false, problem: { code: 'MONEY_FORMAT_INVALID', params: { value: text } } };
  return decimalYuanToFen(decimal, text, rounding);
}

/**
 * Read a JavaScript number of yuan as fen through its shortest decimal form, so `12.34` is 1234
 * fen exactly while `1.005` (three decimals) and `0.1 + 0.2` (= 0.30000000000000004) are refused
 * rather than rounded. Numbers with more than 15 significant digits are refused
 * (`MONEY_UNSAFE_NUMBER`): beyond that a double may not be the amount that was written.
 */
export function yuanNumberToFen(value: number, rounding?: RoundingMode): AmountOutcome {
  if (!Number.isFinite(value)) {
    return { ok: false, problem: { code: 'MONEY_NOT_FINITE', params: { value: String(value) } } };
  }
  const decimal = decimalFromNumber(value);
  const shown = String(value);
  if (decimal.significant > MAX_EXACT_SIGNIFICANT) {
    if (decimal.scale > 2 && rounding === undefined) {
      return {
        ok: false,
        problem: {
          code: 'MONEY_TOO_MANY_DECIMALS',
          params: { value: shown, decimals: decimal.scale },
        },
      };
    }
    return { ok: false, problem: { code: 'MONEY_UNSAFE_NUMBER', params: { value: shown } } };
  }
  return decimalYuanToFen(decimal, shown, rounding);
}

const INTEGER_TEXT = /^([+-]?)(\d+|\d{1,3}(?:,\d{3})+)$/;

/** Read a whole number of fen from a safe integer, a bigint or an integer string. */
export function fenValueToFen(value: number | bigint | string): AmountOutcome {
  if (typeof value === 'bigint') return { ok: true, fen: value };
  if (typeof value === 'string') {
    const text = value.trim();
    if (INTEGER_TEXT.test(text)) return { ok: true, fen: BigInt(text.replaceAll(',', '')) };
    const code = yuanTextToFen(text).ok ? 'MONEY_NOT_INTEGER_FEN' : 'MONEY_FORMAT_INVALID';
    return { ok: false, problem: { code, params: { value } } };
  }
  if (typeof value !== 'number') {
    const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    return {
      ok: false,
      problem: { code: 'MONEY_TYPE_INVALID', params: { value: describeValue(value), type } },
    };
  }
  if (!Number.isFinite(value)) {
    return { ok: false, problem: { code: 'MONEY_NOT_FINITE', params: { value: String(value) } } };
  }
  if (!Number.isInteger(value)) {
    return {
      ok: false,
      problem: { code: 'MONEY_NOT_INTEGER_FEN', params: { value: String(value) } },
    };
  }
  if (!Number.isSafeInteger(value)) {
    return {
      ok: false,
      problem: { code: 'MONEY_UNSAFE_NUMBER', params: { value: String(value) } },
    };
  }
  return { ok: true, fen: BigInt(value) };
}
