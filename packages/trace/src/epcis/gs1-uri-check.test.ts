import { describe, expect, it } from 'vitest';
import { documentOf, OBSERVE_EVENT } from './__fixtures__/events.js';
import { checkGs1Uri, GS1_OK } from './gs1-uri-check.js';
import { validateEpcisDocument } from './validate-epcis-document.js';

/** Each URI passes the check, named in the failure when it does not. */
function expectPass(uris: readonly string[]): void {
  for (const uri of uris) expect([uri, checkGs1Uri(uri)]).toEqual([uri, GS1_OK]);
}

describe('checkGs1Uri on Digital Links', () => {
  it('takes URIs of other sites whose path only looks like a key (EPCIS takes any URI)', () => {
    expectPass([
      'https://example.com/2024/01/15/dock',
      'https://example.com/zones/00/dock-3',
      'https://example.com/site/414/dock',
      'https://warehouse.example/floor/01/aisle/7',
      'https://example.com/track?path=/01/x',
      'https://example.com/track#/01/04012345123457',
      'https://example.com/gtin/abc',
    ]);
  });

  it('reads the key from the first key segment of the path, not from a qualifier value', () => {
    // GS1 Digital Link 1.2 §4: a qualifier value may be "01" or "00"; a trailing slash is allowed
    expectPass([
      'https://id.gs1.org/414/4012345000054/254/01/',
      'https://id.gs1.org/8006/040123451111180102/21/00/',
      'https://id.gs1.org/01/04012345123456/10/01',
      'https://example.com/shop/01/04012345123456/21/00',
    ]);
  });

  it('still checks the key of a Digital Link, on any domain, and its shape on id.gs1.org', () => {
    // 4012345123456 is the GTIN-13 whose check digit is 6 (GS1 General Specifications §7.9)
    expect(checkGs1Uri('https://example.com/01/04012345123457/10/X')).toEqual({
      kind: 'check-digit',
      key: 'GTIN',
      expected: 6,
    });
    for (const [uri, scheme] of [
      ['https://id.gs1.org/01/123', 'Digital Link GTIN'],
      // keys whose check digit the validator does not name (ITIP, GSRN…): no Digital Link on
      // id.gs1.org
      ['https://id.gs1.org/8006/040123451234570102/21/1', 'Digital Link'],
      ['https://id.gs1.org/8018/106141412345678909', 'Digital Link'],
      ['https://example.com/01/04012345123456/10/A%20B', 'Digital Link'],
    ])
      expect([uri, checkGs1Uri(uri as string)]).toEqual([uri, { kind: 'syntax', scheme }]);
  });

  it('lets validateEpcisDocument take such places as read points and business locations', () => {
    const event = (id: string) => ({ ...OBSERVE_EVENT, readPoint: { id }, bizLocation: { id } });
    const result = validateEpcisDocument(
      documentOf([
        event('https://example.com/2024/01/15/dock'),
        event('https://warehouse.example/floor/01/aisle/7'),
        event('https://id.gs1.org/414/4012345000054/254/01/'),
      ]),
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
