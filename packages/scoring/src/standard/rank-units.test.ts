import { describe, expect, it } from 'vitest';
import { testMeta } from './__fixtures__/test-meta.js';
import { defineStandard } from './define-standard.js';
import { rankUnits, weakestItems } from './rank-units.js';
import { score } from './score.js';

const std = (() => {
  const r = defineStandard({
    meta: testMeta('t'),
    pass: { minTotal: 10 },
    items: [
      {
        id: 'k',
        tier: 'key',
        points: 10,
        rule: { kind: 'linear', input: 'k', zeroAt: 0, fullAt: 1 },
      },
      {
        id: 'b1',
        tier: 'basic',
        points: 5,
        rule: { kind: 'linear', input: 'b1', zeroAt: 0, fullAt: 1 },
      },
      {
        id: 'b2',
        tier: 'basic',
        points: 5,
        rule: { kind: 'linear', input: 'b2', zeroAt: 0, fullAt: 1 },
      },
    ],
  });
  if (!r.ok) throw new Error('spec');
  return r.value;
})();

describe('rankUnits and weakestItems', () => {
  const s = score(
    std,
    { k: 1, b1: 1, b2: 1 },
    {
      regions: { r1: { k: 0.5 }, r2: { b1: 0 }, r3: { b2: 0 }, r4: { k: 0.9, b1: 0.5 } },
    },
  );

  it('ranks regions by total, ties = min rank, input order kept among ties', () => {
    expect(rankUnits(s.regions).map((u) => [u.id, u.total, u.rank])).toEqual([
      ['r4', 16.5, 1],
      ['r1', 15, 2],
      ['r2', 15, 2],
      ['r3', 15, 2],
    ]);
  });

  it('weakest items: failing key items first, then the largest shortfall', () => {
    const r1 = s.regions.find((u) => u.unit.id === 'r1');
    expect(r1 && weakestItems(r1)).toEqual([
      { id: 'k', tier: 'key', points: 5, max: 10, shortfall: 5, failsKeyItemCheck: true },
    ]);
    const r4 = s.regions.find((u) => u.unit.id === 'r4');
    expect(r4 && weakestItems(r4).map((i) => [i.id, i.shortfall])).toEqual([
      ['b1', 2.5],
      ['k', 1],
    ]);
    expect(weakestItems(s)).toEqual([]);
  });
});
