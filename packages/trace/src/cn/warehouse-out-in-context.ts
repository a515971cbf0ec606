import type { LocalizedParam } from '@foodsafety/core';
import type { EventObject, EventSummary } from '../chain/lot-graph.js';
import { NO_EVENT_ID } from '../chain/stand-in-words.js';
import { traceBack } from '../chain/trace-lot.js';
import { cbvEquals } from '../profiles/kde-selector.js';
import type { ProfileRuleContext } from '../profiles/trace-profile.js';

/** One event of a check as the aquatic-chain rules read it: its position and the graph's summary. */
export interface ChainEvent {
  readonly index: number;
  readonly summary: EventSummary;
}

/** What the aquatic-chain rules read of one check: the events' summaries. */
interface ChainReading {
  readonly graph: ProfileRuleContext['graph'];
  readonly events: ReadonlyMap<number, ChainEvent>;
}

/** One reading per check (the rules of a profile share it): keyed by the check's CTE list. */
const readings = new WeakMap<object, ChainReading>();

function readingOf(context: ProfileRuleContext): ChainReading {
  const known = readings.get(context.ctes);
  if (known !== undefined && known.graph === context.graph) return known;
  const events = new Map<number, ChainEvent>();
  for (let slot = 0; slot < context.graph.eventCount; slot += 1) {
    const summary = context.graph.event(slot);
    if (!events.has(summary.index)) events.set(summary.index, { index: summary.index, summary });
  }
  const reading: ChainReading = { graph: context.graph, events };
  readings.set(context.ctes, reading);
  return reading;
}

/** The graph's summary of each event of a check, by position (events the graph left out are absent). */
export function chainEvents(context: ProfileRuleContext): ReadonlyMap<number, ChainEvent> {
  return readingOf(context).events;
}

/** The eventID of an event as given, for messages. */
export function eventIdOf(event: unknown): string | LocalizedParam {
  const id = (event as { eventID?: unknown } | null)?.eventID;
  return typeof id === 'string' ? id : NO_EVENT_ID;
}

/** The lots an event names (a parent container is not a lot of it). */
export function lotsOf(summary: EventSummary): string[] {
  return summary.objects.filter((o) => o.field !== 'parentID').map((o) => o.id);
}

function isOutput(o: EventObject): boolean {
  return o.field === 'outputQuantityList' || o.field === 'outputEPCList';
}

function placesOf(summary: EventSummary): Set<string> {
  const places = new Set<string>();
  if (summary.bizLocation !== undefined) places.add(summary.bizLocation);
  if (summary.readPoint !== undefined) places.add(summary.readPoint);
  return places;
}

/**
 * Whether an event no step was recognised for is the warehouse-out of processed product: an
 * ObjectEvent at `shipping`, at or after a processing step, naming a lot that processing produced
 * (or one made from such a lot), and shipped from where it was processed (its read point, business
 * location or a source of the shipment is the processing step's read point or business location).
 * `producedBy`: the processing steps that produced each lot.
 */
function shipsProcessedProduct(
  shipping: EventSummary,
  producedBy: ReadonlyMap<string, readonly EventSummary[]>,
  context: ProfileRuleContext,
): boolean {
  if (shipping.type !== 'ObjectEvent' || !cbvEquals(shipping.bizStep, 'shipping')) return false;
  const from = placesOf(shipping);
  for (const source of shipping.sources) from.add(source.id);
  const madeHere = (lot: string) =>
    (producedBy.get(lot) ?? []).some(
      (step) => step.time <= shipping.time && [...placesOf(step)].some((p) => from.has(p)),
    );
  return lotsOf(shipping).some(
    (lot) => madeHere(lot) || traceBack(context.graph, lot).lots.some((l) => madeHere(l.id)),
  );
}

/**
 * The `inContext` recogniser of the aquatic chain's `warehouse-out`: among the events no step was
 * recognised for, each plain shipping of processed product from the place it was processed (an
 * ObjectEvent at `shipping` of a lot a `processing` step produced, or one made from it, at or
 * after that step). A shipment of the live harvest from the ranch is not a warehouse-out: no
 * processing made it.
 */
export function warehouseOutsInContext(context: ProfileRuleContext): readonly number[] {
  const reading = readingOf(context);
  const producedBy = new Map<string, EventSummary[]>();
  for (const [index, e] of reading.events) {
    if (context.ctes[index] !== 'processing') continue;
    for (const o of e.summary.objects) {
      if (!isOutput(o)) continue;
      const list = producedBy.get(o.id) ?? [];
      list.push(e.summary);
      producedBy.set(o.id, list);
    }
  }
  const out: number[] = [];
  if (producedBy.size === 0) return out;
  context.ctes.forEach((cte, index) => {
    if (cte !== undefined) return;
    const e = reading.events.get(index);
    if (e !== undefined && shipsProcessedProduct(e.summary, producedBy, context)) out.push(index);
  });
  return out;
}

/**
 * The warehouse-outs of a check, by position, ascending: the events recognised as
 * `warehouse-out`, named (`fsk:cte: 'warehouse-out'`) or in context (`warehouseOutsInContext`).
 */
export function warehouseOuts(context: ProfileRuleContext): readonly number[] {
  const out: number[] = [];
  context.ctes.forEach((cte, index) => {
    if (cte === 'warehouse-out') out.push(index);
  });
  return out;
}
