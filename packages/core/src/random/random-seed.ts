import { describeValue } from '../describe-value.js';
import { FoodSafetyError } from '../foodsafety-error.js';

/**
 * What a generator can be seeded with: a safe integer, a `bigint` (both taken modulo 2^64), or a
 * string (hashed with 64-bit FNV-1a over its UTF-8 bytes, so `'run-2017'` is a fine seed). The
 * number 42 and the string `'42'` are different seeds.
 */
export type RandomSeed = number | bigint | string;

const FNV_OFFSET = 0xcbf2_9ce4_8422_2325n;
const FNV_PRIME = 0x100_0000_01b3n;

/** 64-bit FNV-1a over the UTF-8 bytes of a string. */
export function fnv1a64(text: string): bigint {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * FNV_PRIME);
  }
  return hash;
}

/**
 * The 64-bit key of a seed. Throws `RANDOM_SEED_INVALID` for a number that is not a safe
 * integer (a fractional, NaN or infinite seed is a programmer error, not something to round).
 */
export function seedToKey(seed: RandomSeed): bigint {
  if (typeof seed === 'bigint') return BigInt.asUintN(64, seed);
  if (typeof seed === 'string') return fnv1a64(seed);
  if (typeof seed === 'number' && Number.isSafeInteger(seed))
    return BigInt.asUintN(64, BigInt(seed));
  throw new FoodSafetyError(
    'RANDOM_SEED_INVALID',
    `a seed must be a safe integer, a bigint or a string, got ${describeValue(seed)}`,
    { seed: describeValue(seed) },
  );
}
