import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalGs1Uri, parseGs1Uri } from './canonical-gs1-uri.js';
import { computeGs1CheckDigit, hasValidGs1CheckDigit, withGs1CheckDigit } from './check-digit.js';
import { parseDigitalLink, toDigitalLink } from './digital-link.js';
import { parseEpcUri, toEpcUri } from './epc-uri.js';
import {
  canonicalGs1Identifier,
  identifierFromElements,
  isClassIdentifier,
  parseElementString,
  toElementString,
} from './gs1-identifier.js';

describe('GS1 mod-10 check digits', () => {
  it('matches keys published in the CBV 2.0 hash vectors (conformance/epcis/hash)', () => {
    // ReferenceEventHashAlgorithm: SSCC 040123450000001112, GLN 4012345000115;
    // epcisQueryDocument: GTIN 10614141073464; epcisDocWithVariousEventTypes: party GLN 4012345000009
    expect(hasValidGs1CheckDigit('040123450000001112')).toBe(true);
    expect(hasValidGs1CheckDigit('4012345000115')).toBe(true);
    expect(hasValidGs1CheckDigit('10614141073464')).toBe(true);
    expect(hasValidGs1CheckDigit('4006381333931')).toBe(true);
    expect(hasValidGs1CheckDigit('4012345000009')).toBe(true);
    expect(hasValidGs1CheckDigit('106141411234567897')).toBe(true);
    expect(computeGs1CheckDigit('400638133393')).toBe(1);
    expect(withGs1CheckDigit('0061414112345')).toBe('00614141123452');
    expect(hasValidGs1CheckDigit('4006381333932')).toBe(false);
  });

  it('rejects non-digits and empty input', () => {
    expect(computeGs1CheckDigit('12a4')).toBeUndefined();
    expect(computeGs1CheckDigit('')).toBeUndefined();
    expect(hasValidGs1CheckDigit('1')).toBe(false);
  });

  it('answers "no" for values that are not strings (data read from JSON or built in code)', () => {
    // 4012345111118 is a valid GLN as text; as a number it is not a key
    expect(hasValidGs1CheckDigit('4012345111118')).toBe(true);
    for (const value of [4012345111118, null, undefined, ['4012345111118'], Object.create(null)]) {
      expect(computeGs1CheckDigit(value)).toBeUndefined();
      expect(withGs1CheckDigit(value)).toBeUndefined();
      expect(hasValidGs1CheckDigit(value)).toBe(false);
      expect(parseGs1Uri(value)).toBeUndefined();
      expect(parseEpcUri(value)).toBeUndefined();
      expect(parseDigitalLink(value)).toBeUndefined();
      expect(parseElementString(value)).toBeUndefined();
    }
  });

  it('detects every single-digit error (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{13}$/),
        fc.nat(12),
        fc.integer({ min: 1, max: 9 }),
        (data, pos, delta) => {
          const full = withGs1CheckDigit(data) as string;
          const d = (Number(full[pos]) + delta) % 10;
          const changed = full.slice(0, pos) + String(d) + full.slice(pos + 1);
          return !hasValidGs1CheckDigit(changed);
        },
      ),
    );
  });
});

describe('EPC URNs', () => {
  it('parses SGTIN, SSCC, SGLN, PGLN and LGTIN with computed check digits', () => {
    expect(parseEpcUri('urn:epc:id:sgtin:0614141.107346.2017')).toEqual({
      type: 'sgtin',
      elements: [
        { ai: '01', value: '10614141073464' },
        { ai: '21', value: '2017' },
      ],
      companyPrefixLength: 7,
    });
    expect(toElementString(parseEpcUri('urn:epc:id:sscc:0614141.1234567890') as never)).toBe(
      '(00)106141412345678908',
    );
    expect(toElementString(parseEpcUri('urn:epc:id:sgln:0614141.07346.1234') as never)).toBe(
      '(414)0614141073467(254)1234',
    );
    expect(toElementString(parseEpcUri('urn:epc:id:sgln:0614141.07346.0') as never)).toBe(
      '(414)0614141073467',
    );
    expect(toElementString(parseEpcUri('urn:epc:id:pgln:4000001.00000') as never)).toBe(
      '(417)4000001000005',
    );
    const lot = parseEpcUri('urn:epc:class:lgtin:4012345.012345.998877');
    expect(lot?.type).toBe('lgtin');
    expect(isClassIdentifier(lot as never)).toBe(true);
    expect(parseEpcUri('urn:epc:idpat:sgtin:4012345.012345.*')?.type).toBe('gtin');
  });

  it('rejects malformed URNs', () => {
    for (const bad of [
      'urn:epc:id:sgtin:0614141.10734.2017', // 12 digits
      'urn:epc:id:sgtin:06141.1073460.2017', // prefix too short
      'urn:epc:id:sgtin:0614141.107346.', // no serial
      'urn:epc:id:sscc:0614141.123456789', // 16 digits
      'urn:epc:id:sgln:0614141.07346', // no extension
      'urn:epc:id:foo:1.2.3',
      'urn:epc:class:sgtin:0614141.107346.1',
    ]) {
      expect(parseEpcUri(bad), bad).toBeUndefined();
    }
  });

  it('writes URNs back with the company prefix length', () => {
    const id = parseDigitalLink('https://id.gs1.org/01/10614141073464/21/2017');
    expect(id).toBeDefined();
    expect(toEpcUri(id as never, 7)).toBe('urn:epc:id:sgtin:0614141.107346.2017');
    expect(toEpcUri(id as never, 9)).toBe('urn:epc:id:sgtin:061414107.1346.2017');
    expect(toEpcUri(id as never)).toBeUndefined(); // the prefix length is unknown
    expect(toEpcUri(id as never, 5)).toBeUndefined();
    expect(
      toEpcUri(parseDigitalLink('https://id.gs1.org/414/0614141073467/254/1234') as never, 7),
    ).toBe('urn:epc:id:sgln:0614141.07346.1234');
    expect(toEpcUri(parseDigitalLink('https://id.gs1.org/00/106141412345678908') as never, 7)).toBe(
      'urn:epc:id:sscc:0614141.1234567890',
    );
    expect(toEpcUri(parseDigitalLink('https://id.gs1.org/417/4000001000005') as never, 7)).toBe(
      'urn:epc:id:pgln:4000001.00000',
    );
    expect(
      toEpcUri(parseDigitalLink('https://id.gs1.org/01/04012345123456/10/L%2F7') as never, 7),
    ).toBe('urn:epc:class:lgtin:4012345.012345.L%2F7');
  });
});

describe('GS1 Digital Link', () => {
  it('reads custom domains, short names, path prefixes; ignores the query', () => {
    const id = parseDigitalLink('https://example.com/shop/gtin/9780345418913/ser/765tz?abc=1#x');
    expect(id && toElementString(id)).toBe('(01)09780345418913(21)765tz');
    expect(parseDigitalLink('https://example.com/no/key/here')).toBeUndefined();
    expect(parseDigitalLink('https://id.gs1.org/01/123')).toBeUndefined();
    expect(parseDigitalLink('not a url')).toBeUndefined();
  });

  it('writes canonical id.gs1.org links with percent-encoding', () => {
    const id = identifierFromElements([
      { ai: '01', value: '04012345111118' },
      { ai: '21', value: 'A/B"C"<%>' },
    ]);
    expect(toDigitalLink(id as never)).toBe(
      'https://id.gs1.org/01/04012345111118/21/A%2FB%22C%22%3C%25%3E',
    );
    expect(toDigitalLink(id as never, 'https://dl.example.cn/')).toBe(
      'https://dl.example.cn/01/04012345111118/21/A%2FB%22C%22%3C%25%3E',
    );
  });

  it('parses element strings', () => {
    const id = parseElementString('(01)04012345111118(10)LOT7');
    expect(id?.type).toBe('lgtin');
    expect(parseElementString('(01)04012345111118(99)x')).toBeUndefined();
    expect(parseElementString('garbage')).toBeUndefined();
    // brackets in a value (GS1 character set 82 has them), when they enclose no AI
    const bracketed = parseElementString('(01)04012345111118(10)-(((21)A)B(');
    expect(bracketed?.elements).toEqual([
      { ai: '01', value: '04012345111118' },
      { ai: '10', value: '-((' },
      { ai: '21', value: 'A)B(' },
    ]);
    expect(parseElementString(toElementString(bracketed as never))).toEqual(bracketed);
  });
});

describe('canonicalGs1Uri: one spelling per lot', () => {
  it('joins the same lot written as URN, as Digital Link and on a custom domain', () => {
    const spellings = [
      'urn:epc:class:lgtin:4012345.012345.998877',
      'https://id.gs1.org/01/04012345123456/10/998877',
      'https://brand.example/01/4012345123456/10/998877?linkType=all',
      'https://id.gs1.org/gtin/04012345123456/lot/998877',
    ];
    const canonical = new Set(spellings.map(canonicalGs1Uri));
    expect([...canonical]).toEqual(['https://id.gs1.org/01/04012345123456/10/998877']);
  });

  it('keeps the finest level (serial over lot) and drops the CPV', () => {
    expect(canonicalGs1Uri('https://id.gs1.org/01/04012345123456/22/2A/10/L1/21/S1')).toBe(
      'https://id.gs1.org/01/04012345123456/21/S1',
    );
    expect(
      canonicalGs1Identifier(parseGs1Uri('https://id.gs1.org/01/04012345123456/10/L1') as never)
        .type,
    ).toBe('lgtin');
  });

  it('leaves other URIs unchanged', () => {
    for (const u of [
      'urn:uuid:6f1c',
      'http://transaction.acme.com/po/12345678',
      'geo:47.5,11.1',
      'urn:epcglobal:cbv:bt:0614141073467:1152',
    ]) {
      expect(canonicalGs1Uri(u)).toBe(u);
    }
  });

  const sgtinUrn = fc
    .tuple(
      fc.integer({ min: 6, max: 12 }),
      fc.stringMatching(/^\d{13}$/),
      fc.stringMatching(/^[A-Za-z0-9!'()*+,\-.:;=_]{1,20}$/),
    )
    .map(
      ([cpl, digits, serial]) =>
        `urn:epc:id:sgtin:${digits.slice(0, cpl)}.${digits.slice(cpl)}.${serial}`,
    );
  const lgtinUrn = fc
    .tuple(
      fc.integer({ min: 6, max: 12 }),
      fc.stringMatching(/^\d{13}$/),
      fc.stringMatching(/^[A-Za-z0-9%\-_]{1,20}$/),
    )
    .map(
      ([cpl, digits, lot]) =>
        `urn:epc:class:lgtin:${digits.slice(0, cpl)}.${digits.slice(cpl)}.${lot.replace(/%/g, '%25')}`,
    );
  const ssccUrn = fc
    .tuple(fc.integer({ min: 6, max: 12 }), fc.stringMatching(/^\d{17}$/))
    .map(([cpl, d]) => `urn:epc:id:sscc:${d.slice(0, cpl)}.${d.slice(cpl)}`);
  const sglnUrn = fc
    .tuple(
      fc.integer({ min: 6, max: 12 }),
      fc.stringMatching(/^\d{12}$/),
      fc.stringMatching(/^[A-Za-z0-9]{1,10}$/),
    )
    .map(
      ([cpl, d, ext]) =>
        `urn:epc:id:sgln:${d.slice(0, cpl)}.${d.slice(cpl)}.${ext === '0' ? '1' : ext}`,
    );
  const anyUrn = fc.oneof(sgtinUrn, lgtinUrn, ssccUrn, sglnUrn);

  it('is idempotent (property)', () => {
    fc.assert(
      fc.property(anyUrn, (urn) => {
        const once = canonicalGs1Uri(urn);
        return once.startsWith('https://id.gs1.org/') && canonicalGs1Uri(once) === once;
      }),
    );
  });

  it('is idempotent whatever the lot or serial holds, escaped or not (property)', () => {
    // GS1 values are ASCII, but identifiers come from anywhere: é, 海, %, brackets, quotes…
    const value = fc.string({ unit: 'binary', minLength: 1, maxLength: 12 });
    const spelled = fc.tuple(value, fc.constantFrom('10', '21'), fc.nat(3)).map(([v, ai, how]) => {
      const gtin = '04012345111118';
      if (how === 0) return `https://id.gs1.org/01/${gtin}/${ai}/${encodeURIComponent(v)}`;
      if (how === 1) return `https://brand.example/01/${gtin}/${ai}/${escape(v)}`; // Latin-1 escapes
      if (how === 2) return `urn:epc:class:lgtin:4012345.011111.${encodeURIComponent(v)}`;
      return `(01)${gtin}(${ai})${v}`;
    });
    fc.assert(
      fc.property(spelled, (text) => {
        const once = canonicalGs1Uri(text);
        expect(canonicalGs1Uri(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
    // a lone surrogate (not text, but JavaScript strings can hold one) or a character outside
    // GS1 character set 82 names no GS1 identifier: the URI is left as written
    for (const text of [
      'https://id.gs1.org/01/04012345111118/10/a\uD800b',
      'urn:epc:class:lgtin:4012345.011111.\uDC00',
      'https://id.gs1.org/01/04012345111118/10/%C3%A9',
      'https://id.gs1.org/01/04012345111118/10/é',
      'urn:epc:class:lgtin:4012345.011111.a~b',
    ]) {
      expect(canonicalGs1Uri(text)).toBe(text);
    }
  });

  it('round-trips URN → Digital Link → URN with the company prefix length (property)', () => {
    fc.assert(
      fc.property(anyUrn, (urn) => {
        const id = parseEpcUri(urn);
        if (id === undefined) return false;
        const back = parseDigitalLink(toDigitalLink(id));
        if (back === undefined) return false;
        const again = toEpcUri(back, id.companyPrefixLength);
        return (
          again !== undefined &&
          parseEpcUri(again) !== undefined &&
          canonicalGs1Uri(again) === canonicalGs1Uri(urn)
        );
      }),
    );
  });
});

describe('URIs that only look like GS1 identifiers', () => {
  const LOT = 'https://id.gs1.org/01/04012345123456/10/998877';

  it('reads the http and https schemes in any case (RFC 3986 §3.1): the same lot', () => {
    for (const u of [
      'HTTPS://id.gs1.org/01/04012345123456/10/998877',
      'Https://brand.example/01/04012345123456/10/998877',
      'HTTP://id.gs1.org/gtin/04012345123456/lot/998877',
    ]) {
      expect([u, canonicalGs1Uri(u)]).toEqual([u, LOT]);
      expect(parseGs1Uri(u)?.elements[1]).toEqual({ ai: '10', value: '998877' });
    }
  });

  it('reads `urn:epc:` in any case (RFC 8141), the scheme after it in lower case only (TDS)', () => {
    for (const u of [
      'urn:EPC:class:lgtin:4012345.012345.998877',
      'URN:epc:class:lgtin:4012345.012345.998877',
      'URN:EPC:class:lgtin:4012345.012345.998877',
    ])
      expect([u, canonicalGs1Uri(u)]).toEqual([u, LOT]);
    expect(parseEpcUri('Urn:Epc:id:sscc:4012345.0000000111')?.elements).toEqual([
      { ai: '00', value: '040123450000001112' },
    ]);
    for (const u of [
      'URN:EPC:CLASS:LGTIN:4012345.012345.998877',
      'urn:epc:class:LGTIN:4012345.012345.998877',
      'urn:epc:ID:sgtin:4012345.012345.1',
    ]) {
      expect([u, parseGs1Uri(u)]).toEqual([u, undefined]);
      expect(canonicalGs1Uri(u)).toBe(u);
    }
  });

  it('rejects Digital Links with qualifiers out of order, an unescaped `/` or an empty value', () => {
    for (const u of [
      'https://id.gs1.org/01/04012345123456/21/abc/10/998877', // 10 comes before 21
      'https://id.gs1.org/01/04012345123456/10/99/88', // `/` in a lot is written %2F
      'https://id.gs1.org/01/04012345123456/10/', // no lot
      'https://id.gs1.org/01/04012345123456/10', // no lot
    ]) {
      expect([u, parseDigitalLink(u)]).toEqual([u, undefined]);
      expect(canonicalGs1Uri(u)).toBe(u);
    }
    expect(canonicalGs1Uri('https://id.gs1.org/01/04012345123456/10/99%2F88')).toBe(
      'https://id.gs1.org/01/04012345123456/10/99%2F88',
    );
    expect(parseGs1Uri('https://id.gs1.org/01/04012345123456/10/99%2F88')?.elements[1]).toEqual({
      ai: '10',
      value: '99/88',
    });
  });

  it('holds lots, serials and extensions to 20 characters, the CPID serial to 12 (GS1 AIs)', () => {
    const twenty = 'ABCDEFGHIJKLMNOPQRST';
    const gtin = { ai: '01', value: '04012345123456' };
    for (const ai of ['10', '21', '22']) {
      expect(identifierFromElements([gtin, { ai, value: twenty }])?.elements[1]?.value).toBe(
        twenty,
      );
      expect(identifierFromElements([gtin, { ai, value: `${twenty}U` }])).toBeUndefined();
    }
    expect(identifierFromElements([gtin, { ai: '235', value: `${twenty}12345678` }])).toBeDefined();
    expect(identifierFromElements([gtin, { ai: '235', value: `${twenty}123456789` }])).toBe(
      undefined,
    );
    const gln = { ai: '414', value: '4012345000115' };
    expect(identifierFromElements([gln, { ai: '254', value: twenty }])).toBeDefined();
    expect(identifierFromElements([gln, { ai: '254', value: `${twenty}U` }])).toBeUndefined();
    const cpid = { ai: '8010', value: '4012345ABC' };
    expect(identifierFromElements([cpid, { ai: '8011', value: '123456789012' }])).toBeDefined();
    expect(identifierFromElements([cpid, { ai: '8011', value: '1234567890123' }])).toBe(undefined);
    // every form: the URN, the Digital Link, the element string; an escape counts as one character
    for (const u of [
      `urn:epc:class:lgtin:4012345.012345.${twenty}U`,
      `urn:epc:id:sgtin:4012345.012345.${twenty}U`,
      `urn:epc:id:sgln:4012345.00011.${twenty}U`,
      `https://id.gs1.org/01/04012345123456/10/${twenty}U`,
      `https://brand.example/01/04012345123456/21/${twenty}U`,
    ]) {
      expect([u, parseGs1Uri(u)]).toEqual([u, undefined]);
      expect(canonicalGs1Uri(u)).toBe(u);
    }
    expect(parseElementString(`(01)04012345123456(10)${twenty}U`)).toBeUndefined();
    expect(canonicalGs1Uri(`urn:epc:class:lgtin:4012345.012345.${twenty}`)).toBe(
      `https://id.gs1.org/01/04012345123456/10/${twenty}`,
    );
    expect(canonicalGs1Uri(`urn:epc:class:lgtin:4012345.012345.%2F${twenty.slice(1)}`)).toBe(
      `https://id.gs1.org/01/04012345123456/10/%2F${twenty.slice(1)}`,
    );
  });
});
