/** Int32 elements per entry: the key's fingerprint, and its slot + 1 (0 when the entry is empty). */
const STRIDE = 2;

/** How a {@link FirstSlots} tells two slots' keys apart when their fingerprints agree. */
export interface SlotKeys {
  /** Whether slot `earlier` holds the same key as slot `slot`. */
  sameKey(earlier: number, slot: number): boolean;
}

/**
 * The first slot of each key, for the duplicate checks over hundreds of thousands of events: an
 * open-addressing table of 32-bit fingerprints and slots, 8 bytes an entry (a `PairMap` holding
 * both halves of a key beside the slot took 16, and every event looks the table up at random,
 * so its size is what the lookup waits on). The keys stay in the caller's columns: when two
 * fingerprints agree the caller confirms on them, and different keys with one fingerprint each
 * keep an entry of their own. Internal to the chain module.
 *
 * As in `PairMap`, a fingerprint's first entry is given by the top bits of its mixed value, so
 * doubling the table moves the entries of old entry i to new entries 2i and 2i + 1, in order.
 */
export class FirstSlots {
  private entries: Int32Array;
  private mask: number;
  /** 32 − log2(entries): the mixed fingerprint's top bits give the first entry. */
  private shift: number;
  private size = 0;

  constructor(
    private readonly keys: SlotKeys,
    capacity = 1024,
  ) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.entries = new Int32Array(cap * STRIDE);
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
  }

  private first(fingerprint: number): number {
    // (the mask only keeps the index a small integer for the JIT)
    return (Math.imul(fingerprint ^ 0x7f4a7c15, 0x9e3779b1) >>> this.shift) & this.mask;
  }

  /** Read a fingerprint's first entry, so that its cache miss overlaps with others (see `RawTable.touch`). */
  touch(fingerprint: number): number {
    return this.entries[this.first(fingerprint) * STRIDE] as number;
  }

  /**
   * The first earlier slot whose key is `slot`'s (fingerprint `fingerprint`, confirmed by
   * {@link SlotKeys.sameKey}), or -1 after recording `slot` as the first of its key.
   */
  firstOrAdd(fingerprint: number, slot: number): number {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const { entries, mask } = this;
    for (let i = this.first(fingerprint); ; i = (i + 1) & mask) {
      const at = i * STRIDE;
      const stored = entries[at + 1] as number;
      if (stored === 0) {
        entries[at] = fingerprint;
        entries[at + 1] = slot + 1;
        this.size += 1;
        return -1;
      }
      if (entries[at] === fingerprint && this.keys.sameKey(stored - 1, slot)) return stored - 1;
    }
  }

  /** Double the entries; each goes to the first free entry of its probe sequence. */
  private grow(): void {
    const old = this.entries;
    const cap = (this.mask + 1) * 2;
    const entries = new Int32Array(cap * STRIDE);
    this.entries = entries;
    this.mask = cap - 1;
    this.shift -= 1;
    for (let from = 0; from < old.length; from += STRIDE) {
      const stored = old[from + 1] as number;
      if (stored === 0) continue;
      const fingerprint = old[from] as number;
      let i = this.first(fingerprint);
      while (entries[i * STRIDE + 1] !== 0) i = (i + 1) & (cap - 1);
      entries[i * STRIDE] = fingerprint;
      entries[i * STRIDE + 1] = stored;
    }
  }
}
