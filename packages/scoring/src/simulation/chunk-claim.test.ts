import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimChunk } from './chunk-claim.js';

function claimAll(units: number, chunk: number, workers: number): [number, number][] {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const claims: [number, number][] = [];
  for (let claim = claimChunk(counter, units, chunk, workers); claim !== undefined; ) {
    claims.push([claim[0], claim[1]]);
    claim = claimChunk(counter, units, chunk, workers);
  }
  return claims;
}

describe('claimChunk', () => {
  it('starts at the cap and shrinks to a sixteenth of it at the end (8192 base points, 2 workers)', () => {
    const claims = claimAll(8192, 512, 2);
    const sizes = claims.map(([s, e]) => e - s);
    expect(sizes.slice(0, 12)).toEqual(new Array(12).fill(512)); // 2048 left after these
    expect(sizes[12]).toBe(512); // ⌈2048 / 4⌉ = 512
    expect(sizes[13]).toBe(384); // ⌈1536 / 4⌉
    expect(sizes.at(-1)).toBeLessThanOrEqual(32);
    expect(Math.min(...sizes.slice(0, -1))).toBe(32);
  });

  it('claims every unit exactly once, in order, with sizes never growing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 1024 }),
        fc.integer({ min: 1, max: 8 }),
        (units, chunk, workers) => {
          const claims = claimAll(units, chunk, workers);
          let next = 0;
          let previous = Number.POSITIVE_INFINITY;
          for (const [start, end] of claims) {
            expect(start).toBe(next);
            expect(end).toBeGreaterThan(start);
            expect(end - start).toBeLessThanOrEqual(Math.min(chunk, previous));
            previous = end - start;
            next = end;
          }
          expect(next).toBe(units);
        },
      ),
    );
  });

  it('continues from where another claim stopped', () => {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    counter[0] = 100;
    expect(claimChunk(counter, 1000, 64, 2)).toEqual([100, 164]);
    expect(counter[0]).toBe(164);
    counter[0] = 1000;
    expect(claimChunk(counter, 1000, 64, 2)).toBeUndefined();
  });
});
