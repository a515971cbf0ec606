import {
  type Diagnostic,
  describeValue,
  type SchemaIssueLike,
  schemaIssuesToDiagnostics,
} from '@foodsafety/core';
import semver from 'semver';
import type { ZodType } from 'zod';
import { pluginError } from './plugin-error.js';
import { pluginMessages } from './plugin-messages.js';

/** A host package and its version, as `requires` ranges of plugins are checked against. */
export interface HostInfo {
  /** The package name, e.g. `@foodsafety/grading`. */
  readonly name: string;
  /** Its exact semver version, e.g. `0.1.0`. */
  readonly version: string;
}

/**
 * How contributions to an extension point are checked before they are accepted: a function
 * returning diagnostics (paths relative to the contribution; an error rejects it) or a zod schema.
 */
export type ContributionValidator<T> = ((contribution: T) => readonly Diagnostic[]) | ZodType;

/** What a domain package writes to declare an extension point. */
export interface ExtensionPointDefinition<T> {
  /** Stable, dotted identifier, e.g. `grading.schemes`. */
  readonly id: string;
  /** The key a contribution is registered under (unique within the point), e.g. `(s) => s.id`. */
  readonly key: (contribution: T) => string;
  /** The package that owns the point; plugins' `requires` ranges are checked against it. */
  readonly host?: HostInfo;
  /** Checks each contribution before it is accepted. */
  readonly validate?: ContributionValidator<T>;
  /** What contributions to this point are for (shown in docs and errors). */
  readonly description?: string;
}

/**
 * A typed token naming a place where plugins contribute values of type `T`. Create it once with
 * {@link defineExtensionPoint} in the domain package and import it wherever contributions are made
 * or read.
 */
export interface ExtensionPoint<T> {
  readonly id: string;
  readonly key: (contribution: T) => string;
  readonly host?: HostInfo;
  readonly description?: string;
  /** Validate a contribution; diagnostics have paths relative to the contribution. */
  readonly check: (contribution: T) => readonly Diagnostic[];
  /** Phantom member carrying `T` for type inference; always `undefined` at run time. */
  readonly __type?: (contribution: T) => T;
}

/** The contribution type of an extension point. */
export type ContributionOf<P> = P extends ExtensionPoint<infer T> ? T : never;

const POINT_ID = /^[a-z][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)*$/;

function isZodSchema(value: unknown): value is ZodType {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { safeParse?: unknown }).safeParse === 'function'
  );
}

function invalid(field: string, detail: string): never {
  throw pluginError(pluginMessages.PLUGIN_EXTENSION_POINT_INVALID, { field, detail });
}

/**
 * Declare an extension point: a typed token plugins contribute to with `ctx.contribute(point,
 * value)` and hosts read with `engine.get(point, key)` / `engine.list(point)`.
 *
 * Throws `PLUGIN_EXTENSION_POINT_INVALID` when the id is not dotted lower-case
 * (`grading.schemes`), `key` is not a function, or `host` is incomplete.
 *
 * @example
 * export const gradingSchemes = defineExtensionPoint<GradingScheme>({
 *   id: 'grading.schemes', key: (s) => s.id,
 * });
 */
export function defineExtensionPoint<T>(
  definition: ExtensionPointDefinition<T>,
): ExtensionPoint<T> {
  const { id, key, host, validate, description } = definition;
  if (typeof id !== 'string' || !POINT_ID.test(id)) {
    invalid(
      'id',
      `"${describeValue(id)}" is not a dotted lower-case identifier like grading.schemes`,
    );
  }
  if (typeof key !== 'function') invalid('key', 'key must be a function of the contribution');
  if (
    host !== undefined &&
    (typeof host.name !== 'string' ||
      host.name === '' ||
      typeof host.version !== 'string' ||
      semver.valid(host.version) === null)
  ) {
    invalid('host', 'host needs a package name and an exact semver version');
  }
  let check: (contribution: T) => readonly Diagnostic[];
  if (validate === undefined) check = () => [];
  else if (isZodSchema(validate)) {
    check = (contribution) => {
      const parsed = validate.safeParse(contribution, { reportInput: true });
      return parsed.success
        ? []
        : schemaIssuesToDiagnostics(parsed.error.issues as readonly SchemaIssueLike[]);
    };
  } else if (typeof validate === 'function') check = validate;
  else invalid('validate', 'validate must be a function returning diagnostics or a zod schema');
  return Object.freeze({
    id,
    key,
    check,
    ...(host === undefined
      ? {}
      : { host: Object.freeze({ name: host.name, version: host.version }) }),
    ...(description === undefined ? {} : { description }),
  });
}
