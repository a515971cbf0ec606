import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstSlots } from './first-slots.js';

describe('FirstSlots', () => {
  it('gives the first slot of each key, with fingerprints that collide often (property against a Map)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 3000 }), (keys) => {
        // slot i holds keys[i]; the fingerprint keeps 3 bits of the key, so most keys share one
        const table = new FirstSlots({ sameKey: (x, y) => keys[x] === keys[y] }, 4);
        const model = new Map<number, number>();
        keys.forEach((key, slot) => {
          const first = model.get(key);
          expect(table.firstOrAdd(key & 7, slot)).toBe(first ?? -1);
          if (first === undefined) model.set(key, slot);
        });
      }),
      { numRuns: 50 },
    );
  });

  it('touch reads inside the table for any fingerprint, and changes nothing (property)', () => {
    const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    fc.assert(
      fc.property(
        fc.array(int32, { maxLength: 100 }),
        fc.array(int32, { minLength: 1 }),
        (keys, probes) => {
          // slots past the keys hold them again
          const at = (slot: number) => keys[slot % keys.length];
          const table = new FirstSlots({ sameKey: (x, y) => at(x) === at(y) }, 2);
          for (const [slot, key] of keys.entries()) table.firstOrAdd(key, slot);
          for (const p of probes) expect(Number.isInteger(table.touch(p))).toBe(true);
          // every key still finds its first slot
          keys.forEach((key, slot) => {
            const first = keys.indexOf(key);
            expect(table.firstOrAdd(key, keys.length + slot)).toBe(first);
          });
        },
      ),
    );
  });

  it('keeps every key through growth, and touch reads without changing anything', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => Math.imul(i, 0x9e3779b1) | 0);
    const table = new FirstSlots({ sameKey: (x, y) => keys[x] === keys[y] });
    keys.forEach((key, slot) => {
      table.touch(key);
      expect(table.firstOrAdd(key, slot)).toBe(-1);
    });
    // the same keys again, in later slots: each finds its first slot
    const again = keys.length;
    keys.push(...keys);
    for (let i = 0; i < again; i += 997)
      expect(table.firstOrAdd(keys[i] as number, again + i)).toBe(i);
  });
});
