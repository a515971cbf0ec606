/**
 * Programmer errors throw FoodSafetyError with a code, whatever the bad argument is: even a value
 * that String() cannot render (an object without a prototype) must not turn into a TypeError.
 */
import { describe, expect, it } from 'vitest';
import { createChinaWorkdayCalendar } from './calendar/china-workday-calendar.js';
import { createWeekdayCalendar } from './calendar/weekday-calendar.js';
import { FoodSafetyError } from './foodsafety-error.js';
import { allocate, allocateEvenly } from './money/allocate.js';
import { formatMoney } from './money/format-money.js';
import { fen, yuan } from './money/money.js';
import { multiplyMoney } from './money/money-arithmetic.js';
import { divideAndRound } from './money/rounding-mode.js';
import { createRandom } from './random/random.js';

const bare = (): never => Object.create(null) as never;

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FoodSafetyError);
    return (error as FoodSafetyError).code;
  }
  throw new Error('expected a throw');
}

describe('programmer errors with unrenderable arguments', () => {
  it.each([
    ['createRandom(seed)', () => createRandom(bare()), 'RANDOM_SEED_INVALID'],
    ['rng.int(n)', () => createRandom(1).int(bare()), 'RANDOM_BOUND_INVALID'],
    [
      'rng.intBetween(min, max)',
      () => createRandom(1).intBetween(bare(), 3),
      'RANDOM_BOUND_INVALID',
    ],
    ['rng.normal(mean)', () => createRandom(1).normal(bare()), 'RANDOM_PARAMETER_INVALID'],
    ['rng.stream(i)', () => createRandom(1).stream(bare()), 'RANDOM_STREAM_INDEX_INVALID'],
    ['multiplyMoney(rate)', () => multiplyMoney(fen(100), bare()), 'MONEY_RATE_INVALID'],
    ['divideAndRound(mode)', () => divideAndRound(1n, 3n, bare()), 'MONEY_ROUNDING_MODE_INVALID'],
    ['allocate(ratios)', () => allocate(fen(100), [bare()]), 'MONEY_RATE_INVALID'],
    ['allocateEvenly(count)', () => allocateEvenly(fen(100), bare()), 'MONEY_COUNT_INVALID'],
    ['yuan(amount)', () => yuan(bare()), 'MONEY_TYPE_INVALID'],
    ['fen(amount)', () => fen(bare()), expect.stringMatching(/^MONEY_/)],
    [
      'formatMoney(locale)',
      () => formatMoney(fen(1), { locale: bare() }),
      'MONEY_FORMAT_OPTION_INVALID',
    ],
    [
      'formatMoney(unit)',
      () => formatMoney(fen(1), { unit: bare() }),
      'MONEY_FORMAT_OPTION_INVALID',
    ],
    [
      'formatMoney(rounding)',
      () => formatMoney(fen(1), { rounding: bare() }),
      'MONEY_FORMAT_OPTION_INVALID',
    ],
    [
      'createWeekdayCalendar(timeZone)',
      () => createWeekdayCalendar({ timeZone: bare() }),
      'CALENDAR_TIME_ZONE_INVALID',
    ],
    [
      'createChinaWorkdayCalendar(timeZone)',
      () => createChinaWorkdayCalendar({ timeZone: bare() }),
      'CALENDAR_TIME_ZONE_INVALID',
    ],
    // options that are not an object at all
    [
      'formatMoney(null options)',
      () => formatMoney(fen(1), null as never),
      'MONEY_FORMAT_OPTION_INVALID',
    ],
    [
      'createWeekdayCalendar(null options)',
      () => createWeekdayCalendar(null as never),
      'CALENDAR_OPTIONS_INVALID',
    ],
    [
      'createChinaWorkdayCalendar(null options)',
      () => createChinaWorkdayCalendar(null as never),
      'CALENDAR_OPTIONS_INVALID',
    ],
    [
      'createChinaWorkdayCalendar(extraYears null)',
      () => createChinaWorkdayCalendar({ extraYears: null as never }),
      'CALENDAR_EXTRA_YEARS_INVALID',
    ],
    [
      'createChinaWorkdayCalendar(extraYears a number)',
      () => createChinaWorkdayCalendar({ extraYears: 2027 as never }),
      'CALENDAR_EXTRA_YEARS_INVALID',
    ],
  ])('%s', (_name, fn, code) => {
    expect(codeOf(fn)).toEqual(code);
  });
});
