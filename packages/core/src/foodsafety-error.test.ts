import { describe, expect, it } from 'vitest';
import { FoodSafetyError, isFoodSafetyError } from './foodsafety-error.js';

describe('FoodSafetyError', () => {
  it('carries a stable code, frozen params and the code in its message', () => {
    const params = { timeZone: 'Mars/Olympus' };
    const error = new FoodSafetyError('CALENDAR_TIME_ZONE_INVALID', 'unknown time zone', params);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('FoodSafetyError');
    expect(error.code).toBe('CALENDAR_TIME_ZONE_INVALID');
    expect(error.message).toBe('CALENDAR_TIME_ZONE_INVALID: unknown time zone');
    expect(error.params).toEqual(params);
    expect(Object.isFrozen(error.params)).toBe(true);
    expect(error.params).not.toBe(params); // a copy: the caller's object stays theirs
  });

  it('keeps a cause', () => {
    const cause = new RangeError('inner');
    expect(new FoodSafetyError('X_Y', 'outer', {}, { cause }).cause).toBe(cause);
  });

  it('is recognised, optionally by code', () => {
    const error = new FoodSafetyError('MONEY_DIVISION_BY_ZERO', 'cannot divide by zero');
    expect(isFoodSafetyError(error)).toBe(true);
    expect(isFoodSafetyError(error, 'MONEY_DIVISION_BY_ZERO')).toBe(true);
    expect(isFoodSafetyError(error, 'MONEY_RATE_INVALID')).toBe(false);
    expect(isFoodSafetyError(new Error('MONEY_DIVISION_BY_ZERO: x'))).toBe(false);
    expect(isFoodSafetyError({ code: 'MONEY_DIVISION_BY_ZERO' })).toBe(false);
  });
});
