import { describeValue } from '../describe-value.js';
import { createDiagnostic, type Diagnostic } from '../diagnostic.js';
import type { DiagnosticPath } from '../path.js';
import { fail, ok, type Result } from '../result.js';
import {
  type AmountOutcome,
  fenValueToFen,
  yuanNumberToFen,
  yuanTextToFen,
} from './decimal-amount.js';
import { isMoney, type Money, moneyOf } from './money.js';
import { moneyMessages } from './money-messages.js';
import type { RoundingMode } from './rounding-mode.js';

/** Options of {@link parseMoney}. */
export interface ParseMoneyOptions {
  /**
   * What a bare number, bigint or numeric string means: `yuan` (default; `'1234.56'`) or `fen`
   * (`123456`, as data files store amounts). Objects say it themselves (`{ fen }` or `{ yuan }`).
   */
  readonly unit?: 'yuan' | 'fen';
  /** How to reach whole fen from more than two yuan decimals; without it they are an error. */
  readonly rounding?: RoundingMode;
  /** Refuse negative amounts (`MONEY_NEGATIVE`). Default false. */
  readonly nonNegative?: boolean;
  /** Where the value lies in a larger input, prefixed to every diagnostic path. */
  readonly path?: DiagnosticPath;
}

const CURRENCY_PREFIX = /^([A-Za-z]{3})\s*(?=[-+\d])/;

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? '[…]' : '{…}';
  // a function is an object too: String() throws on one without a prototype or whose toString throws
  return describeValue(value, Number.POSITIVE_INFINITY);
}

function fromOutcome(outcome: AmountOutcome, path: DiagnosticPath): Result<bigint> {
  if (outcome.ok) return ok(outcome.fen);
  const { code, params } = outcome.problem;
  return fail([createDiagnostic(moneyMessages[code], params as never, { path })]);
}

function currencyProblem(currency: unknown, path: DiagnosticPath): Diagnostic {
  return createDiagnostic(
    moneyMessages.MONEY_CURRENCY_UNSUPPORTED,
    { currency: typeof currency === 'string' ? currency : shown(currency) },
    { path },
  );
}

function readText(
  text: string,
  unit: 'yuan' | 'fen',
  rounding: RoundingMode | undefined,
  path: DiagnosticPath,
): Result<bigint> {
  let body = text.trim();
  const prefix = CURRENCY_PREFIX.exec(body);
  if (prefix) {
    if (
      (prefix[1] as string).toUpperCase() !== 'CNY' &&
      (prefix[1] as string).toUpperCase() !== 'RMB'
    ) {
      return fail([currencyProblem(prefix[1], path)]);
    }
    body = body.slice(prefix[0].length);
  } else if (/^[¥￥]/.test(body)) {
    body = body.slice(1).trim();
  } else if (body.startsWith('-¥') || body.startsWith('-￥')) {
    body = `-${body.slice(2).trim()}`;
  }
  if (body.endsWith('元')) body = body.slice(0, -1).trim();
  const outcome = unit === 'fen' ? fenValueToFen(body) : yuanTextToFen(body, rounding);
  if (!outcome.ok && outcome.problem.code === 'MONEY_FORMAT_INVALID') {
    // Report what was given, not the stripped body.
    return fail([createDiagnostic(moneyMessages.MONEY_FORMAT_INVALID, { value: text }, { path })]);
  }
  return fromOutcome(outcome, path);
}

function readScalar(
  value: unknown,
  unit: 'yuan' | 'fen',
  rounding: RoundingMode | undefined,
  path: DiagnosticPath,
): Result<bigint> | undefined {
  if (typeof value === 'string') return readText(value, unit, rounding, path);
  if (typeof value === 'number') {
    return fromOutcome(
      unit === 'fen' ? fenValueToFen(value) : yuanNumberToFen(value, rounding),
      path,
    );
  }
  if (typeof value === 'bigint') return ok(unit === 'fen' ? value : value * 100n);
  return undefined;
}

function typeProblem(value: unknown, path: DiagnosticPath): Diagnostic {
  return createDiagnostic(
    moneyMessages.MONEY_TYPE_INVALID,
    { value: shown(value), type: describeType(value) },
    { path },
  );
}

/**
 * Read an amount from untrusted input, never throwing. Accepted forms:
 * - a money value (returned as is);
 * - a decimal string of yuan: `'1234.56'`, `'1,234.56'` (grouping in threes only), `'-0.5'`,
 *   with an optional `¥`/`￥` or `CNY`/`RMB` prefix and an optional `元` suffix;
 * - a number of yuan with at most two decimals in its shortest form (`12.34`; not `1.005`);
 * - with `unit: 'fen'`, bare numbers, bigints and strings are whole fen instead;
 * - an object `{ fen, currency? }` (fen as a safe integer, bigint or integer string; what
 *   {@link moneyToJSON} writes) or `{ yuan, currency? }`, currency `CNY` when given.
 *
 * Problems yield `MONEY_*` diagnostics (zh-CN and en) with a path: `MONEY_TYPE_INVALID`,
 * `MONEY_NOT_FINITE` (NaN, ±Infinity), `MONEY_FORMAT_INVALID` (`'1,2'`, `'abc'`),
 * `MONEY_TOO_MANY_DECIMALS` (`1.005`), `MONEY_NOT_INTEGER_FEN`, `MONEY_UNSAFE_NUMBER`,
 * `MONEY_CURRENCY_UNSUPPORTED`, `MONEY_NEGATIVE`.
 */
export function parseMoney(input: unknown, options: ParseMoneyOptions = {}): Result<Money> {
  const path = options.path ?? [];
  const unit = options.unit ?? 'yuan';
  let result: Result<bigint>;
  if (isMoney(input)) {
    result = ok(input.fen);
  } else if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const record = input as Record<string, unknown>;
    const diagnostics: Diagnostic[] = [];
    if ('currency' in record && record.currency !== 'CNY') {
      diagnostics.push(currencyProblem(record.currency, [...path, 'currency']));
    }
    const key = 'fen' in record ? 'fen' : 'yuan' in record ? 'yuan' : undefined;
    if (key === undefined) {
      diagnostics.push(typeProblem(input, path));
      result = fail(diagnostics);
    } else {
      const inner =
        readScalar(record[key], key, options.rounding, [...path, key]) ??
        fail([typeProblem(record[key], [...path, key])]);
      result = diagnostics.length === 0 ? inner : fail([...diagnostics, ...inner.diagnostics]);
    }
  } else {
    result = readScalar(input, unit, options.rounding, path) ?? fail([typeProblem(input, path)]);
  }
  if (!result.ok) return fail(result.diagnostics);
  if (options.nonNegative === true && result.value < 0n) {
    return fail([
      createDiagnostic(moneyMessages.MONEY_NEGATIVE, { value: `${result.value} fen` }, { path }),
    ]);
  }
  return ok(moneyOf(result.value), result.diagnostics);
}
