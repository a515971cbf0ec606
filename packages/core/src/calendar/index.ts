export {
  addCalendarDays,
  type CalendarDate,
  type CalendarDateInput,
  calendarDaysBetween,
  compareCalendarDates,
  DEFAULT_TIME_ZONE,
  isCalendarDate,
  isValidTimeZone,
  parseCalendarDate,
  startOfDayInZone,
  toCalendarDate,
} from './calendar-date.js';
export { calendarExplanationMessages, calendarMessages } from './calendar-messages.js';
export {
  CHINA_WORKDAY_YEARS,
  CHINESE_DAYS_VERSION,
  type ChinaHolidayYear,
  type ChinaWorkdayCalendarOptions,
  chinaWorkdayRuleSet,
  createChinaWorkdayCalendar,
  parseChinaHolidayYears,
} from './china-workday-calendar.js';
export {
  createHolidayCalendar,
  type HolidayCalendarSpec,
  type HolidayEntry,
  MAX_COVERAGE_YEARS,
} from './holiday-calendar.js';
export { createWeekdayCalendar, type WeekdayCalendarOptions } from './weekday-calendar.js';
export type {
  CalendarCoverage,
  DayExplanation,
  DayKind,
  IsoWeekday,
  LocalizedName,
  WorkdayCalendar,
} from './workday-calendar.js';
