import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateTimeMillis } from '../formats/json-formats.js';
import { formatOffset, isoMillis, parseOffset } from './iso-time.js';

const pad = (v: number, n: number) => String(v).padStart(n, '0');

describe('isoMillis', () => {
  it("gives NaN for a time of day without a zone, which Date.parse would read in the host's zone", () => {
    for (const text of [
      '2025-05-01T08:00:00',
      '2025-05-01T08:00',
      '2025-05-01T08:00:00.123',
      '2025-05-01 08:00:00',
    ])
      expect([text, isoMillis(text)]).toEqual([text, Number.NaN]);
    // with a zone, as the validator reads it
    expect(isoMillis('2025-05-01T08:00:00+0800')).toBe(Date.UTC(2025, 4, 1, 0));
    expect(isoMillis('2025-05-01T08:00:00.1234Z')).toBe(Date.UTC(2025, 4, 1, 8, 0, 0, 123));
  });

  it('reads every form the validator accepts, to the same instant', () => {
    const cases: [string, number][] = [
      // an offset without minutes
      ['2025-01-02T09:00:00+08', Date.UTC(2025, 0, 2, 1)],
      ['2025-01-02T09:00:00.000+08', Date.UTC(2025, 0, 2, 1)],
      ['2025-01-02T09:00:00-05', Date.UTC(2025, 0, 2, 14)],
      ['2025-01-02T09:00:00.5+0530', Date.UTC(2025, 0, 2, 3, 30, 0, 500)],
      // a leap second: read as 23:59:59 UTC with its fraction, as the validator reads it
      ['2016-12-31T23:59:60Z', Date.UTC(2016, 11, 31, 23, 59, 59)],
      ['2016-12-31T23:59:60.000Z', Date.UTC(2016, 11, 31, 23, 59, 59)],
      ['2016-12-31T23:59:60.250Z', Date.UTC(2016, 11, 31, 23, 59, 59, 250)],
      ['2017-01-01T07:59:60+08:00', Date.UTC(2016, 11, 31, 23, 59, 59)],
      // lower case, a space, many fraction digits, days after the 28th
      ['2025-01-02t09:00:00z', Date.UTC(2025, 0, 2, 9)],
      ['2025-01-02 09:00:00.123456789+08:00', Date.UTC(2025, 0, 2, 1, 0, 0, 123)],
      ['2024-02-29T12:00:00Z', Date.UTC(2024, 1, 29, 12)],
      ['2025-01-31T23:59:59.999-05:30', Date.UTC(2025, 1, 1, 5, 29, 59, 999)],
      ['0099-01-01T00:00:00Z', Date.parse('0099-01-01T00:00:00Z')],
    ];
    for (const [text, ms] of cases) {
      expect([text, isoMillis(text)]).toEqual([text, ms]);
      expect([text, isoMillis(text)]).toEqual([text, dateTimeMillis(text)]);
    }
  });

  it('gives NaN for what the validator rejects, though Date.parse reads some of it', () => {
    for (const text of [
      '2025-05-01',
      '2017-01-01T24:00:00Z',
      '2023-02-29T12:00:00Z',
      '2023-04-31T12:00:00+08:00',
      '2017-13-01T00:00:00Z',
      '2017-01-01T00:00:60Z',
      '2017-0a-01T00:00:00Z',
      '2017-01-01T00:00:00.000+24:00',
      '+002017-01-01T00:00:00Z',
      '2017-01-01T00:00Z',
      '2017-01-01T00:00:00.Z',
      'not a date',
      '',
    ]) {
      expect([text, isoMillis(text)]).toEqual([text, Number.NaN]);
      expect([text, dateTimeMillis(text)]).toEqual([text, Number.NaN]);
    }
  });

  it('agrees with the validator on generated date-times, and with Date.parse where both read one (property)', () => {
    const zone = fc.oneof(
      fc.constantFrom('Z', 'z', ''),
      fc
        .tuple(
          fc.constantFrom('+', '-'),
          fc.integer({ min: 0, max: 25 }),
          fc.integer({ min: 0, max: 61 }),
          fc.constantFrom(':', '', 'none'),
        )
        .map(
          ([sign, h, m, sep]) => `${sign}${pad(h, 2)}${sep === 'none' ? '' : `${sep}${pad(m, 2)}`}`,
        ),
    );
    const dateTime = fc
      .record({
        y: fc.integer({ min: 0, max: 9999 }),
        mo: fc.integer({ min: 0, max: 13 }),
        d: fc.integer({ min: 0, max: 32 }),
        sep: fc.constantFrom('T', 'T', 't', ' '),
        h: fc.integer({ min: 0, max: 25 }),
        mi: fc.integer({ min: 0, max: 61 }),
        s: fc.integer({ min: 0, max: 61 }),
        frac: fc.oneof(fc.constant(''), fc.stringMatching(/^\.\d{0,9}$/)),
        zone,
      })
      .map(
        (v) =>
          `${pad(v.y, 4)}-${pad(v.mo, 2)}-${pad(v.d, 2)}${v.sep}${pad(v.h, 2)}:${pad(v.mi, 2)}:${pad(v.s, 2)}${v.frac}${v.zone}`,
      );
    // dates near the turn of a year, so that leap seconds (23:59:60 UTC) come up
    const nearLeap = fc
      .tuple(
        fc.integer({ min: 1970, max: 2030 }),
        fc.constantFrom('06-30', '12-31', '01-01', '07-01'),
        fc.integer({ min: -14, max: 14 }),
        fc.constantFrom('', '.000', '.5', '.999999'),
        fc.constantFrom(':00', '', ':30', '00'),
      )
      .map(([y, md, oh, frac, om]) => {
        const hour = (((23 + oh) % 24) + 24) % 24;
        const tz = `${oh < 0 ? '-' : '+'}${pad(Math.abs(oh), 2)}${om}`;
        return `${y}-${md}T${pad(hour, 2)}:59:60${frac}${oh === 0 && om === ':00' ? 'Z' : tz}`;
      });
    fc.assert(
      fc.property(fc.oneof(dateTime, nearLeap), (text) => {
        const expected = dateTimeMillis(text);
        expect([text, isoMillis(text)]).toEqual([text, expected]);
        const parsed = Date.parse(text);
        // (Date.parse reads a space or a `t` with its legacy rules: years 0–49 as 2000–2049)
        if (text[10] === 'T' && !Number.isNaN(expected) && !Number.isNaN(parsed))
          expect([text, parsed]).toEqual([text, expected]);
      }),
      {
        numRuns: 5000,
        examples: [
          // (a counterexample once found: 29 February of year 0, read as 1 March before)
          ['0000-02-29T05:22:08-0000'],
          ['2025-01-02T09:00:00+08'],
          ['2025-01-02T09:00:00.000+08'],
          ['2025-01-02T09:00:00-05'],
          ['2016-12-31T23:59:60Z'],
          ['2016-12-31T23:59:60.000Z'],
          ['2017-01-01T07:59:60+08:00'],
          ['2017-01-01T00:05:54.000+08:00'],
          ['2017-01-01T00:05:54+0800'],
        ],
      },
    );
  });
});

describe('parseOffset', () => {
  it('reads back every offset formatOffset writes, from -14:00 to +14:00', () => {
    for (let minutes = -14 * 60; minutes <= 14 * 60; minutes += 15) {
      expect(parseOffset(formatOffset(minutes))).toBe(minutes);
    }
    expect([parseOffset('Z'), parseOffset('-05:00'), parseOffset('+05:45')]).toEqual([
      0, -300, 345,
    ]);
  });

  it('gives NaN for anything that is not ±HH:MM or Z', () => {
    for (const text of [
      '',
      'z',
      '+8:00',
      '+08:0a',
      '08:00',
      '+0800',
      '+08:00 ',
      '±08:00',
      '+08-00',
    ]) {
      expect([text, parseOffset(text)]).toEqual([text, Number.NaN]);
    }
  });
});
