import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFoodSafetyError } from '../foodsafety-error.js';
import { allocate, allocateEvenly } from './allocate.js';
import { fen, yuan } from './money.js';

function fens(parts: readonly { fen: bigint }[]): bigint[] {
  return parts.map((p) => p.fen);
}

function thrownCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isFoodSafetyError(e) ? e.code : 'not a FoodSafetyError';
  }
  return undefined;
}

describe('allocate', () => {
  it('100 fen in 1:1:1 is 34, 33, 33', () => {
    expect(fens(allocate(fen(100), [1, 1, 1]))).toEqual([34n, 33n, 33n]);
  });

  it('−100 fen in 1:1:1 is −34, −33, −33', () => {
    expect(fens(allocate(fen(-100), [1, 1, 1]))).toEqual([-34n, -33n, -33n]);
  });

  it('gives the leftover fen to the largest remainders: 10 fen in 1:2:4 is 1, 3, 6', () => {
    // Shares 10/7, 20/7, 40/7 = 1 r3, 2 r6, 5 r5; two fen left go to remainders 6 and 5.
    expect(fens(allocate(fen(10), [1, 2, 4]))).toEqual([1n, 3n, 6n]);
  });

  it('takes decimal and fractional ratios exactly; zero ratios get zero', () => {
    expect(fens(allocate(yuan('10'), ['0.5', '0.3', '0.2']))).toEqual([500n, 300n, 200n]);
    expect(fens(allocate(fen(10), [1, 0, 1]))).toEqual([5n, 0n, 5n]);
    expect(fens(allocate(fen(5), [1, 1, 1, 1, 1, 1, 1]))).toEqual([1n, 1n, 1n, 1n, 1n, 0n, 0n]);
    expect(
      fens(
        allocate(fen(100), [
          { numerator: 1, denominator: 3 },
          { numerator: 2, denominator: 3 },
        ]),
      ),
    ).toEqual([33n, 67n]);
  });

  it('does not mutate the ratios', () => {
    const ratios = Object.freeze([3, 1]);
    allocate(fen(7), ratios);
    expect(ratios).toEqual([3, 1]);
  });

  it('rejects bad ratios with MONEY_RATIOS_INVALID', () => {
    expect(thrownCode(() => allocate(fen(1), []))).toBe('MONEY_RATIOS_INVALID');
    expect(thrownCode(() => allocate(fen(1), [0, 0]))).toBe('MONEY_RATIOS_INVALID');
    expect(thrownCode(() => allocate(fen(1), [1, -1]))).toBe('MONEY_RATIOS_INVALID');
    expect(thrownCode(() => allocate(fen(1), [0.5]))).toBe('MONEY_RATE_INVALID');
  });

  it('property: parts sum to the whole, each within one fen of its exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.array(fc.nat(1000), { minLength: 1, maxLength: 12 }).filter((r) => r.some((x) => x > 0)),
        (amount, ratios) => {
          const parts = fens(allocate(fen(amount), ratios));
          const total = BigInt(ratios.reduce((a, b) => a + b, 0));
          if (parts.reduce((a, b) => a + b, 0n) !== amount) return false;
          return parts.every((p, i) => {
            const exactTimesTotal = amount * BigInt(ratios[i] as number);
            const diff = p * total - exactTimesTotal;
            return (diff < 0n ? -diff : diff) < total;
          });
        },
      ),
    );
  });

  it('property: allocating −x is the negation of allocating x', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 6 }),
        (amount, ratios) => {
          const pos = fens(allocate(fen(amount), ratios));
          const neg = fens(allocate(fen(-amount), ratios));
          return pos.every((p, i) => neg[i] === -p);
        },
      ),
    );
  });
});

describe('allocateEvenly', () => {
  it('splits as evenly as possible, extra fen first', () => {
    expect(fens(allocateEvenly(fen(100), 3))).toEqual([34n, 33n, 33n]);
    expect(fens(allocateEvenly(fen(-100), 3))).toEqual([-34n, -33n, -33n]);
    expect(fens(allocateEvenly(fen(2), 4))).toEqual([1n, 1n, 0n, 0n]);
    expect(fens(allocateEvenly(yuan('845000000'), 464)).reduce((a, b) => a + b, 0n)).toBe(
      84_500_000_000n,
    );
  });

  it('rejects a count that is not a positive integer', () => {
    expect(thrownCode(() => allocateEvenly(fen(1), 0))).toBe('MONEY_COUNT_INVALID');
    expect(thrownCode(() => allocateEvenly(fen(1), 1.5))).toBe('MONEY_COUNT_INVALID');
  });

  it('property: agrees with allocate over equal ratios', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.integer({ min: 1, max: 30 }),
        (a, n) => {
          const even = fens(allocateEvenly(fen(a), n));
          const viaRatios = fens(allocate(fen(a), new Array<number>(n).fill(1)));
          return JSON.stringify(even.map(String)) === JSON.stringify(viaRatios.map(String));
        },
      ),
    );
  });
});
