import { FoodSafetyError } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import { testMeta } from './__fixtures__/test-meta.js';
import { defineStandard } from './define-standard.js';
import { evaluate } from './evaluate.js';
import { score } from './score.js';

const meta = testMeta('test.standard');

const codes = (r: { diagnostics: readonly { code: string }[] }) => r.diagnostics.map((d) => d.code);

describe('indicators as data', () => {
  const spec = {
    meta,
    indicators: {
      batchesPer1000: { perCapita: 'samplingBatches', population: 'population', per: 1000 },
      residuePer1000: { perCapita: 'residueBatches', population: 'population' },
    },
    items: [
      {
        id: 'sampling-volume',
        tier: 'key',
        points: 4,
        rule: { kind: 'threshold', input: 'batchesPer1000', bands: [{ atLeast: 4, points: 4 }] },
        vetoWhen: {
          any: [
            { value: 'batchesPer1000', op: '<', than: 4 },
            { value: 'residuePer1000', op: '<', than: 2 },
          ],
        },
      },
    ],
  } as const;

  it('36 000 batches for 6.98 million residents is 5.16 per 1 000 and reaches ≥ 4 (CITY-PROGRAMME.md)', () => {
    const r = defineStandard(spec);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = score(r.value, {
      samplingBatches: 36_000,
      residueBatches: 15_000,
      population: 6_980_000,
    });
    const item = s.items[0];
    expect(item?.points).toBe(4);
    const input = item?.explanation?.children?.[0];
    expect(input?.kind).toBe('indicator');
    expect(input?.id).toBe('batchesPer1000');
    expect(Number(Number(input?.value).toFixed(2))).toBe(5.16);
    expect(item?.explanation?.thresholds).toEqual([{ atLeast: 4, points: 4, crossed: true }]);
    expect(s.vetoesFired).toEqual([]);
  });

  it('an item can be a veto and carry points: below 2 per 1 000 on residues the veto fires', () => {
    const r = defineStandard(spec);
    if (!r.ok) throw new Error('spec');
    // 13 000 / 6 980 000 × 1 000 = 1.86 < 2
    const s = score(r.value, {
      samplingBatches: 36_000,
      residueBatches: 13_000,
      population: 6_980_000,
    });
    expect(s.items[0]?.points).toBe(4);
    expect(s.vetoesFired.map((v) => v.id)).toEqual(['sampling-volume']);
    expect(s.pass).toBe(false);
  });

  it('division by a zero population is a diagnostic, not a crash', () => {
    const r = defineStandard(spec);
    if (!r.ok) throw new Error('spec');
    const s = score(r.value, { samplingBatches: 36_000, residueBatches: 1, population: 0 });
    expect(s.items[0]?.status).toBe('missing');
    expect(codes(s)).toContain('SCORING_VALUE_UNDEFINED');
  });

  it('sum, difference, ratio, product, min and max', () => {
    const r = defineStandard({
      meta,
      indicators: {
        s: { sum: ['a', 'b', 1] },
        d: { difference: ['a', 'b'] },
        q: { ratio: ['a', 'b'], scale: 100 },
        p: { product: ['a', 'b'] },
        lo: { min: ['a', 'b'] },
        hi: { max: ['a', { sum: ['b', 10] }] },
      },
      items: ['s', 'd', 'q', 'p', 'lo', 'hi'].map((x) => ({
        id: x,
        tier: 'basic',
        points: 100,
        rule: { kind: 'linear', input: x, zeroAt: 0, fullAt: 100 },
      })),
    });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const s = score(r.value, { a: 30, b: 20 });
    expect(s.items.map((i) => i.points)).toEqual([51, 10, 100, 100, 20, 30]);
  });
});

describe('missing facts', () => {
  const make = (policy: 'zero' | 'skip', vetoes: 'fire' | 'ignore' = 'ignore') => {
    const r = defineStandard({
      meta,
      missing: { items: policy, vetoes },
      pass: { minTotal: 10 },
      items: [
        { id: 'a', tier: 'key', points: 10, rule: { kind: 'boolean', input: 'a' } },
        { id: 'b', tier: 'basic', points: 10, rule: { kind: 'boolean', input: 'b' } },
      ],
      vetoes: [{ id: 'v', when: { value: 'incident', op: '==', than: true } }],
    });
    if (!r.ok) throw new Error('spec');
    return r.value;
  };

  it('scores 0 with a warning naming the fact, the unit and the path', () => {
    const s = score(make('zero'), { b: true, incident: false });
    expect(s.items[0]).toMatchObject({ status: 'missing', points: 0 });
    const d = s.diagnostics.find((x) => x.code === 'SCORING_FACT_MISSING');
    expect(d).toMatchObject({ severity: 'warning', path: ['facts', 'a'] });
    expect(s.pass).toBe(false);
    expect(s.checks.failingKeyItems).toEqual(['a']);
  });

  it('skips the item (and its key-item check) under the skip policy', () => {
    const s = score(make('skip'), { b: true, incident: false });
    expect(s.items[0]?.status).toBe('skipped');
    expect(s.tiers.key.max).toBe(0);
    expect(s.pass).toBe(true);
  });

  it('a veto with missing facts is ignored or fires, as the standard says', () => {
    expect(score(make('zero', 'ignore'), { a: true, b: true }).vetoesFired).toEqual([]);
    const fired = score(make('zero', 'fire'), { a: true, b: true });
    expect(fired.vetoesFired).toMatchObject([{ id: 'v', onMissingFacts: true }]);
    expect(fired.pass).toBe(false);
    expect(codes(fired)).toContain('SCORING_VETO_FACT_MISSING');
    expect(evaluate(make('zero', 'fire'), { a: true, b: true }).vetoFired).toBe(true);
  });

  it('invalid fact values are errors, treated as missing, never a crash', () => {
    const s = score(make('zero'), {
      a: Number.NaN,
      b: 'yes' as unknown as number,
      incident: false,
    });
    expect(codes(s).filter((c) => c === 'SCORING_FACT_INVALID')).toHaveLength(2);
    expect(s.total).toBe(0);
  });

  it('regions inherit city facts unless told otherwise', () => {
    const std = make('zero');
    const s = score(std, { a: true, b: true, incident: false }, { regions: { r1: { b: false } } });
    expect(s.regions[0]).toMatchObject({ unit: { kind: 'region', id: 'r1' }, total: 10 });
    const t = score(
      std,
      { a: true, b: true },
      { regions: { r1: { b: false } }, inheritCityFacts: false },
    );
    expect(t.regions[0]?.total).toBe(0);
  });
});

describe('bad specs give diagnostics with paths', () => {
  it('shape errors: SCORING_SPEC_INVALID plus SCHEMA_* with paths', () => {
    const r = defineStandard({
      meta,
      items: [{ id: 'a', tier: 'gold', points: 1, rule: { kind: 'boolean', input: 'x' } }],
    });
    expect(r.ok).toBe(false);
    expect(codes(r)[0]).toBe('SCORING_SPEC_INVALID');
    expect(r.diagnostics.some((d) => d.path?.join('.') === 'items.0.tier')).toBe(true);
    expect(defineStandard(null).ok).toBe(false);
    expect(defineStandard({}).ok).toBe(false);
  });

  it('duplicate ids, precision, bands, goalposts, cycles, unknown refs and plugins', () => {
    const r = defineStandard({
      meta,
      facts: { x: { en: 'x' } },
      indicators: { i1: { sum: ['i2', 1] }, i2: { sum: ['i1', 'x'] }, i3: { ratio: ['y', 'x'] } },
      items: [
        { id: 'a', tier: 'key', points: 1.234, rule: { kind: 'boolean', input: 'x' } },
        {
          id: 'a',
          tier: 'basic',
          points: 2,
          rule: {
            kind: 'threshold',
            input: 'x',
            bands: [
              { atLeast: 1, points: 3 },
              { atLeast: 1, points: 1 },
            ],
          },
        },
        {
          id: 'c',
          tier: 'basic',
          points: 2,
          rule: { kind: 'linear', input: 'x', zeroAt: 5, fullAt: 5 },
        },
        { id: 'd', tier: 'bonus', points: 2, rule: { kind: 'calculator', calculator: 'nope' } },
        {
          id: 'e',
          tier: 'bonus',
          points: 2,
          rule: { kind: 'boolean', when: { predicate: 'nope' } },
        },
      ],
      tiers: { key: { items: 2, points: 58 } },
    });
    expect(r.ok).toBe(false);
    const byCode = (code: string) =>
      r.diagnostics.filter((d) => d.code === code).map((d) => d.path);
    expect(byCode('SCORING_DUPLICATE_ID')).toEqual([['items', 1, 'id']]);
    expect(byCode('SCORING_POINTS_PRECISION')).toEqual([['items', 0, 'points']]);
    expect(byCode('SCORING_BAND_POINTS_EXCEED')).toEqual([
      ['items', 1, 'rule', 'bands', 0, 'points'],
    ]);
    expect(byCode('SCORING_BANDS_NOT_MONOTONIC').length).toBeGreaterThan(0);
    expect(byCode('SCORING_GOALPOSTS_EQUAL')).toEqual([['items', 2, 'rule', 'fullAt']]);
    expect(byCode('SCORING_INDICATOR_CYCLE')).toHaveLength(1);
    expect(byCode('SCORING_UNKNOWN_REF')).toEqual([['indicators', 'i3']]);
    expect(byCode('SCORING_UNKNOWN_CALCULATOR')).toEqual([['items', 3, 'rule', 'calculator']]);
    expect(byCode('SCORING_UNKNOWN_VETO_PREDICATE')).toEqual([
      ['items', 4, 'rule', 'when', 'predicate'],
    ]);
    expect(byCode('SCORING_TIER_TOTAL_MISMATCH')).toEqual([
      ['tiers', 'key', 'items'],
      ['tiers', 'key', 'points'],
    ]);
    for (const d of r.diagnostics) expect(d.message).not.toMatch(/\{\w+\}/);
  });

  it('a non-verified standard carries an info notice; a foreign object is a programmer error', () => {
    const r = defineStandard({
      meta: { ...meta, confidence: 'unverified' },
      items: [{ id: 'a', tier: 'key', points: 1, rule: { kind: 'boolean', input: 'x' } }],
    });
    expect(r.ok && codes(r)).toEqual(['RULESET_NOT_VERIFIED']);
    expect(() => evaluate({} as never, {})).toThrow(FoodSafetyError);
    expect(() => score(null as never, {})).toThrow(/SCORING_NOT_A_STANDARD/);
  });

  it('does not mutate the spec', () => {
    const spec = {
      meta,
      items: [
        {
          id: 'a',
          tier: 'key',
          points: 1,
          rule: {
            kind: 'threshold',
            input: 'x',
            bands: [
              { atLeast: 2, points: 1 },
              { atLeast: 1, points: 0.5 },
            ],
          },
        },
      ],
    };
    const copy = structuredClone(spec);
    const r = defineStandard(Object.freeze(spec));
    expect(r.ok).toBe(true);
    expect(spec).toEqual(copy);
    if (r.ok) expect(score(r.value, { x: 1.5 }).total).toBe(0.5);
  });
});
