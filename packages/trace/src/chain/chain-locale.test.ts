import { type Diagnostic, formatDiagnostic, localizeDiagnostic } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import { buildLotGraph } from './lot-graph.js';
import { createTraceIndex } from './trace-index.js';
import { traceForward } from './trace-lot.js';
import { validateChain } from './validate-chain.js';

const LOT = 'urn:epc:class:lgtin:6921001.000102.A1';
const A = 'urn:epc:id:sgln:6921001.00001.0';
const B = 'urn:epc:id:sgln:6921001.00002.0';

// events without eventIDs (optional in EPCIS 2.0): a lot made at A, and a shipment to B that B
// never receives
const made = {
  type: 'ObjectEvent',
  action: 'ADD',
  bizStep: 'commissioning',
  eventTime: '2024-01-01T08:00:00+08:00',
  eventTimeZoneOffset: '+08:00',
  quantityList: [{ epcClass: LOT, quantity: 100, uom: 'KGM' }],
  bizLocation: { id: A },
};
const shipped = {
  type: 'ObjectEvent',
  action: 'OBSERVE',
  bizStep: 'shipping',
  eventTime: '2024-01-02T08:00:00+08:00',
  eventTimeZoneOffset: '+08:00',
  quantityList: [{ epcClass: LOT, quantity: 10, uom: 'KGM' }],
  readPoint: { id: A },
  sourceList: [{ type: 'location', source: A }],
  destinationList: [{ type: 'location', destination: B }],
};
// a lot made and used with no place at all: its holder cannot be named
const madeNowhere = { ...made, bizLocation: undefined };
const usedNowhere = (time: string, quantity: number) => ({
  type: 'TransformationEvent',
  eventTime: time,
  eventTimeZoneOffset: '+08:00',
  inputQuantityList: [{ epcClass: LOT, quantity, uom: 'KGM' }],
  outputQuantityList: [
    { epcClass: 'urn:epc:class:lgtin:6921001.000103.B1', quantity: quantity / 2, uom: 'KGM' },
  ],
});

describe('the language of chain findings', () => {
  it('validateChain, the index and traceForward write their messages in the locale asked for', () => {
    const zh = validateChain([made, shipped], { locale: 'zh-CN' });
    expect(zh.map((d) => d.code)).toEqual(['TRACE_SHIPMENT_NOT_RECEIVED']);
    expect(zh[0]?.message).toBe(
      `发货事件 [1] 无 eventID 没有对应的收货记录（批次 https://id.gs1.org/01/06921001001022/10/A1）：向后一步追溯中断`,
    );
    const index = createTraceIndex({ locale: 'zh-CN' });
    const live = [...[made, shipped].flatMap((e) => index.add(e)), ...index.finalize()];
    expect(live.map((d) => d.message)).toEqual(zh.map((d) => d.message));
    const skipped = validateChain([made, 7], { locale: 'zh-CN' });
    expect(skipped.map((d) => d.message)).toEqual(['事件 [1] 不是对象，追溯链检查已跳过']);
    const graph = buildLotGraph([made], { locale: 'zh-CN' });
    expect(traceForward(graph, 'urn:epc:class:lgtin:6921001.000102.ZZ').diagnostics).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^追溯图中没有批次或标识/) }),
    ]);
    // English by default
    const en = validateChain([made, shipped]);
    expect(en[0]?.message).toBe(
      'Shipping event (no eventID) (index 1) was never received for lot https://id.gs1.org/01/06921001001022/10/A1: one step forward is broken',
    );
  });

  it('shows a missing eventID and an unnamed holder in the words of the locale, also rendered again', () => {
    const en = validateChain([
      madeNowhere,
      usedNowhere('2024-01-02T08:00:00+08:00', 60),
      usedNowhere('2024-01-03T08:00:00+08:00', 60),
    ]);
    expect(en.map((d) => d.code)).toEqual(['TRACE_MASS_BALANCE_EXCEEDED']);
    const [excess] = en;
    if (excess === undefined) throw new Error('no finding');
    expect(excess.message).toContain('(no eventID)');
    const zh = localizeDiagnostic(excess, 'zh-CN');
    expect(zh.message).toContain('无 eventID');
    expect(zh.message).toContain('在 未知持有方 的流出量');
    expect(zh.message).not.toMatch(/no eventID|unknown/);
    expect(formatDiagnostic(excess, 'zh-CN')).toContain('无 eventID');
    // the params keep both texts, so any later rendering can choose
    expect(excess.params?.eventID).toEqual({ 'zh-CN': '无 eventID', en: '(no eventID)' });
  });

  it('option findings of traceForward and counts in pieces read in the graph’s locale too', () => {
    const graph = buildLotGraph([made], { locale: 'zh-CN' });
    const [bad] = traceForward(graph, LOT, { maxDepth: -1 }).diagnostics;
    expect(bad?.code).toBe('TRACE_OPTION_INVALID');
    expect(bad?.message).toMatch(/^TraceOptions 的选项 maxDepth/);
    // the same lot counted in kilograms and in pieces at A: pieces are 件 in Chinese
    const counted = { ...shipped, quantityList: [{ epcClass: LOT, quantity: 3 }] };
    const zh = validateChain([made, counted], { locale: 'zh-CN' }).filter(
      (d) => d.code === 'TRACE_BALANCE_DIMENSIONS_MIXED',
    );
    expect(zh.map((d) => [d.params?.first, d.message.includes('以 件 计')])).toEqual([
      ['kg', true],
    ]);
    expect(localizeDiagnostic(zh[0] as Diagnostic, 'en').message).toContain('pcs');
  });

  it('option findings say what was expected and what is used in the words of the locale', () => {
    const [zh] = validateChain([made], { locale: 'zh-CN', massTolerance: -1 });
    expect(zh?.message).toBe(
      'ChainCheckOptions 的选项 massTolerance 为 -1，不符合要求（数值 ≥ 0 或 Infinity），已改用 默认值',
    );
    const [en] = validateChain([made], { massTolerance: -1 });
    expect(en?.message).toBe(
      'Option massTolerance of ChainCheckOptions is -1, not number ≥ 0 | Infinity; default is used instead',
    );
    const [range] = validateChain([made], { locale: 'zh-CN', yieldRange: { min: 'a' } as never });
    expect(range?.message).toContain('（{ min, max }，min ≤ max 的数值）');
  });

  it('a locale that is none is a finding, and English is used', () => {
    const found = validateChain([made, shipped], { locale: 'fr' } as never);
    expect(found.map((d) => [d.code, d.path])).toEqual([
      ['TRACE_OPTION_INVALID', ['options', 'locale']],
      ['TRACE_SHIPMENT_NOT_RECEIVED', [1]],
    ]);
    expect(found[1]?.message).toMatch(/^Shipping event/);
  });
});
