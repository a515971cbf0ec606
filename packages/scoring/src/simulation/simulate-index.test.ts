import { describe, expect, it } from 'vitest';
import {
  handData as data,
  handFramework as framework,
} from '../composite/__fixtures__/hand-computed-index.js';
import type { UnitData } from '../composite/compute-index.js';
import type { FrameworkRow } from '../composite/index-framework.js';
import { simulateIndex } from './simulate-index.js';

// Two indicators on their own scale: X wins on the arithmetic mean (6.5 > 6.1), Y on the
// geometric mean (√(6·6.2) = 6.0992 > √(4·9) = 6).
const pair: FrameworkRow[] = [
  { code: 'a', level: 1, parent: 'T' },
  { code: 'b', level: 1, parent: 'T' },
  { code: 'T', level: 2 },
];
const pairData: UnitData[] = [
  { code: 'X', values: { a: 4, b: 9 } },
  { code: 'Y', values: { a: 6, b: 6.2 } },
];

function value<T>(r: { ok: true; value: T } | { ok: false; diagnostics: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value;
}

describe('simulateIndex', () => {
  it('without uncertainty every run is the nominal index (hand-computed scores and ranks)', () => {
    const result = value(simulateIndex({ framework, data, uncertainty: {}, runs: 20, seed: 1 }));
    expect(result.node).toBe('IDX');
    const [a, b, c] = result.units;
    expect(a?.nominalScore).toBeCloseTo(0, 12);
    expect(b?.nominalScore).toBeCloseTo(200 / 3, 12);
    expect(c?.nominalScore).toBeCloseTo(250 / 3, 12);
    for (const q of c?.scoreQuantiles ?? []) expect(q).toBeCloseTo(250 / 3, 12);
    expect(result.units.map((u) => u.rankQuantiles)).toEqual([
      [3, 3, 3, 3, 3],
      [2, 2, 2, 2, 2],
      [1, 1, 1, 1, 1],
    ]);
    expect(result.units.map((u) => u.pFirst)).toEqual([0, 0, 1]);
    expect(result.units.map((u) => u.meanRank)).toEqual([3, 2, 1]);
  });

  it('an aggregation switch decides the winner exactly as often as each method is drawn', () => {
    const result = value(
      simulateIndex({
        framework: pair,
        data: pairData,
        method: { normalisation: { method: 'none' } },
        uncertainty: { aggregation: { values: ['arithmetic', 'geometric'] } },
        runs: 2000,
        seed: 'switch',
      }),
    );
    const [arithmetic, geometric] = result.methodCounts.aggregation as [number, number];
    expect(arithmetic + geometric).toBe(2000);
    expect(Math.abs(arithmetic - 1000)).toBeLessThan(5 * Math.sqrt(500)); // binomial sd ≈ 22
    const [x, y] = result.units;
    expect(x?.pFirst).toBe(arithmetic / 2000);
    expect(y?.pFirst).toBe(geometric / 2000);
    // X scores 6.5 (arithmetic) or 6 (geometric); nothing else
    expect(x?.scoreQuantiles[0]).toBeCloseTo(6, 12);
    expect(x?.scoreQuantiles[4]).toBeCloseTo(6.5, 12);
    expect(y?.scoreQuantiles[0]).toBeCloseTo(Math.sqrt(6 * 6.2), 12);
    expect(y?.scoreQuantiles[4]).toBeCloseTo(6.1, 12);
  });

  it('weights: a method switch on weights only moves units whose order depends on them', () => {
    // X is better on a, Y on b: equal weights tie them (6.5 vs 6.5); perturbed weights split them
    const tie: UnitData[] = [
      { code: 'X', values: { a: 9, b: 4 } },
      { code: 'Y', values: { a: 4, b: 9 } },
    ];
    const base = {
      framework: pair,
      data: tie,
      method: { normalisation: { method: 'none' } as const },
      runs: 4000,
      seed: 7,
    };
    const fixed = value(
      simulateIndex({ ...base, uncertainty: { weights: { type: 'uniform', percent: 0 } } }),
    );
    expect(fixed.units.map((u) => u.pFirst)).toEqual([1, 1]); // a tie: both rank first
    const moved = value(
      simulateIndex({ ...base, uncertainty: { weights: { type: 'uniform', percent: 20 } } }),
    );
    const [x, y] = moved.units;
    // by symmetry each wins about half the runs (sd of the share ≈ 0.008)
    expect(Math.abs((x?.pFirst ?? 0) - 0.5)).toBeLessThan(0.04);
    expect((x?.pFirst ?? 0) + (y?.pFirst ?? 0)).toBeCloseTo(1, 12);
    // ±20 % on each weight: the score stays within the two values' range, 4 … 9
    expect(x?.scoreQuantiles[0]).toBeGreaterThan(4);
    expect(x?.scoreQuantiles[4]).toBeLessThan(9);
  });

  it('data error: a normal error of sd 1 gives the normal quantiles around the reported value', () => {
    const one: FrameworkRow[] = [
      { code: 'a', level: 1, parent: 'T' },
      { code: 'T', level: 2 },
    ];
    const result = value(
      simulateIndex({
        framework: one,
        data: [{ code: 'U', values: { a: 10 } }],
        method: { normalisation: { method: 'none' } },
        uncertainty: { data: { a: { type: 'normal', sd: 1 } } },
        runs: 4000,
        seed: 3,
      }),
    );
    const [q05, , median, , q95] = result.units[0]?.scoreQuantiles ?? [];
    expect(median).toBeCloseTo(10, 1);
    expect(Math.abs((q05 as number) - (10 - 1.6449))).toBeLessThan(0.1);
    expect(Math.abs((q95 as number) - (10 + 1.6449))).toBeLessThan(0.1);
  });

  it('is reproducible by seed and does not touch its inputs', () => {
    const frozenData = structuredClone(data);
    for (const u of frozenData) Object.freeze(u.values);
    const options = Object.freeze({
      framework: Object.freeze(structuredClone(framework)),
      data: Object.freeze(frozenData),
      uncertainty: Object.freeze({
        weights: { type: 'dirichlet', concentration: 20 } as const,
        normalisation: { values: [{ method: 'minmax' }, { method: 'zscore' }] as const },
        data: { i3: { type: 'normal', relativeSd: 0.1 } as const },
      }),
      runs: 300,
      seed: 'same',
    });
    const a = value(simulateIndex(options));
    const b = value(simulateIndex(options));
    expect(b).toEqual(a);
    const c = value(simulateIndex({ ...options, seed: 'other' }));
    expect(c.units[0]?.scoreQuantiles).not.toEqual(a.units[0]?.scoreQuantiles);
    expect(options.data).toEqual(data);
  });

  it('reports runs whose mean needs positive values, and counts the missing runs', () => {
    const result = simulateIndex({
      framework: pair,
      data: [
        { code: 'X', values: { a: 0, b: 9 } },
        { code: 'Y', values: { a: 6, b: 6 } },
      ],
      method: { normalisation: { method: 'none' } },
      uncertainty: { aggregation: { values: ['geometric'] } },
      runs: 10,
      seed: 1,
    });
    const sim = value(result);
    expect(sim.units[0]?.missingRuns).toBe(10);
    expect(sim.units[0]?.scoreQuantiles).toEqual([]);
    expect(sim.units[1]?.pFirst).toBe(1);
    expect(result.diagnostics.map((d) => d.code)).toContain('SCORING_SIMULATION_RUN_DIAGNOSTIC');
  });

  it('bad options, framework or node give diagnostics with paths, never a throw', () => {
    const codes = (r: ReturnType<typeof simulateIndex>) =>
      r.ok ? [] : r.diagnostics.map((d) => [d.code, d.path]);
    const base = { framework, data, uncertainty: {}, runs: 10, seed: 1 };
    expect(codes(simulateIndex({ ...base, runs: 0 }))).toEqual([
      ['SCORING_SIMULATION_UNCERTAINTY_INVALID', ['runs']],
    ]);
    expect(
      codes(
        simulateIndex({
          ...base,
          uncertainty: { aggregation: { values: ['arithmetic', 'geometirc'] } },
        }),
      ),
    ).toEqual([
      ['SCORING_SIMULATION_UNCERTAINTY_INVALID', ['uncertainty', 'aggregation', 'values', 1]],
    ]);
    expect(
      codes(
        simulateIndex({
          ...base,
          uncertainty: { normalisation: { values: [{ method: 'rank' }] } } as never,
        }),
      ),
    ).toEqual([['SCORING_SIMULATION_UNCERTAINTY_INVALID', ['uncertainty', 'normalisation']]]);
    expect(
      codes(
        simulateIndex({
          ...base,
          uncertainty: { weights: { type: 'uniform', percent: 120 } },
        }),
      ),
    ).toEqual([['SCORING_SIMULATION_UNCERTAINTY_INVALID', ['uncertainty', 'weights']]]);
    expect(codes(simulateIndex({ ...base, node: 'NOPE' }))).toEqual([
      ['SCORING_SIMULATION_UNCERTAINTY_INVALID', ['node']],
    ]);
    const badFramework = simulateIndex({ ...base, framework: [{ code: 'x', level: 0 }] });
    expect(badFramework.ok).toBe(false);
    expect(badFramework.diagnostics.length).toBeGreaterThan(0);
    expect(codes(simulateIndex({ ...base, uncertainty: null } as never))).toEqual([
      ['SCORING_SIMULATION_UNCERTAINTY_INVALID', ['uncertainty']],
    ]);
  });

  it('null options or weights, and more runs than memory holds, give diagnostics, never a throw', () => {
    // each threw a TypeError or the RangeError of the allocation
    const shown = (r: ReturnType<typeof simulateIndex>) =>
      r.diagnostics.map((d) => [d.code, d.path, d.params?.detail]);
    const base = { framework, data, uncertainty: {}, runs: 10, seed: 1 };
    expect(shown(simulateIndex(null as never))).toEqual([
      ['SCORING_SIMULATION_UNCERTAINTY_INVALID', [], 'options must be an object; got null'],
    ]);
    expect(shown(simulateIndex({ ...base, uncertainty: { weights: null as never } }))).toEqual([
      [
        'SCORING_SIMULATION_UNCERTAINTY_INVALID',
        ['uncertainty', 'weights'],
        'weights must be { type: uniform, percent in [0, 100) } or { type: dirichlet, concentration > 0 }',
      ],
    ]);
    for (const runs of [2 ** 40, 1e300])
      expect(shown(simulateIndex({ ...base, runs }))).toEqual([
        [
          'SCORING_SIMULATION_UNCERTAINTY_INVALID',
          ['runs'],
          `runs must be fewer: ${runs} runs cannot be held in memory`,
        ],
      ]);
  });

  it('shows a run count or a node that is an object without a prototype, never a throw', () => {
    // options from code: String() and template literals throw on such an object (and on a symbol)
    const bare = Object.create(null) as never;
    const shown = (r: ReturnType<typeof simulateIndex>) =>
      r.diagnostics.map((d) => [d.code, d.path, d.params?.detail]);
    const base = { framework, data, uncertainty: {}, runs: 10, seed: 1 };
    expect(shown(simulateIndex({ ...base, runs: bare }))).toEqual([
      [
        'SCORING_SIMULATION_UNCERTAINTY_INVALID',
        ['runs'],
        'runs must be an integer ≥ 1; got object',
      ],
    ]);
    expect(shown(simulateIndex({ ...base, runs: 'ten' as never }))).toEqual([
      ['SCORING_SIMULATION_UNCERTAINTY_INVALID', ['runs'], 'runs must be an integer ≥ 1; got ten'],
    ]);
    for (const [node, text] of [
      [bare, 'object'],
      [Symbol('IDX'), 'Symbol(IDX)'],
      ['NOPE', 'NOPE'],
    ] as const) {
      expect(shown(simulateIndex({ ...base, node: node as never }))).toEqual([
        [
          'SCORING_SIMULATION_UNCERTAINTY_INVALID',
          ['node'],
          `node ${text} is not in the framework`,
        ],
      ]);
    }
  });

  it('warns about data uncertainty on a code that is not an indicator', () => {
    const r = simulateIndex({
      framework,
      data,
      uncertainty: { data: { i9: { type: 'normal', sd: 1 } } },
      runs: 2,
      seed: 1,
    });
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['SCORING_SIMULATION_UNKNOWN_FACT', ['uncertainty', 'data', 'i9']],
    ]);
  });
});
