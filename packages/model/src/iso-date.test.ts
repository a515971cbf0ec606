import { isFoodSafetyError } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  compareMoments,
  daysBetween,
  isoDateSchema,
  isoDateTimeSchema,
  requireMoment,
  shanghaiDate,
} from './iso-date.js';

describe('ISO date schemas', () => {
  it('accepts real dates and rejects impossible or badly formatted ones', () => {
    expect(isoDateSchema.safeParse('2016-02-29').success).toBe(true);
    expect(isoDateSchema.safeParse('2017-02-29').success).toBe(false);
    expect(isoDateSchema.safeParse('2017-9-1').success).toBe(false);
    expect(isoDateSchema.safeParse('2017-09-01T00:00:00+08:00').success).toBe(false);
  });

  it('requires an offset and seconds on date-times', () => {
    expect(isoDateTimeSchema.safeParse('2017-10-08T23:00:00+08:00').success).toBe(true);
    expect(isoDateTimeSchema.safeParse('2017-10-08T15:00:00Z').success).toBe(true);
    expect(isoDateTimeSchema.safeParse('2017-10-08T23:00:00').success).toBe(false);
    expect(isoDateTimeSchema.safeParse('2017-10-08T23:00+08:00').success).toBe(false);
  });
});

describe('Asia/Shanghai calendar days', () => {
  it('reads a date-time as the calendar day in +08:00', () => {
    expect(shanghaiDate('2017-10-08T23:00:00+08:00')).toBe('2017-10-08');
    expect(shanghaiDate('2017-10-08T15:59:59Z')).toBe('2017-10-08');
    expect(shanghaiDate('2017-10-08T16:00:00Z')).toBe('2017-10-09');
    expect(shanghaiDate('2017-10-08T00:30:00-05:00')).toBe('2017-10-08');
    expect(shanghaiDate('2017-10-08')).toBe('2017-10-08');
  });

  it('follows Shanghai time where it was not +08:00 (daylight saving 1986–1991)', () => {
    // 1988: UTC+09:00 from 10 April to 11 September, so 15:30Z on 15 June was 00:30 on the 16th.
    expect(shanghaiDate('1988-06-15T15:30:00Z')).toBe('1988-06-16');
    expect(shanghaiDate('1988-12-15T15:30:00Z')).toBe('1988-12-15');
  });

  it('agrees with core on which days exist (years 0001–9999)', () => {
    expect(isoDateSchema.safeParse('0000-01-01').success).toBe(false);
    expect(isoDateTimeSchema.safeParse('0000-06-01T00:00:00Z').success).toBe(false);
    expect(isoDateSchema.safeParse('0001-01-01').success).toBe(true);
    expect(daysBetween('0001-01-01', '0001-12-31')).toBe(364);
  });

  it('counts and adds calendar days across month and year ends', () => {
    expect(daysBetween('2017-10-08', '2017-10-09')).toBe(1);
    expect(daysBetween('2017-12-31', '2018-01-01')).toBe(1);
    expect(daysBetween('2016-02-28', '2016-03-01')).toBe(2);
    expect(daysBetween('2017-10-09', '2017-10-08')).toBe(-1);
    expect(addDays('2017-02-28', 1)).toBe('2017-03-01');
    expect(addDays('2017-01-01', -1)).toBe('2016-12-31');
  });

  it('adds years, clamping 29 February', () => {
    expect(addYears('2016-08-15', 5)).toBe('2021-08-15');
    expect(addYears('2016-02-29', 5)).toBe('2021-02-28');
    expect(addYears('2016-02-29', 4)).toBe('2020-02-29');
  });

  it('compares instants exactly and mixed values by calendar day', () => {
    expect(compareMoments('2017-10-08T23:00:00+08:00', '2017-10-08T15:00:00Z')).toBe(0);
    expect(compareMoments('2017-10-08T23:00:00+08:00', '2017-10-08T15:00:01Z')).toBe(-1);
    expect(compareMoments('2017-10-08', '2017-10-08T23:59:59+08:00')).toBe(0);
    expect(compareMoments('2017-10-08', '2017-10-08T16:00:00Z')).toBe(-1);
    expect(compareMoments('2017-10-09', '2017-10-08')).toBe(1);
  });

  it('throws the coded programmer error even for an argument String() cannot render', () => {
    expect(() => requireMoment(Object.create(null), 'asOf')).toThrow(/MODEL_ARGUMENT_INVALID/);
  });

  it('throws a coded programmer error for a bad date argument', () => {
    expect(requireMoment('2017-10-08', 'asOf')).toBe('2017-10-08');
    try {
      requireMoment('yesterday', 'asOf');
      expect.unreachable();
    } catch (error) {
      expect(isFoodSafetyError(error, 'MODEL_ARGUMENT_INVALID')).toBe(true);
    }
  });
});
