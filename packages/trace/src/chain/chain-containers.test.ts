import { describe, expect, it } from 'vitest';
import { buildLotGraph } from './lot-graph.js';
import { recallScope } from './recall-scope.js';
import { createTraceIndex } from './trace-index.js';
import { traceForward } from './trace-lot.js';
import { validateChain } from './validate-chain.js';

// a lot packed onto a pallet (SSCC) at A, the pallet shipped to B under PO1, and B's receipt
const LOT = 'urn:epc:class:lgtin:6921001.000102.A1';
const LOT2 = 'urn:epc:class:lgtin:6921001.000102.A2';
const PALLET = 'urn:epc:id:sscc:6921001.0000000012';
const CASE = 'urn:epc:id:sscc:6921001.0000000029';
const A = 'urn:epc:id:sgln:6921001.00001.0';
const B = 'urn:epc:id:sgln:6921001.00002.0';
const PO = 'urn:epcglobal:cbv:bt:6921001000019:PO1';
const day = (d: number) => `2024-01-0${d}T08:00:00+08:00`;
const q = (epcClass: string, quantity: number) => ({ epcClass, quantity, uom: 'KGM' });

const made = (lot = LOT, quantity = 100) => ({
  type: 'ObjectEvent',
  action: 'ADD',
  bizStep: 'commissioning',
  eventTime: day(1),
  eventTimeZoneOffset: '+08:00',
  quantityList: [q(lot, quantity)],
  bizLocation: { id: A },
});
const pack = (parent: string, children: object, when = day(2)) => ({
  type: 'AggregationEvent',
  action: 'ADD',
  bizStep: 'packing',
  eventTime: when,
  eventTimeZoneOffset: '+08:00',
  parentID: parent,
  ...children,
  bizLocation: { id: A },
});
const transfer = (
  step: 'shipping' | 'receiving',
  what: object,
  when = day(3),
  { from = A, to = B, po = PO } = {},
) => ({
  type: 'ObjectEvent',
  action: 'OBSERVE',
  bizStep: step,
  eventTime: when,
  eventTimeZoneOffset: '+08:00',
  ...what,
  readPoint: { id: step === 'shipping' ? from : to },
  ...(step === 'receiving' ? { bizLocation: { id: to } } : {}),
  bizTransactionList: [{ type: 'po', bizTransaction: po }],
  sourceList: [{ type: 'location', source: from }],
  destinationList: [{ type: 'location', destination: to }],
});
const shipPallet = transfer('shipping', { epcList: [PALLET] });
const receive = (what: object) => transfer('receiving', what, day(4));

/** Two lots on two pallets (the second a case), both shipped under the order (events 0–5). */
const twoPallets = () => [
  made(),
  made(LOT2, 40),
  pack(PALLET, { childQuantityList: [q(LOT, 100)] }),
  pack(CASE, { childQuantityList: [q(LOT2, 40)] }),
  transfer('shipping', { epcList: [PALLET] }),
  transfer('shipping', { epcList: [CASE] }),
];

/** The findings of validateChain and of the index (events in the given order, then finalize). */
function both(events: readonly unknown[]): string[][] {
  const index = createTraceIndex();
  const live = [...events.flatMap((e) => index.add(e)), ...index.finalize()];
  return [validateChain(events), live].map((found) =>
    found.map((d) => `${d.code} ${JSON.stringify(d.path)}`).sort(),
  );
}

describe('pallets and cases in the chain checks', () => {
  const packed = [made(), pack(PALLET, { childQuantityList: [q(LOT, 100)] }), shipPallet];

  it('a pallet shipped by its SSCC and received as the lot it held is one step, no orphan', () => {
    // before: the shipment "never received", the receipt "without shipment" and the pallet an
    // orphan lot (its packing is where it begins)
    for (const found of both([...packed, receive({ quantityList: [q(LOT, 100)] })]))
      expect(found).toEqual([]);
    // received as the pallet, or as both
    for (const found of both([...packed, receive({ epcList: [PALLET] })]))
      expect(found).toEqual([]);
    const asBoth = receive({ epcList: [PALLET], quantityList: [q(LOT, 100)] });
    for (const found of both([...packed, asBoth])) expect(found).toEqual([]);
  });

  it('lots shipped one by one and received as the pallet they were packed on pair too', () => {
    const events = [
      made(),
      pack(PALLET, { childQuantityList: [q(LOT, 100)] }),
      transfer('shipping', { quantityList: [q(LOT, 100)] }),
      receive({ epcList: [PALLET] }),
    ];
    for (const found of both(events)) expect(found).toEqual([]);
  });

  it('in the index, whatever order the packing, shipment and receipt come in', () => {
    const events = [...packed, receive({ quantityList: [q(LOT, 100)] })];
    for (const order of [
      [3, 2, 1, 0],
      [0, 2, 3, 1],
      [3, 0, 1, 2],
    ]) {
      const index = createTraceIndex();
      const found = [...order.flatMap((k) => index.add(events[k])), ...index.finalize()];
      expect([order, found.map((d) => d.code)]).toEqual([order, []]);
    }
  });

  it('compares what is received of a lot with what the shipped pallet held', () => {
    // 150 kg of the lot received out of a pallet that held 100
    for (const found of both([...packed, receive({ quantityList: [q(LOT, 150)] })]))
      expect(found).toEqual(['TRACE_RECEIPT_EXCEEDS_SHIPMENT [3,"quantityList",0]']);
    const asBoth = receive({ epcList: [PALLET], quantityList: [q(LOT, 150)] });
    for (const found of both([...packed, asBoth]))
      expect(found).toEqual(['TRACE_RECEIPT_EXCEEDS_SHIPMENT [3,"quantityList",0]']);
    // within the pallet's 100 kg: nothing
    for (const found of both([...packed, receive({ quantityList: [q(LOT, 99.99)] })]))
      expect(found).toEqual([]);
  });

  it('looks through cases on a pallet, and counts a lot named by the event itself once', () => {
    const events = [
      made(),
      made(LOT2, 40),
      pack(CASE, { childQuantityList: [q(LOT, 60)] }),
      pack(PALLET, { childEPCs: [CASE], childQuantityList: [q(LOT2, 40)] }),
      shipPallet,
    ];
    for (const found of both([...events, receive({ quantityList: [q(LOT, 60), q(LOT2, 40)] })]))
      expect(found).toEqual([]);
    for (const found of both([...events, receive({ quantityList: [q(LOT, 61), q(LOT2, 40)] })]))
      expect(found).toEqual(['TRACE_RECEIPT_EXCEEDS_SHIPMENT [5,"quantityList",0]']);
    // the pallet and its case both received by SSCC: the case's 60 kg counted once, not twice
    const both60 = receive({ epcList: [PALLET, CASE], quantityList: [q(LOT, 60)] });
    for (const found of both([...events, both60])) expect(found).toEqual([]);
  });

  it('does not count what was packed after the shipment, and still reports a real gap', () => {
    // packed a day after the shipment: the pallet did not hold the lot when it left
    const late = [
      made(),
      pack(PALLET, { childQuantityList: [q(LOT, 100)] }, day(5)),
      shipPallet,
      receive({ quantityList: [q(LOT, 100)] }),
    ];
    for (const found of both(late))
      expect(found).toEqual([
        'TRACE_RECEIPT_WITHOUT_SHIPMENT [3]',
        'TRACE_SHIPMENT_NOT_RECEIVED [2]',
        // the pallet left before it was packed
        'TRACE_TIME_ORDER [2,"eventTime"]',
      ]);
    // a receipt of another lot under the same order does not pair with the pallet
    const other = [...packed, made(LOT2, 10), receive({ quantityList: [q(LOT2, 10)] })];
    for (const found of both(other))
      expect(found).toEqual([
        'TRACE_RECEIPT_WITHOUT_SHIPMENT [4]',
        'TRACE_SHIPMENT_NOT_RECEIVED [2]',
      ]);
  });

  it('pairs the receipts of a multi-pallet order alike in every arrival order (found in review)', () => {
    // two pallets of one order, received in two deliveries: L2 first, then L1 and the rest of L2
    const events = [
      ...twoPallets(),
      receive({ quantityList: [q(LOT2, 20)] }),
      transfer('receiving', { quantityList: [q(LOT, 100), q(LOT2, 20)] }, day(5)),
    ];
    expect(validateChain(events)).toEqual([]);
    for (const order of [
      [4, 3, 1, 5, 7, 0, 2, 6],
      [7, 6, 5, 4, 3, 2, 1, 0],
      [6, 7, 0, 1, 2, 3, 4, 5],
    ]) {
      const index = createTraceIndex();
      const found = [...order.flatMap((k) => index.add(events[k])), ...index.finalize()];
      expect([order, found.map((d) => d.code)]).toEqual([order, []]);
    }
  });

  it('pairs a receipt with the shipment to its place, not with the return under the same order', () => {
    const events = [
      ...packed,
      receive({ quantityList: [q(LOT, 100)] }),
      transfer('shipping', { epcList: [PALLET] }, day(6), { from: B, to: A }),
      transfer('receiving', { quantityList: [q(LOT, 100)] }, day(7), { from: B, to: A }),
    ];
    for (const found of both(events)) expect(found).toEqual([]);
    const index = createTraceIndex();
    const reversed = [...events].reverse().flatMap((e) => index.add(e));
    expect([...reversed, ...index.finalize()].map((d) => d.code)).toEqual([]);
  });

  it('finalize() leaves the index as it was: called again, or after more events, it agrees', () => {
    // the lot received a day before the pallet left: a time-order finding each time
    const early = [
      made(),
      pack(PALLET, { childQuantityList: [q(LOT, 100)] }),
      transfer('shipping', { epcList: [PALLET] }, day(5)),
      receive({ quantityList: [q(LOT, 100)] }),
    ];
    const index = createTraceIndex();
    for (const e of early) index.add(e);
    const first = index.finalize().map((d) => `${d.code} ${JSON.stringify(d.path)}`);
    expect(first).toEqual(['TRACE_TIME_ORDER [3,"eventTime"]']);
    expect(index.finalize().map((d) => `${d.code} ${JSON.stringify(d.path)}`)).toEqual(first);
    // the packing declared erroneous after a finalize: the pallet no longer held the lot
    const packing = {
      ...pack(PALLET, { childQuantityList: [q(LOT, 100)] }),
      eventID: 'urn:uuid:0d3c8f2e-1b4a-4c6d-8e9f-a0b1c2d3e4f5',
    };
    const chain = [made(), packing, shipPallet, receive({ quantityList: [q(LOT, 100)] })];
    // (an error declaration repeats the event's eventID)
    const declared = {
      ...packing,
      errorDeclaration: { declarationTime: day(6), correctiveEventIDs: [] },
    };
    const live = createTraceIndex();
    for (const e of chain) live.add(e);
    expect(live.finalize()).toEqual([]);
    live.add(declared);
    const after = live
      .finalize()
      .map((d) => d.code)
      .sort();
    const whole = validateChain([...chain, declared])
      .map((d) => d.code)
      .sort();
    expect(after).toEqual(whole);
    expect(after).toEqual(
      expect.arrayContaining(['TRACE_RECEIPT_WITHOUT_SHIPMENT', 'TRACE_SHIPMENT_NOT_RECEIVED']),
    );
  });

  it('counts a pallet and loose quantity of the same lot in one shipment together', () => {
    const events = [
      made(),
      pack(PALLET, { childQuantityList: [q(LOT, 70)] }),
      transfer('shipping', { epcList: [PALLET], quantityList: [q(LOT, 30)] }),
    ];
    for (const found of both([...events, receive({ quantityList: [q(LOT, 100)] })]))
      expect(found).toEqual([]);
    for (const found of both([...events, receive({ quantityList: [q(LOT, 101)] })]))
      expect(found).toEqual(['TRACE_RECEIPT_EXCEEDS_SHIPMENT [3,"quantityList",0]']);
  });

  it('takes out what an AggregationEvent DELETE unpacked, so a re-used pallet is not counted twice', () => {
    const PO2 = 'urn:epcglobal:cbv:bt:6921001000019:PO2';
    const C = 'urn:epc:id:sgln:6921001.00003.0';
    const unpack = {
      ...pack(PALLET, {}, day(5)),
      action: 'DELETE',
      bizStep: 'unpacking',
    };
    const events = [
      made(),
      pack(PALLET, { childQuantityList: [q(LOT, 60)] }),
      transfer('shipping', { epcList: [PALLET] }),
      unpack,
      pack(PALLET, { childQuantityList: [q(LOT, 40)] }, day(6)),
      transfer('shipping', { epcList: [PALLET] }, day(7), { to: C, po: PO2 }),
      transfer('receiving', { quantityList: [q(LOT, 40)] }, day(8), { to: C, po: PO2 }),
      // B records the first pallet late, as the pallet
      transfer('receiving', { epcList: [PALLET] }, day(9)),
    ];
    for (const found of both(events)) expect(found).toEqual([]);
  });

  it('a receipt of two trucks closes both shipments; one truck of two received leaves the other open', () => {
    const trucks = [
      made(),
      made(LOT2, 40),
      transfer('shipping', { quantityList: [q(LOT, 100)] }),
      transfer('shipping', { quantityList: [q(LOT2, 40)] }),
    ];
    const together = receive({ quantityList: [q(LOT, 100), q(LOT2, 40)] });
    for (const found of both([...trucks, together])) expect(found).toEqual([]);
    // two trucks of the same lot, one received: one shipment never received
    const same = [
      made(LOT, 200),
      transfer('shipping', { quantityList: [q(LOT, 100)] }),
      transfer('shipping', { quantityList: [q(LOT, 100)] }, day(3).replace('08:', '09:')),
      receive({ quantityList: [q(LOT, 100)] }),
    ];
    for (const found of both(same)) expect(found).toEqual(['TRACE_SHIPMENT_NOT_RECEIVED [1]']);
    // and two pallets received together as their lots
    const pallets = [...twoPallets(), together];
    for (const found of both(pallets)) expect(found).toEqual([]);
  });

  it('a receipt closes only as many shipments as its quantities account for (second review)', () => {
    const PALLET2 = 'urn:epc:id:sscc:6921001.0000000036';
    const C = 'urn:epc:id:sgln:6921001.00003.0';
    const twoOfOneLot = [
      made(LOT, 200),
      pack(PALLET, { childQuantityList: [q(LOT, 100)] }),
      pack(PALLET2, { childQuantityList: [q(LOT, 100)] }),
      transfer('shipping', { epcList: [PALLET] }),
      transfer('shipping', { epcList: [PALLET2] }, day(3).replace('08:', '09:')),
    ];
    // one pallet's worth received: the other pallet was not
    for (const found of both([...twoOfOneLot, receive({ quantityList: [q(LOT, 100)] })]))
      expect(found).toEqual(['TRACE_SHIPMENT_NOT_RECEIVED [3]']);
    // both pallets' worth received together: both closed
    for (const found of both([...twoOfOneLot, receive({ quantityList: [q(LOT, 200)] })]))
      expect(found).toEqual([]);
    // a pallet shipped after the only receipt is not closed by it
    const late = [
      made(LOT, 200),
      pack(PALLET, { childQuantityList: [q(LOT, 100)] }),
      pack(PALLET2, { childQuantityList: [q(LOT, 100)] }),
      transfer('shipping', { epcList: [PALLET] }),
      receive({ quantityList: [q(LOT, 200)] }),
      transfer('shipping', { epcList: [PALLET2] }, day(6)),
    ];
    for (const found of both(late)) expect(found).toEqual(['TRACE_SHIPMENT_NOT_RECEIVED [5]']);
    // two loose trucks of one lot received as one: both closed
    const trucks = [
      made(LOT, 200),
      transfer('shipping', { quantityList: [q(LOT, 100)] }),
      transfer('shipping', { quantityList: [q(LOT, 100)] }, day(3).replace('08:', '09:')),
      receive({ quantityList: [q(LOT, 200)] }),
    ];
    for (const found of both(trucks)) expect(found).toEqual([]);
    // a shipment to another place is not closed by a receipt here, whatever it names
    const elsewhere = [
      made(),
      made(LOT2, 40),
      transfer('shipping', { quantityList: [q(LOT, 100)] }),
      transfer('shipping', { quantityList: [q(LOT2, 40)] }, day(3), { to: C }),
      receive({ quantityList: [q(LOT, 100), q(LOT2, 40)] }),
    ];
    for (const found of both(elsewhere)) expect(found).toEqual(['TRACE_SHIPMENT_NOT_RECEIVED [3]']);
  });

  it('accounts for receipts in other units, of pallets, against returns and zone-less times (third review)', () => {
    const trucks = (second = day(3).replace('08:', '09:')) => [
      made(LOT, 200),
      transfer('shipping', { quantityList: [q(LOT, 100)] }),
      transfer('shipping', { quantityList: [q(LOT, 100)] }, second),
    ];
    // counted in pieces against kilograms: not comparable, so it closes one truck, not both
    const pieces = { epcClass: LOT, quantity: 50, uom: 'H87' };
    for (const found of both([...trucks(), receive({ quantityList: [pieces] })]))
      expect(found.filter((f) => f.startsWith('TRACE_SHIPMENT'))).toEqual([
        'TRACE_SHIPMENT_NOT_RECEIVED [1]',
      ]);
    // lots shipped by truck, received as the two pallets they were packed on: both trucks closed
    const PALLET2 = 'urn:epc:id:sscc:6921001.0000000036';
    const packedTwice = [
      ...trucks(),
      pack(PALLET, { childQuantityList: [q(LOT, 100)] }),
      pack(PALLET2, { childQuantityList: [q(LOT, 100)] }),
    ];
    for (const found of both([...packedTwice, receive({ epcList: [PALLET, PALLET2] })]))
      expect(found).toEqual([]);
    // a zone-less time on the second truck is not read as "after the receipt"
    const zoneless = trucks('2024-01-03T09:00:00');
    for (const found of both([...zoneless, receive({ quantityList: [q(LOT, 200)] })]))
      expect(found.filter((f) => f.startsWith('TRACE_SHIPMENT'))).toEqual([]);
    // a return under the same order, never received: the second receipt at B is not its receipt
    const withReturn = [
      made(),
      transfer('shipping', { quantityList: [q(LOT, 100)] }),
      receive({ quantityList: [q(LOT, 100)] }),
      transfer('shipping', { quantityList: [q(LOT, 20)] }, day(5), { from: B, to: A }),
      transfer('receiving', { quantityList: [q(LOT, 20)] }, day(6)),
    ];
    for (const found of both(withReturn))
      expect(found.filter((f) => f.startsWith('TRACE_SHIPMENT'))).toEqual([
        'TRACE_SHIPMENT_NOT_RECEIVED [3]',
      ]);
  });
});

describe('the mass balance looks into containers', () => {
  const C = 'urn:epc:id:sgln:6921001.00003.0';
  const PO2 = 'urn:epcglobal:cbv:bt:6921001000019:PO2';
  const PO3 = 'urn:epcglobal:cbv:bt:6921001000019:PO3';
  // the holders as findings name them: A and B as GS1 Digital Links (GLN check digits 8 and 5)
  const AT_A = 'https://id.gs1.org/414/6921001000018';
  const AT_B = 'https://id.gs1.org/414/6921001000025';
  const balance = (events: readonly unknown[]) =>
    both(events).map((found) => found.filter((f) => /MASS_BALANCE|UNCONVERTIBLE/.test(f)));
  const excess = (events: readonly unknown[]) => {
    const found = validateChain(events).filter((d) => d.code === 'TRACE_MASS_BALANCE_EXCEEDED');
    return found.map((d) => [
      d.params?.index,
      d.params?.holder,
      d.params?.inflow,
      d.params?.outflow,
    ]);
  };

  it('counts a lot received inside a pallet as inflow at the receiver', () => {
    // 60 kg of the lot on a pallet and 40 kg loose reach B, which ships all 100 kg on to C: before,
    // only the loose 40 kg counted as B's inflow and the 100 kg read as an excess
    const events = [
      made(),
      pack(PALLET, { childQuantityList: [q(LOT, 60)] }),
      transfer('shipping', { epcList: [PALLET] }),
      transfer('shipping', { quantityList: [q(LOT, 40)] }, day(3), { po: PO2 }),
      receive({ epcList: [PALLET] }),
      transfer('receiving', { quantityList: [q(LOT, 40)] }, day(4), { po: PO2 }),
      transfer('shipping', { quantityList: [q(LOT, 100)] }, day(5), { from: B, to: C, po: PO3 }),
    ];
    for (const found of balance(events)) expect(found).toEqual([]);
    // 110 kg shipped on from the 100 kg that came in is an excess at B, with both inflows counted
    events[6] = transfer('shipping', { quantityList: [q(LOT, 110)] }, day(5), {
      from: B,
      to: C,
      po: PO3,
    });
    expect(excess(events)).toEqual([[6, AT_B, 100, 110]]);
    for (const found of balance(events)) expect(found).toEqual(['TRACE_MASS_BALANCE_EXCEEDED [6]']);
  });

  it('counts a lot shipped inside a pallet as outflow at the sender', () => {
    // 100 kg made at A, all of it packed and shipped on the pallet, and 50 kg more shipped loose:
    // before, the pallet moved nothing of the lot and the 150 kg leaving A passed
    const events = [
      made(),
      pack(PALLET, { childQuantityList: [q(LOT, 100)] }),
      shipPallet,
      transfer('shipping', { quantityList: [q(LOT, 50)] }, day(4), { po: PO2 }),
    ];
    expect(excess(events)).toEqual([[3, AT_A, 100, 150]]);
    for (const found of balance(events)) expect(found).toEqual(['TRACE_MASS_BALANCE_EXCEEDED [3]']);
  });

  it('follows cases on a pallet, and counts a lot the event also names once', () => {
    const events = [
      made(),
      pack(CASE, { childQuantityList: [q(LOT, 100)] }),
      pack(PALLET, { childEPCs: [CASE] }),
      shipPallet,
      // the receipt names the pallet and the lot on it: 100 kg came in, not 200
      receive({ epcList: [PALLET], quantityList: [q(LOT, 100)] }),
      transfer('shipping', { quantityList: [q(LOT, 150)] }, day(5), { from: B, to: C, po: PO3 }),
    ];
    expect(excess(events)).toEqual([[5, AT_B, 100, 150]]);
    // a shipment naming the pallet and its case moves the lot once
    const twice = [...events.slice(0, 3), transfer('shipping', { epcList: [PALLET, CASE] })];
    twice.push(transfer('shipping', { quantityList: [q(LOT, 1)] }, day(4), { po: PO2 }));
    expect(excess(twice)).toEqual([[4, AT_A, 100, 101]]);
  });

  it('takes back what a withdrawn shipment of a pallet moved', () => {
    const wrong = { ...shipPallet, eventID: 'urn:uuid:0b7a1d7e-3a3e-4f0e-9c55-7d6f3b1c2a01' };
    const declaration = {
      ...wrong,
      errorDeclaration: { declarationTime: '2024-01-05T00:00:00Z', reason: 'incorrect_data' },
    };
    const events = [
      made(),
      pack(PALLET, { childQuantityList: [q(LOT, 100)] }),
      wrong,
      transfer('shipping', { quantityList: [q(LOT, 50)] }, day(4), { po: PO2 }),
    ];
    // judged at finalize, after the declaration withdrew the pallet's shipment: 50 of 100 left A
    const index = createTraceIndex({ massBalance: 'on-finalize' });
    for (const e of [...events, declaration]) index.add(e);
    expect(index.finalize().filter((d) => d.code === 'TRACE_MASS_BALANCE_EXCEEDED')).toEqual([]);
    expect(excess([...events, declaration])).toEqual([]);
    // and without the declaration, 150 of 100
    const kept = createTraceIndex({ massBalance: 'on-finalize' });
    for (const e of events) kept.add(e);
    expect(
      kept
        .finalize()
        .filter((d) => d.code === 'TRACE_MASS_BALANCE_EXCEEDED')
        .map((d) => d.path),
    ).toEqual([[3]]);
  });

  it('reports a lot destroyed before its pallet is shipped as used after destruction', () => {
    const destroyed = {
      type: 'ObjectEvent',
      action: 'DELETE',
      bizStep: 'destroying',
      eventTime: '2024-01-02T12:00:00+08:00',
      eventTimeZoneOffset: '+08:00',
      quantityList: [q(LOT, 100)],
      bizLocation: { id: A },
    };
    const events = [made(), pack(PALLET, { childQuantityList: [q(LOT, 100)] }), destroyed];
    for (const found of both([...events, shipPallet]))
      expect(found.filter((f) => f.startsWith('TRACE_EVENT_AFTER'))).toEqual([
        'TRACE_EVENT_AFTER_DESTRUCTION [3]',
      ]);
  });

  const unpack = (parent: string, children: object, when: string, at = A) => ({
    type: 'AggregationEvent',
    action: 'DELETE',
    bizStep: 'unpacking',
    eventTime: when,
    eventTimeZoneOffset: '+08:00',
    parentID: parent,
    ...children,
    bizLocation: { id: at },
  });

  it('takes out of a pallet only the quantity an unpacking names (found in review)', () => {
    // 30 of the 100 kg taken off the pallet at A and shipped loose; the pallet ships with 70
    const events = [
      made(),
      pack(PALLET, { childQuantityList: [q(LOT, 100)] }),
      unpack(PALLET, { childQuantityList: [q(LOT, 30)] }, '2024-01-02T12:00:00+08:00'),
      shipPallet,
      transfer('shipping', { quantityList: [q(LOT, 30)] }, day(3), { po: PO2 }),
      receive({ epcList: [PALLET] }),
      transfer('receiving', { quantityList: [q(LOT, 30)] }, day(4), { po: PO2 }),
      transfer('shipping', { quantityList: [q(LOT, 100)] }, day(5), { from: B, to: C, po: PO3 }),
    ];
    for (const found of balance(events)) expect(found).toEqual([]);
    // the pallet with its 70 and 100 more loose: 170 of 100 leave A
    events[4] = transfer('shipping', { quantityList: [q(LOT, 100)] }, day(3), { po: PO2 });
    expect(excess(events.slice(0, 5))).toEqual([[4, AT_A, 100, 170]]);
    // received as the lot: 100 kg out of a pallet that held 70 exceeds what was shipped
    const asLot = [...events.slice(0, 4), receive({ quantityList: [q(LOT, 100)] })];
    for (const found of both(asLot))
      expect(found.filter((f) => f.includes('EXCEEDS'))).toEqual([
        'TRACE_RECEIPT_EXCEEDS_SHIPMENT [4,"quantityList",0]',
      ]);
  });

  it('orders a packing and an unpacking at the same time as the transfer as they happen (found in review)', () => {
    // packed and shipped in the same second, the shipment listed first: the pallet still held it
    const sameSecond = [
      made(),
      transfer('shipping', { epcList: [PALLET] }),
      pack(PALLET, { childQuantityList: [q(LOT, 100)] }, day(3)),
      transfer('shipping', { quantityList: [q(LOT, 100)] }, day(4), { po: PO2 }),
    ];
    expect(excess(sameSecond)).toEqual([[3, AT_A, 100, 200]]);
    // received and unpacked at the dock in the same second, the unpacking listed first: the
    // receipt brought what the pallet held
    const dock = [
      made(),
      pack(PALLET, { childQuantityList: [q(LOT, 100)] }),
      shipPallet,
      unpack(PALLET, {}, day(4), B),
      receive({ epcList: [PALLET] }),
      transfer('shipping', { quantityList: [q(LOT, 100)] }, day(5), { from: B, to: C, po: PO3 }),
    ];
    for (const found of balance(dock)) expect(found).toEqual([]);
  });

  const S1 = 'urn:epc:id:sgtin:6921001.000102.1';
  const S2 = 'urn:epc:id:sgtin:6921001.000102.2';
  /** Serialised items commissioned at A. */
  const commissioned = (...epcList: string[]) => ({
    type: 'ObjectEvent',
    action: 'ADD',
    bizStep: 'commissioning',
    eventTime: day(1),
    eventTimeZoneOffset: '+08:00',
    epcList,
    bizLocation: { id: A },
  });

  it('counts a serialised instance packed twice onto one pallet once (found in review)', () => {
    const commission = commissioned(S1, S2);
    const events = [
      commission,
      pack(PALLET, { childEPCs: [S1] }),
      pack(PALLET, { childEPCs: [S1, S2] }, '2024-01-02T09:00:00+08:00'),
      shipPallet,
    ];
    for (const found of balance(events)) expect(found).toEqual([]);
  });

  it('blames the latest shipment left when one is withdrawn (found in review)', () => {
    const id = (n: number) => `urn:uuid:0b7a1d7e-3a3e-4f0e-9c55-7d6f3b1c2a0${n}`;
    const loose = (kg: number, d: number, n: number) => ({
      ...transfer('shipping', { quantityList: [q(LOT, kg)] }, day(d), { po: `${PO}-${n}` }),
      eventID: id(n),
    });
    const pallet = { ...transfer('shipping', { epcList: [PALLET] }, day(4)), eventID: id(2) };
    const last = loose(5, 5, 3);
    const declaration = {
      ...last,
      errorDeclaration: { declarationTime: '2024-01-06T00:00:00Z', reason: 'incorrect_data' },
    };
    const index = createTraceIndex({ massBalance: 'on-finalize' });
    const events = [made(), pack(PALLET, { childQuantityList: [q(LOT, 100)] }), loose(10, 3, 1)];
    for (const e of [...events, pallet, last, declaration]) index.add(e);
    const found = index.finalize().filter((d) => d.code === 'TRACE_MASS_BALANCE_EXCEEDED');
    // 110 of 100: the pallet's shipment took A over, not the 10 kg before it
    expect(found.map((d) => [d.path, d.params?.eventID])).toEqual([[[3], id(2)]]);
  });

  it('with one date for everything, orders aggregations by where they happen (second review)', () => {
    const D = '2024-01-02T00:00:00+08:00';
    const atB = { from: A, to: B };
    // A takes 30 off the pallet, then ships it; B receives it: 70 came in, as 70 went out
    const senderUnpacks = [
      made(),
      pack(PALLET, { childQuantityList: [q(LOT, 100)] }, D),
      unpack(PALLET, { childQuantityList: [q(LOT, 30)] }, D),
      transfer('shipping', { epcList: [PALLET] }, D, atB),
      transfer('receiving', { quantityList: [q(LOT, 70)] }, D, atB),
    ];
    for (const found of both(senderUnpacks)) expect(found).toEqual([]);
    // and B shipping 100 on from the 70 is an excess at B
    const onward = [
      ...senderUnpacks.slice(0, 4),
      transfer('receiving', { epcList: [PALLET] }, D, atB),
      transfer('shipping', { quantityList: [q(LOT, 100)] }, D, { from: B, to: C, po: PO3 }),
    ];
    expect(excess(onward)).toEqual([[5, AT_B, 70, 100]]);
    // B receives the lots and unpacks the pallet the same day: A still shipped it full
    const receiverUnpacks = [
      made(),
      pack(PALLET, { childQuantityList: [q(LOT, 100)] }, D),
      transfer('shipping', { epcList: [PALLET] }, D, atB),
      transfer('receiving', { quantityList: [q(LOT, 100)] }, D, atB),
      unpack(PALLET, {}, D, B),
    ];
    for (const found of both(receiverUnpacks)) expect(found).toEqual([]);
    const more = [
      ...receiverUnpacks,
      transfer('shipping', { quantityList: [q(LOT, 100)] }, D, { po: PO2 }),
    ];
    for (const found of balance(more)) expect(found).toEqual(['TRACE_MASS_BALANCE_EXCEEDED [5]']);
    // packed at a packing house upstream the same day, shipped from A: the pallet held the lot
    const upstream = [
      made(),
      { ...pack(PALLET, { childQuantityList: [q(LOT, 100)] }, D), bizLocation: { id: C } },
      transfer('shipping', { epcList: [PALLET] }, D, atB),
      transfer('receiving', { quantityList: [q(LOT, 100)] }, D, atB),
    ];
    for (const found of both(upstream))
      expect(found.filter((f) => /RECEIPT_WITHOUT|NOT_RECEIVED/.test(f))).toEqual([]);
  });

  it('keeps a serialised child unpacked and packed again on once, in any arrival order (second review)', () => {
    const events = [
      commissioned(S1),
      pack(PALLET, { childEPCs: [S1] }, '2024-01-02T08:00:00+08:00'),
      unpack(PALLET, { childEPCs: [S1] }, '2024-01-02T09:00:00+08:00'),
      pack(PALLET, { childEPCs: [S1] }, '2024-01-02T10:00:00+08:00'),
      shipPallet,
      receive({ epcList: [S1] }),
    ];
    expect(validateChain(events)).toEqual([]);
    const index = createTraceIndex();
    const order = [0, 3, 1, 2, 4, 5];
    const found = [...order.flatMap((k) => index.add(events[k])), ...index.finalize()];
    expect(found).toEqual([]);
  });

  it('pairs a lot in a case on a pallet with the pallet, both ways (second review)', () => {
    const withCase = [
      made(),
      made(LOT2, 40),
      pack(CASE, { childQuantityList: [q(LOT2, 40)] }),
      pack(
        PALLET,
        { childQuantityList: [q(LOT, 100)], childEPCs: [CASE] },
        '2024-01-02T09:00:00+08:00',
      ),
    ];
    const shippedPallet = [...withCase, shipPallet, receive({ quantityList: [q(LOT2, 40)] })];
    for (const found of both(shippedPallet))
      expect(found.filter((f) => /RECEIPT_WITHOUT|NOT_RECEIVED/.test(f))).toEqual([]);
    const receivedPallet = [
      ...withCase,
      transfer('shipping', { quantityList: [q(LOT2, 40)] }),
      receive({ epcList: [PALLET] }),
    ];
    for (const found of both(receivedPallet))
      expect(found.filter((f) => /RECEIPT_WITHOUT/.test(f))).toEqual([]);
  });

  it('keeps a lot on when an unpacking names it in a quantity that does not compare (second review)', () => {
    for (const taken of [
      { epcClass: LOT, quantity: 3, uom: 'H87' },
      { epcClass: LOT, quantity: 3, uom: 'ZZZ' },
    ]) {
      const events = [
        made(),
        pack(PALLET, { childQuantityList: [q(LOT, 100)] }),
        unpack(PALLET, { childQuantityList: [taken] }, '2024-01-02T12:00:00+08:00'),
        shipPallet,
        receive({ quantityList: [q(LOT, 100)] }),
      ];
      for (const found of both(events))
        expect(found.filter((f) => /RECEIPT_WITHOUT|NOT_RECEIVED|EXCEEDS/.test(f))).toEqual([]);
      // what is left on is not counted: 30 kg of the 3 pieces shipped loose is no excess at A
      const loose = [
        ...events.slice(0, 4),
        transfer('shipping', { quantityList: [q(LOT, 30)] }, day(4), { po: PO2 }),
      ];
      expect(excess(loose)).toEqual([]);
    }
    // packed without a quantity, then 30 taken off: the rest is still on, uncounted
    const unknown = [
      made(),
      pack(PALLET, { childQuantityList: [{ epcClass: LOT }] }),
      unpack(PALLET, { childQuantityList: [q(LOT, 30)] }, '2024-01-02T12:00:00+08:00'),
      shipPallet,
      receive({ quantityList: [q(LOT, 70)] }),
    ];
    for (const found of both(unknown))
      expect(found.filter((f) => /RECEIPT_WITHOUT|NOT_RECEIVED|EXCEEDS/.test(f))).toEqual([]);
  });

  it('reports a packed quantity whose unit does not convert where the unit is written', () => {
    const events = [
      made(),
      pack(PALLET, { childQuantityList: [{ epcClass: LOT, quantity: 100, uom: 'ZZZ' }] }),
      shipPallet,
    ];
    for (const found of balance(events))
      expect(found).toEqual(['TRACE_QUANTITY_UNCONVERTIBLE [1,"childQuantityList",0,"uom"]']);
  });
});

describe('AggregationEvents that are also transfers: a shipping ADD, a receiving DELETE', () => {
  const C = 'urn:epc:id:sgln:6921001.00003.0';
  const PO2 = 'urn:epcglobal:cbv:bt:6921001000019:PO2';
  const PO3 = 'urn:epcglobal:cbv:bt:6921001000019:PO3';
  const AT_B = 'https://id.gs1.org/414/6921001000025';
  const AT_C = 'https://id.gs1.org/414/6921001000032';
  // the pallet in Digital Link form (SSCC 0 6921001 000000012, check digit 4)
  const PALLET_LINK = 'https://id.gs1.org/00/069210010000000124';
  /** An AggregationEvent of the pallet that is a shipment or a receipt (from A to B under PO1). */
  const aggregate = (
    action: 'ADD' | 'DELETE',
    step: 'shipping' | 'receiving',
    what: object,
    when: string,
  ) => ({
    ...transfer(step, {}, when),
    type: 'AggregationEvent',
    action,
    parentID: PALLET,
    ...what,
  });
  // A packs the lot onto the pallet as it ships it (one event), B receives the pallet by its SSCC
  const shipAdd = aggregate('ADD', 'shipping', { childQuantityList: [q(LOT, 100)] }, day(3));
  const receivePallet = receive({ epcList: [PALLET] });
  const onward = (what: object, po = PO2, to = C) => [
    transfer('shipping', what, day(5), { from: B, to, po }),
    transfer('receiving', what, day(6), { from: B, to, po }),
  ];
  const codes = (events: readonly unknown[]) => both(events).map((found) => found.join(' | '));
  const excess = (events: readonly unknown[]) =>
    validateChain(events)
      .filter((d) => d.code === 'TRACE_MASS_BALANCE_EXCEEDED')
      .map((d) => [d.params?.holder, d.params?.inflow, d.params?.outflow]);

  it('a shipping ADD packs the pallet it ships: no orphan pallet, and the pallet is traced from the lot', () => {
    // before, the pallet was reported as a lot without origin, and nothing linked the lot to it
    const events = [made(), shipAdd, receivePallet, ...onward({ epcList: [PALLET] })];
    expect(codes(events)).toEqual(['', '']);
    const graph = buildLotGraph(events);
    expect(traceForward(graph, LOT).lots.map((l) => l.id)).toEqual([PALLET_LINK]);
    // the pallet went on to C by its SSCC: C is in the lot's recall scope
    expect(recallScope(graph, LOT).recipients.map((r) => r.id)).toEqual([AT_B, AT_C]);
  });

  it('a pallet received from a shipping ADD brings its lot in at the receiver', () => {
    // B received 100 kg on the pallet and ships 150 kg on: an excess of 50 kg at B
    const events = [made(), shipAdd, receivePallet, ...onward({ quantityList: [q(LOT, 150)] })];
    expect(excess(events)).toEqual([[AT_B, 100, 150]]);
    // 100 kg on: balanced
    expect(
      excess([made(), shipAdd, receivePallet, ...onward({ quantityList: [q(LOT, 100)] })]),
    ).toEqual([]);
  });

  it('counts what a shipping ADD packs once in the receipt comparison', () => {
    // it names the lot and the pallet that holds it: 100 kg sent, not 200
    const over = validateChain([made(), shipAdd, receive({ quantityList: [q(LOT, 150)] })]);
    expect(
      over
        .filter((d) => d.code === 'TRACE_RECEIPT_EXCEEDS_SHIPMENT')
        .map((d) => [d.params?.received, d.params?.shipped]),
    ).toEqual([[150, 100]]);
    expect(codes([made(), shipAdd, receive({ quantityList: [q(LOT, 100)] })])).toEqual(['', '']);
  });

  it('a receiving DELETE of the pallet alone brings in what it held, and takes it off', () => {
    const events = [
      made(),
      pack(PALLET, { childQuantityList: [q(LOT, 100)] }),
      shipPallet,
      aggregate('DELETE', 'receiving', {}, day(4)),
    ];
    // before, the receipt brought nothing in at B, so 150 kg shipped on from B was no excess
    expect(excess([...events, ...onward({ quantityList: [q(LOT, 150)] })])).toEqual([
      [AT_B, 100, 150],
    ]);
    expect(codes([...events, ...onward({ quantityList: [q(LOT, 100)] })])).toEqual(['', '']);
  });

  it('a receiving DELETE of part of the pallet still brings the whole pallet in (second review)', () => {
    // 100 kg on the pallet, B takes 40 kg off as it receives it and ships the pallet (60 kg) on
    const events = [
      made(),
      pack(PALLET, { childQuantityList: [q(LOT, 100)] }),
      shipPallet,
      aggregate('DELETE', 'receiving', { childQuantityList: [q(LOT, 40)] }, day(4)),
      ...onward({ epcList: [PALLET] }),
    ];
    // before: inflow 40 at B (what it took off), outflow 60: a false excess
    expect(codes(events)).toEqual(['', '']);
    // and 150 kg shipped on from B is an excess over the 100 kg that came in
    expect(excess([...events.slice(0, 4), ...onward({ quantityList: [q(LOT, 150)] })])).toEqual([
      [AT_B, 100, 150],
    ]);
  });

  it('a receiving DELETE brings in a named child the pallet did not hold, as named (third review)', () => {
    const LOTY = 'urn:epc:class:lgtin:6921001.000102.AY';
    const at = (events: readonly unknown[]) => [
      ...events,
      transfer('receiving', { quantityList: [q(LOTY, 10)] }, day(4), { po: PO2 }),
      transfer('shipping', { quantityList: [q(LOTY, 60)] }, day(5), { from: B, to: C, po: PO3 }),
      transfer('receiving', { quantityList: [q(LOTY, 60)] }, day(6), { from: B, to: C, po: PO3 }),
    ];
    const loose = transfer('shipping', { quantityList: [q(LOTY, 10)] }, day(3), { po: PO2 });
    // the pallet held LOT only; the DELETE names LOTY 50 too: 50 + 10 came in, 60 left
    const named = aggregate(
      'DELETE',
      'receiving',
      { childQuantityList: [q(LOT, 100), q(LOTY, 50)] },
      day(4),
    );
    const held = [
      made(),
      made(LOTY, 60),
      pack(PALLET, { childQuantityList: [q(LOT, 100)] }),
      shipPallet,
      loose,
    ];
    // before: inflow 10 at B, a false excess
    expect(excess(at([...held, named]))).toEqual([]);
    // emptied before it was shipped: nothing on it, so what the DELETE names comes in as named
    const emptied = [
      made(),
      made(LOTY, 60),
      pack(PALLET, { childQuantityList: [q(LOT, 100)] }),
      { ...pack(PALLET, {}, '2024-01-02T12:00:00+08:00'), action: 'DELETE', bizStep: 'unpacking' },
      shipPallet,
      loose,
      aggregate('DELETE', 'receiving', { childQuantityList: [q(LOTY, 50)] }, day(4)),
    ];
    expect(excess(at(emptied))).toEqual([]);
  });

  it('a shipping ADD that tops up a pallet ships all that is on it (second review)', () => {
    // 200 kg made; 100 kg packed, then a shipping ADD adds 50 kg and ships the pallet (150 kg);
    // 100 kg more go loose to C: 250 kg left A
    const topUp = aggregate('ADD', 'shipping', { childQuantityList: [q(LOT, 50)] }, day(3));
    const events = [
      made(LOT, 200),
      pack(PALLET, { childQuantityList: [q(LOT, 100)] }),
      topUp,
      receivePallet,
      transfer('shipping', { quantityList: [q(LOT, 100)] }, day(3), { to: C, po: PO3 }),
    ];
    const AT_A = 'https://id.gs1.org/414/6921001000018';
    // before: no finding (the shipment counted only the 50 kg it added)
    expect(excess(events)).toEqual([[AT_A, 200, 250]]);
    // 50 kg loose instead: 200 kg left, balanced
    const fits = [
      ...events.slice(0, 4),
      transfer('shipping', { quantityList: [q(LOT, 50)] }, day(3), { to: C, po: PO3 }),
    ];
    expect(excess(fits)).toEqual([]);
  });

  it('a receiving DELETE empties the pallet: re-used at B, it carries only what B packs on it', () => {
    const LOT3 = 'urn:epc:class:lgtin:6921001.000102.A3';
    const events = [
      made(),
      pack(PALLET, { childQuantityList: [q(LOT, 100)] }),
      shipPallet,
      aggregate('DELETE', 'receiving', { childQuantityList: [q(LOT, 100)] }, day(4)),
      { ...made(LOT3, 20), bizLocation: { id: B } },
      { ...pack(PALLET, { childQuantityList: [q(LOT3, 20)] }, day(5)), bizLocation: { id: B } },
      // the pallet (now LOT3) to C under PO2, the lot itself loose to C under PO3
      transfer('shipping', { epcList: [PALLET] }, day(6), { from: B, to: C, po: PO2 }),
      transfer('receiving', { quantityList: [q(LOT3, 20)] }, day(7), { from: B, to: C, po: PO2 }),
      transfer('shipping', { quantityList: [q(LOT, 100)] }, day(6), { from: B, to: C, po: PO3 }),
      transfer('receiving', { quantityList: [q(LOT, 100)] }, day(7), { from: B, to: C, po: PO3 }),
    ];
    // before, the pallet still held the lot, and B shipped 200 kg of the 100 kg it received
    expect(codes(events)).toEqual(['', '']);
  });
});
