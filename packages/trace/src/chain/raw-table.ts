import type { EventRecord } from './event-record.js';
import { fmix32, SEED_A } from './string-hash.js';

/** Int32 elements per slot: the key's hash, value + 1 (0 when empty), its offset and length in the arena. */
const STRIDE = 4;

/**
 * `hashString32(key, SEED_A)`, the hash the table keys by, or NaN when a character of the key is
 * above U+00FF (such keys are not kept in the byte arena).
 */
function latin1Hash(key: string): number {
  let h = SEED_A | 0;
  let any = 0;
  for (let i = 0; i < key.length; i += 1) {
    const c = key.charCodeAt(i);
    any |= c;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return any > 0xff ? Number.NaN : fmix32(h);
}

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

  /** The value of a key, or -1. */
  get(key: string): number {
    const n = key.length;
    const h = latin1Hash(key);
    if (Number.isNaN(h)) return this.wide.get(key) ?? -1;
    const { slots, chars, mask } = this;
    let i = h & mask;
    for (;;) {
      const at = i * STRIDE;
      const stored = slots[at + 1] as number;
      if (stored === 0) return -1;
      if (slots[at] === h && slots[at + 3] === n) {
        const from = slots[at + 2] as number;
        let k = 0;
        while (k < n && chars[from + k] === key.charCodeAt(k)) k += 1;
        if (k === n) return (stored - 1) | 0;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * The value of the key written at a byte range of a record's text, or -1; `h` is the key's
   * `hashString32` with `SEED_A` (the record's reader computes it from the bytes).
   */
  getSpan(record: EventRecord, start: number, end: number, h: number): number {
    const { slots, chars, mask } = this;
    const bytes = record.bytes;
    const n = end - start;
    let i = h & mask;
    for (;;) {
      const at = i * STRIDE;
      const stored = slots[at + 1] as number;
      if (stored === 0) return -1;
      if (slots[at] === h && slots[at + 3] === n) {
        const from = (slots[at + 2] as number) - start;
        let k = start;
        while (k < end && chars[from + k] === bytes[k]) k += 1;
        if (k === end) return (stored - 1) | 0;
      }
      i = (i + 1) & mask;
    }
  }

  /** Store a value (≥ 0) for a key. */
  set(key: string, value: number): void {
    const n = key.length;
    const h = latin1Hash(key);
    if (Number.isNaN(h)) {
      if (!this.wide.has(key)) this.size += 1;
      this.wide.set(key, value);
      return;
    }
    // an existing key gets the new value
    const { slots, chars, mask } = this;
    for (let i = h & mask; slots[i * STRIDE + 1] !== 0; i = (i + 1) & mask) {
      const at = i * STRIDE;
      if (slots[at] !== h || slots[at + 3] !== n) continue;
      const from = slots[at + 2] as number;
      let k = 0;
      while (k < n && chars[from + k] === key.charCodeAt(k)) k += 1;
      if (k === n) {
        slots[at + 1] = value + 1; // 2^31 wraps to -2^31, still not 0
        return;
      }
    }
    const from = this.reserve(n);
    for (let i = 0; i < n; i += 1) this.chars[from + i] = key.charCodeAt(i);
    this.place(h, value + 1, from, n);
  }

  /**
   * Store a value (≥ 0) for the key at a byte range of a record's text, hashed `h` as in
   * {@link getSpan}, which has just found it absent.
   */
  addSpan(record: EventRecord, start: number, end: number, h: number, value: number): void {
    const from = this.reserve(end - start);
    this.chars.set(record.bytes.subarray(start, end), from);
    this.place(h, value + 1, from, end - start);
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
