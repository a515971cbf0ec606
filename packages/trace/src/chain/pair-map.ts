/**
 * An open-addressing hash map from a pair of int32 keys to a non-negative int32 value,
 * stored in typed arrays: no per-entry objects, no heap numbers. Internal to the chain checks.
 */
export class PairMap {
  private keysA: Int32Array;
  private keysB: Int32Array;
  private values: Int32Array;
  private used: Uint8Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.keysA = new Int32Array(cap);
    this.keysB = new Int32Array(cap);
    this.values = new Int32Array(cap);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
  }

  private slot(a: number, b: number): number {
    let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
    h ^= h >>> 15;
    return h & this.mask;
  }

  /** The value stored for (a, b), or -1. */
  get(a: number, b: number): number {
    let i = this.slot(a, b);
    while (this.used[i] === 1) {
      if (this.keysA[i] === a && this.keysB[i] === b) return this.values[i] as number;
      i = (i + 1) & this.mask;
    }
    return -1;
  }

  /** Store a value (≥ 0) for (a, b). */
  set(a: number, b: number, value: number): void {
    if ((this.size + 1) * 2 > this.used.length) this.grow();
    let i = this.slot(a, b);
    while (this.used[i] === 1) {
      if (this.keysA[i] === a && this.keysB[i] === b) {
        this.values[i] = value;
        return;
      }
      i = (i + 1) & this.mask;
    }
    this.used[i] = 1;
    this.keysA[i] = a;
    this.keysB[i] = b;
    this.values[i] = value;
    this.size += 1;
  }

  private grow(): void {
    const { keysA, keysB, values, used } = this;
    const cap = used.length * 2;
    this.keysA = new Int32Array(cap);
    this.keysB = new Int32Array(cap);
    this.values = new Int32Array(cap);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
    this.size = 0;
    for (let i = 0; i < used.length; i += 1) {
      if (used[i] === 1) this.set(keysA[i] as number, keysB[i] as number, values[i] as number);
    }
  }
}
