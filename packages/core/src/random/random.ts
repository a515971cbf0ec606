import { describeValue } from '../describe-value.js';
import { FoodSafetyError } from '../foodsafety-error.js';
import { sampleStandardGamma } from './gamma.js';
import { fromWords, type Pcg32Words, pcg32FromState, pcg32Next, pcg32Seed } from './pcg32.js';
import { samplePoisson } from './poisson.js';
import { type RandomSeed, seedToKey } from './random-seed.js';
import { createSplitMix64, GOLDEN_GAMMA, mix64 } from './splitmix64.js';

/**
 * The plain, JSON-serialisable state of a {@link Random}: enough to continue its sequence bit for
 * bit elsewhere (another worker thread, a saved run). 64-bit words are 16-digit lower-case hex.
 */
export interface RandomState {
  readonly algorithm: 'pcg32';
  /** The key the generator was derived from; child streams ({@link Random.stream}) derive from it. */
  readonly key: string;
  /** The PCG32 LCG state. */
  readonly state: string;
  /** The PCG32 increment (odd), i.e. the stream selector. */
  readonly increment: string;
  /** The cached second normal deviate of the polar method, or `null`. */
  readonly spare: number | null;
}

/**
 * A seeded pseudo-random generator (PCG32) with the draws a simulation needs. Deterministic: the
 * same seed gives the same sequence on every platform. Not for cryptography. Bad arguments
 * (a negative standard deviation, an empty list) are programmer errors and throw a
 * {@link FoodSafetyError} with a `RANDOM_*` code.
 */
export interface Random {
  /** The next 32-bit unsigned integer, uniform on [0, 2^32). */
  nextUint32(): number;
  /** A float uniform on [0, 1) with 53 random bits (every multiple of 2^-53 equally likely). */
  nextFloat(): number;
  /**
   * An integer uniform on [0, maxExclusive), without modulo bias (PCG's debiased modulo for
   * bounds up to 2^32, rejection on 53 bits above). `maxExclusive` is an integer in [1, 2^53].
   */
  int(maxExclusive: number): number;
  /**
   * Fill `target` with independent draws of `int(maxExclusive)`: exactly the values, and the
   * generator state, that `target.length` calls of `int` in order would give, at a fraction of
   * the cost per draw (for bootstrap resampling and other bulk index draws). Returns `target`.
   */
  fillInt<T extends Int32Array | Uint32Array | Float64Array | number[]>(
    target: T,
    maxExclusive: number,
  ): T;
  /** An integer uniform on [min, max], both safe integers with min ≤ max. */
  intBetween(min: number, max: number): number;
  /** A float uniform on [a, b) (finite, a ≤ b; `a` when they are equal). */
  uniform(a: number, b: number): number;
  /** `true` with probability p ∈ [0, 1]. */
  chance(p: number): boolean;
  /** A normal deviate (Marsaglia's polar method; the second deviate of each pair is cached). */
  normal(mean?: number, sd?: number): number;
  /** exp of a normal deviate with the given log-mean `mu` and log-sd `sigma`. */
  lognormal(mu?: number, sigma?: number): number;
  /** An exponential deviate with the given rate (mean 1/rate). */
  exponential(rate?: number): number;
  /** A Poisson deviate with mean λ ≥ 0 (Knuth below 10, PTRS from 10 on; exact for every λ). */
  poisson(lambda: number): number;
  /** A gamma deviate with shape k > 0 and scale θ > 0 (mean kθ), by Marsaglia–Tsang. */
  gamma(shape: number, scale?: number): number;
  /** A beta deviate with shapes a, b > 0, as X/(X+Y) of two gammas. */
  beta(a: number, b: number): number;
  /**
   * A point of the simplex drawn from Dirichlet(alphas): non-negative numbers summing to 1 whose
   * i-th mean is alphas[i] / Σ alphas. Every alpha must be finite and > 0.
   */
  dirichlet(alphas: readonly number[]): number[];
  /** A uniformly shuffled copy of the items (Fisher–Yates); the input is not touched. */
  shuffle<T>(items: readonly T[]): T[];
  /** One item chosen uniformly from a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /**
   * A new, independent generator seeded from this one's next 64 bits (this one advances). Use it
   * to hand a sub-task its own stream; the result depends on how many draws were made before.
   */
  split(): Random;
  /**
   * The `index`-th child stream: a generator that depends only on this generator's key and the
   * index, not on how many draws were made. `createRandom(seed).stream(i)` gives the same
   * sequence in a worker as in a single-threaded loop, so parallel runs reproduce serial ones.
   */
  stream(index: number): Random;
  /** A plain JSON-serialisable snapshot; {@link restoreRandom} continues from it. */
  getState(): RandomState;
}

const TWO_POW_32 = 4_294_967_296;
const TWO_POW_53 = 9_007_199_254_740_992;
const STREAM_SALT = 0x5f3c_2a9e_71d4_b803n;

function badParameter(name: string, value: unknown, expected: string): FoodSafetyError {
  return new FoodSafetyError(
    'RANDOM_PARAMETER_INVALID',
    `${name} must be ${expected}, got ${describeValue(value)}`,
    { name, value: describeValue(value), expected },
  );
}

function requireFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) throw badParameter(name, value, 'a finite number');
}

function requirePositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw badParameter(name, value, 'finite and > 0');
}

function requireNonNegative(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) throw badParameter(name, value, 'finite and ≥ 0');
}

function hex64(value: bigint): string {
  return value.toString(16).padStart(16, '0');
}

class Pcg32Random implements Random {
  readonly #w: Pcg32Words;
  readonly #key: bigint;
  #spare: number | null;
  readonly #nextFloat = (): number => this.nextFloat();
  readonly #nextNormal = (): number => this.normal();

  constructor(words: Pcg32Words, key: bigint, spare: number | null) {
    this.#w = words;
    this.#key = key;
    this.#spare = spare;
  }

  nextUint32(): number {
    return pcg32Next(this.#w);
  }

  nextFloat(): number {
    const hi = pcg32Next(this.#w) >>> 5;
    const lo = pcg32Next(this.#w) >>> 6;
    return (hi * 67_108_864 + lo) / TWO_POW_53;
  }

  int(maxExclusive: number): number {
    const n = maxExclusive;
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_53) {
      throw new FoodSafetyError(
        'RANDOM_BOUND_INVALID',
        `int(n) needs an integer n in [1, 2^53], got ${describeValue(n)}`,
        { value: describeValue(n) },
      );
    }
    if (n <= TWO_POW_32) {
      // Debiased modulo: reject the 2^32 mod n lowest outputs, then reduce.
      const threshold = (TWO_POW_32 - n) % n;
      for (;;) {
        const x = pcg32Next(this.#w);
        if (x >= threshold) return x % n;
      }
    }
    const limit = TWO_POW_53 - (TWO_POW_53 % n);
    for (;;) {
      const x = (pcg32Next(this.#w) >>> 11) * TWO_POW_32 + pcg32Next(this.#w);
      if (x < limit) return x % n;
    }
  }

  fillInt<T extends Int32Array | Uint32Array | Float64Array | number[]>(
    target: T,
    maxExclusive: number,
  ): T {
    const n = maxExclusive;
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_53) {
      throw new FoodSafetyError(
        'RANDOM_BOUND_INVALID',
        `fillInt(target, n) needs an integer n in [1, 2^53], got ${describeValue(n)}`,
        { value: describeValue(n) },
      );
    }
    if (n > TWO_POW_32) {
      // 53-bit rejection: the general path, one draw at a time
      for (let i = 0; i < target.length; i++) target[i] = this.int(n);
      return target;
    }
    if (n > 2_147_483_648 && target instanceof Int32Array) {
      throw new FoodSafetyError(
        'RANDOM_BOUND_INVALID',
        `fillInt into an Int32Array needs a bound ≤ 2^31, got ${describeValue(n)}`,
        { value: describeValue(n) },
      );
    }
    const w = this.#w;
    const threshold = (TWO_POW_32 - n) % n;
    for (let i = 0; i < target.length; i++) {
      let x = pcg32Next(w);
      while (x < threshold) x = pcg32Next(w);
      // x mod n without a floating-point remainder call. The floor is exact: when x/n is below
      // an integer k it is below by at least 1/n, and the division's rounding error is at most
      // k·2^-53, which is smaller because k·n ≤ x + n < 2^53.
      target[i] = x - n * Math.floor(x / n);
    }
    return target;
  }

  intBetween(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
      throw new FoodSafetyError(
        'RANDOM_BOUND_INVALID',
        `intBetween(min, max) needs safe integers with min ≤ max, got ${describeValue(min)}, ${describeValue(max)}`,
        { min: describeValue(min), max: describeValue(max) },
      );
    }
    const span = max - min + 1;
    if (span > TWO_POW_53) {
      throw new FoodSafetyError(
        'RANDOM_BOUND_INVALID',
        `intBetween(min, max) spans more than 2^53 values`,
        { min: describeValue(min), max: describeValue(max) },
      );
    }
    return min + this.int(span);
  }

  uniform(a: number, b: number): number {
    requireFinite('a', a);
    requireFinite('b', b);
    if (a > b) {
      throw new FoodSafetyError(
        'RANDOM_BOUND_INVALID',
        `uniform(a, b) needs a ≤ b, got ${a}, ${b}`,
        {
          a,
          b,
        },
      );
    }
    const x = a + (b - a) * this.nextFloat();
    // Rounding can reach b when the interval is huge; keep the upper bound open.
    return x < b || a === b ? x : a;
  }

  chance(p: number): boolean {
    if (!(p >= 0 && p <= 1)) throw badParameter('p', p, 'a probability in [0, 1]');
    return this.nextFloat() < p;
  }

  normal(mean = 0, sd = 1): number {
    requireFinite('mean', mean);
    requireNonNegative('sd', sd);
    const spare = this.#spare;
    if (spare !== null) {
      this.#spare = null;
      return mean + sd * spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.nextFloat() - 1;
      v = 2 * this.nextFloat() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.#spare = v * m;
    return mean + sd * (u * m);
  }

  lognormal(mu = 0, sigma = 1): number {
    requireFinite('mu', mu);
    requireNonNegative('sigma', sigma);
    return Math.exp(this.normal(mu, sigma));
  }

  exponential(rate = 1): number {
    requirePositive('rate', rate);
    return -Math.log1p(-this.nextFloat()) / rate;
  }

  poisson(lambda: number): number {
    requireNonNegative('lambda', lambda);
    return samplePoisson(this.#nextFloat, lambda);
  }

  gamma(shape: number, scale = 1): number {
    requirePositive('shape', shape);
    requirePositive('scale', scale);
    return sampleStandardGamma(this.#nextFloat, this.#nextNormal, shape) * scale;
  }

  beta(a: number, b: number): number {
    requirePositive('a', a);
    requirePositive('b', b);
    const x = sampleStandardGamma(this.#nextFloat, this.#nextNormal, a);
    const y = sampleStandardGamma(this.#nextFloat, this.#nextNormal, b);
    const total = x + y;
    // Both underflowed (tiny shapes): the limit law puts mass a/(a+b) on 1.
    if (total === 0) return this.nextFloat() < a / (a + b) ? 1 : 0;
    return x / total;
  }

  dirichlet(alphas: readonly number[]): number[] {
    if (alphas.length === 0) {
      throw new FoodSafetyError('RANDOM_EMPTY_INPUT', 'dirichlet needs at least one alpha', {
        name: 'alphas',
      });
    }
    alphas.forEach((alpha, i) => {
      requirePositive(`alphas[${i}]`, alpha);
    });
    const draws = alphas.map((alpha) =>
      sampleStandardGamma(this.#nextFloat, this.#nextNormal, alpha),
    );
    let total = 0;
    for (const d of draws) total += d;
    if (total === 0) {
      // Every gamma underflowed (all alphas tiny): the limit law is a vertex of the simplex,
      // vertex i with probability alphas[i] / Σ alphas.
      let alphaSum = 0;
      for (const a of alphas) alphaSum += a;
      let target = this.nextFloat() * alphaSum;
      let chosen = alphas.length - 1;
      for (let i = 0; i < alphas.length; i++) {
        target -= alphas[i] as number;
        if (target < 0) {
          chosen = i;
          break;
        }
      }
      return alphas.map((_, i) => (i === chosen ? 1 : 0));
    }
    return draws.map((d) => d / total);
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) {
      throw new FoodSafetyError('RANDOM_EMPTY_INPUT', 'pick needs a non-empty list', {
        name: 'items',
      });
    }
    return items[this.int(items.length)] as T;
  }

  split(): Random {
    const hi = pcg32Next(this.#w);
    const lo = pcg32Next(this.#w);
    return fromKey(mix64(fromWords(hi, lo) ^ this.#key ^ GOLDEN_GAMMA));
  }

  stream(index: number): Random {
    if (!Number.isSafeInteger(index) || index < 0) {
      throw new FoodSafetyError(
        'RANDOM_STREAM_INDEX_INVALID',
        `a stream index must be a non-negative safe integer, got ${describeValue(index)}`,
        { index: describeValue(index) },
      );
    }
    // mix64 is a bijection, so distinct indices always give distinct child keys.
    return fromKey(mix64(this.#key ^ mix64(BigInt(index) + STREAM_SALT)));
  }

  getState(): RandomState {
    const w = this.#w;
    return {
      algorithm: 'pcg32',
      key: hex64(this.#key),
      state: hex64(fromWords(w[0] as number, w[1] as number)),
      increment: hex64(fromWords(w[2] as number, w[3] as number)),
      spare: this.#spare,
    };
  }
}

function fromKey(key: bigint): Random {
  const seeder = createSplitMix64(key);
  const initstate = seeder.next();
  const initseq = seeder.next();
  return new Pcg32Random(pcg32Seed(initstate, initseq), key, null);
}

/**
 * A generator from one seed (a safe integer, a bigint or a string). The seed becomes a 64-bit
 * key; SplitMix64 seeded with the key gives PCG32's `initstate` and then its `initseq`, which
 * are applied as pcg-c-basic's `pcg32_srandom_r` does.
 *
 * @example
 * const rng = createRandom(2017);
 * const claims = rng.poisson(3.2);
 * const workers = [0, 1, 2, 3].map((i) => rng.stream(i).getState()); // hand to worker threads
 */
export function createRandom(seed: RandomSeed): Random {
  return fromKey(seedToKey(seed));
}

/**
 * A generator seeded exactly like pcg-c-basic's `pcg32_srandom_r(rng, initstate, initseq)`
 * (arguments modulo 2^64), for reproducing published PCG32 sequences. Its key, from which
 * {@link Random.stream} derives children, is the SplitMix64 mix of the two arguments.
 */
export function createPcg32Random(initstate: bigint, initseq: bigint): Random {
  const key = mix64(BigInt.asUintN(64, initstate) ^ mix64(BigInt.asUintN(64, initseq)));
  return new Pcg32Random(pcg32Seed(initstate, initseq), key, null);
}

const HEX64 = /^[0-9a-f]{16}$/;

function invalidState(reason: string): FoodSafetyError {
  return new FoodSafetyError('RANDOM_STATE_INVALID', `not a random-generator state: ${reason}`, {
    reason,
  });
}

/**
 * A generator that continues exactly where the one that produced `state` (via
 * {@link Random.getState}) stood. The state is not retained or mutated. A malformed state is a
 * programmer error (`RANDOM_STATE_INVALID`).
 */
export function restoreRandom(state: RandomState): Random {
  if (typeof state !== 'object' || state === null) throw invalidState('not an object');
  if (state.algorithm !== 'pcg32') throw invalidState('algorithm is not pcg32');
  for (const field of ['key', 'state', 'increment'] as const) {
    const value: unknown = state[field];
    if (typeof value !== 'string' || !HEX64.test(value)) {
      throw invalidState(`${field} is not 16 lower-case hex digits`);
    }
  }
  const increment = BigInt(`0x${state.increment}`);
  if ((increment & 1n) === 0n) throw invalidState('increment is even');
  const spare: unknown = state.spare;
  if (spare !== null && !(typeof spare === 'number' && Number.isFinite(spare))) {
    throw invalidState('spare is neither null nor a finite number');
  }
  return new Pcg32Random(
    pcg32FromState(BigInt(`0x${state.state}`), increment),
    BigInt(`0x${state.key}`),
    spare,
  );
}
