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
