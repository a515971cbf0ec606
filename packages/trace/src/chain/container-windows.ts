/**
 * When a lot was on the containers it was packed into, for the recall scope: a returnable crate
 * (a GRAI) or a pallet (an SSCC) that carried other goods before the lot was packed on it, or
 * after it was emptied and packed again, did not carry the lot then, so its recipients at those
 * times are not the lot's. The genealogy's edges (child → parent of an AggregationEvent ADD) have
 * no time; this gives each container reached from a lot the window of event times in which it may
 * have held the lot.
 */
import { containerSteps } from './container-steps.js';
import type { LotGraph } from './lot-graph.js';

/** From when to when (epoch milliseconds, both included) a node may have carried the lot traced. */
export interface HoldWindow {
  readonly from: number;
  readonly until: number;
}

const ALWAYS: HoldWindow = { from: Number.NEGATIVE_INFINITY, until: Number.POSITIVE_INFINITY };

/** An unpacking of a container: its time, and whether it took everything off. */
interface Unpacking {
  readonly time: number;
  /** It names no children: the container is emptied. */
  readonly empties: boolean;
  /** The children it names as instances (`childEPCs`): each is off. */
  readonly instances: readonly string[];
}

/** What happened to a container, in time order (readable times only). */
interface Timeline {
  /** The times of the AggregationEvent ADDs that packed something into it, ascending. */
  readonly packings: readonly number[];
  /** Its unpackings, by time ascending. */
  readonly unpackings: readonly Unpacking[];
}

/**
 * The windows of the nodes derived from `start` (see the module note). A container packed by an
 * AggregationEvent ADD holds what it packed from the packing's time on. An unpacking after the
 * packing that takes all of it off — one that names no children (it empties the container), or
 * names the child as an instance (`childEPCs`) — ends the window when the container is packed
 * again after it (until then, a late receipt of the container still counts). An unpacking of part
 * of a quantity, one at the packing's own instant, and a time that cannot be read leave the window
 * open (the safe side for a recall). Through cases on a pallet the windows narrow, each within its
 * parent's. A transformation's output is a lot of its own: its whole life counts. A node reached
 * along several paths has the widest of their windows. Nodes not in the map (the start) have no
 * limit. Each container's events are read once.
 */
export function containerWindows(graph: LotGraph, start: number): Map<number, HoldWindow> {
  const windows = new Map<number, HoldWindow>([[start, ALWAYS]]);
  const timelines = new Map<number, Timeline>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.pop() as number;
    const here = windows.get(node) ?? ALWAYS;
    for (const { node: next, slot } of graph.successors(node)) {
      const e = graph.event(slot);
      let reach = ALWAYS;
      if (e.type === 'AggregationEvent') {
        const packed = Number.isFinite(e.time) ? e.time : Number.NEGATIVE_INFINITY;
        let timeline = timelines.get(next);
        if (timeline === undefined) {
          timeline = timelineOf(graph, next);
          timelines.set(next, timeline);
        }
        reach = {
          from: Math.max(here.from, packed),
          until: Math.min(here.until, heldUntil(timeline, graph.idOf(node), packed)),
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

/** The packings and unpackings of `container` as its parentID (see {@link Timeline}). */
function timelineOf(graph: LotGraph, container: number): Timeline {
  const packings: number[] = [];
  const unpackings: Unpacking[] = [];
  for (const step of containerSteps(graph, container)) {
    if (!Number.isFinite(step.time)) continue;
    if (step.packs) packings.push(step.time);
    else
      unpackings.push({
        time: step.time,
        empties: step.empties,
        instances: step.children.filter((o) => o.field === 'childEPCs').map((o) => o.id),
      });
  }
  packings.sort((a, b) => a - b);
  unpackings.sort((a, b) => a.time - b.time);
  return { packings, unpackings };
}

/**
 * The last instant the container may still have held `child`, packed at `packed`: the instant
 * before its first packing after the first unpacking that took all of the child off (strictly
 * after the packing); no limit when there is none.
 */
function heldUntil(timeline: Timeline, child: string, packed: number): number {
  // a packing whose time cannot be read may have come after any unpacking: no limit
  if (!Number.isFinite(packed)) return Number.POSITIVE_INFINITY;
  const off = timeline.unpackings.find(
    (u) => u.time > packed && (u.empties || u.instances.includes(child)),
  );
  if (off === undefined) return Number.POSITIVE_INFINITY;
  const again = firstAfter(timeline.packings, off.time);
  return again === undefined ? Number.POSITIVE_INFINITY : again - 1;
}

/** The first value of an ascending list greater than `t` (binary search). */
function firstAfter(sorted: readonly number[], t: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) > t) hi = mid;
    else lo = mid + 1;
  }
  return sorted[lo];
}
