/**
 * A short, single-line rendering of any value for an error message or a diagnostic's params, that
 * never throws: `String(value)` throws a `TypeError` for an object without a prototype
 * (`Object.create(null)`, which `JSON.parse` never makes but other code does), for a revoked proxy
 * and for an object whose `toString` throws, so code that reports a bad value must not use it.
 *
 * Strings are shown as they are, cut to `maxLength` characters (with `...`); numbers, bigints,
 * booleans, symbols, `null` and `undefined` as `String` shows them; a `Date` as its ISO string (or
 * `Invalid Date`); arrays as `array`; functions as `function <name>`; other objects as `object`.
 *
 * @example
 * describeValue(Object.create(null)) // 'object'
 * describeValue('x'.repeat(100), 10) // 'xxxxxxx...'
 */
export function describeValue(value: unknown, maxLength = 60): string {
  try {
    switch (typeof value) {
      case 'string':
        return value.length > maxLength
          ? `${value.slice(0, Math.max(0, maxLength - 3))}...`
          : value;
      case 'number':
      case 'bigint':
      case 'boolean':
      case 'symbol':
      case 'undefined':
        return String(value);
      case 'function':
        return value.name === '' ? 'function' : `function ${value.name}`;
      default:
        if (value === null) return 'null';
        if (Array.isArray(value)) return 'array';
        if (value instanceof Date) {
          return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
        }
        return 'object';
    }
  } catch {
    // A revoked proxy throws even on Array.isArray.
    return typeof value;
  }
}
