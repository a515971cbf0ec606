/**
 * The city model of the scoring benchmark, built from the public API of @foodsafety/scoring:
 * a standard with the structure of the published provincial sheet (19 key items / 58 points,
 * 22 basic / 42, 9 bonus / 16; pass = no veto, every key item ≥ 60 %, total ≥ 90), every item a
 * threshold table, 10 items scored on the share of their linked tasks done; a seeded 656-task
 * ledger over 13 regions and 30 departments; facts for the city and each region.
 *
 * It also exports `cityModel`, the city total as a function of 60 uncertain facts, for the
 * sensitivity benchmark (this module is what the worker threads import).
 */
import { createRandom } from '@foodsafety/core';
import {
  type CreationTask,
  defineStandard,
  evaluate,
  type Facts,
  factVector,
  type SensitivityInput,
  type Standard,
  type StandardSpec,
  type TaskLedger,
} from '@foodsafety/scoring';

export const REGIONS = Array.from({ length: 13 }, (_, i) => `r${String(i + 1).padStart(2, '0')}`);
export const DEPARTMENTS = Array.from(
  { length: 30 },
  (_, i) => `d${String(i + 1).padStart(2, '0')}`,
);
export const AS_OF = '2017-10-31';

/** Band shares of an item's points at the four thresholds. */
const SHARES = [0.25, 0.5, 0.8, 1];

const pointsOf = (tier: 'key' | 'basic' | 'bonus', i: number): number =>
  tier === 'key' ? (i === 0 ? 4 : 3) : tier === 'basic' ? (i < 20 ? 2 : 1) : i < 7 ? 2 : 1;

interface ItemPlan {
  readonly id: string;
  readonly tier: 'key' | 'basic' | 'bonus';
  readonly points: number;
  readonly input: string;
  readonly thresholds: readonly number[];
}

/** 50 items: 40 on index facts f01…f40 (0–100), 10 on task shares (0–1). */
export const ITEMS: readonly ItemPlan[] = (() => {
  const out: ItemPlan[] = [];
  const tiers = [
    ['key', 19],
    ['basic', 22],
    ['bonus', 9],
  ] as const;
  let n = 0;
  for (const [tier, count] of tiers) {
    for (let i = 0; i < count; i++) {
      n++;
      const id = `i${String(n).padStart(2, '0')}`;
      const onTasks = n > 40;
      out.push({
        id,
        tier,
        points: pointsOf(tier, i),
        input: onTasks ? `taskShare.${id}` : `f${String(n).padStart(2, '0')}`,
        thresholds: onTasks ? [0.5, 0.7, 0.85, 0.95] : [50, 65, 80, 90],
      });
    }
  }
  return out;
})();

/** The vetoes, as in REFERENCES.md (incidents, cover-ups, survey floors, testing volume). */
export const VETOES = [
  { id: 'majorIncident', fact: 'incidents', op: '>', than: 0 },
  { id: 'seriousImpact', fact: 'seriousImpacts', op: '>', than: 0 },
  { id: 'coverUp', fact: 'coverUps', op: '>', than: 0 },
  { id: 'satisfaction', fact: 'satisfaction', op: '<', than: 70 },
  { id: 'awareness', fact: 'awareness', op: '<', than: 75 },
  { id: 'support', fact: 'support', op: '<', than: 85 },
  { id: 'testing', fact: 'testingPer1000', op: '<', than: 4 },
] as const;

export const spec: StandardSpec = {
  meta: {
    id: 'bench.city',
    version: '1',
    jurisdiction: 'CN-LN-DL',
    effectiveFrom: '2017-01-01',
    source: 'benchmark model shaped like the Jiangsu sheet (REFERENCES.md)',
    confidence: 'unverified',
  },
  indicators: {
    testingPer1000: { perCapita: 'batches', population: 'population', per: 1000 },
  },
  items: ITEMS.map((item) => ({
    id: item.id,
    tier: item.tier,
    points: item.points,
    rule: {
      kind: 'threshold' as const,
      input: item.input,
      bands: item.thresholds.map((t, b) => ({
        atLeast: t,
        points: Math.round(item.points * (SHARES[b] as number) * 100) / 100,
      })),
    },
  })),
  vetoes: VETOES.map((v) => ({ id: v.id, when: { value: v.fact, op: v.op, than: v.than } })),
};

function must<T>(result: { ok: true; value: T } | { ok: false; diagnostics: unknown }): T {
  if (!result.ok) throw new Error(`bench city model: ${JSON.stringify(result.diagnostics)}`);
  return result.value;
}

export const standard: Standard = must(defineStandard(spec));

/** The city's facts (index facts high enough to pass, veto facts clear). */
export const cityFacts: Facts = (() => {
  const random = createRandom('bench-city-facts');
  const facts: Record<string, number> = {};
  for (let i = 1; i <= 40; i++) facts[`f${String(i).padStart(2, '0')}`] = random.uniform(82, 100);
  Object.assign(facts, {
    incidents: 0,
    seriousImpacts: 0,
    coverUps: 0,
    satisfaction: 82.4,
    awareness: 88.1,
    support: 93.5,
    batches: 29_600,
    population: 5_950_000,
  });
  return facts;
})();

/** Each region's own index facts (the rest is inherited from the city). */
export const regionFacts: Readonly<Record<string, Facts>> = (() => {
  const random = createRandom('bench-region-facts');
  const out: Record<string, Facts> = {};
  for (const region of REGIONS) {
    const facts: Record<string, number> = {};
    for (let i = 1; i <= 40; i++) facts[`f${String(i).padStart(2, '0')}`] = random.uniform(45, 100);
    facts.satisfaction = random.uniform(68, 90);
    out[region] = facts;
  }
  return out;
})();

/** A seeded, plausible 656-task ledger over 13 regions and 30 departments. */
export const ledger: TaskLedger = (() => {
  const random = createRandom('bench-ledger');
  const taskItems = ITEMS.filter((item) => item.input.startsWith('taskShare.')).map((i) => i.id);
  const tasks: CreationTask[] = [];
  for (let t = 0; t < 656; t++) {
    const month = 1 + random.int(22);
    const due = `${2016 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-28`;
    const roll = random.nextFloat();
    const status = roll < 0.78 ? 'completed' : roll < 0.95 ? 'in-progress' : 'pending';
    const lead =
      random.nextFloat() < 0.5
        ? { unit: 'region' as const, id: random.pick(REGIONS), role: 'lead' as const }
        : { unit: 'department' as const, id: random.pick(DEPARTMENTS), role: 'lead' as const };
    const support = Array.from({ length: 1 + random.int(2) }, () => ({
      unit: 'department' as const,
      id: random.pick(DEPARTMENTS),
      role: 'support' as const,
    }));
    tasks.push({
      id: `T${String(t + 1).padStart(3, '0')}`,
      items: [taskItems[t % taskItems.length] as string],
      assignments: [lead, ...support],
      due,
      status,
      ...(status === 'completed' ? { completedOn: due } : {}),
    });
  }
  return { tasks, regions: REGIONS, departments: DEPARTMENTS };
})();

/** The 60 uncertain facts of the sensitivity benchmark, with their distributions. */
export const inputs: readonly SensitivityInput[] = [
  ...Array.from({ length: 40 }, (_, i) => ({
    name: `f${String(i + 1).padStart(2, '0')}`,
    distribution: { type: 'uniform' as const, min: 45, max: 100 },
  })),
  ...ITEMS.filter((item) => item.input.startsWith('taskShare.')).map((item) => ({
    name: item.input,
    distribution: { type: 'triangular' as const, min: 0.4, mode: 0.85, max: 1 },
  })),
  { name: 'satisfaction', distribution: { type: 'normal', mean: 80, sd: 5 } },
  { name: 'awareness', distribution: { type: 'normal', mean: 86, sd: 5 } },
  { name: 'support', distribution: { type: 'uniform', min: 82, max: 98 } },
  { name: 'batches', distribution: { type: 'lognormal', mu: Math.log(29_600), sigma: 0.15 } },
  { name: 'population', distribution: { type: 'normal', mean: 5_950_000, sd: 100_000 } },
  { name: 'incidents', distribution: { type: 'choice', values: [0, 1], weights: [0.97, 0.03] } },
  {
    name: 'seriousImpacts',
    distribution: { type: 'choice', values: [0, 1], weights: [0.98, 0.02] },
  },
  { name: 'coverUps', distribution: { type: 'choice', values: [0, 1], weights: [0.99, 0.01] } },
  // Two facts the standard does not read (their indices must come out 0).
  { name: 'weather', distribution: { type: 'uniform', min: 0, max: 1 } },
  { name: 'mayorsMood', distribution: { type: 'uniform', min: 0, max: 1 } },
];

const slots = inputs.map((input) => standard.factNames.indexOf(input.name));
const base = factVector(standard, cityFacts);
const work = new Float64Array(base);

/** The city's total as a function of the 60 uncertain facts (a pure function of x). */
export function cityModel(x: Float64Array): number {
  work.set(base);
  for (let j = 0; j < slots.length; j++) {
    const slot = slots[j] as number;
    if (slot >= 0) work[slot] = x[j] as number;
  }
  return evaluate(standard, work).total;
}
