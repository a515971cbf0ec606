import { FoodSafetyError } from '@foodsafety/core';
import { z } from 'zod';

/**
 * A calendar date, ISO 8601 `YYYY-MM-DD` (a real date: `2017-02-29` is rejected). Deadlines,
 * licence validity and other day-granular facts use it; they are read as calendar days in
 * Asia/Shanghai.
 */
export const isoDateSchema = z.iso.date().meta({
  title: 'ISO date',
  description: 'A calendar date YYYY-MM-DD, read as a calendar day in Asia/Shanghai.',
  examples: ['2017-10-08'],
});

/**
 * An instant, ISO 8601 date-time with seconds and an explicit offset (`Z` or `±hh:mm`), for
 * example `2017-10-08T23:00:00+08:00`. Local times without an offset are rejected.
 */
export const isoDateTimeSchema = z.iso.datetime({ offset: true }).meta({
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
 * Offset of Asia/Shanghai from UTC in minutes. China has used a fixed +08:00 without daylight
 * saving since 1992 (it observed DST 1986–1991); dates before 1992 may be off by an hour in summer.
 */
export const SHANGHAI_OFFSET_MINUTES = 480;

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatUtcDate(ms: number): IsoDate {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/**
 * The Asia/Shanghai calendar day of a date or date-time: `2017-10-08T23:00:00+08:00` and
 * `2017-10-08T15:30:00Z` are both `2017-10-08`; a plain date is returned as it is.
 */
export function shanghaiDate(value: IsoDateOrDateTime): IsoDate {
  if (DATE_ONLY.test(value)) return value;
  const ms = Date.parse(value);
  return formatUtcDate(ms + SHANGHAI_OFFSET_MINUTES * 60_000);
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
function epochDay(date: IsoDate): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return epochDay(to) - epochDay(from);
}

/** The calendar date `days` days after `date` (before, when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return formatUtcDate((epochDay(date) + days) * DAY_MS);
}

/**
 * The same calendar day `years` years later; 29 February becomes 28 February in a common year
 * (the usual reading of "valid for N years").
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = y + years;
  const lastDay = new Date(Date.UTC(target, m, 0)).getUTCDate();
  return `${pad(target, 4)}-${pad(m, 2)}-${pad(Math.min(d, lastDay), 2)}`;
}

/**
 * Compare two moments: by instant when both are date-times, otherwise by Asia/Shanghai calendar
 * day (a plain date equals every date-time on that day). Negative, zero or positive.
 */
export function compareMoments(a: IsoDateOrDateTime, b: IsoDateOrDateTime): number {
  if (!DATE_ONLY.test(a) && !DATE_ONLY.test(b)) return Math.sign(Date.parse(a) - Date.parse(b));
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
    { [name]: typeof value === 'string' ? value : String(value) },
  );
}
