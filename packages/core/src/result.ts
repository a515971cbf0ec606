import { type Diagnostic, formatDiagnostic, hasErrors } from './diagnostic.js';
import { FoodSafetyError } from './foodsafety-error.js';

/**
 * The outcome of parsing or applying rules: a value with the (non-error) diagnostics met on the
 * way, or no value and diagnostics of which at least one is an error.
 */
export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** A successful result, with any warnings or infos met on the way. */
export function ok<T>(value: T, diagnostics: readonly Diagnostic[] = []): Result<T> {
  return { ok: true, value, diagnostics };
}

/** A failed result. */
export function fail<T = never>(diagnostics: readonly Diagnostic[]): Result<T> {
  return { ok: false, diagnostics };
}

/** A result from a value and diagnostics: failed when any diagnostic is an error. */
export function resultOf<T>(value: T, diagnostics: readonly Diagnostic[]): Result<T> {
  return hasErrors(diagnostics) ? fail(diagnostics) : ok(value, diagnostics);
}

/** Concatenate diagnostic lists, dropping exact duplicates (same code, severity, path, message). */
export function mergeDiagnostics(...lists: readonly (readonly Diagnostic[])[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const list of lists) {
    for (const d of list) {
      const key = `${d.code}\u0000${d.severity}\u0000${JSON.stringify(d.path ?? null)}\u0000${d.message}\u0000${d.source ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}

/** Transform the value of a successful result. */
export function mapResult<T, U>(result: Result<T>, fn: (value: T) => U): Result<U> {
  return result.ok ? ok(fn(result.value), result.diagnostics) : result;
}

/** Chain a computation that may itself fail; diagnostics of both steps are kept. */
export function flatMapResult<T, U>(result: Result<T>, fn: (value: T) => Result<U>): Result<U> {
  if (!result.ok) return result;
  const next = fn(result.value);
  const diagnostics = mergeDiagnostics(result.diagnostics, next.diagnostics);
  return next.ok ? ok(next.value, diagnostics) : fail(diagnostics);
}

/** All values if every result succeeded; otherwise a failure with every diagnostic of every result. */
export function combineResults<T>(results: readonly Result<T>[]): Result<T[]> {
  const diagnostics = mergeDiagnostics(...results.map((r) => r.diagnostics));
  if (results.every((r) => r.ok))
    return ok(
      results.map((r) => (r as { value: T }).value),
      diagnostics,
    );
  return fail(diagnostics);
}

/**
 * The value of a successful result, or a thrown {@link FoodSafetyError} (code `CORE_RESULT_FAILED`)
 * listing the errors. For scripts and tests; library code passes results on instead.
 */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  throw new FoodSafetyError(
    'CORE_RESULT_FAILED',
    `result has ${errors.length} error(s):\n${errors.map((d) => formatDiagnostic(d)).join('\n')}`,
    {
      diagnostics: errors,
    },
  );
}
