/**
 * The fast path of the line validator: reads one JSON Lines event straight from its text into an
 * {@link EventRecord}, checking it as it goes, without building the object.
 *
 * It is a conservative acceptor. It says yes only for an event of the common shape (an
 * `ObjectEvent` or `TransformationEvent` with the members platforms send: identifiers, quantities,
 * read point, business location, transactions, sources and destinations; ASCII text without
 * escapes) that the validator would pass with no finding at all. Anything else — another event
 * type, an extension member, `ilmd`, sensor data, an escape, a duplicate member, a value the
 * validator would flag, a rule it would report — makes it say no, and the caller takes the full
 * path (`JSON.parse`, the validator, the index's `add`), which gives the diagnostics. So the
 * findings are the same either way, by construction; the differential tests hold it to that.
 *
 * The record also carries the event's content key, computed from the text exactly as
 * `ContentKeyer` computes it from the parsed object (the same leaf hashes, paths and sums), so
 * duplicates are found across the two paths.
 */

import {
  arrayKeyTerm,
  hashString2,
  integerLeafHash,
  integerLeafHash2,
  KEY_NAME_SEED,
  KEY_NUMBER_SEED,
  KEY_ROOT_PATH,
  KEY_STEP,
  SECOND_SEED,
  stringLeafHash,
  stringLeafHash2,
} from '../chain/content-hash.js';
import { UUID_LENGTH, uuidWordsOfBytes } from '../chain/event-id-column.js';
import { T_OBJECT, T_TRANSFORMATION } from '../chain/event-kind.js';
import { EventRecord, type SpanList } from '../chain/event-record.js';
import { epochMillis, isoMillis } from '../chain/iso-time.js';
import { F_EPC, F_IN_EPC, F_IN_QTY, F_OUT_EPC, F_OUT_QTY, F_QTY } from '../chain/lot-graph.js';
import { ByteTexts, sameBytes } from '../chain/same-bytes.js';
import { fmix32, fnv32, SEED_A } from '../chain/string-hash.js';
import {
  ACTIONS,
  BIZ_STEPS,
  BIZ_TRANSACTION_TYPES,
  type CbvVocabulary,
  DISPOSITIONS,
  SOURCE_DEST_TYPES,
  vocabularyAccepts,
} from '../formats/cbv-vocabulary.js';
import {
  dateTimeMillis,
  isUri,
  offsetMinutes,
  PCHAR,
  SCHEME,
  writtenOffsetMinutes,
} from '../formats/json-formats.js';
import { CSET_82 } from '../gs1/character-set.js';
import { gs1CheckDigitOfBytes } from '../gs1/check-digit-bytes.js';
import { COMMON_EPC_URNS } from '../gs1/common-gs1-uri.js';
import { bizStepRuleKey } from './bizstep-action-rules.js';
import { type EpcisValidator, OFFSET, UOM } from './epcis-validator.js';
import { checkGs1Uri, GS1_OK } from './gs1-uri-check.js';
import { SpanCache } from './span-cache.js';
import { ValueMemo } from './value-memo.js';

// members of an event the reader knows (bit positions)
const M_TYPE = 0;
const M_EVENT_ID = 1;
const M_EVENT_TIME = 2;
const M_OFFSET = 3;
const M_ACTION = 4;
const M_BIZ_STEP = 5;
const M_DISPOSITION = 6;
const M_EPC_LIST = 7;
const M_QUANTITY_LIST = 8;
const M_INPUT_EPCS = 9;
const M_INPUT_QUANTITIES = 10;
const M_OUTPUT_EPCS = 11;
const M_OUTPUT_QUANTITIES = 12;
const M_TRANSFORMATION_ID = 13;
const M_READ_POINT = 14;
const M_BIZ_LOCATION = 15;
const M_BIZ_TRANSACTIONS = 16;
const M_SOURCES = 17;
const M_DESTINATIONS = 18;

const MEMBER_NAMES: readonly string[] = [
  'type',
  'eventID',
  'eventTime',
  'eventTimeZoneOffset',
  'action',
  'bizStep',
  'disposition',
  'epcList',
  'quantityList',
  'inputEPCList',
  'inputQuantityList',
  'outputEPCList',
  'outputQuantityList',
  'transformationID',
  'readPoint',
  'bizLocation',
  'bizTransactionList',
  'sourceList',
  'destinationList',
];

// other texts the reader compares with: their numbers in TEXTS, after the member names
const X_ID = MEMBER_NAMES.length;
const X_EPC_CLASS = X_ID + 1;
const X_QUANTITY = X_ID + 2;
const X_UOM = X_ID + 3;
const X_TYPE = X_ID + 4;
const X_BIZ_TRANSACTION = X_ID + 5;
const X_SOURCE = X_ID + 6;
const X_DESTINATION = X_ID + 7;
const X_OBJECT_EVENT = X_ID + 8;
const X_TRANSFORMATION_EVENT = X_ID + 9;
const X_DIGITAL_LINK = X_ID + 10;
const X_GTIN_KEY = X_ID + 11;
/** The member names (by member number), then the texts above, as bytes. */
const TEXT_LIST: readonly string[] = [
  ...MEMBER_NAMES,
  'id',
  'epcClass',
  'quantity',
  'uom',
  'type',
  'bizTransaction',
  'source',
  'destination',
  'ObjectEvent',
  'TransformationEvent',
  'https://id.gs1.org/',
  '01/',
];
const TEXTS = new ByteTexts(TEXT_LIST);

/** The prefixes of {@link COMMON_EPC_URNS}, as bytes, in their order. */
const URN_PREFIXES = new ByteTexts(COMMON_EPC_URNS.map(([prefix]) => prefix));
/** Each prefix's length, and the two string hashes' states after it (see `idString`). */
const URN_PREFIX_LENGTH = new Int32Array(COMMON_EPC_URNS.map(([prefix]) => prefix.length));
const URN_PREFIX_H = new Int32Array(COMMON_EPC_URNS.map(([prefix]) => fnv32(prefix, SEED_A)));
const URN_PREFIX_G = new Int32Array(COMMON_EPC_URNS.map(([prefix]) => hashString2(prefix, 0)));
/** The number of {@link COMMON_EPC_URNS} prefix `prefix`. */
function urnNumber(prefix: string): number {
  const u = COMMON_EPC_URNS.findIndex(([p]) => p === prefix);
  if (u < 0) throw new Error(`${prefix} is not a common EPC URN prefix`);
  return u;
}
const U_LGTIN = urnNumber('urn:epc:class:lgtin:');
const U_SGLN = urnNumber('urn:epc:id:sgln:');
const U_PGLN = urnNumber('urn:epc:id:pgln:');
const U_SGTIN = urnNumber('urn:epc:id:sgtin:');
const U_SSCC = urnNumber('urn:epc:id:sscc:');
/** Four ASCII characters as the big-endian int32 a `DataView` reads. */
function int32Of(text: string): number {
  return new DataView(new TextEncoder().encode(text).buffer).getInt32(0);
}
const W_URN = int32Of('urn:');
const W_EPC = int32Of('epc:');
const W_ID_S = int32Of('id:s');
const W_ID_P = int32Of('id:p');
const W_CLAS = int32Of('clas');
const W_GLN = int32Of('gln:');
const W_GTIN = int32Of('gtin');
const W_SCC = int32Of('scc:');
const W_S_LG = int32Of('s:lg');
const W_TIN = int32Of('tin:');

/** The object field code (see lot-graph.ts) of each list member. */
const LIST_FIELDS: readonly number[] = (() => {
  const fields: number[] = [];
  fields[M_EPC_LIST] = F_EPC;
  fields[M_QUANTITY_LIST] = F_QTY;
  fields[M_INPUT_EPCS] = F_IN_EPC;
  fields[M_INPUT_QUANTITIES] = F_IN_QTY;
  fields[M_OUTPUT_EPCS] = F_OUT_EPC;
  fields[M_OUTPUT_QUANTITIES] = F_OUT_QTY;
  return fields;
})();

const bit = (m: number) => 1 << m;
const COMMON =
  bit(M_TYPE) |
  bit(M_EVENT_ID) |
  bit(M_EVENT_TIME) |
  bit(M_OFFSET) |
  bit(M_BIZ_STEP) |
  bit(M_DISPOSITION) |
  bit(M_READ_POINT) |
  bit(M_BIZ_LOCATION) |
  bit(M_BIZ_TRANSACTIONS) |
  bit(M_SOURCES) |
  bit(M_DESTINATIONS);
/** Members each type may have on the fast path (the validator's allowed lists, minus the rare ones). */
const OBJECT_MEMBERS = COMMON | bit(M_ACTION) | bit(M_EPC_LIST) | bit(M_QUANTITY_LIST);
const TRANSFORMATION_MEMBERS =
  COMMON |
  bit(M_INPUT_EPCS) |
  bit(M_INPUT_QUANTITIES) |
  bit(M_OUTPUT_EPCS) |
  bit(M_OUTPUT_QUANTITIES) |
  bit(M_TRANSFORMATION_ID);

const nameHash = (name: string) => fnv32(name, KEY_NAME_SEED);
/** Member name hash → member + 1, open addressing (a Map lookup costs more on the hot path). */
const MEMBER_SLOTS = 128;
const MEMBER_TABLE = new Int32Array(MEMBER_SLOTS * 2);
MEMBER_NAMES.forEach((name, m) => {
  const h = nameHash(name);
  let i = h & (MEMBER_SLOTS - 1);
  while (MEMBER_TABLE[i * 2 + 1] !== 0) i = (i + 1) & (MEMBER_SLOTS - 1);
  MEMBER_TABLE[i * 2] = h;
  MEMBER_TABLE[i * 2 + 1] = m + 1;
});

/** The member of a name hash, or -1 (the caller confirms the name). */
function memberOf(h: number): number {
  let i = h & (MEMBER_SLOTS - 1);
  for (;;) {
    const m = MEMBER_TABLE[i * 2 + 1] as number;
    if (m === 0) return -1;
    if (MEMBER_TABLE[i * 2] === h) return m - 1;
    i = (i + 1) & (MEMBER_SLOTS - 1);
  }
}
/** The name hash of each text of {@link TEXTS}. */
const TEXT_HASHES = new Int32Array(TEXT_LIST.map(nameHash));
/** Each member's content-key path (from its name hash). */
const MEMBER_PATHS = new Int32Array(
  MEMBER_NAMES.map((name) => fmix32(KEY_ROOT_PATH + Math.imul(nameHash(name), KEY_STEP))),
);

// validity bits of cached words and identifiers
const V_BIZ_STEP = 1;
const V_DISPOSITION = 2;
const V_SD_TYPE = 4;
const V_BT_TYPE = 8;
const V_UOM = 16;
const V_OFFSET = 32;
const V_ACTION = 64;
const V_GS1 = 1;
const V_URI = 2;

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Checks of words (the `V_*` bits up to {@link V_ACTION}), the words of each that `word` keeps,
 * and the longest it keeps.
 */
const CHECKS = 7;
const RECENT_WORDS = 4;
const RECENT_WORD_BYTES = 32;

// the kinds of list items (sources and destinations double as the direction of a party)
const ITEM_SOURCE = 0;
const ITEM_DESTINATION = 1;
const ITEM_TRANSACTION = 2;
const ITEM_EPC = 3;
const ITEM_QUANTITY = 4;

/** Lines longer than this take the full path (the reader's buffer stays small). */
const MAX_LINE = 1 << 20;
/** Lists longer than this take the full path (their uniqueness check is quadratic). */
const MAX_LIST = 64;

const Q = 34; // "
const BACKSLASH = 92;

/** The JSON Schema `type` name of a type code of the fast path. */
function typeName(type: number): string {
  return type === T_OBJECT ? 'ObjectEvent' : 'TransformationEvent';
}

/** A character a URN's path may not hold (what is not an RFC 3986 pchar or `/`). */
const C_NOT_PATH = 1;
/**
 * A character outside GS1 character set 82, or `%` (an escape: the full path decodes it). The
 * other parts of the common identifiers (`urn:epc:…:`, digits, dots, `https://id.gs1.org/01/`)
 * are set-82 characters, so an identifier without one has its lot or serial in the set.
 */
const C_NOT_LITERAL_82 = 2;
/** `/` (written `%2F` in a lot or serial of an EPC URN). */
const C_SLASH = 4;
/** The `C_*` flags of each byte, or-ed over an identifier by `idString`. */
const CHAR_FLAGS = new Uint8Array(256).fill(C_NOT_PATH | C_NOT_LITERAL_82);
/** 1 for the characters a URI scheme may not hold after its first letter. */
const NOT_SCHEME = new Uint8Array(256).fill(1);
for (let c = 0; c < 128; c += 1) {
  CHAR_FLAGS[c] =
    (PCHAR[c] === 1 || c === 47 ? 0 : C_NOT_PATH) |
    (CSET_82[c] === 1 && c !== 37 ? 0 : C_NOT_LITERAL_82) |
    (c === 47 ? C_SLASH : 0);
  if (SCHEME[c] === 1) NOT_SCHEME[c] = 0;
}

/** The byte at `i` minus `'0'` (a digit's value; other characters fall outside 0–9). */
function digitAt(bytes: Uint8Array, i: number): number {
  return (bytes[i] as number) - 48;
}

/** The value of the two digits at `i`, or -1. */
function twoDigits(bytes: Uint8Array, i: number): number {
  const x = (bytes[i] as number) - 48;
  const y = (bytes[i + 1] as number) - 48;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
}

/** Reads event lines for one compiled validator (see the module note). */
export class EventLineReader {
  readonly record = new EventRecord();
  private readonly encoder = new TextEncoder();
  private bytes = new Uint8Array(4096);
  /** {@link bytes} as a `DataView` (the record's, taken once a line). */
  private view = this.record.view();
  private pos = 0;
  /** The length of the line being read. */
  private lineEnd = 0;
  // content key sums
  private a = 0;
  private b = 0;
  private leaves = 0;
  // the last string read: its range and (for identifiers) its hashString32
  private start = 0;
  private end = 0;
  private idHash = 0;
  private readonly words = new SpanCache(4096, 1 << 16);
  /** The memo's namer when the line began. */
  private namer: object = {};
  /** Lists recalled from the memo instead of read (for tests). */
  recalled = 0;
  // what was read
  private eventMs = Number.NaN;
  private writtenOffset: number | undefined;
  private inputs = 0;
  private outputs = 0;
  private epcs = 0;
  private quantities = 0;

  /**
   * @param memo source and destination lists read before (see `value-memo.ts`); its serial
   *   numbers are the record's tags
   */
  constructor(
    private readonly validator: EpcisValidator,
    private readonly nowMs: number,
    private readonly memo = new ValueMemo(1 << 15, 1 << 22),
  ) {
    this.record.partiesOf = (dir) => this.replayPending(dir);
  }

  /**
   * Read one line. True when the event has the common shape and passes every check the
   * validator makes (then {@link record} holds it); false when the full path must decide.
   */
  read(line: string): boolean {
    const n = line.length;
    if (n === 0 || n > MAX_LINE) return false;
    if (this.bytes.length < n + 1) {
      let size = this.bytes.length;
      while (size < n + 1) size *= 2;
      this.bytes = new Uint8Array(size);
    }
    const bytes = this.bytes;
    this.lineEnd = n;
    const done = this.encoder.encodeInto(line, bytes);
    // only ASCII: then bytes and UTF-16 code units are one to one
    if (done.read !== n || done.written !== n) return false;
    bytes[n] = 0; // a stop for every scanning loop
    const r = this.record;
    r.reset(line);
    r.bytes = bytes;
    this.view = r.view();
    this.a = 0;
    this.b = 0;
    this.leaves = 0;
    this.eventMs = Number.NaN;
    this.writtenOffset = undefined;
    this.inputs = 0;
    this.outputs = 0;
    this.epcs = 0;
    this.quantities = 0;
    this.pos = 0;
    this.pendingEntry[0] = -1;
    this.pendingEntry[1] = -1;
    this.namer = this.memo.namer;
    if (this.ws() !== 123) return false;
    this.pos += 1;
    let seen = 0;
    if (this.ws() !== Q) return false;
    const follows = this.follows;
    let previous = -1;
    for (;;) {
      // members come in the same order line after line: try the one that followed last time
      let m = follows[previous + 1] as number;
      if (m < 0 || !this.nameIs(m)) {
        const h = this.key();
        if (h === undefined) return false;
        m = memberOf(h);
        if (m < 0 || !this.keyIs(m)) return false;
        follows[previous + 1] = m;
      }
      if ((seen & bit(m)) !== 0) return false; // a duplicate member: JSON.parse keeps the last
      seen |= bit(m);
      previous = m;
      if (!this.colon()) return false;
      if (!this.member(m, MEMBER_PATHS[m] as number)) return false;
      const next = this.afterMember();
      if (next < 0) return false;
      if (next === 0) break;
    }
    if (this.ws() !== 0 || this.pos !== n) return false;
    return this.settle(seen);
  }

  /** The checks that need the whole event (the validator's closing rules). */
  private settle(seen: number): boolean {
    const r = this.record;
    const type = r.type;
    if (type === 0) return false;
    if ((seen & ~(type === T_OBJECT ? OBJECT_MEMBERS : TRANSFORMATION_MEMBERS)) !== 0) return false;
    if ((seen & bit(M_EVENT_TIME)) === 0 || (seen & bit(M_OFFSET)) === 0) return false;
    if (type === T_OBJECT) {
      if ((seen & bit(M_ACTION)) === 0) return false;
      // the what dimension: a non-empty list (an empty epcList alone is an empty what)
      if (this.epcs === 0 && this.quantities === 0) return false;
    } else {
      const hasId = (seen & bit(M_TRANSFORMATION_ID)) !== 0;
      if (!((this.inputs > 0 && this.outputs > 0) || (hasId && this.inputs + this.outputs > 0)))
        return false;
    }
    // the written offset of eventTime against eventTimeZoneOffset
    const written = this.writtenOffset;
    const declared = offsetMinutes(r.offset as string);
    if (written !== undefined && declared !== undefined && written !== declared) return false;
    if (!Number.isNaN(this.nowMs) && this.eventMs > this.nowMs + this.validator.futureToleranceMs) {
      return false;
    }
    if (
      r.bizStep !== undefined &&
      r.action !== undefined &&
      this.ruleFor(r.bizStep, type, r.action)
    )
      return false;
    r.contentA = this.a;
    r.contentB = (this.b ^ Math.imul(this.leaves, KEY_STEP)) | 0;
    // the tags are the memo's serials, unless they ran out and started again within the line
    r.tagNamer = this.memo.namer;
    // (the items of a list recalled before the restart are in the record: `partyList` puts them
    // there before it keeps a list, which is what restarts the serials)
    if (r.tagNamer !== this.namer) r.partyListTags.fill(-1);
    return true;
  }

  // the last bizStep × type × action combinations looked up, and whether a rule names each
  private readonly ruleSteps: (string | undefined)[] = [undefined, undefined, undefined, undefined];
  private readonly ruleActions: (string | undefined)[] = [
    undefined,
    undefined,
    undefined,
    undefined,
  ];
  private readonly ruleTypes = new Int32Array(4);
  private readonly ruleFound = new Uint8Array(4);
  private ruleNext = 0;

  /**
   * Whether a bizStep × event type × action rule of the validator applies to the combination
   * (then it has a finding to report): from the last four combinations looked up, else from the
   * validator's rule maps (three lookups and the bizStep's rule key).
   */
  private ruleFor(bizStep: string, type: number, action: string): boolean {
    const { ruleSteps, ruleActions, ruleTypes } = this;
    for (let i = 0; i < 4; i += 1) {
      if (ruleSteps[i] === bizStep && ruleActions[i] === action && ruleTypes[i] === type)
        return this.ruleFound[i] === 1;
    }
    const found =
      this.validator.rules.get(bizStepRuleKey(bizStep))?.get(typeName(type))?.get(action) !==
      undefined;
    const i = this.ruleNext;
    this.ruleNext = (i + 1) & 3;
    ruleSteps[i] = bizStep;
    ruleActions[i] = action;
    ruleTypes[i] = type;
    this.ruleFound[i] = found ? 1 : 0;
    return found;
  }

  // ---------------------------------------------------------------------------------------------
  // members

  private member(m: number, p: number): boolean {
    const r = this.record;
    switch (m) {
      case M_TYPE: {
        if (!this.string(p)) return false;
        if (this.keyIs(X_OBJECT_EVENT)) r.type = T_OBJECT;
        else if (this.keyIs(X_TRANSFORMATION_EVENT)) r.type = T_TRANSFORMATION;
        else return false;
        return true;
      }
      case M_EVENT_ID: {
        // not part of the content key
        // a canonical UUID goes to the index as four words (and is a URI), read in place: each of
        // its 45 characters is checked, so none is a quote or an escape, and the string ends where
        // its closing quote stands. Any other eventID is checked and kept as text.
        const start = this.pos + 1;
        const end = start + UUID_LENGTH;
        if (
          this.bytes[this.pos] === Q &&
          end < this.lineEnd &&
          this.bytes[end] === Q &&
          uuidWordsOfBytes(this.bytes, start, r.eventIdWords)
        ) {
          this.start = start;
          this.end = end;
          this.pos = end + 1;
          r.eventIdUuid = true;
          return true;
        }
        if (!this.plainString()) return false;
        const id = r.copy(this.start, this.end);
        if (!isUri(id)) return false;
        r.eventId = id;
        return true;
      }
      case M_EVENT_TIME:
        if (!this.string(p)) return false;
        return this.time(this.start, this.end);
      case M_OFFSET:
        r.offset = this.word(p, V_OFFSET);
        return r.offset !== undefined;
      case M_ACTION:
        r.action = this.word(p, V_ACTION);
        return r.action !== undefined;
      case M_BIZ_STEP:
        r.bizStep = this.word(p, V_BIZ_STEP);
        return r.bizStep !== undefined;
      case M_DISPOSITION:
        r.disposition = this.word(p, V_DISPOSITION);
        return r.disposition !== undefined;
      case M_EPC_LIST:
      case M_QUANTITY_LIST:
      case M_INPUT_EPCS:
      case M_INPUT_QUANTITIES:
      case M_OUTPUT_EPCS:
      case M_OUTPUT_QUANTITIES:
        return this.whatList(m, p);
      case M_TRANSFORMATION_ID: {
        if (!this.string(p)) return false;
        const id = r.copy(this.start, this.end);
        if (!isUri(id)) return false;
        r.transformationId = id;
        return true;
      }
      case M_READ_POINT:
      case M_BIZ_LOCATION: {
        if (!this.location(p)) return false;
        if (m === M_READ_POINT) {
          r.readPointStart = this.start;
          r.readPointEnd = this.end;
          r.readPointHash = this.idHash;
        } else {
          r.bizLocationStart = this.start;
          r.bizLocationEnd = this.end;
          r.bizLocationHash = this.idHash;
        }
        return true;
      }
      case M_BIZ_TRANSACTIONS:
        return this.list(p, ITEM_TRANSACTION, 0) >= 0;
      case M_SOURCES:
        return this.partyList(p, m, ITEM_SOURCE);
      case M_DESTINATIONS:
        return this.partyList(p, m, ITEM_DESTINATION);
      default:
        return false;
    }
  }

  /** A list of the what dimension (EPCs or quantities), counted for the closing rules. */
  private whatList(m: number, p: number): boolean {
    const epcs = m === M_EPC_LIST || m === M_INPUT_EPCS || m === M_OUTPUT_EPCS;
    const field = LIST_FIELDS[m] as number;
    const count = this.list(p, epcs ? ITEM_EPC : ITEM_QUANTITY, field);
    if (count < 0) return false;
    if (m === M_EPC_LIST) this.epcs = count;
    else if (m === M_QUANTITY_LIST) this.quantities = count;
    else if (m === M_INPUT_EPCS || m === M_INPUT_QUANTITIES) this.inputs += count;
    else this.outputs += count;
    return true;
  }

  /**
   * A source or destination list (member `m`, items of `kind`): from the memo when the same
   * value was read before, else read and kept there. The record gets the list's serial number in
   * the memo, if it has one, as its tag (see `EventRecord.partyListTags`).
   */
  private partyList(p: number, m: number, kind: number): boolean {
    const memo = this.memo;
    const from = this.pos;
    const r = this.record;
    const parties = r.parties;
    const e = memo.find(this.bytes, from, this.lineEnd, m);
    if (e >= 0) {
      this.recalled += 1;
      r.partyListTags[kind] = memo.serialOf(e);
      // its items go to the record only when asked for (see `EventRecord.partiesOf`)
      this.pendingEntry[kind] = e;
      this.pendingFrom[kind] = from;
      this.a = (this.a + memo.sumAOf(e)) | 0;
      this.b = (this.b + memo.sumBOf(e)) | 0;
      this.leaves += memo.leavesOf(e);
      this.pos = from + memo.foundLength;
      return true;
    }
    const { a, b, leaves } = this;
    // (keeping a value may empty the memo: the items of a list recalled before it go first)
    this.replayPending(0);
    this.replayPending(1);
    const first = parties.length;
    if (this.list(p, kind, 0) < 0) return false;
    r.partyListTags[kind] = memo.keep(
      this.bytes,
      from,
      this.pos,
      m,
      (this.a - a) | 0,
      (this.b - b) | 0,
      this.leaves - leaves,
      parties,
      first,
    );
    return true;
  }

  /**
   * Per direction, the memo entry of a list recalled whose items are not in the record (-1: none),
   * and where the list began.
   */
  private readonly pendingEntry = new Int32Array(2).fill(-1);
  private readonly pendingFrom = new Int32Array(2);

  /** Put the items of the recalled list of direction `dir` in the record, if they are pending. */
  private replayPending(dir: number): void {
    const e = this.pendingEntry[dir] as number;
    if (e < 0) return;
    this.pendingEntry[dir] = -1;
    this.memo.replay(e, this.pendingFrom[dir] as number, this.record.parties);
  }

  /** `{"id": "<identifier>"}`; leaves the id's range and hash in start/end/idHash. */
  private location(p: number): boolean {
    if (this.ws() !== 123) return false;
    this.pos += 1;
    if (this.ws() !== Q || this.nameAmong(X_ID, X_ID, -1, -1) < 0) return false;
    if (!this.colon()) return false;
    if (!this.identifier(fmix32(p + Math.imul(TEXT_HASHES[X_ID] as number, KEY_STEP)), V_GS1))
      return false;
    if (this.ws() !== 125) return false;
    this.pos += 1;
    return true;
  }

  /**
   * An array of `kind` items ({@link ITEM_EPC}, {@link ITEM_QUANTITY}, or a party item kind, see
   * {@link partyItem}), each at its path under `p`: the count, or -1. EPC lists must hold
   * different items (2.0.1).
   */
  private list(p: number, kind: number, field: number): number {
    if (this.ws() !== 91) return -1;
    this.pos += 1;
    const objects = this.record.objects;
    const first = objects.length;
    let count = 0;
    let c = this.ws();
    if (c === 93) this.pos += 1;
    else {
      for (;;) {
        if (count === MAX_LIST) return -1;
        const ip = fmix32(p + Math.imul(count + 1, KEY_STEP));
        let ok: boolean;
        if (kind === ITEM_EPC) {
          ok = this.identifier(ip, V_GS1);
          if (ok) objects.push(this.start, this.end, this.idHash, field, count);
        } else if (kind === ITEM_QUANTITY) ok = this.quantityItem(ip, field, count, objects);
        else ok = this.partyItem(ip, kind);
        if (!ok) return -1;
        count += 1;
        c = this.ws();
        if (c === 44) {
          this.pos += 1;
          continue;
        }
        if (c !== 93) return -1;
        this.pos += 1;
        break;
      }
    }
    this.a = (this.a + arrayKeyTerm(p, count)) | 0;
    if (kind === ITEM_EPC && !this.unique(objects, first)) return -1;
    return count;
  }

  /** Whether the items of a list from `first` on are pairwise different texts. */
  private unique(list: SpanList, first: number): boolean {
    for (let i = first + 1; i < list.length; i += 1) {
      const si = list.start[i] as number;
      const n = (list.end[i] as number) - si;
      for (let j = first; j < i; j += 1) {
        if (list.hash[i] !== list.hash[j]) continue;
        const sj = list.start[j] as number;
        if ((list.end[j] as number) - sj === n && this.record.rangesEqual(si, sj, n)) return false;
      }
    }
    return true;
  }

  private quantityItem(ip: number, field: number, position: number, list: SpanList): boolean {
    if (this.ws() !== 123) return false;
    this.pos += 1;
    let item = -1;
    let quantity = Number.NaN;
    let uom: string | undefined;
    let seen = 0;
    if (this.ws() !== Q) return false; // not empty: epcClass is required
    for (;;) {
      // in the usual order: epcClass, quantity, uom
      const x = this.nameAmong(
        (seen & 1) === 0 ? X_EPC_CLASS : (seen & 2) === 0 ? X_QUANTITY : X_UOM,
        X_EPC_CLASS,
        X_QUANTITY,
        X_UOM,
      );
      if (x < 0) return false;
      const kp = fmix32(ip + Math.imul(TEXT_HASHES[x] as number, KEY_STEP));
      if (x === X_EPC_CLASS && (seen & 1) === 0) {
        seen |= 1;
        if (!this.colon() || !this.identifier(kp, V_GS1)) return false;
        item = list.push(this.start, this.end, this.idHash, field, position);
      } else if (x === X_QUANTITY && (seen & 2) === 0) {
        seen |= 2;
        if (!this.colon()) return false;
        quantity = this.number(kp);
        if (Number.isNaN(quantity)) return false;
      } else if (x === X_UOM && (seen & 4) === 0) {
        seen |= 4;
        if (!this.colon()) return false;
        uom = this.word(kp, V_UOM);
        if (uom === undefined) return false;
      } else return false;
      const next = this.afterMember();
      if (next < 0) return false;
      if (next === 0) break;
    }
    if (item < 0) return false;
    list.quantity[item] = quantity;
    list.word[item] = uom;
    return true;
  }

  /**
   * One business transaction (`kind` {@link ITEM_TRANSACTION}: `{type?, bizTransaction}`) or
   * source / destination ({@link ITEM_SOURCE} / {@link ITEM_DESTINATION}: `{type, source}` /
   * `{type, destination}`).
   */
  private partyItem(ip: number, kind: number): boolean {
    if (this.ws() !== 123) return false;
    this.pos += 1;
    const r = this.record;
    const idName =
      kind === ITEM_TRANSACTION
        ? X_BIZ_TRANSACTION
        : kind === ITEM_SOURCE
          ? X_SOURCE
          : X_DESTINATION;
    let typeWord: string | undefined;
    let hasType = false;
    let idStart = -1;
    let idEnd = -1;
    let idHash = 0;
    if (this.ws() !== Q) return false;
    for (;;) {
      // in the usual order: type, then the identifier
      const x = this.nameAmong(hasType ? idName : X_TYPE, X_TYPE, idName, -1);
      if (x < 0) return false;
      const kp = fmix32(ip + Math.imul(TEXT_HASHES[x] as number, KEY_STEP));
      if (x === X_TYPE && !hasType) {
        hasType = true;
        if (!this.colon()) return false;
        typeWord = this.word(kp, kind === ITEM_TRANSACTION ? V_BT_TYPE : V_SD_TYPE);
        if (typeWord === undefined) return false;
      } else if (x === idName && idStart < 0) {
        if (!this.colon() || !this.identifier(kp, kind === ITEM_TRANSACTION ? V_URI : V_GS1))
          return false;
        idStart = this.start;
        idEnd = this.end;
        idHash = this.idHash;
      } else return false;
      const next = this.afterMember();
      if (next < 0) return false;
      if (next === 0) break;
    }
    if (idStart < 0) return false;
    if (kind === ITEM_TRANSACTION) {
      r.transactions.push(idStart, idEnd, idHash, 0, 0);
      return true;
    }
    if (!hasType) return false;
    const i = r.parties.push(idStart, idEnd, idHash, kind, 0);
    r.parties.word[i] = typeWord;
    return true;
  }

  /**
   * `eventTime` of the common shape `YYYY-MM-DDTHH:MM:SS[.sss](Z|±HH:MM)` read from its bytes:
   * sets the event's epoch milliseconds and written offset and returns true when it is a valid
   * date-time; any other shape is read from its text by the validator's own functions.
   */
  private time(start: number, end: number): boolean {
    const bytes = this.bytes;
    const n = end - start;
    let ok =
      (n === 20 || n === 24 || n === 25 || n === 29) &&
      digitAt(bytes, start + 4) === -3 &&
      digitAt(bytes, start + 7) === -3 &&
      digitAt(bytes, start + 10) === 36 &&
      digitAt(bytes, start + 13) === 10 &&
      digitAt(bytes, start + 16) === 10;
    const century = ok ? twoDigits(bytes, start) : -1;
    const yy = ok ? twoDigits(bytes, start + 2) : -1;
    const year = century * 100 + yy;
    const month = ok ? twoDigits(bytes, start + 5) : -1;
    const day = ok ? twoDigits(bytes, start + 8) : -1;
    const hour = ok ? twoDigits(bytes, start + 11) : -1;
    const minute = ok ? twoDigits(bytes, start + 14) : -1;
    const second = ok ? twoDigits(bytes, start + 17) : -1;
    let zoneAt = 19;
    let ms = 0;
    if (ok && n !== 20 && n !== 25) {
      // .sss
      const d0 = digitAt(bytes, start + 20);
      const d12 = twoDigits(bytes, start + 21);
      ok = digitAt(bytes, start + 19) === -2 && d0 >= 0 && d0 <= 9 && d12 >= 0;
      ms = d0 * 100 + d12;
      zoneAt = 23;
    }
    let offset = 0;
    if (ok) {
      const z = bytes[start + zoneAt] as number;
      if (z === 90 /* Z */) ok = zoneAt + 1 === n;
      else if (
        (z === 43 || z === 45) &&
        zoneAt + 6 === n &&
        digitAt(bytes, start + zoneAt + 3) === 10
      ) {
        const oh = twoDigits(bytes, start + zoneAt + 1);
        const om = twoDigits(bytes, start + zoneAt + 4);
        ok = oh >= 0 && om >= 0 && oh <= 23 && om <= 59;
        offset = (oh * 60 + om) * (z === 43 ? 1 : -1);
      } else ok = false;
    }
    if (ok) {
      const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
      ok =
        century >= 1 &&
        yy >= 0 &&
        month >= 1 &&
        month <= 12 &&
        day >= 1 &&
        day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month] as number)) &&
        hour >= 0 &&
        hour <= 23 &&
        minute >= 0 &&
        minute <= 59 &&
        second >= 0 &&
        second <= 59;
    }
    const r = this.record;
    if (!ok) {
      // another shape: the validator's and the index's own readings of the text
      const text = r.slice(start, end);
      const t = dateTimeMillis(text);
      if (Number.isNaN(t)) return false;
      this.eventMs = t;
      this.writtenOffset = writtenOffsetMinutes(text);
      r.time = isoMillis(text);
      return true;
    }
    const t = epochMillis(year, month, day, hour, minute, second, ms) - offset * 60_000;
    this.eventMs = t;
    this.writtenOffset = offset;
    r.time = t;
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // values

  /**
   * A string holding an identifier (content leaf at path `p`), checked as the validator checks it
   * (`V_GS1`: a URI whose GS1 key, if any, is well formed; `V_URI`: a URI); results are cached.
   */
  private identifier(p: number, check: number): boolean {
    if (!this.idString(p)) return false;
    if (this.urn && (check === V_URI || this.epcUrn())) return true;
    if (this.digitalLink(check)) return true;
    // any other shape: the validator's own checks on the text
    const text = this.record.slice(this.start, this.end);
    return isUri(text) && (check === V_URI || checkGs1Uri(text) === GS1_OK);
  }

  /**
   * Whether the identifier just read by {@link idString} is a GS1 Digital Link URI on `id.gs1.org`
   * that passes the check (`V_URI`: any such; `V_GS1`: a GTIN-14 key `/01/` with its check digit
   * right, then nothing or one lot `/10/` or serial `/21/` of 1 to 20 characters of GS1 set 82,
   * none a `/` or an escape),
   * as `isUri` and `checkGs1Uri` would find it (false only means "not sure": the caller
   * checks the text).
   */
  private digitalLink(check: number): boolean {
    const { start, end, bytes } = this;
    // every character a path character or '/' (then `isUri`'s quick form holds after the host);
    // no byte past the identifier is compared
    if (
      !this.pathOnly ||
      end - start < 19 ||
      !TEXTS.equals(X_DIGITAL_LINK, this.view, start, start + 19)
    )
      return false;
    if (check === V_URI) return true;
    const keyEnd = start + 36;
    if (keyEnd > end || (keyEnd < end && bytes[keyEnd] !== 47)) return false;
    if (!TEXTS.equals(X_GTIN_KEY, this.view, start + 19, start + 22)) return false;
    const digit = gs1CheckDigitOfBytes(bytes, start + 22, keyEnd - 1);
    if (digit < 0 || (bytes[keyEnd - 1] as number) - 48 !== digit) return false;
    if (keyEnd === end) return true;
    // `/10/` or `/21/`, then the value: its encoded length bounds its decoded one (AI 10, 21: 20)
    const from = keyEnd + 4;
    if (from >= end || end - from > 20 || bytes[keyEnd + 3] !== 47) return false;
    const a = bytes[keyEnd + 1] as number;
    const b = bytes[keyEnd + 2] as number;
    if (!((a === 49 && b === 48) || (a === 50 && b === 49))) return false;
    if ((this.flags & C_NOT_LITERAL_82) !== 0) return false;
    for (let i = from; i < end; i += 1) if (bytes[i] === 47) return false;
    return true;
  }

  /**
   * Whether the identifier just read by {@link idString} is an LGTIN, SGLN, PGLN, SGTIN or SSCC
   * EPC URN that `checkGs1Uri` accepts (false only means "not sure": the caller checks the
   * text). A lot, serial or extension of more than 20 characters, or with a character outside
   * GS1 set 82, a `/` or an escape, is "not sure" (its escapes may decode it to fewer, or to
   * characters of the set).
   */
  private epcUrn(): boolean {
    const { start, end, lastColon, dot1, dot2, nonDigit1, nonDigit2, prefix } = this;
    const from = lastColon + 1;
    // the prefix idString recognised, if the last colon is still its own
    const known = prefix >= 0 && from - start === URN_PREFIX_LENGTH[prefix];
    for (let u = known ? prefix : 0; u < COMMON_EPC_URNS.length; u += 1) {
      if (!known && !URN_PREFIXES.equals(u, this.view, start, from)) continue;
      const [, , total, parts] = COMMON_EPC_URNS[u] as (typeof COMMON_EPC_URNS)[number];
      // the company prefix (and the item or location reference) are digits up to their dots
      const cp = dot1 - from;
      if (dot1 < 0 || nonDigit1 !== dot1 || cp < 6 || cp > 12) return false;
      if (parts === 2) return dot2 < 0 && nonDigit2 < 0 && cp + (end - dot1 - 1) === total;
      return (
        dot2 >= 0 &&
        nonDigit2 === dot2 &&
        dot2 + 1 < end &&
        end - dot2 - 1 <= 20 &&
        cp + (dot2 - dot1 - 1) === total &&
        (this.flags & (C_NOT_LITERAL_82 | C_SLASH)) === 0
      );
    }
    return false;
  }

  // per check (its bit's number), the last RECENT_WORDS words that passed it: their bytes (in
  // RECENT_WORD_BYTES each), lengths (0: none), the two string hashes' states and the texts
  private readonly recentBytes = new Uint8Array(CHECKS * RECENT_WORDS * RECENT_WORD_BYTES);
  private readonly recentView = new DataView(this.recentBytes.buffer);
  private readonly recentLength = new Int32Array(CHECKS * RECENT_WORDS);
  private readonly recentH = new Int32Array(CHECKS * RECENT_WORDS);
  private readonly recentG = new Int32Array(CHECKS * RECENT_WORDS);
  private readonly recentText: (string | undefined)[] = Array(CHECKS * RECENT_WORDS).fill(
    undefined,
  );
  private readonly recentNext = new Int32Array(CHECKS);

  /**
   * A short vocabulary string (content leaf at `p`): its interned text when the check `check`
   * passes, else undefined. A word that passed the check lately is found by its bytes alone (the
   * same vocabulary words recur event after event); others are hashed and looked up in the cache.
   */
  private word(p: number, check: number): string | undefined {
    const k = 31 - Math.clz32(check);
    const bytes = this.bytes;
    const pos = this.pos;
    if (bytes[pos] === Q) {
      const start = pos + 1;
      for (let j = k * RECENT_WORDS; j < (k + 1) * RECENT_WORDS; j += 1) {
        const n = this.recentLength[j] as number;
        const end = start + n;
        // (a closing quote inside the line, after the bytes of a word that passed the check)
        if (
          n === 0 ||
          end >= this.lineEnd ||
          bytes[end] !== Q ||
          !sameBytes(this.recentView, j * RECENT_WORD_BYTES, this.view, start, n)
        )
          continue;
        this.start = start;
        this.end = end;
        this.pos = end + 1;
        this.a = (this.a + fmix32(stringLeafHash(p, this.recentH[j] as number))) | 0;
        this.b = (this.b + fmix32(stringLeafHash2(p, this.recentG[j] as number))) | 0;
        this.leaves += 1;
        return this.recentText[j];
      }
    }
    const text = this.cachedWord(p, check);
    const n = this.end - this.start;
    if (text !== undefined && n > 0 && n <= RECENT_WORD_BYTES) {
      const j = k * RECENT_WORDS + (this.recentNext[k] as number);
      this.recentNext[k] = ((this.recentNext[k] as number) + 1) % RECENT_WORDS;
      this.recentBytes.set(bytes.subarray(this.start, this.end), j * RECENT_WORD_BYTES);
      this.recentLength[j] = n;
      this.recentH[j] = this.stringH;
      this.recentG[j] = this.stringG;
      this.recentText[j] = text;
    }
    return text;
  }

  /** {@link word} from the word cache. */
  private cachedWord(p: number, check: number): string | undefined {
    if (!this.string(p)) return undefined;
    const { start, end, words } = this;
    // the same word at another path is another entry: the cache is keyed by the leaf's hash
    const e = words.entry(this.bytes, start, end, fmix32(this.stringH));
    const r = this.record;
    const text = e >= 0 ? words.text(e, r, start, end) : r.copy(start, end);
    if (e >= 0 && words.checked(e, check)) return words.passed(e, check) ? text : undefined;
    const ok = this.wordPasses(text, check);
    if (e >= 0) words.record(e, check, ok);
    return ok ? text : undefined;
  }

  private wordPasses(text: string, check: number): boolean {
    switch (check) {
      case V_BIZ_STEP:
        return vocabularyAccepts(BIZ_STEPS, text);
      case V_DISPOSITION:
        return vocabularyAccepts(DISPOSITIONS, text);
      case V_SD_TYPE:
        return vocabularyAccepts(SOURCE_DEST_TYPES, text);
      case V_BT_TYPE:
        return vocabularyAccepts(BIZ_TRANSACTION_TYPES as CbvVocabulary, text);
      case V_UOM:
        return UOM.test(text) && this.validator.unitCodes.has(text);
      case V_OFFSET:
        return OFFSET.test(text);
      case V_ACTION:
        return ACTIONS.words.has(text);
      default:
        return false;
    }
  }

  /**
   * A string without escapes at `pos` (which holds `"`): sets start/end and adds its content leaf
   * at path `p`.
   */
  private string(p: number): boolean {
    const bytes = this.bytes;
    let h = SEED_A | 0;
    let g = SECOND_SEED;
    let i = this.pos + 1;
    if (bytes[this.pos] !== Q) return false;
    for (;;) {
      const c = bytes[i] as number;
      if (c === Q) break;
      if (c === BACKSLASH || c < 32) return false;
      h = Math.imul(h ^ c, 0x01000193);
      g = Math.imul(g ^ c ^ (g >>> 15), 0x27d4eb2f);
      i += 1;
    }
    this.start = this.pos + 1;
    this.end = i;
    this.pos = i + 1;
    this.a = (this.a + fmix32(stringLeafHash(p, h))) | 0;
    this.b = (this.b + fmix32(stringLeafHash2(p, g))) | 0;
    this.leaves += 1;
    this.stringH = h;
    this.stringG = g;
    return true;
  }

  /**
   * The two string hashes' states after the string {@link string} read last (before mixing;
   * `fmix32` of the first is its `hashString32` with `SEED_A`).
   */
  private stringH = 0;
  private stringG = 0;

  // what idString found: a quick-path URN, the last colon, the first two dots and the first
  // two characters other than digits after it (-1 when none)
  private urn = false;
  /** Whether every character of the identifier is an RFC 3986 path character or '/'. */
  private pathOnly = false;
  /** The `C_*` flags of the identifier's characters, or-ed. */
  private flags = 0;
  private lastColon = -1;
  private dot1 = -1;
  private dot2 = -1;
  private nonDigit1 = -1;
  private nonDigit2 = -1;

  /**
   * {@link string} for an identifier: also its `hashString32` (seed A) in `idHash`, and in the
   * same pass what the URI and EPC URN checks need (see {@link epcUrn}).
   */
  private idString(p: number): boolean {
    const bytes = this.bytes;
    if (bytes[this.pos] !== Q) return false;
    let h = SEED_A | 0;
    let g = SECOND_SEED;
    const first = this.pos + 1;
    let i = first;
    let colon = -1;
    let lastColon = -1;
    // a common EPC URN prefix is known bytes: start after it, from its hashes' states (what the
    // loop would have found in it: a valid scheme and path, its colons, no dot or other character
    // after the last one)
    const prefix = this.urnPrefix(first);
    if (prefix >= 0) {
      h = URN_PREFIX_H[prefix] as number;
      g = URN_PREFIX_G[prefix] as number;
      i = first + (URN_PREFIX_LENGTH[prefix] as number);
      colon = first + 3;
      lastColon = i - 1;
    }
    this.prefix = prefix;
    let badScheme = 0;
    let flags = 0;
    let dot1 = -1;
    let dot2 = -1;
    let nonDigit1 = -1;
    let nonDigit2 = -1;
    for (;;) {
      const c = bytes[i] as number;
      if (c === Q) break;
      if (c === BACKSLASH || c < 32) return false;
      h = Math.imul(h ^ c, 0x01000193);
      g = Math.imul(g ^ c ^ (g >>> 15), 0x27d4eb2f);
      flags |= CHAR_FLAGS[c] as number;
      if (c < 48 || c > 57) {
        if (c === 58) {
          if (colon < 0) colon = i;
          lastColon = i;
          dot1 = -1;
          dot2 = -1;
          nonDigit1 = -1;
          nonDigit2 = -1;
        } else {
          if (colon < 0 && i > first) badScheme |= NOT_SCHEME[c] as number;
          if (nonDigit1 < 0) nonDigit1 = i;
          else if (nonDigit2 < 0) nonDigit2 = i;
          if (c === 46) {
            if (dot1 < 0) dot1 = i;
            else if (dot2 < 0) dot2 = i;
          }
        }
      }
      i += 1;
    }
    this.start = first;
    this.end = i;
    this.pos = i + 1;
    this.a = (this.a + fmix32(stringLeafHash(p, h))) | 0;
    this.b = (this.b + fmix32(stringLeafHash2(p, g))) | 0;
    this.leaves += 1;
    this.idHash = fmix32(h);
    const c0 = bytes[first] as number;
    // the validator's quick URI shape: a letter, scheme characters, ':', then a path (not '/')
    this.urn =
      ((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122)) &&
      colon > first &&
      colon < i - 1 &&
      badScheme === 0 &&
      (flags & C_NOT_PATH) === 0 &&
      bytes[colon + 1] !== 47;
    this.pathOnly = (flags & C_NOT_PATH) === 0;
    this.flags = flags;
    this.lastColon = lastColon;
    this.dot1 = dot1;
    this.dot2 = dot2;
    this.nonDigit1 = nonDigit1;
    this.nonDigit2 = nonDigit2;
    return true;
  }

  /**
   * The number of the {@link COMMON_EPC_URNS} prefix the string from `first` begins with, or -1
   * (read four bytes at a time; a match cannot run past the line, which ends in a 0 byte).
   */
  private urnPrefix(first: number): number {
    const view = this.view;
    if (first + 20 > this.lineEnd) return -1;
    if (view.getInt32(first) !== W_URN || view.getInt32(first + 4) !== W_EPC) return -1;
    const w = view.getInt32(first + 8);
    const w2 = view.getInt32(first + 12);
    if (w === W_ID_S) {
      if (w2 === W_GLN) return U_SGLN;
      if (w2 === W_SCC) return U_SSCC;
      return w2 === W_GTIN && this.bytes[first + 16] === 58 ? U_SGTIN : -1;
    }
    if (w === W_ID_P) return w2 === W_GLN ? U_PGLN : -1;
    return w === W_CLAS && w2 === W_S_LG && view.getInt32(first + 16) === W_TIN ? U_LGTIN : -1;
  }

  /** The {@link COMMON_EPC_URNS} prefix {@link idString} began its string with, or -1. */
  private prefix = -1;

  /** A string without escapes that is not part of the content key (the eventID). */
  private plainString(): boolean {
    const bytes = this.bytes;
    if (bytes[this.pos] !== Q) return false;
    let i = this.pos + 1;
    for (;;) {
      const c = bytes[i] as number;
      if (c === Q) break;
      if (c === BACKSLASH || c < 32) return false;
      i += 1;
    }
    this.start = this.pos + 1;
    this.end = i;
    this.pos = i + 1;
    return true;
  }

  /** A member name at `pos`: its name hash (start/end set), or undefined. */
  private key(): number | undefined {
    const bytes = this.bytes;
    let h = KEY_NAME_SEED | 0;
    let i = this.pos + 1;
    for (;;) {
      const c = bytes[i] as number;
      if (c === Q) break;
      if (c === BACKSLASH || c < 32) return undefined;
      h = Math.imul(h ^ c, 0x01000193);
      i += 1;
    }
    this.start = this.pos + 1;
    this.end = i;
    this.pos = i + 1;
    return h;
  }

  /**
   * Whether the member name at `pos` is text `id` of {@link TEXTS}, compared byte for byte (no
   * hash); then it is read, as {@link key} reads it.
   */
  private nameIs(id: number): boolean {
    const start = this.pos + 1;
    const end = start + TEXTS.lengthOf(id);
    if (end >= this.lineEnd || this.bytes[end] !== Q || !TEXTS.equals(id, this.view, start, end))
      return false;
    this.start = start;
    this.end = end;
    this.pos = end + 1;
    return true;
  }

  /**
   * The member name at `pos` if it is text `a`, `b` or `c` (-1: none): its text id, the name
   * read. Tries `expected` first by its bytes alone; only another name is hashed.
   */
  private nameAmong(expected: number, a: number, b: number, c: number): number {
    if (this.nameIs(expected)) return expected;
    const h = this.key();
    if (h === undefined) return -1;
    if (h === TEXT_HASHES[a] && this.keyIs(a)) return a;
    if (b >= 0 && h === TEXT_HASHES[b] && this.keyIs(b)) return b;
    if (c >= 0 && h === TEXT_HASHES[c] && this.keyIs(c)) return c;
    return -1;
  }

  /** Per member + 1 (0: the first), the member that followed it in the last line, or -1. */
  private readonly follows = new Int8Array(MEMBER_NAMES.length + 1).fill(-1);

  /** Whether the string just read (its range in start/end) is text `id` of {@link TEXTS}. */
  private keyIs(id: number): boolean {
    return TEXTS.equals(id, this.view, this.start, this.end);
  }

  /**
   * After a member of an object: 1 when another member follows (its `"` at `pos`), 0 when the
   * object ended (`pos` after its `}`), -1 on anything else.
   */
  private afterMember(): number {
    const c = this.ws();
    if (c === 44) {
      this.pos += 1;
      return this.ws() === Q ? 1 : -1;
    }
    if (c !== 125) return -1;
    this.pos += 1;
    return 0;
  }

  /** `:` after a member name (with white space around). */
  private colon(): boolean {
    if (this.ws() !== 58) return false;
    this.pos += 1;
    this.ws();
    return true;
  }

  /**
   * A non-negative finite JSON number (content leaf at `p`), or NaN (a negative one is a finding:
   * the full path reports it).
   */
  private number(p: number): number {
    const bytes = this.bytes;
    const from = this.pos;
    let i = from;
    let c = bytes[i] as number;
    if (c < 48 || c > 57) return Number.NaN;
    let value = 0;
    if (c === 48) {
      i += 1;
      c = bytes[i] as number;
    } else {
      while (c >= 48 && c <= 57) {
        value = value * 10 + (c - 48);
        i += 1;
        c = bytes[i] as number;
      }
    }
    let plain = i - from <= 15;
    if (c === 46) {
      plain = false;
      i += 1;
      c = bytes[i] as number;
      if (c < 48 || c > 57) return Number.NaN;
      while (c >= 48 && c <= 57) c = bytes[++i] as number;
    }
    if (c === 101 || c === 69) {
      plain = false;
      c = bytes[++i] as number;
      if (c === 43 || c === 45) c = bytes[++i] as number;
      if (c < 48 || c > 57) return Number.NaN;
      while (c >= 48 && c <= 57) c = bytes[++i] as number;
    }
    this.pos = i;
    if (!plain) {
      value = Number(this.record.slice(from, i));
      if (!Number.isFinite(value)) return Number.NaN;
    }
    if (Number.isInteger(value) && value <= 2147483647) {
      const h = integerLeafHash(p, value);
      this.a = (this.a + fmix32(h)) | 0;
      this.b = (this.b + fmix32(integerLeafHash2(h))) | 0;
    } else {
      const text = String(value);
      this.a = (this.a + fmix32(fnv32(text, p ^ KEY_NUMBER_SEED))) | 0;
      this.b = (this.b + fmix32(hashString2(text, p ^ KEY_NUMBER_SEED))) | 0;
    }
    this.leaves += 1;
    return value;
  }

  /** Skip JSON white space; the byte at `pos`. */
  private ws(): number {
    const bytes = this.bytes;
    let c = bytes[this.pos] as number;
    while (c === 32 || c === 10 || c === 13 || c === 9) c = bytes[++this.pos] as number;
    return c;
  }
}
