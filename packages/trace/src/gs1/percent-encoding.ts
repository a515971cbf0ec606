/**
 * Percent-decoding that never throws (a malformed escape is kept as written), and the encodings
 * used by EPC URNs and GS1 Digital Link URIs for the alphanumeric parts of identifiers.
 */

const HEX = /%([0-9A-Fa-f]{2})/g;

/** Decode `%XX` escapes byte by byte as Latin-1/ASCII (GS1 values are ASCII); never throws. */
export function percentDecode(text: string): string {
  if (text.indexOf('%') < 0) return text;
  return text.replace(HEX, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

// Characters kept literally in GS1 Digital Link path segments; everything else is escaped.
const DL_SAFE = /[A-Za-z0-9\-._~';=]/;
// Characters kept literally in EPC URNs (TDS 2.x, Table A-1 minus '%' and '/').
const URN_SAFE = /[A-Za-z0-9\-._!'()*+,:;=]/;

function encodeWith(text: string, safe: RegExp): string {
  let out = '';
  for (const ch of text) {
    if (safe.test(ch)) out += ch;
    else {
      const code = ch.charCodeAt(0);
      out +=
        code < 0x80
          ? `%${code.toString(16).toUpperCase().padStart(2, '0')}`
          : encodeURIComponent(ch);
    }
  }
  return out;
}

/** Percent-encode a value for a GS1 Digital Link path segment (upper-case hex). */
export function digitalLinkEncode(value: string): string {
  return encodeWith(value, DL_SAFE);
}

/** Percent-encode a value for an EPC URN component. */
export function epcUriEncode(value: string): string {
  return encodeWith(value, URN_SAFE);
}
