import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFoodSafetyError } from '../foodsafety-error.js';
import { fen, isMoney, moneyToJSON, toFenNumber, toYuanString, yuan, ZERO_MONEY } from './money.js';

function thrownCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isFoodSafetyError(e) ? e.code : 'not a FoodSafetyError';
  }
  return undefined;
}

describe('fen', () => {
  it('takes bigints, safe integers and integer strings', () => {
    expect(fen(123456n).fen).toBe(123456n);
    expect(fen(123456).fen).toBe(123456n);
    expect(fen('-84,500,000,000').fen).toBe(-84_500_000_000n);
    expect(fen(10n ** 30n).fen).toBe(10n ** 30n);
    expect(fen(0)).toEqual(ZERO_MONEY);
  });

  it('is a frozen CNY value', () => {
    const m = fen(5);
    expect(Object.isFrozen(m)).toBe(true);
    expect(m.currency).toBe('CNY');
    expect(isMoney(m)).toBe(true);
    expect(isMoney({ fen: 5, currency: 'CNY' })).toBe(false);
    expect(isMoney({ fen: 5n, currency: 'USD' })).toBe(false);
  });

  it.each([
    [1.5, 'MONEY_NOT_INTEGER_FEN'],
    [Number.NaN, 'MONEY_NOT_FINITE'],
    [Number.POSITIVE_INFINITY, 'MONEY_NOT_FINITE'],
    [2 ** 53, 'MONEY_UNSAFE_NUMBER'],
    ['12.5', 'MONEY_NOT_INTEGER_FEN'],
    ['1,2', 'MONEY_FORMAT_INVALID'],
    ['', 'MONEY_FORMAT_INVALID'],
  ])('rejects %s with %s', (value, code) => {
    expect(thrownCode(() => fen(value))).toBe(code);
  });
});

describe('yuan', () => {
  it('reads decimal strings exactly', () => {
    expect(yuan('1234.56').fen).toBe(123456n);
    expect(yuan('1,234.5').fen).toBe(123450n);
    expect(yuan('-0.01').fen).toBe(-1n);
    expect(yuan('845000000').fen).toBe(84_500_000_000n);
    expect(yuan('12.300').fen).toBe(1230n); // trailing zeros are not extra precision
    expect(yuan('99999999999999999999.99').fen).toBe(BigInt('9'.repeat(22)));
  });

  it('refuses more than two decimals unless a rounding mode is given', () => {
    expect(thrownCode(() => yuan('1.005'))).toBe('MONEY_TOO_MANY_DECIMALS');
    expect(yuan('1.005', 'half-up').fen).toBe(101n);
    expect(yuan('1.005', 'half-even').fen).toBe(100n);
    expect(yuan('1.015', 'half-even').fen).toBe(102n);
    expect(yuan('-1.005', 'floor').fen).toBe(-101n);
  });

  it('reads numbers through their shortest decimal form, refusing float artefacts', () => {
    expect(yuan(12.34).fen).toBe(1234n);
    expect(yuan(0.1).fen).toBe(10n);
    expect(yuan(100).fen).toBe(10000n);
    expect(yuan(-0).fen).toBe(0n);
    expect(thrownCode(() => yuan(1.005))).toBe('MONEY_TOO_MANY_DECIMALS');
    expect(thrownCode(() => yuan(0.1 + 0.2))).toBe('MONEY_TOO_MANY_DECIMALS');
    expect(thrownCode(() => yuan(Number.NaN))).toBe('MONEY_NOT_FINITE');
    expect(thrownCode(() => yuan(1e-7))).toBe('MONEY_TOO_MANY_DECIMALS');
    expect(yuan(1e-7, 'up').fen).toBe(1n);
    // 16 significant digits: a double need not be what was written.
    expect(thrownCode(() => yuan(12345678901234.56))).toBe('MONEY_UNSAFE_NUMBER');
    expect(yuan(1234567890123.45).fen).toBe(123456789012345n);
  });

  it.each(['1,2', '1,23.4', '.5', '5.', '1e5', 'abc', '¥5', '1 000', '+-1', '0x10'])(
    'rejects the malformed text %s',
    (text) => {
      expect(thrownCode(() => yuan(text))).toBe('MONEY_FORMAT_INVALID');
    },
  );

  it('refuses other types at run time (MONEY_TYPE_INVALID)', () => {
    expect(thrownCode(() => yuan(1n as never))).toBe('MONEY_TYPE_INVALID');
  });

  it('throws with an English message naming the value', () => {
    expect(() => yuan('1.005')).toThrow(
      'MONEY_TOO_MANY_DECIMALS: Amount 1.005 has 3 decimal places',
    );
  });
});

describe('conversions', () => {
  it('toYuanString writes two decimals exactly', () => {
    expect(toYuanString(fen(123456))).toBe('1234.56');
    expect(toYuanString(fen(-5))).toBe('-0.05');
    expect(toYuanString(fen(0))).toBe('0.00');
    expect(toYuanString(fen(84_500_000_000n))).toBe('845000000.00');
  });

  it('toFenNumber converts safe amounts and refuses the rest', () => {
    expect(toFenNumber(fen(-42))).toBe(-42);
    expect(toFenNumber(fen(BigInt(Number.MAX_SAFE_INTEGER)))).toBe(Number.MAX_SAFE_INTEGER);
    expect(thrownCode(() => toFenNumber(fen(2n ** 53n)))).toBe('MONEY_UNSAFE_NUMBER');
  });

  it('moneyToJSON is JSON-safe', () => {
    expect(JSON.stringify(moneyToJSON(fen(2n ** 70n)))).toBe(
      '{"fen":"1180591620717411303424","currency":"CNY"}',
    );
  });

  it('property: yuan(toYuanString(m)) is m', () => {
    fc.assert(fc.property(fc.bigInt(), (n) => yuan(toYuanString(fen(n))).fen === n));
  });
});
