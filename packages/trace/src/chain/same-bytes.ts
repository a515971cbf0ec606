/**
 * Byte-range equality four bytes at a time, for the tables that confirm a hash match on the
 * key's bytes (a `DataView` reads an unaligned int32 in one step; comparing an identifier of 30
 * bytes one `Uint8Array` element at a time took about three times as long). Internal.
 */

/** Whether the `n` bytes of `a` at `aFrom` equal the `n` bytes of `b` at `bFrom`. */
export function sameBytes(
  a: DataView,
  aFrom: number,
  b: DataView,
  bFrom: number,
  n: number,
): boolean {
  let k = 0;
  for (; k + 4 <= n; k += 4) if (a.getInt32(aFrom + k) !== b.getInt32(bFrom + k)) return false;
  for (; k < n; k += 1) if (a.getUint8(aFrom + k) !== b.getUint8(bFrom + k)) return false;
  return true;
}

/** A `DataView` of the last byte array asked for, made again only when the array changes. */
export class ByteViews {
  private bytes: Uint8Array | undefined;
  private view: DataView = new DataView(new ArrayBuffer(0));

  of(bytes: Uint8Array): DataView {
    if (bytes !== this.bytes) {
      this.bytes = bytes;
      this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    return this.view;
  }
}

/** Constant ASCII texts kept as bytes, to compare with byte ranges four bytes at a time. */
export class ByteTexts {
  private readonly view: DataView;
  private readonly at: Int32Array;
  private readonly length: Int32Array;

  /** The texts (ASCII), numbered by their place in `texts`. */
  constructor(texts: readonly string[]) {
    const joined = texts.join('');
    const bytes = new TextEncoder().encode(joined);
    if (bytes.length !== joined.length) throw new Error('ByteTexts holds ASCII texts only');
    this.view = new DataView(bytes.buffer);
    this.at = new Int32Array(texts.length);
    this.length = new Int32Array(texts.length);
    let at = 0;
    texts.forEach((text, i) => {
      this.at[i] = at;
      this.length[i] = text.length;
      at += text.length;
    });
  }

  /** Whether text `id` is exactly the bytes [start, end) that `view` shows. */
  equals(id: number, view: DataView, start: number, end: number): boolean {
    const n = end - start;
    return this.length[id] === n && sameBytes(this.view, this.at[id] as number, view, start, n);
  }

  /** The length of text `id`. */
  lengthOf(id: number): number {
    return this.length[id] as number;
  }
}
