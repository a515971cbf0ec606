/**
 * Percent-decoding that never throws (a malformed escape is kept as written), and the encodings
 * used by EPC URNs and GS1 Digital Link URIs for the alphanumeric parts of identifiers.
 */

const ESCAPES = /(?:%[0-9A-Fa-f]{2})+/g;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decode `%XX` escapes; never throws. A run of escapes is read as UTF-8 (what the encoders here
 * and `encodeURIComponent` write for a character beyond ASCII, so that decoding what they wrote
 * gives the text back), or byte by byte as Latin-1 when it is not UTF-8. A malformed escape is
 * kept as written. (GS1 values are ASCII; other characters only occur in invalid identifiers.)
 */
export function percentDecode(text: string): string {
  if (text.indexOf('%') < 0) return text;
  return text.replace(ESCAPES, (run: string) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let i = 0; i < bytes.length; i += 1) {
      bytes[i] = Number.parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
    }
    try {
      return UTF8.decode(bytes);
    } catch {
      let latin1 = '';
      for (const b of bytes) latin1 += String.fromCharCode(b);
      return latin1;
    }
  });
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
          : ch.length === 1 && code >= 0xd800 && code <= 0xdfff
            ? '%EF%BF%BD' // a lone surrogate, which encodeURIComponent throws on: U+FFFD
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
