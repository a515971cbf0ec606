import type { EventRecord } from './event-record.js';
import { hashString32, SEED_A } from './string-hash.js';

/**
 * An open-addressing hash table from strings to non-negative int32 values, for identifiers as
 * written in events: hashed once in JS (cheaper than a `Map` lookup of a freshly parsed string,
 * which hashes it in the runtime and probes boxed entries), confirmed exactly on the stored text.
 * Internal to the chain module.
 */
export class RawTable {
  private hashes: Int32Array;
  private values: Int32Array;
  private keys: (string | undefined)[];
  private mask: number;
  /** Number of keys. */
  size = 0;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.hashes = new Int32Array(cap);
    this.values = new Int32Array(cap).fill(-1);
    this.keys = new Array<string | undefined>(cap).fill(undefined);
    this.mask = cap - 1;
  }

  /** The value of a key, or -1. */
  get(key: string): number {
    const h = hashString32(key, SEED_A);
    const { hashes, values, keys, mask } = this;
    let i = h & mask;
    for (;;) {
      const v = values[i] as number;
      if (v === -1) return -1;
      if (hashes[i] === h && keys[i] === key) return v;
      i = (i + 1) & mask;
    }
  }

  /**
   * The value of the key written at a byte range of a record's text, or -1; `h` is the key's
   * {@link hashString32} with {@link SEED_A} (the record's reader computes it from the bytes).
   */
  getSpan(record: EventRecord, start: number, end: number, h: number): number {
    const { hashes, values, keys, mask } = this;
    let i = h & mask;
    for (;;) {
      const v = values[i] as number;
      if (v === -1) return -1;
      if (hashes[i] === h && record.spanEquals(start, end, keys[i] as string)) return v;
      i = (i + 1) & mask;
    }
  }

  /** Store a value (≥ 0) for a key. */
  set(key: string, value: number): void {
    if ((this.size + 1) * 2 > this.values.length) this.grow();
    this.insert(hashString32(key, SEED_A), key, value);
  }

  private insert(h: number, key: string, value: number): void {
    const { hashes, values, keys, mask } = this;
    let i = h & mask;
    while (values[i] !== -1) {
      if (hashes[i] === h && keys[i] === key) {
        values[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    hashes[i] = h;
    values[i] = value;
    keys[i] = key;
    this.size += 1;
  }

  private grow(): void {
    const { hashes, values, keys } = this;
    const cap = values.length * 2;
    this.hashes = new Int32Array(cap);
    this.values = new Int32Array(cap).fill(-1);
    this.keys = new Array<string | undefined>(cap).fill(undefined);
    this.mask = cap - 1;
    this.size = 0;
    for (let i = 0; i < values.length; i += 1) {
      const v = values[i] as number;
      if (v !== -1) this.insert(hashes[i] as number, keys[i] as string, v);
    }
  }
}
