import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostic.js';
import { unwrap } from '../result.js';
import { createHolidayCalendar, type HolidayCalendarSpec } from './holiday-calendar.js';

const utcDay = (k: number) => new Date(k * 86_400_000).toISOString().slice(0, 10);
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const weekdayOf = (k: number) => new Date(k * 86_400_000).getUTCDay();

const codesAndPaths = (r: {
  diagnostics: readonly { code: string; path?: readonly unknown[] }[];
}) => r.diagnostics.map((d) => [d.code, d.path]);

const factory: HolidayCalendarSpec = {
  id: 'example.factory-2030',
  timeZone: 'Asia/Shanghai',
  coverage: { from: '2030-01-01', to: '2030-12-31' },
  weekendDays: [0], // a six-day week: only Sunday off
  holidays: [
    { date: '2030-01-01', name: { 'zh-CN': '元旦', en: "New Year's Day" } },
    { date: '2030-01-02', name: 'Plant maintenance' },
  ],
  workdays: [{ date: '2030-01-06', name: { 'zh-CN': '盘点', en: 'Stocktaking' } }],
};

describe('createHolidayCalendar', () => {
  it('builds a calendar from tables, with its own weekend', () => {
    const calendar = unwrap(createHolidayCalendar(factory));
    expect(calendar.id).toBe('example.factory-2030');
    expect(calendar.coverage).toEqual({ from: '2030-01-01', to: '2030-12-31' });
    expect(calendar.isWorkday('2030-01-05')).toMatchObject({ value: true }); // a Saturday
    expect(calendar.isWorkday('2030-01-06')).toMatchObject({ value: true }); // Sunday, worked
    expect(calendar.isWorkday('2030-01-13')).toMatchObject({ value: false }); // Sunday
    expect(calendar.addWorkdays('2029-12-31', 1).diagnostics[0]?.code).toBe(
      'CALENDAR_OUT_OF_RANGE',
    );
    expect(calendar.addWorkdays('2030-01-01', 1)).toMatchObject({ value: '2030-01-03' });
    expect(calendar.explain('2030-01-02')).toMatchObject({
      value: {
        kind: 'public-holiday',
        text: {
          en: '2030-01-02 (Wednesday) is a public holiday: Plant maintenance',
          'zh-CN': '2030-01-02（星期三）是Plant maintenance假期的放假日',
        },
      },
    });
    expect(calendar.explain('2030-01-06')).toMatchObject({
      value: { kind: 'adjusted-workday', holiday: { en: 'Stocktaking' } },
    });
  });

  it('does not mutate its input, nor depend on it afterwards', () => {
    const input = structuredClone(factory) as {
      holidays: { date: string; name: unknown }[];
    } & HolidayCalendarSpec;
    const snapshot = structuredClone(input);
    const calendar = unwrap(createHolidayCalendar(input));
    expect(input).toEqual(snapshot);
    input.holidays[0] = { date: '2030-03-04', name: 'later' };
    expect(calendar.isWorkday('2030-01-01')).toMatchObject({ value: false });
    expect(calendar.isWorkday('2030-03-04')).toMatchObject({ value: true });
    expect(createHolidayCalendar(Object.freeze(structuredClone(factory))).ok).toBe(true);
  });

  it('carries a rule set, and its confidence notice', () => {
    const r = createHolidayCalendar({
      ...factory,
      ruleSet: {
        id: 'example.factory',
        version: '2030',
        jurisdiction: 'CN-LN-Dalian',
        effectiveFrom: '2030-01-01',
        source: 'works council minutes',
        confidence: 'unverified',
      },
    });
    expect(r.ok && r.value.ruleSet?.id).toBe('example.factory');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['RULESET_NOT_VERIFIED']);
  });

  it('handles coverage too long to keep pre-formatted dates (200 years)', () => {
    const calendar = unwrap(
      createHolidayCalendar({
        id: 'long',
        coverage: { from: '1900-01-01', to: '2099-12-31' },
        holidays: [{ date: '2000-01-03', name: 'x' }],
      }),
    );
    expect(calendar.addWorkdays('1999-12-31', 1)).toMatchObject({ value: '2000-01-04' });
    expect(calendar.workdaysBetween('1900-01-01', '2099-12-31').ok).toBe(true);
  });

  it('agrees with a day-by-day walk for random tables', () => {
    const lo = dayNumber('2030-01-01');
    const span = 120;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: span - 1 }), { maxLength: 40 }),
        fc.subarray([0, 1, 2, 3, 4, 5, 6], { maxLength: 3 }),
        fc.integer({ min: 0, max: span - 1 }),
        fc.integer({ min: -40, max: 40 }),
        fc.integer({ min: 0, max: span - 1 }),
        (special, weekendDays, start, n, other) => {
          const weekend = new Set(weekendDays);
          // Special days on a weekend become worked days, the others days off.
          const holidays = special.filter((i) => !weekend.has(weekdayOf(lo + i)));
          const workdays = special.filter((i) => weekend.has(weekdayOf(lo + i)));
          const isWork = (i: number) =>
            workdays.includes(i) || (!holidays.includes(i) && !weekend.has(weekdayOf(lo + i)));
          const calendar = unwrap(
            createHolidayCalendar({
              id: 'random',
              coverage: { from: utcDay(lo), to: utcDay(lo + span - 1) },
              weekendDays,
              holidays: holidays.map((i) => ({ date: utcDay(lo + i), name: 'h' })),
              workdays: workdays.map((i) => ({ date: utcDay(lo + i), name: 'w' })),
            }),
          );
          expect(calendar.isWorkday(utcDay(lo + start))).toMatchObject({ value: isWork(start) });
          // addWorkdays by walking; undefined when the walk leaves the coverage.
          let i = start;
          let found: number | undefined;
          if (n === 0) {
            while (i < span && !isWork(i)) i++;
            found = i < span ? i : undefined;
          } else {
            let left = Math.abs(n);
            while (left > 0) {
              i += Math.sign(n);
              if (i < 0 || i >= span) break;
              if (isWork(i)) left--;
            }
            found = left === 0 ? i : undefined;
          }
          const added = calendar.addWorkdays(utcDay(lo + start), n);
          if (found === undefined) expect(added.diagnostics[0]?.code).toBe('CALENDAR_OUT_OF_RANGE');
          else expect(added).toMatchObject({ ok: true, value: utcDay(lo + found) });
          let between = 0;
          for (let k = Math.min(start, other) + 1; k <= Math.max(start, other); k++)
            if (isWork(k)) between++;
          expect(calendar.workdaysBetween(utcDay(lo + start), utcDay(lo + other))).toMatchObject({
            value: other >= start ? between : 0 - between,
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('createHolidayCalendar with bad data', () => {
  it('reports each problem with a path into the data', () => {
    const r = createHolidayCalendar({
      id: '',
      timeZone: 'Asia/Dalian',
      coverage: { from: '2030-01-01', to: '2030-02-30' },
      weekendDays: [0, 7],
      holidays: [
        { date: '2030-01-01', name: 'a' },
        { date: '2030-01-01', name: 'again' },
        'x',
        { date: '2030-13-01', name: { 'zh-CN': '缺英文' } },
      ],
      workdays: [{ date: '2030-01-01', name: 'both' }],
    });
    expect(r.ok).toBe(false);
    expect(codesAndPaths(r)).toEqual([
      ['CALENDAR_SPEC_FIELD_INVALID', ['id']],
      ['CALENDAR_TIME_ZONE_INVALID', ['timeZone']],
      ['CALENDAR_DATE_NONEXISTENT', ['coverage', 'to']],
      ['CALENDAR_SPEC_FIELD_INVALID', ['weekendDays']],
      ['CALENDAR_SPEC_DUPLICATE', ['holidays', 1, 'date']],
      ['CALENDAR_SPEC_FIELD_INVALID', ['holidays', 2]],
      ['CALENDAR_DATE_NONEXISTENT', ['holidays', 3, 'date']],
      ['CALENDAR_SPEC_FIELD_INVALID', ['holidays', 3, 'name']],
      ['CALENDAR_SPEC_DUPLICATE', ['workdays', 0, 'date']],
    ]);
  });

  it('rejects a reversed or over-long coverage and entries outside it', () => {
    const reversed = createHolidayCalendar({
      id: 'r',
      coverage: { from: '2030-12-31', to: '2030-01-01' },
      holidays: [],
    });
    expect(reversed.diagnostics).toMatchObject([
      { code: 'CALENDAR_SPEC_COVERAGE_INVALID', path: ['coverage'], params: { maxYears: 400 } },
    ]);
    const long = createHolidayCalendar({
      id: 'l',
      coverage: { from: '1000-01-01', to: '2030-01-01' },
      holidays: [],
    });
    expect(long.diagnostics[0]?.code).toBe('CALENDAR_SPEC_COVERAGE_INVALID');
    const outside = createHolidayCalendar({
      id: 'o',
      coverage: { from: '2030-01-01', to: '2030-12-31' },
      holidays: [{ date: '2031-01-01', name: 'x' }],
    });
    expect(outside.diagnostics).toMatchObject([
      {
        code: 'CALENDAR_SPEC_OUTSIDE_COVERAGE',
        path: ['holidays', 0, 'date'],
        params: { date: '2031-01-01', from: '2030-01-01', to: '2030-12-31' },
      },
    ]);
  });

  it('rejects what is not a spec at all', () => {
    for (const input of [null, 'cn', 42, [], { id: 'x' }]) {
      const r = createHolidayCalendar(input);
      expect(r.ok).toBe(false);
      expect(r.diagnostics.length).toBeGreaterThan(0);
      expect(r.diagnostics.every((d) => d.code.startsWith('CALENDAR_'))).toBe(true);
    }
    expect(codesAndPaths(createHolidayCalendar({ id: 'x', coverage: 1, holidays: {} }))).toEqual([
      ['CALENDAR_SPEC_FIELD_INVALID', ['coverage']],
      ['CALENDAR_SPEC_FIELD_INVALID', ['holidays']],
    ]);
  });

  it('passes rule-set problems on with their path', () => {
    const r = createHolidayCalendar({ ...factory, ruleSet: { id: 'x' } });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.path?.[0])).toContain('ruleSet');
    expect(r.diagnostics.every((d) => d.code.startsWith('RULESET_'))).toBe(true);
  });
});

it('renders spec problems with the field name and its path', () => {
  const r = createHolidayCalendar({
    id: 'x',
    coverage: { from: '2030-01-01', to: '2030-12-31' },
    holidays: [{ date: '2030-01-01' }],
  });
  const [d] = r.diagnostics;
  expect(d && formatDiagnostic(d, 'en')).toBe(
    'error CALENDAR_SPEC_FIELD_INVALID at $.holidays[0].name: The holiday data field name is missing or invalid [@foodsafety/core]',
  );
  expect(d && formatDiagnostic(d, 'zh-CN')).toBe(
    '错误 CALENDAR_SPEC_FIELD_INVALID 位于 $.holidays[0].name：节假日数据的字段 name 缺失或无效 [@foodsafety/core]',
  );
});
