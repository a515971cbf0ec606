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
});
