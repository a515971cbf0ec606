import type { Diagnostic } from '@foodsafety/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTraceIndex } from '../chain/trace-index.js';
import { generatePlatformJsonLines } from '../testdata/b2b-platform.js';
import { toEpcisDocument } from '../testdata/epcis-json.js';
import { generateSeaCucumberChain, SEA_CUCUMBER_VARIANTS } from '../testdata/sea-cucumber-chain.js';
import { OBSERVE_EVENT } from './__fixtures__/events.js';
import { createEpcisLineValidator } from './epcis-line-validator.js';
import { validateEpcisDocument, validatorFor } from './validate-epcis-document.js';
import {
  type StreamProgress,
  type StreamValidationOptions,
  type StreamValidationResult,
  streamProbe,
  validateEpcisDocumentStream,
  validateEpcisJsonLines,
} from './validate-epcis-stream.js';

const NOW = '2030-01-01T00:00:00Z';

async function* pieces(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

const brief = (ds: readonly Diagnostic[]) => ds.map((d) => [d.code, d.severity, d.path]);

/** Lines of the sea-cucumber chain and its broken variants, then lines that are broken as text. */
function mixedLines(): string[] {
  const lines: string[] = [];
  for (const variant of SEA_CUCUMBER_VARIANTS)
    for (const e of generateSeaCucumberChain({ variant }).events) lines.push(JSON.stringify(e));
  const first = JSON.parse(lines[0] as string) as Record<string, unknown>;
  lines.push(
    '{not json',
    JSON.stringify({ ...first, action: 'MOVE' }),
    JSON.stringify({ ...first, action: 'add' }), // lenient: normalised with a warning
    lines[0] as string, // a duplicate
    '   ',
  );
  return lines;
}

describe('validateEpcisJsonLines', () => {
  it.each(['strict', 'lenient'] as const)(
    'gives the same result by the line reader as the full way (%s)',
    async (mode) => {
      const text = mixedLines().join('\n');
      const options: StreamValidationOptions = { mode, now: NOW, progressEvery: 7 };
      const progressA: unknown[] = [];
      const progressB: unknown[] = [];
      const read = await validateEpcisJsonLines(pieces(text, 333), options, (p) =>
        progressA.push(p),
      );
      // onEvent needs the event objects: every line goes the full way
      const full = await validateEpcisJsonLines(
        pieces(text, 333),
        { ...options, onEvent: () => undefined },
        (p) => progressB.push(p),
      );
      expect(brief(read.diagnostics)).toEqual(brief(full.diagnostics));
      expect(read.diagnostics.map((d) => d.code)).toContain('TRACE_JSON_SYNTAX');
      expect(read.diagnostics.map((d) => d.code)).toContain('TRACE_INVALID_ENUM');
      const { diagnostics: _a, ...countsA } = read;
      const { diagnostics: _b, ...countsB } = full;
      expect(countsA).toEqual(countsB);
      expect(read.eventCount).toBe(mixedLines().filter((l) => l.trim() !== '').length);
      expect(progressA).toEqual(progressB);
    },
  );

  it('feeds a trace index: its findings follow each line, as the line validator gives them', async () => {
    const lines = mixedLines();
    const index = createTraceIndex();
    const r = await validateEpcisJsonLines(pieces(lines.join('\n'), 1000), {
      mode: 'strict',
      now: NOW,
      index,
    });
    const reference = createTraceIndex();
    const validator = createEpcisLineValidator({ mode: 'strict', now: NOW, index: reference });
    const expected: Diagnostic[] = [];
    let at = 0;
    for (const line of lines) {
      if (line.trim() === '') continue;
      expected.push(...validator.validate(line, [at]).diagnostics);
      at += 1;
    }
    expect(brief(r.diagnostics)).toEqual(brief(expected));
    // chain findings are there: the duplicate line, the variants' broken chains
    const codes = new Set(r.diagnostics.map((d) => d.code));
    expect(codes).toContain('TRACE_DUPLICATE_EVENT_ID');
    expect(r.valid).toBe(false);
    expect(index.graph.nodeCount).toBe(reference.graph.nodeCount);
    expect(brief(index.finalize())).toEqual(brief(reference.finalize()));
  });

  it('feeds a trace index the full way too (onEvent, context)', async () => {
    const lines = generateSeaCucumberChain({ variant: 'valid' }).events.map((e) =>
      JSON.stringify(e),
    );
    lines.push(lines[1] as string);
    const index = createTraceIndex();
    let seen = 0;
    const r = await validateEpcisJsonLines(pieces(lines.join('\n'), 64), {
      now: NOW,
      index,
      onEvent: () => {
        seen += 1;
      },
    });
    expect(seen).toBe(lines.length);
    // the repeat of line 1 (an exact repeat is reported once, by its eventID)
    expect(r.diagnostics.map((d) => [d.code, d.params?.firstIndex])).toEqual([
      ['TRACE_DUPLICATE_EVENT_ID', 1],
    ]);
    expect(index.finalize()).toEqual([]);
  });

  it('reports an index that is not one as TRACE_OPTION_INVALID, once, without rejecting', async () => {
    const [first, second] = generateSeaCucumberChain({ variant: 'valid' }).events;
    const text = `${JSON.stringify(first)}\n${JSON.stringify(second)}`;
    const r = await validateEpcisJsonLines(pieces(text, 100), { index: {} as never });
    expect(r.valid).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['TRACE_OPTION_INVALID', ['options', 'index']],
    ]);
    expect(r.validEventCount).toBe(2);
  });

  it('reads the platform data straight, with no finding', async () => {
    const lines = [...generatePlatformJsonLines({ events: 3000 })];
    const index = createTraceIndex();
    const r = await validateEpcisJsonLines(pieces(lines.join('\n'), 1 << 16), {
      mode: 'strict',
      now: NOW,
      index,
    });
    expect([r.valid, r.eventCount, r.validEventCount, r.diagnosticCount]).toEqual([
      true,
      3000,
      3000,
      0,
    ]);
    expect(index.graph.eventCount).toBe(3000);
  });
});

describe('validateEpcisDocumentStream', () => {
  it('feeds a trace index event by event', async () => {
    const events = generateSeaCucumberChain({ variant: 'valid' }).events;
    const text = JSON.stringify(
      toEpcisDocument([...events, events[0] as (typeof events)[number]], {
        creationDate: '2024-01-01T00:00:00Z',
      }),
    );
    const index = createTraceIndex();
    const r = await validateEpcisDocumentStream(pieces(text, 100), { now: NOW, index });
    expect(r.eventCount).toBe(events.length + 1);
    expect(r.diagnostics.map((d) => [d.code, d.params?.firstIndex])).toEqual([
      ['TRACE_DUPLICATE_EVENT_ID', 0],
    ]);
    expect(index.graph.eventCount).toBe(events.length + 1);
  });
});

describe('validateEpcisDocumentStream: member names and lists as JSON.parse reads them', () => {
  const ev = (action: string) => ({ ...OBSERVE_EVENT, action });
  const base = {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2024-05-01T09:00:00Z',
  };
  const both = async (text: string) => {
    const seen: number[] = [];
    const streamed = await validateEpcisDocumentStream(pieces(text, 7), {
      onEvent: (_e, i) => seen.push(i),
    });
    const memory = validateEpcisDocument(text);
    return { streamed, memory, seen };
  };
  it('reads member names written with escapes (event\\u004cist is eventList)', async () => {
    const plain = JSON.stringify({ ...base, epcisBody: { eventList: [ev('ADD'), ev('BAD')] } });
    for (const text of [
      plain.replace('"eventList"', '"event\\u004cist"'),
      plain.replace('"epcisBody"', '"epcis\\u0042ody"'),
    ]) {
      const { streamed, memory, seen } = await both(text);
      expect([streamed.eventCount, brief(streamed.diagnostics), seen]).toEqual([
        memory.eventCount,
        brief(memory.diagnostics),
        [0],
      ]);
      expect(memory.eventCount).toBe(2);
    }
  });
  it('streams one event list: a second one stays in the document, read as in memory', async () => {
    const text = JSON.stringify({
      ...base,
      epcisBody: {
        eventList: [ev('ADD'), ev('OBSERVE')],
        queryResults: { queryName: 'q', resultsBody: { eventList: [ev('ADD'), ev('BAD')] } },
      },
    });
    const { streamed, memory, seen } = await both(text);
    expect([streamed.eventCount, brief(streamed.diagnostics), seen]).toEqual([
      memory.eventCount,
      brief(memory.diagnostics),
      [0, 1],
    ]);
  });
});

describe('validateEpcisDocumentStream on what is not a plain list of events', () => {
  const event = OBSERVE_EVENT;
  const e = JSON.stringify(event);
  const documentWith = (list: string, extra = '') =>
    `{"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],${extra}` +
    `"schemaVersion":"2.0","creationDate":"2024-05-01T09:00:00Z","epcisBody":{"eventList":${list}}}`;
  /** Byte chunks of 1 to 5 bytes, so that every boundary falls somewhere. */
  async function* bytes(text: string) {
    const all = new TextEncoder().encode(text);
    for (let i = 0, k = 1; i < all.length; i += k, k = (k % 5) + 1) yield all.subarray(i, i + k);
  }
  const found = (ds: readonly Diagnostic[]) => ds.map((d) => [d.code, (d.path ?? []).join('/')]);

  it.each([
    ['two commas', `[${e},,${e}]`, 1],
    ['a comma before the closing bracket', `[${e},]`, 1],
    ['a comma first', `[ ,${e}]`, 0],
  ])('reports an empty place in the event list as not JSON (%s)', async (_, list, at) => {
    const text = documentWith(list, '"type":"EPCISDocument",');
    expect(() => JSON.parse(text)).toThrow();
    const r = await validateEpcisDocumentStream(bytes(text));
    expect(r.valid).toBe(false);
    expect(found(r.diagnostics)).toEqual([['TRACE_JSON_SYNTAX', `epcisBody/eventList/${at}`]]);
  });

  it('validates every element of the list, as the in-memory validator does', async () => {
    const text = documentWith(`[1, "海参", null, [], ${e}, true]`, '"type":"EPCISDocument",');
    const whole = validateEpcisDocument(text);
    const r = await validateEpcisDocumentStream(bytes(text));
    expect(found(r.diagnostics)).toEqual(found(whole.diagnostics));
    expect(found(r.diagnostics)).toHaveLength(5);
    expect(r.eventCount).toBe(6);
    expect(r.validEventCount).toBe(1);
  });

  it('reads a document whose type is missing or wrong as the in-memory validator does', async () => {
    for (const extra of ['', '"type":"EPCISDocumen",', '"type":7,']) {
      const text = documentWith(`[${JSON.stringify({ ...event, action: 'MOVE' })}, ${e}]`, extra);
      const whole = validateEpcisDocument(text);
      const r = await validateEpcisDocumentStream(bytes(text));
      expect(found(r.diagnostics).sort()).toEqual(found(whole.diagnostics).sort());
      expect(found(r.diagnostics)).toContainEqual([
        'TRACE_INVALID_ENUM',
        'epcisBody/eventList/0/action',
      ]);
      expect(r.eventCount).toBe(whole.eventCount);
    }
  });

  it("checks the events' prefixes against a @context that comes after the list, or none", async () => {
    const extended = JSON.stringify({ ...event, 'ex:note': 'x', 'other:note': 'y' });
    const context =
      '["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",{"ex":"https://ex.example/"}]';
    const body = `"epcisBody":{"eventList":[${extended},${e}]}`;
    const texts = [
      // the context last: ex is declared, other is not
      `{"type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2024-05-01T09:00:00Z",${body},"@context":${context}}`,
      // no context at all
      `{"type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2024-05-01T09:00:00Z",${body}}`,
    ];
    for (const text of texts) {
      for (const mode of ['strict', 'lenient'] as const) {
        const whole = validateEpcisDocument(text, { mode });
        const r = await validateEpcisDocumentStream(bytes(text), { mode });
        expect(found(r.diagnostics).sort()).toEqual(found(whole.diagnostics).sort());
        expect([r.valid, r.eventCount, r.validEventCount]).toEqual([
          whole.valid,
          whole.eventCount,
          whole.events.length,
        ]);
      }
    }
    const late = await validateEpcisDocumentStream(bytes(texts[0] as string));
    expect(found(late.diagnostics)).toEqual([
      ['TRACE_UNDECLARED_PREFIX', 'epcisBody/eventList/0/other:note'],
    ]);
    // declared after all: the event is valid
    const declared = (texts[0] as string).replace('{"ex":', '{"other":"https://o.example/","ex":');
    const settled = await validateEpcisDocumentStream(bytes(declared));
    expect([settled.valid, settled.validEventCount]).toEqual([true, 2]);
  });

  it('reads a text without an event list as the in-memory validator does', async () => {
    for (const text of ['"epcisBody"', '42', 'null', '[]', '{"type":"EPCISDocument"}', '{']) {
      const whole = validateEpcisDocument(text);
      const r = await validateEpcisDocumentStream(bytes(text));
      expect(found(r.diagnostics), text).toEqual(found(whole.diagnostics));
      expect(r.eventCount, text).toBe(whole.eventCount);
    }
  });

  it('counts, passes on and indexes a single event given as the document', async () => {
    const text = JSON.stringify({
      '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
      ...event,
    });
    const index = createTraceIndex();
    const seen: unknown[] = [];
    const r = await validateEpcisDocumentStream(bytes(text), {
      index,
      onEvent: (ev) => seen.push(ev),
    });
    expect(r.diagnostics).toEqual([]);
    expect([r.eventCount, r.validEventCount]).toEqual([1, 1]);
    expect(seen).toEqual([JSON.parse(text)]);
    expect(index.graph.eventCount).toBe(1);
    // an invalid one is counted and indexed too, not passed on
    const bad = await validateEpcisDocumentStream(
      bytes(JSON.stringify({ ...JSON.parse(text), action: 'MOVE' })),
      { index, onEvent: (ev) => seen.push(ev) },
    );
    expect(found(bad.diagnostics)).toEqual([['TRACE_INVALID_ENUM', 'action']]);
    expect([bad.eventCount, bad.validEventCount, seen.length]).toEqual([1, 0, 1]);
    expect(index.graph.eventCount).toBe(2);
  });
});

describe('validateEpcisDocumentStream against the in-memory validator (property)', () => {
  const chainEvents = generateSeaCucumberChain({ variant: 'valid' }).events;
  const documents = [
    JSON.stringify(
      toEpcisDocument(chainEvents.slice(0, 6), { creationDate: '2024-01-01T00:00:00Z' }),
    ),
    JSON.stringify(
      toEpcisDocument(chainEvents.slice(3, 8), { creationDate: '2024-01-01T00:00:00Z' }),
      null,
      2,
    ),
  ];
  const pieces = [
    '',
    '海参',
    'MOVE',
    'urn:epc:id:sgln:6930937.00001.0',
    'https://id.gs1.org/01/06930937000013/10/L1',
    '2017-01-01T00:00:30.000+08:00',
  ];
  const edit = fc.record({
    kind: fc.constantFrom('value', 'insert', 'delete', 'copy'),
    at: fc.nat(),
    to: fc.nat(),
    piece: fc.constantFrom(...pieces),
    char: fc.constantFrom(...',{}[]":\\ 1x'),
  });
  function applied(
    text: string,
    e: { kind: string; at: number; to: number; piece: string; char: string },
  ) {
    const p = e.at % (text.length + 1);
    if (e.kind === 'insert') return text.slice(0, p) + e.char + text.slice(p);
    if (e.kind === 'delete') return text.slice(0, p) + text.slice(p + 1);
    if (e.kind === 'copy') {
      const q = Math.min(text.length, p + (e.to % 40));
      return (
        text.slice(0, e.to % (text.length + 1)) +
        text.slice(p, q) +
        text.slice(e.to % (text.length + 1))
      );
    }
    // replace the content of a string value
    const strings = [...text.matchAll(/: ?"([^"\\]*)"/g)];
    const m = strings[e.at % Math.max(1, strings.length)];
    if (m === undefined) return text;
    const start = (m.index as number) + m[0].length - m[1]!.length - 1;
    return text.slice(0, start) + e.piece + text.slice(start + m[1]!.length);
  }
  /** Byte chunks of the sizes given, in turn. */
  async function* chunked(text: string, sizes: readonly number[]) {
    const all = new TextEncoder().encode(text);
    for (let i = 0, k = 0; i < all.length; k += 1) {
      const size = sizes[k % sizes.length] as number;
      yield all.subarray(i, i + size);
      i += size;
    }
  }
  const found = (ds: readonly Diagnostic[]) =>
    ds.map((d) => `${d.severity}:${d.code}@${(d.path ?? []).join('/')}`).sort();

  it('gives the same findings and counts, or reports text that is not JSON', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...documents),
        fc.array(edit, { maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('strict', 'lenient'),
        async (document, edits, sizes, mode) => {
          const text = edits.reduce(applied, document);
          const streamed = await validateEpcisDocumentStream(chunked(text, sizes), { mode });
          let json = true;
          try {
            JSON.parse(text);
          } catch {
            json = false;
          }
          if (!json) {
            expect(streamed.valid).toBe(false);
            expect(streamed.diagnostics.map((d) => d.code)).toContain('TRACE_JSON_SYNTAX');
            // the first fault in the text is where the in-memory parser finds it: the offset,
            // line and column in the whole document, not in the event it was cut out of
            const place = (d: { params?: Record<string, unknown> }) => ({
              position: d.params?.position,
              line: d.params?.line,
              column: d.params?.column,
            });
            const faults = streamed.diagnostics
              .filter((d) => d.code === 'TRACE_JSON_SYNTAX')
              .map(place)
              .sort((a, b) => Number(a.position) - Number(b.position));
            const inMemory = validateEpcisDocument(text, { mode }).diagnostics.find(
              (d) => d.code === 'TRACE_JSON_SYNTAX',
            );
            expect(faults[0]).toEqual(place(inMemory ?? {}));
            return;
          }
          const whole = validateEpcisDocument(text, { mode });
          expect(found(streamed.diagnostics)).toEqual(found(whole.diagnostics));
          expect([streamed.valid, streamed.eventCount]).toEqual([whole.valid, whole.eventCount]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('where the streams put text that is not JSON', () => {
  const chain = generateSeaCucumberChain().events;
  /** The chain as a pretty-printed document (one member per line, as exports are written). */
  const created = { creationDate: '2025-06-01T00:00:00Z' };
  const pretty = JSON.stringify(toEpcisDocument(chain, created), null, 2);
  const place = (d: Diagnostic | undefined) => [
    d?.params?.position,
    d?.params?.line,
    d?.params?.column,
  ];
  const syntaxOf = (ds: readonly Diagnostic[]) => ds.filter((d) => d.code === 'TRACE_JSON_SYNTAX');

  it('gives a fault inside an event its offset, line and column in the document', async () => {
    // a stray comma after the sixth event's type: offset, line and column counted by hand
    const anchor = pretty.indexOf('"type": "ObjectEvent"', pretty.indexOf('"eventList"'));
    let at = anchor;
    for (let k = 0; k < 5; k += 1) at = pretty.indexOf('"type": "ObjectEvent"', at + 1);
    const comma = at + '"type": "ObjectEvent"'.length;
    const text = `${pretty.slice(0, comma)},,${pretty.slice(comma + 1)}`;
    const fault = comma + 1; // the second comma
    const line = pretty.slice(0, comma).split('\n').length;
    const column = fault - pretty.lastIndexOf('\n', comma);
    expect(place(syntaxOf(validateEpcisDocument(text).diagnostics)[0])).toEqual([
      fault,
      line,
      column,
    ]);
    for (const size of [7, 4096, 1 << 20]) {
      const r = await validateEpcisDocumentStream(pieces(text, size));
      expect(syntaxOf(r.diagnostics).map(place)).toEqual([[fault, line, column]]);
      // the element it is in: the sixth object event of the chain
      const sixth = chain.flatMap((e, i) => (e.type === 'ObjectEvent' ? [i] : []))[5];
      expect(syntaxOf(r.diagnostics)[0]?.path).toEqual(['epcisBody', 'eventList', sixth]);
      expect(r.valid).toBe(false);
    }
  });

  it('puts the end of a truncated document, and text after the document, where they are', async () => {
    const cut = pretty.slice(0, pretty.length - 40);
    const truncated = await validateEpcisDocumentStream(pieces(cut, 100));
    expect(syntaxOf(truncated.diagnostics).map(place)).toEqual([
      [cut.length, cut.split('\n').length, cut.length - cut.lastIndexOf('\n')],
    ]);
    const trailing = `${pretty}\n  x`;
    const after = await validateEpcisDocumentStream(pieces(trailing, 100));
    const lines = trailing.split('\n').length;
    expect(syntaxOf(after.diagnostics).map(place)).toEqual([[trailing.length - 1, lines, 3]]);
    expect(syntaxOf(after.diagnostics)[0]?.path).toEqual([]);
  });

  it('passes on no event after the fault: two documents joined are one fault, after the first', async () => {
    const one = JSON.stringify(toEpcisDocument(chain, created));
    const seen: number[] = [];
    const r = await validateEpcisDocumentStream(pieces(`${one}${one}`, 64), {
      onEvent: (_, i) => seen.push(i),
    });
    expect(seen).toEqual(chain.map((_, i) => i)); // the first document's events, once
    expect(r.eventCount).toBe(chain.length);
    expect(syntaxOf(r.diagnostics).map(place)).toEqual([[one.length, 1, one.length + 1]]);
    expect(r.valid).toBe(false);
  });

  it('gives a JSON Lines fault its offset in the stream and its line number, blank lines counted', async () => {
    const good = JSON.stringify(chain[0]);
    const text = ['', good, '\r', '{"type":,"x":1}', good].join('\n');
    for (const options of [{}, { onEvent: () => undefined }]) {
      const r = await validateEpcisJsonLines(pieces(text, 5), options);
      const faults = syntaxOf(r.diagnostics);
      // the fourth line (index 1 among the non-blank ones), its ninth character (the comma)
      const offset = 1 + good.length + 1 + 2 + 8;
      expect(faults.map(place)).toEqual([[offset, 4, 9]]);
      expect(faults[0]?.path).toEqual([1]);
      expect(r.eventCount).toBe(3);
    }
  });

  it('counts the bytes of the source, a byte order mark included, whatever it is given as', async () => {
    const text = `\ufeff${JSON.stringify(chain[0])}\n`;
    const asBytes = new TextEncoder().encode(text);
    expect(asBytes.length).toBe(Buffer.byteLength(text));
    async function* bytesOf(size: number) {
      for (let i = 0; i < asBytes.length; i += size) yield asBytes.subarray(i, i + size);
    }
    const fromBytes = await validateEpcisJsonLines(bytesOf(2));
    const fromText = await validateEpcisJsonLines(pieces(text, 3));
    expect([fromBytes.bytes, fromText.bytes]).toEqual([asBytes.length, asBytes.length]);
    expect([fromBytes.valid, fromText.valid]).toEqual([true, true]);
  });
});

describe('the streams keep at most maxDiagnostics, and count them all', () => {
  /** An event with 20 bad quantities: some 60 findings. */
  const badLine = JSON.stringify({
    ...OBSERVE_EVENT,
    quantityList: Array.from({ length: 20 }, () => ({ epcClass: 'bad', quantity: -1, uom: 'kg' })),
  });
  const lines = Array.from({ length: 400 }, () => badLine);
  const documentText = JSON.stringify({
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2024-05-01T09:00:00Z',
    epcisBody: { eventList: lines.map((l) => JSON.parse(l)) },
  });
  /** Run a validation and note the most diagnostics the stream held after any event. */
  async function held(run: () => Promise<StreamValidationResult>) {
    let most = 0;
    streamProbe.held = (n) => {
      most = Math.max(most, n);
    };
    try {
      return { result: await run(), most };
    } finally {
      delete streamProbe.held;
    }
  }
  const counts = ({ diagnostics: _, ...rest }: StreamValidationResult) => rest;

  it.each([
    ['JSON Lines, by the line reader', {}],
    ['JSON Lines, the full way', { onEvent: () => undefined }],
    ['JSON Lines, with an index', { index: 'new' }],
    ['a document', { document: true }],
  ] as const)('holds no more than maxDiagnostics however many are found (%s)', async (_, how) => {
    const validate = (maxDiagnostics: number) => {
      const options: StreamValidationOptions = {
        now: NOW,
        maxDiagnostics,
        ...('onEvent' in how ? { onEvent: how.onEvent } : {}),
        ...('index' in how ? { index: createTraceIndex() } : {}),
      };
      return 'document' in how
        ? validateEpcisDocumentStream(pieces(documentText, 4096), options)
        : validateEpcisJsonLines(pieces(lines.join('\n'), 4096), options);
    };
    const all = await validate(Number.POSITIVE_INFINITY);
    expect(all.diagnosticCount).toBeGreaterThan(lines.length * 20);
    const { result, most } = await held(() => validate(100));
    expect(most).toBeLessThanOrEqual(100);
    expect(most).toBeGreaterThan(0); // the probe was told
    // the first 100, and the counts of all
    expect(result.diagnostics).toEqual(all.diagnostics.slice(0, 100));
    expect(counts(result)).toEqual(counts(all));
  });

  it('counts the findings it lets go towards valid: an error after maxDiagnostics, an index finding', async () => {
    const [first, second] = generateSeaCucumberChain({ variant: 'valid' }).events;
    const lower = JSON.stringify({
      ...first,
      action: (first as { action: string }).action.toLowerCase(),
    });
    // lenient: the lower-case actions are warnings; the repeated event is the index's error
    const text = [lower, lower, JSON.stringify(second), JSON.stringify(second)].join('\n');
    for (const full of [{}, { onEvent: () => undefined }]) {
      const options: StreamValidationOptions = { mode: 'lenient', now: NOW, ...full };
      const all = await validateEpcisJsonLines(pieces(text, 50), {
        ...options,
        index: createTraceIndex(),
      });
      const severities = all.diagnostics.map((d) => d.severity);
      expect(severities.slice(0, 2)).toEqual(['warning', 'warning']);
      expect(severities.slice(2)).toContain('error');
      for (const max of [0, 1, 2]) {
        const r = await validateEpcisJsonLines(pieces(text, 50), {
          ...options,
          index: createTraceIndex(),
          maxDiagnostics: max,
        });
        expect(r.valid).toBe(false);
        expect(r.diagnostics).toEqual(all.diagnostics.slice(0, max));
        expect(counts(r)).toEqual(counts(all));
      }
    }
  });

  it('keeps the first maxDiagnostics of what a @context after the list leaves', async () => {
    const extended = (i: number) =>
      JSON.stringify({
        ...OBSERVE_EVENT,
        'ex:note': 'x',
        ...(i % 3 === 0 ? { 'other:note': 'y' } : {}),
        ...(i % 2 === 0 ? { action: 'MOVE' } : {}),
      });
    const list = `[${Array.from({ length: 12 }, (_, i) => extended(i)).join(',')}]`;
    const start =
      '{"type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2024-05-01T09:00:00Z"';
    const context =
      '["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",{"ex":"https://ex.example/"}]';
    for (const text of [
      `${start},"epcisBody":{"eventList":${list}},"@context":${context}}`,
      `${start},"epcisBody":{"eventList":${list}}}`,
    ]) {
      for (const mode of ['strict', 'lenient'] as const) {
        const all = await validateEpcisDocumentStream(pieces(text, 64), { mode });
        expect(all.diagnosticCount).toBe(validateEpcisDocument(text, { mode }).diagnostics.length);
        for (let max = 0; max <= all.diagnosticCount + 1; max += 1) {
          const r = await validateEpcisDocumentStream(pieces(text, 64), {
            mode,
            maxDiagnostics: max,
          });
          expect(brief(r.diagnostics)).toEqual(brief(all.diagnostics.slice(0, max)));
          expect(counts(r)).toEqual(counts(all));
        }
      }
    }
  });
});

describe('progress reports', () => {
  const event = (i: number) =>
    JSON.stringify({ ...OBSERVE_EVENT, ...(i === 1 ? { action: 'MOVE' } : {}) });
  const jsonLines = (n: number) => Array.from({ length: n }, (_, i) => event(i)).join('\n');
  const documentOf = (n: number) =>
    `{"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],` +
    `"type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2024-05-01T09:00:00Z",` +
    `"epcisBody":{"eventList":[${Array.from({ length: n }, (_, i) => event(i)).join(',')}]}}`;
  const streams = [
    ['validateEpcisJsonLines', validateEpcisJsonLines, jsonLines],
    ['validateEpcisDocumentStream', validateEpcisDocumentStream, documentOf],
  ] as const;
  /** A source of the pieces given, noting how many were read and whether it was closed. */
  function source(parts: readonly string[]) {
    const seen = { read: 0, closed: false };
    async function* gen() {
      try {
        for (const p of parts) {
          seen.read += 1;
          yield p;
        }
      } finally {
        seen.closed = true;
      }
    }
    return { source: gen(), seen };
  }
  const perEvent = (text: string) => text.split(/(?<=[\n,])(?=\{"type")/);

  it.each(streams)('%s: repeats no report at the end', async (_, validate, textOf) => {
    const text = textOf(20);
    const bytes = Buffer.byteLength(text);
    const reports: StreamProgress[] = [];
    await validate(source([text]).source, { progressEvery: 10 }, (p) => reports.push(p));
    expect(reports).toEqual([
      { events: 10, bytes },
      { events: 20, bytes },
    ]);
    // bytes read after the last report: the end is reported
    const more: StreamProgress[] = [];
    await validate(source([`${text}\n`, '\n']).source, { progressEvery: 10 }, (p) => more.push(p));
    expect(more).toEqual([
      { events: 10, bytes: bytes + 1 },
      { events: 20, bytes: bytes + 1 },
      { events: 20, bytes: bytes + 2 },
    ]);
    // fewer events than progressEvery: the end only
    const few: StreamProgress[] = [];
    await validate(source([textOf(3)]).source, { progressEvery: 10 }, (p) => few.push(p));
    expect(few).toEqual([{ events: 3, bytes: Buffer.byteLength(textOf(3)) }]);
  });

  it.each(streams)(
    '%s: stops at a progress callback that throws, and reports it',
    async (_, validate, textOf) => {
      const parts = perEvent(textOf(30));
      expect(parts).toHaveLength(30);
      for (const onEvent of [undefined, () => undefined]) {
        const { source: s, seen } = source(parts);
        const passed: number[] = [];
        let calls = 0;
        const r = await validate(
          s,
          {
            locale: 'en',
            progressEvery: 10,
            ...(onEvent ? { onEvent: (_e, i) => passed.push(i) } : {}),
          },
          () => {
            calls += 1;
            throw new Error('progress bar gone');
          },
        );
        expect(calls).toBe(1);
        expect([r.valid, r.eventCount, r.validEventCount]).toEqual([false, 10, 9]);
        if (onEvent) expect(passed).toEqual([0, 2, 3, 4, 5, 6, 7, 8, 9]);
        expect(r.diagnostics.map((d) => d.code)).toEqual([
          'TRACE_INVALID_ENUM',
          'TRACE_PROGRESS_CALLBACK_FAILED',
        ]);
        expect(r.diagnostics[1]?.message).toBe(
          'The progress callback (onProgress) failed after 10 events, so the validation stopped there: progress bar gone',
        );
        expect(r.diagnostics[1]?.path).toEqual([]);
        // the reading stopped there, and the source was closed
        expect(seen.read).toBeLessThanOrEqual(11);
        expect(seen.closed).toBe(true);
      }
    },
  );

  it.each(streams)(
    '%s: stops at an event callback that throws, and reports it at the event',
    async (_, validate, textOf) => {
      const parts = perEvent(textOf(30));
      const { source: s, seen } = source(parts);
      const passed: number[] = [];
      const r = await validate(s, {
        locale: 'en',
        onEvent: (_e, i) => {
          passed.push(i);
          if (i === 5) throw new Error('database down');
        },
      });
      // event 1 has an error (MOVE) and is not passed on; the callback failed on event 5
      expect(passed).toEqual([0, 2, 3, 4, 5]);
      expect(r.valid).toBe(false);
      expect(r.diagnostics.map((d) => d.code)).toEqual([
        'TRACE_INVALID_ENUM',
        'TRACE_EVENT_CALLBACK_FAILED',
      ]);
      const failed = r.diagnostics[1];
      expect(failed?.message).toBe(
        'The event callback (onEvent) failed on event 5, so the validation stopped there: database down',
      );
      expect(failed?.path?.at(-1)).toBe(5);
      // before: a TRACE_STREAM_ERROR, as if the source had failed; now the reading stops there too
      expect(seen.read).toBeLessThanOrEqual(7);
      expect(seen.closed).toBe(true);
    },
  );

  it('reports an event callback that throws on a single event given as the document, without rejecting', async () => {
    const single = {
      '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
      ...OBSERVE_EVENT,
    };
    const { source: s } = source([JSON.stringify(single)]);
    const r = await validateEpcisDocumentStream(s, {
      onEvent: () => {
        throw new Error('no');
      },
    });
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['TRACE_EVENT_CALLBACK_FAILED', []],
    ]);
  });

  it.each(streams)(
    '%s: reports a progress callback that throws at the end, without rejecting',
    async (_, validate, textOf) => {
      const text = textOf(5);
      let calls = 0;
      const r = await validate(source([text]).source, { progressEvery: 10 }, () => {
        calls += 1;
        throw 'not an error';
      });
      expect(calls).toBe(1);
      expect([r.valid, r.eventCount, r.validEventCount, r.diagnosticCount]).toEqual([
        false,
        5,
        4,
        2,
      ]);
      expect(r.diagnostics.map((d) => [d.code, d.params?.events])).toEqual([
        ['TRACE_INVALID_ENUM', undefined],
        ['TRACE_PROGRESS_CALLBACK_FAILED', 5],
      ]);
      expect(r.diagnostics[1]?.message).toContain('not an error');
    },
  );
});

describe('validatorFor', () => {
  it('builds no validator for options that do not shape one (stream, line and event options)', () => {
    const index = createTraceIndex();
    const streamOptions: StreamValidationOptions = {
      mode: 'lenient',
      now: NOW,
      index,
      progressEvery: 5,
      maxDiagnostics: 10,
      onEvent: () => undefined,
      context: ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
    };
    expect(validatorFor(streamOptions)).toBe(validatorFor({ mode: 'lenient' }));
    expect(validatorFor({ index, requireContext: true } as never)).toBe(validatorFor({}));
    // an option that does shape it still gets its own
    expect(validatorFor({ maxDepth: 10 })).not.toBe(validatorFor({}));
  });
});
