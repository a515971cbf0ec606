/**
 * A fast check of the GS1 identifiers found in events (allocation-free but for Digital Links with
 * a lot or serial): EPC URNs must follow the
 * Tag Data Standard syntax (company prefix 6–12 digits, right total length), and GS1 Digital
 * Links must carry correct mod-10 check digits on GTIN (01), SSCC (00), GLN (414) and party GLN
 * (417), and valid values in the key qualifiers after them (lot, serial…: GS1 character set 82,
 * within their length), on any domain. The key is the first key segment of the path, as
 * `parseDigitalLink` finds it; off `id.gs1.org` a key segment without the key's digits after it
 * is a site's own path, not a Digital Link. Other URIs pass. Used by the validator's `TRACE_GS1_*` rules.
 */
import { computeGs1CheckDigit } from '../gs1/check-digit.js';
import { digitalLinkKeyOf, hasInvalidDigitalLinkQualifier } from '../gs1/digital-link.js';
import { parseEpcUri } from '../gs1/epc-uri.js';
import { epcUrnWithLowerCasePrefix } from '../gs1/epc-urn-prefix.js';
import { EPC_SCHEMES, gs1UriSyntaxProblem, isOnGs1Resolver } from '../gs1/gs1-uri-syntax.js';
import { httpWithLowerCaseScheme } from '../gs1/http-scheme.js';
import { lookupTable } from '../gs1/lookup-table.js';

/** Nothing to report. */
export const GS1_OK = 0;

/** What is wrong with an identifier. */
export type Gs1UriProblem =
  | typeof GS1_OK
  | { readonly kind: 'check-digit'; readonly key: string; readonly expected: number }
  | { readonly kind: 'syntax'; readonly scheme: string };

function isDigits(s: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `cp.ref.rest` with cp 6–12 digits and cp+ref = total digits, rest non-empty. */
function threePart(s: string, start: number, total: number): boolean {
  const d1 = s.indexOf('.', start);
  if (d1 < 0) return false;
  const d2 = s.indexOf('.', d1 + 1);
  if (d2 < 0 || d2 + 1 >= s.length) return false;
  const cp = d1 - start;
  const ref = d2 - d1 - 1;
  return (
    cp >= 6 &&
    cp <= 12 &&
    cp + ref === total &&
    isDigits(s, start, d1) &&
    (ref === 0 || isDigits(s, d1 + 1, d2))
  );
}

/** `cp.ref` with cp 6–12 digits and cp+ref = total digits. */
function twoPart(s: string, start: number, total: number): boolean {
  const d1 = s.indexOf('.', start);
  if (d1 < 0 || s.indexOf('.', d1 + 1) >= 0) return false;
  const cp = d1 - start;
  const ref = s.length - d1 - 1;
  return (
    cp >= 6 &&
    cp <= 12 &&
    cp + ref === total &&
    isDigits(s, start, d1) &&
    (ref === 0 || isDigits(s, d1 + 1, s.length))
  );
}

const SGTIN = 'urn:epc:id:sgtin:';
const LGTIN = 'urn:epc:class:lgtin:';
const SSCC = 'urn:epc:id:sscc:';
const SGLN = 'urn:epc:id:sgln:';
const PGLN = 'urn:epc:id:pgln:';

function checkEpcUri(v: string): Gs1UriProblem {
  // fast dispatch on characters for the common schemes (v starts with 'urn:epc:')
  const c8 = v.charCodeAt(8);
  if (c8 === 105 && v.charCodeAt(10) === 58) {
    // 'urn:epc:id:'
    const c11 = v.charCodeAt(11);
    const c12 = v.charCodeAt(12);
    const c13 = v.charCodeAt(13);
    if (c11 === 115 && c12 === 103 && c13 === 116 && v.startsWith(SGTIN)) {
      return threePart(v, SGTIN.length, 13) ? GS1_OK : { kind: 'syntax', scheme: 'sgtin' };
    }
    if (c11 === 115 && c12 === 103 && c13 === 108 && v.startsWith(SGLN)) {
      return threePart(v, SGLN.length, 12) ? GS1_OK : { kind: 'syntax', scheme: 'sgln' };
    }
    if (c11 === 115 && c12 === 115 && v.startsWith(SSCC)) {
      return twoPart(v, SSCC.length, 17) ? GS1_OK : { kind: 'syntax', scheme: 'sscc' };
    }
    if (c11 === 112 && c12 === 103 && v.startsWith(PGLN)) {
      return twoPart(v, PGLN.length, 12) ? GS1_OK : { kind: 'syntax', scheme: 'pgln' };
    }
  } else if (c8 === 99 && v.startsWith(LGTIN)) {
    return threePart(v, LGTIN.length, 13) ? GS1_OK : { kind: 'syntax', scheme: 'lgtin' };
  }
  const c1 = v.indexOf(':', 8);
  const c2 = c1 < 0 ? -1 : v.indexOf(':', c1 + 1);
  if (c2 < 0) return GS1_OK;
  const scheme = v.slice(8, c2);
  if (!EPC_SCHEMES.has(scheme)) return GS1_OK; // other EPC schemes (gid, usdod, adi, bic…) not checked
  return parseEpcUri(v) === undefined ? { kind: 'syntax', scheme } : GS1_OK;
}

/** Digital Link keys whose check digit is verified: AI → [key name, length]. */
const CHECKED_KEYS: Readonly<Record<string, readonly [string, number]>> = lookupTable({
  '01': ['GTIN', 14],
  '00': ['SSCC', 18],
  '414': ['GLN', 13],
  '417': ['party GLN', 13],
});

/**
 * The checks of a URI that may be a GS1 Digital Link: its primary key (the first key segment of
 * its path, as `parseDigitalLink` finds it) must be digits of the key's length with the right
 * check digit, and the key qualifiers after it valid values. A key segment followed by something
 * else is not read as a Digital Link off `id.gs1.org` (`https://example.com/2024/01/15/dock` is a
 * site's own path, and EPCIS takes any URI); on `id.gs1.org` it is a syntax error.
 */
function checkDigitalLink(v: string): Gs1UriProblem {
  const key = digitalLinkKeyOf(v);
  if (key === undefined) return GS1_OK;
  const checked = CHECKED_KEYS[key.ai];
  if (checked === undefined) return GS1_OK;
  const [name, length] = checked;
  const { from, to } = key;
  const n = to - from;
  const gtinShort = name === 'GTIN' && (n === 8 || n === 12 || n === 13);
  if (!isDigits(v, from, to) || (n !== length && !gtinShort)) {
    return isOnGs1Resolver(v) ? { kind: 'syntax', scheme: `Digital Link ${name}` } : GS1_OK;
  }
  const expected = computeGs1CheckDigit(v.slice(from, to - 1));
  if (expected !== undefined && v.charCodeAt(to - 1) - 48 !== expected) {
    return { kind: 'check-digit', key: name, expected };
  }
  // a lot, serial… after the key: a valid value, on any domain
  if (to < v.length && v.charCodeAt(to) === 47 && hasInvalidDigitalLinkQualifier(v, key))
    return { kind: 'syntax', scheme: 'Digital Link' };
  return GS1_OK;
}

/** The company prefix, length and check digit checks of a URI (its `urn:epc:` in lower case). */
function checkKeys(v: string): Gs1UriProblem {
  const c0 = v.charCodeAt(0);
  if (c0 === 117) return v.startsWith('urn:epc:') ? checkEpcUri(v) : GS1_OK;
  if (c0 === 104) return v.startsWith('http') ? checkDigitalLink(v) : GS1_OK;
  return GS1_OK;
}

/**
 * Check a URI that may be a GS1 identifier, as the validator's `TRACE_GS1_*` rules do: an EPC
 * URN (its `urn:epc:` read in any case, RFC 8141) against the Tag Data Standard syntax, a GS1
 * Digital Link's check digits, then what `gs1UriSyntaxProblem` adds (an EPC scheme in the wrong
 * case, a lot, serial or extension too long, a URI on id.gs1.org that is not a GS1 Digital Link).
 */
export function checkGs1Uri(v: string): Gs1UriProblem {
  const text = epcUrnWithLowerCasePrefix(v) ?? httpWithLowerCaseScheme(v) ?? v;
  const r = checkKeys(text);
  if (r !== GS1_OK) return r;
  const scheme = gs1UriSyntaxProblem(text);
  return scheme === undefined ? GS1_OK : { kind: 'syntax', scheme };
}
