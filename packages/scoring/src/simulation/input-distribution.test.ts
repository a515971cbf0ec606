import { describe, expect, it } from 'vitest';
import {
  checkInputs,
  compileInputs,
  type InputDistribution,
  inputQuantile,
  type SensitivityInput,
} from './input-distribution.js';

const HALF_CELL = 2 ** -33;

describe('inputQuantile', () => {
  it('maps the unit interval onto each distribution', () => {
    expect(inputQuantile({ type: 'uniform', min: -Math.PI, max: Math.PI }, 0.5)).toBe(0);
    expect(inputQuantile({ type: 'uniform', min: 2, max: 6 }, 0.25)).toBe(3);
    expect(inputQuantile({ type: 'normal', mean: 10, sd: 2 }, 0.975)).toBeCloseTo(
      10 + 2 * 1.959963984540054,
      12,
    );
    // Median of a lognormal is e^mu.
    expect(inputQuantile({ type: 'lognormal', mu: 1, sigma: 0.5 }, 0.5)).toBeCloseTo(Math.E, 14);
    // Triangular(0, 1, 2): F(1) = ½, and F(x) = x²/2 below the mode.
    const tri: InputDistribution = { type: 'triangular', min: 0, mode: 1, max: 2 };
    expect(inputQuantile(tri, 0.5)).toBeCloseTo(1, 14);
    expect(inputQuantile(tri, 0.125)).toBeCloseTo(0.5, 14);
    expect(inputQuantile(tri, 0.875)).toBeCloseTo(1.5, 14);
    expect(inputQuantile({ type: 'triangular', min: 3, mode: 3, max: 3 }, 0.4)).toBe(3);
  });

  it('picks choices by cumulative weight', () => {
    const d: InputDistribution = { type: 'choice', values: [60, 70, 80], weights: [1, 2, 1] };
    expect(inputQuantile(d, 0.2)).toBe(60);
    expect(inputQuantile(d, 0.25)).toBe(70);
    expect(inputQuantile(d, 0.74)).toBe(70);
    expect(inputQuantile(d, 0.9)).toBe(80);
    expect(inputQuantile({ type: 'choice', values: [1, 2] }, 0.49)).toBe(1);
  });
});

describe('compileInputs', () => {
  const inputs: SensitivityInput[] = [
    { name: 'u', distribution: { type: 'uniform', min: 0, max: 1 } },
    { name: 'n', distribution: { type: 'normal', mean: 0, sd: 1 } },
    { name: 'l', distribution: { type: 'lognormal', mu: 0, sigma: 1 } },
    { name: 't', distribution: { type: 'triangular', min: 0, mode: 1, max: 2 } },
    { name: 'c', distribution: { type: 'choice', values: [5, 7], weights: [3, 1] } },
  ];

  it('agrees with inputQuantile at cell midpoints and stays finite at the ends', () => {
    const mapper = compileInputs(inputs);
    expect(mapper.size).toBe(5);
    const out = new Float64Array(6);
    for (const integer of [0, 1, 2 ** 31, 3 * 2 ** 30, 2 ** 32 - 1]) {
      const ints = new Uint32Array(6).fill(integer);
      mapper.map(ints, 1, out, 1);
      const u = integer * 2 ** -32 + HALF_CELL;
      inputs.forEach((input, j) => {
        expect(out[1 + j]).toBe(inputQuantile(input.distribution, u));
        expect(Number.isFinite(out[1 + j])).toBe(true);
      });
    }
    expect(out[0]).toBe(0);
  });
});

describe('checkInputs', () => {
  it('accepts valid inputs', () => {
    expect(checkInputs([{ name: 'x', distribution: { type: 'uniform', min: 0, max: 1 } }])).toEqual(
      [],
    );
  });

  it('reports each problem with a code and a path', () => {
    const diagnostics = checkInputs([
      { name: 'a', distribution: { type: 'uniform', min: 2, max: 1 } },
      { name: 'a', distribution: { type: 'normal', mean: 0, sd: -1 } },
      { distribution: { type: 'gamma' } },
      { name: 'c', distribution: { type: 'choice', values: [1, 2], weights: [1] } },
      { name: 't', distribution: { type: 'triangular', min: 0, mode: 3, max: 2 } },
      { name: 'l', distribution: { type: 'lognormal', mu: 0, sigma: Number.NaN } },
      { name: 'z', distribution: null },
    ]);
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['SCORING_SENSITIVITY_INPUT_INVALID', ['inputs', 0, 'distribution']],
      ['SCORING_SENSITIVITY_INPUT_DUPLICATE', ['inputs', 1, 'name']],
      ['SCORING_SENSITIVITY_INPUT_INVALID', ['inputs', 1, 'distribution']],
      ['SCORING_SENSITIVITY_INPUT_INVALID', ['inputs', 2, 'name']],
      ['SCORING_SENSITIVITY_INPUT_INVALID', ['inputs', 2, 'distribution']],
      ['SCORING_SENSITIVITY_INPUT_INVALID', ['inputs', 3, 'distribution']],
      ['SCORING_SENSITIVITY_INPUT_INVALID', ['inputs', 4, 'distribution']],
      ['SCORING_SENSITIVITY_INPUT_INVALID', ['inputs', 5, 'distribution']],
      ['SCORING_SENSITIVITY_INPUT_INVALID', ['inputs', 6, 'distribution']],
    ]);
    expect(diagnostics[0]?.message).toContain('exceeds');
  });

  it('names a distribution type JSON cannot hold without throwing', () => {
    // inputs built in code: JSON.stringify throws on a bigint
    const diagnostics = checkInputs([
      { name: 'a', distribution: { type: 5n } },
      { name: 'b', distribution: { type: 'gamma' } },
    ]);
    expect(diagnostics.map((d) => [d.code, d.path, d.params?.detail])).toEqual([
      [
        'SCORING_SENSITIVITY_INPUT_INVALID',
        ['inputs', 0, 'distribution'],
        'unknown distribution type 5 (uniform, normal, lognormal, triangular, choice)',
      ],
      [
        'SCORING_SENSITIVITY_INPUT_INVALID',
        ['inputs', 1, 'distribution'],
        'unknown distribution type "gamma" (uniform, normal, lognormal, triangular, choice)',
      ],
    ]);
  });

  it('rejects a non-array or an empty list', () => {
    expect(checkInputs({}).map((d) => d.code)).toEqual(['SCORING_SENSITIVITY_INPUT_INVALID']);
    expect(checkInputs([]).map((d) => d.path)).toEqual([['inputs']]);
  });
});
