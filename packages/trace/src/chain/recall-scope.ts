import type { Diagnostic } from '@foodsafety/core';
import type { EventKind } from './event-kind.js';
import type { EventSummary, LotGraph } from './lot-graph.js';
import { traceBack, traceForward } from './trace-lot.js';

/** One movement of a lot in a recall scope: produced, shipped, received, sold, destroyed… */
export interface RecallMovement {
  readonly lot: string;
  readonly kind: EventKind;
  /** Position of the event in the input, and its eventID. */
  readonly index: number;
  readonly eventID?: string;
  readonly eventTime?: string;
  readonly quantity?: number;
  readonly uom?: string;
  /** Shipper (party, else location) for a shipment or receipt; producer for an origin. */
  readonly from?: string;
  /** Recipient (party, else location) for a shipment or receipt; place of sale. */
  readonly to?: string;
  /** The event's business transactions (purchase orders, despatch advices…), when it has any. */
  readonly bizTransactions?: readonly string[];
}

/** A party or location to contact in a recall, with what it sent or received. */
export interface RecallContact {
  /** Party (PGLN) when the events name one, else the location. */
  readonly id: string;
  readonly lots: readonly string[];
  /**
   * What moved between the contact and the chain, per unit as written (`''` for a count without
   * unit): for a recipient what reached it, for a source what it sent. A shipment and its receipt
   * are one flow, counted once: shipments and receipts of a lot that share a business transaction
   * are one flow, those that name none another, and each flow counts the larger of its shipped
   * and its received side (so a flow recorded on one side only counts too).
   */
  readonly quantities: Readonly<Record<string, number>>;
  /** What was made there (a source: the lot's origin, a transformation's output), when any. */
  readonly produced?: Readonly<Record<string, number>>;
  /** What was sold there (a recipient that is a place of sale), when any. */
  readonly sold?: Readonly<Record<string, number>>;
  readonly firstTime?: string;
  readonly lastTime?: string;
  /** Input positions of the events behind this contact. */
  readonly events: readonly number[];
}

/** The result of {@link recallScope}. */
export interface RecallScope {
  readonly id: string;
  readonly found: boolean;
  /** Lots the lot came from (its ancestors), nearest first. */
  readonly upstreamLots: readonly string[];
  /** Lots made from the lot (its descendants), nearest first. */
  readonly downstreamLots: readonly string[];
  /** Every upstream producer and shipper of the lot and its ancestors. */
  readonly sources: readonly RecallContact[];
  /** Every downstream recipient of the lot and its descendants (and where they were sold). */
  readonly recipients: readonly RecallContact[];
  readonly upstream: readonly RecallMovement[];
  readonly downstream: readonly RecallMovement[];
  readonly diagnostics: readonly Diagnostic[];
}

function partyOf(list: EventSummary['sources']): string | undefined {
  return (
    list.find((p) => p.type === 'owning_party')?.id ??
    list.find((p) => p.type === 'possessing_party')?.id ??
    list.find((p) => p.type === 'location')?.id ??
    list[0]?.id
  );
}

function movementsOf(graph: LotGraph, lots: readonly string[]): RecallMovement[] {
  const out: RecallMovement[] = [];
  for (const lot of lots) {
    const node = graph.nodeOf(lot);
    if (node === undefined) continue;
    const seen = new Set<number>();
    for (const slot of graph.eventsOf(node)) {
      if (seen.has(slot)) continue;
      seen.add(slot);
      const e = graph.event(slot);
      const object = e.objects.find((o) => o.id === lot);
      let from: string | undefined;
      let to: string | undefined;
      if (e.kind === 'shipping' || e.kind === 'receiving') {
        from = partyOf(e.sources) ?? (e.kind === 'shipping' ? e.holder : undefined);
        to = partyOf(e.destinations) ?? (e.kind === 'receiving' ? e.holder : undefined);
      } else if (e.kind === 'origin') {
        from = e.holder;
      } else if (e.kind === 'transformation') {
        const consumed = object?.field === 'inputEPCList' || object?.field === 'inputQuantityList';
        if (consumed) to = e.holder;
        else from = e.holder;
      } else {
        to = e.holder;
      }
      out.push({
        lot,
        kind: e.kind,
        index: e.index,
        ...(e.eventID === undefined ? {} : { eventID: e.eventID }),
        ...(e.eventTime === undefined ? {} : { eventTime: e.eventTime }),
        ...(object?.quantity === undefined ? {} : { quantity: object.quantity }),
        ...(object?.uom === undefined ? {} : { uom: object.uom }),
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
        ...(e.bizTransactions.length === 0 ? {} : { bizTransactions: e.bizTransactions }),
      });
    }
  }
  return out;
}

interface ContactAcc {
  lots: Set<string>;
  /** Per unit and lot: the flows, each with its shipped side and its received side. */
  flows: Map<string, Flow[]>;
  produced: Record<string, number>;
  sold: Record<string, number>;
  first?: string;
  firstMs: number;
  last?: string;
  lastMs: number;
  events: number[];
}

/**
 * One flow of a lot to or from a contact: the shipments and receipts that share a business
 * transaction (`transactions`), or, for the one flow without any, those that name none.
 */
interface Flow {
  readonly unit: string;
  readonly transactions: Set<string>;
  shipped: number;
  received: number;
}

/** The flow a shipment or receipt belongs to: the first that shares a transaction with it. */
function flowOf(flows: Flow[], unit: string, transactions: readonly string[]): Flow {
  let flow =
    transactions.length === 0
      ? flows.find((f) => f.transactions.size === 0)
      : flows.find((f) => transactions.some((t) => f.transactions.has(t)));
  if (flow === undefined) {
    flow = { unit, transactions: new Set(), shipped: 0, received: 0 };
    flows.push(flow);
  }
  for (const t of transactions) flow.transactions.add(t);
  return flow;
}

function add(totals: Record<string, number>, unit: string, quantity: number): void {
  totals[unit] = (totals[unit] ?? 0) + quantity;
}

/** A plain-object copy of totals kept without a prototype (a unit may be `__proto__`). */
function copyOf(totals: Record<string, number>): Record<string, number> {
  return { ...totals };
}

function collect(
  movements: readonly RecallMovement[],
  pick: (m: RecallMovement) => string | undefined,
  keep: (m: RecallMovement) => boolean,
): RecallContact[] {
  const acc = new Map<string, ContactAcc>();
  for (const m of movements) {
    if (!keep(m)) continue;
    const id = pick(m);
    if (id === undefined) continue;
    let c = acc.get(id);
    if (c === undefined) {
      c = {
        lots: new Set(),
        flows: new Map(),
        produced: Object.create(null) as Record<string, number>,
        sold: Object.create(null) as Record<string, number>,
        firstMs: Number.POSITIVE_INFINITY,
        lastMs: Number.NEGATIVE_INFINITY,
        events: [],
      };
      acc.set(id, c);
    }
    c.lots.add(m.lot);
    // a quantity that is no count of what moved (negative, not finite) adds nothing
    if (m.quantity !== undefined && Number.isFinite(m.quantity) && m.quantity >= 0) {
      const unit = m.uom ?? '';
      if (m.kind === 'shipping' || m.kind === 'receiving') {
        const key = `${unit}\u0000${m.lot}`;
        let flows = c.flows.get(key);
        if (flows === undefined) {
          flows = [];
          c.flows.set(key, flows);
        }
        const flow = flowOf(flows, unit, m.bizTransactions ?? []);
        if (m.kind === 'shipping') flow.shipped += m.quantity;
        else flow.received += m.quantity;
      } else if (m.kind === 'sale') add(c.sold, unit, m.quantity);
      else add(c.produced, unit, m.quantity);
    }
    if (m.eventTime !== undefined) {
      const ms = Date.parse(m.eventTime);
      if (ms < c.firstMs) {
        c.firstMs = ms;
        c.first = m.eventTime;
      }
      if (ms > c.lastMs) {
        c.lastMs = ms;
        c.last = m.eventTime;
      }
    }
    if (!c.events.includes(m.index)) c.events.push(m.index);
  }
  return [...acc.entries()].map(([id, c]) => {
    const quantities = Object.create(null) as Record<string, number>;
    for (const flows of c.flows.values())
      for (const flow of flows) add(quantities, flow.unit, Math.max(flow.shipped, flow.received));
    return {
      id,
      lots: [...c.lots],
      quantities: copyOf(quantities),
      ...(Object.keys(c.produced).length > 0 ? { produced: copyOf(c.produced) } : {}),
      ...(Object.keys(c.sold).length > 0 ? { sold: copyOf(c.sold) } : {}),
      ...(c.first === undefined ? {} : { firstTime: c.first }),
      ...(c.last === undefined ? {} : { lastTime: c.last }),
      events: c.events,
    };
  });
}

/**
 * The recall scope of a lot: every upstream source (producers of the lot and of everything it was
 * made from, and who shipped those) and every downstream recipient (who the lot and everything
 * made from it was shipped to, received by or sold at), with quantities and dates, and the
 * movements behind them.
 */
export function recallScope(graph: LotGraph, id: string): RecallScope {
  const forward = traceForward(graph, id);
  if (!forward.found) {
    return {
      id: forward.id,
      found: false,
      upstreamLots: [],
      downstreamLots: [],
      sources: [],
      recipients: [],
      upstream: [],
      downstream: [],
      diagnostics: forward.diagnostics,
    };
  }
  const back = traceBack(graph, id);
  const upstreamLots = back.lots.map((l) => l.id);
  const downstreamLots = forward.lots.map((l) => l.id);
  const upstream = movementsOf(graph, [forward.id, ...upstreamLots]);
  const downstream = movementsOf(graph, [forward.id, ...downstreamLots]);
  const sources = collect(
    upstream,
    (m) => m.from,
    (m) =>
      m.kind === 'origin' ||
      m.kind === 'transformation' ||
      m.kind === 'shipping' ||
      m.kind === 'receiving',
  );
  const recipients = collect(
    downstream,
    (m) => m.to,
    (m) => m.kind === 'shipping' || m.kind === 'receiving' || m.kind === 'sale',
  );
  return {
    id: forward.id,
    found: true,
    upstreamLots,
    downstreamLots,
    sources,
    recipients,
    upstream,
    downstream,
    diagnostics: [],
  };
}
