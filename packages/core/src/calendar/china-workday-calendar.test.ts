import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isWorkday as chineseDaysIsWorkday } from 'chinese-days';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostic.js';
import { isFoodSafetyError } from '../foodsafety-error.js';
import type { CalendarDate } from './calendar-date.js';
import {
  CHINA_WORKDAY_YEARS,
  CHINESE_DAYS_VERSION,
  type ChinaHolidayYear,
  chinaWorkdayRuleSet,
  createChinaWorkdayCalendar,
  parseChinaHolidayYears,
} from './china-workday-calendar.js';
import type { WorkdayCalendar } from './workday-calendar.js';

const china = createChinaWorkdayCalendar();

const utcDay = (k: number) => new Date(k * 86_400_000).toISOString().slice(0, 10);
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const FIRST = dayNumber('2004-01-01');
const LAST = dayNumber('2026-12-31');

function dates(from: string, to: string): string[] {
  const out: string[] = [];
  for (let k = dayNumber(from); k <= dayNumber(to); k++) out.push(utcDay(k));
  return out;
}

function expectWorkday(calendar: WorkdayCalendar, date: string, expected: boolean) {
  expect(calendar.isWorkday(date), date).toEqual({ ok: true, value: expected, diagnostics: [] });
}

describe('published arrangements (State Council General Office notices)', () => {
  // 国办发明电〔2016〕17号 (2016-12-01): 中秋节、国庆节：10月1日至8日放假调休，共8天。9月30日（星期六）上班。
  it('2017: National Day + Mid-Autumn 10-01..08 off, Saturday 09-30 worked', () => {
    for (const d of dates('2017-10-01', '2017-10-08')) expectWorkday(china, d, false);
    expectWorkday(china, '2017-09-30', true);
    expectWorkday(china, '2017-09-29', true);
    expectWorkday(china, '2017-10-09', true);
    // Same notice: 春节 1月27日至2月2日放假调休；1月22日（星期日）、2月4日（星期六）上班。
    for (const d of dates('2017-01-27', '2017-02-02')) expectWorkday(china, d, false);
    expectWorkday(china, '2017-01-22', true);
    expectWorkday(china, '2017-02-04', true);
  });

  // Notice of 2023-10-25: 春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。
  it('2024: Spring Festival 02-10..17 off, Sundays 02-04 and 02-18 worked', () => {
    for (const d of dates('2024-02-10', '2024-02-17')) expectWorkday(china, d, false);
    expectWorkday(china, '2024-02-04', true);
    expectWorkday(china, '2024-02-18', true);
    expectWorkday(china, '2024-02-09', true); // 除夕 was a working day in 2024
  });

  // 国办发明电〔2024〕12号 (2024-11-12), first year of the revised holiday rules.
  it('2025: Spring Festival from New Year’s Eve 01-28..02-04 off, 01-26 and 02-08 worked', () => {
    for (const d of dates('2025-01-28', '2025-02-04')) expectWorkday(china, d, false);
    expectWorkday(china, '2025-01-26', true);
    expectWorkday(china, '2025-02-08', true);
    expectWorkday(china, '2025-01-27', true);
    expectWorkday(china, '2025-02-05', true);
  });

  it('2025: National Day + Mid-Autumn 10-01..08 off, 09-28 and 10-11 worked', () => {
    for (const d of dates('2025-10-01', '2025-10-08')) expectWorkday(china, d, false);
    expectWorkday(china, '2025-09-28', true);
    expectWorkday(china, '2025-10-11', true);
    // 元旦：1月1日（周三）放假1天，不调休。
    expectWorkday(china, '2025-01-01', false);
    expectWorkday(china, '2025-01-02', true);
  });
});

describe('deadlines in working days', () => {
  it('re-test request within 7 working days of a result received Friday 2017-09-29: 2017-10-16', () => {
    // By hand: Sat 09-30 is a working day (调休) → 1; 10-01..08 off; Mon 10-09 → 2, 10-10 → 3,
    // 10-11 → 4, 10-12 → 5, Fri 10-13 → 6; weekend 10-14/15; Mon 10-16 → 7.
    expect(china.addWorkdays('2017-09-29', 7)).toEqual({
      ok: true,
      value: '2017-10-16',
      diagnostics: [],
    });
    expect(china.deadline('2017-09-29', 7)).toMatchObject({ value: '2017-10-16' });
    expect(china.workdaysBetween('2017-09-29', '2017-10-16')).toMatchObject({ value: 7 });
    expect(china.workdaysBetween('2017-10-16', '2017-09-29')).toMatchObject({ value: -7 });
  });

  it('steps over the holiday block', () => {
    expect(china.nextWorkday('2017-09-30')).toMatchObject({ value: '2017-10-09' });
    expect(china.previousWorkday('2017-10-09')).toMatchObject({ value: '2017-09-30' });
    expect(china.addWorkdays('2017-10-03', 0)).toMatchObject({ value: '2017-10-09' });
    expect(china.addWorkdays('2017-10-03', -1)).toMatchObject({ value: '2017-09-30' });
    expect(china.addWorkdays('2017-09-30', 0)).toMatchObject({ value: '2017-09-30' });
    expect(china.workdaysBetween('2017-09-30', '2017-10-08')).toMatchObject({ value: 0 });
    expect(china.addWorkdays('2024-02-09', 1)).toMatchObject({ value: '2024-02-18' });
  });

  it('agrees with the chinese-days API on every day of 2004–2026', () => {
    const disagreements: string[] = [];
    for (let k = FIRST; k <= LAST; k++) {
      const date = utcDay(k);
      const ours = china.isWorkday(date);
      if (!ours.ok || ours.value !== chineseDaysIsWorkday(date)) disagreements.push(date);
    }
    expect(disagreements).toEqual([]);
  });

  it('workdaysBetween(a, addWorkdays(a, n)) === n for a working day a, within coverage', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: FIRST, max: LAST }),
        fc.integer({ min: -600, max: 600 }),
        (k, n) => {
          const a = china.addWorkdays(utcDay(k), 0);
          if (!a.ok) return; // a rest day at the very end of 2026
          const b = china.addWorkdays(a.value, n);
          if (!b.ok) {
            expect(b.diagnostics[0]?.code).toBe('CALENDAR_OUT_OF_RANGE');
            return;
          }
          expect(china.workdaysBetween(a.value, b.value)).toMatchObject({ value: n });
          expect(chineseDaysIsWorkday(b.value)).toBe(true);
        },
      ),
    );
  });

  it('addWorkdays agrees with a day-by-day walk on the chinese-days API', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: FIRST + 400, max: LAST - 400 }),
        fc.integer({ min: -150, max: 150 }).filter((n) => n !== 0),
        (k, n) => {
          let day = k;
          for (let left = Math.abs(n); left > 0; ) {
            day += Math.sign(n);
            if (chineseDaysIsWorkday(utcDay(day))) left--;
          }
          expect(china.addWorkdays(utcDay(k), n)).toMatchObject({ value: utcDay(day) });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('explain', () => {
  it('names public holidays and adjusted working days, in both languages', () => {
    expect(china.explain('2017-10-04')).toEqual({
      ok: true,
      diagnostics: [],
      value: {
        date: '2017-10-04',
        weekday: 3,
        isWorkday: false,
        kind: 'public-holiday',
        holiday: { 'zh-CN': '中秋节', en: 'Mid-autumn Festival' },
        code: 'CALENDAR_DAY_PUBLIC_HOLIDAY',
        text: {
          'zh-CN': '2017-10-04（星期三）是中秋节假期的放假日',
          en: '2017-10-04 (Wednesday) is a public holiday: Mid-autumn Festival',
        },
        calendar: 'cn.workdays',
      },
    });
    expect(china.explain('2017-09-30')).toMatchObject({
      value: {
        weekday: 6,
        isWorkday: true,
        kind: 'adjusted-workday',
        holiday: { 'zh-CN': '国庆节', en: 'National Day' },
        text: {
          'zh-CN': '2017-09-30（星期六）是国庆节调休上班日',
          en: '2017-09-30 (Saturday) is an adjusted working day (调休) for National Day',
        },
      },
    });
    expect(china.explain('2024-02-18')).toMatchObject({
      value: { kind: 'adjusted-workday', weekday: 7, holiday: { 'zh-CN': '春节' } },
    });
    expect(china.explain('2025-01-28')).toMatchObject({
      value: { kind: 'public-holiday', holiday: { en: 'Spring Festival', 'zh-CN': '春节' } },
    });
    expect(china.explain('2017-10-14')).toMatchObject({
      value: { kind: 'weekend', text: { 'zh-CN': '2017-10-14（星期六）是周末休息日' } },
    });
    expect(china.explain('2017-10-10')).toMatchObject({ value: { kind: 'workday' } });
  });
});

describe('coverage', () => {
  it('covers 2004–2026 from the chinese-days tables, as a secondary-source rule set', () => {
    expect(china.coverage).toEqual({ from: '2004-01-01', to: '2026-12-31' });
    expect(CHINA_WORKDAY_YEARS).toEqual({ from: 2004, to: 2026 });
    expect(china.ruleSet).toBe(chinaWorkdayRuleSet);
    expect(chinaWorkdayRuleSet).toMatchObject({
      id: 'cn.workdays',
      version: '2004-2026',
      jurisdiction: 'CN',
      effectiveFrom: '2004-01-01',
      confidence: 'secondary',
    });
    expect(chinaWorkdayRuleSet.source).toContain('国务院办公厅');
  });

  it('names the chinese-days version actually installed', () => {
    const require = createRequire(import.meta.url);
    const main = require.resolve('chinese-days');
    const pkg = JSON.parse(
      readFileSync(main.replace(/dist[\\/][^\\/]+$/, 'package.json'), 'utf8'),
    ) as { version: string };
    expect(pkg.version).toBe(CHINESE_DAYS_VERSION);
  });

  it('refuses a day before 2004 with CALENDAR_OUT_OF_RANGE, never a guess', () => {
    const r = china.isWorkday('2003-10-01');
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        code: 'CALENDAR_OUT_OF_RANGE',
        severity: 'error',
        path: ['date'],
        params: {
          date: '2003-10-01',
          year: 2003,
          from: '2004-01-01',
          to: '2026-12-31',
          calendar: 'cn.workdays',
        },
      }),
    ]);
    const [d] = r.diagnostics;
    expect(d && formatDiagnostic(d, 'zh-CN')).toContain(
      '2003-10-01 所需的 2003 年超出工作日历 cn.workdays 的覆盖范围（2004-01-01 至 2026-12-31）',
    );
    expect(d && formatDiagnostic(d, 'en')).toContain('needs the year 2003');
  });

  it('refuses a day after 2026 in every method', () => {
    const after = '2027-01-04';
    const results = [
      china.isWorkday(after),
      china.explain(after),
      china.addWorkdays(after, 1),
      china.deadline(after, 0),
      china.nextWorkday(after),
      china.previousWorkday(after),
      china.workdaysBetween('2026-12-01', after),
      china.toCalendarDate(after),
    ];
    for (const r of results) {
      expect(r.ok).toBe(false);
      expect(r.diagnostics[0]).toMatchObject({
        code: 'CALENDAR_OUT_OF_RANGE',
        params: { year: 2027, from: '2004-01-01', to: '2026-12-31' },
      });
    }
    expect(china.workdaysBetween('2026-12-01', after).diagnostics[0]?.path).toEqual(['to']);
  });

  it('refuses counts that would need a day outside the covered years', () => {
    const forward = china.addWorkdays('2026-12-28', 10);
    expect(forward.ok).toBe(false);
    expect(forward.diagnostics).toMatchObject([
      { code: 'CALENDAR_OUT_OF_RANGE', path: ['n'], params: { date: '2026-12-28', year: 2027 } },
    ]);
    const backward = china.deadline('2004-01-05', 0);
    expect(backward).toMatchObject({ ok: true, value: '2004-01-05' });
    expect(china.addWorkdays('2004-01-05', -5).diagnostics).toMatchObject([
      { code: 'CALENDAR_OUT_OF_RANGE', params: { year: 2003 } },
    ]);
    expect(china.nextWorkday('2026-12-31').diagnostics[0]?.code).toBe('CALENDAR_OUT_OF_RANGE');
  });

  it('reads instants in Shanghai time: 2017-09-30T23:30:00+00:00 is the 2017-10-01 holiday', () => {
    expect(china.isWorkday('2017-09-30T23:30:00+00:00')).toMatchObject({ ok: true, value: false });
    expect(china.explain('2017-09-30T23:30:00+00:00')).toMatchObject({
      value: { date: '2017-10-01', kind: 'public-holiday' },
    });
    expect(china.isWorkday('2017-09-30T15:59:59+00:00')).toMatchObject({ value: true });
    expect(china.isWorkday(new Date(Date.UTC(2017, 8, 30, 23, 30)))).toMatchObject({
      value: false,
    });
    // The same instant is still Saturday 2017-09-30, a working day, for a calendar kept in UTC.
    const utc = createChinaWorkdayCalendar({ timeZone: 'UTC' });
    expect(utc.isWorkday('2017-09-30T23:30:00+00:00')).toMatchObject({ value: true });
  });

  it('turns bad input into diagnostics', () => {
    expect(china.isWorkday('2021-02-30').diagnostics[0]).toMatchObject({
      code: 'CALENDAR_DATE_NONEXISTENT',
      path: ['date'],
    });
    expect(china.addWorkdays('2017-09-29', 0.5).diagnostics[0]).toMatchObject({
      code: 'CALENDAR_COUNT_INVALID',
      path: ['n'],
    });
    expect(china.addWorkdays(Number.NaN, 1).diagnostics[0]).toMatchObject({
      code: 'CALENDAR_DATE_INVALID',
      path: ['date'],
    });
  });
});

describe('extraYears', () => {
  // A made-up arrangement to exercise the mechanism; NOT the published arrangement for 2027.
  const fictitious2027: ChinaHolidayYear = {
    year: 2027,
    source: 'test fixture, not a real notice',
    holidays: [
      { date: '2026-12-31', name: { 'zh-CN': '测试假日', en: 'Test holiday' } },
      { date: '2027-01-01', name: { 'zh-CN': '测试假日', en: 'Test holiday' } },
      { date: '2027-02-03', name: 'Test break' },
    ],
    workdays: [{ date: '2027-01-09', name: { 'zh-CN': '测试假日', en: 'Test holiday' } }],
  };

  it('extends coverage by a supplied year, whose entries win', () => {
    const input = structuredClone(fictitious2027);
    const extended = createChinaWorkdayCalendar({ extraYears: [Object.freeze(input)] });
    expect(input).toEqual(fictitious2027);
    expect(extended.coverage).toEqual({ from: '2004-01-01', to: '2027-12-31' });
    expectWorkday(extended, '2027-01-01', false);
    expectWorkday(extended, '2027-01-09', true);
    expectWorkday(extended, '2027-02-03', false);
    expectWorkday(extended, '2027-02-04', true);
    expectWorkday(extended, '2027-01-10', false);
    expectWorkday(extended, '2026-12-31', false);
    expect(extended.explain('2027-02-03')).toMatchObject({
      value: { holiday: { 'zh-CN': 'Test break', en: 'Test break' } },
    });
    expect(extended.ruleSet?.version).toBe('2004-2027 (caller-supplied: 2027)');
    expect(extended.ruleSet?.source).toContain('test fixture');
    expect(extended.isWorkday('2028-01-03').diagnostics[0]).toMatchObject({
      code: 'CALENDAR_OUT_OF_RANGE',
      params: { year: 2028, to: '2027-12-31' },
    });
    // The default calendar is untouched.
    expect(china.isWorkday('2027-01-04').ok).toBe(false);
    expectWorkday(china, '2026-12-31', true);
  });

  it('replaces a covered year', () => {
    const replaced = createChinaWorkdayCalendar({
      extraYears: [{ year: 2017, holidays: [], workdays: [] }],
    });
    expectWorkday(replaced, '2017-10-02', true);
    expectWorkday(replaced, '2017-09-30', false);
    expectWorkday(replaced, '2018-02-15', false); // other years keep the package data
  });

  it('extends backwards', () => {
    const earlier = createChinaWorkdayCalendar({
      extraYears: [{ year: 2003, holidays: [{ date: '2003-10-01', name: 'x' }], workdays: [] }],
    });
    expect(earlier.coverage?.from).toBe('2003-01-01');
    expectWorkday(earlier, '2003-10-01', false);
  });

  it('checks untrusted years, with paths', () => {
    const r = parseChinaHolidayYears([
      {
        year: 2027,
        holidays: [{ date: '2027-02-30', name: 'x' }, { date: '2027-03-01' }],
        workdays: [],
      },
      { year: 2029, holidays: [], workdays: [] },
      { year: 'next', holidays: [], workdays: [] },
    ]);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['CALENDAR_DATE_NONEXISTENT', ['extraYears', 0, 'holidays', 0, 'date']],
      ['CALENDAR_SPEC_FIELD_INVALID', ['extraYears', 0, 'holidays', 1, 'name']],
      ['CALENDAR_SPEC_FIELD_INVALID', ['extraYears', 2, 'year']],
    ]);
    const gap = parseChinaHolidayYears([{ year: 2029, holidays: [], workdays: [] }]);
    expect(gap.diagnostics).toMatchObject([
      {
        code: 'CALENDAR_SPEC_YEAR_NOT_ADJACENT',
        path: ['extraYears', 0, 'year'],
        params: { year: 2029, from: 2004, to: 2026 },
      },
    ]);
    const twice = parseChinaHolidayYears([fictitious2027, fictitious2027]);
    expect(twice.diagnostics.map((d) => d.code)).toEqual(['CALENDAR_SPEC_DUPLICATE']);
    const outside = parseChinaHolidayYears([
      { year: 2027, holidays: [{ date: '2028-01-01', name: 'x' }], workdays: [] },
    ]);
    expect(outside.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['CALENDAR_SPEC_OUTSIDE_COVERAGE', ['extraYears', 0, 'holidays', 0, 'date']],
    ]);
    expect(parseChinaHolidayYears('2027').diagnostics[0]?.code).toBe('CALENDAR_SPEC_FIELD_INVALID');
    const two = parseChinaHolidayYears([
      { year: 2028, holidays: [], workdays: [] },
      fictitious2027,
    ]);
    expect(two).toMatchObject({ ok: true, diagnostics: [] });
  });

  it('throws a coded error when given invalid years directly', () => {
    let thrown: unknown;
    try {
      createChinaWorkdayCalendar({ extraYears: [{ year: 2030, holidays: [], workdays: [] }] });
    } catch (error) {
      thrown = error;
    }
    expect(isFoodSafetyError(thrown, 'CALENDAR_EXTRA_YEARS_INVALID')).toBe(true);
    expect(() => createChinaWorkdayCalendar({ timeZone: 'Nowhere' })).toThrow(
      'CALENDAR_TIME_ZONE_INVALID',
    );
  });
});

it('keeps CalendarDate results usable as plain strings', () => {
  const r = china.addWorkdays('2017-09-29', 7);
  const value: string | undefined = r.ok ? (r.value satisfies CalendarDate) : undefined;
  expect(value?.split('-')).toEqual(['2017', '10', '16']);
});
