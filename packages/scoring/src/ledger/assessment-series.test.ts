import { describe, expect, it } from 'vitest';
import { assessmentSeries, bimonthlyRoundDates, ledgerRounds } from './assessment-series.js';
import type { TaskLedger } from './creation-task.js';
import { minRank } from './min-rank.js';

describe('minRank', () => {
  it('ties share the best rank (1224)', () => {
    expect(minRank([90, 80, 90, 70])).toEqual([1, 3, 1, 4]);
    expect(minRank([3, 1, 1, Number.NaN], 'asc')).toEqual([3, 1, 1, Number.NaN]);
  });
});

describe('bimonthlyRoundDates', () => {
  it('every two months, day clamped to the month end', () => {
    expect(bimonthlyRoundDates('2016-12-31', 4)).toEqual([
      '2016-12-31',
      '2017-02-28',
      '2017-04-30',
      '2017-06-30',
    ]);
  });
});

describe('assessmentSeries', () => {
  const series = assessmentSeries([
    { date: '2017-04-30', scores: { a: 80, b: 85, c: 85 } },
    { date: '2017-02-28', scores: { a: 70, b: 80, c: 90 } },
    { date: '2017-06-30', scores: { a: 92, b: 85, c: null } },
  ]);

  it('sorts rounds by date, ranks with ties = min, and tracks changes', () => {
    expect(series.rounds.map((r) => r.date)).toEqual(['2017-02-28', '2017-04-30', '2017-06-30']);
    expect(series.rounds[1]?.entries).toEqual([
      { id: 'a', score: 80, rank: 3, change: 10 },
      { id: 'b', score: 85, rank: 1, change: 5 },
      { id: 'c', score: 85, rank: 1, change: -5 },
    ]);
    expect(series.rounds[2]?.entries[2]).toEqual({
      id: 'c',
      score: null,
      rank: null,
      change: null,
    });
  });

  it('trends: slope per round, direction, best and worst rank', () => {
    const [a, b, c] = series.units;
    expect(a).toMatchObject({ lastChange: 12, direction: 'up', bestRank: 1, worstRank: 3 });
    expect(a?.slope).toBeCloseTo(11, 12);
    expect(b?.slope).toBeCloseTo(2.5, 12);
    expect(c).toMatchObject({ slope: -5, direction: 'down', lastChange: null });
  });

  it('lower-is-better rankings', () => {
    const s = assessmentSeries([{ date: '2017-01-01', scores: { a: 1, b: 0 } }], {
      higherIsBetter: false,
    });
    expect(s.rounds[0]?.entries.map((e) => e.rank)).toEqual([2, 1]);
  });

  it('input of the wrong shape is reported and left out, never thrown', () => {
    const rounds = [
      { date: '2017-02-28', scores: { a: 70, b: 80 } },
      { date: Object.create(null), scores: { a: 1 } },
      null,
      { date: '2017-04-30', scores: null },
    ];
    const before = JSON.stringify(rounds);
    const s = assessmentSeries(rounds as never, { flatWithin: 10n as never });
    expect(JSON.stringify(rounds)).toBe(before);
    expect(s.rounds.map((r) => r.date)).toEqual(['2017-02-28', '2017-04-30']);
    expect(s.units.map((u) => u.scores)).toEqual([
      [70, null],
      [80, null],
    ]);
    expect(s.diagnostics.map((d) => [d.code, d.path, d.params?.value])).toEqual([
      ['SCHEMA_INVALID_TYPE', ['options', 'flatWithin'], undefined],
      ['SCORING_DATE_INVALID', [1, 'date'], 'object'],
      ['SCHEMA_INVALID_TYPE', [2], undefined],
      ['SCHEMA_INVALID_TYPE', [3, 'scores'], undefined],
    ]);
    expect(assessmentSeries(null as never, null as never).diagnostics.map((d) => d.path)).toEqual([
      ['options'],
      ['rounds'],
    ]);
    expect(series.diagnostics).toEqual([]);
  });
});

describe('ledgerRounds', () => {
  const ledger: TaskLedger = {
    regions: ['r1', 'r2'],
    tasks: [
      {
        id: 't1',
        assignments: [{ unit: 'region', id: 'r1', role: 'lead' }],
        due: '2017-03-01',
        status: 'completed',
        completedOn: '2017-02-15',
      },
      {
        id: 't2',
        assignments: [{ unit: 'region', id: 'r2', role: 'lead' }],
        due: '2017-03-01',
        status: 'completed',
        completedOn: '2017-04-15',
      },
      {
        id: 't3',
        assignments: [{ unit: 'region', id: 'r2', role: 'lead' }],
        due: '2017-06-01',
        status: 'pending',
      },
    ],
  };
  it('completion rates per round, ranked', () => {
    const s = ledgerRounds(ledger, bimonthlyRoundDates('2017-02-28', 2));
    expect(s.rounds.map((r) => r.entries.map((e) => [e.id, e.score, e.rank]))).toEqual([
      [
        ['r1', 100, 1],
        ['r2', 0, 2],
      ],
      [
        ['r1', 100, 1],
        ['r2', 50, 2],
      ],
    ]);
    expect(s.units[1]?.direction).toBe('up');
    expect(s.diagnostics).toEqual([]);
  });

  it('dates, due dates and options of the wrong shape are reported, never thrown', () => {
    const odd = {
      ...ledger,
      tasks: ledger.tasks.map((t, i) => (i === 2 ? { ...t, due: Object.create(null) } : t)),
    } as TaskLedger;
    const s = ledgerRounds(odd, ['2017-04-30', 10n, Object.create(null), '2017-06-30'] as never, {
      metric: Object.create(null),
    });
    expect(s.rounds.map((r) => r.date)).toEqual(['2017-04-30', '2017-06-30']);
    expect(s.diagnostics.map((d) => [d.code, d.path, d.params?.value])).toEqual([
      ['SCHEMA_INVALID_VALUE', ['options', 'metric'], undefined],
      ['SCORING_DATE_INVALID', ['tasks', 2, 'due'], 'object'],
      ['SCORING_DATE_INVALID', ['dates', 1], '10'],
      ['SCORING_DATE_INVALID', ['dates', 2], 'object'],
    ]);
    expect(ledgerRounds(ledger, 'x' as never).diagnostics.map((d) => d.path)).toEqual([['dates']]);
  });
});
