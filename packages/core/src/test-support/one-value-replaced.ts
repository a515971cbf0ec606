/**
 * Test support (not part of the published API; left out of the package): real fixtures with one
 * value anywhere replaced by what a value built in code can hold and JSON cannot (objects without
 * a prototype, bigints, boxed values, maps, sets, dates, typed and sparse arrays), and a snapshot
 * that notices any change to the input. The entry-point robustness tests of core, model and
 * scoring use it.
 */
import fc from 'fast-check';

/** A path into a fixture: object keys and array indices. */
export type ValuePath = readonly (string | number)[];

/** What JavaScript can put in a value and JSON cannot. */
export const codeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    withNullPrototype: true,
    withBigInt: true,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withDate: true,
    withTypedArray: true,
    withSparseArray: true,
    withObjectString: true,
  }),
  fc.constantFrom(
    null,
    undefined,
    Object.create(null),
    [Object.create(null)],
    10n,
    new Date(Number.NaN),
    Symbol('s'),
  ),
);

/** Every path into a value (its objects and arrays), the root included. */
export function pathsOf(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(prefix);
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      pathsOf(child, [...prefix, Array.isArray(value) ? Number(key) : key], out);
    }
  }
  return out;
}

/** A deep copy of plain JSON-like data with the value at `path` replaced. */
export function replaced(value: unknown, path: ValuePath, by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaced(v, rest, by) : v));
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  Object.defineProperty(copy, head, {
    value: replaced(copy[head], rest, by),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

/**
 * The fixture with the value at one of its paths (the root included) replaced by a value of
 * `by` (default {@link codeValue}). `keep` leaves a replacement out (for sizes that would make a
 * run slow, say).
 */
export function oneValueReplaced(
  fixture: unknown,
  by: fc.Arbitrary<unknown> = codeValue,
  keep: (path: ValuePath, value: unknown) => boolean = () => true,
): fc.Arbitrary<unknown> {
  const paths = pathsOf(fixture);
  return fc
    .tuple(fc.nat({ max: paths.length - 1 }), by)
    .filter(([at, value]) => keep(paths[at] as ValuePath, value))
    .map(([at, value]) => replaced(fixture, paths[at] as ValuePath, value));
}

/**
 * A copy of the input's plain objects and arrays (with or without a prototype), other values
 * kept as they are: comparing it with the input afterwards notices any member written, added or
 * removed (JSON cannot hold all of it).
 */
export function snapshot(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snapshot);
  if (typeof value !== 'object' || value === null) return value;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    // defined, not assigned: an own member named __proto__ would set the copy's prototype
    Object.defineProperty(copy, key, {
      value: snapshot((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}
