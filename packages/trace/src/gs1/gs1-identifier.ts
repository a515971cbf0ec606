/**
 * A GS1 identifier as data: its kind and its GS1 element strings (application identifier and
 * value, values *not* percent-encoded), independent of the form it was written in (EPC URN or
 * GS1 Digital Link).
 */

import { FoodSafetyError } from '@foodsafety/core';
import { inGs1Cset39, inGs1Cset82 } from './character-set.js';
import { hasValidGs1CheckDigit } from './check-digit.js';
import { lookupTable } from './lookup-table.js';

/** The kinds of GS1 identifiers this library reads and writes. */
export type Gs1IdentifierType =
  /** GTIN + serial (AI 01 + 21). */
  | 'sgtin'
  /** GTIN + lot/batch (AI 01 + 10): a lot, i.e. a class of objects. */
  | 'lgtin'
  /** A GTIN alone (AI 01): a product class. */
  | 'gtin'
  /** Serial Shipping Container Code (AI 00). */
  | 'sscc'
  /** Physical location: GLN with an optional extension (AI 414 + 254). */
  | 'sgln'
  /** Party GLN (AI 417). */
  | 'pgln'
  | 'grai'
  | 'giai'
  | 'gsrn'
  | 'gsrnp'
  | 'gdti'
  | 'cpi'
  | 'sgcn'
  | 'ginc'
  | 'gsin'
  | 'itip'
  | 'upui';

/** One GS1 element: application identifier and (decoded) value, e.g. `{ ai: '10', value: 'LOT-7' }`. */
export interface Gs1Element {
  readonly ai: string;
  readonly value: string;
}

/** A parsed GS1 identifier. */
export interface Gs1Identifier {
  readonly type: Gs1IdentifierType;
  /** The primary key first, then its qualifiers in GS1 Digital Link order. */
  readonly elements: readonly Gs1Element[];
  /** Length of the GS1 Company Prefix, when the source said it (EPC URNs do). */
  readonly companyPrefixLength?: number;
}

/** Whether an identifier names a class of objects (GTIN, lot, id pattern) rather than one instance. */
export function isClassIdentifier(id: Gs1Identifier): boolean {
  const key = id.elements[0]?.value ?? '';
  switch (id.type) {
    case 'gtin':
    case 'lgtin':
      return true;
    case 'grai':
      return key.length === 14;
    case 'gdti':
    case 'sgcn':
      return key.length === 13;
    case 'cpi':
    case 'itip':
      return id.elements.length === 1;
    default:
      return false;
  }
}

/** The value of an element of an identifier, if present. */
export function gs1ElementValue(id: Gs1Identifier, ai: string): string | undefined {
  for (const e of id.elements) if (e.ai === ai) return e.value;
  return undefined;
}

/**
 * Whether a value has the shape of a {@link Gs1Identifier}: a `type` and a list of `elements`,
 * each with a string `ai` and `value` (what the parsers here return).
 */
export function isGs1Identifier(value: unknown): value is Gs1Identifier {
  if (typeof value !== 'object' || value === null) return false;
  const { type, elements } = value as { type?: unknown; elements?: unknown };
  return (
    typeof type === 'string' &&
    Array.isArray(elements) &&
    elements.every(
      (e: unknown) =>
        typeof e === 'object' &&
        e !== null &&
        typeof (e as Gs1Element).ai === 'string' &&
        typeof (e as Gs1Element).value === 'string',
    )
  );
}

/**
 * For a function that writes an identifier: a `FoodSafetyError` with the code
 * `TRACE_GS1_IDENTIFIER_INVALID` when `id` is no identifier (`null`, a string, an object of
 * another shape), as calling the API wrongly does.
 */
export function requireGs1Identifier(id: unknown, fn: string): asserts id is Gs1Identifier {
  if (isGs1Identifier(id)) return;
  const actual = id === null ? 'null' : Array.isArray(id) ? 'array' : typeof id;
  throw new FoodSafetyError(
    'TRACE_GS1_IDENTIFIER_INVALID',
    `${fn} takes a GS1 identifier (a type and elements, as parseGs1Uri returns), not ${actual}`,
    { function: fn, actual },
  );
}

/**
 * The human-readable element string, e.g. `(01)04012345111118(21)9876` (a value that is no
 * identifier: `TRACE_GS1_IDENTIFIER_INVALID`, see {@link requireGs1Identifier}). A value that itself holds
 * 2 to 4 digits in brackets (`(10)A(21)B` as a lot) cannot be told from the next element, so such
 * a string does not parse back to the same identifier (use the Digital Link or the EPC URI).
 */
export function toElementString(id: Gs1Identifier): string {
  requireGs1Identifier(id, 'toElementString');
  let out = '';
  for (const e of id.elements) out += `(${e.ai})${e.value}`;
  return out;
}

// an AI in brackets, then its value: anything up to the next bracketed AI (a value may hold
// brackets, as GS1's character set 82 allows, as long as they do not enclose 2 to 4 digits)
const ELEMENT = /\((\d{2,4})\)((?:(?!\(\d{2,4}\)).)*)/gsy;

/**
 * Parse a bracketed element string such as `(01)04012345111118(10)LOT7` into an identifier. The
 * elements may come in any order (`(10)LOT7(01)04012345111118` is the same lot), the GTIN as its
 * fixed 14 digits. Returns `undefined` when the text is not such a string, holds no primary key
 * or two, or an element that is not a key qualifier of it: data attributes such as an expiry date
 * `(17)` are not part of an identifier, so strip them first.
 */
export function parseElementString(text: unknown): Gs1Identifier | undefined {
  if (typeof text !== 'string') return undefined;
  ELEMENT.lastIndex = 0;
  const elements: Gs1Element[] = [];
  let pos = 0;
  for (;;) {
    const m = ELEMENT.exec(text);
    if (m === null) break;
    elements.push({ ai: m[1] as string, value: m[2] as string });
    pos = ELEMENT.lastIndex;
  }
  if (pos !== text.length || elements.length === 0) return undefined;
  // an element string has no fixed order (a barcode may carry the lot before the GTIN): the
  // primary key first, its qualifiers in the order the Digital Link writes them
  const keys = elements.filter((e) => PRIMARY[e.ai] !== undefined);
  const key = keys[0];
  if (key === undefined || keys.length > 1) return undefined;
  // AI 01 is a fixed 14 digits in an element string (GTIN-8/12/13 are written padded)
  if (key.ai === '01' && key.value.length !== 14) return undefined;
  const order = QUALIFIERS[key.ai] ?? [];
  const qualifiers = elements
    .filter((e) => e !== key)
    .sort((a, b) => order.indexOf(a.ai) - order.indexOf(b.ai));
  return identifierFromElements([key, ...qualifiers]);
}

const PRIMARY: Readonly<Record<string, Gs1IdentifierType>> = lookupTable({
  '00': 'sscc',
  '01': 'gtin',
  '253': 'gdti',
  '255': 'sgcn',
  '401': 'ginc',
  '402': 'gsin',
  '414': 'sgln',
  '417': 'pgln',
  '8003': 'grai',
  '8004': 'giai',
  '8006': 'itip',
  '8010': 'cpi',
  '8017': 'gsrnp',
  '8018': 'gsrn',
});

/** Primary-key AIs understood by this library. */
export const GS1_PRIMARY_KEY_AIS: readonly string[] = Object.keys(PRIMARY);

const QUALIFIERS: Readonly<Record<string, readonly string[]>> = lookupTable({
  '01': ['22', '10', '21', '235'],
  '8006': ['22', '10', '21'],
  '414': ['254'],
  '8010': ['8011'],
  '8017': ['8019'],
  '8018': ['8019'],
});

/**
 * The most characters a qualifier's value may hold (GS1 General Specifications, the AI table:
 * CPV X..20, batch/lot X..20, serial X..20, TPX X..28, GLN extension X..20, CPID serial N..12,
 * service relation instance SRIN N..10).
 */
const QUALIFIER_MAX_LENGTH: Readonly<Record<string, number>> = lookupTable({
  '22': 20,
  '10': 20,
  '21': 20,
  '235': 28,
  '254': 20,
  '8011': 12,
  '8019': 10,
});

/**
 * Whether `value` is a valid value of qualifier `ai` (non-empty, within its length, its
 * characters in its set: digits for AI 8011 and 8019, set 82 for the others); `undefined` when `ai` is no
 * key qualifier this library knows (a data attribute, a path segment of the site's own).
 */
export function isQualifierValue(ai: string, value: string): boolean | undefined {
  const max = typeof ai === 'string' ? QUALIFIER_MAX_LENGTH[ai] : undefined;
  if (max === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > max) return false;
  return ai === '8011' || ai === '8019' ? DIGITS.test(value) : inGs1Cset82(value);
}

/**
 * Build an identifier from element strings (primary key first). Qualifiers not allowed for the
 * key, out of their GS1 Digital Link order, empty, longer than their AI allows or holding a
 * character outside their GS1 character set (set 82; digits for AI 8011 and 8019) make it
 * `undefined`, as do a third-party serial (235) with another qualifier of its GTIN, a primary
 * key with a wrong check digit, and one whose alphanumeric part leaves its set (82; 39 for a
 * CPID). Lot and serial
 * together are kept (use {@link canonicalGs1Identifier} to keep the finest level only).
 */
export function identifierFromElements(
  elements: readonly Gs1Element[],
  companyPrefixLength?: number,
): Gs1Identifier | undefined {
  const first = elements[0];
  if (first === undefined) return undefined;
  const base = PRIMARY[first.ai];
  if (base === undefined || !validPrimaryValue(first.ai, first.value)) return undefined;
  const allowed = QUALIFIERS[first.ai] ?? [];
  let last = -1;
  for (let i = 1; i < elements.length; i++) {
    const e = elements[i] as Gs1Element;
    const at = allowed.indexOf(e.ai);
    if (at <= last || isQualifierValue(e.ai, e.value) !== true) return undefined;
    last = at;
  }
  let type: Gs1IdentifierType = base;
  if (first.ai === '01') {
    const ais = elements.map((e) => e.ai);
    // a third-party serial (235) stands alone after a GTIN: GS1 Digital Link's key qualifiers
    // of 01 are 22, 10, 21 in that order, or 235 (GS1 Barcode Syntax Dictionary, dlpkey)
    if (ais.includes('235') && ais.length > 2) return undefined;
    if (ais.includes('235')) type = 'upui';
    else if (ais.includes('21')) type = 'sgtin';
    else if (ais.includes('10')) type = 'lgtin';
  }
  const normalised =
    first.ai === '01' && first.value.length < 14
      ? [{ ai: '01', value: first.value.padStart(14, '0') }, ...elements.slice(1)]
      : elements;
  return {
    type,
    elements: normalised,
    ...(companyPrefixLength === undefined ? {} : { companyPrefixLength }),
  };
}

const DIGITS = /^\d+$/;

/**
 * Whether a primary key's value has its AI's shape and, for the keys that carry one, a right
 * check digit (GS1 General Specifications §7.9): the whole of a GTIN, SSCC, GLN, GSRN(P) or GSIN;
 * the GLN part of a GDTI or GCN; the GTIN part of a GRAI or ITIP. A key with a wrong check digit
 * is no GS1 key: it is not read, so it is not canonicalised either (the validator reports it).
 */
function validPrimaryValue(ai: string, value: string): boolean {
  if (!validPrimaryShape(ai, value)) return false;
  switch (ai) {
    case '253':
    case '255':
      return hasValidGs1CheckDigit(value.slice(0, 13));
    case '8003':
    case '8006':
      return hasValidGs1CheckDigit(value.slice(0, 14));
    case '401':
    case '8004':
    case '8010':
      return true;
    default:
      return hasValidGs1CheckDigit(value);
  }
}

function validPrimaryShape(ai: string, value: string): boolean {
  switch (ai) {
    case '01':
      return DIGITS.test(value) && [8, 12, 13, 14].includes(value.length);
    case '00':
      return DIGITS.test(value) && value.length === 18;
    case '414':
    case '417':
      return DIGITS.test(value) && value.length === 13;
    case '8017':
    case '8018':
    case '8006':
      return DIGITS.test(value) && value.length === 18;
    case '402':
      return DIGITS.test(value) && value.length === 17;
    case '253':
      return /^\d{13}/.test(value) && value.length <= 30 && inGs1Cset82(value, 13);
    case '255':
      return /^\d{13}\d{0,12}$/.test(value);
    case '8003':
      return /^\d{14}/.test(value) && value.length <= 30 && inGs1Cset82(value, 14);
    case '401':
    case '8004':
      return /^\d{4}/.test(value) && value.length <= 30 && inGs1Cset82(value, 4);
    case '8010':
      return /^\d{4}/.test(value) && value.length <= 30 && inGs1Cset39(value, 4);
    default:
      return false;
  }
}

/**
 * The identifier at its finest level with only identifying elements: a lot is dropped when a
 * serial is present, the consumer product variant (AI 22) is dropped — as CBV 2.0 event hashing
 * does before comparing identifiers. A value that is no identifier is a `FoodSafetyError`
 * (`TRACE_GS1_IDENTIFIER_INVALID`).
 */
export function canonicalGs1Identifier(id: Gs1Identifier): Gs1Identifier {
  requireGs1Identifier(id, 'canonicalGs1Identifier');
  const hasSerial = id.elements.some((e) => e.ai === '21');
  const kept = id.elements.filter((e) => e.ai !== '22' && !(hasSerial && e.ai === '10'));
  if (kept.length === id.elements.length) return id;
  return identifierFromElements(kept, id.companyPrefixLength) ?? id;
}
