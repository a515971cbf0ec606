import type { EventRecord } from './event-record.js';
import { ByteViews, sameBytes } from './same-bytes.js';
import { fmix32, SEED_A } from './string-hash.js';

/** Int32 elements per slot: the key's hash, value + 1 (0 when empty), its offset and length in the arena. */
const STRIDE = 4;

/**
 * An open-addressing hash table from strings to non-negative int32 values, for identifiers as
 * written in events: hashed once in JS (cheaper than a `Map` lookup of a freshly parsed string,
 * which hashes it in the runtime and probes boxed entries), confirmed exactly on the stored text.
 *
 * The keys' characters are kept in one byte arena, and each slot holds its hash, value and the
 * key's place in the arena side by side, so a lookup touches one slot and one run of bytes: no
 * string objects to follow, and a byte range of an event's text is compared byte for byte.
 * Keys with a character above U+00FF (never an identifier read from bytes) are kept in a `Map`.
 * Internal to the chain module.
 */
export class RawTable {
  private slots: Int32Array;
  private mask: number;
  private chars = new Uint8Array(4096);
  /** {@link chars}, and the key bytes last compared with them, as `DataView`s. */
  private readonly charsView = new ByteViews();
  private readonly keyView = new ByteViews();
  private used = 0;
  private readonly wide = new Map<string, number>();
  /** Number of keys. */
  size = 0;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.slots = new Int32Array(cap * STRIDE);
    this.mask = cap - 1;
  }

  /**
   * Read the first slot a key hashed `h` would probe and the first and last bytes of the key it
   * holds, and return a number made from them. Called for each of an event's keys before any of
   * them is looked up: these reads do not depend on one another, so the processor waits for
   * their cache misses together (on tables of hundreds of thousands of keys, nearly every lookup
   * misses), where the lookups one after another would wait for each in turn. The result only
   * keeps the reads from being optimised away.
   */
  touch(h: number): number {
    const at = (h & this.mask) * STRIDE;
    const from = this.slots[at + 2] as number;
    // the key's last byte too: a key of 30 to 50 bytes often runs into a second cache line
    const last = from + (this.slots[at + 3] as number) - 1;
    const chars = this.chars;
    return (chars[from] as number) ^ (chars[Math.max(last, 0)] as number);
  }

  /** The value of a key, or -1. */
  get(key: string): number {
    const h = this.toScratch(key);
    if (Number.isNaN(h)) return this.wide.get(key) ?? -1;
    const at = this.slotOf(this.scratch, 0, key.length, h);
    return at < 0 ? -1 : ((this.slots[at + 1] as number) - 1) | 0;
  }

  /**
   * The value of the key written at a byte range of a record's text, or -1; `h` is the key's
   * `hashString32` with `SEED_A` (the record's reader computes it from the bytes).
   */
  getSpan(record: EventRecord, start: number, end: number, h: number): number {
    const at = this.slotOf(record.bytes, start, end, h);
    return at < 0 ? -1 : ((this.slots[at + 1] as number) - 1) | 0;
  }

  /**
   * Store a value (≥ 0) for a key. Returns where the key's characters are in the arena (see
   * {@link textAt}), or -1 when the key is kept in the `Map` (a character above U+00FF).
   */
  set(key: string, value: number): number {
    const h = this.toScratch(key);
    if (Number.isNaN(h)) {
      if (!this.wide.has(key)) this.size += 1;
      this.wide.set(key, value);
      return -1;
    }
    const at = this.slotOf(this.scratch, 0, key.length, h);
    if (at < 0) return this.add(this.scratch, 0, key.length, h, value);
    this.slots[at + 1] = value + 1; // 2^31 wraps to -2^31, still not 0
    return this.slots[at + 2] as number;
  }

  /**
   * Store a value (≥ 0) for the key at a byte range of a record's text, hashed `h` as in
   * {@link getSpan}, which has just found it absent. Returns where its characters are in the arena.
   */
  addSpan(record: EventRecord, start: number, end: number, h: number, value: number): number {
    return this.add(record.bytes, start, end, h, value);
  }

  /** The key of `n` characters at arena offset `at` (as {@link set} or {@link addSpan} returned). */
  textAt(at: number, n: number): string {
    const chars = this.chars;
    let text = '';
    for (let i = at; i < at + n; i += 1) text += String.fromCharCode(chars[i] as number);
    return text;
  }

  /** A string key's characters, written as bytes in {@link scratch}. */
  private scratch = new Uint8Array(256);

  /**
   * Write a key's characters to {@link scratch} and return its hash (`hashString32` with
   * `SEED_A`), or NaN when a character is above U+00FF (such keys are not kept in the arena).
   */
  private toScratch(key: string): number {
    const n = key.length;
    if (n > this.scratch.length)
      this.scratch = new Uint8Array(Math.max(n, this.scratch.length * 2));
    const scratch = this.scratch;
    let h = SEED_A | 0;
    let any = 0;
    for (let i = 0; i < n; i += 1) {
      const c = key.charCodeAt(i);
      any |= c;
      scratch[i] = c;
      h = Math.imul(h ^ c, 0x01000193);
    }
    return any > 0xff ? Number.NaN : fmix32(h);
  }

  /** Where the slot of the key at `bytes[start, end)`, hashed `h`, begins in `slots`; or -1. */
  private slotOf(bytes: Uint8Array, start: number, end: number, h: number): number {
    const { slots, mask } = this;
    const n = end - start;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const at = i * STRIDE;
      if (slots[at + 1] === 0) return -1;
      if (slots[at] !== h || slots[at + 3] !== n) continue;
      const from = slots[at + 2] as number;
      if (sameBytes(this.charsView.of(this.chars), from, this.keyView.of(bytes), start, n))
        return at;
    }
  }

  /** Add a key absent from the table, from `bytes[start, end)` hashed `h`; returns its arena offset. */
  private add(bytes: Uint8Array, start: number, end: number, h: number, value: number): number {
    const from = this.reserve(end - start);
    this.chars.set(bytes.subarray(start, end), from);
    this.place(h, value + 1, from, end - start);
    return from;
  }

  /** Make room for one more key of `n` characters; returns where its characters go. */
  private reserve(n: number): number {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const from = this.used;
    if (from + n > this.chars.length) {
      const next = new Uint8Array(Math.max(this.chars.length * 2, from + n));
      next.set(this.chars.subarray(0, from));
      this.chars = next;
    }
    this.used = from + n;
    this.size += 1;
    return from;
  }

  /** Put a slot's four numbers in the first free slot of its probe sequence. */
  private place(h: number, stored: number, from: number, n: number): void {
    const { slots, mask } = this;
    let i = h & mask;
    while (slots[i * STRIDE + 1] !== 0) i = (i + 1) & mask;
    const at = i * STRIDE;
    slots[at] = h;
    slots[at + 1] = stored;
    slots[at + 2] = from;
    slots[at + 3] = n;
  }

  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    this.slots = new Int32Array(cap * STRIDE);
    this.mask = cap - 1;
    for (let at = 0; at < old.length; at += STRIDE) {
      const stored = old[at + 1] as number;
      if (stored !== 0)
        this.place(old[at] as number, stored, old[at + 2] as number, old[at + 3] as number);
    }
  }
}
