import { fnv32, hashString32, SEED_A } from '../string-hash.js';

/**
 * Two different strings of equal length, `prefix` then eight digits, with the same
 * `hashString32` (a birthday search: about 2¹⁶ tries on average, up to a million for an unlucky
 * prefix). The prefix is hashed once and each try hashes only its digits; the final mix of
 * `hashString32` is one to one, so equal unmixed hashes are equal hashes. For tests of exact
 * collision handling.
 */
export function collidingPair(prefix: string): [string, string] {
  const start = fnv32(prefix, SEED_A);
  const digits = (i: number) => String(i).padStart(8, '0');
  // the tries so far by hash: an open-addressing table (a Map of a million entries is slow)
  const bits = 22;
  const hashes = new Int32Array(1 << bits);
  const tries = new Int32Array(1 << bits); // try + 1, 0 when empty
  for (let i = 0; i < 1 << (bits - 1); i += 1) {
    let h = start;
    for (let k = 10_000_000; k >= 1; k = Math.floor(k / 10)) {
      h = Math.imul(h ^ (48 + (Math.floor(i / k) % 10)), 0x01000193);
    }
    let slot = h >>> (32 - bits);
    while (tries[slot] !== 0 && hashes[slot] !== h) slot = (slot + 1) & ((1 << bits) - 1);
    if (tries[slot] === 0) {
      hashes[slot] = h;
      tries[slot] = i + 1;
      continue;
    }
    const other = (tries[slot] as number) - 1;
    const pair: [string, string] = [`${prefix}${digits(other)}`, `${prefix}${digits(i)}`];
    if (hashString32(pair[0], SEED_A) !== hashString32(pair[1], SEED_A))
      throw new Error('collidingPair: the unmixed hash is not hashString32 before its mix');
    return pair;
  }
  throw new Error(`collidingPair: no collision for ${prefix} in 2 million tries`);
}
