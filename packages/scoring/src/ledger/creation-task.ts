import type { LocalizedText } from '../localized-text.js';

/** Whether a unit is a region (district, county, new area) or a municipal department (委办局). */
export type UnitKind = 'region' | 'department';

/** A unit's role on a task: lead (牵头) or support (配合). */
export type AssignmentRole = 'lead' | 'support';

/** One assignment of a task to a region or department. */
export interface TaskAssignment {
  readonly unit: UnitKind;
  readonly id: string;
  readonly role: AssignmentRole;
}

/** The status of a creation task. Cancelled tasks are left out of every rate. */
export type TaskStatus = 'pending' | 'in-progress' | 'completed' | 'cancelled';

/** A piece of evidence that a task was done (a document, a photo, an inspection record). */
export interface TaskEvidence {
  readonly kind: string;
  readonly ref: string;
  /** ISO date (YYYY-MM-DD). */
  readonly date?: string;
}

/**
 * A task of the creation plan (创建任务清单): what, who (regions and departments, lead or
 * support), by when, its status and evidence, and the standard items it serves.
 *
 * This is the scoring view of a task: a unit id per assignment and the standard items it serves,
 * as the task-share rules read them. `@foodsafety/model`'s `CreationTask` is the record as
 * captured (division codes, one indicator id, evidence with capture times); convert a list of
 * those with {@link ledgerFromModelTasks}.
 */
export interface CreationTask {
  readonly id: string;
  readonly title?: LocalizedText;
  /** Ids of the standard items this task serves (used by `taskShare` rules). */
  readonly items?: readonly string[];
  readonly assignments: readonly TaskAssignment[];
  /** Due date, ISO `YYYY-MM-DD`. */
  readonly due: string;
  readonly status: TaskStatus;
  /** Completion date, ISO `YYYY-MM-DD`; when absent a completed task counts as completed on any date. */
  readonly completedOn?: string;
  readonly evidence?: readonly TaskEvidence[];
}

/** A task ledger: the creation plan's tasks. */
export interface TaskLedger {
  readonly tasks: readonly CreationTask[];
  /** Region ids in display order (optional; otherwise taken from the assignments). */
  readonly regions?: readonly string[];
  /** Department ids in display order (optional; otherwise taken from the assignments). */
  readonly departments?: readonly string[];
}

/**
 * Whether a task counts as completed on a date (ISO `YYYY-MM-DD`). A date that is not text (`null`
 * from JSON, a `Date`) is no date, as `undefined` is.
 */
export function isCompletedAsOf(task: CreationTask, asOf: string | undefined): boolean {
  if (task.status !== 'completed') return false;
  if (typeof asOf !== 'string' || typeof task.completedOn !== 'string') return true;
  return task.completedOn.slice(0, 10) <= asOf.slice(0, 10);
}
