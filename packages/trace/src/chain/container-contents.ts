/**
 * What a container carried of the lots a recall follows, at the time it moved: the quantities
 * its packings recorded (`childQuantityList`), less what its unpackings took off, through cases
 * on a pallet. The recall scope gives a recipient that received a pallet the quantity of the lot
 * on it, not only the pallet's SSCC.
 */
import { type ContainerStep, containerSteps } from './container-steps.js';
import type { EventObject, LotGraph } from './lot-graph.js';
import { REC20_UNITS, type UnitTable, unitCode } from './units.js';

/** A line of what a container carried: a lot (or an instance) and its quantity as packed. */
export interface CarriedLine {
  readonly lot: string;
  /** 1 for an instance (`childEPCs`); absent for a quantity line written without a quantity. */
  readonly quantity?: number;
  readonly uom?: string;
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
 * The times `[from, until)` a sum of contents holds for, and whether a container inside itself
 * was cut short beneath it (bad data): then the sum is not kept for later asks.
 */
interface Bounds {
  from: number;
  until: number;
  cut: boolean;
}

/** What a container carried, through its cases, at any time in its bounds. */
interface Total extends Readonly<Bounds> {
  readonly lines: Lines;
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
  pending: string[];
}

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
   * nothing of that packing off. Lines of one lot and unit are summed, through the cases on it;
   * an unpacking in another unit of the same dimension (grams off kilograms) takes its quantity
   * off in that dimension. Asked in time order, each container's steps are read once (a later
   * time goes on from the last one), and a case's contents are summed again only when they
   * changed.
   */
  carriedAt(container: number, time: number): CarriedLine[] {
    return linesOf(this.total(container, time, new Set()).lines);
  }

  /**
   * What the event at input position `index` (at `time`) moved inside the containers it names, per container:
   * {@link carriedAt}, except that a container the event packs or unpacks itself (a shipping ADD,
   * a receiving DELETE) gives what was on it besides what the event names — before a receiving
   * DELETE, all that arrived, less the quantity lines it names (it names them itself) — and that
   * a container inside another one the event names counts within that one only (the outermost).
   */
  carriedBy(
    index: number,
    containers: readonly number[],
    time: number,
  ): Map<number, { lines: CarriedLine[]; own: boolean }> {
    const out = new Map<number, { lines: CarriedLine[]; own: boolean }>();
    let outer = containers;
    if (containers.length > 1) {
      const named = new Set(containers);
      const inner = new Set<number>();
      for (const c of containers) {
        const reached = new Set<number>([c]);
        this.reach(c, time, index, reached);
        for (const r of reached) if (r !== c && named.has(r)) inner.add(r);
      }
      outer = containers.filter((c) => !inner.has(c));
    }
    for (const c of outer) {
      const step = this.cursorOf(c).byIndex.get(index);
      const lines =
        step === undefined ? this.total(c, time, new Set()).lines : this.besidesStep(c, step, time);
      out.set(c, { lines: linesOf(lines), own: step !== undefined });
    }
    return out;
  }

  /** The containers inside `container` at `time` (for the event `index`), into `reached`. */
  private reach(container: number, time: number, index: number, reached: Set<number>): void {
    const cursor = this.cursorOf(container);
    const step = cursor.byIndex.get(index);
    const held =
      step === undefined ? this.heldAt(container, time) : this.heldBefore(container, step, time);
    const own = step === undefined ? undefined : (cursor.steps[step] as ContainerStep);
    for (const id of held.instances) {
      if (own !== undefined && names(own, id)) continue;
      const node = this.nodeOf(id);
      if (node === undefined || reached.has(node) || this.cursorOf(node).steps.length === 0)
        continue;
      reached.add(node);
      this.reach(node, time, -1, reached);
    }
  }

  /**
   * What `container` carried at its own step `step` (see {@link carriedBy}): its state before the
   * step, without the instances the step names, less the quantity lines an unpacking names.
   */
  private besidesStep(container: number, step: number, time: number): Lines {
    const own = this.cursorOf(container).steps[step] as ContainerStep;
    const held = this.heldBefore(container, step, time);
    const lines = copyLines(held.lines);
    if (!own.packs) {
      for (const child of own.children)
        if (child.field !== 'childEPCs' && child.quantity !== undefined)
          takeOff(lines, child, this.units);
    }
    const open = new Set([container]);
    const bounds = { cut: false, from: 0, until: 0 };
    const renamed = own.children.some((c) => c.field === 'childEPCs' && held.instances.has(c.id));
    if (Number.isFinite(time) && !renamed)
      addLines(lines, this.instancesOf(this.cursorOf(container), time, open, bounds));
    else
      for (const id of held.instances)
        if (!names(own, id)) this.addInstance(lines, id, time, open, bounds);
    return lines;
  }

  /**
   * What the instances on a container carry at `time` (its cursor read up to it): the sum kept
   * with the cursor, the instances packed since added, all summed again only when a case's
   * contents changed or an instance was taken off.
   */
  private instancesOf(cursor: Cursor, time: number, open: Set<number>, bounds: Bounds): Lines {
    let sum = cursor.sum;
    if (sum === undefined || !(time >= sum.from && time < sum.until)) {
      sum = {
        lines: new Map(),
        from: Number.NEGATIVE_INFINITY,
        until: Number.POSITIVE_INFINITY,
        cut: false,
        pending: [...cursor.held.instances],
      };
      cursor.sum = sum;
    }
    for (const id of sum.pending) this.addInstance(sum.lines, id, time, open, sum);
    sum.pending = [];
    if (sum.cut) {
      cursor.sum = undefined;
      bounds.cut = true;
    }
    bounds.from = Math.max(bounds.from, sum.from);
    bounds.until = Math.min(bounds.until, sum.until);
    return sum.lines;
  }

  /** What `container` carried at `time`, through its cases, kept while it stays the same. */
  private total(container: number, time: number, open: Set<number>): Total {
    const known = this.totals.get(container);
    if (known !== undefined && time >= known.from && time < known.until) return known;
    const held = this.heldAt(container, time);
    const cursor = this.cursorOf(container);
    const bounds = { cut: false, from: Number.NEGATIVE_INFINITY, until: Number.POSITIVE_INFINITY };
    if (Number.isFinite(time)) {
      const last = cursor.steps[cursor.at - 1];
      const next = cursor.steps[cursor.at];
      if (last !== undefined && Number.isFinite(last.time)) bounds.from = last.time;
      if (next !== undefined) bounds.until = next.time;
    } else bounds.cut = true; // (not kept: a time that cannot be read reads every step)
    const lines = copyLines(held.lines);
    open.add(container);
    if (Number.isFinite(time)) addLines(lines, this.instancesOf(cursor, time, open, bounds));
    else for (const id of held.instances) this.addInstance(lines, id, time, open, bounds);
    open.delete(container);
    const total: Total = { lines, ...bounds };
    if (!bounds.cut) this.totals.set(container, total);
    return total;
  }

  /** An instance on a container: a case opened (its total added), a counted instance as 1. */
  private addInstance(
    lines: Lines,
    id: string,
    time: number,
    open: Set<number>,
    bounds: Bounds,
  ): void {
    const node = this.nodeOf(id);
    if (node !== undefined && this.cursorOf(node).steps.length > 0) {
      if (open.has(node)) {
        bounds.cut = true; // a container inside itself (bad data): once
        return;
      }
      const inner = this.total(node, time, open);
      if (inner.cut) bounds.cut = true;
      bounds.from = Math.max(bounds.from, inner.from);
      bounds.until = Math.min(bounds.until, inner.until);
      addLines(lines, inner.lines);
    } else if (this.counted.has(id)) add(lines, id, '', 1);
  }

  /** The state of `container` after every step up to `time` (see {@link carriedAt}). */
  private heldAt(container: number, time: number): Held {
    const cursor = this.cursorOf(container);
    if (!Number.isFinite(time)) {
      const held = emptyHeld();
      for (const step of cursor.steps) this.apply(held, step, false);
      return held;
    }
    // (steps are in time order, unreadable times first: those apply whatever the time)
    let to = cursor.at;
    while (to > 0 && (cursor.steps[to - 1] as ContainerStep).time > time) to -= 1;
    if (to === cursor.at)
      while (to < cursor.steps.length && !((cursor.steps[to] as ContainerStep).time > time))
        to += 1;
    return this.advance(cursor, to);
  }

  /** The state of `container` before its step `step` (at `time`, NaN when it cannot be read). */
  private heldBefore(container: number, step: number, time: number): Held {
    const cursor = this.cursorOf(container);
    if (!Number.isFinite(time)) {
      const held = emptyHeld();
      cursor.steps.forEach((s, i) => {
        if (i !== step) this.apply(held, s, false);
      });
      return held;
    }
    return this.advance(cursor, step);
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
