import {
  createDiagnostic,
  type Diagnostic,
  type DiagnosticPath,
  localizedParam,
  type MessageDescriptor,
  type MessageParamValue,
  type Severity,
} from '@foodsafety/core';
import { type ChainCode, chainMessages } from './chain-messages.js';
import { ContentKeyer, canonicalEventJson } from './content-hash.js';
import { isErrorDeclaration } from './error-declaration.js';
import {
  K_DESTROY,
  K_ORIGIN,
  K_RECEIVE,
  K_SALE,
  K_SHIP,
  K_TRANSFORM,
  T_ASSOCIATION,
} from './event-kind.js';
import type { EventRecord } from './event-record.js';
import { FirstSlots } from './first-slots.js';
import { Float64Vec, Int32Vec, Uint8Vec } from './growable.js';
import {
  F_IN_EPC,
  F_IN_QTY,
  F_OUT_EPC,
  F_OUT_QTY,
  F_PARENT,
  type GraphStore,
  isInstanceField,
  type LotGraphOptions,
  OBJECT_FIELDS,
  SD_LOCATION,
  SD_OTHER,
} from './lot-graph.js';
import { PairMap } from './pair-map.js';
import { stepBeforeTransfer } from './same-instant-order.js';
import { UNKNOWN_HOLDER } from './stand-in-words.js';
import { baseUnitSymbol, DIM_MASS, DIM_NONE, DIM_VOLUME } from './units.js';

/** An allowed range of output/input mass (or volume) of a transformation. */
export interface YieldRange {
  readonly min: number;
  readonly max: number;
}

/** Master data the events' references are resolved against. */
export interface MasterData {
  /** Location identifiers (SGLN URNs, GLN Digital Links…). */
  readonly locations?: Iterable<string>;
  /** Party identifiers (PGLN…). */
  readonly parties?: Iterable<string>;
  /** Products: GTIN-14 (or GTIN-8/12/13) digits, or class identifiers. */
  readonly products?: Iterable<string>;
}

/** The checks that can be switched off one by one (all on by default). */
export type ChainCheck =
  | 'duplicates'
  | 'oneStep'
  | 'orphans'
  | 'timeOrder'
  | 'destruction'
  | 'massBalance'
  | 'yield'
  | 'masterData';

/** Options of the chain checks ({@link validateChain}, {@link createTraceIndex}). */
export interface ChainCheckOptions extends LotGraphOptions {
  /** Resolve locations, parties and products; unresolved references are diagnostics. */
  readonly masterData?: MasterData;
  /** Default yield range of a transformation (default `{ min: 0, max: 1 }`). */
  readonly yieldRange?: YieldRange;
  /** Yield ranges by output product (GTIN-14) or canonical output class id. */
  readonly yieldRanges?: Readonly<Record<string, YieldRange>>;
  /** Relative tolerance of the mass balance (default 0.001 = 0.1 %). */
  readonly massTolerance?: number;
  /** Clock skew tolerated in time-order checks, in milliseconds (default 0). */
  readonly clockSkewMs?: number;
  /**
   * Content fingerprint for duplicate detection. Default: a fast order-independent 53-bit hash of
   * the event without eventID and recordTime (matches are confirmed on the canonical JSON when
   * the events are kept, as `validateChain` does). Return `undefined` to skip an event.
   */
  readonly contentHash?: (event: unknown) => string | undefined;
  /** Switch checks off: `{ orphans: false }`. */
  readonly checks?: Partial<Record<ChainCheck, boolean>>;
  /** Override the severity of a code: `{ TRACE_SHIPMENT_NOT_RECEIVED: 'error' }`. */
  readonly severities?: Partial<Record<ChainCode, Severity>>;
}

const FLAG_TIME = 1;
const FLAG_DESTROYED = 2;
/** An error declaration (EPCIS 2.0 §7.4.1.4): left out of the chain. */
const FLAG_DECLARATION = 4;
/** A receipt counted in `pendingOnNode`: unpaired when it came, still waiting for its shipment. */
const FLAG_WAITING = 8;
/**
 * A receipt paired with an unpaired shipment of its transaction while another that carried its
 * lot was paired already (unpaired before paired): at finalize, the rest of a split delivery may
 * be that other one's.
 */
const FLAG_OVER_PAIRED = 16;
/** A receipt-comparison row's place: none counted yet, several, or none to judge by. */
const PLACE_UNSET = -2;
const PLACE_SEVERAL = -3;
const PLACE_NONE = -4;
const HOLDER_SPAN = 4_194_304; // 2^22
const MIXED = 255;
/** Holders of one lot kept in a list before they move to a hash map. */
const BAL_CHAIN_MAX = 8;
const NO_FINDINGS: readonly Diagnostic[] = Object.freeze([]);
/** {@link ChainChecker.yieldDimension}: an entry left out of a yield, or no yield at all. */
const LEFT_OUT = -1;
const NO_YIELD = -2;
/** Levels of packing looked into: lots in cases on a pallet. */
const PACKING_LEVELS = 3;

const GTIN_IN_DL = /^https:\/\/id\.gs1\.org\/01\/(\d{14})(?:\/|$)/;

function gtinOf(canonical: string): string | undefined {
  return GTIN_IN_DL.exec(canonical)?.[1];
}

/** A GTIN of 8 to 14 digits padded to 14, else the identifier's canonical form. */
function productKey(value: string, canonicalOf: (id: string) => string): string {
  return /^\d{8,14}$/.test(value) ? value.padStart(14, '0') : canonicalOf(value);
}

/** A product of master data: its GTIN-14 (a lot or instance stands for its GTIN). */
function normaliseProduct(value: string, canonicalOf: (id: string) => string): string {
  const key = productKey(value, canonicalOf);
  return gtinOf(key) ?? key;
}

/**
 * The chain checks over a {@link GraphStore}, event by event (the real-time index) or over a whole
 * list ({@link validateChain}). Internal.
 */
export class ChainChecker {
  readonly store: GraphStore;
  private readonly options: ChainCheckOptions;
  private readonly on: Record<ChainCheck, boolean>;
  private readonly tolerance: number;
  private readonly skew: number;
  private readonly contentHash: ((event: unknown) => string | undefined) | undefined;
  readonly incrementalBalance: boolean;
  readonly collected: Diagnostic[] = [];

  private readonly firstByHash = new Map<string, number>();
  /**
   * What the error declarations met so far declare erroneous: eventIDs, and the content keys
   * (to the declaration's slot) or caller's hashes of declarations without an eventID.
   */
  private readonly declaredIds = new Set<string>();
  private readonly declaredKeys = new PairMap(64);
  private readonly declaredHashes = new Set<string>();
  /** Whether an error declaration was met (only then is a new event looked up in the above). */
  private anyDeclared = false;
  /** The first slot of each content key (by its first half, confirmed on {@link contentB}). */
  private readonly firstByKey = new FirstSlots(
    { sameKey: (x, y) => this.contentB.data[x] === this.contentB.data[y] },
    4096,
  );
  /** Per slot: the second half of its content key (0 without one). */
  private readonly contentB = new Int32Vec();
  private readonly keyer = new ContentKeyer();
  private readonly matched = new Uint8Vec(4096);
  /** The shipment each receipt was paired with as events came (-1: none). */
  private readonly partner = new Int32Vec(4096);
  private readonly flags = new Uint8Vec(4096);
  /** Per symbol: the last tx entry of a shipment / of a pending receipt with that transaction. */
  private readonly shipTxHead = new Int32Vec();
  private readonly receiptTxHead = new Int32Vec();
  /** Per tx entry: the previous tx entry with the same symbol and role. */
  private readonly txNext = new Int32Vec(4096);
  private readonly originTime = new Float64Vec();
  private readonly originSlot = new Int32Vec();
  private readonly nonParent = new Uint8Vec();
  /** Per node: receipts naming it still without a shipment (to skip needless scans). */
  private readonly pendingOnNode = new Int32Vec();
  private readonly destroyed = new Map<number, { time: number; slot: number }>();
  private readonly destroyedNode = new Uint8Vec();
  /**
   * Balances per (node, holder), chained per node (a lot has few holders): the per-node heads are a
   * small dense column, so finding a balance seldom misses the cache as a hash probe would. A node
   * with more than {@link BAL_CHAIN_MAX} holders moves to the hash map (no long scans).
   */
  private readonly balHead = new Int32Vec();
  private readonly balCount = new Int32Vec();
  private readonly balNext = new Int32Vec();
  /**
   * Per node: a bit per holder (its symbol's low five bits) that has a balance in the chain, so
   * that a new holder (a receipt, mostly) is known to have none without walking the chain; and
   * the balance debited last (a lot is shipped again and again by the same holder).
   */
  private readonly balHolders = new Int32Vec();
  private readonly balLastOut = new Int32Vec();
  private readonly balance = new PairMap(1024);
  private readonly balIn = new Float64Vec();
  /** Per balance: the inflows counted (a recorded inflow of 0 kg is an inflow). */
  private readonly balInCount = new Int32Vec();
  private readonly balOut = new Float64Vec();
  private readonly balDim = new Uint8Vec();
  private readonly balLast = new Int32Vec();
  private readonly balReported = new Uint8Vec();
  private readonly balNode = new Int32Vec();
  private readonly balHolder = new Int32Vec();
  private readonly unknownUnits = new Set<number>();
  private readonly locations: Set<string> | undefined;
  private readonly parties: Set<string> | undefined;
  private readonly products: Set<string> | undefined;
  private readonly symResolved = new Map<number, boolean>();
  private readonly nodeResolved = new Map<number, boolean>();

  constructor(store: GraphStore, options: ChainCheckOptions, incrementalBalance: boolean) {
    this.store = store;
    this.options = options;
    const c = options.checks ?? {};
    this.on = {
      duplicates: c.duplicates !== false,
      oneStep: c.oneStep !== false,
      orphans: c.orphans !== false,
      timeOrder: c.timeOrder !== false,
      destruction: c.destruction !== false,
      massBalance: c.massBalance !== false,
      yield: c.yield !== false,
      masterData: c.masterData !== false && options.masterData !== undefined,
    };
    this.tolerance = options.massTolerance ?? 0.001;
    this.skew = options.clockSkewMs ?? 0;
    this.contentHash = options.contentHash;
    this.incrementalBalance = incrementalBalance;
    const canon = (id: string) => store.canonicalOf(id);
    const md = options.masterData;
    const toSet = (items: Iterable<string> | undefined, f: (s: string) => string) => {
      if (items === undefined) return undefined;
      const set = new Set<string>();
      try {
        for (const item of items) if (typeof item === 'string') set.add(f(item));
      } catch {
        // a broken iterable resolves nothing
      }
      return set;
    };
    this.locations = toSet(md?.locations, canon);
    this.parties = toSet(md?.parties, canon);
    this.products = toSet(md?.products, (p) => normaliseProduct(p, canon));
  }

  private diag(
    code: ChainCode,
    params: Record<string, MessageParamValue>,
    path: DiagnosticPath,
  ): Diagnostic {
    const severity = this.options.severities?.[code];
    const locale = this.store.locale;
    return createDiagnostic(chainMessages[code] as MessageDescriptor, params, {
      path,
      ...(severity === undefined ? {} : { severity }),
      ...(locale === undefined ? {} : { locale }),
    });
  }

  private timeText(slot: number): string {
    return this.store.isoTime(slot) ?? '?';
  }

  /** Add one event at an input position; returns the findings it triggers. */
  add(event: unknown, index: number): Diagnostic[] {
    const s = this.store;
    const before = s.diagnostics.length;
    // what is read of the event beyond the store's columns is read first: an event that throws
    // when read (a getter, a Proxy trap) is then skipped before anything is stored
    let slot: number;
    try {
      this.declaring = isErrorDeclaration(event);
      this.keyed =
        (this.on.duplicates || this.declaring || this.anyDeclared) &&
        this.contentHash === undefined &&
        this.keyer.key(event);
      this.keyA = this.keyer.a;
      this.keyB = this.keyer.b;
      slot = s.add(event, index);
    } catch (error) {
      s.unreadable(index, error);
      slot = -1;
    }
    if (slot < 0) {
      const skipped = s.diagnostics.slice(before);
      this.collected.push(...skipped);
      return skipped;
    }
    const out: Diagnostic[] = [];
    this.check(slot, event, out);
    return out;
  }

  /**
   * Whether the event being added is an error declaration (only {@link add} meets them: the line
   * reader leaves events with members it does not know, `errorDeclaration` among them, to it).
   */
  private declaring = false;

  /**
   * Whether {@link addRecord} gives the same findings as {@link add} would for the parsed
   * event: not when events are kept or compared by a caller's content hash (both need the object).
   */
  get takesRecords(): boolean {
    return !this.store.retain && this.contentHash === undefined;
  }

  /** Findings of the record being added (reused: most events have none). */
  private readonly recordOut: Diagnostic[] = [];

  /**
   * {@link add} for an event read from text (only when {@link takesRecords}). Returns a shared
   * empty array when the event settles nothing.
   */
  addRecord(record: EventRecord, index: number): readonly Diagnostic[] {
    // start the cache misses of every lookup to come together (see GraphStore.touchRecord)
    this.touched = this.firstByKey.touch(record.contentA) ^ this.store.touchRecord(record);
    const slot = this.store.addRecord(record, index);
    const out = this.recordOut;
    if (out.length > 0) out.length = 0; // (setting an array's length calls into the runtime)
    this.keyed = true;
    this.declaring = false;
    this.keyA = record.contentA;
    this.keyB = record.contentB;
    this.check(slot, undefined, out);
    return out.length === 0 ? NO_FINDINGS : out.slice();
  }

  /** What the reads ahead of {@link addRecord} found (kept so that they are not optimised away). */
  touched = 0;

  /** The content key of the event being added (`keyA`, `keyB`), when `keyed`. */
  private keyed = false;
  private keyA = 0;
  private keyB = 0;

  /** The latest event time of any event checked so far (in {@link chainOrderTime}'s order). */
  private latestSeen = Number.NEGATIVE_INFINITY;
  /** The latest event time of a shipment or receipt paired so far (see {@link repairInTimeOrder}). */
  private latestPaired = Number.NEGATIVE_INFINITY;
  /** A shipment or receipt came earlier in time than one already paired. */
  private pairedOutOfOrder = false;
  /** An AggregationEvent ADD has been checked: containers may hold what transfers name. */
  private anyPacking = false;
  /**
   * Per shipment or receipt that named a container: the packed entries (of the AggregationEvent
   * ADDs) whose lots the mass balance moved with it, so that withdrawing it takes back the same.
   */
  private readonly contentFlows = new Map<number, ContentFlow[]>();
  /** At finalize, while receipts are settled: each transaction's representative (joined). */
  private txRoots: Int32Array | undefined;
  /** While {@link repairInTimeOrder} runs: the slots it has paired so far (the others are unseen). */
  private visible: Uint8Array | undefined;

  /**
   * Pair shipments and receipts again, in event-time order, as {@link validateChain} does: in the
   * real-time index, events that come out of time order can pair differently from how they pair
   * in time order (receipts that arrive before their shipments all pairing with the first one),
   * and the one-step findings at finalize would then report correct chains. Findings that pairing
   * gives on the way (time order) were returned by `add` already and are not repeated.
   */
  private repairInTimeOrder(): void {
    const s = this.store;
    const order: number[] = [];
    for (let slot = 0; slot < s.eventCount; slot += 1) {
      const kind = s.evKind.data[slot];
      if (kind !== K_RECEIVE && kind !== K_SHIP) continue;
      this.matched.data[slot] = 0;
      this.partner.data[slot] = -1;
      this.flags.data[slot] =
        (this.flags.data[slot] as number) & ~(FLAG_WAITING | FLAG_OVER_PAIRED);
      if (s.withdrawn.has(slot) || (this.flags.data[slot] as number) & FLAG_DECLARATION) continue;
      order.push(slot);
    }
    order.sort((a, b) => (this.laterThan(a, b) ? 1 : this.laterThan(b, a) ? -1 : 0));
    this.pendingOnNode.data.fill(0);
    this.shipTxHead.data.fill(-1);
    this.receiptTxHead.data.fill(-1);
    this.txNext.data.fill(-1);
    const visible = new Uint8Array(s.eventCount);
    this.visible = visible;
    const ignored: Diagnostic[] = [];
    for (const slot of order) {
      visible[slot] = 1;
      if (s.evKind.data[slot] === K_RECEIVE) this.matchReceipt(slot, ignored);
      else this.matchShipment(slot, ignored);
    }
    this.visible = undefined;
    this.pairedOutOfOrder = false;
  }

  /** The checks of a newly stored slot (its content key in {@link keyA}/{@link keyB}). */
  private check(slot: number, event: unknown, out: Diagnostic[]): void {
    const s = this.store;
    this.matched.push(0);
    this.partner.push(-1);
    this.flags.push(0);
    this.contentB.push(this.keyed ? this.keyB : 0);
    const time = chainOrderTime(s.evTime.data[slot] as number);
    if (time > this.latestSeen) this.latestSeen = time;
    // size the per-node and per-transaction columns (only when new nodes or ids appeared)
    const nodes = s.nodeCount;
    if (nodes > this.originTime.length) {
      this.originTime.ensure(nodes, Number.NaN);
      this.originSlot.ensure(nodes, -1);
      this.nonParent.ensure(nodes, 0);
      this.pendingOnNode.ensure(nodes, 0);
      this.destroyedNode.ensure(nodes, 0);
      this.balHead.ensure(nodes, -1);
      this.balCount.ensure(nodes, 0);
      this.balHolders.ensure(nodes, 0);
      this.balLastOut.ensure(nodes, -1);
    }
    if (s.txCount > this.shipTxHead.length) {
      this.shipTxHead.ensure(s.txCount, -1);
      this.receiptTxHead.ensure(s.txCount, -1);
    }
    this.txNext.ensure(s.txSym.length, -1);
    // a duplicate or an error declaration is reported (or applied) and left out of the chain
    if (this.declaring) {
      this.declare(slot, event, out);
      if (out.length > 0) this.collected.push(...out);
      return;
    }
    if (this.anyDeclared && this.isDeclared(event, slot)) {
      s.withdraw(slot);
      return;
    }
    if (this.on.duplicates && this.checkDuplicates(event, slot, out)) {
      s.withdraw(slot);
      if (out.length > 0) this.collected.push(...out);
      return;
    }
    if (this.on.masterData) this.checkMasterData(slot, out);
    if (s.isPacking(slot)) this.anyPacking = true;
    this.checkObjects(slot, out);
    if (this.on.oneStep) {
      const kind = s.evKind.data[slot];
      if (kind === K_RECEIVE || kind === K_SHIP) {
        if (time < this.latestPaired) this.pairedOutOfOrder = true;
        else this.latestPaired = time;
        if (kind === K_RECEIVE) this.matchReceipt(slot, out);
        else this.matchShipment(slot, out);
      }
    }
    if (this.on.yield && s.evKind.data[slot] === K_TRANSFORM) this.checkYield(slot, out);
    if (out.length > 0) this.collected.push(...out);
  }

  /**
   * Report a duplicate of an earlier event (same eventID, else same content); true when the slot
   * is one (or is an event an earlier error declaration declared erroneous), to be left out.
   */
  private checkDuplicates(event: unknown, slot: number, out: Diagnostic[]): boolean {
    const s = this.store;
    {
      const first = s.evEventId.firstWithSameId(slot);
      if (first !== -1) {
        if ((this.flags.data[first] as number) & FLAG_DECLARATION) return true;
        out.push(
          this.diag(
            'TRACE_DUPLICATE_EVENT_ID',
            { ...s.eventParams(slot), firstIndex: s.evIndex.data[first] as number },
            [...s.pathOf(slot), 'eventID'],
          ),
        );
        return true;
      }
    }
    const first = this.firstByContent(event, slot);
    if (first === -1) return false;
    if ((this.flags.data[first] as number) & FLAG_DECLARATION) return true;
    out.push(
      this.diag(
        'TRACE_DUPLICATE_EVENT_CONTENT',
        { ...s.eventParams(slot), firstIndex: s.evIndex.data[first] as number },
        s.pathOf(slot),
      ),
    );
    return true;
  }

  /**
   * The first slot with the same content as the slot being added (its key in {@link keyA} /
   * {@link keyB}, else the caller's content hash), or -1 after recording the slot as the first
   * of its content.
   */
  private firstByContent(event: unknown, slot: number): number {
    const s = this.store;
    if (this.contentHash === undefined) {
      if (!this.keyed) return -1;
      const first = this.firstByKey.firstOrAdd(this.keyA, slot);
      if (first === -1) return -1;
      // confirm on the canonical form when the events are at hand
      if (s.retain && canonicalEventJson(s.sources[first]) !== canonicalEventJson(event)) return -1;
      return first;
    }
    let hash: string | undefined;
    try {
      hash = this.contentHash(event);
    } catch {
      hash = undefined;
    }
    if (typeof hash !== 'string') return -1;
    const first = this.firstByHash.get(hash);
    if (first !== undefined) return first;
    this.firstByHash.set(hash, slot);
    return -1;
  }

  /** Whether an error declaration met earlier declares the slot being added erroneous. */
  private isDeclared(event: unknown, slot: number): boolean {
    const s = this.store;
    // compared as eventIDs are: a urn:uuid: in any letter case is one eventID
    const id = s.evEventId.key(slot);
    if (id !== undefined && this.declaredIds.has(id)) return true;
    if (this.contentHash !== undefined) {
      if (this.declaredHashes.size === 0) return false;
      const hash = this.safeContentHash(event);
      return hash !== undefined && this.declaredHashes.has(hash);
    }
    if (!this.keyed) return false;
    const declaration = this.declaredKeys.get(this.keyA, this.keyB);
    if (declaration === -1) return false;
    // confirm on the canonical form when the events are at hand
    return !s.retain || canonicalEventJson(s.sources[declaration]) === canonicalEventJson(event);
  }

  private safeContentHash(event: unknown): string | undefined {
    if (this.contentHash === undefined) return undefined;
    try {
      const hash = this.contentHash(event);
      return typeof hash === 'string' ? hash : undefined;
    } catch {
      return undefined;
    }
  }

  /** Note what a declaration declares erroneous, for the events still to come. */
  private noteDeclared(event: unknown, slot: number): void {
    this.anyDeclared = true;
    const id = this.store.evEventId.key(slot);
    if (id !== undefined) this.declaredIds.add(id);
    else if (this.contentHash !== undefined) {
      const hash = this.safeContentHash(event);
      if (hash !== undefined) this.declaredHashes.add(hash);
    } else if (this.keyed) this.declaredKeys.getOrAdd(this.keyA, this.keyB, slot);
  }

  /**
   * An error declaration: left out itself, it withdraws the event it declares erroneous (same
   * eventID, or same content when it has none). An event still to come is left out when it
   * arrives (see {@link isDeclared}); one already added is withdrawn from the graph, its
   * balances, pairing and destruction undone, with `TRACE_ERROR_DECLARATION_LATE`: findings
   * already returned with it stand.
   */
  private declare(slot: number, event: unknown, out: Diagnostic[]): void {
    const s = this.store;
    this.flags.data[slot] = (this.flags.data[slot] as number) | FLAG_DECLARATION;
    s.withdraw(slot);
    this.noteDeclared(event, slot);
    let declared = s.evEventId.firstWithSameId(slot);
    if (declared === -1 && s.evEventId.get(slot) === undefined)
      declared = this.firstByContent(event, slot);
    if (declared === -1 || (this.flags.data[declared] as number) & FLAG_DECLARATION) return;
    if (s.withdrawn.has(declared)) return;
    this.withdrawChecked(declared);
    out.push(
      this.diag(
        'TRACE_ERROR_DECLARATION_LATE',
        { ...s.eventParams(slot), declaredIndex: s.evIndex.data[declared] as number },
        [...s.pathOf(slot), 'errorDeclaration'],
      ),
    );
  }

  /**
   * Withdraw a slot already checked: out of the graph; its flows, the blame of its lots' balances,
   * their origin, its pairing (its partners pair anew or wait again) and destruction undone.
   */
  private withdrawChecked(slot: number): void {
    const s = this.store;
    s.withdraw(slot);
    const kind = s.evKind.data[slot] as number;
    const holder = s.evHolder.data[slot] as number;
    const wasMatched = this.matched.data[slot] === 1;
    const oe = s.objEnd(slot);
    // (a receipt that unpacked a container did not move the children it named that it held)
    const held = this.receivedAsContents.get(slot);
    this.receivedAsContents.delete(slot);
    for (let o = s.objStart(slot); o < oe; o += 1) {
      if (this.on.massBalance && held?.has(o) !== true) this.unflow(o, kind, holder, slot);
      const node = s.objNode.data[o] as number;
      if (this.originSlot.data[node] === slot) this.recomputeOrigin(node);
    }
    const moved = this.contentFlows.get(slot);
    if (moved !== undefined) {
      this.contentFlows.delete(slot);
      if (this.on.massBalance)
        for (const m of moved) this.unflow(m.entry, kind, holder, slot, m.amount);
    }
    for (const [key, at] of this.destroyed) if (at.slot === slot) this.destroyed.delete(key);
    // out of the lists of shipments and waiting receipts that later events pair with
    const ts = s.txStart(slot);
    const te = s.txEnd(slot);
    for (let i = ts; i < te; i += 1) {
      const sym = s.txSym.data[i] as number;
      const heads = kind === K_SHIP ? this.shipTxHead : this.receiptTxHead;
      let prev = -1;
      for (let e = heads.data[sym] as number; e !== -1; e = this.txNext.data[e] as number) {
        if (e === i) {
          if (prev === -1) heads.data[sym] = this.txNext.data[e] as number;
          else this.txNext.data[prev] = this.txNext.data[e] as number;
          break;
        }
        prev = e;
      }
    }
    if (kind === K_RECEIVE) this.stopWaiting(slot);
    this.matched.data[slot] = 1;
    if (wasMatched && this.on.oneStep && (kind === K_SHIP || kind === K_RECEIVE))
      this.unpair(slot, kind);
  }

  /** The origin of a lot from its events left, after its origin event was withdrawn. */
  private recomputeOrigin(node: number): void {
    const s = this.store;
    let time = Number.NaN;
    let slot = -1;
    for (let e = s.nodeHead.data[node] as number; e !== -1; e = s.neNext.data[e] as number) {
      const other = s.neSlot.data[e] as number;
      const t = s.evTime.data[other] as number;
      const o = s.neObj.data[e] as number;
      if (!Number.isFinite(t) || !this.isOriginRole(other, s.objField.data[o] as number)) continue;
      if (slot === -1 || t < time) {
        time = t;
        slot = other;
      }
    }
    this.originTime.data[node] = time;
    this.originSlot.data[node] = slot;
  }

  /**
   * The receipts (or shipments) paired with a withdrawn shipment (or receipt): each pairs with
   * another event if one fits, else waits again (a receipt in the lists later shipments search).
   */
  private unpair(withdrawn: number, kind: number): void {
    const s = this.store;
    const partnerKind = kind === K_SHIP ? K_RECEIVE : K_SHIP;
    const seen = new Set<number>();
    const oe = s.objEnd(withdrawn);
    for (let o = s.objStart(withdrawn); o < oe; o += 1) {
      const node = s.objNode.data[o] as number;
      for (let e = s.nodeHead.data[node] as number; e !== -1; e = s.neNext.data[e] as number) {
        const p = s.neSlot.data[e] as number;
        if (seen.has(p)) continue;
        seen.add(p);
        if (s.evKind.data[p] !== partnerKind || this.matched.data[p] !== 1) continue;
        const fits =
          kind === K_SHIP ? this.compatible(withdrawn, p) : this.compatible(p, withdrawn);
        if (!fits) continue;
        if (partnerKind === K_RECEIVE) this.rematchReceipt(p);
        else if (this.findByObjects(p, K_RECEIVE, (r) => this.compatible(p, r)) === -1)
          this.matched.data[p] = 0;
      }
    }
  }

  /** A receipt whose shipment was withdrawn: another shipment, else it waits again. */
  private rematchReceipt(receipt: number): void {
    const s = this.store;
    const ts = s.txStart(receipt);
    const te = s.txEnd(receipt);
    const next = this.txNext.data;
    let ship = -1;
    for (let i = ts; i < te && ship === -1; i += 1) {
      const sym = s.txSym.data[i] as number;
      for (let e = this.shipTxHead.data[sym] as number; e !== -1; e = next[e] as number) {
        const candidate = s.txSlot.data[e] as number;
        if (this.sharesObject(candidate, receipt)) {
          ship = candidate;
          break;
        }
      }
    }
    if (ship === -1) ship = this.findByObjects(receipt, K_SHIP, (x) => this.compatible(x, receipt));
    if (ship !== -1) {
      this.matched.data[ship] = 1;
      return;
    }
    this.matched.data[receipt] = 0;
    for (let i = ts; i < te; i += 1) {
      const sym = s.txSym.data[i] as number;
      let listed = false;
      for (
        let e = this.receiptTxHead.data[sym] as number;
        e !== -1 && !listed;
        e = next[e] as number
      )
        listed = e === i;
      if (listed) continue;
      next[i] = this.receiptTxHead.data[sym] as number;
      this.receiptTxHead.data[sym] = i;
    }
    this.startWaiting(receipt);
  }

  /** The balance of a lot at a holder, or -1 when there is none. */
  private balanceOf(node: number, holder: number): number {
    if ((this.balCount.data[node] as number) > BAL_CHAIN_MAX)
      return this.balance.get(node, holder + 1);
    let b = this.balHead.data[node] as number;
    while (b !== -1 && this.balHolder.data[b] !== holder) b = this.balNext.data[b] as number;
    return b;
  }

  /**
   * Take back what {@link flow} added for an object of a withdrawn slot; a balance it was the last
   * outflow of is blamed on the last outflow left.
   */
  private unflow(
    o: number,
    kind: number,
    holder: number,
    slot: number,
    amount = this.store.objBase.data[o] as number,
  ): void {
    const s = this.store;
    const field = s.objField.data[o] as number;
    const direction = flowDirection(kind, field);
    if (direction === 0 || field === F_PARENT) return;
    const b = this.balanceOf(s.objNode.data[o] as number, holder);
    if (b === -1 || this.balDim.data[b] !== s.objDim.data[o]) return;
    const base = amount;
    if (!Number.isFinite(base) || base < 0) return; // as flow() left it out
    if (direction > 0) {
      this.balIn.data[b] = (this.balIn.data[b] as number) - base;
      this.balInCount.data[b] = (this.balInCount.data[b] as number) - 1;
    } else this.balOut.data[b] = (this.balOut.data[b] as number) - base;
    if (this.balLast.data[b] !== slot) return;
    let last = -1;
    const node = s.objNode.data[o] as number;
    for (let e = s.nodeHead.data[node] as number; e !== -1; e = s.neNext.data[e] as number) {
      const other = s.neSlot.data[e] as number;
      const f = s.objField.data[s.neObj.data[e] as number] as number;
      if (
        s.evHolder.data[other] === holder &&
        f !== F_PARENT &&
        flowDirection(s.evKind.data[other] as number, f) < 0
      )
        last = other;
    }
    // or a later one that moved it out packed in a container
    for (const [other, moved] of this.contentFlows)
      if (
        other > last &&
        s.evHolder.data[other] === holder &&
        s.evKind.data[other] === K_SHIP &&
        moved.some((m) => s.objNode.data[m.entry] === node)
      )
        last = other;
    this.balLast.data[b] = last;
  }

  private resolvedSym(sym: number, set: Set<string>): boolean {
    const known = this.symResolved.get(sym);
    if (known !== undefined) return known;
    const ok = set.has(this.store.syms[sym] ?? '');
    this.symResolved.set(sym, ok);
    return ok;
  }

  private checkMasterData(slot: number, out: Diagnostic[]): void {
    const s = this.store;
    const path = s.pathOf(slot);
    const params = s.eventParams(slot);
    if (this.locations !== undefined) {
      const locs = this.locations;
      const rp = s.evReadPoint.data[slot] as number;
      const bl = s.evBizLocation.data[slot] as number;
      if (rp >= 0 && !this.resolvedSym(rp, locs)) {
        out.push(
          this.diag('TRACE_LOCATION_UNRESOLVED', { ...params, id: s.syms[rp] ?? '' }, [
            ...path,
            'readPoint',
            'id',
          ]),
        );
      }
      if (bl >= 0 && !this.resolvedSym(bl, locs)) {
        out.push(
          this.diag('TRACE_LOCATION_UNRESOLVED', { ...params, id: s.syms[bl] ?? '' }, [
            ...path,
            'bizLocation',
            'id',
          ]),
        );
      }
    }
    const [ss, se] = s.sdRange(slot);
    let srcPos = 0;
    let dstPos = 0;
    for (let i = ss; i < se; i += 1) {
      const dir = s.sdDir.data[i] as number;
      const pos = dir === 0 ? srcPos++ : dstPos++;
      const type = s.sdType.data[i] as number;
      if (type === SD_OTHER) continue;
      const sym = s.sdSym.data[i] as number;
      const isLocation = type === SD_LOCATION;
      const set = isLocation ? this.locations : this.parties;
      if (set === undefined || this.resolvedSym(sym, set)) continue;
      const list = dir === 0 ? 'sourceList' : 'destinationList';
      out.push(
        this.diag(
          isLocation ? 'TRACE_LOCATION_UNRESOLVED' : 'TRACE_PARTY_UNRESOLVED',
          { ...params, id: s.syms[sym] ?? '' },
          [...path, list, pos, dir === 0 ? 'source' : 'destination'],
        ),
      );
    }
    if (this.products !== undefined) {
      const products = this.products;
      const [os, oe] = s.objectRange(slot);
      for (let o = os; o < oe; o += 1) {
        const field = s.objField.data[o] as number;
        if (field === F_PARENT) continue;
        const node = s.objNode.data[o] as number;
        let ok = this.nodeResolved.get(node);
        const id = s.nodeIds[node] ?? '';
        if (ok === undefined) {
          const gtin = gtinOf(id);
          ok =
            gtin === undefined
              ? products.has(id) || !id.startsWith('https://id.gs1.org/')
              : products.has(gtin);
          this.nodeResolved.set(node, ok);
        }
        if (ok) continue;
        const fieldName = OBJECT_FIELDS[field] as string;
        // quantityList, inputQuantityList, childQuantityList…: the product is the epcClass
        const isQty = fieldName === 'quantityList' || fieldName.endsWith('QuantityList');
        out.push(
          this.diag(
            'TRACE_PRODUCT_UNRESOLVED',
            { ...params, id: gtinOf(id) ?? id },
            isQty
              ? [...path, fieldName, s.objPos.data[o] as number, 'epcClass']
              : [...path, fieldName, s.objPos.data[o] as number],
          ),
        );
      }
    }
  }

  /**
   * Whether an object in `field` of event `slot` is where it begins: an ObjectEvent ADD, a
   * transformation's output, or the container (pallet, case) an AggregationEvent ADD packs (a
   * packing, or a shipment or receipt that packs as well).
   */
  private isOriginRole(slot: number, field: number): boolean {
    const s = this.store;
    const kind = s.evKind.data[slot] as number;
    return (
      kind === K_ORIGIN ||
      (kind === K_TRANSFORM && (field === F_OUT_EPC || field === F_OUT_QTY)) ||
      (field === F_PARENT && s.isPacking(slot))
    );
  }

  private objectPath(o: number, slot: number): DiagnosticPath {
    const s = this.store;
    const fieldName = OBJECT_FIELDS[s.objField.data[o] as number] as string;
    return fieldName === 'parentID'
      ? [...s.pathOf(slot), 'parentID']
      : [...s.pathOf(slot), fieldName, s.objPos.data[o] as number];
  }

  private checkObjects(slot: number, out: Diagnostic[]): void {
    const s = this.store;
    const kind = s.evKind.data[slot] as number;
    const time = s.evTime.data[slot] as number;
    const holder = s.evHolder.data[slot] as number;
    const association = s.evType.data[slot] === T_ASSOCIATION;
    // a receipt that unpacks (a receiving DELETE) a container that held something then brings in
    // what the container held; the children it names that were on it are what it took off, not
    // more that came in (a child named that was not on it comes in as named)
    const held =
      kind === K_RECEIVE && this.on.massBalance ? this.namedHeldEntries(slot) : undefined;
    if (held !== undefined) this.receivedAsContents.set(slot, held);
    const receivedAsContents = held !== undefined;
    const oe = s.objEnd(slot);
    for (let o = s.objStart(slot); o < oe; o += 1) {
      const node = s.objNode.data[o] as number;
      const field = s.objField.data[o] as number;
      if (field !== F_PARENT && !association) this.nonParent.data[node] = 1;
      const origin = this.isOriginRole(slot, field);
      if (this.on.timeOrder && Number.isFinite(time))
        this.checkTimeOrder(slot, node, origin, time, out);
      // a use after destruction is reported as such, and moves nothing in the balance (it would
      // be reported a second time as an excess there)
      const gone =
        this.on.destruction &&
        Number.isFinite(time) &&
        this.checkDestruction(slot, o, node, field, kind, holder, time, out);
      if (this.on.massBalance && !gone) {
        if (held?.has(o) !== true) this.flow(slot, o, node, field, kind, holder, out);
        if (this.anyPacking && (kind === K_SHIP || kind === K_RECEIVE))
          this.flowContents(slot, o, node, kind, holder, out, receivedAsContents);
      }
    }
  }

  /**
   * For an AggregationEvent DELETE (a receiving one) of a container that held something at its
   * time: its object entries that name a child the container held then (what it brings in is the
   * container's contents, these among them); `undefined` for any other event, or a container
   * that held nothing then (its named children then come in as named).
   */
  private namedHeldEntries(slot: number): Set<number> | undefined {
    const s = this.store;
    if (!this.anyPacking || !s.isUnpacking(slot)) return undefined;
    const os = s.objStart(slot);
    const oe = s.objEnd(slot);
    let parent = -1;
    for (let o = os; o < oe; o += 1)
      if (s.objField.data[o] === F_PARENT) parent = s.objNode.data[o] as number;
    if (parent === -1 || !this.packs(parent)) return undefined;
    const contents = this.packedInto(parent, slot);
    if (contents.length === 0) return undefined;
    const held = new Set<number>();
    for (let o = os; o < oe; o += 1) {
      if (s.objField.data[o] === F_PARENT) continue;
      const node = s.objNode.data[o] as number;
      if (contents.some((c) => s.objNode.data[c] === node)) held.add(o);
    }
    return held;
  }

  /**
   * Receipts that unpack a container that held something: the entries naming children it held,
   * which were not moved (see {@link checkObjects}).
   */
  private readonly receivedAsContents = new Map<number, Set<number>>();

  /**
   * The mass balance of what a container named by a shipment or receipt held at its time (a
   * pallet by its SSCC): each lot packed into it (through cases, three levels) leaves the sender
   * or comes in at the receiver with the quantity it was packed with, as if the event named it.
   * Lots the event names itself are moved as named, not again — but for a transfer that packs (a
   * shipping ADD), whose named children are what it adds to the pallet (the rest of the pallet
   * moves too), and for a receipt that unpacks a known container (`all`: a receiving DELETE), whose
   * named children are what it takes off (the whole pallet comes in); a case inside is not a lot.
   */
  private flowContents(
    slot: number,
    via: number,
    container: number,
    kind: number,
    holder: number,
    out: Diagnostic[],
    all: boolean,
  ): void {
    if (!this.packs(container)) return;
    const s = this.store;
    const [contents, held] = this.packedHeld(container, slot);
    const packing = s.isPacking(slot);
    for (let k = 0; k < contents.length; k += 1) {
      const c = contents[k] as number;
      const child = s.objNode.data[c] as number;
      if (this.packs(child)) continue;
      // (what the event names itself moved as named: for a shipping ADD, the entries it packs)
      if (!all && (packing ? s.entryOf(slot, c) : this.names(slot, child))) continue;
      let moved = this.contentFlows.get(slot);
      // two containers the event names may share a case: each packed entry once
      if (moved?.some((m) => m.entry === c)) continue;
      if (moved === undefined) {
        moved = [];
        this.contentFlows.set(slot, moved);
      }
      const field = s.objField.data[c] as number;
      // a lot destroyed before moves nothing (see checkObjects), and is reported as used after it
      const time = s.evTime.data[slot] as number;
      const gone =
        this.on.destruction &&
        Number.isFinite(time) &&
        this.checkDestruction(slot, c, child, field, kind, holder, time, out);
      if (gone) continue;
      const amount = held[k] as number;
      moved.push({ entry: c, amount });
      this.flow(slot, c, child, field, kind, holder, out, via, amount);
    }
  }

  /** The event slot an object entry belongs to (entries are stored event after event). */
  private slotOfObject(o: number): number {
    const starts = this.store.evObjStart.data;
    let lo = 0;
    let hi = this.store.eventCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private checkTimeOrder(
    slot: number,
    node: number,
    origin: boolean,
    time: number,
    out: Diagnostic[],
  ): void {
    const s = this.store;
    const ot = this.originTime.data[node] as number;
    if (!origin) {
      if (Number.isFinite(ot) && time < ot - this.skew)
        this.reportTime(slot, node, this.originSlot.data[node] as number, out);
      return;
    }
    if (Number.isFinite(ot) && ot <= time) return;
    this.originTime.data[node] = time;
    this.originSlot.data[node] = slot;
    // events already seen on this lot that happened before its (new) origin
    for (let e = s.nodeHead.data[node] as number; e !== -1; e = s.neNext.data[e] as number) {
      const other = s.neSlot.data[e] as number;
      if (other === slot) continue;
      const o = s.neObj.data[e] as number;
      if (this.isOriginRole(other, s.objField.data[o] as number)) continue;
      if ((s.evTime.data[other] as number) < time - this.skew)
        this.reportTime(other, node, slot, out);
    }
  }

  /** Report a time-order fault of `slot` once (`mark` false: report, leave the index as it is). */
  private reportTime(
    slot: number,
    node: number,
    other: number,
    out: Diagnostic[],
    mark = true,
  ): void {
    if ((this.flags.data[slot] as number) & FLAG_TIME) return;
    if (mark) this.flags.data[slot] = (this.flags.data[slot] as number) | FLAG_TIME;
    const s = this.store;
    out.push(
      this.diag(
        'TRACE_TIME_ORDER',
        {
          ...s.eventParams(slot),
          time: this.timeText(slot),
          otherIndex: s.evIndex.data[other] as number,
          otherTime: this.timeText(other),
          lot: s.nodeIds[node] ?? '',
        },
        [...s.pathOf(slot), 'eventTime'],
      ),
    );
  }

  private checkDestruction(
    slot: number,
    o: number,
    node: number,
    field: number,
    kind: number,
    holder: number,
    time: number,
    out: Diagnostic[],
  ): boolean {
    const s = this.store;
    const instance = isInstanceField(field);
    if (kind === K_DESTROY) {
      const key = node * HOLDER_SPAN + (instance ? 0 : holder + 1);
      const known = this.destroyed.get(key);
      if (known !== undefined && known.time <= time) return false;
      // a quantity destroyed in part only lowers the balance (its flow follows)
      if (!instance && this.destroysPart(slot, o, node, holder, time)) return false;
      this.destroyed.set(key, { time, slot });
      this.destroyedNode.data[node] = 1;
      for (let e = s.nodeHead.data[node] as number; e !== -1; e = s.neNext.data[e] as number) {
        const other = s.neSlot.data[e] as number;
        if (other === slot) continue;
        if (!instance && (s.evHolder.data[other] as number) !== holder) continue;
        if ((s.evTime.data[other] as number) > time) this.reportDestroyed(other, node, slot, out);
      }
      return false;
    }
    if (this.destroyedNode.data[node] === 0) return false;
    const global = this.destroyed.get(node * HOLDER_SPAN);
    if (global !== undefined && global.time < time) {
      this.reportDestroyed(slot, node, global.slot, out);
      return true;
    }
    if (!instance) {
      const local = this.destroyed.get(node * HOLDER_SPAN + holder + 1);
      if (local !== undefined && local.time < time) {
        this.reportDestroyed(slot, node, local.slot, out);
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a class-level destruction leaves part of the lot at the holder: its quantity and the
   * holder's balance are both known (same dimension) and the outflow with it stays below the
   * inflow (less the mass tolerance). Unknown quantities or balances count as destroying it all.
   */
  private destroysPart(
    slot: number,
    o: number,
    node: number,
    holder: number,
    time: number,
  ): boolean {
    if (!this.on.massBalance) return false;
    const s = this.store;
    const base = s.objBase.data[o] as number;
    const dim = s.objDim.data[o] as number;
    if (dim === DIM_NONE || !Number.isFinite(base) || base < 0) return false;
    const b = this.balanceOf(node, holder);
    if (b === -1 || this.balDim.data[b] !== dim) return false;
    let inflow = this.balIn.data[b] as number;
    let outflow = this.balOut.data[b] as number;
    // (only when an event dated later is already in: in time order the balance is as it stood)
    const until =
      chainOrderTime(time) < this.latestSeen
        ? this.flowsUntil(slot, node, holder, dim, time)
        : undefined;
    if (until !== undefined) [inflow, outflow] = until;
    if (!(inflow > 0)) return false;
    return outflow + base < inflow * (1 - this.tolerance) - 1e-9;
  }

  /**
   * The inflow and outflow of a lot at a holder from the events dated up to `time`, when events
   * dated after it are already in the balance (the real-time index takes events as they come,
   * not in time order); `undefined` when none is, and the balance is what stood at `time`.
   */
  private flowsUntil(
    slot: number,
    node: number,
    holder: number,
    dim: number,
    time: number,
  ): [number, number] | undefined {
    const s = this.store;
    let later = false;
    let inflow = 0;
    let outflow = 0;
    for (let e = s.nodeHead.data[node] as number; e !== -1; e = s.neNext.data[e] as number) {
      const other = s.neSlot.data[e] as number;
      if (other === slot || s.evHolder.data[other] !== holder || s.withdrawn.has(other)) continue;
      const o = s.neObj.data[e] as number;
      const direction = flowDirection(s.evKind.data[other] as number, s.objField.data[o] as number);
      if (direction === 0 || s.objField.data[o] === F_PARENT) continue;
      if ((s.evTime.data[other] as number) > time) {
        later = true;
        continue;
      }
      const base = s.objBase.data[o] as number;
      if (s.objDim.data[o] !== dim || !(base >= 0) || !Number.isFinite(base)) continue;
      if (direction > 0) inflow += base;
      else outflow += base;
    }
    return later ? [inflow, outflow] : undefined;
  }

  private reportDestroyed(
    slot: number,
    node: number,
    destroySlot: number,
    out: Diagnostic[],
  ): void {
    if ((this.flags.data[slot] as number) & FLAG_DESTROYED) return;
    this.flags.data[slot] = (this.flags.data[slot] as number) | FLAG_DESTROYED;
    const s = this.store;
    out.push(
      this.diag(
        'TRACE_EVENT_AFTER_DESTRUCTION',
        {
          ...s.eventParams(slot),
          time: this.timeText(slot),
          lot: s.nodeIds[node] ?? '',
          destroyIndex: s.evIndex.data[destroySlot] as number,
          destroyTime: this.timeText(destroySlot),
        },
        s.pathOf(slot),
      ),
    );
  }

  /**
   * `o`'s flow in the balance of `node` at `holder`. `via`: for a lot packed into a container the
   * event names, that container's entry in the event (`o` is then the packing's entry).
   */
  private flow(
    slot: number,
    o: number,
    node: number,
    field: number,
    kind: number,
    holder: number,
    out: Diagnostic[],
    via = -1,
    amount = this.store.objBase.data[o] as number,
  ): void {
    let direction = 0;
    if (kind === K_ORIGIN || kind === K_RECEIVE) direction = 1;
    else if (kind === K_SHIP || kind === K_DESTROY || kind === K_SALE) direction = -1;
    else if (kind === K_TRANSFORM) direction = field === F_IN_EPC || field === F_IN_QTY ? -1 : 1;
    if (direction === 0 || field === F_PARENT) return;
    const s = this.store;
    // a negative quantity (the event validator's TRACE_NEGATIVE_QUANTITY) moves nothing: it is
    // left out, so that it cannot hide what the other events moved
    if (amount < 0) return;
    const count = this.balCount.data[node] as number;
    let b: number;
    if (count > BAL_CHAIN_MAX) b = this.balance.get(node, holder + 1);
    else {
      const last = this.balLastOut.data[node] as number;
      if (last !== -1 && this.balHolder.data[last] === holder) b = last;
      else if (((this.balHolders.data[node] as number) & (1 << (holder & 31))) === 0) b = -1;
      else {
        b = this.balHead.data[node] as number;
        while (b !== -1 && this.balHolder.data[b] !== holder) b = this.balNext.data[b] as number;
      }
    }
    if (b === -1) {
      b = this.balIn.push(0);
      this.balInCount.push(0);
      this.balOut.push(0);
      this.balDim.push(DIM_NONE);
      this.balLast.push(-1);
      this.balReported.push(0);
      this.balNode.push(node);
      this.balHolder.push(holder);
      this.balNext.push(this.balHead.data[node] as number);
      this.balHead.data[node] = b;
      this.balCount.data[node] = count + 1;
      this.balHolders.data[node] = (this.balHolders.data[node] as number) | (1 << (holder & 31));
      if (count === BAL_CHAIN_MAX) {
        // the chain just became long: index all of it, then each new balance as it comes
        for (let e = b; e !== -1; e = this.balNext.data[e] as number)
          this.balance.set(node, (this.balHolder.data[e] as number) + 1, e);
      } else if (count > BAL_CHAIN_MAX) this.balance.set(node, holder + 1, b);
    }
    if (this.balDim.data[b] === MIXED) return;
    const dim = s.objDim.data[o] as number;
    const base = amount;
    if (dim === DIM_NONE) {
      const uom = s.objUom.data[o] as number;
      if (!this.unknownUnits.has(uom)) {
        // the unit is reported where it is written: in the packing, for a packed lot
        const written = via === -1 ? slot : this.slotOfObject(o);
        this.unknownUnits.add(uom);
        out.push(
          this.diag(
            'TRACE_QUANTITY_UNCONVERTIBLE',
            { index: s.evIndex.data[written] as number, uom: s.syms[uom] ?? '' },
            [...this.objectPath(o, written), 'uom'],
          ),
        );
      }
      this.balDim.data[b] = MIXED;
      return;
    }
    if (!Number.isFinite(base)) {
      this.balDim.data[b] = MIXED;
      return;
    }
    const current = this.balDim.data[b] as number;
    if (current === DIM_NONE) this.balDim.data[b] = dim;
    else if (current !== dim) {
      this.balDim.data[b] = MIXED;
      out.push(
        this.diag(
          'TRACE_BALANCE_DIMENSIONS_MIXED',
          {
            ...s.eventParams(slot),
            lot: s.nodeIds[node] ?? '',
            holder: s.syms[holder] ?? UNKNOWN_HOLDER,
            first: baseUnitSymbol(current),
            second: baseUnitSymbol(dim),
          },
          via === -1 ? [...this.objectPath(o, slot), 'uom'] : this.objectPath(via, slot),
        ),
      );
      return;
    }
    const sums = direction > 0 ? this.balIn : this.balOut;
    let sum = (sums.data[b] as number) + base;
    if (!Number.isFinite(sum)) {
      // past the largest number: an inflow that large can be compared with nothing; an outflow
      // that large exceeds any inflow there can be, and is kept at the largest number
      if (direction > 0) {
        this.balDim.data[b] = MIXED;
        return;
      }
      sum = Number.MAX_VALUE;
    }
    sums.data[b] = sum;
    if (direction > 0) this.balInCount.data[b] = (this.balInCount.data[b] as number) + 1;
    if (direction < 0) {
      this.balLastOut.data[node] = b;
      this.balLast.data[b] = slot;
      if (this.incrementalBalance) this.checkBalance(b, out);
    }
  }

  private checkBalance(b: number, out: Diagnostic[], mark = true): void {
    if (this.balReported.data[b] === 1 || this.balDim.data[b] === MIXED) return;
    const inflow = this.balIn.data[b] as number;
    const outflow = this.balOut.data[b] as number;
    // no inflow there in the events (the lot came from outside them): nothing to judge against
    if (this.balInCount.data[b] === 0 || outflow <= inflow * (1 + this.tolerance) + 1e-9) return;
    if (mark) this.balReported.data[b] = 1;
    const s = this.store;
    const slot = this.balLast.data[b] as number;
    const dim = this.balDim.data[b] as number;
    const unit = baseUnitSymbol(dim);
    out.push(
      this.diag(
        'TRACE_MASS_BALANCE_EXCEEDED',
        {
          ...s.eventParams(slot),
          lot: s.nodeIds[this.balNode.data[b] as number] ?? '',
          holder: s.syms[this.balHolder.data[b] as number] ?? UNKNOWN_HOLDER,
          inflow: round(inflow),
          outflow: round(outflow),
          unit,
        },
        s.pathOf(slot),
      ),
    );
  }

  /**
   * The yield of a transformation event (output over input, one dimension): each output lot that
   * has a range of its own in `yieldRanges` is judged by its own yield against it; when none has,
   * the total output is judged against `yieldRange` (default 0–1). The events of a
   * transformation that share a `transformationID` are judged together, at finalize.
   */
  private checkYield(slot: number, out: Diagnostic[]): void {
    // one of several events of a transformation: judged over all of them, at finalize
    if (this.store.inTransformationGroup(slot)) return;
    this.judgeTransformation([slot], out);
  }

  /**
   * For a yield: the dimension once object `o` is counted (`dim` so far), {@link LEFT_OUT} for an
   * entry left out (a negative quantity, as in the balances), or {@link NO_YIELD} when the
   * transformation has no yield (a count, a quantity that cannot be read, two dimensions).
   */
  private yieldDimension(o: number, dim: number): number {
    const s = this.store;
    const d = s.objDim.data[o] as number;
    const base = s.objBase.data[o] as number;
    if ((d !== DIM_MASS && d !== DIM_VOLUME) || !Number.isFinite(base)) return NO_YIELD;
    if (base < 0) return LEFT_OUT;
    return dim === DIM_NONE || dim === d ? d : NO_YIELD;
  }

  private isInputField(field: number): boolean {
    return field === F_IN_EPC || field === F_IN_QTY;
  }

  /**
   * The yield over the objects of `slots`, one transformation (one event, or the events that
   * share a `transformationID`), reported at the latest of them. What of a lot passes from one
   * event of a group to another (an intermediate, made by one event and used by the next, or a
   * lot trimmed by one and used by the next) counts on neither side: only what came in from
   * outside the group is input, only what left it is output. A lot that one event both takes in
   * and gives out (trimmed, and going on under its own code) counts on both sides.
   */
  private judgeTransformation(slots: readonly number[], out: Diagnostic[]): void {
    const s = this.store;
    if (slots.length === 1 && this.options.yieldRanges === undefined) {
      this.judgeOneEvent(slots[0] as number, out);
      return;
    }
    // per lot: what the transformation took in of it and gave out of it, in all and per event
    const taken = new Map<number, number>();
    const given = new Map<number, number>();
    const perEvent = slots.length > 1 ? new Map<number, LotFlows>() : undefined;
    let dim = DIM_NONE;
    for (const slot of slots) {
      const oe = s.objEnd(slot);
      for (let o = s.objStart(slot); o < oe; o += 1) {
        const next = this.yieldDimension(o, dim);
        if (next === NO_YIELD) return;
        if (next === LEFT_OUT) continue;
        dim = next;
        const base = s.objBase.data[o] as number;
        const node = s.objNode.data[o] as number;
        const input = this.isInputField(s.objField.data[o] as number);
        const sums = input ? taken : given;
        sums.set(node, (sums.get(node) ?? 0) + base);
        if (perEvent !== undefined) {
          let flows = perEvent.get(node);
          if (flows === undefined) {
            flows = { taken: new Map(), given: new Map() };
            perEvent.set(node, flows);
          }
          const bySlot = input ? flows.taken : flows.given;
          bySlot.set(slot, (bySlot.get(slot) ?? 0) + base);
        }
      }
    }
    let input = 0;
    let output = 0;
    let outputs = 0;
    const net = new Map<number, number>();
    for (const [node, inflow] of taken) input += inflow - passedBetween(perEvent?.get(node));
    for (const [node, made] of given) {
      outputs += 1;
      const rest = made - passedBetween(perEvent?.get(node));
      if (rest > 0) {
        output += rest;
        net.set(node, rest);
      }
    }
    // (a sum past the largest number cannot be compared: no yield)
    if (input <= 0 || outputs === 0 || input === Infinity || output === Infinity) return;
    // reported at the latest event (by time, then input position), whatever order they came in
    let at = slots[0] as number;
    for (const slot of slots) if (this.laterThan(slot, at)) at = slot;
    // outputs with a range of their own, each lot once, by its net output over the events
    let ranged = 0;
    if (this.options.yieldRanges !== undefined) {
      for (const [node, own] of net) {
        const range = this.ownYieldRange(s.nodeIds[node] ?? '');
        if (range === undefined) continue;
        ranged += 1;
        this.judgeYield(at, own, input, range, dim, out);
      }
    }
    if (ranged === 0)
      this.judgeYield(at, output, input, this.options.yieldRange ?? { min: 0, max: 1 }, dim, out);
  }

  /**
   * {@link judgeTransformation} of one event without ranges of its own: its total output over
   * its total input (the common case, on every TransformationEvent, without the per-lot sums).
   */
  private judgeOneEvent(slot: number, out: Diagnostic[]): void {
    const s = this.store;
    let input = 0;
    let output = 0;
    let outputs = 0;
    let dim = DIM_NONE;
    const oe = s.objEnd(slot);
    for (let o = s.objStart(slot); o < oe; o += 1) {
      const next = this.yieldDimension(o, dim);
      if (next === NO_YIELD) return;
      if (next === LEFT_OUT) continue;
      dim = next;
      const base = s.objBase.data[o] as number;
      if (this.isInputField(s.objField.data[o] as number)) input += base;
      else {
        output += base;
        outputs += 1;
      }
    }
    if (input <= 0 || outputs === 0 || input === Infinity || output === Infinity) return;
    this.judgeYield(slot, output, input, this.options.yieldRange ?? { min: 0, max: 1 }, dim, out);
  }

  /**
   * The range `yieldRanges` gives an output lot (its canonical id): by its GTIN, else by the lot.
   * Keys are read as the graph reads identifiers: a GTIN of 8 to 14 digits padded to 14, a lot in
   * any spelling (URN, Digital Link on any domain) by its canonical form.
   */
  private ownYieldRange(outId: string): YieldRange | undefined {
    const ranges = this.yieldRangeIndex();
    if (ranges === undefined) return undefined;
    const gtin = gtinOf(outId);
    return (gtin === undefined ? undefined : ranges.get(gtin)) ?? ranges.get(outId);
  }

  private yieldRanges: Map<string, YieldRange> | undefined;

  private yieldRangeIndex(): Map<string, YieldRange> | undefined {
    const given = this.options.yieldRanges;
    if (given === undefined) return undefined;
    if (this.yieldRanges === undefined) {
      const index = new Map<string, YieldRange>();
      for (const [key, range] of Object.entries(given)) {
        const id = productKey(key, (raw) => this.store.canonicalOf(raw));
        if (!index.has(id)) index.set(id, range);
      }
      this.yieldRanges = index;
    }
    return this.yieldRanges;
  }

  private judgeYield(
    slot: number,
    output: number,
    input: number,
    range: YieldRange,
    dim: number,
    out: Diagnostic[],
  ): void {
    // (a ratio past the largest number, from a tiny input, is shown as the largest number)
    const y = Math.min(output / input, Number.MAX_VALUE);
    if (y >= range.min - 1e-12 && y <= range.max + 1e-12) return;
    const s = this.store;
    out.push(
      this.diag(
        'TRACE_YIELD_OUT_OF_RANGE',
        {
          ...s.eventParams(slot),
          yield: round(y),
          min: range.min,
          max: range.max,
          input: round(input),
          output: round(output),
          unit: baseUnitSymbol(dim),
        },
        s.pathOf(slot),
      ),
    );
  }

  // ---- one step back / one step forward --------------------------------------------------

  private sharesObject(a: number, b: number): boolean {
    const s = this.store;
    const as = s.objStart(a);
    const ae = s.objEnd(a);
    const bs = s.objStart(b);
    const be = s.objEnd(b);
    for (let i = as; i < ae; i += 1) {
      const n = s.objNode.data[i] as number;
      for (let j = bs; j < be; j += 1) if (s.objNode.data[j] === n) return true;
    }
    return false;
  }

  private sharesTx(a: number, b: number): boolean | undefined {
    const s = this.store;
    const as = s.txStart(a);
    const ae = s.txEnd(a);
    const bs = s.txStart(b);
    const be = s.txEnd(b);
    if (as === ae || bs === be) return undefined;
    for (let i = as; i < ae; i += 1) {
      const t = s.txSym.data[i] as number;
      for (let j = bs; j < be; j += 1) if (s.txSym.data[j] === t) return true;
    }
    return false;
  }

  /**
   * Whether two events share a business transaction, or name two that one shipment or receipt
   * names together (see {@link transactionRoots}; at finalize only, else as {@link sharesTx}).
   */
  private sharesJoinedTx(a: number, b: number): boolean {
    const roots = this.txRoots;
    if (roots === undefined) return this.sharesTx(a, b) === true;
    const s = this.store;
    const ae = s.txEnd(a);
    const be = s.txEnd(b);
    for (let i = s.txStart(a); i < ae; i += 1) {
      const t = roots[s.txSym.data[i] as number];
      for (let j = s.txStart(b); j < be; j += 1)
        if (roots[s.txSym.data[j] as number] === t) return true;
    }
    return false;
  }

  /** Whether a shipment's destinations admit the receipt's place (or name none). */
  private destinationFits(ship: number, receipt: number): boolean {
    const s = this.store;
    const ss = s.sdStart(ship);
    const se = s.sdEnd(ship);
    let any = false;
    const rs = s.sdStart(receipt);
    const re = s.sdEnd(receipt);
    const rp = s.evReadPoint.data[receipt] as number;
    const bl = s.evBizLocation.data[receipt] as number;
    for (let i = ss; i < se; i += 1) {
      if (s.sdDir.data[i] !== 1) continue;
      any = true;
      const d = s.sdSym.data[i] as number;
      if (d === rp || d === bl) return true;
      for (let j = rs; j < re; j += 1) {
        if (s.sdDir.data[j] === 1 && s.sdSym.data[j] === d) return true;
      }
    }
    return !any;
  }

  private compatible(ship: number, receipt: number): boolean {
    if (!this.sharesObject(ship, receipt)) return false;
    const tx = this.sharesTx(ship, receipt);
    if (tx === false) return false;
    return tx === true || this.destinationFits(ship, receipt);
  }

  private pair(ship: number, receipt: number, out: Diagnostic[]): void {
    const s = this.store;
    this.matched.data[ship] = 1;
    this.matched.data[receipt] = 1;
    this.partner.data[receipt] = ship;
    this.stopWaiting(receipt);
    if (!this.on.timeOrder) return;
    const ts = s.evTime.data[ship] as number;
    const tr = s.evTime.data[receipt] as number;
    if (Number.isFinite(ts) && Number.isFinite(tr) && tr < ts - this.skew) {
      this.reportTime(receipt, s.objNode.data[s.objStart(receipt)] as number, ship, out);
    }
  }

  // ---- containers: what a pallet or case named by a transfer held ---------------------------

  /** Whether an AggregationEvent ADD packed anything into `node` (a pallet, a case). */
  private packs(node: number): boolean {
    const s = this.store;
    for (let e = s.inHead.data[node] as number; e !== -1; e = s.edgeNextIn.data[e] as number)
      if (s.isPacking(s.edgeSlot.data[e] as number)) return true;
    return false;
  }

  /**
   * The child object entries packed into container `node` by the AggregationEvent ADDs before
   * transfer `at`, and not taken out again by then by an AggregationEvent DELETE of the container
   * (one naming the child with a quantity takes that much out; naming it without one, or naming
   * no children, takes it all), through cases on a pallet (three levels), each aggregation once
   * and each instance (a serialised child) once. With each entry, the quantity still held (in the
   * base unit of its dimension: kg, L, pieces). Which packings and unpackings of the same time
   * as the transfer come before it: see {@link beforeTransfer}.
   */
  private packedInto(node: number, at: number): number[] {
    return this.packedHeld(node, at)[0];
  }

  /** {@link packedInto}, with the quantity each entry still holds (`NaN`: on, but not counted). */
  private packedHeld(node: number, at: number): [entries: number[], held: number[]] {
    const s = this.store;
    const found: number[] = [];
    const held: number[] = [];
    const seen: number[] = [];
    const instances: number[] = [];
    let level = [node];
    for (let depth = 0; depth < PACKING_LEVELS && level.length > 0; depth += 1) {
      const next: number[] = [];
      for (const container of level) {
        const unpackings = this.unpackingsOf(container, at);
        // what each unpacking entry with a quantity has left to take out (by entry)
        const taking = unpackings.length === 0 ? undefined : new Map<number, number>();
        for (
          let e = s.inHead.data[container] as number;
          e !== -1;
          e = s.edgeNextIn.data[e] as number
        ) {
          const packing = s.edgeSlot.data[e] as number;
          if (!s.isPacking(packing) || s.withdrawn.has(packing)) continue;
          if (seen.includes(packing) || !this.beforeTransfer(packing, at, false)) continue;
          seen.push(packing);
          const oe = s.objEnd(packing);
          for (let o = s.objStart(packing); o < oe; o += 1) {
            const field = s.objField.data[o] as number;
            if (field === F_PARENT) continue;
            const child = s.objNode.data[o] as number;
            const instance = isInstanceField(field);
            if (instance && instances.includes(child)) continue;
            const left =
              taking === undefined
                ? packedAmount(s, o)
                : this.leftAfterUnpacking(unpackings, packing, o, taking);
            if (left <= 0) continue;
            // (an instance packed, unpacked and packed again is on once, whichever comes first)
            if (instance) instances.push(child);
            found.push(o);
            held.push(left);
            if (this.packs(child) && !next.includes(child)) next.push(child);
          }
        }
      }
      level = next;
    }
    return [found, held];
  }

  /**
   * Whether aggregation `ev` comes before transfer `at` (a shipment or receipt): by time; at the
   * same time, by where it happened (see below); without a place, a packing does, and an
   * unpacking does before a shipment but not before a receipt.
   */
  private beforeTransfer(ev: number, at: number, unpacking: boolean): boolean {
    // a transfer that packs (a shipping ADD) ships what it packs; one that unpacks (a receiving
    // DELETE) takes off what it received
    if (ev === at) return !unpacking;
    const s = this.store;
    const te = chainOrderTime(s.evTime.data[ev] as number);
    const ta = chainOrderTime(s.evTime.data[at] as number);
    if (te !== ta) return te < ta;
    const receipt = s.evKind.data[at] === K_RECEIVE;
    const where = s.evHolder.data[ev] as number;
    const atReceiver =
      where === -1 ? undefined : receipt ? where === s.evHolder.data[at] : this.shipsTo(at, where);
    return stepBeforeTransfer(atReceiver, !unpacking, receipt);
  }

  /** Whether shipment `ship` names place `place` among its destinations. */
  private shipsTo(ship: number, place: number): boolean {
    const s = this.store;
    const end = s.sdEnd(ship);
    for (let i = s.sdStart(ship); i < end; i += 1)
      if (s.sdDir.data[i] === 1 && s.sdSym.data[i] === place) return true;
    return false;
  }

  /** The AggregationEvent DELETEs of a container before transfer `at`. */
  private unpackingsOf(container: number, at: number): number[] {
    const s = this.store;
    const found: number[] = [];
    for (let e = s.nodeHead.data[container] as number; e !== -1; e = s.neNext.data[e] as number) {
      const slot = s.neSlot.data[e] as number;
      if (!s.isUnpacking(slot) || s.withdrawn.has(slot)) continue;
      if (s.objField.data[s.neObj.data[e] as number] !== F_PARENT) continue;
      if (!this.beforeTransfer(slot, at, true)) continue;
      if (!found.includes(slot)) found.push(slot);
    }
    return found;
  }

  /**
   * What of packed entry `o` (of `packing`) is left after `unpackings` later than the packing:
   * its quantity, less what unpackings naming its child with a quantity in the same dimension
   * took (each unpacking entry's quantity taken once, from the entries in the order asked, in
   * `taking`); 0 when one named it as an instance, or named no children; `NaN` (still on, not
   * counted) when it had no quantity that counts, or an unpacking named it with one that does not
   * compare (none, another dimension, a unit that does not convert).
   */
  private leftAfterUnpacking(
    unpackings: readonly number[],
    packing: number,
    o: number,
    taking: Map<number, number>,
  ): number {
    const s = this.store;
    const child = s.objNode.data[o] as number;
    const dim = s.objDim.data[o] as number;
    let left = packedAmount(s, o);
    for (const d of unpackings) {
      if (!this.laterThan(d, packing)) continue;
      let children = 0;
      const oe = s.objEnd(d);
      for (let u = s.objStart(d); u < oe; u += 1) {
        if (s.objField.data[u] === F_PARENT) continue;
        children += 1;
        if (s.objNode.data[u] !== child) continue;
        // an instance named is off the pallet
        if (isInstanceField(s.objField.data[u] as number)) return 0;
        // a quantity that does not compare with what is on (none, another dimension, a unit
        // that does not convert, or nothing counted on): some of it may still be on, uncounted
        if (Number.isNaN(left)) continue;
        const taken = s.objBase.data[u] as number;
        if (s.objDim.data[u] !== dim || !Number.isFinite(taken) || !(taken >= 0)) {
          left = Number.NaN;
          continue;
        }
        const still = taking.get(u) ?? taken;
        const now = Math.min(still, left);
        taking.set(u, still - now);
        left -= now;
        if (left <= 0) return 0;
      }
      if (children === 0) return 0;
    }
    return left;
  }

  /** Whether an event names `node` itself. */
  private names(slot: number, node: number): boolean {
    const s = this.store;
    const oe = s.objEnd(slot);
    for (let o = s.objStart(slot); o < oe; o += 1) if (s.objNode.data[o] === node) return true;
    return false;
  }

  /**
   * Whether shipment `ship` accounts for `node`, named by a receipt: it names it, or a container
   * it names held it, or `node` is a container into which something the shipment names was packed
   * (by the shipment's time).
   */
  private accountsFor(ship: number, node: number): boolean {
    if (this.names(ship, node)) return true;
    const s = this.store;
    const oe = s.objEnd(ship);
    for (let o = s.objStart(ship); o < oe; o += 1) {
      const container = s.objNode.data[o] as number;
      if (!this.packs(container)) continue;
      for (const c of this.packedInto(container, ship)) if (s.objNode.data[c] === node) return true;
    }
    if (!this.packs(node)) return false;
    for (const c of this.packedInto(node, ship))
      if (this.names(ship, s.objNode.data[c] as number)) return true;
    return false;
  }

  /** Whether shipment `ship` accounts for something receipt `receipt` names (see above). */
  private accountsForAny(ship: number, receipt: number): boolean {
    const s = this.store;
    const oe = s.objEnd(receipt);
    for (let o = s.objStart(receipt); o < oe; o += 1)
      if (this.accountsFor(ship, s.objNode.data[o] as number)) return true;
    return false;
  }

  /**
   * The shipments that may account for what receipt `r` names under one of its business
   * transactions: those naming the same lot, a container that lot was packed into, or a lot packed
   * into a container the receipt names — found from the lots' own events, not by scanning every
   * shipment of the order. Each once; not withdrawn, not declared erroneous.
   */
  private shipmentsFor(r: number): number[] {
    const s = this.store;
    const found: number[] = [];
    const seen = new Set<number>();
    const oe = s.objEnd(r);
    for (let o = s.objStart(r); o < oe; o += 1) {
      const node = s.objNode.data[o] as number;
      // (a node reached twice is looked at twice; its shipments are taken once, by `seen`)
      const near = [node];
      // containers it was packed into (a case, the pallet the case is on), and what was packed
      // into it, three levels each way
      for (const up of [true, false]) {
        let level = [node];
        for (let depth = 0; depth < PACKING_LEVELS && level.length > 0; depth += 1) {
          const next: number[] = [];
          for (const n of level) {
            const head = up ? s.outHead.data[n] : s.inHead.data[n];
            for (let e = head as number; e !== -1; ) {
              if (s.isPacking(s.edgeSlot.data[e] as number)) {
                const other = (up ? s.edgeTo.data[e] : s.edgeFrom.data[e]) as number;
                near.push(other);
                next.push(other);
              }
              e = (up ? s.edgeNextOut.data[e] : s.edgeNextIn.data[e]) as number;
            }
          }
          level = next;
        }
      }
      for (const n of near) {
        for (let e = s.nodeHead.data[n] as number; e !== -1; e = s.neNext.data[e] as number) {
          const ship = s.neSlot.data[e] as number;
          if (s.evKind.data[ship] !== K_SHIP || seen.has(ship)) continue;
          seen.add(ship);
          if (s.withdrawn.has(ship) || (this.flags.data[ship] as number) & FLAG_DECLARATION)
            continue;
          if (this.sharesJoinedTx(ship, r)) found.push(ship);
        }
      }
    }
    return found;
  }

  /** {@link shipmentsFor} whose destinations admit the receipt. */
  private shipmentsTo(r: number): number[] {
    const found: number[] = [];
    for (const ship of this.shipmentsFor(r)) if (this.destinationFits(ship, r)) found.push(ship);
    return found;
  }

  /**
   * Whether shipment `ship` itself names every lot receipt `r` names, with at least the quantity
   * received (in the same unit): nothing for another shipment to account for.
   */
  private sentAll(ship: number, r: number): boolean {
    if (ship === -1) return false;
    const s = this.store;
    const oe = s.objEnd(r);
    const se = s.objEnd(ship);
    for (let o = s.objStart(r); o < oe; o += 1) {
      const node = s.objNode.data[o] as number;
      let found = false;
      for (let x = s.objStart(ship); x < se && !found; x += 1) {
        found =
          s.objNode.data[x] === node &&
          s.objDim.data[x] === s.objDim.data[o] &&
          (s.objBase.data[x] as number) >= (s.objBase.data[o] as number);
      }
      if (!found) return false;
    }
    return true;
  }

  /**
   * What a receipt received, lot by lot: what it names, and what the containers it names held at
   * its time (for lots it does not name itself); quantities of one lot in one dimension summed,
   * a lot counted otherwise (no quantity, two dimensions) marked not counted.
   */
  private receivedItems(r: number): ReceivedItem[] {
    const s = this.store;
    const items: ReceivedItem[] = [];
    const add = (node: number, o: number, base = s.objBase.data[o] as number) => {
      const dim = s.objDim.data[o] as number;
      const counted = dim !== DIM_NONE && Number.isFinite(base) && base >= 0;
      const known = items.find((x) => x.node === node);
      if (known === undefined) items.push({ node, dim, base, counted });
      else if (known.counted && counted && known.dim === dim) known.base += base;
      else known.counted = false;
    };
    const oe = s.objEnd(r);
    for (let o = s.objStart(r); o < oe; o += 1) {
      const node = s.objNode.data[o] as number;
      const [contents, held] =
        this.anyPacking && this.packs(node) ? this.packedHeld(node, r) : [[], []];
      if (contents.length === 0) {
        add(node, o);
        continue;
      }
      contents.forEach((c, k) => {
        const child = s.objNode.data[c] as number;
        if (!this.names(r, child) && !this.packs(child)) add(child, c, held[k] as number);
      });
    }
    return items;
  }

  /**
   * How much of a received item shipment `ship` accounts for: what it sent of the lot in the
   * item's unit; all of it when the item has no quantity, or the two cannot be compared (another
   * dimension), or the shipment sent the container the item was named as; none when it did not
   * carry the lot.
   */
  private coverOf(ship: number, item: ReceivedItem): number {
    if (!item.counted) return this.accountsFor(ship, item.node) ? Number.POSITIVE_INFINITY : 0;
    return this.sentOf(ship, item.node, item.dim);
  }

  /**
   * What shipment `ship` sent of `node` in dimension `dim`: its own quantities of it and what its
   * containers held of it at its time. `Infinity` when it carried the node but in nothing that
   * compares (another dimension, an unreadable quantity), or accounts for it only as the
   * container the receipt names (it sent what was packed into it); 0 when it did not carry it.
   */
  private sentOf(ship: number, node: number, dim: number): number {
    const s = this.store;
    let sent = 0;
    let carried = false;
    let comparable = false;
    const take = (o: number, base = s.objBase.data[o] as number) => {
      carried = true;
      if (s.objDim.data[o] !== dim || !(base >= 0)) return;
      comparable = true;
      sent += base;
    };
    const os = s.objStart(ship);
    const oe = s.objEnd(ship);
    for (let o = os; o < oe; o += 1) {
      const n = s.objNode.data[o] as number;
      if (n === node) take(o);
      else if (this.anyPacking && this.packs(n)) {
        const [contents, held] = this.packedHeld(n, ship);
        contents.forEach((c, k) => {
          // (what a shipping ADD packs it names itself: taken above)
          if (s.objNode.data[c] === node && !s.entryOf(ship, c)) take(c, held[k] as number);
        });
      }
    }
    if (comparable) return sent;
    return carried || this.accountsFor(ship, node) ? Number.POSITIVE_INFINITY : 0;
  }

  /**
   * At finalize, without changing the index (`finalize()` may be called again, and events added
   * after it): the pairing flags the one-step findings are read from. Receipts are taken in
   * event-time order.
   *
   * - A receipt still unpaired pairs with a shipment of one of its business transactions when one
   *   of them names a container (a pallet by its SSCC) that held, at the shipment's time, what the
   *   other names, and the shipment's destinations admit the receipt: the latest such shipment
   *   not dated after it that is still unpaired, else the earliest unpaired one, else one already
   *   paired.
   * - A receipt then closes, for each lot it names, as many more unpaired shipments of its
   *   transactions (not dated after it, to its place) as it takes to account for what it
   *   received of that lot: two trucks or pallets received together close both, one of two
   *   received closes one.
   */
  private settledPairs(out: Diagnostic[]): Uint8Array {
    const s = this.store;
    const matched = this.matched.data.slice(0, s.eventCount);
    const receipts: number[] = [];
    let sorted = true;
    for (let slot = 0; slot < s.eventCount; slot += 1) {
      if (s.evKind.data[slot] !== K_RECEIVE || s.withdrawn.has(slot)) continue;
      if ((this.flags.data[slot] as number) & FLAG_DECLARATION) continue;
      const last = receipts.at(-1);
      if (last !== undefined && this.laterThan(last, slot)) sorted = false;
      receipts.push(slot);
    }
    if (!sorted)
      receipts.sort((a, b) => (this.laterThan(a, b) ? 1 : this.laterThan(b, a) ? -1 : 0));
    const roots = this.txRoots;
    let joined = false;
    if (roots !== undefined)
      for (let t = 0; t < roots.length && !joined; t += 1) joined = roots[t] !== t;
    // the rest of split deliveries: receipts that pair otherwise than they did as they came, and
    // the shipments they left
    const split: Split = { moved: new Map(), freed: new Set(), closed: new Set() };
    for (const r of receipts) {
      let partner = this.partner.data[r] as number;
      if (
        matched[r] === 1 &&
        partner !== -1 &&
        !s.withdrawn.has(partner) &&
        ((this.flags.data[r] as number) & FLAG_OVER_PAIRED || split.freed.size > 0)
      )
        partner = this.splitPartner(r, partner, matched, split);
      if (matched[r] === 1 && this.sentAll(partner, r)) continue; // the common case, quickly
      const paired: number[] = [];
      if (matched[r] === 1 && partner !== -1 && !s.withdrawn.has(partner)) paired.push(partner);
      let candidates: number[] | undefined;
      if (matched[r] === 0) {
        if (!this.anyPacking && !joined) continue;
        candidates = this.shipmentsTo(r);
        let best = -1;
        let bestRank = 3;
        for (const ship of candidates) {
          if (!this.accountsForAny(ship, r)) continue;
          const rank = matched[ship] === 1 ? 2 : this.datedAfter(ship, r) ? 1 : 0;
          const better =
            rank < bestRank ||
            (rank === bestRank &&
              (rank === 1 ? this.laterThan(best, ship) : this.laterThan(ship, best)));
          if (better) {
            best = ship;
            bestRank = rank;
          }
        }
        if (best === -1) continue;
        matched[r] = 1;
        matched[best] = 1;
        paired.push(best);
        const ts = s.evTime.data[best] as number;
        const tr = s.evTime.data[r] as number;
        if (this.on.timeOrder && Number.isFinite(ts) && Number.isFinite(tr) && tr < ts - this.skew)
          this.reportTime(r, s.objNode.data[s.objStart(r)] as number, best, out, false);
      }
      if (paired.length === 0) continue;
      // what it received of each lot (its containers' contents included) beyond what its
      // shipment sent: other shipments' share
      for (const item of this.receivedItems(r)) {
        let covered = 0;
        for (const p of paired) covered += this.coverOf(p, item);
        const wanted = item.counted ? item.base / (1 + this.tolerance) - 1e-9 : 1;
        if (covered >= wanted) continue;
        candidates ??= this.shipmentsTo(r);
        // the latest first
        const open = candidates
          .filter(
            (c) => matched[c] === 0 && !this.datedAfter(c, r) && this.accountsFor(c, item.node),
          )
          .sort((a, b) => (this.laterThan(a, b) ? -1 : this.laterThan(b, a) ? 1 : 0));
        for (const c of open) {
          if (covered >= wanted) break;
          matched[c] = 1;
          split.closed.add(c);
          split.freed.delete(c);
          paired.push(c);
          covered += this.coverOf(c, item);
        }
      }
    }
    return matched;
  }

  /**
   * At finalize: each business transaction's representative, transactions named together by a
   * shipment or receipt joined (a purchase order and its despatch advice, one receipt for two
   * orders), by union-find over their numbers. Withdrawn events join nothing.
   */
  private transactionRoots(): Int32Array {
    const s = this.store;
    const parent = new Int32Array(s.txCount);
    for (let i = 0; i < parent.length; i += 1) parent[i] = i;
    const rootOf = (sym: number): number => {
      let r = sym;
      while (parent[r] !== r) r = parent[r] as number;
      for (let x = sym; parent[x] !== r; ) {
        const next = parent[x] as number;
        parent[x] = r;
        x = next;
      }
      return r;
    };
    const txEntries = s.txSym.length;
    for (let i = 0; i < txEntries; i += 1) {
      const slot = s.txSlot.data[i] as number;
      const first = s.txStart(slot);
      if (i === first || s.withdrawn.has(slot)) continue;
      const kind = s.evKind.data[slot] as number;
      if (kind !== K_SHIP && kind !== K_RECEIVE) continue;
      const a = rootOf(s.txSym.data[first] as number);
      const b = rootOf(s.txSym.data[i] as number);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
    for (let t = 0; t < parent.length; t += 1) parent[t] = rootOf(t);
    return parent;
  }

  /**
   * At finalize, in {@link settledPairs}: the shipment receipt `r` (paired with `partner` as it
   * came) pairs with, given the receipts before it in time order.
   *
   * - The rest of a split delivery: a receipt paired with an unpaired truck of its transaction
   *   while another one was paired ({@link FLAG_OVER_PAIRED}: received in part before it, in time
   *   order) pairs with that other one instead when it is still short by at least what `r`
   *   received of each lot (the latest such); the truck it leaves is unpaired again unless
   *   another receipt pairs with it.
   * - A receipt whose shipment was received in full before it pairs with a truck so left, when
   *   one carried what it received.
   *
   * Only receipts whose quantities all count are moved.
   */
  private splitPartner(r: number, partner: number, matched: Uint8Array, split: Split): number {
    const items = this.receivedItems(r);
    if (items.length === 0 || items.some((i) => !i.counted)) return partner;
    const flagged = ((this.flags.data[r] as number) & FLAG_OVER_PAIRED) !== 0;
    const moveTo = (q: number): number => {
      split.moved.set(r, q);
      split.freed.delete(q);
      matched[q] = 1;
      if (!this.pairedOtherwise(partner, r, matched, split)) {
        matched[partner] = 0;
        split.freed.add(partner);
      }
      return q;
    };
    if (flagged) {
      let best = -1;
      for (const q of this.shipmentsTo(r)) {
        if (q === partner || matched[q] !== 1 || this.datedAfter(q, r)) continue;
        if (!this.restFits(q, r, items, matched, split)) continue;
        if (best === -1 || this.laterThan(q, best)) best = q;
      }
      if (best !== -1) return moveTo(best);
    }
    if (split.freed.size === 0 || this.restFits(partner, r, items, matched, split)) return partner;
    let best = -1;
    for (const q of this.shipmentsTo(r)) {
      if (!split.freed.has(q) || this.datedAfter(q, r) || !this.accountsForAny(q, r)) continue;
      if (best === -1 || this.laterThan(q, best)) best = q;
    }
    return best === -1 ? partner : moveTo(best);
  }

  /**
   * Whether shipment `ship`, less what the receipts paired with it before `r` received, still
   * has what `r` received of each lot.
   */
  private restFits(
    ship: number,
    r: number,
    items: readonly ReceivedItem[],
    matched: Uint8Array,
    split: Split,
  ): boolean {
    for (const item of items) {
      const sent = this.sentOf(ship, item.node, item.dim);
      if (!Number.isFinite(sent)) return false;
      const got = this.receivedBefore(ship, item, r, matched, split);
      if (sent - got < item.base / (1 + this.tolerance) - 1e-9) return false;
    }
    return true;
  }

  /**
   * What the receipts before `r` (in time order) that pair with `ship` received of `item`'s lot
   * in its dimension, as they name it.
   */
  private receivedBefore(
    ship: number,
    item: ReceivedItem,
    r: number,
    matched: Uint8Array,
    split: Split,
  ): number {
    const s = this.store;
    let got = 0;
    for (let e = s.nodeHead.data[item.node] as number; e !== -1; e = s.neNext.data[e] as number) {
      const x = s.neSlot.data[e] as number;
      if (x === r || s.evKind.data[x] !== K_RECEIVE || !this.laterThan(r, x)) continue;
      if (this.pairedWith(x, matched, split) !== ship) continue;
      const o = s.neObj.data[e] as number;
      const base = s.objBase.data[o] as number;
      if (s.objDim.data[o] === item.dim && Number.isFinite(base) && base >= 0) got += base;
    }
    return got;
  }

  /** The shipment receipt `x` pairs with in {@link settledPairs} so far (-1: none). */
  private pairedWith(x: number, matched: Uint8Array, split: Split): number {
    const s = this.store;
    if (s.withdrawn.has(x) || (this.flags.data[x] as number) & FLAG_DECLARATION) return -1;
    return split.moved.get(x) ?? (matched[x] === 1 ? (this.partner.data[x] as number) : -1);
  }

  /** Whether shipment `ship` pairs with a receipt other than `r`, or was closed by one. */
  private pairedOtherwise(ship: number, r: number, matched: Uint8Array, split: Split): boolean {
    if (split.closed.has(ship)) return true;
    const s = this.store;
    const oe = s.objEnd(ship);
    for (let o = s.objStart(ship); o < oe; o += 1) {
      const node = s.objNode.data[o] as number;
      for (let e = s.nodeHead.data[node] as number; e !== -1; e = s.neNext.data[e] as number) {
        const x = s.neSlot.data[e] as number;
        if (x === r || s.evKind.data[x] !== K_RECEIVE) continue;
        if (this.pairedWith(x, matched, split) === ship) return true;
      }
    }
    return false;
  }

  /** The one location a shipment names among its destinations (-1: none, or several). */
  private shippedTo(ship: number): number {
    const s = this.store;
    let place = -1;
    const end = s.sdEnd(ship);
    for (let i = s.sdStart(ship); i < end; i += 1) {
      if (s.sdDir.data[i] !== 1 || s.sdType.data[i] !== SD_LOCATION) continue;
      const sym = s.sdSym.data[i] as number;
      if (place !== -1 && place !== sym) return -1;
      place = sym;
    }
    return place;
  }

  /**
   * At finalize: per business transaction and lot, what its receipts received against what its
   * shipments sent (each in kg, L or pieces; negative quantities left out), reported when the
   * receipts took in more than the shipments sent, within the mass tolerance. Transactions named
   * together by one event (a purchase order and its despatch advice; one receipt for two orders)
   * are one transaction here. Only lots that a shipment of the transaction carried are compared
   * (a receipt may list what a shipped pallet held), and events without a business transaction
   * are not. The finding names the latest receipt (by event time, then input position).
   */
  private compareReceipts(out: Diagnostic[], roots: Int32Array): void {
    const s = this.store;
    const txEntries = s.txSym.length;
    const rootOf = (sym: number): number => roots[sym] as number;
    // one tally per (transaction, lot), in columns: a transaction's first lot's row by the
    // transaction's number (most carry one lot), the others' rows in a map
    const firstRow = new Int32Array(s.txCount).fill(-1);
    const tallies = new PairMap(1024);
    const tx = new Int32Vec();
    const lot = new Int32Vec();
    const dims = new Uint8Vec();
    const carried = new Uint8Vec();
    const shipped = new Float64Vec();
    const received = new Float64Vec();
    const receipt = new Int32Vec();
    // the same per place (a shipment's one destination location, a receipt's place): a row
    // counted at one place so far has its totals as that place's (most rows: nothing more is
    // kept); from its second place on, its places' sums are kept by row and place. A row with a
    // shipment to no one place (or to several) is compared as a whole only.
    const rowPlace = new Int32Vec();
    const byPlace = new Map<number, number>();
    const placeRow = new Int32Vec();
    const placeSym = new Int32Vec();
    const placeShipped = new Float64Vec();
    const placeReceived = new Float64Vec();
    const placeReceipt = new Int32Vec();
    const addAt = (t: number, place: number, sent: number, got: number, last: number) => {
      const key = t * HOLDER_SPAN + place;
      let p = byPlace.get(key);
      if (p === undefined) {
        p = placeRow.push(t);
        placeSym.push(place);
        placeShipped.push(0);
        placeReceived.push(0);
        placeReceipt.push(-1);
        byPlace.set(key, p);
      }
      placeShipped.data[p] = (placeShipped.data[p] as number) + sent;
      placeReceived.data[p] = (placeReceived.data[p] as number) + got;
      const known = placeReceipt.data[p] as number;
      if (last !== -1 && (known === -1 || (known !== last && this.laterThan(last, known))))
        placeReceipt.data[p] = last;
    };
    // (before the row's totals take the entry in)
    const countAt = (t: number, place: number, kind: number, slot: number, base: number) => {
      const current = rowPlace.data[t] as number;
      if (current === PLACE_NONE || current === place) return;
      if (place === -1) rowPlace.data[t] = PLACE_NONE;
      else if (current === PLACE_UNSET) rowPlace.data[t] = place;
      else {
        if (current !== PLACE_SEVERAL) {
          // its second place: what the row counted so far was at its first
          addAt(
            t,
            current,
            shipped.data[t] as number,
            received.data[t] as number,
            receipt.data[t] as number,
          );
          rowPlace.data[t] = PLACE_SEVERAL;
        }
        if (kind === K_SHIP) addAt(t, place, base, 0, -1);
        else addAt(t, place, 0, base, slot);
      }
    };
    // count object entry `o` (of event `slot`, or packed into what it names) for `node`
    const count = (
      sym: number,
      slot: number,
      kind: number,
      place: number,
      node: number,
      o: number,
      amount = s.objBase.data[o] as number,
    ): void => {
      const dim = s.objDim.data[o] as number;
      const base = amount;
      if (dim === DIM_NONE || !(base >= 0) || !Number.isFinite(base)) return;
      let t = firstRow[sym] as number;
      if (t === -1) firstRow[sym] = dims.length;
      else if (lot.data[t] !== node) t = tallies.getOrAdd(sym, node, dims.length);
      if (t === -1) {
        t = tx.push(sym);
        lot.push(node);
        dims.push(dim);
        carried.push(0);
        shipped.push(0);
        received.push(0);
        receipt.push(-1);
        rowPlace.push(PLACE_UNSET);
      } else if (dims.data[t] !== dim) {
        dims.data[t] = MIXED; // not comparable
        return;
      }
      countAt(t, place, kind, slot, base);
      if (kind === K_SHIP) {
        carried.data[t] = 1;
        shipped.data[t] = (shipped.data[t] as number) + base;
      } else {
        received.data[t] = (received.data[t] as number) + base;
        const last = receipt.data[t] as number;
        if (last === -1 || (last !== slot && this.laterThan(slot, last))) receipt.data[t] = slot;
      }
    };
    const packed: number[] = [];
    for (let i = 0; i < txEntries; i += 1) {
      const slot = s.txSlot.data[i] as number;
      const kind = s.evKind.data[slot] as number;
      if ((kind !== K_SHIP && kind !== K_RECEIVE) || s.withdrawn.has(slot)) continue;
      const sym = rootOf(s.txSym.data[i] as number);
      // an event counts once per transaction, however many of its names it lists
      let repeat = false;
      for (let j = s.txStart(slot); j < i && !repeat; j += 1)
        repeat = rootOf(s.txSym.data[j] as number) === sym;
      if (repeat) continue;
      // a container (a pallet by its SSCC) counts for the lots packed into it by then, each packed
      // entry once; a receipt's not for a lot it also names itself (it may list the pallet and
      // what it held), a shipment's always (it may add loose quantity of the lot to a pallet):
      // either way a doubt counts towards what was shipped, never towards an excess
      // (what a shipping ADD packs, it names itself, and is counted as named)
      if (packed.length > 0) packed.length = 0;
      const place = kind === K_SHIP ? this.shippedTo(slot) : (s.evHolder.data[slot] as number);
      const os = s.objStart(slot);
      const oe = s.objEnd(slot);
      for (let o = os; o < oe; o += 1) {
        const node = s.objNode.data[o] as number;
        count(sym, slot, kind, place, node, o);
        if (!this.anyPacking || !this.packs(node)) continue;
        const [contents, held] = this.packedHeld(node, slot);
        contents.forEach((c, k) => {
          const child = s.objNode.data[c] as number;
          if ((kind === K_RECEIVE && this.names(slot, child)) || s.entryOf(slot, c)) return;
          if (packed.includes(c)) return;
          packed.push(c);
          count(sym, slot, kind, place, child, c, held[k] as number);
        });
      }
    }
    const exceeds = (inflow: number, outflow: number) =>
      Number.isFinite(inflow) &&
      Number.isFinite(outflow) &&
      inflow > outflow * (1 + this.tolerance) + 1e-9;
    const report = (t: number, slot: number, inflow: number, outflow: number, place: number) => {
      const node = lot.data[t] as number;
      const dim = dims.data[t] as number;
      const where = place === -1 ? '' : (s.syms[place] ?? '');
      out.push(
        this.diag(
          'TRACE_RECEIPT_EXCEEDS_SHIPMENT',
          {
            ...s.eventParams(slot),
            lot: s.nodeIds[node] ?? '',
            transaction: s.txText(tx.data[t] as number),
            received: round(inflow),
            shipped: round(outflow),
            unit: baseUnitSymbol(dim),
            at: where === '' ? '' : localizedParam(`在 ${where} `, ` at ${where}`),
            to: where === '' ? '' : localizedParam(`发往 ${where} 的`, ` to ${where}`),
            ...(where === '' ? {} : { place: where }),
          },
          this.objectPath(this.firstCounted(slot, node, dim), slot),
        ),
      );
    };
    const judged = (t: number) =>
      dims.data[t] !== MIXED && receipt.data[t] !== -1 && carried.data[t] === 1;
    const reported = new Uint8Array(dims.length);
    for (let t = 0; t < dims.length; t += 1) {
      if (!judged(t)) continue;
      const inflow = received.data[t] as number;
      const outflow = shipped.data[t] as number;
      if (!exceeds(inflow, outflow)) continue;
      reported[t] = 1;
      report(t, receipt.data[t] as number, inflow, outflow, -1);
    }
    // per place, where the totals hid it (150 received at B of 100 sent there, 50 at C of 100):
    // only rows whose every shipment went to one place and every receipt was at such a place (a
    // receipt at a place no shipment names, a dock door say, leaves the row compared as a whole)
    for (let p = 0; p < placeRow.length; p += 1)
      if ((placeShipped.data[p] as number) === 0 && (placeReceived.data[p] as number) > 0)
        rowPlace.data[placeRow.data[p] as number] = PLACE_NONE;
    for (let p = 0; p < placeRow.length; p += 1) {
      const t = placeRow.data[p] as number;
      const slot = placeReceipt.data[p] as number;
      if (reported[t] === 1 || rowPlace.data[t] !== PLACE_SEVERAL || slot === -1 || !judged(t))
        continue;
      const inflow = placeReceived.data[p] as number;
      const outflow = placeShipped.data[p] as number;
      if (exceeds(inflow, outflow)) report(t, slot, inflow, outflow, placeSym.data[p] as number);
    }
  }

  /** The first object of an event that names `node` with a quantity counted in `dim`. */
  private firstCounted(slot: number, node: number, dim: number): number {
    const s = this.store;
    const oe = s.objEnd(slot);
    for (let o = s.objStart(slot); o < oe; o += 1) {
      const base = s.objBase.data[o] as number;
      if (s.objNode.data[o] === node && s.objDim.data[o] === dim && base >= 0) return o;
    }
    return s.objStart(slot);
  }

  /**
   * Whether event `a` comes after event `b` in the order {@link repairInTimeOrder} and
   * `validateChain` take events in: by event time (an unreadable one last), then by position.
   */
  private laterThan(a: number, b: number): boolean {
    const s = this.store;
    const ta = chainOrderTime(s.evTime.data[a] as number);
    const tb = chainOrderTime(s.evTime.data[b] as number);
    if (ta !== tb) return ta > tb;
    return (s.evIndex.data[a] as number) > (s.evIndex.data[b] as number);
  }

  private matchReceipt(slot: number, out: Diagnostic[]): void {
    const s = this.store;
    const ts = s.txStart(slot);
    const te = s.txEnd(slot);
    const next = this.txNext.data;
    // under a shared transaction: an unpaired shipment to the receipt's place first, then an
    // unpaired one, then one already paired (the most recent of each)
    let best = -1;
    let bestRank = 0;
    let sawPaired = false;
    for (let i = ts; i < te && best === -1; i += 1) {
      const sym = s.txSym.data[i] as number;
      for (let e = this.shipTxHead.data[sym] as number; e !== -1; e = next[e] as number) {
        const ship = s.txSlot.data[e] as number;
        if (!this.sharesObject(ship, slot)) continue;
        if (this.matched.data[ship] === 1) sawPaired = true;
        if (best === -1) {
          best = ship;
          continue;
        }
        if (bestRank === 0) bestRank = this.pairingRank(best, slot);
        const rank = this.pairingRank(ship, slot);
        if (rank < bestRank) {
          best = ship;
          bestRank = rank;
        }
      }
    }
    if (sawPaired && best !== -1 && this.matched.data[best] === 0)
      this.flags.data[slot] = (this.flags.data[slot] as number) | FLAG_OVER_PAIRED;
    if (best === -1) best = this.findByObjects(slot, K_SHIP, (ship) => this.compatible(ship, slot));
    if (best !== -1) {
      this.pair(best, slot, out);
      return;
    }
    for (let i = ts; i < te; i += 1) {
      const sym = s.txSym.data[i] as number;
      next[i] = this.receiptTxHead.data[sym] as number;
      this.receiptTxHead.data[sym] = i;
    }
    this.startWaiting(slot);
  }

  /**
   * How well a shipment suits a receipt under a shared transaction (lower is better, from 1): one
   * to the receipt's place before one elsewhere (a return under the same order), an unpaired one
   * before one already paired.
   */
  private pairingRank(ship: number, receipt: number): number {
    return (this.destinationFits(ship, receipt) ? 1 : 3) + (this.matched.data[ship] === 1 ? 1 : 0);
  }

  /** Whether event `a` is dated after event `b` (both times readable). */
  private datedAfter(a: number, b: number): boolean {
    const s = this.store;
    const ta = s.evTime.data[a] as number;
    const tb = s.evTime.data[b] as number;
    return Number.isFinite(ta) && Number.isFinite(tb) && ta > tb;
  }

  /** Count an unpaired receipt on its lots, so that a shipment naming them looks for it. */
  private startWaiting(receipt: number): void {
    const flags = this.flags.data[receipt] as number;
    if (flags & FLAG_WAITING) return;
    this.flags.data[receipt] = flags | FLAG_WAITING;
    const s = this.store;
    const oe = s.objEnd(receipt);
    for (let o = s.objStart(receipt); o < oe; o += 1) {
      const node = s.objNode.data[o] as number;
      this.pendingOnNode.data[node] = (this.pendingOnNode.data[node] as number) + 1;
    }
  }

  /**
   * A receipt no longer waits (paired or withdrawn): uncount it, if it was counted. A receipt
   * paired as it came was never counted, and must not uncount another that still waits.
   */
  private stopWaiting(receipt: number): void {
    const flags = this.flags.data[receipt] as number;
    if ((flags & FLAG_WAITING) === 0) return;
    this.flags.data[receipt] = flags & ~FLAG_WAITING;
    const s = this.store;
    const oe = s.objEnd(receipt);
    for (let o = s.objStart(receipt); o < oe; o += 1) {
      const node = s.objNode.data[o] as number;
      const waiting = this.pendingOnNode.data[node] as number;
      if (waiting > 0) this.pendingOnNode.data[node] = waiting - 1;
    }
  }

  private matchShipment(slot: number, out: Diagnostic[]): void {
    const s = this.store;
    const ts = s.txStart(slot);
    const te = s.txEnd(slot);
    const next = this.txNext.data;
    for (let i = ts; i < te; i += 1) {
      const sym = s.txSym.data[i] as number;
      next[i] = this.shipTxHead.data[sym] as number;
      this.shipTxHead.data[sym] = i;
      for (let e = this.receiptTxHead.data[sym] as number; e !== -1; e = next[e] as number) {
        const receipt = s.txSlot.data[e] as number;
        if (this.matched.data[receipt] === 0 && this.sharesObject(slot, receipt)) {
          this.pair(slot, receipt, out);
        }
      }
    }
    if (this.matched.data[slot] === 1) return;
    let waiting = false;
    const oe = s.objEnd(slot);
    for (let o = s.objStart(slot); o < oe && !waiting; o += 1) {
      waiting = (this.pendingOnNode.data[s.objNode.data[o] as number] as number) > 0;
    }
    if (!waiting) return;
    const receipt = this.findByObjects(
      slot,
      K_RECEIVE,
      (r) => this.matched.data[r] === 0 && this.compatible(slot, r),
    );
    if (receipt !== -1) this.pair(slot, receipt, out);
  }

  /** The first event of a kind naming one of the slot's objects that passes the test (unmatched first). */
  private findByObjects(slot: number, kind: number, test: (other: number) => boolean): number {
    const s = this.store;
    const os = s.objStart(slot);
    const oe = s.objEnd(slot);
    let fallback = -1;
    for (let o = os; o < oe; o += 1) {
      const node = s.objNode.data[o] as number;
      for (let e = s.nodeHead.data[node] as number; e !== -1; e = s.neNext.data[e] as number) {
        const other = s.neSlot.data[e] as number;
        if (other === slot || s.evKind.data[other] !== kind) continue;
        if (this.visible !== undefined && this.visible[other] !== 1) continue;
        if (!test(other)) continue;
        if (this.matched.data[other] === 0) return other;
        if (fallback === -1) fallback = other;
      }
    }
    return fallback;
  }

  /** Findings that need the whole picture: unmatched receipts and shipments, orphan lots, balances. */
  finalize(): Diagnostic[] {
    // transactions named together are one, in the pairing as in the receipt totals
    const roots = this.transactionRoots();
    this.txRoots = roots;
    try {
      return this.wholePicture(roots);
    } finally {
      this.txRoots = undefined;
    }
  }

  /** {@link finalize}, with the transactions' representatives known. */
  private wholePicture(roots: Int32Array): Diagnostic[] {
    const s = this.store;
    const out: Diagnostic[] = [];
    if (this.on.oneStep && this.pairedOutOfOrder) this.repairInTimeOrder();
    const matched = this.on.oneStep ? this.settledPairs(out) : this.matched.data;
    const firstLot = (slot: number) => {
      const [os] = s.objectRange(slot);
      const [, oe] = s.objectRange(slot);
      return os < oe ? (s.nodeIds[s.objNode.data[os] as number] ?? '') : '';
    };
    if (this.on.oneStep) {
      for (let slot = 0; slot < s.eventCount; slot += 1) {
        const kind = s.evKind.data[slot];
        if (kind !== K_RECEIVE && kind !== K_SHIP) continue;
        if (matched[slot] === 1 || s.withdrawn.has(slot)) continue;
        out.push(
          this.diag(
            kind === K_RECEIVE ? 'TRACE_RECEIPT_WITHOUT_SHIPMENT' : 'TRACE_SHIPMENT_NOT_RECEIVED',
            { ...s.eventParams(slot), lot: firstLot(slot) },
            s.pathOf(slot),
          ),
        );
      }
    }
    if (this.on.orphans) {
      for (let node = 0; node < s.nodeCount; node += 1) {
        if (
          this.nonParent.data[node] !== 1 ||
          Number.isFinite(this.originTime.data[node] as number)
        )
          continue;
        const e = s.nodeHead.data[node] as number;
        // every event of the lot was withdrawn (a duplicate, declared erroneous): no lot left
        if (e === -1) continue;
        const slot = s.neSlot.data[e] as number;
        out.push(
          this.diag(
            'TRACE_ORPHAN_LOT',
            { ...s.eventParams(slot), lot: s.nodeIds[node] ?? '' },
            this.objectPath(s.neObj.data[e] as number, slot),
          ),
        );
      }
    }
    if (this.on.massBalance) {
      for (let b = 0; b < this.balIn.length; b += 1) this.checkBalance(b, out, false);
      this.compareReceipts(out, roots);
    }
    if (this.on.yield)
      for (const slots of s.transformationGroups()) this.judgeTransformation(slots, out);
    return out;
  }
}

/** In {@link ChainChecker.settledPairs}: receipts moved to another shipment, shipments left, closed. */
interface Split {
  readonly moved: Map<number, number>;
  readonly freed: Set<number>;
  readonly closed: Set<number>;
}

/** A lot a transfer moved in the mass balance as packed in a container it named. */
interface ContentFlow {
  /** The packed entry (of the AggregationEvent ADD). */
  readonly entry: number;
  /** How much of it the container still held then (base unit: kg, L, pieces). */
  readonly amount: number;
}

/** A packed entry's quantity in its base unit, `NaN` when it has none that counts. */
function packedAmount(s: GraphStore, o: number): number {
  const base = s.objBase.data[o] as number;
  return s.objDim.data[o] !== DIM_NONE && Number.isFinite(base) && base >= 0 ? base : Number.NaN;
}

/** What a receipt received of one lot (see `receivedItems`). */
interface ReceivedItem {
  readonly node: number;
  readonly dim: number;
  base: number;
  counted: boolean;
}

/** What the events of a transformation group took in and gave out of one lot, by event. */
interface LotFlows {
  readonly taken: Map<number, number>;
  readonly given: Map<number, number>;
}

/**
 * What of a lot passed between different events of a transformation group: no more than each
 * event gave to the other events' intake, nor than each took from the other events' output.
 */
function passedBetween(flows: LotFlows | undefined): number {
  if (flows === undefined) return 0;
  let takenAll = 0;
  for (const t of flows.taken.values()) takenAll += t;
  let givenAll = 0;
  for (const g of flows.given.values()) givenAll += g;
  let out = 0;
  for (const [slot, g] of flows.given) out += Math.min(g, takenAll - (flows.taken.get(slot) ?? 0));
  let into = 0;
  for (const [slot, t] of flows.taken) into += Math.min(t, givenAll - (flows.given.get(slot) ?? 0));
  return Math.max(0, Math.min(out, into));
}

/**
 * An event time (epoch ms) as the chain checks order events by it: an unreadable one (NaN) last.
 * `validateChain` orders its input by it; the index pairs again by it ({@link ChainChecker}).
 */
export function chainOrderTime(time: number): number {
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

/** +1 for an inflow of a lot at the holder, -1 for an outflow, 0 for neither. */
function flowDirection(kind: number, field: number): number {
  if (kind === K_ORIGIN || kind === K_RECEIVE) return 1;
  if (kind === K_SHIP || kind === K_DESTROY || kind === K_SALE) return -1;
  if (kind === K_TRANSFORM) return field === F_IN_EPC || field === F_IN_QTY ? -1 : 1;
  return 0;
}

function round(value: number): number {
  const scaled = value * 1000;
  // a figure so large that it has no thousandths (and whose scaling would overflow) stays as it is
  return Math.abs(scaled) < 2 ** 53 ? Math.round(scaled) / 1000 : value;
}
