import { createRandom } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../stats/normal-quantile.js';
import { analyseSaltelliOutputs } from './sobol-estimators.js';

/**
 * The bootstrap is computed as one blocked matrix product over resample counts; this checks it
 * against the textbook form: draw each resample's N base points (the same draws, in the same
 * order), recompute S1 and ST on the resampled points, take z · sd over the resamples.
 */
function naiveBootstrap(
  y: Float64Array,
  N: number,
  D: number,
  resamples: number,
  seed: string,
): { s1Conf: number[]; stConf: number[] } {
  const R = D + 2;
  let total = 0;
  for (const v of y) total += v;
  const m = total / y.length;
  const random = createRandom(seed);
  const s1 = Array.from({ length: D }, () => [] as number[]);
  const st = Array.from({ length: D }, () => [] as number[]);
  for (let r = 0; r < resamples; r++) {
    const sample = Array.from({ length: N }, () => random.int(N));
    let sum = 0;
    let sumSq = 0;
    for (const j of sample) {
      const a = (y[j * R] as number) - m;
      const b = (y[j * R + R - 1] as number) - m;
      sum += a + b;
      sumSq += a * a + b * b;
    }
    const V = sumSq / (2 * N) - (sum / (2 * N)) ** 2;
    for (let i = 0; i < D; i++) {
      let first = 0;
      let totalOrder = 0;
      for (const j of sample) {
        const fa = y[j * R] as number;
        const fb = (y[j * R + R - 1] as number) - m;
        const di = (y[j * R + 1 + i] as number) - fa;
        first += fb * di;
        totalOrder += di * di;
      }
      s1[i]?.push(first / (N * V));
      st[i]?.push(totalOrder / (2 * N * V));
    }
  }
  const z = normalQuantile(0.975);
  const sd = (xs: number[]): number => {
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    return Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
  };
  return { s1Conf: s1.map((xs) => z * sd(xs)), stConf: st.map((xs) => z * sd(xs)) };
}

describe('analyseSaltelliOutputs bootstrap', () => {
  it.each(['wasm-simd', 'javascript'] as const)(
    'equals resampling each bootstrap sample separately (odd resamples, N over one block, D off the tile; %s kernel)',
    (kernel) => {
      // N = 700 spans two blocks of 512 base points, D = 7 groups gives 16 term columns (not a
      // multiple of the JavaScript kernel's 6-column tile), 13 resamples leave one resample
      // without a tile partner.
      const N = 700;
      const D = 7;
      const R = D + 2;
      const random = createRandom('outputs');
      const y = new Float64Array(N * R);
      for (let n = 0; n < N; n++) {
        const a = random.normal();
        y[n * R] = a;
        y[n * R + R - 1] = random.normal();
        for (let i = 0; i < D; i++) y[n * R + 1 + i] = a + (i + 1) * 0.3 * random.normal();
      }
      const names = Array.from({ length: D }, (_, i) => `x${i}`);
      const result = analyseSaltelliOutputs(
        y,
        { N, groupCount: D, secondOrder: false, names },
        'b',
        { resamples: 13 },
        kernel,
      );
      const naive = naiveBootstrap(y, N, D, 13, 'b');
      for (let i = 0; i < D; i++) {
        expect(result.S1Conf[i]).toBeGreaterThan(0);
        expect(Math.abs((result.S1Conf[i] as number) - (naive.s1Conf[i] as number))).toBeLessThan(
          1e-10 * (naive.s1Conf[i] as number),
        );
        expect(Math.abs((result.STConf[i] as number) - (naive.stConf[i] as number))).toBeLessThan(
          1e-10 * (naive.stConf[i] as number),
        );
      }
    },
  );

  it('gives zero-width intervals when every output is equal (no variance in any resample)', () => {
    const N = 64;
    const D = 3;
    const y = new Float64Array(N * (D + 2)).fill(2.5);
    const names = ['a', 'b', 'c'];
    const result = analyseSaltelliOutputs(y, { N, groupCount: D, secondOrder: false, names }, 's', {
      resamples: 9,
    });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['SCORING_SENSITIVITY_ZERO_VARIANCE']);
    expect(result.S1).toEqual([0, 0, 0]);
    expect(result.S1Conf).toEqual([0, 0, 0]);
    expect(result.STConf).toEqual([0, 0, 0]);
  });
});
