import { describe, expect, it } from 'vitest';
import { checkProfile, recogniseCte } from './check-profile.js';
import { FSMA_204_PROFILE } from './fsma-204.js';

const TLC = 'urn:epc:class:lgtin:0614141.011111.L1';
const PACKER = 'urn:epc:id:sgln:0614141.00001.0';
const FARM = 'urn:epc:id:sgln:0614142.00001.0';
const FARM_PARTY = 'urn:epc:id:pgln:0614142.00000';
const PO = 'urn:epcglobal:cbv:bt:0614141000005:PO1';

const findings = (events: unknown[]) =>
  checkProfile(events, FSMA_204_PROFILE)
    .diagnostics.filter((d) => d.code !== 'RULESET_NOT_VERIFIED')
    .map((d) => [d.code, d.params?.kde ?? d.params?.lot]);

const citations = (cte: string) =>
  FSMA_204_PROFILE.ctes
    .find((c) => c.id === cte)
    ?.kdes.map((k) => [k.citation, k.required !== false]) ?? [];

/** The review's initial packing: a packer's ADD of the TLC, harvest date in the ILMD (§1.1330(a)(8)). */
const packing = {
  type: 'ObjectEvent',
  action: 'ADD',
  bizStep: 'packing',
  eventTime: '2025-05-02T08:00:00Z',
  quantityList: [{ epcClass: TLC, quantity: 200, uom: 'KGM' }],
  readPoint: { id: PACKER },
  bizLocation: { id: PACKER },
  sourceList: [
    { type: 'owning_party', source: FARM_PARTY },
    { type: 'location', source: FARM },
  ],
  bizTransactionList: [{ type: 'po', bizTransaction: PO }],
  ilmd: {
    'fsk:harvestStartDate': '2025-05-01',
    'fsk:commodity': 'Romaine',
    'fsk:dateReceived': '2025-05-01',
    'fsk:quantityReceived': '12 bins',
  },
};

/** A first land-based receiver's ADD: the trip's harvest dates and catch area (§1.1335(d)). */
const landing = {
  type: 'ObjectEvent',
  action: 'ADD',
  bizStep: 'receiving',
  eventTime: '2025-05-03T05:00:00Z',
  quantityList: [{ epcClass: TLC, quantity: 300, uom: 'KGM' }],
  bizLocation: { id: PACKER },
  bizTransactionList: [{ type: 'po', bizTransaction: PO }],
  ilmd: {
    'fsk:harvestStartDate': '2025-04-28',
    'fsk:harvestEndDate': '2025-05-02',
    'fsk:catchArea': 'FAO 67',
  },
};

describe('FSMA 204 CTEs recognised by shape', () => {
  it('reads a packing ADD with the harvest date as initial packing, not harvesting (§1.1330)', () => {
    expect(recogniseCte(packing, FSMA_204_PROFILE)).toBe('initial-packing');
    // every mandatory KDE of §1.1330(a) is there: no finding, and the TLC may be assigned here
    expect(findings([packing])).toEqual([]);
    // without the received date and quantity, §1.1330(a)(2) and (3) are missing
    const { 'fsk:dateReceived': _d, 'fsk:quantityReceived': _q, ...ilmd } = packing.ilmd;
    const bare = checkProfile([{ ...packing, ilmd }], FSMA_204_PROFILE).diagnostics.filter(
      (d) => d.code === 'TRACE_PROFILE_KDE_MISSING',
    );
    expect(bare.map((d) => d.params?.citation)).toEqual([
      '21 CFR 1.1330(a)(2)',
      '21 CFR 1.1330(a)(3)',
    ]);
  });
  it('reads a packing transformation of harvested bins as initial packing (§1.1310 excludes it from transformation)', () => {
    const bins = {
      type: 'TransformationEvent',
      bizStep: 'packing',
      eventTime: '2025-05-02T08:00:00Z',
      inputQuantityList: [{ epcClass: 'urn:epc:idpat:sgtin:0614142.011111.*', quantity: 12 }],
      outputQuantityList: [{ epcClass: TLC, quantity: 200, uom: 'KGM' }],
      bizLocation: { id: PACKER },
      sourceList: [{ type: 'owning_party', source: FARM_PARTY }],
      bizTransactionList: [{ type: 'po', bizTransaction: PO }],
      ilmd: { 'fsk:harvestDate': '2025-05-01', 'fsk:dateReceived': '2025-05-01' },
    };
    expect(recogniseCte(bins, FSMA_204_PROFILE)).toBe('initial-packing');
    expect(findings([bins])).toEqual([]);
    const { ilmd: _i, ...noHarvest } = bins;
    expect(recogniseCte(noHarvest, FSMA_204_PROFILE)).toBe('transformation');
  });
  it('reads an ADD on receipt with the trip dates and catch area as first land-based receiving (§1.1335)', () => {
    expect(recogniseCte(landing, FSMA_204_PROFILE)).toBe('first-land-based-receiving');
    expect(findings([landing])).toEqual([]);
    const { 'fsk:catchArea': _c, ...ilmd } = landing.ilmd;
    const missing = checkProfile([{ ...landing, ilmd }], FSMA_204_PROFILE).diagnostics.filter(
      (d) => d.code === 'TRACE_PROFILE_KDE_MISSING',
    );
    expect(missing.map((d) => [d.params?.kde, d.params?.citation])).toEqual([
      ['catchLocations', '21 CFR 1.1335(d)'],
    ]);
  });
  it('reads only the harvester commissioning the harvested commodity as harvesting', () => {
    const harvest = {
      type: 'ObjectEvent',
      action: 'ADD',
      bizStep: 'commissioning',
      eventTime: '2025-05-01T10:00:00Z',
      quantityList: [{ epcClass: TLC, quantity: 12, uom: 'H87' }],
      bizLocation: { id: FARM },
      destinationList: [{ type: 'location', destination: PACKER }],
      bizTransactionList: [{ type: 'po', bizTransaction: PO }],
      ilmd: { 'fsk:harvestDate': '2025-05-01', 'fsk:fieldName': 'Block 7' },
    };
    expect(recogniseCte(harvest, FSMA_204_PROFILE)).toBe('harvesting');
    // the same ILMD at packing or on receipt is not a harvest
    expect(recogniseCte({ ...harvest, bizStep: 'packing' }, FSMA_204_PROFILE)).toBe(
      'initial-packing',
    );
    expect(recogniseCte({ ...harvest, bizStep: 'receiving' }, FSMA_204_PROFILE)).toBe(
      'first-land-based-receiving',
    );
    // a commissioning without harvest data is the packer's
    const { ilmd: _i, ...commissioning } = harvest;
    expect(recogniseCte(commissioning, FSMA_204_PROFILE)).toBe('initial-packing');
  });
});

describe('FSMA 204 harvest records and lot codes (§1.1320, §1.1325(a))', () => {
  // the harvester records the commodity it hands on; the TLC is the initial packer's
  const observed = {
    type: 'ObjectEvent',
    action: 'OBSERVE',
    bizStep: 'harvesting',
    eventTime: '2025-05-01T10:00:00Z',
    quantityList: [{ epcClass: 'urn:epc:idpat:sgtin:0614142.011111.*', quantity: 12, uom: 'H87' }],
    bizLocation: { id: FARM },
    destinationList: [{ type: 'location', destination: PACKER }],
    bizTransactionList: [{ type: 'po', bizTransaction: PO }],
    'fsk:harvestDate': '2025-05-01',
    'fsk:fieldName': 'Block 7',
  };
  it('takes a harvest that commissions no lot code, by shape or by name, without any finding', () => {
    expect(recogniseCte(observed, FSMA_204_PROFILE)).toBe('harvesting');
    expect(findings([observed])).toEqual([]);
    const named = { ...observed, bizStep: 'https://ref.gs1.org/cbv/BizStep-observing' };
    expect(recogniseCte(named, FSMA_204_PROFILE)).toBe(undefined);
    expect(recogniseCte({ ...named, 'fsk:cte': 'harvesting' }, FSMA_204_PROFILE)).toBe(
      'harvesting',
    );
  });
  it('warns of a harvest that commissions the lot code itself, and of nothing else', () => {
    const commissioned = {
      ...observed,
      action: 'ADD',
      bizStep: 'commissioning',
      ilmd: { 'fsk:harvestDate': '2025-05-01' },
    };
    expect(recogniseCte(commissioned, FSMA_204_PROFILE)).toBe('harvesting');
    const found = checkProfile([commissioned], FSMA_204_PROFILE).diagnostics.filter(
      (d) => d.code !== 'RULESET_NOT_VERIFIED',
    );
    expect(found.map((d) => [d.code, d.severity, d.params?.cte, d.path])).toEqual([
      ['TRACE_PROFILE_NEW_LOT_NOT_ALLOWED', 'warning', 'harvesting', [0, 'quantityList', 0]],
    ]);
  });
});

describe('FSMA 204 KDE tables against the rule text', () => {
  it('asks initial packing for §1.1330(a)(1)–(16), (5), (6), (9) and (10) only if applicable', () => {
    // §1.1330(a): (5) field for produce, (6) container for aquaculture, (9)/(10) cooling "if applicable"
    const conditional = new Set([5, 6, 9, 10]);
    const expected = new Map<number, boolean>();
    for (let p = 1; p <= 16; p += 1) expected.set(p, !conditional.has(p));
    const table = citations('initial-packing');
    for (const [p, required] of expected) {
      const cited = table.filter(([c]) => {
        const m = /^21 CFR 1\.1330\(a\)\((\d+)\)(?:–\((\d+)\))?$/.exec(String(c));
        return m !== null && Number(m[1]) <= p && p <= Number(m[2] ?? m[1]);
      });
      expect([p, cited.length > 0, cited.every(([, r]) => r === required)]).toEqual([
        p,
        true,
        true,
      ]);
    }
  });
  it('cites §1.1335(a)–(g) for first land-based receiving, (e) for the TLC source and (f) for the landing date', () => {
    const table = citations('first-land-based-receiving').map(([c]) => c);
    expect(new Set(table)).toEqual(
      new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((p) => `21 CFR 1.1335(${p})`)),
    );
    const flbr = FSMA_204_PROFILE.ctes.find((c) => c.id === 'first-land-based-receiving');
    const byCitation = (p: string) =>
      flbr?.kdes.filter((k) => k.citation === `21 CFR 1.1335(${p})`).map((k) => k.id);
    expect(byCitation('e')).toEqual(['receiverLocation']);
    expect(byCitation('f')).toEqual(['dateLanded']);
    expect(byCitation('g')).toEqual(['referenceDocument']);
  });
  it('cites §1.1325(b)(1)(i)–(vii) for cooling, the farm location (vi) included', () => {
    expect(citations('cooling')).toEqual(
      ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii'].map((p) => [`21 CFR 1.1325(b)(1)(${p})`, true]),
    );
    const cooling = FSMA_204_PROFILE.ctes.find((c) => c.id === 'cooling');
    expect(cooling?.kdes.find((k) => k.citation === '21 CFR 1.1325(b)(1)(vi)')?.id).toBe(
      'farmLocation',
    );
  });
  it('cites §1.1325(a)(1)(i)–(viii) for harvesting, (v)–(vi) only if applicable', () => {
    expect(citations('harvesting')).toEqual([
      ['21 CFR 1.1325(a)(1)(i)', true],
      ['21 CFR 1.1325(a)(1)(ii)', true],
      ['21 CFR 1.1325(a)(1)(iii)', true],
      ['21 CFR 1.1325(a)(1)(iv)', true],
      ['21 CFR 1.1325(a)(1)(v)–(vi)', false],
      ['21 CFR 1.1325(a)(1)(vii)', true],
      ['21 CFR 1.1325(a)(1)(viii)', true],
    ]);
  });
  it('cites §1.1350(a)(1)(i)–(iii) and (a)(2)(i)–(vi) for transformation, product descriptions included', () => {
    expect(citations('transformation').map(([c]) => c)).toEqual([
      ...['i', 'ii', 'iii'].map((p) => `21 CFR 1.1350(a)(1)(${p})`),
      ...['i', 'ii', 'iii', 'iv', 'v', 'vi'].map((p) => `21 CFR 1.1350(a)(2)(${p})`),
    ]);
  });
  it('says which paragraphs were compared with a copy of the text', () => {
    const notes = FSMA_204_PROFILE.meta.notes ?? '';
    for (const paragraphs of [
      '§1.1325(a)(1)/(b)(1)',
      '§1.1330(a)(1)–(16)',
      '§1.1335(a)–(g)',
      '§1.1350(a)',
    ])
      expect(notes).toContain(paragraphs);
    expect(notes).not.toContain('as remembered');
  });
});
