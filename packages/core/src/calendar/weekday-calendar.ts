import { requireOptions, requireTimeZone } from './calendar-date.js';
import { createIndexedCalendar } from './indexed-calendar.js';
import type { WorkdayCalendar } from './workday-calendar.js';
import { weekdayIndex } from './workday-index.js';

/** Options of {@link createWeekdayCalendar}. */
export interface WeekdayCalendarOptions {
  /** The time zone in which instants are read; default `Asia/Shanghai`. */
  readonly timeZone?: string;
  /** The calendar's id; default `weekdays`. */
  readonly id?: string;
}

/**
 * A plain Monday–Friday calendar with no holidays, valid for every day from 0001-01-01 to
 * 9999-12-31 (no `coverage`). Every operation is closed-form arithmetic, O(1).
 *
 * Throws a `FoodSafetyError` with code `CALENDAR_TIME_ZONE_INVALID` for an unknown time zone
 * (a programmer error; check user input with `isValidTimeZone`), `CALENDAR_OPTIONS_INVALID` for
 * options that are not an object.
 *
 * @example
 * const weekdays = createWeekdayCalendar();
 * weekdays.addWorkdays('2017-09-29', 7) // ok: '2017-10-10'
 */
export function createWeekdayCalendar(options: WeekdayCalendarOptions = {}): WorkdayCalendar {
  requireOptions(options, 'createWeekdayCalendar');
  const timeZone = requireTimeZone(options.timeZone);
  return createIndexedCalendar(weekdayIndex(), {
    id: options.id ?? 'weekdays',
    timeZone,
    hasCoverage: false,
  });
}
