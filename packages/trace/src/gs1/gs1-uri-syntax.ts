/**
 * The GS1 URI rules the validator's quick identifier check (`checkGs1Uri`: company prefix and
 * length of EPC URNs, Digital Link check digits) leaves out, so that every URI that claims a GS1
 * identifier and does not name one gets a finding instead of silently becoming a lot of its own
 * (`canonicalGs1Uri` leaves what it cannot parse as written):
 *
 * - an EPC URN whose scheme is a known one written in another case (`urn:epc:CLASS:LGTIN:…`):
 *   only `urn:epc:` is case-insensitive (RFC 8141 §3.1), the Tag Data Standard's parts after it
 *   are lower case;
 * - an SGTIN serial, LGTIN lot or SGLN extension longer than its AI allows (AI 21, 10 and 254:
 *   at most 20 characters, GS1 General Specifications; percent escapes count as one) or holding
 *   a character outside GS1 character set 82 (General Specifications §7.11), escapes decoded;
 * - a URI on GS1's resolver `id.gs1.org` that is not a GS1 Digital Link (GS1 Digital Link URI
 *   Syntax: the primary key, then its key qualifiers in the standard's order, each AI followed by
 *   a non-empty value within its length, a `/` in a value percent-encoded).
 *
 * Internal to the package: the validator's `TRACE_GS1_URI_INVALID` rule and the line reader use it.
 */

import { inGs1Cset82 } from './character-set.js';
import { canonicalCommonGs1Uri } from './common-gs1-uri.js';
import { parseDigitalLink } from './digital-link.js';
import { percentDecode } from './percent-encoding.js';

/** The EPC URN schemes `parseEpcUri` reads (form and scheme, as the URN writes them). */
export const EPC_SCHEMES: ReadonlySet<string> = new Set([
  'id:sgtin',
  'id:sscc',
  'id:sgln',
  'id:pgln',
  'id:grai',
  'id:giai',
  'id:gsrn',
  'id:gsrnp',
  'id:gdti',
  'id:cpi',
  'id:sgcn',
  'id:ginc',
  'id:gsin',
  'id:itip',
  'id:upui',
  'class:lgtin',
  'idpat:sgtin',
  'idpat:grai',
  'idpat:gdti',
  'idpat:sgcn',
  'idpat:cpi',
  'idpat:itip',
  'idpat:upui',
]);

/** Schemes whose third dot-separated part is a lot, serial or extension of at most 20 characters. */
const THREE_PART = new Set(['id:sgtin', 'class:lgtin', 'id:sgln']);
const MAX_QUALIFIER = 20;

/**
 * GS1's resolver host in any case (RFC 3986 §3.2.2), any port, then the path, a query, a fragment
 * or nothing; the scheme in lower case, as `parseDigitalLink` and `checkGs1Uri` read it.
 */
const RESOLVER = /^https?:\/\/[iI][dD]\.[gG][sS]1\.[oO][rR][gG](?::\d*)?(?:[/?#]|$)/;

/** Whether an http(s) URI (its scheme in lower case) is on GS1's resolver, `id.gs1.org`. */
export function isOnGs1Resolver(uri: string): boolean {
  return RESOLVER.test(uri);
}

/** Whether `text[from, to)` holds an ASCII upper-case letter. */
function hasUpperCase(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

/** {@link gs1UriSyntaxProblem} of a URI that begins with `urn:epc:` (in lower case). */
function epcUrnProblem(uri: string): string | undefined {
  const c1 = uri.indexOf(':', 8);
  const c2 = c1 < 0 ? -1 : uri.indexOf(':', c1 + 1);
  if (c2 < 0) return undefined;
  if (hasUpperCase(uri, 8, c2)) {
    const lower = uri.slice(8, c2).toLowerCase();
    return EPC_SCHEMES.has(lower) ? lower : undefined;
  }
  const scheme = uri.slice(8, c2);
  if (!THREE_PART.has(scheme)) return undefined;
  const dot1 = uri.indexOf('.', c2 + 1);
  const dot2 = dot1 < 0 ? -1 : uri.indexOf('.', dot1 + 1);
  if (dot2 < 0) return undefined;
  if (uri.indexOf('%', dot2 + 1) < 0) {
    return uri.length - dot2 - 1 > MAX_QUALIFIER || !inGs1Cset82(uri, dot2 + 1)
      ? scheme
      : undefined;
  }
  const value = percentDecode(uri.slice(dot2 + 1));
  return value.length > MAX_QUALIFIER || !inGs1Cset82(value) ? scheme : undefined;
}

/**
 * What is wrong with a URI that claims a GS1 identifier beyond what `checkGs1Uri` checks (see
 * the module note): the scheme to name in the finding (`class:lgtin`, `Digital Link`…), or
 * `undefined` when nothing is. An EPC URN is expected with its `urn:epc:` in lower case (see
 * `epcUrnWithLowerCasePrefix`); other URIs pass.
 *
 * @example gs1UriSyntaxProblem('https://id.gs1.org/01/04012345123456/21/abc/10/998877') // 'Digital Link'
 */
export function gs1UriSyntaxProblem(uri: string): string | undefined {
  const c0 = uri.charCodeAt(0);
  if (c0 === 117) return uri.startsWith('urn:epc:') ? epcUrnProblem(uri) : undefined;
  if (c0 !== 104 || !RESOLVER.test(uri)) return undefined;
  // a canonical Digital Link is read from its text; anything else is parsed
  if (canonicalCommonGs1Uri(uri) === uri || parseDigitalLink(uri) !== undefined) return undefined;
  return 'Digital Link';
}
