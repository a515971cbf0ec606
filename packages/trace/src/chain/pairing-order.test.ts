/**
 * Receipts paired with shipments at `finalize()` do not depend on the order the real-time index
 * received the events in: random orders of trucks and (split) deliveries under one or two orders,
 * some joined by a despatch advice, give validateChain's one-step findings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTraceIndex } from './trace-index.js';
import { validateChain } from './validate-chain.js';

const LOT = 'urn:epc:class:lgtin:6921001.000102.A1';
const A = 'urn:epc:id:sgln:6921001.00001.0';
const B = 'urn:epc:id:sgln:6921001.00002.0';
const tx = (name: string) => `urn:epcglobal:cbv:bt:6921001000018:${name}`;
const at = (minute: number) =>
  `2024-01-02T${String(8 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+08:00`;

const made = {
  type: 'ObjectEvent',
  action: 'ADD',
  bizStep: 'commissioning',
  eventTime: '2024-01-01T08:00:00+08:00',
  eventTimeZoneOffset: '+08:00',
  quantityList: [{ epcClass: LOT, quantity: 10_000, uom: 'KGM' }],
  bizLocation: { id: A },
};

interface Move {
  readonly receipt: boolean;
  readonly minute: number;
  readonly kg: number;
  readonly txs: readonly string[];
}

const transfer = ({ receipt, minute, kg, txs }: Move) => ({
  type: 'ObjectEvent',
  action: 'OBSERVE',
  bizStep: receipt ? 'receiving' : 'shipping',
  eventTime: at(minute),
  eventTimeZoneOffset: '+08:00',
  quantityList: [{ epcClass: LOT, quantity: kg, uom: 'KGM' }],
  ...(receipt ? { bizLocation: { id: B } } : { readPoint: { id: A } }),
  bizTransactionList: txs.map((t) => ({ type: 'po', bizTransaction: tx(t) })),
  sourceList: [{ type: 'location', source: A }],
  destinationList: [{ type: 'location', destination: B }],
});

const move = fc.record({
  receipt: fc.boolean(),
  minute: fc.integer({ min: 0, max: 24 }),
  kg: fc.constantFrom(40, 50, 60, 100),
  txs: fc.constantFrom(['PO1'], ['PO1'], ['PO2'], ['PO1', 'DESADV'], ['DESADV']),
});

const oneStep = (found: readonly { code: string; params?: Record<string, unknown> }[]) =>
  found
    .filter(
      (d) =>
        d.code === 'TRACE_SHIPMENT_NOT_RECEIVED' || d.code === 'TRACE_RECEIPT_WITHOUT_SHIPMENT',
    )
    .map((d) => `${d.code} ${String(d.params?.index)}`)
    .sort();

describe('pairing at finalize, whatever order the index receives the events in', () => {
  it('gives validateChain’s one-step findings', () => {
    fc.assert(
      fc.property(
        fc.array(move, { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (moves, seed) => {
          // (each at a time of its own: the index tells events of one time, and repeats of one
          // content, apart by arrival — documented — and validateChain by position)
          const events = [
            made,
            ...moves.map((m, i) => transfer({ ...m, minute: m.minute * 10 + i })),
          ];
          const expected = oneStep(validateChain(events));
          // a shuffled arrival order, by the seed
          const order = events.map((_, i) => i);
          let s = seed;
          for (let i = order.length - 1; i > 0; i -= 1) {
            s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
            const j = s % (i + 1);
            [order[i], order[j]] = [order[j] as number, order[i] as number];
          }
          for (const arrival of [order, events.map((_, i) => i)]) {
            const index = createTraceIndex();
            const live = [...arrival.flatMap((i) => index.add(events[i])), ...index.finalize()];
            const placed = live.map((d) =>
              d.params?.index === undefined
                ? d
                : { ...d, params: { ...d.params, index: arrival[d.params.index as number] } },
            );
            expect(oneStep(placed)).toEqual(expected);
          }
        },
      ),
      { numRuns: 400, seed: 20261201 },
    );
  }, 60_000);
});
