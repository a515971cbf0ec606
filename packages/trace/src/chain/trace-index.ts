import type { Diagnostic } from '@foodsafety/core';
import { ChainChecker, type ChainCheckOptions } from './chain-checker.js';
import { readChainOptions } from './chain-options.js';
import type { EventRecord } from './event-record.js';
import { GraphStore, type LotGraph } from './lot-graph.js';
import { type RecallScope, recallScope } from './recall-scope.js';
import { type TraceOptions, type TraceResult, traceBack, traceForward } from './trace-lot.js';

/** Options of {@link createTraceIndex}. */
export interface TraceIndexOptions extends ChainCheckOptions {
  /**
   * Check the mass balance of a lot at a holder as each outflow arrives (`'on-add'`, the
   * default; assumes events arrive roughly in time order) or only in `finalize()`.
   */
  readonly massBalance?: 'on-add' | 'on-finalize';
  /** Keep a reference to each added event, so that exports can read all its fields (default false). */
  readonly retainEvents?: boolean;
}

/**
 * An incremental lot graph with chain checks, for real-time use: a regulator receiving a B2B
 * platform's records as they happen. It keeps compact columns, not the events, so memory stays
 * small over hundreds of thousands of events.
 */
export interface TraceIndex {
  /**
   * Add one event (in arrival order; its path is its sequence number). Returns the findings this
   * event settles: duplicates, time order against known predecessors, use after destruction,
   * mass balance where decidable, master data, yield, and receipts/shipments it pairs with. A
   * duplicate is left out of the index after its finding; an error declaration withdraws the
   * event it declares erroneous (`TRACE_ERROR_DECLARATION_LATE` when that event was already
   * added: findings already returned with it stand).
   */
  add(event: unknown): Diagnostic[];
  /**
   * Findings that need the whole picture so far: receipts still without a shipment, shipments
   * never received, orphan lots, mass balances over. Does not change the index; call it again
   * after more events.
   */
  finalize(): Diagnostic[];
  /** Every finding returned by `add` so far. */
  readonly diagnostics: readonly Diagnostic[];
  /** Number of events added (including skipped ones). */
  readonly size: number;
  /** The current lot graph (live; it grows with `add`). */
  readonly graph: LotGraph;
  traceBack(id: string, options?: TraceOptions): TraceResult;
  traceForward(id: string, options?: TraceOptions): TraceResult;
  recallScope(id: string): RecallScope;
}

/** The checker behind each index's graph, for {@link validateChain} on an index graph. */
export const checkerOfGraph = new WeakMap<LotGraph, ChainChecker>();

/**
 * Internal: how the EPCIS line validator adds an event it read from text to an index (same
 * findings as `add` of the parsed event); absent for indexes that need the event objects.
 */
export const recordAdderOf = new WeakMap<
  TraceIndex,
  (record: EventRecord) => readonly Diagnostic[]
>();

/**
 * Create a real-time trace index.
 *
 * @example
 * const index = createTraceIndex({ masterData: { locations } });
 * for (const event of stream) report(index.add(event));
 * report(index.finalize());
 * index.recallScope('urn:epc:class:lgtin:6930001.000001.L00001')
 */
export function createTraceIndex(given: TraceIndexOptions = {}): TraceIndex {
  const { options, problems } = readChainOptions('TraceIndexOptions', given);
  const store = new GraphStore(options);
  store.retain = options.retainEvents === true;
  const checker = new ChainChecker(store, options, options.massBalance !== 'on-finalize');
  checkerOfGraph.set(store, checker);
  // what the options got wrong: in the index's findings from the start, and with the first add
  checker.collected.push(...problems);
  let untold = problems;
  const told = <T extends readonly Diagnostic[]>(diagnostics: T): T => {
    if (untold.length === 0) return diagnostics;
    const out = [...untold, ...diagnostics] as unknown as T;
    untold = [];
    return out;
  };
  let size = 0;
  const index: TraceIndex = {
    add(event: unknown): Diagnostic[] {
      const diagnostics = checker.add(event, size);
      size += 1;
      return told(diagnostics);
    },
    finalize: () => checker.finalize(),
    get diagnostics() {
      return checker.collected;
    },
    get size() {
      return size;
    },
    graph: store,
    traceBack: (id, o) => traceBack(store, id, o),
    traceForward: (id, o) => traceForward(store, id, o),
    recallScope: (id) => recallScope(store, id),
  };
  if (checker.takesRecords) {
    recordAdderOf.set(index, (record) => {
      const diagnostics = checker.addRecord(record, size);
      size += 1;
      return told(diagnostics);
    });
  }
  return index;
}
