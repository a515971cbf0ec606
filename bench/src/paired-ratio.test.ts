import { describe, expect, it } from 'vitest';
import { median, medianInterval, pairedRatios } from './paired-ratio.js';

describe('pairedRatios', () => {
  it('divides round by round and leaves out rounds without two positive rates', () => {
    expect(pairedRatios([10, 20, 30, 0, 50], [5, 40, Number.NaN, 1, 25, 99])).toEqual([2, 0.5, 2]);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('medianInterval (binomial sign-test interval)', () => {
  const values = (n: number) => Array.from({ length: n }, (_, i) => n - i); // n … 1, unsorted

  it('15 values: the 4th smallest to the 4th largest, 1 − 2·576/32768 = 96.48 % confidence', () => {
    // P(B ≤ 3) for B ~ Bin(15, ½) = (1 + 15 + 105 + 455) / 2^15 = 576 / 32768 = 0.0176 ≤ 0.025;
    // P(B ≤ 4) = 1941 / 32768 = 0.059 > 0.025, so k = 4
    expect(medianInterval(values(15))).toEqual({ low: 4, high: 12, confidence: 1 - 1152 / 32768 });
  });

  it('9 values: the 2nd to the 8th, 1 − 2·10/512 = 96.09 % (the 3rd would give 82 %)', () => {
    expect(medianInterval(values(9))).toEqual({ low: 2, high: 8, confidence: 1 - 20 / 512 });
  });

  it('6 values: the whole range already has 1 − 2/64 = 96.9 %', () => {
    expect(medianInterval(values(6))).toEqual({ low: 1, high: 6, confidence: 1 - 2 / 64 });
  });

  it('too few values for 95 %: the whole range, with its lower confidence', () => {
    expect(medianInterval(values(5))).toEqual({ low: 1, high: 5, confidence: 1 - 2 / 32 });
    expect(medianInterval(values(3))).toEqual({ low: 1, high: 3, confidence: 0.75 });
    expect(medianInterval([7])).toEqual({ low: 7, high: 7, confidence: 0 });
    expect(medianInterval([])).toBeUndefined();
  });

  it('a lower level narrows the interval', () => {
    // 15 values at 80 %: P(B ≤ 5) = 4944 / 32768 = 0.151 > 0.1, P(B ≤ 4) = 0.059 ≤ 0.1: k = 5
    expect(medianInterval(values(15), 0.8)).toEqual({
      low: 5,
      high: 11,
      confidence: 1 - 3882 / 32768,
    });
  });
});
