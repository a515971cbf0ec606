/**
 * The data entry points of core — money and date parsing, calendar arithmetic and the working-day
 * calendars given data, holiday tables, rule-set metadata, message params and schema issues —
 * fed real values with one value anywhere replaced by what a value built in code can hold and
 * JSON cannot (objects without a prototype, bigints, boxed values, maps, sets, dates, typed and
 * sparse arrays), and fed such a value whole. None may throw, none may change its input, and a
 * result's diagnostics are coded, located and render in both locales. Options that are code may
 * instead throw the documented coded `FoodSafetyError`, never a plain `TypeError`.
 * (`parse-anything.test.ts` and `calendar/calendar-robustness.test.ts` feed arbitrary values
 * alone.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  type ChinaHolidayYear,
  calendarDaysBetween,
  confidenceNotice,
  createChinaWorkdayCalendar,
  createDiagnostic,
  createHolidayCalendar,
  createRandom,
  createWeekdayCalendar,
  defineMessages,
  describeRuleSet,
  describeValue,
  fen,
  formatDiagnostic,
  formatMoney,
  interpolate,
  isCalendarDate,
  isFoodSafetyError,
  isValidTimeZone,
  LOCALES,
  localizeDiagnostic,
  MessageCatalogue,
  parseCalendarDate,
  parseChinaHolidayYears,
  parseMoney,
  parseRuleSetMeta,
  type Result,
  type SchemaIssueLike,
  schemaIssuesToDiagnostics,
  startOfDayInZone,
  toCalendarDate,
  type WorkdayCalendar,
} from './index.js';
import { expectExplained } from './test-support/expect-explained.js';
import {
  codeValue,
  oneValueReplaced,
  snapshot,
  type ValuePath,
} from './test-support/one-value-replaced.js';

const RUNS = 200;
const TIMEOUT = 30_000;

/** Runs `call` on `input` and checks that the input is left as it was. */
function unchanged<T>(input: unknown, call: () => T): T {
  const before = snapshot(input);
  const out = call();
  expect(snapshot(input)).toStrictEqual(before);
  return out;
}

/** A coded FoodSafetyError is what an option that is code may throw; anything else fails. */
function codedOrReturns(call: () => unknown): void {
  try {
    call();
  } catch (error) {
    if (!isFoodSafetyError(error)) throw error;
    expect(error.code).toMatch(/^[A-Z]+(_[A-Z0-9]+)+$/);
  }
}

const property = (arb: fc.Arbitrary<unknown>, check: (input: unknown) => void) =>
  fc.assert(
    fc.property(arb, (input) => check(input)),
    { numRuns: RUNS },
  );

describe('money and dates from data (property)', () => {
  const amounts: unknown[] = [
    '¥1,234.56',
    'CNY -0.50',
    12.34,
    { fen: '123456', currency: 'CNY' },
    { yuan: '12.5' },
    [{ fen: 1 }],
  ];

  it(
    'parseMoney',
    () => {
      property(oneValueReplaced(amounts), (input) => {
        const values = Array.isArray(input) ? input : [input];
        for (const options of [
          {},
          { unit: 'fen', nonNegative: true, path: ['premium'] },
        ] as const) {
          for (const value of [input, ...values]) {
            const r = unchanged(value, () => parseMoney(value, options));
            expectExplained(r, /^MONEY_[A-Z_]+$/);
          }
        }
      });
    },
    TIMEOUT,
  );

  it(
    'calendar days: parse, convert, add, count, start of day',
    () => {
      const args = ['2017-09-29', '2017-10-01T09:00:00+08:00', 7, 'Asia/Shanghai'];
      property(oneValueReplaced(args), (input) => {
        const [day, instant, n, zone] = Array.isArray(input) ? input : [input, input, input, input];
        unchanged(input, () => {
          const results: Result<unknown>[] = [
            parseCalendarDate(day),
            toCalendarDate(instant),
            toCalendarDate(instant, zone as string),
            addCalendarDays(day as string, n as number),
            calendarDaysBetween(day as string, instant as string),
            startOfDayInZone(day as string, zone as string),
          ];
          for (const r of results) expectExplained(r, /^CALENDAR_[A-Z_]+$/);
          expect(typeof isCalendarDate(day)).toBe('boolean');
          expect(typeof isValidTimeZone(zone)).toBe('boolean');
        });
      });
    },
    TIMEOUT,
  );
});

describe('working-day calendars given data (property)', () => {
  const calendars: [string, WorkdayCalendar][] = [
    ['weekdays', createWeekdayCalendar()],
    ['China', createChinaWorkdayCalendar()],
  ];
  const args = ['2017-09-29', '2017-10-09T18:00:00+08:00', 7];

  it.each(calendars)(
    '%s calendar: every method',
    (_name, calendar) => {
      property(oneValueReplaced(args), (input) => {
        const [a, b, n] = Array.isArray(input) ? input : [input, input, input];
        unchanged(input, () => {
          for (const r of [
            calendar.toCalendarDate(a as never),
            calendar.isWorkday(a as never),
            calendar.addWorkdays(a as never, n as never),
            calendar.deadline(a as never, n as never),
            calendar.workdaysBetween(a as never, b as never),
            calendar.nextWorkday(b as never),
            calendar.previousWorkday(b as never),
            calendar.explain(a as never),
          ])
            expectExplained(r, /^CALENDAR_[A-Z_]+$/);
        });
      });
    },
    TIMEOUT,
  );

  // A made-up arrangement (as in china-workday-calendar.test.ts), not the published one.
  const years: ChinaHolidayYear[] = [
    {
      year: 2027,
      source: 'test',
      holidays: [
        { date: '2027-01-01', name: { 'zh-CN': '测试假日', en: 'Test holiday' } },
        { date: '2027-02-03', name: 'Test break' },
      ],
      workdays: [{ date: '2027-01-09', name: { 'zh-CN': '测试假日', en: 'Test holiday' } }],
    },
  ];

  it(
    'parseChinaHolidayYears, and createChinaWorkdayCalendar with the years as extraYears',
    () => {
      expect(parseChinaHolidayYears(years).ok).toBe(true);
      property(oneValueReplaced(years), (input) => {
        const r = unchanged(input, () => parseChinaHolidayYears(input));
        expectExplained(r, /^CALENDAR_[A-Z_]+$/);
        // documented: invalid extraYears throw CALENDAR_EXTRA_YEARS_INVALID
        unchanged(input, () =>
          codedOrReturns(() => createChinaWorkdayCalendar({ extraYears: input as never })),
        );
      });
    },
    TIMEOUT,
  );

  const spec = {
    id: 'example.factory-2030',
    timeZone: 'Asia/Shanghai',
    coverage: { from: '2030-01-01', to: '2030-12-31' },
    weekendDays: [0],
    holidays: [
      { date: '2030-01-01', name: { 'zh-CN': '元旦', en: "New Year's Day" } },
      { date: '2030-01-02', name: 'Plant maintenance' },
    ],
    workdays: [{ date: '2030-01-06', name: { 'zh-CN': '盘点', en: 'Stocktaking' } }],
    ruleSet: {
      id: 'example.factory',
      version: '2030',
      jurisdiction: 'CN-LN',
      effectiveFrom: '2030-01-01',
      source: 'the plant',
      confidence: 'secondary',
    },
  };

  it(
    'createHolidayCalendar',
    () => {
      expect(createHolidayCalendar(spec as never).ok).toBe(true);
      property(oneValueReplaced(spec), (input) => {
        const r = unchanged(input, () => createHolidayCalendar(input as never));
        expectExplained(r, /^(CALENDAR|RULESET|SCHEMA)_[A-Z_]+$/);
        if (r.ok) r.value.addWorkdays('2030-01-01', 3);
      });
    },
    TIMEOUT,
  );
});

describe('rule-set metadata (property)', () => {
  const meta = {
    id: 'cn.catering-grading',
    version: '2012',
    jurisdiction: 'CN',
    effectiveFrom: '2012-01-01',
    source: 'SFDA',
    confidence: 'secondary',
    notes: 'n',
  };

  it(
    'parseRuleSetMeta, then describeRuleSet and confidenceNotice on what it accepts',
    () => {
      property(oneValueReplaced(meta), (input) => {
        const r = unchanged(input, () => parseRuleSetMeta(input, ['meta']));
        expectExplained(r, /^RULESET_[A-Z_]+$/);
        if (!r.ok) return;
        expect(typeof describeRuleSet(r.value)).toBe('string');
        expect(Array.isArray(confidenceNotice(r.value))).toBe(true);
      });
    },
    TIMEOUT,
  );
});

describe('messages with params of any value (property)', () => {
  const catalogue = new MessageCatalogue();
  const messages = defineMessages(
    {
      ROBUST_PARAMS: {
        severity: 'warning',
        'zh-CN': '{value} 超过 {limit}（{items}；{when}）',
        en: '{value} above {limit} ({items}; {when})',
      },
    },
    { source: 'robustness-test', catalogue },
  );
  const params = { value: 9.5, limit: '8 °C', items: ['a', 1, true, null], when: 'today' };

  it(
    'interpolate, createDiagnostic, formatDiagnostic, localizeDiagnostic',
    () => {
      property(oneValueReplaced(params), (input) => {
        unchanged(input, () => {
          for (const locale of LOCALES) {
            expect(
              typeof interpolate(messages.ROBUST_PARAMS.templates[locale], input as never, locale),
            ).toBe('string');
          }
          if (typeof input !== 'object' || input === null) return; // params are an object in code
          const d = createDiagnostic(messages.ROBUST_PARAMS, input as never, { path: ['x', 0] });
          for (const locale of LOCALES) {
            expect(typeof formatDiagnostic(d, locale, catalogue)).toBe('string');
            expect(typeof localizeDiagnostic(d, locale, catalogue).message).toBe('string');
          }
          expect(typeof formatDiagnostic(d)).toBe('string');
          expect(typeof describeValue(input)).toBe('string');
        });
      });
    },
    TIMEOUT,
  );
});

describe('schema issues carrying input values (property)', () => {
  const issues = [
    { code: 'invalid_type', path: ['a', 0], message: 'm', expected: 'string', input: 1 },
    {
      code: 'invalid_type',
      path: ['b'],
      message: 'Invalid input: expected string, received undefined',
      expected: 'string',
      received: 'undefined',
    },
    { code: 'invalid_value', path: [], message: 'm', values: ['a', 1, null] },
    { code: 'too_small', path: ['c'], message: 'm', origin: 'number', minimum: 1, input: 0 },
    { code: 'too_big', path: ['c'], message: 'm', origin: 'string', maximum: 10n, input: 'x' },
    { code: 'invalid_format', path: [], message: 'm', format: 'regex', pattern: '^a$', input: 'b' },
    { code: 'invalid_format', path: [], message: 'm', format: 'email' },
    { code: 'invalid_union', path: ['d'], message: 'm', discriminator: 'kind', input: {} },
    { code: 'unrecognized_keys', path: [], message: 'm', keys: ['x', 'y'] },
    { code: 'custom', path: ['e'], message: 'not allowed', params: { code: 'X' }, input: [] },
  ];
  /** What a validator copies from the input or the schema: anything. Codes, paths, messages and keys are its own. */
  const VALUES = new Set([
    'input',
    'received',
    'expected',
    'minimum',
    'maximum',
    'origin',
    'format',
    'pattern',
    'discriminator',
    'values',
    'params',
    'note',
  ]);
  /** Lists and records whose members are the data (a validator always gives a list of values). */
  const MEMBERS = new Set(['values', 'params']);
  const dataField = (path: ValuePath) =>
    path.length >= 2 &&
    VALUES.has(path[1] as string) &&
    (!MEMBERS.has(path[1] as string) || path.length >= 3);

  it(
    'schemaIssuesToDiagnostics',
    () => {
      property(oneValueReplaced(issues, codeValue, dataField), (input) => {
        const ds = unchanged(input, () =>
          schemaIssuesToDiagnostics(input as readonly SchemaIssueLike[], { prefix: ['p'] }),
        );
        expectExplained({ ok: false, diagnostics: ds }, /^SCHEMA_[A-Z_]+$/);
        for (const d of ds) for (const locale of LOCALES) formatDiagnostic(d, locale);
      });
    },
    TIMEOUT,
  );
});

describe('options that are code: a coded FoodSafetyError or a result (property)', () => {
  it(
    'formatMoney options',
    () => {
      const options = {
        locale: 'zh-CN',
        unit: 'auto',
        decimals: 2,
        rounding: 'half-even',
        symbol: true,
        grouping: true,
        trimZeros: false,
      };
      property(oneValueReplaced(options), (input) => {
        unchanged(input, () =>
          codedOrReturns(() => formatMoney(fen(84_500_000_000), input as never)),
        );
      });
    },
    TIMEOUT,
  );

  it(
    'calendar options, and a random seed',
    () => {
      const options = { timeZone: 'Asia/Shanghai', extraYears: [] };
      property(oneValueReplaced(options), (input) => {
        unchanged(input, () => {
          codedOrReturns(() => createWeekdayCalendar(input as never));
          codedOrReturns(() => createChinaWorkdayCalendar(input as never));
          codedOrReturns(() => createRandom(input as never).nextUint32());
        });
      });
    },
    TIMEOUT,
  );
});
