import { createDiagnostic, type Diagnostic, fail, type Result, resultOf } from '@foodsafety/core';
import { z } from 'zod';
import { modelMessages } from './model-messages.js';
import { type ParseOptions, parseWithSchema } from './parse-with-schema.js';

/**
 * Parse a list with an element parser: every element is parsed (diagnostics of all of them, with
 * the index in the path), and, when elements have an `id`, duplicate ids are errors
 * (`MODEL_DUPLICATE_ID`). Fails when any element fails.
 */
export function parseList<T>(
  input: unknown,
  parseOne: (element: unknown, options: ParseOptions) => Result<T>,
  options: ParseOptions & { readonly entity?: string } = {},
): Result<T[]> {
  const prefix = options.path ?? [];
  const array = parseWithSchema(z.array(z.unknown()), input, options);
  if (!array.ok) return fail(array.diagnostics);
  const values: T[] = [];
  const diagnostics: Diagnostic[] = [];
  const ids = new Set<string>();
  let failed = false;
  array.value.forEach((element, i) => {
    const r = parseOne(element, { path: [...prefix, i] });
    diagnostics.push(...r.diagnostics);
    if (!r.ok) {
      failed = true;
      return;
    }
    values.push(r.value);
    const id = (r.value as { id?: unknown }).id;
    if (typeof id !== 'string') return;
    if (ids.has(id)) {
      diagnostics.push(
        createDiagnostic(
          modelMessages.MODEL_DUPLICATE_ID,
          { entity: options.entity ?? 'record', id },
          { path: [...prefix, i, 'id'] },
        ),
      );
    }
    ids.add(id);
  });
  return failed ? fail(diagnostics) : resultOf(values, diagnostics);
}
