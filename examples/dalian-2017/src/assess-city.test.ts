import { score, whatIf } from '@foodsafety/scoring';
import { describe, expect, it } from 'vitest';
import { assessCity, type CityAssessment } from './assess-city.js';
import { loadAssessmentData } from './load-assessment-data.js';
import { loadScenario } from './load-scenario.js';
import { taskShareInputs } from './task-share-inputs.js';

const { scenario } = loadScenario();
if (!scenario) throw new Error('the scenario data did not load');
const data = loadAssessmentData();
const RUNS = 400;

function assess(seed?: string): CityAssessment {
  const { assessment, diagnostics } = assessCity(scenario as NonNullable<typeof scenario>, data, {
    runs: RUNS,
    ...(seed === undefined ? {} : { seed }),
  });
  if (!assessment) throw new Error(JSON.stringify(diagnostics, null, 1));
  return assessment;
}

const a = assess();
const item = (id: string) => a.result.items.find((i) => i.id === id);
const fired = (id: string) => a.result.vetoesFired.some((v) => v.id === id);
const figures = scenario.figures;

describe('the scenario scores deterministically', () => {
  it('same seeds → the same scores, rounds and simulation', () => {
    const b = assess();
    expect(b.result.hundredths).toBe(a.result.hundredths);
    expect(b.result.regions.map((u) => u.hundredths)).toEqual(
      a.result.regions.map((u) => u.hundredths),
    );
    expect(b.regionRounds).toEqual(a.regionRounds);
    expect(b.departmentRounds).toEqual(a.departmentRounds);
    expect(b.simulation.pPass).toBe(a.simulation.pPass);
    expect(b.simulation.quantiles).toEqual(a.simulation.quantiles);
    expect(b.simulation.regions.map((u) => u.pPass)).toEqual(
      a.simulation.regions.map((u) => u.pPass),
    );
  });

  it('another Monte Carlo seed changes the draws, not the score', () => {
    const b = assess('another seed');
    expect(b.result.hundredths).toBe(a.result.hundredths);
    expect(b.simulation.quantiles).not.toEqual(a.simulation.quantiles);
  });

  it('runs without diagnostics of severity error, and no fact the standard needs is missing', () => {
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.missingFacts).toEqual([]);
    expect(a.result.items.filter((i) => i.status !== 'scored').map((i) => i.id)).toEqual([]);
    for (const name of a.standard.factNames) expect(a.provenance[name], name).toBeDefined();
  });
});

describe('the ledger has the programme structure (CITY-PROGRAMME.md §1)', () => {
  it('656 tasks over the 13 regions and the 30 departments', () => {
    expect(a.tasks).toHaveLength(figures.responsibility.tasks);
    expect(a.tasks).toHaveLength(656);
    const regions = new Set<string>();
    const departments = new Set<string>();
    for (const t of a.tasks)
      for (const x of t.assignments)
        x.kind === 'region' ? regions.add(x.jurisdictionCode) : departments.add(x.departmentId);
    expect(regions.size).toBe(13);
    expect(departments.size).toBe(30);
    expect(new Set(a.regions.map((r) => r.id))).toEqual(regions);
    expect(new Set(scenario.departments.map((d) => d.id))).toEqual(departments);
  });

  it('six bi-monthly rounds in 2017 (Feb, Apr, Jun, Aug, Oct, Dec) ranking 13 regions and 30 departments', () => {
    expect(a.regionRounds.rounds.map((r) => r.date.slice(0, 7))).toEqual([
      '2017-02',
      '2017-04',
      '2017-06',
      '2017-08',
      '2017-10',
      '2017-12',
    ]);
    for (const round of a.regionRounds.rounds) expect(round.entries).toHaveLength(13);
    for (const round of a.departmentRounds.rounds) expect(round.entries).toHaveLength(30);
  });

  it('every task serves an item of the standard, has one lead and a due date in 2017', () => {
    const items = new Set(a.standard.items.map((i) => i.id));
    for (const t of a.tasks) {
      expect(items.has(t.indicatorId ?? '')).toBe(true);
      expect(t.assignments.filter((x) => x.role === 'lead')).toHaveLength(1);
      expect(t.dueOn.slice(0, 4)).toBe('2017');
      if (t.status === 'completed') expect(t.completedOn! <= a.asOf).toBe(true);
    }
  });

  it('completion never falls from one round to the next, and some units lag', () => {
    for (const u of [...a.regionRounds.units, ...a.departmentRounds.units])
      for (let k = 1; k < u.scores.length; k++)
        expect(u.scores[k] as number).toBeGreaterThanOrEqual(u.scores[k - 1] as number);
    const december = a.rates.regions.map((r) => r.completionRate as number);
    expect(Math.min(...december)).toBeLessThan(Math.max(...december));
    expect(a.rates.city.overdue).toBeGreaterThan(0);
  });
});

describe('published facts are used as published', () => {
  it('2016 sampling: 36 000 batches (CITY-PROGRAMME.md §3), the figure of programme-figures.json', () => {
    expect(a.cityFacts.samplingBatches).toBe(36_000);
    expect(figures.samplingVolume.find((y) => y.year === 2016)?.batches).toBe(36_000);
    expect(a.provenance.samplingBatches?.basis).toBe('published');
  });

  it('2017 pass rate 98.3 % of 38 000 batches → 37 354 passed, 646 non-conforming', () => {
    const y2017 = figures.samplingVolume.find((y) => y.year === 2017);
    expect(a.cityFacts.evaluativeSamplesTested).toBe(y2017?.batches);
    expect(a.cityFacts.evaluativeSamplesPassed).toBe(Math.round(38_000 * 0.983));
    expect(a.cityFacts.nonConformingResults).toBe(38_000 - Math.round(38_000 * 0.983));
  });

  it('public-nominated sampling (565 batches, 5 failed) is claimed, so B19 earns its points', () => {
    expect(figures.publicNominatedSampling).toMatchObject({
      batchesSampled: 565,
      batchesFailed: 5,
    });
    expect(a.cityFacts.publicNominatedSampling).toBe(true);
    expect(item('B19')?.points).toBe(item('B19')?.max);
  });

  it('open kitchens: school canteens 100 % → K14 full; large restaurants 78.6 % → K15 between its goalposts', () => {
    expect(a.cityFacts.schoolOpenKitchenRate).toBe(100);
    expect(item('K14')?.points).toBe(item('K14')?.max);
    expect(a.cityFacts.largeRestaurantOpenKitchenRate).toBe(78.6);
    const rule = a.standard.spec.items.find((i) => i.id === 'K15')?.rule;
    if (rule?.kind !== 'linear') throw new Error('K15 is linear in the CN standard');
    const expected = ((78.6 - rule.zeroAt) / (rule.fullAt - rule.zeroAt)) * 3;
    expect(item('K15')?.points).toBeCloseTo(expected, 2);
  });

  it('all 58 central kitchens graded B or better → 100 %; 370 of 440 units with HACCP → 84.1 %', () => {
    expect(a.cityFacts.centralKitchenGradeBRate).toBe(100);
    expect(a.cityFacts.haccpAdoptionRate).toBeCloseTo((370 / 440) * 100, 10);
  });
});

describe('the verdict follows from the data and the published rule', () => {
  const perThousand = (36_000 / (a.cityFacts.population as number)) * 1000;

  it('36 000 batches for about 7 million residents is ≥ 4 per 1 000 → K06 full, no sampling veto', () => {
    expect(perThousand).toBeGreaterThanOrEqual(4);
    expect(item('K06')?.points).toBe(item('K06')?.max);
    expect(fired('V4-sampling-volume')).toBe(false);
  });

  it('no incident, no cover-up reported → V1 and V2 do not fire', () => {
    expect(fired('V1-major-incident')).toBe(false);
    expect(fired('V2-cover-up')).toBe(false);
    expect(a.simulation.pVeto.byVeto['V1-major-incident']).toBe(0);
    expect(a.simulation.pVeto.byVeto['V2-cover-up']).toBe(0);
  });

  it('a 2017 pass rate of 98.3 % reaches the 98 % evaluative threshold → K08 full', () => {
    expect(item('K08')?.points).toBe(item('K08')?.max);
  });

  it("with 2015's 20 300 batches (2.9 per 1 000) the sampling veto would fire and the city fail", () => {
    expect((20_300 / (a.cityFacts.population as number)) * 1000).toBeLessThan(4);
    const diff = whatIf(
      a.standard,
      a.cityFacts,
      { facts: { samplingBatches: 20_300 } },
      { ledger: a.ledger, asOf: a.asOf, explain: false },
    );
    expect(diff.applied).toBe(true);
    expect(diff.vetoesAdded).toContain('V4-sampling-volume');
    expect(diff.passFlip).toBe('pass-to-fail');
  });

  it('the verdict is the pass rule applied: no veto, every key item ≥ 60 %, total ≥ 90', () => {
    const r = a.result;
    const keyOk = r.items
      .filter((i) => i.tier === 'key')
      .every((i) => i.hundredths * 100 >= 60 * Math.round(i.max * 100));
    expect(r.pass).toBe(r.vetoesFired.length === 0 && keyOk && r.total >= 90);
    expect(r.pass).toBe(true);
  });

  it("under some provinces' stricter thresholds (80 points, 85 %) V3 fires exactly when the survey misses them", () => {
    const misses =
      (a.cityFacts.satisfaction as number) < 80 ||
      (a.cityFacts.awareness as number) < 85 ||
      (a.cityFacts.support as number) < 85;
    expect(a.stricter?.vetoesFired.some((v) => v.id === 'V3-public-survey')).toBe(misses);
    expect(fired('V3-public-survey')).toBe(
      (a.cityFacts.satisfaction as number) < 70 ||
        (a.cityFacts.awareness as number) < 75 ||
        (a.cityFacts.support as number) < 85,
    );
  });

  it('P(pass) is at most P(no veto), and below 1 because unpublished facts carry error', () => {
    expect(a.simulation.pPass).toBeLessThanOrEqual(1 - a.simulation.pVeto.any + 1e-12);
    expect(a.simulation.pPass).toBeLessThan(1);
    expect(a.simulation.pPass).toBeGreaterThan(0);
  });

  it("the ledger's task shares (score's ledger path) equal the explicit ones given to simulate", () => {
    const shares = taskShareInputs(a.standard, a.ledger, a.asOf);
    const explicit = score(
      a.standard,
      { ...a.cityFacts, ...shares.city },
      {
        regions: Object.fromEntries(
          a.survey.regions.map((r) => [r.unit.id, { ...r.facts, ...shares.regions[r.unit.id] }]),
        ),
        departments: shares.departments,
        explain: false,
      },
    );
    expect(explicit.hundredths).toBe(a.result.hundredths);
    const byId = (xs: readonly { unit: { id: string }; hundredths: number }[]) =>
      Object.fromEntries(xs.map((u) => [u.unit.id, u.hundredths]));
    expect(byId(explicit.regions)).toEqual(byId(a.result.regions));
    expect(byId(explicit.departments)).toEqual(byId(a.result.departments));
  });
});
