/**
 * The lot graph a query is given, checked: a function of the package called with something that
 * is no lot graph (`null`, the events themselves) throws a `FoodSafetyError` that says so, as
 * calling the API wrongly does elsewhere (`TRACE_OPTION_INVALID`), instead of a `TypeError` from
 * deep inside.
 */
import { describeValue, FoodSafetyError } from '@foodsafety/core';
import type { LotGraph } from './lot-graph.js';

/** Throws `TRACE_GRAPH_INVALID` unless `graph` is a lot graph (`buildLotGraph`, an index's). */
export function checkLotGraph(fn: string, graph: unknown): asserts graph is LotGraph {
  const g = graph as Partial<Record<keyof LotGraph, unknown>> | null | undefined;
  if (
    typeof g === 'object' &&
    g !== null &&
    typeof g.nodeOf === 'function' &&
    typeof g.eventsOf === 'function' &&
    typeof g.event === 'function' &&
    typeof g.idOf === 'function'
  )
    return;
  const shown = Array.isArray(graph) ? 'a list' : describeValue(graph);
  throw new FoodSafetyError(
    'TRACE_GRAPH_INVALID',
    `${fn} takes a lot graph (buildLotGraph(events), or an index's graph), not ${shown}`,
    { function: fn, value: shown },
  );
}
