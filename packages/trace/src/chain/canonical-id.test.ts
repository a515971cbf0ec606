import { describe, expect, it } from 'vitest';
import { canonicalGs1Uri } from '../gs1/canonical-gs1-uri.js';
import { generatePlatformEvents } from '../testdata/b2b-platform.js';
import { generateSeaCucumberChain } from '../testdata/sea-cucumber-chain.js';
import { basicCanonicalId } from './canonical-id.js';

describe('basicCanonicalId', () => {
  it('gives the CBV hash vector for an SSCC URN', () => {
    expect(basicCanonicalId('urn:epc:id:sscc:4012345.0000000111')).toBe(
      'https://id.gs1.org/00/040123450000001112',
    );
  });
  it('moves Digital Links to id.gs1.org and leaves other identifiers alone', () => {
    expect(basicCanonicalId('https://example.com/shop/01/09521234543213/10/ABC?x=1')).toBe(
      'https://id.gs1.org/01/09521234543213/10/ABC',
    );
    expect(basicCanonicalId('urn:uuid:1')).toBe('urn:uuid:1');
    expect(basicCanonicalId('urn:epc:id:sgtin:bad')).toBe('urn:epc:id:sgtin:bad');
  });
  it('escapes lots as the package GS1 canonicalisation does (the same join spelling)', () => {
    // characters encodeURIComponent keeps and Digital Links escape, and the other way round; an
    // escape written in the URN; a malformed escape
    // (a character outside GS1 set 82, such as é, or a lot over 20 characters: left as written)
    for (const lot of ["A(1)!*'", 'B;=', 'C%2FD', 'E%2', '%C3%A9', 'é', 'F~G', 'H'.repeat(21)]) {
      const id = `urn:epc:class:lgtin:4012345.011111.${lot}`;
      expect(basicCanonicalId(id)).toBe(canonicalGs1Uri(id));
    }
  });
  it('leaves identifiers whose lot or serial is no GS1 value as written, as the package does', () => {
    for (const id of [
      'urn:epc:class:lgtin:6930937.000001.', // an empty lot
      'https://dl.example.cn/01/06930937000016/10/A%20B', // a space
      'https://dl.example.cn/01/06930937000016/21/A~B',
      'https://id.gs1.org/01/06930937000016/10/A%23B', // #
    ]) {
      expect([id, basicCanonicalId(id)]).toEqual([id, id]);
      expect([id, canonicalGs1Uri(id)]).toEqual([id, id]);
    }
    // a valid lot on the brand's domain still moves to id.gs1.org
    expect(basicCanonicalId('https://dl.example.cn/01/06930937000016/10/A-1')).toBe(
      canonicalGs1Uri('https://dl.example.cn/01/06930937000016/10/A-1'),
    );
  });
  it('reads the http and https schemes in any case (RFC 3986 §3.1), as the package does', () => {
    for (const u of [
      'HTTPS://id.gs1.org/01/04012345123456/10/998877',
      'Https://brand.example/01/04012345123456/10/998877',
    ])
      expect([u, basicCanonicalId(u)]).toEqual([u, canonicalGs1Uri(u)]);
  });
  it('gives the full canonical spelling where the URN or link is less simple', () => {
    const cases: [string, string][] = [
      // '.' and ':' are literal in an EPC URN lot or serial (TDS 2.0 §6.3): only the first two
      // dots separate its fields; a ':' is escaped in the Digital Link
      ['urn:epc:class:lgtin:4012345.011111.A.B', 'https://id.gs1.org/01/04012345111118/10/A.B'],
      ['urn:epc:id:sgtin:4012345.011111.S:1', 'https://id.gs1.org/01/04012345111118/21/S%3A1'],
      ['urn:epc:id:sgln:4012345.00001.x.y', 'https://id.gs1.org/414/4012345000016/254/x.y'],
      // the finest level: a serial wins over a lot, the CPV is dropped (the link joins the SGTIN)
      [
        'https://brand.example/01/04012345123456/22/2A/10/L1/21/S1',
        'https://id.gs1.org/01/04012345123456/21/S1',
      ],
      ['urn:epc:id:sgtin:4012345.012345.S1', 'https://id.gs1.org/01/04012345123456/21/S1'],
      // a GTIN-13 padded to 14 digits; a trailing slash dropped
      [
        'https://brand.example/01/4012345123456/10/L1',
        'https://id.gs1.org/01/04012345123456/10/L1',
      ],
      ['https://brand.example/01/04012345123456/', 'https://id.gs1.org/01/04012345123456'],
    ];
    for (const [id, canonical] of cases)
      expect([id, basicCanonicalId(id)]).toEqual([id, canonical]);
  });
  it('keeps other keys, and links with qualifiers out of order, as written', () => {
    for (const id of [
      'urn:epc:id:giai:4012345.ABC', // GIAI: the full canonicalisation joins it, this one does not
      'https://brand.example/8004/401234599999',
      'urn:epc:id:grai:4012345.00001.7', // GRAI
      'urn:epc:id:upui:4012345.012345.PT1', // UPUI: no SGTIN, though its link has a GTIN
      'urn:epc:idpat:sgtin:4012345.012345.*', // a pattern, no identifier
      // /21/ before /10/: no GS1 Digital Link (the package keeps it as written too)
      'https://brand.example/01/04012345123456/21/S1/10/L1',
      'HTTPS://id.gs1.org/01/04012345123456/21/S1/10/L1',
    ])
      expect([id, basicCanonicalId(id)]).toEqual([id, id]);
    expect(canonicalGs1Uri('urn:epc:id:giai:4012345.ABC')).not.toBe('urn:epc:id:giai:4012345.ABC');
  });
  it('is idempotent', () => {
    for (const id of [
      'urn:epc:class:lgtin:4012345.011111.A.B',
      'https://brand.example/01/4012345123456/10/L1',
      'urn:epc:id:giai:4012345.ABC',
    ])
      expect(basicCanonicalId(basicCanonicalId(id))).toBe(basicCanonicalId(id));
  });
  it('never throws, even on a lone surrogate (which encodeURIComponent throws on)', () => {
    for (const id of [
      'urn:epc:class:lgtin:4012345.011111.\uD800',
      'urn:epc:id:sgln:4012345.00001.\uDC00x',
    ]) {
      // no GS1 value: left as written, as the package's canonicalisation leaves it
      expect(basicCanonicalId(id)).toBe(id);
      expect(basicCanonicalId(id)).toBe(canonicalGs1Uri(id));
    }
  });
  it('agrees with the package GS1 canonicalisation on every identifier of the generated data', () => {
    const ids = new Set<string>();
    const collect = (v: unknown): void => {
      if (
        typeof v === 'string' &&
        (v.startsWith('urn:epc:id:') ||
          v.startsWith('urn:epc:class:') ||
          v.startsWith('https://id.gs1.org/'))
      )
        ids.add(v);
      else if (Array.isArray(v)) for (const x of v) collect(x);
      else if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) collect(x);
    };
    collect(generateSeaCucumberChain({ batches: 2 }).events);
    collect([...generatePlatformEvents({ events: 500, suppliers: 20, buyers: 50 })]);
    expect(ids.size).toBeGreaterThan(50);
    for (const id of ids) expect([id, basicCanonicalId(id)]).toEqual([id, canonicalGs1Uri(id)]);
  });
});
