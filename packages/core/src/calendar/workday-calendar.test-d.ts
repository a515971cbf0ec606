import { describe, expectTypeOf, it } from 'vitest';
import type { Result } from '../result.js';
import {
  type CalendarDate,
  type CalendarDateInput,
  createChinaWorkdayCalendar,
  createHolidayCalendar,
  createWeekdayCalendar,
  type DayExplanation,
  type DayKind,
  parseCalendarDate,
  toCalendarDate,
  type WorkdayCalendar,
} from './index.js';

describe('working-day calendar types', () => {
  it('returns results, never bare values', () => {
    const china = createChinaWorkdayCalendar();
    expectTypeOf(china).toEqualTypeOf<WorkdayCalendar>();
    expectTypeOf(createWeekdayCalendar()).toEqualTypeOf<WorkdayCalendar>();
    expectTypeOf(createHolidayCalendar({})).toEqualTypeOf<Result<WorkdayCalendar>>();
    expectTypeOf(china.isWorkday('2017-10-01')).toEqualTypeOf<Result<boolean>>();
    expectTypeOf(china.addWorkdays('2017-09-29', 7)).toEqualTypeOf<Result<CalendarDate>>();
    expectTypeOf(china.workdaysBetween(new Date(), 0)).toEqualTypeOf<Result<number>>();
    expectTypeOf(china.explain('2017-10-01')).toEqualTypeOf<Result<DayExplanation>>();
  });

  it('brands calendar dates but lets them be used as strings', () => {
    const r = parseCalendarDate('2017-10-01');
    if (r.ok) {
      expectTypeOf(r.value).toEqualTypeOf<CalendarDate>();
      expectTypeOf(r.value).toMatchTypeOf<string>();
    }
    expectTypeOf<string>().not.toMatchTypeOf<CalendarDate>();
    expectTypeOf(toCalendarDate).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf<CalendarDateInput>().toEqualTypeOf<CalendarDate | string | Date | number>();
  });

  it('names the kinds of day', () => {
    expectTypeOf<DayKind>().toEqualTypeOf<
      'workday' | 'weekend' | 'public-holiday' | 'adjusted-workday'
    >();
    expectTypeOf<DayExplanation['weekday']>().toEqualTypeOf<1 | 2 | 3 | 4 | 5 | 6 | 7>();
  });

  it('rejects wrong argument types', () => {
    const calendar = createWeekdayCalendar();
    // @ts-expect-error n must be a number
    calendar.addWorkdays('2017-09-29', '7');
    // @ts-expect-error a boolean is not a date input
    calendar.isWorkday(true);
  });
});
