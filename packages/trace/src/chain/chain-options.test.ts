import { isFoodSafetyError } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import { checkProfile } from '../profiles/check-profile.js';
import { FSMA_204_PROFILE } from '../profiles/fsma-204.js';
import { toSortableSpreadsheet } from '../profiles/sortable-spreadsheet.js';
import { generateSeaCucumberChain } from '../testdata/sea-cucumber-chain.js';
import { buildLotGraph } from './lot-graph.js';
import { lotGraphToDot, lotGraphToMermaid } from './lot-graph-diagram.js';
import { createTraceIndex } from './trace-index.js';
import { traceForward } from './trace-lot.js';
import { validateChain } from './validate-chain.js';

const { events, lots } = generateSeaCucumberChain();
const [first] = lots;
if (first === undefined) throw new Error('no lots');
const options = (d: readonly { code: string; path?: unknown }[]) =>
  d.filter((x) => x.code === 'TRACE_OPTION_INVALID').map((x) => x.path);

describe('chain options a function cannot use: a finding, the default, never an exception', () => {
  it('validateChain: a negative or non-finite tolerance or skew no longer makes false findings', () => {
    expect(validateChain(events)).toEqual([]); // the valid chain
    for (const [given, option] of [
      [{ massTolerance: -1 }, 'massTolerance'],
      [{ massTolerance: Number.NaN }, 'massTolerance'],
      [{ clockSkewMs: -1e12 }, 'clockSkewMs'],
      [{ clockSkewMs: '5' }, 'clockSkewMs'],
      [{ canonicalId: 'gs1' }, 'canonicalId'],
      [{ checks: false }, 'checks'],
    ] as const) {
      const found = validateChain(events, given as never);
      expect([option, found.map((d) => [d.code, d.path])]).toEqual([
        option,
        [['TRACE_OPTION_INVALID', ['options', option]]],
      ]);
    }
    for (const given of [null, 'strict', 7]) {
      expect(validateChain(events, given as never).map((d) => [d.code, d.path])).toEqual([
        ['TRACE_OPTION_INVALID', ['options']],
      ]);
    }
  });
  it('tables of the wrong shape (units, yield ranges, severities, master data): a finding and the default, never a throw', () => {
    const kg = (quantity: number, extra: Record<string, unknown>) => ({
      type: 'ObjectEvent',
      eventTime: '2025-05-01T08:00:00+08:00',
      eventTimeZoneOffset: '+08:00',
      quantityList: [{ epcClass: 'urn:epc:class:lgtin:6921001.000102.L1', quantity, uom: 'KGM' }],
      bizLocation: { id: 'urn:epc:id:sgln:6921001.00000.1' },
      ...extra,
    });
    // 1 kg made, 5 kg shipped: the default unit table must still find the excess
    const over = [
      kg(1, { action: 'ADD', bizStep: 'commissioning' }),
      kg(5, { action: 'OBSERVE', bizStep: 'shipping', eventTime: '2025-05-02T08:00:00+08:00' }),
    ];
    for (const [given, option] of [
      [{ units: {} }, 'units'],
      [{ units: { units: null } }, 'units'],
      [{ units: { units: { KGM: null } } }, 'units'],
      [{ units: { units: { KGM: { dimension: 'mass' } } } }, 'units'],
      [{ yieldRange: { min: '0.3', max: '0.6' } }, 'yieldRange'],
      [{ yieldRange: { min: Number.NaN, max: 1 } }, 'yieldRange'],
      [{ yieldRanges: { '06921001001039': { min: 0.6, max: 0.3 } } }, 'yieldRanges'],
      [{ severities: { TRACE_ORPHAN_LOT: 'bogus' } }, 'severities'],
      [{ masterData: { locations: 5 } }, 'masterData'],
      [{ masterData: { locations: [5] } }, 'masterData'],
    ] as const) {
      for (const run of [
        () => validateChain(over, given as never),
        () => {
          const index = createTraceIndex(given as never);
          return [...over.flatMap((e) => index.add(e)), ...index.finalize()];
        },
      ]) {
        const found = run();
        expect([option, found[0]?.code, found[0]?.path]).toEqual([
          option,
          'TRACE_OPTION_INVALID',
          ['options', option],
        ]);
        expect([option, found.map((d) => d.code)]).toEqual([
          option,
          expect.arrayContaining(['TRACE_MASS_BALANCE_EXCEEDED']),
        ]);
      }
    }
    // a one-shot iterable of master data is not used up by the check
    const locations = (function* () {
      yield 'urn:epc:id:sgln:6921001.00000.1';
    })();
    expect(options(validateChain(over, { masterData: { locations } }))).toEqual([]);
  });

  it('reads inherited options, and takes Infinity as no bound', () => {
    const inherited = validateChain(events, Object.create({ checks: 'no' }));
    expect(options(inherited)).toEqual([['options', 'checks']]);
    expect(options(validateChain(events, { clockSkewMs: Number.POSITIVE_INFINITY }))).toEqual([]);
    const typo = createTraceIndex({ massBalance: 'on-finish' } as never);
    expect(options(typo.add(events[0]))).toEqual([['options', 'massBalance']]);
  });
  it('buildLotGraph and createTraceIndex report them in their findings (the index with its first add)', () => {
    expect(options(buildLotGraph(events, null as never).diagnostics)).toEqual([['options']]);
    const index = createTraceIndex({ massTolerance: -1 } as never);
    expect(options(index.add(events[0]))).toEqual([['options', 'massTolerance']]);
    expect(options(index.add(events[1]))).toEqual([]);
    for (const e of events.slice(2)) index.add(e);
    expect(index.finalize()).toEqual([]);
    expect(options(index.diagnostics)).toEqual([['options', 'massTolerance']]);
  });
  it('checkProfile: an unsupported locale or severities that are no object, in the findings', () => {
    for (const [given, path] of [
      [{ locale: 'fr' }, ['options', 'locale']],
      [{ locale: 'en-US' }, ['options', 'locale']],
      [{ severities: null }, ['options', 'severities']],
      [null, ['options']],
    ] as const) {
      const r = checkProfile(events, FSMA_204_PROFILE, given as never);
      expect(options(r.diagnostics)).toEqual([path]);
      expect(r.profile?.id).toBe('us.fsma-204'); // still applied, with the defaults
    }
    // in Chinese when the locale is one
    const zh = checkProfile(events, FSMA_204_PROFILE, { locale: 'zh-CN', severities: 7 } as never);
    expect(zh.diagnostics[0]?.message).toContain('的选项 severities 为 7');
  });
  it('traceForward: a depth that is no whole number ≥ 0 is reported, and unlimited used', () => {
    const full = traceForward(buildLotGraph(events), first.seedling);
    for (const maxDepth of [1.5, Number.NaN, -1, '2']) {
      const r = traceForward(buildLotGraph(events), first.seedling, { maxDepth } as never);
      expect([maxDepth, r.lots, options(r.diagnostics)]).toEqual([
        maxDepth,
        full.lots,
        [['options', 'maxDepth']],
      ]);
    }
    // a valid depth is kept: one step reaches the lots at depth 1 only
    expect(full.lots.some((l) => l.depth > 1)).toBe(true);
    const one = traceForward(buildLotGraph(events), first.seedling, { maxDepth: 1 });
    expect([one.lots, one.diagnostics]).toEqual([full.lots.filter((l) => l.depth <= 1), []]);
    const unlimited = traceForward(buildLotGraph(events), first.seedling, { maxDepth: Infinity });
    expect([unlimited.lots, unlimited.diagnostics]).toEqual([full.lots, []]);
  });
  it('exports to text throw a FoodSafetyError TRACE_OPTION_INVALID (they carry no findings)', () => {
    const graph = buildLotGraph(events);
    const bad: [() => unknown, string][] = [
      [() => lotGraphToMermaid(graph, null as never), 'options'],
      [() => lotGraphToMermaid(graph, { lots: 'x' } as never), 'lots'],
      [() => lotGraphToDot(graph, { direction: 'RL' } as never), 'direction'],
      [() => toSortableSpreadsheet(graph, null as never), 'options'],
      [() => toSortableSpreadsheet(graph, { profile: { ctes: 5 } } as never), 'profile'],
      [() => toSortableSpreadsheet(graph, { events: ['1'] } as never), 'events'],
      [() => toSortableSpreadsheet(graph, { locale: 'fr' } as never), 'locale'],
    ];
    for (const [call, option] of bad) {
      let thrown: unknown;
      try {
        call();
      } catch (e) {
        thrown = e;
      }
      expect([option, isFoodSafetyError(thrown, 'TRACE_OPTION_INVALID')]).toEqual([option, true]);
      expect((thrown as { params: { option: string } }).params.option).toBe(option);
    }
    expect(lotGraphToMermaid(graph, { direction: 'TB' })).toContain('flowchart TB');
  });
});
