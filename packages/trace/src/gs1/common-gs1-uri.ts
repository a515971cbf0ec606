/**
 * The canonical GS1 Digital Link of the commonest GS1 URIs, computed straight from the text
 * without parsing them into elements: LGTIN, SGTIN, SGLN, PGLN and SSCC EPC URNs, and Digital
 * Links on id.gs1.org that are canonical already. Platforms send these forms event after event,
 * and each new one used to cost a full parse. Anything else (another scheme, a percent escape, a
 * character the Digital Link would escape, a query, a short GTIN, a lot beside a serial, a value
 * longer than its AI allows…) gets `undefined`, and `canonicalGs1Uri` parses it. Internal to the
 * package.
 */

import { CSET_82 } from './character-set.js';
import { withGs1CheckDigit } from './check-digit.js';
import { digitalLinkEncode } from './percent-encoding.js';

const CANONICAL = 'https://id.gs1.org/';
/** The most characters of a lot (AI 10), serial (21) or location extension (254). */
const MAX_QUALIFIER = 20;

/**
 * The ASCII characters of GS1 character set 82 (the only ones a lot, serial or extension may
 * hold) that a Digital Link path segment keeps as they are (see `digitalLinkEncode`).
 */
const KEPT = new Uint8Array(128);
for (let c = 0; c < 128; c += 1) {
  const ch = String.fromCharCode(c);
  if (CSET_82[c] === 1 && digitalLinkEncode(ch) === ch) KEPT[c] = 1;
}

/** Whether `text[from, to)` is one or more set-82 characters a Digital Link keeps unescaped. */
function keptRun(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 128 || KEPT[c] === 0) return false;
  }
  return true;
}

/** Whether `text[from, to)` is ASCII digits only (an empty run is). */
function digitRun(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The EPC URN schemes most events use: prefix, primary AI, digits of the key without its check
 * digit, and dot-separated parts (company prefix, reference, then a lot, serial or extension).
 * Shared with the EPCIS line reader, which checks these forms on an event's bytes.
 */
export const COMMON_EPC_URNS: readonly (readonly [
  prefix: string,
  ai: string,
  digits: number,
  parts: number,
])[] = [
  ['urn:epc:class:lgtin:', '01', 13, 3],
  ['urn:epc:id:sgln:', '414', 12, 3],
  ['urn:epc:id:pgln:', '417', 12, 2],
  ['urn:epc:id:sgtin:', '01', 13, 3],
  ['urn:epc:id:sscc:', '00', 17, 2],
];

/** {@link canonicalCommonGs1Uri} of an EPC URN. */
function commonUrn(uri: string): string | undefined {
  for (const [prefix, ai, digits, parts] of COMMON_EPC_URNS) {
    if (!uri.startsWith(prefix)) continue;
    // the company prefix: 6 to 12 digits up to the first dot
    const from = prefix.length;
    const dot1 = uri.indexOf('.', from);
    const cp = dot1 - from;
    if (dot1 < 0 || cp < 6 || cp > 12 || !digitRun(uri, from, dot1)) return undefined;
    // the reference: digits up to the second dot (GTIN, SGLN) or the end (PGLN, SSCC)
    const threeParts = parts === 3;
    const dot2 = threeParts ? uri.indexOf('.', dot1 + 1) : uri.length;
    if (dot2 < 0 || cp + (dot2 - dot1 - 1) !== digits || !digitRun(uri, dot1 + 1, dot2))
      return undefined;
    const company = uri.slice(from, dot1);
    const reference = uri.slice(dot1 + 1, dot2);
    // GTIN and SSCC put the reference's first digit (indicator, extension) before the prefix
    const key = withGs1CheckDigit(
      ai === '414' || ai === '417'
        ? company + reference
        : reference.slice(0, 1) + company + reference.slice(1),
    );
    if (key === undefined) return undefined;
    if (!threeParts) return `${CANONICAL}${ai}/${key}`;
    // the lot, serial or location extension: the rest, written as the Digital Link writes it
    if (uri.length - dot2 - 1 > MAX_QUALIFIER || !keptRun(uri, dot2 + 1, uri.length))
      return undefined;
    const rest = uri.slice(dot2 + 1);
    if (ai === '414')
      return rest === '0' ? `${CANONICAL}414/${key}` : `${CANONICAL}414/${key}/254/${rest}`;
    return `${CANONICAL}01/${key}/${prefix === 'urn:epc:class:lgtin:' ? '10' : '21'}/${rest}`;
  }
  return undefined;
}

/** Primary keys of a canonical Digital Link handled here: AI, digits, the qualifiers it may take. */
const DL_KEYS: readonly (readonly [ai: string, digits: number, qualifiers: readonly string[]])[] = [
  ['01', 14, ['10', '21']],
  ['414', 13, ['254']],
  ['417', 13, []],
  ['00', 18, []],
];

/** Whether a URI on id.gs1.org is its own canonical form (a key, and at most one qualifier). */
function canonicalAlready(uri: string): boolean {
  const from = CANONICAL.length;
  for (const [ai, digits, qualifiers] of DL_KEYS) {
    if (!uri.startsWith(ai, from) || uri.charCodeAt(from + ai.length) !== 47) continue;
    const keyFrom = from + ai.length + 1;
    const keyTo = keyFrom + digits;
    if (keyTo > uri.length || !digitRun(uri, keyFrom, keyTo)) return false;
    if (keyTo === uri.length) return true;
    if (uri.charCodeAt(keyTo) !== 47) return false;
    for (const q of qualifiers) {
      if (!uri.startsWith(q, keyTo + 1) || uri.charCodeAt(keyTo + 1 + q.length) !== 47) continue;
      const valueFrom = keyTo + 2 + q.length;
      return uri.length - valueFrom <= MAX_QUALIFIER && keptRun(uri, valueFrom, uri.length);
    }
    return false;
  }
  return false;
}

/**
 * The canonical GS1 Digital Link of a common GS1 URI (see the module note), or `undefined` when
 * it is not one of the forms handled here. Where it answers, it answers as `canonicalGs1Uri`.
 */
export function canonicalCommonGs1Uri(uri: string): string | undefined {
  if (uri.startsWith('urn:epc:')) return commonUrn(uri);
  if (uri.startsWith(CANONICAL)) return canonicalAlready(uri) ? uri : undefined;
  return undefined;
}
