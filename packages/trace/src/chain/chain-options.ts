import type { Diagnostic, LocalizedParam } from '@foodsafety/core';
import { OptionReader, optionFindings } from '../option-reader.js';
import { MASTER_DATA_SHAPE, RANGE_SHAPE, RANGES_SHAPE } from '../option-words.js';
import type { ChainCheckOptions } from './chain-checker.js';

const SEVERITIES: ReadonlySet<unknown> = new Set(['error', 'warning', 'info']);
const DIMENSIONS: ReadonlySet<unknown> = new Set(['mass', 'volume', 'count']);

/** A value's own enumerable members' values. */
function valuesOf(v: unknown): unknown[] {
  return Object.values(v as Record<string, unknown>);
}

function isRange(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const { min, max } = v as { min?: unknown; max?: unknown };
  return typeof min === 'number' && typeof max === 'number' && min <= max && !Number.isNaN(min);
}

function isUnit(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const { dimension, factor } = v as { dimension?: unknown; factor?: unknown };
  return DIMENSIONS.has(dimension) && typeof factor === 'number' && factor > 0 && factor < Infinity;
}

/**
 * A list of identifiers: an iterable (not a string) of strings. Arrays and sets are checked item
 * by item; another iterable is taken as it is (reading it here could use it up).
 */
function isIdList(v: unknown): boolean {
  if (v === undefined) return true;
  if (Array.isArray(v) || v instanceof Set) {
    for (const x of v) if (typeof x !== 'string') return false;
    return true;
  }
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Iterable<unknown>)[Symbol.iterator] === 'function'
  );
}

/** The check's answer, false when it throws (a getter of the caller's). */
function safely(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

/** The table options, each with its check and what it should be. */
const TABLES: readonly (readonly [string, (v: unknown) => boolean, string | LocalizedParam])[] = [
  [
    'masterData',
    (v) => {
      const m = v as Record<string, unknown>;
      return isIdList(m.locations) && isIdList(m.parties) && isIdList(m.products);
    },
    MASTER_DATA_SHAPE,
  ],
  ['yieldRange', isRange, RANGE_SHAPE],
  ['yieldRanges', (v) => valuesOf(v).every(isRange), RANGES_SHAPE],
  [
    'severities',
    (v) => valuesOf(v).every((x) => SEVERITIES.has(x)),
    "code → 'error' | 'warning' | 'info'",
  ],
  [
    'units',
    (v) => {
      const units = (v as { units?: unknown }).units;
      return typeof units === 'object' && units !== null && valuesOf(units).every(isUnit);
    },
    "{ units: { CODE: { dimension: 'mass' | 'volume' | 'count', factor > 0 } } }",
  ],
];

/** The options of a chain function that it can use, and findings about those it cannot. */
export interface ReadChainOptions<T extends ChainCheckOptions> {
  readonly options: T;
  readonly problems: readonly Diagnostic[];
}

/**
 * Read the options of `buildLotGraph`, `validateChain` or `createTraceIndex` (`type` names them in
 * findings): what is no object, a function that is none, a tolerance or skew that is negative or
 * NaN, a table with an entry of the wrong shape (a unit without a positive factor, a yield range
 * of strings, a severity that is none, master data that is no list of strings) is left out (the
 * default is used) and reported (`TRACE_OPTION_INVALID`). Never throws; the
 * options are not mutated.
 */
export function readChainOptions<T extends ChainCheckOptions>(
  type: string,
  given: T | undefined,
): ReadChainOptions<T> {
  const read = new OptionReader(type, given);
  read.fn('canonicalId');
  read.fn('contentHash');
  read.list('pathPrefix');
  read.record('checks');
  // tables whose entries are read on every event: a malformed one is left out whole, so that it
  // cannot throw mid-run or judge with strings and NaN
  for (const [name, valid, expected] of TABLES) {
    const v = read.record(name);
    if (v !== undefined && !safely(() => valid(v))) read.bad(name, v, expected);
  }
  read.oneOf('massBalance', ['on-add', 'on-finalize']);
  read.boolean('retainEvents');
  const locale = read.locale();
  read.number('massTolerance', 0);
  read.number('clockSkewMs', 0);
  return { options: read.usable<T>() as T, problems: optionFindings(read.problems, locale) };
}
