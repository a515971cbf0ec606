import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalTimestamp, eventHashId, eventPreHash, hashIdOfPreHash } from './event-hash.js';

const base = {
  type: 'ObjectEvent',
  eventTime: '2020-03-04T11:00:30.000+01:00',
  eventTimeZoneOffset: '+01:00',
  epcList: ['urn:epc:id:sscc:4012345.0000000333', 'urn:epc:id:sscc:4012345.0000000111'],
  action: 'OBSERVE',
  bizStep: 'departing',
  readPoint: { id: 'urn:epc:id:sgln:4012345.00011.987' },
};

describe('eventPreHash', () => {
  it('orders properties canonically, sorts list members and converts identifiers', () => {
    expect(eventPreHash(base)).toBe(
      'eventType=ObjectEventeventTime=2020-03-04T10:00:30.000ZeventTimeZoneOffset=+01:00' +
        'epcListepc=https://id.gs1.org/00/040123450000001112epc=https://id.gs1.org/00/040123450000003338' +
        'action=OBSERVEbizStep=https://ref.gs1.org/cbv/BizStep-departing' +
        'readPointid=https://id.gs1.org/414/4012345000115/254/987',
    );
  });

  it('does not depend on member order, eventID, recordTime, errorDeclaration or comments', () => {
    const shuffled = {
      readPoint: base.readPoint,
      action: 'OBSERVE',
      epcList: [...base.epcList].reverse(),
      bizStep: 'urn:epcglobal:cbv:bizstep:departing',
      eventTimeZoneOffset: '+01:00',
      eventTime: '2020-03-04T10:00:30Z',
      type: 'ObjectEvent',
      eventID: 'urn:uuid:1',
      recordTime: '2021-01-01T00:00:00Z',
      errorDeclaration: { declarationTime: '2021-01-01T00:00:00Z' },
      'rdfs:comment': 'hello',
    };
    expect(eventHashId(shuffled)).toBe(eventHashId(base));
  });

  it('expands declared prefixes of extensions as {namespace}localName and sorts them', () => {
    const ev = { ...base, 'b:y': '2', 'a:x': { 'a:z': '1.50' } };
    const pre = eventPreHash(ev, {
      context: [{ a: 'https://a.example/', b: 'https://b.example/' }],
    });
    expect(
      pre.endsWith('{https://a.example/}x{https://a.example/}z=1.5{https://b.example/}y=2'),
    ).toBe(true);
  });

  it('leaves out fields named by ignoreFields', () => {
    const ev = { ...base, 'x:hash': 'abc' };
    expect(eventPreHash(ev, { ignoreFields: ['x:hash'] })).toBe(eventPreHash(base));
  });

  it('hashes with SHA-256 from node:crypto in ni: form', () => {
    const pre = eventPreHash(base);
    const hex = createHash('sha256').update(pre).digest('hex');
    expect(hashIdOfPreHash(pre)).toBe(`ni:///sha-256;${hex}?ver=CBV2.0`);
    expect(eventHashId(base)).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
  });

  it('never throws on odd input', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => typeof eventPreHash(v) === 'string'),
      { numRuns: 300 },
    );
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = { 'a:b': deep };
    expect(typeof eventPreHash({ ...base, 'a:b': deep })).toBe('string');
  });

  it('renders a reference back into the event (JavaScript input) as nothing, at once', () => {
    const cyclic: Record<string, unknown> = { ...base, 'ex:x': {} };
    (cyclic['ex:x'] as Record<string, unknown>).self = cyclic;
    cyclic.ilmd = cyclic;
    const list: unknown[] = ['urn:epc:id:sgtin:0614141.107346.2017'];
    list.push(list);
    cyclic.epcList = list;
    const started = Date.now();
    const pre = eventPreHash(cyclic);
    expect(Date.now() - started).toBeLessThan(5_000); // it used to take over a minute
    const acyclic = { ...base, 'ex:x': {}, epcList: ['urn:epc:id:sgtin:0614141.107346.2017'] };
    expect(pre).toBe(eventPreHash(acyclic));
  }, 20_000);
});

describe('eventPreHash beyond the published vectors (review against the reference algorithm)', () => {
  const context = [{ ex: 'https://ex.com/' }];
  const withEx = (member: Record<string, unknown>) =>
    eventPreHash({ ...base, '@context': context, ...member });

  it('writes an integer past 2^53 as Python writes the float: its exact value, not padded digits', () => {
    // Python: str(int(float("12345678901234567890"))) == "12345678901234567168" (the double's
    // exact value); JavaScript's String gives 12345678901234567000
    expect(withEx({ 'ex:n': '12345678901234567890' })).toContain(
      '{https://ex.com/}n=12345678901234567168',
    );
    expect(
      eventPreHash({
        ...base,
        epcList: undefined,
        quantityList: [
          {
            epcClass: 'urn:epc:class:lgtin:4012345.012345.998877',
            quantity: Number('12345678901234567890'),
          },
        ],
      }),
    ).toContain('quantity=12345678901234567168');
    // below 2^53 every integer is exact either way
    expect(withEx({ 'ex:n': '9007199254740991' })).toContain('{https://ex.com/}n=9007199254740991');
  });

  it('sorts by code point (UTF-8 byte order), not by UTF-16 code unit', () => {
    // U+FF5E (～) comes before U+1F600 (😀): JavaScript's < says the opposite (D83D < FF5E)
    const pre = withEx({ 'ex:v': ['😀', '～'] });
    expect(pre.indexOf('v=～')).toBeGreaterThan(0);
    expect(pre.indexOf('v=～')).toBeLessThan(pre.indexOf('v=😀'));
    expect(withEx({ 'ex:v': ['～', '😀'] })).toBe(pre);
  });

  it('takes deeply nested arrays without overflowing the stack, and tells deep contents apart', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 5_000; i++) deep = [deep];
    expect(typeof withEx({ 'ex:a': deep })).toBe('string');
    expect(typeof eventPreHash({ ...base, epcList: deep })).toBe('string');
    // 300 levels: within the 1 000 rendered, so a difference at the bottom changes the hash
    const nested = (leaf: string) => {
      let v: unknown = leaf;
      for (let i = 0; i < 300; i++) v = { 'ex:b': v };
      return v;
    };
    expect(eventHashId({ ...base, '@context': context, 'ex:b': nested('x') })).not.toBe(
      eventHashId({ ...base, '@context': context, 'ex:b': nested('y') }),
    );
  });
});

describe('canonicalTimestamp', () => {
  it('keeps the years 0001–0099 (not read as 1901–1999)', () => {
    expect(canonicalTimestamp('0099-01-01T00:00:00Z')).toBe('0099-01-01T00:00:00.000Z');
    expect(canonicalTimestamp('0001-01-01T00:00:00+01:00')).toBe('0000-12-31T23:00:00.000Z');
  });

  it('converts to UTC and rounds to milliseconds (half up), as the TimeStampRoundOff vector', () => {
    expect(canonicalTimestamp('2023-02-02T11:04:03.1415Z')).toBe('2023-02-02T11:04:03.142Z');
    expect(canonicalTimestamp('2023-02-02T11:04:03.1414Z')).toBe('2023-02-02T11:04:03.141Z');
    expect(canonicalTimestamp('2020-03-04T11:00:30+01:00')).toBe('2020-03-04T10:00:30.000Z');
    expect(canonicalTimestamp('2020-12-31T23:59:59.9996Z')).toBe('2021-01-01T00:00:00.000Z');
    // a tie rounds up (CBV 2.1 rule 9, HALF_UP), not to even
    expect(canonicalTimestamp('2023-02-02T11:04:03.1425Z')).toBe('2023-02-02T11:04:03.143Z');
    expect(canonicalTimestamp('2023-02-02T11:04:00.0005Z')).toBe('2023-02-02T11:04:00.001Z');
    expect(canonicalTimestamp('not a time')).toBe('not a time');
  });

  it('reads every offset form the validator accepts: +08, +0800, a lower-case t (found in review)', () => {
    const utc = '2025-01-02T01:00:00.000Z';
    for (const t of [
      '2025-01-02T09:00:00+08:00',
      '2025-01-02T09:00:00+08',
      '2025-01-02T09:00:00.000+0800',
      '2025-01-02t09:00:00+08:00',
    ])
      expect([t, canonicalTimestamp(t)]).toEqual([t, utc]);
  });
});

describe('eventPreHash of values written in another form (found in review)', () => {
  it('a CBV URN in capitals is hashed as written, as the reference implementation does', () => {
    // (its replace of `urn:epcglobal:cbv:bizstep:` is case-sensitive; the validator reports the
    // value, strict or lenient, so the hash of a valid event never meets it)
    const bare = eventPreHash({ ...base, bizStep: 'shipping' });
    expect(eventPreHash({ ...base, bizStep: 'urn:epcglobal:cbv:bizstep:shipping' })).toBe(bare);
    expect(eventPreHash({ ...base, bizStep: 'URN:EPCGLOBAL:cbv:bizstep:shipping' })).toContain(
      'bizStep=URN:EPCGLOBAL:cbv:bizstep:shipping',
    );
  });

  it('an eventTime with an offset without minutes hashes as the same instant written in full', () => {
    expect(eventPreHash({ ...base, eventTime: '2020-03-04T11:00:30+01' })).toBe(eventPreHash(base));
  });
});
