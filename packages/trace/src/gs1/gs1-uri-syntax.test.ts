import { describe, expect, it } from 'vitest';
import { canonicalGs1Uri } from './canonical-gs1-uri.js';
import { gs1UriSyntaxProblem } from './gs1-uri-syntax.js';

const KEY = 'https://id.gs1.org/01/04012345123456';
const TWENTY = 'ABCDEFGHIJKLMNOPQRST';

describe('gs1UriSyntaxProblem', () => {
  it('names what is wrong with URIs that claim a GS1 identifier and name none', () => {
    const cases: [string, string][] = [
      [`${KEY}/21/abc/10/998877`, 'Digital Link'], // qualifiers out of the standard's order
      [`${KEY}/10/99/88`, 'Digital Link'], // a `/` in the lot, not written %2F
      [`${KEY}/10/`, 'Digital Link'], // an empty lot
      [`${KEY}/10/${TWENTY}U`, 'Digital Link'], // AI 10 holds at most 20 characters
      [`${KEY}/99/1`, 'Digital Link'], // not a qualifier of a GTIN
      ['https://ID.GS1.ORG/01/04012345123456/10/', 'Digital Link'], // the host in any case
      ['https://id.gs1.org:443/01/04012345123456/10/', 'Digital Link'],
      ['https://id.gs1.org/', 'Digital Link'],
      ['urn:epc:CLASS:LGTIN:4012345.012345.998877', 'class:lgtin'], // the TDS scheme is lower case
      ['urn:epc:id:SGTIN:4012345.012345.1', 'id:sgtin'],
      [`urn:epc:class:lgtin:4012345.012345.${TWENTY}U`, 'class:lgtin'],
      [`urn:epc:id:sgtin:4012345.012345.${TWENTY}U`, 'id:sgtin'],
      [`urn:epc:id:sgln:4012345.00011.${TWENTY}U`, 'id:sgln'],
      [`urn:epc:id:sgln:4012345.00011.${TWENTY}%2F`, 'id:sgln'],
    ];
    for (const [uri, scheme] of cases) {
      expect([uri, gs1UriSyntaxProblem(uri)]).toEqual([uri, scheme]);
      // and canonicalGs1Uri keeps each as written: no lot is made of it silently
      expect(canonicalGs1Uri(uri)).toBe(uri);
    }
  });

  it('passes GS1 identifiers that canonicalGs1Uri reads, and URIs that claim none', () => {
    for (const uri of [
      KEY,
      `${KEY}/10/998877`,
      `${KEY}/10/${TWENTY}`,
      `${KEY}/10/99%2F88`,
      `${KEY}/22/2A/10/L1/21/S1`,
      `${KEY}/10/L1?17=261231#x`,
      'https://id.gs1.org:443/01/04012345123456',
      'https://id.gs1.org/gtin/04012345123456/lot/998877',
      'https://brand.example/01/04012345123456/21/abc/10/998877', // not GS1's resolver
      `urn:epc:class:lgtin:4012345.012345.${TWENTY}`,
      `urn:epc:class:lgtin:4012345.012345.%2F${TWENTY.slice(1)}`, // an escape is one character
      'urn:epc:id:gid:95100000.12345.400', // a scheme that is not a GS1 key
      'urn:epc:id:sgtin:4012345.012345', // the syntax checkGs1Uri reports
      'urn:epc:id:sscc:4012345.0000000111',
      'urn:uuid:8b792e84-b305-4cd5-8fe8-4914d47db621',
      'HTTPS://id.gs1.org/01/04012345123456/10/', // expects the scheme in lower case, as checkGs1Uri writes it
    ])
      expect([uri, gs1UriSyntaxProblem(uri)]).toEqual([uri, undefined]);
    expect(canonicalGs1Uri(`${KEY}/10/99%2F88`)).toBe(`${KEY}/10/99%2F88`);
  });
});
