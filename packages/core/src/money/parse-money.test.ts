import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localizeDiagnostic } from '../diagnostic.js';
import type { Result } from '../result.js';
import { fen, type Money, moneyToJSON } from './money.js';
import { parseMoney } from './parse-money.js';

function value(result: Result<Money>): bigint | undefined {
  return result.ok ? result.value.fen : undefined;
}

function codes(result: Result<Money>): string[] {
  return result.diagnostics.map((d) => d.code);
}

describe('parseMoney: accepted forms', () => {
  it.each([
    ['1234.56', 123456n],
    ['1,234.56', 123456n],
    [' -0.5 ', -50n],
    ['¥1,234.56', 123456n],
    ['￥12', 1200n],
    ['-¥3.5', -350n],
    ['1234.56元', 123456n],
    ['CNY 12.30', 1230n],
    ['RMB 7', 700n],
    [12.34, 1234n],
    [0.1, 10n],
    [7n, 700n],
    [{ fen: 123 }, 123n],
    [{ fen: '84500000000', currency: 'CNY' }, 84_500_000_000n],
    [{ fen: 5n }, 5n],
    [{ yuan: '1.5', currency: 'CNY' }, 150n],
    [{ yuan: 2 }, 200n],
  ])('reads %o', (input, expected) => {
    const result = parseMoney(input);
    expect(result.diagnostics).toEqual([]);
    expect(value(result)).toBe(expected);
  });

  it('with unit fen reads bare values as whole fen', () => {
    expect(value(parseMoney(123456, { unit: 'fen' }))).toBe(123456n);
    expect(value(parseMoney('84,500,000,000', { unit: 'fen' }))).toBe(84_500_000_000n);
    expect(value(parseMoney(9n, { unit: 'fen' }))).toBe(9n);
  });

  it('passes a money value through and reads back moneyToJSON', () => {
    const m = fen(2n ** 80n);
    expect(parseMoney(m)).toEqual({ ok: true, value: m, diagnostics: [] });
    expect(value(parseMoney(JSON.parse(JSON.stringify(moneyToJSON(m)))))).toBe(2n ** 80n);
  });

  it('rounds extra decimals only when a rounding mode is given', () => {
    expect(value(parseMoney('1.005', { rounding: 'half-up' }))).toBe(101n);
    expect(value(parseMoney('1.005', { rounding: 'half-even' }))).toBe(100n);
  });

  it('does not mutate its input', () => {
    const input = Object.freeze({ fen: '12', currency: 'CNY' });
    const copy = structuredClone(input);
    parseMoney(input);
    expect(input).toEqual(copy);
  });
});

describe('parseMoney: diagnostics', () => {
  it.each([
    [Number.NaN, 'MONEY_NOT_FINITE'],
    [Number.POSITIVE_INFINITY, 'MONEY_NOT_FINITE'],
    [Number.NEGATIVE_INFINITY, 'MONEY_NOT_FINITE'],
    [1.005, 'MONEY_TOO_MANY_DECIMALS'],
    [0.1 + 0.2, 'MONEY_TOO_MANY_DECIMALS'],
    ['1,2', 'MONEY_FORMAT_INVALID'],
    ['1.2.3', 'MONEY_FORMAT_INVALID'],
    ['', 'MONEY_FORMAT_INVALID'],
    ['one yuan', 'MONEY_FORMAT_INVALID'],
    ['1.005', 'MONEY_TOO_MANY_DECIMALS'],
    [12345678901234.56, 'MONEY_UNSAFE_NUMBER'],
    ['USD 12.00', 'MONEY_CURRENCY_UNSUPPORTED'],
    [true, 'MONEY_TYPE_INVALID'],
    [null, 'MONEY_TYPE_INVALID'],
    [undefined, 'MONEY_TYPE_INVALID'],
    [[100], 'MONEY_TYPE_INVALID'],
    [{ amount: 100 }, 'MONEY_TYPE_INVALID'],
  ])('%o gives %s', (input, code) => {
    const result = parseMoney(input);
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual([code]);
    expect(result.diagnostics[0]?.severity).toBe('error');
  });

  it('with unit fen: 1.005 is not whole fen, 2^53 is not safe', () => {
    expect(codes(parseMoney(1.005, { unit: 'fen' }))).toEqual(['MONEY_NOT_INTEGER_FEN']);
    expect(codes(parseMoney('12.5', { unit: 'fen' }))).toEqual(['MONEY_NOT_INTEGER_FEN']);
    expect(codes(parseMoney(2 ** 53, { unit: 'fen' }))).toEqual(['MONEY_UNSAFE_NUMBER']);
  });

  it('points at the offending field under the given path', () => {
    const wrongCurrency = parseMoney(
      { fen: 100, currency: 'USD' },
      { path: ['policies', 3, 'premium'] },
    );
    expect(wrongCurrency.diagnostics).toMatchObject([
      {
        code: 'MONEY_CURRENCY_UNSUPPORTED',
        path: ['policies', 3, 'premium', 'currency'],
        params: { currency: 'USD' },
      },
    ]);
    const both = parseMoney({ fen: 1.5, currency: 'HKD' });
    expect(both.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['MONEY_CURRENCY_UNSUPPORTED', ['currency']],
      ['MONEY_NOT_INTEGER_FEN', ['fen']],
    ]);
    expect(parseMoney({ fen: true }).diagnostics[0]).toMatchObject({
      code: 'MONEY_TYPE_INVALID',
      path: ['fen'],
    });
    expect(parseMoney('x', { path: ['a'] }).diagnostics[0]?.path).toEqual(['a']);
  });

  it('shows a function it cannot convert to text instead of throwing', () => {
    // String() throws on a function without a prototype (or whose toString throws)
    const bare = Object.setPrototypeOf(function amount() {}, null) as unknown;
    expect(
      parseMoney(bare, { path: ['premium'] }).diagnostics.map((d) => [d.code, d.path, d.params]),
    ).toEqual([
      ['MONEY_TYPE_INVALID', ['premium'], { value: 'function amount', type: 'function' }],
    ]);
    expect(
      parseMoney({ fen: 1, currency: bare }).diagnostics.map((d) => [d.code, d.path, d.params]),
    ).toEqual([['MONEY_CURRENCY_UNSUPPORTED', ['currency'], { currency: 'function amount' }]]);
    expect(parseMoney(Symbol('x')).diagnostics[0]?.params?.value).toBe('Symbol(x)');
  });

  it('refuses negative amounts when asked', () => {
    expect(codes(parseMoney('-1', { nonNegative: true }))).toEqual(['MONEY_NEGATIVE']);
    expect(value(parseMoney('0', { nonNegative: true }))).toBe(0n);
  });

  it('has messages in English and Chinese', () => {
    const [d] = parseMoney(1.005).diagnostics;
    expect(d?.message).toBe(
      'Amount 1.005 has 3 decimal places; yuan amounts have at most 2 (fen) unless a rounding mode is given',
    );
    expect(d && localizeDiagnostic(d, 'zh-CN').message).toBe(
      '金额 1.005 有 3 位小数；以元计的金额最多 2 位（到分），除非指定舍入方式',
    );
    const [c] = parseMoney({ fen: 1, currency: 'USD' }).diagnostics;
    expect(c && localizeDiagnostic(c, 'zh-CN').message).toBe(
      '不支持币种 USD，仅支持 CNY（人民币）',
    );
    const [f] = parseMoney('1,2').diagnostics;
    expect(f?.message).toBe('"1,2" is not a decimal amount such as 1234.56 or 1,234.56');
  });

  it('property: never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true }), (input) => {
        const result = parseMoney(input);
        return result.ok ? typeof result.value.fen === 'bigint' : result.diagnostics.length > 0;
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseMoney(text);
        return result.ok || result.diagnostics.every((d) => d.code.startsWith('MONEY_'));
      }),
    );
  });
});
