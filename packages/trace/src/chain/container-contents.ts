/**
 * What a container carried of the lots a recall follows, at the time it moved: the quantities
 * its packings recorded (`childQuantityList`), less what its unpackings took off, through cases
 * on a pallet. The recall scope gives a recipient that received a pallet the quantity of the lot
 * on it, not only the pallet's SSCC.
 */
import { type ContainerStep, containerSteps } from './container-steps.js';
import { T_AGGREGATION } from './event-kind.js';
import { type EventObject, GraphStore, type LotGraph } from './lot-graph.js';
import { stepBeforeTransfer } from './same-instant-order.js';
import { REC20_UNITS, type UnitTable, unitCode } from './units.js';

/** A line of what a container carried: a lot (or an instance) and its quantity as packed. */
export interface CarriedLine {
  readonly lot: string;
  /** 1 for an instance (`childEPCs`); absent for a quantity line written without a quantity. */
  readonly quantity?: number;
  readonly uom?: string;
}

/**
 * The event a container's contents are asked for: when, and where, it happened. At its instant,
 * a packing or unpacking at the receiver's place (the receipt's place, or a destination of the
 * shipment) comes after it, one anywhere else before it; without a place, a packing comes
 * before it, an unpacking before a shipment but after a receipt — as the chain checks order them.
 */
export interface AskedEvent {
  /** Its position in the input (-1: none); a step of that position is the event itself. */
  readonly index: number;
  /** Epoch milliseconds; NaN when it cannot be read. */
  readonly time: number;
  /** A receipt (else a shipment, a sale, an observation). */
  readonly receipt: boolean;
  /** Its place: the receiver's for a receipt, the shipper's for a shipment. */
  readonly holder?: string;
  /** The ids of its destinations (parties and places). */
  readonly destinations: ReadonlySet<string>;
}

/** What an event moved inside one container it names (see {@link ContainerContents.carriedBy}). */
export interface Carried {
  /** What it carried of the counted lots, as counted for it. */
  readonly lines: CarriedLine[];
  /** The event packs or unpacks the container itself (a shipping ADD, a receiving DELETE). */
  readonly own: boolean;
  /**
   * It carried something counted: the container was opened (what it carried counts, here, under
   * another container the event names, or as the event names it itself), so the container is
   * packaging, not what moved.
   */
  readonly carries: boolean;
}

/** Per counted lot, per unit as written (`''` without one), the quantity (NaN: none written). */
type Lines = Map<string, Map<string, number>>;

/** What a container holds: its own quantity lines, and the instances on it (cases, items). */
interface Held {
  readonly lines: Lines;
  readonly instances: Set<string>;
}

function emptyHeld(): Held {
  return { lines: new Map(), instances: new Set() };
}

/**
 * The times `(from, until)` (both left out: at a step's own instant what came first depends on
 * the event) a sum of contents holds for, and whether a container inside itself was cut short
 * beneath it (bad data) or the sum was read for one event only: then it is not kept for later asks.
 */
interface Bounds {
  from: number;
  until: number;
  cut: boolean;
}

/**
 * What a container carried, through its cases, at any time in its bounds; with the instances in
 * it that were packed into more than one container (each time reached), which may be counted
 * twice.
 */
interface Total extends Readonly<Bounds> {
  readonly lines: Lines;
  readonly shared: readonly string[];
}

/** A container's steps, and how far its state has been read. */
interface Cursor {
  readonly steps: readonly ContainerStep[];
  /** Per event (input position): its step. */
  readonly byIndex: ReadonlyMap<number, number>;
  at: number;
  held: Held;
  /**
   * What the instances on it carry, summed at some time, with the times it holds for, and the
   * instances packed since (added when next asked); dropped when an instance is taken off.
   */
  sum: InstanceSum | undefined;
}

interface InstanceSum extends Bounds {
  readonly lines: Lines;
  readonly shared: string[];
  pending: string[];
}

const NO_PLACES: ReadonlySet<string> = new Set();

/**
 * The contents of containers, read once per container (its packings and unpackings as parentID,
 * in time order). `counted` are the ids whose quantities count (the lot recalled and what was
 * made from it); containers among them are opened, through cases on a pallet.
 */
export class ContainerContents {
  private readonly cursors = new Map<number, Cursor>();
  /** Per container: its last total, with the times it holds for. */
  private readonly totals = new Map<number, Total>();
  private readonly units: UnitTable;
  /** The node of each instance met (`undefined`: none). */
  private readonly nodes = new Map<string, number | undefined>();
  /** Per node: the containers it was ever packed into. */
  private readonly parents = new Map<number, readonly number[]>();
  /** The states read for the last event asked which containers hold what it names. */
  private holding: { asked: AskedEvent; held: Map<number, Held> } | undefined;

  constructor(
    private readonly graph: LotGraph,
    private readonly counted: ReadonlySet<string>,
  ) {
    this.units = graph.units ?? REC20_UNITS;
  }

  /**
   * What `container` carried of the counted ids at `time` (epoch ms): every packing up to that
   * time, less every unpacking after its packing and up to that time. A time that cannot be read
   * (NaN) counts every packing and no unpacking, as does a packing or an unpacking whose own time
   * cannot be read: the safe side for a recall. An unpacking at a packing's own instant takes
   * nothing of that packing off. Lines of one lot and unit are summed, through the cases on it,
   * each case (and each instance) once; an unpacking in another unit of the same dimension (grams
   * off kilograms) takes its quantity off in that dimension. Asked in time order, each
   * container's steps are read once (a later time goes on from the last one), and a case's
   * contents are summed again only when they changed.
   */
  carriedAt(container: number, time: number): CarriedLine[] {
    const asked: AskedEvent = { index: -1, time, receipt: false, destinations: NO_PLACES };
    const total = this.total(container, asked, new Set());
    if (!hasRepeats(total.shared)) return linesOf(total.lines);
    return linesOf(this.linesOnce(container, asked, new Set()));
  }

  /**
   * What the event `asked` moved inside the containers it names (`containers`, in the order the
   * event names them), per container: {@link carriedAt} at the event (same-instant steps ordered
   * by place, see {@link AskedEvent}), except that a container the event packs or unpacks itself
   * (a shipping ADD, a receiving DELETE) gives what was on it besides what the event names —
   * before a receiving DELETE, all that arrived, less the quantity lines it names (it names them
   * itself) — that a container inside another one the event names counts within that one only
   * (the outermost; it gets no lines), and that a case (or an instance) on two containers the
   * event names (bad data) counts once, under the first the event names. Which named container is
   * inside another is read upwards, from each one through the containers it was packed into.
   */
  carriedBy(asked: AskedEvent, containers: readonly number[]): Map<number, Carried> {
    const out = new Map<number, Carried>();
    const outer = containers.length > 1 ? this.outermost(containers, asked) : containers;
    const isOuter = new Set(outer);
    const got: { container: number; lines: Lines; own: boolean; carries: boolean }[] = [];
    const shared: string[] = [];
    for (const c of containers) {
      if (isOuter.has(c)) continue;
      const inner = this.total(c, asked, new Set());
      out.set(c, { lines: [], own: false, carries: carriesAny(inner.lines) });
    }
    for (const c of outer) {
      const cursor = this.cursorOf(c);
      const step = cursor.byIndex.get(asked.index);
      if (step === undefined) {
        const total = this.total(c, asked, new Set());
        for (const id of total.shared) shared.push(id);
        got.push({
          container: c,
          lines: total.lines,
          own: false,
          carries: carriesAny(total.lines),
        });
      } else {
        const own = cursor.steps[step] as ContainerStep;
        const besides = this.besidesStep(c, step, asked, shared);
        const carries =
          carriesAny(besides) || own.children.some((child) => this.carries(child, asked));
        got.push({ container: c, lines: besides, own: true, carries });
      }
    }
    // a case reached twice (on two of the pallets, or twice on one): each counted once
    const once = hasRepeats(shared) ? new Set<string>() : undefined;
    for (const { container, lines, own, carries } of got) {
      const counted = once === undefined ? lines : this.linesOnce(container, asked, once);
      out.set(container, { lines: linesOf(counted), own, carries });
    }
    return out;
  }

  /**
   * The containers of `containers` not inside another of them at the event: looked for upwards,
   * from each through the containers it was packed into that held it then (a container the event
   * packs or unpacks does not hold what the event names). Of containers inside each other (bad
   * data), the first named is outermost.
   */
  private outermost(containers: readonly number[], asked: AskedEvent): number[] {
    const named = new Set(containers);
    const host = new Map<number, number>();
    for (const c of containers) {
      const h = this.hostOf(c, named, asked);
      if (h !== undefined) host.set(c, h);
    }
    for (const c of containers) {
      // (in a cycle, the first named is outermost)
      const met = new Set<number>([c]);
      for (let h = host.get(c); h !== undefined; h = host.get(h)) {
        if (h === c) {
          host.delete(c);
          break;
        }
        if (met.has(h)) break;
        met.add(h);
      }
    }
    return containers.filter((c) => !host.has(c));
  }

  /** The first of `named` found holding `container` at the event (through cases), if any. */
  private hostOf(
    container: number,
    named: ReadonlySet<number>,
    asked: AskedEvent,
  ): number | undefined {
    if (this.cursorOf(container).steps.length === 0) return undefined;
    const met = new Set<number>([container]);
    const queue = [container];
    while (queue.length > 0) {
      const node = queue.pop() as number;
      const id = this.graph.idOf(node);
      for (const parent of this.parentsOf(node)) {
        if (met.has(parent) || !this.holds(parent, id, asked)) continue;
        if (named.has(parent)) return parent;
        met.add(parent);
        queue.push(parent);
      }
    }
    return undefined;
  }

  /** Whether `container` held the instance `id` at the event (not one the event names). */
  private holds(container: number, id: string, asked: AskedEvent): boolean {
    const cursor = this.cursorOf(container);
    const step = cursor.byIndex.get(asked.index);
    if (step !== undefined && names(cursor.steps[step] as ContainerStep, id)) return false;
    // (each container's state read once for the event, however many it is asked about)
    if (this.holding?.asked !== asked) this.holding = { asked, held: new Map() };
    let held = this.holding.held.get(container);
    if (held === undefined) {
      held = this.heldAt(container, asked).held;
      this.holding.held.set(container, held);
    }
    return held.instances.has(id);
  }

  /** Whether a child an event packs or unpacks is, or carries, something counted. */
  private carries(child: EventObject, asked: AskedEvent): boolean {
    if (child.field !== 'childEPCs') return this.counted.has(child.id);
    const node = this.nodeOf(child.id);
    if (node !== undefined && this.cursorOf(node).steps.length > 0)
      return carriesAny(this.total(node, asked, new Set()).lines);
    return this.counted.has(child.id);
  }

  /**
   * What `container` carried at its own step `step` (see {@link carriedBy}): its state before the
   * step, without the instances the step names, less the quantity lines an unpacking names; the
   * instances in it packed into more than one container go to `shared`.
   */
  private besidesStep(container: number, step: number, asked: AskedEvent, shared: string[]): Lines {
    const cursor = this.cursorOf(container);
    const own = cursor.steps[step] as ContainerStep;
    const { held, onCursor } = this.heldAt(container, asked);
    const lines = this.linesBeside(held, own);
    const open = new Set([container]);
    const bounds = { cut: false, from: 0, until: 0 };
    const renamed = own.children.some((c) => c.field === 'childEPCs' && held.instances.has(c.id));
    if (onCursor && !renamed) {
      const sum = this.instancesOf(cursor, asked, open, bounds);
      addLines(lines, sum.lines);
      for (const id of sum.shared) shared.push(id);
    } else
      for (const id of held.instances)
        if (!names(own, id)) this.addInstance(lines, id, asked, open, bounds, shared);
    return lines;
  }

  /**
   * What `container` carried at the event (as {@link carriedBy} gives it), each case and instance
   * once: none of those in `seen` (counted under a container named before it), and those it
   * counts added to `seen`.
   */
  private linesOnce(container: number, asked: AskedEvent, seen: Set<string>): Lines {
    const cursor = this.cursorOf(container);
    const step = cursor.byIndex.get(asked.index);
    const own = step === undefined ? undefined : (cursor.steps[step] as ContainerStep);
    const { held } = this.heldAt(container, asked);
    const lines = this.linesBeside(held, own);
    seen.add(this.graph.idOf(container));
    for (const id of [...held.instances])
      if (own === undefined || !names(own, id)) this.addOnce(lines, id, asked, seen);
    return lines;
  }

  /**
   * A copy of what a container held as quantity lines, less the lines an unpacking that is the
   * event's own step (`own`, a receiving DELETE) names with a quantity: it names them itself.
   */
  private linesBeside(held: Held, own: ContainerStep | undefined): Lines {
    const lines = copyLines(held.lines);
    if (own !== undefined && !own.packs)
      for (const child of own.children)
        if (child.field !== 'childEPCs' && child.quantity !== undefined)
          takeOff(lines, child, this.units);
    return lines;
  }

  /** An instance on a container, unless in `seen`: a case opened, a counted instance as 1. */
  private addOnce(lines: Lines, id: string, asked: AskedEvent, seen: Set<string>): void {
    if (seen.has(id)) return;
    seen.add(id);
    const node = this.nodeOf(id);
    if (node !== undefined && this.cursorOf(node).steps.length > 0) {
      const { held } = this.heldAt(node, asked);
      addLines(lines, held.lines);
      for (const inner of [...held.instances]) this.addOnce(lines, inner, asked, seen);
    } else if (this.counted.has(id)) add(lines, id, '', 1);
  }

  /**
   * What the instances on a container carry at the event (its cursor read up to it): the sum
   * kept with the cursor, the instances packed since added, all summed again only when a case's
   * contents changed or an instance was taken off.
   */
  private instancesOf(
    cursor: Cursor,
    asked: AskedEvent,
    open: Set<number>,
    bounds: Bounds,
  ): InstanceSum {
    let sum = cursor.sum;
    if (sum === undefined || !(asked.time > sum.from && asked.time < sum.until)) {
      sum = {
        lines: new Map(),
        shared: [],
        from: Number.NEGATIVE_INFINITY,
        until: Number.POSITIVE_INFINITY,
        cut: false,
        pending: [...cursor.held.instances],
      };
      cursor.sum = sum;
    }
    for (const id of sum.pending) this.addInstance(sum.lines, id, asked, open, sum, sum.shared);
    sum.pending = [];
    if (sum.cut) {
      cursor.sum = undefined;
      bounds.cut = true;
    }
    bounds.from = Math.max(bounds.from, sum.from);
    bounds.until = Math.min(bounds.until, sum.until);
    return sum;
  }

  /** What `container` carried at the event, through its cases, kept while it stays the same. */
  private total(container: number, asked: AskedEvent, open: Set<number>): Total {
    const known = this.totals.get(container);
    if (known !== undefined && asked.time > known.from && asked.time < known.until) return known;
    const cursor = this.cursorOf(container);
    const { held, onCursor } = this.heldAt(container, asked);
    // (not kept when read for this event only: a time that cannot be read reads every step, and
    // steps at the event's instant are read by its place)
    const bounds = {
      cut: !onCursor,
      from: Number.NEGATIVE_INFINITY,
      until: Number.POSITIVE_INFINITY,
    };
    if (onCursor) {
      const last = cursor.steps[cursor.at - 1];
      const next = cursor.steps[cursor.at];
      if (last !== undefined && Number.isFinite(last.time)) bounds.from = last.time;
      if (next !== undefined) bounds.until = next.time;
    }
    const lines = copyLines(held.lines);
    const shared: string[] = [];
    open.add(container);
    if (onCursor) {
      const sum = this.instancesOf(cursor, asked, open, bounds);
      addLines(lines, sum.lines);
      for (const id of sum.shared) shared.push(id);
    } else
      for (const id of held.instances) this.addInstance(lines, id, asked, open, bounds, shared);
    open.delete(container);
    const total: Total = { lines, shared, ...bounds };
    if (!bounds.cut) this.totals.set(container, total);
    return total;
  }

  /**
   * An instance on a container: a case opened (its total added), a counted instance as 1; one
   * packed into more than one container (and those in it that were) noted in `shared`.
   */
  private addInstance(
    lines: Lines,
    id: string,
    asked: AskedEvent,
    open: Set<number>,
    bounds: Bounds,
    shared: string[],
  ): void {
    const node = this.nodeOf(id);
    if (node !== undefined && this.parentsOf(node).length > 1) shared.push(id);
    if (node !== undefined && this.cursorOf(node).steps.length > 0) {
      if (open.has(node)) {
        bounds.cut = true; // a container inside itself (bad data): once
        return;
      }
      const inner = this.total(node, asked, open);
      if (inner.cut) bounds.cut = true;
      bounds.from = Math.max(bounds.from, inner.from);
      bounds.until = Math.min(bounds.until, inner.until);
      addLines(lines, inner.lines);
      for (const s of inner.shared) shared.push(s);
    } else if (this.counted.has(id)) add(lines, id, '', 1);
  }

  /**
   * The state of `container` at the event (see {@link carriedAt}), without the event's own step,
   * and whether it is the cursor's (else a copy, read for this event only). Steps before the
   * event's instant come before it, steps after it after; those of its instant by place (see
   * {@link AskedEvent}). Asked in time order, the cursor goes on from where it was.
   */
  private heldAt(container: number, asked: AskedEvent): { held: Held; onCursor: boolean } {
    const cursor = this.cursorOf(container);
    const { steps } = cursor;
    const time = asked.time;
    if (!Number.isFinite(time)) {
      const held = emptyHeld();
      for (const step of steps) if (step.index !== asked.index) this.apply(held, step, false);
      return { held, onCursor: false };
    }
    // (steps are in time order, unreadable times first: those apply whatever the time)
    let lo = cursor.at;
    while (lo > 0 && (steps[lo - 1] as ContainerStep).time >= time) lo -= 1;
    while (lo < steps.length && !((steps[lo] as ContainerStep).time >= time)) lo += 1;
    let hi = lo;
    while (hi < steps.length && (steps[hi] as ContainerStep).time === time) hi += 1;
    // the steps of the event's instant that come before it: when they come first, the cursor
    // goes to the last of them
    let first = lo;
    while (first < hi && comesBefore(steps[first] as ContainerStep, asked)) first += 1;
    let more = first;
    while (more < hi && !comesBefore(steps[more] as ContainerStep, asked)) more += 1;
    if (more === hi) return { held: this.advance(cursor, first), onCursor: true };
    // else a copy of the state before the instant, with those steps
    let from = lo;
    if (cursor.at > lo && cursor.at <= hi && cursor.at <= first) from = cursor.at;
    else this.advance(cursor, lo);
    const held: Held = {
      lines: copyLines(cursor.held.lines),
      instances: new Set(cursor.held.instances),
    };
    for (let i = from; i < hi; i += 1) {
      const step = steps[i] as ContainerStep;
      if (comesBefore(step, asked)) this.apply(held, step, true);
    }
    return { held, onCursor: false };
  }

  /** The cursor moved to just before step `to` (from the start when it was past it). */
  private advance(cursor: Cursor, to: number): Held {
    if (cursor.at > to) {
      cursor.at = 0;
      cursor.held = emptyHeld();
      cursor.sum = undefined;
    }
    for (; cursor.at < to; cursor.at += 1)
      this.apply(cursor.held, cursor.steps[cursor.at] as ContainerStep, true, cursor);
    return cursor.held;
  }

  /** A step on what a container holds; unpackings only when `unpack` and their time is read. */
  private apply(held: Held, step: ContainerStep, unpack: boolean, cursor?: Cursor): void {
    if (step.packs) {
      for (const child of step.children) {
        if (child.field !== 'childEPCs') {
          if (this.counted.has(child.id)) addLine(held.lines, child);
        } else if (!held.instances.has(child.id)) {
          held.instances.add(child.id);
          cursor?.sum?.pending.push(child.id);
        }
      }
    } else if (unpack && Number.isFinite(step.time)) {
      if (step.empties) {
        held.lines.clear();
        held.instances.clear();
        if (cursor !== undefined) cursor.sum = undefined;
      }
      for (const child of step.children) {
        if (child.field !== 'childEPCs') takeOff(held.lines, child, this.units);
        else if (held.instances.delete(child.id) && cursor !== undefined) cursor.sum = undefined;
      }
    }
  }

  private nodeOf(id: string): number | undefined {
    if (this.nodes.has(id)) return this.nodes.get(id);
    const node = this.graph.nodeOf(id);
    this.nodes.set(id, node);
    return node;
  }

  /** The containers `node` was ever packed into (its parents by an AggregationEvent). */
  private parentsOf(node: number): readonly number[] {
    let parents = this.parents.get(node);
    if (parents !== undefined) return parents;
    const { graph } = this;
    const store = graph instanceof GraphStore ? graph : undefined;
    const found = new Set<number>();
    for (const { node: parent, slot } of graph.successors(node)) {
      if (found.has(parent)) continue;
      const packing =
        store !== undefined
          ? store.evType.data[slot] === T_AGGREGATION
          : graph.event(slot).type === 'AggregationEvent';
      if (packing) found.add(parent);
    }
    parents = [...found];
    this.parents.set(node, parents);
    return parents;
  }

  /** The packings and unpackings of `container` as parentID, in time order. */
  private cursorOf(container: number): Cursor {
    let cursor = this.cursors.get(container);
    if (cursor !== undefined) return cursor;
    const read = containerSteps(this.graph, container);
    // unreadable times first (they count whatever the time asked for); at one instant,
    // unpackings before packings (an unpacking at a packing's own instant takes none of it off),
    // and a step that ships or receives last of its kind (what else happened then was before it)
    const steps = read.sort(
      (a, b) =>
        (Number.isNaN(a.time) ? -1 : 0) - (Number.isNaN(b.time) ? -1 : 0) ||
        a.time - b.time ||
        Number(a.packs) - Number(b.packs) ||
        Number(a.transfers) - Number(b.transfers),
    );
    const byIndex = new Map<number, number>();
    steps.forEach((s, i) => {
      if (!byIndex.has(s.index)) byIndex.set(s.index, i);
    });
    cursor = { steps, byIndex, at: 0, held: emptyHeld(), sum: undefined };
    this.cursors.set(container, cursor);
    return cursor;
  }
}

/**
 * Whether a step of the asked event's instant comes before it, by the chain checks' rule
 * ({@link stepBeforeTransfer}). The event's own step is not before it.
 */
function comesBefore(step: ContainerStep, asked: AskedEvent): boolean {
  if (step.index === asked.index) return false;
  const atReceiver =
    step.holder === undefined
      ? undefined
      : asked.receipt
        ? step.holder === asked.holder
        : asked.destinations.has(step.holder);
  return stepBeforeTransfer(atReceiver, step.packs, asked.receipt);
}

/** Whether some id comes twice in `ids`. */
function hasRepeats(ids: readonly string[]): boolean {
  return ids.length > 1 && new Set(ids).size < ids.length;
}

/** Whether lines carry anything (a quantity left, or a line without one). */
function carriesAny(lines: Lines): boolean {
  for (const units of lines.values())
    for (const quantity of units.values()) if (Number.isNaN(quantity) || quantity > 0) return true;
  return false;
}

/** Whether a step names `id` as an instance. */
function names(step: ContainerStep, id: string): boolean {
  return step.children.some((c) => c.field === 'childEPCs' && c.id === id);
}

function linesOf(lines: Lines): CarriedLine[] {
  const out: CarriedLine[] = [];
  for (const [lot, units] of lines) {
    for (const [unit, quantity] of units) {
      if (Number.isNaN(quantity)) out.push({ lot });
      else if (quantity > 0) out.push({ lot, quantity, ...(unit === '' ? {} : { uom: unit }) });
    }
  }
  return out;
}

function copyLines(lines: Lines): Lines {
  const out: Lines = new Map();
  for (const [lot, units] of lines) out.set(lot, new Map(units));
  return out;
}

/** `quantity` (NaN: one without a quantity, which the line keeps) on a lot's line in `unit`. */
function add(lines: Lines, lot: string, unit: string, quantity: number): void {
  let units = lines.get(lot);
  if (units === undefined) {
    units = new Map();
    lines.set(lot, units);
  }
  units.set(unit, (units.get(unit) ?? 0) + quantity);
}

function addLines(lines: Lines, more: Lines): void {
  for (const [lot, units] of more) for (const [unit, q] of units) add(lines, lot, unit, q);
}

function addLine(lines: Lines, child: EventObject): void {
  const quantity = child.quantity;
  // a negative or non-finite quantity counts nowhere (as in the flows)
  if (quantity !== undefined && !(Number.isFinite(quantity) && quantity >= 0)) return;
  add(lines, child.id, child.uom ?? '', quantity ?? Number.NaN);
}

/**
 * An unpacking's line: its quantity off the lot's line in the same unit, then off its lines in
 * other units of the same dimension (grams off kilograms); a line without a quantity takes the
 * whole lot off. A quantity in a unit that does not convert takes off its own unit only.
 */
function takeOff(lines: Lines, child: EventObject, table: UnitTable): void {
  const units = lines.get(child.id);
  if (units === undefined) return;
  if (child.quantity === undefined) {
    lines.delete(child.id);
    return;
  }
  if (!(Number.isFinite(child.quantity) && child.quantity >= 0)) return;
  const unit = child.uom ?? '';
  const code = unitCode(child.uom, table);
  let left = child.quantity * (code?.factor ?? 1);
  for (const u of [unit, ...[...units.keys()].filter((k) => k !== unit)]) {
    const before = units.get(u);
    if (!(left > 0) || before === undefined || Number.isNaN(before)) continue;
    const other = u === unit ? code : unitCode(u === '' ? undefined : u, table);
    const factor = u === unit ? (code?.factor ?? 1) : other?.factor;
    if (u !== unit && (code === undefined || other === undefined || other.dim !== code.dim))
      continue;
    const take = Math.min(before, left / (factor as number));
    units.set(u, before - take);
    left -= take * (factor as number);
  }
}
