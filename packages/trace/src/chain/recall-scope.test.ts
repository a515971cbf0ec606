/**
 * What reached each recipient of a lot, counted once per flow whatever units, lines, missing
 * destination lists or input order the events come with (found in a regulator's review).
 */
import { describe, expect, it } from 'vitest';
import { buildLotGraph } from './lot-graph.js';
import { recallScope } from './recall-scope.js';

const LOT = 'urn:epc:class:lgtin:6921002.000201.PCH24001';
/** The same lot as a GS1 Digital Link (GTIN 06921002002011, check digit 1). */
const LOT_LINK = 'https://id.gs1.org/01/06921002002011/10/PCH24001';
const PLANT = 'urn:epc:id:sgln:6921002.00001.0';
const PLANT_PARTY = 'urn:epc:id:pgln:6921002.00000';
const SHOP = 'urn:epc:id:sgln:6921003.00001.0';
const SHOP_PARTY = 'urn:epc:id:pgln:6921003.00001';
/** The shop's party and place as recipients are named (PGLN and GLN check digits 6). */
const SHOP_PARTY_LINK = 'https://id.gs1.org/417/6921003000016';
const SHOP_LINK = 'https://id.gs1.org/414/6921003000016';

const at = (day: number) => `2025-05-0${day}T09:00:00.000+08:00`;
const made = (quantity = 1000) => ({
  type: 'ObjectEvent',
  action: 'ADD',
  bizStep: 'commissioning',
  eventTime: at(1),
  eventTimeZoneOffset: '+08:00',
  quantityList: [{ epcClass: LOT, quantity, uom: 'KGM' }],
  bizLocation: { id: PLANT },
});
const transfer = (
  step: 'shipping' | 'receiving',
  day: number,
  lines: readonly (readonly [number, string])[],
  pos: readonly string[],
  extra: Record<string, unknown> = {},
) => ({
  type: 'ObjectEvent',
  action: 'OBSERVE',
  bizStep: step,
  eventTime: at(day),
  eventTimeZoneOffset: '+08:00',
  quantityList: lines.map(([quantity, uom]) => ({ epcClass: LOT, quantity, uom })),
  ...(step === 'shipping' ? { readPoint: { id: PLANT } } : { bizLocation: { id: SHOP } }),
  bizTransactionList: pos.map((po) => ({ type: 'po', bizTransaction: `urn:example:po:${po}` })),
  sourceList: [
    { type: 'owning_party', source: PLANT_PARTY },
    { type: 'location', source: PLANT },
  ],
  destinationList: [
    { type: 'owning_party', destination: SHOP_PARTY },
    { type: 'location', destination: SHOP },
  ],
  ...extra,
});
const recipients = (events: readonly unknown[], lot = LOT) =>
  recallScope(buildLotGraph(events), lot).recipients.map((r) => [r.id, r.quantities]);

describe('recallScope counts each flow once', () => {
  it('a shipment in kilograms and its receipt in grams (written as a Digital Link) are one flow', () => {
    // before: { KGM: 100, GRM: 100000 }, 200 kg where 100 kg arrived
    const receipt = transfer('receiving', 3, [[100_000, 'GRM']], ['1']);
    receipt.quantityList = [{ epcClass: LOT_LINK, quantity: 100_000, uom: 'GRM' }];
    const events = [made(), transfer('shipping', 2, [[100, 'KGM']], ['1']), receipt];
    expect(recipients(events)).toEqual([[SHOP_PARTY_LINK, { KGM: 100 }]]);
    // the flow is shown in the first unit written, the larger side counting
    const more = [made(), transfer('shipping', 2, [[100, 'KGM']], ['1']), { ...receipt }];
    more[2] = { ...receipt, quantityList: [{ epcClass: LOT, quantity: 120_000, uom: 'GRM' }] };
    expect(recipients(more)).toEqual([[SHOP_PARTY_LINK, { KGM: 120 }]]);
  });

  it('a receipt that names no destinations is the recipient its shipment names', () => {
    // before: the party (417) and the place (414) each with 100 kg
    const events = [
      made(),
      transfer('shipping', 2, [[100, 'KGM']], ['1']),
      transfer('receiving', 3, [[100, 'KGM']], ['1'], { destinationList: undefined }),
    ];
    expect(recipients(events)).toEqual([[SHOP_PARTY_LINK, { KGM: 100 }]]);
    // without a shipment to say whose place it is, the place is the recipient
    expect(recipients([events[0], events[2]])).toEqual([[SHOP_LINK, { KGM: 100 }]]);
  });

  it('an event that names the lot on two quantity lines moves both', () => {
    // before: 100 kg (the first line only)
    const events = [
      made(),
      transfer(
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
      transfer('shipping', 2, [[100, 'KGM']], ['1']),
      transfer('shipping', 3, [[100, 'KGM']], ['2']),
      transfer('receiving', 4, [[200, 'KGM']], ['1', '2']),
    ];
    // before: 300 kg in the first order (the receipt's flow and PO2's apart), 200 in the second
    expect(recipients([o, s1, s2, r])).toEqual([[SHOP_PARTY_LINK, { KGM: 200 }]]);
    expect(recipients([o, r, s1, s2])).toEqual([[SHOP_PARTY_LINK, { KGM: 200 }]]);
    expect(recipients([o, s2, r, s1])).toEqual([[SHOP_PARTY_LINK, { KGM: 200 }]]);
  });

  it('sums of decimals read as written (0.1 + 0.2 kg is 0.3 kg)', () => {
    const events = [
      made(),
      transfer('shipping', 2, [[0.1, 'KGM']], ['1']),
      transfer('shipping', 3, [[0.2, 'KGM']], ['2']),
    ];
    expect(recipients(events)).toEqual([[SHOP_PARTY_LINK, { KGM: 0.3 }]]);
  });
});
