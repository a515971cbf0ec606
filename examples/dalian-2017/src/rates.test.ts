import { describe, expect, it } from 'vitest';
import { percent, ratio } from './rates.js';

describe('percent', () => {
  it('computes the public-nominated sampling pass rate from counts (CITY-PROGRAMME.md §3)', () => {
    // 565 batches sampled in public view, 5 failed: 560/565 = 99.115… % → 99.1 %, not the 99.2 % reported.
    expect(percent(560, 565)).toBe('99.1 %');
  });

  it('rounds half-up exactly', () => {
    expect(percent(1, 8, 1)).toBe('12.5 %');
    expect(percent(1, 16, 1)).toBe('6.3 %');
    expect(percent(2, 3, 0)).toBe('67 %');
    expect(percent(1, 0)).toBe('n/a');
  });
});

describe('ratio', () => {
  it('computes the 2016 sampling growth: 36 000 / 20 300 = 1.77, not "1.8 times"', () => {
    expect(ratio(36_000, 20_300)).toBe('1.77');
  });
});
