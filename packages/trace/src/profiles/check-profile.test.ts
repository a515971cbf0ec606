import { createEngine } from '@foodsafety/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { buildLotGraph } from '../chain/lot-graph.js';
import { createTraceIndex } from '../chain/trace-index.js';
import { generateSeaCucumberChain } from '../testdata/sea-cucumber-chain.js';
import { english } from './__fixtures__/english.js';
import { checkProfile, recogniseCte } from './check-profile.js';
import { FSMA_204_PROFILE } from './fsma-204.js';
import { GDST_PROFILE } from './gdst.js';
import { recordRetentionUntil } from './record-retention.js';
import {
  defineKde,
  type TraceProfile,
  traceProfiles,
  validateTraceProfile,
} from './trace-profile.js';
import { traceFsma204, traceGdst } from './trace-profile-plugins.js';

const findings = (events: unknown, profile: TraceProfile) =>
  checkProfile(events, profile).diagnostics.filter((d) => d.code !== 'RULESET_NOT_VERIFIED');

describe('FSMA 204 profile', () => {
  it('has the seven critical tracking events of the final rule', () => {
    expect(FSMA_204_PROFILE.ctes.map((c) => c.id)).toEqual([
      'harvesting',
      'cooling',
      'first-land-based-receiving',
      'initial-packing',
      'shipping',
      'receiving',
      'transformation',
    ]);
  });
  it('asks for the eight shipping KDEs of 21 CFR 1.1340(a)', () => {
    const shipping = FSMA_204_PROFILE.ctes.find((c) => c.id === 'shipping');
    const cited = new Set(shipping?.kdes.map((k) => k.citation));
    for (let p = 1; p <= 8; p += 1) expect(cited.has(`21 CFR 1.1340(a)(${p})`)).toBe(true);
  });
  it('allows new lot codes only at initial packing, first land-based receiving and transformation (§1.1320)', () => {
    const rule = FSMA_204_PROFILE.rules.find((r) => r.kind === 'new-lot-only-at');
    expect(rule?.kind === 'new-lot-only-at' && rule.ctes).toEqual([
      'initial-packing',
      'first-land-based-receiving',
      'transformation',
    ]);
    const { events } = generateSeaCucumberChain();
    const lotRule = findings(events, FSMA_204_PROFILE).filter(
      (d) => d.code === 'TRACE_PROFILE_NEW_LOT_NOT_ALLOWED',
    );
    // the harvest (a transformation event named "harvest") makes a new lot: not allowed under FSMA
    expect(lotRule.map((d) => [d.path, d.params?.cte])).toEqual([
      [[3, 'outputQuantityList', 0], 'harvesting'],
    ]);
  });
  it('reports each missing KDE with its citation and a path to the event', () => {
    const { events } = generateSeaCucumberChain();
    const missing = findings(events, FSMA_204_PROFILE).filter(
      (d) => d.code === 'TRACE_PROFILE_KDE_MISSING',
    );
    expect(missing.map((d) => [d.path, d.params?.kde])).toContainEqual([[4], 'tlcSource']);
    const tlc = missing.find((d) => d.params?.kde === 'tlcSource');
    expect(tlc?.params?.citation).toBe('21 CFR 1.1340(a)(7)');
    expect(tlc?.message).toContain('us.fsma-204');
  });
  it('does not check again an event the chain leaves out (a re-sent duplicate), in a list or an index', () => {
    const { events } = generateSeaCucumberChain();
    const resent = [...events, events[4] as (typeof events)[number]]; // the shipment, sent twice
    const kdeAt = (ds: readonly { code: string; path?: readonly unknown[] }[]) =>
      ds.filter((d) => d.code === 'TRACE_PROFILE_KDE_MISSING').map((d) => d.path?.[0]);
    const once = kdeAt(findings(events, FSMA_204_PROFILE));
    expect(once).toContain(4);
    expect(kdeAt(findings(resent, FSMA_204_PROFILE))).toEqual(once); // nothing at [13]
    expect(checkProfile(resent, FSMA_204_PROFILE).ctes[events.length]).toBeUndefined();
    const index = createTraceIndex({ retainEvents: true });
    for (const e of resent) index.add(e);
    expect(kdeAt(findings(index.graph, FSMA_204_PROFILE))).toEqual(once);
  });
  it('does not check an error declaration nor the event it declares erroneous, in a list or an index', () => {
    // EPCIS 2.0 §7.4.1.4: the shipment (event 4) declared erroneous by a copy of it that carries
    // errorDeclaration; neither is a record of the chain any more, so no KDE is asked of them
    const { events } = generateSeaCucumberChain();
    const shipment = events[4] as Record<string, unknown>;
    const declaration = {
      ...shipment,
      errorDeclaration: { declarationTime: '2025-05-01T00:00:00Z', reason: 'incorrect_data' },
    };
    const declared = [...events, declaration];
    const kdeAt = (ds: readonly { code: string; path?: readonly unknown[] }[]) =>
      ds.filter((d) => d.code === 'TRACE_PROFILE_KDE_MISSING').map((d) => d.path?.[0]);
    const all = kdeAt(findings(events, FSMA_204_PROFILE));
    expect(all).toContain(4);
    const without4 = all.filter((i) => i !== 4);
    expect(kdeAt(findings(declared, FSMA_204_PROFILE))).toEqual(without4);
    const result = checkProfile(declared, FSMA_204_PROFILE);
    expect([result.ctes[4], result.ctes[events.length]]).toEqual([undefined, undefined]);
    const index = createTraceIndex({ retainEvents: true });
    for (const e of declared) index.add(e);
    expect(kdeAt(findings(index.graph, FSMA_204_PROFILE))).toEqual(without4);
  });
  it('is satisfied by a shipping event carrying every KDE', () => {
    const ship = {
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'shipping',
      eventTime: '2024-01-01T00:00:00Z',
      quantityList: [
        { epcClass: 'urn:epc:class:lgtin:0614141.011111.L1', quantity: 6, uom: 'KGM' },
      ],
      sourceList: [{ type: 'location', source: 'urn:epc:id:sgln:0614141.00001.0' }],
      destinationList: [{ type: 'location', destination: 'urn:epc:id:sgln:0614141.00002.0' }],
      bizTransactionList: [
        { type: 'bol', bizTransaction: 'urn:epcglobal:cbv:bt:0614141000005:BOL1' },
      ],
      'gs1ushc:tlcSource': 'urn:epc:id:sgln:0614141.00001.0',
    };
    expect(recogniseCte(ship, FSMA_204_PROFILE)).toBe('shipping');
    expect(findings([ship], FSMA_204_PROFILE)).toEqual([]);
    const { destinationList: _d, ...withoutRecipient } = ship;
    expect(findings([withoutRecipient], FSMA_204_PROFILE).map((d) => d.params?.kde)).toEqual([
      'subsequentRecipient',
    ]);
  });
  it('says its confidence first', () => {
    const [first] = checkProfile([], FSMA_204_PROFILE).diagnostics;
    expect([first?.code, first?.params?.confidence]).toEqual(['RULESET_NOT_VERIFIED', 'secondary']);
  });
});

describe('GDST profile', () => {
  it('recognises the sea-cucumber steps as GDST CTEs', () => {
    const { events } = generateSeaCucumberChain();
    expect(checkProfile(events, GDST_PROFILE).ctes.slice(3, 7)).toEqual([
      'farm-harvest',
      'shipping',
      'receiving',
      'processing',
    ]);
  });
  it('asks every event for its product owner and information provider', () => {
    const { events } = generateSeaCucumberChain();
    const kdes = new Set(findings(events, GDST_PROFILE).map((d) => d.params?.kde));
    expect(kdes).toEqual(new Set(['productOwner', 'informationProvider']));
  });
});

describe('checkProfile inputs', () => {
  it('reads a graph that kept its events, and refuses one that did not', () => {
    const { events } = generateSeaCucumberChain();
    expect(checkProfile(buildLotGraph(events), FSMA_204_PROFILE).diagnostics).toEqual(
      checkProfile(events, FSMA_204_PROFILE).diagnostics,
    );
    const index = createTraceIndex();
    for (const e of events) index.add(e);
    expect(checkProfile(index.graph, FSMA_204_PROFILE).diagnostics.map((d) => d.code)).toContain(
      'TRACE_PROFILE_EVENTS_UNAVAILABLE',
    );
  });
  it('does not throw on junk', () => {
    expect(() =>
      checkProfile([null, 1, { fsk: { cte: 1 } }, { 'x:cte': 'shipping' }], FSMA_204_PROFILE),
    ).not.toThrow();
    expect(findings([{ 'x:cte': 'shipping' }], FSMA_204_PROFILE).length).toBeGreaterThan(0);
  });
  it('reads values without a prototype (Object.create(null)) as values, not as text', () => {
    // String() throws on such an object; an event built in code may hold one anywhere
    const bare = Object.create(null) as Record<string, unknown>;
    const { events } = generateSeaCucumberChain();
    const edited = events.map((e, i) => (i === 0 ? { ...e, type: bare, bizStep: bare } : e));
    expect(() => checkProfile(edited, FSMA_204_PROFILE)).not.toThrow();
    expect(() => checkProfile(edited, GDST_PROFILE)).not.toThrow();
    // an event whose type, action or business step is an object is no CTE of the profile
    const transformation = { type: 'TransformationEvent' };
    expect(recogniseCte(transformation, GDST_PROFILE)).toBe('processing');
    expect(recogniseCte({ ...transformation, type: bare }, GDST_PROFILE)).toBe(undefined);
    const landing = { type: 'ObjectEvent', action: 'ADD', bizStep: 'receiving' };
    expect(recogniseCte(landing, FSMA_204_PROFILE)).toBe('first-land-based-receiving');
    expect(recogniseCte({ ...landing, action: bare }, FSMA_204_PROFILE)).toBe('receiving');
    expect(recogniseCte({ ...landing, bizStep: bare }, FSMA_204_PROFILE)).toBe(undefined);
  });
});

describe('validateTraceProfile', () => {
  it('accepts the built-in profiles', () => {
    expect(validateTraceProfile(FSMA_204_PROFILE)).toEqual([]);
    expect(validateTraceProfile(GDST_PROFILE)).toEqual([]);
  });
  it('rejects duplicate CTEs and rules naming unknown CTEs, with paths', () => {
    const broken: TraceProfile = {
      ...GDST_PROFILE,
      ctes: [...GDST_PROFILE.ctes, GDST_PROFILE.ctes[0] as TraceProfile['ctes'][number]],
      rules: [{ kind: 'requires-before', id: 'x', cte: 'nope', requires: 'fishing', scope: 'lot' }],
    };
    expect(validateTraceProfile(broken).map((d) => [d.code, d.path])).toEqual([
      ['TRACE_PROFILE_INVALID', ['ctes', 7, 'id']],
      ['TRACE_PROFILE_INVALID', ['rules', 0, 'cte']],
    ]);
  });
  it('reports, and does not throw on, CTE lists that are not lists and ids that are objects', () => {
    const bare = Object.create(null) as never;
    const broken = {
      ...GDST_PROFILE,
      ctes: [{ ...(GDST_PROFILE.ctes[0] as object), id: bare, kdes: [{ id: bare, select: [] }] }],
      rules: [
        { kind: 'new-lot-only-at', id: 'a', ctes: { 0: 'fishing' } },
        { kind: 'value', id: 'b', ctes: 'fishing', select: 'x', op: 'exists' },
        { kind: 'value', id: 'c', ctes: [bare], select: 'x', op: 'exists' },
        { kind: bare },
        // biome-ignore lint/suspicious/noSparseArray: a hole in the list is the case under test
        { kind: 'new-lot-only-at', id: 'd', ctes: [, 'fishing'] },
      ],
    } as unknown as TraceProfile;
    const found = validateTraceProfile(broken);
    expect(found.map((d) => [d.code, d.path, english(d.params?.detail)])).toEqual([
      ['TRACE_PROFILE_INVALID', ['ctes', 0, 'id'], 'a CTE has no id'],
      ['TRACE_PROFILE_INVALID', ['ctes', 0, 'kdes', 0, 'id'], 'a KDE of object has no id'],
      [
        'TRACE_PROFILE_INVALID',
        ['ctes', 0, 'kdes', 0, 'label'],
        'KDE object of object has no label (an object with zh-CN and en texts)',
      ],
      [
        'TRACE_PROFILE_INVALID',
        ['ctes', 0, 'kdes', 0, 'select'],
        'KDE object of object selects nothing',
      ],
      ['TRACE_PROFILE_INVALID', ['rules', 0, 'ctes'], 'the CTEs of a rule must be a list'],
      ['TRACE_PROFILE_INVALID', ['rules', 1, 'ctes'], 'the CTEs of a rule must be a list'],
      ['TRACE_PROFILE_INVALID', ['rules', 2, 'ctes', 0], 'rule names an unknown CTE object'],
      ['TRACE_PROFILE_INVALID', ['rules', 3, 'id'], 'a rule has no id'],
      ['TRACE_PROFILE_INVALID', ['rules', 3, 'kind'], 'unknown rule kind object'],
      ['TRACE_PROFILE_INVALID', ['rules', 4, 'ctes', 0], 'rule names an unknown CTE undefined'],
      // the one CTE here has no id, so no CTE is known
      ['TRACE_PROFILE_INVALID', ['rules', 4, 'ctes', 1], 'rule names an unknown CTE fishing'],
    ]);
  });
});

describe('profiles as plugins', () => {
  it('contributes FSMA and GDST to trace.profiles', () => {
    const engine = createEngine({ plugins: [traceFsma204(), traceGdst()] });
    expect(engine.keys(traceProfiles)).toEqual(['us.fsma-204', 'gdst']);
    expect(engine.require(traceProfiles, 'us.fsma-204')).toBe(FSMA_204_PROFILE);
  });
});

describe('recordRetentionUntil', () => {
  it('keeps records 6 months past the shelf life, else 2 years (Food Safety Law art. 50)', () => {
    const profile: TraceProfile = {
      ...GDST_PROFILE,
      rules: [
        {
          kind: 'retention',
          id: 'r',
          monthsAfterShelfLife: 6,
          minYears: 2,
          shelfLifeSelect: ['*:bestBeforeDate'],
        },
      ],
    };
    expect(
      recordRetentionUntil(
        { eventTime: '2025-05-03T09:00:00.000+08:00', 'fsk:bestBeforeDate': '2026-10-24' },
        profile,
      ),
    ).toBe('2027-04-24');
    expect(
      recordRetentionUntil(
        { eventTime: '2025-05-03T09:00:00.000+08:00', 'fsk:bestBeforeDate': '2026-08-31' },
        profile,
      ),
    ).toBe('2027-02-28');
    expect(recordRetentionUntil({ eventTime: '2024-02-29T09:00:00.000+08:00' }, profile)).toBe(
      '2026-02-28',
    );
    expect(
      recordRetentionUntil({ eventTime: '2024-02-29T09:00:00.000+08:00' }, GDST_PROFILE),
    ).toBeUndefined();
  });
});

describe('defineKde', () => {
  it('builds a KDE with both labels, leaving the default required flag out', () => {
    expect(
      defineKde('tlc', 'Traceability lot code', '追溯批次代码', ['epcList[*]'], {
        citation: '21 CFR 1.1340(a)(1)',
      }),
    ).toEqual({
      id: 'tlc',
      label: { en: 'Traceability lot code', 'zh-CN': '追溯批次代码' },
      select: ['epcList[*]'],
      citation: '21 CFR 1.1340(a)(1)',
    });
    expect(defineKde('x', 'X', '某', ['a'], { required: false })).toMatchObject({
      required: false,
    });
    expect('citation' in defineKde('x', 'X', '某', ['a'])).toBe(false);
  });
});
