/**
 * A bounded cache of short texts met at byte ranges of event lines (vocabulary words, units,
 * identifiers), each with a few validity bits computed once, so that a value repeated across
 * thousands of events is checked once. Keys are kept as bytes in one arena; a lookup takes the
 * range's hash from the caller (the reader hashes every string as it scans it) and compares bytes,
 * without making a string. When full it starts afresh (memory stays bounded whatever the input).
 * Internal to the EPCIS line reader.
 */

import type { EventRecord } from '../chain/event-record.js';
import { ByteViews, sameBytes } from '../chain/same-bytes.js';

/** See the module note. */
export class SpanCache {
  private table: Int32Array;
  private hashes: Int32Array;
  private mask: number;
  private arena: Uint8Array;
  private used = 0;
  /** Per entry: where its bytes are, which checks were made, which passed, its text if kept. */
  private at: Int32Array;
  private len: Int32Array;
  private known: Int32Array;
  private ok: Int32Array;
  private texts: (string | undefined)[] = [];
  /** The arena, and the key bytes last compared with it, as `DataView`s. */
  private readonly arenaView = new ByteViews();
  private readonly keyView = new ByteViews();
  private count = 0;

  /**
   * @param maxEntries entries kept before starting afresh
   * @param maxBytes bytes of keys kept before starting afresh
   */
  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {
    const cap = Math.min(1024, maxEntries);
    this.table = new Int32Array(cap * 2);
    this.hashes = new Int32Array(cap * 2);
    this.mask = cap * 2 - 1;
    this.arena = new Uint8Array(Math.min(maxBytes, 1 << 14));
    this.at = new Int32Array(cap);
    this.len = new Int32Array(cap);
    this.known = new Int32Array(cap);
    this.ok = new Int32Array(cap);
  }

  /** The entry of the text at a byte range (its hash `h`), added when new; -1 when too long. */
  entry(bytes: Uint8Array, start: number, end: number, h: number): number {
    const n = end - start;
    if (n > 4096) return -1;
    const { table, hashes, mask, arena, at, len } = this;
    let i = h & mask;
    for (;;) {
      const e = (table[i] as number) - 1;
      if (e < 0) break;
      if (
        hashes[i] === h &&
        len[e] === n &&
        sameBytes(this.arenaView.of(arena), at[e] as number, this.keyView.of(bytes), start, n)
      )
        return e;
      i = (i + 1) & mask;
    }
    return this.insert(bytes, start, end, h);
  }

  private insert(bytes: Uint8Array, start: number, end: number, h: number): number {
    const n = end - start;
    if (this.count >= this.maxEntries || this.used + n > this.maxBytes) this.clear();
    if (this.count + 1 > this.at.length) this.growEntries();
    if ((this.count + 1) * 2 > this.table.length) this.growTable();
    if (this.used + n > this.arena.length) {
      let size = this.arena.length * 2;
      while (size < this.used + n) size *= 2;
      const next = new Uint8Array(Math.min(size, this.maxBytes));
      next.set(this.arena.subarray(0, this.used));
      this.arena = next;
    }
    const e = this.count;
    this.count += 1;
    this.arena.set(bytes.subarray(start, end), this.used);
    this.at[e] = this.used;
    this.len[e] = n;
    this.known[e] = 0;
    this.ok[e] = 0;
    this.texts[e] = undefined;
    this.used += n;
    this.place(e, h);
    return e;
  }

  private place(e: number, h: number): void {
    const { table, hashes, mask } = this;
    let i = h & mask;
    while (table[i] !== 0) i = (i + 1) & mask;
    table[i] = e + 1;
    hashes[i] = h;
  }

  private growEntries(): void {
    const size = this.at.length * 2;
    for (const name of ['at', 'len', 'known', 'ok'] as const) {
      const next = new Int32Array(size);
      next.set(this[name]);
      this[name] = next;
    }
  }

  private growTable(): void {
    const { table, hashes } = this;
    const size = table.length * 2;
    this.table = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < table.length; i += 1) {
      const e = (table[i] as number) - 1;
      if (e >= 0) this.place(e, hashes[i] as number);
    }
  }

  /** Forget every entry. */
  clear(): void {
    this.table.fill(0);
    this.count = 0;
    this.used = 0;
    this.texts = [];
  }

  /** Whether check `bit` of an entry was made (then {@link passed} tells its outcome). */
  checked(e: number, bit: number): boolean {
    return ((this.known[e] as number) & bit) !== 0;
  }

  passed(e: number, bit: number): boolean {
    return ((this.ok[e] as number) & bit) !== 0;
  }

  /** Record the outcome of check `bit` of an entry; returns it. */
  record(e: number, bit: number, outcome: boolean): boolean {
    this.known[e] = (this.known[e] as number) | bit;
    if (outcome) this.ok[e] = (this.ok[e] as number) | bit;
    return outcome;
  }

  /** The entry's text (kept after the first call: one string per distinct word). */
  text(e: number, record: EventRecord, start: number, end: number): string {
    const known = this.texts[e];
    if (known !== undefined) return known;
    const text = record.copy(start, end);
    this.texts[e] = text;
    return text;
  }
}
