import { parseCreationTasks } from '@foodsafety/model';
import { describe, expect, it } from 'vitest';
import { loadAssessmentData } from './load-assessment-data.js';
import { generateTaskLedger, type LedgerPlan, toScoringLedger } from './task-ledger.js';

const plan = loadAssessmentData().ledgerPlan as LedgerPlan;
const units = {
  regions: [
    { code: '210202', name: '中山区' },
    { code: '210273', name: '花园口经济区' },
  ],
  departments: [
    { id: 'fda', name: '市食品药品监督管理局' },
    { id: 'finance', name: '市财政局' },
    { id: 'court', name: '市中级人民法院' },
  ],
  items: [
    { id: 'K03', points: 3, title: '经费' },
    { id: 'K06', points: 3, title: '抽检' },
    { id: 'K05', points: 3, title: '任务清单' },
  ],
};

describe('generateTaskLedger', () => {
  const small = { ...plan, tasks: 60 };
  const tasks = generateTaskLedger(small, units);

  it('is deterministic: the same plan gives the same ledger, another seed another', () => {
    expect(generateTaskLedger(small, units)).toEqual(tasks);
    expect(generateTaskLedger({ ...small, seed: 'other' }, units)).not.toEqual(tasks);
  });

  it('produces creation tasks the model accepts without diagnostics', () => {
    const parsed = parseCreationTasks(tasks);
    expect(parsed.ok).toBe(true);
    expect(parsed.diagnostics).toEqual([]);
  });

  it('gives every region and department a task, and lead departments from the item table', () => {
    const regions = new Set(
      tasks.flatMap((t) =>
        t.assignments.flatMap((a) => (a.kind === 'region' ? [a.jurisdictionCode] : [])),
      ),
    );
    const departments = new Set(
      tasks.flatMap((t) =>
        t.assignments.flatMap((a) => (a.kind === 'department' ? [a.departmentId] : [])),
      ),
    );
    expect(regions).toEqual(new Set(['210202', '210273']));
    expect(departments).toEqual(new Set(['fda', 'finance', 'court']));
    for (const t of tasks.filter((x) => x.indicatorId === 'K03')) {
      const lead = t.assignments.find((a) => a.role === 'lead');
      if (lead?.kind === 'department') expect(lead.departmentId).toBe('finance');
    }
  });

  it('a lagging unit completes later: a region with +200 days lag finishes fewer tasks', () => {
    const lagging = generateTaskLedger(
      { ...plan, tasks: 200, lagDays: { ...plan.lagDays, regions: { '210273': 200 } } },
      units,
    );
    const share = (code: string) => {
      const own = lagging.filter((t) =>
        t.assignments.some(
          (a) => a.kind === 'region' && a.role === 'lead' && a.jurisdictionCode === code,
        ),
      );
      return own.filter((t) => t.status === 'completed').length / own.length;
    };
    expect(share('210273')).toBeLessThan(share('210202'));
  });
});

describe('toScoringLedger', () => {
  it('maps assignments, statuses and evidence, and links every task to the list items', () => {
    const ledger = toScoringLedger(
      [
        {
          id: 'T1',
          title: 'x',
          indicatorId: 'K06',
          assignments: [
            { kind: 'department', departmentId: 'fda', role: 'lead' },
            { kind: 'region', jurisdictionCode: '210202', role: 'support' },
          ],
          dueOn: '2017-05-01',
          status: 'not-started',
          evidence: [],
        },
        {
          id: 'T2',
          title: 'y',
          assignments: [{ kind: 'region', jurisdictionCode: '210202', role: 'lead' }],
          dueOn: '2017-06-01',
          status: 'completed',
          completedOn: '2017-05-20',
          evidence: [{ kind: 'document', ref: 'r', capturedAt: '2017-05-20T10:00:00+08:00' }],
        },
      ],
      { regions: ['210202'], departments: ['fda'] },
      ['K05'],
    );
    expect(ledger.tasks[0]).toMatchObject({
      items: ['K06', 'K05'],
      status: 'pending',
      assignments: [
        { unit: 'department', id: 'fda', role: 'lead' },
        { unit: 'region', id: '210202', role: 'support' },
      ],
    });
    expect(ledger.tasks[1]).toMatchObject({
      items: ['K05'],
      status: 'completed',
      completedOn: '2017-05-20',
      evidence: [{ kind: 'document', ref: 'r', date: '2017-05-20' }],
    });
  });
});
