/**
 * An event whose reading throws after some of its lots were linked leaves nothing in the graph.
 * The graph keeps the previous tails of the first 64 object entries of the event being added;
 * the entries beyond are unlinked by walking their lots' lists.
 */
import { describe, expect, it } from 'vitest';
import { buildLotGraph, type LotGraph } from './lot-graph.js';
import { traceForward } from './trace-lot.js';

const lot = (i: number) => `urn:example:lot:${i}`;
const observe = (minute: number, lots: readonly number[]) => ({
  type: 'ObjectEvent',
  action: 'OBSERVE',
  eventTime: `2025-01-01T00:${String(minute).padStart(2, '0')}:00Z`,
  eventTimeZoneOffset: '+00:00',
  epcList: lots.map(lot),
});
const slotsOf = (graph: LotGraph, i: number) => {
  const node = graph.nodeOf(lot(i));
  return node === undefined ? undefined : graph.eventsOf(node);
};

describe('an event that throws after more object entries than the graph keeps tails for', () => {
  it('is unlinked from every list, and the lists take the events after it', () => {
    // 100 entries naming lots 0–39 (each more than once), then quantityList throws
    const midway = {
      ...observe(
        2,
        Array.from({ length: 100 }, (_, i) => i % 40),
      ),
      get quantityList(): never {
        throw new Error('midway');
      },
    };
    const graph = buildLotGraph([
      observe(0, [0, 1, 2]),
      observe(1, [1, 3]),
      midway,
      observe(3, [0, 1, 39]),
      observe(4, [5]),
    ]);
    expect(graph.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['TRACE_INPUT_UNREADABLE', [2]],
    ]);
    expect(graph.eventCount).toBe(4);
    // by slot: the events after it take its slot and the next
    expect([0, 1, 2, 3, 39, 5].map((i) => slotsOf(graph, i))).toEqual([
      [0, 2],
      [0, 1, 2],
      [0],
      [1],
      [2],
      [3],
    ]);
    // a lot only it named is no lot of the graph
    expect(traceForward(graph, lot(20)).found).toBe(false);
    expect(traceForward(graph, lot(39)).found).toBe(true);
  });
});
