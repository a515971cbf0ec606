import { describe, expect, it } from 'vitest';
import { logGamma } from './log-gamma.js';

describe('logGamma', () => {
  it('gives ln((n-1)!) at integers', () => {
    let factorial = 1;
    for (let n = 1; n <= 25; n++) {
      expect(logGamma(n)).toBeCloseTo(Math.log(factorial), 10);
      factorial *= n;
    }
  });

  it('gives ln Γ at half-integers and small arguments', () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 12);
    // Γ(0.1) = 9.513507698668731836…
    expect(logGamma(0.1)).toBeCloseTo(Math.log(9.513507698668732), 12);
  });

  it('is accurate for large arguments (ln 100! = 363.739375555563490…)', () => {
    expect(logGamma(101)).toBeCloseTo(363.7393755555635, 9);
  });
});
