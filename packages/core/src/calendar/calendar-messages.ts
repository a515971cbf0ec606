import { defineMessages } from '../message-catalogue.js';

/**
 * The diagnostics of the working-day calendars (codes `CALENDAR_*`), in zh-CN and en.
 *
 * - `CALENDAR_DATE_INVALID`: the value is not a date in any accepted form.
 * - `CALENDAR_DATE_NONEXISTENT`: well-formed but not a real day (`2021-02-30`).
 * - `CALENDAR_OFFSET_MISSING` (warning): a date-time without a UTC offset, read as wall-clock time
 *   in the calendar's time zone.
 * - `CALENDAR_TIME_ZONE_INVALID`: not an IANA time zone or UTC offset the runtime knows.
 * - `CALENDAR_OUT_OF_RANGE`: the day (or a day the computation needs) lies outside the years the
 *   calendar's data covers; the calendar refuses to guess.
 * - `CALENDAR_COUNT_INVALID`: a number of days is not a safe integer.
 * - `CALENDAR_COUNT_NEGATIVE`: a deadline was asked for with a negative number of working days.
 * - `CALENDAR_SPEC_*`: user-supplied holiday data is malformed (`FIELD_INVALID`,
 *   `COVERAGE_INVALID`), lists a day twice (`DUPLICATE`) or outside its coverage
 *   (`OUTSIDE_COVERAGE`), or adds a year that leaves a gap (`YEAR_NOT_ADJACENT`).
 */
export const calendarMessages = defineMessages(
  {
    CALENDAR_DATE_INVALID: {
      severity: 'error',
      'zh-CN':
        '{value} 不是有效日期：应为 YYYY-MM-DD、带 UTC 偏移的 ISO 日期时间、Date 对象或毫秒时间戳',
      en: '{value} is not a date: expected YYYY-MM-DD, an ISO date-time with a UTC offset, a Date or epoch milliseconds',
    },
    CALENDAR_DATE_NONEXISTENT: {
      severity: 'error',
      'zh-CN': '日期 {value} 在公历中不存在',
      en: 'The date {value} does not exist in the Gregorian calendar',
    },
    CALENDAR_OFFSET_MISSING: {
      severity: 'warning',
      'zh-CN': '日期时间 {value} 没有 UTC 偏移，已按时区 {timeZone} 的当地时间理解',
      en: 'The date-time {value} has no UTC offset; it was read as local time in {timeZone}',
    },
    CALENDAR_TIME_ZONE_INVALID: {
      severity: 'error',
      'zh-CN': '时区 {timeZone} 无效：应为 IANA 时区名（如 Asia/Shanghai）或 UTC 偏移（如 +08:00）',
      en: 'The time zone {timeZone} is invalid: expected an IANA name (Asia/Shanghai) or a UTC offset (+08:00)',
    },
    CALENDAR_OUT_OF_RANGE: {
      severity: 'error',
      'zh-CN':
        '{date} 所需的 {year} 年超出工作日历 {calendar} 的覆盖范围（{from} 至 {to}），无法判断工作日，不作推测',
      en: '{date} needs the year {year}, outside the coverage of the working-day calendar {calendar} ({from} to {to}); no guess is made',
    },
    CALENDAR_COUNT_INVALID: {
      severity: 'error',
      'zh-CN': '天数 {value} 不是整数（须为安全范围内的整数）',
      en: 'The number of days {value} is not a whole number (a safe integer is required)',
    },
    CALENDAR_COUNT_NEGATIVE: {
      severity: 'error',
      'zh-CN': '期限的工作日数不能为负数：{value}',
      en: 'A deadline needs a non-negative number of working days, got {value}',
    },
    CALENDAR_SPEC_FIELD_INVALID: {
      severity: 'error',
      'zh-CN': '节假日数据的字段 {field} 缺失或无效',
      en: 'The holiday data field {field} is missing or invalid',
    },
    CALENDAR_SPEC_COVERAGE_INVALID: {
      severity: 'error',
      'zh-CN': '节假日数据的覆盖范围 {from} 至 {to} 无效：结束早于开始，或超过 {maxYears} 年',
      en: 'The holiday data coverage {from} to {to} is invalid: it ends before it starts or spans more than {maxYears} years',
    },
    CALENDAR_SPEC_DUPLICATE: {
      severity: 'error',
      'zh-CN': '节假日数据中 {date} 被重复列出（同时作为放假日和上班日，或列出两次）',
      en: 'The holiday data lists {date} more than once (as both a day off and a working day, or twice)',
    },
    CALENDAR_SPEC_OUTSIDE_COVERAGE: {
      severity: 'error',
      'zh-CN': '节假日数据中的 {date} 不在其覆盖范围 {from} 至 {to} 内',
      en: 'The holiday data lists {date}, outside its coverage {from} to {to}',
    },
    CALENDAR_SPEC_YEAR_NOT_ADJACENT: {
      severity: 'error',
      'zh-CN': '追加的 {year} 年与已覆盖的 {from} 至 {to} 年不相连，覆盖范围必须连续',
      en: 'The added year {year} does not adjoin the covered years {from} to {to}; coverage must be contiguous',
    },
  },
  { source: '@foodsafety/core' },
);

/**
 * The templates of the explanations given by `WorkdayCalendar.explain` (severity `info`; they are
 * registered like diagnostics so that a day's explanation can be rendered in either locale).
 */
export const calendarExplanationMessages = defineMessages(
  {
    CALENDAR_DAY_WORKDAY: {
      severity: 'info',
      'zh-CN': '{date}（{weekday}）是工作日',
      en: '{date} ({weekday}) is a working day',
    },
    CALENDAR_DAY_WEEKEND: {
      severity: 'info',
      'zh-CN': '{date}（{weekday}）是周末休息日',
      en: '{date} ({weekday}) is a weekend rest day',
    },
    CALENDAR_DAY_PUBLIC_HOLIDAY: {
      severity: 'info',
      'zh-CN': '{date}（{weekday}）是{holiday}假期的放假日',
      en: '{date} ({weekday}) is a public holiday: {holiday}',
    },
    CALENDAR_DAY_ADJUSTED_WORKDAY: {
      severity: 'info',
      'zh-CN': '{date}（{weekday}）是{holiday}调休上班日',
      en: '{date} ({weekday}) is an adjusted working day (调休) for {holiday}',
    },
  },
  { source: '@foodsafety/core' },
);
