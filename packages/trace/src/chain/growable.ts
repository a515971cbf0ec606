/**
 * Growable typed arrays for the lot graph's columns: amortised O(1) append, no per-item objects.
 * Internal to the chain module. One implementation of growth; each subclass says which array it
 * holds and has its own copy of the short `push`, so that the type feedback of the most frequent
 * call of the index (dozens of appends per event) sees one kind of array, not three (a shared
 * `push` is polymorphic and is not inlined as well).
 */

type TypedArray = Int32Array | Float64Array | Uint8Array;

abstract class TypedVec<A extends TypedArray> {
  data: A;
  length = 0;
  constructor(capacity: number) {
    this.data = this.allocate(Math.max(16, capacity));
  }
  /** A new zero-filled array of `size` elements of this vector's kind. */
  protected abstract allocate(size: number): A;
  /** Append a value; returns its index. */
  abstract push(value: number): number;
  /** Ensure index `size - 1` exists, filling new slots with `fill`. */
  ensure(size: number, fill: number): void {
    if (size <= this.length) return;
    if (size > this.data.length) this.grow(size);
    // a few new slots (the index adds one or two per event): a loop, not a call into `fill`
    if (size - this.length <= 8) {
      const data = this.data;
      for (let i = this.length; i < size; i += 1) data[i] = fill;
    } else this.data.fill(fill, this.length, size);
    this.length = size;
  }
  protected grow(min: number): void {
    let capacity = this.data.length * 2;
    while (capacity < min) capacity *= 2;
    const next = this.allocate(capacity);
    (next as TypedArray).set(this.data.subarray(0, this.length) as ArrayLike<number>);
    this.data = next;
  }
}

/** A growable `Int32Array`. */
export class Int32Vec extends TypedVec<Int32Array> {
  constructor(capacity = 1024) {
    super(capacity);
  }
  protected allocate(size: number): Int32Array {
    return new Int32Array(size);
  }
  push(value: number): number {
    const at = this.length;
    if (at === this.data.length) this.grow(at + 1);
    this.data[at] = value;
    this.length = at + 1;
    return at;
  }
}

/** A growable `Float64Array`. */
export class Float64Vec extends TypedVec<Float64Array> {
  constructor(capacity = 1024) {
    super(capacity);
  }
  protected allocate(size: number): Float64Array {
    return new Float64Array(size);
  }
  push(value: number): number {
    const at = this.length;
    if (at === this.data.length) this.grow(at + 1);
    this.data[at] = value;
    this.length = at + 1;
    return at;
  }
}

/** A growable `Uint8Array`. */
export class Uint8Vec extends TypedVec<Uint8Array> {
  constructor(capacity = 1024) {
    super(capacity);
  }
  protected allocate(size: number): Uint8Array {
    return new Uint8Array(size);
  }
  push(value: number): number {
    const at = this.length;
    if (at === this.data.length) this.grow(at + 1);
    this.data[at] = value;
    this.length = at + 1;
    return at;
  }
}
