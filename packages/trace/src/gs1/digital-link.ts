/**
 * GS1 Digital Link URIs (uncompressed), on id.gs1.org or any custom domain, ↔ GS1 identifiers.
 */

import { FoodSafetyError } from '@foodsafety/core';
import {
  type Gs1Element,
  type Gs1Identifier,
  identifierFromElements,
  isQualifierValue,
  requireGs1Identifier,
} from './gs1-identifier.js';
import { httpWithLowerCaseScheme } from './http-scheme.js';
import { lookupTable } from './lookup-table.js';
import { digitalLinkEncode, percentDecode } from './percent-encoding.js';

/** The canonical GS1 resolver domain used by CBV 2.0 hashing. */
export const GS1_CANONICAL_DOMAIN = 'https://id.gs1.org';

const SHORT_NAMES: Readonly<Record<string, string>> = lookupTable({
  gtin: '01',
  itip: '8006',
  cpid: '8010',
  gln: '414',
  party: '417',
  gsrnp: '8017',
  gsrn: '8018',
  gcn: '255',
  sscc: '00',
  gdti: '253',
  ginc: '401',
  gsin: '402',
  grai: '8003',
  giai: '8004',
  cpv: '22',
  lot: '10',
  ser: '21',
  glnx: '254',
  tpx: '235',
});

const PRIMARY_AIS = new Set([
  '00',
  '01',
  '253',
  '255',
  '401',
  '402',
  '414',
  '417',
  '8003',
  '8004',
  '8006',
  '8010',
  '8017',
  '8018',
]);

const HTTP = /^https?:\/\/[^/?#]+(\/[^?#]*)?(?:[?#].*)?$/;

/**
 * Parse an uncompressed GS1 Digital Link URI (any domain, any path prefix before the primary key;
 * short names such as `/gtin/` and `/lot/` accepted; query string and fragment ignored).
 * Returns `undefined` when the URI carries no recognisable GS1 key, or is not a string.
 *
 * @example parseDigitalLink('https://example.com/gtin/09780345418913/21/765tz?abc=1')
 */
export function parseDigitalLink(uri: unknown): Gs1Identifier | undefined {
  if (typeof uri !== 'string') return undefined;
  const text = httpWithLowerCaseScheme(uri) ?? uri;
  if (!HTTP.test(text)) return undefined;
  const key = digitalLinkKeyOf(text);
  if (key === undefined) return undefined;
  const { pairs, unpaired } = qualifierPairs(text, key);
  if (unpaired) return undefined;
  const elements: Gs1Element[] = [
    { ai: key.ai, value: percentDecode(text.slice(key.from, key.to)) },
    ...pairs,
  ];
  for (const { ai, value } of elements) if (!/^\d{2,4}$/.test(ai) || value === '') return undefined;
  return identifierFromElements(elements);
}

/**
 * The `/ai/value` pairs of a path after its key (short names read as their AI, values decoded),
 * and whether a segment was left without a value (a trailing slash is not one).
 */
function qualifierPairs(
  uri: string,
  key: DigitalLinkKey,
): { readonly pairs: Gs1Element[]; readonly unpaired: boolean } {
  const pairs: Gs1Element[] = [];
  const end = key.pathEnd;
  for (let at = key.to; at < end; ) {
    if (at + 1 === end) break; // a trailing slash
    const aiEnd = segmentEnd(uri, at + 1, end);
    if (aiEnd === end) return { pairs, unpaired: true };
    const valueEnd = segmentEnd(uri, aiEnd + 1, end);
    const raw = uri.slice(at + 1, aiEnd);
    pairs.push({
      ai: SHORT_NAMES[raw] ?? raw,
      value: percentDecode(uri.slice(aiEnd + 1, valueEnd)),
    });
    at = valueEnd;
  }
  return { pairs, unpaired: false };
}

/**
 * Whether a URI that carries a GS1 primary key in its path (a Digital Link on any domain) has a
 * key qualifier after it whose value is no valid value (empty, too long, a character outside its
 * set, escapes decoded): `…/01/<gtin>/10/A%20B` is one. Segments that are no key qualifier end
 * the look (a site's own path, data attributes). Internal: the validator's check of Digital
 * Links off `id.gs1.org` uses it.
 */
export function hasInvalidDigitalLinkQualifier(
  uri: string,
  key: DigitalLinkKey | undefined = digitalLinkKeyOf(uri),
): boolean {
  if (key === undefined) return false;
  for (const { ai, value } of qualifierPairs(uri, key).pairs) {
    const valid = isQualifierValue(ai, value);
    if (valid === undefined) return false;
    if (!valid) return true;
  }
  return false;
}

/** The end of the path segment that starts at `from` (a `/`, or the path's `end`). */
function segmentEnd(uri: string, from: number, end: number): number {
  const slash = uri.indexOf('/', from);
  return slash < 0 || slash > end ? end : slash;
}

/** Where {@link digitalLinkKeyOf} found a URI's primary key. */
export interface DigitalLinkKey {
  /** The key's AI (a short name such as `gtin` read as its AI). */
  readonly ai: string;
  /** The range of the key's value as written in the URI (not decoded). */
  readonly from: number;
  readonly to: number;
  /** Where the URI's path ends (its query or fragment begins, or the URI ends). */
  readonly pathEnd: number;
}

/**
 * The GS1 primary key of an http(s) URI as {@link parseDigitalLink} finds it: the first segment of
 * the path (never the query or fragment) that is a primary key's AI or short name and has a
 * segment after it. `undefined` when there is none. Internal: the validator's Digital Link check.
 */
export function digitalLinkKeyOf(uri: string): DigitalLinkKey | undefined {
  const authority = uri.indexOf('://');
  if (authority < 0) return undefined;
  let at = authority + 3;
  while (at < uri.length && !isPathEnd(uri.charCodeAt(at)) && uri.charCodeAt(at) !== 47) at += 1;
  if (at >= uri.length || uri.charCodeAt(at) !== 47) return undefined;
  let end = at;
  while (end < uri.length && !isPathEnd(uri.charCodeAt(end))) end += 1;
  for (let from = at + 1; from < end; ) {
    const to = segmentEnd(uri, from, end);
    if (to === end) return undefined; // the last segment: no value after it
    const segment = uri.slice(from, to);
    const ai = SHORT_NAMES[segment] ?? segment;
    if (PRIMARY_AIS.has(ai))
      return { ai, from: to + 1, to: segmentEnd(uri, to + 1, end), pathEnd: end };
    from = to + 1;
  }
  return undefined;
}

/** `?` or `#`: the end of a URI's path. */
function isPathEnd(c: number): boolean {
  return c === 63 || c === 35;
}

/**
 * Write an identifier as a GS1 Digital Link URI (default domain `https://id.gs1.org`, no trailing
 * slash), values percent-encoded. A value that is no identifier is a `FoodSafetyError`
 * (`TRACE_GS1_IDENTIFIER_INVALID`), a domain that is no string one with `TRACE_OPTION_INVALID`.
 */
export function toDigitalLink(id: Gs1Identifier, domain: string = GS1_CANONICAL_DOMAIN): string {
  requireGs1Identifier(id, 'toDigitalLink');
  if (typeof domain !== 'string')
    throw new FoodSafetyError(
      'TRACE_OPTION_INVALID',
      `domain of toDigitalLink is ${domain === null ? 'null' : typeof domain}, not a string`,
      { options: 'toDigitalLink', option: 'domain', expected: 'string' },
    );
  let out = domain.endsWith('/') ? domain.slice(0, -1) : domain;
  for (const e of id.elements) out += `/${e.ai}/${digitalLinkEncode(e.value)}`;
  return out;
}
