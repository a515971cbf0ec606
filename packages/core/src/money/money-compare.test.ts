import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fen, type Money, yuan } from './money.js';
import {
  compareMoney,
  isNegativeMoney,
  isPositiveMoney,
  isZeroMoney,
  maxMoney,
  minMoney,
  moneyEquals,
} from './money-compare.js';

describe('comparison', () => {
  it('orders amounts', () => {
    expect(compareMoney(fen(1), fen(2))).toBe(-1);
    expect(compareMoney(yuan('0.10'), fen(10))).toBe(0);
    expect(compareMoney(fen(-1), fen(-2))).toBe(1);
    const sorted = [fen(3), fen(-1), fen(2)].sort(compareMoney).map((m) => m.fen);
    expect(sorted).toEqual([-1n, 2n, 3n]);
  });

  it('equals, min, max and the sign tests', () => {
    expect(moneyEquals(yuan('1'), fen(100))).toBe(true);
    expect(moneyEquals(fen(1), fen(2))).toBe(false);
    expect(minMoney(fen(3), fen(-4), fen(2)).fen).toBe(-4n);
    expect(maxMoney(fen(3), fen(-4), fen(9)).fen).toBe(9n);
    expect(maxMoney(fen(7)).fen).toBe(7n);
    expect([isZeroMoney(fen(0)), isZeroMoney(fen(1))]).toEqual([true, false]);
    expect([isNegativeMoney(fen(-1)), isNegativeMoney(fen(0))]).toEqual([true, false]);
    expect([isPositiveMoney(fen(1)), isPositiveMoney(fen(0))]).toEqual([true, false]);
  });

  it('refuses to compare other currencies', () => {
    const usd = Object.freeze({ fen: 1n, currency: 'USD' }) as unknown as Money;
    expect(() => compareMoney(fen(1), usd)).toThrow(/MONEY_CURRENCY_MISMATCH/);
    expect(() => maxMoney(fen(1), usd)).toThrow(/MONEY_CURRENCY_MISMATCH/);
    expect(moneyEquals(fen(1), usd)).toBe(false);
  });

  it('property: compare is antisymmetric and agrees with equals', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt(), (a, b) => {
        const x = fen(a);
        const y = fen(b);
        return (
          compareMoney(x, y) === -compareMoney(y, x) &&
          (compareMoney(x, y) === 0) === moneyEquals(x, y)
        );
      }),
    );
  });
});
