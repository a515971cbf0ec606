/**
 * The calendars' promise: bad input gives CALENDAR_* diagnostics and never throws, never mutates —
 * for every method of every calendar and for createHolidayCalendar's untrusted spec, fed
 * arbitrary values (null prototypes, Maps, boxed values, bigints, dates…).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryInput } from '../test-support/arbitrary-input.js';
import { expectExplained } from '../test-support/expect-explained.js';
import { createChinaWorkdayCalendar } from './china-workday-calendar.js';
import { createHolidayCalendar } from './holiday-calendar.js';
import { createWeekdayCalendar } from './weekday-calendar.js';

const CODES = /^CALENDAR_[A-Z_]+$/;

const day = fc.oneof(
  arbitraryInput,
  fc.constantFrom('2017-09-30', '2017-10-01T09:00:00+08:00', '2030-01-02', '2017-02-30'),
  fc.integer({ min: -1e16, max: 1e16 }),
);
const count = fc.oneof(arbitraryInput, fc.integer({ min: -5000, max: 5000 }));

describe.each([
  ['weekdays', createWeekdayCalendar()],
  ['China', createChinaWorkdayCalendar()],
])('%s calendar with arbitrary arguments', (_name, calendar) => {
  it('answers every method with a result, never a throw', () => {
    fc.assert(
      fc.property(day, day, count, (a, b, n) => {
        const before = fc.stringify([a, b, n]);
        for (const r of [
          calendar.toCalendarDate(a as never),
          calendar.isWorkday(a as never),
          calendar.addWorkdays(a as never, n as never),
          calendar.deadline(a as never, n as never),
          calendar.workdaysBetween(a as never, b as never),
          calendar.nextWorkday(a as never),
          calendar.previousWorkday(a as never),
          calendar.explain(a as never),
        ]) {
          expectExplained(r, CODES);
        }
        expect(fc.stringify([a, b, n])).toBe(before);
      }),
      { numRuns: 200 },
    );
  });
});

describe('createHolidayCalendar with an arbitrary spec', () => {
  const entry = fc.oneof(
    arbitraryInput,
    fc.record({ date: fc.constantFrom('2027-01-01', '2027-02-06', 'x'), name: arbitraryInput }),
  );
  const spec = fc.oneof(
    arbitraryInput,
    fc.record(
      {
        id: fc.oneof(fc.constant('local'), arbitraryInput),
        coverage: fc.oneof(fc.constant({ from: '2027-01-01', to: '2027-12-31' }), arbitraryInput),
        holidays: fc.oneof(fc.array(entry, { maxLength: 4 }), arbitraryInput),
        workdays: fc.oneof(fc.array(entry, { maxLength: 4 }), arbitraryInput),
        weekendDays: fc.oneof(fc.constant([0, 6]), arbitraryInput),
        timeZone: fc.oneof(fc.constant('Asia/Shanghai'), arbitraryInput),
      },
      { requiredKeys: [] },
    ),
  );

  it('returns a calendar or CALENDAR_* diagnostics, never a throw, and leaves the spec alone', () => {
    fc.assert(
      fc.property(spec, (input) => {
        const before = fc.stringify(input);
        const r = createHolidayCalendar(input as never);
        expectExplained(r, /^(CALENDAR|RULESET|SCHEMA)_[A-Z_]+$/);
        expect(fc.stringify(input)).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});
