import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecentValues } from './recent-values.js';

describe('RecentValues', () => {
  it('gives -1 before anything is kept, also for undefined', () => {
    const recent = new RecentValues();
    expect(recent.find(undefined)).toBe(-1);
    expect(recent.find('a')).toBe(-1);
  });

  it('keeps the last four values, compared by value, the oldest going first', () => {
    const recent = new RecentValues();
    for (const [i, v] of ['a', 'b', undefined, 'd', 'e'].entries()) recent.keep(v, i);
    // 'a' went when 'e' came
    expect(recent.find('a')).toBe(-1);
    expect(recent.find(['b'].join(''))).toBe(1);
    expect(recent.find(undefined)).toBe(2);
    expect(recent.find('d')).toBe(3);
    expect(recent.find('e')).toBe(4);
  });

  it('agrees with the last four distinct values of a model (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', undefined)), (values) => {
        const recent = new RecentValues();
        // the model: what keep() was given, in order; a value found is not kept again
        const kept: [unknown, number][] = [];
        values.forEach((v, i) => {
          const last4 = kept.slice(-4);
          const hit = last4.filter(([k]) => k === v).pop();
          expect(recent.find(v)).toBe(hit === undefined ? -1 : hit[1]);
          if (hit === undefined) {
            recent.keep(v, i);
            kept.push([v, i]);
          }
        });
      }),
    );
  });
});
