import type { Facts, Standard, TaskLedger } from '@foodsafety/scoring';
import { taskRates } from '@foodsafety/scoring';

/** Task-completion facts of every unit, under the names the standard's `taskShare` items read. */
export interface TaskShareInputs {
  readonly city: Facts;
  readonly regions: Readonly<Record<string, Facts>>;
  readonly departments: Readonly<Record<string, Facts>>;
  /** The fact names filled. */
  readonly names: readonly string[];
}

/**
 * The standard's task-list facts as explicit facts: for each `taskShare` item, the fact it reads
 * (`rule.input`, or `taskShare.<id>`) set to the unit's share of tasks completed as of `asOf`.
 * In this scenario every task is on the creation list and serves the list items (see
 * `toScoringLedger`), so the share of linked tasks is the share of all the unit's tasks.
 *
 * `score` computes the same facts from `options.ledger` (a test checks they agree); they are
 * made explicit for `simulate`, whose ledger path names the facts `taskShare.<id>` regardless of
 * the rule's `input`.
 */
export function taskShareInputs(
  standard: Standard,
  ledger: TaskLedger,
  asOf: string,
): TaskShareInputs {
  const names = standard.spec.items.flatMap((item) =>
    item.rule.kind === 'taskShare' ? [item.rule.input ?? `taskShare.${item.id}`] : [],
  );
  const rates = taskRates(ledger, asOf);
  const factsOf = (rate: number | null): Facts =>
    rate === null ? {} : Object.fromEntries(names.map((n) => [n, rate]));
  return {
    city: factsOf(rates.city.completionRate),
    regions: Object.fromEntries(rates.regions.map((r) => [r.unit.id, factsOf(r.completionRate)])),
    departments: Object.fromEntries(
      rates.departments.map((r) => [r.unit.id, factsOf(r.completionRate)]),
    ),
    names,
  };
}
