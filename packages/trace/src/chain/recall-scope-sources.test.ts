/**
 * The sources of a recall through containers: a supplier that packed a raw material onto a pallet
 * and shipped the pallet by its SSCC is a source of what was made from it.
 */
import { describe, expect, it } from 'vitest';
import {
  aggregate,
  OTHER,
  on,
  origin,
  PALLET as PALLET_Q,
  PALLET_LINK as PALLET_Q_LINK,
  SHOP as PROC,
  SHOP_LINK as PROC_LINK,
  SHOP_PARTY as PROC_PARTY,
  SHOP_PARTY_LINK as PROC_PARTY_LINK,
  LOT as PRODUCT,
  LOT_LINK as PRODUCT_LINK,
  type Route,
  route,
  transfer,
} from './__fixtures__/recall-chain.js';
import { buildLotGraph } from './lot-graph.js';
import { recallScope } from './recall-scope.js';

// From the fixture: its lot is the product L, its shop processor X, its pallet pallet Q.
/** The raw lot R (GTIN 06921001001022, check digit 2). */
const RAW = 'urn:epc:class:lgtin:6921001.000102.RAW1';
const RAW_LINK = 'https://id.gs1.org/01/06921001001022/10/RAW1';
/** Pallet P (SSCC 06921001000000012, check digit 4). */
const PALLET = 'urn:epc:id:sscc:6921001.0000000012';
const PALLET_LINK = 'https://id.gs1.org/00/069210010000000124';
/** Farm F: its party (check digit 1) and place (check digit 8). */
const FARM_PARTY = 'urn:epc:id:pgln:6921001.00000';
const FARM_PARTY_LINK = 'https://id.gs1.org/417/6921001000001';
const FARM = 'urn:epc:id:sgln:6921001.00001.0';
const FARM_LINK = 'https://id.gs1.org/414/6921001000018';
/** Another supplier S, and a customer Y of the processor. */
const SUPPLIER_PARTY = 'urn:epc:id:pgln:6930005.00001';
const SUPPLIER = 'urn:epc:id:sgln:6930005.00001.0';
const CUSTOMER_PARTY = 'urn:epc:id:pgln:6930006.00001';
const CUSTOMER = 'urn:epc:id:sgln:6930006.00001.0';
/** The routes between them. */
const F_TO_X = route(FARM_PARTY, FARM, PROC_PARTY, PROC);
const S_TO_F = route(SUPPLIER_PARTY, SUPPLIER, FARM_PARTY, FARM);
const S_TO_X = route(SUPPLIER_PARTY, SUPPLIER, PROC_PARTY, PROC);
const X_TO_S = route(PROC_PARTY, PROC, SUPPLIER_PARTY, SUPPLIER);
const X_TO_Y = route(PROC_PARTY, PROC, CUSTOMER_PARTY, CUSTOMER);

const kg = (epcClass: string, quantity: number) => ({ epcClass, quantity, uom: 'KGM' });

/** A shipment or receipt of `what` on the `day` at 9:00 under order `po`, naming parties only. */
const move = (
  step: 'shipping' | 'receiving',
  what: object,
  day: number,
  po: string,
  path: Route = F_TO_X,
) => transfer(step, what, day, { pos: [po], route: path, places: false });
/**
 * `lines` packed on P where `path` starts on the `day` at 10:00, shipped the next day under order
 * `po`, received the day after and unpacked there at 10:00.
 */
const palletTrip = (lines: object[], day: number, po: string, path: Route = F_TO_X) => [
  aggregate('ADD', PALLET, { childQuantityList: lines }, day, 10, path.fromPlace),
  move('shipping', { epcList: [PALLET] }, day + 1, po, path),
  move('receiving', { epcList: [PALLET] }, day + 2, po, path),
  aggregate('DELETE', PALLET, {}, day + 2, 10, path.toPlace),
];
/** X packs `lines` on `pallet` on the `day` at 10:00 and ships it to Y the next day (order 9). */
const toCustomer = (pallet: string, lines: object[], day: number) => [
  aggregate('ADD', pallet, { childQuantityList: lines }, day, 10, PROC),
  move('shipping', { epcList: [pallet] }, day + 1, '9', X_TO_Y),
];
const transform = (inputs: object[], outputs: object[], day: number) => ({
  type: 'TransformationEvent',
  eventTime: on(day, 12),
  eventTimeZoneOffset: '+08:00',
  inputQuantityList: inputs,
  outputQuantityList: outputs,
  bizLocation: { id: PROC },
});

/** F packs 100 kg of R on P, ships P to X, X receives and unpacks it and makes L of R (0–5). */
const palletChain = () => [
  origin(RAW, 100, 1, FARM),
  ...palletTrip([kg(RAW, 100)], 1, '7'),
  transform([kg(RAW, 100)], [kg(PRODUCT, 80)], 3),
];

const scopeOf = (events: readonly unknown[]) => recallScope(buildLotGraph(events), PRODUCT);

describe('recallScope finds the sources that shipped an ancestor inside a container', () => {
  it('the farm that shipped the raw lot on a pallet, with the quantity packed on it', () => {
    const events = palletChain();
    const scope = scopeOf(events);
    expect(scope.upstreamLots).toEqual([RAW_LINK]);
    // before: no farm party (no event names the raw lot between the farm and the processor)
    expect(scope.sources.find((c) => c.id === FARM_PARTY_LINK)).toEqual({
      id: FARM_PARTY_LINK,
      // the pallet itself, and the 100 kg of R packed on it (before: { '': 1, KGM: 100 }, the
      // pallet counted 1 too; opened, it is packaging, not product)
      lots: [PALLET_LINK, RAW_LINK],
      quantities: { KGM: 100 },
      firstTime: on(2, 9),
      lastTime: on(3, 9),
      events: [2, 3],
    });
    // the farm's place made R, the processor's place made L: the sources are those three
    expect(scope.sources.map((c) => c.id).sort()).toEqual(
      [FARM_LINK, FARM_PARTY_LINK, PROC_LINK].sort(),
    );
    // the 100 kg of R via the pallet on its shipment (2) and its receipt (3), under PO 7
    const viaPallet = (kind: string, index: number, eventTime: string) => ({
      lot: RAW_LINK,
      kind,
      index,
      eventTime,
      quantity: 100,
      uom: 'KGM',
      from: FARM_PARTY_LINK,
      to: PROC_PARTY_LINK,
      bizTransactions: ['urn:example:po:7'],
      via: PALLET_LINK,
    });
    expect(scope.upstream.filter((m) => m.via !== undefined)).toEqual([
      viaPallet('shipping', 2, on(2, 9)),
      viaPallet('receiving', 3, on(3, 9)),
    ]);
    // of the pallet's own events, only its shipment and receipt are upstream movements
    expect(
      scope.upstream.filter((m) => m.lot === PALLET_LINK).map((m) => [m.kind, m.index]),
    ).toEqual([
      ['shipping', 2],
      ['receiving', 3],
    ]);
  });

  it('through a case on the pallet, counted once', () => {
    const CASE = 'urn:epc:id:sscc:6921001.0000000029';
    const events = [
      origin(RAW, 100, 1, FARM),
      aggregate('ADD', CASE, { childQuantityList: [kg(RAW, 30)] }, 1, 9, FARM),
      aggregate('ADD', PALLET, { childEPCs: [CASE] }, 1, 10, FARM),
      // the shipment names the case beside the pallet it is on
      move('shipping', { epcList: [CASE, PALLET] }, 2, '7'),
      transform([kg(RAW, 30)], [kg(PRODUCT, 24)], 3),
    ];
    const farm = scopeOf(events).sources.find((c) => c.id === FARM_PARTY_LINK);
    // the 30 kg in the case once, via the pallet (before: { '': 2, KGM: 30 }, the case and the
    // pallet counted 1 each; both carried R: packaging)
    expect(farm?.quantities).toEqual({ KGM: 30 });
    expect(scopeOf(events).upstream.filter((m) => m.via !== undefined)).toMatchObject([
      { lot: RAW_LINK, index: 3, quantity: 30, via: PALLET_LINK },
    ]);
  });

  it('only while the pallet held the ancestor', () => {
    const events = [
      // S sends the pallet to the farm loaded with other goods; the farm empties it (0–4)
      origin(OTHER, 50, 1, SUPPLIER),
      aggregate('ADD', PALLET, { childQuantityList: [kg(OTHER, 50)] }, 1, 10, SUPPLIER),
      move('shipping', { epcList: [PALLET] }, 1, '1', S_TO_F),
      { ...move('receiving', { epcList: [PALLET] }, 1, '1', S_TO_F), eventTime: on(1, 15) },
      aggregate('DELETE', PALLET, {}, 2, 9, FARM),
      // the farm packs R on it and ships it to X, who unpacks it and makes L (5–10)
      origin(RAW, 100, 2, FARM),
      ...palletTrip([kg(RAW, 100)], 2, '7'),
      transform([kg(RAW, 100)], [kg(PRODUCT, 80)], 4),
      // X packs other goods on it and ships it to a customer (11–12)
      ...toCustomer(PALLET, [kg(OTHER, 20)], 5),
    ];
    const scope = scopeOf(events);
    // not S (its trip on the 1st was before R was packed), not X (its trip on the 6th was after
    // the pallet was emptied and packed again): the farm's trip only
    expect(scope.sources.map((c) => c.id).sort()).toEqual(
      [FARM_LINK, FARM_PARTY_LINK, PROC_LINK].sort(),
    );
    expect(
      scope.upstream.filter((m) => m.lot === PALLET_LINK || m.via).map((m) => [m.lot, m.index]),
    ).toEqual([
      [PALLET_LINK, 7],
      [RAW_LINK, 7],
      [PALLET_LINK, 8],
      [RAW_LINK, 8],
    ]);
  });

  it('a pallet that carried two ancestors: not its trip in between, with other goods', () => {
    const RAW2 = 'urn:epc:class:lgtin:6921001.000102.RAW2';
    const SUPPLIER_PARTY_LINK = 'https://id.gs1.org/417/6930005000016';
    const events = [
      // F sends R on P to X, who empties it (0–4)
      origin(RAW, 100, 1, FARM),
      ...palletTrip([kg(RAW, 100)], 1, '1'),
      // X sends it to S with other goods; S empties it (5–7)
      aggregate('ADD', PALLET, { childQuantityList: [kg(OTHER, 20)] }, 4, 10, PROC),
      move('shipping', { epcList: [PALLET] }, 5, '2', X_TO_S),
      aggregate('DELETE', PALLET, {}, 5, 15, SUPPLIER),
      // S sends R2 on it to X, who empties it and makes L of R and R2 (8–13)
      origin(RAW2, 50, 6, SUPPLIER),
      ...palletTrip([kg(RAW2, 50)], 6, '3', S_TO_X),
      transform([kg(RAW, 100), kg(RAW2, 50)], [kg(PRODUCT, 120)], 8),
    ];
    const scope = scopeOf(events);
    // R was on P from the 1st, 10:00, until it was packed again on the 4th; R2 from the 6th:
    // the trip on the 5th (6) was neither's (one window from the 1st on would make X a source)
    expect(
      scope.upstream.filter((m) => m.lot === PALLET_LINK).map((m) => [m.kind, m.index]),
    ).toEqual([
      ['shipping', 2],
      ['receiving', 3],
      ['shipping', 10],
      ['receiving', 11],
    ]);
    expect(scope.sources.map((c) => c.id)).not.toContain(PROC_PARTY_LINK);
    const quantities = (id: string) => scope.sources.find((c) => c.id === id)?.quantities;
    // (before: { '': 1, … } each, the pallet opened counted as well)
    expect(quantities(FARM_PARTY_LINK)).toEqual({ KGM: 100 });
    expect(quantities(SUPPLIER_PARTY_LINK)).toEqual({ KGM: 50 });
  });

  it('a lot that arrives loose and on a pallet under one order is one flow', () => {
    const events = [
      origin(RAW, 100, 1, FARM),
      aggregate('ADD', PALLET, { childQuantityList: [kg(RAW, 60)] }, 1, 10, FARM),
      move('shipping', { quantityList: [kg(RAW, 40)] }, 2, '7'),
      move('shipping', { epcList: [PALLET] }, 2, '7'),
      move('receiving', { quantityList: [kg(RAW, 40)] }, 3, '7'),
      move('receiving', { epcList: [PALLET] }, 3, '7'),
      aggregate('DELETE', PALLET, {}, 3, 10, PROC),
      transform([kg(RAW, 100)], [kg(PRODUCT, 80)], 3),
    ];
    const farm = (list: readonly unknown[]) =>
      scopeOf(list).sources.find((c) => c.id === FARM_PARTY_LINK)?.quantities;
    // PO 7: shipped 40 + 60, received 40 + 60: 100 kg (before: 40, the pallet's 60 unseen; then
    // { KGM: 100, '': 1 }, the pallet opened counted as well)
    expect(farm(events)).toEqual({ KGM: 100 });
    // received in one event naming the loose 40 kg and the pallet: the lot as written (40), the
    // flow still the larger side, the 100 kg shipped
    const oneReceipt = move(
      'receiving',
      { quantityList: [kg(RAW, 40)], epcList: [PALLET] },
      3,
      '7',
    );
    expect(farm([...events.slice(0, 4), oneReceipt, ...events.slice(6)])).toEqual({ KGM: 100 });
  });

  it('not the pallets of what else was made of the ancestor', () => {
    const SIDE = 'urn:epc:class:lgtin:6921002.000201.SIDE1';
    const events = [
      // X makes L and a by-product of R, packs the by-product on Q and ships Q to a customer
      ...palletChain().slice(0, 5),
      transform([kg(RAW, 100)], [kg(PRODUCT, 80), kg(SIDE, 10)], 3),
      ...toCustomer(PALLET_Q, [kg(SIDE, 10)], 4),
    ];
    const scope = scopeOf(events);
    // the by-product's pallet is no ancestor's container: its trip (7) is not upstream
    expect(scope.upstream.some((m) => m.index === 7 || m.lot === PALLET_Q_LINK)).toBe(false);
    expect(scope.sources.map((c) => c.id)).not.toContain(PROC_PARTY_LINK);
  });
});

describe("recallScope counts the lot's own pallets upstream as a shipment naming it", () => {
  // X packs the 80 kg of L on pallet Q and ships Q to a customer (6–7)
  const shipped = toCustomer(PALLET_Q, [kg(PRODUCT, 80)], 4);

  it('its shipper is a source, as when the shipment names the lot', () => {
    const scope = scopeOf([...palletChain(), ...shipped]);
    expect(scope.sources.find((c) => c.id === PROC_PARTY_LINK)).toMatchObject({
      lots: [PALLET_Q_LINK, PRODUCT_LINK],
      // (before: { '': 1, KGM: 80 }, the pallet opened counted as well)
      quantities: { KGM: 80 },
      events: [7],
    });
    expect(scope.upstream.filter((m) => m.via === PALLET_Q_LINK)).toMatchObject([
      { lot: PRODUCT_LINK, kind: 'shipping', index: 7, quantity: 80, uom: 'KGM' },
    ]);
    // (named itself: the same party and kilograms, without the pallet)
    const loose = move('shipping', { quantityList: [kg(PRODUCT, 80)] }, 5, '9', X_TO_Y);
    expect(
      scopeOf([...palletChain(), loose]).sources.find((c) => c.id === PROC_PARTY_LINK),
    ).toMatchObject({ lots: [PRODUCT_LINK], quantities: { KGM: 80 }, events: [6] });
  });
});
