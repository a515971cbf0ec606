import {
  createDiagnostic,
  type Diagnostic,
  type DiagnosticPath,
  fail,
  type Result,
  resultOf,
  type SchemaIssueLike,
  schemaIssuesToDiagnostics,
} from '@foodsafety/core';
import type { z } from 'zod';
import { MODEL_SOURCE, modelMessages } from './model-messages.js';

/** Options of every `parseX` function of this package. */
export interface ParseOptions {
  /** Prepended to every diagnostic path (where the value sits in a larger document). */
  readonly path?: DiagnosticPath;
}

/**
 * A cross-field check run on a value that passed its schema: returns diagnostics whose paths are
 * relative to the value.
 */
export type CrossCheck<T> = (value: T) => readonly Diagnostic[];

/**
 * zod reports an unknown discriminator as `invalid_union` with the allowed options; present it as
 * the invalid value it is, so it gets core's `SCHEMA_INVALID_VALUE` code and a bilingual message.
 */
function normaliseIssue(issue: z.core.$ZodIssue): SchemaIssueLike {
  if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) {
    return {
      code: 'invalid_value',
      path: issue.path,
      message: issue.message,
      values: issue.options,
    };
  }
  return issue as SchemaIssueLike;
}

/** Diagnostics for zod issues, with paths under `prefix` and this package as source. */
export function issuesToDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  prefix: DiagnosticPath = [],
): Diagnostic[] {
  return schemaIssuesToDiagnostics(issues.map(normaliseIssue), { prefix, source: MODEL_SOURCE });
}

/** Prefix the paths of cross-check diagnostics. */
export function underPath(
  diagnostics: readonly Diagnostic[],
  prefix: DiagnosticPath,
): Diagnostic[] {
  if (prefix.length === 0) return [...diagnostics];
  return diagnostics.map((d) => ({ ...d, path: [...prefix, ...(d.path ?? [])] }));
}

/**
 * Parse untrusted input with a schema, then run the cross-field check. Never throws: an input
 * that cannot even be read (a throwing getter, a revoked proxy) yields `MODEL_INPUT_UNREADABLE`.
 */
export function parseWithSchema<S extends z.ZodType>(
  schema: S,
  input: unknown,
  options: ParseOptions = {},
  check?: CrossCheck<z.output<S>>,
): Result<z.output<S>> {
  const prefix = options.path ?? [];
  try {
    const parsed = schema.safeParse(input, { reportInput: true });
    if (!parsed.success) return fail(issuesToDiagnostics(parsed.error.issues, prefix));
    const value = parsed.data as z.output<S>;
    const diagnostics = check === undefined ? [] : underPath(check(value), prefix);
    return resultOf(value, diagnostics);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail([
      createDiagnostic(
        modelMessages.MODEL_INPUT_UNREADABLE,
        { detail },
        { path: prefix, source: MODEL_SOURCE },
      ),
    ]);
  }
}
