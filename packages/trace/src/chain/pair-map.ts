/** Int32 elements per slot: key a, key b, value + 1 (0 when the slot is empty), unused padding. */
const STRIDE = 4;

/**
 * An open-addressing hash map from a pair of int32 keys to a non-negative int32 value, stored in
 * one typed array with each slot's keys and value side by side (a probe touches one cache line):
 * no per-entry objects, no heap numbers. Internal to the chain checks.
 *
 * A key's first slot is given by the top bits of its hash, so doubling the table sends the
 * entries of old slot i to new slots 2i and 2i + 1: growth writes the new table in order, not
 * at random (which, for the 16 MB tables of half a million events, was a cache miss per entry).
 */
export class PairMap {
  private slots: Int32Array;
  private mask: number;
  /** 32 − log2(slots): the hash's top bits give the first slot. */
  private shift: number;
  size = 0;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.slots = new Int32Array(cap * STRIDE);
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
  }

  private slot(a: number, b: number): number {
    const h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
    return (h >>> this.shift) & this.mask; // the mask only keeps the index a small integer for the JIT
  }

  /** Where (a, b)'s slot begins in `slots`: its own, or the empty one it would take. */
  private find(a: number, b: number): number {
    const { slots, mask } = this;
    for (let i = this.slot(a, b); ; i = (i + 1) & mask) {
      const at = i * STRIDE;
      if (slots[at + 2] === 0 || (slots[at] === a && slots[at + 1] === b)) return at;
    }
  }

  /** Take the empty slot at `at` for (a, b) with `value`. */
  private take(at: number, a: number, b: number, value: number): void {
    const slots = this.slots;
    slots[at] = a;
    slots[at + 1] = b;
    slots[at + 2] = value + 1; // 2^31 wraps to -2^31, still not 0
    this.size += 1;
  }

  /** The value stored for (a, b), or -1. */
  get(a: number, b: number): number {
    const stored = this.slots[this.find(a, b) + 2] as number;
    return stored === 0 ? -1 : (stored - 1) | 0;
  }

  /**
   * The value stored for (a, b); when there is none, store `value` (≥ 0) for it and return -1.
   * One probe where `get` then `set` take two.
   */
  getOrAdd(a: number, b: number, value: number): number {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const at = this.find(a, b);
    const stored = this.slots[at + 2] as number;
    if (stored !== 0) return (stored - 1) | 0;
    this.take(at, a, b, value);
    return -1;
  }

  /** Store a value (≥ 0) for (a, b). */
  set(a: number, b: number, value: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const at = this.find(a, b);
    if (this.slots[at + 2] === 0) this.take(at, a, b, value);
    else this.slots[at + 2] = value + 1; // 2^31 wraps to -2^31, still not 0
  }

  /** Double the slots; the entries are all different, so each goes to the free slot `find` gives. */
  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    const slots = new Int32Array(cap * STRIDE);
    this.slots = slots;
    this.mask = cap - 1;
    this.shift -= 1;
    for (let from = 0; from < old.length; from += STRIDE) {
      const stored = old[from + 2] as number;
      if (stored === 0) continue;
      const a = old[from] as number;
      const b = old[from + 1] as number;
      const at = this.find(a, b);
      slots[at] = a;
      slots[at + 1] = b;
      slots[at + 2] = stored;
    }
  }
}
