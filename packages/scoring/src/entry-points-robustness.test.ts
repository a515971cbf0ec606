/**
 * The data entry points of scoring — standard specs, facts, the task ledger, surveys, index
 * frameworks with their data and method, what-if patches, uncertainty specifications, and the
 * options of the simulations — fed real values with one value anywhere replaced by what a value
 * built in code can hold and JSON cannot (objects without a prototype, bigints, boxed values,
 * maps, sets, dates, typed and sparse arrays), and fed such a value whole. None may throw, none
 * may change its input, and a result's diagnostics are coded, located and render in both
 * locales. The options of `simulate`, `simulateIndex` and `sensitivity` may instead throw their
 * documented coded `FoodSafetyError`, never a plain `TypeError` or `RangeError`. Sizes stay small
 * (a run count, N, resamples or skip of at most 20; no workers).
 */
import { isFoodSafetyError, type Result } from '@foodsafety/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectExplained } from '../../core/src/test-support/expect-explained.js';
import {
  codeValue,
  oneValueReplaced,
  snapshot,
  type ValuePath,
} from '../../core/src/test-support/one-value-replaced.js';
import { cnStandard } from './cn/index.js';
import { handFramework } from './composite/__fixtures__/hand-computed-index.js';
import {
  assessmentSeries,
  checkFactUncertainties,
  checkInputs,
  cityModel,
  computeIndex,
  defineCalculator,
  defineStandard,
  defineVetoPredicate,
  estimateMean,
  estimateRate,
  evaluate,
  factVector,
  ledgerRounds,
  parseIndexFramework,
  parseTaskLedger,
  type Standard,
  score,
  sensitivity,
  simulate,
  simulateIndex,
  summarizeSurvey,
  type TaskLedger,
  taskRates,
  whatIf,
} from './index.js';
import { testMeta } from './standard/__fixtures__/test-meta.js';

const RUNS = 150;
const TIMEOUT = 30_000;
const CODES = /^(SCORING|SCHEMA|RULESET)_[A-Z_]+$/;

const property = (arb: fc.Arbitrary<unknown>, check: (input: unknown) => void, numRuns = RUNS) =>
  fc.assert(
    fc.property(arb, (input) => check(input)),
    { numRuns },
  );

/** Runs `call` on `input` and checks that the input is left as it was. */
function unchanged<T>(input: unknown, call: () => T): T {
  const before = snapshot(input);
  const out = call();
  expect(snapshot(input)).toStrictEqual(before);
  return out;
}

/** Results and diagnostic lists must explain themselves. */
function explained(r: Result<unknown> | { readonly diagnostics: readonly unknown[] }): void {
  const diagnostics = r.diagnostics as Result<unknown>['diagnostics'];
  expectExplained('ok' in r ? r : { ok: true, value: r, diagnostics }, CODES);
}

/** A coded FoodSafetyError is what an option that is code may throw; anything else fails. */
function codedOrReturns<T>(call: () => T): T | undefined {
  try {
    return call();
  } catch (error) {
    if (!isFoodSafetyError(error)) throw error;
    expect(error.code).toMatch(/^[A-Z]+(_[A-Z0-9]+)+$/);
    return undefined;
  }
}

// ---- a standard with every kind of rule, a plugin calculator and veto predicate -------------

const perDemoBuilding = defineCalculator({
  id: 'test.per-building',
  params: z.object({ target: z.number().positive() }),
  inputs: () => ['demoBuildings', 'households'],
  compute: ([buildings, households], { target }) =>
    (((buildings as number) / (households as number)) * 10_000) / target,
});
const repeatedFailures = defineVetoPredicate({
  id: 'test.repeated-failures',
  params: z.object({ limit: z.number().int() }),
  inputs: () => ['failedRechecks'],
  fires: ([n], { limit }) => (n as number) > limit,
});
const extensions = { calculators: [perDemoBuilding], vetoPredicates: [repeatedFailures] };

const spec = {
  meta: testMeta('test.robustness'),
  title: { 'zh-CN': '测试标准', en: 'Test standard' },
  indicators: {
    per1000: { perCapita: 'samplingBatches', population: 'population', per: 1000 },
    residueShare: { ratio: ['residueBatches', 'samplingBatches'], scale: 100 },
    pressure: { sum: ['complaints', { product: [2, 'incidents'] }] },
  },
  items: [
    {
      id: 'sampling',
      tier: 'key',
      points: 4,
      rule: {
        kind: 'threshold',
        input: 'per1000',
        bands: [
          { atLeast: 2, points: 2 },
          { atLeast: 4, points: 4 },
        ],
      },
      vetoWhen: { value: 'per1000', op: '<', than: 1 },
    },
    {
      id: 'satisfaction',
      tier: 'key',
      points: 10,
      rule: { kind: 'linear', input: 'satisfaction', zeroAt: 50, fullAt: 90 },
    },
    {
      id: 'residue',
      tier: 'basic',
      points: 3,
      rule: { kind: 'linear', input: { min: ['residueShare', 50] }, zeroAt: 0, fullAt: 40 },
      missing: 'skip',
    },
    {
      id: 'plan',
      tier: 'basic',
      points: 5,
      rule: { kind: 'boolean', when: { all: [{ value: 'planAdopted', op: '==', than: true }] } },
    },
    { id: 'tasks', tier: 'basic', points: 6, rule: { kind: 'taskShare' } },
    {
      id: 'all-tasks',
      tier: 'basic',
      points: 2,
      rule: { kind: 'taskShare', tasks: 'all', input: 'shareAll' },
    },
    {
      id: 'pilots',
      tier: 'pilot',
      points: 4,
      rule: { kind: 'count', input: 'pilotTasks', pointsEach: 2 },
    },
    {
      id: 'buildings',
      tier: 'bonus',
      points: 1.5,
      rule: { kind: 'calculator', calculator: 'test.per-building', params: { target: 3 } },
    },
  ],
  vetoes: [
    {
      id: 'incident',
      when: {
        any: [
          { value: 'incidents', op: '>', than: 0 },
          { not: { value: 'pressure', op: '<=', than: 10 } },
        ],
      },
    },
    { id: 'rechecks', when: { predicate: 'test.repeated-failures', params: { limit: 2 } } },
  ],
  pass: {
    noVeto: true,
    keyItemMinPercent: 60,
    minTotal: 20,
    totalTiers: ['key', 'basic', 'pilot'],
  },
  rounding: { decimals: 1, mode: 'half-even' },
  missing: { items: 'zero', vetoes: 'ignore' },
  tiers: { key: { items: 2, points: 14 } },
};

function standardOf(s: unknown): Standard {
  const r = defineStandard(s, extensions);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value;
}
const standard = standardOf(spec);

const facts = {
  population: 6_980_000,
  samplingBatches: 36_000,
  residueBatches: 15_000,
  complaints: 3,
  incidents: 0,
  satisfaction: 81,
  planAdopted: true,
  pilotTasks: 1,
  demoBuildings: 12,
  households: 40_000,
  failedRechecks: 1,
};

const ledger: TaskLedger = {
  regions: ['xigang', 'jinpu'],
  departments: ['market'],
  tasks: [
    {
      id: 't1',
      items: ['tasks'],
      assignments: [
        { unit: 'region', id: 'xigang', role: 'lead' },
        { unit: 'department', id: 'market', role: 'support' },
      ],
      due: '2017-03-31',
      status: 'completed',
      completedOn: '2017-03-20',
      evidence: [{ kind: 'report', ref: 'doc-1', date: '2017-03-20' }],
    },
    {
      id: 't2',
      items: ['tasks', 'plan'],
      title: { 'zh-CN': '任务', en: 'Task' },
      assignments: [{ unit: 'region', id: 'jinpu', role: 'lead' }],
      due: '2017-04-30',
      status: 'in-progress',
    },
    {
      id: 't3',
      assignments: [{ unit: 'region', id: 'xigang', role: 'lead' }],
      due: '2017-02-28',
      status: 'cancelled',
    },
  ],
};

const scoreOptions = {
  regions: { xigang: { satisfaction: 85, incidents: 0 }, jinpu: { satisfaction: 70 } },
  departments: { market: { incidents: 1 } },
  ledger,
  asOf: '2017-04-01',
  inheritCityFacts: true,
  explain: true,
};

describe('standards and facts (property)', () => {
  it(
    'defineStandard: one value of the spec replaced; what it accepts scores',
    () => {
      property(oneValueReplaced(spec), (input) => {
        const r = unchanged(input, () => defineStandard(input, extensions));
        explained(r);
        if (r.ok) score(r.value, facts);
      });
    },
    TIMEOUT,
  );

  it(
    'score, evaluate and factVector: one fact replaced, or the facts whole',
    () => {
      property(fc.oneof(oneValueReplaced(facts), codeValue), (input) => {
        unchanged(input, () => {
          explained(score(standard, input as never));
          explained(score(standard, input as never, { explain: false }));
          expect(typeof evaluate(standard, input as never).pass).toBe('boolean');
          expect(factVector(standard, input as never)).toBeInstanceOf(Float64Array);
        });
      });
    },
    TIMEOUT,
  );

  it(
    'score: one value of the options replaced (units, the date, a ledger that parses)',
    () => {
      property(oneValueReplaced(scoreOptions), (input) => {
        const options = input as { ledger?: unknown };
        if (
          typeof options === 'object' &&
          options !== null &&
          options.ledger !== undefined &&
          !parseTaskLedger(options.ledger).ok
        )
          return; // the ledger option takes a parsed ledger (parseTaskLedger is fuzzed below)
        unchanged(input, () => explained(score(standard, facts, input as never)));
      });
    },
    TIMEOUT,
  );

  it(
    'whatIf: one value of a patch replaced, or the patch whole',
    () => {
      const patches = [
        {
          facts: [
            { path: '/satisfaction', value: 92 },
            { path: ['incidents'], remove: true },
          ],
          standard: [{ path: '/items/0/rule/bands/1/atLeast', value: 3.5 }],
        },
        { facts: { satisfaction: 79, complaints: null }, standard: { pass: { minTotal: 15 } } },
      ];
      property(fc.oneof(oneValueReplaced(patches), codeValue), (input) => {
        for (const patch of Array.isArray(input) ? input : [input]) {
          unchanged(patch, () => explained(whatIf(standard, facts, patch as never, extensions)));
        }
      });
    },
    TIMEOUT,
  );
});

describe('the task ledger (property)', () => {
  it(
    'parseTaskLedger, then taskRates and score on what it accepts',
    () => {
      property(oneValueReplaced(ledger), (input) => {
        const r = unchanged(input, () => parseTaskLedger(input));
        explained(r);
        if (!r.ok) return;
        explained(taskRates(r.value, '2017-04-01'));
        explained(score(standard, facts, { ledger: r.value, asOf: '2017-04-01' }));
      });
    },
    TIMEOUT,
  );

  it(
    'taskRates: the date, the role and a due date of any value',
    () => {
      const args = { asOf: '2017-04-01', role: 'lead', due: '2017-04-30' };
      property(oneValueReplaced(args), (input) => {
        const { asOf, role, due } = (typeof input === 'object' && input !== null ? input : {}) as {
          asOf?: unknown;
          role?: unknown;
          due?: unknown;
        };
        const withDue = {
          ...ledger,
          tasks: ledger.tasks.map((t, i) => (i === 1 ? { ...t, due } : t)),
        } as TaskLedger;
        unchanged(input, () => {
          explained(taskRates(ledger, asOf as string, { role: role as never }));
          explained(taskRates(withDue, '2017-04-01'));
          explained(score(standard, facts, { ledger, asOf: asOf as string }));
        });
      });
    },
    TIMEOUT,
  );
});

describe('assessment series, survey estimates, the city model and the CN standard (property)', () => {
  const FEW = 60;

  it(
    'assessmentSeries: one value of the rounds or the options replaced',
    () => {
      const rounds = [
        { date: '2017-04-30', label: 'April', scores: { xigang: 80, jinpu: 85 } },
        { date: '2017-02-28', scores: { xigang: 70, jinpu: null } },
      ];
      property(
        oneValueReplaced({ rounds, options: { higherIsBetter: false, flatWithin: 0.5 } }),
        (input) => {
          const { rounds: r, options } = (
            typeof input === 'object' && input !== null ? input : {}
          ) as { rounds?: unknown; options?: unknown };
          unchanged(input, () => explained(assessmentSeries(r as never, options as never)));
        },
        FEW,
      );
    },
    TIMEOUT,
  );

  it(
    'ledgerRounds: the dates, the options and a due date of any value',
    () => {
      const args = {
        dates: ['2017-02-28', '2017-04-30'],
        options: { unit: 'department', metric: 'overdueRate' },
        due: '2017-04-30',
      };
      property(
        oneValueReplaced(args),
        (input) => {
          const { dates, options, due } = (
            typeof input === 'object' && input !== null ? input : {}
          ) as { dates?: unknown; options?: unknown; due?: unknown };
          const withDue = {
            ...ledger,
            tasks: ledger.tasks.map((t, i) => (i === 1 ? { ...t, due } : t)),
          } as TaskLedger;
          unchanged(input, () => {
            explained(ledgerRounds(withDue, dates as never, options as never));
          });
        },
        FEW,
      );
    },
    TIMEOUT,
  );

  it(
    'estimateRate and estimateMean: one value of the answers or the options replaced',
    () => {
      const args = {
        rates: [{ value: true, weight: 2 }, { value: false }, { value: true, weight: 0.5 }],
        means: [{ value: 60, weight: 2 }, { value: 70 }, { value: 85, weight: 0.5 }],
        confidence: 0.9,
        options: { confidence: 0.9, method: 'normal' },
      };
      property(
        fc.oneof(oneValueReplaced(args), codeValue),
        (input) => {
          const { rates, means, confidence, options } = (
            typeof input === 'object' && input !== null ? input : {}
          ) as Record<string, unknown>;
          unchanged(input, () => {
            estimateRate(rates as never, confidence as never);
            estimateMean(means as never, options as never);
          });
        },
        FEW,
      );
    },
    TIMEOUT,
  );

  it(
    'cityModel: one value of the input replaced (facts, units, the date, a ledger that parses)',
    () => {
      const input = { facts, ...scoreOptions };
      property(
        fc.oneof(oneValueReplaced(input), codeValue),
        (given) => {
          const l = (given as { ledger?: unknown } | null)?.ledger;
          if (typeof given === 'object' && l !== undefined && !parseTaskLedger(l).ok) return; // a parsed ledger, as score takes
          unchanged(given, () => {
            const e = cityModel(standard, given as never).evaluate();
            expect(e.pass).toBeInstanceOf(Uint8Array);
          });
        },
        FEW,
      );
    },
    TIMEOUT,
  );

  it(
    'cnStandard: one value of the options replaced; defineStandard explains what it builds',
    () => {
      const options = {
        thresholds: { satisfaction: 80, awareness: 85, evaluativePassRate: 97 },
        pass: { minTotal: 85 },
        maxPilotTasks: 3,
        pointsPerPilotTask: 1,
        items: { K01: { points: 3 } },
        patch: { meta: { version: 'local' } },
      };
      property(
        fc.oneof(oneValueReplaced(options), codeValue),
        (input) => {
          unchanged(input, () => explained(defineStandard(cnStandard(input as never))));
        },
        FEW,
      );
    },
    TIMEOUT,
  );
});

describe('surveys (property)', () => {
  const survey = {
    id: 's-2017',
    date: '2017-06-01',
    satisfactionScale: { min: 0, max: 10 },
    responses: [
      { region: 'xigang', weight: 1.5, satisfaction: 8, aware: true, supports: true },
      { region: 'xigang', satisfaction: 6, aware: false, supports: true },
      { region: 'jinpu', weight: 0.5, satisfaction: 9, aware: true },
      { satisfaction: 7, supports: false },
    ],
  };
  const options = {
    confidence: 0.9,
    thresholds: { satisfaction: 70, awareness: 75, support: 85 },
    factNames: { satisfaction: 'sat', awareness: 'aware', support: 'supp' },
    meta: testMeta('test.survey'),
  };

  it(
    'summarizeSurvey: one value of the survey replaced',
    () => {
      property(oneValueReplaced(survey), (input) => {
        unchanged(input, () => explained(summarizeSurvey(input)));
      });
    },
    TIMEOUT,
  );

  it(
    'summarizeSurvey: one value of the options replaced',
    () => {
      property(oneValueReplaced(options), (input) => {
        unchanged(input, () => explained(summarizeSurvey(survey, input as never)));
      });
    },
    TIMEOUT,
  );
});

describe('composite indices (property)', () => {
  const framework = handFramework;
  const data = [
    { code: 'A', values: { i1: 10, i2: 5, i3: 0 } },
    { code: 'B', values: { i1: 20, i2: 1, i3: 50 } },
    { code: 'C', values: { i1: 30, i2: 3, i3: null } },
  ];
  const methods = [
    {
      normalisation: { method: 'minmax', range: [0, 10] },
      aggregation: 'geometric',
      weights: { i1: 2, P2: 0.5 },
    },
    { normalisation: { method: 'zscore', mean: 10, sd: 2 }, aggregation: 'harmonic' },
    {
      normalisation: {
        method: 'goalposts',
        goalposts: {
          i1: { lower: 0, upper: 40 },
          i2: { lower: 0, upper: 10 },
          i3: { lower: 0, upper: 100 },
        },
        scale: 10,
      },
    },
    {
      normalisation: {
        method: 'distanceToTarget',
        targets: { i1: 25, i2: 2, i3: 80 },
        cap: false,
        scale: 1,
      },
    },
    { normalisation: { method: 'none' }, aggregation: 'arithmetic' },
  ];

  it(
    'parseIndexFramework and computeIndex: one value of the framework replaced',
    () => {
      property(oneValueReplaced(framework), (input) => {
        unchanged(input, () => {
          explained(parseIndexFramework(input));
          explained(computeIndex(input, data));
        });
      });
    },
    TIMEOUT,
  );

  it(
    'computeIndex: one value of the data rows replaced',
    () => {
      property(oneValueReplaced(data), (input) => {
        unchanged(input, () =>
          explained(computeIndex(framework, input as never, methods[0] as never)),
        );
      });
    },
    TIMEOUT,
  );

  it(
    'computeIndex: one value of a method replaced',
    () => {
      property(oneValueReplaced(methods), (input) => {
        for (const method of Array.isArray(input) ? input : [input]) {
          unchanged(method, () => explained(computeIndex(framework, data, method as never)));
        }
      });
    },
    TIMEOUT,
  );
});

// ---- uncertainty and the simulations: small sizes only ---------------------------------------

const SIZES = new Set(['runs', 'N', 'resamples', 'skip']);
/** A replaced size stays small (a number above 20 would only make the run slow). */
const small = (path: ValuePath, value: unknown) =>
  !(SIZES.has(path[path.length - 1] as string) && typeof value === 'number' && value > 20);

describe('uncertainty specifications (property)', () => {
  const factUncertainty = {
    satisfaction: { type: 'normal', sd: 2 },
    complaints: { type: 'normal', relativeSd: 0.1 },
    per: { type: 'lognormal', sigma: 0.2 },
    residueBatches: { type: 'uniform', halfWidth: 100 },
    samplingBatches: { type: 'uniform', relativeHalfWidth: 0.05 },
    pilotTasks: { type: 'beta', concentration: 20, scale: 2 },
    incidents: { type: 'bernoulli', p: 0.05, value: 1 },
  };
  const inputs = [
    { name: 'a', distribution: { type: 'uniform', min: 0, max: 1 } },
    { name: 'b', distribution: { type: 'normal', mean: 0, sd: 1 } },
    { name: 'c', distribution: { type: 'lognormal', mu: 0, sigma: 0.5 } },
    { name: 'd', distribution: { type: 'triangular', min: 0, mode: 1, max: 3 } },
    { name: 'e', distribution: { type: 'choice', values: [1, 2, 3], weights: [1, 2, 1] } },
  ];

  it(
    'checkFactUncertainties and checkInputs',
    () => {
      expect(checkFactUncertainties(factUncertainty)).toEqual([]);
      expect(checkInputs(inputs)).toEqual([]);
      property(fc.tuple(oneValueReplaced(factUncertainty), oneValueReplaced(inputs)), (input) => {
        const [f, i] = input as [unknown, unknown];
        unchanged(input, () => {
          explained({ diagnostics: checkFactUncertainties(f) });
          explained({ diagnostics: checkInputs(i) });
        });
      });
    },
    TIMEOUT,
  );
});

describe('simulation options: a result or a coded FoodSafetyError (property)', () => {
  const simulateOptions = {
    uncertainty: {
      facts: { satisfaction: { type: 'normal', sd: 2 }, incidents: { type: 'bernoulli', p: 0.1 } },
      weights: { type: 'uniform', percent: 10 },
      methods: {
        minTotal: { values: [18, 20, 22], weights: [1, 2, 1] },
        keyItemMinPercent: { values: [50, 60] },
      },
    },
    runs: 12,
    seed: 'dalian-2017',
    probabilities: [0.1, 0.5, 0.9],
  };

  it(
    'simulate',
    () => {
      const model = { standard, facts, ...scoreOptions };
      expect(simulate({ ...simulateOptions, model } as never).runs).toBe(12);
      property(oneValueReplaced(simulateOptions, codeValue, small), (input) => {
        unchanged(input, () => {
          const r = codedOrReturns(() =>
            typeof input === 'object' && input !== null
              ? simulate({ ...(input as object), model } as never)
              : simulate(input as never),
          );
          if (r !== undefined) explained(r);
        });
      });
    },
    TIMEOUT,
  );

  it(
    'simulate: one value of the model replaced (facts, units, the date, a ledger that parses)',
    () => {
      const model = {
        facts,
        regions: scoreOptions.regions,
        departments: scoreOptions.departments,
        ledger,
        asOf: '2017-04-01',
        inheritCityFacts: false,
      };
      property(oneValueReplaced(model), (input) => {
        const given = input as { ledger?: unknown };
        if (
          typeof given === 'object' &&
          given !== null &&
          given.ledger !== undefined &&
          !parseTaskLedger(given.ledger).ok
        )
          return; // the model takes a parsed ledger, as score does
        unchanged(input, () => {
          const r = codedOrReturns(() =>
            simulate({
              ...simulateOptions,
              model: { ...(typeof input === 'object' ? input : {}), standard },
            } as never),
          );
          if (r !== undefined) explained(r);
        });
      });
    },
    TIMEOUT,
  );

  const indexOptions = {
    framework: [
      { code: 'i1', level: 1, parent: 'IDX', weight: 1 },
      { code: 'i2', level: 1, parent: 'IDX', weight: 2, direction: -1 },
      { code: 'IDX', level: 2 },
    ],
    data: [
      { code: 'A', values: { i1: 1, i2: 5 } },
      { code: 'B', values: { i1: 3, i2: 2 } },
      { code: 'C', values: { i1: 2, i2: 9 } },
    ],
    method: { normalisation: { method: 'minmax' }, weights: { i1: 2 } },
    uncertainty: {
      normalisation: { values: [{ method: 'minmax' }, { method: 'zscore' }] },
      aggregation: { values: ['arithmetic', 'geometric'], weights: [1, 1] },
      weights: { type: 'dirichlet', concentration: 20 },
      data: { i1: { type: 'normal', sd: 0.1 } },
    },
    runs: 10,
    seed: 7,
    node: 'IDX',
    probabilities: [0.5],
  };

  it(
    'simulateIndex',
    () => {
      expect(simulateIndex(indexOptions as never).ok).toBe(true);
      property(oneValueReplaced(indexOptions, codeValue, small), (input) => {
        unchanged(input, () => {
          const r = codedOrReturns(() => simulateIndex(input as never));
          if (r !== undefined) explained(r);
        });
      });
    },
    TIMEOUT,
  );

  const sensitivityOptions = {
    inputs: [
      { name: 'a', distribution: { type: 'uniform', min: 0, max: 1 } },
      { name: 'b', distribution: { type: 'normal', mean: 0, sd: 1 } },
    ],
    N: 8,
    seed: 1,
    secondOrder: true,
    groups: ['g1', 'g2'],
    bootstrap: { resamples: 4, confidence: 0.9, method: 'percentile' },
    skip: 8,
  };

  it(
    'sensitivity',
    () => {
      const model = (x: Float64Array) => (x[0] as number) + 2 * (x[1] as number);
      expect(sensitivity({ ...sensitivityOptions, model } as never).N).toBe(8);
      property(oneValueReplaced(sensitivityOptions, codeValue, small), (input) => {
        unchanged(input, () => {
          const r = codedOrReturns(() =>
            typeof input === 'object' && input !== null
              ? sensitivity({ ...(input as object), model } as never)
              : sensitivity(input as never),
          );
          if (r !== undefined) explained(r as never);
        });
      });
    },
    TIMEOUT,
  );
});
