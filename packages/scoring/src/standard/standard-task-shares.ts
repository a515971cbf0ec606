import {
  createDiagnostic,
  type Diagnostic,
  type DiagnosticPath,
  describeValue,
} from '@foodsafety/core';
import type { TaskLedger } from '../ledger/creation-task.js';
import { type TaskShareFacts, taskShareFacts } from '../ledger/task-share-facts.js';
import { scoringMessages as M } from '../scoring-messages.js';
import type { Standard } from './define-standard.js';

/**
 * The date a ledger is read at, as given to `score` or `simulate`: one that is not text (`null`
 * from JSON, a `Date`) is `SCORING_DATE_INVALID` at `path`, and the ledger is read as of no date
 * (every completed task counts). @internal
 */
export function asOfProblems(asOf: unknown, path: DiagnosticPath): Diagnostic[] {
  if (asOf === undefined || typeof asOf === 'string') return [];
  return [
    createDiagnostic(
      M.SCORING_DATE_INVALID,
      { value: describeValue(asOf, Number.POSITIVE_INFINITY) },
      { path },
    ),
  ];
}

/**
 * The task-share facts a standard's `taskShare` items read, from a ledger: for each item its
 * rule's own `input` name (default `taskShare.<item id>`), over the tasks linked to the item, or
 * over all tasks for a `tasks: 'all'` rule. `score` and `simulate` both use this, so they read a
 * ledger the same way.
 */
export function standardTaskShareFacts(
  standard: Standard,
  ledger: TaskLedger,
  asOf?: string,
): TaskShareFacts {
  const linked = new Map<string, string>();
  const all: string[] = [];
  for (const item of standard.spec.items) {
    if (item.rule.kind !== 'taskShare') continue;
    const name = item.rule.input ?? `taskShare.${item.id}`;
    if (item.rule.tasks === 'all') all.push(name);
    else linked.set(item.id, name);
  }
  return taskShareFacts(ledger, {
    ...(asOf === undefined ? {} : { asOf }),
    factName: (id) => linked.get(id) ?? `taskShare.${id}`,
    allTasks: all,
  });
}
