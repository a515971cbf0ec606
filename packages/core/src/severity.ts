/** How serious a finding is: an error rejects the input, a warning flags it, info only tells. */
export type Severity = 'error' | 'warning' | 'info';

/** The severities, most serious first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Compare severities, most serious first (for sorting). */
export function compareSeverity(a: Severity, b: Severity): number {
  return RANK[a] - RANK[b];
}
