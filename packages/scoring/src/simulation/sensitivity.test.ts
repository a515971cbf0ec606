import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isFoodSafetyError } from '@foodsafety/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SensitivityInput } from './input-distribution.js';
import { sensitivity } from './sensitivity.js';

// Ishigami (a = 7, b = 0.1, x_i ~ U(−π, π)): analytic indices from REFERENCES.md
// ("Demonstration-city scoring", sensitivity paragraph).
const ISHIGAMI_S1 = [0.3139051911, 0.4424111448, 0];
const ISHIGAMI_ST = [0.5575888552, 0.4424111448, 0.2436836641];
const ISHIGAMI_S13 = 0.2436836641; // = ST_3: x3 acts only through its interaction with x1

// SALib's own acceptance for Sobol' analysis of Ishigami (tests/test_regression.py,
// test_regression_sobol / test_regression_sobol_groups): numpy assert_allclose with
// atol = 5e-2, rtol = 1e-1, i.e. |estimate − expected| ≤ 0.05 + 0.1·|expected|.
const SALIB_ATOL = 5e-2;
const SALIB_RTOL = 1e-1;

function expectAllClose(
  actual: readonly number[],
  expected: readonly number[],
  atol = SALIB_ATOL,
  rtol = SALIB_RTOL,
): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => {
    const want = expected[i] as number;
    const bound = atol + rtol * Math.abs(want);
    expect(Math.abs(value - want), `index ${i}: ${value} vs ${want}`).toBeLessThanOrEqual(bound);
  });
}

const ishigami = (x: Float64Array): number => {
  const x1 = x[0] as number;
  return (
    Math.sin(x1) + 7 * Math.sin(x[1] as number) ** 2 + 0.1 * (x[2] as number) ** 4 * Math.sin(x1)
  );
};

const uniform = (name: string, min: number, max: number): SensitivityInput => ({
  name,
  distribution: { type: 'uniform', min, max },
});
const ishigamiInputs = ['x1', 'x2', 'x3'].map((name) => uniform(name, -Math.PI, Math.PI));

/** The code and message of the coded error `fn` throws, the text of any other, or `[]`. */
function failure(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    return isFoodSafetyError(error) ? [error.code, error.message] : [String(error)];
  }
  return [];
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isFoodSafetyError(error) ? error.code : 'not a FoodSafetyError';
  }
  return undefined;
}

describe('sensitivity on Ishigami (N = 8192)', () => {
  const result = sensitivity({ model: ishigami, inputs: ishigamiInputs, N: 8192, seed: 7 });

  it('estimates S1 and ST within SALib’s own regression tolerance', () => {
    expectAllClose(result.S1, ISHIGAMI_S1);
    expectAllClose(result.ST, ISHIGAMI_ST);
    expect(result.evaluations).toBe(8192 * 5);
    expect(result.names).toEqual(['x1', 'x2', 'x3']);
    expect(result.diagnostics).toEqual([]);
  });

  it('is much closer than that tolerance on a balanced Sobol’ design', () => {
    expectAllClose(result.S1, ISHIGAMI_S1, 0.01, 0);
    expectAllClose(result.ST, ISHIGAMI_ST, 0.01, 0);
  });

  it('reports 95 % normal bootstrap intervals that cover the analytic values', () => {
    expect(result.intervals.method).toBe('normal');
    expect(result.intervals.confidence).toBe(0.95);
    expect(result.intervals.resamples).toBe(100);
    result.intervals.S1.forEach(([low, high], i) => {
      expect(low).toBeLessThanOrEqual(ISHIGAMI_S1[i] as number);
      expect(high).toBeGreaterThanOrEqual(ISHIGAMI_S1[i] as number);
      expect(high - low).toBeCloseTo(2 * (result.S1Conf[i] as number), 12);
    });
    result.intervals.ST.forEach(([low, high], i) => {
      expect(low).toBeLessThanOrEqual(ISHIGAMI_ST[i] as number);
      expect(high).toBeGreaterThanOrEqual(ISHIGAMI_ST[i] as number);
    });
  });

  it('estimates second-order indices (S13 = ST3, the others 0) within SALib’s tolerance', () => {
    const second = sensitivity({
      model: ishigami,
      inputs: ishigamiInputs,
      N: 8192,
      seed: 7,
      secondOrder: true,
      bootstrap: { resamples: 20 },
    });
    expect(second.evaluations).toBe(8192 * 8);
    const S2 = second.S2 ?? [];
    expect(S2.map((s) => s.names.join('×'))).toEqual(['x1×x2', 'x1×x3', 'x2×x3']);
    expectAllClose(
      S2.map((s) => s.value),
      [0, ISHIGAMI_S13, 0],
    );
    expectAllClose(second.S1, ISHIGAMI_S1);
    expectAllClose(second.ST, ISHIGAMI_ST);
    for (const s of S2) expect(s.interval[0]).toBeLessThanOrEqual(s.interval[1]);
  });

  it('estimates group indices, each group moved as one factor (SALib groups)', () => {
    // G1 = {x1, x3}: S1 = ST = (V1 + V13)/V = ST_1; G2 = {x2}: S1 = ST = S1_2 (closed group sets).
    const grouped = sensitivity({
      model: ishigami,
      inputs: ishigamiInputs,
      N: 8192,
      seed: 7,
      groups: ['G1', 'G2', 'G1'],
    });
    expect(grouped.names).toEqual(['G1', 'G2']);
    expect(grouped.evaluations).toBe(8192 * 4);
    expectAllClose(grouped.S1, [ISHIGAMI_ST[0] as number, ISHIGAMI_S1[1] as number]);
    expectAllClose(grouped.ST, [ISHIGAMI_ST[0] as number, ISHIGAMI_S1[1] as number]);
  });
});

describe('sensitivity on the additive model', () => {
  // y = x1 + 2x2 + 3x3 (+ 0·x4) on U(0,1): S1 = ST = w_i²/Σw² = 1/14, 4/14, 9/14 (and 0).
  const inputs = ['x1', 'x2', 'x3', 'x4'].map((name) => uniform(name, 0, 1));
  const model = (x: Float64Array): number =>
    (x[0] as number) + 2 * (x[1] as number) + 3 * (x[2] as number);
  const result = sensitivity({ model, inputs, N: 4096, seed: 'additive' });

  it('recovers w_i²Δ_i²/Σ for S1 and ST', () => {
    expectAllClose(result.S1, [1 / 14, 4 / 14, 9 / 14, 0], 2e-3, 0);
    expectAllClose(result.ST, [1 / 14, 4 / 14, 9 / 14, 0], 2e-3, 0);
    // Var(y) = Σ w_i²/12 = 14/12.
    expect(result.variance).toBeCloseTo(14 / 12, 3);
    expect(result.mean).toBeCloseTo(3, 3);
  });

  it('gives exactly 0 for an input with no effect (f(A_B^i) = f(A) row by row)', () => {
    expect(result.ST[3]).toBe(0);
    expect(result.S1[3]).toBe(0);
    expect(result.STConf[3]).toBe(0);
  });

  it('recovers the law for any weights and ranges (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 2, maxLength: 6 }),
        fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 6, maxLength: 6 }),
        (weights, widths) => {
          fc.pre(weights.some((w) => Math.abs(w) > 0.1));
          const ins = weights.map((_, i) => uniform(`x${i}`, -1, -1 + (widths[i] as number)));
          const f = (x: Float64Array): number =>
            weights.reduce((s, w, i) => s + w * (x[i] as number), 0);
          const parts = weights.map((w, i) => (w * (widths[i] as number)) ** 2);
          const total = parts.reduce((s, p) => s + p, 0);
          const want = parts.map((p) => p / total);
          const r = sensitivity({
            model: f,
            inputs: ins,
            N: 1024,
            seed: 1,
            bootstrap: { resamples: 0 },
          });
          expectAllClose(r.S1, want, 0.02, 0);
          expectAllClose(r.ST, want, 0.02, 0);
        },
      ),
      { numRuns: 15 },
    );
  });
});

const conformanceFile = fileURLToPath(
  new URL('../../../../../shared/conformance/scoring/ishigami.json', import.meta.url),
);
const hasConformance = existsSync(conformanceFile);

describe.skipIf(!hasConformance)(
  `sensitivity against ishigami.json (Sobol-G, additive)${
    hasConformance ? '' : ` — SKIPPED: conformance data not found at ${conformanceFile}`
  }`,
  () => {
    const data = () =>
      JSON.parse(readFileSync(conformanceFile, 'utf8')) as {
        ishigami: { S1: number[]; ST: number[] };
        additiveModel: { example: { w: number[]; S1: number[]; ST: number[] } };
        sobolG: { a: number[]; S1: number[]; ST: number[] };
      };

    it('agrees with the Ishigami constants of REFERENCES.md', () => {
      expectAllClose(data().ishigami.S1, ISHIGAMI_S1, 1e-10, 0);
      expectAllClose(data().ishigami.ST, ISHIGAMI_ST, 1e-10, 0);
    });

    it('estimates Sobol-G indices within SALib’s tolerance', () => {
      const { a, S1, ST } = data().sobolG;
      const g = (x: Float64Array): number => {
        let p = 1;
        for (let i = 0; i < a.length; i++) {
          const ai = a[i] as number;
          p *= (Math.abs(4 * (x[i] as number) - 2) + ai) / (1 + ai);
        }
        return p;
      };
      const result = sensitivity({
        model: g,
        inputs: a.map((_, i) => uniform(`x${i + 1}`, 0, 1)),
        N: 8192,
        seed: 3,
        bootstrap: { resamples: 0 },
      });
      expectAllClose(result.S1, S1);
      expectAllClose(result.ST, ST);
    });

    it('estimates the listed additive example', () => {
      const { w, S1, ST } = data().additiveModel.example;
      const result = sensitivity({
        model: (x) => w.reduce((s, wi, i) => s + wi * (x[i] as number), 0),
        inputs: w.map((_, i) => uniform(`x${i + 1}`, 0, 1)),
        N: 4096,
        seed: 3,
      });
      expectAllClose(result.S1, S1, 2e-3, 0);
      expectAllClose(result.ST, ST, 2e-3, 0);
    });
  },
);

describe('sensitivity harness', () => {
  const inputs: SensitivityInput[] = [
    { name: 'n', distribution: { type: 'normal', mean: 1, sd: 0.5 } },
    { name: 'l', distribution: { type: 'lognormal', mu: 0, sigma: 0.3 } },
    { name: 't', distribution: { type: 'triangular', min: 0, mode: 1, max: 3 } },
    { name: 'c', distribution: { type: 'choice', values: [60, 70], weights: [1, 3] } },
  ];
  const model = (x: Float64Array): number =>
    (x[0] as number) * (x[1] as number) + (x[2] as number) + (x[3] as number) / 10;

  it('gives the same result for the same seed, and the same point estimates for any seed', () => {
    const a = sensitivity({ model, inputs, N: 512, seed: 11 });
    const b = sensitivity({ model, inputs, N: 512, seed: 11 });
    const c = sensitivity({ model, inputs, N: 512, seed: 12 });
    expect(b).toEqual(a);
    expect(c.S1).toEqual(a.S1);
    expect(c.ST).toEqual(a.ST);
    expect(c.S1Conf).not.toEqual(a.S1Conf);
  });

  it('gives bit-identical results for a batch model and a row model', () => {
    const rows = sensitivity({ model, inputs, N: 256, seed: 5, secondOrder: true });
    const batch = sensitivity({
      model: {
        batch: (X, count, out) => {
          const k = X.length / count;
          for (let r = 0; r < count; r++) out[r] = model(X.subarray(r * k, r * k + k));
        },
      },
      inputs,
      N: 256,
      seed: 5,
      secondOrder: true,
    });
    expect(batch).toEqual(rows);
  });

  it('does not mutate its inputs', () => {
    const frozen = Object.freeze(
      inputs.map((input) =>
        Object.freeze({ ...input, distribution: Object.freeze({ ...input.distribution }) }),
      ),
    );
    const before = structuredClone(frozen);
    sensitivity({
      model,
      inputs: frozen,
      N: 64,
      seed: 1,
      groups: Object.freeze(['a', 'a', 'b', 'c']),
    });
    expect(frozen).toEqual(before);
  });

  it('reports progress up to the number of evaluations', () => {
    const seen: number[] = [];
    const result = sensitivity({
      model,
      inputs,
      N: 1000,
      seed: 1,
      onProgress: ({ done, total }) => {
        expect(total).toBe(1000 * 6);
        seen.push(done);
      },
    });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(result.evaluations);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
    // N = 1000 is not a power of two: noted, not refused.
    expect(result.diagnostics.map((d) => [d.code, d.params?.suggested])).toEqual([
      ['SCORING_SENSITIVITY_N_NOT_POWER_OF_TWO', 1024],
    ]);
  });

  it('forms percentile intervals on request', () => {
    const r = sensitivity({
      model,
      inputs,
      N: 256,
      seed: 1,
      bootstrap: { method: 'percentile', confidence: 0.9, resamples: 50 },
    });
    expect(r.intervals.method).toBe('percentile');
    r.intervals.ST.forEach(([low, high], i) => {
      expect(low).toBeLessThanOrEqual(high);
      expect(r.STConf[i]).toBeCloseTo((high - low) / 2, 14);
    });
  });

  it('reports a constant model as zero variance with zero indices', () => {
    const r = sensitivity({ model: () => 0.1, inputs, N: 128, seed: 1 });
    expect(r.S1).toEqual([0, 0, 0, 0]);
    expect(r.ST).toEqual([0, 0, 0, 0]);
    expect(r.variance).toBe(0);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['SCORING_SENSITIVITY_ZERO_VARIANCE']);
  });

  it('reports non-finite outputs as a diagnostic instead of throwing', () => {
    const r = sensitivity({
      model: (x) => ((x[0] as number) > 1.5 ? Number.NaN : (x[0] as number)),
      inputs,
      N: 128,
      seed: 1,
    });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['SCORING_SENSITIVITY_NON_FINITE']);
    expect(r.S1.every(Number.isNaN)).toBe(true);
  });

  it('refuses invalid options with coded errors', () => {
    const base = { model, inputs, N: 64, seed: 1 };
    expect(codeOf(() => sensitivity({ ...base, N: 0 }))).toBe('SCORING_SENSITIVITY_OPTIONS');
    expect(codeOf(() => sensitivity({ ...base, N: 10.5 }))).toBe('SCORING_SENSITIVITY_OPTIONS');
    expect(codeOf(() => sensitivity({ ...base, inputs: [] }))).toBe('SCORING_SENSITIVITY_OPTIONS');
    expect(codeOf(() => sensitivity({ ...base, inputs: [uniform('a', 1, 0)] }))).toBe(
      'SCORING_SENSITIVITY_OPTIONS',
    );
    const many = Array.from({ length: 101 }, (_, i) => uniform(`x${i}`, 0, 1));
    expect(codeOf(() => sensitivity({ ...base, inputs: many }))).toBe(
      'SCORING_SENSITIVITY_OPTIONS',
    );
    expect(codeOf(() => sensitivity({ ...base, groups: ['a'] }))).toBe(
      'SCORING_SENSITIVITY_OPTIONS',
    );
    expect(codeOf(() => sensitivity({ ...base, bootstrap: { confidence: 1 } }))).toBe(
      'SCORING_SENSITIVITY_OPTIONS',
    );
    expect(codeOf(() => sensitivity({ ...base, skip: -1 }))).toBe('SCORING_SENSITIVITY_OPTIONS');
    // A function cannot cross to a worker thread.
    expect(
      codeOf(() =>
        sensitivity({ ...base, workers: 2 } as unknown as Parameters<typeof sensitivity>[0]),
      ),
    ).toBe('SCORING_SENSITIVITY_OPTIONS');
  });

  it('refuses N, skip and a bootstrap confidence that are objects without a prototype', () => {
    // a template literal or a comparison of such an object threw a TypeError instead
    const bare = Object.create(null) as never;
    const base = { model, inputs, N: 64, seed: 1 };
    expect(failure(() => sensitivity({ ...base, N: bare }))).toEqual([
      'SCORING_SENSITIVITY_OPTIONS',
      'SCORING_SENSITIVITY_OPTIONS: N must be an integer ≥ 2; got object',
    ]);
    expect(failure(() => sensitivity({ ...base, skip: bare }))).toEqual([
      'SCORING_SENSITIVITY_OPTIONS',
      'SCORING_SENSITIVITY_OPTIONS: bad skip object',
    ]);
    expect(failure(() => sensitivity({ ...base, N: 10.5 }))[1]).toBe(
      'SCORING_SENSITIVITY_OPTIONS: N must be an integer ≥ 2; got 10.5',
    );
    expect(failure(() => sensitivity({ ...base, bootstrap: { confidence: bare } }))[0]).toBe(
      'SCORING_SENSITIVITY_OPTIONS',
    );
  });

  it('refuses null options, bootstrap or groups, and groups that are not a list', () => {
    // each threw a TypeError (`.every` of a string, reading a member of null)
    const base = { model, inputs, N: 64, seed: 1 };
    expect(codeOf(() => sensitivity(null as never))).toBe('SCORING_SENSITIVITY_OPTIONS');
    for (const bootstrap of [null, 100])
      expect(codeOf(() => sensitivity({ ...base, bootstrap: bootstrap as never }))).toBe(
        'SCORING_SENSITIVITY_OPTIONS',
      );
    for (const groups of [null, 'ab', new Set(['a', 'b'])])
      expect(codeOf(() => sensitivity({ ...base, groups: groups as never }))).toBe(
        'SCORING_SENSITIVITY_OPTIONS',
      );
  });

  it('runs 100 inputs (a 200-dimensional design)', () => {
    const wide = Array.from({ length: 100 }, (_, i) => uniform(`x${i}`, 0, 1));
    const r = sensitivity({
      model: (x) => (x[0] as number) + (x[99] as number),
      inputs: wide,
      N: 64,
      seed: 1,
      bootstrap: { resamples: 0 },
    });
    expect(r.design.dimensions).toBe(200);
    expect(r.ST[50]).toBe(0);
    expect((r.ST[0] as number) + (r.ST[99] as number)).toBeCloseTo(1, 1);
  });
});
