import { describe, expect, it } from 'vitest';
import { isFoodSafetyError } from '../foodsafety-error.js';
import { rateToRational } from './rate.js';

describe('rateToRational', () => {
  it.each([
    ['0.003', 3n, 1000n],
    ['3‰', 3n, 1000n],
    ['0.3%', 3n, 1000n],
    ['0.30 %', 3n, 1000n],
    ['-1.50', -3n, 2n],
    ['2', 2n, 1n],
    ['0', 0n, 1n],
    [7, 7n, 1n],
    [-4n, -4n, 1n],
  ] as const)('%s is %d/%d', (rate, numerator, denominator) => {
    expect(rateToRational(rate)).toEqual({ numerator, denominator });
  });

  it('reduces fractions and moves the sign to the numerator', () => {
    expect(rateToRational({ numerator: 6, denominator: -8 })).toEqual({
      numerator: -3n,
      denominator: 4n,
    });
    expect(rateToRational({ numerator: 0n, denominator: 5n })).toEqual({
      numerator: 0n,
      denominator: 1n,
    });
  });

  it.each([
    0.003,
    Number.NaN,
    '1/3',
    '.5',
    '1e-3',
    '3 permille',
    '',
    { numerator: 1, denominator: 0 },
    { numerator: 0.5, denominator: 2 },
    null,
  ])('rejects %o with MONEY_RATE_INVALID', (rate) => {
    let error: unknown;
    try {
      rateToRational(rate as never);
    } catch (e) {
      error = e;
    }
    expect(isFoodSafetyError(error, 'MONEY_RATE_INVALID')).toBe(true);
  });
});
