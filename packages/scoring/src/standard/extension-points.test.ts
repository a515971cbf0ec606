import { createEngine, definePlugin } from '@foodsafety/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineStandard } from './define-standard.js';
import {
  scoringCalculators,
  scoringExtensionsOf,
  scoringStandards,
  scoringVetoes,
} from './extension-points.js';
import { defineCalculator, defineVetoPredicate } from './extensions.js';
import { score } from './score.js';
import type { StandardSpec } from './standard-spec.js';

/**
 * A district's own bonus indicator, as a plugin: "food-safety residential buildings" (食品安全
 * 示范楼) per 10 000 households, linear up to a target the district chooses.
 */
const buildingsPerHouseholds = defineCalculator({
  id: 'xigang.buildings-per-10k-households',
  params: z.object({ target: z.number().positive() }),
  inputs: () => ['demoBuildings', 'households'],
  compute: ([buildings, households], { target }) =>
    (((buildings as number) / (households as number)) * 10_000) / target,
});

const repeatedFailures = defineVetoPredicate({
  id: 'xigang.repeated-failures',
  params: z.object({ limit: z.number().int() }),
  inputs: () => ['failedRechecks'],
  fires: ([n], { limit }) => (n as number) > limit,
});

const xigangPlugin = definePlugin({
  name: 'xigang-indicators',
  version: '1.0.0',
  requires: { '@foodsafety/scoring': '^0.1' },
  setup(ctx) {
    ctx.contribute(scoringCalculators, buildingsPerHouseholds);
    ctx.contribute(scoringVetoes, repeatedFailures);
  },
});

const baseSpec: StandardSpec = {
  meta: {
    id: 'district.test',
    version: '1',
    jurisdiction: 'CN-LN-Dalian-Xigang',
    effectiveFrom: '2017-01-01',
    source: 'unit test',
    confidence: 'unverified',
  },
  items: [{ id: 'k1', tier: 'key', points: 90, rule: { kind: 'boolean', input: 'k1' } }],
};

const standardsPlugin = definePlugin({
  name: 'district-standard',
  version: '1.0.0',
  dependencies: ['xigang-indicators'],
  setup(ctx) {
    ctx.contribute(scoringStandards, {
      ...baseSpec,
      items: [
        ...baseSpec.items,
        {
          id: 'xigang-buildings',
          tier: 'bonus',
          points: 1,
          title: { 'zh-CN': '食品安全示范楼', en: 'Food-safety residential buildings' },
          rule: {
            kind: 'calculator',
            calculator: 'xigang.buildings-per-10k-households',
            params: { target: 5 },
          },
        },
      ],
      vetoes: [
        { id: 'rechecks', when: { predicate: 'xigang.repeated-failures', params: { limit: 3 } } },
      ],
    });
  },
});

describe('a district adds its own bonus indicator as a plugin', () => {
  const engine = createEngine({ plugins: [xigangPlugin(), standardsPlugin()] });

  it('the engine carries the standard and its calculator; the bonus item scores', () => {
    const spec = engine.get(scoringStandards, 'district.test');
    expect(spec).toBeDefined();
    const r = defineStandard(spec, scoringExtensionsOf(engine));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // 100 buildings over 400 000 households = 2.5 per 10 000, half the target of 5 → 0.5 points
    const s = score(r.value, {
      k1: true,
      demoBuildings: 100,
      households: 400_000,
      failedRechecks: 0,
    });
    expect(s.items[1]).toMatchObject({ id: 'xigang-buildings', tier: 'bonus', points: 0.5 });
    expect(s.total).toBe(90.5);
    expect(s.pass).toBe(true);
    const fired = score(r.value, {
      k1: true,
      demoBuildings: 100,
      households: 400_000,
      failedRechecks: 4,
    });
    expect(fired.vetoesFired.map((v) => v.id)).toEqual(['rechecks']);
  });

  it('without the plugin the standard is rejected with a diagnostic, and bad params are caught', () => {
    const spec = engine.get(scoringStandards, 'district.test');
    const r = defineStandard(spec);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toContain('SCORING_UNKNOWN_CALCULATOR');
    const bad = defineStandard(
      {
        ...spec,
        items: [
          {
            id: 'x',
            tier: 'bonus',
            points: 1,
            rule: {
              kind: 'calculator',
              calculator: 'xigang.buildings-per-10k-households',
              params: { target: -1 },
            },
          },
        ],
      },
      scoringExtensionsOf(engine),
    );
    expect(bad.diagnostics.find((d) => d.code === 'SCORING_PLUGIN_PARAMS_INVALID')?.path).toEqual([
      'items',
      0,
      'rule',
      'params',
    ]);
  });

  it('a calculator that throws yields SCORING_CALCULATOR_FAILED, not a crash', () => {
    const r = defineStandard(
      {
        ...baseSpec,
        items: [
          { id: 'x', tier: 'bonus', points: 1, rule: { kind: 'calculator', calculator: 'boom' } },
        ],
      },
      {
        calculators: [
          {
            id: 'boom',
            inputs: () => [],
            compute: () => {
              throw new Error('kaput');
            },
          },
        ],
      },
    );
    if (!r.ok) throw new Error('spec');
    const s = score(r.value, {});
    expect(s.items[0]?.status).toBe('missing');
    expect(s.diagnostics.find((d) => d.code === 'SCORING_CALCULATOR_FAILED')?.params).toMatchObject(
      { detail: 'kaput' },
    );
  });

  it('plugin functions that throw a value without a prototype give diagnostics, not a crash', () => {
    // String() of what was thrown threw a TypeError of its own
    const bare = (): never => {
      throw Object.create(null);
    };
    const calculator = { id: 'bare', inputs: () => [], compute: bare };
    const item = (id: string, calc: string) =>
      ({ id, tier: 'bonus', points: 1, rule: { kind: 'calculator', calculator: calc } }) as const;
    const failing = defineStandard(
      {
        ...baseSpec,
        items: [item('x', 'bare-inputs')],
        vetoes: [{ id: 'v', when: { predicate: 'bare-veto' } }],
      },
      {
        calculators: [{ ...calculator, id: 'bare-inputs', inputs: bare }],
        vetoPredicates: [{ id: 'bare-veto', inputs: bare, fires: () => false }],
      },
    );
    expect(failing.diagnostics.map((d) => [d.code, d.path, d.params?.detail])).toEqual([
      ['SCORING_PLUGIN_PARAMS_INVALID', ['vetoes', 0, 'when', 'params'], 'object'],
      ['SCORING_PLUGIN_PARAMS_INVALID', ['items', 0, 'rule', 'params'], 'object'],
    ]);
    const r = defineStandard(
      { ...baseSpec, items: [item('x', 'bare')] },
      { calculators: [calculator] },
    );
    if (!r.ok) throw new Error('spec');
    const s = score(r.value, {});
    expect(
      s.diagnostics
        .filter((d) => d.code === 'SCORING_CALCULATOR_FAILED')
        .map((d) => [d.path, d.params?.detail, d.message]),
    ).toEqual([[['items', 0, 'rule'], 'object', 'Calculator bare failed on item x: object']]);
  });
});
