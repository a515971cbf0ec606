import {
  createDiagnostic,
  type Diagnostic,
  fail,
  ok,
  type Result,
  type SchemaIssueLike,
  schemaIssuesToDiagnostics,
} from '@foodsafety/core';
import { z } from 'zod';
import { scoringMessages as M } from '../scoring-messages.js';
import type { TaskLedger } from './creation-task.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'ISO date YYYY-MM-DD');

/** zod schema of a {@link TaskLedger}. */
export const taskLedgerSchema = z.strictObject({
  tasks: z.array(
    z.strictObject({
      id: z.string().min(1),
      title: z
        .strictObject({ 'zh-CN': z.string().optional(), en: z.string().optional() })
        .optional(),
      items: z.array(z.string().min(1)).optional(),
      assignments: z
        .array(
          z.strictObject({
            unit: z.enum(['region', 'department']),
            id: z.string().min(1),
            role: z.enum(['lead', 'support']),
          }),
        )
        .min(1),
      due: isoDate,
      status: z.enum(['pending', 'in-progress', 'completed', 'cancelled']),
      completedOn: isoDate.optional(),
      evidence: z
        .array(
          z.strictObject({
            kind: z.string().min(1),
            ref: z.string().min(1),
            date: isoDate.optional(),
          }),
        )
        .optional(),
    }),
  ),
  regions: z.array(z.string().min(1)).optional(),
  departments: z.array(z.string().min(1)).optional(),
});

/**
 * Validate a task ledger (untrusted data): shape (`SCHEMA_*`), duplicate task ids
 * (`SCORING_DUPLICATE_ID`), a completion date on a task that is not completed or a completed task
 * without evidence (`SCORING_LEDGER_INCONSISTENT`, warnings), assignments to units not listed in
 * `regions`/`departments` (`SCORING_LEDGER_UNKNOWN_UNIT`).
 */
export function parseTaskLedger(input: unknown): Result<TaskLedger> {
  const parsed = taskLedgerSchema.safeParse(input);
  if (!parsed.success)
    return fail(
      schemaIssuesToDiagnostics(parsed.error.issues as readonly SchemaIssueLike[], {
        source: '@foodsafety/scoring',
      }),
    );
  const ledger = parsed.data as TaskLedger;
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const regions = ledger.regions === undefined ? undefined : new Set(ledger.regions);
  const departments = ledger.departments === undefined ? undefined : new Set(ledger.departments);
  ledger.tasks.forEach((task, i) => {
    if (seen.has(task.id))
      diagnostics.push(
        createDiagnostic(
          M.SCORING_DUPLICATE_ID,
          { id: task.id, kind: 'task' },
          { path: ['tasks', i, 'id'] },
        ),
      );
    seen.add(task.id);
    if (task.completedOn !== undefined && task.status !== 'completed')
      diagnostics.push(
        createDiagnostic(
          M.SCORING_LEDGER_INCONSISTENT,
          { task: task.id, detail: `completedOn set but status is ${task.status}` },
          { path: ['tasks', i, 'completedOn'] },
        ),
      );
    if (task.status === 'completed' && (task.evidence ?? []).length === 0)
      diagnostics.push(
        createDiagnostic(
          M.SCORING_LEDGER_INCONSISTENT,
          { task: task.id, detail: 'completed without evidence' },
          { path: ['tasks', i, 'evidence'] },
        ),
      );
    task.assignments.forEach((a, j) => {
      const known = a.unit === 'region' ? regions : departments;
      if (known !== undefined && !known.has(a.id))
        diagnostics.push(
          createDiagnostic(
            M.SCORING_LEDGER_UNKNOWN_UNIT,
            { unit: a.unit, id: a.id },
            { path: ['tasks', i, 'assignments', j, 'id'] },
          ),
        );
    });
  });
  return diagnostics.some((d) => d.severity === 'error')
    ? fail(diagnostics)
    : ok(ledger, diagnostics);
}
