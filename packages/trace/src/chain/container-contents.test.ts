import { describe, expect, it } from 'vitest';
import { ContainerContents } from './container-contents.js';
import { buildLotGraph } from './lot-graph.js';

const LOT = 'urn:epc:class:lgtin:6921002.000201.PCH24001';
const LOT_LINK = 'https://id.gs1.org/01/06921002002011/10/PCH24001';
const PALLET = 'urn:epc:id:sscc:6921002.0000000026';
const at = (hour: number) => `2025-05-02T${String(hour).padStart(2, '0')}:00:00.000+08:00`;
const ms = (hour: number) => Date.parse(at(hour));
const aggregate = (action: 'ADD' | 'DELETE', quantity: number, hour: number) => ({
  type: 'AggregationEvent',
  action,
  eventTime: at(hour),
  eventTimeZoneOffset: '+08:00',
  parentID: PALLET,
  childQuantityList: [{ epcClass: LOT, quantity, uom: 'KGM' }],
});

describe('ContainerContents', () => {
  const graph = buildLotGraph([
    aggregate('ADD', 60, 8),
    aggregate('DELETE', 20, 10),
    aggregate('ADD', 5, 12),
  ]);
  const pallet = graph.nodeOf(PALLET) as number;
  const kg = (contents: ContainerContents, hour: number) =>
    contents.carriedAt(pallet, ms(hour)).map((l) => [l.lot, l.quantity, l.uom]);

  it('gives what was on a container at a time, asked in any order', () => {
    const contents = new ContainerContents(graph, new Set([LOT_LINK]));
    // in time order (the cursor goes on), then back in time (it starts again)
    expect(kg(contents, 7)).toEqual([]);
    expect(kg(contents, 9)).toEqual([[LOT_LINK, 60, 'KGM']]);
    expect(kg(contents, 13)).toEqual([[LOT_LINK, 45, 'KGM']]);
    expect(kg(contents, 11)).toEqual([[LOT_LINK, 40, 'KGM']]);
    expect(kg(contents, 10)).toEqual([[LOT_LINK, 40, 'KGM']]);
    // a time that cannot be read: every packing, no unpacking
    expect(contents.carriedAt(pallet, Number.NaN)).toEqual([
      { lot: LOT_LINK, quantity: 65, uom: 'KGM' },
    ]);
  });

  it('counts only the lots it is given', () => {
    expect(new ContainerContents(graph, new Set()).carriedAt(pallet, ms(13))).toEqual([]);
  });

  it('counts a case once, when it is on the pallet and in a case on it (bad data)', () => {
    const CASE = 'urn:epc:id:sscc:6921002.0000000019';
    const OUTER = 'urn:epc:id:sscc:6921002.0000000033';
    const pack = (parent: string, children: object) => ({
      type: 'AggregationEvent',
      action: 'ADD',
      eventTime: at(8),
      eventTimeZoneOffset: '+08:00',
      parentID: parent,
      ...children,
    });
    const nested = buildLotGraph([
      pack(CASE, { childQuantityList: [{ epcClass: LOT, quantity: 10, uom: 'KGM' }] }),
      pack(OUTER, { childEPCs: [CASE] }),
      pack(PALLET, { childEPCs: [CASE, OUTER] }),
    ]);
    const contents = new ContainerContents(nested, new Set([LOT_LINK]));
    // 10 kg (before: 20, the case under the pallet and again under the outer case)
    expect(contents.carriedAt(nested.nodeOf(PALLET) as number, ms(9))).toEqual([
      { lot: LOT_LINK, quantity: 10, uom: 'KGM' },
    ]);
  });
});
