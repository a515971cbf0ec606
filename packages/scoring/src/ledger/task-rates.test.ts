import { describe, expect, it } from 'vitest';
import { testMeta } from '../standard/__fixtures__/test-meta.js';
import { defineStandard } from '../standard/define-standard.js';
import { score } from '../standard/score.js';
import { type CreationTask, isCompletedAsOf, type TaskLedger } from './creation-task.js';
import { parseTaskLedger } from './parse-task-ledger.js';
import { taskRates } from './task-rates.js';
import { taskShareFacts } from './task-share-facts.js';

const ev = [{ kind: 'report', ref: 'doc-1' }];
const ledger: TaskLedger = {
  regions: ['xigang', 'jinpu'],
  departments: ['market', 'education'],
  tasks: [
    {
      id: 't1',
      items: ['i1'],
      assignments: [
        { unit: 'region', id: 'xigang', role: 'lead' },
        { unit: 'department', id: 'market', role: 'support' },
      ],
      due: '2017-03-31',
      status: 'completed',
      completedOn: '2017-03-20',
      evidence: ev,
    },
    {
      id: 't2',
      items: ['i1'],
      assignments: [{ unit: 'region', id: 'xigang', role: 'lead' }],
      due: '2017-04-30',
      status: 'completed',
      completedOn: '2017-05-10',
      evidence: ev,
    },
    {
      id: 't3',
      items: ['i1', 'i2'],
      assignments: [
        { unit: 'region', id: 'jinpu', role: 'lead' },
        { unit: 'department', id: 'market', role: 'lead' },
      ],
      due: '2017-04-30',
      status: 'in-progress',
    },
    {
      id: 't4',
      items: ['i2'],
      assignments: [{ unit: 'region', id: 'jinpu', role: 'lead' }],
      due: '2017-08-31',
      status: 'pending',
    },
    {
      id: 't5',
      items: ['i2'],
      assignments: [{ unit: 'region', id: 'jinpu', role: 'lead' }],
      due: '2017-02-28',
      status: 'cancelled',
    },
  ],
};

describe('taskRates', () => {
  it('completion and overdue rates as of a date, by region and department', () => {
    const r = taskRates(ledger, '2017-05-01');
    // active tasks t1..t4; completed as of 05-01: t1 only (t2 completed 05-10); overdue: t2, t3 (due 04-30)
    expect(r.city).toMatchObject({
      total: 4,
      completed: 1,
      overdue: 2,
      completionRate: 0.25,
      overdueRate: 0.5,
    });
    const [xigang, jinpu] = r.regions;
    expect(xigang).toMatchObject({
      unit: { kind: 'region', id: 'xigang' },
      total: 2,
      completed: 1,
      overdue: 1,
    });
    expect(jinpu).toMatchObject({
      total: 2,
      completed: 0,
      overdue: 1,
      completionRate: 0,
      onTimeRate: null,
    });
    expect(r.departments.map((d) => [d.unit.id, d.total])).toEqual([
      ['market', 2],
      ['education', 0],
    ]);
    expect(r.departments[1]?.completionRate).toBeNull();
  });

  it('later: t2 counts as completed but late', () => {
    const r = taskRates(ledger, '2017-06-01');
    expect(r.city).toMatchObject({ completed: 2, completedOnTime: 1, onTimeRate: 0.5, overdue: 1 });
  });

  it('a task due on the date is not yet overdue; lead-only filter', () => {
    expect(taskRates(ledger, '2017-04-30').city.overdue).toBe(0);
    expect(taskRates(ledger, '2017-05-01', { role: 'lead' }).departments[0]?.total).toBe(1);
  });

  it('a bad date is a diagnostic', () => {
    expect(taskRates(ledger, '2017-02-30').diagnostics[0]).toMatchObject({
      code: 'SCORING_DATE_INVALID',
      path: ['asOf'],
    });
  });

  it('reports dates that are objects without throwing', () => {
    // a ledger or date built in code: String() throws on an object without a prototype
    const bare = Object.create(null) as string;
    const odd: TaskLedger = {
      ...ledger,
      tasks: ledger.tasks.map((t, i) => (i === 2 ? { ...t, due: bare } : t)),
    };
    const r = taskRates(odd, bare);
    expect(r.diagnostics.map((d) => [d.code, d.path, d.params?.value, d.message])).toEqual([
      [
        'SCORING_DATE_INVALID',
        ['asOf'],
        'object',
        'The date object is not a valid YYYY-MM-DD date',
      ],
      [
        'SCORING_DATE_INVALID',
        ['tasks', 2, 'due'],
        'object',
        'The date object is not a valid YYYY-MM-DD date',
      ],
    ]);
    // a string is shown whole, as before
    const long = `2017-02-30 ${'x'.repeat(80)}`;
    expect(taskRates(ledger, long).diagnostics[0]?.params?.value).toBe(long);
  });

  it('reports options that are not an object (null from JSON) and counts every role', () => {
    const r = taskRates(ledger, '2017-04-15', null as never);
    expect(r.diagnostics.map((d) => [d.code, d.path, d.message])).toEqual([
      ['SCHEMA_INVALID_TYPE', ['options'], 'Invalid type: expected object, received null'],
    ]);
    expect(r.city).toEqual(taskRates(ledger, '2017-04-15').city);
  });
});

describe('task shares feed the standard per region and department', () => {
  it('share of linked tasks completed, per unit', () => {
    const shares = taskShareFacts(ledger, { asOf: '2017-06-01' });
    expect(shares.city).toEqual({ 'taskShare.i1': 2 / 3, 'taskShare.i2': 0 });
    expect(shares.regions.xigang).toEqual({ 'taskShare.i1': 1 });
    expect(shares.departments.market).toEqual({ 'taskShare.i1': 0.5, 'taskShare.i2': 0 });
    expect(shares.departments.education).toEqual({});
  });

  it('score() computes taskShare items for the city and every unit', () => {
    const std = defineStandard({
      meta: testMeta('t'),
      missing: { items: 'skip' },
      items: [
        { id: 'i1', tier: 'key', points: 30, rule: { kind: 'taskShare' } },
        { id: 'i2', tier: 'basic', points: 10, rule: { kind: 'taskShare', fullAt: 0.5 } },
      ],
    });
    if (!std.ok) throw new Error('spec');
    const s = score(std.value, {}, { ledger, asOf: '2017-06-01' });
    expect(s.items.map((i) => i.points)).toEqual([20, 0]);
    const xigang = s.regions.find((r) => r.unit.id === 'xigang');
    expect(xigang?.items.map((i) => [i.points, i.status])).toEqual([
      [30, 'scored'],
      [0, 'skipped'],
    ]);
    expect(s.departments.map((d) => d.unit.id)).toEqual(['market', 'education']);
    expect(s.departments[0]?.items.map((i) => i.points)).toEqual([15, 0]);
  });

  it('a date that is not text (null from JSON, a Date) is a diagnostic, and no date', () => {
    const std = defineStandard({
      meta: testMeta('t'),
      items: [{ id: 'i1', tier: 'key', points: 30, rule: { kind: 'taskShare' } }],
    });
    if (!std.ok) throw new Error('spec');
    const undated = score(std.value, {}, { ledger });
    for (const asOf of [null, new Date('2017-04-01'), 20170401, Object.create(null)]) {
      const s = score(std.value, {}, { ledger, asOf: asOf as never });
      expect(s.diagnostics.filter((d) => d.code === 'SCORING_DATE_INVALID')).toMatchObject([
        { path: ['asOf'], severity: 'error' },
      ]);
      // read as of no date: every completed task counts, as without asOf
      expect(s.items[0]?.points).toBe(undated.items[0]?.points);
      expect(taskShareFacts(ledger, { asOf: asOf as never })).toEqual(taskShareFacts(ledger));
      expect(isCompletedAsOf(ledger.tasks[1] as CreationTask, asOf as never)).toBe(true);
    }
    // without a ledger the date is not read, and not reported, as before
    expect(score(std.value, {}, { asOf: null as never }).diagnostics).toEqual(
      score(std.value, {}).diagnostics,
    );
  });

  it('reports options that are not an object (null from JSON) and scores without them', () => {
    const std = defineStandard({
      meta: testMeta('t'),
      items: [
        {
          id: 'i1',
          tier: 'key',
          points: 30,
          rule: { kind: 'linear', input: 'x', zeroAt: 0, fullAt: 1 },
        },
      ],
    });
    if (!std.ok) throw new Error('spec');
    for (const options of [null, 'explain']) {
      const s = score(std.value, { x: 0.5 }, options as never);
      expect(s.diagnostics.map((d) => [d.code, d.path])).toEqual([
        ['SCHEMA_INVALID_TYPE', ['options']],
      ]);
      expect(s.total).toBe(15);
    }
  });
});

describe('parseTaskLedger', () => {
  it('accepts a valid ledger and warns about completed tasks without evidence', () => {
    const r = parseTaskLedger({
      tasks: [
        {
          id: 'a',
          assignments: [{ unit: 'region', id: 'r', role: 'lead' }],
          due: '2017-01-01',
          status: 'completed',
        },
      ],
    });
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['SCORING_LEDGER_INCONSISTENT']);
  });

  it('rejects duplicates, unknown units and bad shapes with paths', () => {
    const r = parseTaskLedger({
      regions: ['r'],
      tasks: [
        {
          id: 'a',
          assignments: [{ unit: 'region', id: 'x', role: 'lead' }],
          due: '2017-01-01',
          status: 'pending',
        },
        {
          id: 'a',
          assignments: [{ unit: 'region', id: 'r', role: 'lead' }],
          due: '2017-01-01',
          status: 'pending',
        },
      ],
    });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['SCORING_LEDGER_UNKNOWN_UNIT', ['tasks', 0, 'assignments', 0, 'id']],
      ['SCORING_DUPLICATE_ID', ['tasks', 1, 'id']],
    ]);
    const bad = parseTaskLedger({
      tasks: [{ id: 'a', assignments: [], due: 'soon', status: 'done' }],
    });
    expect(bad.ok).toBe(false);
    expect(bad.diagnostics.map((d) => d.path?.join('.'))).toEqual(
      expect.arrayContaining(['tasks.0.assignments', 'tasks.0.due', 'tasks.0.status']),
    );
  });
});
