import { dateTimeMillis } from '../formats/json-formats.js';

/**
 * Epoch milliseconds of an ISO 8601 date-time as EPCIS writes it, parsed with integer arithmetic
 * for the common shape `YYYY-MM-DDTHH:MM:SS[.sss](Z|±HH:MM)`; any other text goes to the
 * validator's own reading, {@link dateTimeMillis} (`format: date-time` as ajv-formats accepts it:
 * `t`/`z` in lower case, a space for `T`, offsets `±HH`, `±HHMM`, any number of fraction digits
 * cut to milliseconds, days 29–31, a leap second `23:59:60` UTC read as `23:59:59` with its
 * fraction), so the chain reads every time the validator accepts, to the same instant, and no
 * other: a time the validator rejects — without a zone (`2025-05-01T08:00:00`, which `Date.parse`
 * would read in the host's time zone), a date alone, `24:00:00`, 30 February — is NaN, a time
 * that cannot be placed (the validator reports it). The lot graph reads every event's time with it.
 */
export function isoMillis(text: string): number {
  const n = text.length;
  if (n !== 20 && n !== 24 && n !== 25 && n !== 29) return dateTimeMillis(text);
  if (
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58
  ) {
    return dateTimeMillis(text);
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  let at = 19;
  let ms = 0;
  if (text.charCodeAt(19) === 46) {
    ms = digits(text, 20, 3);
    at = 23;
  }
  let offset = 0;
  const zone = text.charCodeAt(at);
  if (zone === 90 /* Z */) {
    if (at + 1 !== n) return dateTimeMillis(text);
  } else if (zone === 43 /* + */ || zone === 45 /* - */) {
    if (at + 6 !== n || text.charCodeAt(at + 3) !== 58) return dateTimeMillis(text);
    const oh = digits(text, at + 1, 2);
    const om = digits(text, at + 4, 2);
    if (oh < 0 || om < 0 || oh > 23 || om > 59) return dateTimeMillis(text);
    offset = (oh * 60 + om) * (zone === 43 ? 1 : -1);
  } else return dateTimeMillis(text);
  if (
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 28 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    ms < 0
  ) {
    return dateTimeMillis(text);
  }
  return epochMillis(year, month, day, hour, minute, second, ms) - offset * 60_000;
}

/**
 * Epoch milliseconds of a UTC date and time with valid fields (month 1–12, day within the month,
 * hour 0–23, minute and second 0–59; proleptic Gregorian, H. Hinnant's days_from_civil).
 */
export function epochMillis(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146097 + doe - 719468;
  return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + ms;
}

/** The decimal value of `count` ASCII digits at `at`, or -1. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i += 1) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * An ISO 8601 date-time with milliseconds written in the given UTC offset (minutes east), e.g.
 * `2025-03-01T08:00:00.000+08:00`.
 */
export function isoWithOffset(epochMs: number, offsetMinutes: number): string {
  const local = new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 23);
  return `${local}${formatOffset(offsetMinutes)}`;
}

/** `+08:00` for 480 minutes. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The minutes east of UTC of an offset written `±HH:MM` (or `Z`), as `eventTimeZoneOffset` is;
 * NaN for anything else. The inverse of {@link formatOffset}; read from the characters, since it
 * is read for every event.
 */
export function parseOffset(text: string): number {
  if (text === 'Z') return 0;
  const sign = text.charCodeAt(0);
  if (text.length !== 6 || (sign !== 43 && sign !== 45) || text.charCodeAt(3) !== 58) {
    return Number.NaN;
  }
  const hours = digits(text, 1, 2);
  const minutes = digits(text, 4, 2);
  if (hours < 0 || minutes < 0) return Number.NaN;
  const total = hours * 60 + minutes;
  return sign === 45 ? -total : total;
}
