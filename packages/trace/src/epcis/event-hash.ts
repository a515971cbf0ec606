/**
 * The CBV 2.0 "EPCIS Event Hash ID": a canonical pre-hash string of an event and its SHA-256
 * (`ni:///sha-256;<hex>?ver=CBV2.0`). Follows the algorithm of CBV 2.0 §8.9 as implemented by the
 * reference tool (RalphTro/epcis-event-hash-generator) and checked against its 43 published
 * vectors:
 *
 * - standard properties in the canonical order, each `name=value`, nested ones as `name` followed
 *   by their children; repeated values (list members) sorted;
 * - identifiers (EPC URNs, class and id-pattern URNs, Digital Links on any domain) converted to the
 *   canonical GS1 Digital Link on id.gs1.org;
 * - times the validator accepts converted to UTC and rounded to milliseconds (other text hashed
 *   as written);
 * - CBV bare words and `urn:epcglobal:cbv:…` URNs expanded to `https://ref.gs1.org/cbv/…`;
 * - numbers without superfluous zeros;
 * - user extensions written `{namespace}localName` and sorted after the standard properties of
 *   their level (business transactions, sources, destinations and ILMD sort with them);
 * - `eventID`, `recordTime`, `errorDeclaration` and comments left out.
 *
 * @module
 */

import { createHash } from 'node:crypto';
import { dateTimeMillis } from '../formats/json-formats.js';
import { canonicalGs1Uri } from '../gs1/canonical-gs1-uri.js';
import { lookupTable } from '../gs1/lookup-table.js';
import { codePointCompare } from './code-point-compare.js';

/** Options of {@link eventPreHash}. */
export interface EventHashOptions {
  /**
   * The `@context` of the enclosing document: its prefix declarations are used to expand
   * extension names (the event's own `@context` is always read too).
   */
  readonly context?: unknown;
  /**
   * Extra member names to leave out (as written, e.g. `example:captureID`), for repositories that
   * declare such a list (the non-standard `…:ignoreFields` document member).
   */
  readonly ignoreFields?: readonly string[];
}

type Order = readonly (readonly [string, Order | null])[];

const QUANTITY: Order = [
  ['epcClass', null],
  ['quantity', null],
  ['uom', null],
];

const SENSOR_METADATA: Order = [
  ['time', null],
  ['startTime', null],
  ['endTime', null],
  ['deviceID', null],
  ['deviceMetadata', null],
  ['rawData', null],
  ['dataProcessingMethod', null],
  ['bizRules', null],
];

const SENSOR_REPORT: Order = [
  ['type', null],
  ['exception', null],
  ['deviceID', null],
  ['deviceMetadata', null],
  ['rawData', null],
  ['dataProcessingMethod', null],
  ['time', null],
  ['microorganism', null],
  ['chemicalSubstance', null],
  ['value', null],
  ['component', null],
  ['stringValue', null],
  ['booleanValue', null],
  ['hexBinaryValue', null],
  ['uriValue', null],
  ['minValue', null],
  ['maxValue', null],
  ['meanValue', null],
  ['sDev', null],
  ['percRank', null],
  ['percValue', null],
  ['uom', null],
  ['coordinateReferenceSystem', null],
];

/** Lists whose members are written under another element name. */
const LIST_MEMBER: Readonly<Record<string, string>> = lookupTable({
  epcList: 'epc',
  inputEPCList: 'epc',
  outputEPCList: 'epc',
  childEPCs: 'epc',
  quantityList: 'quantityElement',
  childQuantityList: 'quantityElement',
  inputQuantityList: 'quantityElement',
  outputQuantityList: 'quantityElement',
  sensorElementList: 'sensorElement',
});

const EVENT_ORDER: Order = [
  ['eventTime', null],
  ['eventTimeZoneOffset', null],
  ['certificationInfo', null],
  ['epcList', null],
  ['parentID', null],
  ['inputEPCList', null],
  ['childEPCs', null],
  ['quantityList', QUANTITY],
  ['childQuantityList', QUANTITY],
  ['inputQuantityList', QUANTITY],
  ['outputEPCList', null],
  ['outputQuantityList', QUANTITY],
  ['action', null],
  ['transformationID', null],
  ['bizStep', null],
  ['disposition', null],
  [
    'persistentDisposition',
    [
      ['set', null],
      ['unset', null],
    ],
  ],
  ['readPoint', [['id', null]]],
  ['bizLocation', [['id', null]]],
  [
    'sensorElementList',
    [
      ['sensorMetadata', SENSOR_METADATA],
      ['sensorReport', SENSOR_REPORT],
    ],
  ],
];

/** Members of the "generic" (sorted) part whose members have a fixed inner order. */
const GENERIC_LIST_ORDER: Readonly<Record<string, Order>> = lookupTable({
  bizTransactionList: [
    ['type', null],
    ['bizTransaction', null],
  ],
  sourceList: [
    ['type', null],
    ['source', null],
  ],
  destinationList: [
    ['type', null],
    ['destination', null],
  ],
});

const IGNORED_EVERYWHERE = new Set(['rdfs:comment', 'comment', '#text']);
const IGNORED_AT_TOP = new Set(['type', '@context', 'eventID', 'recordTime', 'errorDeclaration']);

const CBV = 'https://ref.gs1.org/cbv/';
const GS1_VOC = 'https://gs1.org/voc/';

/** Where a bare word is expanded, by the (parent, member) it appears in. */
const BARE_WORD_PREFIX: Readonly<Record<string, string>> = lookupTable({
  bizStep: `${CBV}BizStep-`,
  disposition: `${CBV}Disp-`,
  set: `${CBV}Disp-`,
  unset: `${CBV}Disp-`,
  'bizTransactionList.type': `${CBV}BTT-`,
  'sourceList.type': `${CBV}SDT-`,
  'destinationList.type': `${CBV}SDT-`,
  reason: `${CBV}ER-`,
  'sensorReport.type': GS1_VOC,
  'sensorReport.exception': GS1_VOC,
  'sensorReport.component': `${CBV}Comp-`,
});

const CBV_URN: readonly (readonly [string, string])[] = [
  ['urn:epcglobal:cbv:bizstep:', `${CBV}BizStep-`],
  ['urn:epcglobal:cbv:disp:', `${CBV}Disp-`],
  ['urn:epcglobal:cbv:btt:', `${CBV}BTT-`],
  ['urn:epcglobal:cbv:sdt:', `${CBV}SDT-`],
  ['urn:epcglobal:cbv:er:', `${CBV}ER-`],
];

const WELL_KNOWN_PREFIXES: Readonly<Record<string, string>> = lookupTable({
  epcis: 'https://ref.gs1.org/epcis/',
  cbv: CBV,
  cbvmda: 'urn:epcglobal:cbv:mda:',
  gs1: GS1_VOC,
});

const BARE_WORD = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NUMERIC = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** Python's `repr(float)`: exponent form below 1e-4, else shortest round-trip digits. */
function pythonFloat(n: number): string {
  if (Number.isInteger(n)) {
    // Python's str(int(float(x))) writes a large float's exact value (2^53 + 2 as 9007199254740994);
    // JavaScript's String pads its shortest digits with zeros from 2^53 up (…1e19 as …567000)
    return Math.abs(n) < 2 ** 53 ? String(n) : BigInt(n).toString();
  }
  const abs = Math.abs(n);
  if (abs < 1e-4) {
    const [mantissa, exp] = n.toExponential().split('e') as [string, string];
    const e = Number(exp);
    return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(n);
}

function canonicalNumber(text: string): string {
  if (!NUMERIC.test(text)) return text;
  const n = Number(text);
  return Number.isFinite(n) ? pythonFloat(n) : text;
}

/** Whether the character at `at` is an ASCII digit. */
function isDigit(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c >= 48 && c <= 57;
}

/**
 * A timestamp in UTC with exactly three fraction digits, further digits rounded half up (a tie
 * too: `.1425` → `.143`, as CBV 2.1 states rule 9 and the reference implementation,
 * epcis-event-hash-generator, rounds with ROUND_HALF_UP; its earlier versions used Python's
 * `round`, half to even on a tie); other text unchanged.
 *
 * A timestamp is exactly what the validator accepts as a `date-time` (`eventTime`, `recordTime`,
 * sensor times…): the text is read by the validator's own {@link dateTimeMillis}, so `T` or `t`
 * (or a space), seconds required, a `.` before the fraction, and a zone `Z`, `z`, `±hh`, `±hhmm`
 * or `±hh:mm`. Text the validator reports — no seconds (`2020-01-01T10:00Z`), `24:00:00`, a
 * comma before the fraction, no zone, spaces around it, 30 February — is returned unchanged, so
 * it is hashed as written and never as the same instant as a valid spelling. So is a valid time
 * whose UTC form, rounded, falls outside the years 0000–9999.
 *
 * A leap second, which the validator accepts only where it is 23:59:60 UTC (`23:59:60Z`,
 * `00:59:60+01:00`), keeps its second 60 in UTC: `…T23:59:60.000Z`. The validator reads it as
 * 23:59:59 to place it in time (the fraction kept); the hash keeps it apart from that second and
 * from the next day's 00:00:00 (as `23:59:60.000Z` is also what the reference implementation
 * hashes, which cannot read a second 60 and keeps the text). Its fraction rounded up past the
 * second gives the next day's `00:00:00.000Z`.
 */
export function canonicalTimestamp(text: string): string {
  const t = dateTimeMillis(text);
  if (Number.isNaN(t)) return text;
  // the text is a valid date-time, its fields at fixed places: the seconds at 17 and a fraction
  // after a '.' at 19, whose fourth digit, if it has one (digits from 20 to 23), rounds
  const fourth =
    text.charCodeAt(19) === 46 && isDigit(text, 20) && isDigit(text, 21) && isDigit(text, 22)
      ? text.charCodeAt(23) - 48
      : -1;
  const rounded = fourth >= 5 && fourth <= 9 ? t + 1 : t;
  const date = new Date(rounded);
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) return text;
  const iso = date.toISOString();
  const leap = text.charCodeAt(17) === 54 && text.charCodeAt(18) === 48; // second 60
  // (dateTimeMillis reads 23:59:60 UTC as 23:59:59 with its fraction: the same second unless
  // the rounding carried into the next)
  return leap && Math.floor(rounded / 1000) === Math.floor(t / 1000)
    ? `${iso.slice(0, 17)}60${iso.slice(19)}`
    : iso;
}

class HashContext {
  readonly prefixes = new Map<string, string>();
  /** Objects rendered so far: a bound for shared or cyclic JavaScript input (JSON gives trees). */
  budget = 1_000_000;
  /** The objects and arrays being rendered (a path from the event): one met again is a cycle. */
  readonly open = new Set<object>();
  readonly ignore: ReadonlySet<string>;

  constructor(contexts: readonly unknown[], ignore: readonly string[]) {
    for (const [p, ns] of Object.entries(WELL_KNOWN_PREFIXES)) this.prefixes.set(p, ns);
    for (const c of contexts) this.collect(c);
    this.ignore = new Set(ignore);
  }

  private collect(context: unknown): void {
    if (Array.isArray(context)) {
      for (const c of context) this.collect(c);
    } else if (context !== null && typeof context === 'object') {
      for (const [k, v] of Object.entries(context)) {
        if (typeof v === 'string' && !k.startsWith('@')) this.prefixes.set(k, v);
      }
    }
  }

  /** `ex:name` → `{https://ns.example.com/}name` when `ex` is declared. */
  key(name: string): string {
    const colon = name.indexOf(':');
    if (colon <= 0) return name;
    const ns = this.prefixes.get(name.slice(0, colon));
    return ns === undefined ? name : `{${ns}}${name.slice(colon + 1)}`;
  }

  /** Expand a CURIE value of a GS1 vocabulary prefix. */
  curie(value: string): string {
    const colon = value.indexOf(':');
    if (colon <= 0) return value;
    const ns = this.prefixes.get(value.slice(0, colon));
    if (ns === undefined) return value;
    if (ns.startsWith('https://ref.gs1.org') || ns.startsWith('https://gs1.org')) {
      return ns + value.slice(colon + 1);
    }
    return value;
  }
}

function canonicalValue(
  value: unknown,
  name: string,
  where: string,
  standard: boolean,
  ctx: HashContext,
): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? pythonFloat(value) : String(value);
  if (typeof value !== 'string') return '';
  let text = value.trim();
  if (text === '') return '';
  if (standard) {
    const lower = name.toLowerCase();
    if (lower.includes('time') && !lower.includes('offset')) {
      // read as written, as the validator reads it (spaces around it make no date-time); text
      // that is none is hashed trimmed, as written
      const time = canonicalTimestamp(value);
      return time === value ? text : time;
    }
    const prefix = BARE_WORD_PREFIX[`${where}.${name}`] ?? BARE_WORD_PREFIX[name];
    if (prefix !== undefined && BARE_WORD.test(text)) return prefix + text;
  }
  for (const [urn, web] of CBV_URN) {
    if (text.startsWith(urn)) {
      text = web + text.slice(urn.length);
      break;
    }
  }
  text = ctx.curie(text);
  text = canonicalNumber(text);
  return canonicalGs1Uri(text);
}

/** Render one member (a value or an object) named `name` into its pre-hash form. */
function renderMember(
  name: string,
  value: unknown,
  order: Order | null,
  where: string,
  standard: boolean,
  ctx: HashContext,
  depth: number,
): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return (
      name +
      renderObject(value as Record<string, unknown>, order ?? [], name, standard, ctx, depth + 1)
    );
  }
  if (Array.isArray(value)) {
    // nested array inside an array: flatten under the same name (an array inside itself, or
    // nested past the depth an object may be, nothing)
    if (depth > MAX_DEPTH || ctx.budget-- <= 0 || ctx.open.has(value)) return '';
    ctx.open.add(value);
    const parts: string[] = [];
    for (const v of value) {
      const r = renderMember(name, v, order, where, standard, ctx, depth + 1);
      if (r !== '' && r !== name) parts.push(r);
    }
    ctx.open.delete(value);
    parts.sort(codePointCompare);
    return parts.join('');
  }
  const text = canonicalValue(value, name, where, standard, ctx);
  return text === '' ? '' : `${name}=${text}`;
}

/**
 * The deepest nesting rendered, as the validator's largest `maxDepth` and the content key's: what
 * lies deeper is left out of the pre-hash (such an event is reported by the validator).
 */
const MAX_DEPTH = 1000;

function renderList(
  name: string,
  value: unknown,
  order: Order | null,
  standard: boolean,
  ctx: HashContext,
  depth: number,
): string {
  const items = Array.isArray(value) ? value : [value];
  if (ctx.open.has(items)) return '';
  ctx.open.add(items);
  const member = LIST_MEMBER[name];
  const parts: string[] = [];
  for (const item of items) {
    const r =
      member === undefined
        ? item !== null && typeof item === 'object' && !Array.isArray(item)
          ? renderObject(
              item as Record<string, unknown>,
              order ?? [],
              name,
              standard,
              ctx,
              depth + 1,
            )
          : renderMember(name, item, order, name, standard, ctx, depth + 1)
        : renderMember(member, item, order, name, standard, ctx, depth + 1);
    if (r !== '' && r !== member) parts.push(r);
  }
  ctx.open.delete(items);
  parts.sort(codePointCompare);
  const body = parts.join('');
  return body === '' ? '' : name + body;
}

function renderObject(
  obj: Record<string, unknown>,
  order: Order,
  where: string,
  standard: boolean,
  ctx: HashContext,
  depth: number,
): string {
  // (an object inside itself, which JavaScript input can hold and JSON cannot: nothing)
  if (depth > MAX_DEPTH || ctx.budget-- <= 0 || ctx.open.has(obj)) return '';
  ctx.open.add(obj);
  let out = '';
  const done = new Set<string>();
  if (standard) {
    for (const [name, sub] of order) {
      if (!Object.hasOwn(obj, name)) continue;
      done.add(name);
      const value = obj[name];
      if (LIST_MEMBER[name] !== undefined) {
        out += renderList(name, value, sub, true, ctx, depth);
      } else if (Array.isArray(value)) {
        const parts: string[] = [];
        for (const v of value) {
          const r = renderMember(name, v, sub, where, true, ctx, depth);
          if (r !== '' && r !== name) parts.push(r);
        }
        parts.sort(codePointCompare);
        out += parts.join('');
      } else {
        const r = renderMember(name, value, sub, where, true, ctx, depth);
        if (r !== name) out += r;
      }
    }
  }
  const rest: string[] = [];
  for (const key of Object.keys(obj)) {
    if (done.has(key) || IGNORED_EVERYWHERE.has(key) || ctx.ignore.has(key)) continue;
    if (depth === 0 && IGNORED_AT_TOP.has(key)) continue;
    const value = obj[key];
    const listOrder = depth === 0 ? GENERIC_LIST_ORDER[key] : undefined;
    if (listOrder !== undefined) {
      const r = renderList(key, value, listOrder, true, ctx, depth);
      if (r !== '') rest.push(r);
      continue;
    }
    // ilmd and user extensions: names expanded, values canonicalised, members sorted
    const isStandardContainer = depth === 0 && key === 'ilmd';
    const name = isStandardContainer ? key : ctx.key(key);
    if (Array.isArray(value)) {
      for (const v of value) {
        const r = renderMember(name, v, null, where, false, ctx, depth);
        if (r !== '' && r !== name) rest.push(r);
      }
    } else {
      const r = renderMember(name, value, null, where, false, ctx, depth);
      if (r !== '' && r !== name) rest.push(r);
    }
  }
  rest.sort(codePointCompare);
  ctx.open.delete(obj);
  return out + rest.join('');
}

/**
 * The canonical pre-hash string of an EPCIS 2.0 event (JSON-LD as JSON), per CBV 2.0.
 * Pure; never throws on odd input (unknown shapes are rendered as extensions). What is no event
 * object gives `''`, and so does an event built in code that cannot be read (a getter or a Proxy
 * trap of it throws).
 *
 * @example eventPreHash(event, { context: document['@context'] })
 */
export function eventPreHash(event: unknown, options: EventHashOptions = {}): string {
  try {
    return preHashOf(event, options);
  } catch {
    return '';
  }
}

/** {@link eventPreHash} of an event that may throw when read. */
function preHashOf(event: unknown, options: EventHashOptions): string {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return '';
  const obj = event as Record<string, unknown>;
  const ctx = new HashContext([options.context, obj['@context']], options.ignoreFields ?? []);
  const type = typeof obj.type === 'string' ? obj.type : '';
  return `eventType=${type}${renderObject(obj, EVENT_ORDER, '', true, ctx, 0)}`;
}

/** `ni:///sha-256;<hex>?ver=CBV2.0` of a pre-hash string (UTF-8, SHA-256 from node:crypto). */
export function hashIdOfPreHash(preHash: string): string {
  return `ni:///sha-256;${createHash('sha256').update(preHash, 'utf8').digest('hex')}?ver=CBV2.0`;
}

/**
 * The CBV 2.0 EPCIS Event Hash ID of an event: `ni:///sha-256;…?ver=CBV2.0` (of the pre-hash
 * {@link eventPreHash} gives: never throws).
 *
 * @example eventHashId(event, { context: document['@context'] })
 */
export function eventHashId(event: unknown, options: EventHashOptions = {}): string {
  return hashIdOfPreHash(eventPreHash(event, options));
}

/**
 * The Event Hash IDs of every event of a document, in order: the document's `@context` is used
 * for prefixes, and a non-standard `…:ignoreFields` list on the document or its `queryResults`
 * (as some repositories write) is honoured.
 */
export function documentEventHashIds(document: unknown): string[] {
  try {
    return hashIdsOf(document);
  } catch {
    // a document built in code whose getter or Proxy trap throws
    return [];
  }
}

function hashIdsOf(document: unknown): string[] {
  if (document === null || typeof document !== 'object') return [];
  const doc = document as Record<string, unknown>;
  const body = doc.epcisBody as Record<string, unknown> | undefined;
  if (body === null || typeof body !== 'object') return [];
  const queryResults = body.queryResults as Record<string, unknown> | undefined;
  const holder = Array.isArray(body.eventList) ? doc : (queryResults ?? doc);
  const list = Array.isArray(body.eventList)
    ? body.eventList
    : (queryResults?.resultsBody as Record<string, unknown> | undefined)?.eventList;
  if (!Array.isArray(list)) return [];
  const ignoreKey = Object.keys(holder).find((k) => k.endsWith(':ignoreFields'));
  const ignore = ignoreKey === undefined ? undefined : holder[ignoreKey];
  const options: EventHashOptions = {
    context: doc['@context'],
    ...(Array.isArray(ignore)
      ? { ignoreFields: ignore.filter((x): x is string => typeof x === 'string') }
      : {}),
  };
  return list.map((event) => eventHashId(event, options));
}
