import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ContentKeyer,
  canonicalEventJson,
  eventContentHash,
  eventContentKey,
  eventContentKeyPair,
} from './content-hash.js';
import { PairMap } from './pair-map.js';

describe('event content keys', () => {
  const event = {
    type: 'ObjectEvent',
    eventID: 'urn:uuid:1',
    recordTime: 'x',
    quantityList: [{ epcClass: 'a', quantity: 1 }],
    ilmd: { 'x:y': true },
  };
  it('ignore eventID, recordTime and member order, but not values or array order', () => {
    const reordered = {
      ilmd: { 'x:y': true },
      quantityList: [{ quantity: 1, epcClass: 'a' }],
      type: 'ObjectEvent',
    };
    expect(eventContentKey(reordered)).toBe(eventContentKey(event));
    expect(eventContentKey({ ...event, ilmd: { 'x:y': false } })).not.toBe(eventContentKey(event));
    expect(eventContentKey({ ...event, quantityList: [{ epcClass: 'a', quantity: 2 }] })).not.toBe(
      eventContentKey(event),
    );
    expect(eventContentKey({ a: [1, 2] })).not.toBe(eventContentKey({ a: [2, 1] }));
    expect(eventContentKey({ a: '1' })).not.toBe(eventContentKey({ a: 1 }));
    expect(canonicalEventJson(reordered)).toBe(canonicalEventJson(event));
    expect(eventContentHash(event)).toBe(eventContentKey(event)?.toString(36));
  });
  it('agree with the canonical JSON: equal canonical forms give equal keys', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = JSON.parse(JSON.stringify(value));
        expect(eventContentKey(copy)).toBe(eventContentKey(value));
      }),
    );
  });
  it('are computed alike by the reusable ContentKeyer (same values, cache never stale)', () => {
    const keyer = new ContentKeyer();
    const check = (value: unknown) => {
      const pair = eventContentKeyPair(value);
      expect(keyer.key(value)).toBe(pair !== undefined);
      if (pair !== undefined) expect([keyer.a, keyer.b]).toEqual(pair);
    };
    check(event);
    check({ ...event, ilmd: { 'x:z': true } });
    // same places, other member names: the name cache must not answer for the wrong name
    check({ b: 'x', a: 'y' });
    check({ a: 'x', b: 'y' });
    fc.assert(fc.property(fc.jsonValue(), fc.jsonValue(), (x, y) => check({ x, y }) ?? check(x)));
    // a string exactly at the depth limit and one level below it
    for (const levels of [63, 64, 65]) {
      let deep: unknown = 'leaf';
      for (let i = 0; i < levels; i += 1) deep = i % 2 === 0 ? [deep] : { k: deep };
      check(deep);
    }
  });
  it('are computed alike by the ContentKeyer when members are inherited (never counted)', () => {
    const keyer = new ContentKeyer();
    const same = (value: unknown) => {
      const pair = eventContentKeyPair(value);
      expect(keyer.key(value)).toBe(true);
      expect([keyer.a, keyer.b]).toEqual(pair);
    };
    // an enumerable member on a prototype of the event's own
    class Shaped {
      type = 'ObjectEvent';
    }
    Object.defineProperty(Shaped.prototype, 'inherited', { value: 'x', enumerable: true });
    same(new Shaped());
    keyer.key(new Shaped());
    const shaped = [keyer.a, keyer.b];
    keyer.key({ type: 'ObjectEvent' });
    expect([keyer.a, keyer.b]).toEqual(shaped);
    // and one added to Object.prototype itself (a polluted runtime)
    const parsed = JSON.parse('{"type":"ObjectEvent","readPoint":{"id":"urn:x"}}');
    keyer.key(parsed);
    const clean = [keyer.a, keyer.b];
    const proto = Object.prototype as Record<string, unknown>;
    Object.defineProperty(proto, 'polluted', {
      value: 1,
      enumerable: true,
      configurable: true,
      writable: true,
    });
    try {
      same(parsed);
      expect([keyer.a, keyer.b]).toEqual(clean);
    } finally {
      delete proto.polluted;
    }
  });
  it('give up on nesting deeper than 64 levels instead of overflowing', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(eventContentKey(deep)).toBeUndefined();
    expect(canonicalEventJson(deep)).toBeUndefined();
  });
});

describe('PairMap', () => {
  it('behaves like a Map of pairs', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
            fc.integer({ min: -1, max: 50 }),
            fc.nat(),
          ),
        ),
        (entries) => {
          const map = new PairMap(4);
          const reference = new Map<string, number>();
          for (const [a, b, v] of entries) {
            map.set(a, b, v);
            reference.set(`${a},${b}`, v);
          }
          expect(map.size).toBe(reference.size);
          for (const [a, b] of entries) expect(map.get(a, b)).toBe(reference.get(`${a},${b}`));
          expect(map.get(7, 99)).toBe(reference.get('7,99') ?? -1);
        },
      ),
    );
  });
});
