import { fullFormats } from 'ajv-formats/dist/formats.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateTimeMillis, isUri, offsetMinutes, writtenOffsetMinutes } from './json-formats.js';

const ajvUri = fullFormats.uri as (s: string) => boolean;
const ajvDateTime = (fullFormats['date-time'] as { validate: (s: string) => boolean }).validate;

describe('format: uri agrees with ajv-formats', () => {
  it('on typical and tricky values', () => {
    for (const v of [
      'urn:epc:id:sgtin:0614141.107346.2017',
      'https://id.gs1.org/01/09780345418913/21/765tz',
      'https://id.gs1.org/01/0978/21/a%2Fb?x=1#f',
      'http://[::1]:8080/x',
      'geo:47.5,11.1',
      'ex:temp',
      'urn:',
      'a:/',
      'a://',
      'a:b c',
      'no-scheme',
      '1abc:x',
      'https:///x',
      'https://h/é',
      'mailto:a@b',
      'urn:x/y//z',
    ]) {
      expect(isUri(v), v).toBe(ajvUri(v));
    }
  });

  it('on random strings built from URI characters (property)', () => {
    const chars = fc.constantFrom(..."abcXYZ019:/?#[]@!$&'()*+,;=-._~% é".split(''));
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 24 }).map((a) => a.join('')),
        (s) => isUri(s) === ajvUri(s),
      ),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(
        fc.tuple(
          fc.constantFrom('urn:', 'https://', 'http://h', 'x:'),
          fc.array(chars, { maxLength: 24 }),
        ),
        ([p, a]) => {
          const s = p + a.join('');
          return isUri(s) === ajvUri(s);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('format: date-time agrees with ajv-formats and gives the instant', () => {
  it('on examples', () => {
    for (const v of [
      '2005-04-03T20:33:31.116000-06:00',
      '2005-04-03T20:33:31Z',
      '2005-04-03t20:33:31z',
      '2005-04-03 20:33:31+0100',
      '2005-04-03T20:33:31+01',
      '2005-04-03T20:33:31',
      '2005-02-29T00:00:00Z',
      '2004-02-29T00:00:00Z',
      '2005-13-01T00:00:00Z',
      '2016-12-31T23:59:60Z',
      '2016-12-31T22:59:60-01:00',
      '2016-12-31T22:59:60Z',
      '2005-04-03T24:00:00Z',
      '2005-04-03T20:33:31.Z',
      '0099-01-01T00:00:00Z',
    ]) {
      expect(!Number.isNaN(dateTimeMillis(v)), v).toBe(ajvDateTime(v));
    }
    expect(dateTimeMillis('2005-04-03T20:33:31.116000-06:00')).toBe(
      Date.parse('2005-04-04T02:33:31.116Z'),
    );
    expect(dateTimeMillis('0099-01-01T00:00:00Z')).toBe(Date.parse('0099-01-01T00:00:00Z'));
    // year 0 is a leap year (proleptic Gregorian), 1900 is not: 29 February 0000 is not 1 March
    // (found by the chain's property test; ECMAScript reads this strict ISO form exactly)
    expect(dateTimeMillis('0000-02-29T05:22:08Z')).toBe(Date.parse('0000-02-29T05:22:08Z'));
    expect(dateTimeMillis('0000-02-29T05:22:08-00:00')).toBe(Date.parse('0000-02-29T05:22:08Z'));
  });

  it('on random date-times (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.constantFrom('Z', '+08:00', '-05:30', '+0100', '+14'),
        fc.constantFrom('', '.1', '.123', '.123456'),
        (d, zone, frac) => {
          const s = `${d.toISOString().slice(0, 19)}${frac}${zone}`;
          return ajvDateTime(s) && !Number.isNaN(dateTimeMillis(s));
        },
      ),
    );
  });

  it('reads offsets', () => {
    expect(writtenOffsetMinutes('2005-04-03T20:33:31-06:00')).toBe(-360);
    expect(writtenOffsetMinutes('2005-04-03T20:33:31Z')).toBe(0);
    expect(writtenOffsetMinutes('2005-04-03T20:33:31+0530')).toBe(330);
    expect(offsetMinutes('+08:00')).toBe(480);
    expect(offsetMinutes('bad')).toBeUndefined();
  });
});
