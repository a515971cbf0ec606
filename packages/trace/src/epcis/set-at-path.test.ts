import { describe, expect, it } from 'vitest';
import { setAtPath } from './set-at-path.js';

describe('setAtPath', () => {
  it('copies along the path only and leaves the input alone', () => {
    const input = Object.freeze({
      a: Object.freeze([1, Object.freeze({ b: 'x' })]),
      c: Object.freeze({ d: 1 }),
    });
    const out = setAtPath(input, ['a', 1, 'b'], 'y') as typeof input;
    expect(out).toEqual({ a: [1, { b: 'y' }], c: { d: 1 } });
    expect(input.a[1]).toEqual({ b: 'x' });
    expect(out.c).toBe(input.c);
  });

  it('defines __proto__ as an own key instead of changing the prototype', () => {
    const out = setAtPath({}, ['__proto__'], { polluted: true }) as Record<string, unknown>;
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
});
