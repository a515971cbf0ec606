/**
 * A recall scope does not depend on the order the events are listed in, nor on whether the graph
 * was built at once or by the real-time index: random packings of cases and pallets, unpackings,
 * shipments and receipts (many at one instant, to exercise the same-instant order by place, a
 * case on two pallets, a case named beside its pallet) give the same contacts and totals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, LOT, origin, PLANT, SHOP, transfer } from './__fixtures__/recall-chain.js';
import { buildLotGraph } from './lot-graph.js';
import { type RecallContact, recallScope } from './recall-scope.js';
import { createTraceIndex } from './trace-index.js';

const sscc = (serial: number) => `urn:epc:id:sscc:6921002.${String(serial).padStart(10, '0')}`;
const CASES = [sscc(101), sscc(102), sscc(103)];
const PALLETS = [sscc(201), sscc(202)];

const day = fc.integer({ min: 2, max: 4 });
const hour = fc.constantFrom(8, 9);
const place = fc.constantFrom(PLANT, SHOP);
const step = fc.oneof(
  // a case packed with some of the lot
  fc
    .record({ c: fc.nat(2), kg: fc.integer({ min: 1, max: 50 }), day, hour, place })
    .map(({ c, kg, day, hour, place }) =>
      aggregate(
        'ADD',
        CASES[c] as string,
        { childQuantityList: [{ epcClass: LOT, quantity: kg, uom: 'KGM' }] },
        day,
        hour,
        place,
      ),
    ),
  // a case packed onto a pallet
  fc
    .record({ c: fc.nat(2), p: fc.nat(1), day, hour, place })
    .map(({ c, p, day, hour, place }) =>
      aggregate('ADD', PALLETS[p] as string, { childEPCs: [CASES[c]] }, day, hour, place),
    ),
  // a pallet unpacked, of everything or of one case
  fc
    .record({ p: fc.nat(1), c: fc.option(fc.nat(2), { nil: undefined }), day, hour, place })
    .map(({ p, c, day, hour, place }) =>
      aggregate(
        'DELETE',
        PALLETS[p] as string,
        c === undefined ? {} : { childEPCs: [CASES[c]] },
        day,
        hour,
        place,
      ),
    ),
  // a shipment or receipt of some containers (and some loose lot), under order 1 or 2
  fc
    .record({
      receipt: fc.boolean(),
      named: fc.subarray([...PALLETS, ...CASES], { minLength: 1 }),
      loose: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
      day,
      hour,
      po: fc.constantFrom('1', '2'),
    })
    .map(({ receipt, named, loose, day, hour, po }) =>
      transfer(
        receipt ? 'receiving' : 'shipping',
        {
          epcList: named,
          ...(loose === undefined
            ? {}
            : { quantityList: [{ epcClass: LOT, quantity: loose, uom: 'KGM' }] }),
        },
        day,
        { hour, pos: [po] },
      ),
    ),
);

/** The contacts with their lots and totals, in one order. */
const contacts = (list: readonly RecallContact[]) =>
  list
    .map((c) => ({ id: c.id, lots: [...c.lots].sort(), quantities: c.quantities }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('recallScope, whatever the order of the events', () => {
  it('gives the same sources, recipients and totals, from a graph or from the index', () => {
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 10 }),
        fc.infiniteStream(fc.nat()),
        (steps, draws) => {
          const events = [origin(LOT, 1000, 1), ...steps];
          const shuffled = [...events];
          for (let i = shuffled.length - 1; i > 0; i -= 1) {
            const j = (draws.next().value as number) % (i + 1);
            [shuffled[i], shuffled[j]] = [
              shuffled[j] as Record<string, unknown>,
              shuffled[i] as Record<string, unknown>,
            ];
          }
          const expected = recallScope(buildLotGraph(events), LOT);
          const index = createTraceIndex();
          for (const e of shuffled) index.add(e);
          for (const scope of [recallScope(buildLotGraph(shuffled), LOT), index.recallScope(LOT)]) {
            expect(contacts(scope.recipients)).toEqual(contacts(expected.recipients));
            expect(contacts(scope.sources)).toEqual(contacts(expected.sources));
          }
        },
      ),
      { numRuns: 300, seed: 20261201 },
    );
  }, 60_000);
});
