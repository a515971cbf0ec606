import type { LotGraph } from './lot-graph.js';

/**
 * The events naming a node, each once, in insertion order: `graph.eventsOf` lists an event once
 * per line that names the node (an event naming a lot on two quantity lines is listed twice).
 */
export function eventSlotsOnce(graph: LotGraph, node: number): number[] {
  return [...new Set(graph.eventsOf(node))];
}
