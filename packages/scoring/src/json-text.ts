import { describeValue } from '@foodsafety/core';

/**
 * A value as JSON for a message (`"normal"`, `5`, `{"a":1}`), never throwing: a value JSON cannot
 * hold (a bigint, a cycle) or has no JSON for (`undefined`, a symbol) as {@link describeValue}
 * shows it. @internal
 */
export function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? describeValue(value);
  } catch {
    return describeValue(value);
  }
}
