/**
 * One event as read straight from its JSON text, without building the object: what the lot
 * graph needs of it, with identifiers left as byte ranges of the text (and their hashes), so that
 * identifiers the index already knows are found without making a string. Filled by the EPCIS line
 * reader (`@foodsafety/trace`'s `createEpcisLineValidator`), consumed by the graph store. One
 * record is reused event after event. Internal to the package.
 */

import { ByteViews, sameBytes } from './same-bytes.js';

/** Decodes the record's bytes (ASCII) into strings of their own. */
const LATIN1 = new TextDecoder('latin1');

/** Growth of a record's list columns. */
function grown<A extends Int32Array | Float64Array | Uint8Array>(
  old: A,
  make: (n: number) => A,
): A {
  const next = make(old.length * 2);
  next.set(old as ArrayLike<number>);
  return next;
}

/** A list of identifier references (byte range and hash) with per-item numbers. */
export class SpanList {
  length = 0;
  start = new Int32Array(8);
  end = new Int32Array(8);
  hash = new Int32Array(8);
  /** Per item: the object field code, or the direction (0 source, 1 destination). */
  field = new Uint8Array(8);
  /** Per item: the position in its list. */
  pos = new Int32Array(8);
  /** Per item: the quantity (1 for an EPC). */
  quantity = new Float64Array(8);
  /** Per item: the unit of measure, or the source/destination type (interned words), or undefined. */
  word: (string | undefined)[] = [];

  /** Append an item; returns its index. */
  push(start: number, end: number, hash: number, field: number, pos: number): number {
    const i = this.length;
    if (i === this.start.length) {
      this.start = grown(this.start, (n) => new Int32Array(n));
      this.end = grown(this.end, (n) => new Int32Array(n));
      this.hash = grown(this.hash, (n) => new Int32Array(n));
      this.field = grown(this.field, (n) => new Uint8Array(n));
      this.pos = grown(this.pos, (n) => new Int32Array(n));
      this.quantity = grown(this.quantity, (n) => new Float64Array(n));
    }
    this.start[i] = start;
    this.end[i] = end;
    this.hash[i] = hash;
    this.field[i] = field;
    this.pos[i] = pos;
    this.quantity[i] = 1;
    this.word[i] = undefined;
    this.length = i + 1;
    return i;
  }
}

/** The fields of one event read from text (see the module note). */
export class EventRecord {
  /** The event's JSON text, and the same text as bytes (ASCII: byte offsets are char offsets). */
  text = '';
  bytes = new Uint8Array(4096);
  /** Type code (see `event-kind.ts`). */
  type = 0;
  /** `action`, `bizStep`, `disposition`, `eventTimeZoneOffset` as written (interned), or undefined. */
  action: string | undefined;
  bizStep: string | undefined;
  disposition: string | undefined;
  offset: string | undefined;
  /** `eventTime` as epoch milliseconds (as `isoMillis` reads it), NaN when absent or unreadable. */
  time = Number.NaN;
  /** `eventID` as text, or (when {@link eventIdUuid}) as the four words of a canonical UUID. */
  eventId: string | undefined;
  eventIdUuid = false;
  readonly eventIdWords = new Int32Array(4);
  transformationId: string | undefined;
  /** readPoint / bizLocation id ranges (start -1 when absent) and hashes. */
  readPointStart = -1;
  readPointEnd = -1;
  readPointHash = 0;
  bizLocationStart = -1;
  bizLocationEnd = -1;
  bizLocationHash = 0;
  /** What the event is about: EPCs and quantities of every list (field code per item). */
  readonly objects = new SpanList();
  /** Sources (field 0) and destinations (field 1), with their type words. */
  readonly parties = new SpanList();
  /** Business-transaction identifiers. */
  readonly transactions = new SpanList();
  /**
   * Per direction (0: the source list, 1: the destination list), a tag that names the list's
   * text, or -1. Two records with one tag of the same {@link tagNamer} hold the same list, item
   * for item (the same identifiers with the same types, in the same order), so what was derived
   * from its items once (their symbols) holds for it again.
   */
  readonly partyListTags = new Int32Array(2).fill(-1);
  /** Who gave the tags (tags of different namers are not comparable); set by the reader. */
  tagNamer: object | undefined;
  /**
   * Put the items of the tagged list of a direction in {@link parties}, if they are not there yet:
   * the reader leaves out those of a list it recalled, for a consumer that knows the list by its
   * tag needs none of them. Call before the next line is read.
   */
  partiesOf: (direction: number) => void = () => {};
  /** The content key of the event (as `ContentKeyer` computes it from the parsed event). */
  contentA = 0;
  contentB = 0;

  /** Clear for the next event. */
  reset(text: string): void {
    this.text = text;
    this.type = 0;
    this.action = undefined;
    this.bizStep = undefined;
    this.disposition = undefined;
    this.offset = undefined;
    this.time = Number.NaN;
    this.eventId = undefined;
    this.eventIdUuid = false;
    this.transformationId = undefined;
    this.readPointStart = -1;
    this.readPointEnd = -1;
    this.bizLocationStart = -1;
    this.bizLocationEnd = -1;
    this.objects.length = 0;
    this.parties.length = 0;
    this.partyListTags[0] = -1;
    this.partyListTags[1] = -1;
    this.transactions.length = 0;
    this.contentA = 0;
    this.contentB = 0;
  }

  /**
   * The text of a byte range, for use now: the runtime may make it a view of the whole line, so
   * it must not be kept (see {@link copy}).
   */
  slice(start: number, end: number): string {
    return this.text.slice(start, end);
  }

  /**
   * The text of a byte range as a string of its own, for keeping: a kept slice would keep the
   * whole line alive with it.
   */
  copy(start: number, end: number): string {
    return LATIN1.decode(this.bytes.subarray(start, end));
  }

  private readonly views = new ByteViews();

  /** {@link bytes} as a `DataView`, for comparing four bytes at a time. */
  view(): DataView {
    return this.views.of(this.bytes);
  }

  /** Whether the `n` bytes at `a` equal the `n` bytes at `b`. */
  rangesEqual(a: number, b: number, n: number): boolean {
    const view = this.view();
    return sameBytes(view, a, view, b, n);
  }
}
