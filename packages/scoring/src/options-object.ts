import {
  type Diagnostic,
  type DiagnosticPath,
  type SchemaIssueLike,
  schemaIssuesToDiagnostics,
} from '@foodsafety/core';

/**
 * The options of a function that reports problems as diagnostics: options that are not an object
 * (`null` from JSON, a string) are `SCHEMA_INVALID_TYPE` at `path`, and the defaults apply.
 * @internal
 */
export function optionsObject<T extends object>(
  options: T,
  diagnostics: Diagnostic[],
  path: DiagnosticPath = ['options'],
): Partial<T> {
  if (typeof options === 'object' && options !== null) return options;
  const issue: SchemaIssueLike = {
    code: 'invalid_type',
    path: [],
    message: 'expected object',
    expected: 'object',
    input: options,
  };
  diagnostics.push(
    ...schemaIssuesToDiagnostics([issue], { prefix: path, source: '@foodsafety/scoring' }),
  );
  return {};
}

/**
 * A value of the wrong type (a round that is not an object, dates that are not a list) as
 * `SCHEMA_INVALID_TYPE` (or `SCHEMA_REQUIRED` when missing) at `path`.
 * @internal
 */
export function wrongType(input: unknown, expected: string, path: DiagnosticPath): Diagnostic[] {
  const issue: SchemaIssueLike = {
    code: 'invalid_type',
    path: [],
    message: `expected ${expected}`,
    expected,
    input,
  };
  return schemaIssuesToDiagnostics([issue], { prefix: path, source: '@foodsafety/scoring' });
}

/**
 * A value that is none of `values` (an unknown unit or metric) as `SCHEMA_INVALID_VALUE` at
 * `path`.
 * @internal
 */
export function notOneOf(values: readonly string[], path: DiagnosticPath): Diagnostic[] {
  const issue: SchemaIssueLike = {
    code: 'invalid_value',
    path: [],
    message: 'invalid value',
    values,
  };
  return schemaIssuesToDiagnostics([issue], { prefix: path, source: '@foodsafety/scoring' });
}
