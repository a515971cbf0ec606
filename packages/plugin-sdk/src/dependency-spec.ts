import semver from 'semver';

/** A parsed entry of a plugin's `dependencies`: a plugin name and an optional semver range. */
export interface DependencySpec {
  /** The spec as written: `uk-fhrs`, `uk-fhrs@^1.0.0`, `@acme/x@>=2`. */
  readonly spec: string;
  readonly name: string;
  readonly range?: string;
}

/**
 * Parse `name` or `name@range` (scoped names keep their leading `@`). Returns `undefined` when
 * the name is empty or the range is not a valid semver range.
 */
export function parseDependencySpec(spec: string): DependencySpec | undefined {
  if (typeof spec !== 'string') return undefined;
  const trimmed = spec.trim();
  const at = trimmed.indexOf('@', 1);
  const name = at === -1 ? trimmed : trimmed.slice(0, at);
  const range = at === -1 ? undefined : trimmed.slice(at + 1).trim();
  if (name === '' || name === '@' || /\s/.test(name)) return undefined;
  if (range !== undefined && (range === '' || semver.validRange(range) === null)) return undefined;
  return Object.freeze({ spec: trimmed, name, ...(range === undefined ? {} : { range }) });
}
