import type { Diagnostic } from '@foodsafety/core';
import { type AskedEvent, type Carried, ContainerContents } from './container-contents.js';
import { type HoldWindow, HoldWindows, withinWindows } from './container-windows.js';
import type { EventKind } from './event-kind.js';
import { eventSlotsOnce } from './event-slots-once.js';
import { isoMillis } from './iso-time.js';
import { type EventObject, type EventSummary, GraphStore, type LotGraph } from './lot-graph.js';
import { checkLotGraph } from './lot-graph-argument.js';
import { traceBack, traceForward } from './trace-lot.js';
import { REC20_UNITS, type UnitTable, unitCode } from './units.js';

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
  /**
   * The container the lot moved in (a pallet's SSCC, a crate's GRAI, the outermost one through
   * cases on a pallet), when the event names the container and not the lot: the quantity is what
   * the container's packings recorded of the lot, less what its unpackings took off, at the
   * event's time (steps at the event's own instant ordered by place, as the chain checks order
   * them). A case on two containers the event names (bad data) counts once, under the first the
   * event names. Downstream, any shipment, receipt or sale of a container the lot or a lot made
   * from it was packed into; upstream, the shipments and receipts of a container the lot or one
   * of its ancestors was packed into, while it may have held it.
   */
  readonly via?: string;
}

/** A party or location to contact in a recall, with what it sent or received. */
export interface RecallContact {
  /** Party (PGLN) when the events name one, else the location. */
  readonly id: string;
  /** The lots (and containers) that moved between the contact and the chain. */
  readonly lots: readonly string[];
  /**
   * What moved between the contact and the chain, per unit (`''` for a count without unit): for a
   * recipient what reached it, for a source what it sent. A shipment and its receipt are one
   * flow, counted once: shipments and receipts of a lot that share a business transaction
   * (directly, or through an event naming two) are one flow, those that name none another, and
   * each flow counts the larger of its shipped and its received side (so a flow recorded on one
   * side only counts too). A flow is compared in its dimension (kg and g alike) and shown in the
   * unit it was first written in. What reached a recipient, or what a source sent, inside a
   * container counts with the quantity the container's packings recorded (see
   * {@link RecallMovement.via}). A container that carried any of the lots counted (opened) is
   * packaging, not product: its own movement (`quantity` 1, as any EPC) stays in the movements,
   * and the container in `lots` and `events`, but counts in no total; one that carried none of
   * them (emptied, say) counts as what it is named as (1 in `''`).
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
  /**
   * Every upstream producer and shipper of the lot and its ancestors — also those that shipped
   * them inside a container (a pallet, through cases on it), with the quantity its packings
   * recorded (see {@link RecallMovement.via}).
   */
  readonly sources: readonly RecallContact[];
  /** Every downstream recipient of the lot and its descendants (and where they were sold). */
  readonly recipients: readonly RecallContact[];
  /**
   * The movements of the lot and its ancestors behind the sources: the events that name them,
   * then the shipments and receipts of the containers they were packed into while the container
   * may have held them, each followed by a movement of each lot it carried (`via` the container).
   */
  readonly upstream: readonly RecallMovement[];
  /**
   * The movements of the lot and what was made from it behind the recipients, those of the
   * containers they were packed into (while the container may have held them) followed by the
   * lots they carried (`via` the container).
   */
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

/** A movement, with what {@link movementsOf} needs to find the party of a side left unnamed. */
interface Move extends Located {
  /** Every source and destination id the event names. */
  readonly sourceIds: readonly string[];
  readonly destinationIds: readonly string[];
  /** The place of the event (shipper's for a shipment, receiver's for a receipt). */
  readonly holder: string | undefined;
  /** The event names no destinations (a receipt) or no sources (a shipment). */
  readonly unnamed: boolean;
}

/** Object entries of an event above which {@link movementsOf} finds a lot's by an index. */
const MANY_OBJECTS = 16;

/**
 * The movements of the lots: one per object entry of an event naming the lot (an event that
 * names it on two quantity lines moves both). A receipt that names no destinations is the
 * recipient's, as the shipment it pairs with names it (one of the same lot and business
 * transaction whose destinations include the receipt's place, else the one party all the
 * shipments of that lot and transaction name); a shipment that names no sources is its shipper's,
 * as the receipt it pairs with names it. So one recipient is one contact.
 */
function movementsOf(
  graph: LotGraph,
  lots: readonly string[],
  windows?: ReadonlyMap<number, HoldWindow | readonly HoldWindow[]>,
): Located[] {
  const moves: Move[] = [];
  // per event: how a container's contents are asked for, made once
  const askedBySlot = new Map<number, AskedEvent>();
  // per event naming many objects (a pallet and its cases): its entries by identifier, made once
  const entriesById = new Map<number, Map<string, number[]>>();
  const entriesOf = (e: EventSummary, lot: string): readonly number[] => {
    let byId = entriesById.get(e.slot);
    if (byId === undefined) {
      byId = new Map();
      e.objects.forEach((object, entry) => {
        const known = byId?.get(object.id);
        if (known === undefined) byId?.set(object.id, [entry]);
        else known.push(entry);
      });
      entriesById.set(e.slot, byId);
    }
    return byId.get(lot) ?? [];
  };
  for (const lot of lots) {
    const node = graph.nodeOf(lot);
    if (node === undefined) continue;
    const window = windows?.get(node);
    for (const slot of eventSlotsOnce(graph, node)) {
      const e = graph.event(slot);
      // a container's events while it did not hold the lot (a time that cannot be read counts)
      if (window !== undefined && !withinWindows(window, e.time)) continue;
      // (what a container's shipment, receipt or sale carried is asked for where it happened)
      let asked: AskedEvent | undefined;
      if (
        window !== undefined &&
        (e.kind === 'shipping' || e.kind === 'receiving' || e.kind === 'sale')
      ) {
        asked = askedBySlot.get(slot);
        if (asked === undefined) {
          asked = askedOf(e);
          askedBySlot.set(slot, asked);
        }
      }
      if (e.objects.length <= MANY_OBJECTS) {
        e.objects.forEach((object, entry) => {
          if (object.id === lot) moves.push(moveOf(e, lot, object, entry, asked));
        });
      } else
        for (const entry of entriesOf(e, lot))
          moves.push(moveOf(e, lot, e.objects[entry] as EventObject, entry, asked));
    }
  }
  nameUnnamedSides(moves);
  return moves.map(({ movement, entry, asked }) => ({
    movement,
    entry,
    ...(asked === undefined ? {} : { asked }),
  }));
}

/**
 * A movement, with the position of its object entry in the event and, for a shipment, receipt or
 * sale of a container, the event as its contents are asked for.
 */
interface Located {
  readonly movement: RecallMovement;
  readonly entry: number;
  readonly asked?: AskedEvent;
}

/** An event as a container's contents are asked for (see {@link ContainerContents.carriedBy}). */
function askedOf(e: EventSummary): AskedEvent {
  return {
    index: e.index,
    time: e.time,
    receipt: e.kind === 'receiving',
    ...(e.holder === undefined ? {} : { holder: e.holder }),
    destinations: new Set(e.destinations.map((d) => d.id)),
  };
}

function moveOf(
  e: EventSummary,
  lot: string,
  object: EventSummary['objects'][number],
  entry: number,
  asked: AskedEvent | undefined,
): Move {
  let from: string | undefined;
  let to: string | undefined;
  if (e.kind === 'shipping' || e.kind === 'receiving') {
    from = partyOf(e.sources) ?? (e.kind === 'shipping' ? e.holder : undefined);
    to = partyOf(e.destinations) ?? (e.kind === 'receiving' ? e.holder : undefined);
  } else if (e.kind === 'origin') {
    from = e.holder;
  } else if (e.kind === 'transformation') {
    const consumed = object.field === 'inputEPCList' || object.field === 'inputQuantityList';
    if (consumed) to = e.holder;
    else from = e.holder;
  } else {
    to = e.holder;
  }
  const movement: RecallMovement = {
    lot,
    kind: e.kind,
    index: e.index,
    ...(e.eventID === undefined ? {} : { eventID: e.eventID }),
    ...(e.eventTime === undefined ? {} : { eventTime: e.eventTime }),
    ...(object.quantity === undefined ? {} : { quantity: object.quantity }),
    ...(object.uom === undefined ? {} : { uom: object.uom }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(e.bizTransactions.length === 0 ? {} : { bizTransactions: e.bizTransactions }),
  };
  return {
    movement,
    entry,
    ...(asked === undefined ? {} : { asked }),
    sourceIds: e.sources.map((p) => p.id),
    destinationIds: e.destinations.map((p) => p.id),
    holder: e.holder,
    unnamed:
      (e.kind === 'receiving' && e.destinations.length === 0) ||
      (e.kind === 'shipping' && e.sources.length === 0),
  };
}

/**
 * See {@link movementsOf}: the side a shipment or receipt leaves unnamed, from its partner — the
 * first transfer of the same lot and business transaction that names the place (its
 * destinations, or sources, include it); else, when every such transfer of the lot and
 * transaction names one and the same party, that party. Each transfer is looked up once.
 */
function nameUnnamedSides(moves: Move[]): void {
  if (!moves.some((m) => m.unnamed)) return;
  // per lot and transaction (and place): the recipients shipments name, the shippers receipts name
  const recipientAt = new Map<string, string>();
  const shipperAt = new Map<string, string>();
  const onlyRecipient = new Map<string, string | null>();
  const onlyShipper = new Map<string, string | null>();
  const note = (only: Map<string, string | null>, key: string, party: string) => {
    const known = only.get(key);
    if (known === undefined) only.set(key, party);
    else if (known !== party) only.set(key, null);
  };
  for (const m of moves) {
    const { kind, lot, bizTransactions, to, from } = m.movement;
    for (const t of bizTransactions ?? []) {
      const key = `${lot}\u0000${t}`;
      if (kind === 'shipping' && to !== undefined && m.destinationIds.length > 0) {
        for (const d of m.destinationIds) {
          const k = `${key}\u0000${d}`;
          if (!recipientAt.has(k)) recipientAt.set(k, to);
        }
        note(onlyRecipient, key, to);
      } else if (kind === 'receiving' && from !== undefined && m.sourceIds.length > 0) {
        for (const d of m.sourceIds) {
          const k = `${key}\u0000${d}`;
          if (!shipperAt.has(k)) shipperAt.set(k, from);
        }
        note(onlyShipper, key, from);
      }
    }
  }
  moves.forEach((m, i) => {
    if (!m.unnamed || m.holder === undefined) return;
    const { kind, lot, bizTransactions } = m.movement;
    const receipt = kind === 'receiving';
    const keys = (bizTransactions ?? []).map((t) => `${lot}\u0000${t}`);
    // a partner that names the place, under any of its transactions, first
    const at = receipt ? recipientAt : shipperAt;
    let party: string | null | undefined;
    for (const key of keys) {
      party = at.get(`${key}\u0000${m.holder}`);
      if (party !== undefined) break;
    }
    // else the one party its transactions' partners name (none when they name several)
    if (party === undefined) {
      const only = receipt ? onlyRecipient : onlyShipper;
      for (const key of keys) {
        const p = only.get(key);
        if (p === undefined) continue;
        party = party === undefined || party === p ? p : null;
      }
    }
    if (party === undefined || party === null) return;
    moves[i] = {
      ...m,
      movement: receipt ? { ...m.movement, to: party } : { ...m.movement, from: party },
    };
  });
}

/**
 * The movements with, after each shipment, receipt or sale of a container the lot was packed
 * into, a movement of each counted lot the container carried then (`via` the container; see
 * {@link ContainerContents}) — unless the event names that lot itself, which it then moved as
 * written. A case on two containers one event names counts under the first it names. With the
 * movements of containers that carried something counted (opened: packaging, whose own quantity
 * counts in no total).
 */
function withCarried(
  graph: LotGraph,
  moves: readonly Located[],
  counted: ReadonlySet<string>,
  containers: { has(node: number): boolean },
): { movements: RecallMovement[]; opened: Set<RecallMovement> } {
  const named = new Set(moves.map(({ movement: m }) => `${m.index}\u0000${m.lot}`));
  // per event, the movements of the containers it names (each container once), and where the
  // event first names each
  const byEvent = new Map<
    number,
    { asked: AskedEvent; containers: Map<number, { ats: number[]; entry: number }> }
  >();
  moves.forEach(({ movement: m, entry, asked }, at) => {
    if (asked === undefined) return;
    const node = graph.nodeOf(m.lot);
    if (node === undefined || !containers.has(node)) return;
    let event = byEvent.get(m.index);
    if (event === undefined) {
      event = { asked, containers: new Map() };
      byEvent.set(m.index, event);
    }
    const known = event.containers.get(node);
    if (known === undefined) event.containers.set(node, { ats: [at], entry });
    else {
      known.ats.push(at);
      known.entry = Math.min(known.entry, entry);
    }
  });
  // asked in time order, so that each container's steps are read once (unreadable times last:
  // they do not move a container's cursor)
  const order = (t: number) => (Number.isNaN(t) ? Number.POSITIVE_INFINITY : t);
  const events = [...byEvent.values()].sort(
    (a, b) => order(a.asked.time) - order(b.asked.time) || a.asked.index - b.asked.index,
  );
  const contents = new ContainerContents(graph, counted);
  const carried = new Map<number, Carried>();
  const opened = new Set<RecallMovement>();
  for (const { asked, containers } of events) {
    // the containers in the order the event names them
    const ordered = [...containers].sort(([, a], [, b]) => a.entry - b.entry).map(([n]) => n);
    const lines = contents.carriedBy(asked, ordered);
    for (const [node, { ats }] of containers) {
      const got = lines.get(node);
      if (got === undefined) continue;
      // (an event that names the container on two lines carries what it held once)
      carried.set(ats[0] as number, got);
      if (got.carries) for (const at of ats) opened.add((moves[at] as Located).movement);
    }
  }
  const out: RecallMovement[] = [];
  moves.forEach(({ movement: m }, at) => {
    out.push(m);
    const got = carried.get(at);
    if (got === undefined) return;
    const { quantity: _q, uom: _u, ...rest } = m;
    for (const line of got.lines) {
      // a lot the event names itself moved as written, unless the event packs or unpacks the
      // container (its lines are then what else was on it)
      if (!got.own && named.has(`${m.index}\u0000${line.lot}`)) continue;
      out.push({
        ...rest,
        lot: line.lot,
        ...(line.quantity === undefined ? {} : { quantity: line.quantity }),
        ...(line.uom === undefined ? {} : { uom: line.uom }),
        via: m.lot,
      });
    }
  });
  return { movements: out, opened };
}

/** Figures as sums of decimals leave them (0.1 + 0.2): to 15 significant digits. */
function tidy(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(15)) : value;
}

/**
 * The flows of one lot to or from one contact in one dimension (mass, volume, count, or a unit
 * that does not convert, alone): its shipments and receipts, each with its business
 * transactions and its quantity in the dimension's base unit.
 */
interface LotFlows {
  /** The unit the flows are shown in: the first one written. */
  readonly unit: string;
  /** Its size in the base unit (1 for a unit that does not convert). */
  readonly factor: number;
  readonly moves: {
    readonly shipped: boolean;
    readonly base: number;
    readonly tx: readonly string[];
  }[];
}

/**
 * One lot's flows with one contact, counted: shipments and receipts that share a business
 * transaction, directly or through another event that names both, are one flow (transactions
 * joined, whatever order they come in), those that name none another; each flow counts the
 * larger of its shipped and its received side, so a shipment and its receipt count once and a
 * flow recorded on one side only counts too.
 */
function flowTotal(flows: LotFlows): number {
  const parent = new Map<string, string>();
  // (every transaction is entered before its root is asked for)
  const root = (t: string): string => {
    let r = t;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    for (let c = t; c !== r; ) {
      const next = parent.get(c) as string;
      parent.set(c, r);
      c = next;
    }
    return r;
  };
  for (const m of flows.moves) {
    const [first, ...rest] = m.tx;
    if (first === undefined) continue;
    if (!parent.has(first)) parent.set(first, first);
    for (const t of rest) {
      if (!parent.has(t)) parent.set(t, t);
      const a = root(first);
      const b = root(t);
      if (a !== b) parent.set(b, a);
    }
  }
  const sides = new Map<string, [shipped: number, received: number]>();
  for (const m of flows.moves) {
    const key = m.tx.length === 0 ? '' : `#${root(m.tx[0] as string)}`;
    let side = sides.get(key);
    if (side === undefined) {
      side = [0, 0];
      sides.set(key, side);
    }
    side[m.shipped ? 0 : 1] += m.base;
  }
  let total = 0;
  for (const [shipped, received] of sides.values()) total += Math.max(shipped, received);
  return total;
}

interface ContactAcc {
  lots: Set<string>;
  /** Per lot and dimension (see {@link LotFlows}). */
  flows: Map<string, LotFlows>;
  produced: Record<string, number>;
  sold: Record<string, number>;
  first?: string;
  firstMs: number;
  last?: string;
  lastMs: number;
  events: number[];
  eventSet: Set<number>;
}

function add(totals: Record<string, number>, unit: string, quantity: number): void {
  totals[unit] = (totals[unit] ?? 0) + quantity;
}

/**
 * A plain-object copy of totals kept without a prototype (a unit may be `__proto__`), rounded
 * ({@link tidy}).
 */
function copyOf(totals: Record<string, number>): Record<string, number> {
  for (const unit of Object.keys(totals)) totals[unit] = tidy(totals[unit] as number);
  return { ...totals };
}

function collect(
  { movements, opened }: { movements: readonly RecallMovement[]; opened: Set<RecallMovement> },
  pick: (m: RecallMovement) => string | undefined,
  keep: (m: RecallMovement) => boolean,
  units: UnitTable,
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
        eventSet: new Set(),
      };
      acc.set(id, c);
    }
    c.lots.add(m.lot);
    // a quantity that is no count of what moved (negative, not finite) adds nothing, nor does
    // that of a container opened (what it carried counts instead)
    if (
      m.quantity !== undefined &&
      Number.isFinite(m.quantity) &&
      m.quantity >= 0 &&
      !opened.has(m)
    ) {
      const unit = m.uom ?? '';
      if (m.kind === 'shipping' || m.kind === 'receiving') {
        // a shipment in kilograms and its receipt in grams are one flow
        const code = unitCode(m.uom, units);
        const dimension = code === undefined ? `=${unit}` : `${code.dim}`;
        const key = `${dimension}\u0000${m.lot}`;
        let flows = c.flows.get(key);
        if (flows === undefined) {
          flows = { unit, factor: code?.factor ?? 1, moves: [] };
          c.flows.set(key, flows);
        }
        flows.moves.push({
          shipped: m.kind === 'shipping',
          base: m.quantity * (code?.factor ?? 1),
          tx: m.bizTransactions ?? [],
        });
      } else if (m.kind === 'sale') add(c.sold, unit, m.quantity);
      else add(c.produced, unit, m.quantity);
    }
    if (m.eventTime !== undefined) {
      const ms = isoMillis(m.eventTime);
      if (ms < c.firstMs) {
        c.firstMs = ms;
        c.first = m.eventTime;
      }
      if (ms > c.lastMs) {
        c.lastMs = ms;
        c.last = m.eventTime;
      }
    }
    if (!c.eventSet.has(m.index)) {
      c.eventSet.add(m.index);
      c.events.push(m.index);
    }
  }
  return [...acc.entries()].map(([id, c]) => {
    const quantities = Object.create(null) as Record<string, number>;
    for (const flows of c.flows.values())
      add(quantities, flows.unit, flowTotal(flows) / flows.factor);
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
 * The movements upstream of `lots` (the lot recalled and its ancestors): the events that name
 * them, then the shipments and receipts of the containers they were packed into (through cases
 * on a pallet; not what was made of them) while the container may have held one of them, each
 * followed by what it carried of them (see {@link withCarried}). The lot's own containers count
 * as a shipment naming the lot does, upstream and downstream alike.
 */
function upstreamOf(
  graph: LotGraph,
  holds: HoldWindows,
  lots: readonly string[],
): { movements: RecallMovement[]; opened: Set<RecallMovement> } {
  const counted = new Set(lots);
  const windows = holds.packedInto(lots.map((l) => graph.nodeOf(l) as number));
  const containers: string[] = [];
  for (const node of windows.keys()) {
    const id = graph.idOf(node);
    if (!counted.has(id)) containers.push(id);
  }
  const moved = new Set(containers);
  const moves = movementsOf(graph, [...lots, ...containers], windows).filter(
    ({ movement: m }) => !moved.has(m.lot) || m.kind === 'shipping' || m.kind === 'receiving',
  );
  return withCarried(graph, moves, counted, windows);
}

/**
 * The recall scope of a lot: every upstream source (producers of the lot and of everything it was
 * made from, and who shipped those) and every downstream recipient (who the lot and everything
 * made from it was shipped to, received by or sold at), with quantities and dates, and the
 * movements behind them.
 */
export function recallScope(graph: LotGraph, id: string): RecallScope {
  checkLotGraph('recallScope', graph);
  // (a pallet's events are read once per lot on it: each summary made once)
  return graph instanceof GraphStore
    ? graph.withSummaries(() => scopeOf(graph, id))
    : scopeOf(graph, id);
}

/** {@link recallScope} of a checked graph. */
function scopeOf(graph: LotGraph, id: string): RecallScope {
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
  const units = graph.units ?? REC20_UNITS;
  const start = graph.nodeOf(forward.id) as number;
  const holds = new HoldWindows(graph);
  const upstream = upstreamOf(graph, holds, [forward.id, ...upstreamLots]);
  const windows = holds.from(start);
  const downstream = withCarried(
    graph,
    movementsOf(graph, [forward.id, ...downstreamLots], windows),
    new Set([forward.id, ...downstreamLots]),
    windows,
  );
  const sources = collect(
    upstream,
    (m) => m.from,
    (m) =>
      m.kind === 'origin' ||
      m.kind === 'transformation' ||
      m.kind === 'shipping' ||
      m.kind === 'receiving',
    units,
  );
  const recipients = collect(
    downstream,
    (m) => m.to,
    (m) => m.kind === 'shipping' || m.kind === 'receiving' || m.kind === 'sale',
    units,
  );
  return {
    id: forward.id,
    found: true,
    upstreamLots,
    downstreamLots,
    sources,
    recipients,
    upstream: upstream.movements,
    downstream: downstream.movements,
    diagnostics: [],
  };
}
