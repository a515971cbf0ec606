import {
  type CalendarDate,
  formatDayNumber,
  MAX_DAY_NUMBER,
  MIN_DAY_NUMBER,
  weekdayOfDayNumber,
} from './calendar-date.js';
import type { DayKind, LocalizedName } from './workday-calendar.js';

/**
 * The arithmetic core of a working-day calendar, on day numbers (days since 1970-01-01), with
 * O(1) operations and no allocation:
 * - `rank(d)`: the number of working days from some fixed origin up to and including `d` (only
 *   differences of ranks matter), so working days in `(a, b]` = `rank(b) − rank(a)`;
 * - `nth(i)`: the day of the working day whose rank is `i + 1` (its 0-based index), or undefined
 *   outside the data.
 * @internal
 */
export interface WorkdayIndex {
  /** First and last day numbers covered, inclusive. */
  readonly lo: number;
  readonly hi: number;
  isWork(dayNumber: number): boolean;
  kindOf(dayNumber: number): DayKind;
  holidayOf(dayNumber: number): LocalizedName | undefined;
  rank(dayNumber: number): number;
  nth(index: number): number | undefined;
  format(dayNumber: number): CalendarDate;
}

const FORMAT_CACHE_SIZE = 4096;

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/**
 * Monday–Friday over all representable days, in closed form: weeks are counted from the Monday
 * 1970-01-05 (day number 4), so with `k = d − 4`, `rank = 5⌊k/7⌋ + min(k mod 7 + 1, 5)` and the
 * `i`-th working day is `7⌊i/5⌋ + (i mod 5) + 4`.
 * @internal
 */
export function weekdayIndex(): WorkdayIndex {
  const MONDAY = 4;
  // A small direct-mapped cache of formatted days, owned by this index: results cluster, and
  // formatting allocates a Date and two strings.
  const cachedDays = new Float64Array(FORMAT_CACHE_SIZE).fill(Number.NaN);
  const cachedStrings: CalendarDate[] = new Array(FORMAT_CACHE_SIZE);
  return {
    lo: MIN_DAY_NUMBER,
    hi: MAX_DAY_NUMBER,
    isWork: (d) => mod(d - MONDAY, 7) < 5,
    kindOf: (d) => (mod(d - MONDAY, 7) < 5 ? 'workday' : 'weekend'),
    holidayOf: () => undefined,
    rank: (d) => {
      const k = d - MONDAY;
      return 5 * Math.floor(k / 7) + Math.min(mod(k, 7) + 1, 5);
    },
    nth: (i) => 7 * Math.floor(i / 5) + mod(i, 5) + MONDAY,
    format: (d) => {
      const slot = d & (FORMAT_CACHE_SIZE - 1);
      if (cachedDays[slot] === d) return cachedStrings[slot] as CalendarDate;
      const text = formatDayNumber(d);
      cachedDays[slot] = d;
      cachedStrings[slot] = text;
      return text;
    },
  };
}

/** Day kinds as small integers in the table. */
const KIND_CODES: readonly DayKind[] = ['workday', 'weekend', 'public-holiday', 'adjusted-workday'];
const WORKDAY = 0;
const WEEKEND = 1;
const HOLIDAY = 2;
const ADJUSTED = 3;

/** Above this many days the table keeps no cache of formatted dates (about 110 years). */
const MAX_PREFORMATTED_DAYS = 40_000;

/** The data of a table-driven calendar, already validated. @internal */
export interface TableData {
  readonly lo: number;
  readonly hi: number;
  /** Days off of holiday periods, with the period's name. */
  readonly holidays: ReadonlyMap<number, LocalizedName>;
  /** Weekend days that are working days (调休), with the period's name. */
  readonly workdays: ReadonlyMap<number, LocalizedName>;
  /** Days of the week (0 = Sunday … 6 = Saturday) that are ordinarily rest days. */
  readonly weekendDays: readonly number[];
}

/**
 * A calendar over a fixed range from tables of holidays and adjusted working days: a kind per day
 * (Uint8Array), the running count of working days (Int32Array) and the list of working days
 * (Int32Array), so every query is an array lookup.
 * @internal
 */
export function tableIndex(data: TableData): WorkdayIndex {
  const { lo, hi } = data;
  const length = hi - lo + 1;
  const weekend = new Set(data.weekendDays);
  const kinds = new Uint8Array(length);
  const ranks = new Int32Array(length);
  let count = 0;
  for (let i = 0; i < length; i++) {
    const d = lo + i;
    const kind = data.workdays.has(d)
      ? ADJUSTED
      : data.holidays.has(d)
        ? HOLIDAY
        : weekend.has(weekdayOfDayNumber(d))
          ? WEEKEND
          : WORKDAY;
    kinds[i] = kind;
    if (kind === WORKDAY || kind === ADJUSTED) count++;
    ranks[i] = count;
  }
  const workdays = new Int32Array(count);
  for (let i = 0, j = 0; i < length; i++) {
    const kind = kinds[i] as number;
    if (kind === WORKDAY || kind === ADJUSTED) workdays[j++] = lo + i;
  }
  // Formatted days, filled on first use (formatting all of them up front would cost ~2 µs a day).
  const strings: (CalendarDate | undefined)[] | undefined =
    length <= MAX_PREFORMATTED_DAYS ? new Array(length) : undefined;
  const format =
    strings === undefined
      ? formatDayNumber
      : (d: number): CalendarDate => {
          const i = d - lo;
          const cached = strings[i];
          if (cached !== undefined) return cached;
          const text = formatDayNumber(d);
          strings[i] = text;
          return text;
        };
  return {
    lo,
    hi,
    isWork: (d) => {
      const kind = kinds[d - lo] as number;
      return kind === WORKDAY || kind === ADJUSTED;
    },
    kindOf: (d) => KIND_CODES[kinds[d - lo] as number] as DayKind,
    holidayOf: (d) => data.workdays.get(d) ?? data.holidays.get(d),
    // Ranks count from the day before `lo` (rank 0), so a day's rank is its working days so far.
    rank: (d) => ranks[d - lo] as number,
    nth: (i) => (i >= 0 && i < count ? (workdays[i] as number) : undefined),
    format,
  };
}
