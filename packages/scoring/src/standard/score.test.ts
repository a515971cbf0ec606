import { describe, expect, it } from 'vitest';
import { testMeta } from './__fixtures__/test-meta.js';
import { defineStandard, type Standard } from './define-standard.js';
import { evaluate, factVector } from './evaluate.js';
import { score } from './score.js';
import type { StandardSpec } from './standard-spec.js';

const meta = testMeta('test.standard');

/** Key item `k` (50 points) and basic item `b` (66 points), both linear on a share fact 0..1. */
function twoItemStandard(extra: Partial<StandardSpec> = {}): Standard {
  const r = defineStandard({
    meta,
    items: [
      {
        id: 'k',
        tier: 'key',
        points: 50,
        rule: { kind: 'linear', input: 'k', zeroAt: 0, fullAt: 1 },
      },
      {
        id: 'b',
        tier: 'basic',
        points: 66,
        rule: { kind: 'linear', input: 'b', zeroAt: 0, fullAt: 66 },
      },
    ],
    vetoes: [{ id: 'incident', when: { value: 'majorIncidents', op: '>', than: 0 } }],
    ...extra,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value;
}

describe('pass rule (REFERENCES.md: no veto, every key item ≥ 60 %, total ≥ 90)', () => {
  const std = twoItemStandard();

  it('total 95 with one key item at 58 % fails', () => {
    // key 29/50 = 58 %, basic 66 → 95
    const r = score(std, { k: 0.58, b: 66, majorIncidents: 0 });
    expect(r.total).toBe(95);
    expect(r.pass).toBe(false);
    expect(r.checks.keyItems).toBe(false);
    expect(r.checks.failingKeyItems).toEqual(['k']);
    expect(r.checks.total).toBe(true);
    expect(evaluate(std, { k: 0.58, b: 66, majorIncidents: 0 }).pass).toBe(false);
  });

  it('total 89.5 fails even with every key item full', () => {
    const r = score(std, { k: 1, b: 39.5, majorIncidents: 0 });
    expect(r.total).toBe(89.5);
    expect(r.pass).toBe(false);
    expect(r.checks).toMatchObject({ keyItems: true, total: false, noVeto: true });
  });

  it('total exactly 90 with the key item at exactly 60 % passes', () => {
    const r = score(std, { k: 0.6, b: 60, majorIncidents: 0 });
    expect(r.total).toBe(90);
    expect(r.hundredths).toBe(9000);
    expect(r.items[0]?.points).toBe(30);
    expect(r.pass).toBe(true);
    const fast = evaluate(std, { k: 0.6, b: 60, majorIncidents: 0 });
    expect(fast).toMatchObject({ total: 90, hundredths: 9000, pass: true, vetoFired: false });
  });

  it('any veto fails a perfect score', () => {
    const r = score(std, { k: 1, b: 66, majorIncidents: 1 });
    expect(r.total).toBe(116);
    expect(r.pass).toBe(false);
    expect(r.vetoesFired.map((v) => v.id)).toEqual(['incident']);
    expect(evaluate(std, { k: 1, b: 66, majorIncidents: 1 })).toMatchObject({
      pass: false,
      vetoFired: true,
      vetoCount: 1,
    });
  });

  it('the three parts of the pass rule are data', () => {
    const lenient = twoItemStandard({
      pass: { noVeto: false, keyItemMinPercent: 50, minTotal: 80, totalTiers: ['key', 'basic'] },
    });
    const r = score(lenient, { k: 0.58, b: 51, majorIncidents: 2 });
    expect(r.total).toBe(80);
    expect(r.pass).toBe(true);
    expect(r.vetoesFired).toHaveLength(1);
  });
});

describe('facts that are null or undefined (from JSON)', () => {
  it('are no facts for evaluate and factVector, as for score', () => {
    const std = twoItemStandard();
    for (const facts of [null, undefined]) {
      expect(Array.from(factVector(std, facts as never))).toEqual([
        Number.NaN,
        Number.NaN,
        Number.NaN,
      ]);
      const fast = evaluate(std, facts as never);
      const full = score(std, facts as never);
      expect(fast).toMatchObject({ total: full.total, pass: full.pass, vetoCount: 0 });
      expect(fast.total).toBe(0);
    }
  });
});

describe('exact points', () => {
  it('900 items of 0.1 points add up to exactly 90 (floating addition would not)', () => {
    const items = Array.from({ length: 900 }, (_, i) => ({
      id: `i${i}`,
      tier: 'basic' as const,
      points: 0.1,
      rule: { kind: 'boolean' as const, input: 'done' },
    }));
    let float = 0;
    for (let i = 0; i < 900; i++) float += 0.1;
    expect(float).not.toBe(90);
    const r = defineStandard({ meta, items });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = score(r.value, { done: true }, { explain: false });
    expect(s.total).toBe(90);
    expect(s.hundredths).toBe(9000);
    expect(s.pass).toBe(true);
    expect(evaluate(r.value, { done: true }).total).toBe(90);
  });

  it('rounds computed points once, as the standard says', () => {
    const std = (decimals: 0 | 1 | 2, mode: 'half-up' | 'floor' | 'ceil' | 'half-even') => {
      const r = defineStandard({
        meta,
        rounding: { decimals, mode },
        items: [
          {
            id: 'a',
            tier: 'basic',
            points: 3,
            rule: { kind: 'linear', input: 'x', zeroAt: 0, fullAt: 8 },
          },
        ],
      });
      if (!r.ok) throw new Error('bad');
      return r.value;
    };
    // 3 × 5/8 = 1.875
    expect(score(std(2, 'half-up'), { x: 5 }).total).toBe(1.88);
    expect(score(std(2, 'half-even'), { x: 5 }).total).toBe(1.88);
    expect(score(std(2, 'floor'), { x: 5 }).total).toBe(1.87);
    expect(score(std(1, 'half-up'), { x: 5 }).total).toBe(1.9);
    expect(score(std(0, 'floor'), { x: 5 }).total).toBe(1);
    expect(score(std(0, 'ceil'), { x: 5 }).total).toBe(2);
    // 3 × 1/8 = 0.375 → half-even at 2 decimals → 0.38 (7 is odd); 3 × 3/8 = 1.125 → 1.12
    expect(score(std(2, 'half-even'), { x: 3 }).total).toBe(1.12);
    // 0.29 × 100 is 28.999999999999996 in floating point; floor must still give 0.29
    const r = defineStandard({
      meta,
      rounding: { decimals: 2, mode: 'floor' },
      items: [
        {
          id: 'a',
          tier: 'basic',
          points: 1,
          rule: { kind: 'linear', input: 'x', zeroAt: 0, fullAt: 1 },
        },
      ],
    });
    expect(r.ok && score(r.value, { x: 0.29 }).total).toBe(0.29);
  });
});

describe('explanations and purity', () => {
  it('the explanation tree shows tiers, items, rules, facts used, thresholds crossed, vetoes and the pass rule', () => {
    const r = defineStandard({
      meta,
      indicators: { per1000: { perCapita: 'batches', population: 'population' } },
      items: [
        {
          id: 'sampling',
          tier: 'key',
          points: 10,
          title: { 'zh-CN': '抽检量', en: 'Sampling volume' },
          rule: {
            kind: 'threshold',
            input: 'per1000',
            bands: [
              { atLeast: 2, points: 5 },
              { atLeast: 4, points: 10 },
            ],
          },
        },
      ],
      vetoes: [{ id: 'incident', when: { value: 'incidents', op: '>', than: 0 } }],
      pass: { minTotal: 10 },
    });
    if (!r.ok) throw new Error('spec');
    const s = score(r.value, { batches: 21_000, population: 7_000_000, incidents: 0 });
    const tree = s.explanation;
    expect(tree?.kind).toBe('unit');
    expect(tree?.children?.map((c) => c.kind)).toEqual(['tier', 'veto', 'pass-rule']);
    const item = tree?.children?.[0]?.children?.[0];
    expect(item).toMatchObject({
      kind: 'item',
      id: 'sampling',
      label: 'Sampling volume',
      labelZh: '抽检量',
      value: 5,
      max: 10,
      rule: 'threshold',
    });
    expect(item?.thresholds).toEqual([
      { atLeast: 2, points: 5, crossed: true },
      { atLeast: 4, points: 10, crossed: false },
    ]);
    const indicator = item?.children?.[0];
    expect(indicator).toMatchObject({ kind: 'indicator', id: 'per1000', value: 3 });
    expect(indicator?.children?.[0]?.children?.map((c) => [c.kind, c.id, c.value])).toEqual([
      ['fact', 'batches', 21_000],
      ['fact', 'population', 7_000_000],
    ]);
    const passRule = tree?.children?.[2];
    expect(passRule?.children?.map((c) => [c.id, c.holds])).toEqual([
      ['noVeto', true],
      ['keyItems', false],
      ['total', false],
    ]);
    expect(s.meta.id).toBe('test.standard');
  });

  it('never mutates the facts or the options', () => {
    const std = twoItemStandard();
    const facts = Object.freeze({ k: 0.7, b: 50, majorIncidents: 0 });
    const regions = Object.freeze({ r1: Object.freeze({ k: 0.2 }) });
    const s = score(std, facts, { regions });
    expect(s.regions[0]?.total).toBe(60);
    expect(facts).toEqual({ k: 0.7, b: 50, majorIncidents: 0 });
  });
});
