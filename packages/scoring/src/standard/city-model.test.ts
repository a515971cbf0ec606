import { describe, expect, it } from 'vitest';
import type { CreationTask, TaskLedger } from '../ledger/creation-task.js';
import { testMeta } from './__fixtures__/test-meta.js';
import { cityModel } from './city-model.js';
import { defineStandard } from './define-standard.js';
import { score } from './score.js';

/** A deterministic pseudo-random ledger: 656 tasks over 13 regions and 30 departments. */
function ledger(): TaskLedger {
  let state = 12345;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const regions = Array.from({ length: 13 }, (_, i) => `R${i + 1}`);
  const departments = Array.from({ length: 30 }, (_, i) => `D${i + 1}`);
  const tasks: CreationTask[] = Array.from({ length: 656 }, (_, i) => {
    const done = next() < 0.8;
    return {
      id: `T${i + 1}`,
      items: [`I${1 + Math.floor(next() * 7)}`],
      assignments: [
        { unit: 'region', id: regions[Math.floor(next() * 13)] as string, role: 'lead' },
        { unit: 'department', id: departments[Math.floor(next() * 30)] as string, role: 'support' },
      ],
      due: '2017-06-30',
      status: done ? 'completed' : next() < 0.1 ? 'cancelled' : 'in-progress',
      ...(done ? { completedOn: next() < 0.5 ? '2017-03-01' : '2017-09-01' } : {}),
    };
  });
  return { regions, departments, tasks };
}

const std = (() => {
  const r = defineStandard({
    meta: testMeta('t'),
    missing: { items: 'skip' },
    pass: { minTotal: 60 },
    items: [
      ...Array.from({ length: 6 }, (_, i) => ({
        id: `I${i + 1}`,
        tier: i < 3 ? ('key' as const) : ('basic' as const),
        points: 10,
        rule: { kind: 'taskShare' as const, fullAt: 0.9 },
      })),
      { id: 'ALL', tier: 'basic', points: 20, rule: { kind: 'taskShare', tasks: 'all' } },
      // a threshold rule reading the task share of its linked tasks (as score() fills it)
      {
        id: 'I7',
        tier: 'bonus',
        points: 2,
        rule: {
          kind: 'threshold',
          input: 'taskShare.I7',
          bands: [
            { atLeast: 0.5, points: 1 },
            { atLeast: 0.8, points: 2 },
          ],
        },
      },
      {
        id: 'S',
        tier: 'basic',
        points: 20,
        rule: { kind: 'linear', input: 'satisfaction', zeroAt: 60, fullAt: 90 },
      },
    ],
    vetoes: [{ id: 'v', when: { value: 'incidents', op: '>', than: 0 } }],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value;
})();

describe('cityModel', () => {
  const input = {
    facts: { satisfaction: 80, incidents: 0 },
    regions: { R2: { satisfaction: 65 }, R3: { incidents: 1 } },
    ledger: ledger(),
    asOf: '2017-12-31',
  };

  it('gives the same totals, passes and vetoes as score() for the city, 13 regions and 30 departments', () => {
    const model = cityModel(std, input);
    expect(model.units).toHaveLength(44);
    const fast = model.evaluate();
    const full = score(std, input.facts, { ...input, explain: false });
    const all = [full, ...full.regions, ...full.departments];
    expect(all.map((u) => `${u.unit.kind}:${u.unit.id}`)).toEqual(
      model.units.map((u) => `${u.kind}:${u.id}`),
    );
    expect([...fast.hundredths]).toEqual(all.map((u) => u.hundredths));
    expect([...fast.pass]).toEqual(all.map((u) => (u.pass ? 1 : 0)));
    expect([...fast.vetoes]).toEqual(all.map((u) => u.vetoesFired.length));
    expect(all.some((u) => u.pass) && all.some((u) => !u.pass)).toBe(true);
  });

  it('varying task completion changes the result, and evaluation reuses the output buffer', () => {
    const model = cityModel(std, input);
    const out = model.createEvaluation();
    const before = model.evaluate(undefined, out).hundredths[0];
    const done = model.completion.slice().fill(1);
    const after = model.evaluate(done, out);
    expect(after).toBe(out);
    expect(after.hundredths[0]).toBeGreaterThan(before as number);
    // every task completed → every task-share item full: 6 × 10 + 20 + 2 + satisfaction 2/3 × 20
    expect(after.hundredths[0]).toBe(6000 + 2000 + 200 + 1333);
    expect(model.evaluate().hundredths[0]).toBe(before);
  });

  it('input of the wrong shape counts as facts not given, never a throw', () => {
    const evaluation = (given: unknown) => {
      const e = cityModel(std, given as never).evaluate();
      return [[...e.hundredths], [...e.pass], [...e.vetoes]];
    };
    const odd = { ...input, facts: null, regions: { R2: null, R3: Object.create(null) } };
    const before = JSON.stringify(odd);
    expect(evaluation(odd)).toEqual(
      evaluation({ ...input, facts: {}, regions: { R2: {}, R3: {} } }),
    );
    expect(JSON.stringify(odd)).toBe(before);
    expect(evaluation({ ...input, regions: 10n, departments: null })).toEqual(
      evaluation({ ...input, regions: {} }),
    );
    expect(evaluation(null)).toEqual(evaluation({ facts: {} }));
  });
});
