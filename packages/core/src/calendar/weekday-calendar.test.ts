import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFoodSafetyError } from '../foodsafety-error.js';
import { createWeekdayCalendar } from './weekday-calendar.js';

const weekdays = createWeekdayCalendar();

/** Independent oracles on the built-in Date: the UTC day k days after 1970-01-01 and its weekday. */
const utcDay = (k: number) => new Date(k * 86_400_000).toISOString().slice(0, 10);
const isMonToFri = (k: number) => {
  const day = new Date(k * 86_400_000).getUTCDay();
  return day >= 1 && day <= 5;
};
/** Working days in (a, b] (negative when b < a), by walking day by day. */
function naiveBetween(a: number, b: number): number {
  let count = 0;
  for (let k = Math.min(a, b) + 1; k <= Math.max(a, b); k++) if (isMonToFri(k)) count++;
  return b >= a ? count : 0 - count;
}
/** The n-th working day after day a (n > 0) or before it (n < 0), by walking. */
function naiveAdd(a: number, n: number): number {
  if (n === 0) {
    let k = a;
    while (!isMonToFri(k)) k++;
    return k;
  }
  const step = n > 0 ? 1 : -1;
  let k = a;
  for (let left = Math.abs(n); left > 0; ) {
    k += step;
    if (isMonToFri(k)) left--;
  }
  return k;
}

describe('createWeekdayCalendar', () => {
  it('describes itself: no coverage limit, Shanghai time by default', () => {
    expect(weekdays.id).toBe('weekdays');
    expect(weekdays.timeZone).toBe('Asia/Shanghai');
    expect(weekdays.coverage).toBeUndefined();
    expect(createWeekdayCalendar({ timeZone: 'UTC', id: 'w' })).toMatchObject({
      id: 'w',
      timeZone: 'UTC',
    });
  });

  it('knows Monday to Friday', () => {
    expect(weekdays.isWorkday('2017-09-29')).toMatchObject({ ok: true, value: true }); // Friday
    expect(weekdays.isWorkday('2017-09-30')).toMatchObject({ ok: true, value: false }); // Saturday
    expect(weekdays.isWorkday('2017-10-01')).toMatchObject({ ok: true, value: false }); // Sunday
    expect(weekdays.isWorkday('2017-10-02')).toMatchObject({ ok: true, value: true }); // Monday
  });

  it('re-test request within 7 working days of a result received Friday 2017-09-29: 2017-10-10', () => {
    // By hand, ignoring holidays: Mon 10-02 (1), 10-03 (2), 10-04 (3), 10-05 (4), Fri 10-06 (5),
    // Mon 10-09 (6), Tue 10-10 (7).
    expect(weekdays.addWorkdays('2017-09-29', 7)).toMatchObject({ ok: true, value: '2017-10-10' });
    expect(weekdays.deadline('2017-09-29', 7)).toMatchObject({ ok: true, value: '2017-10-10' });
    expect(weekdays.workdaysBetween('2017-09-29', '2017-10-10')).toMatchObject({ value: 7 });
  });

  it('counts in (from, to], negative backwards, 0 for the same day', () => {
    expect(weekdays.workdaysBetween('2017-09-29', '2017-09-30')).toMatchObject({ value: 0 });
    expect(weekdays.workdaysBetween('2017-09-30', '2017-10-02')).toMatchObject({ value: 1 });
    expect(weekdays.workdaysBetween('2017-10-02', '2017-09-29')).toMatchObject({ value: -1 });
    expect(weekdays.workdaysBetween('2017-10-02', '2017-10-02')).toMatchObject({ value: 0 });
    // 2017 began on a Sunday: 52 weeks and one Sunday, 260 weekdays.
    expect(weekdays.workdaysBetween('2016-12-31', '2017-12-31')).toMatchObject({ value: 260 });
    expect(weekdays.workdaysBetween('2017-01-01', '2018-01-01')).toMatchObject({ value: 261 });
  });

  it('n = 0 keeps a working day and rolls a rest day forward; negative n goes back', () => {
    expect(weekdays.addWorkdays('2017-09-29', 0)).toMatchObject({ value: '2017-09-29' });
    expect(weekdays.addWorkdays('2017-09-30', 0)).toMatchObject({ value: '2017-10-02' });
    expect(weekdays.addWorkdays('2017-10-02', -1)).toMatchObject({ value: '2017-09-29' });
    expect(weekdays.addWorkdays('2017-10-01', -1)).toMatchObject({ value: '2017-09-29' });
    expect(weekdays.addWorkdays('2017-09-30', 1)).toMatchObject({ value: '2017-10-02' });
    expect(weekdays.nextWorkday('2017-09-29')).toMatchObject({ value: '2017-10-02' });
    expect(weekdays.previousWorkday('2017-10-02')).toMatchObject({ value: '2017-09-29' });
  });

  it('agrees with a day-by-day walk', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -700_000, max: 2_900_000 }),
        fc.integer({ min: -400, max: 400 }),
        (a, n) => {
          expect(weekdays.addWorkdays(utcDay(a), n)).toMatchObject({
            value: utcDay(naiveAdd(a, n)),
          });
          expect(weekdays.workdaysBetween(utcDay(a), utcDay(a + n))).toMatchObject({
            value: naiveBetween(a, a + n),
          });
          expect(weekdays.isWorkday(utcDay(a))).toMatchObject({ value: isMonToFri(a) });
        },
      ),
    );
  });

  it('workdaysBetween(a, addWorkdays(a, n)) === n for a working day a', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -700_000, max: 2_900_000 }),
        fc.integer({ min: -100_000, max: 100_000 }),
        (k, n) => {
          const a = weekdays.addWorkdays(utcDay(k), 0);
          if (!a.ok) throw new Error('unreachable');
          const b = weekdays.addWorkdays(a.value, n);
          if (!b.ok) return; // beyond 0001–9999
          expect(weekdays.workdaysBetween(a.value, b.value)).toMatchObject({ value: n });
          expect(weekdays.isWorkday(b.value)).toMatchObject({ value: true });
        },
      ),
    );
  });

  it('explains working days and weekends in both languages', () => {
    expect(weekdays.explain('2017-09-30')).toMatchObject({
      ok: true,
      value: {
        date: '2017-09-30',
        weekday: 6,
        isWorkday: false,
        kind: 'weekend',
        code: 'CALENDAR_DAY_WEEKEND',
        text: {
          'zh-CN': '2017-09-30（星期六）是周末休息日',
          en: '2017-09-30 (Saturday) is a weekend rest day',
        },
        calendar: 'weekdays',
      },
    });
    const monday = weekdays.explain('2017-10-02');
    expect(monday).toMatchObject({ value: { weekday: 1, isWorkday: true, kind: 'workday' } });
    expect(monday.ok && monday.value.text.en).toBe('2017-10-02 (Monday) is a working day');
    expect(monday.ok && 'holiday' in monday.value).toBe(false);
    expect(weekdays.explain('2017-10-01')).toMatchObject({ value: { weekday: 7 } });
  });

  it('reads instants in its time zone', () => {
    // Saturday 23:30 UTC is Sunday morning in Shanghai, still Saturday in UTC.
    expect(weekdays.isWorkday('2017-09-30T23:30:00+00:00')).toMatchObject({ value: false });
    const utc = createWeekdayCalendar({ timeZone: 'UTC' });
    expect(utc.explain('2017-09-29T23:30:00-02:00')).toMatchObject({
      value: { date: '2017-09-30' },
    });
    expect(weekdays.explain('2017-09-29T23:30:00-02:00')).toMatchObject({
      value: { date: '2017-09-30' },
    });
    expect(weekdays.toCalendarDate(Date.UTC(2017, 8, 30, 16))).toMatchObject({
      value: '2017-10-01',
    });
  });

  it('turns bad input into diagnostics with paths, never throws', () => {
    const codes = (r: { diagnostics: readonly { code: string; path?: readonly unknown[] }[] }) =>
      r.diagnostics.map((d) => [d.code, d.path]);
    expect(codes(weekdays.isWorkday('2021-02-30'))).toEqual([
      ['CALENDAR_DATE_NONEXISTENT', ['date']],
    ]);
    expect(codes(weekdays.isWorkday(Number.NaN))).toEqual([['CALENDAR_DATE_INVALID', ['date']]]);
    expect(codes(weekdays.addWorkdays('not a date', 1.5))).toEqual([
      ['CALENDAR_DATE_INVALID', ['date']],
      ['CALENDAR_COUNT_INVALID', ['n']],
    ]);
    expect(codes(weekdays.addWorkdays('2017-09-29', Number.NaN))).toEqual([
      ['CALENDAR_COUNT_INVALID', ['n']],
    ]);
    expect(codes(weekdays.addWorkdays('2017-09-29', '7' as unknown as number))).toEqual([
      ['CALENDAR_COUNT_INVALID', ['n']],
    ]);
    expect(codes(weekdays.deadline('2017-09-29', -1))).toEqual([
      ['CALENDAR_COUNT_NEGATIVE', ['workdays']],
    ]);
    expect(codes(weekdays.deadline({} as unknown as string, 2.5))).toEqual([
      ['CALENDAR_DATE_INVALID', ['start']],
      ['CALENDAR_COUNT_INVALID', ['workdays']],
    ]);
    expect(codes(weekdays.workdaysBetween(null as unknown as string, '2017-02-29'))).toEqual([
      ['CALENDAR_DATE_INVALID', ['from']],
      ['CALENDAR_DATE_NONEXISTENT', ['to']],
    ]);
    expect(codes(weekdays.explain(undefined as unknown as string))).toEqual([
      ['CALENDAR_DATE_INVALID', ['date']],
    ]);
  });

  it('fails, without hanging, when a count leaves the years 0001–9999', () => {
    const r = weekdays.addWorkdays('2017-09-29', Number.MAX_SAFE_INTEGER);
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toMatchObject([
      { code: 'CALENDAR_OUT_OF_RANGE', path: ['n'], params: { year: 10000, to: '9999-12-31' } },
    ]);
    expect(weekdays.previousWorkday('0001-01-01').diagnostics[0]?.code).toBe(
      'CALENDAR_OUT_OF_RANGE',
    );
  });

  it('keeps warnings of inputs read without an offset', () => {
    const r = weekdays.addWorkdays('2017-09-29T10:00:00', 1);
    expect(r).toMatchObject({ ok: true, value: '2017-10-02' });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['CALENDAR_OFFSET_MISSING']);
  });

  it('throws a coded programmer error for an unknown time zone', () => {
    let thrown: unknown;
    try {
      createWeekdayCalendar({ timeZone: 'Asia/Dalian' });
    } catch (error) {
      thrown = error;
    }
    expect(isFoodSafetyError(thrown, 'CALENDAR_TIME_ZONE_INVALID')).toBe(true);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(weekdays)).toBe(true);
  });
});
