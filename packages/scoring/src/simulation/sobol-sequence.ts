import { FoodSafetyError } from '@foodsafety/core';
import {
  SOBOL_COEFFICIENTS,
  SOBOL_DEGREES,
  SOBOL_INITIAL_NUMBERS,
  SOBOL_MAX_DIMENSIONS,
} from './sobol-directions.js';

/** Bits per coordinate: direction integers are 32-bit, so a sequence has at most 2^32 points. */
export const SOBOL_BITS = 32;
/** Number of points an unscrambled 32-bit Sobol' sequence can produce (2^32). */
export const SOBOL_MAX_POINTS = 2 ** SOBOL_BITS;
const SCALE = 2 ** -SOBOL_BITS;

export { SOBOL_MAX_DIMENSIONS };

/** Options of {@link sobolSequence}. */
export interface SobolSequenceOptions {
  /** Index of the first point to produce (0 = the origin). Default 0. */
  readonly skip?: number;
}

/**
 * An unscrambled Sobol' sequence (Joe–Kuo `new-joe-kuo-6.21201` direction numbers, Gray-code
 * order). It is a stateful cursor over the points: `next` writes the point at {@link index} and
 * advances. Points are written into caller-provided `Float64Array`s, so generating millions of
 * points allocates nothing per point.
 */
export interface SobolSequence {
  /** Number of coordinates per point. */
  readonly dimensions: number;
  /** Index (0-based) of the point the next call to `next` writes. */
  readonly index: number;
  /**
   * Write the current point into `out` at `offset` (default: a new array of `dimensions`
   * numbers) and advance by one.
   */
  next(out?: Float64Array, offset?: number): Float64Array;
  /**
   * Write `count` consecutive points, row-major (`count × dimensions`), into `out` at `offset`
   * (default: a new array) and advance by `count`.
   */
  fill(count: number, out?: Float64Array, offset?: number): Float64Array;
  /**
   * Like {@link SobolSequence.next} but writes the raw 32-bit integers: coordinate = integer ×
   * 2^-32.
   */
  nextIntegers(out: Uint32Array, offset?: number): Uint32Array;
  /** Move the cursor to point `index` in O(32 · dimensions), without generating the points between. */
  skipTo(index: number): SobolSequence;
}

/**
 * The direction integers V[d·32 + (k−1)] = m_k · 2^(32−k) of the first `dimensions` dimensions.
 * Dimension 1 is van der Corput (every m_k = 1); the others follow the Joe–Kuo recurrence
 * m_k = 2a_1 m_{k−1} ⊕ 4a_2 m_{k−2} ⊕ … ⊕ 2^{s−1}a_{s−1} m_{k−s+1} ⊕ 2^s m_{k−s} ⊕ m_{k−s}.
 */
function directionIntegers(dimensions: number): Uint32Array {
  const v = new Uint32Array(dimensions * SOBOL_BITS);
  const m = new Array<number>(SOBOL_BITS + 1).fill(0);
  let initialOffset = 0;
  for (let d = 0; d < dimensions; d++) {
    if (d === 0) {
      for (let k = 1; k <= SOBOL_BITS; k++) m[k] = 1;
    } else {
      const s = SOBOL_DEGREES[d - 1] as number;
      const a = SOBOL_COEFFICIENTS[d - 1] as number;
      for (let k = 1; k <= s; k++) m[k] = SOBOL_INITIAL_NUMBERS[initialOffset + k - 1] as number;
      initialOffset += s;
      for (let k = s + 1; k <= SOBOL_BITS; k++) {
        // 2^s m_{k-s} ⊕ m_{k-s}; values stay below 2^32, kept unsigned with >>> 0.
        let value = ((m[k - s] as number) << s) ^ (m[k - s] as number);
        for (let j = 1; j < s; j++) {
          const bit = (a >>> (s - 1 - j)) & 1;
          if (bit === 1) value ^= (m[k - j] as number) << j;
        }
        m[k] = value >>> 0;
      }
    }
    for (let k = 1; k <= SOBOL_BITS; k++) {
      v[d * SOBOL_BITS + k - 1] = (m[k] as number) << (SOBOL_BITS - k);
    }
  }
  return v;
}

/** Position (0-based) of the lowest zero bit of an unsigned 32-bit integer below 2^32 − 1. */
function lowestZeroBit(i: number): number {
  const lowest = ~i & (i + 1);
  return 31 - Math.clz32(lowest);
}

class SobolCursor implements SobolSequence {
  readonly dimensions: number;
  #index = 0;
  readonly #v: Uint32Array;
  readonly #x: Uint32Array;

  constructor(dimensions: number, skip: number) {
    this.dimensions = dimensions;
    this.#v = directionIntegers(dimensions);
    this.#x = new Uint32Array(dimensions);
    this.skipTo(skip);
  }

  get index(): number {
    return this.#index;
  }

  #advance(): void {
    const i = this.#index;
    if (i >= SOBOL_MAX_POINTS - 1) {
      this.#index = SOBOL_MAX_POINTS;
      return;
    }
    const c = lowestZeroBit(i >>> 0);
    const x = this.#x;
    const v = this.#v;
    for (let d = 0, o = c; d < x.length; d++, o += SOBOL_BITS)
      x[d] = (x[d] as number) ^ (v[o] as number);
    this.#index = i + 1;
  }

  #checkRemaining(count: number): void {
    if (this.#index + count > SOBOL_MAX_POINTS) {
      throw new FoodSafetyError(
        'SCORING_SOBOL_EXHAUSTED',
        `a ${SOBOL_BITS}-bit Sobol' sequence has ${SOBOL_MAX_POINTS} points; asked for point ${this.#index + count - 1}`,
        { index: this.#index, count },
      );
    }
  }

  next(out?: Float64Array, offset = 0): Float64Array {
    this.#checkRemaining(1);
    const target = out ?? new Float64Array(this.dimensions);
    const x = this.#x;
    for (let d = 0; d < x.length; d++) target[offset + d] = (x[d] as number) * SCALE;
    this.#advance();
    return target;
  }

  nextIntegers(out: Uint32Array, offset = 0): Uint32Array {
    this.#checkRemaining(1);
    out.set(this.#x, offset);
    this.#advance();
    return out;
  }

  fill(count: number, out?: Float64Array, offset = 0): Float64Array {
    checkCount(count, 'count');
    this.#checkRemaining(count);
    const dims = this.dimensions;
    const target = out ?? new Float64Array(count * dims);
    if (target.length < offset + count * dims) {
      throw new FoodSafetyError(
        'SCORING_SOBOL_BUFFER',
        `the output buffer holds ${target.length} numbers; ${offset + count * dims} are needed`,
        { length: target.length, needed: offset + count * dims },
      );
    }
    const x = this.#x;
    for (let p = 0, o = offset; p < count; p++, o += dims) {
      for (let d = 0; d < dims; d++) target[o + d] = (x[d] as number) * SCALE;
      this.#advance();
    }
    return target;
  }

  skipTo(index: number): SobolSequence {
    if (!Number.isInteger(index) || index < 0 || index >= SOBOL_MAX_POINTS) {
      throw new FoodSafetyError(
        'SCORING_SOBOL_INDEX',
        `a Sobol' point index must be an integer in [0, 2^${SOBOL_BITS}); got ${index}`,
        { index },
      );
    }
    // x_n = XOR of v_{j+1} over the set bits j of the Gray code n ⊕ (n >> 1).
    const gray = (index ^ (index >>> 1)) >>> 0;
    const x = this.#x;
    const v = this.#v;
    x.fill(0);
    for (let bit = 0; bit < SOBOL_BITS; bit++) {
      if (((gray >>> bit) & 1) === 0) continue;
      for (let d = 0, o = bit; d < x.length; d++, o += SOBOL_BITS) {
        x[d] = (x[d] as number) ^ (v[o] as number);
      }
    }
    this.#index = index;
    return this;
  }
}

function checkCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new FoodSafetyError('SCORING_SOBOL_COUNT', `${name} must be a non-negative integer`, {
      [name]: value,
    });
  }
}

/**
 * An unscrambled Sobol' low-discrepancy sequence in `dimensions` dimensions (1 … 201), with the
 * Joe–Kuo `new-joe-kuo-6.21201` direction numbers and the Gray-code (Antonov–Saleev)
 * construction. Point 0 is the origin; the points equal scipy's
 * `qmc.Sobol(d, scramble=False).random(n)` exactly (they are dyadic rationals).
 *
 * @example
 * ```ts
 * const seq = sobolSequence(3);
 * seq.next(); // Float64Array [0, 0, 0]
 * seq.next(); // Float64Array [0.5, 0.5, 0.5]
 * const block = seq.fill(1024); // the next 1024 points, row-major
 * ```
 * @throws FoodSafetyError `SCORING_SOBOL_DIMENSIONS` when `dimensions` is not an integer in
 * [1, 201]; `SCORING_SOBOL_INDEX` for a bad `skip`.
 */
export function sobolSequence(
  dimensions: number,
  options: SobolSequenceOptions = {},
): SobolSequence {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > SOBOL_MAX_DIMENSIONS) {
    throw new FoodSafetyError(
      'SCORING_SOBOL_DIMENSIONS',
      `Sobol' dimensions must be an integer in [1, ${SOBOL_MAX_DIMENSIONS}]; got ${dimensions}`,
      { dimensions, max: SOBOL_MAX_DIMENSIONS },
    );
  }
  return new SobolCursor(dimensions, options.skip ?? 0);
}
