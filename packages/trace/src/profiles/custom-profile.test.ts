/**
 * An integrator's own profile, written with the plugin SDK and the package's public API only:
 * a district's cold-chain rule — every shipping of aquatic products must carry a temperature
 * sensor reading, and every reading must be at or below −18 °C.
 */

import { formatDiagnostic } from '@foodsafety/core';
import { createEngine, definePlugin } from '@foodsafety/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  checkProfile,
  generateSeaCucumberChain,
  gtin14,
  type TraceProfile,
  traceProfiles,
} from '../index.js';

// ---- what the integrator writes -----------------------------------------------------------
const districtColdChain = definePlugin({
  name: 'xigang-cold-chain',
  version: '1.0.0',
  requires: { '@foodsafety/trace': '^0.1.0' },
  options: z.object({
    aquaticGtins: z.array(z.string().regex(/^\d{8,14}$/)).min(1),
    maxCelsius: z.number().default(-18),
  }),
  messages: {
    XIGANG_COLD_CHAIN_TEMPERATURE: {
      severity: 'error',
      'zh-CN': '水产品发货事件 {index}（{eventID}）的温度记录 {value} 不符合要求：{requirement}',
      en: 'Shipping of aquatic products, event {index} ({eventID}): temperature reading {value}, expected {requirement}',
    },
  },
  setup: (ctx, options) => {
    const profile: TraceProfile = {
      meta: {
        id: 'cn-ln-dalian-xigang.cold-chain',
        version: '2025.1',
        jurisdiction: 'CN-LN-Dalian-Xigang',
        effectiveFrom: '2025-01-01',
        source: 'Xigang district market supervision bureau, cold-chain notice (example)',
        confidence: 'unverified',
      },
      label: { en: 'Xigang cold chain for aquatic products', 'zh-CN': '西岗区水产品冷链要求' },
      ctes: [
        {
          id: 'shipping',
          label: { en: 'Shipping', 'zh-CN': '发货' },
          match: [{ bizSteps: ['shipping'] }],
          kdes: [],
        },
      ],
      rules: [
        {
          kind: 'value',
          id: 'frozen-at-shipping',
          ctes: ['shipping'],
          when: { select: 'quantityList[*].epcClass', op: 'gtin-in', value: options.aquaticGtins },
          select: 'sensorElementList[*].sensorReport[type=Temperature].value',
          op: 'lte',
          value: options.maxCelsius,
          uom: 'CEL', // readings in °F or K are converted to °C before comparing
          quantifier: 'all',
          message: ctx.messages.XIGANG_COLD_CHAIN_TEMPERATURE,
        },
      ],
    };
    ctx.contribute(traceProfiles, profile);
  },
});
// ---------------------------------------------------------------------------------------------

const PROCESSED_GTIN = gtin14('6921002', 201); // the plant's instant sea cucumber
/** A temperature reading in `uom` (`null`: a reading that names no unit). */
const reading = (value: number, uom: string | null) => [
  { sensorReport: [{ type: 'Temperature', value, ...(uom === null ? {} : { uom }) }] },
];

describe('a district cold-chain profile written with the plugin SDK alone', () => {
  const engine = createEngine({ plugins: [districtColdChain({ aquaticGtins: [PROCESSED_GTIN] })] });
  const profile = engine.require(traceProfiles, 'cn-ln-dalian-xigang.cold-chain');
  const { events } = generateSeaCucumberChain();
  const warehouseOut = events.findIndex((e) => e['fsk:cte'] === 'warehouse-out');
  const withReading = (value?: number, uom: string | null = 'CEL') =>
    events.map((e, i) =>
      i === warehouseOut && value !== undefined
        ? { ...e, sensorElementList: reading(value, uom) }
        : e,
    );
  const findings = (input: unknown[]) =>
    checkProfile(input, profile).diagnostics.filter((d) => d.code !== 'RULESET_NOT_VERIFIED');

  it('is registered on trace.profiles and passes the contribution check', () => {
    expect(engine.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(engine.keys(traceProfiles)).toEqual(['cn-ln-dalian-xigang.cold-chain']);
  });
  it('accepts a frozen shipment (−20 °C)', () => {
    expect(findings(withReading(-20))).toEqual([]);
  });
  it('rejects a shipment at −12 °C with the district message, in both languages', () => {
    const [d, ...rest] = findings(withReading(-12));
    expect(rest).toEqual([]);
    expect([d?.code, d?.path, d?.source, d?.params?.value]).toEqual([
      'XIGANG_COLD_CHAIN_TEMPERATURE',
      [warehouseOut],
      'cn-ln-dalian-xigang.cold-chain',
      '-12 CEL',
    ]);
    expect(d && formatDiagnostic(d, 'zh-CN', engine.catalogue)).toContain('水产品发货事件');
    expect(d && formatDiagnostic(d, 'en', engine.catalogue)).toContain(
      'temperature reading -12 CEL',
    );
  });
  it("renders the district's own message in the locale asked for", () => {
    const found = checkProfile(withReading(-12), profile, { locale: 'zh-CN' }).diagnostics;
    const d = found.find((x) => x.code === 'XIGANG_COLD_CHAIN_TEMPERATURE');
    // the plugin's zh-CN template, filled in by hand
    expect(d?.message).toBe(
      `水产品发货事件 ${warehouseOut}（${events[warehouseOut]?.eventID}）的温度记录 -12 CEL 不符合要求：sensorElementList[*].sensorReport[type=Temperature].value 均 ≤ -18 °C`,
    );
    // the condition in the rule's own terms stays in `expected`, for programs
    expect(d?.params?.expected).toBe(
      'all sensorElementList[*].sensorReport[type=Temperature].value lte -18 CEL',
    );
  });
  it('names an event without an eventID in the words of the locale', () => {
    const input = withReading(-12).map((e, i) => {
      if (i !== warehouseOut) return e;
      const { eventID: _, ...rest } = e as Record<string, unknown>;
      return rest;
    });
    const message = (locale: 'zh-CN' | 'en') =>
      checkProfile(input, profile, { locale }).diagnostics.find(
        (x) => x.code === 'XIGANG_COLD_CHAIN_TEMPERATURE',
      )?.message;
    expect(message('zh-CN')).toMatch(/^水产品发货事件 \d+（无 eventID）的温度记录 -12 CEL/);
    expect(message('en')).toContain('(no eventID)');
  });
  it('converts readings in °F and K to °C before comparing (Rec 20 FAH, KEL)', () => {
    const verdict = (value: number, uom: string | null) =>
      findings(withReading(value, uom)).map((d) => [d.code, d.params?.value]);
    // −4 °F is −20 °C, −0.4 °F and 255.15 K are −18 °C exactly: frozen enough
    expect(verdict(-4, 'FAH')).toEqual([]);
    expect(verdict(-0.4, 'FAH')).toEqual([]);
    expect(verdict(255.15, 'KEL')).toEqual([]);
    // 0 °F is −17.8 °C, 256 K is −17.15 °C: too warm, shown as written
    expect(verdict(0, 'FAH')).toEqual([['XIGANG_COLD_CHAIN_TEMPERATURE', '0 FAH']]);
    expect(verdict(256, 'KEL')).toEqual([['XIGANG_COLD_CHAIN_TEMPERATURE', '256 KEL']]);
    // −20 °F read as −20 °C would pass; as −28.9 °C it passes too, but 10 °F (−12.2 °C) must not
    expect(verdict(10, 'FAH')).toEqual([['XIGANG_COLD_CHAIN_TEMPERATURE', '10 FAH']]);
    // a reading that cannot be put in °C fails: no unit, or a unit of another dimension
    expect(verdict(-20, null)).toEqual([['XIGANG_COLD_CHAIN_TEMPERATURE', '-20 (no unit)']]);
    expect(verdict(-20, 'KGM')).toEqual([['XIGANG_COLD_CHAIN_TEMPERATURE', '-20 KGM']]);
  });
  it('rejects a shipment of aquatic products without any temperature reading', () => {
    const [d] = findings(withReading(undefined));
    const none = { 'zh-CN': '无取值', en: '(none)' };
    expect([d?.code, d?.params?.value]).toEqual(['XIGANG_COLD_CHAIN_TEMPERATURE', none]);
    // the district's message says so in the words of each locale
    expect(d && formatDiagnostic(d, 'zh-CN', engine.catalogue)).toContain('温度记录 无取值');
    expect(d && formatDiagnostic(d, 'en', engine.catalogue)).toContain(
      'temperature reading (none)',
    );
  });
  it('leaves shipments of other products alone (the live harvest going to the plant)', () => {
    const shipments = checkProfile(events, profile).ctes.filter((c) => c === 'shipping');
    expect(shipments).toHaveLength(2);
    expect(findings(withReading(-20)).length).toBe(0);
  });
  it('follows the option (a −25 °C district limit)', () => {
    const strict = createEngine({
      plugins: [districtColdChain({ aquaticGtins: [PROCESSED_GTIN], maxCelsius: -25 })],
    });
    const found = checkProfile(
      withReading(-20),
      strict.require(traceProfiles, 'cn-ln-dalian-xigang.cold-chain'),
    ).diagnostics;
    expect(found.map((d) => d.code)).toContain('XIGANG_COLD_CHAIN_TEMPERATURE');
  });
  it('reads a rule holding values without a prototype without throwing (a profile built in code)', () => {
    const bare = Object.create(null) as never;
    // (without its unit: a unit goes with comparisons of numbers only)
    const { uom: _unit, ...rule } = profile.rules[0] as Extract<
      TraceProfile['rules'][number],
      { kind: 'value' }
    >;
    const odd: TraceProfile = {
      ...profile,
      rules: [
        {
          ...rule,
          when: { ...rule.when!, value: [bare, PROCESSED_GTIN] },
          value: [bare, -18] as never,
          op: 'in',
        },
      ],
    };
    const [d, ...rest] = checkProfile(withReading(-12), odd).diagnostics.filter(
      (x) => x.code !== 'RULESET_NOT_VERIFIED',
    );
    expect(rest).toEqual([]);
    expect([d?.code, d?.params?.value, d?.params?.expected]).toEqual([
      'XIGANG_COLD_CHAIN_TEMPERATURE',
      -12,
      'all sensorElementList[*].sensorReport[type=Temperature].value in [object, -18]',
    ]);
  });
  it('takes GTINs given as bigints in a gtin-in rule (a profile built in code)', () => {
    const rule = profile.rules[0] as Extract<TraceProfile['rules'][number], { kind: 'value' }>;
    const when = rule.when as NonNullable<typeof rule.when>;
    const asBigint: TraceProfile = {
      ...profile,
      rules: [{ ...rule, when: { ...when, value: [BigInt(PROCESSED_GTIN)] as never } }],
    };
    // the processed product's shipment at −12 °C is caught, as with the GTIN as text
    const found = checkProfile(withReading(-12), asBigint).diagnostics.map((d) => d.code);
    expect(found).toContain('XIGANG_COLD_CHAIN_TEMPERATURE');
  });
  it('has its options checked by the engine', () => {
    expect(() => createEngine({ plugins: [districtColdChain({ aquaticGtins: [] })] })).toThrow();
  });
});
