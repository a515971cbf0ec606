/**
 * The JSON Schema formats the EPCIS 2.0.1 schema uses (`uri`, `date-time`), with exactly the
 * semantics of ajv-formats 3 "full" mode so that our validator and the official schema agree, plus
 * the epoch value of a date-time for the event rules. Allocation-free on the hot path.
 */

// RFC 3986 URI, as in ajv-formats 3 (MIT) `fullFormats.uri`.
const URI =
  /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

// Fast path tables: characters of a path segment (pchar without %) and of a host (reg-name without %).
/** 1 for the ASCII characters of a URI path segment other than `%` (RFC 3986 pchar). */
export const PCHAR = new Uint8Array(128);
const HOST = new Uint8Array(128);
/** 1 for the ASCII characters of a URI scheme after its first letter. */
export const SCHEME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  const alnum = /[A-Za-z0-9]/.test(ch);
  if (alnum || "-._~!$&'()*+,;=".includes(ch)) HOST[c] = 1;
  if (alnum || "-._~!$&'()*+,;=:@".includes(ch)) PCHAR[c] = 1;
  if (alnum || '+-.'.includes(ch)) SCHEME[c] = 1;
}

/**
 * Cheap acceptance of the two common shapes, `scheme:segment[/segment…]` (URNs) and
 * `scheme://host[/path]`, built only from characters the full RFC 3986 expression accepts there;
 * anything else (percent escapes, ports, queries, IPv6…) goes to the full expression. Returns
 * true only where the full expression would.
 */
function quickUri(v: string): boolean {
  const n = v.length;
  let i = 0;
  const c0 = v.charCodeAt(0);
  if (!((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122))) return false;
  for (i = 1; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c === 58) break;
    if (c >= 128 || SCHEME[c] !== 1) return false;
  }
  if (i >= n - 1) return false;
  i++; // after ':'
  if (v.charCodeAt(i) === 47) {
    if (v.charCodeAt(i + 1) !== 47) return false;
    i += 2;
    const hostStart = i;
    for (; i < n; i++) {
      const c = v.charCodeAt(i);
      if (c === 47) break;
      if (c >= 128 || HOST[c] !== 1) return false;
    }
    if (i === hostStart && i < n) return false;
    for (; i < n; i++) {
      const c = v.charCodeAt(i);
      if (c !== 47 && (c >= 128 || PCHAR[c] !== 1)) return false;
    }
    return true;
  }
  for (; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c !== 47 && (c >= 128 || PCHAR[c] !== 1)) return false;
  }
  return true;
}

/** `format: uri` (an absolute URI per RFC 3986). */
export function isUri(value: string): boolean {
  return quickUri(value) || URI.test(value);
}

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

function two(s: string, i: number): number {
  return digit(s, i) * 10 + digit(s, i + 1);
}

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * The epoch milliseconds of a `format: date-time` string, or `NaN` when it is not one (ajv-formats
 * semantics: `YYYY-MM-DD`, a `T`/`t`/space separator, `hh:mm:ss[.frac]`, and a required `Z` or
 * `±hh[[:]mm]` zone; leap second only at 23:59:60 UTC). Fractions beyond milliseconds are cut.
 */
export function dateTimeMillis(s: string): number {
  const n = s.length;
  if (n < 20) return Number.NaN;
  const year = digit(s, 0) * 1000 + digit(s, 1) * 100 + two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  if (year < 0 || month < 1 || month > 12 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45)
    return Number.NaN;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day < 1 || day > (month === 2 && leap ? 29 : (DAYS[month] as number))) return Number.NaN;
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 116 && !isSpace(sep)) return Number.NaN;
  const hr = two(s, 11);
  const min = two(s, 14);
  const sec = two(s, 17);
  if (hr < 0 || min < 0 || sec < 0 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58)
    return Number.NaN;
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46) {
    i++;
    const start = i;
    while (i < n && digit(s, i) >= 0) {
      const k = i - start;
      if (k < 3) ms += digit(s, i) * (k === 0 ? 100 : k === 1 ? 10 : 1);
      i++;
    }
    if (i === start) return Number.NaN;
  }
  if (i >= n) return Number.NaN; // the zone is required
  const z = s.charCodeAt(i);
  let tzSign = 1;
  let tzH = 0;
  let tzM = 0;
  if (z === 90 || z === 122) {
    if (i + 1 !== n) return Number.NaN;
  } else if (z === 43 || z === 45) {
    tzSign = z === 45 ? -1 : 1;
    tzH = two(s, i + 1);
    if (tzH < 0) return Number.NaN;
    let j = i + 3;
    if (j < n) {
      if (s.charCodeAt(j) === 58) j++;
      tzM = two(s, j);
      if (tzM < 0 || j + 2 !== n) return Number.NaN;
    }
    if (tzH > 23 || tzM > 59) return Number.NaN;
  } else return Number.NaN;
  if (!(hr <= 23 && min <= 59 && sec < 60)) {
    const utcMin = min - tzM * tzSign;
    const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
    if (!((utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61))
      return Number.NaN;
  }
  let t = Date.UTC(year, month - 1, day, hr, min, sec >= 60 ? 59 : sec, ms);
  if (year < 100) {
    // Date.UTC reads years 0-99 as 1900-1999: the date is set again with the year, month and day
    // together (setting the year alone would keep 1900's calendar: 0000-02-29 read as 1 March)
    const d = new Date(t);
    d.setUTCFullYear(year, month - 1, day);
    t = d.getTime();
  }
  return t - tzSign * (tzH * 60 + tzM) * 60_000;
}

/**
 * The time-zone offset written at the end of a date-time, in minutes (`Z` → 0), or `undefined`.
 * `utc` tells whether it was written `Z`/`z`.
 */
export function writtenOffsetMinutes(s: string): number | undefined {
  const n = s.length;
  const last = s.charCodeAt(n - 1);
  if (last === 90 || last === 122) return 0;
  // ±hh:mm, ±hhmm or ±hh at the end
  for (const len of [6, 5, 3]) {
    const i = n - len;
    const c = s.charCodeAt(i);
    if (c === 43 || c === 45) {
      const h = two(s, i + 1);
      const m = len === 3 ? 0 : two(s, len === 6 ? i + 4 : i + 3);
      if (h < 0 || m < 0 || (len === 6 && s.charCodeAt(i + 3) !== 58)) continue;
      return (c === 45 ? -1 : 1) * (h * 60 + m);
    }
  }
  return undefined;
}

/** Whether a date-time is written with `Z` (or `z`). */
export function writtenInUtc(s: string): boolean {
  const last = s.charCodeAt(s.length - 1);
  return last === 90 || last === 122;
}

/** Minutes of an `eventTimeZoneOffset` value `±hh:mm` (already pattern-checked), else `undefined`. */
export function offsetMinutes(offset: string): number | undefined {
  if (offset.length !== 6) return undefined;
  const h = two(offset, 1);
  const m = two(offset, 4);
  if (h < 0 || m < 0) return undefined;
  const sign = offset.charCodeAt(0) === 45 ? -1 : 1;
  return sign * (h * 60 + m);
}
