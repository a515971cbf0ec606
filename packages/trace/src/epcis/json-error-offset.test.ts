import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './json-error-offset.js';
import { parseJsonText } from './json-text.js';

/** The offset V8 names in its message ("… in JSON at position 12"), when it names one. */
function enginePosition(text: string): number | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const m = /at position (\d+)/.exec((error as Error).message);
    return m === null ? undefined : Number(m[1]);
  }
}

/** The character V8 names in "Unexpected token 'x', …", when that is its message. */
function engineToken(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return /^Unexpected token '(.)'/su.exec((error as Error).message)?.[1];
  }
}

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": 1}', -1],
    [' [1, 2.5e-3, "x\\u00e9", true, false, null, {}] ', -1],
    // offsets V8 does not give ("Unexpected token …")
    ['{"a": x, "b": 1}', 6],
    ['\n\n  {"abc": tru }\n', 15],
    ['[1,]', 3],
    ['{"a":1,}', 7],
    ['\uFEFF{}', 0],
    // offsets V8 gives
    ['{"a": 1,,}', 8],
    ['[1,2', 4],
    ['{"a":1}\n{"b":2}', 8],
    ['{"a": "\u0001"}', 7],
    ['{"a": 01}', 7],
    ['{"a": "x\\q"}', 9],
    ['{"a" 1}', 5],
    ['{"a":"\\u12G4"}', 10],
    ['-', 1],
    ['1.', 2],
    ['1e+', 3],
    ['[-x]', 2],
    ['', 0],
    ['  ', 2],
  ])('%j: %d', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
    const engine = enginePosition(text);
    if (engine !== undefined) expect(offset).toBe(engine);
  });

  it('agrees with JSON.parse on valid and broken text, and with the offset or token V8 names (property)', () => {
    const broken = fc
      .tuple(
        fc.jsonValue({ maxDepth: 4 }),
        fc.boolean(),
        fc.nat(),
        fc.constantFrom('insert', 'delete', 'replace'),
        fc.constantFrom(...'{}[]:,"\\ \n\t0-.eExtfn\u0001\u00e9'),
      )
      .map(([value, pretty, at, edit, c]) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined) ?? 'null';
        const p = at % (text.length + 1);
        if (edit === 'insert') return text.slice(0, p) + c + text.slice(p);
        if (edit === 'delete') return text.slice(0, p) + text.slice(p + 1);
        return text.slice(0, p) + c + text.slice(p + 1);
      });
    fc.assert(
      fc.property(broken, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const offset = jsonErrorOffset(text);
        if (valid) {
          expect(offset).toBe(-1);
          return;
        }
        expect(offset).toBeGreaterThanOrEqual(0);
        expect(offset).toBeLessThanOrEqual(text.length);
        const engine = enginePosition(text);
        if (engine !== undefined) expect(offset).toBe(engine);
        const token = engineToken(text);
        if (token !== undefined) expect(text[offset]).toBe(token);
      }),
      { numRuns: 5000 },
    );
  });

  it('scans text nested 200 000 deep without overflowing the stack', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(jsonErrorOffset(deep)).toBe(-1);
    expect(jsonErrorOffset(`${'['.repeat(200_000)}x`)).toBe(200_000);
  });
});

describe('parseJsonText', () => {
  it('gives the offset, line and column of the offending character', () => {
    const r = parseJsonText('{\n  "eventList": [\n    {"type": ObjectEvent}\n  ]\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostic.code).toBe('TRACE_JSON_SYNTAX');
      expect(r.diagnostic.params).toMatchObject({ position: 32, line: 3, column: 14 });
    }
  });

  it('ignores a leading byte order mark, and counts it in offsets', () => {
    expect(parseJsonText('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    const r = parseJsonText('\uFEFF{"a": x}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostic.params).toMatchObject({ position: 7, line: 1, column: 8 });
    // anywhere else it is a character like any other
    expect(parseJsonText(' \uFEFF{}').ok).toBe(false);
  });
});
