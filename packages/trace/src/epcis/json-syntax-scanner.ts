/**
 * The RFC 8259 grammar as a state machine that keeps its place between chunks, so that a stream
 * finds the first character that is not JSON — its offset, line and column in the whole text —
 * without holding the text; `jsonErrorOffset` runs it over a whole text at once. Internal.
 */

// what the scanner expects next
const VALUE = 0; // a value
const NAME = 1; // a member name (a string)
const COLON = 2; // the ':' after a member name
const AFTER = 3; // ',' or the container's end (or, at the top, only whitespace)
const OPENED = 4; // just after '{' or '[': the matching end, or the first member/element
const STRING = 5; // inside a string
const ESCAPE = 6; // after a backslash in a string
const UNICODE = 7; // in the four hex digits of a \u escape
const LITERAL = 8; // inside true, false or null
const NUMBER = 9; // inside a number (see the number states)
const DONE = 10; // an error was found

// the parts of a number
const N_SIGN = 0; // after '-': a digit must follow
const N_ZERO = 1; // after a leading 0
const N_INT = 2; // in the integer digits
const N_DOT = 3; // after '.': a digit must follow
const N_FRAC = 4; // in the fraction digits
const N_E = 5; // after 'e' or 'E': a sign or a digit
const N_E_SIGN = 6; // after the exponent's sign: a digit must follow
const N_EXP = 7; // in the exponent digits

const LITERALS = ['true', 'false', 'null'];

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

const ESCAPES = new Set([...'"\\/bfnrt'].map((c) => c.charCodeAt(0)));

/** Where a scan stopped: the offset of the first character that is not JSON, its line and column. */
export interface JsonSyntaxError {
  readonly offset: number;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** The character found there, or `undefined` at the end of the text. */
  readonly found: string | undefined;
}

/** See the module note. Feed the text chunk by chunk, then call {@link end}. */
export class JsonSyntaxScanner {
  /**
   * @param skipByteOrderMark skip a leading U+FEFF, as a stream's decoder and `parseJsonText` do
   *   (default); without it, it is the first character that is not JSON
   */
  constructor(private readonly skipByteOrderMark = true) {}

  /** The first fault, once found. */
  error: JsonSyntaxError | undefined;
  private state = VALUE;
  /** What the state was before a string, number or literal (NAME: a member name). */
  private outer = VALUE;
  private numberPart = N_SIGN;
  private literal = '';
  private literalAt = 0;
  private hexLeft = 0;
  /** Open containers: 1 for an object, 0 for an array. */
  private open: number[] = [];
  private offset = 0;
  private breaks = 0;
  private lastBreak = -1;

  /** Scan the next piece of the text. */
  feed(chunk: string): void {
    for (let i = 0; i < chunk.length && this.state !== DONE; i += 1) {
      const c = chunk.charCodeAt(i);
      if (this.offset === 0 && c === 0xfeff && this.skipByteOrderMark) {
        this.offset += 1;
        continue;
      }
      this.step(c);
      if (this.state === DONE) return;
      if (c === 0x0a) {
        this.breaks += 1;
        this.lastBreak = this.offset;
      }
      this.offset += 1;
    }
  }

  /** The text has ended: a value left unfinished is a fault at its end. */
  end(): void {
    if (this.state === DONE) return;
    if (this.state === NUMBER) {
      const complete =
        this.numberPart === N_ZERO ||
        this.numberPart === N_INT ||
        this.numberPart === N_FRAC ||
        this.numberPart === N_EXP;
      if (!complete) {
        this.fail(undefined);
        return;
      }
      this.state = AFTER;
    }
    if (this.state === AFTER && this.open.length === 0) return;
    this.fail(undefined);
  }

  private fail(c: number | undefined): void {
    this.error = {
      offset: this.offset,
      line: this.breaks + 1,
      column: this.offset - this.lastBreak,
      found: c === undefined ? undefined : String.fromCharCode(c),
    };
    this.state = DONE;
  }

  /** One character, in the current state (a number's end is read again as what follows it). */
  private step(c: number): void {
    switch (this.state) {
      case STRING:
        if (c === 0x22) this.state = this.outer === NAME ? COLON : AFTER;
        else if (c === 0x5c) this.state = ESCAPE;
        else if (c < 0x20) this.fail(c);
        return;
      case ESCAPE:
        if (c === 0x75) {
          this.hexLeft = 4;
          this.state = UNICODE;
        } else if (ESCAPES.has(c)) this.state = STRING;
        else this.fail(c);
        return;
      case UNICODE:
        if (!isHex(c)) {
          this.fail(c);
          return;
        }
        this.hexLeft -= 1;
        if (this.hexLeft === 0) this.state = STRING;
        return;
      case LITERAL:
        if (c !== this.literal.charCodeAt(this.literalAt)) {
          this.fail(c);
          return;
        }
        this.literalAt += 1;
        if (this.literalAt === this.literal.length) this.state = AFTER;
        return;
      case NUMBER:
        if (this.numberStep(c)) return;
        this.state = AFTER; // the number ended before c
        this.step(c);
        return;
      case OPENED: {
        if (isWhitespace(c)) return;
        const object = this.outer === 1;
        if (c === (object ? 0x7d : 0x5d)) {
          this.state = AFTER;
          return;
        }
        this.open.push(object ? 1 : 0);
        this.state = object ? NAME : VALUE;
        this.step(c);
        return;
      }
      case NAME:
        if (isWhitespace(c)) return;
        if (c !== 0x22) {
          this.fail(c);
          return;
        }
        this.outer = NAME;
        this.state = STRING;
        return;
      case COLON:
        if (isWhitespace(c)) return;
        if (c !== 0x3a) {
          this.fail(c);
          return;
        }
        this.state = VALUE;
        return;
      case VALUE:
        if (isWhitespace(c)) return;
        this.value(c);
        return;
      case AFTER: {
        if (isWhitespace(c)) return;
        const open = this.open;
        if (open.length === 0) {
          // text after the value
          this.fail(c);
          return;
        }
        const object = open[open.length - 1] === 1;
        if (c === 0x2c) this.state = object ? NAME : VALUE;
        else if (c === (object ? 0x7d : 0x5d)) open.pop();
        else this.fail(c);
        return;
      }
      default:
        return;
    }
  }

  /** The first character of a value. */
  private value(c: number): void {
    if (c === 0x7b || c === 0x5b) {
      this.outer = c === 0x7b ? 1 : 0;
      this.state = OPENED;
      return;
    }
    if (c === 0x22) {
      this.outer = VALUE;
      this.state = STRING;
      return;
    }
    if (c === 0x2d || isDigit(c)) {
      this.state = NUMBER;
      this.numberPart = c === 0x2d ? N_SIGN : c === 0x30 ? N_ZERO : N_INT;
      return;
    }
    for (const word of LITERALS) {
      if (c !== word.charCodeAt(0)) continue;
      this.literal = word;
      this.literalAt = 1;
      this.state = LITERAL;
      return;
    }
    this.fail(c);
  }

  /** Whether c continues the number (false: the number ended before it; a fault is recorded). */
  private numberStep(c: number): boolean {
    const digit = isDigit(c);
    switch (this.numberPart) {
      case N_SIGN:
        if (!digit) {
          this.fail(c);
          return true;
        }
        this.numberPart = c === 0x30 ? N_ZERO : N_INT;
        return true;
      case N_ZERO:
      case N_INT:
        if (digit && this.numberPart === N_INT) return true;
        if (c === 0x2e) this.numberPart = N_DOT;
        else if (c === 0x65 || c === 0x45) this.numberPart = N_E;
        else return false;
        return true;
      case N_DOT:
        if (!digit) this.fail(c);
        else this.numberPart = N_FRAC;
        return true;
      case N_FRAC:
        if (digit) return true;
        if (c === 0x65 || c === 0x45) {
          this.numberPart = N_E;
          return true;
        }
        return false;
      case N_E:
        if (c === 0x2b || c === 0x2d) this.numberPart = N_E_SIGN;
        else if (digit) this.numberPart = N_EXP;
        else this.fail(c);
        return true;
      case N_E_SIGN:
        if (!digit) this.fail(c);
        else this.numberPart = N_EXP;
        return true;
      default:
        return digit;
    }
  }
}
