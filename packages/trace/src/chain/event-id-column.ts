import { FirstSlots } from './first-slots.js';
import { Int32Vec, Uint8Vec } from './growable.js';
import { hashString32, SEED_A } from './string-hash.js';

const ID_NONE = 0;
/** A canonical lowercase `urn:uuid:` eventID: its four words only. */
const ID_UUID = 1;
const ID_TEXT = 2;
/**
 * A `urn:uuid:` eventID with capitals (`URN:UUID:`, hex digits `A`–`F`): the same eventID as its
 * lowercase form (RFC 4122 §3, RFC 8141), so compared on its four words, and kept as written too.
 */
const ID_UUID_CASED = 3;

const HEX = '0123456789abcdef';

/** The value of each byte as a lowercase hex digit, or -1. */
const HEX_VALUE = new Int8Array(256).fill(-1);
for (let d = 0; d < 16; d += 1) HEX_VALUE[HEX.charCodeAt(d)] = d;

/** A canonical `urn:uuid:` eventID's length, prefix and the places of its dashes. */
export const UUID_LENGTH = 45;
const UUID_PREFIX = new TextEncoder().encode('urn:uuid:');
const UUID_DASH_AT: readonly number[] = [17, 22, 27, 32];

// set negative by hexDigits when a byte it read is no lowercase hex digit (reset per eventID)
let hexBad = 0;

/** `word` followed by the `n` hex digits at `bytes[at…]` (an invalid digit sets `hexBad`). */
function hexDigits(bytes: Uint8Array, at: number, n: number, word: number): number {
  let w = word;
  let bad = 0;
  for (let i = at; i < at + n; i += 1) {
    const v = HEX_VALUE[bytes[i] as number] as number;
    bad |= v;
    w = (w << 4) | v;
  }
  hexBad |= bad;
  return w;
}

/**
 * Whether the {@link UUID_LENGTH} bytes at `start` are a canonical lowercase `urn:uuid:` eventID;
 * then its four words (eight hex digits each) are in `words`. The one reading of the layout: the
 * line reader calls it on a line's bytes (once per event: the digits are read a group at a time,
 * straight, not through a table of their places), the column on an eventID's characters.
 */
export function uuidWordsOfBytes(bytes: Uint8Array, start: number, words: Int32Array): boolean {
  for (let i = 0; i < UUID_PREFIX.length; i += 1) {
    if (bytes[start + i] !== UUID_PREFIX[i]) return false;
  }
  for (const at of UUID_DASH_AT) if (bytes[start + at] !== 45) return false;
  // 8-4-4-4-12 digits after the prefix: words of 8, 4 + 4, 4 + 4, 8
  hexBad = 0;
  const w0 = hexDigits(bytes, start + 9, 8, 0);
  const w1 = hexDigits(bytes, start + 23, 4, hexDigits(bytes, start + 18, 4, 0));
  const w2 = hexDigits(bytes, start + 33, 4, hexDigits(bytes, start + 28, 4, 0));
  const w3 = hexDigits(bytes, start + 37, 8, 0);
  if (hexBad < 0) return false;
  words[0] = w0;
  words[1] = w1;
  words[2] = w2;
  words[3] = w3;
  return true;
}

const HAS_CAPITAL = /[A-Z]/;

/** The bytes and words {@link eventIdKey} reads an eventID into. */
const keyBytes = new Uint8Array(UUID_LENGTH);
const keyWords = new Int32Array(4);

/**
 * Whether the {@link UUID_LENGTH} characters of `id` are a `urn:uuid:` eventID in any letter
 * case; then its four words are in `words`. `bytes` receives the characters, ASCII capitals in
 * lower case (a character above U+00FF as 0, which no UUID holds). Off the hot path: the canonical
 * lowercase form is read by {@link uuidWordsOfBytes} alone.
 */
function uuidWordsAnyCase(id: string, bytes: Uint8Array, words: Int32Array): boolean {
  for (let i = 0; i < UUID_LENGTH; i += 1) {
    const c = id.charCodeAt(i);
    bytes[i] = c > 0xff ? 0 : c >= 65 && c <= 90 ? c + 32 : c;
  }
  return uuidWordsOfBytes(bytes, 0, words);
}

/** `urn:uuid:` and the 8-4-4-4-12 lowercase hex digits of four words. */
function uuidText(a: number, b: number, c: number, d: number): string {
  const x = hex8(b);
  const y = hex8(c);
  return `urn:uuid:${hex8(a)}-${x.slice(0, 4)}-${x.slice(4)}-${y.slice(0, 4)}-${y.slice(4)}${hex8(d)}`;
}

/**
 * An eventID as eventIDs are compared: a `urn:uuid:` eventID in any letter case (scheme, NID
 * and hex digits are case-insensitive: RFC 8141, RFC 4122 §3) as its canonical lowercase form,
 * any other eventID as written.
 */
export function eventIdKey(id: string): string {
  // (one without capitals is its own key)
  if (id.length !== UUID_LENGTH || !HAS_CAPITAL.test(id)) return id;
  if (!uuidWordsAnyCase(id, keyBytes, keyWords)) return id;
  return uuidText(
    keyWords[0] as number,
    keyWords[1] as number,
    keyWords[2] as number,
    keyWords[3] as number,
  );
}

/** The duplicate table's fingerprint of a UUID eventID's four words. */
function uuidFingerprint(a: number, b: number, c: number, d: number): number {
  return a ^ Math.imul(b, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b) ^ Math.imul(d, 0xc2b2ae35);
}

function hex8(w: number): string {
  let out = '';
  for (let shift = 28; shift >= 0; shift -= 4) out += HEX[(w >>> shift) & 15];
  return out;
}

/**
 * The eventIDs of the events of a lot graph, kept compactly: a `urn:uuid:` eventID in canonical
 * lowercase form (what platforms and the CBV event hash tools write) is stored as four int32 words
 * and rebuilt exactly on demand, so an index over hundreds of thousands of events holds no
 * eventID strings; any other eventID is kept as written. Also answers "the first event with this
 * eventID" for the duplicate check in one pass over the text: a `urn:uuid:` eventID with capitals
 * is the same eventID as its lowercase form (compared on its words, shown as written; see
 * {@link eventIdKey}), any other eventID is compared as written. Internal to the chain module.
 */
export class EventIdColumn {
  private readonly kind = new Uint8Vec(4096);
  private readonly words = new Int32Vec(4096 * 4);
  private readonly text = new Map<number, string>();
  /** The first slot of each eventID (by a fingerprint of its words or text, confirmed by {@link same}). */
  private readonly firstSlots = new FirstSlots({ sameKey: (x, y) => this.same(x, y) }, 4096);

  /** Record the eventID of the next slot (slots are added in order). */
  push(id: unknown): void {
    if (typeof id !== 'string') {
      this.pushWords(ID_NONE, 0, 0, 0, 0);
      return;
    }
    const w = this.scratch;
    if (id.length === UUID_LENGTH) {
      if (uuidWordsOfBytes(this.idBytes(id), 0, w)) {
        this.pushWords(ID_UUID, w[0] as number, w[1] as number, w[2] as number, w[3] as number);
        return;
      }
      if (uuidWordsAnyCase(id, this.scratchBytes, w)) {
        this.text.set(this.kind.length, id);
        this.pushWords(
          ID_UUID_CASED,
          w[0] as number,
          w[1] as number,
          w[2] as number,
          w[3] as number,
        );
        return;
      }
    }
    this.text.set(this.kind.length, id);
    this.pushWords(ID_TEXT, 0, 0, 0, 0);
  }

  /** Forget the eventIDs of `slot` and the slots after it (an event that could not be read). */
  dropFrom(slot: number): void {
    if (this.kind.length <= slot) return;
    for (let i = slot; i < this.kind.length; i += 1) this.text.delete(i);
    this.kind.length = slot;
    this.words.length = slot * 4;
  }

  /** The words of the eventID {@link push} reads. */
  private readonly scratch = new Int32Array(4);
  private readonly scratchBytes = new Uint8Array(UUID_LENGTH);

  /**
   * The characters of an eventID of {@link UUID_LENGTH} characters as bytes (a character above
   * U+00FF as 0, which no canonical UUID holds).
   */
  private idBytes(id: string): Uint8Array {
    const bytes = this.scratchBytes;
    for (let i = 0; i < UUID_LENGTH; i += 1) {
      const c = id.charCodeAt(i);
      bytes[i] = c > 0xff ? 0 : c;
    }
    return bytes;
  }

  /**
   * Record the eventID of the next slot given as the four words of a canonical lowercase
   * `urn:uuid:` id (what {@link push} makes of its text).
   */
  pushUuid(a: number, b: number, c: number, d: number): void {
    this.pushWords(ID_UUID, a, b, c, d);
  }

  /**
   * Read the first slot the duplicate check will probe for a UUID eventID given as four words,
   * so that its cache miss overlaps with others (see `RawTable.touch`).
   */
  touchUuid(a: number, b: number, c: number, d: number): number {
    return this.firstSlots.touch(uuidFingerprint(a, b, c, d));
  }

  private pushWords(kind: number, a: number, b: number, c: number, d: number): void {
    const w = this.words;
    w.push(a);
    w.push(b);
    w.push(c);
    w.push(d);
    this.kind.push(kind);
  }

  /** Whether a slot has an eventID. */
  has(slot: number): boolean {
    return this.kind.data[slot] !== ID_NONE && slot < this.kind.length;
  }

  /** The eventID of a slot as written, or `undefined`. */
  get(slot: number): string | undefined {
    if (slot < 0 || slot >= this.kind.length) return undefined;
    const k = this.kind.data[slot];
    if (k === ID_TEXT || k === ID_UUID_CASED) return this.text.get(slot);
    if (k !== ID_UUID) return undefined;
    return this.uuidOf(slot);
  }

  /**
   * The eventID of a slot as eventIDs are compared ({@link eventIdKey}): a `urn:uuid:` eventID in
   * lowercase, whatever case it was written in; any other as written; or `undefined`.
   */
  key(slot: number): string | undefined {
    if (slot < 0 || slot >= this.kind.length) return undefined;
    const k = this.kind.data[slot];
    if (k === ID_TEXT) return this.text.get(slot);
    if (k === ID_NONE) return undefined;
    return this.uuidOf(slot);
  }

  /** The canonical lowercase text of a UUID slot's words. */
  private uuidOf(slot: number): string {
    const w = this.words.data;
    return uuidText(
      w[slot * 4] as number,
      w[slot * 4 + 1] as number,
      w[slot * 4 + 2] as number,
      w[slot * 4 + 3] as number,
    );
  }

  /** Whether two slots with eventIDs hold the same one (a UUID in any case on its words). */
  private same(x: number, y: number): boolean {
    const kx = this.kind.data[x];
    const ky = this.kind.data[y];
    if (kx === ID_TEXT || ky === ID_TEXT) {
      return kx === ky && this.text.get(x) === this.text.get(y);
    }
    const w = this.words.data;
    return (
      w[x * 4] === w[y * 4] &&
      w[x * 4 + 1] === w[y * 4 + 1] &&
      w[x * 4 + 2] === w[y * 4 + 2] &&
      w[x * 4 + 3] === w[y * 4 + 3]
    );
  }

  /**
   * The first earlier slot with the same eventID as `slot`, or -1 (then `slot` is recorded as
   * the first with its eventID). Slots without an eventID give -1.
   */
  firstWithSameId(slot: number): number {
    const k = this.kind.data[slot];
    if (k === ID_NONE || slot >= this.kind.length) return -1;
    // ID_UUID or ID_UUID_CASED: the same words whatever the case; other eventIDs as written
    const w = this.words.data;
    const fingerprint =
      k !== ID_TEXT
        ? uuidFingerprint(
            w[slot * 4] as number,
            w[slot * 4 + 1] as number,
            w[slot * 4 + 2] as number,
            w[slot * 4 + 3] as number,
          )
        : hashString32(this.text.get(slot) as string, SEED_A);
    return this.firstSlots.firstOrAdd(fingerprint, slot);
  }
}
