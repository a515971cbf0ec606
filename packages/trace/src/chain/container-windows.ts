/**
 * When a lot was on the containers it was packed into, for the recall scope: a returnable crate
 * (a GRAI) or a pallet (an SSCC) that carried other goods before the lot was packed on it, or
 * after it was emptied and packed again, did not carry the lot then, so its recipients at those
 * times are not the lot's. The genealogy's edges (child → parent of an AggregationEvent ADD) have
 * no time; this gives each container reached from a lot the window of event times in which it may
 * have held the lot.
 */
import { containerSteps } from './container-steps.js';
import { T_AGGREGATION } from './event-kind.js';
import { GraphStore, type LotGraph } from './lot-graph.js';

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
  return new HoldWindows(graph).from(start);
}

/**
 * The windows of {@link containerWindows}, for several starts: each container's packings and
 * unpackings are read once, whatever the number of starts that reach it.
 */
export class HoldWindows {
  private readonly timelines = new Map<number, Timeline>();

  constructor(private readonly graph: LotGraph) {}

  /**
   * {@link containerWindows} of `start`; with `packedOnly`, along packings only (the containers
   * the start was packed into, through cases on a pallet), not into transformation outputs.
   */
  from(start: number, packedOnly = false): Map<number, HoldWindow> {
    const { graph } = this;
    const store = graph instanceof GraphStore ? graph : undefined;
    const windows = new Map<number, HoldWindow>([[start, ALWAYS]]);
    const queue = [start];
    while (queue.length > 0) {
      const node = queue.pop() as number;
      const here = windows.get(node) ?? ALWAYS;
      for (const { node: next, slot } of graph.successors(node)) {
        // (a transformation's output is reached without reading its event)
        const e =
          store === undefined || store.evType.data[slot] === T_AGGREGATION
            ? graph.event(slot)
            : undefined;
        let reach = ALWAYS;
        if (e?.type === 'AggregationEvent') {
          const packed = Number.isFinite(e.time) ? e.time : Number.NEGATIVE_INFINITY;
          reach = {
            from: Math.max(here.from, packed),
            until: Math.min(here.until, heldUntil(this.timelineOf(next), graph.idOf(node), packed)),
          };
        } else if (packedOnly) continue;
        const known = windows.get(next);
        const wider =
          known === undefined
            ? reach
            : { from: Math.min(known.from, reach.from), until: Math.max(known.until, reach.until) };
        if (known !== undefined && wider.from === known.from && wider.until === known.until)
          continue;
        windows.set(next, wider);
        queue.push(next);
      }
    }
    windows.delete(start);
    return windows;
  }

  /**
   * The containers the `starts` were packed into (see {@link from} with `packedOnly`), each with
   * the windows in which it may have held one of them: those of every start that reaches it,
   * joined where they meet, in time order (none that is empty). A container that is itself one of
   * the starts has no limit: its whole life counts.
   */
  packedInto(starts: readonly number[]): Map<number, HoldWindow[]> {
    const all = new Map<number, HoldWindow[]>();
    for (const start of starts) {
      for (const [node, window] of this.from(start, true)) {
        if (window.from > window.until) continue;
        const list = all.get(node);
        if (list === undefined) all.set(node, [window]);
        else list.push(window);
      }
    }
    const own = new Set(starts);
    for (const [node, list] of all) all.set(node, own.has(node) ? [ALWAYS] : joined(list));
    return all;
  }

  private timelineOf(container: number): Timeline {
    let timeline = this.timelines.get(container);
    if (timeline === undefined) {
      timeline = timelineOf(this.graph, container);
      this.timelines.set(container, timeline);
    }
    return timeline;
  }
}

/** Windows joined where they overlap or meet, in time order. */
function joined(windows: HoldWindow[]): HoldWindow[] {
  windows.sort((a, b) => a.from - b.from);
  const out: HoldWindow[] = [];
  for (const w of windows) {
    const last = out[out.length - 1];
    if (last !== undefined && w.from <= last.until + 1) {
      if (w.until > last.until) out[out.length - 1] = { from: last.from, until: w.until };
    } else out.push(w);
  }
  return out;
}

/**
 * Whether an event at `time` falls in one of `windows` (in time order, apart), or in `window`: a
 * time that cannot be read (NaN) always does (the safe side for a recall).
 */
export function withinWindows(windows: HoldWindow | readonly HoldWindow[], time: number): boolean {
  if (Number.isNaN(time)) return true;
  if (!Array.isArray(windows)) {
    const w = windows as HoldWindow;
    return time >= w.from && time <= w.until;
  }
  const list = windows as readonly HoldWindow[];
  // the last window that starts no later than the time (binary search)
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as HoldWindow).from <= time) lo = mid + 1;
    else hi = mid;
  }
  const w = list[lo - 1];
  return w !== undefined && time <= w.until;
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
