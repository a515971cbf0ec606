import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventIdColumn, eventIdKey, uuidWordsOfBytes } from './event-id-column.js';

const UUID = 'urn:uuid:8b792e84-b305-4cd5-8fe8-4914d47db621';

describe('EventIdColumn', () => {
  it('rebuilds canonical uuid eventIDs and keeps every other eventID as written', () => {
    const col = new EventIdColumn();
    const ids = [
      UUID,
      'urn:uuid:8B792E84-B305-4CD5-8FE8-4914D47DB621', // upper case: shown as written
      'urn:uuid:8b792e84b3054cd58fe84914d47db621xxxxx', // 45 chars, no dashes
      // U+0161 (low byte 0x61, 'a'): not a hex digit, kept as text
      'urn:uuid:8b792e84-b305-4cd5-8fe8-4914d47db62\u0161',
      'urn:uuid:ffffffff-ffff-ffff-ffff-ffffffffffff',
      'urn:uuid:00000000-0000-0000-0000-000000000000',
      'ni:///sha-256;abc?ver=CBV2.0',
      undefined,
      42,
      '',
    ];
    for (const id of ids) col.push(id);
    expect(ids.map((_, slot) => col.get(slot))).toEqual([
      UUID,
      'urn:uuid:8B792E84-B305-4CD5-8FE8-4914D47DB621',
      'urn:uuid:8b792e84b3054cd58fe84914d47db621xxxxx',
      'urn:uuid:8b792e84-b305-4cd5-8fe8-4914d47db62\u0161',
      'urn:uuid:ffffffff-ffff-ffff-ffff-ffffffffffff',
      'urn:uuid:00000000-0000-0000-0000-000000000000',
      'ni:///sha-256;abc?ver=CBV2.0',
      undefined,
      undefined,
      '',
    ]);
    expect(col.get(-1)).toBeUndefined();
    expect(col.get(99)).toBeUndefined();
  });

  it('finds the first slot with the same eventID: a urn:uuid in any case is one, others exactly', () => {
    const col = new EventIdColumn();
    const ids = [
      UUID,
      UUID.toUpperCase(),
      'a',
      UUID,
      undefined,
      'a',
      undefined,
      UUID.toUpperCase(),
      'A',
      'URN:uuid:8b792e84-B305-4cd5-8fe8-4914d47db621',
    ];
    const firsts: number[] = [];
    ids.forEach((id, slot) => {
      col.push(id);
      firsts.push(col.firstWithSameId(slot));
    });
    // the capitals are the same UUID as the lowercase (RFC 4122 §3, RFC 8141); 'A' is not 'a'
    expect(firsts).toEqual([-1, 0, -1, 0, -1, 2, -1, 0, -1, 0]);
    expect(ids.map((_, slot) => col.get(slot))).toEqual(
      ids.map((id) => (typeof id === 'string' ? id : undefined)),
    );
    expect(ids.map((_, slot) => col.key(slot))).toEqual(
      ids.map((id) => (typeof id === 'string' ? eventIdKey(id) : undefined)),
    );
    expect(col.key(1)).toBe(UUID);
    expect(col.key(8)).toBe('A');
  });

  it('round-trips any lowercase uuid and agrees with a Map on duplicates (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.uuid().map((u) => `urn:uuid:${u}`),
            fc.constantFrom('x', 'y'),
          ),
          {
            maxLength: 40,
          },
        ),
        (raw) => {
          // repeat some ids to create duplicates
          const ids = [...raw, ...raw.slice(0, raw.length >> 1)];
          const col = new EventIdColumn();
          const seen = new Map<string, number>();
          ids.forEach((id, slot) => {
            col.push(id);
            expect(col.get(slot)).toBe(id);
            const expected = seen.get(id) ?? -1;
            if (expected === -1) seen.set(id, slot);
            expect(col.firstWithSameId(slot)).toBe(expected);
          });
        },
      ),
    );
  });

  it('reads a urn:uuid in any letter case as its lowercase form, and nothing else (property)', () => {
    // each letter of the prefix and each hex digit in either case
    const cased = fc
      .tuple(fc.uuid(), fc.array(fc.boolean(), { minLength: 45, maxLength: 45 }))
      .map(([u, upper]) => ({
        lower: `urn:uuid:${u}`,
        text: [...`urn:uuid:${u}`].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''),
      }));
    fc.assert(
      fc.property(fc.array(cased, { minLength: 1, maxLength: 20 }), (list) => {
        const col = new EventIdColumn();
        const firstOf = new Map<string, number>();
        list.forEach(({ lower, text }, slot) => {
          expect(eventIdKey(text)).toBe(lower);
          col.push(text);
          expect(col.get(slot)).toBe(text);
          expect(col.key(slot)).toBe(lower);
          expect(col.firstWithSameId(slot)).toBe(firstOf.get(lower) ?? -1);
          if (!firstOf.has(lower)) firstOf.set(lower, slot);
        });
      }),
    );
    // not a UUID: kept and compared as written
    for (const id of [
      'urn:uuid:8B792E84-B305-4CD5-8FE8-4914D47DB62G',
      'urn:uuid:8B792E84_B305-4CD5-8FE8-4914D47DB621',
      'urn:uuix:8B792E84-B305-4CD5-8FE8-4914D47DB621',
      'URN:UUID:8B792E84-B305-4CD5-8FE8-4914D47DB6210',
      'urn:uuid:8b792e84-b305-4cd5-8fe8-4914d47db62\u212a',
      'urn:x:ABC',
    ])
      expect(eventIdKey(id)).toBe(id);
  });
});

describe('the eventID duplicate table', () => {
  it('keeps two eventIDs apart whose fingerprints agree, and finds the repeat of each', () => {
    // the fingerprint of words (a, b, c, d) is a ^ imul(b, K1) ^ imul(c, K2) ^ imul(d, K3):
    // changing b to b2 and a to a ^ imul(b, K1) ^ imul(b2, K1) keeps it
    const hex = (w: number) => (w >>> 0).toString(16).padStart(8, '0');
    const uuid = (a: number, b: number, c: number, d: number) =>
      `urn:uuid:${hex(a)}-${hex(b).slice(0, 4)}-${hex(b).slice(4)}-${hex(c).slice(0, 4)}-${hex(c).slice(4)}${hex(d)}`;
    const [a, b, c, d, b2] = [0x12345678, 0x9abc4def, 0x8123_4567, 0x0badcafe, 0x7777_1111];
    const a2 = a ^ Math.imul(b, 0x9e3779b1) ^ Math.imul(b2, 0x9e3779b1);
    const first = uuid(a, b, c, d);
    const second = uuid(a2, b2, c, d);
    expect(second).not.toBe(first);
    const col = new EventIdColumn();
    for (const id of [first, second, second.toUpperCase().replace('URN:UUID:', 'urn:uuid:'), first])
      col.push(id);
    expect([0, 1, 2, 3].map((slot) => col.firstWithSameId(slot))).toEqual([-1, -1, 1, 0]);
  });
});

describe('uuidWordsOfBytes', () => {
  const bytesOf = (text: string) => new TextEncoder().encode(`"${text}"`);
  const wordsOf = (text: string): number[] | undefined => {
    const words = new Int32Array(4);
    return uuidWordsOfBytes(bytesOf(text), 1, words) ? [...words] : undefined;
  };
  it('reads the four words of a canonical urn:uuid (checked against parseInt of its groups)', () => {
    fc.assert(
      fc.property(fc.uuid(), (uuid) => {
        const hex = uuid.replaceAll('-', '');
        const expected = [0, 8, 16, 24].map((at) => parseInt(hex.slice(at, at + 8), 16) | 0);
        expect(wordsOf(`urn:uuid:${uuid}`)).toEqual(expected);
      }),
    );
  });
  it('refuses every place written otherwise: a digit that is no lowercase hex digit, a dash, the prefix', () => {
    const id = 'urn:uuid:0123abcd-ef01-4567-89ab-cdef01234567';
    expect(wordsOf(id)).toEqual([0x0123abcd, 0xef014567 | 0, 0x89abcdef | 0, 0x01234567]);
    for (let at = 0; at < id.length; at += 1) {
      const wrong = at < 9 || id[at] === '-' ? ['x', '0'] : ['g', 'A', 'F', '-', '/', ':', ' '];
      for (const c of wrong) {
        const changed = `${id.slice(0, at)}${c}${id.slice(at + 1)}`;
        expect(wordsOf(changed), changed).toBeUndefined();
      }
    }
    // (a refusal leaves nothing behind for the next reading)
    expect(wordsOf(id)).toEqual([0x0123abcd, 0xef014567 | 0, 0x89abcdef | 0, 0x01234567]);
  });
});
