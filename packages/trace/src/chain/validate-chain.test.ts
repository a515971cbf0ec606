import { type Diagnostic, formatDiagnostic } from '@foodsafety/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toEpcisDocument } from '../testdata/epcis-json.js';
import { generateSeaCucumberChain, SEA_CUCUMBER_ACTORS } from '../testdata/sea-cucumber-chain.js';
import { buildLotGraph } from './lot-graph.js';
import { recallScope } from './recall-scope.js';
import { createTraceIndex } from './trace-index.js';
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

/** Every order of 0 … n − 1 (n! of them), to give the index events in every arrival order. */
function permutations(n: number): number[][] {
  const out: number[][] = [];
  const permute = (rest: number[], done: number[]) => {
    if (rest.length === 0) out.push(done);
    for (const i of rest)
      permute(
        rest.filter((j) => j !== i),
        [...done, i],
      );
  };
  permute(
    Array.from({ length: n }, (_, i) => i),
    [],
  );
  return out;
}

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
  it('a receipt paired as it comes does not cancel another receipt still waiting (every arrival order)', () => {
    // A makes 200 kg; ships 100 to B under PO1 and 100 to C without one; C's clock is a minute
    // slow, so C's receipt (no transaction) comes before the shipment it belongs to
    const C = 'urn:epc:id:sgln:6921003.00001.0';
    const toC = ev({
      bizStep: 'shipping',
      eventTime: '2025-05-04T08:00:00+08:00',
      quantityList: [{ epcClass: LOT, quantity: 100, uom: 'KGM' }],
      readPoint: { id: A },
      destinationList: [{ type: 'location', destination: C }],
    });
    const atC = ev({
      bizStep: 'receiving',
      eventTime: '2025-05-04T07:59:00+08:00',
      quantityList: [{ epcClass: LOT, quantity: 100, uom: 'KGM' }],
      bizLocation: { id: C },
    });
    const chain = [
      origin('2025-05-01T08:00:00+08:00', 200),
      ship('2025-05-04T07:00:00+08:00', 100),
      receive('2025-05-04T07:59:30+08:00', 100),
      toC,
      atC,
    ];
    expect(codes(chain, { clockSkewMs: 300_000 })).toEqual([]);
    // the index, given the events in every order: the same (no false one-step findings)
    const orders = permutations(5);
    const oneStep = new Set(['TRACE_RECEIPT_WITHOUT_SHIPMENT', 'TRACE_SHIPMENT_NOT_RECEIVED']);
    for (const order of orders) {
      const index = createTraceIndex({ clockSkewMs: 300_000 });
      const found = [...order.flatMap((i) => index.add(chain[i])), ...index.finalize()];
      expect([order, found.map((d) => d.code).filter((c) => oneStep.has(c))]).toEqual([order, []]);
    }
  });

  it('the index pairs the shipments and receipts of one order as in time order, whatever comes first', () => {
    const oneStep = new Set(['TRACE_RECEIPT_WITHOUT_SHIPMENT', 'TRACE_SHIPMENT_NOT_RECEIVED']);
    const fromB = (t: string, kg: number) => ({
      ...ship(t, kg),
      readPoint: { id: B },
      sourceList: [{ type: 'location', source: B }],
      destinationList: [{ type: 'location', destination: A }],
    });
    const atA = (t: string, kg: number) => ({
      ...receive(t, kg),
      bizLocation: { id: A },
      sourceList: [{ type: 'location', source: B }],
      destinationList: [{ type: 'location', destination: A }],
    });
    const chains = {
      // two trucks under PO1, each received
      twoTrucks: [
        origin('2024-01-01T08:00:00+08:00', 200),
        ship('2024-01-02T08:00:00+08:00', 50),
        ship('2024-01-02T09:00:00+08:00', 50),
        receive('2024-01-03T08:00:00+08:00', 50),
        receive('2024-01-03T09:00:00+08:00', 50),
      ],
      // a delivery A → B and its return B → A under the same order
      withReturn: [
        origin('2024-01-01T08:00:00+08:00', 200),
        ship('2024-01-02T08:00:00+08:00', 100),
        receive('2024-01-03T08:00:00+08:00', 100),
        fromB('2024-01-04T08:00:00+08:00', 20),
        atA('2024-01-05T08:00:00+08:00', 20),
      ],
    };
    for (const [name, chain] of Object.entries(chains)) {
      expect([name, codes(chain).filter((c) => oneStep.has(c))]).toEqual([name, []]);
      for (const order of permutations(chain.length)) {
        const index = createTraceIndex();
        for (const i of order) index.add(chain[i]);
        const open = index
          .finalize()
          .map((d) => d.code)
          .filter((c) => oneStep.has(c));
        expect([name, order, open]).toEqual([name, order, []]);
      }
    }
    // a receipt under an order that has no shipment is still found, whatever the order
    const missing = [
      origin('2024-01-01T08:00:00+08:00', 200),
      ship('2024-01-02T08:00:00+08:00', 50),
      receive('2024-01-03T08:00:00+08:00', 50),
      receive('2024-01-03T09:00:00+08:00', 50, 'urn:epcglobal:cbv:bt:6921001000018:PO3'),
    ];
    for (const order of permutations(4)) {
      const index = createTraceIndex();
      for (const i of order) index.add(missing[i]);
      const open = index.finalize().filter((d) => oneStep.has(d.code));
      expect([order, open.map((d) => [d.code, order[d.params?.index as number]])]).toEqual([
        order,
        [['TRACE_RECEIPT_WITHOUT_SHIPMENT', 3]],
      ]);
    }
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

describe('validateChain: receipts against shipments, per business transaction', () => {
  const t0 = '2024-01-01T08:00:00+08:00';
  const t1 = '2024-01-02T08:00:00+08:00';
  const t2 = '2024-01-03T08:00:00+08:00';
  const PO1 = 'urn:epcglobal:cbv:bt:6921001000018:PO1';
  const PO2 = 'urn:epcglobal:cbv:bt:6921001000018:PO2';
  const L2 = 'urn:epc:class:lgtin:6921001.000102.A2';
  const exceeds = (found: Diagnostic[]) =>
    found.filter((d) => d.code === 'TRACE_RECEIPT_EXCEEDS_SHIPMENT');
  /** validateChain, and the index taking the events in the order given by `order`. */
  const both = (events: unknown[], order = events.map((_, i) => i), options = {}) => {
    const index = createTraceIndex(options);
    const live = [...order.flatMap((i) => index.add(events[i])), ...index.finalize()];
    // the index numbers events as they come: back to their place in `events`
    const placed = live.map((d) =>
      d.params?.index === undefined
        ? d
        : { ...d, params: { ...d.params, index: order[d.params.index as number] as number } },
    );
    return [validateChain(events, options), placed];
  };

  it('reports receipts of more than the shipments sent, at the latest receipt, in the index too', () => {
    const events = [origin(t0, 100), ship(t1, 50), receive(t2, 60)];
    for (const found of both(events)) {
      expect(found.map((d) => [d.code, d.severity, d.path])).toEqual([
        ['TRACE_RECEIPT_EXCEEDS_SHIPMENT', 'warning', [2, 'quantityList', 0]],
      ]);
      expect(found[0]?.params).toMatchObject({
        index: 2,
        lot: LOT_DL, // canonical, as in the other findings
        transaction: PO1,
        received: 60,
        shipped: 50,
        unit: 'kg',
      });
    }
    const [d] = validateChain(events);
    expect(formatDiagnostic(d as Diagnostic, 'zh-CN')).toContain(
      `业务单据 ${PO1} 下批次 ${LOT_DL} 的收货合计 60 kg，多于该单据下发货合计 50 kg（截至收货事件 [2]`,
    );
    expect(formatDiagnostic(d as Diagnostic, 'en')).toContain(
      `Under business transaction ${PO1}, the receipts of lot ${LOT_DL} total 60 kg, more than the 50 kg its shipments sent`,
    );
  });

  it('compares totals: two shipments received in one receipt, one shipment in two deliveries', () => {
    // 50 + 50 shipped under PO1 (an hour apart), 100 received in one receipt: nothing
    const twoTrucks = [
      origin(t0),
      ship(t1, 50),
      ship('2024-01-02T09:00:00+08:00', 50),
      receive(t2, 100),
    ];
    for (const found of both(twoTrucks)) expect(exceeds(found)).toEqual([]);
    // 100 shipped, received as 60 + 60: the second delivery takes it over
    const split = [
      origin(t0, 200),
      ship(t1, 100),
      receive(t2, 60),
      receive('2024-01-04T08:00:00+08:00', 60),
    ];
    for (const found of both(split)) {
      expect(exceeds(found).map((d) => [d.path, d.params?.received, d.params?.shipped])).toEqual([
        [[3, 'quantityList', 0], 120, 100],
      ]);
    }
  });

  it('compares each place where the totals hide it: 150 received at B of 100 sent there', () => {
    const C = 'urn:epc:id:sgln:6921003.00001.0';
    // the places as the finding names them (GLN check digits 7 and 6)
    const B_DL = 'https://id.gs1.org/414/6921002000017';
    const toC = (event: Record<string, unknown>) => ({
      ...event,
      destinationList: [{ type: 'location', destination: C }],
      ...(event.bizStep === 'receiving' ? { bizLocation: { id: C } } : {}),
    });
    const h = (hour: number) => `2024-01-03T${String(hour).padStart(2, '0')}:00:00+08:00`;
    // 100 kg sent A→B and 100 kg A→C under PO1; B records 150 received, C 50: 200 of 200 in all
    const events = [
      origin(t0, 200),
      ship(t1, 100),
      toC(ship('2024-01-02T09:00:00+08:00', 100)),
      receive(h(8), 150),
      toC(receive(h(9), 50)),
    ];
    for (const order of [
      [0, 1, 2, 3, 4],
      [4, 3, 2, 1, 0],
      [0, 3, 1, 4, 2],
    ]) {
      for (const found of both(events, order)) {
        expect(
          exceeds(found).map((d) => [
            d.params?.index,
            d.params?.received,
            d.params?.shipped,
            d.params?.place,
          ]),
        ).toEqual([[3, 150, 100, B_DL]]);
      }
    }
    const [d] = exceeds(validateChain(events));
    expect(d?.path).toEqual([3, 'quantityList', 0]);
    expect(formatDiagnostic(d as Diagnostic, 'en')).toContain(
      `the receipts of lot ${LOT_DL} at ${B_DL} total 150 kg, more than the 100 kg its shipments to ${B_DL} sent`,
    );
    expect(formatDiagnostic(d as Diagnostic, 'zh-CN')).toContain(
      `下批次 ${LOT_DL} 在 ${B_DL} 的收货合计 150 kg，多于该单据下发往 ${B_DL} 的发货合计 100 kg`,
    );
    // 100 and 100 received: nothing
    const even = [...events.slice(0, 3), receive(h(8), 100), toC(receive(h(9), 100))];
    for (const found of both(even)) expect(exceeds(found)).toEqual([]);
    // the totals' excess is reported once, as a total (250 of 200), not again at B
    const over = [...events.slice(0, 4), toC(receive(h(9), 100))];
    for (const found of both(over))
      expect(exceeds(found).map((x) => [x.params?.received, x.params?.place])).toEqual([
        [250, undefined],
      ]);
    // not judged per place: a receipt at a place no shipment names (a dock door), or a shipment
    // that names no one place (a party only, or two places)
    const dock = 'urn:epc:id:sgln:6921002.00001.7';
    const atDock = {
      ...receive(h(8), 150),
      bizLocation: { id: dock },
      destinationList: [{ type: 'location', destination: dock }],
    };
    const partyOnly = {
      ...ship(t1, 100),
      destinationList: [{ type: 'owning_party', destination: 'urn:epc:id:pgln:6921002.00000' }],
    };
    const twoPlaces = {
      ...ship(t1, 100),
      destinationList: [
        { type: 'location', destination: C },
        { type: 'location', destination: B },
      ],
    };
    for (const unplaced of [
      [events[0], events[1], events[2], atDock, events[4]],
      [events[0], partyOnly, events[2], events[3], events[4]],
      [events[0], twoPlaces, events[2], events[3], events[4]],
    ])
      for (const found of both(unplaced)) expect(exceeds(found)).toEqual([]);
  });

  it('gives the same finding in the index whatever order the events come in', () => {
    // PO1: 50 shipped, 50 received; PO2: 70 shipped, 90 received
    const events = [
      origin(t0, 200),
      ship(t1, 50),
      receive(t2, 50),
      ship('2024-01-05T08:00:00+08:00', 70, PO2),
      receive('2024-01-06T08:00:00+08:00', 90, PO2),
    ];
    const orders = [
      [0, 1, 2, 3, 4],
      [0, 1, 2, 4, 3],
      [4, 3, 2, 1, 0],
      [0, 4, 2, 1, 3],
    ];
    for (const order of orders) {
      for (const found of both(events, order)) {
        expect(
          exceeds(found).map((d) => [d.params?.index, d.params?.transaction, d.params?.received]),
        ).toEqual([[4, PO2, 90]]);
      }
    }
  });

  it('accepts a receipt of less, of the same or within the mass tolerance (0.1 %)', () => {
    for (const kg of [40, 50, 50.04])
      expect(codes([origin(t0), ship(t1, 50), receive(t2, kg)])).toEqual([]);
    expect(codes([origin(t0), ship(t1, 50), receive(t2, 50.04)], { massTolerance: 0 })).toEqual([
      'TRACE_RECEIPT_EXCEEDS_SHIPMENT',
    ]);
  });

  it('compares in one unit (Rec 20): 0.05 TNE shipped, 50 000 GRM received is the same', () => {
    const inGrams = (g: number) => ({
      ...receive(t2, 0),
      quantityList: [{ epcClass: LOT, quantity: g, uom: 'GRM' }],
    });
    const shipTonnes = {
      ...ship(t1, 0),
      quantityList: [{ epcClass: LOT, quantity: 0.05, uom: 'TNE' }],
    };
    expect(codes([origin(t0), shipTonnes, inGrams(50_000)])).toEqual([]);
    const found = validateChain([origin(t0), shipTonnes, inGrams(51_000)]);
    expect(found.map((d) => d.code)).toEqual(['TRACE_RECEIPT_EXCEEDS_SHIPMENT']);
    expect(found[0]?.params).toMatchObject({ received: 51, shipped: 50, unit: 'kg' });
  });

  it('sums a lot listed twice, and leaves negative entries out, pointing at the first entry counted', () => {
    const listed = (...items: [string, number][]) => ({
      ...receive(t2, 0),
      quantityList: items.map(([epcClass, quantity]) => ({ epcClass, quantity, uom: 'KGM' })),
    });
    const twice = validateChain([origin(t0), ship(t1, 50), listed([LOT, 30], [LOT, 30])]);
    expect(twice.map((d) => [d.code, d.path, d.params?.received])).toEqual([
      ['TRACE_RECEIPT_EXCEEDS_SHIPMENT', [2, 'quantityList', 0], 60],
    ]);
    // a negative entry is left out (the validator reports it), not a reason to compare nothing
    const negative = validateChain([origin(t0), ship(t1, 50), listed([LOT, -5], [LOT, 60])]);
    expect(negative.map((d) => [d.code, d.path, d.params?.received])).toEqual([
      ['TRACE_RECEIPT_EXCEEDS_SHIPMENT', [2, 'quantityList', 1], 60],
    ]);
  });

  it('compares only lots a shipment of the transaction carried: a pallet shipped, its lot received', () => {
    const SSCC = 'urn:epc:id:sscc:6921001.0000000001';
    const packed = ev({
      type: 'AggregationEvent',
      action: 'ADD',
      bizStep: 'packing',
      eventTime: '2024-01-01T12:00:00+08:00',
      parentID: SSCC,
      childQuantityList: [{ epcClass: LOT, quantity: 50, uom: 'KGM' }],
      bizLocation: { id: A },
    });
    const pallet = { ...ship(t1, 0), quantityList: undefined, epcList: [SSCC] };
    const unpacked = { ...receive(t2, 50), epcList: [SSCC] };
    for (const found of both([origin(t0), packed, pallet, unpacked]))
      expect(exceeds(found)).toEqual([]);
    // and a lot the shipments did not name at all is not compared either (it may have been inside)
    const listed = {
      ...receive(t2, 0),
      quantityList: [
        { epcClass: LOT, quantity: 50, uom: 'KGM' },
        { epcClass: L2, quantity: 40, uom: 'KGM' },
      ],
    };
    expect(exceeds(validateChain([origin(t0), ship(t1, 50), listed]))).toEqual([]);
  });

  it('takes the transactions one event names together as one: one receipt for two orders', () => {
    // 50 under PO1 and 50 under PO2, received in one receipt naming both: 100 of 100
    const both2 = {
      ...receive(t2, 100),
      bizTransactionList: [
        { type: 'po', bizTransaction: PO1 },
        { type: 'po', bizTransaction: PO2 },
      ],
    };
    const events = [
      origin(t0, 200),
      ship(t1, 50),
      ship('2024-01-02T09:00:00+08:00', 50, PO2),
      both2,
    ];
    for (const found of both(events)) expect(exceeds(found)).toEqual([]);
    // 130 received against them is 30 over, reported once
    const over = [
      ...events.slice(0, 3),
      { ...both2, quantityList: [{ epcClass: LOT, quantity: 130, uom: 'KGM' }] },
    ];
    for (const found of both(over))
      expect(exceeds(found).map((d) => [d.params?.received, d.params?.shipped])).toEqual([
        [130, 100],
      ]);
  });

  it('pairs under transactions one event names together, as it totals them', () => {
    const DESADV = 'urn:epcglobal:cbv:bt:6921001000018:DESADV9';
    const named = (event: object, ...txs: string[]) => ({
      ...event,
      bizTransactionList: txs.map((t) => ({
        type: t === DESADV ? 'desadv' : 'po',
        bizTransaction: t,
      })),
    });
    const pairing = (found: Diagnostic[]) =>
      found.filter((d) => d.code !== 'TRACE_RECEIPT_EXCEEDS_SHIPMENT').map((d) => [d.code, d.path]);
    // truck 1 ships 50 kg of LOT under PO1; truck 2 ships 30 kg of L2 under PO1 and its despatch
    // advice; one receipt names the despatch advice only and takes in both trucks' loads
    const twoTrucks = [
      origin(t0, 200),
      origin(t0, 100, 'KGM', L2),
      named(ship(t1, 50), PO1),
      named(ship('2024-01-02T09:00:00+08:00', 30, PO1, L2), PO1, DESADV),
      {
        ...named(receive(t2, 50), DESADV),
        quantityList: [
          { epcClass: LOT, quantity: 50, uom: 'KGM' },
          { epcClass: L2, quantity: 30, uom: 'KGM' },
        ],
      },
    ];
    // (before: truck 1 was "not received" here, while the totals took PO1 and DESADV9 as one)
    for (const order of permutations(5))
      for (const found of both(twoTrucks, order)) expect(pairing(found)).toEqual([]);
    // a receipt that names only the despatch advice, of a lot only the PO1 truck carried: paired
    // with it at finalize (it shares no transaction with it as written)
    const alone = [
      origin(t0, 200),
      origin(t0, 100, 'KGM', L2),
      named(ship(t1, 50), PO1),
      named(ship(t1, 30, PO1, L2), PO1, DESADV),
      named(receive(t2, 30, PO1, L2), PO1),
      named(receive(t2, 50), DESADV),
    ];
    for (const order of [
      [0, 1, 2, 3, 4, 5],
      [5, 4, 3, 2, 1, 0],
      [0, 1, 5, 2, 4, 3],
    ])
      for (const found of both(alone, order)) expect(pairing(found)).toEqual([]);
    // without the event that joins them, the two stay apart: both reported
    const apart = [origin(t0, 200), named(ship(t1, 50), PO1), named(receive(t2, 50), DESADV)];
    for (const found of both(apart))
      expect(pairing(found)).toEqual([
        ['TRACE_SHIPMENT_NOT_RECEIVED', [1]],
        ['TRACE_RECEIPT_WITHOUT_SHIPMENT', [2]],
      ]);
  });

  it('pairs the rest of a split delivery with the truck still short, not with another one', () => {
    const h = (hour: number) => `2024-01-03T${String(hour).padStart(2, '0')}:00:00+08:00`;
    const trucks = [origin(t0, 200), ship(t1, 100), ship('2024-01-02T09:00:00+08:00', 100)];
    const pairing = (found: Diagnostic[]) =>
      found
        .filter((d) => d.code !== 'TRACE_RECEIPT_EXCEEDS_SHIPMENT')
        .map((d) => [d.code, d.params?.index]);
    // two trucks of 100 kg; 60 kg, then the other 40 kg of one of them received: 100 kg of 200
    // arrived, so one truck was not received (before: the 40 kg closed the other truck, and
    // nothing was reported)
    const split = [...trucks, receive(h(8), 60), receive(h(9), 40)];
    for (const order of permutations(5))
      for (const found of both(split, order))
        expect(pairing(found)).toEqual([['TRACE_SHIPMENT_NOT_RECEIVED', 1]]);
    // the other truck arrives later, whole: it pairs with the truck the split one left
    const later = [...split, receive(h(10), 100)];
    for (const order of [
      [0, 1, 2, 3, 4, 5],
      [5, 4, 3, 2, 1, 0],
      [0, 2, 1, 4, 3, 5],
    ])
      for (const found of both(later, order)) expect(pairing(found)).toEqual([]);
    // a second receipt of more than the rest of the first truck (41 kg, 100 kg): no split, each
    // receipt keeps its truck
    for (const second of [100, 41])
      for (const found of both([...trucks, receive(h(8), 60), receive(h(9), second)]))
        expect(pairing(found)).toEqual([]);
  });

  it('leaves uncompared: other dimensions, receipts of transactions never shipped, events without one', () => {
    const litres = {
      ...receive(t2, 0),
      quantityList: [{ epcClass: LOT, quantity: 900, uom: 'LTR' }],
    };
    expect(exceeds(validateChain([origin(t0), ship(t1, 50), litres]))).toEqual([]);
    // PO2 has no shipment in the data: its receipt is TRACE_RECEIPT_WITHOUT_SHIPMENT's business
    expect(exceeds(validateChain([origin(t0), ship(t1, 50), receive(t2, 60, PO2)]))).toEqual([]);
    const bare = (e: Record<string, unknown>) => ({ ...e, bizTransactionList: [] });
    expect(exceeds(validateChain([origin(t0), bare(ship(t1, 50)), bare(receive(t2, 60))]))).toEqual(
      [],
    );
  });

  it('leaves out a withdrawn event: a shipment declared erroneous and its correction', () => {
    const wrong = { ...ship(t1, 100), eventID: 'urn:uuid:00000000-0000-4000-8000-000000000001' };
    const declaration = {
      ...wrong,
      eventTime: '2024-01-02T09:00:00+08:00',
      errorDeclaration: {
        declarationTime: '2024-01-04T08:00:00+08:00',
        reason: 'incorrect_data',
        correctiveEventIDs: ['urn:uuid:00000000-0000-4000-8000-000000000002'],
      },
    };
    const corrected = {
      ...ship('2024-01-02T10:00:00+08:00', 50),
      eventID: 'urn:uuid:00000000-0000-4000-8000-000000000002',
    };
    const events = [origin(t0), wrong, receive(t2, 60), declaration, corrected];
    for (const found of both(events)) {
      expect(exceeds(found).map((d) => [d.params?.received, d.params?.shipped])).toEqual([
        [60, 50],
      ]);
    }
  });

  it('is part of the mass balance: switched off with it', () => {
    expect(
      codes([origin(t0), ship(t1, 50), receive(t2, 60)], { checks: { massBalance: false } }),
    ).toEqual([]);
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
      quantityList: [{ epcClass: LOT, quantity: 100, uom: 'KGM' }],
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

describe('validateChain: duplicate content nested deep', () => {
  it('finds a repeat whose extension is nested 100 levels deep (the key goes to 1 000)', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100; i += 1) deep = { 'ex:n': deep };
    const e = { ...origin('2024-01-01T08:00:00+08:00'), 'ex:deep': deep };
    expect(codes([e, { ...e }])).toEqual(['TRACE_DUPLICATE_EVENT_CONTENT']);
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
  it('says once when a lot at a holder is counted in two dimensions, and balances it no more', () => {
    const events = [
      origin('2024-01-01T08:00:00+08:00', 100),
      {
        ...ship('2024-01-02T08:00:00+08:00', 0),
        quantityList: [{ epcClass: LOT, quantity: 500, uom: 'LTR' }],
      },
      ship('2024-01-03T08:00:00+08:00', 900, 'urn:epcglobal:cbv:bt:6921001000018:PO2'),
    ];
    const options = { checks: { oneStep: false } };
    const index = createTraceIndex(options);
    const live = [...events.flatMap((e) => index.add(e)), ...index.finalize()];
    for (const found of [validateChain(events, options), live]) {
      // 900 kg shipped of 100 made is not judged: the balance there mixes kg and L
      expect(found.map((d) => [d.code, d.severity, d.path])).toEqual([
        ['TRACE_BALANCE_DIMENSIONS_MIXED', 'info', [1, 'quantityList', 0, 'uom']],
      ]);
      expect(found[0]?.params).toMatchObject({
        index: 1,
        lot: LOT_DL,
        // the holder canonical, as in the mass-balance findings: GLN 692100100001, check digit 8
        holder: 'https://id.gs1.org/414/6921001000018',
        first: 'kg',
        second: 'L',
      });
    }
    const [d] = live;
    expect(formatDiagnostic(d as Diagnostic, 'zh-CN')).toContain('既有以 kg 计的，也有以 L 计的');
    expect(formatDiagnostic(d as Diagnostic, 'en')).toContain('counted both in kg and in L');
  });
  it('judges a recorded inflow of 0 kg, and leaves a holder with no inflow at all unjudged', () => {
    const options = { checks: { oneStep: false } };
    const fromB = (t: string, kg: number) => ({
      ...ship(t, kg, 'urn:epcglobal:cbv:bt:6921002000017:PO9'),
      readPoint: { id: B },
      sourceList: [{ type: 'location', source: B }],
      destinationList: [{ type: 'location', destination: A }],
    });
    // B received 0 kg, then shipped 10: 10 out of 0 in
    const zero = [
      origin('2024-01-01T08:00:00+08:00', 100),
      receive('2024-01-02T08:00:00+08:00', 0),
      fromB('2024-01-03T08:00:00+08:00', 10),
    ];
    const index = createTraceIndex(options);
    const live = [...zero.flatMap((e) => index.add(e)), ...index.finalize()];
    for (const found of [validateChain(zero, options), live]) {
      expect(found.map((d) => [d.code, d.path])).toEqual([['TRACE_MASS_BALANCE_EXCEEDED', [2]]]);
      expect(found[0]?.params).toMatchObject({ inflow: 0, outflow: 10 });
    }
    // B never received it in these events: its balance there is not judged
    expect(
      codes(
        [origin('2024-01-01T08:00:00+08:00', 100), fromB('2024-01-03T08:00:00+08:00', 10)],
        options,
      ),
    ).toEqual([]);
  });
  it('leaves negative quantities out, so that they cannot hide an excess', () => {
    const opts = { checks: { oneStep: false } };
    const events = [
      origin('2024-01-01T08:00:00+08:00', 100),
      ship('2024-01-02T08:00:00+08:00', -900),
      ship('2024-01-02T09:00:00+08:00', 1000, 'urn:epcglobal:cbv:bt:6921001000018:PO2'),
    ];
    const found = validateChain(events, opts);
    expect(found.map((d) => [d.code, d.path])).toEqual([['TRACE_MASS_BALANCE_EXCEEDED', [2]]]);
    expect(found[0]?.params).toMatchObject({ inflow: 100, outflow: 1000 });
    // and the same in the index, added one by one
    const index = createTraceIndex(opts);
    const added = events.flatMap((e) => index.add(e)).concat(index.finalize());
    expect(added.map((d) => [d.code, d.path])).toEqual([['TRACE_MASS_BALANCE_EXCEEDED', [2]]]);
    // a yield is judged on the other quantities: 95 of 100 KGM, not 95 of 90
    const transformation = (output: number) => ({
      type: 'TransformationEvent',
      eventTime: '2024-01-02T08:00:00+08:00',
      eventTimeZoneOffset: '+08:00',
      inputQuantityList: [
        { epcClass: LOT, quantity: -10, uom: 'KGM' },
        { epcClass: LOT, quantity: 100, uom: 'KGM' },
      ],
      outputQuantityList: [{ epcClass: OUT, quantity: output, uom: 'KGM' }],
      bizLocation: { id: A },
    });
    const made = origin('2024-01-01T08:00:00+08:00', 100);
    expect(codes([made, transformation(95)])).toEqual([]);
    const over = validateChain([made, transformation(120)]);
    expect(over.map((d) => [d.code, d.params?.input])).toEqual([['TRACE_YIELD_OUT_OF_RANGE', 100]]);
  });
  it('judges an outflow past the largest number as an excess, an inflow that large not at all', () => {
    const opts = { checks: { oneStep: false } };
    // 1e308 is finite; two of them are not (Number.MAX_VALUE is about 1.8e308)
    const found = validateChain(
      [
        origin('2024-01-01T08:00:00+08:00', 100),
        ship('2024-01-02T08:00:00+08:00', 1e308),
        ship('2024-01-02T09:00:00+08:00', 1e308),
      ],
      opts,
    );
    expect(found.map((d) => [d.code, d.path])).toEqual([['TRACE_MASS_BALANCE_EXCEEDED', [1]]]);
    expect(found[0]?.params).toMatchObject({ inflow: 100, outflow: 1e308 });
    expect(found[0]?.message).not.toMatch(/Infinity|NaN/);
    // made 1e308, shipped 1e308 twice: the outflow passes the largest number, so it exceeds
    // the inflow (kept at the largest number, no Infinity) — in validateChain and in the index,
    // checked as events come or at the end
    const over = [
      origin('2024-01-01T08:00:00+08:00', 1e308),
      ship('2024-01-02T08:00:00+08:00', 1e308),
      ship('2024-01-02T09:00:00+08:00', 1e308, 'urn:epcglobal:cbv:bt:6921001000018:PO2'),
    ];
    const chain = validateChain(over, opts);
    expect(chain.map((d) => [d.code, d.path])).toEqual([['TRACE_MASS_BALANCE_EXCEEDED', [2]]]);
    expect(chain[0]?.params).toMatchObject({ inflow: 1e308, outflow: Number.MAX_VALUE });
    expect(chain[0]?.message).not.toMatch(/Infinity|NaN/);
    for (const massBalance of ['on-add', 'on-finalize'] as const) {
      const index = createTraceIndex({ ...opts, massBalance });
      const added = over.flatMap((e) => index.add(e)).concat(index.finalize());
      expect([massBalance, added.map((d) => d.code)]).toEqual([
        massBalance,
        ['TRACE_MASS_BALANCE_EXCEEDED'],
      ]);
    }
    // inflow and outflow both past the largest number: not comparable, not reported
    expect(
      codes(
        [
          origin('2024-01-01T08:00:00+08:00', 1e308),
          origin('2024-01-01T09:00:00+08:00', 1e308),
          ship('2024-01-02T08:00:00+08:00', 1e308),
          ship('2024-01-02T09:00:00+08:00', 1e308),
        ],
        opts,
      ),
    ).toEqual([]);
    const transformation = (inputs: number[], outputs: number[]) => ({
      type: 'TransformationEvent',
      eventTime: '2024-01-02T08:00:00+08:00',
      eventTimeZoneOffset: '+08:00',
      inputQuantityList: inputs.map((quantity) => ({ epcClass: LOT, quantity, uom: 'KGM' })),
      outputQuantityList: outputs.map((quantity) => ({ epcClass: OUT, quantity, uom: 'KGM' })),
      bizLocation: { id: A },
    });
    const origin1 = origin('2024-01-01T08:00:00+08:00', 1e308);
    // inputs past the largest number: no yield; using 2e308 of the 1e308 made is an excess
    expect(codes([origin1, transformation([1e308, 1e308], [1e308, 1e308])])).toEqual([
      'TRACE_MASS_BALANCE_EXCEEDED',
    ]);
    // a yield past the largest number (a tiny input) is shown as the largest number
    const tiny = validateChain([origin1, transformation([1e-310], [1e10])]);
    expect(tiny.map((d) => [d.code, d.params?.yield])).toEqual([
      ['TRACE_YIELD_OUT_OF_RANGE', Number.MAX_VALUE],
    ]);
    expect(tiny[0]?.message).not.toMatch(/Infinity|NaN/);
    // a yield of 2 from large but finite sums is still found
    expect(codes([origin1, transformation([5e307], [5e307, 5e307])])).toEqual([
      'TRACE_YIELD_OUT_OF_RANGE',
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

  it('judges the events that share a transformationID as one transformation, at finalize', () => {
    // 100 kg of LOT in, in one event; OUT made in two more events of the same transformationID
    const part = (t: string, inputs: number, outputs: number[], extra = {}) => ({
      type: 'TransformationEvent',
      eventTime: t,
      eventTimeZoneOffset: '+08:00',
      transformationID: 'urn:uuid:7c8e2a1e-0b6d-4c57-9a0e-3f1d2b4c5d6e',
      inputQuantityList: inputs > 0 ? [{ epcClass: LOT, quantity: inputs, uom: 'KGM' }] : undefined,
      outputQuantityList: outputs.map((quantity) => ({ epcClass: OUT, quantity, uom: 'KGM' })),
      bizLocation: { id: A },
      ...extra,
    });
    const made = origin('2024-01-01T08:00:00+08:00', 100);
    const views = (events: unknown[], options = {}) => {
      const index = createTraceIndex(options);
      const live = [...events.flatMap((e) => index.add(e)), ...index.finalize()];
      return [validateChain(events, options), live].map((found) =>
        found.map((d) => [d.code, d.path, d.params?.yield]),
      );
    };
    // 120 kg out of 100 in, split over the events: the yield 1.2 is out of range, at the last
    const over = [
      made,
      part('2024-01-02T08:00:00+08:00', 100, []),
      part('2024-01-02T09:00:00+08:00', 0, [60]),
      part('2024-01-02T10:00:00+08:00', 0, [60]),
    ];
    for (const found of views(over))
      expect(found).toEqual([['TRACE_YIELD_OUT_OF_RANGE', [3], 1.2]]);
    // in the index, at the latest event whatever order they come in: over[3] arrives second,
    // so the index numbers it 1
    const index = createTraceIndex();
    const arrived = [over[0], over[3], over[1], over[2]].flatMap((e) => index.add(e));
    expect([...arrived, ...index.finalize()].map((d) => [d.code, d.path])).toEqual([
      ['TRACE_YIELD_OUT_OF_RANGE', [1]],
    ]);
    // a product's own range (0.5–0.8), its output in two events: 0.3 + 0.3 = 0.6 is in range,
    // though each event alone would read 0.3
    const ranges = { yieldRanges: { '06921001001039': { min: 0.5, max: 0.8 } } };
    const split = [
      made,
      part('2024-01-02T08:00:00+08:00', 100, [30]),
      part('2024-01-02T09:00:00+08:00', 0, [30]),
    ];
    for (const found of views(split, ranges)) expect(found).toEqual([]);
    // a repeat of one event (same eventID) is left out, not counted twice
    const withIds = split.map((e, k) => ({
      ...e,
      eventID: `urn:uuid:00000000-0000-4000-8000-00000000000${k}`,
    }));
    for (const found of views([...withIds, withIds[2]], ranges))
      expect(found).toEqual([['TRACE_DUPLICATE_EVENT_ID', [3, 'eventID'], undefined]]);
    // the output alone in its own range is judged once, on the sum: 0.4 + 0.5 = 0.9 > 0.8
    const high = [
      made,
      part('2024-01-02T08:00:00+08:00', 100, [40]),
      part('2024-01-02T09:00:00+08:00', 0, [50]),
    ];
    for (const found of views(high, ranges))
      expect(found).toEqual([['TRACE_YIELD_OUT_OF_RANGE', [2], 0.9]]);
  });

  it('counts an intermediate lot of a transformationID group by its net, not on both sides', () => {
    // 100 kg of LOT → 80 kg of MID (event 1); 80 kg of MID → 50 kg of OUT (event 2): the
    // transformation made 50 kg of 100, a yield of 0.5. Counting MID on both sides read 130 of
    // 180 (0.72), and hid an excess: 80 of MID → 150 of OUT is 1.5, not (80 + 150) / 180 = 1.28
    const MID = 'urn:epc:class:lgtin:6921001.000105.M1';
    const step = (t: string, input: [string, number], output: [string, number]) => ({
      type: 'TransformationEvent',
      eventTime: t,
      eventTimeZoneOffset: '+08:00',
      transformationID: 'urn:uuid:5b1e2a1e-0b6d-4c57-9a0e-3f1d2b4c5d6e',
      inputQuantityList: [{ epcClass: input[0], quantity: input[1], uom: 'KGM' }],
      outputQuantityList: [{ epcClass: output[0], quantity: output[1], uom: 'KGM' }],
      bizLocation: { id: A },
    });
    const made = origin('2024-01-01T08:00:00+08:00', 100);
    const chain = (outQuantity: number, midUsed = 80) => [
      made,
      step('2024-01-02T08:00:00+08:00', [LOT, 100], [MID, 80]),
      step('2024-01-02T09:00:00+08:00', [MID, midUsed], [OUT, outQuantity]),
    ];
    const yields = (events: unknown[], options = {}) => {
      const index = createTraceIndex(options);
      const live = [...events.flatMap((e) => index.add(e)), ...index.finalize()];
      return [validateChain(events, options), live].map((found) =>
        found
          .filter((d) => d.code === 'TRACE_YIELD_OUT_OF_RANGE')
          .map((d) => [d.path, d.params?.yield, d.params?.input, d.params?.output]),
      );
    };
    // OUT's own range 0.4–0.6: 50 of 100 is in it (it was judged 50 / 180 = 0.28 before)
    const ranges = { yieldRanges: { '06921001001039': { min: 0.4, max: 0.6 } } };
    for (const found of yields(chain(50), ranges)) expect(found).toEqual([]);
    // 150 kg of OUT from 100 kg: 1.5, out of the default 0–1
    for (const found of yields(chain(150))) expect(found).toEqual([[[2], 1.5, 100, 150]]);
    // MID partly used (60 of 80): the 20 kg left is an output of the group, 50 + 20 of 100
    for (const found of yields(chain(50, 60), ranges)) expect(found).toEqual([]);
    for (const found of yields(chain(90, 60))) expect(found).toEqual([[[2], 1.1, 100, 110]]);
  });

  it('counts a lot one event both takes in and gives out (trimmed, kept under its code) on both sides', () => {
    // 100 kg of LOT in; 88 kg of LOT and 10 kg of trimmings out: a yield of 0.98, not 10 / 12
    const TRIM = 'urn:epc:class:lgtin:6921001.000106.T1';
    const trimmed = {
      type: 'TransformationEvent',
      eventTime: '2024-01-02T08:00:00+08:00',
      eventTimeZoneOffset: '+08:00',
      inputQuantityList: [{ epcClass: LOT, quantity: 100, uom: 'KGM' }],
      outputQuantityList: [
        { epcClass: LOT, quantity: 88, uom: 'KGM' },
        { epcClass: TRIM, quantity: 10, uom: 'KGM' },
      ],
      bizLocation: { id: A },
    };
    const events = [origin('2024-01-01T08:00:00+08:00', 100), trimmed];
    const yields = (options = {}) =>
      validateChain(events, options)
        .filter((d) => d.code === 'TRACE_YIELD_OUT_OF_RANGE')
        .map((d) => d.params?.yield);
    expect(yields({ yieldRange: { min: 0.9, max: 1 } })).toEqual([]);
    expect(yields({ yieldRange: { min: 0.99, max: 1 } })).toEqual([0.98]);
    // the trimmings' own range is judged on the whole input: 10 of 100
    expect(yields({ yieldRanges: { '06921001001060': { min: 0.05, max: 0.15 } } })).toEqual([]);
    expect(yields({ yieldRanges: { '06921001001060': { min: 0.2, max: 0.3 } } })).toEqual([0.1]);
  });

  it('nets what a group hands from one event to the next, also when the first trimmed it', () => {
    const L3 = 'urn:epc:class:lgtin:6921001.000107.C3';
    const part = (t: string, ins: [string, number][], outs: [string, number][]) => ({
      type: 'TransformationEvent',
      eventTime: t,
      eventTimeZoneOffset: '+08:00',
      transformationID: 'urn:uuid:6c2e3a1e-0b6d-4c57-9a0e-3f1d2b4c5d6e',
      inputQuantityList: ins.map(([epcClass, quantity]) => ({ epcClass, quantity, uom: 'KGM' })),
      outputQuantityList: outs.map(([epcClass, quantity]) => ({ epcClass, quantity, uom: 'KGM' })),
      bizLocation: { id: A },
    });
    const yieldOf = (events: unknown[], options = {}) => {
      const index = createTraceIndex(options);
      const live = [...events.flatMap((e) => index.add(e)), ...index.finalize()];
      return [validateChain(events, options), live].map((found) =>
        found.filter((d) => d.code === 'TRACE_YIELD_OUT_OF_RANGE').map((d) => d.params?.yield),
      );
    };
    const made = origin('2024-01-01T08:00:00+08:00', 100);
    const at = (h: number) => `2024-01-02T0${h}:00:00+08:00`;
    // 100 kg of LOT trimmed to 90 kg (kept as LOT), then 90 kg of LOT → 60 kg of OUT: 0.6
    const trimmedThenUsed = [
      made,
      part(at(8), [[LOT, 100]], [[LOT, 90]]),
      part(at(9), [[LOT, 90]], [[OUT, 60]]),
    ];
    for (const found of yieldOf(trimmedThenUsed, { yieldRange: { min: 0.7, max: 1 } }))
      expect(found).toEqual([0.6]);
    // 100 kg → 50 kg of LOT + 45 kg of L3, then 50 kg of LOT → 45 kg of L3: L3 is 90 of 100
    const split = [
      made,
      part(
        at(8),
        [[LOT, 100]],
        [
          [LOT, 50],
          [L3, 45],
        ],
      ),
      part(at(9), [[LOT, 50]], [[L3, 45]]),
    ];
    const l3Range = { yieldRanges: { '06921001001077': { min: 0.85, max: 0.95 } } };
    for (const found of yieldOf(split, l3Range)) expect(found).toEqual([]);
    for (const found of yieldOf(split, {
      yieldRanges: { '06921001001077': { min: 0.5, max: 0.8 } },
    }))
      expect(found).toEqual([0.9]);
    // 100 kg → 80 kg of OUT, then 80 kg of OUT → 70 kg of OUT + 5 kg of L3: 75 of 100
    const trimmedLater = [
      made,
      part(at(8), [[LOT, 100]], [[OUT, 80]]),
      part(
        at(9),
        [[OUT, 80]],
        [
          [OUT, 70],
          [L3, 5],
        ],
      ),
    ];
    for (const found of yieldOf(trimmedLater, { yieldRange: { min: 0.8, max: 1 } }))
      expect(found).toEqual([0.75]);
  });

  it('judges each output with a range of its own by its own yield, not the total by the first one’s', () => {
    // 1 000 kg in; the product (OUT, range 0.3–0.6) and a by-product without a range out
    const BY = 'urn:epc:class:lgtin:6921001.000104.C1';
    const t = (product: number, byProduct: number) => ({
      type: 'TransformationEvent',
      eventTime: '2024-01-02T08:00:00+08:00',
      eventTimeZoneOffset: '+08:00',
      inputQuantityList: [{ epcClass: LOT, quantity: 1000, uom: 'KGM' }],
      outputQuantityList: [
        { epcClass: OUT, quantity: product, uom: 'KGM' },
        { epcClass: BY, quantity: byProduct, uom: 'KGM' },
      ],
      bizLocation: { id: A },
    });
    const ranges = { yieldRanges: { '06921001001039': { min: 0.3, max: 0.6 } } };
    const run = (product: number, byProduct: number, options = {}) =>
      validateChain([origin('2024-01-01T08:00:00+08:00', 1000), t(product, byProduct)], options)
        .filter((d) => d.code === 'TRACE_YIELD_OUT_OF_RANGE')
        .map((d) => [d.params?.yield, d.params?.output, d.params?.min, d.params?.max]);
    // the product's own yield 0.4 is in its range, though the total 0.9 is not
    expect(run(400, 500, ranges)).toEqual([]);
    // its own 0.7 is not: the finding shows its yield and its quantity
    expect(run(700, 200, ranges)).toEqual([[0.7, 700, 0.3, 0.6]]);
    // with no range of its own for any output, the total is judged against yieldRange (0–1)
    expect(run(400, 500)).toEqual([]);
    expect(run(600, 500)).toEqual([[1.1, 1100, 0, 1]]);
    // a range keyed by the GTIN-13, by the lot as a URN or as a Digital Link elsewhere: the same
    for (const key of [
      '6921001001039',
      'urn:epc:class:lgtin:6921001.000103.B1',
      'https://brand.example/01/06921001001039/10/B1',
    ]) {
      const keyed = { yieldRanges: { [key]: { min: 0.3, max: 0.6 } } };
      expect([key, run(700, 200, keyed)]).toEqual([key, [[0.7, 700, 0.3, 0.6]]]);
    }
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
    // an ObjectEvent's quantityList points at the epcClass too (it pointed at the element)
    const unknown = validateChain([origin('2024-01-01T08:00:00+08:00')], {
      masterData: { products: ['06921001001015'] },
    });
    expect(unknown.map((d) => [d.code, d.path])).toEqual([
      ['TRACE_PRODUCT_UNRESOLVED', [0, 'quantityList', 0, 'epcClass']],
    ]);
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
  it('reports an input that holds no events, rather than a chain without findings', () => {
    // (it returned no finding at all before; see chain-input.test.ts)
    const actual = [undefined, null, 42, 'text', {}, { epcisBody: 1 }].map((input) =>
      validateChain(input).map((d) => [d.code, d.params?.actual]),
    );
    const invalid = (en: string, zh = en) => [['TRACE_CHAIN_INPUT_INVALID', { 'zh-CN': zh, en }]];
    expect(actual).toEqual([
      invalid('undefined'),
      invalid('null'),
      invalid('number'),
      invalid('string'),
      invalid('an object without epcisBody', '没有 epcisBody 的对象'),
      invalid('its epcisBody is no object', 'epcisBody 不是对象'),
    ]);
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

describe('validateChain: duplicates and error declarations are left out of the chain', () => {
  // 1000 KGM made at A, 400 KGM shipped to B and received there
  const made = { ...origin('2024-01-01T08:00:00+08:00', 1000), eventID: 'urn:uuid:e0' };
  const sent = { ...ship('2024-01-02T08:00:00+08:00', 400), eventID: 'urn:uuid:e1' };
  const got = { ...receive('2024-01-02T18:00:00+08:00', 400), eventID: 'urn:uuid:e2' };
  // B as the graph names it: GLN 692100200001 with its check digit 7, extension 0
  const B_GLN = 'https://id.gs1.org/414/6921002000017';
  const recipientsOf = (events: unknown[]) =>
    recallScope(buildLotGraph(events), LOT).recipients.map((c) => [c.id, c.quantities]);

  it('reports a re-sent shipment once and counts it nowhere', () => {
    const events = [made, sent, got, sent];
    expect(validateChain(events).map((d) => [d.code, d.path])).toEqual([
      ['TRACE_DUPLICATE_EVENT_ID', [3, 'eventID']],
    ]);
    // B received 400 KGM, not 800
    expect(recipientsOf(events)).toEqual([[B_GLN, { KGM: 400 }]]);
    // the same without eventIDs: a content duplicate
    const bare = events.map(({ eventID, ...rest }) => rest);
    expect(validateChain(bare).map((d) => [d.code, d.path])).toEqual([
      ['TRACE_DUPLICATE_EVENT_CONTENT', [3]],
    ]);
    expect(recipientsOf(bare)).toEqual([[B_GLN, { KGM: 400 }]]);
  });
  it('names the events by their positions from 0, in Chinese as a path does (事件 [3])', () => {
    const [d] = validateChain([made, sent, got, sent]);
    expect(d && formatDiagnostic(d, 'zh-CN')).toContain(
      '事件 [3] urn:uuid:e1 与事件 [1] 的 eventID 相同',
    );
    expect(d && formatDiagnostic(d, 'en')).toContain('(index 3) repeats the eventID of event 1');
  });
  it('tells repeats from different events of the same time, lot and quantity', () => {
    const x = ship('2024-01-02T08:00:00+08:00', 400);
    const y = { ...x, readPoint: { id: B } };
    const graph = buildLotGraph([x, y, { ...y }, { ...x }]);
    expect(graph.eventsOf(graph.nodeOf(LOT) as number)).toEqual([0, 1]);
  });
  it('adds no second derivation edge for a re-sent transformation', () => {
    const transform = {
      type: 'TransformationEvent',
      eventID: 'urn:uuid:t',
      eventTime: '2024-01-02T08:00:00+08:00',
      eventTimeZoneOffset: '+08:00',
      inputQuantityList: [{ epcClass: LOT, quantity: 100, uom: 'KGM' }],
      outputQuantityList: [{ epcClass: OUT, quantity: 60, uom: 'KGM' }],
      bizLocation: { id: A },
    };
    const graph = buildLotGraph([origin('2024-01-01T08:00:00+08:00'), transform, transform]);
    const input = graph.nodeOf(LOT) as number;
    const output = graph.nodeOf(OUT) as number;
    expect(graph.successors(input)).toEqual([{ node: output, slot: 1 }]);
    expect(graph.predecessors(output)).toEqual([{ node: input, slot: 1 }]);
    expect(graph.eventsOf(output)).toEqual([1]);
  });
  it('does not let a re-sent commissioning event add to the inflow', () => {
    // 400 + 700 KGM shipped from the 1000 KGM made: 1100 > 1000 whatever the re-sent origin says
    const events = [
      made,
      sent,
      got,
      { ...made },
      ship('2024-01-03T08:00:00+08:00', 700, 'urn:epcglobal:cbv:bt:6921001000018:PO2'),
      receive('2024-01-03T18:00:00+08:00', 700, 'urn:epcglobal:cbv:bt:6921001000018:PO2'),
    ];
    const found = validateChain(events);
    expect(found.map((d) => [d.code, d.path])).toEqual([
      ['TRACE_DUPLICATE_EVENT_ID', [3, 'eventID']],
      ['TRACE_MASS_BALANCE_EXCEEDED', [4]],
    ]);
    expect(found[1]?.params).toMatchObject({ inflow: 1000, outflow: 1100 });
  });
  it('applies an error declaration (EPCIS 2.0 §7.4.1.4): the corrective event counts instead', () => {
    // the pattern of GS1's ErrorDeclarationAndCorrectiveEvent example: a wrong shipment of 600,
    // then a copy of it declaring it erroneous (same eventID), then the corrective shipment of 400
    const wrong = { ...ship('2024-01-02T08:00:00+08:00', 600), eventID: 'urn:uuid:w' };
    const declaration = {
      ...wrong,
      errorDeclaration: {
        declarationTime: '2024-01-02T12:00:00+08:00',
        reason: 'incorrect_data',
        correctiveEventIDs: ['urn:uuid:c'],
      },
    };
    const corrective = { ...sent, eventID: 'urn:uuid:c' };
    const events = [made, wrong, declaration, corrective, got];
    expect(validateChain(events)).toEqual([]);
    expect(recipientsOf(events)).toEqual([[B_GLN, { KGM: 400 }]]);
    // the declaration also withdraws an event that comes after it in the list, and one without
    // an eventID is matched on its content
    expect(validateChain([made, declaration, corrective, got, wrong])).toEqual([]);
    const { eventID: _w, ...bareWrong } = wrong;
    const { eventID: _d, ...bareDeclaration } = declaration;
    expect(validateChain([made, bareWrong, bareDeclaration, corrective, got])).toEqual([]);
    // without the declaration, the wrong shipment is still there
    expect(codes([made, wrong, corrective, got])).toEqual(['TRACE_SHIPMENT_NOT_RECEIVED']);
  });
});

describe('validateChain: partial destruction', () => {
  const destroy = (t: string, qty: number | undefined, at = A) =>
    ev({
      bizStep: 'destroying',
      disposition: 'destroyed',
      eventTime: t,
      quantityList: [
        qty === undefined ? { epcClass: LOT } : { epcClass: LOT, quantity: qty, uom: 'KGM' },
      ],
      bizLocation: { id: at },
    });
  it('lets a lot be used after part of it was destroyed', () => {
    const events = [
      origin('2024-01-01T08:00:00+08:00', 100),
      destroy('2024-01-01T12:00:00+08:00', 1),
      ship('2024-01-02T08:00:00+08:00', 50),
      receive('2024-01-02T18:00:00+08:00', 50),
    ];
    expect(codes(events)).toEqual([]);
  });
  it('counts the lot as destroyed once the destroyed quantities cover what the holder had', () => {
    // 100 made, 50 shipped, 20 + 30 destroyed: nothing left at A, so the 10 shipped after is a
    // use after destruction — reported once as such, not a second time as 10 over the balance
    // (110 out of 100): it moves nothing there
    const events = [
      origin('2024-01-01T08:00:00+08:00', 100),
      ship('2024-01-02T08:00:00+08:00', 50),
      receive('2024-01-02T18:00:00+08:00', 50),
      destroy('2024-01-03T08:00:00+08:00', 20),
      destroy('2024-01-03T09:00:00+08:00', 30),
      ship('2024-01-04T08:00:00+08:00', 10, 'urn:epcglobal:cbv:bt:6921001000018:PO2'),
    ];
    const options = { checks: { oneStep: false } };
    const index = createTraceIndex(options);
    const live = [...events.flatMap((e) => index.add(e)), ...index.finalize()];
    for (const found of [validateChain(events, options), live]) {
      expect(found.map((d) => [d.code, d.path])).toEqual([['TRACE_EVENT_AFTER_DESTRUCTION', [5]]]);
      expect(found[0]?.params).toMatchObject({ destroyIndex: 4 });
    }
    // with the destruction check off, the same shipment is an excess of the balance
    expect(codes(events, { checks: { oneStep: false, destruction: false } })).toEqual([
      'TRACE_MASS_BALANCE_EXCEEDED',
    ]);
  });
  it('in the index, judges a destruction on the balance as it stood at its time, whatever came first', () => {
    // 100 made; 20 destroyed on the 3rd; 90 shipped on the 5th, which arrives before the
    // destruction. In time order the destruction is partial (20 of 100) and the shipment takes
    // the balance to 110: an excess, not a use after destruction
    const events = [
      origin('2024-01-01T08:00:00+08:00', 100),
      destroy('2024-01-03T08:00:00+08:00', 20),
      ship('2024-01-05T08:00:00+08:00', 90),
    ];
    const options = { checks: { oneStep: false } };
    const batch = codes(events, options);
    expect(batch).toEqual(['TRACE_MASS_BALANCE_EXCEEDED']);
    const index = createTraceIndex(options);
    const arrived = [events[0], events[2], events[1]];
    const live = [...arrived.flatMap((e) => index.add(e)), ...index.finalize()];
    expect(live.map((d) => d.code)).toEqual(batch);
  });

  it('counts a destruction without quantity, or of a lot without known inflow, as destroying it all', () => {
    const unmeasured = [
      origin('2024-01-01T08:00:00+08:00', 100),
      destroy('2024-01-01T12:00:00+08:00', undefined),
      ship('2024-01-02T08:00:00+08:00', 50),
    ];
    expect(codes(unmeasured, { checks: { oneStep: false } })).toEqual([
      'TRACE_EVENT_AFTER_DESTRUCTION',
    ]);
    // B never recorded receiving the lot: its balance is unknown
    const unknownBalance = [
      origin('2024-01-01T08:00:00+08:00', 100),
      destroy('2024-01-01T12:00:00+08:00', 1, B),
      ev({
        bizStep: 'inspecting',
        eventTime: '2024-01-02T08:00:00+08:00',
        quantityList: [{ epcClass: LOT }],
        bizLocation: { id: B },
      }),
    ];
    expect(codes(unknownBalance, { checks: { oneStep: false } })).toEqual([
      'TRACE_EVENT_AFTER_DESTRUCTION',
    ]);
  });
});

describe('validateChain and the index agree on the mass balance', () => {
  it('reports the event at which the outflow first exceeds the inflow', () => {
    // 100 made, then 80, 80 and 10 shipped: the second shipment (index 2) takes it to 160
    const events = [
      origin('2024-01-01T08:00:00+08:00', 100),
      ship('2024-01-02T08:00:00+08:00', 80),
      ship('2024-01-03T08:00:00+08:00', 80),
      ship('2024-01-04T08:00:00+08:00', 10),
    ];
    const options = { checks: { oneStep: false } };
    const batch = validateChain(events, options);
    const index = createTraceIndex(options);
    const live = [...events.flatMap((e) => index.add(e)), ...index.finalize()];
    for (const found of [batch, live]) {
      expect(found.map((d) => [d.code, d.path])).toEqual([['TRACE_MASS_BALANCE_EXCEEDED', [2]]]);
      expect(found[0]?.params).toMatchObject({ inflow: 100, outflow: 160 });
    }
  });
  it('gives the same findings as the index on small chains in time order (property)', () => {
    const step = fc.record({
      kind: fc.constantFrom('origin', 'ship', 'receive', 'destroy', 'destroyAll', 'resend'),
      qty: fc.integer({ min: 1, max: 120 }),
      at: fc.constantFrom(A, B),
      tx: fc.constantFrom('PO1', 'PO2'),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const events: Record<string, unknown>[] = [];
        steps.forEach((s, k) => {
          const t = `2024-01-${String(k + 1).padStart(2, '0')}T08:00:00+08:00`;
          const tx = `urn:epcglobal:cbv:bt:6921001000018:${s.tx}`;
          const made =
            s.kind === 'origin'
              ? origin(t, s.qty, 'KGM', LOT, s.at)
              : s.kind === 'ship'
                ? ship(t, s.qty, tx)
                : s.kind === 'receive'
                  ? receive(t, s.qty, tx)
                  : s.kind === 'resend'
                    ? events[events.length - 1]
                    : ev({
                        bizStep: 'destroying',
                        eventTime: t,
                        quantityList: [
                          s.kind === 'destroyAll'
                            ? { epcClass: LOT }
                            : { epcClass: LOT, quantity: s.qty, uom: 'KGM' },
                        ],
                        bizLocation: { id: s.at },
                      });
          if (made !== undefined) events.push({ ...made, eventID: `urn:uuid:${k}` });
        });
        const view = (d: Diagnostic) => [d.code, d.path, d.params];
        const batch = validateChain(events).map(view);
        const index = createTraceIndex();
        const live = [...events.flatMap((e) => index.add(e)), ...index.finalize()];
        const sortKey = (x: unknown[]) => JSON.stringify(x);
        expect(live.map(view).sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual(
          [...batch].sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('validateChain and buildLotGraph: which copy of a duplicate is kept', () => {
  const LOT = 'urn:epc:class:lgtin:6921001.000102.D1';
  const copy = (eventTime: string, kg: number) => ({
    type: 'ObjectEvent',
    eventID: 'urn:uuid:same',
    action: 'OBSERVE',
    bizStep: 'inspecting',
    eventTime,
    eventTimeZoneOffset: '+00:00',
    quantityList: [{ epcClass: LOT, quantity: kg, uom: 'KGM' }],
  });

  it('keeps the copy with the earliest event time, then the first in the input, in both', () => {
    // two copies of one eventID, the later in time first in the input: the second (index 1) stays
    const events = [copy('2024-01-02T00:00:00Z', 8), copy('2024-01-01T00:00:00Z', 3)];
    const found = validateChain(events, { checks: { orphans: false } });
    expect(found.map((d) => [d.code, d.path, d.params?.firstIndex])).toEqual([
      ['TRACE_DUPLICATE_EVENT_ID', [0, 'eventID'], 1],
    ]);
    const graph = buildLotGraph(events);
    const kept = graph.eventsOf(graph.nodeOf(LOT) as number).map((s) => graph.event(s).index);
    expect(kept).toEqual([1]);
    // three copies, the earliest last; copies at the same time: the first of them in the input
    const three = [
      copy('2024-01-03T00:00:00Z', 1),
      copy('2024-01-02T00:00:00Z', 2),
      copy('2024-01-02T00:00:00Z', 4),
      copy('2024-01-01T00:00:00Z', 5),
    ];
    const g3 = buildLotGraph(three);
    expect(g3.eventsOf(g3.nodeOf(LOT) as number).map((s) => g3.event(s).index)).toEqual([3]);
    expect(
      validateChain(three, { checks: { orphans: false } }).map((d) => d.params?.firstIndex),
    ).toEqual([3, 3, 3]);
    const g2 = buildLotGraph(three.slice(0, 3));
    expect(g2.eventsOf(g2.nodeOf(LOT) as number).map((s) => g2.event(s).index)).toEqual([1]);
  });
});
