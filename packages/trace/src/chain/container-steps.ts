/**
 * The packings and unpackings of a container as its parentID, read from a lot graph: what the
 * recall scope's container windows and container contents are made from.
 */
import { isRecord } from '../is-record.js';
import { eventSlotsOnce } from './event-slots-once.js';
import { type EventObject, GraphStore, type LotGraph } from './lot-graph.js';

/** One packing or unpacking of a container as its parentID. */
export interface ContainerStep {
  /** The event's slot in the graph, and its position in the input. */
  readonly slot: number;
  readonly index: number;
  /** Epoch milliseconds; NaN when it cannot be read. */
  readonly time: number;
  /**
   * Where it happened (its `bizLocation`, else its `readPoint`): at one instant, a step at the
   * receiver's place comes after a transfer, one elsewhere before it (see `ContainerContents`).
   */
  readonly holder?: string;
  /** A packing (else an unpacking). */
  readonly packs: boolean;
  /** It also ships or receives the container (a shipping ADD, a receiving DELETE). */
  readonly transfers: boolean;
  /** The children it names (quantity lines and instances, as the graph read them). */
  readonly children: readonly EventObject[];
  /**
   * An unpacking that names no children: it empties the container (children it lists that
   * could not be read are children named: it does not empty).
   */
  readonly empties: boolean;
}

/**
 * The packings (AggregationEvent ADD, a shipping ADD) and unpackings (DELETE, a receiving DELETE)
 * of `container` as parentID — not those of a case inside another pallet's packing — in the
 * graph's order, each event once.
 */
export function containerSteps(graph: LotGraph, container: number): ContainerStep[] {
  const store = graph instanceof GraphStore ? graph : undefined;
  const parent = graph.idOf(container);
  const steps: ContainerStep[] = [];
  for (const slot of eventSlotsOnce(graph, container)) {
    const e = graph.event(slot);
    if (e.type !== 'AggregationEvent') continue;
    if (!e.objects.some((o) => o.field === 'parentID' && o.id === parent)) continue;
    const packs = store !== undefined ? store.isPacking(slot) : e.kind === 'aggregation';
    const unpacks = store !== undefined ? store.isUnpacking(slot) : e.kind === 'disaggregation';
    if (!packs && !unpacks) continue;
    const children = e.objects.filter((o) => o.field !== 'parentID');
    steps.push({
      slot,
      index: e.index,
      time: e.time,
      ...(e.holder === undefined ? {} : { holder: e.holder }),
      packs,
      transfers: e.kind === 'shipping' || e.kind === 'receiving',
      children,
      empties: unpacks && children.length === 0 && !listsChildren(graph.sourceEvent(slot)),
    });
  }
  return steps;
}

/** Whether an event as written lists children (`childEPCs` or `childQuantityList` not empty). */
function listsChildren(event: unknown): boolean {
  if (!isRecord(event)) return false;
  const { childEPCs, childQuantityList } = event;
  return (
    (Array.isArray(childEPCs) && childEPCs.length > 0) ||
    (Array.isArray(childQuantityList) && childQuantityList.length > 0)
  );
}
