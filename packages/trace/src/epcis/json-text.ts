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

/**
 * Where a text begins in a larger one (a stream, a document): the offset, the 1-based line and
 * the 1-based column of its first character there.
 */
export interface TextOrigin {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** The start of a text that stands alone. */
const START: TextOrigin = { offset: 0, line: 1, column: 1 };

/** Where `position` of `text` is in the larger text `text` begins at `origin`. */
function placeIn(
  text: string,
  position: number,
  origin: TextOrigin,
): { position: number; line: number; column: number } {
  const at = lineAndColumn(text, position);
  return {
    position: origin.offset + position,
    line: origin.line + at.line - 1,
    column: at.line === 1 ? origin.column + at.column - 1 : at.column,
  };
}

/**
 * Parse JSON text; never throws. A syntax error's offset, line and column are counted from
 * `origin` (the place of the text's first character in the larger text it was cut from).
 */
export function parseJsonText(
  text: string,
  locale: Locale = 'en',
  origin: TextOrigin = START,
): JsonTextResult {
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
    const offset = jsonErrorOffset(body);
    const found = offset < 0 ? offset : offset + bom;
    const p = POSITION.exec(message);
    const position = found >= 0 ? found : p !== null ? Number(p[1]) + bom : text.length;
    return {
      ok: false,
      diagnostic: createDiagnostic(
        epcisMessages.TRACE_JSON_SYNTAX,
        { ...placeIn(text, position, origin), detail: message.slice(0, 200) },
        { path: [], locale },
      ),
    };
  }
}

/**
 * A `TRACE_JSON_SYNTAX` finding of `text` moved to the larger text `text` begins at `origin` in
 * (a JSON Lines line in its stream); any other finding is returned as it is.
 */
export function relocateSyntaxError(
  diagnostic: Diagnostic,
  text: string,
  origin: TextOrigin,
  locale: Locale = 'en',
): Diagnostic {
  const params = diagnostic.params;
  const position = params?.position;
  if (diagnostic.code !== 'TRACE_JSON_SYNTAX' || typeof position !== 'number') return diagnostic;
  return createDiagnostic(
    epcisMessages.TRACE_JSON_SYNTAX,
    {
      ...placeIn(text, position, origin),
      detail: typeof params?.detail === 'string' ? params.detail : '',
    },
    {
      path: diagnostic.path ?? [],
      locale,
      severity: diagnostic.severity,
      ...(diagnostic.source === undefined ? {} : { source: diagnostic.source }),
    },
  );
}
