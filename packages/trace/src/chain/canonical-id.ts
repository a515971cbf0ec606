import { withGs1CheckDigit } from '../gs1/check-digit.js';
import { hasInvalidDigitalLinkQualifier } from '../gs1/digital-link.js';
import { isQualifierValue } from '../gs1/gs1-identifier.js';
import { digitalLinkEncode, percentDecode } from '../gs1/percent-encoding.js';

/** Maps an identifier as written in an event to the one spelling the graph joins on. */
export type CanonicalIdFn = (id: string) => string;

const DL_HOST = /^https?:\/\/[^/]+\//i; // the scheme in any case (RFC 3986 §3.1)

/** Data digits (already checked to be digits) with their GS1 check digit appended. */
function withCheck(body: string): string {
  return withGs1CheckDigit(body) ?? body;
}

/**
 * A lot, serial or location extension (AI `ai`) as the Digital Link writes it, or `undefined`
 * when it is no GS1 value (`isQualifierValue`, escapes decoded).
 */
function qualifier(ai: string, tail: string): string | undefined {
  const value = percentDecode(tail);
  return isQualifierValue(ai, value) === true ? digitalLinkEncode(value) : undefined;
}

/**
 * A small, fast canonicaliser: EPC URNs of the keys a lot graph usually joins on (LGTIN, SGTIN,
 * SSCC, SGLN, PGLN) become GS1 Digital Links on `https://id.gs1.org`, and Digital Links on other
 * hosts move to that host; anything else is returned unchanged. The graph's default is the
 * package's full GS1 canonicalisation (`canonicalGs1Uri`), which agrees with this one on those
 * keys and covers every other.
 */
export function basicCanonicalId(id: string): string {
  if (id.startsWith('urn:epc:')) {
    const parts = id.split(':');
    const scheme = parts[3];
    const value = parts[4];
    if (parts.length !== 5 || value === undefined) return id;
    const fields = value.split('.');
    const [cp, ref, tail] = fields;
    if (cp === undefined || ref === undefined) return id;
    if (!/^\d+$/.test(cp) || !/^\d+$/.test(ref)) return id;
    if ((scheme === 'lgtin' || scheme === 'sgtin') && fields.length === 3 && tail !== undefined) {
      const gtin = withCheck(`${ref.slice(0, 1)}${cp}${ref.slice(1)}`);
      if (gtin.length !== 14) return id;
      const ai = scheme === 'lgtin' ? '10' : '21';
      const written = qualifier(ai, tail);
      return written === undefined ? id : `https://id.gs1.org/01/${gtin}/${ai}/${written}`;
    }
    if (scheme === 'sscc' && fields.length === 2) {
      const sscc = withCheck(`${ref.slice(0, 1)}${cp}${ref.slice(1)}`);
      return sscc.length === 18 ? `https://id.gs1.org/00/${sscc}` : id;
    }
    if (scheme === 'sgln' && fields.length === 3 && tail !== undefined) {
      const gln = withCheck(`${cp}${ref}`);
      if (gln.length !== 13) return id;
      if (tail === '0') return `https://id.gs1.org/414/${gln}`;
      const written = qualifier('254', tail);
      return written === undefined ? id : `https://id.gs1.org/414/${gln}/254/${written}`;
    }
    if (scheme === 'pgln' && fields.length === 2) {
      const gln = withCheck(`${cp}${ref}`);
      return gln.length === 13 ? `https://id.gs1.org/417/${gln}` : id;
    }
    return id;
  }
  if (DL_HOST.test(id) && /\/(01|00|414|417)\/\d/.test(id)) {
    // a lot, serial… that is no GS1 value: no GS1 identifier, left as written
    if (hasInvalidDigitalLinkQualifier(id)) return id;
    const path = id.replace(DL_HOST, '');
    const start = path.search(/(^|\/)(01|00|414|417)\/\d/);
    if (start < 0) return id;
    const keyPath = path.slice(start === 0 ? 0 : start + 1).replace(/[?#].*$/, '');
    return `https://id.gs1.org/${keyPath}`;
  }
  return id;
}
