import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalQuantile } from './normal-quantile.js';

describe('normalQuantile', () => {
  it('gives the tabulated percentage points of the standard normal', () => {
    // Standard table values (e.g. Abramowitz & Stegun 26.2): z_0.975, z_0.95, z_0.995, z_0.8413…
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 14);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 14);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489004, 14);
    expect(normalQuantile(0.8413447460685429)).toBeCloseTo(1, 13);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('is accurate deep in the tails (AS 241 third branch)', () => {
    // Φ⁻¹(1e-10) = −6.361340902404056 (R qnorm(1e-10)).
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(normalQuantile(1e-300)).toBeCloseTo(-37.0471, 3);
  });

  it('returns the infinities at the ends and NaN outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.1)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });

  it('is odd about ½ and non-decreasing (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 0.5, noNaN: true }),
        fc.double({ min: 1e-6, max: 0.5, noNaN: true }),
        (p, q) => {
          // 1 − p is exact to ~1e-16, so the sum is ~1e-16 · 1/φ(z) ≤ ~1e-9 here.
          expect(normalQuantile(p) + normalQuantile(1 - p)).toBeCloseTo(0, 8);
          if (p < q) expect(normalQuantile(p)).toBeLessThanOrEqual(normalQuantile(q));
        },
      ),
    );
  });
});
