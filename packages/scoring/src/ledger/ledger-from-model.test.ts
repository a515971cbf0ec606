import { parseCreationTask } from '@foodsafety/model';
import { describe, expect, it } from 'vitest';
import { ledgerFromModelTasks } from './ledger-from-model.js';
import { taskRates } from './task-rates.js';

describe('ledgerFromModelTasks', () => {
  it('adapts @foodsafety/model creation tasks to the scoring ledger', () => {
    const parsed = parseCreationTask({
      id: 'T-001',
      title: '推进农贸市场快检室建设',
      indicatorId: 'K16',
      assignments: [
        { kind: 'region', jurisdictionCode: '210202', role: 'lead' },
        { kind: 'department', departmentId: 'market-supervision', role: 'support' },
      ],
      dueOn: '2017-06-30',
      status: 'completed',
      completedOn: '2017-06-20',
      evidence: [{ kind: 'document', ref: 'doc://acceptance-report' }],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const ledger = ledgerFromModelTasks([parsed.value], {
      regionId: (code) => (code === '210202' ? 'zhongshan' : code),
    });
    expect(ledger.tasks[0]).toEqual({
      id: 'T-001',
      title: { 'zh-CN': '推进农贸市场快检室建设' },
      items: ['K16'],
      assignments: [
        { unit: 'region', id: 'zhongshan', role: 'lead' },
        { unit: 'department', id: 'market-supervision', role: 'support' },
      ],
      due: '2017-06-30',
      status: 'completed',
      completedOn: '2017-06-20',
      evidence: [{ kind: 'document', ref: 'doc://acceptance-report' }],
    });
    expect(taskRates(ledger, '2017-07-01').regions[0]).toMatchObject({
      unit: { id: 'zhongshan' },
      completed: 1,
      completionRate: 1,
    });
  });
});
