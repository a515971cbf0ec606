import { createDiagnostic, type Diagnostic, describeValue, type Locale } from '@foodsafety/core';
import { OptionReader, optionFindings } from '../option-reader.js';
import { numberAtLeast } from '../option-words.js';
import { chainMessages } from './chain-messages.js';
import { GraphStore, type LotGraph } from './lot-graph.js';
import { checkLotGraph } from './lot-graph-argument.js';

/** One lot reached by a trace. */
export interface TracedLot {
  /** Canonical identifier. */
  readonly id: string;
  /** Steps from the start (1 = directly derived). */
  readonly depth: number;
  /** The event that linked it (slot in the graph, index in the input, eventID). */
  readonly via: { readonly slot: number; readonly index: number; readonly eventID?: string };
}

/** The result of {@link traceForward} or {@link traceBack}. */
export interface TraceResult {
  /** The start identifier, canonicalised. */
  readonly id: string;
  readonly direction: 'forward' | 'back';
  /** Whether the graph knows the start identifier. */
  readonly found: boolean;
  /** Every lot reachable from the start (the start itself excluded), nearest first. */
  readonly lots: readonly TracedLot[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Options of a trace. */
export interface TraceOptions {
  /** Stop after this many steps (default: unlimited). */
  readonly maxDepth?: number;
}

/** Internal: breadth-first reachability, iterative, returning node, depth and via slot columns. */
export function reach(
  graph: LotGraph,
  start: number,
  direction: 'forward' | 'back',
  maxDepth = Number.POSITIVE_INFINITY,
): { nodes: Int32Array; depths: Int32Array; vias: Int32Array; count: number } {
  if (!(graph instanceof GraphStore)) return reachGeneric(graph, start, direction, maxDepth);
  const g = graph;
  const { stamp, generation } = g.visitStamp();
  const head = direction === 'forward' ? g.outHead.data : g.inHead.data;
  const next = direction === 'forward' ? g.edgeNextOut.data : g.edgeNextIn.data;
  const target = direction === 'forward' ? g.edgeTo.data : g.edgeFrom.data;
  const slots = g.edgeSlot.data;
  let capacity = 64;
  let nodes = new Int32Array(capacity);
  let depths = new Int32Array(capacity);
  let vias = new Int32Array(capacity);
  let count = 0;
  stamp[start] = generation;
  // the queue is the output list itself: nodes[0..count) in BFS order
  let headIndex = -1;
  let current = start;
  let currentDepth = 0;
  for (;;) {
    if (currentDepth < maxDepth) {
      for (let e = head[current] as number; e !== -1; e = next[e] as number) {
        const to = target[e] as number;
        if (stamp[to] === generation) continue;
        stamp[to] = generation;
        if (count === capacity) {
          capacity *= 2;
          const n2 = new Int32Array(capacity);
          n2.set(nodes);
          nodes = n2;
          const d2 = new Int32Array(capacity);
          d2.set(depths);
          depths = d2;
          const v2 = new Int32Array(capacity);
          v2.set(vias);
          vias = v2;
        }
        nodes[count] = to;
        depths[count] = currentDepth + 1;
        vias[count] = slots[e] as number;
        count += 1;
      }
    }
    headIndex += 1;
    if (headIndex >= count) break;
    current = nodes[headIndex] as number;
    currentDepth = depths[headIndex] as number;
  }
  return { nodes, depths, vias, count };
}

function reachGeneric(
  graph: LotGraph,
  start: number,
  direction: 'forward' | 'back',
  maxDepth: number,
): { nodes: Int32Array; depths: Int32Array; vias: Int32Array; count: number } {
  const seen = new Set<number>([start]);
  const nodes: number[] = [];
  const depths: number[] = [];
  const vias: number[] = [];
  let i = -1;
  let current = start;
  let depth = 0;
  for (;;) {
    if (depth < maxDepth) {
      const steps =
        direction === 'forward' ? graph.successors(current) : graph.predecessors(current);
      for (const step of steps) {
        if (seen.has(step.node)) continue;
        seen.add(step.node);
        nodes.push(step.node);
        depths.push(depth + 1);
        vias.push(step.slot);
      }
    }
    i += 1;
    if (i >= nodes.length) break;
    current = nodes[i] as number;
    depth = depths[i] as number;
  }
  return {
    nodes: Int32Array.from(nodes),
    depths: Int32Array.from(depths),
    vias: Int32Array.from(vias),
    count: nodes.length,
  };
}

/** The `maxDepth` option: a whole number of steps ≥ 0 or `Infinity` (noted otherwise). */
function maxDepthOf(
  given: unknown,
  locale: Locale | undefined,
): { maxDepth: number; problems: Diagnostic[] } {
  if (given === undefined) return { maxDepth: Number.POSITIVE_INFINITY, problems: [] };
  const read = new OptionReader('TraceOptions', given);
  const v = read.raw('maxDepth');
  const usable =
    v === undefined ||
    v === Number.POSITIVE_INFINITY ||
    (typeof v === 'number' && Number.isInteger(v) && v >= 0);
  if (!usable) read.bad('maxDepth', v, numberAtLeast(0, true), 'Infinity');
  return {
    maxDepth: usable && v !== undefined ? (v as number) : Number.POSITIVE_INFINITY,
    problems: optionFindings(read.problems, locale),
  };
}

function trace(
  graph: LotGraph,
  id: string,
  direction: 'forward' | 'back',
  given: TraceOptions,
): TraceResult {
  checkLotGraph(direction === 'forward' ? 'traceForward' : 'traceBack', graph);
  // findings in the graph's language (a graph built with `locale`)
  const locale = graph instanceof GraphStore ? graph.locale : undefined;
  const { maxDepth, problems } = maxDepthOf(given, locale);
  const start = typeof id === 'string' ? graph.nodeOf(id) : undefined;
  if (start === undefined) {
    return {
      id: typeof id === 'string' ? id : describeValue(id, Number.POSITIVE_INFINITY),
      direction,
      found: false,
      lots: [],
      diagnostics: [
        ...problems,
        createDiagnostic(
          chainMessages.TRACE_LOT_UNKNOWN,
          { id: typeof id === 'string' ? id : describeValue(id, Number.POSITIVE_INFINITY) },
          locale === undefined ? {} : { locale },
        ),
      ],
    };
  }
  const r = reach(graph, start, direction, maxDepth);
  const lots: TracedLot[] = new Array(r.count);
  const store = graph instanceof GraphStore ? graph : undefined;
  for (let i = 0; i < r.count; i += 1) {
    const slot = r.vias[i] as number;
    const eventID = store ? store.evEventId.get(slot) : graph.event(slot).eventID;
    const index = store ? (store.evIndex.data[slot] as number) : graph.event(slot).index;
    lots[i] = {
      id: graph.idOf(r.nodes[i] as number),
      depth: r.depths[i] as number,
      via: eventID === undefined ? { slot, index } : { slot, index, eventID },
    };
  }
  return { id: graph.idOf(start), direction, found: true, lots, diagnostics: problems };
}

/**
 * Every lot derived from a lot (transformation outputs, the pallets and cases it was packed into),
 * nearest first. Iterative breadth-first search: a genealogy 100 000 steps deep does not overflow
 * the stack. An unknown identifier gives `found: false` and `TRACE_LOT_UNKNOWN`.
 */
export function traceForward(graph: LotGraph, id: string, options: TraceOptions = {}): TraceResult {
  return trace(graph, id, 'forward', options);
}

/**
 * Every lot a lot was derived from (transformation inputs, the contents of a pallet), nearest
 * first. `y` is in `traceForward(x)` exactly when `x` is in `traceBack(y)`.
 */
export function traceBack(graph: LotGraph, id: string, options: TraceOptions = {}): TraceResult {
  return trace(graph, id, 'back', options);
}
