import { describe, expect, it } from 'vitest';
import { isFoodSafetyError } from '../foodsafety-error.js';
import { fnv1a64, seedToKey } from './random-seed.js';

describe('seedToKey', () => {
  it('hashes strings with 64-bit FNV-1a (published FNV test values)', () => {
    expect(fnv1a64('')).toBe(0xcbf29ce484222325n);
    expect(fnv1a64('a')).toBe(0xaf63dc4c8601ec8cn);
    expect(fnv1a64('foobar')).toBe(0x85944171f73967e8n);
    expect(seedToKey('foobar')).toBe(0x85944171f73967e8n);
  });

  it('takes integers and bigints modulo 2^64', () => {
    expect(seedToKey(42)).toBe(42n);
    expect(seedToKey(-1)).toBe((1n << 64n) - 1n);
    expect(seedToKey(1n << 64n)).toBe(0n);
    expect(seedToKey(42)).not.toBe(seedToKey('42'));
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects %s', (seed) => {
    let error: unknown;
    try {
      seedToKey(seed);
    } catch (e) {
      error = e;
    }
    expect(isFoodSafetyError(error, 'RANDOM_SEED_INVALID')).toBe(true);
  });
});
