import { describe, expect, it } from 'vitest';
import { describeValue } from './describe-value.js';

describe('describeValue', () => {
  it('renders primitives as String does', () => {
    expect(describeValue(1.5)).toBe('1.5');
    expect(describeValue(-0)).toBe('0');
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue(12n)).toBe('12');
    expect(describeValue(true)).toBe('true');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(Symbol('s'))).toBe('Symbol(s)');
  });

  it('shows strings as they are and cuts long ones', () => {
    expect(describeValue('2017-10-01')).toBe('2017-10-01');
    expect(describeValue('x'.repeat(100))).toBe(`${'x'.repeat(57)}...`);
    expect(describeValue('abcdefghijkl', 10)).toBe('abcdefg...');
  });

  it('names dates, arrays, functions and objects', () => {
    expect(describeValue(new Date('2017-10-01T00:00:00Z'))).toBe('2017-10-01T00:00:00.000Z');
    expect(describeValue(new Date(Number.NaN))).toBe('Invalid Date');
    expect(describeValue([1, 2])).toBe('array');
    expect(describeValue(function named() {})).toBe('function named');
    expect(describeValue({ a: 1 })).toBe('object');
  });

  it('never throws where String would', () => {
    const bare = Object.create(null) as object;
    expect(() => String(bare)).toThrow(TypeError);
    expect(describeValue(bare)).toBe('object');
    const hostile = {
      toString() {
        throw new Error('no');
      },
    };
    expect(describeValue(hostile)).toBe('object');
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    expect(() => String(proxy)).toThrow(TypeError);
    expect(describeValue(proxy)).toBe('object');
  });
});
