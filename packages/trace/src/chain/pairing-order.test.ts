/**
 * Receipts paired with shipments at `finalize()` do not depend on the order the real-time index
 * received the events in: random orders of trucks and (split) deliveries under one or two orders,
 * some joined by a despatch advice, give validateChain's one-step findings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { origin, receive, ship } from './__fixtures__/a-to-b-chain.js';
import { createTraceIndex } from './trace-index.js';
import { validateChain } from './validate-chain.js';

const tx = (name: string) => `urn:epcglobal:cbv:bt:6921001000018:${name}`;
const at = (minute: number) =>
  `2024-01-02T${String(8 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+08:00`;

interface Move {
  readonly receipt: boolean;
  readonly minute: number;
  readonly kg: number;
  readonly txs: readonly string[];
}

/** A shipment A → B, or a receipt at B, of the fixture's lot under the transactions given. */
const transfer = ({ receipt, minute, kg, txs }: Move) => ({
  ...(receipt ? receive : ship)(at(minute), kg),
  bizTransactionList: txs.map((t) => ({ type: 'po', bizTransaction: tx(t) })),
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
            origin('2024-01-01T08:00:00+08:00', 10_000),
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
