import { createDiagnostic, type Diagnostic, describeValue } from '@foodsafety/core';
import { optionsObject } from '../options-object.js';
import { scoringMessages as M } from '../scoring-messages.js';
import {
  type AssignmentRole,
  type CreationTask,
  isCompletedAsOf,
  type TaskLedger,
  type UnitKind,
} from './creation-task.js';
import { isIsoDay } from './iso-day.js';

/** Task counts and rates of one unit as of a date. Rates are `null` when the unit has no task. */
export interface UnitTaskRates {
  readonly unit: { readonly kind: UnitKind | 'city'; readonly id: string };
  /** Tasks assigned (cancelled ones left out). */
  readonly total: number;
  /** Completed as of the date. */
  readonly completed: number;
  /** Not completed as of the date, and due before it. */
  readonly overdue: number;
  /** Completed on or before their due date. */
  readonly completedOnTime: number;
  /** completed ÷ total. */
  readonly completionRate: number | null;
  /** overdue ÷ total. */
  readonly overdueRate: number | null;
  /** completedOnTime ÷ completed. */
  readonly onTimeRate: number | null;
}

/** Completion and overdue rates of the city and of every region and department. */
export interface TaskRates {
  readonly asOf: string;
  readonly city: UnitTaskRates;
  readonly regions: readonly UnitTaskRates[];
  readonly departments: readonly UnitTaskRates[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Options of {@link taskRates}. */
export interface TaskRatesOptions {
  /** Count only assignments with this role (default: both lead and support). */
  readonly role?: AssignmentRole;
}

/**
 * Completion and overdue rates as of a date (ISO `YYYY-MM-DD`), for the city (every task) and for
 * each region and department (the tasks assigned to it). A task is overdue when it is not
 * completed as of the date and its due date is before it. Cancelled tasks are left out.
 */
export function taskRates(
  ledger: TaskLedger,
  asOf: string,
  options: TaskRatesOptions = {},
): TaskRates {
  const diagnostics: Diagnostic[] = [];
  const { role } = optionsObject(options, diagnostics);
  if (!isIsoDay(asOf))
    diagnostics.push(
      createDiagnostic(
        M.SCORING_DATE_INVALID,
        { value: describeValue(asOf, Number.POSITIVE_INFINITY) },
        { path: ['asOf'] },
      ),
    );
  const day = isIsoDay(asOf) ? asOf.slice(0, 10) : '9999-12-31';
  const acc = new Map<string, [number, number, number, number]>();
  const order: string[] = [];
  const key = (kind: string, id: string) => `${kind}\u0000${id}`;
  const ensure = (k: string) => {
    let a = acc.get(k);
    if (a === undefined) {
      a = [0, 0, 0, 0];
      acc.set(k, a);
      order.push(k);
    }
    return a;
  };
  ensure(key('city', 'city'));
  for (const r of ledger.regions ?? []) ensure(key('region', r));
  for (const d of ledger.departments ?? []) ensure(key('department', d));
  (ledger.tasks as readonly CreationTask[]).forEach((task, i) => {
    if (task.status === 'cancelled') return;
    if (!isIsoDay(task.due)) {
      diagnostics.push(
        createDiagnostic(
          M.SCORING_DATE_INVALID,
          { value: describeValue(task.due, Number.POSITIVE_INFINITY) },
          { path: ['tasks', i, 'due'] },
        ),
      );
      return;
    }
    const done = isCompletedAsOf(task, day);
    const overdue = !done && task.due.slice(0, 10) < day;
    const onTime =
      done &&
      (task.completedOn === undefined || task.completedOn.slice(0, 10) <= task.due.slice(0, 10));
    const units = new Set(
      task.assignments
        .filter((a) => role === undefined || a.role === role)
        .map((a) => key(a.unit, a.id)),
    );
    for (const k of [key('city', 'city'), ...units]) {
      const a = ensure(k);
      a[0] += 1;
      if (done) a[1] += 1;
      if (overdue) a[2] += 1;
      if (onTime) a[3] += 1;
    }
  });
  const toRates = (k: string): UnitTaskRates => {
    const [kind, id] = k.split('\u0000') as [UnitKind | 'city', string];
    const [total, completed, overdue, completedOnTime] = acc.get(k) as [
      number,
      number,
      number,
      number,
    ];
    return {
      unit: { kind, id },
      total,
      completed,
      overdue,
      completedOnTime,
      completionRate: total === 0 ? null : completed / total,
      overdueRate: total === 0 ? null : overdue / total,
      onTimeRate: completed === 0 ? null : completedOnTime / completed,
    };
  };
  const all = order.map(toRates);
  return {
    asOf: day,
    city: all[0] as UnitTaskRates,
    regions: all.filter((r) => r.unit.kind === 'region'),
    departments: all.filter((r) => r.unit.kind === 'department'),
    diagnostics,
  };
}
