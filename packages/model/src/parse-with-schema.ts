import {
  createDiagnostic,
  type Diagnostic,
  type DiagnosticPath,
  describeValue,
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
 * A plain union whose branches all failed at the value itself for the same reason (every branch
 * an invalid format, or every branch an invalid type) is presented as that reason, listing the
 * alternatives (`date | datetime`); when only one branch accepted the value's type, its complaint
 * is used. A failed regular expression names its pattern.
 */
function normaliseIssue(issue: z.core.$ZodIssue): SchemaIssueLike {
  if (issue.code === 'invalid_format' && issue.format === 'regex' && 'pattern' in issue) {
    return { ...issue, format: `pattern ${String(issue.pattern)}` } as SchemaIssueLike;
  }
  if (issue.code !== 'invalid_union') return issue as SchemaIssueLike;
  if ('options' in issue && Array.isArray(issue.options)) {
    return {
      code: 'invalid_value',
      path: issue.path,
      message: issue.message,
      values: issue.options,
    };
  }
  const branches = issue.errors;
  const firsts = branches.map((b) =>
    b.length === 1 && b[0]?.path.length === 0 ? b[0] : undefined,
  );
  if (firsts.length > 0 && firsts.every((i) => i?.code === 'invalid_format')) {
    const format = firsts.map((i) => String((i as { format?: unknown }).format)).join(' | ');
    return { code: 'invalid_format', path: issue.path, message: issue.message, format };
  }
  if (firsts.length > 0 && firsts.every((i) => i?.code === 'invalid_type')) {
    const expected = firsts.map((i) => String((i as { expected?: unknown }).expected)).join(' | ');
    return {
      code: 'invalid_type',
      path: issue.path,
      message: issue.message,
      expected,
      ...(issue.input === undefined ? {} : { input: issue.input }),
    };
  }
  const typed = firsts.filter((i) => i !== undefined && i.code !== 'invalid_type');
  if (firsts.every((i) => i !== undefined) && typed.length === 1) {
    // Only one branch accepted the value's type: its complaint is the relevant one.
    return normaliseIssue({ ...(typed[0] as z.core.$ZodIssue), path: issue.path });
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
    const detail = error instanceof Error ? error.message : describeValue(error);
    return fail([
      createDiagnostic(
        modelMessages.MODEL_INPUT_UNREADABLE,
        { detail },
        { path: prefix, source: MODEL_SOURCE },
      ),
    ]);
  }
}
