import { minRank } from '../ledger/min-rank.js';
import type { ItemScore, UnitScore } from './score.js';

/** A unit's place in a ranking. */
export interface UnitRank {
  readonly kind: UnitScore['unit']['kind'];
  readonly id: string;
  readonly total: number;
  readonly pass: boolean;
  /** 1 = best; ties share the best rank. */
  readonly rank: number;
}

/**
 * Rank units (regions or departments) by total, best first; ties share the best rank (1, 2, 2,
 * 4) and keep their input order.
 */
export function rankUnits(units: readonly UnitScore[]): UnitRank[] {
  const ranks = minRank(units.map((u) => u.hundredths));
  return units
    .map((u, i) => ({
      kind: u.unit.kind,
      id: u.unit.id,
      total: u.total,
      pass: u.pass,
      rank: ranks[i] as number,
      i,
    }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map(({ i: _, ...rest }) => rest);
}

/** An item's shortfall: points missing to its maximum. */
export interface ItemShortfall {
  readonly id: string;
  readonly tier: ItemScore['tier'];
  readonly points: number;
  readonly max: number;
  /** max − points, exact. */
  readonly shortfall: number;
  /** For key items: below the pass rule's minimum share (`failingKeyItems`). */
  readonly failsKeyItemCheck: boolean;
}

/**
 * The weakest items of a unit: key items failing their minimum share first, then by points
 * missing (largest first), then in standard order. Skipped items are left out.
 */
export function weakestItems(unit: UnitScore, limit = 5): ItemShortfall[] {
  const failing = new Set(unit.checks.failingKeyItems);
  return unit.items
    .map((item, i) => ({ item, i }))
    .filter(({ item }) => item.status !== 'skipped' && item.hundredths < Math.round(item.max * 100))
    .map(({ item, i }) => ({
      i,
      id: item.id,
      tier: item.tier,
      points: item.points,
      max: item.max,
      shortfall: (Math.round(item.max * 100) - item.hundredths) / 100,
      failsKeyItemCheck: failing.has(item.id),
    }))
    .sort(
      (a, b) =>
        Number(b.failsKeyItemCheck) - Number(a.failsKeyItemCheck) ||
        b.shortfall - a.shortfall ||
        a.i - b.i,
    )
    .slice(0, Math.max(0, limit))
    .map(({ i: _, ...rest }) => rest);
}
