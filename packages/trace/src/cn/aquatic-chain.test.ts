import { describe, expect, it } from 'vitest';
import { checkProfile } from '../profiles/check-profile.js';
import type { EpcisJsonEvent } from '../testdata/epcis-json.js';
import {
  generateSeaCucumberChain,
  SEA_CUCUMBER_ACTORS,
  type SeaCucumberVariant,
} from '../testdata/sea-cucumber-chain.js';
import { CN_AQUATIC_CHAIN_PROFILE } from './aquatic-chain.js';

type Event = Record<string, unknown>;

const findings = (events: readonly unknown[]) =>
  checkProfile(events, CN_AQUATIC_CHAIN_PROFILE)
    .diagnostics.filter((d) => d.code !== 'RULESET_NOT_VERIFIED')
    .map((d) => [d.code, d.path, d.params?.kde ?? d.params?.requires, d.params?.otherIndex]);

/** The chain as a platform that writes no step names records it. */
function unnamed(variant: SeaCucumberVariant = 'valid'): Event[] {
  return generateSeaCucumberChain({ variant }).events.map((e) => {
    const { 'fsk:cte': _step, ...rest } = e as Event;
    return rest;
  });
}

/** An event moved in time by `hours`, under a new eventID. */
function later(event: EpcisJsonEvent | Event, hours: number, id: string, extra: Event = {}): Event {
  const time = Date.parse(event.eventTime as string) + hours * 3_600_000;
  return {
    ...event,
    eventID: `urn:uuid:00000000-0000-4000-8000-${id.padStart(12, '0')}`,
    eventTime: new Date(time).toISOString(),
    eventTimeZoneOffset: '+00:00',
    ...extra,
  };
}

// positions in the generated chain: 0 release, 1–2 grow-out, 3 harvest, 4 shipping of the live
// harvest, 5 its receipt, 6 processing, 7 inspection, 8 warehouse-out, 9 receipt, 10–12 sales
const INSPECTION = 7;
const WAREHOUSE_OUT = 8;

describe('cn.aquatic-chain: steps the events do not name', () => {
  it('reads release, harvest, processing, inspection and sale from their shape, and passes the chain', () => {
    const events = unnamed();
    const { ctes } = checkProfile(events, CN_AQUATIC_CHAIN_PROFILE);
    expect(ctes).toEqual([
      'seedling-release',
      undefined, // grow-out: a sensor reading like any other, by name only
      undefined,
      'harvest',
      undefined, // the ranch ships the live harvest: not a warehouse-out (nothing processed it)
      undefined,
      'processing',
      'inspection',
      'warehouse-out', // the plant's plain shipping of what it processed: recognised in context
      undefined,
      'sale',
      'sale',
      'sale',
    ]);
    expect(findings(events)).toEqual([]);
  });
  it('flags a plain shipping of processed product from the plant with no inspection before it', () => {
    // processing (6), no inspection, the plant's plain shipping (7), sales later: the one finding is
    // the missing inspection, not "the sale has no warehouse-out"
    expect(findings(unnamed('missing-inspection'))).toEqual([
      ['TRACE_PROFILE_STEP_MISSING', [7], 'inspection', undefined],
    ]);
  });
  it('does not read a shipping of processed product from another place as the warehouse-out', () => {
    const events = unnamed('missing-inspection');
    const { retailer } = SEA_CUCUMBER_ACTORS;
    const receipt = events[8] as Event; // the retailer's receipt of the processed lot
    const reship = later(receipt, 30, '1', {
      bizStep: 'shipping',
      disposition: 'in_transit',
      readPoint: { id: retailer.location },
      sourceList: [{ type: 'location', source: retailer.location }],
    });
    const { bizLocation: _b, ...reshipped } = reship;
    expect(findings([...events, reshipped])).toEqual([
      ['TRACE_PROFILE_STEP_MISSING', [7], 'inspection', undefined],
    ]);
  });
  it('asks a warehouse-out read in context for its key data', () => {
    const events = unnamed();
    const { destinationList: _d, ...noBuyer } = events[WAREHOUSE_OUT] as Event;
    events[WAREHOUSE_OUT] = noBuyer;
    // the retailer's receipt still names its source, so the sales stay after a warehouse-out
    expect(findings(events)).toEqual([
      ['TRACE_PROFILE_KDE_MISSING', [WAREHOUSE_OUT], 'destination', undefined],
    ]);
  });
});

describe('cn.aquatic-chain: a conformant inspection before warehouse-out', () => {
  const chain = () => generateSeaCucumberChain().events.map((e) => ({ ...e }) as Event);
  const nonConformant = (events: Event[]) => {
    events[INSPECTION] = { ...events[INSPECTION], disposition: 'non_conformant' };
    return events;
  };

  it('flags the warehouse-out after a non-conformant result, even if a conformant re-inspection follows it', () => {
    const events = nonConformant(chain());
    const reinspection = later(events[INSPECTION] as Event, 60, '2', { disposition: 'conformant' });
    expect(Date.parse(reinspection.eventTime as string)).toBeGreaterThan(
      Date.parse(events[WAREHOUSE_OUT]?.eventTime as string),
    );
    const found = checkProfile([...events, reinspection], CN_AQUATIC_CHAIN_PROFILE).diagnostics;
    expect(
      found
        .filter((d) => d.code !== 'RULESET_NOT_VERIFIED')
        .map((d) => [d.code, d.path, d.params?.otherIndex, d.params?.result]),
    ).toEqual([
      ['TRACE_PROFILE_RELEASED_NOT_CONFORMANT', [WAREHOUSE_OUT], INSPECTION, 'non_conformant'],
    ]);
  });
  it('says when the inspection recorded no result, in the words of the locale', () => {
    const events = chain();
    const { disposition: _, ...noResult } = events[INSPECTION] as Event;
    events[INSPECTION] = noResult as Event;
    const found = checkProfile(events, CN_AQUATIC_CHAIN_PROFILE, { locale: 'zh-CN' });
    const d = found.diagnostics.find((x) => x.code === 'TRACE_PROFILE_RELEASED_NOT_CONFORMANT');
    expect(d?.params?.result).toEqual({ 'zh-CN': '未记录', en: '(none)' });
    expect(d?.message).toContain('结论为“未记录”');
  });
  it('names the steps by their Chinese labels in zh-CN, and by id in the params', () => {
    const events = nonConformant(chain());
    const [d] = checkProfile(events, CN_AQUATIC_CHAIN_PROFILE, {
      locale: 'zh-CN',
    }).diagnostics.filter((x) => x.code === 'TRACE_PROFILE_RELEASED_NOT_CONFORMANT');
    const { eventID, lot } = d?.params ?? {};
    // the zh-CN template filled in by hand: warehouse-out is 出库, inspection 检验, the result
    // non_conformant 不合格
    expect(d?.message).toBe(
      `事件 [${WAREHOUSE_OUT}] ${eventID}（出库）：批次 ${lot} 此前最近一次“检验”（事件 [${INSPECTION}]）结论为“不合格”，未经复检合格即放行（cn.aquatic-chain）`,
    );
    expect(d?.params).toMatchObject({
      cte: 'warehouse-out',
      requires: 'inspection',
      result: 'non_conformant',
    });
  });
  it('names a missing step by its label in both languages', () => {
    const events = unnamed('missing-inspection');
    const zh = checkProfile(events, CN_AQUATIC_CHAIN_PROFILE, { locale: 'zh-CN' });
    const en = checkProfile(events, CN_AQUATIC_CHAIN_PROFILE, { locale: 'en' });
    const pick = (r: typeof zh) =>
      r.diagnostics.find((x) => x.code === 'TRACE_PROFILE_STEP_MISSING')?.message;
    expect(pick(zh)).toMatch(/（出库）之前，批次 \S+ 没有必需的“检验”环节（cn\.aquatic-chain）$/);
    expect(pick(en)).toMatch(
      /\(Warehouse-out\): lot \S+ has no "Inspection" step before it, which cn\.aquatic-chain requires$/,
    );
  });
  it('accepts a non-conformant result followed by a conformant re-inspection before warehouse-out', () => {
    const events = nonConformant(chain());
    const reinspection = later(events[INSPECTION] as Event, 20, '3', { disposition: 'conformant' });
    expect(findings([...events, reinspection])).toEqual([]);
  });
  it('accepts a non-conformant result followed by destroying the lot', () => {
    const events = nonConformant(chain()).slice(0, WAREHOUSE_OUT);
    const destroyed = later(events[INSPECTION] as Event, 2, '4', {
      bizStep: 'destroying',
      disposition: 'destroyed',
      'fsk:cte': 'destruction',
      'fsk:inspectionCertificate': undefined,
    });
    expect(findings([...events, destroyed])).toEqual([]);
  });
  it('does not take an inspection whose time cannot be read as one before the warehouse-out', () => {
    const events = chain();
    events[INSPECTION] = { ...events[INSPECTION], eventTime: 'not a time' };
    expect(findings(events)).toEqual([
      ['TRACE_PROFILE_STEP_MISSING', [WAREHOUSE_OUT], 'inspection', undefined],
    ]);
  });
  it('does not take a required step whose time cannot be read as one before (requires-before)', () => {
    const events = chain();
    const harvest = events.findIndex((e) => e['fsk:cte'] === 'harvest');
    events[harvest] = { ...events[harvest], eventTime: 'not a time' };
    expect(findings(events)).toEqual([
      ['TRACE_PROFILE_STEP_MISSING', [harvest + 3], 'harvest', undefined],
    ]);
  });
  it('goes by the last inspection: a conformant result overturned before warehouse-out is flagged', () => {
    const events = chain();
    const overturned = later(events[INSPECTION] as Event, 20, '5', {
      disposition: 'non_conformant',
    });
    expect(findings([...events, overturned])).toEqual([
      ['TRACE_PROFILE_RELEASED_NOT_CONFORMANT', [WAREHOUSE_OUT], 'inspection', events.length],
    ]);
  });
});
