/**
 * When a lot was on the containers it was packed into, for the recall scope: a returnable crate
 * (a GRAI) or a pallet (an SSCC) that carried other goods before the lot was packed on it, or
 * after it was taken off, did not carry the lot then, so its recipients at those times are not the
 * lot's. The genealogy's edges (child → parent of an AggregationEvent ADD) have no time; this
 * gives each container reached from a lot the window of event times in which it held the lot.
 */
import { GraphStore, type LotGraph } from './lot-graph.js';

/** From when to when (epoch milliseconds, both included) a node carried the lot traced. */
export interface HoldWindow {
  readonly from: number;
  readonly until: number;
}

const ALWAYS: HoldWindow = { from: Number.NEGATIVE_INFINITY, until: Number.POSITIVE_INFINITY };

/**
 * The windows of the nodes derived from `start` (see the module note). A container packed by an
 * AggregationEvent ADD holds what it packed from the packing's time until an unpacking of it
 * takes all of it off: one that names no children (it empties the container), or one that names
 * the child as an instance (`childEPCs`). An unpacking of part of a quantity, or of an unnamed
 * quantity, leaves the window open (the safe side for a recall), as does a time that cannot be
 * read. Through cases on a pallet the windows narrow, each within its parent's. A transformation's
 * output is a lot of its own: its whole life counts. A node reached along several paths has the
 * widest of their windows. Nodes not in the map (the start) have no limit.
 */
export function containerWindows(graph: LotGraph, start: number): Map<number, HoldWindow> {
  const windows = new Map<number, HoldWindow>([[start, ALWAYS]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.pop() as number;
    const here = windows.get(node) ?? ALWAYS;
    for (const { node: next, slot } of graph.successors(node)) {
      const e = graph.event(slot);
      let reach = ALWAYS;
      if (e.type === 'AggregationEvent') {
        const packed = Number.isFinite(e.time) ? e.time : Number.NEGATIVE_INFINITY;
        reach = {
          from: Math.max(here.from, packed),
          until: Math.min(here.until, unpackedAt(graph, next, graph.idOf(node), packed)),
        };
      }
      const known = windows.get(next);
      const wider =
        known === undefined
          ? reach
          : { from: Math.min(known.from, reach.from), until: Math.max(known.until, reach.until) };
      if (known !== undefined && wider.from === known.from && wider.until === known.until) continue;
      windows.set(next, wider);
      queue.push(next);
    }
  }
  windows.delete(start);
  return windows;
}

/** The time of the first unpacking of `container` from `after` on that takes all of `child` off. */
function unpackedAt(graph: LotGraph, container: number, child: string, after: number): number {
  const store = graph instanceof GraphStore ? graph : undefined;
  const parent = graph.idOf(container);
  let first = Number.POSITIVE_INFINITY;
  const seen = new Set<number>();
  for (const slot of graph.eventsOf(container)) {
    if (seen.has(slot)) continue;
    seen.add(slot);
    const e = graph.event(slot);
    if (e.type !== 'AggregationEvent' || !(e.time >= after) || !(e.time < first)) continue;
    const unpacking = store !== undefined ? store.isUnpacking(slot) : e.kind === 'disaggregation';
    if (!unpacking) continue;
    // the container as its parentID (not a case inside another pallet's unpacking)
    if (!e.objects.some((o) => o.field === 'parentID' && o.id === parent)) continue;
    const children = e.objects.filter((o) => o.field !== 'parentID');
    if (children.length === 0 || children.some((o) => o.id === child && o.field === 'childEPCs'))
      first = e.time;
  }
  return first;
}
