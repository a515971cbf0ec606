import {
  addCalendarDays,
  calendarDaysBetween,
  DEFAULT_TIME_ZONE,
  describeValue,
  FoodSafetyError,
  isCalendarDate,
  toCalendarDate,
  unwrap,
} from '@foodsafety/core';
import { z } from 'zod';

/**
 * A calendar date, ISO 8601 `YYYY-MM-DD` (a real date: `2017-02-29` is rejected). Deadlines,
 * licence validity and other day-granular facts use it; they are read as calendar days in
 * Asia/Shanghai.
 */
export const isoDateSchema = z.iso
  .date()
  .refine((value) => !value.startsWith('0000'), { message: 'Years run from 0001 to 9999' })
  .meta({
    title: 'ISO date',
    description: 'A calendar date YYYY-MM-DD, read as a calendar day in Asia/Shanghai.',
    examples: ['2017-10-08'],
  });

/**
 * An instant, ISO 8601 date-time with seconds and an explicit offset (`Z` or `±hh:mm`), for
 * example `2017-10-08T23:00:00+08:00`. Local times without an offset are rejected.
 */
export const isoDateTimeSchema = z.iso
  .datetime({ offset: true })
  .refine((value) => !value.startsWith('0000'), { message: 'Years run from 0001 to 9999' })
  .meta({
    title: 'ISO date-time',
    description: 'A date-time with seconds and an offset, e.g. 2017-10-08T23:00:00+08:00.',
    examples: ['2017-10-08T23:00:00+08:00'],
  });

/** Either a calendar date or a date-time with offset. */
export const isoDateOrDateTimeSchema = z.union([isoDateSchema, isoDateTimeSchema]);

/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = z.infer<typeof isoDateSchema>;
/** A date-time with offset. */
export type IsoDateTime = z.infer<typeof isoDateTimeSchema>;
/** A calendar date or a date-time with offset. */
export type IsoDateOrDateTime = z.infer<typeof isoDateOrDateTimeSchema>;

/**
 * The Asia/Shanghai calendar day of a date or date-time: `2017-10-08T23:00:00+08:00` and
 * `2017-10-08T15:30:00Z` are both `2017-10-08`; a plain date is returned as it is. Uses core's
 * `toCalendarDate` with the time-zone database, so the daylight-saving summers of 1986–1991
 * (+09:00) are read right.
 */
export function shanghaiDate(value: IsoDateOrDateTime): IsoDate {
  return unwrap(toCalendarDate(value, DEFAULT_TIME_ZONE));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier); core's `calendarDaysBetween`. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return unwrap(calendarDaysBetween(from, to));
}

/**
 * The calendar date `days` days after `date` (before, when negative); core's `addCalendarDays`.
 * Leaving years 0001–9999 throws `FoodSafetyError` (`CALENDAR_DATE_INVALID`).
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  return unwrap(addCalendarDays(date, days));
}

/**
 * The same calendar day `years` years later; 29 February becomes 28 February in a common year
 * (the usual reading of "valid for N years").
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  const target = String(Number(date.slice(0, 4)) + years).padStart(4, '0');
  const same = `${target}${date.slice(4)}`;
  // Only 29 February can be missing from the target year.
  return isCalendarDate(same) ? same : `${target}-02-28`;
}

/**
 * Compare two moments: by instant when both are date-times, otherwise by Asia/Shanghai calendar
 * day (a plain date equals every date-time on that day). Negative, zero or positive.
 */
export function compareMoments(a: IsoDateOrDateTime, b: IsoDateOrDateTime): number {
  if (!isCalendarDate(a) && !isCalendarDate(b)) return Math.sign(Date.parse(a) - Date.parse(b));
  const da = shanghaiDate(a);
  const db = shanghaiDate(b);
  return da < db ? -1 : da > db ? 1 : 0;
}

/**
 * Check a date argument supplied by the caller (an `asOf`, a `now`): a bad one is a programmer
 * error and throws `FoodSafetyError` `MODEL_ARGUMENT_INVALID`.
 */
export function requireMoment(value: unknown, name: string): IsoDateOrDateTime {
  if (typeof value === 'string' && isoDateOrDateTimeSchema.safeParse(value).success) return value;
  throw new FoodSafetyError(
    'MODEL_ARGUMENT_INVALID',
    `${name} must be an ISO date (YYYY-MM-DD) or date-time with offset`,
    { [name]: describeValue(value) },
  );
}
