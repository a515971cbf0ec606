/**
 * What reached each recipient of a lot, counted once per flow whatever units, lines, missing
 * destination lists or input order the events come with (found in a regulator's review).
 */
import { describe, expect, it } from 'vitest';
import {
  aggregate,
  CASE,
  LOT,
  LOT_LINK,
  OTHER,
  on,
  origin,
  PALLET,
  PALLET_LINK,
  PLANT,
  PLANT_PARTY,
  SHOP,
  SHOP_LINK,
  SHOP_PARTY,
  SHOP_PARTY_LINK,
  transfer,
} from './__fixtures__/recall-chain.js';
import { buildLotGraph } from './lot-graph.js';
import { recallScope } from './recall-scope.js';
import { createTraceIndex } from './trace-index.js';

/** `quantity` KGM of the lot made at the plant on the 1st, at 9:00. */
const made = (quantity = 1000) => origin(LOT, quantity, 1, PLANT, 9);
/**
 * A shipment or receipt of the lot on quantity lines `lines` ([quantity, unit]) under orders
 * `pos`, with `extra`'s members.
 */
const lotTransfer = (
  step: 'shipping' | 'receiving',
  day: number,
  lines: readonly (readonly [number, string])[],
  pos: readonly string[],
  extra: Record<string, unknown> = {},
) => ({
  ...transfer(
    step,
    { quantityList: lines.map(([quantity, uom]) => ({ epcClass: LOT, quantity, uom })) },
    day,
    { pos },
  ),
  ...extra,
});
/** The children of a packing or unpacking: [lot, quantity in KGM (none: not written)] each. */
const lines = (...items: readonly (readonly [string, number?])[]) => ({
  childQuantityList: items.map(([epcClass, quantity]) => ({
    epcClass,
    ...(quantity === undefined ? {} : { quantity, uom: 'KGM' }),
  })),
});
const recipients = (events: readonly unknown[], lot = LOT) =>
  recallScope(buildLotGraph(events), lot).recipients.map((r) => [r.id, r.quantities]);

describe('recallScope counts each flow once', () => {
  it('a shipment in kilograms and its receipt in grams (written as a Digital Link) are one flow', () => {
    // before: { KGM: 100, GRM: 100000 }, 200 kg where 100 kg arrived
    const receipt = lotTransfer('receiving', 3, [[100_000, 'GRM']], ['1']);
    receipt.quantityList = [{ epcClass: LOT_LINK, quantity: 100_000, uom: 'GRM' }];
    const events = [made(), lotTransfer('shipping', 2, [[100, 'KGM']], ['1']), receipt];
    expect(recipients(events)).toEqual([[SHOP_PARTY_LINK, { KGM: 100 }]]);
    // the flow is shown in the first unit written, the larger side counting
    const more = [made(), lotTransfer('shipping', 2, [[100, 'KGM']], ['1']), { ...receipt }];
    more[2] = { ...receipt, quantityList: [{ epcClass: LOT, quantity: 120_000, uom: 'GRM' }] };
    expect(recipients(more)).toEqual([[SHOP_PARTY_LINK, { KGM: 120 }]]);
  });

  it('a receipt that names no destinations is the recipient its shipment names', () => {
    // before: the party (417) and the place (414) each with 100 kg
    const events = [
      made(),
      lotTransfer('shipping', 2, [[100, 'KGM']], ['1']),
      lotTransfer('receiving', 3, [[100, 'KGM']], ['1'], { destinationList: undefined }),
    ];
    expect(recipients(events)).toEqual([[SHOP_PARTY_LINK, { KGM: 100 }]]);
    // without a shipment to say whose place it is, the place is the recipient
    expect(recipients([events[0], events[2]])).toEqual([[SHOP_LINK, { KGM: 100 }]]);
    // a shipment that names the buyer only (no place): the one party of its order (second review)
    const partyOnly = {
      ...events[1],
      destinationList: [{ type: 'owning_party', destination: SHOP_PARTY }],
    };
    expect(recipients([events[0], partyOnly, events[2]])).toEqual([
      [SHOP_PARTY_LINK, { KGM: 100 }],
    ]);
    // under two orders, a shipment naming the place wins over one naming only a party, in any
    // order of the receipt's transactions (third review)
    const OTHER_PARTY = 'urn:epc:id:pgln:6921004.00001';
    const toOther = {
      ...lotTransfer('shipping', 2, [[60, 'KGM']], ['1']),
      destinationList: [{ type: 'owning_party', destination: OTHER_PARTY }],
    };
    const toShop = lotTransfer('shipping', 2, [[40, 'KGM']], ['2']);
    for (const pos of [
      ['1', '2'],
      ['2', '1'],
    ]) {
      const both = lotTransfer('receiving', 3, [[40, 'KGM']], pos, { destinationList: undefined });
      const to = recallScope(
        buildLotGraph([events[0], toOther, toShop, both]),
        LOT,
      ).recipients.find((r) => r.events.includes(3));
      expect([pos, to?.id]).toEqual([pos, SHOP_PARTY_LINK]);
    }
  });

  it('an event that names the lot on two quantity lines moves both', () => {
    // before: 100 kg (the first line only)
    const events = [
      made(),
      lotTransfer(
        'shipping',
        2,
        [
          [100, 'KGM'],
          [50, 'KGM'],
        ],
        ['1'],
      ),
    ];
    expect(recipients(events)).toEqual([[SHOP_PARTY_LINK, { KGM: 150 }]]);
    expect(
      recallScope(buildLotGraph(events), LOT)
        .downstream.filter((m) => m.kind === 'shipping')
        .map((m) => m.quantity),
    ).toEqual([100, 50]);
  });

  it('a receipt under two orders joins their flows, in any input order', () => {
    // two trucks of 100 kg (PO1, PO2), received together as 200 kg under both orders
    const [o, s1, s2, r] = [
      made(),
      lotTransfer('shipping', 2, [[100, 'KGM']], ['1']),
      lotTransfer('shipping', 3, [[100, 'KGM']], ['2']),
      lotTransfer('receiving', 4, [[200, 'KGM']], ['1', '2']),
    ];
    // before: 300 kg in the first order (the receipt's flow and PO2's apart), 200 in the second
    expect(recipients([o, s1, s2, r])).toEqual([[SHOP_PARTY_LINK, { KGM: 200 }]]);
    expect(recipients([o, r, s1, s2])).toEqual([[SHOP_PARTY_LINK, { KGM: 200 }]]);
    expect(recipients([o, s2, r, s1])).toEqual([[SHOP_PARTY_LINK, { KGM: 200 }]]);
  });

  it('sums of decimals read as written (0.1 + 0.2 kg is 0.3 kg)', () => {
    const events = [
      made(),
      lotTransfer('shipping', 2, [[0.1, 'KGM']], ['1']),
      lotTransfer('shipping', 3, [[0.2, 'KGM']], ['2']),
    ];
    expect(recipients(events)).toEqual([[SHOP_PARTY_LINK, { KGM: 0.3 }]]);
  });
});

describe('recallScope follows a container only while it held the lot', () => {
  // a returnable crate (GRAI) carries lot OLD to one buyer, then the recalled lot to another
  const CRATE = 'urn:epc:id:grai:6921002.00001.77';
  const OLD = 'urn:epc:class:lgtin:6921002.000201.OLD01';
  const buyer = (n: number) => `urn:epc:id:pgln:693000${n}.00001`;
  const buyerLink = (n: number, check: number) => `https://id.gs1.org/417/693000${n}00001${check}`;
  const shipTo = (what: string, n: number, day: number) => ({
    type: 'ObjectEvent',
    action: 'OBSERVE',
    bizStep: 'shipping',
    eventTime: on(day, 11),
    eventTimeZoneOffset: '+08:00',
    epcList: [what],
    readPoint: { id: PLANT },
    destinationList: [{ type: 'owning_party', destination: buyer(n) }],
  });
  const recipientsOf = (events: readonly unknown[]) =>
    recallScope(buildLotGraph(events), LOT).recipients.map((r) => r.id);

  it('not to whom it carried other goods before the lot was packed on it', () => {
    const events = [
      origin(OLD, 100, 1),
      aggregate('ADD', CRATE, lines([OLD, 100]), 1, 10),
      shipTo(CRATE, 5, 1),
      origin(LOT, 100, 10),
      aggregate('ADD', CRATE, lines([LOT, 100]), 10, 10),
      shipTo(CRATE, 3, 10),
    ];
    // before: buyer 5 too, who got the crate on 1 May, nine days before the lot existed
    expect(recipientsOf(events)).toEqual([buyerLink(3, 8)]);
  });

  it('not after an unpacking took everything off, but still after one that took part of it', () => {
    const base = [
      origin(LOT, 100, 10),
      aggregate('ADD', CRATE, lines([LOT, 100]), 10, 10),
      shipTo(CRATE, 3, 10),
    ];
    const reused = [
      origin(OLD, 100, 12),
      aggregate('ADD', CRATE, lines([OLD, 100]), 12, 10),
      shipTo(CRATE, 6, 12),
    ];
    // emptied on the 11th (an unpacking naming no children): the crate's trip on the 12th is not the lot's
    expect(recipientsOf([...base, aggregate('DELETE', CRATE, {}, 11, 9), ...reused])).toEqual([
      buyerLink(3, 8),
    ]);
    // 40 kg taken off: some of the lot may still be on (the safe side)
    expect(
      recipientsOf([...base, aggregate('DELETE', CRATE, lines([LOT, 40]), 11, 9), ...reused]),
    ).toEqual([buyerLink(3, 8), buyerLink(6, 5)]);
  });

  it('keeps the window open on the safe side (second review)', () => {
    const packed = [origin(LOT, 100, 5), aggregate('ADD', CRATE, lines([LOT, 100]), 5, 10)];
    // emptied at the very instant the lot was packed: which came first is not known
    const sameInstant = [
      origin(OLD, 100, 1),
      aggregate('ADD', CRATE, lines([OLD, 100]), 1, 10),
      aggregate('DELETE', CRATE, {}, 5, 10),
      ...packed,
      shipTo(CRATE, 3, 5),
    ];
    expect(recipientsOf(sameInstant)).toEqual([buyerLink(3, 8)]);
    // the receipt of the crate posted after the recipient unpacked it: still the lot's recipient
    const receipt = {
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'receiving',
      eventTime: on(6, 15),
      eventTimeZoneOffset: '+08:00',
      epcList: [CRATE],
      bizLocation: { id: SHOP },
      destinationList: [{ type: 'owning_party', destination: buyer(6) }],
    };
    expect(recipientsOf([...packed, aggregate('DELETE', CRATE, {}, 6, 9), receipt])).toEqual([
      buyerLink(6, 5),
    ]);
    // an unpacking whose children cannot be read (a misspelt key) does not empty the crate
    const misspelt = aggregate('DELETE', CRATE, { childQuantityList: [{ epcclass: OLD }] }, 6, 9);
    const reused = [aggregate('ADD', CRATE, lines([OLD, 10]), 6, 10), shipTo(CRATE, 3, 6)];
    expect(recipientsOf([...packed, misspelt, ...reused])).toEqual([buyerLink(3, 8)]);
    // (emptied for real, then packed again: the crate's next trip is not the lot's)
    expect(recipientsOf([...packed, aggregate('DELETE', CRATE, {}, 6, 9), ...reused])).toEqual([]);
  });

  it('a packing whose time cannot be read is no later than any unpacking (third review)', () => {
    const events = [
      origin(OLD, 100, 1),
      aggregate('ADD', CRATE, lines([OLD, 100]), 1, 10),
      aggregate('DELETE', CRATE, {}, 5, 10),
      aggregate('ADD', CRATE, lines([OLD, 100]), 6, 10),
      origin(LOT, 100, 7),
      { ...aggregate('ADD', CRATE, lines([LOT, 100]), 7, 10), eventTime: 'not a time' },
      shipTo(CRATE, 3, 10),
    ];
    // before: no recipient (the emptying on the 5th and the packing on the 6th closed the window)
    expect(recipientsOf(events)).toContain(buyerLink(3, 8));
  });

  it("through a case on a pallet, within the case's window", () => {
    const events = [
      // the pallet went to buyer 5 on the 1st with other goods, then took the case on the 10th
      origin(OLD, 100, 1),
      aggregate('ADD', PALLET, lines([OLD, 100]), 1, 10),
      shipTo(PALLET, 5, 1),
      origin(LOT, 100, 10),
      aggregate('ADD', CASE, lines([LOT, 100]), 10, 9),
      aggregate('ADD', PALLET, { childEPCs: [CASE] }, 10, 10),
      shipTo(PALLET, 3, 10),
    ];
    expect(recipientsOf(events)).toEqual([buyerLink(3, 8)]);
  });
});

describe('recallScope gives what reached a recipient inside a container', () => {
  /** A transfer of the pallet alone (no quantity line of the lot). */
  const palletTransfer = (step: 'shipping' | 'receiving', day: number, po: string, extra = {}) => ({
    ...transfer(step, {}, day, { pos: [po] }),
    ...extra,
    epcList: [PALLET],
  });
  const scopeOf = (events: readonly unknown[]) => recallScope(buildLotGraph(events), LOT);

  it('the quantity of the lot its packing recorded, one flow for the shipment and its receipt', () => {
    const scope = scopeOf([
      made(100),
      aggregate('ADD', PALLET, lines([LOT, 60]), 2),
      palletTransfer('shipping', 3, 'P1'),
      palletTransfer('receiving', 4, 'P1'),
    ]);
    // before: { '': 1 } only (one pallet), lots [PALLET] — nothing said how much of the lot;
    // then { '': 1, KGM: 60 }: the pallet opened is packaging, its own 1 counts no more
    expect(scope.recipients).toMatchObject([
      { id: SHOP_PARTY_LINK, lots: [PALLET_LINK, LOT_LINK], quantities: { KGM: 60 } },
    ]);
    expect(scope.downstream.filter((m) => m.via !== undefined)).toMatchObject([
      { lot: LOT_LINK, kind: 'shipping', quantity: 60, uom: 'KGM', via: PALLET_LINK, index: 2 },
      { lot: LOT_LINK, kind: 'receiving', quantity: 60, uom: 'KGM', via: PALLET_LINK, index: 3 },
    ]);
  });

  it('what was on it when it moved: top-ups before, less what unpackings took off', () => {
    const events = [
      made(100),
      aggregate('ADD', PALLET, lines([LOT, 60], [OTHER, 5]), 2),
      aggregate('DELETE', PALLET, lines([LOT, 20]), 3),
      palletTransfer('shipping', 3, 'P1'),
      aggregate('ADD', PALLET, lines([LOT, 30]), 4),
      palletTransfer('shipping', 5, 'P2', {
        destinationList: [{ type: 'owning_party', destination: PLANT_PARTY }],
      }),
    ];
    // P1 left with 60 − 20 = 40 kg of the lot (the other lot is not counted); P2 after 30 more
    expect(scopeOf(events).recipients.map((r) => [r.id, r.quantities.KGM])).toEqual([
      [SHOP_PARTY_LINK, 40],
      ['https://id.gs1.org/417/6921002000000', 70],
    ]);
  });

  it('on the safe side when the order of packing and unpacking is not known', () => {
    const quantityShipped = (...steps: readonly object[]) =>
      scopeOf([made(100), ...steps, palletTransfer('shipping', 3, 'P1')]).recipients[0]?.quantities
        .KGM;
    const packed = aggregate('ADD', PALLET, lines([LOT, 60]), 2);
    // an unpacking at the packing's own instant takes none of it off
    expect(quantityShipped(packed, aggregate('DELETE', PALLET, lines([LOT, 20]), 2))).toBe(60);
    // one whose time cannot be read takes nothing off; a packing whose time cannot be read counts
    const unread = (e: object) => ({ ...e, eventTime: 'not a time' });
    expect(quantityShipped(packed, unread(aggregate('DELETE', PALLET, {}, 3)))).toBe(60);
    expect(quantityShipped(unread(packed))).toBe(60);
    // (read in order: 40)
    expect(quantityShipped(packed, aggregate('DELETE', PALLET, lines([LOT, 20]), 3))).toBe(40);
  });

  it('through a case on the pallet; nothing once the pallet was emptied', () => {
    const inCase = [
      made(100),
      aggregate('ADD', CASE, lines([LOT, 25]), 2),
      aggregate('ADD', PALLET, { childEPCs: [CASE] }, 2),
    ];
    // (before: { '': 1, KGM: 25 }, the pallet opened counted as well)
    expect(
      scopeOf([...inCase, palletTransfer('shipping', 3, 'P1')]).recipients[0]?.quantities,
    ).toEqual({ KGM: 25 });
    // the case taken off the pallet before it left: the pallet carried none of the lot
    const caseOff = aggregate('DELETE', PALLET, { childEPCs: [CASE] }, 3);
    expect(
      scopeOf([...inCase, { ...caseOff, eventTime: '2025-05-02T20:00:00.000+08:00' }]).recipients,
    ).toEqual([]);
    const emptied = aggregate('DELETE', PALLET, {}, 3);
    const shipped = palletTransfer('shipping', 4, 'P1');
    // emptied, then shipped: the shipment is still listed (the pallet's window stays open until
    // it is packed again) but carried none of the lot: not opened, the pallet counts as named
    expect(scopeOf([...inCase, emptied, shipped]).recipients[0]?.quantities).toEqual({ '': 1 });
  });

  it('counts a lot the event names itself once, as written', () => {
    const both = {
      ...palletTransfer('shipping', 3, 'P1'),
      quantityList: [{ epcClass: LOT, quantity: 55, uom: 'KGM' }],
    };
    const scope = scopeOf([made(100), aggregate('ADD', PALLET, lines([LOT, 60]), 2), both]);
    // (before: { '': 1, KGM: 55 }: the pallet carried the lot, so it is packaging)
    expect(scope.recipients[0]?.quantities).toEqual({ KGM: 55 });
    expect(scope.downstream.some((m) => m.via !== undefined)).toBe(false);
  });

  it('a line without a quantity lists the lot with none; a cycle of containers ends', () => {
    const scope = scopeOf([
      made(100),
      aggregate('ADD', PALLET, lines([LOT]), 2),
      palletTransfer('shipping', 3, 'P1'),
    ]);
    // (before: { '': 1 }: the pallet carried the lot, so it is packaging, counted in no total)
    expect(scope.recipients[0]).toMatchObject({
      lots: [PALLET_LINK, LOT_LINK],
      quantities: {},
    });
    // bad data: the case on the pallet and the pallet in the case
    const cycle = scopeOf([
      made(100),
      aggregate('ADD', CASE, lines([LOT, 10]), 2),
      aggregate('ADD', PALLET, { childEPCs: [CASE] }, 2),
      aggregate('ADD', CASE, { childEPCs: [PALLET] }, 2),
      palletTransfer('shipping', 3, 'P1'),
    ]);
    // (before: { '': 1, KGM: 10 }, the pallet opened counted as well)
    expect(cycle.recipients[0]?.quantities).toEqual({ KGM: 10 });
  });

  /** An AggregationEvent that ships (ADD) or receives (DELETE) the pallet under order `po`. */
  const palletStep = (action: 'ADD' | 'DELETE', children: object, day: number, po: string) => {
    const { sourceList, destinationList, bizTransactionList } = transfer('shipping', {}, day, {
      pos: [po],
    });
    return {
      ...aggregate(action, PALLET, children, day),
      sourceList,
      destinationList,
      bizTransactionList,
      bizStep: action === 'ADD' ? 'shipping' : 'receiving',
    };
  };
  const kg = (events: readonly unknown[]) => scopeOf(events).recipients[0]?.quantities.KGM;

  it('a shipping ADD ships what was on the pallet besides what it packs (review)', () => {
    // 40 kg on the pallet, then a shipping ADD of 20 kg more: 40 + 20 = 60 left (before: 20,
    // the lot named by the ADD hid what was on the pallet already)
    const topUp = palletStep('ADD', lines([LOT, 20]), 3, 'P1');
    expect(kg([made(100), aggregate('ADD', PALLET, lines([LOT, 40]), 2), topUp])).toBe(60);
    // a shipping ADD that packs a case of 25 kg: 25 kg once (before: 50, via the case it names
    // and again via the pallet it packed the case onto)
    const withCase = palletStep('ADD', { childEPCs: [CASE] }, 3, 'P1');
    expect(kg([made(100), aggregate('ADD', CASE, lines([LOT, 25]), 2), withCase])).toBe(25);
  });

  it('a receiving DELETE receives the whole pallet (review)', () => {
    const packed = aggregate('ADD', PALLET, lines([LOT, 60]), 2);
    // it takes 20 kg off: 20 named + the 40 left on the pallet = 60 arrived (before: 20)
    expect(kg([made(100), packed, palletStep('DELETE', lines([LOT, 20]), 3, 'P1')])).toBe(60);
    // it names the lot without a quantity, or no children (empties the pallet): 60 arrived
    // (before: nothing of the lot)
    expect(kg([made(100), packed, palletStep('DELETE', lines([LOT]), 3, 'P1')])).toBe(60);
    expect(kg([made(100), packed, palletStep('DELETE', {}, 3, 'P1')])).toBe(60);
  });

  it('a case the event names beside its pallet counts once, via the pallet (review)', () => {
    const events = [
      made(100),
      aggregate('ADD', CASE, lines([LOT, 25]), 2),
      aggregate('ADD', PALLET, { childEPCs: [CASE] }, 2),
      { ...palletTransfer('shipping', 3, 'P1'), epcList: [CASE, PALLET] },
    ];
    // before: 50 (25 via the case, 25 again via the pallet)
    expect(kg(events)).toBe(25);
    expect(scopeOf(events).downstream.filter((m) => m.via !== undefined)).toMatchObject([
      { lot: LOT_LINK, quantity: 25, via: PALLET_LINK },
    ]);
  });

  it('cases of one lot on a pallet are summed; grams come off kilograms (review)', () => {
    const CASE2 = 'urn:epc:id:sscc:6921002.0000000033';
    const cases = scopeOf([
      made(100),
      aggregate('ADD', CASE, lines([LOT, 10]), 2),
      aggregate('ADD', CASE2, lines([LOT, 15]), 2),
      aggregate('ADD', PALLET, { childEPCs: [CASE, CASE2] }, 2),
      palletTransfer('shipping', 3, 'P1'),
    ]);
    // one movement of 10 + 15 = 25 kg (before: one per case, a line per case and shipment)
    expect(cases.downstream.filter((m) => m.via !== undefined).map((m) => m.quantity)).toEqual([
      25,
    ]);
    const grams = (q: number) => ({
      childQuantityList: [{ epcClass: LOT, quantity: q, uom: 'GRM' }],
    });
    // 60 kg + 500 g packed, 20 000 g taken off: 60.5 − 20 = 40.5 kg (before: 60, the 20 kg in
    // grams came off the 500 g line only)
    const mixed = [
      made(100),
      aggregate('ADD', PALLET, { childQuantityList: [...lines([LOT, 60]).childQuantityList] }, 2),
      aggregate('ADD', PALLET, grams(500), 2),
      {
        ...aggregate('DELETE', PALLET, grams(20_000), 2),
        eventTime: '2025-05-02T10:00:00.000+08:00',
      },
      palletTransfer('shipping', 3, 'P1'),
    ];
    expect(kg(mixed)).toBe(40.5);
  });

  it('an instance made from the lot counts 1 on the pallet, as named itself (review)', () => {
    const ITEM = 'urn:epc:id:sgtin:6921002.000201.1';
    const scope = scopeOf([
      made(100),
      {
        type: 'TransformationEvent',
        eventTime: '2025-05-02T07:00:00.000+08:00',
        eventTimeZoneOffset: '+08:00',
        inputQuantityList: [{ epcClass: LOT, quantity: 100, uom: 'KGM' }],
        outputEPCList: [ITEM],
        bizLocation: { id: PLANT },
      },
      aggregate('ADD', PALLET, { childEPCs: [ITEM] }, 2),
      palletTransfer('shipping', 3, 'P1'),
    ]);
    // the item 1 (first: 1, the item listed without a quantity; then 2, the pallet 1 + the item
    // 1 — the pallet opened is packaging, not product)
    expect(scope.recipients[0]?.quantities).toEqual({ '': 1 });
  });

  it('the same from the real-time index', () => {
    const index = createTraceIndex();
    for (const e of [
      made(100),
      aggregate('ADD', PALLET, lines([LOT, 60]), 2),
      palletTransfer('shipping', 3, 'P1'),
      palletTransfer('receiving', 4, 'P1'),
    ])
      index.add(e);
    // (before: { '': 1, KGM: 60 }, the pallet opened counted as well)
    expect(index.recallScope(LOT).recipients.map((r) => [r.id, r.quantities])).toEqual([
      [SHOP_PARTY_LINK, { KGM: 60 }],
    ]);
  });
});

describe('recallScope of events naming many objects', () => {
  // a shipment naming 20 other lots and the recalled one on two quantity lines (5 and 7 kg)
  const others = Array.from(
    { length: 20 },
    (_, i) => `urn:epc:class:lgtin:6921002.000201.OTHER${String(i).padStart(2, '0')}`,
  );
  const shipment = {
    type: 'ObjectEvent',
    action: 'OBSERVE',
    bizStep: 'shipping',
    eventTime: on(2),
    eventTimeZoneOffset: '+08:00',
    quantityList: [
      ...others.slice(0, 10).map((epcClass) => ({ epcClass, quantity: 1, uom: 'KGM' })),
      { epcClass: LOT, quantity: 5, uom: 'KGM' },
      ...others.slice(10).map((epcClass) => ({ epcClass, quantity: 1, uom: 'KGM' })),
      { epcClass: LOT, quantity: 7, uom: 'KGM' },
    ],
    readPoint: { id: PLANT },
    destinationList: [{ type: 'owning_party', destination: SHOP_PARTY }],
  };

  it('moves each line of the lot, in order, and no other lot', () => {
    const scope = recallScope(buildLotGraph([made(), shipment]), LOT);
    expect(
      scope.downstream.filter((m) => m.kind === 'shipping').map((m) => [m.lot, m.quantity, m.to]),
    ).toEqual([
      [LOT_LINK, 5, SHOP_PARTY_LINK],
      [LOT_LINK, 7, SHOP_PARTY_LINK],
    ]);
    expect(scope.recipients.map((r) => [r.id, r.quantities])).toEqual([
      [SHOP_PARTY_LINK, { KGM: 12 }],
    ]);
  });

  it('leaves the graph giving fresh summaries afterwards', () => {
    const graph = buildLotGraph([made(), shipment]);
    recallScope(graph, LOT);
    const [a, b] = [graph.event(1), graph.event(1)];
    expect(a).not.toBe(b);
    expect(Object.isFrozen(a)).toBe(false);
    expect(a).toEqual(b);
  });
});
