import { createDiagnostic, type Diagnostic } from '../diagnostic.js';
import type { DiagnosticPath } from '../path.js';
import { fail, ok, type Result } from '../result.js';
import { parseRuleSetMeta, type RuleSetMeta } from '../rule-set-meta.js';
import {
  type CalendarDate,
  DEFAULT_TIME_ZONE,
  isValidTimeZone,
  parseCalendarDate,
  parseDayNumber,
  timeZoneDiagnostic,
} from './calendar-date.js';
import { calendarMessages } from './calendar-messages.js';
import { createIndexedCalendar } from './indexed-calendar.js';
import type { LocalizedName, WorkdayCalendar } from './workday-calendar.js';
import { type TableData, tableIndex } from './workday-index.js';

/**
 * One dated entry of a holiday table: a day off of a holiday period, or a weekend day made a
 * working day (调休). `name` is the holiday period, in both locales or as one string for both.
 */
export interface HolidayEntry {
  readonly date: CalendarDate | string;
  readonly name: string | LocalizedName;
}

/**
 * The data of a working-day calendar: which days are off and which weekend days are worked,
 * between two dates. Days outside `coverage` are refused (`CALENDAR_OUT_OF_RANGE`), never guessed.
 */
export interface HolidayCalendarSpec {
  /** A stable id for diagnostics (`cn.workdays`, `cn-ln.dalian.local`). */
  readonly id: string;
  /** The time zone in which instants are read; default `Asia/Shanghai`. */
  readonly timeZone?: string;
  /** The first and last day the tables are complete for (both included). */
  readonly coverage: { readonly from: CalendarDate | string; readonly to: CalendarDate | string };
  /** Days off of holiday periods (放假), weekday or not. */
  readonly holidays: readonly HolidayEntry[];
  /** Weekend days that are working days (调休上班). */
  readonly workdays?: readonly HolidayEntry[];
  /** Days of the week that are ordinarily rest days, 0 = Sunday … 6 = Saturday; default `[0, 6]`. */
  readonly weekendDays?: readonly number[];
  /** Where the tables come from; carried by the calendar as `ruleSet`. */
  readonly ruleSet?: RuleSetMeta;
}

/** The longest coverage a table may span. */
export const MAX_COVERAGE_YEARS = 400;
const MAX_COVERAGE_DAYS = 146_097;

/** The field's own name for the message (`name`, `holidays[2]`); the path locates it. */
function fieldName(path: DiagnosticPath): string {
  const last = path.at(-1);
  if (last === undefined) return '$';
  if (typeof last === 'string') return last;
  return `${String(path.at(-2) ?? '$')}[${last}]`;
}

function fieldInvalid(path: DiagnosticPath): Diagnostic {
  return createDiagnostic(
    calendarMessages.CALENDAR_SPEC_FIELD_INVALID,
    { field: fieldName(path) },
    { path },
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** A holiday name as both locales, or undefined when it is not a valid name. */
function readName(value: unknown): LocalizedName | undefined {
  if (nonEmptyString(value)) return Object.freeze({ 'zh-CN': value, en: value });
  if (isRecord(value) && nonEmptyString(value['zh-CN']) && nonEmptyString(value.en))
    return Object.freeze({ 'zh-CN': value['zh-CN'], en: value.en });
  return undefined;
}

/**
 * Read a list of entries into a map of day numbers, reporting bad entries and duplicates (also
 * against `seen`, the days listed before).
 */
function readEntries(
  list: unknown,
  path: DiagnosticPath,
  seen: Map<number, { readonly date: string; readonly path: DiagnosticPath }>,
  diagnostics: Diagnostic[],
): Map<number, LocalizedName> {
  const out = new Map<number, LocalizedName>();
  if (!Array.isArray(list)) {
    diagnostics.push(fieldInvalid(path));
    return out;
  }
  list.forEach((entry: unknown, i) => {
    const at = [...path, i];
    if (!isRecord(entry)) {
      diagnostics.push(fieldInvalid(at));
      return;
    }
    const date = parseCalendarDate(entry.date, [...at, 'date']);
    const name = readName(entry.name);
    if (!date.ok) diagnostics.push(...date.diagnostics);
    if (name === undefined) diagnostics.push(fieldInvalid([...at, 'name']));
    if (!date.ok || name === undefined) return;
    const d = parseDayNumber(date.value) as number;
    if (seen.has(d)) {
      diagnostics.push(
        createDiagnostic(
          calendarMessages.CALENDAR_SPEC_DUPLICATE,
          { date: date.value },
          { path: [...at, 'date'] },
        ),
      );
      return;
    }
    seen.set(d, { date: date.value, path: [...at, 'date'] });
    out.set(d, name);
  });
  return out;
}

/** A checked spec, ready to build a table from. @internal */
export interface CheckedHolidaySpec {
  readonly id: string;
  readonly timeZone: string;
  readonly table: TableData;
  readonly ruleSet?: RuleSetMeta;
}

/**
 * Check untrusted holiday-calendar data (see {@link HolidayCalendarSpec}). Diagnostics carry paths
 * into the data (`['holidays', 3, 'date']`).
 * @internal
 */
export function checkHolidaySpec(input: unknown): Result<CheckedHolidaySpec> {
  if (!isRecord(input)) return fail([fieldInvalid([])]);
  const diagnostics: Diagnostic[] = [];
  if (!nonEmptyString(input.id)) diagnostics.push(fieldInvalid(['id']));
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) diagnostics.push(timeZoneDiagnostic(timeZone, ['timeZone']));

  let lo: number | undefined;
  let hi: number | undefined;
  let coverageFrom = '';
  let coverageTo = '';
  if (!isRecord(input.coverage)) diagnostics.push(fieldInvalid(['coverage']));
  else {
    const from = parseCalendarDate(input.coverage.from, ['coverage', 'from']);
    const to = parseCalendarDate(input.coverage.to, ['coverage', 'to']);
    diagnostics.push(...from.diagnostics, ...to.diagnostics);
    if (from.ok && to.ok) {
      const a = parseDayNumber(from.value) as number;
      const b = parseDayNumber(to.value) as number;
      if (b < a || b - a >= MAX_COVERAGE_DAYS) {
        diagnostics.push(
          createDiagnostic(
            calendarMessages.CALENDAR_SPEC_COVERAGE_INVALID,
            { from: from.value, to: to.value, maxYears: MAX_COVERAGE_YEARS },
            { path: ['coverage'] },
          ),
        );
      } else {
        lo = a;
        hi = b;
        coverageFrom = from.value;
        coverageTo = to.value;
      }
    }
  }

  let weekendDays: readonly number[] = [0, 6];
  if (input.weekendDays !== undefined) {
    const days = input.weekendDays;
    if (
      Array.isArray(days) &&
      days.every((d) => Number.isInteger(d) && d >= 0 && d <= 6) &&
      new Set(days).size === days.length &&
      days.length < 7
    )
      weekendDays = [...(days as number[])];
    else diagnostics.push(fieldInvalid(['weekendDays']));
  }

  const seen = new Map<number, { readonly date: string; readonly path: DiagnosticPath }>();
  const holidays = readEntries(input.holidays, ['holidays'], seen, diagnostics);
  const workdays =
    input.workdays === undefined
      ? new Map<number, LocalizedName>()
      : readEntries(input.workdays, ['workdays'], seen, diagnostics);

  if (lo !== undefined && hi !== undefined) {
    for (const [d, { date, path }] of seen) {
      if (d < lo || d > hi)
        diagnostics.push(
          createDiagnostic(
            calendarMessages.CALENDAR_SPEC_OUTSIDE_COVERAGE,
            { date, from: coverageFrom, to: coverageTo },
            { path },
          ),
        );
    }
  }

  let ruleSet: RuleSetMeta | undefined;
  if (input.ruleSet !== undefined) {
    const meta = parseRuleSetMeta(input.ruleSet, ['ruleSet']);
    diagnostics.push(...meta.diagnostics);
    if (meta.ok) ruleSet = meta.value;
  }

  if (diagnostics.some((d) => d.severity === 'error') || lo === undefined || hi === undefined)
    return fail(diagnostics);
  return ok(
    {
      id: input.id as string,
      timeZone: timeZone as string,
      table: { lo, hi, holidays, workdays, weekendDays },
      ...(ruleSet === undefined ? {} : { ruleSet }),
    },
    diagnostics,
  );
}

/**
 * A working-day calendar from your own tables: a year the library's data does not have yet, a
 * local calendar, a six-day week (`weekendDays: [0]`). The input is checked like any untrusted
 * data: `CALENDAR_SPEC_*`, `CALENDAR_DATE_*` and `CALENDAR_TIME_ZONE_INVALID` diagnostics with
 * paths into it. Outside `coverage` the calendar answers `CALENDAR_OUT_OF_RANGE`.
 *
 * Building costs O(days covered); afterwards every query is O(1).
 *
 * @example
 * const local = unwrap(createHolidayCalendar({
 *   id: 'example.2027',
 *   coverage: { from: '2027-01-01', to: '2027-12-31' },
 *   holidays: [{ date: '2027-01-01', name: { 'zh-CN': '元旦', en: "New Year's Day" } }],
 *   workdays: [],
 * }));
 */
export function createHolidayCalendar(
  spec: HolidayCalendarSpec | unknown,
): Result<WorkdayCalendar> {
  const checked = checkHolidaySpec(spec);
  if (!checked.ok) return checked;
  const { id, timeZone, table, ruleSet } = checked.value;
  return ok(
    createIndexedCalendar(tableIndex(table), {
      id,
      timeZone,
      hasCoverage: true,
      ...(ruleSet === undefined ? {} : { ruleSet }),
    }),
    checked.diagnostics,
  );
}
