import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventRecord } from '../chain/event-record.js';
import { hashString32, SEED_A } from '../chain/string-hash.js';
import { SpanCache } from './span-cache.js';

/** The verdict a caller records for check `bit` of a word (any fixed function of both will do). */
function verdict(word: string, bit: number): boolean {
  return (hashString32(word, SEED_A) & bit) !== 0;
}

/** A record whose bytes hold `word` at offset 3 (as a line would hold it). */
function recordOf(word: string): { record: EventRecord; start: number; end: number } {
  const record = new EventRecord();
  const bytes = new Uint8Array(word.length + 8);
  bytes.set(Buffer.from(word, 'latin1'), 3);
  record.bytes = bytes;
  return { record, start: 3, end: 3 + word.length };
}

describe('SpanCache', () => {
  it('finds a word again and keeps its text and verdicts', () => {
    const cache = new SpanCache(16, 1024);
    const { record, start, end } = recordOf('shipping');
    const h = hashString32('shipping', SEED_A);
    const e = cache.entry(record.bytes, start, end, h);
    expect(e).toBeGreaterThanOrEqual(0);
    expect(cache.checked(e, 1)).toBe(false);
    expect(cache.record(e, 1, true)).toBe(true);
    expect(cache.record(e, 2, false)).toBe(false);
    const again = recordOf('shipping');
    expect(cache.entry(again.record.bytes, again.start, again.end, h)).toBe(e);
    expect([cache.checked(e, 1), cache.passed(e, 1)]).toEqual([true, true]);
    expect([cache.checked(e, 2), cache.passed(e, 2)]).toEqual([true, false]);
    expect(cache.checked(e, 4)).toBe(false);
    expect(cache.text(e, again.record, again.start, again.end)).toBe('shipping');
  });

  it('keeps words whose hashes are equal apart (the bytes decide)', () => {
    const cache = new SpanCache(16, 1024);
    const a = recordOf('receiving');
    const b = recordOf('receivinG');
    const ea = cache.entry(a.record.bytes, a.start, a.end, 7);
    const eb = cache.entry(b.record.bytes, b.start, b.end, 7);
    expect(eb).not.toBe(ea);
    cache.record(ea, 1, true);
    expect(cache.checked(eb, 1)).toBe(false);
    expect(cache.text(eb, b.record, b.start, b.end)).toBe('receivinG');
  });

  it('does not keep a text longer than 4 096 bytes', () => {
    const cache = new SpanCache(16, 1 << 16);
    const long = recordOf('x'.repeat(4097));
    expect(cache.entry(long.record.bytes, long.start, long.end, 1)).toBe(-1);
    const longest = recordOf('x'.repeat(4096));
    expect(cache.entry(longest.record.bytes, longest.start, longest.end, 1)).toBeGreaterThanOrEqual(
      0,
    );
  });

  it('never gives one word the text or verdicts of another while it grows and starts afresh (property)', () => {
    // small limits, so that a run of a few hundred words grows the tables, fills the arena and
    // empties the cache several times; hashes either real or all alike (every probe collides)
    const word = fc.stringMatching(/^[a-z:_./0-9-]{1,40}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 12, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 })), {
          minLength: 100,
          maxLength: 400,
        }),
        fc.boolean(),
        fc.constantFrom([8, 1024], [64, 96], [4096, 1 << 16]),
        (pool, steps, colliding, [maxEntries, maxBytes]) => {
          const cache = new SpanCache(maxEntries as number, maxBytes as number);
          for (const [pick, check] of steps) {
            const w = pool[pick % pool.length] as string;
            const { record, start, end } = recordOf(w);
            const h = colliding ? 42 : hashString32(w, SEED_A);
            const e = cache.entry(record.bytes, start, end, h);
            expect(e).toBeGreaterThanOrEqual(0);
            expect(cache.text(e, record, start, end)).toBe(w);
            const bit = 1 << check;
            // a verdict the cache holds is the one recorded for this very word
            if (cache.checked(e, bit)) expect(cache.passed(e, bit)).toBe(verdict(w, bit));
            else cache.record(e, bit, verdict(w, bit));
            expect(cache.passed(e, bit)).toBe(verdict(w, bit));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
