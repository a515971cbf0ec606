import type { CreationTask as ModelCreationTask } from '@foodsafety/model';
import type { CreationTask, TaskLedger } from './creation-task.js';

/**
 * A scoring task ledger from `@foodsafety/model` creation tasks (`creationTaskSchema`): region
 * assignments keep their division code as the unit id (or `regionId(code)`), department
 * assignments their department id; `indicatorId` becomes the task's linked item; `not-started`
 * becomes `pending`; evidence keeps its kind, ref and capture date. Inputs are not mutated.
 */
export function ledgerFromModelTasks(
  tasks: readonly ModelCreationTask[],
  options: {
    readonly regions?: readonly string[];
    readonly departments?: readonly string[];
    /** Map a region's division code to the id used in the standard's facts (default: the code). */
    readonly regionId?: (jurisdictionCode: string) => string;
  } = {},
): TaskLedger {
  const regionId = options.regionId ?? ((code: string) => code);
  const out: CreationTask[] = tasks.map((t) => ({
    id: t.id,
    title: { 'zh-CN': t.title },
    ...(t.indicatorId === undefined ? {} : { items: [t.indicatorId] }),
    assignments: t.assignments.map((a) =>
      a.kind === 'region'
        ? { unit: 'region' as const, id: regionId(a.jurisdictionCode), role: a.role }
        : { unit: 'department' as const, id: a.departmentId, role: a.role },
    ),
    due: t.dueOn,
    status: t.status === 'not-started' ? 'pending' : t.status,
    ...(t.completedOn === undefined ? {} : { completedOn: t.completedOn }),
    evidence: t.evidence.map((e) => ({
      kind: e.kind,
      ref: e.ref,
      ...(e.capturedAt === undefined ? {} : { date: e.capturedAt.slice(0, 10) }),
    })),
  }));
  return {
    tasks: out,
    ...(options.regions === undefined ? {} : { regions: options.regions }),
    ...(options.departments === undefined ? {} : { departments: options.departments }),
  };
}
