import type { Locale } from '../locale.js';
import type { Result } from '../result.js';
import type { RuleSetMeta } from '../rule-set-meta.js';
import type { CalendarDate, CalendarDateInput } from './calendar-date.js';

/** A name in both of the library's locales (`{ 'zh-CN': '国庆节', en: 'National Day' }`). */
export type LocalizedName = Readonly<Record<Locale, string>>;

/**
 * Why a day is or is not a working day:
 * - `workday`: an ordinary working day (Monday–Friday, not a holiday);
 * - `weekend`: an ordinary weekend rest day;
 * - `public-holiday`: a day off of a public-holiday period (放假), including the weekday rest days
 *   the period borrows from a weekend (调休);
 * - `adjusted-workday`: a weekend day made a working day to pay for a holiday period (调休上班).
 */
export type DayKind = 'workday' | 'weekend' | 'public-holiday' | 'adjusted-workday';

/** ISO 8601 day of the week: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** The range of days a calendar's data covers, both ends included. */
export interface CalendarCoverage {
  readonly from: CalendarDate;
  readonly to: CalendarDate;
}

/** What {@link WorkdayCalendar.explain} says about one day. */
export interface DayExplanation {
  readonly date: CalendarDate;
  readonly weekday: IsoWeekday;
  readonly isWorkday: boolean;
  readonly kind: DayKind;
  /** The holiday period a public holiday or an adjusted working day belongs to. */
  readonly holiday?: LocalizedName;
  /** The message code of the explanation (`CALENDAR_DAY_PUBLIC_HOLIDAY` …). */
  readonly code:
    | 'CALENDAR_DAY_WORKDAY'
    | 'CALENDAR_DAY_WEEKEND'
    | 'CALENDAR_DAY_PUBLIC_HOLIDAY'
    | 'CALENDAR_DAY_ADJUSTED_WORKDAY';
  /** The explanation as a sentence in each locale. */
  readonly text: LocalizedName;
  /** The id of the calendar that judged the day. */
  readonly calendar: string;
}

/**
 * A working-day calendar: which days are working days, and counting in working days.
 *
 * Every method takes days as {@link CalendarDateInput} (instants are converted to the calendar day
 * in {@link WorkdayCalendar.timeZone}) and returns a {@link Result}: bad input yields diagnostics
 * (`CALENDAR_DATE_INVALID`, `CALENDAR_DATE_NONEXISTENT`, `CALENDAR_COUNT_INVALID`, with the
 * argument's name as path), and a day outside the calendar's {@link WorkdayCalendar.coverage} —
 * or a count that would need one — yields `CALENDAR_OUT_OF_RANGE` instead of a guess.
 *
 * Counting follows the way Chinese law counts time limits in working days ("within 7 working
 * days of receiving the result"): the start day is not counted.
 */
export interface WorkdayCalendar {
  /** A stable id (`cn.workdays`, `weekdays`). */
  readonly id: string;
  /** The IANA time zone (or UTC offset) in which instants are read; `Asia/Shanghai` by default. */
  readonly timeZone: string;
  /** The days the calendar's data covers; absent when the calendar is valid for any day. */
  readonly coverage?: CalendarCoverage;
  /** The rule set (data source, version, confidence) of a calendar built from published data. */
  readonly ruleSet?: RuleSetMeta;
  /** The calendar day of an input in this calendar's time zone (see `toCalendarDate`). */
  toCalendarDate(input: CalendarDateInput): Result<CalendarDate>;
  /** Whether a day is a working day (O(1)). */
  isWorkday(date: CalendarDateInput): Result<boolean>;
  /**
   * The `n`-th working day after `date`, not counting `date` itself; for negative `n`, the
   * `|n|`-th working day before it. `n = 0` gives `date` when it is a working day, otherwise the
   * next working day (the "following business day" convention). The result is always a working
   * day. Path of diagnostics: `['date']`, `['n']`.
   *
   * @example
   * // re-test request within 7 working days of a result received on Friday 2017-09-29
   * china.addWorkdays('2017-09-29', 7) // ok: '2017-10-16' (09-30 is 调休, 10-01..08 are off)
   */
  addWorkdays(date: CalendarDateInput, n: number): Result<CalendarDate>;
  /**
   * The last day of a time limit of `workdays` working days starting on `start`: the same as
   * {@link WorkdayCalendar.addWorkdays} but `workdays` must be ≥ 0 (`CALENDAR_COUNT_NEGATIVE`).
   * Paths: `['start']`, `['workdays']`.
   */
  deadline(start: CalendarDateInput, workdays: number): Result<CalendarDate>;
  /**
   * The number of working days in `(from, to]` — `from` excluded, `to` included — and minus the
   * number in `(to, from]` when `to` is earlier. So `workdaysBetween(a, addWorkdays(a, n)) === n`
   * for every working day `a`, and `workdaysBetween(a, a) === 0`. Paths: `['from']`, `['to']`.
   */
  workdaysBetween(from: CalendarDateInput, to: CalendarDateInput): Result<number>;
  /** The first working day strictly after `date` (`addWorkdays(date, 1)`). */
  nextWorkday(date: CalendarDateInput): Result<CalendarDate>;
  /** The last working day strictly before `date` (`addWorkdays(date, -1)`). */
  previousWorkday(date: CalendarDateInput): Result<CalendarDate>;
  /** Why a day is or is not a working day: weekend, a named public holiday, or 调休. */
  explain(date: CalendarDateInput): Result<DayExplanation>;
}
