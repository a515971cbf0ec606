import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testMeta } from './__fixtures__/test-meta.js';
import { defineStandard, type Standard } from './define-standard.js';
import { applyPatchOps, type WhatIfPatch, whatIf } from './what-if.js';

const meta = testMeta('test.whatif');

function make(): Standard {
  const r = defineStandard({
    meta,
    items: [
      {
        id: 'satisfaction',
        tier: 'key',
        points: 40,
        rule: { kind: 'linear', input: 'satisfaction', zeroAt: 50, fullAt: 90 },
      },
      {
        id: 'sampling',
        tier: 'basic',
        points: 60,
        rule: {
          kind: 'threshold',
          input: 'per1000',
          bands: [
            { atLeast: 2, points: 30 },
            { atLeast: 4, points: 60 },
          ],
        },
      },
    ],
    vetoes: [{ id: 'incident', when: { value: 'incidents', op: '>', than: 0 } }],
  });
  if (!r.ok) throw new Error('spec');
  return r.value;
}

const facts = { satisfaction: 82, per1000: 3.9, incidents: 0 };

describe('whatIf', () => {
  it('a merge patch on the facts: sampling crosses 4 per 1 000 and the city passes', () => {
    const d = whatIf(make(), facts, { facts: { per1000: 4.1 } });
    expect(d.applied).toBe(true);
    expect(d.before.total).toBe(62);
    expect(d.after.total).toBe(92);
    expect(d.totalDelta).toBe(30);
    expect(d.items).toEqual([{ id: 'sampling', before: 30, after: 60, delta: 30 }]);
    expect(d.passFlip).toBe('fail-to-pass');
  });

  it('path/value ops on the standard: lowering the threshold changes the verdict', () => {
    const d = whatIf(make(), facts, {
      standard: [{ path: '/items/1/rule/bands/1/atLeast', value: 3.5 }],
    });
    expect(d.applied).toBe(true);
    expect(d.items.map((i) => i.id)).toEqual(['sampling']);
    expect(d.passFlip).toBe('fail-to-pass');
  });

  it('a veto gained is reported, and a pass turns into a fail', () => {
    const d = whatIf(
      make(),
      { ...facts, per1000: 5 },
      { facts: [{ path: ['incidents'], value: 1 }] },
    );
    expect(d.vetoesAdded).toEqual(['incident']);
    expect(d.passFlip).toBe('pass-to-fail');
    expect(d.totalDelta).toBe(0);
  });

  it('an invalid patch or patched standard is a diagnostic and no change', () => {
    const bad = whatIf(make(), facts, { standard: [{ path: '/items/9/points', value: 1 }] });
    expect(bad.applied).toBe(false);
    expect(bad.diagnostics[0]).toMatchObject({
      code: 'SCORING_PATCH_INVALID',
      path: ['standard', 0],
    });
    const invalid = whatIf(make(), facts, { standard: { pass: { minTotal: 'ninety' } } });
    expect(invalid.applied).toBe(false);
    expect(invalid.diagnostics.map((d) => d.code)).toContain('SCORING_SPEC_INVALID');
    expect(invalid.totalDelta).toBe(0);
  });

  it('reports operations and paths it cannot read, without throwing', () => {
    // operations built in code: String() of a path holding an object without a prototype threw,
    // and so did a path or an operation that is not one (`[1]`, `{ path: 42 }`)
    const bare = Object.create(null) as string;
    const cases: [WhatIfPatch, (string | number)[], string][] = [
      [
        { facts: [{ path: ['per1000', bare], value: 1 }] },
        ['facts', 0],
        'path per1000,object: segment 1 (object) is not a key or an index',
      ],
      [
        { facts: [{ path: ['items', 1n, 'points'] as never, value: 1 }] },
        ['facts', 0],
        'path items,1n,points: segment 1 (1n) is not a key or an index',
      ],
      [{ facts: [1] as never }, ['facts', 0], '1 is not a patch operation'],
      [
        { facts: [{ path: '/per1000', value: 4.1 }, null] as never },
        ['facts', 1],
        'null is not a patch operation',
      ],
      [
        { standard: [{ path: 42 as never, value: 1 }] },
        ['standard', 0],
        'path 42 is not a JSON pointer or a list of keys',
      ],
      [
        { standard: [{ path: 'items', value: 1 }] },
        ['standard', 0],
        'path items is not a JSON pointer',
      ],
    ];
    for (const [patch, path, detail] of cases) {
      const d = whatIf(make(), facts, patch);
      expect([d.applied, d.diagnostics.map((x) => [x.code, x.path, x.params?.detail])]).toEqual([
        false,
        [['SCORING_PATCH_INVALID', path, detail]],
      ]);
    }
    expect(applyPatchOps({ a: [] }, [{ path: ['a', 5], value: 1 }])).toEqual({
      error: 'a,5: no index 5',
      index: 0,
    });
  });

  it('reports a patch that is not an object (null from JSON) as invalid, without throwing', () => {
    for (const patch of [null, undefined, 4.1, 'satisfaction']) {
      const d = whatIf(make(), facts, patch as never);
      expect([d.applied, d.totalDelta, d.diagnostics.map((x) => [x.code, x.path])]).toEqual([
        false,
        0,
        [['SCORING_PATCH_INVALID', []]],
      ]);
    }
    expect(whatIf(make(), facts, null as never).diagnostics[0]?.message).toBe(
      'Invalid what-if patch: null is not a patch of the facts and the standard',
    );
  });

  it('does not mutate the standard or the facts', () => {
    const std = make();
    const specCopy = structuredClone(std.spec);
    const f = Object.freeze({ ...facts });
    whatIf(std, f, { facts: { per1000: null }, standard: { items: [] } });
    whatIf(std, f, { standard: [{ path: '/pass', value: { minTotal: 10 } }] });
    expect(std.spec).toEqual(specCopy);
    expect(f).toEqual(facts);
  });

  it('property: an empty patch gives a zero diff', () => {
    const std = make();
    fc.assert(
      fc.property(
        fc.record({
          satisfaction: fc.double({ min: 0, max: 100, noNaN: true }),
          per1000: fc.double({ min: 0, max: 10, noNaN: true }),
          incidents: fc.integer({ min: 0, max: 2 }),
        }),
        fc.constantFrom({}, { facts: {} }, { facts: [] }, { standard: [] }, { standard: {} }),
        (f, patch) => {
          const d = whatIf(std, f, patch);
          return (
            d.totalDelta === 0 &&
            d.items.length === 0 &&
            d.passFlip === 'none' &&
            d.vetoesAdded.length === 0
          );
        },
      ),
    );
  });
});
