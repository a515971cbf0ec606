import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
    // with a zone, or a date alone (UTC), as Date.parse reads them
    expect(isoMillis('2025-05-01T08:00:00+0800')).toBe(Date.UTC(2025, 4, 1, 0));
    expect(isoMillis('2025-05-01T08:00:00.1234Z')).toBe(Date.UTC(2025, 4, 1, 8, 0, 0, 123));
    expect(isoMillis('2025-05-01')).toBe(Date.UTC(2025, 4, 1));
  });

  it('reads the EPCIS shapes exactly as Date.parse does', () => {
    for (const text of [
      '2017-01-01T00:00:30.000+08:00',
      '2017-01-01T00:00:30+08:00',
      '2024-02-28T23:59:59.999Z',
      '2024-02-29T12:00:00Z',
      '2023-02-29T12:00:00Z',
      '1969-12-31T23:59:59.999-05:30',
      '2000-03-01T00:00:00Z',
      '2017-01-01T24:00:00Z',
      '2017-13-01T00:00:00Z',
      '2017-01-01T00:00:60Z',
      '2017-01-01T00:00:00.1234Z',
      '2017-01-01T00:00:00+0800',
      '2017-01-01 00:00:00Z',
      '2017-0a-01T00:00:00Z',
      '2017-01-01T00:00:00.000+24:00',
      'not a date',
      '',
    ]) {
      expect(isoMillis(text)).toBe(Date.parse(text));
    }
  });
  it('agrees with Date.parse on generated date-times (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.option(fc.integer({ min: 0, max: 999 })),
        fc.option(
          fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 })),
        ),
        (y, mo, d, h, mi, s, ms, zone) => {
          const frac = ms === null ? '' : `.${pad(ms, 3)}`;
          const tz =
            zone === null ? 'Z' : `${zone[0] ? '+' : '-'}${pad(zone[1], 2)}:${pad(zone[2], 2)}`;
          const text = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${frac}${tz}`;
          expect(isoMillis(text)).toBe(Date.parse(text));
        },
      ),
      { numRuns: 2000 },
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
