/**
 * Where JSON text stops being JSON, found by a small scanner of the RFC 8259 grammar. Used only
 * after `JSON.parse` has failed: the engine's messages do not always say where (V8's "Unexpected
 * token 'x', "…" is not valid JSON" has no position, and the wording differs between versions).
 * Iterative, so that deeply nested text cannot overflow the stack. Internal.
 */

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const ESCAPES = new Set([...'"\\/bfnrt'].map((c) => c.charCodeAt(0)));
const LITERALS = ['true', 'false', 'null'];
const VALUE = 0;
const NAME = 1;
const AFTER = 2;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/**
 * The offset of the first character at which `text` is not JSON (`text.length` when it ends too
 * early), or -1 when it is JSON.
 */
export function jsonErrorOffset(text: string): number {
  const n = text.length;
  // open containers: true for an object, false for an array
  const open: boolean[] = [];
  let i = 0;
  const skip = () => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  /** Reads a string at `i` (a quote); returns the error offset or -1. */
  const string = (): number => {
    i++;
    for (;;) {
      if (i >= n) return n;
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return -1;
      }
      if (c < 0x20) return i;
      if (c === 0x5c) {
        i++;
        if (i >= n) return n;
        const e = text.charCodeAt(i);
        if (e === 0x75) {
          for (let k = 1; k <= 4; k++) {
            if (i + k >= n) return n;
            if (!isHex(text.charCodeAt(i + k))) return i + k;
          }
          i += 5;
          continue;
        }
        if (!ESCAPES.has(e)) return i;
      }
      i++;
    }
  };
  /** Reads a number at `i`; returns the error offset or -1. */
  const number = (): number => {
    if (text.charCodeAt(i) === 0x2d) i++;
    if (i >= n) return n;
    if (text.charCodeAt(i) === 0x30) i++;
    else if (isDigit(text.charCodeAt(i))) while (i < n && isDigit(text.charCodeAt(i))) i++;
    else return i;
    if (text.charCodeAt(i) === 0x2e) {
      i++;
      if (i >= n) return n;
      if (!isDigit(text.charCodeAt(i))) return i;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === 0x2b || sign === 0x2d) i++;
      if (i >= n) return n;
      if (!isDigit(text.charCodeAt(i))) return i;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    }
    return -1;
  };
  /** Reads a string, number or literal at `i` (not a container); returns the error offset or -1. */
  const scalar = (): number => {
    const c = text.charCodeAt(i);
    if (c === 0x22) return string();
    if (c === 0x2d || isDigit(c)) return number();
    for (const word of LITERALS) {
      if (c !== word.charCodeAt(0)) continue;
      for (let k = 1; k < word.length; k++) {
        if (i + k >= n) return n;
        if (text.charCodeAt(i + k) !== word.charCodeAt(k)) return i + k;
      }
      i += word.length;
      return -1;
    }
    return i;
  };

  // what comes next: a value, a member name (then ':' and a value), or what follows a value
  let expect = VALUE;
  for (;;) {
    skip();
    if (expect !== AFTER) {
      if (i >= n) return n;
      const c = text.charCodeAt(i);
      if (expect === NAME) {
        if (c !== 0x22) return i;
        const bad = string();
        if (bad >= 0) return bad;
        skip();
        if (i >= n) return n;
        if (text.charCodeAt(i) !== 0x3a) return i;
        i++;
        expect = VALUE;
        continue;
      }
      if (c === 0x7b || c === 0x5b) {
        i++;
        skip();
        if (text.charCodeAt(i) === (c === 0x7b ? 0x7d : 0x5d)) {
          i++;
          expect = AFTER;
        } else {
          open.push(c === 0x7b);
          expect = c === 0x7b ? NAME : VALUE;
        }
        continue;
      }
      const bad = scalar();
      if (bad >= 0) return bad;
      expect = AFTER;
      continue;
    }
    if (open.length === 0) return i < n ? i : -1;
    if (i >= n) return n;
    const c = text.charCodeAt(i);
    const inObject = open[open.length - 1] as boolean;
    if (c === 0x2c) {
      i++;
      expect = inObject ? NAME : VALUE;
    } else if (c === (inObject ? 0x7d : 0x5d)) {
      open.pop();
      i++;
    } else return i;
  }
}
