import { selectValues } from './kde-selector.js';
import type { RetentionRule, TraceProfile } from './trace-profile.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

function addMonths(y: number, m: number, d: number, months: number): string {
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parts(value: unknown): [number, number, number] | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DATE.exec(value);
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/**
 * The date (YYYY-MM-DD) until which a record must at least be kept under a profile's retention
 * rule: the end of the shelf life plus `monthsAfterShelfLife` when the record carries a shelf-life
 * date, else the event date (in the event's own offset) plus `minYears`. `undefined` when the
 * profile has no retention rule or the event has no readable date.
 *
 * @example
 * // Food Safety Law art. 50: ≥ 6 months past the shelf life, or ≥ 2 years without one
 * recordRetentionUntil(receipt, CN_FOOD_SAFETY_LAW_PROFILE) // '2027-04-24'
 */
export function recordRetentionUntil(event: unknown, profile: TraceProfile): string | undefined {
  const rule = profile.rules.find((r): r is RetentionRule => r.kind === 'retention');
  if (rule === undefined) return undefined;
  for (const selector of rule.shelfLifeSelect) {
    for (const value of selectValues(event, selector)) {
      const p = parts(value);
      if (p !== undefined) return addMonths(p[0], p[1], p[2], rule.monthsAfterShelfLife);
    }
  }
  const eventTime =
    typeof event === 'object' && event !== null
      ? (event as Record<string, unknown>).eventTime
      : undefined;
  const p = parts(eventTime);
  return p === undefined ? undefined : addMonths(p[0], p[1], p[2], rule.minYears * 12);
}
