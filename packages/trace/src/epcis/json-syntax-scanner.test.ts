import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonSyntaxScanner } from './json-syntax-scanner.js';
import { parseJsonText } from './json-text.js';

/** The scanner's verdict on a text cut into pieces of the given sizes (repeated). */
function scan(text: string, sizes: readonly number[] = [text.length || 1]) {
  const scanner = new JsonSyntaxScanner();
  let at = 0;
  for (let k = 0; at < text.length; k += 1) {
    const size = Math.max(1, sizes[k % sizes.length] as number);
    scanner.feed(text.slice(at, at + size));
    at += size;
  }
  scanner.end();
  return scanner.error;
}

/** What `parseJsonText` says of the whole text: where it is not JSON, or undefined. */
function whole(text: string) {
  const parsed = parseJsonText(text);
  if (parsed.ok) return undefined;
  const p = parsed.diagnostic.params ?? {};
  return { offset: p.position, line: p.line, column: p.column };
}

describe('JsonSyntaxScanner', () => {
  it('accepts JSON texts and finds the first fault of the others, with its line and column', () => {
    expect(scan('{"a": [1, 2.5e-3, true, null, "x\\u00e9"]}')).toBeUndefined();
    expect(scan(' \n 0 ')).toBeUndefined();
    expect(scan('\ufeff{}')).toBeUndefined(); // a byte order mark is skipped
    // each fault where RFC 8259 says the text stops being JSON
    expect(scan('{"a":1,}')).toMatchObject({ offset: 7, line: 1, column: 8, found: '}' });
    expect(scan('[01]')).toMatchObject({ offset: 2, found: '1' });
    expect(scan('{"a":\n  tru}')).toMatchObject({ offset: 11, line: 2, column: 6, found: '}' });
    expect(scan('{"a":1} x')).toMatchObject({ offset: 8, found: 'x' });
    expect(scan('{"a":"b\nc"}')).toMatchObject({ offset: 7, line: 1, column: 8, found: '\n' });
    expect(scan('["\\x"]')).toMatchObject({ offset: 3, found: 'x' });
    expect(scan('["\\u12G4"]')).toMatchObject({ offset: 6, found: 'G' });
    expect(scan('[1.]')).toMatchObject({ offset: 3, found: ']' });
    expect(scan('[-]')).toMatchObject({ offset: 2, found: ']' });
    expect(scan('[1e+]')).toMatchObject({ offset: 4, found: ']' });
    expect(scan('[}')).toMatchObject({ offset: 1, found: '}' });
    // a text that ends too early: the fault is at its end
    expect(scan('{"a": [1, 2')).toMatchObject({
      offset: 11,
      line: 1,
      column: 12,
      found: undefined,
    });
    expect(scan('')).toMatchObject({ offset: 0, found: undefined });
    expect(scan('[1e')).toMatchObject({ offset: 3, found: undefined });
    expect(scan('"\\u00')).toMatchObject({ offset: 5, found: undefined });
  });

  it('finds what parseJsonText finds, however the text is cut (property)', () => {
    const edit = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom('insert', 'delete', 'cut'),
      char: fc.constantFrom(...',{}[]":\\ 1x-.e\n\t'),
    });
    fc.assert(
      fc.property(
        fc.json({ maxDepth: 4 }),
        fc.array(edit, { maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (json, edits, sizes, bom) => {
          let text = (bom ? '\ufeff' : '') + json;
          for (const e of edits) {
            const p = e.at % (text.length + 1);
            if (e.kind === 'insert') text = text.slice(0, p) + e.char + text.slice(p);
            else if (e.kind === 'delete') text = text.slice(0, p) + text.slice(p + 1);
            else text = text.slice(0, p);
          }
          const found = scan(text, sizes);
          const expected = whole(text);
          if (expected === undefined) expect(found).toBeUndefined();
          else expect(found).toMatchObject(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('scans text nested deeper than any stack without overflowing', () => {
    const depth = 200_000;
    expect(scan(`${'['.repeat(depth)}${']'.repeat(depth)}`, [4096])).toBeUndefined();
    expect(scan(`${'['.repeat(depth)}}`, [4096])).toMatchObject({ offset: depth, found: '}' });
  });
});
