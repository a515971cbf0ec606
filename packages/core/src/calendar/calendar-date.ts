import { TZDate, tzOffset } from '@date-fns/tz';
import { formatISO, isValid, parseISO } from 'date-fns';
import { describeValue } from '../describe-value.js';
import { createDiagnostic, type Diagnostic } from '../diagnostic.js';
import { FoodSafetyError } from '../foodsafety-error.js';
import type { DiagnosticPath } from '../path.js';
import { fail, ok, type Result } from '../result.js';
import { calendarMessages } from './calendar-messages.js';

declare const calendarDateBrand: unique symbol;

/**
 * A calendar day, as an ISO 8601 date string `YYYY-MM-DD` (years 0001–9999). A calendar day has
 * no time zone: it is the day a clock on the wall shows in the zone the calendar works in. Make
 * one with {@link parseCalendarDate} (strict `YYYY-MM-DD`) or {@link toCalendarDate} (also `Date`,
 * epoch milliseconds and ISO date-times with an offset); valid dates sort correctly as strings.
 */
export type CalendarDate = string & { readonly [calendarDateBrand]: true };

/**
 * What the calendar functions accept for a day: a `YYYY-MM-DD` string, an ISO date-time with a UTC
 * offset (`2017-10-01T09:00:00+08:00`), a `Date`, or epoch milliseconds. Instants are converted to
 * the calendar day in the calendar's time zone.
 */
export type CalendarDateInput = CalendarDate | string | Date | number;

/** The time zone the library's calendars use unless told otherwise: China Standard Time, +08:00. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const MS_PER_DAY = 86_400_000;
/** Days in 400 Gregorian years, the calendar's full cycle. */
const DAYS_PER_400_YEARS = 146_097;
const EMPTY: readonly Diagnostic[] = Object.freeze([]);

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (no validation). `Date.UTC` maps years 0–99
 * to 1900–1999, so those are shifted by a 400-year cycle.
 * @internal
 */
export function dayNumberOfParts(year: number, month: number, day: number): number {
  return year >= 100
    ? Date.UTC(year, month - 1, day) / MS_PER_DAY
    : Date.UTC(year + 400, month - 1, day) / MS_PER_DAY - DAYS_PER_400_YEARS;
}

/** The first and last day numbers a {@link CalendarDate} can name (0001-01-01, 9999-12-31). @internal */
export const MIN_DAY_NUMBER = dayNumberOfParts(1, 1, 1);
/** @internal */
export const MAX_DAY_NUMBER = dayNumberOfParts(9999, 12, 31);

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digit(text: string, index: number): number {
  const c = text.charCodeAt(index) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
}

/** The shape of a `YYYY-MM-DD` string without checking the day exists: `[y, m, d]` or undefined. */
function dateParts(text: string): [number, number, number] | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45)
    return undefined;
  const y = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const m = digit(text, 5) * 10 + digit(text, 6);
  const d = digit(text, 8) * 10 + digit(text, 9);
  return Number.isNaN(y + m + d) ? undefined : [y, m, d];
}

/**
 * The day number (days since 1970-01-01) of a strict `YYYY-MM-DD` string naming a real day in
 * 0001–9999; `undefined` otherwise. Allocation-free.
 * @internal
 */
export function parseDayNumber(text: string): number | undefined {
  const parts = dateParts(text);
  if (parts === undefined) return undefined;
  const [y, m, d] = parts;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return dayNumberOfParts(y, m, d);
}

/** The `YYYY-MM-DD` of a day number in the supported range. @internal */
export function formatDayNumber(dayNumber: number): CalendarDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10) as CalendarDate;
}

/** The day of the week of a day number, 0 = Sunday … 6 = Saturday (as `Date#getDay`). @internal */
export function weekdayOfDayNumber(dayNumber: number): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Whether a value is a string naming a real day as strict `YYYY-MM-DD` (years 0001–9999). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === 'string' && parseDayNumber(value) !== undefined;
}

function invalid(value: unknown, path: DiagnosticPath): Diagnostic[] {
  return [
    createDiagnostic(
      calendarMessages.CALENDAR_DATE_INVALID,
      { value: describeValue(value) },
      { path },
    ),
  ];
}

/** Whether the runtime knows a time zone (an IANA name or a `±HH:MM` offset). */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  return (
    typeof timeZone === 'string' &&
    timeZone !== '' &&
    !Number.isNaN(tzOffset(timeZone, new Date(0)))
  );
}

/**
 * The time zone of a calendar factory's options: `Asia/Shanghai` when absent; an unknown one is a
 * programmer error, `FoodSafetyError` `CALENDAR_TIME_ZONE_INVALID`. @internal
 */
export function requireTimeZone(timeZone: unknown = DEFAULT_TIME_ZONE): string {
  if (isValidTimeZone(timeZone)) return timeZone;
  throw new FoodSafetyError(
    'CALENDAR_TIME_ZONE_INVALID',
    `unknown time zone ${describeValue(timeZone)}`,
    { timeZone },
  );
}

/**
 * The options object of a calendar factory: one that is not an object (`null`, a string) is a
 * programmer error, `FoodSafetyError` `CALENDAR_OPTIONS_INVALID`, not a `TypeError` on reading
 * it. @internal
 */
export function requireOptions<T extends object>(options: T, factory: string): T {
  if (typeof options === 'object' && options !== null) return options;
  throw new FoodSafetyError(
    'CALENDAR_OPTIONS_INVALID',
    `the options of ${factory} must be an object, got ${describeValue(options)}`,
    { options: describeValue(options) },
  );
}

/** A diagnostic for an unknown time zone. @internal */
export function timeZoneDiagnostic(timeZone: unknown, path: DiagnosticPath): Diagnostic {
  return createDiagnostic(
    calendarMessages.CALENDAR_TIME_ZONE_INVALID,
    { timeZone: describeValue(timeZone) },
    { path },
  );
}

/**
 * The outcome of reading a day: a bare day number when all went well (the hot path allocates
 * nothing), or the diagnostics met with the day number when it could still be read.
 * @internal
 */
export type DayResolution =
  | number
  | { readonly dayNumber?: number; readonly diagnostics: readonly Diagnostic[] };

/** The day number of an instant (epoch ms) in a time zone, via @date-fns/tz. */
function dayNumberOfInstant(
  ms: number,
  timeZone: string,
  input: unknown,
  path: DiagnosticPath,
): DayResolution {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return { diagnostics: invalid(input, path) };
  const offsetMinutes = tzOffset(timeZone, new Date(ms));
  if (Number.isNaN(offsetMinutes)) return { diagnostics: [timeZoneDiagnostic(timeZone, path)] };
  const dayNumber = Math.floor((ms + offsetMinutes * 60_000) / MS_PER_DAY);
  if (dayNumber < MIN_DAY_NUMBER || dayNumber > MAX_DAY_NUMBER)
    return { diagnostics: invalid(input, path) };
  return dayNumber;
}

const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Read any accepted day input as a day number in a time zone. `YYYY-MM-DD` strings are taken as
 * they are (a calendar day has no zone); instants are converted to the wall-clock day in the zone.
 * @internal
 */
export function resolveDay(input: unknown, timeZone: string, path: DiagnosticPath): DayResolution {
  if (typeof input === 'string') {
    const dayNumber = parseDayNumber(input);
    if (dayNumber !== undefined) return dayNumber;
    if (dateParts(input) !== undefined) {
      return {
        diagnostics: [
          createDiagnostic(calendarMessages.CALENDAR_DATE_NONEXISTENT, { value: input }, { path }),
        ],
      };
    }
    const match = DATE_TIME.exec(input);
    if (match === null) return { diagnostics: invalid(input, path) };
    const datePart = match[1] as string;
    if (parseDayNumber(datePart) === undefined) {
      return {
        diagnostics: [
          createDiagnostic(calendarMessages.CALENDAR_DATE_NONEXISTENT, { value: input }, { path }),
        ],
      };
    }
    if (match[2] === undefined) {
      // No offset: wall-clock time in the calendar's zone. Parse it as if it were UTC to check the
      // time fields (24:00 is the next day's midnight); its UTC day is then the wall-clock day.
      const asUtc = parseISO(`${input}Z`);
      if (!isValid(asUtc)) return { diagnostics: invalid(input, path) };
      const dayNumber = Math.floor(asUtc.getTime() / MS_PER_DAY);
      const warning = createDiagnostic(
        calendarMessages.CALENDAR_OFFSET_MISSING,
        { value: input, timeZone },
        { path },
      );
      return { dayNumber, diagnostics: [warning] };
    }
    const instant = parseISO(input);
    if (!isValid(instant)) return { diagnostics: invalid(input, path) };
    return dayNumberOfInstant(instant.getTime(), timeZone, input, path);
  }
  if (typeof input === 'number') return dayNumberOfInstant(input, timeZone, input, path);
  if (input instanceof Date) return dayNumberOfInstant(input.getTime(), timeZone, input, path);
  return { diagnostics: invalid(input, path) };
}

/** Turn a {@link DayResolution} into a result holding the day number. @internal */
export function dayResult(resolution: DayResolution): Result<number> {
  if (typeof resolution === 'number') return ok(resolution, EMPTY);
  return resolution.dayNumber === undefined
    ? fail(resolution.diagnostics)
    : ok(resolution.dayNumber, resolution.diagnostics);
}

/**
 * Check that a value is a strict `YYYY-MM-DD` calendar day (a real day, years 0001–9999).
 * Diagnostics: `CALENDAR_DATE_INVALID` (wrong shape or type), `CALENDAR_DATE_NONEXISTENT`
 * (`2021-02-30`), with the given path.
 */
export function parseCalendarDate(value: unknown, path: DiagnosticPath = []): Result<CalendarDate> {
  if (typeof value === 'string') {
    if (parseDayNumber(value) !== undefined) return ok(value as CalendarDate, EMPTY);
    if (dateParts(value) !== undefined)
      return fail([
        createDiagnostic(calendarMessages.CALENDAR_DATE_NONEXISTENT, { value }, { path }),
      ]);
  }
  return fail(invalid(value, path));
}

/**
 * The calendar day of an input in a time zone (default {@link DEFAULT_TIME_ZONE}, +08:00):
 * `YYYY-MM-DD` is returned as is; a `Date`, epoch milliseconds or an ISO date-time with an offset
 * become the day a wall clock in the zone shows at that instant
 * (`'2017-09-30T23:30:00+00:00'` → `2017-10-01` in Shanghai). A date-time without an offset is
 * read as wall-clock time in the zone, with a `CALENDAR_OFFSET_MISSING` warning.
 *
 * @example
 * toCalendarDate('2017-10-01T09:00:00+08:00') // ok: '2017-10-01'
 * toCalendarDate(new Date('2017-09-30T16:30:00Z'), 'Europe/London') // ok: '2017-09-30'
 */
export function toCalendarDate(
  input: unknown,
  timeZone: string = DEFAULT_TIME_ZONE,
  path: DiagnosticPath = [],
): Result<CalendarDate> {
  if (!isValidTimeZone(timeZone)) return fail([timeZoneDiagnostic(timeZone, ['timeZone'])]);
  const resolved = dayResult(resolveDay(input, timeZone, path));
  return resolved.ok ? ok(formatDayNumber(resolved.value), resolved.diagnostics) : resolved;
}

function countDiagnostic(value: unknown, path: DiagnosticPath): Diagnostic {
  return createDiagnostic(
    calendarMessages.CALENDAR_COUNT_INVALID,
    { value: describeValue(value) },
    { path },
  );
}

/** Whether a count is a safe integer; its diagnostic otherwise. @internal */
export function checkCount(value: unknown, path: DiagnosticPath): Diagnostic | undefined {
  return Number.isSafeInteger(value) ? undefined : countDiagnostic(value, path);
}

/**
 * The calendar day `days` days after `date` (before it when negative). Fails with
 * `CALENDAR_DATE_INVALID` / `CALENDAR_DATE_NONEXISTENT` (path `['date']`), `CALENDAR_COUNT_INVALID`
 * (path `['days']`) or, when the result would leave years 0001–9999, `CALENDAR_DATE_INVALID`.
 */
export function addCalendarDays(date: CalendarDate | string, days: number): Result<CalendarDate> {
  const start = parseCalendarDate(date, ['date']);
  const bad = checkCount(days, ['days']);
  if (!start.ok || bad !== undefined)
    return fail([...start.diagnostics, ...(bad === undefined ? [] : [bad])]);
  const dayNumber = (parseDayNumber(start.value) as number) + days;
  if (dayNumber < MIN_DAY_NUMBER || dayNumber > MAX_DAY_NUMBER)
    return fail(invalid(`${start.value} + ${days} days`, ['days']));
  return ok(formatDayNumber(dayNumber), EMPTY);
}

/**
 * Compare two calendar days for sorting: negative when `a` is earlier, 0 when equal, positive when
 * later. Both must be valid {@link CalendarDate}s (it is a plain string comparison, which orders
 * `YYYY-MM-DD` dates chronologically).
 */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The number of calendar days from `a` to `b`: positive when `b` is later, negative when earlier
 * (`calendarDaysBetween('2017-09-29', '2017-10-09')` is 10). Bad dates fail with paths `['a']`,
 * `['b']`.
 */
export function calendarDaysBetween(
  a: CalendarDate | string,
  b: CalendarDate | string,
): Result<number> {
  const from = parseCalendarDate(a, ['a']);
  const to = parseCalendarDate(b, ['b']);
  if (!from.ok || !to.ok) return fail([...from.diagnostics, ...to.diagnostics]);
  return ok((parseDayNumber(to.value) as number) - (parseDayNumber(from.value) as number), EMPTY);
}

/**
 * The instant a calendar day begins in a time zone, as an ISO date-time with the zone's offset
 * (`startOfDayInZone('2017-10-01')` → `'2017-10-01T00:00:00+08:00'`). Where a daylight-saving
 * change skips midnight, the day begins at the first wall-clock time that exists. Days before 1900
 * (when zones still ran on local mean time, with offsets in seconds) fail with
 * `CALENDAR_DATE_INVALID`.
 */
export function startOfDayInZone(
  date: CalendarDate | string,
  timeZone: string = DEFAULT_TIME_ZONE,
): Result<string> {
  const day = parseCalendarDate(date, ['date']);
  if (!day.ok) return day;
  if (!isValidTimeZone(timeZone)) return fail([timeZoneDiagnostic(timeZone, ['timeZone'])]);
  const [y, m, d] = dateParts(day.value) as [number, number, number];
  if (y < 1900) return fail(invalid(day.value, ['date']));
  return ok(formatISO(new TZDate(y, m - 1, d, timeZone)), EMPTY);
}
