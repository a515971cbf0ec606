import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isFoodSafetyError, type PathSegment } from '@foodsafety/core';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTEXT_WITH_EX, documentOf, OBSERVE_EVENT } from './__fixtures__/events.js';
import { createEpcisEventValidator } from './epcis-event-validator.js';
import { parseEpcisDocument } from './parse-epcis-document.js';
import { serializeEpcisDocument, serializeEpcisEvent } from './serialize-epcis-document.js';
import { validateEpcisDocument } from './validate-epcis-document.js';
import { validateEpcisDocumentStream, validateEpcisJsonLines } from './validate-epcis-stream.js';

const CONTEXT = CONTEXT_WITH_EX;
const event = {
  ...OBSERVE_EVENT,
  bizStep: 'shipping',
  readPoint: { id: 'urn:epc:id:sgln:0614141.07346.1234' },
};
const doc = documentOf;

describe('bad input never throws and never hangs', () => {
  it('arbitrary JSON values, as values and as text (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const a = validateEpcisDocument(v);
        const b = validateEpcisDocument(JSON.stringify(v) ?? 'null');
        const c = validateEpcisDocument(doc([v]));
        return a.valid === b.valid && Array.isArray(c.diagnostics);
      }),
      { numRuns: 500 },
    );
  });

  it('arbitrary members added to a valid event (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (extra) => {
        const r = validateEpcisDocument(doc([{ ...event, ...extra }]));
        return typeof r.valid === 'boolean';
      }),
      { numRuns: 300 },
    );
  });

  it('deep nesting (10 000 levels) as value and as text', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { 'ex:a': deep };
    const r = validateEpcisDocument(doc([{ ...event, 'ex:a': deep }]));
    expect(r.valid).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['TRACE_DEPTH_LIMIT']);
    const text = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expect(validateEpcisDocument(text).valid).toBe(false);
    const arrays = `{"type":"EPCISDocument","x:y":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    expect(() => validateEpcisDocument(arrays)).not.toThrow();
  });

  it('__proto__ keys are plain members', () => {
    const text = `{"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],"type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2024-05-01T09:00:00Z","__proto__":{"polluted":true},"epcisBody":{"eventList":[{"__proto__":{"x":1},"type":"ObjectEvent","eventTime":"2024-05-01T00:00:00Z","eventTimeZoneOffset":"+00:00","epcList":[],"action":"OBSERVE"}]}}`;
    const r = validateEpcisDocument(text);
    expect(r.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(['TRACE_MEMBER_NOT_ALLOWED']),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('huge arrays are handled in linear time', () => {
    const epcs = Array.from({ length: 100_000 }, (_, i) => `urn:epc:id:sgtin:0614141.107346.${i}`);
    const r = validateEpcisDocument(doc([{ ...event, epcList: epcs }]));
    expect(r.valid).toBe(true);
    const junk = validateEpcisDocument(doc(Array.from({ length: 50_000 }, () => 0)));
    expect(junk.diagnostics).toHaveLength(50_000);
  });
});

describe('serialiser round trip', () => {
  const root = new URL('../../../../../shared/conformance/epcis/examples/', import.meta.url);
  it('a document that validates still validates after serialise → parse (property over event variants)', () => {
    const arbitraryEvent = fc.record({
      type: fc.constant('ObjectEvent'),
      eventTime: fc
        .date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString()),
      eventTimeZoneOffset: fc.constantFrom('+00:00', '+08:00', '-05:00'),
      action: fc.constantFrom('ADD', 'OBSERVE', 'DELETE'),
      epcList: fc.uniqueArray(
        fc.nat(99999).map((n) => `urn:epc:id:sgtin:0614141.107346.${n}`),
        { maxLength: 5 },
      ),
      bizStep: fc.constantFrom('shipping', 'receiving', 'inspecting', 'https://ex.example/step'),
      'ex:note': fc.string(),
    });
    fc.assert(
      fc.property(fc.array(arbitraryEvent, { maxLength: 5 }), (events) => {
        const first = parseEpcisDocument(doc(events), { mode: 'lenient' });
        if (!first.ok) return true;
        const text = serializeEpcisDocument(first.value);
        const second = parseEpcisDocument(text, { mode: 'lenient' });
        return second.ok && JSON.stringify(second.value) === text;
      }),
      { numRuns: 200 },
    );
  });

  const examplesDir = fileURLToPath(root);
  it.skipIf(!existsSync(examplesDir))(
    'keeps every conformance example valid (conformance data present)',
    () => {
      const walk = (d: string): string[] =>
        readdirSync(d).flatMap((f) => {
          const p = join(d, f);
          return statSync(p).isDirectory() ? walk(p) : p.endsWith('.jsonld') ? [p] : [];
        });
      const all = walk(examplesDir);
      expect(all).toHaveLength(47);
      for (const f of all) {
        const parsed = parseEpcisDocument(readFileSync(f, 'utf8'));
        expect(parsed.ok, f).toBe(true);
        if (!parsed.ok) continue;
        const text = serializeEpcisDocument(parsed.value, { indent: 2 });
        const again = validateEpcisDocument(text);
        expect(again.valid, f).toBe(true);
        expect(
          again.diagnostics.map((d) => d.code),
          f,
        ).toEqual(parsed.diagnostics.map((d) => d.code));
      }
    },
  );
});

describe('our validator agrees with ajv + the official schema on mutated events (property)', () => {
  const schemaUrl = new URL(
    '../../../../../shared/conformance/epcis/schema/epcis-json-schema.json',
    import.meta.url,
  );
  let schema: unknown;
  try {
    schema = JSON.parse(readFileSync(schemaUrl, 'utf8'));
  } catch {
    schema = undefined;
  }
  it.skipIf(schema === undefined)('on events with members replaced or removed', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema as object);
    const ours = createEpcisEventValidator({ requireContext: true, context: CONTEXT });
    const full = {
      '@context': CONTEXT,
      ...event,
      quantityList: [
        { epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: 3, uom: 'KGM' },
      ],
      bizTransactionList: [
        { type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:0614141000005:PO1' },
      ],
      sourceList: [{ type: 'owning_party', source: 'urn:epc:id:pgln:0614141.00000' }],
      sensorElementList: [{ sensorReport: [{ type: 'Temperature', value: 4, uom: 'CEL' }] }],
      persistentDisposition: { set: ['recalled'] },
      disposition: 'in_transit',
      eventID: 'urn:uuid:1',
    };
    const keys = Object.keys(full);
    const replacement = fc.oneof(
      fc.constant(undefined),
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(
        'ADD',
        'add',
        'urn:x',
        'not a uri',
        '2024-01-01T00:00:00Z',
        [],
        {},
        -1,
        'KGM',
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom(...keys), replacement, (key, value) => {
        const ev: Record<string, unknown> = { ...full };
        if (value === undefined) delete ev[key];
        else ev[key] = value;
        const mine = ours.validate(ev);
        const schemaErrors = mine.diagnostics.filter(
          (d) => d.severity === 'error' && !BEYOND_SCHEMA.has(d.code),
        );
        return (schemaErrors.length === 0) === (validate(ev) as boolean);
      }),
      { numRuns: 400 },
    );
  });
});

describe('our validator agrees with ajv + the official schema deep inside the GS1 examples (property)', () => {
  const root = new URL('../../../../../shared/conformance/epcis/', import.meta.url);
  const dir = fileURLToPath(root);
  const present = existsSync(join(dir, 'schema')) && existsSync(join(dir, 'examples'));
  it.skipIf(!present)(
    'on example events with one or two members removed, replaced or added at any depth',
    () => {
      const schema = JSON.parse(readFileSync(join(dir, 'schema/epcis-json-schema.json'), 'utf8'));
      const ajv = new Ajv({ allErrors: true, strict: false });
      addFormats(ajv);
      ajv.addSchema(schema);
      const validate = ajv.getSchema(`${schema.$id}#/definitions/EPCIS-Document-Event`);
      if (validate === undefined) throw new Error('EPCIS-Document-Event not in the schema');
      const walk = (d: string): string[] =>
        readdirSync(d).flatMap((f) => {
          const p = join(d, f);
          return statSync(p).isDirectory() ? walk(p) : p.endsWith('.jsonld') ? [p] : [];
        });
      const examples: { event: unknown; context: unknown }[] = [];
      for (const f of walk(join(dir, 'examples'))) {
        const d = JSON.parse(readFileSync(f, 'utf8'));
        const list = d?.epcisBody?.eventList ?? d?.epcisBody?.queryResults?.resultsBody?.eventList;
        for (const event of list ?? []) examples.push({ event, context: d['@context'] });
      }
      /** Every member path of a value (keys and indexes). */
      const pathsOf = (v: unknown, base: PathSegment[] = []): PathSegment[][] =>
        v !== null && typeof v === 'object'
          ? Object.keys(v).flatMap((k) => {
              const p = [...base, Array.isArray(v) ? Number(k) : k];
              return [p, ...pathsOf((v as Record<string, unknown>)[k], p)];
            })
          : [];
      const value = fc.oneof(
        fc.jsonValue({ maxDepth: 1 }),
        fc.constantFrom(
          'ADD',
          'add',
          'urn:epc:id:sgtin:0614141.107346.2017',
          'not a uri',
          '2024-13-01T00:00:00Z',
          '2024-01-01T00:00:00.000+01:00',
          '+1:00',
          'KGM',
          'owning_party',
          { id: 'urn:x' },
          { type: 'Temperature', value: 1 },
        ),
      );
      const edit = fc.record({
        at: fc.nat(),
        how: fc.constantFrom('remove', 'replace', 'add'),
        name: fc.constantFrom(
          'extra',
          'ex:extra',
          'type',
          'value',
          'uom',
          'id',
          'quantity',
          'time',
        ),
        value,
      });
      const edited = (
        event: unknown,
        e: { at: number; how: string; name: string; value: unknown },
      ) => {
        const copy = structuredClone(event) as Record<string, unknown>;
        const paths = pathsOf(copy);
        const path = paths[e.at % paths.length] as PathSegment[];
        let parent = copy as Record<PathSegment, unknown>;
        for (const k of path.slice(0, -1)) parent = parent[k] as Record<PathSegment, unknown>;
        const last = path[path.length - 1] as PathSegment;
        if (e.how === 'remove') {
          if (Array.isArray(parent)) parent.splice(last as number, 1);
          else delete parent[last];
        } else if (e.how === 'replace' || Array.isArray(parent)) parent[last] = e.value;
        else parent[e.name] = e.value;
        return copy;
      };
      fc.assert(
        fc.property(
          fc.constantFrom(...examples),
          fc.array(edit, { minLength: 1, maxLength: 2 }),
          (example, edits) => {
            const event = edits.reduce(edited, example.event);
            const mine = createEpcisEventValidator({ context: example.context }).validate(event);
            const schemaErrors = mine.diagnostics.filter(
              (d) => d.severity === 'error' && !BEYOND_SCHEMA.has(d.code),
            );
            expect(schemaErrors.length === 0, JSON.stringify(event)).toBe(
              validate(event) as boolean,
            );
          },
        ),
        { numRuns: 1000 },
      );
    },
  );
});

const BEYOND_SCHEMA = new Set([
  'TRACE_AGGREGATION_PARENT_MISSING',
  'TRACE_OFFSET_MISMATCH',
  'TRACE_NEGATIVE_QUANTITY',
  'TRACE_GS1_CHECK_DIGIT',
  'TRACE_GS1_URI_INVALID',
  'TRACE_UNDECLARED_PREFIX',
  'TRACE_BIZSTEP_ACTION',
  'TRACE_FUTURE_EVENT',
  'TRACE_SENSOR_TIME_AFTER_EVENT',
  'TRACE_DEPTH_LIMIT',
  'TRACE_ILMD_NOT_ALLOWED',
  'TRACE_EMPTY_WHAT',
]);

describe('streaming', () => {
  async function* from(parts: readonly string[]) {
    for (const p of parts) yield p;
  }

  it('validates JSON Lines with paths by line, progress and valid events', async () => {
    const lines = [
      JSON.stringify(event),
      '',
      JSON.stringify({ ...event, action: 'MOVE' }),
      '{not json',
      JSON.stringify({ ...event, action: 'add' }),
    ].join('\n');
    const progress: { events: number; bytes: number }[] = [];
    const seen: number[] = [];
    const r = await validateEpcisJsonLines(
      from([lines.slice(0, 17), lines.slice(17, 150), lines.slice(150)]),
      { mode: 'lenient', context: CONTEXT, progressEvery: 1, onEvent: (_e, i) => seen.push(i) },
      (p) => progress.push(p),
    );
    expect(r.eventCount).toBe(4);
    expect(r.validEventCount).toBe(2);
    expect(seen).toEqual([0, 3]);
    expect(r.diagnostics.map((d) => [d.code, d.path?.[0]])).toEqual([
      ['TRACE_INVALID_ENUM', 1],
      ['TRACE_JSON_SYNTAX', 2],
      ['TRACE_CASE_NORMALISED', 3],
    ]);
    expect(progress.at(-1)).toEqual({ events: 4, bytes: Buffer.byteLength(lines) });
  });

  it('reads a web ReadableStream of bytes and a large document event by event', async () => {
    const events = Array.from({ length: 2000 }, (_, i) => ({
      ...event,
      epcList: [`urn:epc:id:sgtin:0614141.107346.${i}`],
    }));
    const text = JSON.stringify(doc(events));
    const bytes = new TextEncoder().encode(text);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 1000) controller.enqueue(bytes.slice(i, i + 1000));
        controller.close();
      },
    });
    let count = 0;
    const r = await validateEpcisDocumentStream(stream, { onEvent: () => count++ });
    expect(r.valid).toBe(true);
    expect(r.eventCount).toBe(2000);
    expect(count).toBe(2000);
    expect(r.bytes).toBe(bytes.length);
  });

  it('reports unknown profile ids once', async () => {
    const r = await validateEpcisJsonLines(from([JSON.stringify(event)]), { profiles: ['nope'] });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['TRACE_PROFILE_UNKNOWN']);
    expect(r.validEventCount).toBe(1);
  });

  it('reports a failing source as TRACE_STREAM_ERROR', async () => {
    async function* failing() {
      yield '{"type":';
      throw new Error('disk gone');
    }
    const r = await validateEpcisJsonLines(failing());
    expect(r.valid).toBe(false);
    expect(r.diagnostics[0]?.code).toBe('TRACE_STREAM_ERROR');
  });

  it('says what a stream validator reads when given something else, in either language', async () => {
    for (const source of [42, null, 'one line', { read() {} }, [JSON.stringify(event)]]) {
      for (const validate of [validateEpcisJsonLines, validateEpcisDocumentStream]) {
        const r = await validate(source as never, { locale: 'zh-CN' });
        expect(r.valid).toBe(false);
        expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([['TRACE_TYPE_MISMATCH', []]]);
        expect(r.diagnostics[0]?.message).toMatch(/^类型应为 文本来源（/);
      }
    }
    // a piece that is neither text nor bytes: a stream error that says so
    async function* numbers() {
      yield 1;
    }
    const r = await validateEpcisJsonLines(numbers() as never, { locale: 'zh-CN' });
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['TRACE_STREAM_ERROR', '读取数据流失败：数据流中有一段是 number，不是文本或字节'],
    ]);
  });

  it('reports a source that fails with a value that is not an Error', async () => {
    async function* failing() {
      yield '{"type":';
      throw Object.create(null); // String() of it would throw inside the handler
    }
    const lines = await validateEpcisJsonLines(failing());
    const document = await validateEpcisDocumentStream(failing());
    for (const r of [lines, document]) {
      expect(r.diagnostics.map((d) => [d.code, d.params?.detail])).toEqual([
        ['TRACE_STREAM_ERROR', 'object'],
      ]);
    }
  });
});

describe('JavaScript input with shared or cyclic objects', () => {
  it('neither hangs nor throws', () => {
    const shared: Record<string, unknown> = {};
    let node = shared;
    for (let i = 0; i < 40; i++) {
      const next: Record<string, unknown> = {};
      node['ex:a'] = next;
      node['ex:b'] = next; // a DAG: 2^40 paths if walked naively
      node = next;
    }
    const cyclic: Record<string, unknown> = { 'ex:x': 1 };
    cyclic['ex:self'] = cyclic;
    const r = validateEpcisDocument(doc([{ ...event, 'ex:dag': shared, 'ex:cycle': cyclic }]));
    expect(r.valid).toBe(true);
  });
});

describe('the serialisers on what is no event or document', () => {
  it('throw a FoodSafetyError TRACE_SERIALIZE_INPUT_INVALID, never a TypeError', () => {
    const cyclic: Record<string, unknown> = { ...event };
    cyclic['ex:self'] = cyclic;
    const calls: (() => unknown)[] = [
      () => serializeEpcisEvent(null as never),
      () => serializeEpcisEvent(cyclic as never),
      () => serializeEpcisEvent({ ...event, 'ex:n': 10n } as never),
      () => serializeEpcisDocument(null as never),
      () => serializeEpcisDocument({ type: 'EPCISDocument', epcisBody: { eventList: 5 } } as never),
    ];
    for (const call of calls) {
      let thrown: unknown;
      try {
        call();
      } catch (e) {
        thrown = e;
      }
      expect(isFoodSafetyError(thrown, 'TRACE_SERIALIZE_INPUT_INVALID')).toBe(true);
    }
    expect(JSON.parse(serializeEpcisEvent(event as never))).toEqual(event);
    // JSON.stringify's indent: a number or a string
    expect(serializeEpcisEvent(event as never, { indent: '\t' } as never)).toContain('\n\t"');
  });
});

describe('JavaScript values in @context', () => {
  it('takes a bigint without throwing, and still finds a repeated item', () => {
    const context = [
      ...CONTEXT,
      { ex2: 'https://ex2.example/', n: 10n },
      { n: 10n, ex2: 'https://ex2.example/' },
    ];
    const r = validateEpcisDocument({ ...doc([event]), '@context': context });
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['TRACE_DUPLICATE_ITEM', ['@context', 3]],
    ]);
    expect(() => createEpcisEventValidator({ context: [{ n: 10n }] })).not.toThrow();
  });
  it('compares items with shared sub-objects in bounded time, as different', () => {
    let shared: unknown = 'https://ex.example/deep';
    for (let i = 0; i < 30; i++) shared = { a: shared, b: shared }; // 2^30 paths
    const context = [...CONTEXT, { deep: shared }, { deep: shared }];
    // (walked naively, this throws RangeError: Invalid string length, after minutes)
    const r = validateEpcisDocument({ ...doc([event]), '@context': context });
    expect(r.diagnostics.filter((d) => d.code === 'TRACE_DUPLICATE_ITEM')).toEqual([]);
  });
});

describe('names of Object.prototype members in the input', () => {
  const names = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'];
  it('as event types, member names and list members never throw', async () => {
    const { eventPreHash } = await import('./event-hash.js');
    for (const n of names) {
      const ev = JSON.parse(
        `{"type":${JSON.stringify(n)},"${n}":{"${n}":[1]},"eventTime":"2024-05-01T00:00:00Z","eventTimeZoneOffset":"+00:00"}`,
      );
      expect(() => validateEpcisDocument(doc([ev]))).not.toThrow();
      expect(validateEpcisDocument(doc([ev])).valid).toBe(false);
      expect(() => eventPreHash(ev)).not.toThrow();
      expect(() => eventPreHash({ ...event, [n]: [{ [n]: 1 }] })).not.toThrow();
      expect(validateEpcisDocument(doc([{ ...event, [n]: 1 }])).diagnostics[0]?.code).toBe(
        'TRACE_MEMBER_NOT_ALLOWED',
      );
    }
  });

  it('as Digital Link path segments', async () => {
    const { parseDigitalLink } = await import('../gs1/digital-link.js');
    for (const n of names) {
      expect(parseDigitalLink(`https://x.example/${n}/123/01/04012345111118`)).toBeDefined();
      expect(parseDigitalLink(`https://x.example/01/04012345111118/${n}/1`)).toBeUndefined();
    }
  });
});
