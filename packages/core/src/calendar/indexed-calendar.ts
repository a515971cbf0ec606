import { createDiagnostic, type Diagnostic } from '../diagnostic.js';
import { LOCALES, type Locale } from '../locale.js';
import { interpolate } from '../message-catalogue.js';
import type { DiagnosticPath } from '../path.js';
import { fail, ok, type Result } from '../result.js';
import type { RuleSetMeta } from '../rule-set-meta.js';
import {
  type CalendarDate,
  checkCount,
  type DayResolution,
  formatDayNumber,
  resolveDay,
  weekdayOfDayNumber,
} from './calendar-date.js';
import { calendarExplanationMessages, calendarMessages } from './calendar-messages.js';
import type {
  CalendarCoverage,
  DayExplanation,
  DayKind,
  IsoWeekday,
  WorkdayCalendar,
} from './workday-calendar.js';
import type { WorkdayIndex } from './workday-index.js';

const EMPTY: readonly Diagnostic[] = Object.freeze([]);

const WEEKDAY_NAMES: Readonly<Record<Locale, readonly string[]>> = {
  'zh-CN': ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

const EXPLANATION = {
  workday: calendarExplanationMessages.CALENDAR_DAY_WORKDAY,
  weekend: calendarExplanationMessages.CALENDAR_DAY_WEEKEND,
  'public-holiday': calendarExplanationMessages.CALENDAR_DAY_PUBLIC_HOLIDAY,
  'adjusted-workday': calendarExplanationMessages.CALENDAR_DAY_ADJUSTED_WORKDAY,
} as const satisfies Record<DayKind, unknown>;

/** What a calendar built on an index says about itself. @internal */
export interface IndexedCalendarOptions {
  readonly id: string;
  readonly timeZone: string;
  /** Whether the index's range is a data coverage (reported as `coverage`) or just 0001–9999. */
  readonly hasCoverage: boolean;
  readonly ruleSet?: RuleSetMeta;
}

function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

/**
 * A {@link WorkdayCalendar} over a {@link WorkdayIndex}: reads and checks the inputs, keeps the
 * happy path free of allocation beyond the result itself, and turns every failure into
 * diagnostics.
 * @internal
 */
export function createIndexedCalendar(
  index: WorkdayIndex,
  options: IndexedCalendarOptions,
): WorkdayCalendar {
  const { id, timeZone } = options;
  const from = index.format(index.lo);
  const to = index.format(index.hi);
  const coverage: CalendarCoverage | undefined = options.hasCoverage
    ? Object.freeze({ from, to })
    : undefined;

  function outOfRange(date: string, year: number, path: DiagnosticPath): Diagnostic {
    return createDiagnostic(
      calendarMessages.CALENDAR_OUT_OF_RANGE,
      { date, year, from, to, calendar: id },
      { path },
    );
  }

  /** Read a day and check it lies in the index's range. */
  function read(input: unknown, path: DiagnosticPath): DayResolution {
    const resolved = resolveDay(input, timeZone, path);
    const d = typeof resolved === 'number' ? resolved : resolved.dayNumber;
    if (d === undefined || (d >= index.lo && d <= index.hi)) return resolved;
    const date = formatDayNumber(d);
    const diagnostic = outOfRange(date, yearOf(date), path);
    return {
      diagnostics:
        typeof resolved === 'number' ? [diagnostic] : [...resolved.diagnostics, diagnostic],
    };
  }

  /**
   * The slow path: gather the diagnostics of every argument; fail if any is an error, otherwise
   * call `compute` with the day numbers and add the warnings to its result.
   */
  function gather<T>(
    days: readonly DayResolution[],
    counts: readonly (Diagnostic | undefined)[],
    compute: (dayNumbers: number[]) => Result<T>,
  ): Result<T> {
    const diagnostics: Diagnostic[] = [];
    const dayNumbers: number[] = [];
    let failed = false;
    for (const day of days) {
      if (typeof day === 'number') {
        dayNumbers.push(day);
        continue;
      }
      diagnostics.push(...day.diagnostics);
      if (day.dayNumber === undefined) failed = true;
      else dayNumbers.push(day.dayNumber);
    }
    for (const count of counts) {
      if (count !== undefined) {
        diagnostics.push(count);
        failed = true;
      }
    }
    if (failed) return fail(diagnostics);
    const result = compute(dayNumbers);
    if (diagnostics.length === 0) return result;
    return result.ok
      ? ok(result.value, [...diagnostics, ...result.diagnostics])
      : fail([...diagnostics, ...result.diagnostics]);
  }

  /** `addWorkdays` on checked arguments. */
  function add(d: number, n: number, countPath: DiagnosticPath): Result<CalendarDate> {
    const rank = index.rank(d);
    let target: number | undefined;
    if (n > 0) target = index.nth(rank + n - 1);
    else if (n < 0) target = index.nth(rank - (index.isWork(d) ? 1 : 0) + n);
    else target = index.isWork(d) ? d : index.nth(rank);
    if (target === undefined || target < index.lo || target > index.hi) {
      const date = index.format(d);
      const year = n >= 0 ? yearOf(to) + 1 : yearOf(from) - 1;
      return fail([outOfRange(date, year, countPath)]);
    }
    return ok(index.format(target), EMPTY);
  }

  function addWorkdays(
    date: unknown,
    n: unknown,
    datePath: DiagnosticPath,
    countPath: DiagnosticPath,
  ): Result<CalendarDate> {
    const day = read(date, datePath);
    if (typeof day === 'number' && Number.isSafeInteger(n)) return add(day, n as number, countPath);
    return gather([day], [checkCount(n, countPath)], ([d]) =>
      add(d as number, n as number, countPath),
    );
  }

  function explainDay(d: number): Result<DayExplanation> {
    const date = index.format(d);
    const kind = index.kindOf(d);
    const holiday = index.holidayOf(d);
    const weekday = weekdayOfDayNumber(d);
    const descriptor = EXPLANATION[kind];
    const text = {} as Record<Locale, string>;
    for (const locale of LOCALES) {
      text[locale] = interpolate(
        descriptor.templates[locale],
        {
          date,
          weekday: WEEKDAY_NAMES[locale][weekday] as string,
          holiday: holiday === undefined ? '' : holiday[locale],
        },
        locale,
      );
    }
    return ok(
      {
        date,
        weekday: (weekday === 0 ? 7 : weekday) as IsoWeekday,
        isWorkday: kind === 'workday' || kind === 'adjusted-workday',
        kind,
        ...(holiday === undefined ? {} : { holiday }),
        code: descriptor.code,
        text,
        calendar: id,
      },
      EMPTY,
    );
  }

  const calendar: WorkdayCalendar = {
    id,
    timeZone,
    ...(coverage === undefined ? {} : { coverage }),
    ...(options.ruleSet === undefined ? {} : { ruleSet: options.ruleSet }),
    toCalendarDate(input) {
      const day = read(input, []);
      if (typeof day === 'number') return ok(index.format(day), EMPTY);
      return gather([day], [], ([d]) => ok(index.format(d as number), EMPTY));
    },
    isWorkday(date) {
      const day = read(date, ['date']);
      if (typeof day === 'number') return ok(index.isWork(day), EMPTY);
      return gather([day], [], ([d]) => ok(index.isWork(d as number), EMPTY));
    },
    addWorkdays(date, n) {
      return addWorkdays(date, n, ['date'], ['n']);
    },
    deadline(start, workdays) {
      if (typeof workdays === 'number' && Number.isSafeInteger(workdays) && workdays < 0) {
        const negative = createDiagnostic(
          calendarMessages.CALENDAR_COUNT_NEGATIVE,
          { value: workdays },
          { path: ['workdays'] },
        );
        const day = read(start, ['start']);
        return fail(typeof day === 'number' ? [negative] : [...day.diagnostics, negative]);
      }
      return addWorkdays(start, workdays, ['start'], ['workdays']);
    },
    workdaysBetween(a, b) {
      const first = read(a, ['from']);
      const second = read(b, ['to']);
      if (typeof first === 'number' && typeof second === 'number')
        return ok(index.rank(second) - index.rank(first), EMPTY);
      return gather([first, second], [], ([x, y]) =>
        ok(index.rank(y as number) - index.rank(x as number), EMPTY),
      );
    },
    nextWorkday(date) {
      return addWorkdays(date, 1, ['date'], ['date']);
    },
    previousWorkday(date) {
      return addWorkdays(date, -1, ['date'], ['date']);
    },
    explain(date) {
      const day = read(date, ['date']);
      if (typeof day === 'number') return explainDay(day);
      return gather([day], [], ([d]) => explainDay(d as number));
    },
  };
  return Object.freeze(calendar);
}
