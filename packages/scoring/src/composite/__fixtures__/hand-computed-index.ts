/**
 * Test fixture: a small index whose scores are computed by hand in compute-index.test.ts. After
 * min-max to [0, 100]: IDX = (2·P1 + P2) / 3 gives A 0, B 200/3, C 250/3 (ranks 3, 2, 1).
 */
import type { UnitData } from '../compute-index.js';
import type { FrameworkRow } from '../index-framework.js';

export const handFramework: FrameworkRow[] = [
  { code: 'i1', level: 1, parent: 'P1', weight: 1, direction: 1 },
  { code: 'i2', level: 1, parent: 'P1', weight: 1, direction: -1 },
  { code: 'i3', level: 1, parent: 'P2', weight: 1, direction: 1 },
  { code: 'P1', level: 2, parent: 'IDX', weight: 2 },
  { code: 'P2', level: 2, parent: 'IDX', weight: 1 },
  { code: 'IDX', level: 3, parent: null },
];

export const handData: UnitData[] = [
  { code: 'A', values: { i1: 10, i2: 5, i3: 0 } },
  { code: 'B', values: { i1: 20, i2: 1, i3: 50 } },
  { code: 'C', values: { i1: 30, i2: 3, i3: 100 } },
];
