/**
 * A bounded memo of whole member values of event lines — a source or destination list — and what
 * reading them gave: the content-key sums they added and the identifiers they hold (their byte
 * ranges relative to the value's start, hashes, directions and type words). On a B2B platform the
 * same trading partner's list recurs on every one of its shipments and receipts (in the bench
 * data, 12 105 lists make up 893 676 list values), so the reader compares a recurring value's
 * bytes with the memo instead of reading and checking it item by item.
 *
 * A value is found by a hash of its first bytes (up to {@link WINDOW}, or to the line's end), and
 * then confirmed on all of its bytes: the same bytes read the same way (the reader's checks depend
 * only on the value's text, the member it is under and the validator, which is fixed for one
 * reader), so a memo hit gives what reading would have given. The window may reach past the
 * value into what follows it; then a value followed by something else is a miss, read again and
 * kept again, never a wrong hit.
 *
 * An entry is one run of memory — its sizes and sums, the value's bytes, then its items — and its
 * table slot holds the hash beside the entry's place, so that a hit on a memo far larger than the
 * processor's caches waits for few, adjacent lines of memory.
 *
 * Each value kept gets a serial number, never reused (under one `namer`), which the reader hands
 * on as the value's tag: the index keeps what it derived from a tagged list by the tag.
 *
 * Memory stays bounded whatever the input: when full, the memo starts afresh. When hits are rare
 * (every list different), it pauses itself, so that unlike lists pay little for it. Internal to
 * the EPCIS line reader.
 */

import type { SpanList } from '../chain/event-record.js';
import { ByteViews, sameBytes } from '../chain/same-bytes.js';
import { fmix32 } from '../chain/string-hash.js';

/** Bytes of a value (and what follows it) hashed to find its entry. */
export const WINDOW = 128;
/** Values longer than this, or with more items, are not kept. */
const MAX_VALUE_BYTES = 1024;
const MAX_VALUE_ITEMS = 16;
/** Values kept with the same hash (their first bytes alike, mostly): more are read, not kept. */
const MAX_ALIKE = 4;
/**
 * Slots a lookup looks at. The hash has no secret, so values can be chosen to crowd one run of
 * slots; when this many are taken and none holds the value, it is read and not kept, and no
 * lookup walks further.
 */
const MAX_STEPS = 32;
/** Lookups per round of the hit-rate check, and the hits a round needs to keep the memo on. */
const ROUND = 4096;
const ROUND_MIN_HITS = ROUND >> 3;
/** Lookups skipped after a round with too few hits. */
const PAUSE = 16 * ROUND;
/**
 * A table slot's second word holds the entry's word offset + 1 in its low bits and the value's
 * length above them: a hit knows where the value ends from the slot alone, so that reading on
 * does not wait for the entry's memory (the processor goes on while its bytes are compared).
 */
const AT_BITS = 21;
const AT_MASK = (1 << AT_BITS) - 1;

// an entry's layout in int32 words from its start: its value's length, the member it is under,
// the content-key sums and leaves, the item count, its serial number, then the value's bytes
// (padded to a word), then each item. The bytes come straight after the words a lookup reads
// first, so that a hit waits for one run of memory, not for the header and then, further on, the
// bytes.
const E_LENGTH = 0;
const E_KEY = 1;
const E_SUM_A = 2;
const E_SUM_B = 3;
const E_LEAVES = 4;
const E_COUNT = 5;
const E_SERIAL = 6;
const E_VALUE = 7;
// an item's words: its range relative to the value's start, hash, field, and type word's number
const I_START = 0;
const I_END = 1;
const I_HASH = 2;
const I_FIELD = 3;
const I_WORD = 4;
const ITEM_WORDS = 5;

/** Where the items of the entry at word `e`, whose value is `size` bytes long, begin. */
function itemsOf(e: number, size: number): number {
  return e + E_VALUE + ((size + 3) >> 2);
}

/**
 * The hash that finds a value: of the `n` bytes at `from` (four at a time, then the rest one by
 * one) and the member `key`. Exported for tests.
 */
export function windowHash(view: DataView, from: number, n: number, key: number): number {
  let h = Math.imul(key + 1, 0x9e3779b1) ^ n;
  let k = 0;
  for (; k + 4 <= n; k += 4) {
    h = Math.imul(h ^ view.getInt32(from + k), 0xcc9e2d51);
    h = (h << 15) | (h >>> 17);
  }
  for (; k < n; k += 1) h = Math.imul(h ^ view.getUint8(from + k), 0x01000193);
  return fmix32(h);
}

/** See the module note. */
export class ValueMemo {
  /** Per slot: the hash, then the entry's word offset + 1 and the value's length (0: empty). */
  private table = new Int32Array(0);
  private mask = 0;
  /** The entries (see the layout above), as int32 words and as bytes of the same memory. */
  private words = new Int32Array(0);
  private bytes = new Uint8Array(0);
  private view = new DataView(new ArrayBuffer(0));
  /** Words in use. */
  private used = 0;
  private entries = 0;
  /** The items' type words, each once, by number. */
  private wordList: (string | undefined)[] = [];
  private readonly wordNumbers = new Map<string | undefined, number>();
  private readonly keyView = new ByteViews();
  /** Values kept so far, whether or not still here: the next one's serial number. */
  private kept = 0;
  /**
   * What the serial numbers are numbers of: replaced when they run out and start again from 0,
   * so that a serial and its namer never name two values.
   */
  namer: object = {};
  /** The length of the value the last hit of {@link find} found (read from its table slot). */
  foundLength = 0;
  // the last lookup: its hash, and whether a miss there may be kept
  private lastHash = 0;
  private lastKeep = false;
  // the hit-rate check
  private lookups = 0;
  private hits = 0;
  private paused = 0;

  /**
   * @param maxEntries values kept before starting afresh (a power of two)
   * @param maxBytes bytes of entries kept before starting afresh (the memory grows to it as
   *   values come)
   * @param serials serial numbers before they start again from 0 (see {@link namer}); for tests
   */
  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
    private readonly serials = 0x7fffffff,
  ) {
    if (!(maxEntries >= 1 && (maxEntries & (maxEntries - 1)) === 0))
      throw new RangeError('ValueMemo: maxEntries must be a power of two');
    if (!(maxBytes >> 2 < AT_MASK)) throw new RangeError('ValueMemo: maxBytes too large');
    this.growTable(Math.min(256, maxEntries) * 2);
    this.growWords(Math.min(1 << 12, maxBytes >> 2));
  }

  private growTable(slots: number): void {
    const old = this.table;
    this.table = new Int32Array(slots * 2);
    this.mask = slots - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] !== 0) this.place(old[i] as number, old[i + 1] as number);
    }
  }

  private growWords(size: number): void {
    const words = new Int32Array(size);
    words.set(this.words.subarray(0, this.used));
    this.words = words;
    this.bytes = new Uint8Array(words.buffer);
    this.view = new DataView(words.buffer);
  }

  private place(h: number, slot: number): void {
    const { table, mask } = this;
    let i = h & mask;
    while (table[i * 2 + 1] !== 0) i = (i + 1) & mask;
    table[i * 2] = h;
    table[i * 2 + 1] = slot;
  }

  /**
   * The entry of the value that starts at `from` in a line of `lineEnd` bytes under member `key`,
   * or -1 (then {@link keep} may keep what reading it gives).
   */
  find(bytes: Uint8Array, from: number, lineEnd: number, key: number): number {
    this.lastKeep = false;
    if (this.paused > 0) {
      this.paused -= 1;
      return -1;
    }
    this.lookups += 1;
    if (this.lookups === ROUND) {
      if (this.hits < ROUND_MIN_HITS) this.paused = PAUSE;
      this.lookups = 0;
      this.hits = 0;
    }
    const view = this.keyView.of(bytes);
    const rest = lineEnd - from;
    const h = windowHash(view, from, Math.min(rest, WINDOW), key);
    const { table, mask, words } = this;
    let alike = 0;
    for (let i = h & mask, steps = 1; ; i = (i + 1) & mask, steps += 1) {
      const slot = table[i * 2 + 1] as number;
      if (slot === 0) break;
      const e = (slot & AT_MASK) - 1;
      if (table[i * 2] === h && words[e + E_KEY] === key) {
        alike += 1;
        const size = slot >>> AT_BITS;
        if (size <= rest && sameBytes(this.view, (e + E_VALUE) * 4, view, from, size)) {
          this.hits += 1;
          this.foundLength = size;
          return e;
        }
      }
      if (steps === MAX_STEPS) return -1; // a crowded run of slots: read, and keep nothing
    }
    this.lastHash = h;
    // values that share their first bytes are kept a few at a time: a lookup compares each
    this.lastKeep = alike < MAX_ALIKE;
    return -1;
  }

  /**
   * After a miss of {@link find}: keep the value read at bytes [from, to) with the content-key
   * sums it added and its items (`list` from `first` on, ranges made relative to `from`). Returns
   * the entry's serial number (see {@link serialOf}), or -1 when it is not kept.
   */
  keep(
    bytes: Uint8Array,
    from: number,
    to: number,
    key: number,
    a: number,
    b: number,
    leaves: number,
    list: SpanList,
    first: number,
  ): number {
    if (!this.lastKeep) return -1;
    this.lastKeep = false;
    const size = to - from;
    const count = list.length - first;
    if (size > MAX_VALUE_BYTES || count > MAX_VALUE_ITEMS) return -1;
    const need = E_VALUE + ((size + 3) >> 2) + count * ITEM_WORDS;
    if (need * 4 > this.maxBytes) return -1;
    if (this.kept === this.serials) {
      // the serials start again from 0 under a new namer, and the entries numbered so far go
      this.clear();
      this.kept = 0;
      this.namer = {};
    }
    if (this.entries === this.maxEntries || (this.used + need) * 4 > this.maxBytes) this.clear();
    if (this.entries * 2 >= this.mask + 1) this.growTable((this.mask + 1) * 2);
    if (this.used + need > this.words.length) {
      let next = this.words.length * 2;
      while (next < this.used + need) next *= 2;
      this.growWords(Math.min(next, this.maxBytes >> 2));
    }
    const e = this.used;
    this.used += need;
    this.entries += 1;
    const words = this.words;
    words[e + E_LENGTH] = size;
    words[e + E_KEY] = key;
    words[e + E_SUM_A] = a;
    words[e + E_SUM_B] = b;
    words[e + E_LEAVES] = leaves;
    words[e + E_COUNT] = count;
    const serial = this.kept;
    this.kept = serial + 1;
    words[e + E_SERIAL] = serial;
    const items = itemsOf(e, size);
    for (let i = 0; i < count; i += 1) {
      const j = items + i * ITEM_WORDS;
      const at = first + i;
      words[j + I_START] = (list.start[at] as number) - from;
      words[j + I_END] = (list.end[at] as number) - from;
      words[j + I_HASH] = list.hash[at] as number;
      words[j + I_FIELD] = list.field[at] as number;
      words[j + I_WORD] = this.wordNumber(list.word[at]);
    }
    this.bytes.set(bytes.subarray(from, to), (e + E_VALUE) * 4);
    this.place(this.lastHash, (e + 1) | (size << AT_BITS));
    return serial;
  }

  private wordNumber(word: string | undefined): number {
    let n = this.wordNumbers.get(word);
    if (n === undefined) {
      n = this.wordList.length;
      this.wordList.push(word);
      this.wordNumbers.set(word, n);
    }
    return n;
  }

  /** The content-key sums the value adds (see the line reader): `a`, `b`, and its leaves. */
  sumAOf(e: number): number {
    return this.words[e + E_SUM_A] as number;
  }

  sumBOf(e: number): number {
    return this.words[e + E_SUM_B] as number;
  }

  leavesOf(e: number): number {
    return this.words[e + E_LEAVES] as number;
  }

  /**
   * The serial number of entry `e`: one per value kept, counting from 0 in the order they were
   * kept, not reused when the memo starts afresh. Under one {@link namer}, entries with the same
   * serial hold the same value under the same member, so the serial names their items.
   */
  serialOf(e: number): number {
    return this.words[e + E_SERIAL] as number;
  }

  /** Append the entry's items to `list`, their ranges placed at the value's start `from`. */
  replay(e: number, from: number, list: SpanList): void {
    const words = this.words;
    const items = itemsOf(e, words[e + E_LENGTH] as number);
    const end = items + (words[e + E_COUNT] as number) * ITEM_WORDS;
    for (let j = items; j < end; j += ITEM_WORDS) {
      const i = list.push(
        from + (words[j + I_START] as number),
        from + (words[j + I_END] as number),
        words[j + I_HASH] as number,
        words[j + I_FIELD] as number,
        0,
      );
      list.word[i] = this.wordList[words[j + I_WORD] as number];
    }
  }

  /** Forget every value. */
  clear(): void {
    this.table.fill(0);
    this.entries = 0;
    this.used = 0;
    this.wordList = [];
    this.wordNumbers.clear();
  }
}
