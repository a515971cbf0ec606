import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFoodSafetyError } from '../foodsafety-error.js';
import { fen, type Money, toYuanString, yuan } from './money.js';
import {
  absMoney,
  addMoney,
  divideMoney,
  moneyRatio,
  multiplyMoney,
  negateMoney,
  percentOf,
  permilleOf,
  subtractMoney,
  sumMoney,
} from './money-arithmetic.js';
import { ROUNDING_MODES, type RoundingMode } from './rounding-mode.js';

function thrownCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isFoodSafetyError(e) ? e.code : 'not a FoodSafetyError';
  }
  return undefined;
}

const money = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map((n) => fen(n));

describe('addition and subtraction', () => {
  it('0.1 + 0.2 yuan is exactly 0.30 yuan', () => {
    const total = addMoney(yuan('0.1'), yuan('0.2'));
    expect(total.fen).toBe(30n);
    expect(toYuanString(total)).toBe('0.30');
  });

  it('negate, abs and sum', () => {
    expect(negateMoney(fen(5)).fen).toBe(-5n);
    expect(absMoney(fen(-5)).fen).toBe(5n);
    expect(absMoney(fen(5)).fen).toBe(5n);
    expect(sumMoney([]).fen).toBe(0n);
    expect(sumMoney([yuan('0.1'), yuan('0.2'), yuan('-0.05')]).fen).toBe(25n);
    expect(sumMoney(new Set([fen(1), fen(2)])).fen).toBe(3n);
  });

  it('refuses to mix currencies', () => {
    const usd = Object.freeze({ fen: 1n, currency: 'USD' }) as unknown as Money;
    expect(thrownCode(() => addMoney(fen(1), usd))).toBe('MONEY_CURRENCY_MISMATCH');
    expect(thrownCode(() => sumMoney([fen(1), usd]))).toBe('MONEY_CURRENCY_MISMATCH');
  });

  it('properties: commutative, associative, subtraction undoes addition', () => {
    fc.assert(
      fc.property(money, money, money, (a, b, c) => {
        return (
          addMoney(a, b).fen === addMoney(b, a).fen &&
          addMoney(addMoney(a, b), c).fen === addMoney(a, addMoney(b, c)).fen &&
          subtractMoney(addMoney(a, b), b).fen === a.fen &&
          addMoney(a, negateMoney(a)).fen === 0n
        );
      }),
    );
  });
});

describe('multiplyMoney by an exact rate', () => {
  // 3‰ of 1,234,567.89 yuan = 123,456,789 fen × 3/1000 = 370,370.367 fen (worked by hand).
  const sales = yuan('1234567.89');
  const expected: Record<RoundingMode, bigint> = {
    'half-up': 370370n,
    'half-down': 370370n,
    'half-even': 370370n,
    bankers: 370370n,
    up: 370371n,
    down: 370370n,
    ceiling: 370371n,
    floor: 370370n,
  };
  it.each(ROUNDING_MODES)('3‰ of 1,234,567.89 yuan in mode %s', (mode) => {
    expect(multiplyMoney(sales, '0.003', mode).fen).toBe(expected[mode]);
    expect(multiplyMoney(sales, '3‰', mode).fen).toBe(expected[mode]);
    expect(permilleOf(sales, 3, mode).fen).toBe(expected[mode]);
    expect(multiplyMoney(sales, { numerator: 3, denominator: 1000 }, mode).fen).toBe(
      expected[mode],
    );
  });

  it('3‰ of −1,234,567.89 yuan: −370,370.367 fen', () => {
    const refund = negateMoney(sales);
    expect(multiplyMoney(refund, '0.003', 'half-up').fen).toBe(-370370n);
    expect(multiplyMoney(refund, '0.003', 'up').fen).toBe(-370371n);
    expect(multiplyMoney(refund, '0.003', 'floor').fen).toBe(-370371n);
    expect(multiplyMoney(refund, '0.003', 'ceiling').fen).toBe(-370370n);
  });

  it('0.35% of 1,234,567.89 yuan = 432,098.7615 fen rounds up under half modes', () => {
    expect(percentOf(sales, '0.35', 'half-up').fen).toBe(432099n);
    expect(multiplyMoney(sales, '0.35%', 'half-even').fen).toBe(432099n);
    expect(multiplyMoney(sales, '0.0035', 'down').fen).toBe(432098n);
  });

  it('ties of 3‰: 500 fen → 1.5 fen, 2500 fen → 7.5 fen', () => {
    expect(permilleOf(fen(500), 3, 'half-up').fen).toBe(2n);
    expect(permilleOf(fen(500), 3, 'half-down').fen).toBe(1n);
    expect(permilleOf(fen(500), 3, 'half-even').fen).toBe(2n);
    expect(permilleOf(fen(2500), 3, 'half-even').fen).toBe(8n);
    expect(permilleOf(fen(2500), 3, 'half-down').fen).toBe(7n);
  });

  it('needs no rounding mode when the product is whole fen, and demands one otherwise', () => {
    expect(multiplyMoney(fen(1000), '0.003').fen).toBe(3n);
    expect(multiplyMoney(fen(7), 3).fen).toBe(21n);
    expect(multiplyMoney(fen(7), -2n).fen).toBe(-14n);
    expect(thrownCode(() => multiplyMoney(fen(1001), '0.003'))).toBe('MONEY_ROUNDING_REQUIRED');
  });

  it('refuses float rates and malformed rates', () => {
    expect(thrownCode(() => multiplyMoney(fen(1), 0.003, 'half-up'))).toBe('MONEY_RATE_INVALID');
    expect(thrownCode(() => multiplyMoney(fen(1), '3 percent', 'half-up'))).toBe(
      'MONEY_RATE_INVALID',
    );
    expect(thrownCode(() => multiplyMoney(fen(1), { numerator: 1, denominator: 0 }))).toBe(
      'MONEY_RATE_INVALID',
    );
  });
});

describe('divideMoney', () => {
  it("banker's rounding of x.5 fen: 0.5 → 0, 1.5 → 2, 2.5 → 2, −2.5 → −2", () => {
    expect([5, 15, 25, -25].map((n) => divideMoney(fen(n), 10, 'bankers').fen)).toEqual([
      0n,
      2n,
      2n,
      -2n,
    ]);
    expect(divideMoney(fen(-25), 10, 'half-up').fen).toBe(-3n);
  });

  it('divides by fractions and negative divisors exactly', () => {
    expect(divideMoney(fen(100), { numerator: 1, denominator: 3 }).fen).toBe(300n);
    expect(divideMoney(fen(100), '-0.5').fen).toBe(-200n);
    expect(divideMoney(fen(100), 3, 'half-up').fen).toBe(33n);
    expect(thrownCode(() => divideMoney(fen(100), 3))).toBe('MONEY_ROUNDING_REQUIRED');
    expect(thrownCode(() => divideMoney(fen(100), '0'))).toBe('MONEY_DIVISION_BY_ZERO');
  });

  it('property: multiplying by an integer then dividing by it gives the amount back', () => {
    fc.assert(
      fc.property(money, fc.integer({ min: 1, max: 10_000 }), (m, k) => {
        return divideMoney(multiplyMoney(m, k), k).fen === m.fen;
      }),
    );
  });
});

describe('moneyRatio', () => {
  it('gives the exact fraction in lowest terms', () => {
    expect(moneyRatio(fen(30), fen(120))).toEqual({ numerator: 1n, denominator: 4n });
    expect(moneyRatio(fen(-30), fen(-120))).toEqual({ numerator: 1n, denominator: 4n });
    expect(moneyRatio(fen(30), fen(-120))).toEqual({ numerator: -1n, denominator: 4n });
    expect(thrownCode(() => moneyRatio(fen(1), fen(0)))).toBe('MONEY_DIVISION_BY_ZERO');
  });
});
