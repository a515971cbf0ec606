import type { PathSegment } from '@foodsafety/core';

/**
 * Set `value` at `path` in a copy of `root`, copying only along the path (lenient-mode
 * normalisation rewrites a value without touching the caller's input). Keys are defined, not
 * assigned, so a key such as `__proto__` stays an own data property.
 */
export function setAtPath(root: unknown, path: readonly PathSegment[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [PathSegment, ...PathSegment[]];
  if (Array.isArray(root)) {
    const copy = root.slice();
    copy[head as number] = setAtPath(root[head as number], rest, value);
    return copy;
  }
  const obj = (root ?? {}) as Record<string, unknown>;
  const copy: Record<string, unknown> = { ...obj };
  Object.defineProperty(copy, head as string, {
    value: setAtPath(obj[head as string], rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}
