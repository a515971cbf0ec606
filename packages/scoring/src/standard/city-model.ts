import type { Facts } from '../facts.js';
import type { CreationTask, TaskLedger } from '../ledger/creation-task.js';
import { isCompletedAsOf } from '../ledger/creation-task.js';
import type { Standard } from './define-standard.js';
import { factVector } from './evaluate.js';
import type { ScoredUnit } from './score.js';

/** What a {@link cityModel} is built from: the same inputs as `score`. */
export interface CityModelInput {
  readonly facts: Facts;
  readonly regions?: Readonly<Record<string, Facts>>;
  readonly departments?: Readonly<Record<string, Facts>>;
  readonly ledger?: TaskLedger;
  readonly asOf?: string;
  /** Regions and departments inherit the city's facts they lack (default true). */
  readonly inheritCityFacts?: boolean;
}

/** The result of one {@link CityModel.evaluate}: per unit (city first), in `model.units` order. */
export interface CityEvaluation {
  /** Totals in integer hundredths of a point. */
  readonly hundredths: Int32Array;
  /** 1 pass, 0 fail. */
  readonly pass: Uint8Array;
  /** Number of vetoes fired. */
  readonly vetoes: Uint8Array;
}

/**
 * A compiled city model for hot loops (simulation, sensitivity, benchmarks): every unit's fact
 * vector laid out once, and for each `taskShare` item and unit the list of linked tasks, so one
 * evaluation — task completion → task shares → items → pass for the city, every region and every
 * department — runs with no allocation. The model owns scratch buffers: it is not re-entrant;
 * build one per worker.
 */
export interface CityModel {
  readonly standard: Standard;
  /** City first, then regions, then departments. */
  readonly units: readonly ScoredUnit[];
  /** Fact vectors per unit (the model's scratch copies; read them, write them to vary facts). */
  readonly vectors: readonly Float64Array[];
  /** Task ids in ledger order (cancelled tasks left out). */
  readonly taskIds: readonly string[];
  /** Completion per task as of `asOf` (1/0): copy it, change it, pass it to `evaluate`. */
  readonly completion: Uint8Array;
  /** Evaluate every unit; writes into `out` when given. */
  evaluate(completion?: Uint8Array, out?: CityEvaluation): CityEvaluation;
  /** A fresh result buffer. */
  createEvaluation(): CityEvaluation;
}

/** Facts given as an object, else none (`null` from JSON, text). */
const factsOf = (facts: unknown): Facts | undefined =>
  typeof facts === 'object' && facts !== null ? (facts as Facts) : undefined;

/**
 * Build a {@link CityModel} (see there). It takes a parsed ledger, as `score` does; input of the
 * wrong shape (not an object, facts or units that are not objects) counts as facts not given.
 */
export function cityModel(standard: Standard, given: CityModelInput): CityModel {
  const input: CityModelInput =
    typeof given === 'object' && given !== null ? given : ({} as CityModelInput);
  const inherit = input.inheritCityFacts ?? true;
  const c = standard.compiled;
  const tasks = (input.ledger?.tasks ?? []).filter((t: CreationTask) => t.status !== 'cancelled');
  const taskIds = tasks.map((t) => t.id);
  const completion = Uint8Array.from(tasks, (t) => (isCompletedAsOf(t, input.asOf) ? 1 : 0));

  // the same unit order as score(): listed in the ledger, met in its tasks, then given facts
  const regionIds = new Set<string>(input.ledger?.regions ?? []);
  const departmentIds = new Set<string>(input.ledger?.departments ?? []);
  for (const t of tasks)
    for (const a of t.assignments) (a.unit === 'region' ? regionIds : departmentIds).add(a.id);
  for (const r of Object.keys(factsOf(input.regions) ?? {})) regionIds.add(r);
  for (const d of Object.keys(factsOf(input.departments) ?? {})) departmentIds.add(d);
  const unitsOf = (kind: 'region' | 'department'): Record<string, unknown> | undefined =>
    factsOf(kind === 'region' ? input.regions : input.departments) as
      | Record<string, unknown>
      | undefined;
  const units: ScoredUnit[] = [
    { kind: 'city', id: 'city' },
    ...[...regionIds].map((id) => ({ kind: 'region' as const, id })),
    ...[...departmentIds].map((id) => ({ kind: 'department' as const, id })),
  ];
  const vectors = units.map((u) =>
    factVector(
      standard,
      u.kind === 'city'
        ? input.facts
        : {
            ...(inherit ? factsOf(input.facts) : {}),
            ...factsOf(unitsOf(u.kind)?.[u.id]),
          },
    ),
  );

  // task-share facts, as score() fills them: for every item id linked by a task, the fact
  // `taskShare.<id>` (or the `input` of that item's taskShare rule); for `tasks: 'all'` rules,
  // the share of all the unit's tasks. Only facts the standard reads (that have a slot) matter.
  const shareItems: { slot: number; id: string; all: boolean }[] = [];
  const ruleInput = new Map<string, string>();
  standard.spec.items.forEach((item) => {
    const rule = item.rule;
    if (rule.kind !== 'taskShare') return;
    const name = rule.input ?? `taskShare.${item.id}`;
    if (rule.tasks === 'all') {
      const slot = c.slots.get(name);
      if (slot !== undefined) shareItems.push({ slot, id: item.id, all: true });
    } else ruleInput.set(item.id, name);
  });
  const linkedIds = new Set<string>();
  for (const t of tasks) for (const id of t.items ?? []) linkedIds.add(id);
  for (const id of linkedIds) {
    const slot = c.slots.get(ruleInput.get(id) ?? `taskShare.${id}`);
    if (slot !== undefined) shareItems.push({ slot, id, all: false });
  }
  const unitIndex = new Map(units.map((u, i) => [`${u.kind}\u0000${u.id}`, i]));
  const lists: number[][] = Array.from({ length: units.length * shareItems.length }, () => []);
  tasks.forEach((t, ti) => {
    const linked = new Set(t.items ?? []);
    const unitsOf = new Set<number>([0]);
    for (const a of t.assignments) unitsOf.add(unitIndex.get(`${a.unit}\u0000${a.id}`) as number);
    shareItems.forEach((s, si) => {
      if (!s.all && !linked.has(s.id)) return;
      for (const u of unitsOf) (lists[u * shareItems.length + si] as number[]).push(ti);
    });
  });
  const offsets = new Int32Array(lists.length + 1);
  lists.forEach((l, i) => {
    offsets[i + 1] = (offsets[i] as number) + l.length;
  });
  const flat = Int32Array.from(lists.flat());
  const explicitShare = units.map((u) =>
    shareItems.map((s) => {
      const own = factsOf(u.kind === 'city' ? input.facts : unitsOf(u.kind)?.[u.id]);
      const name = standard.factNames[s.slot] as string;
      return own !== undefined && own[name] !== undefined && own[name] !== null;
    }),
  );

  const fast = c.fast;
  const minTotal = c.pass.minTotalHundredths;
  const noVeto = c.pass.noVeto;
  const nShare = shareItems.length;

  const createEvaluation = (): CityEvaluation => ({
    hundredths: new Int32Array(units.length),
    pass: new Uint8Array(units.length),
    vetoes: new Uint8Array(units.length),
  });

  const evaluate = (
    done: Uint8Array = completion,
    out: CityEvaluation = createEvaluation(),
  ): CityEvaluation => {
    for (let u = 0; u < units.length; u++) {
      const v = vectors[u] as Float64Array;
      const explicit = explicitShare[u] as boolean[];
      for (let s = 0; s < nShare; s++) {
        if (explicit[s]) continue;
        const k = u * nShare + s;
        const from = offsets[k] as number;
        const to = offsets[k + 1] as number;
        if (to === from) continue; // no linked task: the unit keeps the fact it has (or inherits)
        let n = 0;
        for (let j = from; j < to; j++) n += done[flat[j] as number] as number;
        v[(shareItems[s] as { slot: number }).slot] = n / (to - from);
      }
      fast.run(v);
      const total = fast.total;
      const fired = fast.vetoCount;
      const keyOk = fast.keyOk;
      out.hundredths[u] = total;
      out.vetoes[u] = fired;
      out.pass[u] = (!noVeto || fired === 0) && keyOk && total >= minTotal ? 1 : 0;
    }
    return out;
  };

  return { standard, units, vectors, taskIds, completion, evaluate, createEvaluation };
}
