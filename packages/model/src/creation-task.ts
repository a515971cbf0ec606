import { createDiagnostic, type Diagnostic, type Result } from '@foodsafety/core';
import { z } from 'zod';
import { evidenceSchema } from './evidence.js';
import { idSchema } from './identifier.js';
import {
  compareMoments,
  type IsoDateOrDateTime,
  isoDateSchema,
  requireMoment,
} from './iso-date.js';
import { modelMessages } from './model-messages.js';
import { parseList } from './parse-list.js';
import { type ParseOptions, parseWithSchema } from './parse-with-schema.js';

/** A lead (牵头) or supporting (配合) role in a task. */
export const assignmentRoleSchema = z.enum(['lead', 'support']);

/** A task assigned to a region (a district, county or new area), by division code. */
export const regionAssignmentSchema = z.strictObject({
  kind: z.literal('region'),
  jurisdictionCode: z.string().regex(/^\d{6,12}$/),
  role: assignmentRoleSchema,
});

/** A task assigned to a department (委办局), by id. */
export const departmentAssignmentSchema = z.strictObject({
  kind: z.literal('department'),
  departmentId: idSchema,
  role: assignmentRoleSchema,
});

/** An assignment, discriminated by `kind`. */
export const taskAssignmentSchema = z.discriminatedUnion('kind', [
  regionAssignmentSchema,
  departmentAssignmentSchema,
]);

/** The statuses of a creation task. Overdue is computed from `dueOn`, not stored. */
export const CREATION_TASK_STATUSES = [
  'not-started',
  'in-progress',
  'completed',
  'cancelled',
] as const;

/**
 * A task of the demonstration-city creation plan (创建任务; Dalian's plan had 656, each assigned
 * to some of 13 regions and 30 departments).
 */
export const creationTaskSchema = z
  .strictObject({
    id: idSchema,
    title: z.string().min(1).max(1000),
    /** The creation-standard indicator the task serves (e.g. an indicator id of the scoring spec). */
    indicatorId: z.string().max(100).optional(),
    assignments: z.array(taskAssignmentSchema).min(1),
    dueOn: isoDateSchema,
    status: z.enum(CREATION_TASK_STATUSES),
    completedOn: isoDateSchema.optional(),
    evidence: z.array(evidenceSchema),
  })
  .meta({
    id: 'CreationTask',
    title: 'Creation task',
    description: 'A task of the food-safety demonstration-city creation plan (创建任务).',
  });

/** An assignment role. */
export type AssignmentRole = z.infer<typeof assignmentRoleSchema>;
/** An assignment. */
export type TaskAssignment = z.infer<typeof taskAssignmentSchema>;
/** A task status. */
export type CreationTaskStatus = (typeof CREATION_TASK_STATUSES)[number];
/** A creation task. */
export type CreationTask = z.infer<typeof creationTaskSchema>;

function assigneeOf(a: TaskAssignment): string {
  return a.kind === 'region' ? `region ${a.jurisdictionCode}` : `department ${a.departmentId}`;
}

function checkTask(task: CreationTask): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!task.assignments.some((a) => a.role === 'lead')) {
    out.push(
      createDiagnostic(
        modelMessages.MODEL_TASK_NO_LEAD,
        { taskId: task.id },
        { path: ['assignments'] },
      ),
    );
  }
  const seen = new Set<string>();
  task.assignments.forEach((a, i) => {
    const assignee = assigneeOf(a);
    if (seen.has(assignee)) {
      out.push(
        createDiagnostic(
          modelMessages.MODEL_TASK_DUPLICATE_ASSIGNMENT,
          { taskId: task.id, assignee },
          { path: ['assignments', i] },
        ),
      );
    }
    seen.add(assignee);
  });
  if ((task.status === 'completed') !== (task.completedOn !== undefined)) {
    out.push(
      createDiagnostic(
        modelMessages.MODEL_TASK_COMPLETION_DATE,
        { taskId: task.id, status: task.status },
        { path: ['completedOn'] },
      ),
    );
  }
  return out;
}

/**
 * Parse a creation task. Beyond the shape: at least one lead, no assignee twice, a completion
 * date exactly when completed.
 */
export function parseCreationTask(input: unknown, options?: ParseOptions): Result<CreationTask> {
  return parseWithSchema(creationTaskSchema, input, options, checkTask);
}

/** Whether a task is overdue on a day: not completed or cancelled, and the day is after `dueOn`. */
export function isTaskOverdue(task: CreationTask, asOf: IsoDateOrDateTime): boolean {
  requireMoment(asOf, 'asOf');
  if (task.status === 'completed' || task.status === 'cancelled') return false;
  return compareMoments(asOf, task.dueOn) > 0;
}

/** Parse a list of creation task records (each with `parseCreationTask`; duplicate ids are errors). */
export function parseCreationTasks(
  input: unknown,
  options: ParseOptions = {},
): Result<CreationTask[]> {
  return parseList(input, (element, at) => parseCreationTask(element, { ...options, ...at }), {
    ...options,
    entity: 'creation task',
  });
}
