import { describe, expect, it } from 'vitest';
import { creationTask } from './__fixtures__/dalian.js';
import { isTaskOverdue, parseCreationTask, parseCreationTasks } from './creation-task.js';

const codes = (r: {
  diagnostics: readonly { code: string; path?: readonly (string | number)[] }[];
}) => r.diagnostics.map((d) => [d.code, d.path?.join('.')]);

describe('parseCreationTask', () => {
  it('accepts a task assigned to departments and a region', () => {
    const r = parseCreationTask(creationTask);
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toEqual([]);
  });

  it('requires a lead and no assignee twice', () => {
    const r = parseCreationTask({
      ...creationTask,
      assignments: [
        { kind: 'region', jurisdictionCode: '210202', role: 'support' },
        { kind: 'region', jurisdictionCode: '210202', role: 'support' },
      ],
    });
    expect(codes(r)).toEqual([
      ['MODEL_TASK_NO_LEAD', 'assignments'],
      ['MODEL_TASK_DUPLICATE_ASSIGNMENT', 'assignments.1'],
    ]);
    expect(codes(parseCreationTask({ ...creationTask, assignments: [] }))).toEqual([
      ['SCHEMA_TOO_SMALL', 'assignments'],
    ]);
  });

  it('checks the discriminated assignment kinds', () => {
    const r = parseCreationTask({
      ...creationTask,
      assignments: [{ kind: 'region', departmentId: 'dept-edu', role: 'lead' }],
    });
    expect(codes(r)).toEqual([
      ['SCHEMA_REQUIRED', 'assignments.0.jurisdictionCode'],
      ['SCHEMA_UNRECOGNIZED_KEYS', 'assignments.0'],
    ]);
  });

  it('requires a completion date exactly when completed', () => {
    const { completedOn: _, ...noDate } = creationTask;
    expect(codes(parseCreationTask(noDate))).toEqual([
      ['MODEL_TASK_COMPLETION_DATE', 'completedOn'],
    ]);
    expect(codes(parseCreationTask({ ...creationTask, status: 'in-progress' }))).toEqual([
      ['MODEL_TASK_COMPLETION_DATE', 'completedOn'],
    ]);
    expect(parseCreationTask({ ...noDate, status: 'in-progress' }).ok).toBe(true);
  });

  it('computes overdue from the due date, not a stored status', () => {
    const { completedOn: _, ...rest } = creationTask;
    const r = parseCreationTask({ ...rest, status: 'in-progress' });
    if (!r.ok) throw new Error('fixture');
    expect(isTaskOverdue(r.value, '2017-10-31T23:59:59+08:00')).toBe(false);
    expect(isTaskOverdue(r.value, '2017-11-01')).toBe(true);
    const done = parseCreationTask(creationTask);
    expect(done.ok && isTaskOverdue(done.value, '2018-01-01')).toBe(false);
  });

  it('parses the task list', () => {
    expect(parseCreationTasks([creationTask, { ...creationTask, id: 'task-0002' }]).ok).toBe(true);
  });
});
