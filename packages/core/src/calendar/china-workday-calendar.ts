import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { createDiagnostic, type Diagnostic, relocateDiagnostics } from '../diagnostic.js';
import { FoodSafetyError } from '../foodsafety-error.js';
import { fail, ok, type Result } from '../result.js';
import type { RuleSetMeta } from '../rule-set-meta.js';
import {
  dayNumberOfParts,
  formatDayNumber,
  parseDayNumber,
  requireOptions,
  requireTimeZone,
} from './calendar-date.js';
import { calendarMessages } from './calendar-messages.js';
import { checkHolidaySpec, type HolidayEntry } from './holiday-calendar.js';
import { createIndexedCalendar } from './indexed-calendar.js';
import type { LocalizedName, WorkdayCalendar } from './workday-calendar.js';
import { tableIndex } from './workday-index.js';

/**
 * The version of the `chinese-days` package whose tables the China calendar reads (pinned
 * exactly in package.json; a test checks the two agree).
 */
export const CHINESE_DAYS_VERSION = '1.5.7';

/** The shape of `chinese-days/dist/chinese-days.json`: date → `"English,中文,statutory days"`. */
interface ChineseDaysTables {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}

/** The package abbreviates three festivals; the notices name them in full. */
const FULL_ZH_NAMES: Readonly<Record<string, string>> = {
  清明: '清明节',
  端午: '端午节',
  中秋: '中秋节',
};

function nameOf(raw: string): LocalizedName {
  const [en = raw, zh = en] = raw.split(',');
  return { 'zh-CN': FULL_ZH_NAMES[zh] ?? zh, en };
}

/** The day-number tables of the package, built on each call (about 770 entries, microseconds). */
function packageTables(): {
  holidays: Map<number, LocalizedName>;
  workdays: Map<number, LocalizedName>;
  firstYear: number;
  lastYear: number;
} {
  const data = chineseDaysData as ChineseDaysTables;
  const names = new Map<string, LocalizedName>();
  const read = (table: Readonly<Record<string, string>>) => {
    const out = new Map<number, LocalizedName>();
    for (const [date, raw] of Object.entries(table)) {
      const d = parseDayNumber(date);
      if (d === undefined) continue;
      let name = names.get(raw);
      if (name === undefined) {
        name = Object.freeze(nameOf(raw));
        names.set(raw, name);
      }
      out.set(d, name);
    }
    return out;
  };
  const holidays = read(data.holidays);
  const workdays = read(data.workdays);
  const years = Object.keys(data.holidays).map((date) => Number(date.slice(0, 4)));
  return {
    holidays,
    workdays,
    firstYear: Math.min(...years),
    lastYear: Math.max(...years),
  };
}

const { firstYear: FIRST_YEAR, lastYear: LAST_YEAR } = packageTables();

/**
 * The years for which the China calendar knows the public holidays and adjusted working days:
 * **2004 to 2026**, from the `chinese-days` tables (they are read from the package, so a newer
 * package version moves this range).
 */
export const CHINA_WORKDAY_YEARS: Readonly<{ from: number; to: number }> = Object.freeze({
  from: FIRST_YEAR,
  to: LAST_YEAR,
});

/**
 * The rule set behind {@link createChinaWorkdayCalendar}: the State Council General Office's yearly
 * notices on public-holiday arrangements (国务院办公厅关于 YYYY 年部分节假日安排的通知, published on
 * gov.cn, e.g. 国办发明电〔2016〕17号 for 2017, 国办发明电〔2024〕12号 for 2025), as transcribed by the
 * MIT-licensed npm package `chinese-days` (github.com/vsme/chinese-days). `secondary`: the tables
 * are a third party's transcription; the 2017, 2024 and 2025 arrangements are checked against the
 * notices in this package's tests.
 */
export const chinaWorkdayRuleSet: RuleSetMeta = Object.freeze({
  id: 'cn.workdays',
  version: `${FIRST_YEAR}-${LAST_YEAR}`,
  jurisdiction: 'CN',
  effectiveFrom: `${FIRST_YEAR}-01-01`,
  source: `国务院办公厅关于部分节假日安排的通知 (State Council General Office notices on public-holiday arrangements, ${FIRST_YEAR}–${LAST_YEAR}), via the npm package chinese-days@${CHINESE_DAYS_VERSION} (MIT, github.com/vsme/chinese-days)`,
  confidence: 'secondary',
  notes:
    'A year is covered only once its notice is published (usually in November or December of the year before). Days late in December of the last covered year can still be changed by the next notice (as 2018-12-29..31 were by the notice for 2019).',
});

/**
 * One year of arrangements you supply because the library's data does not have it yet (or to
 * correct it): the days off and the weekend working days announced in that year's notice. Entries
 * may lie in that year or in December of the year before (a New Year arrangement).
 */
export interface ChinaHolidayYear {
  readonly year: number;
  readonly holidays: readonly HolidayEntry[];
  readonly workdays: readonly HolidayEntry[];
  /** Where the arrangement comes from: the notice's title, number and URL. */
  readonly source?: string;
}

/** Options of {@link createChinaWorkdayCalendar}. */
export interface ChinaWorkdayCalendarOptions {
  /**
   * Years to add next to the covered ones (coverage must stay contiguous: 2027 after 2026), or to
   * replace covered ones. Check untrusted data with {@link parseChinaHolidayYears} first.
   */
  readonly extraYears?: readonly ChinaHolidayYear[];
  /** The time zone in which instants are read; default `Asia/Shanghai`. */
  readonly timeZone?: string;
}

interface CheckedYear {
  readonly year: number;
  readonly holidays: ReadonlyMap<number, LocalizedName>;
  readonly workdays: ReadonlyMap<number, LocalizedName>;
  readonly source?: string;
}

function checkYears(input: unknown): Result<CheckedYear[]> {
  if (!Array.isArray(input)) {
    return fail([
      createDiagnostic(
        calendarMessages.CALENDAR_SPEC_FIELD_INVALID,
        { field: 'extraYears' },
        { path: ['extraYears'] },
      ),
    ]);
  }
  const diagnostics: Diagnostic[] = [];
  const years: CheckedYear[] = [];
  input.forEach((entry: unknown, i) => {
    const at = ['extraYears', i] as const;
    const record = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<
      string,
      unknown
    >;
    const year = record.year;
    if (!Number.isInteger(year) || (year as number) < 2 || (year as number) > 9999) {
      diagnostics.push(
        createDiagnostic(
          calendarMessages.CALENDAR_SPEC_FIELD_INVALID,
          { field: 'year' },
          { path: [...at, 'year'] },
        ),
      );
      return;
    }
    const y = year as number;
    const checked = checkHolidaySpec({
      id: `cn.workdays.${y}`,
      coverage: {
        from: formatDayNumber(dayNumberOfParts(y - 1, 12, 1)),
        to: formatDayNumber(dayNumberOfParts(y, 12, 31)),
      },
      holidays: record.holidays,
      workdays: record.workdays,
    });
    diagnostics.push(...relocateDiagnostics(checked.diagnostics, at));
    if (record.source !== undefined && typeof record.source !== 'string')
      diagnostics.push(
        createDiagnostic(
          calendarMessages.CALENDAR_SPEC_FIELD_INVALID,
          { field: 'source' },
          { path: [...at, 'source'] },
        ),
      );
    if (checked.ok)
      years.push({
        year: y,
        holidays: checked.value.table.holidays,
        workdays: checked.value.table.workdays,
        ...(typeof record.source === 'string' ? { source: record.source } : {}),
      });
  });
  if (diagnostics.length > 0) return fail(diagnostics);

  // No year twice, and coverage must stay one contiguous run of years.
  const supplied = new Set<number>();
  years.forEach(({ year }, i) => {
    if (supplied.has(year)) diagnostics.push(duplicateYear(year, i));
    supplied.add(year);
  });
  years.forEach(({ year }, i) => {
    let gap = false;
    for (let y = LAST_YEAR + 1; y < year; y++) if (!supplied.has(y)) gap = true;
    for (let y = year + 1; y < FIRST_YEAR; y++) if (!supplied.has(y)) gap = true;
    if (gap) diagnostics.push(notAdjacent(year, i, FIRST_YEAR, LAST_YEAR));
  });
  if (diagnostics.length > 0) return fail(diagnostics);
  return ok(years);
}

function notAdjacent(year: number, i: number, from: number, to: number): Diagnostic {
  return createDiagnostic(
    calendarMessages.CALENDAR_SPEC_YEAR_NOT_ADJACENT,
    { year, from, to },
    { path: ['extraYears', i, 'year'] },
  );
}

function duplicateYear(year: number, i: number): Diagnostic {
  return createDiagnostic(
    calendarMessages.CALENDAR_SPEC_DUPLICATE,
    { date: String(year) },
    { path: ['extraYears', i, 'year'] },
  );
}

/**
 * Check untrusted extra years for {@link createChinaWorkdayCalendar} (for example a year's
 * arrangement loaded from a JSON file): entries as in {@link createHolidayCalendar}, years that
 * keep the coverage contiguous, no year twice. Paths start at `['extraYears', i]`.
 */
export function parseChinaHolidayYears(input: unknown): Result<ChinaHolidayYear[]> {
  const checked = checkYears(input);
  if (!checked.ok) return checked;
  return ok((input as ChinaHolidayYear[]).map((y) => ({ ...y })));
}

/**
 * The working-day calendar of mainland China: Monday–Friday, minus the public-holiday days off,
 * plus the weekend days worked in exchange (调休), as announced each year by the State Council
 * General Office (see {@link chinaWorkdayRuleSet}). **Covered years: 2004–2026**
 * ({@link CHINA_WORKDAY_YEARS}); for any day outside them — or a count that would need one —
 * every method fails with `CALENDAR_OUT_OF_RANGE` (params: the date, the year, the covered range)
 * rather than guess. Add a newly published year with `extraYears`. One caveat the data cannot
 * rule out: the notice for the year after the last covered one may still move days late in
 * December of that year (the notice for 2019 made 2018-12-29 a working day).
 *
 * The tables are imported from `chinese-days/dist/chinese-days.json` (inlined into this package's
 * build); creating a calendar costs about a millisecond, so create it once and reuse it.
 *
 * Throws a `FoodSafetyError` (`CALENDAR_EXTRA_YEARS_INVALID` with the diagnostics in its params,
 * `CALENDAR_TIME_ZONE_INVALID`, or `CALENDAR_OPTIONS_INVALID` for options that are not an
 * object) for invalid options; check untrusted years with
 * {@link parseChinaHolidayYears}.
 *
 * @example
 * const china = createChinaWorkdayCalendar();
 * china.isWorkday('2017-09-30') // ok: true — a Saturday worked for the National Day holiday
 * china.addWorkdays('2017-09-29', 7) // ok: '2017-10-16'
 * china.isWorkday('2030-01-02') // fails: CALENDAR_OUT_OF_RANGE
 */
export function createChinaWorkdayCalendar(
  options: ChinaWorkdayCalendarOptions = {},
): WorkdayCalendar {
  requireOptions(options, 'createChinaWorkdayCalendar');
  const timeZone = requireTimeZone(options.timeZone);
  const { holidays, workdays } = packageTables();
  let from = FIRST_YEAR;
  let to = LAST_YEAR;
  let ruleSet = chinaWorkdayRuleSet;
  // anything but an empty list is checked: `null` or a string is invalid, not a TypeError
  const extra: unknown = options.extraYears;
  if (extra !== undefined && !(Array.isArray(extra) && extra.length === 0)) {
    const checked = checkYears(options.extraYears);
    if (!checked.ok) {
      throw new FoodSafetyError(
        'CALENDAR_EXTRA_YEARS_INVALID',
        'extraYears of createChinaWorkdayCalendar are invalid; check them with parseChinaHolidayYears',
        { diagnostics: checked.diagnostics },
      );
    }
    for (const year of checked.value) {
      // A supplied year replaces the package's days of that year; its own entries win everywhere.
      const [first, last] = [
        dayNumberOfParts(year.year, 1, 1),
        dayNumberOfParts(year.year, 12, 31),
      ];
      for (const table of [holidays, workdays])
        for (const d of table.keys()) if (d >= first && d <= last) table.delete(d);
      for (const [d, name] of [...year.holidays, ...year.workdays]) {
        holidays.delete(d);
        workdays.delete(d);
        (year.holidays.has(d) ? holidays : workdays).set(d, name);
      }
      from = Math.min(from, year.year);
      to = Math.max(to, year.year);
    }
    const years = checked.value.map((y) => y.year).sort((a, b) => a - b);
    const sources = checked.value.flatMap((y) =>
      y.source === undefined ? [] : [`${y.year}: ${y.source}`],
    );
    ruleSet = Object.freeze({
      ...chinaWorkdayRuleSet,
      version: `${from}-${to} (caller-supplied: ${years.join(', ')})`,
      effectiveFrom: `${String(from).padStart(4, '0')}-01-01`,
      source: `${chinaWorkdayRuleSet.source}; years ${years.join(', ')} supplied by the caller${sources.length > 0 ? ` (${sources.join('; ')})` : ''}`,
    });
  }
  const lo = dayNumberOfParts(from, 1, 1);
  const hi = dayNumberOfParts(to, 12, 31);
  // December entries of a year added before the first covered one fall outside: drop them.
  for (const table of [holidays, workdays])
    for (const d of table.keys()) if (d < lo || d > hi) table.delete(d);
  return createIndexedCalendar(tableIndex({ lo, hi, holidays, workdays, weekendDays: [0, 6] }), {
    id: 'cn.workdays',
    timeZone,
    hasCoverage: true,
    ruleSet,
  });
}
