import { formatDiagnostic } from '@foodsafety/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toEpcisDocument } from '../testdata/epcis-json.js';
import { generateSeaCucumberChain, SEA_CUCUMBER_ACTORS } from '../testdata/sea-cucumber-chain.js';
import { buildLotGraph } from './lot-graph.js';
import { validateChain } from './validate-chain.js';

const LOT = 'urn:epc:class:lgtin:6921001.000102.A1';
const LOT_DL = 'https://id.gs1.org/01/06921001001022/10/A1';
const OUT = 'urn:epc:class:lgtin:6921001.000103.B1';
const A = 'urn:epc:id:sgln:6921001.00001.0';
const B = 'urn:epc:id:sgln:6921002.00001.0';

function ev(partial: Record<string, unknown>): Record<string, unknown> {
  return { type: 'ObjectEvent', action: 'OBSERVE', eventTimeZoneOffset: '+08:00', ...partial };
}
const origin = (t: string, qty = 100, uom = 'KGM', lot = LOT, at = A) =>
  ev({
    action: 'ADD',
    bizStep: 'commissioning',
    eventTime: t,
    quantityList: [{ epcClass: lot, quantity: qty, uom }],
    bizLocation: { id: at },
  });
const ship = (t: string, qty: number, tx = 'urn:epcglobal:cbv:bt:6921001000018:PO1', lot = LOT) =>
  ev({
    bizStep: 'shipping',
    eventTime: t,
    quantityList: [{ epcClass: lot, quantity: qty, uom: 'KGM' }],
    readPoint: { id: A },
    bizTransactionList: [{ type: 'po', bizTransaction: tx }],
    sourceList: [{ type: 'location', source: A }],
    destinationList: [{ type: 'location', destination: B }],
  });
const receive = (
  t: string,
  qty: number,
  tx = 'urn:epcglobal:cbv:bt:6921001000018:PO1',
  lot = LOT,
) =>
  ev({
    bizStep: 'receiving',
    eventTime: t,
    quantityList: [{ epcClass: lot, quantity: qty, uom: 'KGM' }],
    bizLocation: { id: B },
    bizTransactionList: [{ type: 'po', bizTransaction: tx }],
    sourceList: [{ type: 'location', source: A }],
    destinationList: [{ type: 'location', destination: B }],
  });

const codes = (events: unknown, options = {}) => validateChain(events, options).map((d) => d.code);

describe('validateChain: one step back, one step forward', () => {
  it('pairs a shipment and its receipt by business transaction', () => {
    expect(
      codes([
        origin('2024-01-01T08:00:00+08:00'),
        ship('2024-01-02T08:00:00+08:00', 50),
        receive('2024-01-02T18:00:00+08:00', 50),
      ]),
    ).toEqual([]);
  });
  it('pairs by lot and destination when there is no business transaction', () => {
    const s = { ...ship('2024-01-02T08:00:00+08:00', 50) };
    const r = { ...receive('2024-01-02T18:00:00+08:00', 50) };
    delete s.bizTransactionList;
    delete r.bizTransactionList;
    expect(codes([origin('2024-01-01T08:00:00+08:00'), s, r])).toEqual([]);
  });
  it('joins a lot written as URN at shipping and as Digital Link at receiving', () => {
    expect(
      codes([
        origin('2024-01-01T08:00:00+08:00'),
        ship('2024-01-02T08:00:00+08:00', 50),
        receive('2024-01-02T18:00:00+08:00', 50, undefined, LOT_DL),
      ]),
    ).toEqual([]);
  });
  it('does not pair across different business transactions', () => {
    const found = validateChain([
      origin('2024-01-01T08:00:00+08:00'),
      ship('2024-01-02T08:00:00+08:00', 50, 'urn:epcglobal:cbv:bt:6921001000018:PO1'),
      receive('2024-01-02T18:00:00+08:00', 50, 'urn:epcglobal:cbv:bt:6921001000018:PO2'),
    ]);
    expect(found.map((d) => [d.code, d.path])).toEqual([
      ['TRACE_SHIPMENT_NOT_RECEIVED', [1]],
      ['TRACE_RECEIPT_WITHOUT_SHIPMENT', [2]],
    ]);
    expect(found[1]?.params).toMatchObject({ index: 2, lot: LOT_DL });
  });
  it('reports a receipt whose shipment is missing, with a bilingual message', () => {
    const [d] = validateChain([
      origin('2024-01-01T08:00:00+08:00'),
      receive('2024-01-02T18:00:00+08:00', 50),
    ]);
    expect(d?.code).toBe('TRACE_RECEIPT_WITHOUT_SHIPMENT');
    expect(d && formatDiagnostic(d, 'zh-CN')).toContain('找不到对应的发货事件');
    expect(d && formatDiagnostic(d, 'en')).toContain('one step back is broken');
  });
  it('lets a severity be overridden', () => {
    const [d] = validateChain(
      [origin('2024-01-01T08:00:00+08:00'), ship('2024-01-02T08:00:00+08:00', 5)],
      {
        severities: { TRACE_SHIPMENT_NOT_RECEIVED: 'error' },
      },
    );
    expect([d?.code, d?.severity]).toEqual(['TRACE_SHIPMENT_NOT_RECEIVED', 'error']);
  });
});

describe('validateChain: time order, destruction, orphans, duplicates', () => {
  it('reports a receipt before its shipment, with a path to eventTime', () => {
    const found = validateChain([
      origin('2024-01-01T08:00:00+08:00'),
      ship('2024-01-02T08:00:00+08:00', 50),
      receive('2024-01-02T07:00:00+08:00', 50),
    ]);
    expect(found.map((d) => [d.code, d.path])).toEqual([['TRACE_TIME_ORDER', [2, 'eventTime']]]);
    expect(found[0]?.params).toMatchObject({
      otherIndex: 1,
      time: '2024-01-02T07:00:00.000+08:00',
    });
  });
  it("writes the times of its findings in each event's own offset", () => {
    // the receipt is an hour before the shipment in every case; its time is shown in its offset
    const cases: [string, string, string][] = [
      ['-05:00', '2024-01-01T18:00:00-05:00', '2024-01-01T18:00:00.000-05:00'],
      ['+05:45', '2024-01-02T04:45:00+05:45', '2024-01-02T04:45:00.000+05:45'],
      // UTC, written either way, is shown as +00:00
      ['-00:00', '2024-01-01T23:00:00Z', '2024-01-01T23:00:00.000+00:00'],
      ['Z', '2024-01-01T23:00:00Z', '2024-01-01T23:00:00.000+00:00'],
      // not an offset: the time is written in UTC
      ['+8:00', '2024-01-01T23:00:00Z', '2024-01-01T23:00:00.000Z'],
      ['+08:0a', '2024-01-01T23:00:00Z', '2024-01-01T23:00:00.000Z'],
    ];
    for (const [offset, written, shown] of cases) {
      const found = validateChain([
        origin('2024-01-01T08:00:00+08:00'),
        ship('2024-01-02T08:00:00+08:00', 50),
        { ...receive(written, 50), eventTimeZoneOffset: offset },
      ]);
      expect([offset, found[0]?.params?.time]).toEqual([offset, shown]);
    }
  });
  it('reports use of a lot before its origin, whatever the input order', () => {
    const events = [
      ship('2023-12-31T08:00:00+08:00', 50),
      receive('2023-12-31T09:00:00+08:00', 50),
      origin('2024-01-01T08:00:00+08:00'),
    ];
    expect(validateChain(events).map((d) => [d.code, d.path])).toEqual([
      ['TRACE_TIME_ORDER', [0, 'eventTime']],
      ['TRACE_TIME_ORDER', [1, 'eventTime']],
    ]);
    expect(codes([...events].reverse())).toEqual(['TRACE_TIME_ORDER', 'TRACE_TIME_ORDER']);
  });
  it('checks transformation inputs against their origin (time order along the genealogy)', () => {
    const t = {
      type: 'TransformationEvent',
      eventTime: '2023-12-01T08:00:00+08:00',
      eventTimeZoneOffset: '+08:00',
      inputQuantityList: [{ epcClass: LOT, quantity: 10, uom: 'KGM' }],
      outputQuantityList: [{ epcClass: OUT, quantity: 8, uom: 'KGM' }],
      bizLocation: { id: A },
    };
    expect(codes([origin('2024-01-01T08:00:00+08:00'), t])).toEqual(['TRACE_TIME_ORDER']);
  });
  it('tolerates a declared clock skew', () => {
    const events = [
      origin('2024-01-01T08:00:00+08:00'),
      ship('2024-01-02T08:00:00+08:00', 50),
      receive('2024-01-02T07:59:00+08:00', 50),
    ];
    expect(codes(events, { clockSkewMs: 120_000 })).toEqual([]);
  });
  it('reports an event after the lot was destroyed at that holder, not elsewhere', () => {
    const destroy = ev({
      bizStep: 'destroying',
      disposition: 'destroyed',
      eventTime: '2024-01-03T08:00:00+08:00',
      quantityList: [{ epcClass: LOT, quantity: 50, uom: 'KGM' }],
      bizLocation: { id: A },
    });
    const later = ev({
      bizStep: 'inspecting',
      eventTime: '2024-01-04T08:00:00+08:00',
      quantityList: [{ epcClass: LOT }],
      bizLocation: { id: A },
    });
    const elsewhere = ev({
      bizStep: 'inspecting',
      eventTime: '2024-01-04T08:00:00+08:00',
      quantityList: [{ epcClass: LOT }],
      bizLocation: { id: B },
    });
    const found = validateChain([origin('2024-01-01T08:00:00+08:00'), destroy, later, elsewhere]);
    expect(found.map((d) => [d.code, d.path])).toEqual([['TRACE_EVENT_AFTER_DESTRUCTION', [2]]]);
    expect(found[0]?.params).toMatchObject({ destroyIndex: 1 });
  });
  it('treats a decommissioned instance (EPC) as gone everywhere', () => {
    const epc = 'urn:epc:id:sgtin:6921001.000102.900';
    const events = [
      ev({
        action: 'ADD',
        bizStep: 'commissioning',
        eventTime: '2024-01-01T08:00:00+08:00',
        epcList: [epc],
        bizLocation: { id: A },
      }),
      ev({
        action: 'DELETE',
        bizStep: 'decommissioning',
        eventTime: '2024-01-02T08:00:00+08:00',
        epcList: [epc],
        bizLocation: { id: A },
      }),
      ev({
        bizStep: 'inspecting',
        eventTime: '2024-01-03T08:00:00+08:00',
        epcList: [epc],
        bizLocation: { id: B },
      }),
    ];
    expect(validateChain(events).map((d) => [d.code, d.path])).toEqual([
      ['TRACE_EVENT_AFTER_DESTRUCTION', [2]],
    ]);
  });
  it('reports an orphan lot once, at its first appearance', () => {
    const found = validateChain([
      ev({
        bizStep: 'inspecting',
        eventTime: '2024-01-03T08:00:00+08:00',
        quantityList: [{ epcClass: OUT, quantity: 1 }],
      }),
    ]);
    expect(found.map((d) => [d.code, d.path])).toEqual([
      ['TRACE_ORPHAN_LOT', [0, 'quantityList', 0]],
    ]);
    expect(
      codes(
        [
          ev({
            bizStep: 'inspecting',
            eventTime: '2024-01-03T08:00:00+08:00',
            quantityList: [{ epcClass: OUT }],
          }),
        ],
        { checks: { orphans: false } },
      ),
    ).toEqual([]);
  });
  it('reports duplicate eventIDs and duplicate content', () => {
    const a = {
      ...origin('2024-01-01T08:00:00+08:00'),
      eventID: 'urn:uuid:1',
      recordTime: '2024-01-01T09:00:00Z',
    };
    const b = { ...a, recordTime: '2024-01-01T10:00:00Z' };
    const c = { ...a, eventID: 'urn:uuid:2' };
    const found = validateChain([a, b, c]);
    expect(found.map((d) => [d.code, d.path])).toEqual([
      ['TRACE_DUPLICATE_EVENT_ID', [1, 'eventID']],
      ['TRACE_DUPLICATE_EVENT_CONTENT', [2]],
    ]);
  });
  it('compares content regardless of key order', () => {
    const a = origin('2024-01-01T08:00:00+08:00');
    const reordered = Object.fromEntries(Object.entries(a).reverse());
    expect(codes([a, reordered])).toEqual(['TRACE_DUPLICATE_EVENT_CONTENT']);
  });
});

describe('validateChain: mass balance and yield', () => {
  it('converts units (Rec 20) before balancing: 0.1 TNE made, 60 000 GRM + 50 KGM shipped', () => {
    const events = [
      origin('2024-01-01T08:00:00+08:00', 0.1, 'TNE'),
      {
        ...ship('2024-01-02T08:00:00+08:00', 0),
        quantityList: [{ epcClass: LOT, quantity: 60_000, uom: 'GRM' }],
        bizTransactionList: [],
      },
      ship('2024-01-02T09:00:00+08:00', 50),
    ];
    const found = validateChain(events, { checks: { oneStep: false } });
    expect(found.map((d) => [d.code, d.path])).toEqual([['TRACE_MASS_BALANCE_EXCEEDED', [2]]]);
    expect(found[0]?.params).toMatchObject({ inflow: 100, outflow: 110, unit: 'kg' });
  });
  it('accepts outflow within the tolerance', () => {
    const events = [
      origin('2024-01-01T08:00:00+08:00', 100),
      ship('2024-01-02T08:00:00+08:00', 100.05),
    ];
    expect(codes(events, { checks: { oneStep: false } })).toEqual([]);
    expect(codes(events, { checks: { oneStep: false }, massTolerance: 0 })).toEqual([
      'TRACE_MASS_BALANCE_EXCEEDED',
    ]);
  });
  it('skips balances in units it cannot convert, saying so once', () => {
    const events = [
      origin('2024-01-01T08:00:00+08:00', 100, 'XBX'),
      ship('2024-01-02T08:00:00+08:00', 500),
    ];
    const found = validateChain(events, { checks: { oneStep: false } });
    expect(found.map((d) => [d.code, d.severity, d.path])).toEqual([
      ['TRACE_QUANTITY_UNCONVERTIBLE', 'info', [0, 'quantityList', 0, 'uom']],
    ]);
  });
  it('checks the yield of a transformation against a range per output product', () => {
    const t = (out: number) => ({
      type: 'TransformationEvent',
      eventTime: '2024-01-02T08:00:00+08:00',
      eventTimeZoneOffset: '+08:00',
      inputQuantityList: [{ epcClass: LOT, quantity: 1000, uom: 'KGM' }],
      outputQuantityList: [{ epcClass: OUT, quantity: out, uom: 'KGM' }],
      bizLocation: { id: A },
    });
    expect(codes([origin('2024-01-01T08:00:00+08:00', 1000), t(450)])).toEqual([]);
    expect(codes([origin('2024-01-01T08:00:00+08:00', 1000), t(1200)])).toEqual([
      'TRACE_YIELD_OUT_OF_RANGE',
    ]);
    const ranges = { yieldRanges: { '06921001001039': { min: 0.3, max: 0.6 } } };
    expect(codes([origin('2024-01-01T08:00:00+08:00', 1000), t(200)], ranges)).toEqual([
      'TRACE_YIELD_OUT_OF_RANGE',
    ]);
    expect(codes([origin('2024-01-01T08:00:00+08:00', 1000), t(450)], ranges)).toEqual([]);
  });
});

describe('validateChain: master data', () => {
  const { ranch, processor, retailer } = SEA_CUCUMBER_ACTORS;
  const events = generateSeaCucumberChain().events;
  it('resolves every location, party and product of the sea-cucumber chain', () => {
    const masterData = {
      locations: [ranch.location, processor.location, retailer.location],
      parties: [ranch.party, processor.party, retailer.party],
      products: ['06921001001015', '06921001001022', '06921002002011'],
    };
    expect(codes(events, { masterData })).toEqual([]);
  });
  it('reports unresolved references with paths into the event', () => {
    const masterData = {
      locations: [ranch.location, processor.location],
      parties: [ranch.party, processor.party, retailer.party],
      products: ['6921001001015', '06921001001022', 'https://id.gs1.org/01/06921002002011'],
    };
    const found = validateChain(events, { masterData });
    expect(found.every((d) => d.code === 'TRACE_LOCATION_UNRESOLVED')).toBe(true);
    expect(found.map((d) => d.path)).toContainEqual([8, 'destinationList', 1, 'destination']);
    expect(found.map((d) => d.path)).toContainEqual([10, 'bizLocation', 'id']);
    expect(found[0]?.params).toMatchObject({ id: 'https://id.gs1.org/414/6921003000016' });
  });
  it('reports an unknown product by its GTIN', () => {
    const found = validateChain(events, {
      masterData: { products: ['06921001001015', '06921001001022'] },
    });
    expect(new Set(found.map((d) => d.code))).toEqual(new Set(['TRACE_PRODUCT_UNRESOLVED']));
    expect(found[0]?.params).toMatchObject({ id: '06921002002011' });
    expect(found[0]?.path).toEqual([6, 'outputQuantityList', 0, 'epcClass']);
  });
});

describe('validateChain: inputs', () => {
  it('reads an EPCIS document and puts the event list in the paths', () => {
    const doc = toEpcisDocument(
      generateSeaCucumberChain({ variant: 'receipt-without-shipment' }).events,
      { creationDate: '2025-01-01T00:00:00Z' },
    );
    expect(validateChain(doc).map((d) => d.path)).toEqual([['epcisBody', 'eventList', 4]]);
  });
  it('re-checks a lot graph built from events', () => {
    const { events } = generateSeaCucumberChain({ variant: 'time-reversed' });
    expect(validateChain(buildLotGraph(events)).map((d) => d.code)).toEqual(['TRACE_TIME_ORDER']);
  });
  it('skips what is not an event, with a diagnostic', () => {
    expect(
      validateChain([null, 3, 'x', [], origin('2024-01-01T08:00:00+08:00')]).map((d) => [
        d.code,
        d.path,
      ]),
    ).toEqual([
      ['TRACE_CHAIN_EVENT_SKIPPED', [0]],
      ['TRACE_CHAIN_EVENT_SKIPPED', [1]],
      ['TRACE_CHAIN_EVENT_SKIPPED', [2]],
      ['TRACE_CHAIN_EVENT_SKIPPED', [3]],
    ]);
  });
  it('returns nothing for inputs that hold no events', () => {
    for (const input of [undefined, null, 42, 'text', {}, { epcisBody: 1 }])
      expect(validateChain(input)).toEqual([]);
  });
  it('does not mutate its input', () => {
    const { events } = generateSeaCucumberChain({ variant: 'duplicate' });
    const copy = structuredClone(events);
    const frozen = events.map((e) => deepFreeze(e));
    validateChain(frozen);
    expect(frozen).toEqual(copy);
  });
  it('never throws on arbitrary JSON, deep nesting or __proto__ keys', () => {
    const arbEvent = fc.record(
      {
        type: fc.constantFrom('ObjectEvent', 'TransformationEvent', 'AggregationEvent', 'X', 3),
        action: fc.constantFrom('ADD', 'OBSERVE', 'DELETE', null),
        bizStep: fc.constantFrom(
          'shipping',
          'receiving',
          'destroying',
          'https://ref.gs1.org/cbv/BizStep-shipping',
          7,
        ),
        eventTime: fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.string(),
        ),
        quantityList: fc.array(
          fc.record({
            epcClass: fc.oneof(fc.constantFrom(LOT, LOT_DL, OUT), fc.string()),
            quantity: fc.oneof(fc.double(), fc.string()),
            uom: fc.constantFrom('KGM', 'GRM', 'XXX', undefined),
          }),
        ),
        inputQuantityList: fc.anything(),
        outputEPCList: fc.array(fc.oneof(fc.string(), fc.anything())),
        parentID: fc.anything(),
        childEPCs: fc.anything(),
        sourceList: fc.anything(),
        destinationList: fc.anything(),
        bizTransactionList: fc.anything(),
        readPoint: fc.anything(),
        bizLocation: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(arbEvent, fc.anything({ withObjectString: true })), { maxLength: 30 }),
        (events) => {
          expect(Array.isArray(validateChain(events))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
    let deep: Record<string, unknown> = { x: 1 };
    for (let i = 0; i < 50_000; i += 1) deep = { ilmd: deep };
    const weird = JSON.parse(
      '{"__proto__": {"polluted": true}, "type": "ObjectEvent", "action": "ADD", "eventTime": "2024-01-01T00:00:00Z", "quantityList": [{"epcClass": "__proto__", "quantity": 1}]}',
    );
    expect(() =>
      validateChain([{ ...origin('2024-01-01T08:00:00+08:00'), ilmd: deep }, weird, weird]),
    ).not.toThrow();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
