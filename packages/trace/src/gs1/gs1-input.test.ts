import { isFoodSafetyError } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import { canonicalGs1Uri, parseGs1Uri } from './canonical-gs1-uri.js';
import { toDigitalLink } from './digital-link.js';
import { toEpcUri } from './epc-uri.js';
import {
  canonicalGs1Identifier,
  type Gs1Identifier,
  isGs1Identifier,
  isQualifierValue,
  parseElementString,
  toElementString,
} from './gs1-identifier.js';

/** What a call threw: its code, or 'no throw' / the error's name. */
function thrown(call: () => unknown): string {
  try {
    call();
    return 'no throw';
  } catch (error) {
    return isFoodSafetyError(error) ? error.code : (error as Error).name;
  }
}

describe('GS1 functions given what is not an identifier', () => {
  const notIds: unknown[] = [
    null,
    undefined,
    'urn:epc:id:sgtin:0614141.107346.2017',
    7,
    {},
    [],
    { type: 'sgtin' },
    { type: 'sgtin', elements: [null] },
  ];

  it('canonicalGs1Uri returns a value that is not a string as it is (as basicCanonicalId does)', () => {
    for (const v of [null, undefined, 123, { id: 'x' }])
      expect(canonicalGs1Uri(v as unknown as string)).toBe(v);
  });

  it('toEpcUri gives undefined; the writers throw TRACE_GS1_IDENTIFIER_INVALID, never a TypeError', () => {
    for (const v of notIds) {
      const id = v as Gs1Identifier;
      expect(isGs1Identifier(v)).toBe(false);
      expect(toEpcUri(id, 7)).toBeUndefined();
      expect(thrown(() => toDigitalLink(id))).toBe('TRACE_GS1_IDENTIFIER_INVALID');
      expect(thrown(() => toElementString(id))).toBe('TRACE_GS1_IDENTIFIER_INVALID');
      expect(thrown(() => canonicalGs1Identifier(id))).toBe('TRACE_GS1_IDENTIFIER_INVALID');
    }
    const id = parseGs1Uri('urn:epc:id:sgtin:0614141.107346.2017') as Gs1Identifier;
    expect(isGs1Identifier(id)).toBe(true);
    expect(thrown(() => toDigitalLink(id, 5 as unknown as string))).toBe('TRACE_OPTION_INVALID');
    expect(toDigitalLink(id, 'https://example.com/')).toBe(
      'https://example.com/01/10614141073464/21/2017',
    );
  });

  it('isQualifierValue takes only strings', () => {
    expect(isQualifierValue('10', null as unknown as string)).toBe(false);
    expect(isQualifierValue(null as unknown as string, 'A')).toBeUndefined();
    expect(isQualifierValue('10', 'A')).toBe(true);
  });
});

describe('toEpcUri and the SGLN extension "0"', () => {
  it('has no URN for a location extension of "0" (TDS: ".0" means no extension)', () => {
    const withZero = parseGs1Uri('https://id.gs1.org/414/0614141123452/254/0') as Gs1Identifier;
    expect(toEpcUri(withZero, 7)).toBeUndefined();
    // no extension, and another extension, are written as before
    expect(toEpcUri(parseGs1Uri('https://id.gs1.org/414/0614141123452') as Gs1Identifier, 7)).toBe(
      'urn:epc:id:sgln:0614141.12345.0',
    );
    expect(
      toEpcUri(parseGs1Uri('https://id.gs1.org/414/0614141123452/254/5678') as Gs1Identifier, 7),
    ).toBe('urn:epc:id:sgln:0614141.12345.5678');
  });
});

describe('key qualifiers the GS1 Digital Link syntax allows', () => {
  it('takes a third-party serial (235) after a GTIN only on its own (dlpkey 22,10,21|235)', () => {
    expect(parseGs1Uri('https://id.gs1.org/01/04012345123456/235/T')?.type).toBe('upui');
    for (const uri of [
      'https://example.com/01/04012345123456/21/S/235/T',
      'https://example.com/01/04012345123456/10/L/235/T',
      'https://example.com/01/04012345123456/22/V/235/T',
    ]) {
      expect([uri, parseGs1Uri(uri)]).toEqual([uri, undefined]);
      expect(canonicalGs1Uri(uri)).toBe(uri); // left as written: not one identifier
    }
    // the UPUI as a URN and as a Digital Link join as one
    expect(canonicalGs1Uri('urn:epc:id:upui:4012345.012345.T')).toBe(
      canonicalGs1Uri('https://example.com/01/04012345123456/235/T'),
    );
  });

  it('takes a service relation instance number (8019, N..10) after a GSRN or GSRNP', () => {
    // 106141412345678908: a GSRN whose check digit is 8 (GS1 General Specifications §7.9)
    const gsrn = parseGs1Uri('https://id.gs1.org/8018/106141412345678908/8019/1');
    expect(gsrn?.type).toBe('gsrn');
    expect(gsrn?.elements).toEqual([
      { ai: '8018', value: '106141412345678908' },
      { ai: '8019', value: '1' },
    ]);
    expect(canonicalGs1Uri('https://example.com/8018/106141412345678908/8019/1')).toBe(
      'https://id.gs1.org/8018/106141412345678908/8019/1',
    );
    expect(parseGs1Uri('https://id.gs1.org/8017/106141412345678908/8019/12')?.type).toBe('gsrnp');
    // digits only, at most ten
    expect(parseGs1Uri('https://id.gs1.org/8018/106141412345678908/8019/A')).toBeUndefined();
    expect(
      parseGs1Uri('https://id.gs1.org/8018/106141412345678908/8019/12345678901'),
    ).toBeUndefined();
    // the EPC URN has no place for it; without it the GSRN is written as before
    expect(toEpcUri(gsrn as Gs1Identifier, 7)).toBeUndefined();
    expect(
      toEpcUri(parseGs1Uri('https://id.gs1.org/8018/106141412345678908') as Gs1Identifier, 7),
    ).toBe(
      // TDS: company prefix, then the service reference without the check digit
      'urn:epc:id:gsrn:1061414.1234567890',
    );
  });
});

describe('keys with a wrong check digit (GS1 General Specifications §7.9)', () => {
  // 04012345123456 is right (check digit 6); 04012345123457 is not
  it('are no identifiers: not parsed, not canonicalised, not converted', () => {
    expect(parseGs1Uri('https://id.gs1.org/01/04012345123456/10/X')?.type).toBe('lgtin');
    for (const uri of [
      'https://id.gs1.org/01/04012345123457/10/X',
      'https://example.com/01/04012345123457/10/X',
      'https://id.gs1.org/01/80614141073461/21/X', // a GTIN whose check digit is 3
      'https://id.gs1.org/00/040123450000001113', // an SSCC whose check digit is 2
      'https://id.gs1.org/414/0614141123453', // a GLN whose check digit is 2
      'https://id.gs1.org/8006/040123451234570102/21/1', // an ITIP whose GTIN's is 6
      'https://id.gs1.org/8018/106141412345678909', // a GSRN whose check digit is 8
    ]) {
      expect([uri, parseGs1Uri(uri)]).toEqual([uri, undefined]);
    }
    // on another domain it stays as written (it is not moved onto GS1's resolver)
    expect(canonicalGs1Uri('https://example.com/01/04012345123457/10/X')).toBe(
      'https://example.com/01/04012345123457/10/X',
    );
    expect(parseElementString('(01)04012345123457(10)L')).toBeUndefined();
    expect(parseElementString('(01)04012345123456(10)L')?.type).toBe('lgtin');
    // the right ones still read
    expect(parseGs1Uri('https://id.gs1.org/8006/040123451234560102/21/1')?.type).toBe('itip');
    expect(parseGs1Uri('https://id.gs1.org/00/040123450000001112')?.type).toBe('sscc');
  });
});

describe('parseElementString reads barcode content in any order', () => {
  it('takes the elements in any order, the GTIN as its 14 digits, no data attribute', () => {
    const lot = parseElementString('(01)04012345123456(10)L');
    expect(parseElementString('(10)L(01)04012345123456')).toEqual(lot);
    const both = parseElementString('(01)04012345123456(21)S(10)L');
    expect(both?.elements).toEqual([
      { ai: '01', value: '04012345123456' },
      { ai: '10', value: 'L' },
      { ai: '21', value: 'S' },
    ]);
    expect(parseElementString('(21)S(10)L(01)04012345123456')).toEqual(both);
    // AI 01 is N14 in an element string (GS1 General Specifications, the AI table)
    expect(parseElementString('(01)4012345123456(10)L')).toBeUndefined();
    // a data attribute is no part of an identifier; two keys are no one identifier
    expect(parseElementString('(01)04012345123456(17)251231(10)L')).toBeUndefined();
    expect(parseElementString('(01)04012345123456(00)040123450000001112')).toBeUndefined();
    expect(parseElementString('(10)L(10)M(01)04012345123456')).toBeUndefined();
  });
});
