import type { Diagnostic } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import { createEpcisLineValidator } from '../epcis/epcis-line-validator.js';
import {
  LOT,
  NOW,
  origin as originEvent,
  receive as receiptEvent,
  ship,
} from './__fixtures__/a-to-b-chain.js';
import { buildLotGraph } from './lot-graph.js';
import { createTraceIndex } from './trace-index.js';
import { validateChain } from './validate-chain.js';

// A `urn:uuid:` eventID is one eventID in any letter case (RFC 4122 §3: hex digits are case
// insensitive on input; RFC 8141: so are the scheme and NID). Any other eventID is compared as
// written.

const LOWER = 'urn:uuid:aaaaaaaa-0000-4000-8000-00000000000b';
const UPPER = 'urn:uuid:AAAAAAAA-0000-4000-8000-00000000000B';
const PREFIX = 'URN:UUID:aaaaaaaa-0000-4000-8000-00000000000b';
const MIXED = 'Urn:Uuid:AaAaAaAa-0000-4000-8000-00000000000b';

// the origin and the receipt have eventIDs of their own (each shipment is given one)
const origin = (t: string, qty = 100) =>
  originEvent(t, qty, 'urn:uuid:00000000-0000-4000-8000-0000000000e0');
const receive = (t: string, qty: number) =>
  receiptEvent(t, qty, 'urn:uuid:00000000-0000-4000-8000-0000000000e2');

/** The chain's findings (the line validator's results hold the event validator's too). */
const CHAIN_CODES = new Set([
  'TRACE_DUPLICATE_EVENT_ID',
  'TRACE_DUPLICATE_EVENT_CONTENT',
  'TRACE_ERROR_DECLARATION_LATE',
  'TRACE_MASS_BALANCE_EXCEEDED',
  'TRACE_TIME_ORDER',
  'TRACE_SHIPMENT_NOT_RECEIVED',
  'TRACE_RECEIPT_WITHOUT_SHIPMENT',
  'TRACE_RECEIPT_EXCEEDS_SHIPMENT',
  'TRACE_ORPHAN_LOT',
]);

const show = (ds: readonly Diagnostic[]) =>
  ds.filter((d) => CHAIN_CODES.has(d.code)).map((d) => [d.code, d.path]);

/** The findings of the events through validateChain, the index, and the line validator's index. */
function everyPath(events: Record<string, unknown>[]) {
  const index = createTraceIndex();
  const added = events.flatMap((e) => index.add(e));
  const lineIndex = createTraceIndex();
  const lines = createEpcisLineValidator({ index: lineIndex, now: NOW });
  const results = events.map((e) => lines.validate(JSON.stringify(e)));
  expect(
    results.map((r) => [r.valid, r.diagnostics.filter((d) => d.severity === 'error')]),
  ).toEqual(
    results.map((r) => [
      true,
      r.diagnostics.filter((d) => CHAIN_CODES.has(d.code) && d.severity === 'error'),
    ]),
  );
  return {
    chain: show(validateChain(events)),
    index: show([...added, ...index.finalize()]),
    line: show([...results.flatMap((r) => r.diagnostics), ...lineIndex.finalize()]),
  };
}

const t0 = '2024-01-01T08:00:00.000+08:00';
const t1 = '2024-01-02T08:00:00.000+08:00';
const t2 = '2024-01-02T18:00:00.000+08:00';

describe('a urn:uuid eventID in any letter case is one eventID', () => {
  it('withdraws the event an error declaration names in another case', () => {
    const C = 'urn:uuid:00000000-0000-4000-8000-0000000000c0';
    for (const [eventId, declaredId] of [
      [LOWER, UPPER],
      [UPPER, LOWER],
      [LOWER, PREFIX],
      [MIXED, UPPER],
    ] as const) {
      // 80 KGM shipped by mistake, declared erroneous, and 50 KGM shipped in its stead: 100 KGM
      // made, so counting the mistake too would be 130 KGM out
      const wrong = ship(t1, 80, eventId);
      const declaration = {
        ...wrong,
        eventID: declaredId,
        errorDeclaration: {
          declarationTime: '2024-01-03T08:00:00.000+08:00',
          reason: 'incorrect_data',
          correctiveEventIDs: [C],
        },
      };
      const corrected = ship('2024-01-02T10:00:00.000+08:00', 50, C);
      const got = receive(t2, 50);
      for (const events of [
        [origin(t0), wrong, declaration, corrected, got],
        [origin(t0), declaration, wrong, corrected, got],
      ]) {
        const found = everyPath(events);
        const late = events.indexOf(declaration) > events.indexOf(wrong);
        // as with the same case: no finding in the chain; the index says the declaration came late
        expect([eventId, declaredId, found.chain]).toEqual([eventId, declaredId, []]);
        const expected = late ? [['TRACE_ERROR_DECLARATION_LATE', [2, 'errorDeclaration']]] : [];
        expect([eventId, declaredId, found.index]).toEqual([eventId, declaredId, expected]);
        expect([eventId, declaredId, found.line]).toEqual([eventId, declaredId, expected]);
      }
    }
  });

  it('in the index, leaves out what a declaration in another case names, whenever it comes', () => {
    const C = 'urn:uuid:00000000-0000-4000-8000-0000000000c0';
    const findings = (eventId: string, declaredId: string, checks: Record<string, boolean>) => {
      const wrong = ship(t1, 80, eventId);
      const declaration = {
        ...wrong,
        eventID: declaredId,
        errorDeclaration: { declarationTime: '2024-01-03T08:00:00.000+08:00' },
      };
      const rest = [ship('2024-01-02T10:00:00.000+08:00', 50, C), receive(t2, 50)];
      return [
        // declared first: the event is left out when it comes (with the duplicate check off too)
        [origin(t0), declaration, wrong, ...rest],
        // declared late: a copy sent again afterwards is left out too, without a finding
        [origin(t0), wrong, declaration, wrong, ...rest],
      ].map((events) => {
        const index = createTraceIndex({ checks });
        return show([...events.flatMap((e) => index.add(e)), ...index.finalize()]);
      });
    };
    for (const checks of [{}, { duplicates: false }]) {
      const same = findings(LOWER, LOWER, checks);
      expect(same[0]).toEqual([]);
      for (const [eventId, declaredId] of [
        [LOWER, UPPER],
        [UPPER, LOWER],
        [MIXED, PREFIX],
      ] as const) {
        expect([checks, eventId, declaredId, findings(eventId, declaredId, checks)]).toEqual([
          checks,
          eventId,
          declaredId,
          same,
        ]);
      }
    }
  });

  it('reports a resend in another case as TRACE_DUPLICATE_EVENT_ID, same content or not', () => {
    for (const again of [UPPER, PREFIX, MIXED]) {
      for (const qty of [400, 300]) {
        const events = [
          origin(t0, 1000),
          ship(t1, 400, LOWER),
          receive(t2, 400),
          ship(t1, qty, again),
        ];
        const found = everyPath(events);
        for (const path of [found.chain, found.index, found.line]) {
          expect([again, qty, path]).toEqual([
            again,
            qty,
            [['TRACE_DUPLICATE_EVENT_ID', [3, 'eventID']]],
          ]);
        }
        // the repeat is left out of the lot graph too
        const graph = buildLotGraph(events);
        expect(graph.eventsOf(graph.nodeOf(LOT) as number)).toEqual([0, 1, 2]);
      }
    }
  });

  it('keeps one of three copies in mixed case that come out of time order, as validateChain does', () => {
    // the latest copy first, then the earliest, then one between: the earliest is kept
    const t15 = '2024-01-02T12:00:00.000+08:00';
    const events = [
      origin(t0, 1000),
      ship(t2, 300, UPPER),
      ship(t1, 400, LOWER),
      ship(t15, 350, MIXED),
    ];
    const graph = buildLotGraph(events);
    // before: the copy in upper case was kept beside the lowercase one
    expect(graph.eventsOf(graph.nodeOf(LOT) as number)).toEqual([0, 2]);
    // (the copy kept, event 2, is never received)
    expect(everyPath(events).chain).toEqual([
      ['TRACE_DUPLICATE_EVENT_ID', [1, 'eventID']],
      ['TRACE_SHIPMENT_NOT_RECEIVED', [2]],
      ['TRACE_DUPLICATE_EVENT_ID', [3, 'eventID']],
    ]);
  });

  it('shows each eventID as written', () => {
    const events = [origin(t0, 1000), ship(t1, 400, LOWER), receive(t2, 400), ship(t1, 300, UPPER)];
    const [d] = validateChain(events);
    expect(d?.params).toMatchObject({ eventID: UPPER, firstIndex: 1 });
    const index = createTraceIndex();
    const [e] = events.flatMap((event) => index.add(event));
    expect(e?.params).toMatchObject({ eventID: UPPER, firstIndex: 1 });
    expect(index.graph.event(3).eventID).toBe(UPPER);
  });

  it('compares any other eventID as written', () => {
    const upper = 'urn:example:event:E1';
    const lower = 'urn:example:event:e1';
    // different content: two events
    const two = [origin(t0, 1000), ship(t1, 400, lower), ship(t1, 300, upper), receive(t2, 700)];
    const found = everyPath(two);
    for (const path of [found.chain, found.index, found.line]) expect(path).toEqual([]);
    // same content: a content duplicate, not an eventID one
    const same = [origin(t0, 1000), ship(t1, 400, lower), receive(t2, 400), ship(t1, 400, upper)];
    const again = everyPath(same);
    for (const path of [again.chain, again.index, again.line]) {
      expect(path).toEqual([['TRACE_DUPLICATE_EVENT_CONTENT', [3]]]);
    }
  });
});
