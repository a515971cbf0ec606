/**
 * `parseEpcisDocument`: JSON text or a parsed value → a typed EPCIS document, or every finding.
 */
import { createDiagnostic, fail, ok, type Result } from '@foodsafety/core';
import type { EpcisDocument } from './epcis-event.js';
import type { EpcisValidationOptions } from './epcis-validator.js';
import { epcisMessages } from './trace-messages.js';
import { validateEpcisDocument } from './validate-epcis-document.js';

/**
 * Parse an EPCIS 2.0 `EPCISDocument` or `EPCISQueryDocument` (JSON-LD read as JSON) from text or
 * from an already parsed value. Every error is collected with its path (not only the first); a
 * JSON syntax error is a `TRACE_JSON_SYNTAX` diagnostic with its position. Warnings of a
 * successful parse are kept in the result. Defaults to strict mode.
 *
 * @example
 * const result = parseEpcisDocument(text);
 * if (result.ok) for (const event of documentEvents(result.value)) …
 */
export function parseEpcisDocument(
  input: unknown,
  options: EpcisValidationOptions = {},
): Result<EpcisDocument> {
  const r = validateEpcisDocument(input, options);
  if (r.valid && r.document !== undefined) return ok(r.document, r.diagnostics);
  if (r.valid) {
    // a single event given as the document: not a document
    let type: unknown;
    try {
      type =
        (input !== null && typeof input === 'object'
          ? (input as { type?: unknown }).type
          : undefined) ?? r.events[0]?.type;
    } catch {
      // an event built in code whose getter or Proxy trap throws (a second read)
      type = undefined;
    }
    return fail([
      ...r.diagnostics,
      createDiagnostic(
        epcisMessages.TRACE_DOCUMENT_TYPE,
        { value: typeof type === 'string' ? type : 'event' },
        { path: ['type'], ...(options.locale === undefined ? {} : { locale: options.locale }) },
      ),
    ]);
  }
  return fail(r.diagnostics);
}
