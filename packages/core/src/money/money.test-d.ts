import { describe, expectTypeOf, it } from 'vitest';
import type { Result } from '../result.js';
import { allocate } from './allocate.js';
import { formatMoney } from './format-money.js';
import { fen, type Money, yuan } from './money.js';
import { addMoney, multiplyMoney, sumMoney } from './money-arithmetic.js';
import { compareMoney } from './money-compare.js';
import { parseMoney } from './parse-money.js';

describe('Money types', () => {
  it('constructors and arithmetic return Money', () => {
    expectTypeOf(fen(1)).toEqualTypeOf<Money>();
    expectTypeOf(yuan('1.00')).toEqualTypeOf<Money>();
    expectTypeOf(addMoney(fen(1), fen(2))).toEqualTypeOf<Money>();
    expectTypeOf(multiplyMoney(fen(1), '0.003', 'half-up')).toEqualTypeOf<Money>();
    expectTypeOf(allocate(fen(100), [1, 1, 1])).toEqualTypeOf<Money[]>();
    expectTypeOf(parseMoney('1')).toEqualTypeOf<Result<Money>>();
    expectTypeOf(compareMoney(fen(1), fen(2))).toEqualTypeOf<-1 | 0 | 1>();
    expectTypeOf(formatMoney).returns.toEqualTypeOf<string>();
    expectTypeOf<Money['fen']>().toEqualTypeOf<bigint>();
  });

  it('rejects plain numbers, bigints and object literals where Money is needed', () => {
    // @ts-expect-error a number of yuan is not money
    addMoney(1, fen(2));
    // @ts-expect-error a bigint of fen is not money
    addMoney(fen(1), 2n);
    // @ts-expect-error an object literal lacks the brand: build money with fen() or yuan()
    addMoney({ fen: 1n, currency: 'CNY' }, fen(2));
    // @ts-expect-error a list of numbers is not a list of money
    sumMoney([1, 2]);
    // @ts-expect-error formatMoney needs money, not a number
    formatMoney(1234.56);
    expectTypeOf(addMoney).parameter(0).not.toEqualTypeOf<number>();
  });

  it('rejects unknown rounding modes, float-free yuan and mutation', () => {
    // @ts-expect-error not a rounding mode
    multiplyMoney(fen(1), '0.003', 'nearest');
    // @ts-expect-error yuan takes a string or a number, not a bigint
    yuan(1n);
    const m = fen(1);
    // @ts-expect-error money is immutable
    m.fen = 2n;
  });
});
