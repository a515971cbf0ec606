import { createEngine } from '@foodsafety/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { defineStandard, type Standard } from '../standard/define-standard.js';
import { evaluate } from '../standard/evaluate.js';
import { scoringStandards } from '../standard/extension-points.js';
import { score } from '../standard/score.js';
import { whatIf } from '../standard/what-if.js';
import { CN_NATIONAL_THRESHOLDS, CN_STANDARD_CONFIDENCE, cnStandard } from './cn-standard.js';
import { scoringCn } from './scoring-cn-plugin.js';

function compile(spec = cnStandard()): Standard {
  const r = defineStandard(spec);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics, null, 1));
  return r.value;
}

/** A city meeting every item and no veto (Dalian-like figures where the programme gives them). */
const full = {
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
  responsibilitySystem: true,
  inPerformanceAppraisal: true,
  budgetedFunding: true,
  officesStandardisedRate: 85,
  'taskShare.K05': 1,
  productionRecordRate: 100,
  gradingCoverageRate: 100,
  schoolOpenKitchenRate: 100,
  largeRestaurantOpenKitchenRate: 80,
  marketRapidTestRate: 100,
  traceabilityCoverageRate: 100,
  criminalHandoverMechanism: true,
  emergencyPlanExercised: true,
  committeeOfficeStaffed: true,
  coordinatorCoverageRate: 100,
  fourLevelNetwork: true,
  inspectionPlanRate: 100,
  riskConsultations: 4,
  licenceDisplayRate: 100,
  haccpAdoptionRate: 90,
  centralKitchenGradeBRate: 100,
  demoSupermarkets: true,
  rectificationClosedRate: 100,
  labCapacityMet: true,
  rapidTestEquipmentRate: 100,
  informationPlatform: true,
  inspectorTrainingRate: 100,
  publicityStations: true,
  complaintHandlingRate: 100,
  volunteerTeams: true,
  liabilityInsurancePilot: true,
  publicNominatedSampling: true,
  schoolEducation: true,
  centralKitchensForSchools: false,
  signatureProductTraceability: false,
  b2bPlatformLinked: false,
  districtHighlights: 0,
  smartSupervision: false,
  insuranceExtended: false,
  commendation: false,
  demoBuildings: false,
  regionalTestCentres: false,
  pilotTasks: 0,
};

describe('CN standard structure (Jiangsu sheet, REFERENCES.md)', () => {
  const spec = cnStandard();
  const tier = (t: string) => spec.items.filter((i) => i.tier === t);
  const sum = (t: string) => tier(t).reduce((s, i) => s + Math.round(i.points * 100), 0) / 100;

  it('19 key items 58 points + 22 basic items 42 points = 100; 9 bonus items 16 points', () => {
    expect(tier('key')).toHaveLength(19);
    expect(sum('key')).toBe(58);
    expect(tier('basic')).toHaveLength(22);
    expect(sum('basic')).toBe(42);
    expect(sum('key') + sum('basic')).toBe(100);
    expect(tier('bonus')).toHaveLength(9);
    expect(sum('bonus')).toBe(16);
  });

  it('+2 per special pilot task', () => {
    const s = compile();
    const r = score(s, { ...full, pilotTasks: 1 });
    expect(r.items.find((i) => i.id === 'P01')?.points).toBe(2);
    expect(score(s, { ...full, pilotTasks: 5 }).items.find((i) => i.id === 'P01')?.points).toBe(4);
    const more = compile(cnStandard({ maxPilotTasks: 5 }));
    expect(score(more, { ...full, pilotTasks: 5 }).items.find((i) => i.id === 'P01')?.points).toBe(
      10,
    );
  });

  it('the pass rule is the published one; confidence is labelled', () => {
    expect(spec.pass).toEqual({ noVeto: true, keyItemMinPercent: 60, minTotal: 90 });
    expect(spec.meta.confidence).toBe('unverified');
    expect(CN_STANDARD_CONFIDENCE).toMatchObject({
      structure: 'secondary',
      passRule: 'secondary',
      itemTexts: 'unverified',
      pointSplits: 'unverified',
    });
    for (const item of spec.items) {
      expect(item.title?.['zh-CN']).toBeTruthy();
      expect(item.title?.en).toBeTruthy();
      expect(item.confidence).toBe('unverified');
    }
    expect(new Set(spec.items.map((i) => i.area))).toEqual(
      new Set(['responsibility', 'whole-chain', 'capacity', 'participation', 'innovation']),
    );
  });

  it('the thresholds are those of the national first part', () => {
    expect(CN_NATIONAL_THRESHOLDS).toEqual({
      satisfaction: 70,
      awareness: 75,
      support: 85,
      samplingPer1000: 4,
      residueSamplingPer1000: 2,
      caseHandling: 100,
      evaluativePassRate: 98,
    });
  });

  it('compiles, and its plain data is JSON-serialisable', () => {
    const s = compile();
    expect(s.items).toHaveLength(51);
    expect(JSON.parse(JSON.stringify(cnStandard()))).toEqual(cnStandard());
  });
});

describe('scoring a city with the CN standard', () => {
  const std = compile();

  it('a city meeting every base item scores 100 and passes; 36 000 batches / 6.98 M = 5.16 per 1 000', () => {
    const r = score(std, full);
    expect(r.tiers.key.points).toBe(58);
    expect(r.tiers.basic.points).toBe(42);
    expect(r.total).toBe(100);
    expect(r.pass).toBe(true);
    expect(r.vetoesFired).toEqual([]);
    const k06 = r.items.find((i) => i.id === 'K06');
    const per1000 = k06?.explanation?.children?.[0]?.value as number;
    expect(Math.round(per1000 * 100) / 100).toBe(5.16);
    expect(evaluate(std, full)).toMatchObject({ total: 100, pass: true, vetoFired: false });
  });

  it.each([
    ['majorIncidents', 1, 'V1-major-incident'],
    ['concealedOrLateReports', 1, 'V2-cover-up'],
    ['satisfaction', 69.9, 'V3-public-survey'],
    ['awareness', 74, 'V3-public-survey'],
    ['support', 84, 'V3-public-survey'],
    ['residueSamplingBatches', 13_000, 'V4-sampling-volume'],
    ['casesInvestigated', 3273, 'V5-case-handling'],
  ])('veto: %s = %s fires %s and fails the city', (fact, value, veto) => {
    const r = score(std, { ...full, [fact]: value });
    expect(r.vetoesFired.map((v) => v.id)).toContain(veto);
    expect(r.pass).toBe(false);
  });

  it('evaluative sampling pass rate ≥ 98 %: 98.3 % earns K08, 97 % earns 60 % of it', () => {
    expect(score(std, full).items.find((i) => i.id === 'K08')?.points).toBe(3);
    const low = score(std, { ...full, evaluativeSamplesPassed: 970 });
    expect(low.items.find((i) => i.id === 'K08')?.points).toBe(1.8);
  });

  it('a key item below 60 % fails a city above 90', () => {
    const r = score(std, { ...full, officesStandardisedRate: 70 });
    // K04: (70 − 50) / 35 × 3 = 1.71 < 1.8
    expect(r.items.find((i) => i.id === 'K04')?.points).toBe(1.71);
    expect(r.total).toBe(98.71);
    expect(r.pass).toBe(false);
    expect(r.checks.failingKeyItems).toEqual(['K04']);
  });

  it('what-if: extending liability insurance adds 2 bonus points', () => {
    const d = whatIf(std, full, { facts: { insuranceExtended: true } });
    expect(d.totalDelta).toBe(2);
    expect(d.items).toEqual([{ id: 'X06', before: 0, after: 2, delta: 2 }]);
  });
});

describe('overrides', () => {
  it('provincial thresholds (satisfaction 80) change the veto and the item text', () => {
    const s = compile(cnStandard({ thresholds: { satisfaction: 80 } }));
    expect(score(s, { ...full, satisfaction: 79 }).vetoesFired.map((v) => v.id)).toEqual([
      'V3-public-survey',
    ]);
    expect(s.spec.items.find((i) => i.id === 'B22')?.title?.en).toContain('80 points');
  });

  it('item overrides, pass overrides and a final merge patch', () => {
    const spec = cnStandard({
      items: { K01: { points: 5 } },
      pass: { minTotal: 85 },
      patch: { meta: { version: 'dalian-local' } },
    });
    expect(spec.tiers).toBeUndefined();
    expect(spec.pass?.minTotal).toBe(85);
    expect(spec.meta.version).toBe('dalian-local');
    const s = compile(spec);
    expect(score(s, full).total).toBe(101);
  });

  it('thresholds and options of the wrong type are no throw: defineStandard reports them', () => {
    const spec = cnStandard({
      thresholds: {
        satisfaction: Object.create(null),
        awareness: 10n as never,
        evaluativePassRate: Symbol('x') as never,
        support: '85' as never,
      },
      pointsPerPilotTask: 2n as never,
      items: { K01: null as never },
    });
    expect(spec.vetoes?.find((v) => v.id === 'V3-public-survey')?.title?.en).toBe(
      'Satisfaction below object points, awareness below 10 % or support below 85 %',
    );
    const r = defineStandard(spec);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toContainEqual([
      'SCHEMA_INVALID_TYPE',
      ['items', 50, 'points'],
    ]);
    expect(r.diagnostics.every((d) => /^(SCORING|SCHEMA)_/.test(d.code))).toBe(true);
    expect(cnStandard(null as never)).toEqual(cnStandard());
  });

  it('as a plugin contributing to scoring.standards', () => {
    const engine = createEngine({ plugins: [scoringCn({ thresholds: { awareness: 85 } })] });
    const spec = engine.get(scoringStandards, 'cn.demonstration-city');
    expect(spec?.vetoes?.find((v) => v.id === 'V3-public-survey')?.title?.en).toContain(
      'awareness below 85 %',
    );
    expect(defineStandard(spec).ok).toBe(true);
  });
});
