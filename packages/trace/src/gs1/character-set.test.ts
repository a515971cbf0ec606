import { describe, expect, it } from 'vitest';
import { GS1_CSET_39, GS1_CSET_82, inGs1Cset39, inGs1Cset82 } from './character-set.js';
import { hasInvalidDigitalLinkQualifier, parseDigitalLink } from './digital-link.js';
import { parseEpcUri } from './epc-uri.js';
import { identifierFromElements, parseElementString } from './gs1-identifier.js';

/** Every printable ASCII character (0x20–0x7E) and DEL. */
const ASCII = Array.from({ length: 96 }, (_, i) => String.fromCharCode(32 + i));

describe('GS1 character sets (General Specifications §7.11)', () => {
  it('set 82 is the 82 characters of Figure 7.11-1, set 39 the 39 of Figure 7.11-2', () => {
    expect(GS1_CSET_82).toHaveLength(82);
    expect(new Set(GS1_CSET_82).size).toBe(82);
    // the 20 graphic symbols of set 82 besides letters and digits
    expect([...GS1_CSET_82].filter((c) => !/[A-Za-z0-9]/.test(c)).join('')).toBe(
      `!"%&'()*+,-./:;<=>?_`,
    );
    // printable ASCII outside set 82
    expect(ASCII.filter((c) => !inGs1Cset82(c)).join('')).toBe(' #$@[\\]^`{|}~\x7f');
    expect(GS1_CSET_39).toHaveLength(39);
    expect(ASCII.filter((c) => inGs1Cset39(c)).join('')).toBe(
      '#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    );
    expect(inGs1Cset82('é')).toBe(false);
    expect(inGs1Cset82('海')).toBe(false);
    expect(inGs1Cset82('ab cd', 3)).toBe(true);
  });

  it('a lot, serial, variant or extension holds set 82 only, a CPID serial digits only', () => {
    const gtin = { ai: '01', value: '04012345111118' };
    for (const c of ASCII) {
      const lot = identifierFromElements([gtin, { ai: '10', value: `L${c}1` }]);
      expect([c, lot !== undefined]).toEqual([c, inGs1Cset82(c)]);
    }
    for (const ai of ['21', '22', '235']) {
      expect(identifierFromElements([gtin, { ai, value: 'A~1' }])).toBeUndefined();
      expect(identifierFromElements([gtin, { ai, value: 'A-1' }])).toBeDefined();
    }
    const gln = { ai: '414', value: '4012345000009' };
    expect(identifierFromElements([gln, { ai: '254', value: 'Bay 3' }])).toBeUndefined();
    expect(identifierFromElements([gln, { ai: '254', value: 'Bay_3' }])).toBeDefined();
    const cpid = { ai: '8010', value: '4012345-A#/1' };
    expect(identifierFromElements([cpid, { ai: '8011', value: '123' }])).toBeDefined();
    expect(identifierFromElements([cpid, { ai: '8011', value: '12A' }])).toBeUndefined();
    // a CPID's own value is set 39: no lower case, no `_`
    expect(identifierFromElements([{ ai: '8010', value: '4012345-a' }])).toBeUndefined();
    expect(identifierFromElements([{ ai: '8010', value: '4012345_A' }])).toBeUndefined();
  });

  it('the alphanumeric part of a GDTI, GRAI, GINC or GIAI holds set 82 only', () => {
    for (const [ai, digits] of [
      ['253', '4012345000009'],
      ['8003', '04012345000016'],
      ['401', '4012345'],
      ['8004', '4012345'],
    ] as const) {
      expect([ai, identifierFromElements([{ ai, value: `${digits}AB-1` }]) !== undefined]).toEqual([
        ai,
        true,
      ]);
      expect([ai, identifierFromElements([{ ai, value: `${digits}AB 1` }])]).toEqual([
        ai,
        undefined,
      ]);
    }
  });

  it('checks values decoded, in every form an identifier is written in', () => {
    // `%23` is `#`, `%20` a space: outside set 82 however they are written
    expect(parseDigitalLink('https://id.gs1.org/01/04012345111118/10/A%23B')).toBeUndefined();
    expect(parseDigitalLink('https://example.com/01/04012345111118/21/A%20B')).toBeUndefined();
    expect(parseEpcUri('urn:epc:class:lgtin:4012345.011111.A%23B')).toBeUndefined();
    expect(parseEpcUri('urn:epc:id:sgtin:4012345.011111.A~B')).toBeUndefined();
    expect(parseEpcUri('urn:epc:id:giai:4012345.A%20B')).toBeUndefined();
    expect(parseElementString('(01)04012345111118(10)A#B')).toBeUndefined();
    // escapes of set-82 characters are fine: `%2F` is `/`, `%25` is `%`
    expect(
      parseDigitalLink('https://id.gs1.org/01/04012345111118/10/A%2FB%25')?.elements[1],
    ).toEqual({ ai: '10', value: 'A/B%' });
    expect(parseEpcUri('urn:epc:class:lgtin:4012345.011111.A%2FB')?.elements[1]).toEqual({
      ai: '10',
      value: 'A/B',
    });
  });

  it('finds a key qualifier with an invalid value in a Digital Link on any domain', () => {
    const key = 'https://dl.example.cn/shop/01/06930937000016';
    for (const [uri, invalid] of [
      [`${key}/10/A%20B`, true],
      [`${key}/10/A~B`, true],
      [`${key}/10/`, true], // empty
      [`${key}/21/${'S'.repeat(21)}`, true],
      ['https://dl.example.cn/gtin/06930937000016/lot/A%23B', true], // short names
      [`${key}/10/A-B/21/C~D`, true], // the second one
      [`${key}/10/A-B`, false],
      [`${key}/10/A%2FB`, false], // `/` is in set 82
      [`${key}/10/A-B/17/261231`, false], // a data attribute ends the look
      [`${key}/10/A-B?x=~`, false], // the query is not looked at
      [key, false],
      ['https://dl.example.cn/shop/item/A%20B', false], // no GS1 key
      ['urn:epc:class:lgtin:6930937.000001.A~B', false], // not a Digital Link
    ] as const)
      expect([uri, hasInvalidDigitalLinkQualifier(uri)]).toEqual([uri, invalid]);
  });
});
