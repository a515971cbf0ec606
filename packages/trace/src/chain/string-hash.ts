/** The FNV-1a-style 32-bit hash of a string with a seed, without a final mix. Internal. */
export function fnv32(text: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** MurmurHash3's 32-bit finaliser: spreads every input bit over the whole word. Internal. */
export function fmix32(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/** A 32-bit FNV-1a-style hash of a string with a seed, finished with a murmur mix. Internal. */
export function hashString32(text: string, seed: number): number {
  return fmix32(fnv32(text, seed));
}

export const SEED_A = 0x811c9dc5;
