/**
 * Parse JSON text without throwing: a syntax error becomes a `TRACE_JSON_SYNTAX` diagnostic with
 * its offset, line and column; input nested too deeply for the engine becomes `TRACE_DEPTH_LIMIT`.
 * A leading byte order mark is ignored.
 */
import { createDiagnostic, type Diagnostic, type Locale } from '@foodsafety/core';
import { jsonErrorOffset } from './json-error-offset.js';
import { epcisMessages } from './trace-messages.js';

/** The parsed value, or the diagnostic saying why there is none. */
export type JsonTextResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  const end = Math.min(position, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastBreak = i;
    }
  }
  return { line, column: end - lastBreak };
}

const POSITION = /position (\d+)/;

/** Parse JSON text; never throws. */
export function parseJsonText(text: string, locale: Locale = 'en'): JsonTextResult {
  // a leading byte order mark is ignored, as RFC 8259 allows (a byte stream's decoder drops it)
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom === 0 ? text : text.slice(1);
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof RangeError) {
      return {
        ok: false,
        diagnostic: createDiagnostic(
          epcisMessages.TRACE_DEPTH_LIMIT,
          { limit: 'engine' },
          { path: [], locale },
        ),
      };
    }
    // where: found by our own scan (the engine's messages do not always say), else the engine's
    const at = jsonErrorOffset(body);
    const found = at < 0 ? at : at + bom;
    const p = POSITION.exec(message);
    const position = found >= 0 ? found : p !== null ? Number(p[1]) + bom : text.length;
    const { line, column } = lineAndColumn(text, position);
    return {
      ok: false,
      diagnostic: createDiagnostic(
        epcisMessages.TRACE_JSON_SYNTAX,
        { position, line, column, detail: message.slice(0, 200) },
        { path: [], locale },
      ),
    };
  }
}
