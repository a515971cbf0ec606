import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RawTable } from './raw-table.js';
import { hashString32, SEED_A } from './string-hash.js';

describe('RawTable', () => {
  it('behaves like a Map of strings to non-negative ints (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.nat())), (entries) => {
        const table = new RawTable(2);
        const reference = new Map<string, number>();
        for (const [k, v] of entries) {
          table.set(k, v);
          reference.set(k, v);
        }
        expect(table.size).toBe(reference.size);
        for (const [k] of entries) expect(table.get(k)).toBe(reference.get(k));
        expect(table.get('not-a-key-of-length-20')).toBe(-1);
      }),
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
});
