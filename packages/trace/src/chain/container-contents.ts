/**
 * What a container carried of the lots a recall follows, at the time it moved: the quantities
 * its packings recorded (`childQuantityList`), less what its unpackings took off, through cases
 * on a pallet. The recall scope gives a recipient that received a pallet the quantity of the lot
 * on it, not only the pallet's SSCC.
 */
import { type ContainerStep, containerSteps } from './container-steps.js';
import type { EventObject, LotGraph } from './lot-graph.js';

/** A line of what a container carried: a lot (or an instance) and its quantity as packed. */
export interface CarriedLine {
  readonly lot: string;
  /** Absent for an instance (`childEPCs`) or a quantity line written without a quantity. */
  readonly quantity?: number;
  readonly uom?: string;
}

/**
 * What a container holds: per counted lot, per unit as written (`''` without one), the quantity
 * (NaN when a line had none); and the instances on it (cases, items).
 */
interface Held {
  readonly lines: Map<string, Map<string, number>>;
  readonly instances: Set<string>;
}

function emptyHeld(): Held {
  return { lines: new Map(), instances: new Set() };
}

/**
 * The contents of containers, read once per container (its packings and unpackings as parentID,
 * in time order). `counted` are the ids whose quantities count (the lot recalled and what was
 * made from it); containers among them are opened, through cases on a pallet.
 */
export class ContainerContents {
  private readonly steps = new Map<number, readonly ContainerStep[]>();
  /** Per container: what it held after its first `at` steps (see {@link carriedAt}). */
  private readonly cursors = new Map<number, { at: number; held: Held }>();

  constructor(
    private readonly graph: LotGraph,
    private readonly counted: ReadonlySet<string>,
  ) {}

  /**
   * What `container` carried of the counted ids at `time` (epoch ms): every packing up to that
   * time, less every unpacking after its packing and up to that time. A time that cannot be read
   * (NaN) counts every packing and no unpacking, as does a packing or an unpacking whose own time
   * cannot be read: the safe side for a recall. An unpacking at a packing's own instant takes
   * nothing of that packing off. Quantity lines of one lot and unit are summed. Asked in time
   * order, each container's steps are read once (a later time goes on from the last one).
   */
  carriedAt(container: number, time: number): CarriedLine[] {
    return this.contents(container, time, new Set());
  }

  private contents(container: number, time: number, open: Set<number>): CarriedLine[] {
    if (open.has(container)) return []; // a container inside itself (bad data): once
    open.add(container);
    const steps = this.stepsOf(container);
    let state: Held;
    if (Number.isFinite(time)) {
      // (steps are in time order, unreadable times first: those apply whatever the time)
      let cursor = this.cursors.get(container);
      if (
        cursor === undefined ||
        (cursor.at > 0 && (steps[cursor.at - 1] as ContainerStep).time > time)
      ) {
        cursor = { at: 0, held: emptyHeld() };
        this.cursors.set(container, cursor);
      }
      for (; cursor.at < steps.length; cursor.at += 1) {
        const step = steps[cursor.at] as ContainerStep;
        if (step.time > time) break;
        this.apply(cursor.held, step, true);
      }
      state = cursor.held;
    } else {
      state = emptyHeld();
      for (const step of steps) this.apply(state, step, false);
    }
    const out: CarriedLine[] = [];
    for (const [lot, units] of state.lines) {
      for (const [unit, quantity] of units) {
        if (Number.isNaN(quantity)) out.push({ lot });
        else if (quantity > 0) out.push({ lot, quantity, ...(unit === '' ? {} : { uom: unit }) });
      }
    }
    for (const id of state.instances) {
      const node = this.graph.nodeOf(id);
      if (node !== undefined && this.stepsOf(node).length > 0)
        out.push(...this.contents(node, time, open));
      else if (this.counted.has(id)) out.push({ lot: id });
    }
    open.delete(container);
    return out;
  }

  /** A step on what a container holds; unpackings only when `unpack` and their time is read. */
  private apply(held: Held, step: ContainerStep, unpack: boolean): void {
    if (step.packs) {
      for (const child of step.children) {
        if (child.field === 'childEPCs') held.instances.add(child.id);
        else if (this.counted.has(child.id)) addLine(held.lines, child);
      }
    } else if (unpack && Number.isFinite(step.time)) {
      if (step.empties) {
        held.lines.clear();
        held.instances.clear();
      }
      for (const child of step.children) {
        if (child.field === 'childEPCs') held.instances.delete(child.id);
        else takeOff(held.lines, child);
      }
    }
  }

  /** The packings and unpackings of `container` as parentID, in time order. */
  private stepsOf(container: number): readonly ContainerStep[] {
    let steps = this.steps.get(container);
    if (steps !== undefined) return steps;
    // unreadable times first (they count whatever the time asked for); at one instant,
    // unpackings before packings (an unpacking at a packing's own instant takes none of it off)
    steps = containerSteps(this.graph, container).sort(
      (a, b) =>
        (Number.isNaN(a.time) ? -1 : 0) - (Number.isNaN(b.time) ? -1 : 0) ||
        a.time - b.time ||
        Number(a.packs) - Number(b.packs),
    );
    this.steps.set(container, steps);
    return steps;
  }
}

function addLine(lines: Map<string, Map<string, number>>, child: EventObject): void {
  const quantity = child.quantity;
  // a negative or non-finite quantity counts nowhere (as in the flows)
  if (quantity !== undefined && !(Number.isFinite(quantity) && quantity >= 0)) return;
  let units = lines.get(child.id);
  if (units === undefined) {
    units = new Map();
    lines.set(child.id, units);
  }
  const unit = child.uom ?? '';
  const before = units.get(unit) ?? 0;
  units.set(unit, quantity === undefined ? Number.NaN : before + quantity);
}

/**
 * An unpacking's line: its quantity off the lot's line in the same unit; a line without a
 * quantity takes the whole lot off. A quantity in another unit takes nothing off (the safe side).
 */
function takeOff(lines: Map<string, Map<string, number>>, child: EventObject): void {
  const units = lines.get(child.id);
  if (units === undefined) return;
  if (child.quantity === undefined) {
    lines.delete(child.id);
    return;
  }
  const unit = child.uom ?? '';
  const before = units.get(unit);
  if (before === undefined || Number.isNaN(before)) return;
  if (!(Number.isFinite(child.quantity) && child.quantity >= 0)) return;
  units.set(unit, Math.max(0, before - child.quantity));
}
