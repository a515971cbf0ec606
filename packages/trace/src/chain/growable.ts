/**
 * Growable typed arrays for the lot graph's columns: amortised O(1) append, no per-item objects.
 * Internal to the chain module.
 */

/** A growable `Int32Array`. */
export class Int32Vec {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(value: number): number {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length] = value;
    this.length += 1;
    return this.length - 1;
  }
  /** Ensure index `size - 1` exists, filling new slots with `fill`. */
  ensure(size: number, fill: number): void {
    if (size <= this.length) return;
    if (size > this.data.length) this.grow(size);
    this.data.fill(fill, this.length, size);
    this.length = size;
  }
  private grow(min: number): void {
    let capacity = this.data.length * 2;
    while (capacity < min) capacity *= 2;
    const next = new Int32Array(capacity);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
}

/** A growable `Float64Array`. */
export class Float64Vec {
  data: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Float64Array(Math.max(16, capacity));
  }
  push(value: number): number {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length] = value;
    this.length += 1;
    return this.length - 1;
  }
  ensure(size: number, fill: number): void {
    if (size <= this.length) return;
    if (size > this.data.length) this.grow(size);
    this.data.fill(fill, this.length, size);
    this.length = size;
  }
  private grow(min: number): void {
    let capacity = this.data.length * 2;
    while (capacity < min) capacity *= 2;
    const next = new Float64Array(capacity);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
}

/** A growable `Uint8Array`. */
export class Uint8Vec {
  data: Uint8Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint8Array(Math.max(16, capacity));
  }
  push(value: number): number {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length] = value;
    this.length += 1;
    return this.length - 1;
  }
  ensure(size: number, fill: number): void {
    if (size <= this.length) return;
    if (size > this.data.length) this.grow(size);
    this.data.fill(fill, this.length, size);
    this.length = size;
  }
  private grow(min: number): void {
    let capacity = this.data.length * 2;
    while (capacity < min) capacity *= 2;
    const next = new Uint8Array(capacity);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
}
