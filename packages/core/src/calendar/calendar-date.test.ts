import { addDays, differenceInCalendarDays, getDaysInMonth } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostic.js';
import {
  addCalendarDays,
  type CalendarDate,
  calendarDaysBetween,
  compareCalendarDates,
  isCalendarDate,
  isValidTimeZone,
  parseCalendarDate,
  startOfDayInZone,
  toCalendarDate,
} from './calendar-date.js';

/** An independent oracle: the UTC day `k` days after 1970-01-01, via the built-in Date. */
const utcDay = (k: number) => new Date(k * 86_400_000).toISOString().slice(0, 10);

describe('parseCalendarDate', () => {
  it('accepts real YYYY-MM-DD days, including leap days', () => {
    for (const d of ['2017-10-01', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31']) {
      expect(parseCalendarDate(d)).toEqual({ ok: true, value: d, diagnostics: [] });
    }
  });

  it('rejects days that do not exist with CALENDAR_DATE_NONEXISTENT', () => {
    for (const d of [
      '2021-02-30',
      '2023-02-29',
      '1900-02-29',
      '2017-13-01',
      '2017-04-31',
      '0000-01-01',
    ]) {
      const r = parseCalendarDate(d, ['receivedOn']);
      expect(r.ok).toBe(false);
      expect(r.diagnostics).toMatchObject([
        { code: 'CALENDAR_DATE_NONEXISTENT', path: ['receivedOn'], params: { value: d } },
      ]);
    }
  });

  it('rejects other shapes and types with CALENDAR_DATE_INVALID', () => {
    for (const v of [
      '2017-1-01',
      '20171001',
      '2017-10-01T00:00:00Z',
      '',
      'tomorrow',
      20171001,
      null,
      {},
      [],
    ]) {
      const r = parseCalendarDate(v, ['x']);
      expect(r.ok).toBe(false);
      expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
        ['CALENDAR_DATE_INVALID', ['x']],
      ]);
    }
  });

  it('has bilingual messages', () => {
    const [d] = parseCalendarDate('2021-02-30').diagnostics;
    expect(d && formatDiagnostic(d, 'zh-CN')).toContain('日期 2021-02-30 在公历中不存在');
    expect(d && formatDiagnostic(d, 'en')).toContain('does not exist');
  });

  it('agrees with date-fns on which days exist (days in month, leap years)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const local = new Date(2000, m - 1, 1);
        local.setFullYear(y, m - 1, 1);
        const days = getDaysInMonth(local);
        const prefix = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
        expect(isCalendarDate(`${prefix}-${String(days).padStart(2, '0')}`)).toBe(true);
        expect(isCalendarDate(`${prefix}-${String(days + 1).padStart(2, '0')}`)).toBe(false);
      }),
    );
  });
});

describe('toCalendarDate', () => {
  it('takes the day in Asia/Shanghai by default: 2017-09-30T23:30:00+00:00 is 2017-10-01', () => {
    expect(toCalendarDate('2017-09-30T23:30:00+00:00')).toMatchObject({
      ok: true,
      value: '2017-10-01',
    });
    expect(toCalendarDate('2017-09-30T23:30:00Z', 'UTC')).toMatchObject({ value: '2017-09-30' });
    expect(toCalendarDate('2017-09-30T15:59:59.999Z')).toMatchObject({ value: '2017-09-30' });
    expect(toCalendarDate('2017-09-30T16:00:00Z')).toMatchObject({ value: '2017-10-01' });
  });

  it('reads ISO date-times with offsets, Dates and epoch milliseconds', () => {
    expect(toCalendarDate('2017-10-01T09:00:00+08:00')).toMatchObject({ value: '2017-10-01' });
    expect(toCalendarDate('2017-10-01T01:00:00+08:00', 'America/New_York')).toMatchObject({
      value: '2017-09-30',
    });
    const instant = Date.UTC(2017, 8, 30, 23, 30);
    expect(toCalendarDate(instant)).toMatchObject({ value: '2017-10-01' });
    expect(toCalendarDate(new Date(instant), 'Europe/London')).toMatchObject({
      value: '2017-10-01',
    });
    expect(toCalendarDate(new Date(instant), 'America/Los_Angeles')).toMatchObject({
      value: '2017-09-30',
    });
    expect(toCalendarDate(new Date(instant), '+08:00')).toMatchObject({ value: '2017-10-01' });
  });

  it('keeps a YYYY-MM-DD day as it is, whatever the zone', () => {
    expect(toCalendarDate('2017-10-01', 'Pacific/Kiritimati')).toMatchObject({
      value: '2017-10-01',
    });
    expect(toCalendarDate('2017-10-01', 'Pacific/Pago_Pago')).toMatchObject({
      value: '2017-10-01',
    });
  });

  it('reads a date-time without offset as wall-clock time, with a warning', () => {
    const r = toCalendarDate('2017-09-30T23:30:00', 'Asia/Shanghai', ['at']);
    expect(r).toMatchObject({ ok: true, value: '2017-09-30' });
    expect(r.diagnostics).toMatchObject([
      { code: 'CALENDAR_OFFSET_MISSING', severity: 'warning', path: ['at'] },
    ]);
    expect(toCalendarDate('2017-09-30T24:00:00')).toMatchObject({ value: '2017-10-01' });
  });

  it('gives diagnostics, never throws, for bad input', () => {
    const cases: [unknown, string][] = [
      [Number.NaN, 'CALENDAR_DATE_INVALID'],
      [Number.POSITIVE_INFINITY, 'CALENDAR_DATE_INVALID'],
      [new Date(Number.NaN), 'CALENDAR_DATE_INVALID'],
      [1e20, 'CALENDAR_DATE_INVALID'],
      ['2017-10-01T25:00:00+08:00', 'CALENDAR_DATE_INVALID'],
      ['2021-02-30T09:00:00+08:00', 'CALENDAR_DATE_NONEXISTENT'],
      ['2017-10-01 09:00', 'CALENDAR_DATE_INVALID'],
      [undefined, 'CALENDAR_DATE_INVALID'],
      [Symbol('x'), 'CALENDAR_DATE_INVALID'],
      [10n, 'CALENDAR_DATE_INVALID'],
    ];
    for (const [input, code] of cases) {
      const r = toCalendarDate(input, 'Asia/Shanghai', ['d']);
      expect(r.ok, String(code)).toBe(false);
      expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([[code, ['d']]]);
    }
  });

  it('rejects an unknown time zone', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone(8)).toBe(false);
    expect(toCalendarDate(0, 'Mars/Olympus_Mons').diagnostics).toMatchObject([
      { code: 'CALENDAR_TIME_ZONE_INVALID', path: ['timeZone'] },
    ]);
  });

  it('does not mutate a Date input', () => {
    const date = new Date(Date.UTC(2017, 8, 30, 23, 30));
    const before = date.getTime();
    toCalendarDate(date);
    expect(date.getTime()).toBe(before);
  });

  it('matches the UTC day of any instant in UTC, and the +08:00 day in Shanghai', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000_000_000, max: 4_000_000_000_000 }), (ms) => {
        expect(toCalendarDate(ms, 'UTC')).toMatchObject({ value: utcDay(Math.floor(ms / 864e5)) });
        // China has kept +08:00 without daylight saving since 1992.
        if (ms >= Date.UTC(1992, 0, 1)) {
          const shifted = Math.floor((ms + 8 * 3_600_000) / 864e5);
          expect(toCalendarDate(ms)).toMatchObject({ value: utcDay(shifted) });
        }
      }),
    );
  });
});

describe('calendar-day arithmetic', () => {
  it('adds days across months, leap days and years', () => {
    expect(addCalendarDays('2024-02-28', 1)).toMatchObject({ value: '2024-02-29' });
    expect(addCalendarDays('2023-02-28', 1)).toMatchObject({ value: '2023-03-01' });
    expect(addCalendarDays('2017-12-31', 1)).toMatchObject({ value: '2018-01-01' });
    expect(addCalendarDays('2017-10-01', -1)).toMatchObject({ value: '2017-09-30' });
    expect(addCalendarDays('0099-12-31', 1)).toMatchObject({ value: '0100-01-01' });
  });

  it('agrees with date-fns addDays and differenceInCalendarDays', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -700_000, max: 2_900_000 }),
        fc.integer({ min: -100_000, max: 100_000 }),
        (k, n) => {
          const a = utcDay(k);
          // date-fns on local-midnight Dates built from the parts, as a user would call it.
          const [y, m, d] = a.split('-').map(Number) as [number, number, number];
          const local = new Date(2000, m - 1, d);
          local.setFullYear(y);
          const expected = addDays(local, n);
          const iso = `${String(expected.getFullYear()).padStart(4, '0')}-${String(expected.getMonth() + 1).padStart(2, '0')}-${String(expected.getDate()).padStart(2, '0')}`;
          const r = addCalendarDays(a, n);
          if (expected.getFullYear() < 1 || expected.getFullYear() > 9999) {
            expect(r.ok).toBe(false);
            return;
          }
          expect(r).toMatchObject({ ok: true, value: iso });
          expect(calendarDaysBetween(a, iso)).toMatchObject({
            value: differenceInCalendarDays(expected, local),
          });
        },
      ),
    );
  });

  it('counts calendar days between two days, negative backwards', () => {
    expect(calendarDaysBetween('2017-09-29', '2017-10-09')).toMatchObject({ value: 10 });
    expect(calendarDaysBetween('2017-10-09', '2017-09-29')).toMatchObject({ value: -10 });
    expect(calendarDaysBetween('2024-01-01', '2025-01-01')).toMatchObject({ value: 366 });
  });

  it('reports bad arguments with paths', () => {
    expect(addCalendarDays('2021-02-30', 1.5).diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['CALENDAR_DATE_NONEXISTENT', ['date']],
      ['CALENDAR_COUNT_INVALID', ['days']],
    ]);
    expect(addCalendarDays('2017-01-01', Number.NaN).diagnostics[0]?.code).toBe(
      'CALENDAR_COUNT_INVALID',
    );
    expect(addCalendarDays('9999-12-31', 1).ok).toBe(false);
    expect(calendarDaysBetween('x', '2017-01-01').diagnostics[0]?.path).toEqual(['a']);
  });

  it('orders days chronologically', () => {
    const days = ['2017-10-08', '0999-01-01', '2017-09-30', '2017-10-01'] as CalendarDate[];
    expect([...days].sort(compareCalendarDates)).toEqual([
      '0999-01-01',
      '2017-09-30',
      '2017-10-01',
      '2017-10-08',
    ]);
    expect(compareCalendarDates('2017-10-01' as CalendarDate, '2017-10-01' as CalendarDate)).toBe(
      0,
    );
  });
});

describe('startOfDayInZone', () => {
  it('gives the instant a day begins, with the zone offset', () => {
    expect(startOfDayInZone('2017-10-01')).toMatchObject({ value: '2017-10-01T00:00:00+08:00' });
    expect(startOfDayInZone('2017-07-01', 'Europe/London')).toMatchObject({
      value: '2017-07-01T00:00:00+01:00',
    });
    // São Paulo skipped midnight when daylight saving began on 2018-11-04.
    expect(startOfDayInZone('2018-11-04', 'America/Sao_Paulo')).toMatchObject({
      value: '2018-11-04T01:00:00-02:00',
    });
  });

  it('fails on bad input', () => {
    expect(startOfDayInZone('2017-02-30').diagnostics[0]?.code).toBe('CALENDAR_DATE_NONEXISTENT');
    expect(startOfDayInZone('2017-01-01', 'Nowhere/City').diagnostics[0]?.code).toBe(
      'CALENDAR_TIME_ZONE_INVALID',
    );
    expect(startOfDayInZone('1850-01-01').diagnostics[0]?.code).toBe('CALENDAR_DATE_INVALID');
  });
});
