import { describe, expect, it } from 'vitest';
import { buildLotGraph } from '../chain/lot-graph.js';
import { CN_AQUATIC_CHAIN_PROFILE } from '../cn/aquatic-chain.js';
import { generateSeaCucumberChain } from '../testdata/sea-cucumber-chain.js';
import { checkProfile } from './check-profile.js';
import { toSortableSpreadsheet } from './sortable-spreadsheet.js';
import type { CteDefinition, ProfileRuleContext, TraceProfile } from './trace-profile.js';
import { validateTraceProfile } from './trace-profile.js';

const LOT = 'urn:epc:class:lgtin:6921001.000102.A1';
const HERE = 'urn:epc:id:sgln:6921001.00001.0';
const event = (index: number, bizStep: string, extra: Record<string, unknown> = {}) => ({
  type: 'ObjectEvent',
  action: 'OBSERVE',
  eventID: `urn:uuid:00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  eventTime: `2025-01-0${index + 1}T08:00:00+08:00`,
  eventTimeZoneOffset: '+08:00',
  bizStep,
  quantityList: [{ epcClass: LOT, quantity: 10, uom: 'KGM' }],
  readPoint: { id: HERE },
  ...extra,
});
// a cold store puts a lot away (0), ships it (1), and something unrelated is shipped (2)
const EVENTS = [
  event(0, 'storing'),
  event(1, 'shipping'),
  event(2, 'shipping', { quantityList: [{ epcClass: `${LOT}X`, quantity: 1, uom: 'KGM' }] }),
];

/** A shipping of a lot stored here before is a cold-store dispatch (a district's own step). */
function dispatches(context: ProfileRuleContext): number[] {
  const stored = new Set<string>();
  const out: number[] = [];
  context.events.forEach((e, index) => {
    const lots = ((e as { quantityList?: { epcClass: string }[] }).quantityList ?? []).map(
      (q) => q.epcClass,
    );
    if (context.ctes[index] === 'storing') for (const lot of lots) stored.add(lot);
    else if ((e as { bizStep?: string }).bizStep === 'shipping' && lots.some((l) => stored.has(l)))
      out.push(index);
  });
  return out;
}

function profile(inContext: unknown, extraCtes: TraceProfile['ctes'] = []): TraceProfile {
  const recogniser =
    inContext === undefined
      ? {}
      : { inContext: inContext as NonNullable<CteDefinition['inContext']> };
  return {
    meta: {
      id: 'example.cold-store',
      version: '1',
      jurisdiction: 'CN',
      effectiveFrom: '2025-01-01',
      source: 'example',
      confidence: 'verified',
    },
    label: { en: 'Cold store', 'zh-CN': '冷库' },
    ctes: [
      {
        id: 'storing',
        label: { en: 'Storing', 'zh-CN': '入库' },
        match: [{ bizSteps: ['storing'] }],
        kdes: [],
      },
      {
        id: 'dispatch',
        label: { en: 'Dispatch', 'zh-CN': '出库' },
        match: [{ cte: ['dispatch'] }],
        ...recogniser,
        kdes: [
          {
            id: 'destination',
            label: { en: 'Destination', 'zh-CN': '去向' },
            select: ['destinationList[*].destination'],
          },
        ],
      },
      ...extraCtes,
    ],
    rules: [],
  };
}

const found = (p: TraceProfile, events: unknown[] = EVENTS) => {
  const result = checkProfile(events, p);
  return {
    ctes: result.ctes,
    findings: result.diagnostics.map((d) => [d.code, d.path, d.params?.rule ?? d.params?.kde]),
  };
};

describe('CteDefinition.inContext: steps recognised by their place in the chain', () => {
  it('gives the step to the events it finds, which then get their KDE table checked', () => {
    expect(found(profile(dispatches))).toEqual({
      ctes: ['storing', 'dispatch', undefined],
      findings: [['TRACE_PROFILE_KDE_MISSING', [1], 'destination']],
    });
  });
  it('leaves the step an event was matched to, and events out of the chain, as they are', () => {
    // it claims every event; the storing keeps its step, and the error-declared shipping none
    const declared = {
      ...EVENTS[2],
      errorDeclaration: { declarationTime: '2025-01-05T00:00:00Z' },
    };
    const all = (context: ProfileRuleContext) => context.events.map((_, i) => i);
    expect(found(profile(all), [...EVENTS, declared]).ctes).toEqual([
      'storing',
      'dispatch',
      undefined,
      undefined,
    ]);
  });
  it('runs in the order of the CTEs, each seeing the steps given before it', () => {
    const seen: (string | undefined)[][] = [];
    const after: TraceProfile['ctes'] = [
      {
        id: 'audit',
        label: { en: 'Audit', 'zh-CN': '核查' },
        match: [],
        inContext: (context) => {
          seen.push([...context.ctes]);
          return [];
        },
        kdes: [],
      },
    ];
    found(profile(dispatches, after));
    expect(seen).toEqual([['storing', 'dispatch', undefined]]);
  });
  it('reports a recogniser that throws, and still checks everything else', () => {
    const { ctes, findings } = found(
      profile(() => {
        throw new Error('no stock data');
      }),
    );
    expect(ctes).toEqual(['storing', undefined, undefined]);
    expect(findings).toEqual([['TRACE_PROFILE_RULE_ERROR', [], 'dispatch.inContext']]);
    const thrown = checkProfile(
      EVENTS,
      profile(() => {
        throw new Error('no stock data');
      }),
    );
    expect(thrown.diagnostics[0]?.message).toContain('no stock data');
  });
  it('reports a result that is no list of event positions, keeping the valid positions', () => {
    const bad = checkProfile(
      EVENTS,
      profile(() => [-1, 1.5, 9, '2', 1]),
    );
    expect(bad.ctes).toEqual(['storing', 'dispatch', undefined]);
    expect(bad.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['TRACE_PROFILE_CONTEXT_RESULT_INVALID', 'error'],
      ['TRACE_PROFILE_KDE_MISSING', 'error'],
    ]);
    expect(bad.diagnostics[0]?.params?.detail).toEqual({
      'zh-CN': '第 0 项：-1 不是事件序号（共 3 个事件）（5 项中有 4 项不是事件序号）',
      en: 'item 0: -1 is no event position (of 3 events) (4 of 5 items are not event positions)',
    });
    // the step by its label in the message, by its id in the params
    expect(bad.diagnostics[0]?.message).toContain('"Dispatch"');
    expect(bad.diagnostics[0]?.params?.cte).toBe('dispatch');
    const notList = checkProfile(
      EVENTS,
      profile(() => 'all of them'),
    );
    expect(notList.diagnostics.map((d) => d.code)).toEqual([
      'TRACE_PROFILE_CONTEXT_RESULT_INVALID',
    ]);
    // a list whose reading throws (a proxy): an error finding, not an exception
    const trap = new Proxy([1], {
      get: () => {
        throw new Error('trap');
      },
    });
    expect(found(profile(() => trap)).findings).toEqual([
      ['TRACE_PROFILE_RULE_ERROR', [], 'dispatch.inContext'],
    ]);
  });
  it('hands recognisers and rules frozen lists: one cannot change what the others read', () => {
    const vandal = (context: ProfileRuleContext) => {
      (context.ctes as (string | undefined)[])[0] = 'bogus';
      return [1];
    };
    const result = checkProfile(EVENTS, profile(vandal));
    expect(result.ctes).toEqual(['storing', undefined, undefined]);
    expect(result.diagnostics.map((d) => [d.code, d.params?.rule])).toEqual([
      ['TRACE_PROFILE_RULE_ERROR', 'dispatch.inContext'],
    ]);
    // a custom rule listed first that clears the steps, or the events, fails alone
    const clearing: TraceProfile = {
      ...profile(dispatches),
      rules: [
        {
          kind: 'custom',
          id: 'clear',
          label: { en: 'Clear', 'zh-CN': '清除' },
          check: (context) => {
            (context.ctes as unknown[]).fill(undefined);
            return [];
          },
        },
        {
          kind: 'custom',
          id: 'empty',
          label: { en: 'Empty', 'zh-CN': '清空' },
          check: (context) => {
            (context.events as unknown[]).length = 0;
            return [];
          },
        },
        {
          kind: 'requires-before',
          id: 'dispatch-after-storing',
          cte: 'dispatch',
          requires: 'storing',
          scope: 'lot',
        },
      ],
    };
    const late = { ...EVENTS[0], eventTime: '2025-01-09T08:00:00+08:00' };
    const checked = checkProfile([late, EVENTS[1], EVENTS[2]], clearing);
    expect(checked.diagnostics.map((d) => [d.code, d.params?.rule ?? d.params?.kde])).toEqual([
      ['TRACE_PROFILE_KDE_MISSING', 'destination'],
      ['TRACE_PROFILE_RULE_ERROR', 'clear'],
      ['TRACE_PROFILE_RULE_ERROR', 'empty'],
      ['TRACE_PROFILE_ORDER', undefined],
    ]);
  });
  it('is checked by validateTraceProfile: a function or nothing', () => {
    const problems = validateTraceProfile(profile('yes'));
    expect(problems.map((d) => [d.code, d.path])).toEqual([
      ['TRACE_PROFILE_INVALID', ['ctes', 1, 'inContext']],
    ]);
    expect(checkProfile(EVENTS, profile('yes')).profile).toBeUndefined();
    expect(validateTraceProfile(profile(dispatches))).toEqual([]);
    expect(validateTraceProfile(profile(undefined))).toEqual([]);
  });
  it("fills the spreadsheet's CTE column (the aquatic chain's warehouse-out found in context)", () => {
    const events = generateSeaCucumberChain().events.map((e) => {
      const { 'fsk:cte': _named, ...rest } = e as Record<string, unknown>;
      return rest;
    });
    const graph = buildLotGraph(events);
    const { ctes } = checkProfile(events, CN_AQUATIC_CHAIN_PROFILE);
    expect(ctes.filter((c) => c === 'warehouse-out')).toHaveLength(1);
    const rows = toSortableSpreadsheet(graph, { profile: CN_AQUATIC_CHAIN_PROFILE })
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(','));
    const column = 14; // after the 14 base columns
    const byIndex = new Map(rows.map((r) => [Number(r[0]), r[column]]));
    expect(ctes.map((_, index) => byIndex.get(index))).toEqual(ctes.map((cte) => cte ?? ''));
  });
});
