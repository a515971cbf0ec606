import { describe, expect, it } from 'vitest';
import { createSplitMix64, mix64 } from './splitmix64.js';

describe('splitmix64', () => {
  it('matches the published reference outputs for seed 1234567 (Rosetta Code, splitmix64.c)', () => {
    const sm = createSplitMix64(1234567n);
    expect([sm.next(), sm.next(), sm.next(), sm.next(), sm.next()]).toEqual([
      6457827717110365317n,
      3203168211198807973n,
      9817491932198370423n,
      4593380528125082431n,
      16408922859458223821n,
    ]);
  });

  it('matches the reference first outputs for seed 0', () => {
    const sm = createSplitMix64(0n);
    expect([sm.next(), sm.next()]).toEqual([0xe220a8397b1dcdafn, 0x6e789e6aa1b965f4n]);
  });

  it('takes the seed modulo 2^64', () => {
    const a = createSplitMix64(-1n);
    const b = createSplitMix64((1n << 64n) - 1n);
    expect(a.next()).toBe(b.next());
  });

  it('mix64 stays within 64 bits and is injective on a sample', () => {
    const seen = new Set<bigint>();
    for (let i = 0n; i < 1000n; i++) {
      const m = mix64(i);
      expect(m >= 0n && m < 1n << 64n).toBe(true);
      seen.add(m);
    }
    expect(seen.size).toBe(1000);
  });
});
