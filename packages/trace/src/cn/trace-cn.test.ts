import { createEngine } from '@foodsafety/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { checkProfile } from '../profiles/check-profile.js';
import { recordRetentionUntil } from '../profiles/record-retention.js';
import { traceProfiles, validateTraceProfile } from '../profiles/trace-profile.js';
import { generateSeaCucumberChain, SEA_CUCUMBER_VARIANTS } from '../testdata/sea-cucumber-chain.js';
import { CN_AQUATIC_CHAIN_PROFILE } from './aquatic-chain.js';
import { CN_FOOD_SAFETY_LAW_PROFILE } from './food-safety-law.js';
import { traceCn } from './trace-cn.js';

const codes = (events: unknown, profile = CN_AQUATIC_CHAIN_PROFILE) =>
  checkProfile(events, profile)
    .diagnostics.filter((d) => d.code !== 'RULESET_NOT_VERIFIED')
    .map((d) => [d.code, d.path]);

describe('traceCn()', () => {
  it('contributes both China profiles to trace.profiles', () => {
    const engine = createEngine({ plugins: [traceCn()] });
    expect(engine.keys(traceProfiles)).toEqual(['cn.food-safety-law', 'cn.aquatic-chain']);
    expect(validateTraceProfile(CN_FOOD_SAFETY_LAW_PROFILE)).toEqual([]);
    expect(validateTraceProfile(CN_AQUATIC_CHAIN_PROFILE)).toEqual([]);
  });
  it('marks both as secondary sources', () => {
    expect(CN_FOOD_SAFETY_LAW_PROFILE.meta.confidence).toBe('secondary');
    expect(CN_AQUATIC_CHAIN_PROFILE.meta.confidence).toBe('secondary');
  });
});

describe('cn.aquatic-chain', () => {
  it('lists the seven steps of the chain in order', () => {
    expect(CN_AQUATIC_CHAIN_PROFILE.ctes.map((c) => c.id)).toEqual([
      'seedling-release',
      'grow-out',
      'harvest',
      'processing',
      'inspection',
      'warehouse-out',
      'sale',
    ]);
  });
  it('accepts the whole chain', () => {
    expect(codes(generateSeaCucumberChain({ batches: 2 }).events)).toEqual([]);
  });
  it('requires inspection before warehouse-out (missing)', () => {
    expect(codes(generateSeaCucumberChain({ variant: 'missing-inspection' }).events)).toEqual([
      ['TRACE_PROFILE_STEP_MISSING', [7]],
    ]);
  });
  it('requires inspection before warehouse-out (inspected too late)', () => {
    const { events } = generateSeaCucumberChain();
    const late = events.map((e) =>
      e['fsk:cte'] === 'inspection' ? { ...e, eventTime: '2030-01-01T00:00:00.000+08:00' } : e,
    );
    const found = checkProfile(late, CN_AQUATIC_CHAIN_PROFILE).diagnostics.filter(
      (d) => d.code === 'TRACE_PROFILE_ORDER',
    );
    expect(found.map((d) => [d.path, d.params?.requires, d.params?.otherIndex])).toEqual([
      [[8], 'inspection', 7],
    ]);
  });
  it('does not let a lot out after a non-conformant inspection', () => {
    const { events } = generateSeaCucumberChain();
    const failed = events.map((e) =>
      e['fsk:cte'] === 'inspection' ? { ...e, disposition: 'non_conformant' } : e,
    );
    // the finding is on the warehouse-out (event 8), naming the inspection (event 7) and its result
    const found = checkProfile(failed, CN_AQUATIC_CHAIN_PROFILE).diagnostics.filter(
      (d) => d.code !== 'RULESET_NOT_VERIFIED',
    );
    expect(found.map((d) => [d.code, d.path, d.params?.otherIndex, d.params?.result])).toEqual([
      ['TRACE_PROFILE_RELEASED_NOT_CONFORMANT', [8], 7, 'non_conformant'],
    ]);
  });
  it('has no opinion on the rules the chain checks own', () => {
    for (const variant of SEA_CUCUMBER_VARIANTS) {
      if (variant === 'missing-inspection') continue;
      expect([variant, codes(generateSeaCucumberChain({ variant }).events)]).toEqual([variant, []]);
    }
  });
});

describe('cn.food-safety-law', () => {
  it('reads purchase inspection and release records of the chain, complete', () => {
    const result = checkProfile(generateSeaCucumberChain().events, CN_FOOD_SAFETY_LAW_PROFILE);
    expect(result.ctes.filter((c) => c !== undefined)).toEqual([
      'release',
      'purchase-inspection',
      'release',
      'purchase-inspection',
    ]);
    expect(codes(generateSeaCucumberChain().events, CN_FOOD_SAFETY_LAW_PROFILE)).toEqual([]);
  });
  it('reports a purchase record without shelf life or supplier (art. 50/53)', () => {
    const { events } = generateSeaCucumberChain();
    const bare = events.map((e, i) => {
      if (i !== 9) return e;
      const { 'fsk:bestBeforeDate': _b, sourceList: _s, ...rest } = e as Record<string, unknown>;
      return rest;
    });
    const found = checkProfile(bare, CN_FOOD_SAFETY_LAW_PROFILE).diagnostics.filter(
      (d) => d.code === 'TRACE_PROFILE_KDE_MISSING',
    );
    expect(found.map((d) => [d.path, d.params?.kde])).toEqual([
      [[9], 'shelfLife'],
      [[9], 'supplier'],
    ]);
    expect(found[0]?.params?.citation).toBe('《中华人民共和国食品安全法》第五十条、第五十三条');
  });
  it('computes how long a purchase record must be kept: 6 months past the shelf life', () => {
    const receipt = generateSeaCucumberChain().events[9] as Record<string, unknown>;
    const bestBefore = receipt['fsk:bestBeforeDate'] as string;
    const [y, m, d] = bestBefore.split('-').map(Number) as [number, number, number];
    const expected = new Date(Date.UTC(y, m - 1 + 6, d)).toISOString().slice(0, 10);
    expect(recordRetentionUntil(receipt, CN_FOOD_SAFETY_LAW_PROFILE)).toBe(expected);
    const { 'fsk:bestBeforeDate': _x, ...noShelfLife } = receipt;
    expect(recordRetentionUntil(noShelfLife, CN_FOOD_SAFETY_LAW_PROFILE)).toBe(
      `${Number((receipt.eventTime as string).slice(0, 4)) + 2}${(receipt.eventTime as string).slice(4, 10)}`,
    );
  });
});
