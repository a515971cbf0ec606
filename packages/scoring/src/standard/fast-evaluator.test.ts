import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cnStandard } from '../cn/cn-standard.js';
import type { Facts } from '../facts.js';
import { testMeta } from './__fixtures__/test-meta.js';
import { defineStandard, type Standard } from './define-standard.js';
import { evaluate } from './evaluate.js';
import { score } from './score.js';
import type { StandardSpec } from './standard-spec.js';

const mixed: StandardSpec = {
  meta: testMeta('mixed'),
  indicators: {
    ratio: { ratio: ['a', 'b'], scale: 10 },
    chained: { sum: ['ratio', 'c'] },
  },
  rounding: { decimals: 1, mode: 'floor' },
  missing: { items: 'skip', vetoes: 'fire' },
  pass: { minTotal: 20, keyItemMinPercent: 50 },
  items: [
    {
      id: 'up',
      tier: 'key',
      points: 10,
      rule: {
        kind: 'threshold',
        input: 'chained',
        bands: [
          { atLeast: 5, points: 4 },
          { atLeast: 10, points: 10 },
        ],
      },
    },
    {
      id: 'down',
      tier: 'key',
      points: 5,
      rule: {
        kind: 'threshold',
        input: 'c',
        bands: [
          { atMost: 3, points: 5 },
          { atMost: 6, points: 2.5 },
        ],
      },
    },
    {
      id: 'lin',
      tier: 'basic',
      points: 7,
      rule: { kind: 'linear', input: 'ratio', zeroAt: 8, fullAt: 2 },
    },
    {
      id: 'expr',
      tier: 'basic',
      points: 3,
      rule: { kind: 'linear', input: { difference: ['a', 'c'] }, zeroAt: 0, fullAt: 9 },
    },
    {
      id: 'flag',
      tier: 'basic',
      points: 2,
      missing: 'zero',
      rule: { kind: 'boolean', input: 'flag' },
    },
    {
      id: 'pred',
      tier: 'bonus',
      points: 2,
      rule: {
        kind: 'boolean',
        when: {
          all: [{ value: 'a', op: '>', than: 3 }, { not: { value: 'flag', op: '==', than: true } }],
        },
      },
    },
    { id: 'cnt', tier: 'pilot', points: 4, rule: { kind: 'count', input: 'c', pointsEach: 1.5 } },
    {
      id: 'share',
      tier: 'basic',
      points: 3,
      rule: { kind: 'taskShare', zeroAt: 0.2, fullAt: 0.8 },
    },
  ],
  vetoes: [{ id: 'v', when: { value: 'chained', op: '<', than: 1 } }],
};

function compile(spec: StandardSpec): Standard {
  const r = defineStandard(spec);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value;
}

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 5 });

describe('the fast evaluator agrees with score()', () => {
  it('on vetoes comparing a plain fact, for every operator (evaluated inline)', () => {
    const ops = ['<', '<=', '>', '>=', '==', '!='] as const;
    // one standard per operator and fact, so that a wrong operator cannot hide in a total
    const standards = ops.flatMap((op) => [
      compile({ ...mixed, vetoes: [{ id: 'n', when: { value: 'a', op, than: 4 } }] }),
      compile({ ...mixed, vetoes: [{ id: 'b', when: { value: 'flag', op, than: true } }] }),
    ]);
    fc.assert(
      fc.property(
        fc.record({
          a: maybe(fc.oneof(fc.constant(4), fc.integer({ min: 0, max: 8 }))),
          flag: maybe(fc.boolean()),
        }),
        (raw) => {
          const facts = Object.fromEntries(
            Object.entries(raw).filter(([, x]) => x !== undefined),
          ) as Facts;
          return standards.every(
            (std) =>
              evaluate(std, facts).vetoCount ===
              score(std, facts, { explain: false }).vetoesFired.length,
          );
        },
      ),
      { numRuns: 300 },
    );
    // hand checks against a = 4 and flag = false (0 against true = 1)
    const fired = (facts: Facts) => standards.map((std) => evaluate(std, facts).vetoCount);
    //                                     <     <=    >     >=    ==    !=
    expect(fired({ a: 4, flag: false })).toEqual([0, 1, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1]);
  });

  it('on a standard using every rule kind, rounding floor to 0.1, skip and fire policies', () => {
    const std = compile(mixed);
    fc.assert(
      fc.property(
        fc.record({
          a: maybe(fc.double({ min: -5, max: 20, noNaN: true })),
          b: maybe(fc.oneof(fc.constant(0), fc.double({ min: 0.1, max: 20, noNaN: true }))),
          c: maybe(fc.double({ min: -2, max: 10, noNaN: true })),
          flag: maybe(fc.boolean()),
          'taskShare.share': maybe(fc.double({ min: 0, max: 1, noNaN: true })),
        }),
        (raw) => {
          const facts = Object.fromEntries(
            Object.entries(raw).filter(([, x]) => x !== undefined),
          ) as Facts;
          const full = score(std, facts, { explain: false });
          const fast = evaluate(std, facts);
          return (
            fast.hundredths === full.hundredths &&
            fast.pass === full.pass &&
            fast.vetoCount === full.vetoesFired.length &&
            fast.keyItemsOk === full.checks.keyItems
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('on the CN standard with random facts', () => {
    const std = compile(cnStandard());
    const names = std.factNames;
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: 0, max: 120, noNaN: true }), { nil: undefined }), {
          minLength: names.length,
          maxLength: names.length,
        }),
        (values) => {
          const facts: Record<string, number> = { population: 7_000_000 };
          names.forEach((n, i) => {
            const x = values[i];
            if (x !== undefined && n !== 'population')
              facts[n] = n.endsWith('Batches') ? x * 500 : x;
          });
          const full = score(std, facts, { explain: false });
          const fast = evaluate(std, facts);
          expect(fast.hundredths).toBe(full.hundredths);
          expect(fast.pass).toBe(full.pass);
          expect(fast.vetoCount).toBe(full.vetoesFired.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
