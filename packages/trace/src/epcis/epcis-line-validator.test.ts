import type { Diagnostic } from '@foodsafety/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collidingPair } from '../chain/__fixtures__/colliding-strings.js';
import { ContentKeyer } from '../chain/content-hash.js';
import { isoMillis } from '../chain/iso-time.js';
import { hashString32, SEED_A } from '../chain/string-hash.js';
import {
  createTraceIndex,
  recordAdderOf,
  type TraceIndex,
  type TraceIndexOptions,
} from '../chain/trace-index.js';
import { dateTimeMillis, writtenOffsetMinutes } from '../formats/json-formats.js';
import { generatePlatformJsonLines } from '../testdata/b2b-platform.js';
import { generateSeaCucumberChain, SEA_CUCUMBER_VARIANTS } from '../testdata/sea-cucumber-chain.js';
import { createEpcisEventValidator } from './epcis-event-validator.js';
import {
  createEpcisLineValidator,
  type EpcisLineValidatorOptions,
} from './epcis-line-validator.js';
import { compileEpcisValidator } from './epcis-validator.js';
import { EventLineReader } from './event-line-reader.js';
import { parseJsonText } from './json-text.js';
import { ValueMemo } from './value-memo.js';

const NOW = '2030-01-01T00:00:00Z';

/** The reference: every line through JSON.parse, the event validator and the index's `add`. */
function fullPath(
  lines: readonly string[],
  options: EpcisLineValidatorOptions,
  indexOptions: TraceIndexOptions = {},
): {
  perLine: (readonly Diagnostic[])[];
  valid: boolean[];
  final: Diagnostic[];
  nodes: number;
  graph: ReturnType<typeof graphOf>;
} {
  const index = createTraceIndex(indexOptions);
  const events = createEpcisEventValidator(options);
  const perLine: (readonly Diagnostic[])[] = [];
  const valid: boolean[] = [];
  lines.forEach((line, i) => {
    const parsed = parseJsonText(line);
    if (!parsed.ok) {
      perLine.push([{ ...parsed.diagnostic, path: [i, ...(parsed.diagnostic.path ?? [])] }]);
      valid.push(false);
      return;
    }
    const result = events.validate(parsed.value, [i]);
    perLine.push([...result.diagnostics, ...index.add(result.event ?? parsed.value)]);
    valid.push(result.valid);
  });
  return {
    perLine,
    valid,
    final: index.finalize(),
    nodes: index.graph.nodeCount,
    graph: graphOf(index),
  };
}

/** Everything the index's graph keeps: each event's summary, each node's id and events. */
function graphOf(index: TraceIndex) {
  const g = index.graph;
  const events = Array.from({ length: g.eventCount }, (_, slot) => g.event(slot));
  const nodes = Array.from({ length: g.nodeCount }, (_, n) => [g.idOf(n), g.eventsOf(n)]);
  return { events, nodes };
}

/** The same lines through the line validator. */
function linePath(
  lines: readonly string[],
  options: EpcisLineValidatorOptions,
  indexOptions: TraceIndexOptions = {},
) {
  const index = createTraceIndex(indexOptions);
  const validator = createEpcisLineValidator({ ...options, index });
  const results = lines.map((line) => validator.validate(line));
  return {
    perLine: results.map((r) => r.diagnostics),
    valid: results.map((r) => r.valid),
    final: index.finalize(),
    nodes: index.graph.nodeCount,
    graph: graphOf(index),
    direct: validator.direct,
  };
}

function expectSame(lines: readonly string[], options: EpcisLineValidatorOptions = {}) {
  const full = fullPath(lines, options);
  const fast = linePath(lines, options);
  expect(fast.perLine).toEqual(full.perLine);
  expect(fast.valid).toEqual(full.valid);
  expect(fast.final).toEqual(full.final);
  expect(fast.nodes).toBe(full.nodes);
  expect(fast.graph).toEqual(full.graph);
  return fast;
}

const platform = [...generatePlatformJsonLines({ events: 3000, suppliers: 60, buyers: 200 })];

/**
 * A platform line with sources and destinations, and its event again with the same sources, its
 * destinations in the other order (another list) and no eventID.
 */
function sameSourcesOtherDestinations(): [string, string] {
  const line = platform.find((l) => l.includes('"sourceList"')) as string;
  const event = JSON.parse(line) as Record<string, unknown>;
  const destinations = event.destinationList as Record<string, string>[];
  expect(destinations.length).toBeGreaterThan(1);
  const other = JSON.stringify({
    ...event,
    eventID: undefined,
    destinationList: [...destinations].reverse(),
  });
  return [line, other];
}

const chain = generateSeaCucumberChain({ batches: 2 }).events;
/** The chain without its extension member: the shape the direct path takes. */
const plainChain = chain.map((e) => {
  const copy: Record<string, unknown> = { ...e };
  delete copy['fsk:cte'];
  return JSON.stringify(copy);
});

describe('the direct reader', () => {
  it('computes the content key of the parsed event (ContentKeyer) from the text', () => {
    const base = JSON.parse(platform[1] as string) as Record<string, unknown>;
    const quantities = [0, 1, 2147483647, 2147483648, 4294967296, 1.5, 1e21, 1e-7, 123456789012345];
    const lines = [
      ...platform.slice(0, 300),
      ...plainChain,
      ...quantities.map((q) =>
        JSON.stringify({
          ...base,
          quantityList: [{ epcClass: 'urn:epc:class:lgtin:6930937.000001.L1', quantity: q }],
        }),
      ),
      // every common EPC URN prefix (read from their hashes' states after the prefix), and
      // identifiers that begin like one but are not
      ...[
        ['urn:epc:id:sgtin:6930937.000001.1', 'urn:epc:id:sscc:6930937.0000000001'],
        ['urn:epc:id:sgtin:6930937.000001.1:2', 'urn:epc:id:sgtinx:6930937.000001.1'],
        ['urn:epc:id:sgln:6930937.00001.0', 'urn:epc:id:pgln:6930937.00000'],
        ['urn:epc:class:lgtin:6930937.000001.L1', 'urn:epc:class:lgtinx:6930937.000001.L1'],
        ['urn:epc:id:sglnx:6930937.00001.0', 'URN:EPC:ID:SGLN:6930937.00001.0'],
        ['urn:epc:id:s', 'urn:epc:id:sgln:'],
      ].map((epcList) => {
        const { quantityList: _, ...rest } = base;
        return JSON.stringify({ ...rest, epcList });
      }),
    ];
    const reader = new EventLineReader(compileEpcisValidator({}), Number.NaN);
    const keyer = new ContentKeyer();
    let read = 0;
    for (const line of lines) {
      if (!reader.read(line)) continue;
      read += 1;
      expect(keyer.key(JSON.parse(line))).toBe(true);
      expect([reader.record.contentA, reader.record.contentB]).toEqual([keyer.a, keyer.b]);
      // each identifier's hash is the index tables' (hashString32 from SEED_A) of its text
      const r = reader.record;
      for (const list of [r.objects, r.parties, r.transactions]) {
        for (let i = 0; i < list.length; i += 1) {
          const text = r.slice(list.start[i] as number, list.end[i] as number);
          expect(list.hash[i]).toBe(hashString32(text, SEED_A));
        }
      }
      if (r.readPointStart >= 0) {
        expect(r.readPointHash).toBe(
          hashString32(r.slice(r.readPointStart, r.readPointEnd), SEED_A),
        );
      }
      if (r.bizLocationStart >= 0) {
        expect(r.bizLocationHash).toBe(
          hashString32(r.slice(r.bizLocationStart, r.bizLocationEnd), SEED_A),
        );
      }
    }
    expect(read).toBeGreaterThan(305);
  });
});

describe('the direct reader’s eventTime', () => {
  const base = JSON.parse(platform[1] as string) as Record<string, unknown>;
  const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
  const dateTime = fc
    .record({
      year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(1900, 2000, 2100, 2024)),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 24 }),
      minute: fc.integer({ min: 0, max: 60 }),
      second: fc.integer({ min: 0, max: 60 }),
      fraction: fc.constantFrom('', '.000', '.5', '.123', '.1234', '.'),
      zone: fc.constantFrom(
        'Z',
        'z',
        '+08:00',
        '-05:00',
        '+00:00',
        '-00:00',
        '+14:00',
        '+13:59',
        '+23:59',
        '+24:00',
        '-12:30',
        '+0800',
        '+08',
      ),
      separator: fc.constantFrom('T', 'T', 'T', 't', ' '),
    })
    .map(
      (d) =>
        `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}${d.separator}${pad(d.hour)}:${pad(d.minute)}:${pad(d.second)}${d.fraction}${d.zone}`,
    );

  it('reads what the validator accepts, as the index reads it (property)', () => {
    const reader = new EventLineReader(compileEpcisValidator({}), Number.NaN);
    fc.assert(
      fc.property(dateTime, (text) => {
        const written = writtenOffsetMinutes(text);
        const offset =
          written === undefined
            ? '+08:00'
            : `${written < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(written) / 60))}:${pad(Math.abs(written) % 60)}`;
        const line = JSON.stringify({ ...base, eventTime: text, eventTimeZoneOffset: offset });
        const ok = reader.read(line);
        const valid =
          !Number.isNaN(dateTimeMillis(text)) &&
          /^[+-](0\d|1[0-3]):[0-5]\d$|^[+-]14:00$/.test(offset);
        expect(ok).toBe(valid);
        if (ok) expect(reader.record.time).toBe(isoMillis(text));
      }),
      {
        numRuns: 3000,
        examples: [
          ['2100-02-29T12:00:00.000Z'],
          ['1900-02-29T12:00:00Z'],
          ['2000-02-29T12:00:00.000+08:00'],
          ['2024-02-29T12:00:00.000-05:00'],
          ['2024-02-30T12:00:00.000+08:00'],
          ['2023-04-31T12:00:00.000+08:00'],
          ['2016-12-31T23:59:60Z'],
          ['2024-05-01T24:00:00Z'],
          ['0100-01-01T00:00:00Z'],
          ['0099-12-31T23:59:59Z'],
        ],
      },
    );
  });

  it('agrees with the full path on time order across leap days and offsets', () => {
    const times = [
      '2000-02-29T12:00:00.000+08:00',
      '2100-02-29T12:00:00.000+08:00',
      '2024-03-01T00:00:00.000-05:00',
      '2024-02-29T23:00:00.000-05:00',
      '2024-03-01T03:00:00.000+08:00',
    ];
    const lot = 'urn:epc:class:lgtin:6930937.000001.LX';
    const lines = times.map((t, i) =>
      JSON.stringify({
        ...base,
        eventID: `urn:uuid:00000000-0000-4000-8000-00000000000${i}`,
        eventTime: t,
        eventTimeZoneOffset: t.slice(-6),
        action: i === 3 ? 'ADD' : 'OBSERVE',
        bizStep: i === 3 ? 'commissioning' : 'receiving',
        quantityList: [{ epcClass: lot, quantity: 1, uom: 'KGM' }],
      }),
    );
    const fast = expectSame(lines, { now: NOW });
    expect(fast.perLine.flat().map((d) => d.code)).toContain('TRACE_TIME_ORDER');
  });
});

describe('createEpcisLineValidator', () => {
  it('reads the platform data straight from the text, with the findings of the full path', () => {
    const fast = expectSame(platform, { mode: 'strict', now: NOW });
    // every platform line takes the direct path (the test fails if it silently never does)
    expect(fast.direct).toBe(platform.length);
    expect(fast.perLine.every((d) => d.length === 0)).toBe(true);
  });

  it('gives the full path’s findings for the sea-cucumber chain and each of its broken variants', () => {
    for (const variant of SEA_CUCUMBER_VARIANTS) {
      const events = generateSeaCucumberChain({ variant }).events;
      const plain = events.map((e) => {
        const copy: Record<string, unknown> = { ...e };
        delete copy['fsk:cte'];
        return JSON.stringify(copy);
      });
      expectSame(plain, { mode: 'strict', now: NOW });
      expectSame(
        events.map((e) => JSON.stringify(e)),
        { mode: 'lenient', now: NOW },
      );
    }
    // the object events of the chain take the direct path; its aggregations, ILMD and sensor
    // events the full one
    expect(linePath(plainChain, { now: NOW }).direct).toBeGreaterThan(3);
  });

  it('finds duplicates across the two paths (same eventID; same content, other eventID)', () => {
    const first = JSON.parse(platform[5] as string) as Record<string, unknown>;
    const sameId = JSON.stringify({ ...first, 'ex:note': 'x' }); // full path (an extension)
    const sameContent = JSON.stringify({
      ...first,
      eventID: 'urn:uuid:00000000-0000-4000-8000-000000000001',
    });
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(first).reverse()));
    const fast = expectSame(
      [platform[5] as string, sameId, sameContent, reordered, ` ${platform[5]} `],
      { now: NOW, context: { ex: 'https://example.org/' } },
    );
    const codes = fast.perLine.map((d) => d.map((x) => x.code));
    expect(codes[1]).toContain('TRACE_DUPLICATE_EVENT_ID');
    expect(codes[2]).toContain('TRACE_DUPLICATE_EVENT_CONTENT');
    expect(codes[3]).toContain('TRACE_DUPLICATE_EVENT_ID');
    expect(codes[4]).toContain('TRACE_DUPLICATE_EVENT_ID');
  });

  it('keeps identifiers whose hashes collide apart, as the full path does', () => {
    const [t1, t2] = collidingPair('urn:epcglobal:cbv:bt:6930937000009:');
    const [l1, l2] = collidingPair('urn:epc:class:lgtin:6930937.000001.');
    const [p1, p2] = collidingPair('urn:epc:id:sgln:6930937.00001.');
    const base = JSON.parse(platform[1] as string) as Record<string, unknown>;
    const lines = [
      [t1, l1, p1],
      [t2, l2, p2],
      [t2, l1, p2],
      [t1, l2, p1],
    ].map(([tx, lot, place], i) =>
      JSON.stringify({
        ...base,
        eventID: `urn:uuid:00000000-0000-4000-8000-00000000001${i}`,
        quantityList: [{ epcClass: lot, quantity: 1, uom: 'KGM' }],
        readPoint: { id: place },
        bizLocation: { id: place },
        bizTransactionList: [{ type: 'po', bizTransaction: tx }],
      }),
    );
    // an epcList of two EPCs whose hashes collide: different items, so the list is read straight
    const [e1, e2] = collidingPair('urn:epc:id:sgtin:6930937.000001.');
    lines.push(
      JSON.stringify({
        ...base,
        eventID: 'urn:uuid:00000000-0000-4000-8000-000000000019',
        epcList: [e1, e2],
      }),
    );
    const fast = expectSame(lines, { now: NOW });
    expect(fast.direct).toBe(lines.length);
  }, 30_000);

  it('reports a line that is not JSON at its position and keeps going', () => {
    const index = createTraceIndex();
    const validator = createEpcisLineValidator({ index, now: NOW });
    expect(validator.validate(platform[0] as string).valid).toBe(true);
    const bad = validator.validate('{"type": "ObjectEvent",');
    expect(bad.valid).toBe(false);
    expect(bad.diagnostics[0]?.path?.[0]).toBe(1);
    expect(validator.validate(platform[1] as string).valid).toBe(true);
    expect(validator.lines).toBe(3);
    expect(index.size).toBe(2);
  });

  it('takes the full path whenever the direct one could differ', () => {
    const withProfile = createEpcisLineValidator({ profiles: ['fsma-204'], now: NOW });
    const requireContext = createEpcisLineValidator({ requireContext: true, now: NOW });
    const retaining = createEpcisLineValidator({ index: createTraceIndex({ retainEvents: true }) });
    const hashing = createEpcisLineValidator({
      index: createTraceIndex({ contentHash: (e) => JSON.stringify(e) }),
    });
    const badContext = createEpcisLineValidator({ context: 42 });
    for (const v of [withProfile, requireContext, retaining, hashing, badContext]) {
      for (const line of platform.slice(0, 20)) v.validate(line);
      expect(v.direct).toBe(0);
    }
    const plainValidator = createEpcisLineValidator({ now: NOW });
    for (const line of platform.slice(0, 20))
      expect(plainValidator.validate(line).valid).toBe(true);
    expect(plainValidator.direct).toBe(20);
  });

  it('agrees with the full path on CBV URIs in any case, and the index sees the shipment the validator lets through', () => {
    // RFC 8141 / RFC 3986: `URN:EPCGLOBAL:cbv:…` is the CBV URN, `HTTPS://REF.GS1.ORG/cbv/…` the
    // CBV web URI; a case slip in the rest is a case slip. The reader takes what the validator
    // takes as it stands and leaves the rest to the full path, which must give the same findings
    const shipped = JSON.parse(
      platform.find((l) => l.includes('"shipping"') && l.includes('"sourceList"')) as string,
    ) as Record<string, unknown>;
    const destinations = shipped.destinationList as { type: string; destination: string }[];
    const site = (destinations.find((d) => d.type === 'location') as { destination: string })
      .destination;
    const receipt = JSON.stringify({
      ...shipped,
      eventID: undefined,
      eventTime: '2017-01-02T00:44:47.000+08:00',
      bizStep: 'receiving',
      disposition: 'in_progress',
      readPoint: { id: site },
      bizLocation: { id: site },
    });
    const spellings = (urn: string, web: string, word: string) => [
      word,
      `urn:epcglobal:cbv:${urn}:${word}`,
      `URN:EPCGLOBAL:cbv:${urn}:${word}`,
      `urn:EPCglobal:cbv:${urn}:${word}`,
      `URN:EPCGLOBAL:CBV:${urn.toUpperCase()}:${word}`,
      `urn:epcglobal:cbv:${urn}:${word.toUpperCase()}`,
      `https://ref.gs1.org/cbv/${web}-${word}`,
      `HTTPS://REF.GS1.ORG/cbv/${web}-${word}`,
      `http://ref.gs1.org/cbv/${web}-${word}`,
      `https://ref.gs1.org/cbv/${web.toLowerCase()}-${word}`,
      `https://ref.gs1.org/cbv/${web}-${word.toUpperCase()}`,
      word.toUpperCase(),
    ];
    const sources = shipped.sourceList as Record<string, string>[];
    const withValue = (field: string, v: string): Record<string, unknown> => {
      if (field === 'bizTransactionList')
        return {
          bizTransactionList: [{ ...(shipped.bizTransactionList as object[])[0], type: v }],
        };
      if (field === 'sourceList') return { sourceList: [{ ...sources[0], type: v }, sources[1]] };
      return { [field]: v };
    };
    const fields: [string, string, string, string][] = [
      ['bizStep', 'bizstep', 'BizStep', 'shipping'],
      ['disposition', 'disp', 'Disp', 'in_transit'],
      ['bizTransactionList', 'btt', 'BTT', 'po'],
      ['sourceList', 'sdt', 'SDT', 'owning_party'],
    ];
    const codesOf = (ds: readonly Diagnostic[]) => ds.map((d) => d.code);
    for (const mode of ['strict', 'lenient'] as const) {
      const baseline = expectSame([JSON.stringify(shipped), receipt], { mode, now: NOW });
      expect(baseline.direct).toBe(2); // the lower-case bare words: read from the text
      expect(codesOf(baseline.final)).not.toContain('TRACE_RECEIPT_WITHOUT_SHIPMENT');
      for (const [field, urn, web, word] of fields) {
        for (const v of spellings(urn, web, word)) {
          const line = JSON.stringify({ ...shipped, ...withValue(field, v) });
          const fast = expectSame([line, receipt], { mode, now: NOW });
          const found = codesOf(fast.perLine[0] ?? []);
          // the verdicts: the same value in another case is that value; a case slip is one
          const sameAsUrn =
            v.startsWith('URN:EPCGLOBAL:cbv:') || v.startsWith('urn:EPCglobal:cbv:');
          const slip =
            v === word.toUpperCase() ||
            v.includes(`:${word.toUpperCase()}`) ||
            v.includes(`-${word.toUpperCase()}`) ||
            v.includes('CBV:') ||
            v.includes(`/cbv/${web.toLowerCase()}-`);
          if (mode === 'strict' && (sameAsUrn || v.startsWith('urn:') || slip))
            expect([field, v, found]).toEqual([field, v, ['TRACE_INVALID_VOCABULARY']]);
          else if (mode === 'lenient' && slip)
            expect([field, v, found]).toEqual([field, v, ['TRACE_CASE_NORMALISED']]);
          else if (mode === 'lenient' && (sameAsUrn || v.startsWith('urn:')))
            expect([field, v, found]).toEqual([field, v, ['TRACE_CBV_URN_NORMALISED']]);
          else expect([mode, field, v, found]).toEqual([mode, field, v, []]);
          // a shipment the validator let through (as it stands or normalised) is one for the index
          if (field === 'bizStep' && fast.valid[0])
            expect([mode, v, codesOf(fast.final)]).toEqual([mode, v, codesOf(baseline.final)]);
        }
      }
    }
  });

  it('agrees with the full path on events with edge-case values (table)', () => {
    const base = JSON.parse(platform[1] as string) as Record<string, unknown>;
    const variants: Record<string, unknown>[] = [
      { eventTime: '2020-02-29T23:59:59.999+08:00' }, // leap day
      { eventTime: '2019-02-29T10:00:00.000+08:00' }, // no such day
      { eventTime: '2016-12-31T23:59:60Z', eventTimeZoneOffset: '+00:00' }, // leap second
      { eventTime: '2024-05-01T08:00:00+08:00' },
      { eventTime: '2024-05-01T08:00:00.5+08:00' },
      { eventTime: '2024-05-01t08:00:00.000+08:00' },
      { eventTime: '2024-05-01T08:00:00.000Z' }, // written in UTC, offset +08:00
      { eventTime: '2024-05-01T08:00:00.000+09:00' }, // offset mismatch
      { eventTime: '0099-05-01T08:00:00.000+08:00' },
      { eventTime: '2031-05-01T08:00:00.000+08:00' }, // after `now`
      { eventTimeZoneOffset: '+14:30' },
      { eventID: 'URN:UUID:8B792E84-B305-4CD5-8FE8-4914D47DB621' },
      { eventID: 'urn:uuid:8B792E84-B305-4CD5-8FE8-4914D47DB621' }, // upper-case digits: kept as text
      { eventID: 'urn:uuid:8b792e84-b305-4cd5-8fe8-4914d47dbg21' },
      { eventID: 'urn:uuid:8b792e84-b305-4cd5-8fe8-4914d47db62' },
      { eventID: 'urn:uuid:8b792e84-b305-4cd5-8fe8-4914d47db621x' },
      { eventID: 'urn:uuid:8b792e84-b305-4cd5-8fe8-4914d47db62"' }, // a quote where the end would be
      { eventID: 'ni:///sha-256;abc?ver=CBV2.0' },
      { eventID: 'not a uri' },
      { action: 'observe' },
      { action: 'ADD', bizStep: 'receiving' },
      { bizStep: 'urn:epcglobal:cbv:bizstep:receiving' },
      { bizStep: 'https://example.org/step' },
      { disposition: 'Active' },
      { quantityList: [] },
      { quantityList: [{ epcClass: 'urn:epc:class:lgtin:6930937.000001.L1', quantity: -1 }] },
      { quantityList: [{ epcClass: 'urn:epc:class:lgtin:6930937.000001.L1', quantity: 1.5 }] },
      { quantityList: [{ epcClass: 'urn:epc:class:lgtin:6930937.000001.L1', quantity: 1e21 }] },
      { quantityList: [{ epcClass: 'urn:epc:class:lgtin:6930937.000001.L1', quantity: 0 }] },
      { quantityList: [{ epcClass: 'urn:epc:class:lgtin:6930937.000001.L1', uom: 'kgm' }] },
      { quantityList: [{ epcClass: 'urn:epc:class:lgtin:6930937.000001.L1', uom: 'ZZZ' }] },
      { quantityList: [{ epcClass: 'urn:epc:class:lgtin:693093.0000001.L1' }] },
      { quantityList: [{ epcClass: 'urn:epc:class:lgtin:69309.00000001.L1' }] },
      { quantityList: [{ epcClass: 'urn:epc:class:lgtin:6930937000001..L1' }] },
      { quantityList: [{ epcClass: 'urn:epc:class:lgtin:6930937000001.L1' }] },
      { quantityList: [{ epcClass: 'urn:epc:class:lgtin:69309370000011..L1' }] },
      { quantityList: [{ epcClass: 'urn:epc:class:lgtin:6930937.0000a1.L1' }] },
      { quantityList: [{ epcClass: 'urn:epc:class:lgtin:69309a7.000001.L1' }] },
      { quantityList: [{ epcClass: 'urn:epc:class:lgtin:6930937.000001.L%41' }] },
      { quantityList: [{ epcClass: 'urn:epc:class:lgtin:6930937.00001.L1' }] },
      { quantityList: [{ epcClass: 'urn:epc:class:lgtin:6930937.000001.' }] },
      { quantityList: [{ epcClass: 'urn:epc:class:lgtin:6930937.000001.L1:2' }] },
      { quantityList: [{ epcClass: 'https://id.gs1.org/01/06930937000013/10/L1' }] },
      { quantityList: [{ epcClass: 'https://id.gs1.org/01/06930937000012/10/L1' }] },
      ...[
        'https://id.gs1.org/01/06930937000013',
        'https://id.gs1.org/01/6930937000013/10/L1',
        'https://id.gs1.org/01/069309370000130/10/L1',
        'https://id.gs1.org/01/0693093700001a/10/L1',
        'https://id.gs1.org/01/06930937000013?linkType=all',
        'https://id.gs1.org/01/06930937000013/10/L%41',
        'https://id.gs1.org/01/06930937000013/10/L1#x',
        'https://id.gs1.org/414/6930937000013',
        'https://id.gs1.org/00/069309370000000018',
        'https://id.gs1.org/',
        'https://id.gs1.org/01/',
        'https://id.gs1.org:443/01/06930937000013',
        'https://example.org/01/06930937000013',
        // not GS1 Digital Links, though on GS1's resolver: findings on both paths
        'https://id.gs1.org/01/06930937000016/21/abc/10/998877',
        'https://id.gs1.org/01/06930937000016/10/99/88',
        'https://id.gs1.org/01/06930937000016/10/',
        'https://id.gs1.org/01/06930937000016/10',
        'https://id.gs1.org/01/06930937000016/1/L1',
        'https://id.gs1.org/01/06930937000016/11/L1',
        'https://id.gs1.org/01/06930937000016/20/L1',
        'https://id.gs1.org/01/06930937000016/10/ABCDEFGHIJKLMNOPQRSTU',
        'https://id.gs1.org/01/06930937000016/21/ABCDEFGHIJKLMNOPQRSTU',
        'https://ID.GS1.ORG/01/06930937000016/10/',
        // and what they are close to
        'https://id.gs1.org/01/06930937000016/10/ABCDEFGHIJKLMNOPQRST',
        'https://id.gs1.org/01/06930937000016/21/ABCDEFGHIJKLMNOPQRST',
        'https://id.gs1.org/01/06930937000016/10/99%2F88',
        'https://id.gs1.org/01/06930937000016/10/L1/',
        'https://id.gs1.org/01/06930937000016/10/L1/21/S1',
        'https://id.gs1.org/01/06930937000016/21/L1',
        // EPC URNs: `urn:epc:` in any case, the scheme in lower case only, lots of 20 at most
        'urn:EPC:class:lgtin:6930937.000001.L1',
        'URN:EPC:CLASS:LGTIN:6930937.000001.L1',
        'urn:epc:class:lgtin:6930937.000001.ABCDEFGHIJKLMNOPQRST',
        'urn:epc:class:lgtin:6930937.000001.ABCDEFGHIJKLMNOPQRSTU',
        'urn:epc:class:lgtin:6930937.000001.%41BCDEFGHIJKLMNOPQRST',
        'urn:epc:class:lgtin:6930937.000001.%41BCDEFGHIJKLMNOPQRSTU',
      ].map((epcClass) => ({ quantityList: [{ epcClass, quantity: 1, uom: 'KGM' }] })),
      ...[
        'urn:epc:id:sgtin:6930937.000001.ABCDEFGHIJKLMNOPQRST',
        'urn:epc:id:sgtin:6930937.000001.ABCDEFGHIJKLMNOPQRSTU',
        'URN:EPC:ID:SGTIN:6930937.000001.1',
        'Urn:Epc:id:sgtin:6930937.000001.1',
        'https://id.gs1.org/01/06930937000016/21/1/10/1',
      ].map((epc) => ({ epcList: [epc] })),
      { readPoint: { id: 'urn:epc:id:sgln:6930937.00001.ABCDEFGHIJKLMNOPQRST' } },
      { readPoint: { id: 'urn:epc:id:sgln:6930937.00001.ABCDEFGHIJKLMNOPQRSTU' } },
      { readPoint: { id: 'URN:EPC:id:sgln:6930937.00001.0' } },
      ...[1e308, 1e3, Number.MIN_VALUE, Number.MAX_VALUE].map((quantity) => ({
        quantityList: [{ epcClass: 'urn:epc:class:lgtin:6930937.000001.L1', quantity, uom: 'KGM' }],
      })),
      {
        bizTransactionList: [
          { type: 'po', bizTransaction: 'https://id.gs1.org/253/69309370000131' },
        ],
      },
      { bizTransactionList: [{ type: 'po', bizTransaction: 'https://id.gs1.org/253/1 2' }] },
      { quantityList: [{ quantity: 3 }] },
      { quantityList: [{ epcClass: 'urn:epc:class:lgtin:6930937.000001.L1', extra: 1 }] },
      { epcList: [] },
      { epcList: ['urn:epc:id:sgtin:6930937.000001.1', 'urn:epc:id:sgtin:6930937.000001.1'] },
      { epcList: ['urn:epc:id:sscc:6930937.0000000001'] },
      { epcList: ['urn:epc:id:sscc:6930937.000000001'] },
      { readPoint: { id: 'urn:epc:id:sgln:6930937.00001' } },
      { readPoint: { id: 'urn:epc:id:sgln:69309.0000001.0' } },
      { readPoint: { id: 'urn:epc:id:sgln:693093700001..0' } },
      { readPoint: { id: 'urn:epc:id:sgln:6930937.00001.0.1' } },
      { readPoint: { id: 'urn:epc:id:sgln:6930937.00001.' } },
      { readPoint: { id: 'urn:epc:id:sgln:6930937.0000x.0' } },
      { readPoint: { id: 'urn:epc:id:sgln://6930937.00001.0' } },
      { readPoint: { id: 'urn:epc:id:gsrn:6930937.00001.0' } },
      { readPoint: { id: 'urn:epc:id:sgln:6930937.00001.0#x' } },
      { readPoint: { id: '1urn:epc:id:sgln:6930937.00001.0' } },
      { readPoint: { id: 'u_rn:epc:id:sgln:6930937.00001.0' } },
      { readPoint: { id: 'urn:' } },
      { readPoint: { id: 'urn:epc:id:sgln:6930937.00001.0', 'ex:x': 1 } },
      { readPoint: {} },
      { bizLocation: { id: 'urn:epc:id:pgln:6930937.00001' } },
      { bizLocation: { id: 'urn:epc:id:pgln:6930937.000001' } },
      { bizLocation: { id: 'urn:epc:id:pgln:69309.0000001' } },
      { bizLocation: { id: 'urn:epc:id:pgln:6930937.0000.1' } },
      { bizLocation: { id: 'urn:epc:id:pgln:693093712345.' } },
      { bizLocation: { id: 'urn:epc:id:pgln:6930937123456' } },
      { sourceList: [{ type: 'owning_party' }] },
      { sourceList: [{ type: 'owner', source: 'urn:epc:id:pgln:6930937.00000' }] },
      { sourceList: [{ type: 'https://example.org/t', source: 'https://example.org/p' }] },
      { destinationList: [{ destination: 'urn:epc:id:pgln:6930937.00000' }] },
      { bizTransactionList: [{ bizTransaction: 'urn:x:y' }] },
      { bizTransactionList: [{ type: 'po', bizTransaction: 'not a uri' }] },
      { bizTransactionList: [{ type: 'purchase order', bizTransaction: 'urn:x:y' }] },
      { bizTransactionList: [{ type: 'po', bizTransaction: 'https://a.example/po/1' }] },
      { type: 'AggregationEvent' },
      { type: 'TransformationEvent' },
      { ilmd: {} },
      { recordTime: '2024-05-01T08:00:00.000+08:00' },
    ];
    const lines = variants.map((v) => JSON.stringify({ ...base, ...v }));
    const removals = Object.keys(base).map((k) => {
      const copy = { ...base };
      delete copy[k];
      return JSON.stringify(copy);
    });
    expectSame([...lines, ...removals, ...platform.slice(0, 50)], { now: NOW });
    expectSame([...lines, ...removals], { mode: 'lenient', now: NOW });
  });

  it('agrees with the full path on text-level edge cases (table)', () => {
    const line = platform[1] as string;
    const texts = [
      line.replace('"OBSERVE"', '"OBS\\u0045RVE"'), // an escape
      line.replace('"type":"ObjectEvent"', '"type":"ObjectEvent","type":"ObjectEvent"'),
      line.replace('"action":"OBSERVE"', '"action":"OBSERVE","action":"ADD"'),
      line.replace('"quantity":', '"quantity": 0'),
      line.replace('"quantity":', '"quantity":-'),
      line.replace(/"quantity":(\d+)/, '"quantity":$1.0'),
      line.replace(/"quantity":(\d+)/, '"quantity":$1e0'),
      line.replace(/"quantity":(\d+)/, '"quantity":0$1'),
      // numbers beyond a double (Infinity once parsed), at its edge, and those that round to 0
      line.replace(/"quantity":(\d+)/, '"quantity":1e400'),
      line.replace(/"quantity":(\d+)/, '"quantity":-1e400'),
      line.replace(/"quantity":(\d+)/, '"quantity":1E400'),
      line.replace(/"quantity":(\d+)/, '"quantity":1e308'),
      line.replace(/"quantity":(\d+)/, '"quantity":1.7976931348623157e308'),
      line.replace(/"quantity":(\d+)/, '"quantity":1.7976931348623159e308'),
      line.replace(/"quantity":(\d+)/, '"quantity":-0'),
      line.replace(/"quantity":(\d+)/, '"quantity":1E3'),
      line.replace(/"quantity":(\d+)/, '"quantity":0.1e-400'),
      line.replace(/"quantity":(\d+)/, '"quantity":1e-400'),
      line.replace('"uom":"KGM"', '"uom":"KGM" '),
      `${line}x`,
      `${line},`,
      line.replace('{', '[').replace(/}$/, ']'),
      line.replace('Event"', 'Event\u00e9"'),
      line.replace('L0', 'L\u4e2d'),
      `\t${line}\r`,
      JSON.stringify(JSON.parse(line), null, 2),
      '',
      '   ',
      'null',
      '{}',
      line.slice(0, -1),
      line.replace(/:/g, ' : '),
    ];
    expectSame([line, ...texts], { now: NOW });
  });

  it('recalls the words it met lately by their bytes, and reads any other value as the full path does', () => {
    // the reader finds a vocabulary word that passed its check lately by comparing bytes, and the
    // bizStep × type × action rules it looked up lately by the three values
    const line = platform.find(
      (l) => l.includes('"bizStep":"commissioning"') && l.includes('"action":"ADD"'),
    ) as string;
    const lines = [
      line,
      line,
      // a word that begins like one met lately: not JSON (the string runs on), or another word
      line.replace('"action":"ADD"', '"action":"ADDX,'),
      line.replace('"uom":"KGM"', '"uom":"KGMX'),
      line.replace('"uom":"KGM"', '"uom":"KG"'),
      line.replace('"eventTimeZoneOffset":"+08:00"', '"eventTimeZoneOffset":"+08:00 "'),
      // the same bizStep and type with another action: a rule applies (warning, then error)
      line.replace('"action":"ADD"', '"action":"OBSERVE"'),
      line.replace('"action":"ADD"', '"action":"DELETE"'),
      line.replace('"action":"ADD"', '"action":"OBSERVE"'),
      line,
      // the same type and action with another bizStep: decommissioning with ADD is an error
      line.replace('"bizStep":"commissioning"', '"bizStep":"decommissioning"'),
    ];
    const fast = expectSame(lines, { mode: 'strict', now: NOW });
    // the line and its copies (the copies are duplicates); each other one has a finding
    expect(fast.direct).toBe(3);
    const codes = fast.perLine.map((d) => d.map((x) => x.code).filter((c) => !c.includes('DUP')));
    expect(codes).toEqual([
      [],
      [],
      ['TRACE_JSON_SYNTAX'],
      ['TRACE_JSON_SYNTAX'],
      ['TRACE_UNKNOWN_UOM'],
      ['TRACE_PATTERN_MISMATCH'],
      ['TRACE_BIZSTEP_ACTION'],
      ['TRACE_BIZSTEP_ACTION'],
      ['TRACE_BIZSTEP_ACTION'],
      [],
      ['TRACE_BIZSTEP_ACTION'],
    ]);
    expect(fast.perLine[6]?.[0]?.severity).toBe('warning');
    expect(fast.perLine[7]?.[0]?.severity).toBe('error');
  });

  it('reads members in any order, though it expects the order of the line before', () => {
    const line = platform.find((l) => l.includes('"sourceList"')) as string;
    const event = JSON.parse(line) as Record<string, unknown>;
    const reversed = Object.fromEntries(Object.entries(event).reverse());
    const items = (list: unknown) =>
      (list as Record<string, unknown>[]).map((item) =>
        Object.fromEntries(Object.entries(item).reverse()),
      );
    const inner = {
      ...event,
      quantityList: items(event.quantityList),
      sourceList: items(event.sourceList),
      bizTransactionList: items(event.bizTransactionList),
    };
    const orders = [line, JSON.stringify(reversed), line, JSON.stringify(inner), line];
    const fast = expectSame(orders, { now: NOW });
    // every one of them read straight from the text (then duplicates of the first)
    expect(fast.direct).toBe(orders.length);
    // names that begin like the expected one, or are cut off by the line's end
    const near = [
      line,
      line.replace('"eventID"', '"eventIDs"'),
      line.replace('"epcClass"', '"epcClas"'),
      line.replace('"quantity":', '"quantityList":'),
      line.replace('"type":"owning_party"', '"typ":"owning_party"'),
      line.replace('"id":', '"id ":'),
      line.replace('"uom":"KGM"', '"uomX:"KGM"'), // not JSON, though it reads "uom" and ':'
      line.slice(0, line.indexOf('"eventTime"') + 5),
      line.slice(0, line.indexOf('"eventTime"') + 10),
      line.slice(0, line.indexOf('"uom"') + 4),
    ];
    const mixed = expectSame(near, { now: NOW });
    expect(mixed.direct).toBe(1);
  });

  it('agrees with the full path on recurring source and destination lists (read once, then recalled)', () => {
    // the reader recalls a list it has read before from its bytes (value-memo.ts): the same list
    // at another place in the line, followed by other members, with other spacing, cut short,
    // broken after the bytes it hashes, and under the other member must each read as the full
    // path reads them
    const line = platform.find((l) => l.includes('"sourceList"')) as string;
    const event = JSON.parse(line) as Record<string, unknown>;
    const sources = event.sourceList as Record<string, string>[];
    const destinations = event.destinationList as Record<string, string>[];
    const { sourceList: _s, destinationList: _d, ...rest } = event;
    const longId = `urn:epc:id:sgln:6930937.00001.${'9'.repeat(20)}`;
    const long = [...sources, { type: 'location', source: longId }];
    const variants = [
      line,
      line, // a duplicate: recalled lists, same content
      JSON.stringify({ ...event, eventID: undefined }),
      JSON.stringify({ sourceList: sources, ...rest, destinationList: destinations }),
      JSON.stringify({ ...rest, destinationList: destinations, sourceList: sources }),
      JSON.stringify({ ...rest, sourceList: sources }),
      line.replace('"sourceList":[{', '"sourceList":[ {'),
      line.replace('"owning_party"', '"possessing_party"'),
      line.replace('"owning_party"', '"owning-party"'), // no CBV type: a finding
      // the destinations under the sources' member (names do not match: full path)
      JSON.stringify({ ...rest, sourceList: destinations }),
      JSON.stringify({ ...rest, sourceList: long }),
      JSON.stringify({ ...rest, sourceList: long }),
      // the same first bytes, then a bad check digit or a lot past 20 characters
      JSON.stringify({
        ...rest,
        sourceList: [...sources, { type: 'location', source: `${longId}x` }],
      }),
      JSON.stringify({
        ...rest,
        sourceList: [...sources, { type: 'location', source: 'urn:epc:id:sgln:6930937.00001' }],
      }),
      line.slice(0, line.indexOf('"destinationList"') + 40),
      line,
    ];
    const fast = expectSame(variants, { mode: 'strict', now: NOW });
    expect(fast.direct).toBeGreaterThan(8);
    // the lists were recalled, not only read: the same line three times recalls both of its
    // lists twice; empty lists under both members are kept apart (one member's "[]" is not the
    // other's: their content-key terms differ)
    const empty = JSON.stringify({ ...rest, sourceList: [], destinationList: [] });
    expectSame([empty, empty, line, empty], { mode: 'strict', now: NOW });
    const reader = new EventLineReader(compileEpcisValidator({}), Number.NaN);
    const recalls = [line, line, line, empty, empty].map((l) => {
      expect(reader.read(l)).toBe(true);
      return reader.recalled;
    });
    expect(recalls).toEqual([0, 2, 4, 4, 6]);
    const codes = fast.perLine.map((d) => d.map((x) => x.code));
    expect(codes[1]).toContain('TRACE_DUPLICATE_EVENT_ID');
    expect(codes[2]).toContain('TRACE_DUPLICATE_EVENT_CONTENT');
    expect(fast.valid[8]).toBe(false);
  });

  it('keeps the lists of two validators feeding one index apart (each numbers its own)', () => {
    // each reader numbers the source and destination lists it keeps from 0, and the index keeps
    // their symbols by number (one reader's list 0 is not the other's)
    const lines = platform.slice(0, 600);
    const full = fullPath(lines, { mode: 'strict', now: NOW });
    const index = createTraceIndex();
    const validators = [0, 1].map(() =>
      createEpcisLineValidator({ mode: 'strict', now: NOW, index }),
    );
    // in turns of five lines, so that each recalls lists it read before, and the other's
    // numbers come between
    const perLine = lines.map(
      (line, i) => validators[Math.floor(i / 5) % 2]?.validate(line, [i]).diagnostics,
    );
    expect(perLine).toEqual(full.perLine);
    expect(index.finalize()).toEqual(full.final);
    expect(graphOf(index)).toEqual(full.graph);
    expect(validators.map((v) => v.direct)).toEqual([300, 300]);
  });

  it('tags no list of a line within which the memo’s serial numbers ran out and started again', () => {
    // a memo of two serials: the second line recalls its sources (serial 0 of the first namer)
    // and keeps new destinations, which starts the serials again (serial 0 of a new namer)
    const [line, other] = sameSourcesOtherDestinations();
    const reader = new EventLineReader(
      compileEpcisValidator({}),
      Number.NaN,
      new ValueMemo(64, 1 << 16, 2),
    );
    const index = createTraceIndex();
    const add = recordAdderOf.get(index) as (r: EventLineReader['record']) => unknown;
    const lines = [line, other, other, line, line];
    const tags = lines.map((l) => {
      expect(reader.read(l)).toBe(true);
      add(reader.record);
      return [...reader.record.partyListTags];
    });
    // (the fourth line's destinations start them again too)
    expect(tags).toEqual([
      [0, 1],
      [-1, -1],
      [1, 0],
      [-1, -1],
      [1, 0],
    ]);
    expect(graphOf(index)).toEqual(fullPath(lines, {}).graph);
  });

  it('gives an index that does not know a recalled list’s tag its items, even after the memo started afresh', () => {
    // the reader leaves a recalled list's items out of the record until they are asked for; a
    // list kept after it in the same line may empty the memo (here: two entries at most)
    const [line, other] = sameSourcesOtherDestinations();
    const reader = new EventLineReader(
      compileEpcisValidator({}),
      Number.NaN,
      new ValueMemo(2, 1 << 16),
    );
    expect(reader.read(line)).toBe(true);
    expect(reader.read(other)).toBe(true);
    expect([...reader.record.partyListTags]).toEqual([0, 2]);
    expect(reader.recalled).toBe(1);
    // an index that has not seen the first line asks for the sources' items
    const index = createTraceIndex();
    (recordAdderOf.get(index) as (r: EventLineReader['record']) => unknown)(reader.record);
    expect(graphOf(index)).toEqual(fullPath([other], {}).graph);
  });

  it('agrees with the full path on lists longer than the record’s first eight items', () => {
    // a receiving line of the platform, its lists made long: the record's lists start with
    // room for eight items and grow
    const base = JSON.parse(platform.find((l) => l.includes('"receiving"')) as string) as Record<
      string,
      unknown
    >;
    const prefix = '6930937';
    const long = {
      ...base,
      epcList: Array.from({ length: 20 }, (_, i) => `urn:epc:id:sgtin:${prefix}.012345.${i + 1}`),
      quantityList: Array.from({ length: 12 }, (_, i) => ({
        epcClass: `urn:epc:class:lgtin:${prefix}.000001.L${i + 1}`,
        quantity: 10 + i,
        uom: i % 2 === 0 ? 'KGM' : 'GRM',
      })),
      sourceList: Array.from({ length: 10 }, (_, i) => ({
        type: i % 2 === 0 ? 'owning_party' : 'location',
        source: `urn:epc:id:${i % 2 === 0 ? `pgln:${prefix}.0000${i}` : `sgln:${prefix}.0000${i}.0`}`,
      })),
      bizTransactionList: Array.from({ length: 9 }, (_, i) => ({
        type: 'po',
        bizTransaction: `urn:epcglobal:cbv:bt:6930937000009:PO-${i + 1}`,
      })),
    };
    const line = JSON.stringify(long);
    // the same event with one bad item deep in each list (a finding at its own index)
    const broken = (list: string, i: number, value: unknown) => {
      const copy = JSON.parse(line) as Record<string, unknown>;
      (copy[list] as unknown[])[i] = value;
      copy.eventID = `urn:uuid:00000000-0000-4000-8000-0000000000${10 + i}`;
      return JSON.stringify(copy);
    };
    const lines = [
      line,
      broken('epcList', 14, 'urn:epc:id:sgtin:6930937.012345'),
      broken('quantityList', 10, {
        epcClass: 'urn:epc:class:lgtin:6930937.000001.L1',
        quantity: -1,
      }),
      broken('sourceList', 9, { type: 'location', source: 'urn:epc:id:sgln:6930937.00001' }),
      broken('bizTransactionList', 8, { type: 'po', bizTransaction: 'not a uri' }),
    ];
    const fast = expectSame(lines, { now: NOW });
    expect(fast.direct).toBeGreaterThan(0); // the long valid line was read from its text
    expect(fast.valid).toEqual([true, false, false, false, false]);
    // each broken item is reported at its own place in its list
    expect(fast.perLine.slice(1).map((d) => d[0]?.path)).toEqual([
      [1, 'epcList', 14],
      [2, 'quantityList', 10, 'quantity'],
      [3, 'sourceList', 9, 'source'],
      [4, 'bizTransactionList', 8, 'bizTransaction'],
    ]);
  });

  it('agrees with the full path while its word cache grows and starts afresh', () => {
    // thousands of distinct business steps (URIs of one's own are allowed), about 300 KB of
    // words: the reader's cache of checked words (4 096 entries, 64 KB) grows, then is emptied
    // and refilled several times; words seen before and after each refill must keep their verdicts
    const base = JSON.parse(platform.find((l) => l.includes('"receiving"')) as string) as Record<
      string,
      unknown
    >;
    const lines: string[] = [];
    for (let i = 0; i < 5000; i += 1) {
      const event: Record<string, unknown> = { ...base, eventID: undefined };
      if (i % 7 === 0) event.bizStep = 'shipping';
      else if (i % 11 === 0)
        event.bizStep = 'shipment'; // not a CBV word nor a URI: an error
      else if (i % 13 === 0)
        event.bizStep = 'urn:epcglobal:cbv:bizstep:nonsense'; // CBV space: error
      else
        event.bizStep = `https://example.org/steps/${String(i).padStart(5, '0')}-${'x'.repeat(i % 40)}`;
      event.disposition = i % 17 === 0 ? 'in-progress' : 'in_progress'; // a hyphen is no CBV word
      const quantity = (event.quantityList as Record<string, unknown>[])[0] as Record<
        string,
        unknown
      >;
      event.quantityList = [
        { ...quantity, uom: i % 19 === 0 ? 'QQQ' : i % 2 === 0 ? 'KGM' : 'GRM' },
      ];
      lines.push(JSON.stringify(event));
    }
    const fast = expectSame(lines, { now: NOW });
    expect(fast.direct).toBeGreaterThan(3000);
    // the verdicts on the repeated words, from the standard: 'shipping' is a CBV business step,
    // 'shipment' and a made-up CBV URN are not; 'QQQ' is no Rec 20 code
    const codesOf = (i: number) => (fast.perLine[i] ?? []).map((d) => d.code);
    expect(fast.valid[4900]).toBe(true); // 4900 = 7 × 700: shipping
    expect(fast.valid[4961]).toBe(false); // 11 × 451: shipment
    expect(fast.valid[4966]).toBe(false); // 13 × 382: a CBV URN that is not a step
    expect(codesOf(4997)).toContain('TRACE_UNKNOWN_UOM'); // 19 × 263
    expect(fast.valid[4998]).toBe(false); // 17 × 294: 'in-progress'
  });

  it('reads common GS1 identifiers directly and leaves the rest, with their findings, to the full path', () => {
    const base = JSON.parse(platform[1] as string) as Record<string, unknown>;
    const key = 'https://id.gs1.org/01/06930937000016'; // GTIN-14 with its check digit
    const withClass = (epcClass: string) =>
      JSON.stringify({ ...base, quantityList: [{ epcClass, quantity: 1, uom: 'KGM' }] });
    const reader = new EventLineReader(compileEpcisValidator({}), Number.NaN);
    // the forms the reader takes from the text, up to the 20 characters of AI 10 and 21
    for (const id of [
      key,
      `${key}/10/L1`,
      `${key}/21/ABCDEFGHIJKLMNOPQRST`,
      `${key}/10/A-B_(1)*!`, // GS1 character set 82
      'urn:epc:class:lgtin:6930937.000001.ABCDEFGHIJKLMNOPQRST',
      "urn:epc:class:lgtin:6930937.000001.A-B_(1)*!'",
    ])
      expect([id, reader.read(withClass(id))]).toEqual([id, true]);
    const invalid: [string, string][] = [
      [`${key}/21/abc/10/998877`, 'Digital Link'],
      [`${key}/10/99/88`, 'Digital Link'],
      [`${key}/10/`, 'Digital Link'],
      [`${key}/10/ABCDEFGHIJKLMNOPQRSTU`, 'Digital Link'],
      ['urn:epc:class:lgtin:6930937.000001.ABCDEFGHIJKLMNOPQRSTU', 'class:lgtin'],
      ['URN:EPC:CLASS:LGTIN:6930937.000001.L1', 'class:lgtin'],
      // characters outside GS1 character set 82, written as they are or escaped
      [`${key}/10/A~B`, 'Digital Link'],
      [`${key}/21/A%20B`, 'Digital Link'],
      [`${key}/10/A%7EB`, 'Digital Link'],
      ['urn:epc:class:lgtin:6930937.000001.A~B', 'class:lgtin'],
      ['urn:epc:id:sgtin:6930937.000001.A$B', 'id:sgtin'],
      ['urn:epc:id:sgln:6930937.00001.A@B', 'id:sgln'],
      ['urn:epc:class:lgtin:6930937.000001.A%23B', 'class:lgtin'],
      // on a domain of the brand's own too
      ['https://dl.example.cn/01/06930937000016/10/A%20B', 'Digital Link'],
      ['https://dl.example.cn/gtin/06930937000016/lot/A~B?x=1', 'Digital Link'],
      ['https://dl.example.cn/01/06930937000016/21/ABCDEFGHIJKLMNOPQRSTU', 'Digital Link'],
      // the scheme in capitals is the same URI (RFC 3986 §3.1), checked as such
      ['HTTPS://id.gs1.org/01/06930937000016/10/A~B', 'Digital Link'],
    ];
    for (const [id, scheme] of invalid) {
      expect([id, reader.read(withClass(id))]).toEqual([id, false]);
      const r = createEpcisLineValidator({ now: NOW }).validate(withClass(id));
      expect([id, r.valid, r.diagnostics.map((d) => [d.code, d.path, d.params])]).toEqual([
        id,
        false,
        [['TRACE_GS1_URI_INVALID', [0, 'quantityList', 0, 'epcClass'], { value: id, scheme }]],
      ]);
    }
    // `urn:epc:` in capitals is the same URN (RFC 8141): valid, and the same lot in the index
    const index = createTraceIndex();
    const v = createEpcisLineValidator({ now: NOW, index });
    expect(v.validate(withClass('URN:EPC:class:lgtin:6930937.000001.L1')).diagnostics).toEqual([]);
    const nodes = index.graph.nodeCount;
    const again = JSON.parse(withClass(`${key}/10/L1`)) as Record<string, unknown>;
    again.eventID = 'urn:uuid:8b792e84-b305-4cd5-8fe8-4914d47db621';
    expect(v.validate(JSON.stringify(again)).diagnostics).toEqual([]);
    expect(index.graph.nodeCount).toBe(nodes);
  });

  it('never takes a number that is not finite directly; the full path reports it', () => {
    const line = platform[1] as string;
    const reader = new EventLineReader(compileEpcisValidator({}), Number.NaN);
    for (const q of ['1e400', '1E400', '-1e400']) {
      const text = line.replace('"quantity":1150', `"quantity":${q}`);
      expect(reader.read(text)).toBe(false);
      for (const mode of ['strict', 'lenient'] as const) {
        const r = createEpcisLineValidator({ mode, now: NOW }).validate(text);
        expect([q, r.valid, r.diagnostics.map((d) => [d.code, d.path, d.params])]).toEqual([
          q,
          false,
          [
            [
              'TRACE_NUMBER_NOT_FINITE',
              [0, 'quantityList', 0, 'quantity'],
              { member: 'quantity', value: q.startsWith('-') ? '-Infinity' : 'Infinity' },
            ],
          ],
        ]);
      }
    }
    // finite ones, however written, are read directly as JSON.parse reads them
    for (const [q, value] of [
      ['1e308', 1e308],
      ['1E3', 1000],
      ['0.1e-400', 0],
    ] as const) {
      expect([q, reader.read(line.replace('"quantity":1150', `"quantity":${q}`))]).toEqual([
        q,
        true,
      ]);
      expect(reader.record.objects.quantity[0]).toBe(value);
    }
    // -0 is not negative (no finding), and is left to the full path
    expect(reader.read(line.replace('"quantity":1150', '"quantity":-0'))).toBe(false);
  });

  it('reads identifiers at the very end of a line that fills its buffer', () => {
    // the reader's buffer holds the line and one stop byte (4 096, then doubled): these lines
    // fill it exactly, and their last identifier begins like a form the reader recognises
    const ids = [
      'https://id.gs1.or',
      'https://id.gs1.org/01/0693',
      'https://id.gs1.org/01/06930937000013',
      'urn:epc:id:sgl',
      'urn:epc:class:lgti',
      'urn:epc:id:sgln:6930937.00001.0',
      'urn:x:y',
    ];
    const lines = [4095, 8191].flatMap((length) =>
      ids.map((id) => {
        const event = {
          type: 'ObjectEvent',
          eventID: 'urn:example:',
          eventTime: '2024-05-01T08:00:00.000+08:00',
          eventTimeZoneOffset: '+08:00',
          action: 'OBSERVE',
          bizStep: 'receiving',
          epcList: ['urn:epc:id:sgtin:6930937.000001.1'],
          bizLocation: { id },
        };
        const pad = 'a'.repeat(length - JSON.stringify(event).length);
        const line = JSON.stringify({ ...event, eventID: `urn:example:${pad}` });
        expect(line).toHaveLength(length);
        return line;
      }),
    );
    for (const line of lines) expectSame([line], { now: NOW });
    expect(linePath(lines, { now: NOW }).direct).toBeGreaterThan(0);
  });

  it('agrees with the full path on mutated events (property)', () => {
    const pool = [...platform.slice(0, 200), ...plainChain];
    const leaf = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(
        '',
        'urn:epc:id:sgln:6930937.00001.0',
        'urn:epc:class:lgtin:6930937.000001.L1',
        'https://id.gs1.org/01/06930937000013/10/L1',
        'urn:epc:id:pgln:6930937.00000',
        'ADD',
        'DELETE',
        'shipping',
        'receiving',
        'location',
        'KGM',
        '+08:00',
        '2017-01-01T00:00:30.000+08:00',
        -1,
        0,
        2.5,
      ),
    );
    const mutation = fc.record({
      at: fc.nat(),
      key: fc.nat(),
      kind: fc.constantFrom('set', 'delete', 'nested', 'copy', 'text'),
      value: leaf,
      char: fc.constantFrom('"', '\\', ',', '}', ' ', '0', 'x', '\u00e9'),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), (mutations) => {
        const lines: string[] = [];
        for (const m of mutations) {
          const source = pool[m.at % pool.length] as string;
          const event = JSON.parse(source) as Record<string, unknown>;
          const keys = Object.keys(event);
          const key = keys[m.key % keys.length] as string;
          switch (m.kind) {
            case 'set':
              event[key] = m.value;
              lines.push(JSON.stringify(event));
              break;
            case 'delete':
              delete event[key];
              lines.push(JSON.stringify(event));
              break;
            case 'nested': {
              const inner = event[key];
              const target = Array.isArray(inner) ? inner[0] : inner;
              if (target !== null && typeof target === 'object') {
                const innerKeys = Object.keys(target as object);
                const k = innerKeys[m.key % Math.max(1, innerKeys.length)] ?? 'id';
                (target as Record<string, unknown>)[k] = m.value;
              }
              lines.push(JSON.stringify(event));
              break;
            }
            case 'copy':
              lines.push(source); // an exact duplicate of an earlier or later line
              break;
            default: {
              const p = m.key % source.length;
              lines.push(source.slice(0, p) + m.char + source.slice(p));
            }
          }
          lines.push(source);
        }
        const full = fullPath(lines, { now: NOW });
        const fast = linePath(lines, { now: NOW });
        expect(fast.perLine).toEqual(full.perLine);
        expect(fast.valid).toEqual(full.valid);
        expect(fast.final).toEqual(full.final);
        expect(fast.nodes).toBe(full.nodes);
        expect(fast.graph).toEqual(full.graph);
      }),
      { numRuns: Number(process.env.LINE_RUNS ?? 150) },
    );
  }, 600_000);
});
