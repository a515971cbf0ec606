import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventIdColumn } from './event-id-column.js';

const UUID = 'urn:uuid:8b792e84-b305-4cd5-8fe8-4914d47db621';

describe('EventIdColumn', () => {
  it('rebuilds canonical uuid eventIDs and keeps every other eventID as written', () => {
    const col = new EventIdColumn();
    const ids = [
      UUID,
      'urn:uuid:8B792E84-B305-4CD5-8FE8-4914D47DB621', // upper case: kept as text
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

  it('finds the first slot with the same eventID, exactly (case matters)', () => {
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
    ];
    const firsts: number[] = [];
    ids.forEach((id, slot) => {
      col.push(id);
      firsts.push(col.firstWithSameId(slot));
    });
    expect(firsts).toEqual([-1, -1, -1, 0, -1, 2, -1, 1]);
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
});
