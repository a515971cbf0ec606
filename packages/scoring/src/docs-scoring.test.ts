/**
 * The code of docs/scoring.md, run as written, so the guide cannot drift from the API.
 *
 * Each `it` is named after a section of the guide and holds that section's ```ts block: its
 * lines, in order (the check compares them without whitespace or comments, so the formatter may
 * lay them out its own way), with the minimal context the block needs (`standard`, `cityFacts`,
 * `ledger`, `json`, `inputs`…) and assertions on what the guide's text and comments say. The
 * imports of each block are checked against the modules the guide names; in this file they come
 * from the package's source (`./index.js`, `./cn/index.js`).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as foodsafetyCore from '@foodsafety/core';
import { unwrap } from '@foodsafety/core';
import * as pluginSdk from '@foodsafety/plugin-sdk';
import { createEngine, definePlugin } from '@foodsafety/plugin-sdk';
import { describe, expect, it, vi } from 'vitest';
import * as zod from 'zod';
import { z } from 'zod';
import { guideCheck } from '../../core/src/test-support/guide-check.js';
import * as scoringCnApi from './cn/index.js';
import { CN_STANDARD_CONFIDENCE, cnStandard, scoringCn } from './cn/index.js';
import * as scoringApi from './index.js';
import {
  assessmentSeries,
  bimonthlyRoundDates,
  cityModel,
  computeIndex,
  defineCalculator,
  defineStandard,
  type ExplanationNode,
  estimateMean,
  evaluate,
  factVector,
  kishEffectiveSize,
  ledgerRounds,
  parseTaskLedger,
  type ScoreResult,
  type StandardSpec,
  score,
  scoringCalculators,
  scoringExtensionsOf,
  scoringStandards,
  sensitivity,
  simulate,
  simulateIndex,
  sobolSequence,
  standardModel,
  summarizeSurvey,
  taskRates,
  whatIf,
  wilsonInterval,
} from './index.js';

// ---- the guide and this file, read as text ----------------------------------------------------

/** The sections of the guide with a ```ts block, in order: one test each below. */
const SECTIONS = [
  '1. Define a standard',
  '2. Score',
  '4. The fast path',
  '5. What-if',
  '6. The task ledger',
  '7. Surveys',
  '8. Composite indices (COINr-style)',
  '9. The CN standard — `@foodsafety/scoring/cn`',
  '10. Write an indicator plugin',
  'Monte Carlo: `simulate`',
  'Uncertainty of a composite index: `simulateIndex`',
  'Sensitivity: `sensitivity`',
  'Sensitivity of a standard',
  'Worker threads and reproducibility',
  'Low-discrepancy points: `sobolSequence`',
];

/** What the guide's imports name, by module. */
const MODULES: Readonly<Record<string, object>> = {
  '@foodsafety/scoring': scoringApi,
  '@foodsafety/scoring/cn': scoringCnApi,
  '@foodsafety/core': foodsafetyCore,
  '@foodsafety/plugin-sdk': pluginSdk,
  zod,
};

/** What the guide's block of a section says that this file's test of it does not. */
const guideLinesMissingFromTest = guideCheck({
  guide: new URL('../../../docs/scoring.md', import.meta.url),
  test: new URL(import.meta.url),
  sections: SECTIONS,
  modules: MODULES,
});

// ---- shared context ----------------------------------------------------------------------------

/** The spec of section 1, as data (the later sections score with it). */
const SECTION_1_SPEC = {
  meta: {
    id: 'demo.city',
    version: '1',
    jurisdiction: 'CN-LN-Dalian',
    effectiveFrom: '2017-01-01',
    source: 'worked example',
    confidence: 'unverified',
  },
  indicators: {
    samplingPer1000: { perCapita: 'samplingBatches', population: 'population', per: 1000 },
    passRate: { ratio: ['samplesPassed', 'samplesTested'], scale: 100 },
  },
  items: [
    {
      id: 'K1',
      tier: 'key',
      points: 6,
      title: { 'zh-CN': '抽检量', en: 'Sampling volume' },
      rule: {
        kind: 'threshold',
        input: 'samplingPer1000',
        bands: [
          { atLeast: 3, points: 3.6 },
          { atLeast: 4, points: 6 },
        ],
      },
      vetoWhen: { value: 'samplingPer1000', op: '<', than: 4 },
    },
    {
      id: 'K2',
      tier: 'key',
      points: 4,
      rule: { kind: 'linear', input: 'passRate', zeroAt: 95, fullAt: 98 },
    },
    { id: 'B1', tier: 'basic', points: 2, rule: { kind: 'boolean', input: 'emergencyPlan' } },
    { id: 'B2', tier: 'basic', points: 3, rule: { kind: 'taskShare', fullAt: 0.9 } },
    {
      id: 'P1',
      tier: 'pilot',
      points: 4,
      rule: { kind: 'count', input: 'pilotTasks', pointsEach: 2 },
    },
  ],
  vetoes: [
    {
      id: 'major-incident',
      when: {
        any: [
          { value: 'majorIncidents', op: '>', than: 0 },
          { value: 'coverUps', op: '>', than: 0 },
        ],
      },
    },
  ],
  pass: { noVeto: true, keyItemMinPercent: 60, minTotal: 90 },
  rounding: { decimals: 2, mode: 'half-up' },
  missing: { items: 'zero', vetoes: 'ignore' },
  tiers: { key: { items: 2, points: 10 } },
} as const;

/** The standard of section 1, compiled. */
const SECTION_1 = unwrap(defineStandard(SECTION_1_SPEC));

/** The city's facts of section 2 (Dalian: 6.98 million residents, 36 000 batches). */
const CITY_FACTS = {
  population: 6_980_000,
  samplingBatches: 36_000,
  samplesTested: 1_000,
  samplesPassed: 966,
  emergencyPlan: true,
  pilotTasks: 1,
  majorIncidents: 0,
  coverUps: 0,
};

/**
 * A task ledger as JSON: 20 tasks serving item B2, led alternately by Xigang (T01, T03, …) and
 * Jinpu (T02, T04, …) with the market department in support; T01–T12 completed (T01–T10 on time
 * on 20 Sep 2017, T11 and T12 late on 15 Oct 2017), T13–T16 open and due 30 Sep 2017 (overdue
 * on 31 Oct 2017), T17–T20 open and due at the end of the year; T21 cancelled.
 */
const LEDGER_JSON = {
  regions: ['xigang', 'jinpu'],
  departments: ['market'],
  tasks: [
    ...Array.from({ length: 20 }, (_, i) => ({
      id: `T${String(i + 1).padStart(2, '0')}`,
      items: ['B2'],
      assignments: [
        { unit: 'region', id: i % 2 === 0 ? 'xigang' : 'jinpu', role: 'lead' },
        { unit: 'department', id: 'market', role: 'support' },
      ],
      due: i < 16 ? '2017-09-30' : '2017-12-31',
      ...(i < 12
        ? {
            status: 'completed',
            completedOn: i < 10 ? '2017-09-20' : '2017-10-15',
            evidence: [{ kind: 'document', ref: `doc-${i + 1}` }],
          }
        : { status: 'in-progress' }),
    })),
    {
      id: 'T21',
      items: ['B2'],
      assignments: [{ unit: 'region', id: 'xigang', role: 'lead' }],
      due: '2017-06-30',
      status: 'cancelled',
    },
  ],
};
const LEDGER = unwrap(parseTaskLedger(LEDGER_JSON));

/** The regions' own facts of section 2. */
const REGIONS = { xigang: { satisfaction: 82 }, jinpu: { satisfaction: 74 } };

/** Points of an item of a unit's score. */
const pointsOf = (r: Pick<ScoreResult, 'items'>, id: string) =>
  r.items.find((i) => i.id === id)?.points;

/** A child of an explanation node, by kind and id. */
const child = (node: ExplanationNode | undefined, kind: string, id: string) =>
  node?.children?.find((c) => c.kind === kind && c.id === id);

/** A framework and four regions' indicators, for sections 8 and 11. */
const FRAMEWORK = [
  { code: 'sampling', level: 1, parent: 'supervision', weight: 1, direction: 1 },
  { code: 'complaintsOverdue', level: 1, parent: 'supervision', weight: 1, direction: -1 },
  { code: 'satisfaction', level: 1, parent: 'participation', weight: 1 },
  { code: 'supervision', level: 2, parent: 'index', weight: 2 },
  { code: 'participation', level: 2, parent: 'index', weight: 1 },
  { code: 'index', level: 3 },
] as const;
/** Jinpu, Zhongshan and Lüshunkou (which lacks the overdue-complaints figure). */
const MORE_REGIONS = [
  { code: 'jinpu', values: { sampling: 4.2, complaintsOverdue: 5, satisfaction: 74 } },
  { code: 'zhongshan', values: { sampling: 4.6, complaintsOverdue: 1, satisfaction: 80 } },
  { code: 'lvshunkou', values: { sampling: 4.8, complaintsOverdue: null, satisfaction: 78 } },
];

/** The CN standard, compiled, and a city meeting every item (Dalian-like figures). */
const CN = unwrap(defineStandard(cnStandard()));
const CN_FACTS = {
  population: 6_980_000,
  samplingBatches: 36_000,
  residueSamplingBatches: 15_000,
  evaluativeSamplesTested: 1000,
  evaluativeSamplesPassed: 983,
  casesToInvestigate: 3274,
  casesInvestigated: 3274,
  nonConformingResults: 120,
  nonConformingDisposed: 120,
  penaltiesToPublish: 3000,
  penaltiesPublished: 3000,
  majorIncidents: 0,
  seriousImpactIncidents: 0,
  concealedOrLateReports: 0,
  satisfaction: 81,
  awareness: 88,
  support: 93,
  pilotTasks: 1,
};

/** Ishigami's function and its inputs (section 11). */
const ISHIGAMI_INPUTS = ['x1', 'x2', 'x3'].map((name) => ({
  name,
  distribution: { type: 'uniform' as const, min: -Math.PI, max: Math.PI },
}));
/** The analytic Sobol' indices of Ishigami's function (a = 7, b = 0.1). */
function ishigamiIndices() {
  const a = 7;
  const b = 0.1;
  const pi4 = Math.PI ** 4;
  const pi8 = Math.PI ** 8;
  const V1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const V2 = a ** 2 / 8;
  const V13 = (8 * b ** 2 * pi8) / 225; // b²π⁸(1/18 − 1/50)
  const V = V1 + V2 + V13;
  return { S1: [V1 / V, V2 / V, 0], ST: [(V1 + V13) / V, V2 / V, V13 / V] };
}

describe('docs/scoring.md', () => {
  it('1. Define a standard', () => {
    expect(guideLinesMissingFromTest('1. Define a standard')).toEqual([]);

    const result = defineStandard({
      meta: {
        id: 'demo.city',
        version: '1',
        jurisdiction: 'CN-LN-Dalian',
        effectiveFrom: '2017-01-01',
        source: 'worked example',
        confidence: 'unverified',
      },
      indicators: {
        // batches per 1 000 residents = batches ÷ population × 1 000
        samplingPer1000: { perCapita: 'samplingBatches', population: 'population', per: 1000 },
        passRate: { ratio: ['samplesPassed', 'samplesTested'], scale: 100 },
      },
      items: [
        {
          id: 'K1',
          tier: 'key',
          points: 6,
          title: { 'zh-CN': '抽检量', en: 'Sampling volume' },
          rule: {
            kind: 'threshold',
            input: 'samplingPer1000',
            bands: [
              { atLeast: 3, points: 3.6 },
              { atLeast: 4, points: 6 },
            ],
          },
          // the same figure is also a veto (REFERENCES.md: "one item can be a veto and carry points")
          vetoWhen: { value: 'samplingPer1000', op: '<', than: 4 },
        },
        {
          id: 'K2',
          tier: 'key',
          points: 4,
          rule: { kind: 'linear', input: 'passRate', zeroAt: 95, fullAt: 98 },
        },
        { id: 'B1', tier: 'basic', points: 2, rule: { kind: 'boolean', input: 'emergencyPlan' } },
        { id: 'B2', tier: 'basic', points: 3, rule: { kind: 'taskShare', fullAt: 0.9 } },
        {
          id: 'P1',
          tier: 'pilot',
          points: 4,
          rule: { kind: 'count', input: 'pilotTasks', pointsEach: 2 },
        },
      ],
      vetoes: [
        {
          id: 'major-incident',
          when: {
            any: [
              { value: 'majorIncidents', op: '>', than: 0 },
              { value: 'coverUps', op: '>', than: 0 },
            ],
          },
        },
      ],
      pass: { noVeto: true, keyItemMinPercent: 60, minTotal: 90 }, // the defaults, as data
      rounding: { decimals: 2, mode: 'half-up' }, // rounding happens once, per item
      missing: { items: 'zero', vetoes: 'ignore' }, // missing-facts policy
      tiers: { key: { items: 2, points: 10 } }, // optional structure check
    });

    // valid; not verified, so an info RULESET_NOT_VERIFIED
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['RULESET_NOT_VERIFIED', 'info'],
    ]);
    const standard = unwrap(result);
    // the later sections score with this standard (SECTION_1 is the same spec)
    expect(standard.spec).toEqual(SECTION_1.spec);
    // "the defaults, as data": the same pass rule without `pass`
    const { pass, ...withoutPass } = SECTION_1_SPEC;
    expect(unwrap(defineStandard(withoutPass)).compiled.pass).toEqual(standard.compiled.pass);
    expect(pass).toEqual({ noVeto: true, keyItemMinPercent: 60, minTotal: 90 });

    // the rules, as the table says: one unit of 1 000 000 residents
    const facts = {
      population: 1_000_000,
      samplingBatches: 3_500, // 3.5 per 1 000: the first band
      samplesTested: 1000,
      samplesPassed: 965, // 96.5 %: half-way between the goalposts
      emergencyPlan: true,
      'taskShare.B2': 0.45, // half of fullAt 0.9
      pilotTasks: 3, // 3 × 2 points, capped at the item's 4
      majorIncidents: 0,
      coverUps: 0,
    };
    const at = (patch: Record<string, unknown>) => score(standard, { ...facts, ...patch });
    const base = at({});
    expect(base.items.map((i) => [i.id, i.points])).toEqual([
      ['K1', 3.6],
      ['K2', 2],
      ['B1', 2],
      ['B2', 1.5],
      ['P1', 4],
    ]);
    expect(pointsOf(at({ samplingBatches: 4_000 }), 'K1')).toBe(6); // the best band reached
    expect(pointsOf(at({ samplingBatches: 2_999 }), 'K1')).toBe(0); // 0 below the first band
    expect(pointsOf(at({ samplesPassed: 990 }), 'K2')).toBe(4); // clamped above fullAt
    expect(pointsOf(at({ samplesPassed: 940 }), 'K2')).toBe(0); // clamped below zeroAt
    expect(pointsOf(at({ emergencyPlan: false }), 'B1')).toBe(0);
    expect(pointsOf(at({ 'taskShare.B2': 0.95 }), 'B2')).toBe(3);
    expect(pointsOf(at({ pilotTasks: 1 }), 'P1')).toBe(2); // +2 per pilot task
    // 3.5 per 1 000 is also the K1 veto; an incident or a cover-up is the other one
    expect(base.vetoesFired.map((v) => v.id)).toEqual(['K1']);
    expect(at({ samplingBatches: 4_000, coverUps: 1 }).vetoesFired.map((v) => v.id)).toEqual([
      'major-incident',
    ]);
    // vetoes with facts missing follow missing.vetoes: ignored
    const { coverUps, majorIncidents, ...noIncidentFacts } = facts;
    expect([coverUps, majorIncidents]).toEqual([0, 0]);
    expect(score(standard, { ...noIncidentFacts, samplingBatches: 4_000 }).vetoesFired).toEqual([]);
    // division by zero gives "undefined" (a diagnostic), not Infinity
    const byZero = at({ samplesTested: 0 });
    expect(pointsOf(byZero, 'K2')).toBe(0);
    expect(byZero.diagnostics.map((d) => d.code)).toContain('SCORING_VALUE_UNDEFINED');

    // exact points: 900 items of 0.1 points add up to exactly 90
    let float = 0;
    for (let i = 0; i < 900; i++) float += 0.1;
    expect(float).toBe(89.99999999999916);
    const tenths = unwrap(
      defineStandard({
        meta: { ...SECTION_1_SPEC.meta, confidence: 'verified' },
        items: Array.from({ length: 900 }, (_, i) => ({
          id: `i${i}`,
          tier: 'basic',
          points: 0.1,
          rule: { kind: 'boolean', input: 'done' },
        })),
      }),
    );
    expect(score(tenths, { done: true }).total).toBe(90);

    // invalid specs: shape errors, semantic errors with paths
    const shape = defineStandard({ meta: SECTION_1_SPEC.meta, items: 'none' });
    expect(shape.ok).toBe(false);
    expect(shape.diagnostics[0]?.code).toBe('SCORING_SPEC_INVALID');
    expect(shape.diagnostics.slice(1).every((d) => d.code.startsWith('SCHEMA_'))).toBe(true);
    const [k1, ...others] = SECTION_1_SPEC.items;
    const tooMany = {
      ...k1,
      rule: {
        ...k1.rule,
        bands: [
          { atLeast: 3, points: 3.6 },
          { atLeast: 4, points: 7 },
        ],
      },
    };
    const bad = defineStandard({ ...SECTION_1_SPEC, items: [tooMany, ...others] });
    expect(bad.ok).toBe(false);
    expect(bad.diagnostics.map((d) => [d.code, d.path])).toContainEqual([
      'SCORING_BAND_POINTS_EXCEED',
      ['items', 0, 'rule', 'bands', 1, 'points'],
    ]);
    const tiers = defineStandard({ ...SECTION_1_SPEC, tiers: { key: { items: 3, points: 10 } } });
    expect(tiers.diagnostics.map((d) => d.code)).toContain('SCORING_TIER_TOTAL_MISMATCH');
  });

  it('2. Score', () => {
    expect(guideLinesMissingFromTest('2. Score')).toEqual([]);
    // context: the standard of section 1 and the ledger of 20 tasks serving B2
    const standard = SECTION_1;
    const ledger = LEDGER;

    // standard: the standard of §1 (result.value); the city's facts:
    const cityFacts = {
      population: 6_980_000,
      samplingBatches: 36_000,
      samplesTested: 1_000,
      samplesPassed: 966,
      emergencyPlan: true,
      pilotTasks: 1,
      majorIncidents: 0,
      coverUps: 0,
    };
    const r = score(standard, cityFacts, {
      regions: { xigang: { satisfaction: 82 }, jinpu: { satisfaction: 74 } }, // facts per region
      departments: {}, // facts per department
      ledger, // the task ledger (§6): fills taskShare facts per unit (here 12 of B2's 20 tasks are done)
      asOf: '2017-10-31', // completion is judged at this date
      inheritCityFacts: true, // units inherit city facts they lack (default; task shares are not inherited)
    });
    expect(cityFacts).toEqual(CITY_FACTS);
    expect(
      LEDGER.tasks.filter((t) => t.items?.includes('B2') && t.status !== 'cancelled'),
    ).toHaveLength(20);

    // 14.13 — exact: K1 6 + K2 2.13 + B1 2 + B2 2 + P1 2
    expect(r.total).toBe(14.13);
    expect(r.hundredths).toBe(1413);
    // 36 000 ÷ 6 980 000 × 1 000 = 5.158 ≥ 4: 6; (96.6 − 95) ÷ 3 × 4 = 2.133 → 2.13;
    // B2: 12 of 20 = 0.6 of fullAt 0.9 → 2/3 of 3 = 2; P1: one pilot task, 2
    expect(r.items.map((i) => [i.id, i.points])).toEqual([
      ['K1', 6],
      ['K2', 2.13],
      ['B1', 2],
      ['B2', 2],
      ['P1', 2],
    ]);
    // false — the pass rule: no veto, every key item ≥ 60 %, total ≥ 90
    expect(r.pass).toBe(false);
    expect(r.checks).toEqual({
      noVeto: true,
      keyItems: false,
      failingKeyItems: ['K2'], // 2.13 < 60 % of 4 = 2.4
      total: false,
    });
    expect(r.tiers.key).toEqual({ tier: 'key', points: 8.13, hundredths: 813, max: 10, items: 2 });
    expect(Object.keys(r.items[0] ?? {})).toEqual(
      expect.arrayContaining(['id', 'tier', 'points', 'max', 'status', 'explanation']),
    );
    expect(r.items.map((i) => i.status)).toEqual(Array(5).fill('scored'));
    expect(r.vetoesFired).toEqual([]);
    // the regions inherit the city's facts; their task shares are their own (6 of their 10 tasks)
    expect(r.regions.map((u) => [u.unit.id, u.total])).toEqual([
      ['xigang', 14.13],
      ['jinpu', 14.13],
    ]);
    expect(r.departments.map((u) => [u.unit.id, u.total])).toEqual([['market', 14.13]]);
    expect(r.meta).toEqual(SECTION_1_SPEC.meta);
    expect(r.diagnostics).toEqual([]);
    // without the ledger, B2 lacks its fact: 0 points and a warning naming unit, fact and item
    const alone = score(standard, cityFacts);
    expect(alone.total).toBe(12.13);
    expect(alone.diagnostics.map((d) => [d.code, d.severity, d.path, d.params])).toEqual([
      [
        'SCORING_FACT_MISSING',
        'warning',
        ['facts', 'taskShare.B2'],
        { unit: 'city', name: 'taskShare.B2', item: 'B2', policy: 'zero' },
      ],
    ]);
    // a non-numeric fact is an error and counts as missing
    const invalid = score(standard, { ...cityFacts, pilotTasks: 'one' as unknown as number });
    expect(pointsOf(invalid, 'P1')).toBe(0);
    expect(invalid.diagnostics.map((d) => [d.code, d.severity])).toContainEqual([
      'SCORING_FACT_INVALID',
      'error',
    ]);

    // §3: the explanation tree, as the guide draws it (abridged)
    const tree = r.explanation;
    expect(tree).toMatchObject({ kind: 'unit', id: 'city', value: 14.13, holds: false });
    const key = child(tree, 'tier', 'key');
    expect(key).toMatchObject({ value: 8.13, max: 10 });
    const k1 = child(key, 'item', 'K1');
    expect(k1).toMatchObject({ label: 'Sampling volume', rule: 'threshold', value: 6, max: 6 });
    expect(k1?.thresholds).toEqual([
      { atLeast: 3, points: 3.6, crossed: true },
      { atLeast: 4, points: 6, crossed: true },
    ]);
    const indicator = child(k1, 'indicator', 'samplingPer1000');
    expect(indicator?.value).toBeCloseTo(5.158, 3);
    const perCapita = child(indicator, 'operation', 'perCapita');
    expect(perCapita?.detail).toBe('a ÷ population × 1000');
    expect(perCapita?.children?.map((c) => [c.kind, c.id, c.value])).toEqual([
      ['fact', 'samplingBatches', 36000],
      ['fact', 'population', 6980000],
    ]);
    const incident = child(child(tree, 'veto', 'vetoes'), 'veto', 'major-incident');
    expect(incident?.holds).toBe(false);
    const any = child(incident, 'predicate', 'any');
    expect(child(child(any, 'predicate', '> 0'), 'fact', 'majorIncidents')?.value).toBe(0);
    const passRule = child(tree, 'pass-rule', 'pass');
    expect(passRule?.holds).toBe(false);
    expect(passRule?.children?.map((c) => [c.id, c.holds, c.detail])).toEqual([
      ['noVeto', true, '0 veto(es) fired'],
      ['keyItems', false, 'every key item ≥ 60 % of its points; below: K2'],
      ['total', false, 'total ≥ 90 (tiers key, basic, bonus, pilot)'],
    ]);
    // explain: false skips it
    expect(score(standard, cityFacts, { explain: false }).explanation).toBeUndefined();
  });

  it('4. The fast path', () => {
    expect(guideLinesMissingFromTest('4. The fast path')).toEqual([]);
    // context: the standard, facts, regions and ledger of section 2
    const standard = SECTION_1;
    const cityFacts = CITY_FACTS;
    const regions = REGIONS;
    const ledger = LEDGER;

    const v = factVector(standard, cityFacts); // once
    const fast = evaluate(standard, v); // { total, hundredths, pass, vetoFired, vetoCount, keyItemsOk }
    expect(v).toBeInstanceOf(Float64Array);
    expect(v).toHaveLength(standard.factNames.length);
    // without the ledger B2 has no task share: 12.13, as score gives
    expect(fast).toEqual({
      total: 12.13,
      hundredths: 1213,
      pass: false,
      vetoFired: false,
      vetoCount: 0,
      keyItemsOk: false,
    });
    expect(fast.hundredths).toBe(score(standard, cityFacts).hundredths);

    const model = cityModel(standard, { facts: cityFacts, regions, ledger, asOf: '2017-10-31' });
    const out = model.createEvaluation();
    // the same totals, passes and vetoes as score, unit by unit (city, regions, departments)
    const scored = score(standard, cityFacts, { regions, ledger, asOf: '2017-10-31' });
    const units = [scored, ...scored.regions, ...scored.departments];
    expect(model.units).toEqual(units.map((u) => u.unit));
    const before = model.evaluate();
    expect([...before.hundredths]).toEqual(units.map((u) => u.hundredths));
    expect([...before.pass]).toEqual(units.map((u) => (u.pass ? 1 : 0)));
    expect([...before.vetoes]).toEqual(units.map((u) => u.vetoesFired.length));

    const done = model.completion.slice(); // task completion as of asOf (1/0 per task)
    expect([...done]).toEqual([...Array(12).fill(1), ...Array(8).fill(0)]); // T21 is cancelled
    done[17] = 1; // what if task 18 were done?
    expect(model.taskIds[17]).toBe('T18'); // led by Jinpu
    model.evaluate(done, out); // city + every region + department, no allocation
    // 13 of 20: 0.65 ÷ 0.9 × 3 = 2.17 for the city and the department; Jinpu 7 of 10: 2.33
    expect(out.hundredths).toEqual(Int32Array.of(1430, 1413, 1446, 1430));
    expect(out.pass).toEqual(Uint8Array.of(0, 0, 0, 0));
    expect(out.vetoes).toEqual(Uint8Array.of(0, 0, 0, 0)); // per unit, in model.units order
    // the same as score with task 18 completed
    const t18 = { ...LEDGER.tasks[17]!, status: 'completed' as const, completedOn: '2017-10-30' };
    const tasks = LEDGER.tasks.map((t, i) => (i === 17 ? t18 : t));
    const after = score(standard, cityFacts, {
      regions,
      ledger: { ...LEDGER, tasks },
      asOf: '2017-10-31',
    });
    expect([after.hundredths, ...after.regions.map((u) => u.hundredths)]).toEqual([
      1430, 1413, 1446,
    ]);
    // the model's own completion vector is unchanged
    expect(model.completion[17]).toBe(0);
  });

  it('5. What-if', () => {
    expect(guideLinesMissingFromTest('5. What-if')).toEqual([]);
    // context: the standard and the city's facts of section 2
    const standard = SECTION_1;
    const facts = CITY_FACTS;

    // on the facts: a JSON merge patch (null deletes) …
    const fewer = whatIf(standard, facts, { facts: { samplingBatches: 28_000 } });
    // … or path/value operations; on the standard itself: lower a threshold
    const lower = whatIf(standard, facts, {
      standard: [{ path: '/items/0/rule/bands/1/atLeast', value: 3.5 }],
    });

    // 28 000 ÷ 6 980 000 × 1 000 = 4.01: still the top band of K1, and no veto (< 4)
    expect(fewer).toMatchObject({
      applied: true,
      totalDelta: 0,
      items: [],
      passFlip: 'none',
      vetoesAdded: [],
      vetoesRemoved: [],
    });
    expect(fewer.after.explanation?.children?.[0]?.children?.[0]?.children?.[0]?.value).toBeCloseTo(
      4.011,
      3,
    );
    // the city's 5.16 per 1 000 is above either threshold: nothing changes
    expect([lower.applied, lower.totalDelta, lower.items]).toEqual([true, 0, []]);
    // 26 000 batches (3.72 per 1 000): the lower threshold gives K1 its full 6 points
    const low = { ...facts, samplingBatches: 26_000 };
    const lowered = whatIf(standard, low, {
      standard: [{ path: '/items/0/rule/bands/1/atLeast', value: 3.5 }],
    });
    expect([lowered.totalDelta, lowered.items]).toEqual([
      2.4,
      [{ id: 'K1', before: 3.6, after: 6, delta: 2.4 }],
    ]);
    // null deletes: without samplingBatches K1 scores 0 and its veto is ignored (missing facts)
    const deleted = whatIf(standard, facts, { facts: { samplingBatches: null } });
    expect([deleted.totalDelta, deleted.items, deleted.vetoesAdded]).toEqual([
      -6,
      [{ id: 'K1', before: 6, after: 0, delta: -6 }],
      [],
    ]);
    // an incident: the veto is added
    const incident = whatIf(standard, facts, { facts: { majorIncidents: 1 } });
    expect(incident.vetoesAdded).toEqual(['major-incident']);
    // SCORING_PATCH_INVALID for a path that does not exist
    const invalid = whatIf(standard, facts, {
      standard: [{ path: '/items/9/rule', value: 1 }],
    });
    expect([invalid.applied, invalid.diagnostics.map((d) => d.code)]).toEqual([
      false,
      ['SCORING_PATCH_INVALID'],
    ]);
    // the defineStandard diagnostics, under $.standard, when the patched standard is invalid
    const unordered = whatIf(standard, facts, {
      standard: [{ path: '/items/0/rule/bands/1/atLeast', value: 2 }],
    });
    expect(unordered.applied).toBe(false);
    expect(unordered.diagnostics.map((d) => [d.code, d.path?.[0]])).toContainEqual([
      'SCORING_BANDS_NOT_MONOTONIC',
      'standard',
    ]);
    // an empty patch gives a zero diff
    expect(whatIf(standard, facts, {})).toMatchObject({
      totalDelta: 0,
      items: [],
      passFlip: 'none',
    });
  });

  it('6. The task ledger', () => {
    expect(guideLinesMissingFromTest('6. The task ledger')).toEqual([]);
    // context: the ledger of section 2, as JSON
    const json = structuredClone(LEDGER_JSON);

    const ledger = parseTaskLedger(json); // Result<TaskLedger>: SCHEMA_*, SCORING_DUPLICATE_ID,
    // SCORING_LEDGER_UNKNOWN_UNIT, SCORING_LEDGER_INCONSISTENT
    if (!ledger.ok) throw new Error('invalid ledger'); // the reasons are in ledger.diagnostics
    // a task: { id, items: ['K05'], assignments: [{ unit: 'region', id: 'xigang', role: 'lead' },
    //           { unit: 'department', id: 'market', role: 'support' }], due, status, completedOn, evidence }

    const rates = taskRates(ledger.value, '2017-10-31'); // city, regions, departments:
    // { total, completed, overdue, completedOnTime, completionRate, overdueRate, onTimeRate }

    expect(ledger.diagnostics).toEqual([]);
    // T21 is cancelled: left out of every rate; T13–T16 are overdue (open, due 30 Sep)
    expect(rates.city).toEqual({
      unit: { kind: 'city', id: 'city' },
      total: 20,
      completed: 12,
      overdue: 4,
      completedOnTime: 10,
      completionRate: 0.6,
      overdueRate: 0.2,
      onTimeRate: 10 / 12,
    });
    expect(rates.regions.map((r) => [r.unit.id, r.total, r.completed, r.overdue])).toEqual([
      ['xigang', 10, 6, 2],
      ['jinpu', 10, 6, 2],
    ]);
    expect(rates.departments.map((r) => [r.unit.id, r.total, r.completed])).toEqual([
      ['market', 20, 12],
    ]);
    // { role: 'lead' } counts only the lead units: the department supports every task
    const lead = taskRates(ledger.value, '2017-10-31', { role: 'lead' });
    expect(lead.departments.map((r) => [r.unit.id, r.total, r.completionRate])).toEqual([
      ['market', 0, null],
    ]);
    expect(lead.regions.map((r) => r.total)).toEqual([10, 10]);

    // the diagnostics the comment names
    const badLedger = {
      ...LEDGER_JSON,
      tasks: [
        ...LEDGER_JSON.tasks,
        {
          ...LEDGER_JSON.tasks[0]!,
          assignments: [{ unit: 'region', id: 'ganjingzi', role: 'lead' }],
        },
      ],
    };
    expect(parseTaskLedger(badLedger).diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(['SCORING_DUPLICATE_ID', 'SCORING_LEDGER_UNKNOWN_UNIT']),
    );
    const noEvidence = { ...LEDGER_JSON, tasks: [{ ...LEDGER_JSON.tasks[0]!, evidence: [] }] };
    expect(parseTaskLedger(noEvidence).diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['SCORING_LEDGER_INCONSISTENT', 'warning'],
    ]);
    expect(parseTaskLedger({ tasks: [{ id: 'x' }] }).diagnostics[0]?.code).toMatch(/^SCHEMA_/);

    // ranks: ties share the best rank (1, 2, 2, 4)
    const series = assessmentSeries([
      { date: '2017-02-28', scores: { a: 90, b: 85, c: 85, d: 80 } },
      { date: '2017-04-30', scores: { a: 91, b: 88, c: 84, d: 83 } },
    ]);
    expect(series.rounds[0]?.entries.map((e) => e.rank)).toEqual([1, 2, 2, 4]);
    expect(series.rounds[1]?.entries.map((e) => e.change)).toEqual([1, 3, -1, 3]);
    expect(series.units.map((u) => [u.id, u.slope, u.direction, u.bestRank, u.worstRank])).toEqual([
      ['a', 1, 'up', 1, 1],
      ['b', 3, 'up', 2, 2],
      ['c', -1, 'down', 2, 3],
      ['d', 3, 'up', 4, 4],
    ]);
    // rounds from the ledger itself: completion rate per region at each date
    const dates = bimonthlyRoundDates('2016-12-31', 6);
    expect(dates).toEqual([
      '2016-12-31',
      '2017-02-28',
      '2017-04-30',
      '2017-06-30',
      '2017-08-31',
      '2017-10-31',
    ]);
    const rounds = ledgerRounds(ledger.value, dates);
    expect(rounds.rounds.at(-1)?.entries.map((e) => [e.id, e.score, e.rank])).toEqual([
      ['xigang', 60, 1],
      ['jinpu', 60, 1],
    ]);
    expect(rounds.rounds.at(-2)?.entries.map((e) => e.score)).toEqual([0, 0]);
  });

  it('7. Surveys', () => {
    expect(guideLinesMissingFromTest('7. Surveys')).toEqual([]);
    // context: three more respondents (Xigang's are weighted, so the city's are too)
    const more = [
      { region: 'xigang', weight: 0.8, satisfaction: 75, aware: false, supports: true },
      { region: 'jinpu', satisfaction: 70, aware: true, supports: true },
      { region: 'jinpu', satisfaction: 90, aware: true, supports: false },
    ];

    const s = summarizeSurvey({
      responses: [
        { region: 'xigang', weight: 1.2, satisfaction: 85, aware: true, supports: true },
        // … one object per respondent
        ...more,
      ],
    });
    if (!s.ok) throw new Error('invalid survey'); // SCHEMA_*, SCORING_SURVEY_OUT_OF_RANGE
    // weights 1.2, 0.8, 1, 1: Kish's effective sample size (Σw)²/Σw² = 16 / 4.08
    const nEff = 16 / 4.08;
    expect(kishEffectiveSize([1.2, 0.8, 1, 1])).toBeCloseTo(nEff, 12);

    // { mean, sd, standardError, interval: { lower, upper }, effectiveN, method: 't' }
    const sat = s.value.city.satisfaction;
    expect(sat).toMatchObject({ method: 't' });
    expect(sat?.mean).toBeCloseTo((1.2 * 85 + 0.8 * 75 + 70 + 90) / 4, 12); // 80.5
    expect(sat?.effectiveN).toBeCloseTo(nEff, 12);
    expect(sat?.standardError).toBeCloseTo((sat?.sd ?? 0) / Math.sqrt(nEff), 12);
    expect(sat!.interval.lower).toBeLessThan(sat!.mean);
    expect(sat!.interval.upper - sat!.mean).toBeCloseTo(sat!.mean - sat!.interval.lower, 9);
    // a t interval with n_eff − 1 degrees of freedom: wider than the normal one
    const normal = estimateMean(
      [{ value: 85, weight: 1.2 }, { value: 75, weight: 0.8 }, { value: 70 }, { value: 90 }],
      { method: 'normal' },
    );
    expect(normal?.method).toBe('normal');
    expect(normal?.mean).toBeCloseTo(sat!.mean, 12);
    expect(normal!.interval.lower).toBeGreaterThan(sat!.interval.lower);

    // { rate, interval, effectiveN, method: 'wilson' | 'wilson-kish' }: the weighted share, and
    // the Wilson interval on the effective sample size
    const awareness = s.value.city.awareness;
    expect(awareness).toMatchObject({ method: 'wilson-kish' });
    expect(awareness?.rate).toBeCloseTo(0.8, 12); // (1.2 + 1 + 1) / 4
    const wilson = wilsonInterval(0.8 * nEff, nEff);
    expect(awareness?.interval.lower).toBeCloseTo(wilson?.lower ?? Number.NaN, 12);
    expect(awareness?.interval.upper).toBeCloseTo(wilson?.upper ?? Number.NaN, 12);
    // Newcombe 1998, Table I: 81 of 263 → [0.2553, 0.3662]
    const newcombe = wilsonInterval(81, 263);
    expect(newcombe?.lower).toBeCloseTo(0.2553, 4);
    expect(newcombe?.upper).toBeCloseTo(0.3662, 4);

    // against 70 points / 75 % / 85 % (national); meets and meetsAtLowerBound
    const checks = s.value.city.checks;
    expect(checks.satisfaction).toMatchObject({ threshold: 70, meets: true });
    expect(checks.awareness).toMatchObject({ threshold: 75, meets: true });
    expect(checks.support).toEqual({ threshold: 85, meets: false, meetsAtLowerBound: false });

    // { satisfaction, awareness, support } — rates in percent, ready for score()
    const facts = s.value.city.facts;
    expect(Object.keys(facts)).toEqual(['satisfaction', 'awareness', 'support']);
    expect(facts.awareness).toBeCloseTo(80, 10);
    expect(facts.support).toBeCloseTo(75, 10); // (1.2 + 0.8 + 1) / 4

    // the same by region
    const regions = s.value.regions;
    expect(regions.map((r) => r.unit.id)).toEqual(['xigang', 'jinpu']);
    expect(regions[0]?.satisfaction?.mean).toBeCloseTo((1.2 * 85 + 0.8 * 75) / 2, 12);
    expect(regions[1]?.satisfaction?.mean).toBe(80);
    expect(regions[1]?.awareness?.method).toBe('wilson'); // unweighted

    // the RuleSetMeta of the thresholds applied (national: secondary)
    expect(s.value.meta.confidence).toBe('secondary');

    // a province's thresholds, and satisfaction asked on a 1–5 scale
    const province = summarizeSurvey(
      {
        satisfactionScale: { min: 1, max: 5 },
        responses: [{ satisfaction: 4 }, { satisfaction: 5 }],
      },
      { thresholds: { satisfaction: 80, awareness: 85, support: 85 } },
    );
    expect(province.ok && province.value.city.satisfaction?.mean).toBe(87.5); // 75 and 100
    expect(province.ok && province.value.city.checks.satisfaction?.threshold).toBe(80);
    const outside = summarizeSurvey({ responses: [{ satisfaction: 101 }] });
    expect(outside.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['SCORING_SURVEY_OUT_OF_RANGE', ['responses', 0, 'satisfaction']],
    ]);
  });

  it('8. Composite indices (COINr-style)', () => {
    expect(guideLinesMissingFromTest('8. Composite indices (COINr-style)')).toEqual([]);

    const framework = [
      { code: 'sampling', level: 1, parent: 'supervision', weight: 1, direction: 1 },
      { code: 'complaintsOverdue', level: 1, parent: 'supervision', weight: 1, direction: -1 },
      { code: 'satisfaction', level: 1, parent: 'participation', weight: 1 },
      { code: 'supervision', level: 2, parent: 'index', weight: 2 },
      { code: 'participation', level: 2, parent: 'index', weight: 1 },
      { code: 'index', level: 3 },
    ];
    const data = [
      { code: 'xigang', values: { sampling: 5.1, complaintsOverdue: 3, satisfaction: 82 } },
      // … one row per region
      ...MORE_REGIONS,
    ];
    const r = computeIndex(framework, data, {
      normalisation: { method: 'minmax', range: [0, 100] }, // or goalposts, zscore, distanceToTarget, none
      aggregation: 'arithmetic', // or geometric, harmonic, a plugin aggregator id
      weights: { supervision: 3 }, // what-if on weights
    });
    if (!r.ok) throw new Error('invalid framework or method'); // the reasons are in r.diagnostics
    const nodes = r.value.nodes; // per node: scores and ranks per unit (ties = min rank)
    expect(framework).toEqual(FRAMEWORK);

    const node = (code: string) => nodes.find((n) => n.code === code);
    const close = (code: string, expected: (number | null)[]) => {
      const scores = node(code)?.scores ?? [];
      expect(scores.map((x) => (x === null ? null : Math.round(x * 1e6) / 1e6))).toEqual(
        expected.map((x) => (x === null ? null : Math.round(x * 1e6) / 1e6)),
      );
    };
    expect(r.value.units).toEqual(['xigang', 'jinpu', 'zhongshan', 'lvshunkou']);
    // min-max to [0, 100]; sampling 5.1, 4.2, 4.6, 4.8
    close('sampling', [100, 0, (0.4 / 0.9) * 100, (0.6 / 0.9) * 100]);
    // the direction first: fewer overdue complaints is better (3, 5, 1, missing)
    close('complaintsOverdue', [50, 0, 100, null]);
    close('satisfaction', [100, 0, 75, 50]);
    // a missing child is skipped and the remaining weights renormalised within the parent
    close('supervision', [75, 0, (100 + 400 / 9) / 2, (0.6 / 0.9) * 100]);
    // weights rescaled within the parent: supervision 3 (the what-if), participation 1
    const supervision = node('supervision')?.scores ?? [];
    const participation = node('participation')?.scores ?? [];
    close(
      'index',
      supervision.map((x, i) => (3 * (x ?? 0) + (participation[i] ?? 0)) / 4),
    );
    expect(node('index')?.scores[0]).toBe(81.25);
    expect(node('index')?.ranks).toEqual([1, 4, 2, 3]);
    // ties share the best rank
    const tied = computeIndex(framework, [
      data[0]!,
      { code: 'twin', values: data[0]!.values },
      MORE_REGIONS[0]!,
    ]);
    expect(tied.ok && tied.value.nodes.at(-1)?.ranks).toEqual([1, 1, 3]);
    // scaling all weights of a parent changes nothing
    const scaled = computeIndex(framework, data, { weights: { supervision: 6, participation: 3 } });
    const nominal = computeIndex(framework, data);
    expect(scaled.ok && scaled.value.nodes.at(-1)?.scores).toEqual(
      nominal.ok && nominal.value.nodes.at(-1)?.scores,
    );
    // geometric and harmonic means need positive values (Jinpu's normalised values are 0)
    const geometric = computeIndex(framework, data, { aggregation: 'geometric' });
    expect(geometric.diagnostics.map((d) => d.code)).toContain('SCORING_INDEX_NONPOSITIVE');
    // the framework is validated
    const codes = (rows: unknown) => computeIndex(rows, data).diagnostics.map((d) => d.code);
    expect(codes([...framework, framework[0]])).toContain('SCORING_DUPLICATE_ID');
    expect(codes([...framework, { code: 'x', level: 1, parent: 'nowhere' }])).toContain(
      'SCORING_INDEX_UNKNOWN_PARENT',
    );
    expect(
      codes(framework.map((row) => (row.code === 'satisfaction' ? { ...row, weight: 0 } : row))),
    ).toContain('SCORING_INDEX_WEIGHT_INVALID');
  });

  it('9. The CN standard — `@foodsafety/scoring/cn`', () => {
    expect(guideLinesMissingFromTest('9. The CN standard — `@foodsafety/scoring/cn`')).toEqual([]);

    const spec = cnStandard(); // plain data
    const jiangsu = cnStandard({ thresholds: { satisfaction: 80 } }); // provincial threshold
    const local = cnStandard({
      items: { K04: { points: 4 } },
      maxPilotTasks: 3,
      patch: { meta: { version: 'local' } },
    });
    const engine = createEngine({ plugins: [scoringCn({ thresholds: { awareness: 85 } })] }); // as a plugin

    // plain data: JSON round-trips
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    // 19 key items 58 points + 22 basic items 42 points = 100; 9 bonus items 16 points;
    // +2 per special pilot task, at most 2 tasks by default
    const tier = (s: StandardSpec, t: string) => s.items.filter((i) => i.tier === t);
    const points = (s: StandardSpec, t: string) =>
      tier(s, t).reduce((sum, i) => sum + i.points * 100, 0) / 100;
    expect(['key', 'basic', 'bonus'].map((t) => [tier(spec, t).length, points(spec, t)])).toEqual([
      [19, 58],
      [22, 42],
      [9, 16],
    ]);
    expect(tier(spec, 'pilot').map((i) => [i.points, i.rule])).toEqual([
      [4, { kind: 'count', input: 'pilotTasks', pointsEach: 2 }],
    ]);
    expect(spec.tiers).toEqual({
      key: { items: 19, points: 58 },
      basic: { items: 22, points: 42 },
      bonus: { items: 9, points: 16 },
    });
    // pass rule: no veto, every key item ≥ 60 % of its points, total ≥ 90
    expect(spec.pass).toEqual({ noVeto: true, keyItemMinPercent: 60, minTotal: 90 });
    // the vetoes and their thresholds: satisfaction < 70, awareness < 75 %, support < 85 %;
    // < 4 batches per 1 000 residents or < 2 on residues; case handling < 100 %
    const vetoes = Object.fromEntries((spec.vetoes ?? []).map((v) => [v.id, v.when]));
    expect(vetoes['V3-public-survey']).toEqual({
      any: [
        { value: 'satisfaction', op: '<', than: 70 },
        { value: 'awareness', op: '<', than: 75 },
        { value: 'support', op: '<', than: 85 },
      ],
    });
    expect(vetoes['V4-sampling-volume']).toEqual({
      any: [
        { value: 'samplingPer1000', op: '<', than: 4 },
        { value: 'residueSamplingPer1000', op: '<', than: 2 },
      ],
    });
    expect(vetoes['V5-case-handling']).toMatchObject({
      any: [{ than: 100 }, { than: 100 }, { than: 100 }],
    });
    // also evaluative sampling pass rate ≥ 98 %: K08's top band
    expect(spec.items.find((i) => i.id === 'K08')?.rule).toMatchObject({
      bands: [{ atLeast: 96 }, { atLeast: 98 }],
    });
    // the provincial threshold
    expect((jiangsu.vetoes ?? []).find((v) => v.id === 'V3-public-survey')?.when).toMatchObject({
      any: [{ value: 'satisfaction', than: 80 }, { than: 75 }, { than: 85 }],
    });
    // overriding item points drops the declared tier totals; 3 pilot tasks, 6 points; the patch
    expect(local.tiers).toBeUndefined();
    expect(local.items.find((i) => i.id === 'K04')?.points).toBe(4);
    expect(tier(local, 'pilot')[0]?.points).toBe(6);
    expect(local.meta.version).toBe('local');
    // the plugin contributes the standard, with its thresholds
    const contributed = engine.get(scoringStandards, 'cn.demonstration-city');
    expect(contributed?.vetoes?.find((v) => v.id === 'V3-public-survey')?.when).toMatchObject({
      any: [{ than: 70 }, { value: 'awareness', than: 85 }, { than: 85 }],
    });
    // meta.confidence is unverified; every item carries confidence 'unverified' and a note
    expect(spec.meta.confidence).toBe('unverified');
    expect(spec.items.every((i) => i.confidence === 'unverified' && i.note !== undefined)).toBe(
      true,
    );
    expect(CN_STANDARD_CONFIDENCE).toEqual({
      structure: 'secondary',
      passRule: 'secondary',
      vetoes: 'secondary',
      thresholds: 'secondary',
      itemTexts: 'unverified',
      pointSplits: 'unverified',
    });
    // the facts it reads
    const standard = unwrap(defineStandard(spec));
    expect(standard.factNames).toEqual(
      expect.arrayContaining([
        'population',
        'samplingBatches',
        'residueSamplingBatches',
        'evaluativeSamplesTested',
        'evaluativeSamplesPassed',
        'casesToInvestigate',
        'casesInvestigated',
        'nonConformingResults',
        'nonConformingDisposed',
        'penaltiesToPublish',
        'penaltiesPublished',
        'majorIncidents',
        'seriousImpactIncidents',
        'concealedOrLateReports',
        'satisfaction',
        'awareness',
        'support',
        'officesStandardisedRate',
        'responsibilitySystem',
        'districtHighlights',
        'pilotTasks',
      ]),
    );
    // K05 is the share of all tasks completed
    expect(spec.items.find((i) => i.id === 'K05')?.rule).toEqual({
      kind: 'taskShare',
      tasks: 'all',
    });
  });

  it('10. Write an indicator plugin', () => {
    expect(guideLinesMissingFromTest('10. Write an indicator plugin')).toEqual([]);

    const buildings = defineCalculator({
      id: 'xigang.buildings-per-10k-households',
      params: z.object({ target: z.number().positive() }), // validated at defineStandard
      inputs: () => ['demoBuildings', 'households'], // the facts it reads
      compute: ([b, h], { target }) => (((b as number) / (h as number)) * 10_000) / target, // share of points, clamped to [0, 1]
    });

    const xigang = definePlugin({
      name: 'xigang-indicators',
      version: '1.0.0',
      requires: { '@foodsafety/scoring': '^0.1' },
      setup(ctx) {
        ctx.contribute(scoringCalculators, buildings);
        const { tiers, ...base } = cnStandard(); // one more bonus item: drop the 58/42/16 check
        ctx.contribute(scoringStandards, {
          ...base,
          meta: { ...base.meta, id: 'cn.demonstration-city.xigang' },
          items: [
            ...base.items,
            {
              id: 'XG1',
              tier: 'bonus',
              points: 1,
              title: { 'zh-CN': '食品安全示范楼', en: 'Food-safety residential buildings' },
              rule: { kind: 'calculator', calculator: buildings.id, params: { target: 5 } },
            },
          ],
        });
        expect(tiers).toEqual(cnStandard().tiers);
      },
    });

    const engine = createEngine({ plugins: [xigang()] });
    const spec = engine.get(scoringStandards, 'cn.demonstration-city.xigang');
    const standard = defineStandard(spec, scoringExtensionsOf(engine)); // calculators + veto predicates

    // the engine knows the host @foodsafety/scoring from its extension points: no finding
    expect(engine.diagnostics).toEqual([]);
    expect(standard.ok).toBe(true);
    const compiled = unwrap(standard);
    // 12 buildings for 60 000 households: 2 per 10 000, of a target of 5: 0.4 of the point
    const r = score(compiled, { ...CN_FACTS, demoBuildings: 12, households: 60_000 });
    expect(pointsOf(r, 'XG1')).toBe(0.4);
    expect(r.tiers.bonus?.max).toBe(17);
    // clamped to [0, 1]
    expect(pointsOf(score(compiled, { demoBuildings: 60, households: 60_000 }), 'XG1')).toBe(1);
    // NaN means "facts missing": without households the item follows the missing-facts policy
    const noHouseholds = score(compiled, { ...CN_FACTS, demoBuildings: 12 });
    expect(noHouseholds.items.find((i) => i.id === 'XG1')).toMatchObject({
      points: 0,
      status: 'missing',
    });
    expect(noHouseholds.diagnostics.map((d) => d.params?.item)).toContain('XG1');
    // params validated at defineStandard
    const badParams = structuredClone(spec);
    const xg1 = badParams?.items.find((i) => i.id === 'XG1');
    if (xg1?.rule.kind === 'calculator') Object.assign(xg1.rule, { params: { target: -1 } });
    expect(
      defineStandard(badParams, scoringExtensionsOf(engine)).diagnostics.map((d) => d.code),
    ).toContain('SCORING_PLUGIN_PARAMS_INVALID');
    // without the engine's calculators the standard names an unknown calculator
    expect(defineStandard(spec).diagnostics.map((d) => d.code)).toContain(
      'SCORING_UNKNOWN_CALCULATOR',
    );
    // a calculator that throws gives SCORING_CALCULATOR_FAILED for that item, never a crash
    const throwing = defineCalculator({
      id: buildings.id,
      inputs: () => ['demoBuildings'],
      compute: () => {
        throw new Error('no data');
      },
    });
    const failing = unwrap(defineStandard(spec, { calculators: [throwing] }));
    const crashed = score(failing, { demoBuildings: 3 });
    expect(pointsOf(crashed, 'XG1')).toBe(0);
    expect(crashed.diagnostics.map((d) => d.code)).toContain('SCORING_CALCULATOR_FAILED');
    // the test the guide names
    expect(existsSync(new URL('./standard/extension-points.test.ts', import.meta.url))).toBe(true);
  });

  it('Monte Carlo: `simulate`', () => {
    expect(guideLinesMissingFromTest('Monte Carlo: `simulate`')).toEqual([]);

    const standard = defineStandard({
      meta: {
        id: 'demo',
        version: '1',
        jurisdiction: 'CN',
        effectiveFrom: '2017-01-01',
        source: 'demo',
        confidence: 'unverified',
      },
      items: [
        {
          id: 'k',
          tier: 'key',
          points: 60,
          rule: { kind: 'linear', input: 'k', zeroAt: 0, fullAt: 1 },
        },
        {
          id: 'b',
          tier: 'basic',
          points: 40,
          rule: { kind: 'linear', input: 'b', zeroAt: 0, fullAt: 40 },
        },
      ],
      vetoes: [
        { id: 'incident', when: { value: 'incidents', op: '>', than: 0 } },
        { id: 'satisfaction', when: { value: 'satisfaction', op: '<', than: 70 } },
      ],
    });
    if (!standard.ok) throw new Error('invalid standard');

    const result = simulate({
      model: {
        standard: standard.value,
        facts: { k: 0.9, b: 36, incidents: 0, satisfaction: 74 },
        regions: { east: { b: 30 }, west: { b: 31 } }, // regions inherit the city's other facts
      },
      uncertainty: {
        facts: {
          satisfaction: { type: 'normal', sd: 2.5 }, // survey error around the reported 74
          b: { type: 'normal', relativeSd: 0.05, min: 0, max: 40 },
          incidents: { type: 'bernoulli', p: 0.02 }, // an unreported incident may surface
        },
        weights: { type: 'uniform', percent: 10 }, // every item's points ±10 %, tier totals kept
        methods: { minTotal: { values: [90, 92], weights: [3, 1] } }, // an alternative pass line
      },
      runs: 10_000,
      seed: 'dalian-2017',
    });

    // P(the city passes), with result.pPassInterval (95 % Wilson)
    const n = result.runs;
    expect(n).toBe(10_000);
    const wilson = wilsonInterval(result.pPass * n, n);
    expect(result.pPassInterval[0]).toBeCloseTo(wilson?.lower ?? Number.NaN, 12);
    expect(result.pPassInterval[1]).toBeCloseTo(wilson?.upper ?? Number.NaN, 12);
    // nominal: 54 + 36 = 90, on the pass line: about as likely to pass as not, less the vetoes
    // and the stricter line of 92 in a quarter of the runs
    expect(result.pPass).toBeGreaterThan(0.25);
    expect(result.pPass).toBeLessThan(0.5);
    // P(some veto fires); per veto: P(incident) = 0.02, P(N(74, 2.5²) < 70) = Φ(−1.6) = 0.0548;
    // independent: 1 − 0.98 × 0.9452 = 0.0737 (each within 4 standard errors)
    const within = (p: number, expected: number) =>
      expect(Math.abs(p - expected)).toBeLessThanOrEqual(
        4 * Math.sqrt((expected * (1 - expected)) / n),
      );
    within(result.pVeto.byVeto.incident ?? Number.NaN, 0.02);
    within(result.pVeto.byVeto.satisfaction ?? Number.NaN, 0.0548);
    within(result.pVeto.any, 1 - 0.98 * (1 - 0.0548));
    // city total at probabilities 0.05, 0.25, 0.5, 0.75, 0.95, around the nominal 90
    expect(result.probabilities).toEqual([0.05, 0.25, 0.5, 0.75, 0.95]);
    expect(result.quantiles).toHaveLength(5);
    expect(result.quantiles).toEqual([...result.quantiles].sort((a, b) => a - b));
    expect(Math.abs((result.quantiles[2] ?? 0) - 90)).toBeLessThan(0.5);
    // east's rank among the regions at the same probabilities: 1 or 2, whole numbers
    expect(result.rankQuantiles.east?.every((x) => x === 1 || x === 2)).toBe(true);
    // every region gets the same summary: east 54 + 30 = 84, west 54 + 31 = 85 (neither passes)
    expect(result.regions.map((u) => u.id)).toEqual(['east', 'west']);
    expect(Math.abs((result.regions[0]?.mean ?? 0) - 84)).toBeLessThan(0.2);
    expect(Math.abs((result.regions[1]?.mean ?? 0) - 85)).toBeLessThan(0.2);
    expect(result.regions[0]?.pPass).toBe(0);
    expect(result.regions[1]?.pPass).toBeLessThan(0.01);
    expect(result.meta.id).toBe('demo');
    expect(result.diagnostics).toEqual([]);
    // seeded: the same seed gives the same result
    const again = simulate({
      model: {
        standard: standard.value,
        facts: { k: 0.9, b: 36, incidents: 0, satisfaction: 74 },
        regions: { east: { b: 30 }, west: { b: 31 } },
      },
      uncertainty: {
        facts: {
          satisfaction: { type: 'normal', sd: 2.5 },
          b: { type: 'normal', relativeSd: 0.05, min: 0, max: 40 },
          incidents: { type: 'bernoulli', p: 0.02 },
        },
        weights: { type: 'uniform', percent: 10 },
        methods: { minTotal: { values: [90, 92], weights: [3, 1] } },
      },
      runs: 10_000,
      seed: 'dalian-2017',
    });
    expect(again).toEqual(result);
    // with no uncertainty, simulate reproduces score exactly
    const certain = simulate({
      model: {
        standard: standard.value,
        facts: { k: 0.9, b: 36, incidents: 0, satisfaction: 74 },
        regions: { east: { b: 30 }, west: { b: 31 } },
      },
      uncertainty: {},
      runs: 10,
      seed: 1,
    });
    const exact = score(
      standard.value,
      { k: 0.9, b: 36, incidents: 0, satisfaction: 74 },
      { regions: { east: { b: 30 }, west: { b: 31 } } },
    );
    expect([certain.quantiles[0], certain.pPass]).toEqual([exact.total, exact.pass ? 1 : 0]);
    expect(certain.regions.map((u) => u.quantiles[0])).toEqual(exact.regions.map((u) => u.total));
    // an uncertain fact the standard does not read
    const unknown = simulate({
      model: { standard: standard.value, facts: { k: 0.9, b: 36 } },
      uncertainty: { facts: { weather: { type: 'normal', sd: 1 } } },
      runs: 10,
      seed: 1,
    });
    expect(unknown.diagnostics.map((d) => d.code)).toEqual(['SCORING_SIMULATION_UNKNOWN_FACT']);
  });

  it('Uncertainty of a composite index: `simulateIndex`', () => {
    expect(guideLinesMissingFromTest('Uncertainty of a composite index: `simulateIndex`')).toEqual(
      [],
    );
    // context: the framework and data of section 8
    const framework = FRAMEWORK;
    const data = [
      { code: 'xigang', values: { sampling: 5.1, complaintsOverdue: 3, satisfaction: 82 } },
      ...MORE_REGIONS,
    ];

    const r = simulateIndex({
      framework,
      data, // as for computeIndex
      method: { normalisation: { method: 'minmax' } }, // the nominal method
      uncertainty: {
        normalisation: { values: [{ method: 'minmax' }, { method: 'zscore' }] },
        aggregation: { values: ['arithmetic', 'geometric'], weights: [3, 1] },
        weights: { type: 'dirichlet', concentration: 50 }, // or { type: 'uniform', percent: 20 }
        data: { satisfaction: { type: 'normal', sd: 2 } }, // measurement error, as in simulate
      },
      runs: 1000,
      seed: 'index-ua',
    });
    if (!r.ok) throw new Error('invalid options'); // the reasons are in r.diagnostics
    const units = r.value.units; // per unit: nominalScore, nominalRank, scoreQuantiles, rankQuantiles, meanRank, pFirst, missingRuns

    expect(units.map((u) => u.code)).toEqual(['xigang', 'jinpu', 'zhongshan', 'lvshunkou']);
    expect(Object.keys(units[0] ?? {})).toEqual(
      expect.arrayContaining([
        'nominalScore',
        'nominalRank',
        'scoreQuantiles',
        'rankQuantiles',
        'meanRank',
        'pFirst',
        'missingRuns',
      ]),
    );
    // the nominal method is computeIndex's: minmax, arithmetic, the framework's weights
    const nominal = unwrap(computeIndex(framework, data, { normalisation: { method: 'minmax' } }));
    expect(units.map((u) => u.nominalScore)).toEqual(nominal.nodes.at(-1)?.scores);
    expect(units.map((u) => u.nominalRank)).toEqual(nominal.nodes.at(-1)?.ranks);
    // how often each method was drawn: normalisation 1:1, aggregation 3:1
    const { normalisation, aggregation } = r.value.methodCounts;
    expect((normalisation[0] ?? 0) + (normalisation[1] ?? 0)).toBe(1000);
    expect(Math.abs((aggregation[0] ?? 0) - 750)).toBeLessThan(4 * Math.sqrt(1000 * 0.75 * 0.25));
    // runs with findings (a geometric mean over a zero) are summarised once, and counted per unit
    expect(r.diagnostics.map((d) => d.code)).toEqual(['SCORING_SIMULATION_RUN_DIAGNOSTIC']);
    expect(units[1]?.missingRuns).toBeGreaterThan(0);
    expect(units.reduce((sum, u) => sum + u.pFirst, 0)).toBeCloseTo(1, 9);

    // the check by hand: X = (4, 9) and Y = (6, 6.2) swap places between the arithmetic and the
    // geometric mean, so pFirst of X is the share of arithmetic runs, exactly
    const swap = simulateIndex({
      framework: [
        { code: 'a', level: 1, parent: 'i' },
        { code: 'b', level: 1, parent: 'i' },
        { code: 'i', level: 2 },
      ],
      data: [
        { code: 'X', values: { a: 4, b: 9 } },
        { code: 'Y', values: { a: 6, b: 6.2 } },
      ],
      method: { normalisation: { method: 'none' } },
      uncertainty: { aggregation: { values: ['arithmetic', 'geometric'] } },
      runs: 500,
      seed: 'swap',
    });
    if (!swap.ok) throw new Error('invalid options');
    expect(swap.value.units[0]?.pFirst).toBe((swap.value.methodCounts.aggregation[0] ?? 0) / 500);
  });

  it('Sensitivity: `sensitivity`', () => {
    expect(guideLinesMissingFromTest('Sensitivity: `sensitivity`')).toEqual([]);

    // Ishigami: f = sin x1 + 7 sin² x2 + 0.1 x3⁴ sin x1, xi ~ U(−π, π)
    const ishigami = (x: Float64Array) =>
      Math.sin(x[0]!) + 7 * Math.sin(x[1]!) ** 2 + 0.1 * x[2]! ** 4 * Math.sin(x[0]!);

    const result = sensitivity({
      model: ishigami,
      inputs: ['x1', 'x2', 'x3'].map((name) => ({
        name,
        distribution: { type: 'uniform', min: -Math.PI, max: Math.PI },
      })),
      N: 8192, // base sample; the design costs N·(k+2) = 40 960 evaluations
      seed: 1, // for the bootstrap
    });
    const round = (xs: readonly number[], digits: number) =>
      xs.map((x) => Math.round(x * 10 ** digits) / 10 ** digits);
    expect(round(result.S1, 4)).toEqual([0.3159, 0.4424, 0.0021]);
    expect(round(result.ST, 4)).toEqual([0.558, 0.4424, 0.2439]);
    expect(round(result.S1Conf, 3)).toEqual([0.021, 0.019, 0.021]); // bootstrap half-widths
    expect(result.evaluations).toBe(40_960);
    expect(result.names).toEqual(['x1', 'x2', 'x3']);
    // intervals.S1: [low, high], the half-widths around the estimates (the normal method)
    result.intervals.S1.forEach(([low, high], i) => {
      expect((high - low) / 2).toBeCloseTo(result.S1Conf[i] ?? Number.NaN, 12);
    });
    // the analytic values the comments cite
    const analytic = ishigamiIndices();
    expect(round(analytic.S1, 10)).toEqual([0.3139051911, 0.4424111448, 0]);
    expect(round(analytic.ST, 10)).toEqual([0.5575888552, 0.4424111448, 0.2436836641]);
    // SALib's acceptance: |estimate − analytic| ≤ 0.05 + 0.1·|analytic|; and within 0.01 here
    [...result.S1, ...result.ST].forEach((estimate, i) => {
      const exact = [...analytic.S1, ...analytic.ST][i] ?? Number.NaN;
      expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(0.01);
    });
    // the 95 % intervals cover the analytic values
    result.intervals.ST.forEach(([low, high], i) => {
      expect(low).toBeLessThanOrEqual(analytic.ST[i] ?? Number.NaN);
      expect(high).toBeGreaterThanOrEqual(analytic.ST[i] ?? Number.NaN);
    });
    expect(ISHIGAMI_INPUTS.map((input) => input.name)).toEqual(result.names);
    // point estimates do not depend on the seed; only the intervals do
    const other = sensitivity({ model: ishigami, inputs: ISHIGAMI_INPUTS, N: 8192, seed: 2 });
    expect([other.S1, other.ST]).toEqual([result.S1, result.ST]);
    expect(other.S1Conf).not.toEqual(result.S1Conf);
  });

  it('Sensitivity of a standard', () => {
    expect(guideLinesMissingFromTest('Sensitivity of a standard')).toEqual([]);
    // context: the CN standard (section 9) and Dalian-like facts
    const standard = CN;
    const cityFacts = CN_FACTS;

    const names = ['satisfaction', 'awareness', 'samplingBatches'];
    const indices = sensitivity({
      model: standardModel({ standard, facts: cityFacts, inputs: names }),
      inputs: [
        { name: 'satisfaction', distribution: { type: 'normal', mean: 82, sd: 3 } },
        { name: 'awareness', distribution: { type: 'triangular', min: 75, mode: 86, max: 95 } },
        {
          name: 'samplingBatches',
          distribution: { type: 'lognormal', mu: Math.log(29_600), sigma: 0.1 },
        },
      ],
      N: 4096,
      seed: 'dalian',
    });

    expect(indices.names).toEqual(names);
    expect(indices.evaluations).toBe(4096 * (3 + 2));
    expect(indices.diagnostics).toEqual([]);
    // x[j] sets the fact inputs[j], every other fact keeps its value: the unit's total
    const model = standardModel({ standard, facts: cityFacts, inputs: names });
    const at = (x: number[]) => model(Float64Array.from(x));
    expect(at([82, 86, 29_600])).toBe(
      score(standard, { ...cityFacts, satisfaction: 82, awareness: 86, samplingBatches: 29_600 })
        .total,
    );
    // below 4 batches per 1 000 (27 920), K06 drops from 3 points to 1.8
    expect(at([82, 86, 27_000])).toBeCloseTo(at([82, 86, 29_600]) - 1.2, 9);
    // awareness stays ≥ 75 % here: its indices are exactly 0; the batches drive the total
    expect([indices.S1[1], indices.ST[1]]).toEqual([0, 0]);
    expect(indices.ST[2]).toBeGreaterThan(0.9);
    // output: 'pass' gives 1/0
    const pass = standardModel({ standard, facts: cityFacts, inputs: names, output: 'pass' });
    expect(pass(Float64Array.of(82, 86, 29_600))).toBe(
      score(standard, { ...cityFacts, satisfaction: 82, awareness: 86, samplingBatches: 29_600 })
        .pass
        ? 1
        : 0,
    );
    // an input the standard does not read (as the guide had it: 'batches') throws
    expect(() => standardModel({ standard, facts: cityFacts, inputs: ['batches'] })).toThrow(
      expect.objectContaining({ code: 'SCORING_MODEL_UNKNOWN_FACT' }),
    );
  });

  it('Worker threads and reproducibility', async () => {
    expect(guideLinesMissingFromTest('Worker threads and reproducibility')).toEqual([]);
    // context: the reader's model module beside the calling module, here in a fresh directory
    // (import.meta.url is pointed there for the block, then restored), and Ishigami's inputs
    const dir = mkdtempSync(join(tmpdir(), 'docs-scoring-'));
    writeFileSync(
      join(dir, 'my-model.ts'),
      [
        'export const myModel = (x: Float64Array): number =>',
        '  Math.sin(x[0] as number) +',
        '  7 * Math.sin(x[1] as number) ** 2 +',
        '  0.1 * (x[2] as number) ** 4 * Math.sin(x[0] as number);',
        '',
      ].join('\n'),
    );
    const inputs = ISHIGAMI_INPUTS;
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const meta = import.meta as { url: string };
    const url = meta.url;
    meta.url = pathToFileURL(join(dir, 'caller.ts')).href;
    try {
      const result = await sensitivity({
        model: { module: new URL('./my-model.ts', import.meta.url), export: 'myModel' },
        inputs,
        N: 8192,
        seed: 1,
        workers: 2, // or { count: 2, chunk, execArgv, preload, typescript }
        onProgress: ({ done, total }) => console.log(`${done}/${total}`),
      });
      meta.url = url;

      // bit-identical to the single-thread run of section 11
      const ishigami = (x: Float64Array) =>
        Math.sin(x[0]!) + 7 * Math.sin(x[1]!) ** 2 + 0.1 * x[2]! ** 4 * Math.sin(x[0]!);
      const single = sensitivity({ model: ishigami, inputs, N: 8192, seed: 1 });
      expect(result).toEqual(single);
      const bits = (values: readonly number[]) =>
        Array.from(new BigUint64Array(Float64Array.from(values).buffer));
      expect(bits(result.ST)).toEqual(bits(single.ST));
      // onProgress: first done = 0 once every worker has loaded the model, then after every chunk
      const lines = log.mock.calls.map((call) => String(call[0]));
      expect(lines[0]).toBe('0/40960');
      expect(lines.at(-1)).toBe('40960/40960'); // total: the model evaluations
      // without workers a module reference is imported in this thread, and gives a Promise too
      const here = sensitivity({
        model: { module: pathToFileURL(join(dir, 'my-model.ts')), export: 'myModel' },
        inputs,
        N: 1024,
        seed: 1,
      });
      expect(here).toBeInstanceOf(Promise);
      expect(await here).toEqual(sensitivity({ model: ishigami, inputs, N: 1024, seed: 1 }));
    } finally {
      meta.url = url;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('Low-discrepancy points: `sobolSequence`', () => {
    expect(guideLinesMissingFromTest('Low-discrepancy points: `sobolSequence`')).toEqual([]);

    const seq = sobolSequence(3); // 1 … 201 dimensions
    expect(seq.next()).toEqual(Float64Array.of(0, 0, 0)); // Float64Array [0, 0, 0]
    expect(seq.next()).toEqual(Float64Array.of(0.5, 0.5, 0.5)); // [0.5, 0.5, 0.5]
    const block = seq.fill(1024); // next 1024 points, row-major, one allocation
    const points2and3 = [...block.subarray(0, 6)];
    seq.next(block, 0); // or write into your own buffer
    const jumped = sobolSequence(10, { skip: 65535 }).next(); // jump straight to point 65 535

    expect(block).toHaveLength(3 * 1024);
    // points 2 and 3 of scipy's qmc.Sobol(3, scramble=False)
    expect(points2and3).toEqual([0.75, 0.25, 0.25, 0.25, 0.75, 0.75]);
    // written into the buffer: point 1026, as the next one of a fresh sequence after 1026 points
    const fresh = sobolSequence(3);
    fresh.fill(1026);
    expect([...block.subarray(0, 3)]).toEqual([...fresh.next()]);
    // the jump lands where 65 535 steps do
    const walked = sobolSequence(10);
    walked.fill(65_535);
    expect(jumped).toEqual(walked.next());
    // in Gray-code order point 65 535 has Gray code 2¹⁵: dimension 1 (van der Corput) is 2⁻¹⁶
    expect(jumped[0]).toBe(2 ** -16);
    // 1 … 201 dimensions
    expect(sobolSequence(201).next()).toHaveLength(201);
    expect(() => sobolSequence(202)).toThrow();
  });
});
