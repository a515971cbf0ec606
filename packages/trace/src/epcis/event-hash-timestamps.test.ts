import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateTimeMillis } from '../formats/json-formats.js';
import { documentOf, OBSERVE_EVENT } from './__fixtures__/events.js';
import { createEpcisLineValidator } from './epcis-line-validator.js';
import { canonicalTimestamp, eventHashId, eventPreHash } from './event-hash.js';
import { validateEpcisDocument } from './validate-epcis-document.js';

/** 10000-01-01T00:00:00Z, the first instant after the years 0000–9999. */
const LAST = Date.parse('+010000-01-01T00:00:00Z');

/** The `eventTime=…` member of an event's pre-hash string (it is followed by the offset). */
function hashedEventTime(eventTime: string): string {
  const pre = eventPreHash({ ...OBSERVE_EVENT, eventTime });
  const start = pre.indexOf('eventTime=') + 'eventTime='.length;
  return pre.slice(start, pre.indexOf('eventTimeZoneOffset=', start));
}

describe('canonicalTimestamp reads only the date-times the validator accepts', () => {
  it('hashes a time without seconds, at 24:00 or with a comma as written, not normalised', () => {
    // RFC 3339 (format: date-time) requires the seconds, hours 00–23 and a '.' before a fraction
    for (const t of ['2020-01-01T10:00Z', '2020-03-04T24:00:00Z', '2020-01-01T10:00:00,5Z']) {
      expect([t, canonicalTimestamp(t)]).toEqual([t, t]);
      expect([t, hashedEventTime(t)]).toEqual([t, t]);
    }
    // so none of them hashes as the instant it would name
    expect(eventHashId({ ...OBSERVE_EVENT, eventTime: '2020-03-04T24:00:00Z' })).not.toBe(
      eventHashId({ ...OBSERVE_EVENT, eventTime: '2020-03-05T00:00:00Z' }),
    );
    expect(eventHashId({ ...OBSERVE_EVENT, eventTime: '2020-01-01T10:00Z' })).not.toBe(
      eventHashId({ ...OBSERVE_EVENT, eventTime: '2020-01-01T10:00:00Z' }),
    );
  });

  it('hashes a time without a zone or with spaces around it as written (trimmed)', () => {
    expect(canonicalTimestamp('2020-01-01T10:00:00')).toBe('2020-01-01T10:00:00');
    expect(hashedEventTime('2020-01-01T10:00:00')).toBe('2020-01-01T10:00:00');
    expect(canonicalTimestamp(' 2020-01-01T10:00:00Z ')).toBe(' 2020-01-01T10:00:00Z ');
    expect(hashedEventTime(' 2020-01-01T10:00:00Z ')).toBe('2020-01-01T10:00:00Z');
    expect(hashedEventTime('2020-01-01T10:00:00Z')).toBe('2020-01-01T10:00:00.000Z');
  });

  it('keeps a leap second (23:59:60 UTC) as second 60 of 23:59 UTC, apart from 23:59:59 and midnight', () => {
    expect(canonicalTimestamp('2016-12-31T23:59:60Z')).toBe('2016-12-31T23:59:60.000Z');
    // the same leap second written in another zone: 00:59:60 at +01:00 is 23:59:60 UTC
    expect(canonicalTimestamp('2017-01-01T00:59:60+01:00')).toBe('2016-12-31T23:59:60.000Z');
    expect(canonicalTimestamp('2016-12-31T18:59:60.25-05:00')).toBe('2016-12-31T23:59:60.250Z');
    expect(canonicalTimestamp('2016-12-31t23:59:60.9994z')).toBe('2016-12-31T23:59:60.999Z');
    // rounded up past the leap second: the next day's midnight
    expect(canonicalTimestamp('2016-12-31T23:59:60.9995Z')).toBe('2017-01-01T00:00:00.000Z');
    expect(hashedEventTime('2016-12-31T23:59:60Z')).toBe('2016-12-31T23:59:60.000Z');
    const leap = eventHashId({ ...OBSERVE_EVENT, eventTime: '2016-12-31T23:59:60Z' });
    expect(leap).not.toBe(eventHashId({ ...OBSERVE_EVENT, eventTime: '2016-12-31T23:59:59Z' }));
    expect(leap).not.toBe(eventHashId({ ...OBSERVE_EVENT, eventTime: '2017-01-01T00:00:00Z' }));
    // a second 60 anywhere else is rejected by the validator: as written
    expect(canonicalTimestamp('2016-12-31T22:59:60Z')).toBe('2016-12-31T22:59:60Z');
    expect(canonicalTimestamp('2016-12-31T23:59:60+01:00')).toBe('2016-12-31T23:59:60+01:00');
  });

  it('still converts the valid forms to UTC with three fraction digits, rounding half up', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['2020-03-04T11:00:30+01:00', '2020-03-04T10:00:30.000Z'],
      ['2020-03-04T11:00:30+0100', '2020-03-04T10:00:30.000Z'],
      ['2020-03-04T11:00:30+01', '2020-03-04T10:00:30.000Z'],
      ['2020-03-04T05:30:30-04:30', '2020-03-04T10:00:30.000Z'],
      ['2020-03-04t10:00:30z', '2020-03-04T10:00:30.000Z'],
      ['2020-03-04 10:00:30Z', '2020-03-04T10:00:30.000Z'],
      // a fourth fraction digit 0–4 is cut, 5–9 rounds up, whatever follows it
      ['2020-03-04T10:00:30.12345Z', '2020-03-04T10:00:30.123Z'],
      ['2020-03-04T10:00:30.1235Z', '2020-03-04T10:00:30.124Z'],
      ['2020-03-04T10:00:30.123499999Z', '2020-03-04T10:00:30.123Z'],
      ['2020-12-31T23:59:59.9995+00:00', '2021-01-01T00:00:00.000Z'],
      // a short fraction is padded; the digits of the zone after it are no fraction digits
      ['2020-03-04T10:00:30.1+05:00', '2020-03-04T05:00:30.100Z'],
      ['2020-03-04T10:00:30.12-09:00', '2020-03-04T19:00:30.120Z'],
      ['2020-03-04T10:00:30.1-0900', '2020-03-04T19:00:30.100Z'],
      ['2020-02-29T12:00:00Z', '2020-02-29T12:00:00.000Z'],
    ];
    for (const [t, utc] of cases) expect([t, canonicalTimestamp(t)]).toEqual([t, utc]);
  });

  it('leaves a valid time whose UTC form falls before the year 0000 as written', () => {
    expect(canonicalTimestamp('0000-01-01T00:00:00+01:00')).toBe('0000-01-01T00:00:00+01:00');
    expect(canonicalTimestamp('0000-01-01T01:00:00+01:00')).toBe('0000-01-01T00:00:00.000Z');
  });
});

describe('the hash and the validator agree on what is a date-time', () => {
  // [text, its canonical form, or null where the validator reports it (hashed as written)]
  const table: readonly (readonly [string, string | null])[] = [
    ['2020-01-01T10:00:00Z', '2020-01-01T10:00:00.000Z'],
    ['2020-01-01t10:00:00z', '2020-01-01T10:00:00.000Z'],
    ['2020-01-01 10:00:00Z', '2020-01-01T10:00:00.000Z'],
    ['2020-01-01T10:00:00.5+01:00', '2020-01-01T09:00:00.500Z'],
    ['2020-01-01T10:00:00-0130', '2020-01-01T11:30:00.000Z'],
    ['2020-01-01T01:00:00+02', '2019-12-31T23:00:00.000Z'],
    ['2020-01-01T10:00:00.123456789Z', '2020-01-01T10:00:00.123Z'],
    ['2020-02-29T12:00:00Z', '2020-02-29T12:00:00.000Z'],
    ['2016-12-31T23:59:60Z', '2016-12-31T23:59:60.000Z'],
    ['2017-01-01T00:59:60+01:00', '2016-12-31T23:59:60.000Z'],
    ['2016-12-31T18:59:60.25-05:00', '2016-12-31T23:59:60.250Z'],
    ['2020-01-01T10:00Z', null],
    ['2020-01-01T24:00:00Z', null],
    ['2020-01-01T10:00:00,5Z', null],
    ['2020-01-01T10:00:00', null],
    ['2020-01-01', null],
    ['2019-02-29T10:00:00Z', null],
    ['2020-04-31T10:00:00Z', null],
    ['2020-13-01T10:00:00Z', null],
    ['2020-01-01T10:60:00Z', null],
    ['2020-01-01T10:00:60Z', null],
    ['2016-12-31T23:59:60+01:00', null],
    ['2020-01-01T10:00:00+24:00', null],
    ['2020-01-01T10:00:00+01:60', null],
    ['2020-01-01T10:00:00+01:0', null],
    ['2020-01-01T10:00:00.Z', null],
    ['2020-01-01T10:00:00ZZ', null],
    ['20200101T100000Z', null],
    ['2020-01-01_10:00:00Z', null],
    [' 2020-01-01T10:00:00Z', null],
    ['2020-01-01T10:00:00Z ', null],
  ];

  it('the document validator reports exactly the texts the hash leaves as written', () => {
    for (const [t, utc] of table) {
      const r = validateEpcisDocument(documentOf([{ ...OBSERVE_EVENT, eventTime: t }]));
      const reported = r.diagnostics.some(
        (d) => d.code === 'TRACE_INVALID_DATETIME' && d.path?.join('/').endsWith('/eventTime'),
      );
      expect([t, reported]).toEqual([t, utc === null]);
      expect([t, canonicalTimestamp(t)]).toEqual([t, utc ?? t]);
    }
  });

  it('the line validator reports exactly the texts the hash leaves as written', () => {
    const lines = createEpcisLineValidator();
    for (const [t, utc] of table) {
      const line = JSON.stringify({ ...OBSERVE_EVENT, eventTime: t });
      const r = lines.validate(line);
      const reported = r.diagnostics.some((d) => d.code === 'TRACE_INVALID_DATETIME');
      expect([t, reported]).toEqual([t, utc === null]);
      // and the line's event hashes its time so (text the validator reports: trimmed, as written)
      expect([t, eventPreHash(JSON.parse(line))]).toEqual([
        t,
        expect.stringContaining(`eventTime=${utc ?? t.trim()}eventTimeZoneOffset=`),
      ]);
    }
  });

  it('on generated texts: what the validator reads is normalised to the same instant, the rest kept', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const text = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
        two(13),
        two(32),
        fc.constantFrom('T', 't', ' ', '_', ''),
        two(25),
        two(61),
        fc.constantFrom(':', ''),
        two(61),
        fc.constantFrom('', '.', ',', '.5', '.1234', '.99951', '.000049'),
        fc.constantFrom('Z', 'z', '', '+01:00', '-05:30', '+14', '-0800', '+24:00', '+01:0', 'ZZ'),
      )
      .map(([y, mo, d, sep, h, mi, colon, s, frac, zone]) => {
        const seconds = colon === '' ? '' : `:${s}${frac}`;
        return `${y}-${mo}-${d}${sep}${h}:${mi}${seconds}${zone}`;
      });
    fc.assert(
      fc.property(text, (t) => {
        const out = canonicalTimestamp(t);
        const ms = dateTimeMillis(t);
        if (Number.isNaN(ms)) return out === t;
        // kept only where the UTC form, rounded, falls outside the years 0000–9999
        if (out === t) return ms < Date.parse('0000-01-01T00:00:00Z') || ms + 1 >= LAST;
        // UTC, three digits, and within the millisecond the validator reads (a leap second as
        // second 59 of that minute, the validator's reading)
        if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(out)) return false;
        const read = dateTimeMillis(out.replace(':60.', ':59.'));
        return read === ms || read === ms + 1;
      }),
      { numRuns: 3000 },
    );
  });
});
