/**
 * What the recall scope counts inside containers, as the chain checks count it: a pallet opened
 * is packaging, a case on two pallets of one shipment counts once, and steps at a transfer's own
 * instant are ordered by place (a review of the recall scope against `packedHeld`).
 */
import { describe, expect, it } from 'vitest';
import {
  aggregate,
  CASE,
  LOT,
  LOT_LINK,
  origin,
  PALLET,
  PALLET_LINK,
  PLANT,
  SHOP,
  SHOP_PARTY_LINK,
  transfer,
} from './__fixtures__/recall-chain.js';
import { buildLotGraph } from './lot-graph.js';
import { recallScope } from './recall-scope.js';

/** More pallets and cases, and SSCCs as the scope names them (check digits worked out). */
const PALLET2 = 'urn:epc:id:sscc:6921002.0000000033';
const PALLET2_LINK = 'https://id.gs1.org/00/069210020000000338';
const CASE_LINK = 'https://id.gs1.org/00/069210020000000192';
const CASE2 = 'urn:epc:id:sscc:6921002.0000000040';

const made = origin(LOT, 1000, 1);
const kg = (quantity: number) => ({
  childQuantityList: [{ epcClass: LOT, quantity, uom: 'KGM' }],
});
const epcs = (...list: string[]) => ({ epcList: list });

const scopeOf = (events: readonly unknown[]) => recallScope(buildLotGraph(events), LOT);
/**
 * The movements `via` a container: [kind, event position, quantity, container], by event, then
 * by container (the SSCCs as written: case 1, pallet 1, pallet 2).
 */
const carried = (events: readonly unknown[]) =>
  scopeOf(events)
    .downstream.filter((m) => m.via !== undefined)
    .sort((a, b) => a.index - b.index || String(a.via).localeCompare(String(b.via)))
    .map((m) => [m.kind, m.index, m.quantity, m.via]);
const quantities = (events: readonly unknown[]) => scopeOf(events).recipients[0]?.quantities;

describe('recallScope counts an opened container as packaging', () => {
  it('a pallet that carried the lot adds nothing to `quantities`; one that carried none counts 1', () => {
    const events = [
      made,
      aggregate('ADD', PALLET, kg(60), 2, 8),
      // pallet 2 held 40 kg of the lot and was emptied (its window stays open): it carries none
      aggregate('ADD', PALLET2, kg(40), 2, 8),
      aggregate('DELETE', PALLET2, {}, 2, 10),
      transfer('shipping', epcs(PALLET, PALLET2), 3),
    ];
    const scope = scopeOf(events);
    // the 60 kg on pallet 1, and pallet 2 as named (before: { '': 2, KGM: 60 })
    expect(scope.recipients).toMatchObject([
      { id: SHOP_PARTY_LINK, quantities: { '': 1, KGM: 60 }, events: [4] },
    ]);
    expect([...(scope.recipients[0]?.lots ?? [])].sort()).toEqual(
      [PALLET_LINK, PALLET2_LINK, LOT_LINK].sort(),
    );
    // both pallets keep their movement, as written (1 each)
    expect(
      scope.downstream
        .filter((m) => m.kind === 'shipping')
        .map((m) => [m.lot, m.quantity, m.via ?? ''])
        .sort((a, b) => String(a).localeCompare(String(b))),
    ).toEqual([
      [PALLET_LINK, 1, ''],
      [PALLET2_LINK, 1, ''],
      [LOT_LINK, 60, PALLET_LINK],
    ]);
  });
});

describe('recallScope counts a case once per event', () => {
  // case C holds 10 kg of the lot; it is recorded on both pallets (bad data, but it happens)
  const onBoth = [
    made,
    aggregate('ADD', CASE, kg(10), 2, 7),
    aggregate('ADD', PALLET, { childEPCs: [CASE] }, 2, 8),
    aggregate('ADD', PALLET2, { childEPCs: [CASE] }, 2, 8),
  ];

  it('on two pallets one shipment names: under the first it names', () => {
    // before: 20 kg, the case under each pallet
    expect(quantities([...onBoth, transfer('shipping', epcs(PALLET, PALLET2), 3)])).toEqual({
      KGM: 10,
    });
    expect(carried([...onBoth, transfer('shipping', epcs(PALLET, PALLET2), 3)])).toEqual([
      ['shipping', 4, 10, PALLET_LINK],
    ]);
    expect(carried([...onBoth, transfer('shipping', epcs(PALLET2, PALLET), 3)])).toEqual([
      ['shipping', 4, 10, PALLET2_LINK],
    ]);
    // with 10 kg shipped loose under the same order: 10 + 10 (before: 30)
    const loose = transfer('shipping', { quantityList: kg(10).childQuantityList }, 3, { hour: 10 });
    expect(quantities([...onBoth, transfer('shipping', epcs(PALLET, PALLET2), 3), loose])).toEqual({
      KGM: 20,
    });
  });

  it('on one pallet twice, directly and inside another case: once', () => {
    const events = [
      made,
      aggregate('ADD', CASE, kg(10), 2, 7),
      aggregate('ADD', CASE2, { childEPCs: [CASE] }, 2, 7),
      aggregate('ADD', PALLET, { childEPCs: [CASE, CASE2] }, 2, 8),
      transfer('shipping', epcs(PALLET), 3),
    ];
    // before: 20 kg
    expect(carried(events)).toEqual([['shipping', 4, 10, PALLET_LINK]]);
  });
});

describe('recallScope orders steps at a transfer’s instant by place, as the chain checks do', () => {
  const packed = [made, aggregate('ADD', PALLET, kg(60), 2, 8)];
  const shipped = transfer('shipping', epcs(PALLET), 3);
  const received = transfer('receiving', epcs(PALLET), 4);

  it('unpacked at the receiver at the receipt’s instant: the receipt carries what was packed', () => {
    const unpackedAtShop = aggregate('DELETE', PALLET, {}, 4, 9, SHOP);
    const expected = [
      ['shipping', 2, 60, PALLET_LINK],
      ['receiving', 3, 60, PALLET_LINK],
    ];
    // before: the shipment only (the receipt saw the pallet emptied)
    expect(carried([...packed, shipped, received, unpackedAtShop])).toEqual(expected);
    // listed before the receipt: the same
    expect(carried([...packed, shipped, unpackedAtShop, received])).toEqual([
      ['shipping', 2, 60, PALLET_LINK],
      ['receiving', 4, 60, PALLET_LINK],
    ]);
    // without a place, an unpacking comes after a receipt too
    expect(
      carried([...packed, shipped, received, { ...unpackedAtShop, bizLocation: undefined }]),
    ).toEqual(expected);
  });

  it('packed again at the receiver at the receipt’s instant: not in what it received', () => {
    const topUp = aggregate('ADD', PALLET, kg(20), 4, 9, SHOP);
    // 60 kg arrived (before: 80, the packing after the receipt counted for it)
    expect(carried([...packed, shipped, received, topUp])).toEqual([
      ['shipping', 2, 60, PALLET_LINK],
      ['receiving', 3, 60, PALLET_LINK],
    ]);
  });

  it('unpacked at the sender at the shipment’s instant: the shipment carries nothing of it', () => {
    const emptied = aggregate('DELETE', PALLET, {}, 3, 9, PLANT);
    expect(carried([...packed, emptied, shipped])).toEqual([]);
    // the pallet, carrying none of the lot, counts as named
    expect(quantities([...packed, shipped, emptied])).toEqual({ '': 1 });
    // without a place, an unpacking comes before a shipment
    expect(carried([...packed, { ...emptied, bizLocation: undefined }, shipped])).toEqual([]);
    // (a packing there at that instant is shipped: 60 + 20)
    const topUp = aggregate('ADD', PALLET, kg(20), 3, 9, PLANT);
    expect(carried([...packed, shipped, topUp])).toEqual([['shipping', 2, 80, PALLET_LINK]]);
  });
});

describe('recallScope finds which named container is inside another, upwards', () => {
  // case C (25 kg) on pallet 1; 30 kg of the lot on pallet 2
  const base = [
    made,
    aggregate('ADD', CASE, kg(25), 2, 7),
    aggregate('ADD', PALLET, { childEPCs: [CASE] }, 2, 8),
    aggregate('ADD', PALLET2, kg(30), 2, 8),
  ];

  it('a case named with its pallet counts within the pallet only', () => {
    const events = [...base, transfer('shipping', epcs(CASE, PALLET), 3)];
    expect(carried(events)).toEqual([['shipping', 4, 25, PALLET_LINK]]);
    expect(quantities(events)).toEqual({ KGM: 25 });
  });

  it('a case named with a pallet it is not on counts on its own', () => {
    const events = [...base, transfer('shipping', epcs(CASE, PALLET2), 3)];
    expect(carried(events)).toEqual([
      ['shipping', 4, 25, CASE_LINK],
      ['shipping', 4, 30, PALLET2_LINK],
    ]);
    expect(quantities(events)).toEqual({ KGM: 55 });
  });

  it('a pallet named with a case unpacked from it before counts without it', () => {
    const events = [
      ...base,
      aggregate('ADD', PALLET, kg(30), 2, 8),
      aggregate('DELETE', PALLET, { childEPCs: [CASE] }, 2, 12),
      transfer('shipping', epcs(PALLET, CASE), 3),
    ];
    expect(carried(events)).toEqual([
      ['shipping', 6, 25, CASE_LINK],
      ['shipping', 6, 30, PALLET_LINK],
    ]);
    expect(quantities(events)).toEqual({ KGM: 55 });
  });

  it('of a case and a pallet inside each other (bad data), the first named is the outermost', () => {
    const events = [
      ...base,
      aggregate('ADD', CASE, { childEPCs: [PALLET] }, 2, 9),
      transfer('shipping', epcs(PALLET, CASE), 3),
    ];
    // the 25 kg once, via the pallet (before: nothing, each inside the other)
    expect(carried(events)).toEqual([['shipping', 5, 25, PALLET_LINK]]);
  });
});
