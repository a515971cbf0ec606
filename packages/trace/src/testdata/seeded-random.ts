/**
 * The few draws the test-data generators need. `@foodsafety/core`'s `Random` (from
 * `createRandom(seed)`) satisfies this interface, so a caller can pass one in.
 */
export interface TestDataRandom {
  /** A float uniform on [0, 1). */
  nextFloat(): number;
  /** An integer uniform on [0, maxExclusive). */
  int(maxExclusive: number): number;
}

/**
 * A small seeded generator (mulberry32) used when no `random` is passed to a generator. It is
 * deterministic for a given 32-bit seed; not for cryptography.
 */
export function createTestDataRandom(seed: number): TestDataRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    nextFloat: next,
    int: (maxExclusive: number) => Math.floor(next() * maxExclusive),
  };
}

/** A random RFC 4122 version-4 UUID URN (`urn:uuid:…`) drawn from the generator. */
export function randomUuidUrn(random: TestDataRandom): string {
  const hex = '0123456789abcdef';
  let out = 'urn:uuid:';
  for (let i = 0; i < 32; i += 1) {
    if (i === 8 || i === 12 || i === 16 || i === 20) out += '-';
    let digit = random.int(16);
    if (i === 12) digit = 4;
    else if (i === 16) digit = 8 + (digit & 3);
    out += hex[digit];
  }
  return out;
}
