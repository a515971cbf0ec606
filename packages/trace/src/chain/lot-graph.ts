import {
  createDiagnostic,
  type Diagnostic,
  type DiagnosticPath,
  type Locale,
  type LocalizedParam,
  localizedParam,
  type MessageParamValue,
} from '@foodsafety/core';
import { canonicalGs1Uri } from '../gs1/canonical-gs1-uri.js';
import { isRecord } from '../is-record.js';
import { thrownDetail } from '../thrown-detail.js';
import type { CanonicalIdFn } from './canonical-id.js';
import { chainMessages } from './chain-messages.js';
import { readChainOptions } from './chain-options.js';
import { canonicalEventJson } from './content-hash.js';
import { declaredErroneous } from './error-declaration.js';
import { EventIdColumn } from './event-id-column.js';
import {
  A_PACKS,
  A_UNPACKS,
  aggregationRole,
  bareBizStep,
  bareDisposition,
  EVENT_KINDS,
  EVENT_TYPES,
  type EventKind,
  K_AGGREGATE,
  K_DISAGGREGATE,
  K_TRANSFORM,
  kindCode,
  T_AGGREGATION,
  T_ASSOCIATION,
  T_OBJECT,
  T_TRANSACTION,
  T_TRANSFORMATION,
  typeCode,
} from './event-kind.js';
import type { EventRecord } from './event-record.js';
import { Float64Vec, Int32Vec, Uint8Vec } from './growable.js';
import { isoMillis, isoWithOffset, parseOffset } from './iso-time.js';
import { PairMap } from './pair-map.js';
import { RawTable } from './raw-table.js';
import { RecentValues } from './recent-values.js';
import { NO_EVENT_ID } from './stand-in-words.js';
import { TaggedSymbols } from './tagged-symbols.js';
import { DIM_NONE, REC20_UNITS, type UnitTable, unitCode } from './units.js';

/** Where an identifier appears in an event (the EPCIS member it was read from). */
export type ObjectField =
  | 'epcList'
  | 'quantityList'
  | 'inputEPCList'
  | 'inputQuantityList'
  | 'outputEPCList'
  | 'outputQuantityList'
  | 'parentID'
  | 'childEPCs'
  | 'childQuantityList';

/** Field codes, in the order of {@link OBJECT_FIELDS}. */
export const OBJECT_FIELDS: readonly ObjectField[] = [
  'epcList',
  'quantityList',
  'inputEPCList',
  'inputQuantityList',
  'outputEPCList',
  'outputQuantityList',
  'parentID',
  'childEPCs',
  'childQuantityList',
];
export const F_EPC = 0;
export const F_QTY = 1;
export const F_IN_EPC = 2;
export const F_IN_QTY = 3;
export const F_OUT_EPC = 4;
export const F_OUT_QTY = 5;
export const F_PARENT = 6;
export const F_CHILD_EPC = 7;
export const F_CHILD_QTY = 8;

/** Whether a field holds instance identifiers (EPCs) rather than class quantities. */
export function isInstanceField(field: number): boolean {
  return (
    field === F_EPC ||
    field === F_IN_EPC ||
    field === F_OUT_EPC ||
    field === F_PARENT ||
    field === F_CHILD_EPC
  );
}

/** Source/destination type codes. */
export const SD_OTHER = 0;
export const SD_OWNING = 1;
export const SD_POSSESSING = 2;
export const SD_LOCATION = 3;

function sdType(value: unknown): number {
  if (typeof value !== 'string') return SD_OTHER;
  // the bare CBV words first (what nearly every event writes), then prefixed forms
  if (value === 'owning_party') return SD_OWNING;
  if (value === 'possessing_party') return SD_POSSESSING;
  if (value === 'location') return SD_LOCATION;
  const v = value.replace(/^.*[-:/]/, '');
  return v === 'owning_party'
    ? SD_OWNING
    : v === 'possessing_party'
      ? SD_POSSESSING
      : v === 'location'
        ? SD_LOCATION
        : SD_OTHER;
}

/** Options when building a lot graph. */
export interface LotGraphOptions {
  /**
   * Map an identifier as written (EPC URN, Digital Link…) to the spelling the graph joins on.
   * Default: the package's GS1 canonicalisation (`canonicalGs1Uri`: every GS1 key as a
   * Digital Link on id.gs1.org); `basicCanonicalId` joins only LGTIN, SGTIN, SSCC, SGLN and
   * PGLN (with the same spelling) and keeps every other identifier as written.
   */
  readonly canonicalId?: CanonicalIdFn;
  /** Units and conversion factors (default {@link REC20_UNITS}). */
  readonly units?: UnitTable;
  /**
   * Path of the event list in the input, put before each event's index in diagnostic paths
   * (default: `[]` for an array, `['epcisBody', 'eventList']` for an EPCIS document).
   */
  readonly pathPrefix?: DiagnosticPath;
  /** The language of the findings' messages: `'en'` (default) or `'zh-CN'`. */
  readonly locale?: Locale;
}

/** One identifier named by an event, as the graph stored it. */
export interface EventObject {
  /** Canonical identifier. */
  readonly id: string;
  readonly field: ObjectField;
  /** Position in the field's list. */
  readonly position: number;
  /** Quantity as written (1 for an EPC); absent when the quantity element has none. */
  readonly quantity?: number;
  readonly uom?: string;
}

/** A source or destination of a transfer. */
export interface TransferParty {
  readonly type: 'owning_party' | 'possessing_party' | 'location' | 'other';
  readonly id: string;
}

/** What the graph keeps of one event (the event itself is not retained by an index). */
export interface EventSummary {
  /** Event number in the graph (insertion order). */
  readonly slot: number;
  /** Position of the event in the caller's input (or its sequence number in an index). */
  readonly index: number;
  readonly eventID?: string;
  readonly type: (typeof EVENT_TYPES)[number];
  readonly kind: EventKind;
  readonly bizStep?: string;
  readonly disposition?: string;
  /** Event time as ISO 8601 in the event's own offset; absent if unreadable. */
  readonly eventTime?: string;
  /** Epoch milliseconds (NaN if unreadable). */
  readonly time: number;
  /** Where the lots are after the event (ship: the shipper; receive: the receiver). */
  readonly holder?: string;
  readonly readPoint?: string;
  readonly bizLocation?: string;
  readonly sources: readonly TransferParty[];
  readonly destinations: readonly TransferParty[];
  readonly bizTransactions: readonly string[];
  readonly objects: readonly EventObject[];
  /** Path to the event in the input. */
  readonly path: DiagnosticPath;
}

/**
 * A lot genealogy built from EPCIS events: integer node ids for every identifier (canonicalised),
 * derivation edges (transformation input → output, aggregation child → parent) and, for each node,
 * the events that name it. Stored column-wise in typed arrays. Use {@link traceBack},
 * {@link traceForward} and {@link recallScope} to query it.
 */
export interface LotGraph {
  readonly nodeCount: number;
  readonly eventCount: number;
  /** The node of an identifier (canonicalised first), or `undefined`. */
  nodeOf(id: string): number | undefined;
  /** The canonical identifier of a node. */
  idOf(node: number): string;
  /** The events naming a node, as event slots in insertion order. */
  eventsOf(node: number): number[];
  /** What the graph keeps of an event slot. */
  event(slot: number): EventSummary;
  /** The original event of a slot when the graph was built from an in-memory list. */
  sourceEvent(slot: number): unknown;
  /** Nodes derived from a node in one step (outputs, parents), with the event that links them. */
  successors(node: number): { node: number; slot: number }[];
  /** Nodes a node was derived from in one step. */
  predecessors(node: number): { node: number; slot: number }[];
  /** Findings made while reading the input (events that are not objects). */
  readonly diagnostics: readonly Diagnostic[];
  /** The unit table its quantities are compared with (default {@link REC20_UNITS}). */
  readonly units?: UnitTable;
}

const NO_OFFSET = -100_000;
/** Object entries of one event whose previous list tails are remembered (see `withdraw`). */
const TAIL_SCRATCH = 64;

/** The events sharing a transformationID and the lots they name, in and out. */
interface TransformationGroup {
  inputs: number[];
  outputs: number[];
  readonly slots: number[];
}
/** The order in which {@link GraphStore.add} takes an event's object lists. */
const FIELD_ORDER: readonly number[] = [
  F_PARENT,
  F_EPC,
  F_QTY,
  F_CHILD_EPC,
  F_CHILD_QTY,
  F_IN_EPC,
  F_IN_QTY,
  F_OUT_EPC,
  F_OUT_QTY,
];
/** The word code of a word met after the vocabulary filled up (its text is kept per slot). */
const WORD_OTHER = 255;

/** The offset column's value of an `eventTimeZoneOffset` ({@link NO_OFFSET} when there is none). */
function offsetColumn(value: unknown): number {
  const minutes = typeof value === 'string' ? parseOffset(value) : Number.NaN;
  return Number.isNaN(minutes) ? NO_OFFSET : minutes;
}

/**
 * The column store behind {@link LotGraph} and the real-time index. Internal: its fields are read
 * directly by the traversal and the checks for speed.
 */
export class GraphStore implements LotGraph {
  readonly canonicalId: CanonicalIdFn;
  readonly units: UnitTable;
  readonly pathPrefix: DiagnosticPath;
  /** The language of the findings' messages (undefined: the default, English). */
  readonly locale: Locale | undefined;
  readonly diagnostics: Diagnostic[] = [];
  retain = false;
  readonly sources: unknown[] = [];

  // identifiers of lots / objects
  readonly nodeIds: string[] = [];
  readonly nodeIndex = new RawTable();
  readonly rawNode = new RawTable();
  // other strings: locations, parties, transactions, units, bizSteps
  readonly syms: string[] = [];
  readonly symIndex = new RawTable();
  readonly rawSym = new RawTable();

  // node → events (linked list in insertion order)
  readonly nodeHead = new Int32Vec();
  readonly nodeTail = new Int32Vec();
  readonly neSlot = new Int32Vec(4096);
  readonly neObj = new Int32Vec(4096);
  readonly neNext = new Int32Vec(4096);
  // derivation edges
  readonly outHead = new Int32Vec();
  readonly inHead = new Int32Vec();
  readonly edgeFrom = new Int32Vec();
  readonly edgeTo = new Int32Vec();
  readonly edgeSlot = new Int32Vec();
  readonly edgeNextOut = new Int32Vec();
  readonly edgeNextIn = new Int32Vec();
  readonly transformationIds = new Map<string, TransformationGroup>();
  /**
   * AggregationEvents that are also a transfer or a sale (a shipping ADD, a receiving DELETE),
   * by slot: their role ({@link aggregationRole}), which their kind does not show. Rare, so kept
   * apart from the columns every event has.
   */
  private readonly transferAggregations = new Map<number, number>();
  /** The transformation group (same transformationID) of each transformation slot in one. */
  private readonly groupOf = new Map<number, TransformationGroup>();
  /**
   * Per object entry of the event added last: the tail its lot's event list had before it (so
   * that withdrawing that event, a duplicate or a declaration, unlinks it without a walk).
   */
  private readonly prevTail = new Int32Array(TAIL_SCRATCH);
  /** The first derivation edge of the event added last. */
  private lastEdgeStart = 0;
  /** The first object entry of the event being added (its `evObjStart`). */
  private eventObjStart = 0;

  // event columns
  readonly evIndex = new Int32Vec(4096);
  readonly evTime = new Float64Vec(4096);
  readonly evOffset = new Int32Vec(4096);
  readonly evType = new Uint8Vec(4096);
  readonly evKind = new Uint8Vec(4096);
  /** bizStep and disposition of each event as codes of {@link wordList} (see {@link word}). */
  private readonly evBizStep = new Uint8Vec(4096);
  private readonly evDisposition = new Uint8Vec(4096);
  readonly evHolder = new Int32Vec(4096);
  readonly evReadPoint = new Int32Vec(4096);
  readonly evBizLocation = new Int32Vec(4096);
  /** eventIDs (compact: canonical `urn:uuid:` ids as four int32 words). */
  readonly evEventId = new EventIdColumn();
  readonly evObjStart = new Int32Vec(4096);
  readonly evSdStart = new Int32Vec(4096);
  readonly evTxStart = new Int32Vec(4096);
  // objects of events (flat, event after event)
  readonly objNode = new Int32Vec(4096);
  readonly objQty = new Float64Vec(4096);
  readonly objBase = new Float64Vec(4096);
  readonly objDim = new Uint8Vec(4096);
  readonly objField = new Uint8Vec(4096);
  readonly objPos = new Int32Vec(4096);
  readonly objUom = new Int32Vec(4096);
  // sources (dir 0) and destinations (dir 1) of events
  /** Source/destination symbols (canonicalised identifiers, see {@link symbol}). */
  readonly sdSym = new Int32Vec(4096);
  readonly sdType = new Uint8Vec(4096);
  readonly sdDir = new Uint8Vec(4096);
  // business transactions of events (transaction id, owning slot); ids are dense, their texts are in txTable
  readonly txSym = new Int32Vec(4096);
  private readonly txTable = new RawTable(4096);
  /** Where each transaction id's text is in {@link txTable}'s arena (-1: in {@link txWide}), and its length. */
  private readonly txAt = new Int32Vec(4096);
  private readonly txLength = new Int32Vec(4096);
  private readonly txWide = new Map<number, string>();
  readonly txSlot = new Int32Vec(4096);

  private stamp = new Uint32Array(0);
  private generation = 0;

  constructor(options: LotGraphOptions = {}, expectedEvents = 0) {
    if (expectedEvents > 4096) this.reserve(expectedEvents);
    this.canonicalId = options.canonicalId ?? canonicalGs1Uri;
    this.units = options.units ?? REC20_UNITS;
    this.pathPrefix = options.pathPrefix ?? [];
    this.locale = options.locale;
  }

  /**
   * The typed columns with one value per event (sized by {@link reserve}, cut back by
   * {@link rollBack}); `evEventId` is kept apart. Made once per store, read by neither hot path.
   */
  private readonly eventColumns: readonly (Int32Vec | Float64Vec | Uint8Vec)[] = [
    this.evIndex,
    this.evOffset,
    this.evHolder,
    this.evReadPoint,
    this.evBizLocation,
    this.evObjStart,
    this.evSdStart,
    this.evTxStart,
    this.evTime,
    this.evType,
    this.evKind,
    this.evBizStep,
    this.evDisposition,
  ];
  /** The typed columns with one value per object entry, its lot-list entry included (as above). */
  private readonly objectColumns: readonly (Int32Vec | Float64Vec | Uint8Vec)[] = [
    this.objNode,
    this.objPos,
    this.objUom,
    this.neSlot,
    this.neObj,
    this.neNext,
    this.objQty,
    this.objBase,
    this.objDim,
    this.objField,
  ];

  /** Size the event and object columns for a known number of events (fewer reallocations). */
  private reserve(events: number): void {
    const objects = Math.ceil(events * 1.5);
    for (const v of this.eventColumns) {
      v.ensure(events, 0);
      v.length = 0;
    }
    for (const v of this.objectColumns) {
      v.ensure(objects, 0);
      v.length = 0;
    }
  }

  get nodeCount(): number {
    return this.nodeIds.length;
  }

  get eventCount(): number {
    return this.evIndex.length;
  }

  /**
   * The canonical form of an identifier as {@link canonicalId} gives it; the identifier itself
   * when the function throws or returns something other than a string.
   */
  canonicalOf(raw: string): string {
    try {
      const canonical = this.canonicalId(raw);
      return typeof canonical === 'string' ? canonical : raw;
    } catch {
      return raw;
    }
  }

  /** Node of a raw identifier, creating it. */
  node(raw: string): number {
    const known = this.rawNode.get(raw);
    if (known !== -1) return known;
    const node = this.nodeOfNew(raw);
    this.rawNode.set(raw, node);
    return node;
  }

  /** Node of a raw identifier not in {@link rawNode} yet: found by its canonical form, or created. */
  private nodeOfNew(raw: string): number {
    const canonical = this.canonicalOf(raw);
    let node = this.nodeIndex.get(canonical);
    if (node === -1) {
      node = this.nodeIds.length;
      this.nodeIds.push(canonical);
      this.nodeIndex.set(canonical, node);
      this.nodeHead.push(-1);
      this.nodeTail.push(-1);
      this.outHead.push(-1);
      this.inHead.push(-1);
    }
    return node;
  }

  /** The last raw identifiers looked up by {@link symbol}, and their symbols. */
  private readonly recentSymbols = new RecentValues();

  /** Symbol of a raw identifier (location, party), canonicalised unless told not to. */
  symbol(raw: string, canonicalise = true): number {
    if (!canonicalise) return this.lookupSymbol(raw, false);
    // the same places recur within an event (readPoint, bizLocation, the source or destination
    // location and party): four string comparisons are cheaper than hashing a fresh string
    const recent = this.recentSymbols.find(raw);
    if (recent >= 0) return recent;
    const sym = this.lookupSymbol(raw, true);
    this.recentSymbols.keep(raw, sym);
    return sym;
  }

  private lookupSymbol(raw: string, canonicalise: boolean): number {
    if (!canonicalise) {
      const direct = this.symIndex.get(raw);
      if (direct !== -1) return direct;
      const sym = this.syms.length;
      this.syms.push(raw);
      this.symIndex.set(raw, sym);
      return sym;
    }
    const known = this.rawSym.get(raw);
    if (known !== -1) return known;
    const sym = this.symbolOfNew(raw);
    this.rawSym.set(raw, sym);
    return sym;
  }

  /** Symbol of a raw identifier not in {@link rawSym} yet: found by its canonical form, or created. */
  private symbolOfNew(raw: string): number {
    const canonical = this.canonicalOf(raw);
    let sym = this.symIndex.get(canonical);
    if (sym === -1) {
      sym = this.syms.length;
      this.syms.push(canonical);
      this.symIndex.set(canonical, sym);
    }
    return sym;
  }

  /** The vocabulary words met (bare bizSteps and dispositions; index 0 is ''), and their codes. */
  private readonly wordList: string[] = [''];
  private readonly wordCodes = new Map<string, number>([['', 0]]);
  /** Words of slots met after the vocabulary filled up, by slot and column. */
  private readonly extraWords = new Map<number, string>();

  /**
   * The one-byte code of a short vocabulary word (the shared instance is kept, not the parsed
   * copies); {@link WORD_OTHER} once 255 distinct words were met, the text then going to
   * {@link extraWords} under `key`.
   */
  private word(value: string, key: number): number {
    const known = this.wordCodes.get(value);
    if (known !== undefined) return known;
    if (this.wordList.length < WORD_OTHER) {
      const code = this.wordList.length;
      this.wordList.push(value);
      this.wordCodes.set(value, code);
      return code;
    }
    this.extraWords.set(key, value);
    return WORD_OTHER;
  }

  /** The text of a word code of a slot (`column` 0: bizStep, 1: disposition). */
  private wordOf(code: number, slot: number, column: number): string {
    return code === WORD_OTHER
      ? (this.extraWords.get(slot * 2 + column) ?? '')
      : (this.wordList[code] ?? '');
  }

  /** The dense id of a business-transaction identifier. */
  txId(value: string): number {
    const known = this.txTable.get(value);
    if (known !== -1) return known;
    const fresh = this.txAt.length;
    const at = this.txTable.set(value, fresh);
    this.txAt.push(at);
    this.txLength.push(value.length);
    if (at === -1) this.txWide.set(fresh, value);
    return fresh;
  }

  /** Number of business-transaction ids. */
  get txCount(): number {
    return this.txAt.length;
  }

  /** The text of a business-transaction id. */
  txText(id: number): string {
    const at = this.txAt.data[id] as number;
    return at === -1
      ? (this.txWide.get(id) ?? '')
      : this.txTable.textAt(at, this.txLength.data[id] as number);
  }

  nodeOf(id: string): number | undefined {
    if (typeof id !== 'string') return undefined;
    const raw = this.rawNode.get(id);
    const node = raw !== -1 ? raw : this.nodeIndex.get(this.canonicalOf(id));
    if (node === -1) return undefined;
    // an identifier only an event that could not be read named is no lot
    if (this.unreadNodes.size > 0 && this.unreadNodes.has(node) && this.isBare(node))
      return undefined;
    return node;
  }

  /** Whether no event lists a node and no edge touches it. */
  private isBare(node: number): boolean {
    return (
      this.nodeHead.data[node] === -1 &&
      this.outHead.data[node] === -1 &&
      this.inHead.data[node] === -1
    );
  }

  idOf(node: number): string {
    return this.nodeIds[node] ?? '';
  }

  eventsOf(node: number): number[] {
    const out: number[] = [];
    if (node < 0 || node >= this.nodeIds.length) return out;
    for (let e = this.nodeHead.data[node] as number; e !== -1; e = this.neNext.data[e] as number) {
      out.push(this.neSlot.data[e] as number);
    }
    return out;
  }

  successors(node: number): { node: number; slot: number }[] {
    const out: { node: number; slot: number }[] = [];
    if (node < 0 || node >= this.nodeIds.length) return out;
    for (
      let e = this.outHead.data[node] as number;
      e !== -1;
      e = this.edgeNextOut.data[e] as number
    ) {
      out.push({ node: this.edgeTo.data[e] as number, slot: this.edgeSlot.data[e] as number });
    }
    return out;
  }

  predecessors(node: number): { node: number; slot: number }[] {
    const out: { node: number; slot: number }[] = [];
    if (node < 0 || node >= this.nodeIds.length) return out;
    for (
      let e = this.inHead.data[node] as number;
      e !== -1;
      e = this.edgeNextIn.data[e] as number
    ) {
      out.push({ node: this.edgeFrom.data[e] as number, slot: this.edgeSlot.data[e] as number });
    }
    return out;
  }

  sourceEvent(slot: number): unknown {
    return this.sources[slot];
  }

  /** A fresh visit generation and the stamp array sized to the nodes (for traversals). */
  visitStamp(): { stamp: Uint32Array; generation: number } {
    if (this.stamp.length < this.nodeIds.length) {
      const next = new Uint32Array(Math.max(this.nodeIds.length, this.stamp.length * 2, 1024));
      next.set(this.stamp);
      this.stamp = next;
    }
    this.generation += 1;
    if (this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    return { stamp: this.stamp, generation: this.generation };
  }

  /** Path to an event slot in the input. */
  pathOf(slot: number): DiagnosticPath {
    return [...this.pathPrefix, this.evIndex.data[slot] as number];
  }

  /** First object entry of an event slot. */
  objStart(slot: number): number {
    return this.evObjStart.data[slot] as number;
  }

  /** One past the last object entry of an event slot. */
  objEnd(slot: number): number {
    return slot + 1 < this.evObjStart.length
      ? (this.evObjStart.data[slot + 1] as number)
      : this.objNode.length;
  }

  /** Whether object entry `o` is one of event `slot`'s own. */
  entryOf(slot: number, o: number): boolean {
    return o >= this.objStart(slot) && o < this.objEnd(slot);
  }

  /** First source/destination entry of an event slot. */
  sdStart(slot: number): number {
    return this.evSdStart.data[slot] as number;
  }

  /** One past the last source/destination entry of an event slot. */
  sdEnd(slot: number): number {
    return slot + 1 < this.evSdStart.length
      ? (this.evSdStart.data[slot + 1] as number)
      : this.sdSym.length;
  }

  /** First business-transaction entry of an event slot. */
  txStart(slot: number): number {
    return this.evTxStart.data[slot] as number;
  }

  /** One past the last business-transaction entry of an event slot. */
  txEnd(slot: number): number {
    return slot + 1 < this.evTxStart.length
      ? (this.evTxStart.data[slot + 1] as number)
      : this.txSym.length;
  }

  /** Where the objects of an event slot start and end in the object columns. */
  objectRange(slot: number): [number, number] {
    const start = this.evObjStart.data[slot] as number;
    const end =
      slot + 1 < this.evObjStart.length
        ? (this.evObjStart.data[slot + 1] as number)
        : this.objNode.length;
    return [start, end];
  }

  /** Where the sources/destinations of an event slot lie in the sd columns. */
  sdRange(slot: number): [number, number] {
    const start = this.evSdStart.data[slot] as number;
    const end =
      slot + 1 < this.evSdStart.length
        ? (this.evSdStart.data[slot + 1] as number)
        : this.sdSym.length;
    return [start, end];
  }

  /** Where the business transactions of an event slot lie. */
  txRange(slot: number): [number, number] {
    const start = this.evTxStart.data[slot] as number;
    const end =
      slot + 1 < this.evTxStart.length
        ? (this.evTxStart.data[slot + 1] as number)
        : this.txSym.length;
    return [start, end];
  }

  /**
   * Slots left out of the graph: duplicates and events declared erroneous (see {@link withdraw}).
   * They keep their columns (their slot numbers stay) but no lot lists them any more.
   */
  readonly withdrawn = new Set<number>();

  /**
   * Leave a slot out of the graph: unlink it from the event lists of its lots and drop the
   * derivation edges it made, so that traversals, recall scopes and `eventsOf` no longer see it.
   * Walks the lists of the slot's lots (rare: a duplicate, an error declaration).
   */
  withdraw(slot: number): void {
    if (slot < 0 || slot >= this.eventCount || this.withdrawn.has(slot)) return;
    this.withdrawn.add(slot);
    const os = this.objStart(slot);
    const oe = this.objEnd(slot);
    const last = slot === this.eventCount - 1 && slot === this.scratchSlot;
    // the event added last is at the tail of each of its lots' lists: unlink it from there
    let o = oe - 1;
    if (last && oe - os <= TAIL_SCRATCH) {
      for (; o >= os; o -= 1) {
        const node = this.objNode.data[o] as number;
        if (this.nodeTail.data[node] !== o || this.neSlot.data[o] !== slot) break;
        this.unlinkTail(o, o - os);
      }
    }
    // else (a late declaration, rare) walk the lists
    for (; o >= os; o -= 1) {
      const node = this.objNode.data[o] as number;
      let prev = -1;
      for (let e = this.nodeHead.data[node] as number; e !== -1; ) {
        const next = this.neNext.data[e] as number;
        if (this.neSlot.data[e] === slot) {
          if (prev === -1) this.nodeHead.data[node] = next;
          else this.neNext.data[prev] = next;
          if (this.nodeTail.data[node] === e) this.nodeTail.data[node] = prev;
        } else prev = e;
        e = next;
      }
    }
    if (last && this.lastEdgeStart <= this.edgeSlot.length) {
      const edges: number[] = [];
      for (let e = this.lastEdgeStart; e < this.edgeSlot.length; e += 1)
        if (this.edgeSlot.data[e] === slot) edges.push(e);
      this.unlinkEdges(edges);
    } else this.dropEdgesOf(slot);
    const group = this.groupOf.get(slot);
    if (group !== undefined) this.leaveGroup(slot, group);
  }

  /** Drop the derivation edges a slot made (walks the edge lists of its lots). */
  private dropEdgesOf(slot: number): void {
    const os = this.objStart(slot);
    const oe = this.objEnd(slot);
    const edges: number[] = [];
    for (let o = os; o < oe; o += 1) {
      const node = this.objNode.data[o] as number;
      for (
        let e = this.outHead.data[node] as number;
        e !== -1;
        e = this.edgeNextOut.data[e] as number
      )
        if (this.edgeSlot.data[e] === slot && !edges.includes(e)) edges.push(e);
      for (
        let e = this.inHead.data[node] as number;
        e !== -1;
        e = this.edgeNextIn.data[e] as number
      )
        if (this.edgeSlot.data[e] === slot && !edges.includes(e)) edges.push(e);
    }
    this.unlinkEdges(edges);
  }

  private unlinkEdges(edges: readonly number[]): void {
    for (const edge of edges) {
      this.unlinkEdge(this.outHead, this.edgeNextOut, this.edgeFrom.data[edge] as number, edge);
      this.unlinkEdge(this.inHead, this.edgeNextIn, this.edgeTo.data[edge] as number, edge);
    }
  }

  /**
   * Take a withdrawn slot out of its transformation group: the group's lots become those of the
   * other events, and the edges those events made across the group are made again without it.
   */
  private leaveGroup(slot: number, group: TransformationGroup): void {
    this.groupOf.delete(slot);
    const at = group.slots.indexOf(slot);
    if (at !== -1) group.slots.splice(at, 1);
    const wasLast = at === group.slots.length;
    if (!wasLast) for (const member of group.slots) this.dropEdgesOf(member);
    group.inputs = [];
    group.outputs = [];
    for (const member of group.slots) {
      const [inputs, outputs] = this.transformationLots(member);
      if (!wasLast) for (const i of inputs) for (const out of outputs) this.addEdge(i, out, member);
      this.joinGroup(member, group, inputs, outputs, !wasLast);
    }
  }

  /** Remove an edge from one node's outgoing or incoming list (nothing when it is not there). */
  private unlinkEdge(head: Int32Vec, next: Int32Vec, node: number, edge: number): void {
    let prev = -1;
    for (let e = head.data[node] as number; e !== -1; e = next.data[e] as number) {
      if (e === edge) {
        if (prev === -1) head.data[node] = next.data[e] as number;
        else next.data[prev] = next.data[e] as number;
        return;
      }
      prev = e;
    }
  }

  private addEdge(from: number, to: number, slot: number): void {
    if (from === to) return;
    const e = this.edgeFrom.push(from);
    this.edgeTo.push(to);
    this.edgeSlot.push(slot);
    this.edgeNextOut.push(this.outHead.data[from] as number);
    this.edgeNextIn.push(this.inHead.data[to] as number);
    this.outHead.data[from] = e;
    this.inHead.data[to] = e;
  }

  private lastUom: string | undefined;
  private lastUnit: { readonly dim: number; readonly factor: number } | undefined | null = null;
  private lastUomSym = -1;

  private addObject(
    slot: number,
    raw: unknown,
    field: number,
    position: number,
    quantity: number,
    uom: unknown,
  ): void {
    if (typeof raw !== 'string' || raw === '') return;
    this.addObjectNode(slot, this.node(raw), field, position, quantity, uom);
  }

  private addObjectNode(
    slot: number,
    node: number,
    field: number,
    position: number,
    quantity: number,
    uom: unknown,
  ): void {
    const o = this.objNode.push(node);
    const uomString = typeof uom === 'string' ? uom : undefined;
    // the same unit recurs event after event: keep the last conversion
    let unit = this.lastUnit;
    if (uomString !== this.lastUom || unit === null) {
      unit = unitCode(uomString, this.units);
      this.lastUom = uomString;
      this.lastUnit = unit;
      this.lastUomSym = uomString === undefined ? -1 : this.symbol(uomString, false);
    }
    this.objQty.push(quantity);
    this.objBase.push(unit === undefined ? Number.NaN : quantity * unit.factor);
    this.objDim.push(unit === undefined ? DIM_NONE : unit.dim);
    this.objField.push(field);
    this.objPos.push(position);
    this.objUom.push(this.lastUomSym);
    const entry = this.neSlot.push(slot);
    this.neObj.push(o);
    this.neNext.push(-1);
    const tail = this.nodeTail.data[node] as number;
    const k = entry - this.eventObjStart;
    if (k < TAIL_SCRATCH) this.prevTail[k] = tail;
    if (tail === -1) this.nodeHead.data[node] = entry;
    else this.neNext.data[tail] = entry;
    this.nodeTail.data[node] = entry;
  }

  private addEpcs(slot: number, list: unknown, field: number): void {
    if (!Array.isArray(list)) return;
    for (let i = 0; i < list.length; i += 1) this.addObject(slot, list[i], field, i, 1, undefined);
  }

  private addQuantities(slot: number, list: unknown, field: number): void {
    if (!Array.isArray(list)) return;
    for (let i = 0; i < list.length; i += 1) {
      const q = list[i] as Record<string, unknown> | null;
      if (typeof q !== 'object' || q === null) continue;
      const quantity =
        typeof q.quantity === 'number' && Number.isFinite(q.quantity) ? q.quantity : Number.NaN;
      this.addObject(slot, q.epcClass, field, i, quantity, q.uom);
    }
  }

  private addSd(list: unknown, dir: number, key: 'source' | 'destination'): void {
    if (!Array.isArray(list)) return;
    for (const item of list) {
      if (typeof item !== 'object' || item === null) continue;
      const value = (item as Record<string, unknown>)[key];
      if (typeof value !== 'string' || value === '') continue;
      this.sdSym.push(this.symbol(value));
      this.sdType.push(sdType((item as Record<string, unknown>).type));
      this.sdDir.push(dir);
    }
  }

  /**
   * Add one event; returns its slot, or -1 when the event is not an object or cannot be read (a
   * getter or a Proxy trap of it throws): a diagnostic is recorded, and an event that threw midway
   * leaves no column behind. Never throws on bad data.
   */
  add(event: unknown, index: number): number {
    const slot = this.evIndex.length;
    const objects = this.objNode.length;
    const sd = this.sdSym.length;
    const tx = this.txSym.length;
    const nodes = this.nodeIds.length;
    try {
      if (typeof event !== 'object' || event === null || Array.isArray(event)) {
        this.diagnostics.push(
          createDiagnostic(
            chainMessages.TRACE_CHAIN_EVENT_SKIPPED,
            { index },
            {
              path: [...this.pathPrefix, index],
              ...(this.locale === undefined ? {} : { locale: this.locale }),
            },
          ),
        );
        return -1;
      }
      return this.addEvent(event, index);
    } catch (error) {
      this.rollBack(slot, objects, sd, tx, nodes);
      this.unreadable(index, error);
      return -1;
    }
  }

  /**
   * Record `TRACE_INPUT_UNREADABLE` for the event at an input position: reading it threw (a
   * getter, a Proxy trap). Returns the finding.
   */
  unreadable(index: number, error: unknown): Diagnostic {
    const d = unreadableInput(error, { locale: this.locale, pathPrefix: this.pathPrefix }, index);
    this.diagnostics.push(d);
    return d;
  }

  /**
   * Identifiers first met by an event whose reading threw ({@link rollBack}): not lots of the
   * graph while no event names them.
   */
  private readonly unreadNodes = new Set<number>();
  /** The slot whose {@link prevTail} and {@link lastEdgeStart} are current (-1: none). */
  private scratchSlot = -1;

  /**
   * Undo what {@link addObject} did for an event that threw midway: the event columns of `slot`
   * and the object, source/destination and transaction entries from the marks on are dropped, and
   * the object entries unlinked from their lots' lists (the event added last is at their tails).
   * Nothing derived is made before every member is read, so no edge or group is left behind.
   */
  private rollBack(slot: number, objects: number, sd: number, tx: number, nodes: number): void {
    const scratch = this.scratchSlot === slot;
    for (let o = this.objNode.length - 1; o >= objects; o -= 1)
      this.unlinkTail(o, scratch ? o - objects : -1);
    for (let n = nodes; n < this.nodeIds.length; n += 1) this.unreadNodes.add(n);
    this.scratchSlot = -1;
    for (const v of this.eventColumns) if (v.length > slot) v.length = slot;
    this.evEventId.dropFrom(slot);
    this.extraWords.delete(slot * 2);
    this.extraWords.delete(slot * 2 + 1);
    this.transferAggregations.delete(slot);
    if (this.sources.length > slot) this.sources.length = slot;
    for (const v of this.objectColumns) v.length = objects;
    this.sdSym.length = sd;
    this.sdType.length = sd;
    this.sdDir.length = sd;
    this.txSym.length = tx;
    this.txSlot.length = tx;
  }

  /**
   * Unlink object entry `o`, the tail of its lot's event list, from that list ({@link withdraw},
   * {@link rollBack}). `k` is its place among the object entries of the event added last, whose
   * lists' previous tails {@link prevTail} holds; -1 (or beyond {@link TAIL_SCRATCH}) when that
   * is not known, and the list is walked for the entry before it.
   */
  private unlinkTail(o: number, k: number): void {
    const node = this.objNode.data[o] as number;
    let prev = -1;
    if (k >= 0 && k < TAIL_SCRATCH) prev = this.prevTail[k] as number;
    else
      for (let e = this.nodeHead.data[node] as number; e !== -1 && e !== o; ) {
        prev = e;
        e = this.neNext.data[e] as number;
      }
    if (prev === -1) this.nodeHead.data[node] = -1;
    else this.neNext.data[prev] = -1;
    this.nodeTail.data[node] = prev;
  }

  /** {@link add} of an object: every member is read before anything derived (edges) is made. */
  private addEvent(event: object, index: number): number {
    const e = event as Record<string, unknown>;
    const type = typeCode(e.type);
    const slot = this.addHeader(
      index,
      type,
      e.action,
      e.bizStep,
      e.disposition,
      typeof e.eventTime === 'string' ? isoMillis(e.eventTime) : Number.NaN,
      e.eventTimeZoneOffset,
    );
    const kind = this.evKind.data[slot] as number;
    if (kind !== K_AGGREGATE && kind !== K_DISAGGREGATE) {
      const role = aggregationRole(type, e.action, kind);
      if (role !== 0) this.transferAggregations.set(slot, role);
    }
    if (this.retain) this.sources.push(event);
    this.evEventId.push(e.eventID);
    const readPoint = e.readPoint as Record<string, unknown> | undefined;
    const bizLocation = e.bizLocation as Record<string, unknown> | undefined;
    const rp =
      typeof readPoint === 'object' && readPoint !== null && typeof readPoint.id === 'string'
        ? this.symbol(readPoint.id)
        : -1;
    const bl =
      typeof bizLocation === 'object' && bizLocation !== null && typeof bizLocation.id === 'string'
        ? this.symbol(bizLocation.id)
        : -1;
    this.evReadPoint.push(rp);
    this.evBizLocation.push(bl);

    // objects
    this.eventObjStart = this.objNode.length;
    this.evObjStart.push(this.eventObjStart);
    this.lastEdgeStart = this.edgeSlot.length;
    this.scratchSlot = slot;
    switch (type) {
      case T_OBJECT:
      case T_TRANSACTION:
        if (type === T_TRANSACTION && typeof e.parentID === 'string') {
          this.addObject(slot, e.parentID, F_PARENT, 0, 1, undefined);
        }
        this.addEpcs(slot, e.epcList, F_EPC);
        this.addQuantities(slot, e.quantityList, F_QTY);
        break;
      case T_AGGREGATION:
      case T_ASSOCIATION:
        this.addObject(slot, e.parentID, F_PARENT, 0, 1, undefined);
        this.addEpcs(slot, e.childEPCs, F_CHILD_EPC);
        this.addQuantities(slot, e.childQuantityList, F_CHILD_QTY);
        break;
      case T_TRANSFORMATION:
        this.addEpcs(slot, e.inputEPCList, F_IN_EPC);
        this.addQuantities(slot, e.inputQuantityList, F_IN_QTY);
        this.addEpcs(slot, e.outputEPCList, F_OUT_EPC);
        this.addQuantities(slot, e.outputQuantityList, F_OUT_QTY);
        break;
      default:
        break;
    }

    // sources, destinations, transactions
    this.evSdStart.push(this.sdSym.length);
    this.addSd(e.sourceList, 0, 'source');
    this.addSd(e.destinationList, 1, 'destination');
    this.evTxStart.push(this.txSym.length);
    if (Array.isArray(e.bizTransactionList)) {
      for (const bt of e.bizTransactionList) {
        if (typeof bt !== 'object' || bt === null) continue;
        const value = (bt as Record<string, unknown>).bizTransaction;
        if (typeof value === 'string' && value !== '') {
          this.txSym.push(this.txId(value));
          this.txSlot.push(slot);
        }
      }
    }
    // read before finishEvent links anything (an event that throws must leave nothing behind)
    const transformationId = e.transformationID;
    this.finishEvent(slot, rp, bl, transformationId);
    return slot;
  }

  /**
   * The columns every event has, from its type code and its members as written; returns its slot
   * (its kind is then in {@link evKind}).
   */
  private addHeader(
    index: number,
    type: number,
    action: unknown,
    bizStepValue: unknown,
    dispositionValue: unknown,
    time: number,
    offset: unknown,
  ): number {
    const slot = this.evIndex.push(index);
    const bizStep = this.headerWord(bizStepValue, 0, slot);
    const disposition = this.headerWord(dispositionValue, 1, slot);
    this.evType.push(type);
    this.evKind.push(
      kindCode(type, action, this.wordOf(bizStep, slot, 0), this.wordOf(disposition, slot, 1)),
    );
    this.evTime.push(time);
    if (offset !== this.lastOffset) {
      this.lastOffset = offset;
      this.lastOffsetColumn = offsetColumn(offset);
    }
    this.evOffset.push(this.lastOffsetColumn);
    this.evBizStep.push(bizStep);
    this.evDisposition.push(disposition);
    return slot;
  }

  /** The last `eventTimeZoneOffset` met as written (a stream repeats one), and its column value. */
  private lastOffset: unknown = undefined;
  private lastOffsetColumn = offsetColumn(undefined);
  /**
   * The bizStep (`column` 0) and disposition (1) values met last, as written, and their word
   * codes: comparing with these is cheaper than the vocabulary lookup and the word lookup.
   */
  private readonly recentWords = [new RecentValues(), new RecentValues()] as const;

  /** The word code of slot `slot`'s bizStep (`column` 0) or disposition (1) as written. */
  private headerWord(value: unknown, column: 0 | 1, slot: number): number {
    const recent = this.recentWords[column];
    const known = recent.find(value);
    if (known >= 0) return known;
    const bare = column === 0 ? bareBizStep(value) : bareDisposition(value);
    const code = this.word(bare, slot * 2 + column);
    // (a word past the vocabulary's 255 is kept per slot: not cached)
    if (code !== WORD_OTHER) recent.keep(value, code);
    return code;
  }

  /** After an event's objects, parties and transactions: its holder and derivation edges. */
  private finishEvent(slot: number, rp: number, bl: number, transformationId: unknown): void {
    const kind = this.evKind.data[slot] as number;
    this.evHolder.push(this.holderOf(slot, kind, rp, bl));
    if (kind === K_TRANSFORM) this.linkTransformation(slot, transformationId);
    else if (this.isPacking(slot)) this.linkAggregation(slot);
  }

  /**
   * Whether `slot` packs its children into its parent: an AggregationEvent ADD, a packing or a
   * shipment or receipt that packs as well (see {@link aggregationRole}).
   */
  isPacking(slot: number): boolean {
    if (this.evKind.data[slot] === K_AGGREGATE) return true;
    // (only an AggregationEvent can be in the map: other events are not looked up)
    return (
      this.evType.data[slot] === T_AGGREGATION && this.transferAggregations.get(slot) === A_PACKS
    );
  }

  /** Whether `slot` takes children off its parent: an AggregationEvent DELETE, of any bizStep. */
  isUnpacking(slot: number): boolean {
    if (this.evKind.data[slot] === K_DISAGGREGATE) return true;
    return (
      this.evType.data[slot] === T_AGGREGATION && this.transferAggregations.get(slot) === A_UNPACKS
    );
  }

  /**
   * {@link add} for an event read from text ({@link EventRecord}): the same columns in the same
   * order, identifiers the store already knows found from their bytes without making a string.
   * The reader has checked the event, so every identifier is a non-empty string.
   */
  addRecord(r: EventRecord, index: number): number {
    this.spanCount = 0;
    const type = r.type;
    const slot = this.addHeader(index, type, r.action, r.bizStep, r.disposition, r.time, r.offset);
    if (r.eventIdUuid) {
      const w = r.eventIdWords;
      this.evEventId.pushUuid(w[0] as number, w[1] as number, w[2] as number, w[3] as number);
    } else this.evEventId.push(r.eventId);
    const rp =
      r.readPointStart < 0
        ? -1
        : this.symbolOfSpan(r, r.readPointStart, r.readPointEnd, r.readPointHash);
    const bl =
      r.bizLocationStart < 0
        ? -1
        : this.symbolOfSpan(r, r.bizLocationStart, r.bizLocationEnd, r.bizLocationHash);
    this.evReadPoint.push(rp);
    this.evBizLocation.push(bl);

    // objects, list by list in the order of add()
    this.eventObjStart = this.objNode.length;
    this.evObjStart.push(this.eventObjStart);
    this.lastEdgeStart = this.edgeSlot.length;
    this.scratchSlot = slot;
    const objects = r.objects;
    let present = 0;
    for (let i = 0; i < objects.length; i += 1) present |= 1 << (objects.field[i] as number);
    for (const field of FIELD_ORDER) {
      if ((present & (1 << field)) === 0) continue;
      for (let i = 0; i < objects.length; i += 1) {
        if (objects.field[i] !== field) continue;
        const start = objects.start[i] as number;
        const end = objects.end[i] as number;
        const h = objects.hash[i] as number;
        let node = this.rawNode.getSpan(r, start, end, h);
        if (node === -1) {
          node = this.nodeOfNew(r.copy(start, end));
          this.rawNode.addSpan(r, start, end, h, node);
        }
        this.addObjectNode(
          slot,
          node,
          field,
          objects.pos[i] as number,
          objects.quantity[i] as number,
          objects.word[i],
        );
      }
    }

    // sources, destinations, transactions
    this.evSdStart.push(this.sdSym.length);
    const parties = r.parties;
    for (let dir = 0; dir < 2; dir += 1) {
      const tag = r.partyListTags[dir] as number;
      if (tag >= 0) {
        if (this.taggedParties(r, tag, dir)) continue;
        r.partiesOf(dir);
      }
      const first = this.sdSym.length;
      for (let i = 0; i < parties.length; i += 1) {
        if (parties.field[i] !== dir) continue;
        this.sdSym.push(
          this.symbolOfSpan(
            r,
            parties.start[i] as number,
            parties.end[i] as number,
            parties.hash[i] as number,
          ),
        );
        this.sdType.push(sdType(parties.word[i]));
        this.sdDir.push(dir);
      }
      if (tag >= 0) {
        const n = this.sdSym.length - first;
        this.tagged.keep(r.tagNamer, tag, this.sdSym.data, this.sdType.data, first, n);
      }
    }
    this.evTxStart.push(this.txSym.length);
    const txs = r.transactions;
    for (let i = 0; i < txs.length; i += 1) {
      const start = txs.start[i] as number;
      const end = txs.end[i] as number;
      const h = txs.hash[i] as number;
      let id = this.txTable.getSpan(r, start, end, h);
      if (id === -1) {
        id = this.txAt.length;
        this.txAt.push(this.txTable.addSpan(r, start, end, h, id));
        this.txLength.push(end - start);
      }
      this.txSym.push(id);
      this.txSlot.push(slot);
    }
    this.finishEvent(slot, rp, bl, r.transformationId);
    return slot;
  }

  /**
   * Read, for every identifier of a record, the first slot it would probe in the table
   * {@link addRecord} looks it up in (and the first and last bytes of the key that slot holds),
   * and the eventID's slot in the duplicate table, one after another: called before
   * {@link addRecord}, whose lookups then find them in the cache. The reads do not depend on each
   * other, so the processor waits for their cache misses together, not one by one as the lookups
   * would. Returns a number made from what it read (to be kept, so that the reads stay).
   */
  touchRecord(r: EventRecord): number {
    let t = 0;
    const objects = r.objects;
    for (let i = 0; i < objects.length; i += 1) t ^= this.rawNode.touch(objects.hash[i] as number);
    const parties = r.parties;
    // (a list the reader recalled has no items here: the store knows it by its tag, or asks)
    for (let i = 0; i < parties.length; i += 1) t ^= this.rawSym.touch(parties.hash[i] as number);
    if (r.readPointStart >= 0) t ^= this.rawSym.touch(r.readPointHash);
    if (r.bizLocationStart >= 0) t ^= this.rawSym.touch(r.bizLocationHash);
    const txs = r.transactions;
    for (let i = 0; i < txs.length; i += 1) t ^= this.txTable.touch(txs.hash[i] as number);
    if (r.eventIdUuid) {
      const w = r.eventIdWords;
      t ^= this.evEventId.touchUuid(w[0] as number, w[1] as number, w[2] as number, w[3] as number);
    }
    return t;
  }

  /** Symbols of the source and destination lists a record's reader tagged (see there). */
  private readonly tagged = new TaggedSymbols();

  /**
   * Add the sources (`dir` 0) or destinations (1) of the list tagged `tag` from {@link tagged} if
   * it is there: true; else false, and nothing is added.
   */
  private taggedParties(r: EventRecord, tag: number, dir: number): boolean {
    const tagged = this.tagged;
    const e = tagged.find(r.tagNamer, tag);
    if (e < 0) return false;
    const n = tagged.countAt(e);
    for (let i = 0; i < n; i += 1) {
      this.sdSym.push(tagged.symbolAt(e, i));
      this.sdType.push(tagged.typeAt(e, i));
      this.sdDir.push(dir);
    }
    return true;
  }

  // the identifiers of the record being added whose symbols are known (a place recurs within an
  // event: read point, business location, the destination's location)
  private spanCount = 0;
  private readonly spanStart = new Int32Array(8);
  private readonly spanEnd = new Int32Array(8);
  private readonly spanHash = new Int32Array(8);
  private readonly spanSym = new Int32Array(8);

  /** {@link symbol} of the identifier at a byte range of a record (hash as {@link RawTable} keys). */
  private symbolOfSpan(r: EventRecord, start: number, end: number, h: number): number {
    const count = this.spanCount;
    const n = end - start;
    for (let i = 0; i < count; i += 1) {
      if (this.spanHash[i] !== h) continue;
      const from = this.spanStart[i] as number;
      if ((this.spanEnd[i] as number) - from === n && r.rangesEqual(from, start, n))
        return this.spanSym[i] as number;
    }
    let sym = this.rawSym.getSpan(r, start, end, h);
    if (sym === -1) {
      sym = this.symbolOfNew(r.copy(start, end));
      this.rawSym.addSpan(r, start, end, h, sym);
    }
    if (count < 8) {
      this.spanStart[count] = start;
      this.spanEnd[count] = end;
      this.spanHash[count] = h;
      this.spanSym[count] = sym;
      this.spanCount = count + 1;
    }
    return sym;
  }

  private holderOf(slot: number, kind: number, rp: number, bl: number): number {
    const start = this.sdStart(slot);
    const end = this.sdEnd(slot);
    const wantDir = kind === 2 /* ship */ ? 0 : kind === 3 /* receive */ ? 1 : -1;
    if (wantDir >= 0) {
      for (let i = start; i < end; i += 1) {
        if (this.sdDir.data[i] === wantDir && this.sdType.data[i] === SD_LOCATION)
          return this.sdSym.data[i] as number;
      }
      if (wantDir === 0 && rp !== -1) return rp;
      if (bl !== -1) return bl;
      if (rp !== -1) return rp;
      for (let i = start; i < end; i += 1) {
        if (this.sdDir.data[i] === wantDir) return this.sdSym.data[i] as number;
      }
      return -1;
    }
    return bl !== -1 ? bl : rp;
  }

  /** The input and output lots of a transformation slot, each once. */
  private transformationLots(slot: number): [number[], number[]] {
    const start = this.objStart(slot);
    const end = this.objEnd(slot);
    const inputs: number[] = [];
    const outputs: number[] = [];
    for (let o = start; o < end; o += 1) {
      const field = this.objField.data[o] as number;
      const node = this.objNode.data[o] as number;
      if (field === F_IN_EPC || field === F_IN_QTY) {
        if (!inputs.includes(node)) inputs.push(node);
      } else if (!outputs.includes(node)) outputs.push(node);
    }
    return [inputs, outputs];
  }

  private linkTransformation(slot: number, transformationId: unknown): void {
    const [inputs, outputs] = this.transformationLots(slot);
    for (const i of inputs) for (const out of outputs) this.addEdge(i, out, slot);
    if (typeof transformationId === 'string' && transformationId !== '') {
      let group = this.transformationIds.get(transformationId);
      if (group === undefined) {
        group = { inputs: [], outputs: [], slots: [] };
        this.transformationIds.set(transformationId, group);
      }
      group.slots.push(slot);
      this.groupOf.set(slot, group);
      this.joinGroup(slot, group, inputs, outputs, true);
    }
  }

  /** Whether a slot is one of the events of a transformation that has a `transformationID`. */
  inTransformationGroup(slot: number): boolean {
    return this.groupOf.has(slot);
  }

  /** The events (slots) of each `transformationID`, withdrawn events left out. */
  *transformationGroups(): IterableIterator<readonly number[]> {
    for (const group of this.transformationIds.values())
      if (group.slots.length > 0) yield group.slots;
  }

  /** Add a slot's lots to its group, with edges across the group when `link`. */
  private joinGroup(
    slot: number,
    group: TransformationGroup,
    inputs: readonly number[],
    outputs: readonly number[],
    link: boolean,
  ): void {
    if (link) {
      for (const i of inputs)
        for (const out of group.outputs) if (!outputs.includes(out)) this.addEdge(i, out, slot);
      for (const i of group.inputs) {
        if (inputs.includes(i)) continue;
        for (const out of outputs) this.addEdge(i, out, slot);
      }
    }
    for (const i of inputs) if (!group.inputs.includes(i)) group.inputs.push(i);
    for (const out of outputs) if (!group.outputs.includes(out)) group.outputs.push(out);
  }

  private linkAggregation(slot: number): void {
    const start = this.objStart(slot);
    const end = this.objEnd(slot);
    let parent = -1;
    for (let o = start; o < end; o += 1)
      if (this.objField.data[o] === F_PARENT) parent = this.objNode.data[o] as number;
    if (parent === -1) return;
    for (let o = start; o < end; o += 1) {
      if (this.objField.data[o] !== F_PARENT)
        this.addEdge(this.objNode.data[o] as number, parent, slot);
    }
  }

  /** ISO time of a slot in its own offset. */
  isoTime(slot: number): string | undefined {
    const t = this.evTime.data[slot] as number;
    if (!Number.isFinite(t)) return undefined;
    const offset = this.evOffset.data[slot] as number;
    if (offset === NO_OFFSET) return new Date(t).toISOString();
    return isoWithOffset(t, offset);
  }

  sym(s: number): string | undefined {
    return s < 0 ? undefined : this.syms[s];
  }

  /** Summaries already made, while a query asks for them repeatedly (see {@link withSummaries}). */
  private summaries: Map<number, EventSummary> | undefined;

  /**
   * `query` with each slot's {@link event} summary made once and given again (the objects frozen,
   * so that no caller changes what another reads): a recall scope reads the events of a pallet
   * once per lot on it. Nothing is added to the graph meanwhile (queries are synchronous).
   */
  withSummaries<T>(query: () => T): T {
    if (this.summaries !== undefined) return query();
    this.summaries = new Map();
    try {
      return query();
    } finally {
      this.summaries = undefined;
    }
  }

  event(slot: number): EventSummary {
    const known = this.summaries?.get(slot);
    if (known !== undefined) return known;
    const summary = this.summaryOf(slot);
    if (this.summaries === undefined) return summary;
    for (const list of [summary.objects, summary.sources, summary.destinations]) {
      for (const item of list) Object.freeze(item);
      Object.freeze(list);
    }
    Object.freeze(summary.bizTransactions);
    Object.freeze(summary.path);
    this.summaries.set(slot, Object.freeze(summary));
    return summary;
  }

  private summaryOf(slot: number): EventSummary {
    const objects: EventObject[] = [];
    const [os, oe] = this.objectRange(slot);
    for (let o = os; o < oe; o += 1) {
      const q = this.objQty.data[o] as number;
      const uom = this.sym(this.objUom.data[o] as number);
      objects.push({
        id: this.idOf(this.objNode.data[o] as number),
        field: OBJECT_FIELDS[this.objField.data[o] as number] as ObjectField,
        position: this.objPos.data[o] as number,
        ...(Number.isFinite(q) ? { quantity: q } : {}),
        ...(uom === undefined ? {} : { uom }),
      });
    }
    const sources: TransferParty[] = [];
    const destinations: TransferParty[] = [];
    const [ss, se] = this.sdRange(slot);
    const names = ['other', 'owning_party', 'possessing_party', 'location'] as const;
    for (let i = ss; i < se; i += 1) {
      const party: TransferParty = {
        type: names[this.sdType.data[i] as number] ?? 'other',
        id: this.syms[this.sdSym.data[i] as number] ?? '',
      };
      (this.sdDir.data[i] === 0 ? sources : destinations).push(party);
    }
    const bizTransactions: string[] = [];
    const [ts, te] = this.txRange(slot);
    for (let i = ts; i < te; i += 1)
      bizTransactions.push(this.txText(this.txSym.data[i] as number));
    const eventID = this.evEventId.get(slot);
    const bizStep = this.wordOf(this.evBizStep.data[slot] as number, slot, 0) || undefined;
    const disposition = this.wordOf(this.evDisposition.data[slot] as number, slot, 1) || undefined;
    const eventTime = this.isoTime(slot);
    const holder = this.sym(this.evHolder.data[slot] as number);
    const readPoint = this.sym(this.evReadPoint.data[slot] as number);
    const bizLocation = this.sym(this.evBizLocation.data[slot] as number);
    return {
      slot,
      index: this.evIndex.data[slot] as number,
      ...(eventID === undefined ? {} : { eventID }),
      type: EVENT_TYPES[this.evType.data[slot] as number] ?? 'unknown',
      kind: EVENT_KINDS[this.evKind.data[slot] as number] ?? 'observation',
      ...(bizStep === undefined ? {} : { bizStep }),
      ...(disposition === undefined ? {} : { disposition }),
      ...(eventTime === undefined ? {} : { eventTime }),
      time: this.evTime.data[slot] as number,
      ...(holder === undefined ? {} : { holder }),
      ...(readPoint === undefined ? {} : { readPoint }),
      ...(bizLocation === undefined ? {} : { bizLocation }),
      sources,
      destinations,
      bizTransactions,
      objects,
      path: this.pathOf(slot),
    };
  }

  /** The common params of an event-level diagnostic. */
  eventParams(slot: number): Record<string, MessageParamValue> {
    return {
      index: this.evIndex.data[slot] as number,
      eventID: this.evEventId.get(slot) ?? NO_EVENT_ID,
    };
  }
}

/** What {@link buildLotGraph} accepts: a list (or iterable) of events, or an EPCIS document. */
export type EventsInput = Iterable<unknown> | Readonly<Record<string, unknown>>;

/** What an input that holds no event list is, in both languages (see {@link eventsOf}). */
function notEventsWords(input: unknown): LocalizedParam {
  if (input === null) return localizedParam('null', 'null');
  if (Array.isArray(input)) return localizedParam('列表', 'a list');
  if (typeof input !== 'object') return localizedParam(typeof input, typeof input);
  if ((input as Record<string, unknown>).epcisBody !== undefined)
    return localizedParam('epcisBody 不是对象', 'its epcisBody is no object');
  return localizedParam('没有 epcisBody 的对象', 'an object without epcisBody');
}

/**
 * The events of an input and the path prefix of its event list; `problem` when the input is no
 * list (or iterable) of events and no EPCIS document with an event list (`TRACE_CHAIN_INPUT_INVALID`
 * at `path`), so that a mis-nested document is not taken for a chain without findings.
 */
export function eventsOf(input: unknown): {
  events: Iterable<unknown>;
  prefix: DiagnosticPath;
  problem?: { readonly path: DiagnosticPath; readonly actual: LocalizedParam };
} {
  const none = (path: DiagnosticPath, actual: LocalizedParam) => ({
    events: [],
    prefix: [],
    problem: { path, actual },
  });
  if (input === null || typeof input !== 'object') return none([], notEventsWords(input));
  if (
    Symbol.iterator in input &&
    typeof (input as Iterable<unknown>)[Symbol.iterator] === 'function'
  )
    return { events: input as Iterable<unknown>, prefix: [] };
  const body = (input as Record<string, unknown>).epcisBody;
  if (typeof body !== 'object' || body === null) return none([], notEventsWords(input));
  const eventList = (body as Record<string, unknown>).eventList;
  if (Array.isArray(eventList)) return { events: eventList, prefix: ['epcisBody', 'eventList'] };
  const results = (body as Record<string, unknown>).queryResults;
  const rb = isRecord(results) ? results.resultsBody : undefined;
  const queried = isRecord(rb) ? rb.eventList : undefined;
  if (Array.isArray(queried))
    return { events: queried, prefix: ['epcisBody', 'queryResults', 'resultsBody', 'eventList'] };
  // an eventList that is no list: the document's own first, else the query results'
  const notList = eventList !== undefined ? eventList : queried;
  if (notList !== undefined)
    return none(
      eventList !== undefined
        ? ['epcisBody', 'eventList']
        : ['epcisBody', 'queryResults', 'resultsBody', 'eventList'],
      localizedParam(
        `eventList 不是列表（${typeof notList}）`,
        `its eventList is no list (${typeof notList})`,
      ),
    );
  return none(
    ['epcisBody'],
    localizedParam('epcisBody 中没有 eventList', 'its epcisBody has no eventList'),
  );
}

/**
 * Build the lot graph of a list of EPCIS events (or of an EPCIS document). Identifiers are
 * canonicalised (the same lot as EPC URN and as Digital Link is one node); the events are
 * referenced, not copied, and never mutated. A repeated event (same eventID, or same content) is
 * kept once — the copy with the earliest event time, then the first in the input, as
 * `validateChain` keeps it — and so are EPCIS error declarations and the events
 * they declare erroneous. Bad input does not throw: events that are not objects are skipped with
 * `TRACE_CHAIN_EVENT_SKIPPED`.
 *
 * @example
 * const graph = buildLotGraph(events);
 * traceForward(graph, 'urn:epc:class:lgtin:6921001.000102.HCH24001').lots
 */
export function buildLotGraph(input: EventsInput, given: LotGraphOptions = {}): LotGraph {
  const { options, problems } = readChainOptions('LotGraphOptions', given);
  const read = eventListOf(input);
  if (read.error !== undefined) {
    const store = new GraphStore(options);
    store.diagnostics.push(...problems, unreadableInput(read.error.thrown, options));
    store.retain = true;
    return store;
  }
  const { list, length, prefix, problem } = read;
  const store = new GraphStore({ ...options, pathPrefix: options.pathPrefix ?? prefix }, length);
  store.diagnostics.push(...problems);
  if (problem !== undefined) store.diagnostics.push(inputProblem(problem, options));
  store.retain = true;
  const declared = declaredErroneous(list, length);
  const repeats = new RepeatFinder(store, length);
  for (let index = 0; index < length; index += 1) {
    // an error declaration and the events it declares erroneous are not part of the chain
    if (declared.has(index)) continue;
    const entry = entryAt(list, index);
    if (entry.thrown !== undefined) {
      store.unreadable(index, entry.thrown.error);
      continue;
    }
    const slot = store.add(entry.event, index);
    // of repeats (same eventID, or same content) one copy is kept, the one validateChain keeps
    if (slot >= 0) store.withdraw(repeats.leftOut(slot));
  }
  return store;
}

/**
 * `TRACE_INPUT_UNREADABLE`: reading the event at `index` (or, without one, the input itself)
 * threw — a getter or a Proxy trap of an input built in code.
 */
export function unreadableInput(
  error: unknown,
  options: {
    readonly locale?: Locale | undefined;
    readonly pathPrefix?: DiagnosticPath | undefined;
  },
  index?: number,
): Diagnostic {
  const prefix = options.pathPrefix ?? [];
  return createDiagnostic(
    chainMessages.TRACE_INPUT_UNREADABLE,
    index === undefined
      ? { what: localizedParam('输入', 'The input'), detail: thrownDetail(error) }
      : {
          what: localizedParam(`事件 [${index}] `, `Event ${index}`),
          index,
          detail: thrownDetail(error),
        },
    {
      path: index === undefined ? [...prefix] : [...prefix, index],
      ...(options.locale === undefined ? {} : { locale: options.locale }),
    },
  );
}

/**
 * The events of an input as a list ({@link eventsOf}), or what reading the input threw (`error`):
 * an input built in code may have getters or Proxy traps that throw. Reading an entry of the list
 * may throw still (see {@link entryAt}).
 */
export function eventListOf(input: unknown):
  | {
      readonly list: readonly unknown[];
      readonly length: number;
      readonly prefix: DiagnosticPath;
      readonly problem?: { readonly path: DiagnosticPath; readonly actual: LocalizedParam };
      readonly error?: undefined;
    }
  | { readonly error: { readonly thrown: unknown } } {
  try {
    const { events, prefix, problem } = eventsOf(input);
    const list = Array.isArray(events) ? (events as readonly unknown[]) : [...events];
    const length = list.length;
    return problem === undefined ? { list, length, prefix } : { list, length, prefix, problem };
  } catch (thrown) {
    return { error: { thrown } };
  }
}

/** Entry `index` of a list, or what reading it threw (a Proxy trap, a getter). */
export function entryAt(
  list: readonly unknown[],
  index: number,
):
  | { readonly event: unknown; readonly thrown?: undefined }
  | { readonly thrown: { error: unknown } } {
  try {
    return { event: list[index] };
  } catch (error) {
    return { thrown: { error } };
  }
}

/** The finding on an input that holds no events ({@link eventsOf}'s `problem`). */
export function inputProblem(
  problem: { readonly path: DiagnosticPath; readonly actual: LocalizedParam },
  options: {
    readonly locale?: Locale | undefined;
    readonly pathPrefix?: DiagnosticPath | undefined;
  },
): Diagnostic {
  return createDiagnostic(
    chainMessages.TRACE_CHAIN_INPUT_INVALID,
    { actual: problem.actual },
    {
      path: [...(options.pathPrefix ?? []), ...problem.path],
      ...(options.locale === undefined ? {} : { locale: options.locale }),
    },
  );
}

/**
 * Finds the events of a {@link GraphStore} that repeat an earlier one: the same eventID, or the
 * same content (as {@link canonicalEventJson} writes it). Content is compared only between
 * events of the same shape (time, kind, type, number of objects and the first one with its
 * quantity, all read from the store's columns), so most events cost one table probe.
 */
class RepeatFinder {
  private readonly store: GraphStore;
  private readonly byShape: PairMap;
  /** Canonical content of the events whose shape was met more than once. */
  private readonly byContent = new Map<string, number>();
  private readonly inContent = new Set<number>();
  /** The copy kept of each eventID met more than once. */
  private readonly keptById = new Map<string, number>();

  constructor(store: GraphStore, expectedEvents: number) {
    this.store = store;
    this.byShape = new PairMap(Math.max(1024, expectedEvents));
  }

  /**
   * The slot to leave out now that `slot` was added (-1 for none): `slot` when it repeats a copy
   * kept earlier, or that copy when `slot` comes first in event-time order (same eventID,
   * different content), as {@link validateChain} checks events in that order.
   */
  leftOut(slot: number): number {
    const s = this.store;
    const first = s.evEventId.firstWithSameId(slot);
    if (first !== -1) {
      // (as eventIDs are compared: a urn:uuid: in any letter case is one)
      const id = s.evEventId.key(slot) ?? '';
      const kept = this.keptById.get(id) ?? first;
      if (!this.before(slot, kept)) return slot;
      this.keptById.set(id, slot);
      return kept;
    }
    return this.isRepeat(slot) ? slot : -1;
  }

  /** Whether slot `a` comes before slot `b` in event-time order (no time: last), then input order. */
  private before(a: number, b: number): boolean {
    const s = this.store;
    const ta = s.evTime.data[a] as number;
    const tb = s.evTime.data[b] as number;
    const x = Number.isFinite(ta) ? ta : Number.POSITIVE_INFINITY;
    const y = Number.isFinite(tb) ? tb : Number.POSITIVE_INFINITY;
    if (x !== y) return x < y;
    return (s.evIndex.data[a] as number) < (s.evIndex.data[b] as number);
  }

  /** Whether the slot repeats the content of an earlier one (same content: same event time). */
  private isRepeat(slot: number): boolean {
    const s = this.store;
    const t = s.evTime.data[slot] as number;
    const a = Number.isFinite(t) ? (t % 4_294_967_296) | 0 : -1;
    const os = s.objStart(slot);
    const oe = s.objEnd(slot);
    let b = Math.imul(oe - os + 1, 0x9e3779b1) ^ ((s.evKind.data[slot] as number) << 8);
    b ^= (s.evType.data[slot] as number) << 16;
    if (os < oe) {
      b = Math.imul(b ^ (s.objNode.data[os] as number), 0x85ebca6b);
      b ^= ((s.objQty.data[os] as number) * 1000) | 0;
    }
    const first = this.byShape.getOrAdd(a, b, slot);
    if (first === -1) return false;
    // the same shape: compare the contents
    if (!this.inContent.has(first)) {
      this.inContent.add(first);
      const content = canonicalEventJson(s.sources[first]);
      if (content !== undefined && !this.byContent.has(content)) this.byContent.set(content, first);
    }
    this.inContent.add(slot);
    const content = canonicalEventJson(s.sources[slot]);
    if (content === undefined) return false;
    if (this.byContent.has(content)) return true;
    this.byContent.set(content, slot);
    return false;
  }
}
