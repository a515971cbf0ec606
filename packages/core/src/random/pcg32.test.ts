import { describe, expect, it } from 'vitest';
import { fromWords, pcg32FromState, pcg32Next, pcg32Seed } from './pcg32.js';

// Published check values: pcg-c-basic's pcg32-demo seeds with pcg32_srandom_r(&rng, 42u, 54u)
// and prints, in "Round 1", 32bit: 0xa15c02b7 0x7b47f409 0xba1d3330 0x83d2f293 0xbfa4784b 0xcbed606e
const PCG32_DEMO_ROUND_1 = [0xa15c02b7, 0x7b47f409, 0xba1d3330, 0x83d2f293, 0xbfa4784b, 0xcbed606e];

/** A plain bigint implementation of the same recurrence, as an independent oracle. */
function referencePcg32(initstate: bigint, initseq: bigint): () => number {
  const mask = (1n << 64n) - 1n;
  const mul = 6364136223846793005n;
  const inc = ((initseq << 1n) | 1n) & mask;
  let state = 0n;
  const step = (): number => {
    const old = state;
    state = (old * mul + inc) & mask;
    const xorshifted = Number((((old >> 18n) ^ old) >> 27n) & 0xffffffffn);
    const rot = Number(old >> 59n);
    return ((xorshifted >>> rot) | (xorshifted << (-rot & 31))) >>> 0;
  };
  step();
  state = (state + initstate) & mask;
  step();
  return step;
}

describe('pcg32', () => {
  it('reproduces the pcg32-demo check values for initstate 42, initseq 54', () => {
    const w = pcg32Seed(42n, 54n);
    expect(PCG32_DEMO_ROUND_1.map(() => pcg32Next(w))).toEqual(PCG32_DEMO_ROUND_1);
  });

  it('agrees with a bigint oracle over many steps and awkward seeds (carries, high bits)', () => {
    for (const [s, q] of [
      [0n, 0n],
      [(1n << 64n) - 1n, (1n << 63n) - 1n],
      [0xffffffffn, 0x1_0000_0000n],
      [123456789012345678n, 987654321n],
    ] as const) {
      const w = pcg32Seed(s, q);
      const oracle = referencePcg32(s, q);
      for (let i = 0; i < 2000; i++) expect(pcg32Next(w)).toBe(oracle());
    }
  });

  it('returns unsigned 32-bit integers', () => {
    const w = pcg32Seed(1n, 2n);
    for (let i = 0; i < 1000; i++) {
      const x = pcg32Next(w);
      expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
    }
  });

  it('rebuilds words from an explicit state and forces the increment odd', () => {
    const w = pcg32FromState(0x0123456789abcdefn, 0x10n);
    expect(fromWords(w[0] as number, w[1] as number)).toBe(0x0123456789abcdefn);
    expect(fromWords(w[2] as number, w[3] as number)).toBe(0x11n);
  });
});
