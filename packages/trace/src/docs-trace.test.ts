/**
 * The code of docs/trace.md, run as written, so the guide cannot drift from the API.
 *
 * Each `it` is named after a section of the guide and holds that section's ```ts block: its
 * lines, in order (the check compares them without whitespace or comments, so the formatter may
 * lay them out its own way), with the minimal context the block needs (`text`, `events`,
 * `masterData`, `feed`…) and assertions on what the guide's text and comments say. The imports
 * of each block are checked against the modules the guide names; in this file they come from
 * the package's source (`./index.js`).
 */
import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import * as foodsafetyCore from '@foodsafety/core';
import { type Diagnostic, formatDiagnostic } from '@foodsafety/core';
import * as pluginSdk from '@foodsafety/plugin-sdk';
import { createEngine, definePlugin } from '@foodsafety/plugin-sdk';
import { describe, expect, it } from 'vitest';
import * as zod from 'zod';
import { z } from 'zod';
import { guideCheck } from '../../core/src/test-support/guide-check.js';
import * as traceCnApi from './cn/index.js';
import { traceCn } from './cn/index.js';
import * as traceApi from './index.js';
import {
  buildLotGraph,
  canonicalGs1Uri,
  checkProfile,
  createEpcisLineValidator,
  createTraceIndex,
  documentEventHashIds,
  EPCIS_SELECTORS,
  eventHashId,
  eventPreHash,
  FSMA_204_PROFILE,
  generatePlatformJsonLines,
  generateSeaCucumberChain,
  gtin14,
  guardFormula,
  lotGraphToDot,
  lotGraphToMermaid,
  parseEpcisDocument,
  parseGs1Uri,
  recallScope,
  SEA_CUCUMBER_ACTORS,
  TESTDATA_CONTEXT,
  type TraceProfile,
  toDigitalLink,
  toElementString,
  toEpcisDocument,
  toEpcUri,
  toJsonLines,
  toSortableSpreadsheet,
  traceBack,
  traceForward,
  traceFsma204,
  traceProfiles,
  validateChain,
  validateEpcisDocument,
  validateEpcisDocumentStream,
  validateEpcisJsonLines,
} from './index.js';

// ---- the guide and this file, read as text ----------------------------------------------------

/** The sections of the guide with a ```ts block, in order: one test each below. */
const SECTIONS = [
  'Validate a document',
  'Streams and large documents',
  'GS1 identifiers',
  'Event hash (CBV 2.0 "EPCIS Event Hash ID")',
  'Trace a lot',
  'Recall scope',
  'Recall scope (2)',
  'Chain checks',
  'The real-time index',
  'JSON Lines straight into the index',
  'Profiles',
  'Write a profile',
  'Export',
];

/** What the guide's imports name, by module. */
const MODULES: Readonly<Record<string, object>> = {
  '@foodsafety/trace': traceApi,
  '@foodsafety/trace/cn': traceCnApi,
  '@foodsafety/core': foodsafetyCore,
  '@foodsafety/plugin-sdk': pluginSdk,
  zod,
  'node:fs': nodeFs,
};

/** What the guide's block of a section says that this file's test of it does not. */
const guideLinesMissingFromTest = guideCheck({
  guide: new URL('../../../docs/trace.md', import.meta.url),
  test: new URL(import.meta.url),
  sections: SECTIONS,
  modules: MODULES,
});

// ---- shared context ----------------------------------------------------------------------------

/** The master data of the sea-cucumber chain (the guide's examples run on that chain). */
const { ranch, processor, retailer } = SEA_CUCUMBER_ACTORS;
const locations = [ranch.location, processor.location, retailer.location];
const parties = [ranch.party, processor.party, retailer.party];
const products = [
  gtin14(ranch.prefix, 101), // seedlings
  gtin14(ranch.prefix, 102), // live sea cucumbers (the harvest)
  gtin14(processor.prefix, 201), // the plant's processed sea cucumbers
];
const masterData = { locations, parties, products };

const SEEDLING_LOT = 'https://id.gs1.org/01/06921001001015/10/SCH24001';
const HARVEST_LOT = 'https://id.gs1.org/01/06921001001022/10/HCH24001';
const PROCESSED_LOT = 'https://id.gs1.org/01/06921002002011/10/PCH24001';

const codesAndPaths = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map((d) => [d.code, d.path]);

/** A minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF line ends). */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('docs/trace.md', () => {
  it('Validate a document', () => {
    expect(guideLinesMissingFromTest('Validate a document')).toEqual([]);
    // context: a document with one good event and one with a case slip ('observe')
    const good = {
      type: 'ObjectEvent',
      eventTime: '2024-05-01T08:00:00+08:00',
      eventTimeZoneOffset: '+08:00',
      action: 'OBSERVE',
      bizStep: 'shipping',
      quantityList: [
        { epcClass: 'urn:epc:class:lgtin:6901234.012345.HS2405', quantity: 120, uom: 'KGM' },
      ],
    };
    const text = JSON.stringify({
      '@context': 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: '2024-05-01T09:00:00+08:00',
      epcisBody: { eventList: [good, { ...good, action: 'observe' }] },
    });

    const r = validateEpcisDocument(text, { mode: 'strict', now: new Date() });
    expect(r.valid).toBe(false); // no error diagnostic
    // every error, warning and info, in document order, each with a path
    expect(codesAndPaths(r.diagnostics)).toEqual([
      ['TRACE_INVALID_ENUM', ['epcisBody', 'eventList', 1, 'action']],
    ]);
    expect(r.events).toEqual([good]); // the events without errors
    expect(r.document).toBeUndefined(); // the (normalised) document, when valid
    // one line each, in Chinese
    expect(r.diagnostics.map((d) => formatDiagnostic(d, 'zh-CN'))).toEqual([
      expect.stringMatching(
        /^错误 TRACE_INVALID_ENUM 位于 \$\.epcisBody\.eventList\[1\]\.action：/,
      ),
    ]);

    const parsed = parseEpcisDocument(text); // Result<EpcisDocument>: ok + warnings, or every error
    expect([parsed.ok, parsed.diagnostics.map((d) => d.code)]).toEqual([
      false,
      ['TRACE_INVALID_ENUM'],
    ]);

    // lenient mode: the case slip is corrected with a warning, the events are normalised copies
    const lenient = validateEpcisDocument(text, { mode: 'lenient', now: new Date() });
    expect([lenient.valid, lenient.diagnostics.map((d) => [d.code, d.severity])]).toEqual([
      true,
      [['TRACE_CASE_NORMALISED', 'warning']],
    ]);
    expect(lenient.events.map((e) => e.action)).toEqual(['OBSERVE', 'OBSERVE']);
    expect(lenient.document?.epcisBody).toMatchObject({ eventList: [good, good] });
    const ok = parseEpcisDocument(text, { mode: 'lenient' });
    expect([ok.ok, ok.diagnostics.map((d) => d.severity)]).toEqual([true, ['warning']]);
  });

  it('Streams and large documents', async () => {
    expect(guideLinesMissingFromTest('Streams and large documents')).toEqual([]);
    // context: the two files in a fresh directory, and what the block's callbacks feed
    const dir = mkdtempSync(join(tmpdir(), 'docs-trace-'));
    const cwd = process.cwd();
    // the chain without the shipment of the harvest, and a line that is not JSON at line 2
    const { events } = generateSeaCucumberChain({ variant: 'receipt-without-shipment' });
    const jsonl = [...toJsonLines(events)];
    jsonl.splice(2, 0, '{"type": "ObjectEvent",');
    writeFileSync(join(dir, 'platform.jsonl'), `${jsonl.join('\n')}\n`);
    const document = toEpcisDocument(generateSeaCucumberChain().events, {
      creationDate: '2025-05-05T10:00:00+08:00',
    });
    writeFileSync(join(dir, 'export.jsonld'), JSON.stringify(document, null, 2));
    const myContext = TESTDATA_CONTEXT; // declares the events' `fsk` prefix
    const stored: unknown[] = [];
    const store = (event: unknown) => stored.push(event);
    const updates: number[] = [];
    const progressBar = { update: (bytes: number) => updates.push(bytes) };
    process.chdir(dir);
    try {
      const r = await validateEpcisJsonLines(
        createReadStream('platform.jsonl'),
        // biome-ignore lint/correctness/noUnusedFunctionParameters: the guide names what onEvent gets
        { mode: 'lenient', context: myContext, onEvent: (event, i) => store(event) },
        // biome-ignore lint/correctness/noUnusedFunctionParameters: the guide names what progress gets
        ({ events, bytes }) => progressBar.update(bytes),
      );
      // r: { valid, diagnostics (first 10 000), diagnosticCount, eventCount, validEventCount, bytes }
      expect(Object.keys(r).sort()).toEqual(
        [
          'valid',
          'diagnostics',
          'diagnosticCount',
          'eventCount',
          'validEventCount',
          'bytes',
        ].sort(),
      );
      // the line that is not JSON is a TRACE_JSON_SYNTAX on that line, and the stream goes on
      expect([r.valid, codesAndPaths(r.diagnostics), r.diagnosticCount]).toEqual([
        false,
        [['TRACE_JSON_SYNTAX', [2]]],
        1,
      ]);
      expect([r.validEventCount, stored.length]).toEqual([12, 12]);
      expect(r.bytes).toBe(statSync('platform.jsonl').size);
      expect(updates.at(-1)).toBe(r.bytes);

      const big = await validateEpcisDocumentStream(createReadStream('export.jsonld'));
      expect(big).toMatchObject({
        valid: true,
        diagnostics: [],
        eventCount: 13,
        validEventCount: 13,
      });

      // with the chain checks: every event also goes into a trace index
      const index = createTraceIndex({ masterData });
      const checked = await validateEpcisJsonLines(createReadStream('platform.jsonl'), {
        now: new Date(),
        index,
      });
      const open = index.finalize(); // receipts still unmatched, orphans, balances
      // text that is not JSON is not added: the index holds the 12 events
      expect([checked.valid, checked.validEventCount, index.size]).toEqual([false, 12, 12]);
      expect(codesAndPaths(checked.diagnostics)).toEqual([['TRACE_JSON_SYNTAX', [2]]]);
      // the receipt of the harvest (line 5) is the index's event 4: its own sequence numbers
      expect(codesAndPaths(open)).toEqual([['TRACE_RECEIPT_WITHOUT_SHIPMENT', [4]]]);
    } finally {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('GS1 identifiers', () => {
    expect(guideLinesMissingFromTest('GS1 identifiers')).toEqual([]);
    // both: 'https://id.gs1.org/01/04012345123456/10/998877'
    // (GTIN 0 4012345 12345 with its mod-10 check digit 6; GTIN-13 padded to 14 digits)
    expect(canonicalGs1Uri('urn:epc:class:lgtin:4012345.012345.998877')).toBe(
      'https://id.gs1.org/01/04012345123456/10/998877',
    );
    expect(canonicalGs1Uri('https://brand.example/01/4012345123456/10/998877?linkType=all')).toBe(
      'https://id.gs1.org/01/04012345123456/10/998877',
    );

    const id = parseGs1Uri('https://id.gs1.org/01/10614141073464/21/2017')!;
    // the Tag Data Standard's own example: SGTIN 0614141.107346.2017 is (01)10614141073464(21)2017
    expect(toElementString(id)).toBe('(01)10614141073464(21)2017');
    expect(toEpcUri(id, 7)).toBe('urn:epc:id:sgtin:0614141.107346.2017'); // the company prefix length is needed
    expect(toDigitalLink(id, 'https://dl.example.cn')).toBe(
      'https://dl.example.cn/01/10614141073464/21/2017', // custom resolver domain
    );
  });

  it('Event hash (CBV 2.0 "EPCIS Event Hash ID")', () => {
    expect(guideLinesMissingFromTest('Event hash (CBV 2.0 "EPCIS Event Hash ID")')).toEqual([]);
    // context: epcisDocWithCustomSchemaInContext.jsonld of the reference implementation's tests
    // (RalphTro/epcis-event-hash-generator), with its published hashes; the first event has an
    // extension member whose prefix only the document's @context declares
    const document = {
      '@context': [
        'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
        { example: 'https://ns.example.com/epcis/' },
        { rdfs: 'http://www.w3.org/2000/01/rdf-schema#' },
      ],
      id: 'https://id.example.org/document1',
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: '2022-02-17T11:30:47.0Z',
      epcisBody: {
        eventList: [
          {
            type: 'ObjectEvent',
            action: 'OBSERVE',
            bizStep: 'shipping',
            disposition: 'in_transit',
            epcList: [
              'urn:epc:id:sgtin:0614141.107346.2017',
              'urn:epc:id:sgtin:0614141.107346.2018',
            ],
            eventTime: '2022-02-15T01:33:31.116000-06:00',
            eventTimeZoneOffset: '-06:00',
            readPoint: { id: 'urn:epc:id:sgln:0614141.07346.1234' },
            bizTransactionList: [
              { type: 'po', bizTransaction: 'http://transaction.acme.com/po/12345678' },
            ],
            'example:myField': 'myValue',
          },
          {
            type: 'ObjectEvent',
            action: 'OBSERVE',
            bizStep: 'receiving',
            disposition: 'in_progress',
            epcList: ['urn:epc:id:sgtin:0614141.107346.2018'],
            eventTime: '2022-02-15T01:33:31.116-06:00',
            eventTimeZoneOffset: '-06:00',
            readPoint: { id: 'urn:epc:id:sgln:0012345.11111.400' },
            bizLocation: { id: 'urn:epc:id:sgln:0012345.11111.0' },
            bizTransactionList: [
              { type: 'po', bizTransaction: 'http://transaction.acme.com/po/12345678' },
              { type: 'desadv', bizTransaction: 'urn:epcglobal:cbv:bt:0614141073467:1152' },
            ],
            'example:myField2': 'myValue2',
          },
        ],
      },
    };
    const published = [
      'ni:///sha-256;21dd1a31d0f157e383537b622583411b57f181f4bdec078ca8cce09f8f08d03a?ver=CBV2.0',
      'ni:///sha-256;d21abb0ead338a45eb866683e402e3c94fcf8fb80904160e476d3213c64ce41e?ver=CBV2.0',
    ];
    const event = document.epcisBody.eventList[0];

    // 'ni:///sha-256;…?ver=CBV2.0' (SHA-256 from node:crypto)
    expect(eventHashId(event, { context: document['@context'] })).toBe(published[0]);
    const sha256 = createHash('sha256')
      .update(eventPreHash(event, { context: document['@context'] }), 'utf8')
      .digest('hex');
    expect(published[0]).toBe(`ni:///sha-256;${sha256}?ver=CBV2.0`);
    // without the document's context the extension's namespace is unknown: another hash
    expect(eventHashId(event)).not.toBe(published[0]);
    expect(documentEventHashIds(document)).toEqual(published); // every event, with the document's context
  });

  it('Trace a lot', () => {
    expect(guideLinesMissingFromTest('Trace a lot')).toEqual([]);
    const lots = generateSeaCucumberChain().lots;

    const { events } = generateSeaCucumberChain(); // the chain of the test data, below
    const graph = buildLotGraph(events); // a list of events, or an EPCIS document

    // [{ id: 'https://id.gs1.org/01/06921002002011/10/PCH24001', depth: 1, via: { index: 6, … } }]
    expect(traceForward(graph, 'urn:epc:class:lgtin:6921001.000102.HCH24001').lots).toEqual([
      {
        id: 'https://id.gs1.org/01/06921002002011/10/PCH24001',
        depth: 1,
        via: expect.objectContaining({ index: 6 }),
      },
    ]);
    expect(events[6]?.['fsk:cte']).toBe('processing'); // event 6 turned the harvest into it

    // the harvest lot, then the seedling lot
    expect(
      traceBack(graph, 'https://id.gs1.org/01/06921002002011/10/PCH24001').lots.map((l) => l.id),
    ).toEqual([canonicalGs1Uri(lots[0]!.live), canonicalGs1Uri(lots[0]!.seedling)]);
    // one node for both spellings, an unknown lot is not found
    expect(traceBack(graph, lots[0]!.processed).lots.map((l) => l.id)).toEqual([
      HARVEST_LOT,
      SEEDLING_LOT,
    ]);
    const unknown = traceForward(graph, 'urn:epc:class:lgtin:0000000.000000.none');
    expect([unknown.found, unknown.diagnostics.map((d) => d.code)]).toEqual([
      false,
      ['TRACE_LOT_UNKNOWN'],
    ]);
  });

  it('Recall scope', () => {
    expect(guideLinesMissingFromTest('Recall scope')).toEqual([]);
    const { events, lots } = generateSeaCucumberChain();
    const graph = buildLotGraph(events);
    const harvestLot = lots[0]!.live;

    const scope = recallScope(graph, harvestLot);
    expect(scope.upstreamLots).toEqual([SEEDLING_LOT]); // what it was made from
    expect(scope.downstreamLots).toEqual([PROCESSED_LOT]); // what was made from it
    // producers and shippers upstream: the ranch that released the seedlings
    expect(scope.sources.map((c) => c.id)).toContain(`https://id.gs1.org/414/${ranch.gln}`);
    // every party / location downstream: received, shipped to, sold at
    expect(scope.recipients.map((c) => c.id)).toEqual([
      `https://id.gs1.org/417/${processor.gln}`, // the harvest shipped to the plant
      `https://id.gs1.org/417/${retailer.gln}`, // the processed lot shipped to the supermarket
      `https://id.gs1.org/414/${retailer.gln}`, // and sold there
    ]);
    // { id: 'https://id.gs1.org/417/6921003000016', lots: […], quantities: { KGM: 966 },
    //   firstTime: '2025-05-03T09:00:00.000+08:00', lastTime: …, events: [8, 9] }
    const supermarket = scope.recipients.find(
      (c) => c.id === 'https://id.gs1.org/417/6921003000016',
    );
    expect(supermarket).toMatchObject({
      lots: [PROCESSED_LOT],
      quantities: { KGM: 966 },
      firstTime: '2025-05-03T09:00:00.000+08:00',
      events: [8, 9],
    });
    // the shipment (event 8) counts, its receipt (event 9) does not count again
    expect(events[8]?.quantityList).toEqual([expect.objectContaining({ quantity: 966 })]);
    expect(events[9]?.quantityList).toEqual([expect.objectContaining({ quantity: 966 })]);
    scope.upstream; // every movement behind them (kind, quantity, date, from, to)
    scope.downstream;
    expect(scope.upstream.find((m) => m.kind === 'origin')).toMatchObject({
      lot: SEEDLING_LOT,
      eventTime: '2024-04-10T09:00:00.000+08:00',
      from: `https://id.gs1.org/414/${ranch.gln}`,
    });
    expect(scope.downstream.find((m) => m.index === 8)).toMatchObject({
      kind: 'shipping',
      lot: PROCESSED_LOT,
      quantity: 966,
      uom: 'KGM',
      from: `https://id.gs1.org/417/${processor.gln}`,
      to: `https://id.gs1.org/417/${retailer.gln}`,
    });
  });

  it('Recall scope (2)', () => {
    expect(guideLinesMissingFromTest('Recall scope (2)')).toEqual([]);
    // context: 60 kg of a lot packed onto pallet P on the 2nd, P shipped to the shop on the 3rd
    // under an order and received there on the 4th
    const lot = 'urn:epc:class:lgtin:6921002.000201.PCH24001';
    const P = 'urn:epc:id:sscc:6921002.0000000026';
    const plant = 'urn:epc:id:sgln:6921002.00001.0';
    const shop = 'urn:epc:id:sgln:6921003.00001.0';
    const base = { eventTimeZoneOffset: '+08:00', bizLocation: { id: plant } };
    const day = (d: number) => `2025-05-0${d}T09:00:00.000+08:00`;
    const transfer = (bizStep: string, d: number) => ({
      ...base,
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep,
      eventTime: day(d),
      epcList: [P],
      bizTransactionList: [{ type: 'po', bizTransaction: 'urn:example:po:1' }],
      destinationList: [{ type: 'location', destination: shop }],
    });
    const scope = recallScope(
      buildLotGraph([
        {
          ...base,
          type: 'ObjectEvent',
          action: 'ADD',
          eventTime: day(1),
          quantityList: [{ epcClass: lot, quantity: 100, uom: 'KGM' }],
        },
        {
          ...base,
          type: 'AggregationEvent',
          action: 'ADD',
          eventTime: day(2),
          parentID: P,
          childQuantityList: [{ epcClass: lot, quantity: 60, uom: 'KGM' }],
        },
        transfer('shipping', 3),
        transfer('receiving', 4),
      ]),
      lot,
    );
    const [pallet, lotLink] = [
      'https://id.gs1.org/00/069210020000000260',
      'https://id.gs1.org/01/06921002002011/10/PCH24001',
    ];
    scope.recipients;
    expect(scope.recipients).toMatchObject([
      {
        id: 'https://id.gs1.org/414/6921003000016',
        lots: [pallet, lotLink],
        // (the pallet, opened, is packaging: its own 1 counts in no total)
        quantities: { KGM: 60 },
      },
    ]);
    scope.downstream;
    expect(scope.downstream.filter((m) => m.kind === 'shipping')).toMatchObject([
      { lot: pallet, kind: 'shipping', quantity: 1 },
      { lot: lotLink, kind: 'shipping', quantity: 60, uom: 'KGM', via: pallet },
    ]);
  });

  it('Chain checks', () => {
    expect(guideLinesMissingFromTest('Chain checks')).toEqual([]);
    // context: the chain with a processing yield of 1500 kg from 2010 kg (0.75: within the
    // default 0–1, outside the 0.3–0.6 given for the processed product 06921002002011)
    const chain = generateSeaCucumberChain().events;
    const processing = chain[6] as { outputQuantityList: { epcClass: string }[] };
    const output = {
      epcClass: processing.outputQuantityList[0]!.epcClass,
      quantity: 1500,
      uom: 'KGM',
    };
    const events = chain.map((e, i) => (i === 6 ? { ...e, outputQuantityList: [output] } : e));

    const diagnostics = validateChain(events, {
      masterData: { locations, parties, products }, // optional
      yieldRanges: { '06921002002011': { min: 0.3, max: 0.6 } },
    });
    expect(diagnostics.map((d) => [d.code, d.severity, d.path])).toEqual([
      ['TRACE_YIELD_OUT_OF_RANGE', 'error', [6]],
    ]);
    expect(diagnostics[0]?.params).toMatchObject({ min: 0.3, max: 0.6 });
    // the chain as generated passes every check
    const options = { masterData: { locations, parties, products } };
    expect(validateChain(chain, options)).toEqual([]);
    // a document: paths start with epcisBody.eventList; the order of the input does not matter
    const document = toEpcisDocument(events, { creationDate: '2025-05-05T10:00:00+08:00' });
    const yieldRanges = { '06921002002011': { min: 0.3, max: 0.6 } };
    expect(codesAndPaths(validateChain(document, { ...options, yieldRanges }))).toEqual([
      ['TRACE_YIELD_OUT_OF_RANGE', ['epcisBody', 'eventList', 6]],
    ]);
    expect(
      validateChain([...events].reverse(), { ...options, yieldRanges }).map((d) => d.code),
    ).toEqual(['TRACE_YIELD_OUT_OF_RANGE']);
  });

  it('The real-time index', async () => {
    expect(guideLinesMissingFromTest('The real-time index')).toEqual([]);
    // context: the chain whose warehouse-out is never received, with the inspection sent twice
    const { events: chain, lots } = generateSeaCucumberChain({ variant: 'shipment-not-received' });
    const events = [...chain, chain[7]!];
    async function* arriving() {
      yield* events;
    }
    const feed = arriving();
    const alerts: Diagnostic[] = [];
    const alert = (d: Diagnostic) => alerts.push(d);
    const lot = lots[0]!.live;

    const index = createTraceIndex({ masterData });
    for await (const event of feed) {
      for (const d of index.add(event)) alert(d); // what this event settles
    }
    const open = index.finalize(); // receipts still unmatched, shipments never received, orphans, balances
    expect(index.recallScope(lot).downstreamLots).toEqual([PROCESSED_LOT]); // queries on the current state

    expect(codesAndPaths(alerts)).toEqual([['TRACE_DUPLICATE_EVENT_ID', [12, 'eventID']]]);
    expect(codesAndPaths(open)).toEqual([['TRACE_SHIPMENT_NOT_RECEIVED', [8]]]);
    // finalize does not change the index: the same answer again
    expect(index.finalize()).toEqual(open);
    // the same engine runs validateChain: the same findings for the same events
    const key = (d: Diagnostic) => `${d.code} ${JSON.stringify(d.path)}`;
    expect(validateChain(events, { masterData }).map(key).sort()).toEqual(
      [...alerts, ...open].map(key).sort(),
    );
  });

  it('JSON Lines straight into the index', async () => {
    expect(guideLinesMissingFromTest('JSON Lines straight into the index')).toEqual([]);
    // context: the chain received before it was shipped, as JSON Lines, and a line that is not JSON
    const { events } = generateSeaCucumberChain({ variant: 'time-reversed' });
    const text = `${[...toJsonLines(events), '{"type":'].join('\n')}\n`;
    const readline = createInterface({ input: Readable.from([text]) });
    const results: { valid: boolean; codes: string[] }[] = [];
    const alerts: Diagnostic[] = [];
    const alert = (d: Diagnostic) => alerts.push(d);

    const index = createTraceIndex({ masterData, locale: 'zh-CN' });
    const lines = createEpcisLineValidator({
      mode: 'strict',
      now: new Date(),
      index,
      locale: 'zh-CN',
    });
    for await (const line of readline) {
      const { valid, diagnostics } = lines.validate(line); // the validator's findings, then the index's
      for (const d of diagnostics) alert(d);
      results.push({ valid, codes: diagnostics.map((d) => d.code) });
    }
    const open = index.finalize();

    // the retailer's receipt before the shipment: a chain finding, the event itself is valid
    const receipt = events.findIndex((e) => e.bizStep === 'receiving' && e.readPoint !== undefined);
    const retailReceipt = events.findLastIndex((e) => e.bizStep === 'receiving');
    expect(receipt).toBeLessThan(retailReceipt);
    expect(results[retailReceipt]).toEqual({ valid: true, codes: ['TRACE_TIME_ORDER'] });
    // both write in Chinese: the index's finding and the validator's
    expect(alerts.map((d) => d.message).every((m) => /[\u4e00-\u9fff]/.test(m))).toBe(true);
    // the line that is not JSON: TRACE_JSON_SYNTAX at its position, not added to the index
    expect(results.at(-1)).toEqual({ valid: false, codes: ['TRACE_JSON_SYNTAX'] });
    expect(alerts.at(-1)?.path).toEqual([events.length]);
    expect(results.slice(0, -1).every((r) => r.valid)).toBe(true);
    expect([lines.lines, index.size]).toEqual([events.length + 1, events.length]);
    expect(open).toEqual([]);
    // these lines carry extension members (`fsk:cte`): they go the full way
    expect(lines.direct).toBe(0);
    // lines of the common shape (the platform's) are read straight from their text
    const platform = createEpcisLineValidator({ mode: 'strict' });
    for (const line of generatePlatformJsonLines({ events: 300, suppliers: 5, buyers: 20 })) {
      expect(platform.validate(line).diagnostics).toEqual([]);
    }
    expect([platform.lines, platform.direct]).toEqual([300, 300]);
  });

  it('Profiles', () => {
    expect(guideLinesMissingFromTest('Profiles')).toEqual([]);
    // context: the chain without the inspection before warehouse-out
    const { events } = generateSeaCucumberChain({ variant: 'missing-inspection' });

    const engine = createEngine({ plugins: [traceFsma204(), traceCn()] });
    const result = checkProfile(events, engine.require(traceProfiles, 'cn.aquatic-chain'));
    expect(result.profile).toMatchObject({ id: 'cn.aquatic-chain', confidence: 'secondary' }); // the RuleSetMeta applied
    // the CTE recognised for each event: seedling release → grow-out → harvest → processing →
    // (no inspection) → warehouse-out → sale; shipping and receiving are not steps of this profile
    expect(result.ctes).toEqual([
      'seedling-release',
      'grow-out',
      'grow-out',
      'harvest',
      undefined,
      undefined,
      'processing',
      'warehouse-out',
      undefined,
      'sale',
      'sale',
      'sale',
    ]);
    // RULESET_NOT_VERIFIED (info) first when the profile is not verified, then findings
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.path])).toEqual([
      ['RULESET_NOT_VERIFIED', 'info', undefined],
      ['TRACE_PROFILE_STEP_MISSING', 'error', [7]],
    ]);
    expect(result.diagnostics[1]?.params).toMatchObject({
      cte: 'warehouse-out',
      requires: 'inspection',
    });
    // the FSMA 204 profile is there too; GDST is not (its plugin is not installed)
    expect(engine.get(traceProfiles, 'us.fsma-204')?.meta.id).toBe('us.fsma-204');
    expect(engine.get(traceProfiles, 'gdst')).toBeUndefined();
  });

  it('Write a profile', () => {
    expect(guideLinesMissingFromTest('Write a profile')).toEqual([]);
    // context: the chain with a reading of −12 °C on the warehouse-out of the processed product
    const chain = generateSeaCucumberChain().events;
    const warehouseOut = chain.findIndex((e) => e['fsk:cte'] === 'warehouse-out');
    const reading = (value: number) => [
      { sensorReport: [{ type: 'Temperature', value, uom: 'CEL' }] },
    ];
    const withReading = (value?: number) =>
      chain.map((e, i) =>
        i === warehouseOut && value !== undefined ? { ...e, sensorElementList: reading(value) } : e,
      );
    const events = withReading(-12);

    const districtColdChain = definePlugin({
      name: 'xigang-cold-chain',
      version: '1.0.0',
      requires: { '@foodsafety/trace': '^0.1.0' },
      options: z.object({
        aquaticGtins: z.array(z.string().regex(/^\d{8,14}$/)).min(1),
        maxCelsius: z.number().default(-18),
      }),
      messages: {
        XIGANG_COLD_CHAIN_TEMPERATURE: {
          severity: 'error',
          'zh-CN':
            '水产品发货事件 {index}（{eventID}）的温度记录 {value} 不符合要求：{requirement}',
          en: 'Shipping of aquatic products, event {index} ({eventID}): temperature reading {value}, expected {requirement}',
        },
      },
      setup: (ctx, options) => {
        const profile: TraceProfile = {
          meta: {
            id: 'cn-ln-dalian-xigang.cold-chain',
            version: '2025.1',
            jurisdiction: 'CN-LN-Dalian-Xigang',
            effectiveFrom: '2025-01-01',
            source: 'Xigang district market supervision bureau, cold-chain notice',
            confidence: 'unverified',
          },
          label: { en: 'Xigang cold chain for aquatic products', 'zh-CN': '西岗区水产品冷链要求' },
          ctes: [
            {
              id: 'shipping',
              label: { en: 'Shipping', 'zh-CN': '发货' },
              match: [{ bizSteps: ['shipping'] }],
              kdes: [],
            },
          ],
          rules: [
            {
              kind: 'value',
              id: 'frozen-at-shipping',
              ctes: ['shipping'],
              when: {
                select: 'quantityList[*].epcClass',
                op: 'gtin-in',
                value: options.aquaticGtins,
              },
              select: 'sensorElementList[*].sensorReport[type=Temperature].value',
              op: 'lte',
              value: options.maxCelsius,
              uom: 'CEL', // readings in °F (FAH) or K (KEL) are converted to °C first
              quantifier: 'all', // at least one reading, and every one ≤ the limit
              message: ctx.messages.XIGANG_COLD_CHAIN_TEMPERATURE,
            },
          ],
        };
        ctx.contribute(traceProfiles, profile);
      },
    });

    const engine = createEngine({
      plugins: [districtColdChain({ aquaticGtins: ['06921002002011'] })],
    });
    const { diagnostics } = checkProfile(
      events,
      engine.require(traceProfiles, 'cn-ln-dalian-xigang.cold-chain'),
    );
    // the contribution passed the extension point's check
    expect(engine.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // an unverified profile: RULESET_NOT_VERIFIED first, then the reading of −12 °C
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['RULESET_NOT_VERIFIED', undefined],
      ['XIGANG_COLD_CHAIN_TEMPERATURE', [warehouseOut]],
    ]);
    // formatDiagnostic(d, 'zh-CN', engine.catalogue) renders the district's own message
    const d = diagnostics[1]!;
    expect(formatDiagnostic(d, 'zh-CN', engine.catalogue)).toContain(
      `水产品发货事件 ${warehouseOut}（${String(chain[warehouseOut]?.eventID)}）的温度记录 -12 CEL 不符合要求：sensorElementList[*].sensorReport[type=Temperature].value 均 ≤ -18 °C`,
    );
    expect(formatDiagnostic(d, 'en', engine.catalogue)).toContain(
      'temperature reading -12 CEL, expected every sensorElementList[*].sensorReport[type=Temperature].value ≤ -18 °C',
    );

    const profile = engine.require(traceProfiles, 'cn-ln-dalian-xigang.cold-chain');
    const findings = (input: readonly unknown[]) =>
      checkProfile(input, profile).diagnostics.filter((x) => x.code !== 'RULESET_NOT_VERIFIED');
    expect(findings(withReading(-20))).toEqual([]); // every reading ≤ −18 °C
    // −4 °F is −20 °C: frozen enough; 10 °F is −12.2 °C: not
    const inFahrenheit = (value: number) =>
      chain.map((e, i) =>
        i === warehouseOut
          ? {
              ...e,
              sensorElementList: [{ sensorReport: [{ type: 'Temperature', value, uom: 'FAH' }] }],
            }
          : e,
      );
    expect(findings(inFahrenheit(-4))).toEqual([]);
    expect(findings(inFahrenheit(10)).map((x) => x.params?.value)).toEqual(['10 FAH']);
    // at least one reading: a shipment of aquatic products without any is a finding
    expect(findings(withReading()).map((x) => [x.code, x.path])).toEqual([
      ['XIGANG_COLD_CHAIN_TEMPERATURE', [warehouseOut]],
    ]);
    // the shipment of the live harvest (GTIN 06921001001022) is not an aquatic GTIN listed here
    expect(checkProfile(events, profile).ctes.filter((c) => c === 'shipping')).toHaveLength(2);
    // the selectors the built-in KDE tables share
    expect(Object.keys(EPCIS_SELECTORS)).toEqual(
      expect.arrayContaining([
        'lots',
        'quantities',
        'childLots',
        'inputLots',
        'outputQuantities',
        'place',
      ]),
    );
  });

  it('Export', () => {
    expect(guideLinesMissingFromTest('Export')).toEqual([]);
    const { events, lots } = generateSeaCucumberChain();
    const graph = buildLotGraph(events);
    const lot = lots[0]!.seedling;

    const trace = traceForward(graph, lot);
    const csv = toSortableSpreadsheet(graph, {
      lots: [trace.id, ...trace.lots.map((l) => l.id)],
      profile: FSMA_204_PROFILE, // adds the CTE column and one column per KDE
      locale: 'zh-CN', // Chinese headers, activities and CTE names
      bom: true, // UTF-8 byte-order mark for Excel
    });

    expect(csv.startsWith('\uFEFF')).toBe(true);
    // CRLF line ends
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(/[^\r]\n/.test(csv)).toBe(false);
    const [header, ...rows] = readCsv(csv.slice(1));
    // record number, eventID, event time, type, activity, bizStep, disposition, lot codes,
    // quantities, units, location, previous source, subsequent recipient, reference documents,
    // then the profile's CTE and KDE columns (one per KDE id)
    const kdeIds = new Set(FSMA_204_PROFILE.ctes.flatMap((c) => c.kdes.map((k) => k.id)));
    expect(header?.slice(0, 2)).toEqual(['记录序号', '事件标识']);
    expect(header?.[14]).toBe('关键追踪事件');
    expect(header).toHaveLength(15 + kdeIds.size);
    // one row per event in event-time order: the whole chain, from the seedlings on
    expect(rows.map((r) => r[0])).toEqual(events.map((_, i) => String(i)));
    expect(rows.every((r) => r.length === header?.length)).toBe(true);
    const times = rows.map((r) => Date.parse(r[2] ?? ''));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // the CTE column is filled from the events (the graph kept them)
    // (in Chinese by its Chinese name, with the CTE it stands for)
    expect(rows[0]?.[14]).toBe('初级农产品初次包装（initial-packing）');

    // CSV injection: such a cell is written with a leading ', plain numbers stay numbers
    expect(guardFormula('=HYPERLINK("https://evil.example")')).toBe(
      `'=HYPERLINK("https://evil.example")`,
    );
    expect(guardFormula('-2.5')).toBe('-2.5');
    // the diagrams: lots labelled GTIN · lot, and on request where each was shipped
    const chart = lotGraphToMermaid(graph, {
      lots: [trace.id, ...trace.lots.map((l) => l.id)],
      shipments: true,
    });
    expect(chart).toContain('["06921002002011 · PCH24001"]');
    expect(chart).toContain('shipped 966 KGM');
    expect(lotGraphToDot(graph, { lots: [PROCESSED_LOT] })).toContain(
      'label="06921002002011 · PCH24001"',
    );
  });
});
