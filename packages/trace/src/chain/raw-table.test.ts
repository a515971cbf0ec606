import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventRecord } from './event-record.js';
import { RawTable } from './raw-table.js';
import { hashString32, SEED_A } from './string-hash.js';

describe('RawTable', () => {
  it('behaves like a Map of strings to non-negative ints (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 6, unit: 'binary' }), fc.nat())),
        (entries) => {
          const table = new RawTable(2);
          const reference = new Map<string, number>();
          for (const [k, v] of entries) {
            table.set(k, v);
            reference.set(k, v);
          }
          expect(table.size).toBe(reference.size);
          for (const [k] of entries) expect(table.get(k)).toBe(reference.get(k));
          // a key kept in the arena reads back as itself (set returns -1 for the Map's keys)
          for (const [k, v] of entries) {
            const at = table.set(k, v);
            if (at >= 0) expect(table.textAt(at, k.length)).toBe(k);
            else expect([...k].some((c) => c.charCodeAt(0) > 0xff)).toBe(true);
          }
          expect(table.get('not-a-key-of-length-20')).toBe(-1);
        },
      ),
    );
  });

  it('keeps two different strings with the same 32-bit hash apart', () => {
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; pair === undefined; i += 1) {
      const s = `urn:epc:id:sgln:${i}`;
      const h = hashString32(s, SEED_A);
      const other = seen.get(h);
      if (other !== undefined) pair = [other, s];
      else seen.set(h, s);
    }
    const table = new RawTable();
    table.set(pair[0], 1);
    expect(table.get(pair[1])).toBe(-1);
    table.set(pair[1], 2);
    expect([table.get(pair[0]), table.get(pair[1]), table.size]).toEqual([1, 2, 2]);
  });

  it('keeps keys beyond U+00FF apart from their Latin-1 look-alikes', () => {
    const table = new RawTable();
    table.set('urn:\u0161', 1);
    table.set('urn:a', 2);
    table.set('urn:\u0161', 3);
    // U+0161 and 'a' (U+0061) share their low byte: a table keeping low bytes would mix them up
    expect([table.get('urn:\u0161'), table.get('urn:a'), table.size]).toEqual([3, 2, 2]);
    expect(new RawTable().get('urn:\u0161')).toBe(-1);
  });

  it('reads back Latin-1 keys exactly, C1 controls included (not as windows-1252)', () => {
    const table = new RawTable();
    const key = 'urn:x:\u0080\u0093\u009f\u00e9\u00ff';
    const at = table.set(key, 7);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(table.textAt(at, key.length)).toBe(key);
    expect(table.set('urn:\u0161', 1)).toBe(-1);
  });

  it('finds keys from a byte range of a record, and adds them from one', () => {
    const record = new EventRecord();
    const text = '"urn:epc:id:sgln:6931514.00001.0","urn:epc:id:sgln:6931514.00002.0"';
    record.reset(text);
    record.bytes = new TextEncoder().encode(text);
    const table = new RawTable(2);
    const first = [1, 32] as const;
    const second = [35, 66] as const;
    const h1 = hashString32(text.slice(...first), SEED_A);
    const h2 = hashString32(text.slice(...second), SEED_A);
    expect(table.getSpan(record, ...first, h1)).toBe(-1);
    table.set(text.slice(...first), 7);
    expect(table.getSpan(record, ...first, h1)).toBe(7);
    expect(table.getSpan(record, ...second, h2)).toBe(-1);
    // the same hash on other bytes is confirmed byte for byte, not trusted
    expect(table.getSpan(record, ...second, h1)).toBe(-1);
    table.addSpan(record, ...second, h2, 9);
    for (let i = 0; i < 50; i += 1) table.set(`urn:x:${i}`, i); // grows past the first arena and slots
    expect([table.get(text.slice(...second)), table.getSpan(record, ...first, h1)]).toEqual([9, 7]);
    expect(table.size).toBe(52);
  });

  it('confirms a match on every byte: a difference at any place of any length is seen', () => {
    const record = new EventRecord();
    for (let n = 1; n <= 13; n += 1) {
      const key = 'abcdefghijklm'.slice(0, n);
      const table = new RawTable();
      table.set(key, n);
      const h = hashString32(key, SEED_A);
      for (let j = 0; j < n; j += 1) {
        // the key's hash on bytes that differ at place j only: must not be taken for the key
        const other = `${key.slice(0, j)}Z${key.slice(j + 1)}`;
        const text = `[${other}|${key}]`; // at offset 1, then at n + 2: not four-byte aligned
        record.reset(text);
        record.bytes = new TextEncoder().encode(text);
        expect(table.getSpan(record, 1, 1 + n, h)).toBe(-1);
        expect(table.getSpan(record, n + 2, 2 * n + 2, h)).toBe(n);
      }
    }
  });

  it('touch reads inside the table for any hash, and changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 60 }),
        fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: 1 }),
        (keys, hashes) => {
          const table = new RawTable(2);
          for (const [i, k] of keys.entries()) table.set(k, i);
          for (const h of hashes) {
            const byte = table.touch(h);
            // an index outside the slots or the arena would read undefined
            expect(Number.isInteger(byte) && byte >= 0 && byte <= 255).toBe(true);
          }
          expect(table.touch(hashString32(keys[0] ?? '', SEED_A))).toBeGreaterThanOrEqual(0);
          for (const k of keys) expect(table.get(k)).toBe(keys.lastIndexOf(k));
        },
      ),
    );
  });
});
