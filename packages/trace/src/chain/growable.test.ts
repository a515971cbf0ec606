import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Float64Vec, Int32Vec, Uint8Vec } from './growable.js';

describe('growable typed arrays', () => {
  it('append past their capacity and keep every value', () => {
    const ints = new Int32Vec(16);
    const floats = new Float64Vec(16);
    const bytes = new Uint8Vec(16);
    for (let i = 0; i < 1000; i += 1) {
      expect(ints.push(1 - i)).toBe(i);
      floats.push(i / 4);
      bytes.push(i & 0xff);
    }
    expect(ints.length).toBe(1000);
    expect(Array.from(ints.data.subarray(0, 1000))).toEqual(
      Array.from({ length: 1000 }, (_, i) => 1 - i),
    );
    expect(floats.data[999]).toBe(999 / 4);
    expect(bytes.data[300]).toBe(300 & 0xff);
  });

  it('ensure fills exactly the new slots with the value, a few or many, growing or not (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: -5, max: 5 })), {
          maxLength: 30,
        }),
        (steps) => {
          const vec = new Int32Vec(16);
          const model: number[] = [];
          for (const [size, fill] of steps) {
            vec.ensure(size, fill);
            while (model.length < size) model.push(fill);
            expect(vec.length).toBe(model.length);
            // pushing after ensure goes after the filled slots
            vec.push(100 + size);
            model.push(100 + size);
          }
          expect(Array.from(vec.data.subarray(0, vec.length))).toEqual(model);
        },
      ),
    );
  });
});
