import { describe, expect, it } from 'vitest';
import { SpanList } from '../chain/event-record.js';
import { ValueMemo, WINDOW, windowHash } from './value-memo.js';

const encoder = new TextEncoder();

/** A line's bytes as the reader holds them (a 0 after the line, stale bytes past it). */
function lineBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length + 64).fill(120);
  encoder.encodeInto(text, bytes);
  bytes[text.length] = 0;
  return bytes;
}

/** A value's items as the reader would push them: each `"…"` string's range. */
function itemsOf(text: string, from: number, to: number, list: SpanList): void {
  for (let i = text.indexOf('"', from); i >= 0 && i < to; ) {
    const end = text.indexOf('"', i + 1);
    const at = list.push(i + 1, end, end * 31, 1, 0);
    list.word[at] = text.slice(i + 1, end);
    i = text.indexOf('"', end + 1);
  }
}

/** Look the value at `from` up; on a miss keep it (as the reader does). Returns the entry or -1. */
function lookup(memo: ValueMemo, line: string, from: number, to: number, key = 17): number {
  const bytes = lineBytes(line);
  const e = memo.find(bytes, from, line.length, key);
  if (e < 0) {
    const list = new SpanList();
    itemsOf(line, from, to, list);
    memo.keep(bytes, from, to, key, 11, -22, list.length, list, 0);
  }
  return e;
}

describe('ValueMemo', () => {
  const value = '["a","bc"]';

  it('finds a value kept before and gives back what reading it gave, placed where it now is', () => {
    const memo = new ValueMemo(64, 4096);
    const first = `{"x":${value}}`;
    expect(lookup(memo, first, 5, 5 + value.length)).toBe(-1);
    const second = `{"yy":${value}}`;
    const e = memo.find(lineBytes(second), 6, second.length, 17);
    expect(e).toBeGreaterThanOrEqual(0);
    expect(memo.foundLength).toBe(value.length);
    expect([memo.sumAOf(e), memo.sumBOf(e), memo.leavesOf(e)]).toEqual([11, -22, 2]);
    const list = new SpanList();
    list.push(0, 1, 2, 0, 0); // an item already there stays first
    memo.replay(e, 6, list);
    expect(list.length).toBe(3);
    expect([list.start[1], list.end[1], list.start[2], list.end[2]]).toEqual([8, 9, 12, 14]);
    expect(second.slice(8, 9)).toBe('a');
    expect(second.slice(12, 14)).toBe('bc');
    // the hash kept (in the reader, the text's: the same wherever the value stands)
    expect([list.hash[1], list.field[1], list.pos[1], list.quantity[1]]).toEqual([8 * 31, 1, 0, 1]);
    expect(list.word.slice(1)).toEqual(['a', 'bc']);
  });

  it('gives the length of the longest value it keeps from the table slot (1024 bytes)', () => {
    const memo = new ValueMemo(64, 1 << 16);
    const long = `["${'a'.repeat(1020)}"]`;
    expect(long.length).toBe(1024);
    const line = `{"x":${long}}`;
    expect(lookup(memo, line, 5, 5 + long.length)).toBe(-1);
    const e = memo.find(lineBytes(line), 5, line.length, 17);
    expect(e).toBeGreaterThanOrEqual(0);
    expect(memo.foundLength).toBe(1024);
    // (the slot holds the entry's place in 21 bits: 8 MB of entries or more is refused)
    expect(() => new ValueMemo(64, 1 << 23)).toThrow(RangeError);
    expect(() => new ValueMemo(64, (1 << 23) - 8)).not.toThrow();
  });

  it('numbers the values it keeps, and a hit gives the number kept; numbers are never reused', () => {
    /** Look up, keeping on a miss: the serial of the hit, or what keep gave. */
    const serialOf = (memo: ValueMemo, line: string): number => {
      const bytes = lineBytes(line);
      const e = memo.find(bytes, 5, line.length, 17);
      if (e >= 0) return memo.serialOf(e);
      const list = new SpanList();
      itemsOf(line, 5, line.length - 1, list);
      return memo.keep(bytes, 5, line.length - 1, 17, 0, 0, 0, list, 0);
    };
    const lineOf = (i: number) => `{"x":["v${i}"]}`;
    // four entries, then the memo starts afresh
    const memo = new ValueMemo(4, 1 << 16);
    const namer = memo.namer;
    expect([0, 1, 2, 0, 1, 3].map((i) => serialOf(memo, lineOf(i)))).toEqual([0, 1, 2, 0, 1, 3]);
    // the fifth value empties the memo: it and the values kept again get new numbers
    expect([4, 0, 4, 0].map((i) => serialOf(memo, lineOf(i)))).toEqual([4, 5, 4, 5]);
    expect(memo.namer).toBe(namer);
    // a value not kept (too many items) has none
    const many = `{"x":[${Array.from({ length: 17 }, (_, i) => `"m${i}"`).join(',')}]}`;
    expect(serialOf(memo, many)).toBe(-1);
    // when the numbers run out they start again from 0, under a new namer, and the values
    // numbered before are gone
    const small = new ValueMemo(64, 1 << 16, 3);
    const first = small.namer;
    expect([0, 1, 2, 0].map((i) => serialOf(small, lineOf(i)))).toEqual([0, 1, 2, 0]);
    expect(serialOf(small, lineOf(3))).toBe(0);
    expect(small.namer).not.toBe(first);
    expect([3, 0, 1].map((i) => serialOf(small, lineOf(i)))).toEqual([0, 1, 2]);
  });

  it('is keyed by member: the same bytes under another member are not found', () => {
    const memo = new ValueMemo(64, 4096);
    const line = `{"x":${value}}`;
    lookup(memo, line, 5, 5 + value.length, 1);
    expect(memo.find(lineBytes(line), 5, line.length, 2)).toBe(-1);
    expect(memo.find(lineBytes(line), 5, line.length, 1)).toBeGreaterThanOrEqual(0);
  });

  it('confirms every byte of the value, not only the hashed window', () => {
    const memo = new ValueMemo(64, 1 << 16);
    const long = (tail: string) => `["${'p'.repeat(WINDOW + 40)}${tail}"]`;
    const a = `{"x":${long('A')}}`;
    const b = `{"x":${long('B')}}`;
    expect(lookup(memo, a, 5, a.length - 1)).toBe(-1);
    // the same first WINDOW bytes, another value: a miss, then kept beside the first
    expect(lookup(memo, b, 5, b.length - 1)).toBe(-1);
    expect(lookup(memo, a, 5, a.length - 1)).toBeGreaterThanOrEqual(0);
    expect(lookup(memo, b, 5, b.length - 1)).toBeGreaterThanOrEqual(0);
    // a line shorter than a kept value is no hit, even when the bytes past its end (left there
    // by a longer line before it) would complete the value
    expect(memo.find(lineBytes(a), 5, a.length - 3, 17)).toBe(-1);
  });

  it('reads a value again when what follows it in the window differs, never giving a wrong hit', () => {
    const memo = new ValueMemo(64, 4096);
    const one = `{"x":${value},"y":1}`;
    const two = `{"x":${value},"y":2}`;
    expect(lookup(memo, one, 5, 5 + value.length)).toBe(-1);
    expect(lookup(memo, two, 5, 5 + value.length)).toBe(-1);
    expect(lookup(memo, one, 5, 5 + value.length)).toBeGreaterThanOrEqual(0);
    expect(lookup(memo, two, 5, 5 + value.length)).toBeGreaterThanOrEqual(0);
  });

  it('keeps only a few values whose first bytes are alike, so a lookup stays short', () => {
    const memo = new ValueMemo(1024, 1 << 20);
    const prefix = `["${'q'.repeat(WINDOW)}`;
    const lines = Array.from({ length: 12 }, (_, i) => `{"x":${prefix}${i}"]}`);
    for (const line of lines) expect(lookup(memo, line, 5, line.length - 1)).toBe(-1);
    // only the first four were kept
    const found = lines.map((line) => memo.find(lineBytes(line), 5, line.length, 17) >= 0);
    expect(found).toEqual([true, true, true, true, ...Array(8).fill(false)]);
  });

  it('looks at no more than 32 slots, so values chosen to crowd the table cannot slow it', () => {
    // values whose hashes all start at slot 0 of the first table (512 slots), found by brute
    // force: the hash has no secret, so an attacker can do the same
    const crowd: string[] = [];
    for (let i = 0; crowd.length < 50; i += 1) {
      const line = `{"x":["c${i}"]}`;
      const bytes = lineBytes(line);
      const view = new DataView(bytes.buffer);
      if ((windowHash(view, 5, line.length - 5, 17) & 511) === 0) crowd.push(line);
    }
    const memo = new ValueMemo(1 << 15, 1 << 22);
    for (const line of crowd) lookup(memo, line, 5, line.length - 1);
    // the first 32 fill slots 0–31 and are found; the others are read each time, never kept
    const found = crowd.map((line) => memo.find(lineBytes(line), 5, line.length, 17) >= 0);
    expect(found).toEqual([...Array(32).fill(true), ...Array(18).fill(false)]);
  });

  it('starts afresh when full, by entries or by bytes, and keeps working', () => {
    const lineOf = (i: number) => `{"x":["v${i}"]}`;
    const byEntries = new ValueMemo(4, 1 << 16);
    for (let i = 0; i < 4; i += 1) lookup(byEntries, lineOf(i), 5, lineOf(i).length - 1);
    expect(lookup(byEntries, lineOf(0), 5, lineOf(0).length - 1)).toBeGreaterThanOrEqual(0);
    lookup(byEntries, lineOf(4), 5, lineOf(4).length - 1); // the fifth: afresh
    expect(byEntries.find(lineBytes(lineOf(0)), 5, lineOf(0).length, 17)).toBe(-1);
    expect(byEntries.find(lineBytes(lineOf(4)), 5, lineOf(4).length, 17)).toBeGreaterThanOrEqual(0);
    // an entry of one item and a 7-byte value takes 52 bytes (6 words of sums, 5 of its item,
    // 2 of its bytes)
    const byBytes = new ValueMemo(64, 120);
    lookup(byBytes, lineOf(10), 5, lineOf(10).length - 1); // 52 bytes
    lookup(byBytes, lineOf(11), 5, lineOf(11).length - 1); // 104
    expect(byBytes.find(lineBytes(lineOf(10)), 5, lineOf(10).length, 17)).toBeGreaterThanOrEqual(0);
    lookup(byBytes, lineOf(12), 5, lineOf(12).length - 1); // 156 > 120: afresh
    expect(byBytes.find(lineBytes(lineOf(10)), 5, lineOf(10).length, 17)).toBe(-1);
    expect(byBytes.find(lineBytes(lineOf(12)), 5, lineOf(12).length, 17)).toBeGreaterThanOrEqual(0);
  });

  it('grows from a small start to its bounds, keeping what it holds', () => {
    const memo = new ValueMemo(4096, 1 << 20);
    const lines = Array.from({ length: 3000 }, (_, i) => `{"x":["${'w'.repeat(i % 50)}${i}"]}`);
    for (const line of lines) lookup(memo, line, 5, line.length - 1);
    let hits = 0;
    for (const line of lines) if (memo.find(lineBytes(line), 5, line.length, 17) >= 0) hits += 1;
    expect(hits).toBe(3000);
  });

  it('pauses itself while values hardly recur, then looks again', () => {
    const memo = new ValueMemo(1 << 15, 1 << 22);
    // 4 096 different values: no hits in the first round, so the memo pauses
    for (let i = 0; i < 4096; i += 1) {
      const line = `{"x":["u${i}"]}`;
      lookup(memo, line, 5, line.length - 1);
    }
    const again = '{"x":["u1"]}';
    expect(memo.find(lineBytes(again), 5, again.length, 17)).toBe(-1); // paused, though kept
    // after the pause (16 rounds of lookups) it finds kept values again
    for (let i = 0; i < 16 * 4096 - 1; i += 1) memo.find(lineBytes(again), 5, again.length, 17);
    expect(memo.find(lineBytes(again), 5, again.length, 17)).toBeGreaterThanOrEqual(0);
  });

  it('does not keep a value after a lookup that did not miss, nor one too large', () => {
    const memo = new ValueMemo(64, 1 << 16);
    const line = `{"x":${value}}`;
    const bytes = lineBytes(line);
    const list = new SpanList();
    itemsOf(line, 5, 5 + value.length, list);
    // keep without a find before it: ignored
    memo.keep(bytes, 5, 5 + value.length, 17, 0, 0, 2, list, 0);
    expect(memo.find(bytes, 5, line.length, 17)).toBe(-1);
    const big = `{"x":["${'z'.repeat(2000)}"]}`;
    expect(lookup(memo, big, 5, big.length - 1)).toBe(-1);
    expect(memo.find(lineBytes(big), 5, big.length, 17)).toBe(-1);
    // nor one larger than the memory the memo may take
    const small = new ValueMemo(64, 40);
    expect(lookup(small, line, 5, 5 + value.length)).toBe(-1);
    expect(small.find(bytes, 5, line.length, 17)).toBe(-1);
  });

  it('refuses a size that is not a power of two', () => {
    expect(() => new ValueMemo(100, 1024)).toThrow(RangeError);
  });
});
