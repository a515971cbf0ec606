import { createRandom } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import {
  checkFactUncertainties,
  drawFact,
  type FactUncertainty,
  factUncertaintyProblem,
} from './fact-uncertainty.js';

function draws(spec: FactUncertainty, reported: number, n = 20_000): Float64Array {
  const random = createRandom('fact-uncertainty');
  return Float64Array.from({ length: n }, () => drawFact(spec, reported, random));
}
const mean = (xs: Float64Array) => xs.reduce((s, x) => s + x, 0) / xs.length;
const median = (xs: Float64Array) => Float64Array.from(xs).sort()[xs.length >> 1] as number;

describe('drawFact', () => {
  it('centres each error model on the reported value as documented', () => {
    // Tolerances: 4 standard errors of the mean (or median) for 20 000 draws.
    expect(Math.abs(mean(draws({ type: 'normal', sd: 2 }, 74)) - 74)).toBeLessThan(
      4 * (2 / Math.sqrt(20_000)),
    );
    expect(Math.abs(mean(draws({ type: 'normal', relativeSd: 0.1 }, 50)) - 50)).toBeLessThan(0.15);
    expect(Math.abs(median(draws({ type: 'lognormal', sigma: 0.2 }, 100)) - 100)).toBeLessThan(0.6);
    // Beta(κm, κ(1−m)) has mean m: a satisfaction rate of 82 % on a 0–100 scale stays 82 on average.
    const beta = draws({ type: 'beta', concentration: 200, scale: 100 }, 82);
    expect(Math.abs(mean(beta) - 82)).toBeLessThan(0.15);
    expect(beta.every((x) => x >= 0 && x <= 100)).toBe(true);
    const uniform = draws({ type: 'uniform', halfWidth: 1.5 }, 10);
    expect(uniform.every((x) => x >= 8.5 && x < 11.5)).toBe(true);
    expect(Math.abs(mean(uniform) - 10)).toBeLessThan(0.05);
  });

  it('clamps, keeps certain values, and flips bernoulli facts with probability p', () => {
    expect(draws({ type: 'normal', sd: 5, min: 0, max: 100 }, 99).every((x) => x <= 100)).toBe(
      true,
    );
    expect(draws({ type: 'uniform', relativeHalfWidth: 0.2 }, 0, 10).every((x) => x === 0)).toBe(
      true,
    );
    expect(draws({ type: 'beta', concentration: 10 }, 1, 10).every((x) => x === 1)).toBe(true);
    const flips = draws({ type: 'bernoulli', p: 0.3, value: 2 }, 0);
    const share = flips.filter((x) => x === 2).length / flips.length;
    expect(Math.abs(share - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / 20_000));
    expect(flips.every((x) => x === 0 || x === 2)).toBe(true);
  });
});

describe('factUncertaintyProblem and checkFactUncertainties', () => {
  it('accepts valid specs and names what is wrong with the others', () => {
    expect(factUncertaintyProblem({ type: 'normal', sd: 1 })).toBeUndefined();
    expect(factUncertaintyProblem({ type: 'normal', sd: 1, relativeSd: 0.1 })).toContain(
      'exactly one',
    );
    expect(factUncertaintyProblem({ type: 'lognormal', sigma: -1 })).toContain('≥ 0');
    expect(factUncertaintyProblem({ type: 'uniform' })).toContain('exactly one');
    expect(factUncertaintyProblem({ type: 'beta', concentration: 0 })).toContain('> 0');
    expect(factUncertaintyProblem({ type: 'bernoulli', p: 1.5 })).toContain('[0, 1]');
    expect(factUncertaintyProblem({ type: 'sampler' })).toContain('function');
    expect(factUncertaintyProblem({ type: 'normal', sd: 1, min: 5, max: 1 })).toContain('exceeds');
    expect(factUncertaintyProblem({ type: 'gamma' })).toContain('unknown type');
    expect(factUncertaintyProblem(null)).toBe('must be an object');
  });

  it('reports each invalid fact with a code and a path', () => {
    const diagnostics = checkFactUncertainties({
      satisfaction: { type: 'normal', sd: 2 },
      awareness: { type: 'beta' },
    });
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['SCORING_SIMULATION_UNCERTAINTY_INVALID', ['uncertainty', 'facts', 'awareness']],
    ]);
    expect(checkFactUncertainties([]).map((d) => d.code)).toEqual([
      'SCORING_SIMULATION_UNCERTAINTY_INVALID',
    ]);
  });

  it('names a type JSON cannot hold without throwing', () => {
    // uncertainty built in code: JSON.stringify throws on a bigint
    const diagnostics = checkFactUncertainties({ a: { type: 5n }, b: { type: [1n] }, c: {} });
    expect(diagnostics.map((d) => [d.code, d.path, d.params?.detail])).toEqual(
      [
        ['a', '5'],
        ['b', 'array'],
        ['c', 'undefined'],
      ].map(([name, type]) => [
        'SCORING_SIMULATION_UNCERTAINTY_INVALID',
        ['uncertainty', 'facts', name],
        `${name}: unknown type ${type} (normal, lognormal, uniform, beta, bernoulli, sampler)`,
      ]),
    );
    expect(factUncertaintyProblem({ type: 'gamma' })).toBe(
      'unknown type "gamma" (normal, lognormal, uniform, beta, bernoulli, sampler)',
    );
  });
});
