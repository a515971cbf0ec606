import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isFoodSafetyError } from '@foodsafety/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SOBOL_MAX_DIMENSIONS, SOBOL_MAX_POINTS, sobolSequence } from './sobol-sequence.js';

const conformanceDir = fileURLToPath(
  new URL('../../../../../shared/conformance/scoring/', import.meta.url),
);
const pointsFile = `${conformanceDir}sobol-points.json`;
const hasConformance = existsSync(pointsFile);

interface PointsFile {
  tolerance: number;
  d10: { dims: number; points: Record<string, number[]> };
  d10First16: number[][];
  d5First8: number[][];
  d201: { dims: number; points: Record<string, number[]> };
  salibThreeDimTest: { first5: number[][] };
}

function firstPoints(dims: number, count: number): number[][] {
  const seq = sobolSequence(dims);
  return Array.from({ length: count }, () => Array.from(seq.next()));
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isFoodSafetyError(error) ? error.code : 'not a FoodSafetyError';
  }
  return undefined;
}

describe('sobolSequence (always-run vectors)', () => {
  it('starts the 3-D sequence as SALib tests/test_sobol.py checks it', () => {
    // Published in SALib's own test of its Sobol' generator (same Joe–Kuo numbers).
    expect(firstPoints(3, 5)).toEqual([
      [0, 0, 0],
      [0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25],
      [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625],
    ]);
  });

  it('has van der Corput as its first dimension', () => {
    const seq = sobolSequence(1);
    const got = Array.from(seq.fill(8));
    expect(got).toEqual([0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125]);
  });

  it('supports 201 dimensions and no more', () => {
    expect(SOBOL_MAX_DIMENSIONS).toBe(201);
    expect(sobolSequence(201).dimensions).toBe(201);
    expect(codeOf(() => sobolSequence(202))).toBe('SCORING_SOBOL_DIMENSIONS');
    expect(codeOf(() => sobolSequence(0))).toBe('SCORING_SOBOL_DIMENSIONS');
    expect(codeOf(() => sobolSequence(2.5))).toBe('SCORING_SOBOL_DIMENSIONS');
    expect(codeOf(() => sobolSequence(Number.NaN))).toBe('SCORING_SOBOL_DIMENSIONS');
  });

  it('rejects bad skips, counts and short buffers', () => {
    expect(codeOf(() => sobolSequence(2, { skip: -1 }))).toBe('SCORING_SOBOL_INDEX');
    expect(codeOf(() => sobolSequence(2, { skip: 0.5 }))).toBe('SCORING_SOBOL_INDEX');
    expect(codeOf(() => sobolSequence(2, { skip: SOBOL_MAX_POINTS }))).toBe('SCORING_SOBOL_INDEX');
    expect(codeOf(() => sobolSequence(2).fill(-1))).toBe('SCORING_SOBOL_COUNT');
    expect(codeOf(() => sobolSequence(2).fill(3, new Float64Array(5)))).toBe(
      'SCORING_SOBOL_BUFFER',
    );
  });

  it('produces the last of its 2^32 points and then reports exhaustion', () => {
    const seq = sobolSequence(2, { skip: SOBOL_MAX_POINTS - 1 });
    const last = seq.next();
    // Index 2^32 − 1 has Gray code 2^31, so the point is v_32 alone: 2^-32 in dimension 1.
    expect(last[0]).toBe(2 ** -32);
    expect(seq.index).toBe(SOBOL_MAX_POINTS);
    expect(codeOf(() => seq.next())).toBe('SCORING_SOBOL_EXHAUSTED');
  });

  it('writes the same numbers through next, fill, nextIntegers and an offset', () => {
    const a = sobolSequence(7);
    const b = sobolSequence(7);
    const c = sobolSequence(7);
    const block = b.fill(40);
    const buffer = new Float64Array(3 + 7);
    const ints = new Uint32Array(7);
    for (let i = 0; i < 40; i++) {
      a.next(buffer, 3);
      c.nextIntegers(ints);
      for (let d = 0; d < 7; d++) {
        expect(buffer[3 + d]).toBe(block[i * 7 + d]);
        expect((ints[d] as number) * 2 ** -32).toBe(block[i * 7 + d]);
      }
    }
    expect(a.index).toBe(40);
  });

  it('skipTo(n) lands on the point sequential generation reaches (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 600 }), (d, n) => {
        const seq = sobolSequence(d);
        let point: Float64Array = new Float64Array(d);
        for (let i = 0; i <= n; i++) point = seq.next(point);
        const jumped = sobolSequence(d, { skip: n }).next();
        expect(Array.from(jumped)).toEqual(Array.from(point));
      }),
      { numRuns: 40 },
    );
  });

  it('puts exactly one point in each of the 2^m strata of every coordinate (property)', () => {
    // Every one-dimensional projection of the first 2^m Sobol' points is a (0, m, 1)-net.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 201 }), fc.integer({ min: 1, max: 10 }), (d, m) => {
        const count = 2 ** m;
        const block = sobolSequence(d).fill(count);
        for (let dim = 0; dim < d; dim += Math.max(1, Math.floor(d / 7))) {
          const seen = new Uint8Array(count);
          for (let i = 0; i < count; i++) {
            const stratum = Math.floor((block[i * d + dim] as number) * count);
            seen[stratum] = (seen[stratum] as number) + 1;
          }
          expect(seen.every((n) => n === 1)).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe.skipIf(!hasConformance)(
  `sobolSequence against scipy qmc.Sobol(scramble=False) points${
    hasConformance ? '' : ` — SKIPPED: conformance data not found at ${pointsFile}`
  }`,
  () => {
    const data = (): PointsFile => JSON.parse(readFileSync(pointsFile, 'utf8')) as PointsFile;

    it('is exact (tolerance 0) at every listed 10-D point, by jumping and by walking', () => {
      const { d10, tolerance } = data();
      expect(tolerance).toBe(0);
      const indices = Object.keys(d10.points).map(Number);
      expect(indices).toContain(65535);
      const walker = sobolSequence(d10.dims);
      let walked: Float64Array = new Float64Array(d10.dims);
      let at = -1;
      for (const index of indices.sort((x, y) => x - y)) {
        while (at < index) {
          walked = walker.next(walked);
          at++;
        }
        const expected = d10.points[String(index)];
        expect(Array.from(walked)).toEqual(expected);
        expect(Array.from(sobolSequence(d10.dims, { skip: index }).next())).toEqual(expected);
      }
    });

    it('is exact on the first 16 points in 10-D and the first 8 in 5-D', () => {
      const { d10First16, d5First8 } = data();
      expect(firstPoints(10, 16)).toEqual(d10First16);
      expect(firstPoints(5, 8)).toEqual(d5First8);
    });

    it('is exact on the listed 201-D points (every direction-number row)', () => {
      const { d201 } = data();
      expect(d201.dims).toBe(201);
      for (const [index, expected] of Object.entries(d201.points)) {
        expect(Array.from(sobolSequence(201, { skip: Number(index) }).next())).toEqual(expected);
      }
    });

    it('matches the start of the 3-D sequence listed from SALib', () => {
      const { salibThreeDimTest } = data();
      expect(firstPoints(3, salibThreeDimTest.first5.length)).toEqual(salibThreeDimTest.first5);
    });
  },
);
