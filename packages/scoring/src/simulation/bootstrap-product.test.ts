import { createRandom } from '@foodsafety/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type BootstrapProduct,
  createBootstrapProduct,
  PRODUCT_BLOCK,
  type ProductKernel,
} from './bootstrap-product.js';

/** Fills counts and terms from a seed, runs the product block by block; returns the sums. */
function run(
  kernel: ProductKernel,
  resamples: number,
  N: number,
  columns: number,
  seed: string,
): { product: BootstrapProduct; terms: Float64Array } {
  const product = createBootstrapProduct(resamples, N, columns, kernel);
  const random = createRandom(seed);
  product.drawCounts(random.getState());
  const terms = new Float64Array(N * columns);
  for (let i = 0; i < terms.length; i++) terms[i] = random.normal() * 10 ** random.int(6);
  for (let n0 = 0; n0 < N; n0 += PRODUCT_BLOCK) {
    const len = Math.min(PRODUCT_BLOCK, N - n0);
    for (let i = 0; i < len; i++) {
      for (let c = 0; c < columns; c++) {
        product.block[i * product.width + c] = terms[(n0 + i) * columns + c] as number;
      }
    }
    product.accumulate(n0, len);
  }
  return { product, terms };
}

describe('createBootstrapProduct', () => {
  it('uses the WebAssembly SIMD kernel by default on Node', () => {
    expect(createBootstrapProduct(4, 16, 5).kernel).toBe('wasm-simd');
    expect(createBootstrapProduct(4, 16, 5, 'javascript').kernel).toBe('javascript');
  });

  describe('where WebAssembly is missing', () => {
    afterEach(() => {
      vi.unstubAllGlobals();
      vi.resetModules();
    });

    it('falls back to the JavaScript kernel, and refuses only an explicit wasm-simd request', async () => {
      vi.stubGlobal('WebAssembly', undefined);
      vi.resetModules();
      const fresh = await import('./bootstrap-product.js');
      expect(fresh.createBootstrapProduct(4, 16, 5).kernel).toBe('javascript');
      expect(() => fresh.createBootstrapProduct(4, 16, 5, 'wasm-simd')).toThrow(/not available/);
    });
  });

  it('starts every product from zeros, whatever products came before', () => {
    const first = run('wasm-simd', 3, 50, 13, 'first').product;
    first.block.fill(Number.NaN);
    expect(first.sums.some((x) => x !== 0)).toBe(true);
    const second = createBootstrapProduct(5, 40, 3, 'wasm-simd');
    expect(second.counts.every((c) => c === 0)).toBe(true);
    expect(second.block.every((x) => x === 0)).toBe(true);
    expect(second.sums.every((x) => x === 0)).toBe(true);
  });

  it('pads rows to pairs and columns to the tile, with the padding left at zero', () => {
    const wasm = createBootstrapProduct(3, 10, 5, 'wasm-simd');
    expect([wasm.rows, wasm.width]).toEqual([4, 8]);
    const js = createBootstrapProduct(3, 10, 5, 'javascript');
    expect([js.rows, js.width]).toEqual([4, 6]);
  });

  it('draws the counts that fillInt gives, row by row, on both kernels (bounds with and without rejection)', () => {
    for (const N of [1, 3, 700, 1024, 1_000_003]) {
      const resamples = N > 10_000 ? 2 : 5;
      const state = createRandom(`draws-${N}`).getState();
      const expected = new Uint32Array(resamples * N);
      const random = createRandom(`draws-${N}`);
      const drawn = new Uint32Array(N);
      for (let r = 0; r < resamples; r++) {
        random.fillInt(drawn, N);
        for (const n of drawn) expected[r * N + n] = (expected[r * N + n] as number) + 1;
      }
      for (const kernel of ['wasm-simd', 'javascript'] as const) {
        const product = createBootstrapProduct(resamples, N, 3, kernel);
        product.drawCounts(state);
        let firstDifference = -1;
        for (let i = 0; i < expected.length && firstDifference < 0; i++) {
          if (product.counts[i] !== expected[i]) firstDifference = i;
        }
        expect(firstDifference).toBe(-1);
        // padding row of an odd resample count stays empty
        if (product.rows > resamples) {
          expect(product.counts.subarray(resamples * N).every((c) => c === 0)).toBe(true);
        }
      }
    }
  });

  it('rejects a malformed generator state on both kernels', () => {
    const state = { ...createRandom(1).getState(), increment: '0000000000000002' };
    for (const kernel of ['wasm-simd', 'javascript'] as const) {
      expect(() => createBootstrapProduct(2, 8, 3, kernel).drawCounts(state)).toThrow(
        expect.objectContaining({ code: 'RANDOM_STATE_INVALID' }),
      );
    }
  });

  it('computes Σ_n counts[r][n] · terms[n][c] (against a plain triple loop)', () => {
    const resamples = 5;
    const N = 700; // two blocks, the second partial
    const columns = 11;
    for (const kernel of ['wasm-simd', 'javascript'] as const) {
      const { product, terms } = run(kernel, resamples, N, columns, 'plain');
      for (let r = 0; r < resamples; r++) {
        for (let c = 0; c < columns; c++) {
          let expected = 0;
          for (let n = 0; n < N; n++) {
            expected += (product.counts[r * N + n] as number) * (terms[n * columns + c] as number);
          }
          const got = product.sums[r * product.width + c] as number;
          expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected) + 1e-9);
        }
      }
      // padding rows and columns stay zero
      for (let c = 0; c < product.width; c++) {
        expect(product.sums[(product.rows - 1) * product.width + c]).toBe(0);
      }
      for (let r = 0; r < product.rows; r++) {
        for (let c = columns; c < product.width; c++)
          expect(product.sums[r * product.width + c]).toBe(0);
      }
    }
  });

  it('gives the same bits on both kernels, for any shape', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 1100 }),
        fc.integer({ min: 1, max: 30 }),
        fc.string({ maxLength: 6 }),
        (resamples, N, columns, seed) => {
          const wasm = run('wasm-simd', resamples, N, columns, seed).product;
          const js = run('javascript', resamples, N, columns, seed).product;
          for (let r = 0; r < resamples; r++) {
            for (let c = 0; c < columns; c++) {
              expect(Object.is(wasm.sums[r * wasm.width + c], js.sums[r * js.width + c])).toBe(
                true,
              );
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
