/**
 * EPC URIs (GS1 EPC Tag Data Standard, pure-identity, class and id-pattern URNs) ↔ GS1 element
 * strings, with the GS1 Company Prefix length handled explicitly: a URN carries it (the dot),
 * an element string or a Digital Link does not, so building a URN needs it.
 */
import { withGs1CheckDigit } from './check-digit.js';
import { epcUrnWithLowerCasePrefix } from './epc-urn-prefix.js';
import {
  type Gs1Element,
  type Gs1Identifier,
  type Gs1IdentifierType,
  gs1ElementValue,
  identifierFromElements,
  isGs1Identifier,
} from './gs1-identifier.js';
import { epcUriEncode, percentDecode } from './percent-encoding.js';

const URN = /^urn:epc:(id|class|idpat):([a-z]+):(.+)$/;
const CP = /^\d{6,12}$/;
const DIGITS = /^\d*$/;

/** Split `s` at its first `n` dots; the last part keeps any further dots. */
function splitDots(s: string, n: number): string[] | undefined {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < n; i++) {
    const at = s.indexOf('.', from);
    if (at < 0) return undefined;
    parts.push(s.slice(from, at));
    from = at + 1;
  }
  parts.push(s.slice(from));
  return parts;
}

function gtinOf(cp: string, itemRef: string): string | undefined {
  if (!CP.test(cp) || !DIGITS.test(itemRef) || cp.length + itemRef.length !== 13) return undefined;
  return withGs1CheckDigit(itemRef.slice(0, 1) + cp + itemRef.slice(1));
}

function keyOf(cp: string, ref: string, total: number, prefix = ''): string | undefined {
  if (!CP.test(cp) || !DIGITS.test(ref) || cp.length + ref.length !== total) return undefined;
  return withGs1CheckDigit(prefix + cp + ref);
}

function build(
  elements: (Gs1Element | undefined)[],
  cpLength: number,
  type?: Gs1IdentifierType,
): Gs1Identifier | undefined {
  if (elements.some((e) => e === undefined || e.value === '')) return undefined;
  const id = identifierFromElements(elements as Gs1Element[], cpLength);
  if (id === undefined) return undefined;
  return type === undefined || id.type === type ? id : { ...id, type };
}

const el = (ai: string, value: string | undefined): Gs1Element | undefined =>
  value === undefined ? undefined : { ai, value };

/**
 * Parse an EPC URN (`urn:epc:id:sgtin:…`, `urn:epc:class:lgtin:…`, `urn:epc:idpat:sgtin:…*`, and
 * sscc, sgln, pgln, grai, giai, gsrn, gsrnp, gdti, cpi, sgcn, ginc, gsin, itip, upui). Check
 * digits are computed (URNs have none). `urn:epc:` may be written in any case (RFC 8141); what
 * follows it is case-sensitive (`urn:epc:CLASS:LGTIN:…` is no EPC URN). A lot, serial or
 * extension longer than its AI allows (20 characters) is none either. Returns `undefined` for
 * anything else.
 *
 * @example parseEpcUri('urn:epc:id:sgtin:0614141.107346.2017')
 * // { type: 'sgtin', elements: [{ai:'01', value:'10614141073464'}, {ai:'21', value:'2017'}], companyPrefixLength: 7 }
 */
export function parseEpcUri(uri: unknown): Gs1Identifier | undefined {
  if (typeof uri !== 'string') return undefined;
  const urn = epcUrnWithLowerCasePrefix(uri);
  if (urn === undefined) return undefined;
  const m = URN.exec(urn);
  if (m === null) return undefined;
  const form = m[1] as 'id' | 'class' | 'idpat';
  const scheme = m[2] as string;
  const body = m[3] as string;
  const pattern = form === 'idpat';
  if (form === 'class' && scheme !== 'lgtin') return undefined;
  switch (scheme) {
    case 'sgtin':
    case 'lgtin':
    case 'upui': {
      if (form === 'class' ? scheme !== 'lgtin' : scheme === 'lgtin') return undefined;
      const p = splitDots(body, 2);
      if (p === undefined) return undefined;
      const [cp, ir, rest] = p as [string, string, string];
      const gtin = gtinOf(cp, ir);
      if (pattern) return rest === '*' ? build([el('01', gtin)], cp.length, 'gtin') : undefined;
      const value = percentDecode(rest);
      const ai = scheme === 'sgtin' ? '21' : scheme === 'lgtin' ? '10' : '235';
      return build([el('01', gtin), el(ai, value)], cp.length);
    }
    case 'sscc': {
      if (pattern) return undefined;
      const p = splitDots(body, 1);
      if (p === undefined || p[1]?.includes('.')) return undefined;
      const [cp, sr] = p as [string, string];
      if (!CP.test(cp) || !DIGITS.test(sr) || cp.length + sr.length !== 17) return undefined;
      return build([el('00', withGs1CheckDigit(sr.slice(0, 1) + cp + sr.slice(1)))], cp.length);
    }
    case 'sgln': {
      if (pattern) return undefined;
      const p = splitDots(body, 2);
      if (p === undefined) return undefined;
      const [cp, lr, ext] = p as [string, string, string];
      const gln = keyOf(cp, lr, 12);
      if (ext === '') return undefined;
      const elements = [el('414', gln)];
      if (ext !== '0') elements.push(el('254', percentDecode(ext)));
      return build(elements, cp.length);
    }
    case 'pgln': {
      if (pattern) return undefined;
      const p = splitDots(body, 1);
      if (p === undefined || p[1]?.includes('.')) return undefined;
      return build([el('417', keyOf(p[0] as string, p[1] as string, 12))], (p[0] as string).length);
    }
    case 'grai':
    case 'gdti':
    case 'sgcn': {
      const p = splitDots(body, 2);
      if (p === undefined) return undefined;
      const [cp, ref, serial] = p as [string, string, string];
      const key = keyOf(cp, ref, 12, scheme === 'grai' ? '0' : '');
      if (key === undefined) return undefined;
      const ai = scheme === 'grai' ? '8003' : scheme === 'gdti' ? '253' : '255';
      if (pattern) return serial === '*' ? build([el(ai, key)], cp.length) : undefined;
      if (scheme === 'sgcn' && !/^\d{1,12}$/.test(serial)) return undefined;
      return build([el(ai, key + percentDecode(serial))], cp.length);
    }
    case 'giai':
    case 'ginc': {
      if (pattern) return undefined;
      const p = splitDots(body, 1);
      if (p === undefined || !CP.test(p[0] as string) || p[1] === '') return undefined;
      const ai = scheme === 'giai' ? '8004' : '401';
      return build(
        [el(ai, (p[0] as string) + percentDecode(p[1] as string))],
        (p[0] as string).length,
      );
    }
    case 'gsrn':
    case 'gsrnp':
    case 'gsin': {
      if (pattern) return undefined;
      const p = splitDots(body, 1);
      if (p === undefined) return undefined;
      const total = scheme === 'gsin' ? 16 : 17;
      const ai = scheme === 'gsrn' ? '8018' : scheme === 'gsrnp' ? '8017' : '402';
      return build([el(ai, keyOf(p[0] as string, p[1] as string, total))], (p[0] as string).length);
    }
    case 'cpi': {
      const p = splitDots(body, 1);
      if (p === undefined) return undefined;
      const cp = p[0] as string;
      const rest = p[1] as string;
      const last = rest.lastIndexOf('.');
      if (!CP.test(cp) || last <= 0) return undefined;
      const ref = percentDecode(rest.slice(0, last));
      const serial = rest.slice(last + 1);
      if (pattern) return serial === '*' ? build([el('8010', cp + ref)], cp.length) : undefined;
      if (!/^\d{1,12}$/.test(serial)) return undefined;
      return build([el('8010', cp + ref), el('8011', serial)], cp.length);
    }
    case 'itip': {
      const p = splitDots(body, 4);
      if (p === undefined) return undefined;
      const [cp, ir, piece, total, serial] = p as [string, string, string, string, string];
      const gtin = gtinOf(cp, ir);
      if (gtin === undefined || !/^\d{2}$/.test(piece) || !/^\d{2}$/.test(total)) return undefined;
      const key = gtin + piece + total;
      if (pattern) return serial === '*' ? build([el('8006', key)], cp.length) : undefined;
      return build([el('8006', key), el('21', percentDecode(serial))], cp.length);
    }
    default:
      return undefined;
  }
}

/**
 * Write an identifier as an EPC URN. The GS1 Company Prefix length (6–12) is needed unless the
 * identifier came from a URN (it remembers it). Returns `undefined` when the identifier cannot be
 * written with that prefix length, or as an EPC URN at all (a location extension of `0`, which an
 * SGLN URN reserves for "no extension"), or when `id` is no identifier. A GTIN-8 is written as
 * its GTIN-14 (six leading zeros) split at the given length, as for any GTIN.
 *
 * @example toEpcUri(parseDigitalLink('https://id.gs1.org/01/10614141073464/21/2017')!, 7)
 * // 'urn:epc:id:sgtin:0614141.107346.2017'
 */
export function toEpcUri(id: Gs1Identifier, companyPrefixLength?: number): string | undefined {
  if (!isGs1Identifier(id)) return undefined;
  const cpl = companyPrefixLength ?? id.companyPrefixLength;
  if (cpl === undefined || !Number.isInteger(cpl) || cpl < 6 || cpl > 12) return undefined;
  const key = id.elements[0]?.value ?? '';
  const v = (ai: string) => gs1ElementValue(id, ai);
  switch (id.type) {
    case 'sgtin':
    case 'lgtin':
    case 'gtin':
    case 'upui': {
      if (key.length !== 14) return undefined;
      const cp = key.slice(1, 1 + cpl);
      const ir = key.slice(0, 1) + key.slice(1 + cpl, 13);
      if (id.type === 'gtin') return `urn:epc:idpat:sgtin:${cp}.${ir}.*`;
      if (id.type === 'lgtin')
        return `urn:epc:class:lgtin:${cp}.${ir}.${epcUriEncode(v('10') ?? '')}`;
      if (id.type === 'upui') return `urn:epc:id:upui:${cp}.${ir}.${epcUriEncode(v('235') ?? '')}`;
      return `urn:epc:id:sgtin:${cp}.${ir}.${epcUriEncode(v('21') ?? '')}`;
    }
    case 'sscc':
      return `urn:epc:id:sscc:${key.slice(1, 1 + cpl)}.${key.slice(0, 1)}${key.slice(1 + cpl, 17)}`;
    case 'sgln': {
      const ext = v('254');
      // TDS: `.0` in an SGLN URN means "no extension", so an extension "0" has no URN
      if (ext === '0') return undefined;
      return `urn:epc:id:sgln:${key.slice(0, cpl)}.${key.slice(cpl, 12)}.${ext === undefined ? '0' : epcUriEncode(ext)}`;
    }
    case 'pgln':
      return `urn:epc:id:pgln:${key.slice(0, cpl)}.${key.slice(cpl, 12)}`;
    case 'grai': {
      const serial = key.slice(14);
      const head = `${key.slice(1, 1 + cpl)}.${key.slice(1 + cpl, 13)}`;
      return serial === ''
        ? `urn:epc:idpat:grai:${head}.*`
        : `urn:epc:id:grai:${head}.${epcUriEncode(serial)}`;
    }
    case 'gdti':
    case 'sgcn': {
      const serial = key.slice(13);
      const head = `${key.slice(0, cpl)}.${key.slice(cpl, 12)}`;
      return serial === ''
        ? `urn:epc:idpat:${id.type}:${head}.*`
        : `urn:epc:id:${id.type}:${head}.${epcUriEncode(serial)}`;
    }
    case 'giai':
    case 'ginc':
      return `urn:epc:id:${id.type}:${key.slice(0, cpl)}.${epcUriEncode(key.slice(cpl))}`;
    case 'gsrn':
    case 'gsrnp':
      // a service relation instance number (AI 8019) has no place in the URN
      if (id.elements.length > 1) return undefined;
      return `urn:epc:id:${id.type}:${key.slice(0, cpl)}.${key.slice(cpl, 17)}`;
    case 'gsin':
      return `urn:epc:id:gsin:${key.slice(0, cpl)}.${key.slice(cpl, 16)}`;
    case 'cpi': {
      const serial = v('8011');
      const head = `${key.slice(0, cpl)}.${epcUriEncode(key.slice(cpl))}`;
      return serial === undefined
        ? `urn:epc:idpat:cpi:${head}.*`
        : `urn:epc:id:cpi:${head}.${serial}`;
    }
    case 'itip': {
      const gtin = key.slice(0, 14);
      const head = `${gtin.slice(1, 1 + cpl)}.${gtin.slice(0, 1)}${gtin.slice(1 + cpl, 13)}.${key.slice(14, 16)}.${key.slice(16, 18)}`;
      const serial = v('21');
      return serial === undefined
        ? `urn:epc:idpat:itip:${head}.*`
        : `urn:epc:id:itip:${head}.${epcUriEncode(serial)}`;
    }
  }
}
