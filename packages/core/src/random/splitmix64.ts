/**
 * SplitMix64 (Steele, Lea and Flood 2014; Vigna's `splitmix64.c`): a 64-bit counter advanced by
 * the golden-ratio increment and passed through a bijective mixing function. It is used here
 * only to turn one seed into well-spread 64-bit words (PCG32 state and stream selector, child
 * stream keys), never in the hot path, so it works on `bigint`.
 */

const MASK64 = 0xffff_ffff_ffff_ffffn;
/** The SplitMix64 increment: 2^64 divided by the golden ratio, made odd. */
export const GOLDEN_GAMMA = 0x9e37_79b9_7f4a_7c15n;

/**
 * The SplitMix64 output function (a variant of MurmurHash3's finaliser): a bijection on 64-bit
 * words, so distinct inputs always give distinct outputs.
 */
export function mix64(value: bigint): bigint {
  let z = BigInt.asUintN(64, value);
  z = ((z ^ (z >> 30n)) * 0xbf58_476d_1ce4_e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d0_49bb_1331_11ebn) & MASK64;
  return z ^ (z >> 31n);
}

/** A SplitMix64 generator: each call of `next` returns the next unsigned 64-bit word. */
export interface SplitMix64 {
  next(): bigint;
}

/**
 * A SplitMix64 generator seeded with a 64-bit word (taken modulo 2^64). Matches the reference
 * `splitmix64.c`: seeded with 1234567 its first output is 6457827717110365317.
 */
export function createSplitMix64(seed: bigint): SplitMix64 {
  let state = BigInt.asUintN(64, seed);
  return {
    next(): bigint {
      state = (state + GOLDEN_GAMMA) & MASK64;
      return mix64(state);
    },
  };
}
