import type { Facts } from '../facts.js';
import { type CreationTask, isCompletedAsOf, type TaskLedger } from './creation-task.js';

/** Task-share facts (`taskShare.<itemId>` → share of linked tasks completed) per unit. */
export interface TaskShareFacts {
  readonly city: Facts;
  readonly regions: Readonly<Record<string, Facts>>;
  readonly departments: Readonly<Record<string, Facts>>;
}

/**
 * For each standard item, the share of its linked tasks (tasks whose `items` include it) that are
 * completed as of a date — for the city (all tasks), and for each region and department (tasks
 * assigned to it, lead or support). Cancelled tasks are left out; an item with no linked task
 * for a unit gets no fact (so the standard's missing-facts policy applies). Fact names are
 * `taskShare.<itemId>` unless `factName` says otherwise.
 */
export function taskShareFacts(
  ledger: TaskLedger,
  options: {
    asOf?: string;
    factName?: (itemId: string) => string;
    /** Fact names to fill with the share of ALL the unit's tasks completed. */
    allTasks?: readonly string[];
  } = {},
): TaskShareFacts {
  const name = options.factName ?? ((id: string) => `taskShare.${id}`);
  const ALL = '\u0000all';
  // counts[unitKey][item] = [done, linked]
  const counts = new Map<string, Map<string, [number, number]>>();
  const bump = (unit: string, item: string, done: boolean): void => {
    let m = counts.get(unit);
    if (m === undefined) {
      m = new Map();
      counts.set(unit, m);
    }
    let c = m.get(item);
    if (c === undefined) {
      c = [0, 0];
      m.set(item, c);
    }
    c[1] += 1;
    if (done) c[0] += 1;
  };
  for (const task of ledger.tasks as readonly CreationTask[]) {
    if (task.status === 'cancelled') continue;
    const done = isCompletedAsOf(task, options.asOf);
    const units = new Set(task.assignments.map((a) => `${a.unit}\u0000${a.id}`));
    for (const item of [ALL, ...(task.items ?? [])]) {
      bump('city', item, done);
      for (const u of units) bump(u, item, done);
    }
  }
  const toFacts = (m: Map<string, [number, number]> | undefined): Facts => {
    const out: Record<string, number> = {};
    if (m)
      for (const [item, [done, linked]] of m) {
        if (item === ALL) for (const n of options.allTasks ?? []) out[n] = done / linked;
        else out[name(item)] = done / linked;
      }
    return out;
  };
  const regions: Record<string, Facts> = {};
  const departments: Record<string, Facts> = {};
  for (const r of ledger.regions ?? []) regions[r] = {};
  for (const d of ledger.departments ?? []) departments[d] = {};
  for (const [key, m] of counts) {
    if (key === 'city') continue;
    const [kind, id] = key.split('\u0000') as [string, string];
    (kind === 'region' ? regions : departments)[id] = toFacts(m);
  }
  return { city: toFacts(counts.get('city')), regions, departments };
}
