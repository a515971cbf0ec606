import { describe, expect, it } from 'vitest';
import { createEpcisLineValidator } from '../epcis/epcis-line-validator.js';
import { validateEpcisDocument } from '../epcis/validate-epcis-document.js';
import { toEpcisDocument } from '../testdata/epcis-json.js';
import { A, LOT, NOW, objectEvent, origin, receive, ship } from './__fixtures__/a-to-b-chain.js';
import { createTraceIndex } from './trace-index.js';
import { validateChain } from './validate-chain.js';

// Times the validator accepts in forms other than `…T…±HH:MM`: the chain reads each of them, to
// the instant the validator reads, so none slips past the time checks.

const destroy = (t: string) =>
  objectEvent({
    action: 'DELETE',
    bizStep: 'destroying',
    disposition: 'destroyed',
    eventTime: t,
    quantityList: [{ epcClass: LOT, quantity: 100, uom: 'KGM' }],
    bizLocation: { id: A },
  });

/** The chain's findings (the line validator's results hold the event validator's too). */
const CHAIN_CODES = new Set([
  'TRACE_TIME_ORDER',
  'TRACE_EVENT_AFTER_DESTRUCTION',
  'TRACE_MASS_BALANCE_EXCEEDED',
  'TRACE_SHIPMENT_NOT_RECEIVED',
  'TRACE_RECEIPT_WITHOUT_SHIPMENT',
  'TRACE_RECEIPT_EXCEEDS_SHIPMENT',
  'TRACE_ORPHAN_LOT',
]);

/** The findings of the events through validateChain, the index, and the line validator's index. */
function everyPath(events: Record<string, unknown>[]) {
  const show = (ds: readonly { code: string; path?: readonly (string | number)[] }[]) =>
    ds.map((d) => [d.code, d.path]);
  const index = createTraceIndex();
  const added = events.flatMap((e) => index.add(e));
  const lineIndex = createTraceIndex();
  const lines = createEpcisLineValidator({ index: lineIndex, now: NOW });
  const results = events.map((e) => lines.validate(JSON.stringify(e)));
  expect(results.map((r) => r.valid)).toEqual(events.map(() => true));
  return {
    chain: show(validateChain(events)),
    index: show([...added, ...index.finalize()]),
    line: show([...results.flatMap((r) => r.diagnostics), ...lineIndex.finalize()]).filter(
      ([code]) => CHAIN_CODES.has(code as string),
    ),
  };
}

describe('the chain reads every eventTime the validator accepts', () => {
  it('reports a receipt an hour before its shipment, its time written `+08` (no minutes)', () => {
    const written = (received: string) => [
      origin('2025-01-01T08:00:00.000+08:00'),
      ship('2025-01-02T10:00:00.000+08:00'),
      // eventTimeZoneOffset as the time is written (the validator holds them to each other)
      {
        ...receive(received),
        ...(received.endsWith('-05') ? { eventTimeZoneOffset: '-05:00' } : {}),
      },
    ];
    for (const received of [
      '2025-01-02T09:00:00.000+08',
      '2025-01-02T09:00:00+08',
      '2025-01-02T09:00:00+0800',
      '2025-01-02t09:00:00.000+08:00',
      '2025-01-02T01:00:00z',
      '2025-01-01T20:00:00-05',
      '2025-01-02T09:00:00.000+08:00',
    ]) {
      const events = written(received);
      // the validator accepts the time…
      const document = toEpcisDocument(events, { creationDate: NOW });
      expect([
        received,
        validateEpcisDocument(document, { now: NOW }).diagnostics.filter(
          (d) => d.severity === 'error',
        ),
      ]).toEqual([received, []]);
      // …and the chain places it: an hour before the shipment
      const found = everyPath(events);
      for (const path of [found.chain, found.index, found.line]) {
        expect([received, path]).toEqual([received, [['TRACE_TIME_ORDER', [2, 'eventTime']]]]);
      }
    }
  });

  it('reports a shipment after a destruction dated `+08` as after the destruction', () => {
    const events = [
      origin('2025-01-01T08:00:00.000+08:00'),
      destroy('2025-01-02T08:00:00.000+08'),
      ship('2025-01-03T08:00:00.000+08:00', 50),
    ];
    const found = everyPath(events);
    for (const path of [found.chain, found.index, found.line]) {
      expect(path.filter(([code]) => code !== 'TRACE_SHIPMENT_NOT_RECEIVED')).toEqual([
        ['TRACE_EVENT_AFTER_DESTRUCTION', [2]],
      ]);
    }
  });

  it('places a leap second (23:59:60 UTC) at 23:59:59 UTC, as the validator reads it', () => {
    for (const leap of [
      '2016-12-31T23:59:60Z',
      '2016-12-31T23:59:60.000Z',
      '2017-01-01T07:59:60+08:00',
    ]) {
      // shipped at the leap second, received a second before (23:59:58 UTC): too early
      const early = everyPath([
        origin('2016-12-01T08:00:00.000+08:00'),
        ship(leap),
        receive('2017-01-01T07:59:58.000+08:00'),
      ]);
      for (const path of [early.chain, early.index, early.line]) {
        expect([leap, path]).toEqual([leap, [['TRACE_TIME_ORDER', [2, 'eventTime']]]]);
      }
      // received at 23:59:59.000 UTC: the same instant, in order
      const same = everyPath([
        origin('2016-12-01T08:00:00.000+08:00'),
        ship(leap),
        receive('2017-01-01T07:59:59.000+08:00'),
      ]);
      for (const path of [same.chain, same.index, same.line]) {
        expect([leap, path]).toEqual([leap, []]);
      }
    }
  });
});
