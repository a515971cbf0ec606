import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGs1Uri } from './canonical-gs1-uri.js';
import { canonicalCommonGs1Uri } from './common-gs1-uri.js';
import { toDigitalLink } from './digital-link.js';
import { canonicalGs1Identifier } from './gs1-identifier.js';

/** The canonical form by parsing into elements: what the text-level form must agree with. */
function byParsing(uri: string): string {
  const id = parseGs1Uri(uri);
  return id === undefined ? uri : toDigitalLink(canonicalGs1Identifier(id));
}

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
/** Lots, serials and extensions: mostly characters a Digital Link keeps, sometimes escaped ones. */
const part = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.string({
      unit: fc.constantFrom(..."AZaz09-._~';=0"),
      minLength: 1,
      maxLength: 6,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.constantFrom(...'Az0.%!()*+,:/?#\u00e9'),
      minLength: 0,
      maxLength: 4,
    }),
  },
  // about the longest a lot, serial or extension may be (20 characters)
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom(...'AZ09'), minLength: 19, maxLength: 22 }),
  },
);
/** A part that is mostly absent. */
const rarePart = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: part },
);
const urnPrefix = fc.constantFrom(
  'urn:epc:class:lgtin:',
  'urn:epc:id:sgtin:',
  'urn:epc:id:sgln:',
  'urn:epc:id:pgln:',
  'urn:epc:id:sscc:',
  'urn:epc:id:lgtin:',
  'urn:epc:class:sgtin:',
  'urn:epc:idpat:sgtin:',
  'urn:epc:id:grai:',
);
/** Digits of the key of each URN scheme (without the check digit). */
const KEY_DIGITS: Readonly<Record<string, number>> = { sgln: 12, pgln: 12, sscc: 17 };
/**
 * EPC URNs at and near the handled forms: a company prefix of 5 to 13 digits, a reference that
 * makes up the key's length or misses it by one, two to four parts, lots with odd characters.
 */
const urn = fc
  .tuple(
    urnPrefix,
    fc.integer({ min: 5, max: 13 }),
    fc.constantFrom(0, 0, 0, -1, 1),
    digits(19, 19),
    fc.oneof({ weight: 6, arbitrary: part }, { weight: 1, arbitrary: fc.constant(null) }),
    rarePart,
  )
  .map(([prefix, cpLength, miss, pool, third, fourth]) => {
    const scheme = prefix.split(':')[3] as string;
    const refLength = Math.max(0, (KEY_DIGITS[scheme] ?? 13) - cpLength + miss);
    let uri = `${prefix}${pool.slice(0, cpLength)}.${pool.slice(cpLength, cpLength + refLength)}`;
    if (third !== null) uri += `.${third}`;
    if (fourth !== null) uri += `.${fourth}`;
    return uri;
  });
/** Digits of each Digital Link primary key. */
const DL_DIGITS: Readonly<Record<string, number>> = { '01': 14, '414': 13, '417': 13, '00': 18 };
/** Digital Links at and near the canonical ones: other hosts, lengths, qualifiers, queries. */
const digitalLink = fc
  .tuple(
    fc.constantFrom(
      'https://id.gs1.org/',
      'https://id.gs1.org/',
      'http://id.gs1.org/',
      'https://example.com/',
    ),
    fc.constantFrom('01', '414', '417', '00', '8003', 'gtin'),
    fc.constantFrom(0, 0, 0, 0, 0, -1, -2, 1),
    digits(20, 20),
    fc.array(fc.tuple(fc.constantFrom('10', '21', '22', '254', 'lot'), part), { maxLength: 2 }),
    fc.constantFrom('', '', '', '', '', '/', '?q=1', '#f'),
  )
  .map(([host, ai, miss, pool, qualifiers, tail]) => {
    const key = pool.slice(0, (DL_DIGITS[ai] ?? 14) + miss);
    return `${host}${ai}/${key}${qualifiers.map(([q, v]) => `/${q}/${v}`).join('')}${tail}`;
  });

describe('canonicalCommonGs1Uri', () => {
  it('gives the canonical forms of the published examples', () => {
    // GS1 EPC Tag Data Standard examples, the CBV 2.0 hash vector's SSCC, a Digital Link example
    const examples: [string, string][] = [
      ['urn:epc:id:sscc:4012345.0000000111', 'https://id.gs1.org/00/040123450000001112'],
      ['urn:epc:id:sgtin:0614141.107346.2017', 'https://id.gs1.org/01/10614141073464/21/2017'],
      [
        'urn:epc:class:lgtin:4012345.012345.998877',
        'https://id.gs1.org/01/04012345123456/10/998877',
      ],
      ['urn:epc:id:sgln:0614141.12345.400', 'https://id.gs1.org/414/0614141123452/254/400'],
      ['urn:epc:id:sgln:0614141.12345.0', 'https://id.gs1.org/414/0614141123452'],
      ['urn:epc:id:pgln:0614141.12345', 'https://id.gs1.org/417/0614141123452'],
      [
        'https://id.gs1.org/01/09521234543213/10/ABC',
        'https://id.gs1.org/01/09521234543213/10/ABC',
      ],
    ];
    for (const [uri, canonical] of examples)
      expect([uri, canonicalCommonGs1Uri(uri)]).toEqual([uri, canonical]);
  });

  it('leaves to parsing what it does not handle', () => {
    for (const uri of [
      'urn:epc:class:lgtin:4012345.012345.A%2FB', // an escape
      'urn:epc:class:lgtin:4012345.012345.A!', // '!' is escaped in a Digital Link
      'urn:epc:class:lgtin:4012345.012345.', // an empty lot
      'urn:epc:id:pgln:0614141.12345.1', // a third part
      'urn:epc:id:grai:0614141.12345.400',
      'https://id.gs1.org/01/9521234543213/10/ABC', // a GTIN-13
      'https://id.gs1.org/01/09521234543213/10/ABC/21/1', // lot and serial: the lot goes
      'https://id.gs1.org/01/09521234543213?linkType=all',
      'https://example.com/01/09521234543213',
      'urn:epc:class:lgtin:4012345.012345.ABCDEFGHIJKLMNOPQRSTU', // a lot of 21 characters
      'https://id.gs1.org/01/09521234543213/10/ABCDEFGHIJKLMNOPQRSTU',
      'URN:EPC:class:lgtin:4012345.012345.998877', // `urn:epc:` in upper case: parsed
    ])
      expect([uri, canonicalCommonGs1Uri(uri)]).toEqual([uri, undefined]);
  });

  it('agrees with parsing wherever it answers (property, URNs and Digital Links)', () => {
    const answered = { urn: 0, link: 0 };
    let runs = 0;
    fc.assert(
      fc.property(fc.oneof(urn, digitalLink), (uri) => {
        runs += 1;
        const common = canonicalCommonGs1Uri(uri);
        if (common === undefined) return;
        answered[uri.startsWith('urn:') ? 'urn' : 'link'] += 1;
        expect([uri, common]).toEqual([uri, byParsing(uri)]);
      }),
      { numRuns: 20_000 },
    );
    // the generators reach the handled forms often enough for the comparison to mean something
    expect(answered.urn).toBeGreaterThan(runs / 80);
    expect(answered.link).toBeGreaterThan(runs / 80);
  });
});
