import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  handData as data,
  handFramework as framework,
} from './__fixtures__/hand-computed-index.js';
import { computeIndex, type UnitData } from './compute-index.js';
import type { FrameworkRow } from './index-framework.js';

function node(r: ReturnType<typeof computeIndex>, code: string) {
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  const n = r.value.nodes.find((x) => x.code === code);
  if (!n) throw new Error(code);
  return n;
}

const close = (xs: readonly (number | null)[], ys: readonly number[]) => {
  expect(xs).toHaveLength(ys.length);
  xs.forEach((x, i) => {
    expect(x).toBeCloseTo(ys[i] as number, 9);
  });
};

describe('computeIndex (hand-computed example)', () => {
  it('min-max with direction, weighted arithmetic mean up the tree, ranks with ties = min', () => {
    const r = computeIndex(framework, data);
    close(node(r, 'i2').scores, [0, 100, 50]);
    close(node(r, 'P1').scores, [0, 75, 75]);
    expect(node(r, 'P1').ranks).toEqual([3, 1, 1]);
    close(node(r, 'IDX').scores, [0, 200 / 3, 250 / 3]);
    expect(node(r, 'IDX').ranks).toEqual([3, 2, 1]);
    expect(r.ok && r.value.roots).toEqual(['IDX']);
  });

  it('COINr semantics: a missing child is skipped and the weights renormalised within the parent', () => {
    const withGap = data.map((u) =>
      u.code === 'B' ? { code: 'B', values: { i1: null, i2: 1, i3: 50 } } : u,
    );
    const r = computeIndex(framework, withGap);
    expect(node(r, 'i1').scores).toEqual([0, null, 100]);
    close(node(r, 'P1').scores, [0, 100, 75]);
    close(node(r, 'IDX').scores, [0, 250 / 3, 250 / 3]);
    expect(node(r, 'IDX').ranks).toEqual([3, 1, 1]);
  });

  it('geometric and harmonic means', () => {
    const fw: FrameworkRow[] = [
      { code: 'a', level: 1, parent: 'T' },
      { code: 'b', level: 1, parent: 'T' },
      { code: 'T', level: 2 },
    ];
    const d = [{ code: 'u', values: { a: 4, b: 1 } }];
    const run = (aggregation: 'arithmetic' | 'geometric' | 'harmonic') =>
      node(computeIndex(fw, d, { normalisation: { method: 'none' }, aggregation }), 'T').scores[0];
    expect(run('arithmetic')).toBeCloseTo(2.5, 12);
    expect(run('geometric')).toBeCloseTo(2, 12);
    expect(run('harmonic')).toBeCloseTo(1.6, 12);
    const zero = computeIndex(fw, [{ code: 'u', values: { a: 0, b: 1 } }], {
      normalisation: { method: 'none' },
      aggregation: 'geometric',
    });
    expect(zero.ok && zero.diagnostics.map((x) => x.code)).toContain('SCORING_INDEX_NONPOSITIVE');
  });

  it('goalposts, z-scores and distance to target', () => {
    const fw: FrameworkRow[] = [
      { code: 'x', level: 1, parent: 'T' },
      { code: 'y', level: 1, parent: 'T', direction: -1 },
      { code: 'T', level: 2 },
    ];
    const d = [
      { code: 'u1', values: { x: 10, y: 50 } },
      { code: 'u2', values: { x: 20, y: 300 } },
      { code: 'u3', values: { x: 30, y: 100 } },
    ];
    const gp = computeIndex(fw, d, {
      normalisation: {
        method: 'goalposts',
        goalposts: { x: { lower: 0, upper: 40 }, y: { lower: 0, upper: 200 } },
      },
    });
    close(node(gp, 'x').scores, [25, 50, 75]);
    close(node(gp, 'y').scores, [75, 0, 50]);
    const z = computeIndex(fw, d, { normalisation: { method: 'zscore' } });
    close(node(z, 'x').scores, [-1, 0, 1]);
    const dt = computeIndex(fw, d, {
      normalisation: { method: 'distanceToTarget', targets: { x: 25, y: 75 } },
    });
    close(node(dt, 'x').scores, [0, (10 / 15) * 100, 100]);
    // direction −1: (max − y) / (max − target) = (300 − y) / 225, capped at 1
    close(node(dt, 'y').scores, [100, 0, (200 / 225) * 100]);
  });

  it('a plugin aggregator by id', () => {
    const r = computeIndex(framework, data, {
      aggregation: 'max',
      aggregators: [{ id: 'max', aggregate: (x) => Math.max(...x) }],
    });
    close(node(r, 'P1').scores, [0, 100, 100]);
    expect(computeIndex(framework, data, { aggregation: 'nope' }).diagnostics[0]?.code).toBe(
      'SCORING_INDEX_METHOD_INVALID',
    );
  });
});

describe('framework validation', () => {
  it('cycles, unknown parents, weights ≤ 0, duplicates — with paths', () => {
    const r = computeIndex(
      [
        { code: 'a', level: 1, parent: 'b', weight: 0 },
        { code: 'b', level: 2, parent: 'c' },
        { code: 'c', level: 3, parent: 'b' },
        { code: 'd', level: 1, parent: 'zz', weight: -1 },
        { code: 'd', level: 1 },
      ],
      data,
    );
    expect(r.ok).toBe(false);
    const got = r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.path]);
    expect(got).toEqual(
      expect.arrayContaining([
        ['SCORING_INDEX_WEIGHT_INVALID', [0, 'weight']],
        ['SCORING_INDEX_WEIGHT_INVALID', [3, 'weight']],
        ['SCORING_INDEX_UNKNOWN_PARENT', [3, 'parent']],
        ['SCORING_DUPLICATE_ID', [4, 'code']],
      ]),
    );
    expect(r.diagnostics.filter((d) => d.code === 'SCORING_INDEX_CYCLE')).toHaveLength(1);
    expect(computeIndex([{ code: 'a', level: 'one' }], data).diagnostics[0]?.path).toEqual([
      0,
      'level',
    ]);
    expect(computeIndex(framework, data, { weights: { P1: 0 } }).ok).toBe(false);
  });

  it('reports methods holding objects without a prototype, or inherited names, without throwing', () => {
    // a method built in code: reading an object as a key, comparing it or showing it converts it
    // to text, which throws for an object without a prototype
    const bare = Object.create(null) as never;
    const methodOf = (r: ReturnType<typeof computeIndex>) =>
      r.diagnostics.map((d) => [d.code, d.path, d.params]);
    expect(methodOf(computeIndex(framework, data, { aggregation: bare }))).toEqual([
      [
        'SCORING_INDEX_METHOD_INVALID',
        ['method', 'aggregation'],
        { detail: 'unknown aggregation object' },
      ],
    ]);
    // what every object inherits is no aggregator (it threw `aggregate is not a function`)
    expect(methodOf(computeIndex(framework, data, { aggregation: 'constructor' }))).toEqual([
      [
        'SCORING_INDEX_METHOD_INVALID',
        ['method', 'aggregation'],
        { detail: 'unknown aggregation constructor' },
      ],
    ]);
    expect(methodOf(computeIndex(framework, data, { weights: { P1: bare } }))).toEqual([
      [
        'SCORING_INDEX_METHOD_INVALID',
        ['method', 'weights', 'P1'],
        { detail: 'the weight of P1 is not a number: {}' },
      ],
    ]);
    // a weight written as text was summed as text before ("3" + 1 …): now a finding that says so
    expect(methodOf(computeIndex(framework, data, { weights: { P1: '3' as never } }))).toEqual([
      [
        'SCORING_INDEX_METHOD_INVALID',
        ['method', 'weights', 'P1'],
        { detail: 'the weight of P1 is not a number: "3"' },
      ],
    ]);
    const goalposts = computeIndex(framework, data, {
      normalisation: {
        method: 'goalposts',
        goalposts: {
          i1: { lower: 0, upper: bare },
          i2: { lower: 0, upper: 9 },
          i3: { lower: 0, upper: 100 },
        },
      },
    });
    expect(methodOf(goalposts)).toEqual([
      [
        'SCORING_INDEX_METHOD_INVALID',
        ['method', 'normalisation', 'goalposts', 'i1'],
        { detail: 'goalposts for i1 missing or not lower < upper' },
      ],
    ]);
    const targets = computeIndex(framework, data, {
      normalisation: { method: 'distanceToTarget', targets: { i1: bare, i2: 2, i3: 90 } },
    });
    expect(methodOf(targets)).toEqual([
      [
        'SCORING_INDEX_METHOD_INVALID',
        ['method', 'normalisation', 'targets', 'i1'],
        { detail: 'target for i1 is not a number' },
      ],
    ]);
  });

  it('reports data rows and methods of the wrong shape (JSON input), instead of throwing', () => {
    const shape = (d: unknown, m?: unknown) =>
      computeIndex(framework, d as never, m as never).diagnostics.map((x) => [
        x.code,
        x.path,
        x.params?.detail,
      ]);
    expect(shape([null, { code: 'x' }, { values: {} }, ...data])).toEqual([
      ['SCORING_INDEX_DATA_INVALID', ['data', 0], 'row 0 is not an object'],
      ['SCORING_INDEX_DATA_INVALID', ['data', 1, 'values'], 'row x has no values object'],
      ['SCORING_INDEX_DATA_INVALID', ['data', 2, 'code'], 'row 2 has no code'],
    ]);
    expect(shape({ rows: data })).toEqual([
      ['SCORING_INDEX_DATA_INVALID', ['data'], 'the data must be a list of rows'],
    ]);
    expect(shape(data, null)).toEqual([
      ['SCORING_INDEX_METHOD_INVALID', ['method'], 'the method must be an object'],
    ]);
    expect(shape(data, { normalisation: { method: 'rank' } })).toEqual([
      [
        'SCORING_INDEX_METHOD_INVALID',
        ['method', 'normalisation', 'method'],
        'unknown normalisation "rank"',
      ],
    ]);
    expect(shape(data, { normalisation: { method: 'goalposts' } })).toEqual([
      [
        'SCORING_INDEX_METHOD_INVALID',
        ['method', 'normalisation', 'goalposts'],
        'goalposts must be an object',
      ],
    ]);
    expect(shape(data, { normalisation: { method: 'distanceToTarget', targets: [] } })).toEqual([
      [
        'SCORING_INDEX_METHOD_INVALID',
        ['method', 'normalisation', 'targets'],
        'targets must be an object',
      ],
    ]);
  });

  it('reports a range, scale, mean or sd that is not a number, instead of throwing', () => {
    const shape = (normalisation: unknown) =>
      computeIndex(framework, data, { normalisation } as never).diagnostics.map((x) => [
        x.code,
        x.path,
        x.params?.detail,
      ]);
    const bare = Object.create(null);
    const goalposts = {
      i1: { lower: 0, upper: 40 },
      i2: { lower: 0, upper: 10 },
      i3: { lower: 0, upper: 100 },
    };
    expect(shape({ method: 'minmax', range: [bare, 10] })).toEqual([
      [
        'SCORING_INDEX_METHOD_INVALID',
        ['method', 'normalisation', 'range'],
        'range must be a list of two numbers: [{},10]',
      ],
    ]);
    expect(shape({ method: 'minmax', range: 5 })).toEqual([
      [
        'SCORING_INDEX_METHOD_INVALID',
        ['method', 'normalisation', 'range'],
        'range must be a list of two numbers: 5',
      ],
    ]);
    expect(shape({ method: 'goalposts', goalposts, scale: 10n })).toEqual([
      [
        'SCORING_INDEX_METHOD_INVALID',
        ['method', 'normalisation', 'scale'],
        'scale must be a number: 10n',
      ],
    ]);
    expect(shape({ method: 'zscore', mean: '10', sd: bare })).toEqual([
      [
        'SCORING_INDEX_METHOD_INVALID',
        ['method', 'normalisation', 'mean'],
        'mean must be a number: "10"',
      ],
      [
        'SCORING_INDEX_METHOD_INVALID',
        ['method', 'normalisation', 'sd'],
        'sd must be a number: {}',
      ],
    ]);
    expect(shape({ method: 'distanceToTarget', targets: { i1: 25 }, scale: [100] })).toEqual([
      [
        'SCORING_INDEX_METHOD_INVALID',
        ['method', 'normalisation', 'scale'],
        'scale must be a number: [100]',
      ],
    ]);
    // numbers as before
    expect(
      computeIndex(framework, data, { normalisation: { method: 'minmax', range: [0, 10] } }).ok,
    ).toBe(true);
  });

  it('does not mutate its inputs', () => {
    const fw = structuredClone(framework);
    const d = structuredClone(data);
    computeIndex(Object.freeze(fw), Object.freeze(d), { weights: { P1: 5 } });
    expect(fw).toEqual(framework);
    expect(d).toEqual(data);
  });
});

describe('properties', () => {
  const unitsArb = fc.array(
    fc.record({
      i1: fc.double({ min: 0, max: 100, noNaN: true }),
      i2: fc.double({ min: 0, max: 100, noNaN: true }),
      i3: fc.double({ min: 0, max: 100, noNaN: true }),
    }),
    { minLength: 2, maxLength: 8 },
  );
  const toData = (rows: { i1: number; i2: number; i3: number }[]): UnitData[] =>
    rows.map((values, i) => ({ code: `u${i}`, values }));

  it('scaling all weights of a parent leaves every score unchanged', () => {
    fc.assert(
      fc.property(unitsArb, fc.double({ min: 0.01, max: 100, noNaN: true }), (rows, k) => {
        const d = toData(rows);
        const a = computeIndex(framework, d, { normalisation: { method: 'none' } });
        const b = computeIndex(framework, d, {
          normalisation: { method: 'none' },
          weights: { i1: k, i2: k, P1: 2 * k, P2: k },
        });
        if (!a.ok || !b.ok) return false;
        return a.value.nodes.every((n, j) =>
          n.scores.every((s, u) => Math.abs((s ?? 0) - (b.value.nodes[j]?.scores[u] ?? 0)) < 1e-9),
        );
      }),
    );
  });

  it('raising an indicator never lowers the unit’s arithmetic-mean score', () => {
    fc.assert(
      fc.property(
        unitsArb,
        fc.nat(),
        fc.constantFrom('i1', 'i3'),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (rows, pick, ind, delta) => {
          const d = toData(rows);
          const u = pick % d.length;
          const raised = d.map((x, i) =>
            i === u
              ? { code: x.code, values: { ...x.values, [ind]: (x.values[ind] as number) + delta } }
              : x,
          );
          const a = computeIndex(framework, d);
          const b = computeIndex(framework, raised);
          if (!a.ok || !b.ok) return true; // constant indicators are not normalisable
          const before = a.value.nodes.find((n) => n.code === 'IDX')?.scores[u];
          const after = b.value.nodes.find((n) => n.code === 'IDX')?.scores[u];
          if (before === null || after === null || before === undefined || after === undefined)
            return true;
          return after >= before - 1e-9;
        },
      ),
    );
  });
});
