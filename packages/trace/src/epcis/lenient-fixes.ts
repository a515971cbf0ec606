import type { PathSegment } from '@foodsafety/core';
import { setAtPath } from './set-at-path.js';

/**
 * A finding to apply to the event in lenient mode: set the member at `path` to `value`. The path is
 * the finding's, so it starts with the event's own path.
 */
export interface Fix {
  readonly path: readonly PathSegment[];
  readonly value: unknown;
}

/**
 * The event with its lenient fixes applied, in order, to a copy (the input is not touched). A
 * fix's path is the full path of its finding: the first `skip` segments (the event's own path)
 * are left out. No fixes: the event itself.
 */
export function applyFixes(
  event: unknown,
  fixes: readonly Fix[] | undefined,
  skip: number,
): unknown {
  if (fixes === undefined) return event;
  let ev = event;
  for (const f of fixes) ev = setAtPath(ev, f.path.slice(skip), f.value);
  return ev;
}
