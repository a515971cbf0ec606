import { hashString32, SEED_A } from '../string-hash.js';

/**
 * Two different strings of equal length, `prefix` then eight digits, with the same
 * `hashString32` (a birthday search: about 2¹⁶ tries). For tests of exact collision handling.
 */
export function collidingPair(prefix: string): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i += 1) {
    const s = `${prefix}${String(i).padStart(8, '0')}`;
    const h = hashString32(s, SEED_A);
    const other = seen.get(h);
    if (other !== undefined) return [other, s];
    seen.set(h, s);
  }
}
