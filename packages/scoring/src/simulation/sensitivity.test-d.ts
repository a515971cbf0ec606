import { describe, expectTypeOf, it } from 'vitest';
import type { Standard } from '../standard/define-standard.js';
import type { SensitivityInput } from './input-distribution.js';
import { type SensitivityResult, sensitivity } from './sensitivity.js';
import { type SimulationResult, simulate } from './simulate.js';

const inputs: SensitivityInput[] = [
  { name: 'x', distribution: { type: 'uniform', min: 0, max: 1 } },
];

describe('sensitivity types', () => {
  it('is synchronous for an in-thread model and a Promise for a module-named one', () => {
    expectTypeOf(
      sensitivity({ model: (x) => x[0] ?? 0, inputs, N: 8, seed: 1 }),
    ).toEqualTypeOf<SensitivityResult>();
    expectTypeOf(
      sensitivity({ model: { batch: (_x, _rows, out) => out.fill(0) }, inputs, N: 8, seed: 1 }),
    ).toEqualTypeOf<SensitivityResult>();
    expectTypeOf(
      sensitivity({ model: { module: './m.js', export: 'f' }, inputs, N: 8, seed: 1, workers: 2 }),
    ).toEqualTypeOf<Promise<SensitivityResult>>();
  });

  it('refuses a function model together with workers', () => {
    // @ts-expect-error functions cannot cross threads
    sensitivity({ model: (x: Float64Array) => x[0] ?? 0, inputs, N: 8, seed: 1, workers: 2 });
  });
});

describe('simulate types', () => {
  it('is synchronous without workers and a Promise with them', () => {
    const standard = {} as Standard;
    expectTypeOf(
      simulate({ model: { standard, facts: {} }, uncertainty: {}, runs: 1, seed: 1 }),
    ).toEqualTypeOf<SimulationResult>();
    expectTypeOf(
      simulate({ model: { standard, facts: {} }, uncertainty: {}, runs: 1, seed: 1, workers: 2 }),
    ).toEqualTypeOf<Promise<SimulationResult>>();
  });
});
