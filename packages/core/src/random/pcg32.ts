/**
 * The PCG32 generator (O'Neill 2014, "pcg32" = XSH-RR output on a 64-bit LCG state, as in
 * `pcg-c-basic`). The 64-bit state and increment are held as 32-bit halves in a `Uint32Array`
 * and advanced with `Math.imul` and 16-bit partial products, so the hot path allocates nothing
 * and uses no `bigint`.
 *
 * Layout of the four words: `[stateHi, stateLo, incHi, incLo]`.
 */

/** The LCG multiplier 6364136223846793005 = 0x5851F42D_4C957F2D, as halves. */
const MUL_HI = 0x5851f42d;
const MUL_LO = 0x4c957f2d;
const MUL_LO_0 = MUL_LO & 0xffff;
const MUL_LO_1 = MUL_LO >>> 16;

/** The raw words of a PCG32 generator: `[stateHi, stateLo, incHi, incLo]`. */
export type Pcg32Words = Uint32Array;

/**
 * Advance the state once (state = state × multiplier + increment mod 2^64) and return the
 * XSH-RR output computed from the old state.
 */
export function pcg32Next(w: Pcg32Words): number {
  const sh = w[0] as number;
  const sl = w[1] as number;
  // Output from the old state: xorshifted = ((old >> 18) ^ old) >> 27, truncated to 32 bits.
  const xh = sh ^ (sh >>> 18);
  const xl = sl ^ ((sl >>> 18) | (sh << 14));
  const xorshifted = (xl >>> 27) | (xh << 5);
  const rot = sh >>> 27;
  // Multiply: low 64 bits of (sh:sl) × (MUL_HI:MUL_LO).
  const a0 = sl & 0xffff;
  const a1 = sl >>> 16;
  const p00 = a0 * MUL_LO_0;
  const p10 = a1 * MUL_LO_0;
  const p01 = a0 * MUL_LO_1;
  const mid = (p00 >>> 16) + (p10 & 0xffff) + (p01 & 0xffff);
  const carryHi = a1 * MUL_LO_1 + (p10 >>> 16) + (p01 >>> 16) + (mid >>> 16);
  const lo = ((mid << 16) | (p00 & 0xffff)) >>> 0;
  const hi = carryHi + Math.imul(sh, MUL_LO) + Math.imul(sl, MUL_HI);
  // Add the increment with carry.
  const sumLo = lo + (w[3] as number);
  w[1] = sumLo;
  w[0] = hi + (w[2] as number) + (sumLo > 0xffff_ffff ? 1 : 0);
  return ((xorshifted >>> rot) | (xorshifted << (-rot & 31))) >>> 0;
}

function toWords(value: bigint): [number, number] {
  const v = BigInt.asUintN(64, value);
  return [Number(v >> 32n), Number(v & 0xffff_ffffn)];
}

/** The 64-bit value of two 32-bit halves. */
export function fromWords(hi: number, lo: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

/**
 * Seed PCG32 exactly like `pcg32_srandom_r(rng, initstate, initseq)` of pcg-c-basic: the
 * increment is `(initseq << 1) | 1`, the state starts at 0, steps once, adds `initstate`, and
 * steps again. Arguments are taken modulo 2^64.
 */
export function pcg32Seed(initstate: bigint, initseq: bigint): Pcg32Words {
  const [incHi, incLo] = toWords((BigInt.asUintN(64, initseq) << 1n) | 1n);
  const w = new Uint32Array([0, 0, incHi, incLo]);
  pcg32Next(w);
  const [addHi, addLo] = toWords(fromWords(w[0] as number, w[1] as number) + initstate);
  w[0] = addHi;
  w[1] = addLo;
  pcg32Next(w);
  return w;
}

/** PCG32 words from an explicit state and (odd) increment, as stored by `getState`. */
export function pcg32FromState(state: bigint, increment: bigint): Pcg32Words {
  const [sh, sl] = toWords(state);
  const [ih, il] = toWords(increment | 1n);
  return new Uint32Array([sh, sl, ih, il]);
}
