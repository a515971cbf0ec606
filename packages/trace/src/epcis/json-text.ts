/**
 * Parse JSON text without throwing: a syntax error becomes a `TRACE_JSON_SYNTAX` diagnostic with
 * its offset, line and column; input nested too deeply for the engine becomes `TRACE_DEPTH_LIMIT`.
 */
import { createDiagnostic, type Diagnostic, type Locale } from '@foodsafety/core';
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
const LINE_COLUMN = /line (\d+) column (\d+)/;

/** Parse JSON text; never throws. */
export function parseJsonText(text: string, locale: Locale = 'en'): JsonTextResult {
  try {
    return { ok: true, value: JSON.parse(text) };
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
    let position = text.length;
    const p = POSITION.exec(message);
    if (p !== null) position = Number(p[1]);
    const lc = LINE_COLUMN.exec(message);
    const where = lineAndColumn(text, position);
    const line = lc === null ? where.line : Number(lc[1]);
    const column = lc === null ? where.column : Number(lc[2]);
    if (p === null && lc !== null) {
      // compute the offset from line/column
      let offset = 0;
      for (let l = 1; l < line && offset >= 0; l++) offset = text.indexOf('\n', offset) + 1;
      position = offset + column - 1;
    }
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
