/**
 * The symbols of values a line reader recognised as ones it read before (see
 * `EventRecord.partyListTags`): source and destination lists, named by the reader's tag for the
 * value. The graph store keeps, per tag, the symbol and type
 * code of each identifier of the value, and adds a value met again from them, with no lookup per
 * identifier. Symbols are never taken back (a rolled-back event leaves its symbols), so a tag's
 * symbols stay right for as long as its namer names that value.
 *
 * Tags are numbers of one namer, counted up from 0; those of another namer are other values. The
 * memory stays bounded: past `maxTags` tags from the first one kept, or `maxWords` words of
 * symbols, or on another namer, it starts afresh from the tag being kept. Internal to the chain
 * module.
 */

import { Int32Vec } from './growable.js';

export class TaggedSymbols {
  private namer: object | undefined;
  /** The first tag of {@link at}. */
  private base = 0;
  /** Per tag from {@link base}, where its entry is in {@link pool} + 1 (0: not kept). */
  private readonly at = new Int32Vec(1024);
  /** The entries: the identifier count, then each identifier's symbol and type code. */
  private readonly pool = new Int32Vec(4096);

  constructor(
    private readonly maxTags = 1 << 20,
    private readonly maxWords = 1 << 20,
  ) {}

  /** Where the entry of tag `tag` of `namer` is (for {@link countAt} and the rest), or -1. */
  find(namer: object | undefined, tag: number): number {
    const k = tag - this.base;
    if (namer !== this.namer || namer === undefined || k < 0 || k >= this.at.length) return -1;
    return (this.at.data[k] as number) - 1;
  }

  /** The number of identifiers of the entry at `e`. */
  countAt(e: number): number {
    return this.pool.data[e] as number;
  }

  /** The symbol of identifier `i` of the entry at `e`. */
  symbolAt(e: number, i: number): number {
    return this.pool.data[e + 1 + i * 2] as number;
  }

  /** The type code of identifier `i` of the entry at `e`. */
  typeAt(e: number, i: number): number {
    return this.pool.data[e + 2 + i * 2] as number;
  }

  /**
   * Keep, for tag `tag` of `namer`, the `count` identifiers whose symbols and type codes are at
   * `from` in `symbols` and `types` (the store's source/destination columns). Nothing is kept
   * without a namer.
   */
  keep(
    namer: object | undefined,
    tag: number,
    symbols: Int32Array,
    types: Uint8Array,
    from: number,
    count: number,
  ): void {
    if (namer === undefined) return;
    let k = tag - this.base;
    if (
      namer !== this.namer ||
      k < 0 ||
      k >= this.maxTags ||
      this.pool.length + 1 + count * 2 > this.maxWords
    ) {
      this.namer = namer;
      this.base = tag;
      this.at.length = 0;
      this.pool.length = 0;
      k = 0;
    }
    this.at.ensure(k + 1, 0);
    const pool = this.pool;
    this.at.data[k] = pool.length + 1;
    pool.push(count);
    for (let i = from; i < from + count; i += 1) {
      pool.push(symbols[i] as number);
      pool.push(types[i] as number);
    }
  }
}
