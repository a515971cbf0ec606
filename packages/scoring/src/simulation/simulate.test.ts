import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isFoodSafetyError } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import { testMeta } from '../standard/__fixtures__/test-meta.js';
import { defineStandard, type Standard } from '../standard/define-standard.js';
import { evaluate } from '../standard/evaluate.js';
import { score } from '../standard/score.js';
import type { ItemRule } from '../standard/standard-spec.js';
import { simulate } from './simulate.js';

const meta = testMeta('test.simulation');

/** Key item k (60 points, linear on a 0..1 share), basic item b (40 points), three vetoes. */
function standard(): Standard {
  const r = defineStandard({
    meta,
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
      { id: 'coverUp', when: { value: 'coverUps', op: '>', than: 0 } },
      { id: 'lateReport', when: { value: 'lateReports', op: '>', than: 0 } },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value;
}

const std = standard();
const clean = { k: 1, b: 40, incidents: 0, coverUps: 0, lateReports: 0 };

/** |p̂ − p| within 4 binomial standard errors (a false alarm about once in 16 000 seeds). */
function expectBinomial(estimate: number, p: number, runs: number): void {
  expect(Math.abs(estimate - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / runs));
}

/** The code and message of the coded error `fn` throws, the text of any other, or `[]`. */
function failure(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    return isFoodSafetyError(error) ? [error.code, error.message] : [String(error)];
  }
  return [];
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isFoodSafetyError(error) ? error.code : 'not a FoodSafetyError';
  }
  return undefined;
}

describe('simulate: veto gate', () => {
  // Independent vetoes with probabilities p_i: P(no veto) = Π(1 − p_i). The issue's example
  // (ishigami.json "vetoGate"): p = 0.1, 0.2, 0.05 → P(no veto) = 0.684, P(veto) = 0.316.
  const p = [0.1, 0.2, 0.05];
  const runs = 20_000;
  const result = simulate({
    model: { standard: std, facts: clean },
    uncertainty: {
      facts: {
        incidents: { type: 'bernoulli', p: p[0] as number },
        coverUps: { type: 'bernoulli', p: p[1] as number },
        lateReports: { type: 'bernoulli', p: p[2] as number },
      },
    },
    runs,
    seed: 'veto-gate',
  });

  it('gives P(no veto) = Π(1 − p_i) within a binomial tolerance', () => {
    const pNoVeto = p.reduce((acc, pi) => acc * (1 - pi), 1);
    expect(pNoVeto).toBeCloseTo(0.684, 12);
    expectBinomial(1 - result.pVeto.any, pNoVeto, runs);
    // Nothing else can fail the city here, so P(pass) = P(no veto) too.
    expectBinomial(result.pPass, pNoVeto, runs);
    expect(result.pPassInterval[0]).toBeLessThan(result.pPass);
    expect(result.pPassInterval[1]).toBeGreaterThan(result.pPass);
  });

  it('gives each veto its own probability', () => {
    expectBinomial(result.pVeto.byVeto.incident as number, 0.1, runs);
    expectBinomial(result.pVeto.byVeto.coverUp as number, 0.2, runs);
    expectBinomial(result.pVeto.byVeto.lateReport as number, 0.05, runs);
    // The totals do not move: vetoes gate the verdict, not the points.
    expect(result.quantiles).toEqual([100, 100, 100, 100, 100]);
  });

  const gateFile = fileURLToPath(
    new URL('../../../../../shared/conformance/scoring/ishigami.json', import.meta.url),
  );
  it.skipIf(!existsSync(gateFile))(
    `matches the vetoGate example of ishigami.json${existsSync(gateFile) ? '' : ` — SKIPPED: ${gateFile} not found`}`,
    () => {
      const gate = (
        JSON.parse(readFileSync(gateFile, 'utf8')) as {
          vetoGate: { example: { p: number[]; pNoVeto: number } };
        }
      ).vetoGate.example;
      expect(gate.p).toEqual(p);
      expectBinomial(1 - result.pVeto.any, gate.pNoVeto, runs);
    },
  );
});

describe('simulate: agreement with the engine', () => {
  const regions = {
    north: { k: 0.9, b: 35 },
    south: { k: 0.55, b: 40 },
    east: { k: 0.7, b: 20 },
  };

  it('reproduces score() exactly when nothing is uncertain', () => {
    const result = simulate({
      model: { standard: std, facts: clean, regions },
      uncertainty: {},
      runs: 3,
      seed: 1,
    });
    const scored = score(std, clean, { regions, explain: false });
    expect(result.quantiles).toEqual(new Array(5).fill(scored.total));
    expect(result.pPass).toBe(scored.pass ? 1 : 0);
    expect(result.regions.map((r) => [r.id, r.quantiles[2], r.pPass, r.pKeyItemsOk])).toEqual(
      scored.regions.map((r) => [r.unit.id, r.total, r.pass ? 1 : 0, r.checks.keyItems ? 1 : 0]),
    );
    // Ranks by total: north 54 + 35 = 89, south 33 + 40 = 73, east 42 + 20 = 62.
    expect(result.rankQuantiles).toEqual({
      north: [1, 1, 1, 1, 1],
      south: [2, 2, 2, 2, 2],
      east: [3, 3, 3, 3, 3],
    });
    expect(evaluate(std, { ...clean, ...regions.north }).total).toBe(result.regions[0]?.mean);
  });

  /** A key item read from fact `k` (60 points) and a basic task-share item `t` (40 points). */
  const keyAndTaskShare = (rule: ItemRule) => {
    const defined = defineStandard({
      meta,
      items: [
        {
          id: 'k',
          tier: 'key',
          points: 60,
          rule: { kind: 'linear', input: 'k', zeroAt: 0, fullAt: 1 },
        },
        { id: 't', tier: 'basic', points: 40, rule },
      ],
    });
    if (!defined.ok) throw new Error('standard');
    return defined;
  };

  it('reads task shares from a ledger as score() does', () => {
    const r = keyAndTaskShare({ kind: 'taskShare' });
    const assign = (unit: 'region' | 'department', id: string) => ({
      unit,
      id,
      role: 'lead' as const,
    });
    const ledger = {
      tasks: [
        {
          id: 'T1',
          items: ['t'],
          assignments: [assign('region', 'r1')],
          due: '2017-03-01',
          status: 'completed' as const,
        },
        {
          id: 'T2',
          items: ['t'],
          assignments: [assign('region', 'r1'), assign('department', 'd1')],
          due: '2017-05-01',
          status: 'pending' as const,
        },
        {
          id: 'T3',
          items: ['t'],
          assignments: [assign('region', 'r2')],
          due: '2017-05-01',
          status: 'completed' as const,
          completedOn: '2017-09-01',
        },
      ],
    };
    const model = { standard: r.value, facts: { k: 1 }, ledger, asOf: '2017-06-30' };
    const result = simulate({ model, uncertainty: {}, runs: 2, seed: 1 });
    const scored = score(r.value, model.facts, { ledger, asOf: model.asOf, explain: false });
    expect(result.quantiles[2]).toBe(scored.total);
    expect([...result.regions, ...result.departments].map((u) => [u.id, u.mean])).toEqual(
      [...scored.regions, ...scored.departments].map((u) => [u.unit.id, u.total]),
    );
    // r1: 1 of 2 tasks done by the date → 20 points; r2: done after the date → 0.
    expect(result.regions.map((u) => u.mean)).toEqual([80, 60]);
  });

  it("reads a taskShare rule's own input and tasks: 'all' as score() does", () => {
    // Tasks linked to no item still count for a `tasks: 'all'` rule, whose fact has its own name.
    const r = keyAndTaskShare({ kind: 'taskShare', tasks: 'all', input: 'taskList.completion' });
    const lead = { unit: 'region' as const, id: 'r1', role: 'lead' as const };
    const ledger = {
      tasks: [
        {
          id: 'T1',
          items: [],
          assignments: [lead],
          due: '2017-03-01',
          status: 'completed' as const,
        },
        {
          id: 'T2',
          items: [],
          assignments: [lead],
          due: '2017-05-01',
          status: 'completed' as const,
        },
      ],
    };
    const model = { standard: r.value, facts: { k: 1 }, ledger, asOf: '2017-06-30' };
    const scored = score(r.value, model.facts, { ledger, asOf: model.asOf, explain: false });
    expect(scored.total).toBe(100);
    const result = simulate({ model, uncertainty: {}, runs: 2, seed: 1 });
    expect(result.quantiles[2]).toBe(100);
    expect(result.pPass).toBe(1);
  });

  it('ranks tied units with the best shared rank', () => {
    const result = simulate({
      model: { standard: std, facts: clean, regions: { a: { k: 1 }, b: { k: 1 }, c: { k: 0 } } },
      uncertainty: {},
      runs: 2,
      seed: 1,
    });
    expect(result.rankQuantiles).toEqual({
      a: [1, 1, 1, 1, 1],
      b: [1, 1, 1, 1, 1],
      c: [3, 3, 3, 3, 3],
    });
  });
});

describe('simulate: uncertainty sources', () => {
  it('moves totals with assessment error and spreads the ranks of close regions', () => {
    const result = simulate({
      model: {
        standard: std,
        facts: clean,
        regions: { near1: { b: 30 }, near2: { b: 30.5 }, far: { b: 5 } },
        departments: { d1: { b: 10 } },
      },
      uncertainty: { facts: { b: { type: 'normal', sd: 2, min: 0, max: 40 } } },
      runs: 2000,
      seed: 4,
    });
    const [near1, near2, far] = result.regions;
    expect(far?.rankQuantiles).toEqual([3, 3, 3, 3, 3]);
    expect(near1?.rankQuantiles?.[0]).toBe(1);
    expect(near1?.rankQuantiles?.[4]).toBe(2);
    expect(near2?.meanRank).toBeGreaterThan(1);
    expect(near2?.meanRank).toBeLessThan(2);
    expect((near1?.quantiles[0] as number) < (near1?.quantiles[4] as number)).toBe(true);
    // The city's b = 40 sits at the clamp: every draw above is cut back to 40.
    expect(result.city.quantiles[4]).toBe(100);
    expect(result.departments.map((d) => [d.id, d.rankQuantiles])).toEqual([
      ['d1', [1, 1, 1, 1, 1]],
    ]);
  });

  it('keeps each tier’s points when weights are perturbed (uniform ±f %, Dirichlet)', () => {
    for (const weights of [
      { type: 'uniform', percent: 20 } as const,
      { type: 'dirichlet', concentration: 50 } as const,
    ]) {
      const full = simulate({
        model: { standard: std, facts: clean },
        uncertainty: { weights },
        runs: 200,
        seed: 2,
      });
      // Every item at full points: the total is the sum of the weights, which is preserved.
      for (const q of full.quantiles) expect(q).toBeCloseTo(100, 9);
      // One tier only partly scored: the perturbed weights now move the total.
      const half = simulate({
        model: { standard: std, facts: { ...clean, k: 1 } },
        uncertainty: { weights },
        runs: 200,
        seed: 2,
      });
      expect(half.city.sd).toBe(0); // a single item per tier keeps its weight
    }
  });

  it('moves the total when items in one tier score differently and weights shift', () => {
    const r = defineStandard({
      meta,
      items: [
        {
          id: 'k1',
          tier: 'key',
          points: 30,
          rule: { kind: 'linear', input: 'k1', zeroAt: 0, fullAt: 1 },
        },
        {
          id: 'k2',
          tier: 'key',
          points: 30,
          rule: { kind: 'linear', input: 'k2', zeroAt: 0, fullAt: 1 },
        },
        {
          id: 'b',
          tier: 'basic',
          points: 40,
          rule: { kind: 'linear', input: 'b', zeroAt: 0, fullAt: 1 },
        },
      ],
    });
    if (!r.ok) throw new Error('standard');
    const result = simulate({
      model: { standard: r.value, facts: { k1: 1, k2: 0.6, b: 0.9 } },
      uncertainty: { weights: { type: 'uniform', percent: 30 } },
      runs: 2000,
      seed: 3,
    });
    // Given weights: 30 + 18 + 36 = 84; shifting weight between k1 and k2 moves it by ±0.4·Δ.
    expect(result.city.mean).toBeCloseTo(84, 0);
    expect(result.city.sd).toBeGreaterThan(0.5);
    expect(result.quantiles[0]).toBeGreaterThanOrEqual(84 - 0.4 * 30 * 0.3 * 2);
    expect(result.quantiles[4]).toBeLessThanOrEqual(84 + 0.4 * 30 * 0.3 * 2);
  });

  it('switches pass thresholds per run', () => {
    const runs = 4000;
    const result = simulate({
      model: { standard: std, facts: { ...clean, b: 32 } }, // total 92
      uncertainty: { methods: { minTotal: { values: [90, 95], weights: [3, 1] } } },
      runs,
      seed: 5,
    });
    expectBinomial(result.pPass, 0.75, runs);
    const keyed = simulate({
      model: { standard: std, facts: { ...clean, k: 0.65 } }, // key item at 65 %
      uncertainty: { methods: { keyItemMinPercent: { values: [60, 70] } } },
      runs,
      seed: 5,
    });
    expectBinomial(keyed.city.pKeyItemsOk, 0.5, runs);
  });

  it('accepts a per-fact sampler function', () => {
    const result = simulate({
      model: { standard: std, facts: clean },
      uncertainty: {
        facts: {
          b: { type: 'sampler', sample: (reported, random) => reported - random.int(2) * 10 },
        },
      },
      runs: 1000,
      seed: 6,
    });
    expect(result.city.quantiles[0]).toBe(90);
    expect(result.city.quantiles[4]).toBe(100);
  });
});

describe('simulate: reproducibility and contract', () => {
  const options = {
    model: { standard: std, facts: clean, regions: { r1: { b: 30 }, r2: { b: 31 } } },
    uncertainty: {
      facts: {
        b: { type: 'normal', relativeSd: 0.1 } as const,
        incidents: { type: 'bernoulli', p: 0.1 } as const,
      },
      weights: { type: 'dirichlet', concentration: 100 } as const,
    },
    runs: 500,
    seed: 'same',
  };

  it('gives the same result for the same seed and a different one for another', () => {
    const a = simulate(options);
    expect(simulate(options)).toEqual(a);
    expect(simulate({ ...options, seed: 'other' }).regions[0]?.mean).not.toBe(a.regions[0]?.mean);
  });

  it('gives bit-identical results on worker threads', async () => {
    const single = simulate(options);
    const progress: number[] = [];
    const parallel = await simulate({
      ...options,
      workers: { count: 2, chunk: 50 },
      onProgress: ({ done }) => progress.push(done),
    });
    expect(parallel).toEqual(single);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(500 * 3);
  }, 60_000);

  it('does not mutate the model or the uncertainty', () => {
    const frozen = Object.freeze({
      standard: std,
      facts: Object.freeze({ ...clean }),
      regions: Object.freeze({ r1: Object.freeze({ b: 30 }) }),
    });
    const uncertainty = Object.freeze({
      facts: Object.freeze({ b: Object.freeze({ type: 'normal', sd: 1 } as const) }),
    });
    simulate({ model: frozen, uncertainty, runs: 10, seed: 1 });
    expect(frozen.facts).toEqual(clean);
  });

  it('warns about uncertain facts the standard does not use', () => {
    const result = simulate({
      model: { standard: std, facts: clean },
      uncertainty: { facts: { nonsense: { type: 'normal', sd: 1 } } },
      runs: 5,
      seed: 1,
    });
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['SCORING_SIMULATION_UNKNOWN_FACT', ['uncertainty', 'facts', 'nonsense']],
    ]);
  });

  it('refuses runs and probabilities that are objects without a prototype with a coded error', () => {
    // a template literal (the run count) or a comparison (a probability) of such an object threw
    // a TypeError instead
    const bare = Object.create(null) as never;
    const base = { model: { standard: std, facts: clean }, uncertainty: {}, runs: 10, seed: 1 };
    expect(failure(() => simulate({ ...base, runs: bare }))).toEqual([
      'SCORING_SIMULATION_OPTIONS',
      'SCORING_SIMULATION_OPTIONS: runs must be an integer ≥ 1; got object',
    ]);
    expect(failure(() => simulate({ ...base, runs: 1.5 }))).toEqual([
      'SCORING_SIMULATION_OPTIONS',
      'SCORING_SIMULATION_OPTIONS: runs must be an integer ≥ 1; got 1.5',
    ]);
    expect(failure(() => simulate({ ...base, probabilities: [0.5, bare] }))).toEqual([
      'SCORING_SIMULATION_OPTIONS',
      'SCORING_SIMULATION_OPTIONS: probabilities must lie in [0, 1]',
    ]);
  });

  it('refuses null options or weights, and more runs than memory holds, with a coded error', () => {
    // each threw a TypeError or the RangeError of the allocation
    const base = { model: { standard: std, facts: clean }, uncertainty: {}, runs: 10, seed: 1 };
    expect(failure(() => simulate(null as never))).toEqual([
      'SCORING_SIMULATION_OPTIONS',
      'SCORING_SIMULATION_OPTIONS: options must be an object; got null',
    ]);
    expect(failure(() => simulate({ ...base, uncertainty: { weights: null as never } }))[0]).toBe(
      'SCORING_SIMULATION_OPTIONS',
    );
    for (const runs of [2 ** 40, 1e300])
      expect(failure(() => simulate({ ...base, runs }))).toEqual([
        'SCORING_SIMULATION_OPTIONS',
        `SCORING_SIMULATION_OPTIONS: runs must be fewer: ${runs} runs × 7 outputs cannot be held in memory`,
      ]);
  });

  it('reports a model date that is not text (null from JSON) and reads the ledger as of no date', () => {
    const ledger = {
      tasks: [
        {
          id: 't1',
          items: ['k'],
          assignments: [{ unit: 'region' as const, id: 'r', role: 'lead' as const }],
          due: '2017-03-31',
          status: 'completed' as const,
          completedOn: '2017-03-20',
        },
      ],
    };
    const r = simulate({
      model: { standard: std, facts: clean, ledger, asOf: null as never },
      uncertainty: {},
      runs: 2,
      seed: 1,
    });
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['SCORING_DATE_INVALID', ['model', 'asOf']],
    ]);
    expect(r.regions.map((u) => u.id)).toEqual(['r']);
  });

  it('refuses invalid options with a coded error', () => {
    const base = { model: { standard: std, facts: clean }, uncertainty: {}, runs: 10, seed: 1 };
    expect(codeOf(() => simulate({ ...base, runs: 0 }))).toBe('SCORING_SIMULATION_OPTIONS');
    // from JavaScript, without the required uncertainty (it threw a TypeError)
    for (const uncertainty of [undefined, null, 'none']) {
      expect(codeOf(() => simulate({ ...base, uncertainty: uncertainty as never }))).toBe(
        'SCORING_SIMULATION_OPTIONS',
      );
    }
    // probabilities that are not a list (`.every` of a number threw a TypeError)
    expect(codeOf(() => simulate({ ...base, probabilities: 0.5 as never }))).toBe(
      'SCORING_SIMULATION_OPTIONS',
    );
    expect(
      codeOf(() =>
        simulate({ ...base, uncertainty: { facts: { b: { type: 'normal' } as never } } }),
      ),
    ).toBe('SCORING_SIMULATION_OPTIONS');
    expect(
      codeOf(() =>
        simulate({ ...base, uncertainty: { weights: { type: 'uniform', percent: 150 } } }),
      ),
    ).toBe('SCORING_SIMULATION_OPTIONS');
    expect(
      codeOf(() => simulate({ ...base, uncertainty: { methods: { minTotal: { values: [] } } } })),
    ).toBe('SCORING_SIMULATION_OPTIONS');
    expect(
      codeOf(() => simulate({ ...base, model: { standard: {} as Standard, facts: {} } })),
    ).toBe('SCORING_SIMULATION_OPTIONS');
    expect(
      codeOf(() =>
        simulate({
          ...base,
          uncertainty: { facts: { b: { type: 'sampler', sample: (x) => x } } },
          workers: 1,
        }),
      ),
    ).toBe('SCORING_SIMULATION_OPTIONS');
  });
});
