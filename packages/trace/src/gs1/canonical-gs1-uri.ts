/**
 * One spelling per identifier, so that the same lot written as an EPC URN and as a GS1 Digital
 * Link (on any domain) joins as one: the canonical form is the GS1 Digital Link on id.gs1.org at
 * the finest identification level, as CBV 2.0 event hashing uses.
 */
import { canonicalCommonGs1Uri } from './common-gs1-uri.js';
import { parseDigitalLink, toDigitalLink } from './digital-link.js';
import { parseEpcUri } from './epc-uri.js';
import { epcUrnWithLowerCasePrefix } from './epc-urn-prefix.js';
import { canonicalGs1Identifier, type Gs1Identifier } from './gs1-identifier.js';
import { httpWithLowerCaseScheme } from './http-scheme.js';

/**
 * Parse a GS1 identifier written as an EPC URN (its `urn:epc:` in any case, RFC 8141) or as a
 * GS1 Digital Link URI; `undefined` for anything else, a value that is not a string included.
 */
export function parseGs1Uri(uri: unknown): Gs1Identifier | undefined {
  if (typeof uri !== 'string') return undefined;
  const urn = epcUrnWithLowerCasePrefix(uri);
  if (urn !== undefined) return parseEpcUri(urn);
  const http = httpWithLowerCaseScheme(uri);
  if (http !== undefined) return parseDigitalLink(http);
  return undefined;
}

/**
 * The canonical GS1 Digital Link (`https://id.gs1.org/…`) of an EPC URN, EPC class or id-pattern
 * URN, or Digital Link on any domain; any other URI is returned unchanged, one that only looks
 * like a GS1 identifier included (qualifiers out of order, a lot of more than 20 characters…: the
 * validator reports those, `TRACE_GS1_URI_INVALID`). Idempotent. A value that is not a string
 * (`null` from JSON…) is returned as it is.
 *
 * @example canonicalGs1Uri('urn:epc:id:sscc:4012345.0000000111') // 'https://id.gs1.org/00/040123450000001112'
 */
export function canonicalGs1Uri(uri: string): string {
  if (typeof uri !== 'string') return uri;
  // the commonest forms straight from the text; every form by parsing it into elements
  const common = canonicalCommonGs1Uri(uri);
  if (common !== undefined) return common;
  const id = parseGs1Uri(uri);
  return id === undefined ? uri : toDigitalLink(canonicalGs1Identifier(id));
}
