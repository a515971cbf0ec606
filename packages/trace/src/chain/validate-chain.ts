import type { Diagnostic } from '@foodsafety/core';
import { isRecord } from '../is-record.js';
import { ChainChecker, type ChainCheckOptions, chainOrderTime } from './chain-checker.js';
import { readChainOptions } from './chain-options.js';
import { declaredErroneous } from './error-declaration.js';
import { T_AGGREGATION, typeCode } from './event-kind.js';
import { isoMillis } from './iso-time.js';
import {
  entryAt,
  eventListOf,
  GraphStore,
  inputProblem,
  type LotGraph,
  unreadableInput,
} from './lot-graph.js';
import { checkerOfGraph } from './trace-index.js';

function indexOf(d: Diagnostic): number {
  const v = d.params?.index;
  return typeof v === 'number' ? v : Number.MAX_SAFE_INTEGER;
}

function checkAll(
  all: readonly { event: unknown; index: number }[],
  store: GraphStore,
  options: ChainCheckOptions,
): Diagnostic[] {
  // error declarations and the events they declare erroneous are left out up front
  const declared = declaredErroneous(all.map((item) => item.event));
  const items = declared.size === 0 ? all : all.filter((_, i) => !declared.has(i));
  const times = new Float64Array(items.length);
  // at the same time, AggregationEvents go first (packings and unpackings among them), so that a
  // shipment or receipt of a pallet finds them (the checks then order them with the transfer: see
  // ChainChecker.beforeTransfer)
  const late = new Uint8Array(items.length);
  for (let i = 0; i < items.length; i += 1) {
    // read as the lot graph reads it (and the validator): ordered as the checks place it
    const e = items[i]?.event;
    try {
      const record = isRecord(e);
      const t = record && typeof e.eventTime === 'string' ? isoMillis(e.eventTime) : Number.NaN;
      times[i] = chainOrderTime(t);
      late[i] = record && typeCode(e.type) === T_AGGREGATION ? 0 : 1;
    } catch {
      // a getter or a Proxy trap that throws: the checker reports the event when it reads it
      times[i] = chainOrderTime(Number.NaN);
      late[i] = 1;
    }
  }
  const order = Array.from({ length: items.length }, (_, i) => i);
  order.sort(
    (a, b) =>
      (times[a] as number) - (times[b] as number) ||
      (late[a] as number) - (late[b] as number) ||
      a - b,
  );
  const checker = new ChainChecker(store, options, true);
  const out: Diagnostic[] = [];
  for (const i of order) {
    const item = items[i] as { event: unknown; index: number };
    out.push(...checker.add(item.event, item.index));
  }
  out.push(...checker.finalize());
  return sortedByIndex(out);
}

/** Findings in input order (by their `index` param, stable). */
function sortedByIndex(out: readonly Diagnostic[]): Diagnostic[] {
  return out
    .map((d, k) => ({ d, k }))
    .sort((a, b) => indexOf(a.d) - indexOf(b.d) || a.k - b.k)
    .map((x) => x.d);
}

/**
 * Check a chain of EPCIS events (a list, an EPCIS document, or a lot graph) and return every
 * finding, each with its own code, a path to the event and `index`/`eventID` params:
 * one step back (`TRACE_RECEIPT_WITHOUT_SHIPMENT`) and one step forward
 * (`TRACE_SHIPMENT_NOT_RECEIVED`) — receipts and shipments pair by business transaction, else by
 * shared lots and destination; `TRACE_ORPHAN_LOT`; duplicates (`TRACE_DUPLICATE_EVENT_ID`,
 * `TRACE_DUPLICATE_EVENT_CONTENT`); `TRACE_TIME_ORDER` along every genealogy edge (origin before
 * use, shipment before receipt); `TRACE_EVENT_AFTER_DESTRUCTION`; `TRACE_MASS_BALANCE_EXCEEDED`
 * per lot and holder and `TRACE_YIELD_OUT_OF_RANGE` per transformation, with Rec 20 unit
 * conversion; master data (`TRACE_LOCATION_UNRESOLVED`, `TRACE_PARTY_UNRESOLVED`,
 * `TRACE_PRODUCT_UNRESOLVED`). Events are checked in event-time order, so the result does not
 * depend on the order of the input. A duplicate is reported, then left out of every other check;
 * an EPCIS error declaration (`errorDeclaration`) and the event it declares erroneous are left
 * out altogether (the corrective events count instead). The input is not mutated; bad input
 * does not throw. An input that is neither a list of events nor an EPCIS document with an event
 * list is `TRACE_CHAIN_INPUT_INVALID`.
 */
export function validateChain(input: unknown, given: ChainCheckOptions = {}): Diagnostic[] {
  const { options, problems } = readChainOptions('ChainCheckOptions', given);
  let found: Diagnostic[];
  try {
    found = checkInput(input, options);
  } catch (error) {
    // an input built in code whose getters or Proxy traps throw where no event is being read
    found = [unreadableInput(error, options)];
  }
  return problems.length === 0 ? found : [...problems, ...found];
}

function checkInput(input: unknown, options: ChainCheckOptions): Diagnostic[] {
  if (input instanceof GraphStore) {
    const live = checkerOfGraph.get(input);
    if (live !== undefined && !input.retain) return [...live.collected, ...live.finalize()];
    const items = input.sources.map((event, slot) => ({
      event,
      index: input.evIndex.data[slot] as number,
    }));
    const store = new GraphStore({
      ...options,
      canonicalId: options.canonicalId ?? input.canonicalId,
      units: options.units ?? input.units,
      pathPrefix: input.pathPrefix,
    });
    return [...input.diagnostics, ...checkAll(items, store, options)];
  }
  const read = eventListOf(input);
  if (read.error !== undefined) return [unreadableInput(read.error.thrown, options)];
  const { list, length, prefix, problem } = read;
  // a mis-nested document is no chain without findings
  if (problem !== undefined) return [inputProblem(problem, options)];
  const store = new GraphStore({ ...options, pathPrefix: options.pathPrefix ?? prefix }, length);
  const items: { event: unknown; index: number }[] = [];
  const unread: Diagnostic[] = [];
  for (let index = 0; index < length; index += 1) {
    const entry = entryAt(list, index);
    if (entry.thrown === undefined) items.push({ event: entry.event, index });
    else unread.push(store.unreadable(index, entry.thrown.error));
  }
  const found = checkAll(items, store, options);
  return unread.length === 0 ? found : sortedByIndex([...unread, ...found]);
}

/** Whether a value is a lot graph built by this package (never throws, a revoked Proxy too). */
export function isLotGraph(value: unknown): value is LotGraph {
  try {
    return value instanceof GraphStore;
  } catch {
    return false;
  }
}
