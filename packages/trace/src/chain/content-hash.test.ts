import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ContentKeyer,
  canonicalEventJson,
  eventContentHash,
  eventContentKey,
  eventContentKeyPair,
  hashString2,
  SECOND_SEED,
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
  it('write what JSON cannot hold, without throwing (input built in code)', () => {
    // JSON.stringify throws on a bigint; it is written as the number it is
    expect(canonicalEventJson({ type: 'ObjectEvent', 'ex:n': 12345678901234567890n })).toBe(
      '{"ex:n":12345678901234567890,"type":"ObjectEvent"}',
    );
    expect(canonicalEventJson({ a: Symbol('s'), b: undefined, c: Number.NaN })).toBe(
      '{"a":null,"c":null}',
    );
  });
  it('give up on nesting deeper than 64 levels instead of overflowing', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(eventContentKey(deep)).toBeUndefined();
    expect(canonicalEventJson(deep)).toBeUndefined();
  });
  it('give up on JavaScript input that shares objects, instead of walking 2^40 paths', () => {
    // JSON gives trees; code can hand over one object at many places
    let shared: unknown = { 'ex:v': 1 };
    for (let i = 0; i < 40; i += 1) shared = { 'ex:a': shared, 'ex:b': shared };
    const event = { type: 'ObjectEvent', action: 'ADD', epcList: ['urn:x'], 'ex:d': shared };
    expect(eventContentKey(event)).toBeUndefined();
    expect(canonicalEventJson(event)).toBeUndefined();
    // sharing that stays small is keyed as the tree it stands for
    const place = { id: 'urn:epc:id:sgln:4012345.00001.0' };
    expect(eventContentKey({ ...event, 'ex:d': 1, readPoint: place, bizLocation: place })).toBe(
      eventContentKey({ ...event, 'ex:d': 1, readPoint: { ...place }, bizLocation: { ...place } }),
    );
  }, 20_000);
});

describe('PairMap', () => {
  const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
  /** Entries (a, b, value) with `b` from a small range, so that pairs recur. */
  const entriesWithB = (maxB: number, maxLength?: number) =>
    fc.array(
      fc.tuple(int32, fc.integer({ min: -1, max: maxB }), fc.nat()),
      maxLength === undefined ? {} : { maxLength },
    );

  it('behaves like a Map of pairs', () => {
    fc.assert(
      fc.property(entriesWithB(50), (entries) => {
        const map = new PairMap(4);
        const reference = new Map<string, number>();
        for (const [a, b, v] of entries) {
          map.set(a, b, v);
          reference.set(`${a},${b}`, v);
        }
        expect(map.size).toBe(reference.size);
        for (const [a, b] of entries) expect(map.get(a, b)).toBe(reference.get(`${a},${b}`));
        expect(map.get(7, 99)).toBe(reference.get('7,99') ?? -1);
      }),
    );
  });
  it('getOrAdd keeps the first value of each pair, through growth', () => {
    fc.assert(
      fc.property(entriesWithB(3, 300), (entries) => {
        const map = new PairMap(2);
        const first = new Map<string, number>();
        for (const [a, b, v] of entries) {
          const key = `${a},${b}`;
          expect(map.getOrAdd(a, b, v)).toBe(first.get(key) ?? -1);
          if (!first.has(key)) first.set(key, v);
        }
        expect(map.size).toBe(first.size);
        for (const [a, b] of entries) expect(map.get(a, b)).toBe(first.get(`${a},${b}`));
      }),
    );
  });
});

describe('the two halves of a content key are independent', () => {
  it('the second hash is the hash that shifts after each multiply, from its seed shifted once (property)', () => {
    // so two strings collide in it exactly when they collide in that hash
    const shift = (h: number) => (h ^ (h >>> 15)) | 0;
    const shiftAfter = (text: string, seed: number) => {
      let v = shift(seed ^ SECOND_SEED);
      for (let i = 0; i < text.length; i += 1)
        v = shift(Math.imul(v ^ text.charCodeAt(i), 0x27d4eb2f));
      return v;
    };
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.integer(), (text, seed) => {
        expect(shift(hashString2(text, seed))).toBe(shiftAfter(text, seed));
      }),
    );
    expect(shift(hashString2('urn:epc:id:sgln:', 0))).toBe(shiftAfter('urn:epc:id:sgln:', 0));
  });
  it('two events whose only difference collides in the first half keep different keys and are not duplicates', async () => {
    const { createTraceIndex } = await import('./trace-index.js');
    const base = {
      type: 'ObjectEvent',
      action: 'OBSERVE',
      eventTime: '2017-06-01T08:00:00+08:00',
      eventTimeZoneOffset: '+08:00',
      bizStep: 'inspecting',
    };
    // Birthday search for two lot notes whose first halves are equal (a 32-bit collision:
    // 300 000 candidates give about ten such pairs).
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    let state = 12345;
    const letter = (): string => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return String.fromCharCode(97 + ((state >>> 16) % 26));
    };
    for (let i = 0; i < 300_000 && pair === undefined; i += 1) {
      let note = 'batch ';
      for (let c = 0; c < 12; c += 1) note += letter();
      const key = eventContentKeyPair({ ...base, 'ex:note': note });
      const a = key?.[0] as number;
      const earlier = seen.get(a);
      if (earlier !== undefined) pair = [earlier, note];
      else seen.set(a, note);
    }
    expect(pair).toBeDefined();
    const [x, y] = pair as [string, string];
    const kx = eventContentKeyPair({ ...base, 'ex:note': x });
    const ky = eventContentKeyPair({ ...base, 'ex:note': y });
    expect(kx?.[0]).toBe(ky?.[0]);
    expect(kx?.[1]).not.toBe(ky?.[1]);
    const index = createTraceIndex();
    const first = index.add({
      ...base,
      eventID: 'urn:uuid:00000000-0000-4000-8000-000000000001',
      'ex:note': x,
    });
    const second = index.add({
      ...base,
      eventID: 'urn:uuid:00000000-0000-4000-8000-000000000002',
      'ex:note': y,
    });
    expect([...first, ...second].map((d) => d.code)).not.toContain('TRACE_DUPLICATE_EVENT_CONTENT');
    // the same content again is still caught
    const third = index.add({
      ...base,
      eventID: 'urn:uuid:00000000-0000-4000-8000-000000000003',
      'ex:note': y,
    });
    expect(third.map((d) => d.code)).toContain('TRACE_DUPLICATE_EVENT_CONTENT');
  });
});
