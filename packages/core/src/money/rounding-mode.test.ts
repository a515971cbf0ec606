import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFoodSafetyError } from '../foodsafety-error.js';
import {
  divideAndRound,
  isRoundingMode,
  ROUNDING_MODES,
  type RoundingMode,
} from './rounding-mode.js';

describe('divideAndRound', () => {
  // The table in the RoundingMode TSDoc, worked by hand: x = 2.5, −2.5, 2.4, −2.6 (as n/10).
  const table: Record<RoundingMode, [bigint, bigint, bigint, bigint]> = {
    'half-up': [3n, -3n, 2n, -3n],
    'half-down': [2n, -2n, 2n, -3n],
    'half-even': [2n, -2n, 2n, -3n],
    bankers: [2n, -2n, 2n, -3n],
    up: [3n, -3n, 3n, -3n],
    down: [2n, -2n, 2n, -2n],
    ceiling: [3n, -2n, 3n, -2n],
    floor: [2n, -3n, 2n, -3n],
  };
  it.each(Object.entries(table))(
    '%s rounds 2.5, −2.5, 2.4, −2.6 as documented',
    (mode, expected) => {
      const got = [25n, -25n, 24n, -26n].map((n) => divideAndRound(n, 10n, mode as RoundingMode));
      expect(got).toEqual(expected);
    },
  );

  it("banker's rounding: 0.5 → 0, 1.5 → 2, 2.5 → 2, 3.5 → 4, −0.5 → 0, −1.5 → −2, −2.5 → −2", () => {
    expect(
      [5n, 15n, 25n, 35n, -5n, -15n, -25n].map((n) => divideAndRound(n, 10n, 'bankers')),
    ).toEqual([0n, 2n, 2n, 4n, 0n, -2n, -2n]);
  });

  it('handles negative denominators and exact quotients', () => {
    expect(divideAndRound(25n, -10n, 'half-up')).toBe(-3n);
    expect(divideAndRound(-25n, -10n, 'floor')).toBe(2n);
    for (const mode of ROUNDING_MODES) expect(divideAndRound(-30n, 10n, mode)).toBe(-3n);
  });

  it('throws MONEY_DIVISION_BY_ZERO and MONEY_ROUNDING_MODE_INVALID', () => {
    expect(() => divideAndRound(1n, 0n, 'floor')).toThrow(/MONEY_DIVISION_BY_ZERO/);
    let error: unknown;
    try {
      divideAndRound(1n, 3n, 'nearest' as RoundingMode);
    } catch (e) {
      error = e;
    }
    expect(isFoodSafetyError(error, 'MONEY_ROUNDING_MODE_INVALID')).toBe(true);
  });

  it('property: floor ≤ every mode ≤ ceiling, ceiling − floor ≤ 1, and bounds hold', () => {
    fc.assert(
      fc.property(
        fc.bigInt(),
        fc.bigInt().filter((d) => d !== 0n),
        (n, d) => {
          const floor = divideAndRound(n, d, 'floor');
          const ceiling = divideAndRound(n, d, 'ceiling');
          const ad = d < 0n ? -d : d;
          const sn = d < 0n ? -n : n; // n/d = sn/ad
          if (!(floor * ad <= sn && sn <= ceiling * ad && ceiling - floor <= 1n)) return false;
          for (const mode of ROUNDING_MODES) {
            const q = divideAndRound(n, d, mode);
            if (q < floor || q > ceiling) return false;
            if (mode.startsWith('half') || mode === 'bankers') {
              const error = q * ad - sn;
              if (2n * (error < 0n ? -error : error) > ad) return false;
            }
          }
          return true;
        },
      ),
    );
  });

  it('property: rounding is monotonic in the numerator', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt(), fc.bigInt({ min: 1n, max: 10n ** 12n }), (a, b, d) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return ROUNDING_MODES.every(
          (mode) => divideAndRound(lo, d, mode) <= divideAndRound(hi, d, mode),
        );
      }),
    );
  });

  it('recognises mode names', () => {
    expect(isRoundingMode('bankers')).toBe(true);
    expect(isRoundingMode('HALF_UP')).toBe(false);
    expect(isRoundingMode(undefined)).toBe(false);
  });
});
