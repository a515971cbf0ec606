import { describe, expect, it } from 'vitest';
import { TaggedSymbols } from './tagged-symbols.js';

/** Keep an entry of `symbols` (types: symbol + 100) for a tag; returns whether it was kept. */
function keep(
  t: TaggedSymbols,
  namer: object | undefined,
  tag: number,
  symbols: number[],
): boolean {
  // (after two entries of other columns, as the store's columns hold other lists before it)
  const columns = [1, 2, ...symbols];
  t.keep(
    namer,
    tag,
    Int32Array.from(columns),
    Uint8Array.from(columns, (s) => s + 100),
    2,
    symbols.length,
  );
  return t.find(namer, tag) >= 0;
}

/** The symbols and types of a tag's entry, or undefined. */
function entry(t: TaggedSymbols, namer: object | undefined, tag: number) {
  const e = t.find(namer, tag);
  if (e < 0) return undefined;
  return Array.from({ length: t.countAt(e) }, (_, i) => [t.symbolAt(e, i), t.typeAt(e, i)]);
}

describe('TaggedSymbols', () => {
  it('gives back the symbols and types kept for a tag of the same namer, and nothing else', () => {
    const t = new TaggedSymbols();
    const a = {};
    expect(entry(t, a, 0)).toBeUndefined();
    expect(keep(t, a, 0, [7, 8])).toBe(true);
    expect(keep(t, a, 3, [9])).toBe(true);
    expect(keep(t, a, 4, [])).toBe(true);
    expect(entry(t, a, 0)).toEqual([
      [7, 107],
      [8, 108],
    ]);
    expect(entry(t, a, 3)).toEqual([[9, 109]]);
    expect(entry(t, a, 4)).toEqual([]);
    // tags between and after those kept, and another namer's tags, are not there
    expect([1, 2, 5, -1].map((tag) => entry(t, a, tag))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(entry(t, {}, 0)).toBeUndefined();
    // a record without a namer has no tags to keep
    expect(keep(t, undefined, 0, [1])).toBe(false);
    expect(entry(t, undefined, 0)).toBeUndefined();
  });

  it('starts afresh from the tag being kept on another namer, an older tag, or when full', () => {
    const a = {};
    const b = {};
    const t = new TaggedSymbols(8, 12);
    keep(t, a, 5, [1]);
    keep(t, a, 6, [2]);
    // another namer: a's tags go
    keep(t, b, 0, [3]);
    expect([entry(t, a, 5), entry(t, b, 0)]).toEqual([undefined, [[3, 103]]]);
    // back to a, at a tag before b's: b's go, a's are kept from 5 on
    keep(t, a, 5, [4]);
    expect([entry(t, b, 0), entry(t, a, 5)]).toEqual([undefined, [[4, 104]]]);
    // a tag 7 past the first one kept is kept beside it; one 8 past starts afresh from it
    keep(t, a, 12, [5]);
    expect([entry(t, a, 5), entry(t, a, 12)]).toEqual([[[4, 104]], [[5, 105]]]);
    keep(t, a, 13, [6]);
    keep(t, a, 14, [7]);
    expect([entry(t, a, 5), entry(t, a, 12), entry(t, a, 13), entry(t, a, 14)]).toEqual([
      undefined,
      undefined,
      [[6, 106]],
      [[7, 107]],
    ]);
    // more than 12 words: afresh (two entries of 3 words each, then one of 7)
    keep(t, a, 15, [8, 9, 10]);
    expect([entry(t, a, 13), entry(t, a, 14)]).toEqual([undefined, undefined]);
    expect(entry(t, a, 15)).toEqual([
      [8, 108],
      [9, 109],
      [10, 110],
    ]);
  });
});
