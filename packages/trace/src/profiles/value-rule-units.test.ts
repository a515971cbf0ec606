/**
 * Value rules with a unit (`uom`): numbers converted from the unit of the object holding them,
 * failing closed where they cannot be — in the rule's condition and in its `when` alike.
 */
import { describe, expect, it } from 'vitest';
import { buildLotGraph } from '../chain/lot-graph.js';
import { REC20_UNITS, type UnitTable } from '../chain/units.js';
import { ACME_LABEL, acmeMeta } from './__fixtures__/acme-profile.js';
import { checkProfile } from './check-profile.js';
import type { TraceProfile, ValueRule } from './trace-profile.js';

const shipping = (extra: Record<string, unknown>) => ({
  type: 'ObjectEvent',
  eventID: 'urn:uuid:6f1c2e4a-0b7d-4c55-9a3e-1f2d3c4b5a69',
  eventTime: '2025-03-01T08:00:00Z',
  eventTimeZoneOffset: '+08:00',
  action: 'OBSERVE',
  bizStep: 'shipping',
  ...extra,
});
const temperatures = (...reports: { value: unknown; uom?: string }[]) => ({
  sensorElementList: [{ sensorReport: reports.map((r) => ({ type: 'Temperature', ...r })) }],
});
const profileWith = (rule: Omit<ValueRule, 'kind' | 'id'>): TraceProfile => ({
  meta: acmeMeta(),
  label: ACME_LABEL,
  ctes: [{ id: 'shipping', label: ACME_LABEL, match: [{ bizSteps: ['shipping'] }], kdes: [] }],
  rules: [{ kind: 'value', id: 'r', ...rule } as ValueRule],
});
/** [code, value shown] of each finding. */
const findings = (profile: TraceProfile, event: unknown, locale?: 'en' | 'zh-CN') =>
  checkProfile([event], profile, locale === undefined ? {} : { locale }).diagnostics.map((d) => [
    d.code,
    d.params?.value,
  ]);
const FROZEN = {
  select: 'sensorElementList[*].sensorReport[type=Temperature].value',
  op: 'lte',
  value: -18,
  uom: 'CEL',
} as const;

describe('value rules with a unit', () => {
  it('applies a rule whose `when` cannot be decided for want of a unit (fail closed)', () => {
    // "a warm reading (above 0 °C) needs a corrective action recorded"
    const profile = profileWith({
      select: 'ilmd.correctiveAction',
      op: 'exists',
      when: {
        select: 'sensorElementList[*].sensorReport[type=Temperature].value',
        op: 'gt',
        value: 0,
        uom: 'CEL',
      },
    });
    const failed = [['TRACE_PROFILE_RULE_FAILED', { 'zh-CN': '无取值', en: '(none)' }]];
    expect(findings(profile, shipping(temperatures({ value: 50, uom: 'FAH' })))).toEqual(failed);
    expect(findings(profile, shipping(temperatures({ value: 50 })))).toEqual(failed);
    expect(findings(profile, shipping(temperatures({ value: 50, uom: 'KGM' })))).toEqual(failed);
    // 14 °F is −10 °C: not warm, the rule does not apply
    expect(findings(profile, shipping(temperatures({ value: 14, uom: 'FAH' })))).toEqual([]);
  });

  it('reads a quantity without a unit as a count of instances (EPCIS 2.0 §7.3.3.3)', () => {
    const profile = profileWith({
      select: 'quantityList[*].quantity',
      op: 'gte',
      value: 1,
      uom: 'H87',
    });
    const lot = 'urn:epc:class:lgtin:4012345.011111.L1';
    expect(findings(profile, shipping({ quantityList: [{ epcClass: lot, quantity: 5 }] }))).toEqual(
      [],
    );
    expect(
      findings(profile, shipping({ quantityList: [{ epcClass: lot, quantity: 2, uom: 'KGM' }] })),
    ).toEqual([['TRACE_PROFILE_RULE_FAILED', '2 KGM']]);
  });

  it('fails a reading that is no finite number', () => {
    const profile = profileWith(FROZEN);
    expect(
      findings(profile, shipping(temperatures({ value: Number.NEGATIVE_INFINITY, uom: 'FAH' }))),
    ).toEqual([['TRACE_PROFILE_RULE_FAILED', '-Infinity FAH']]);
    expect(findings(profile, shipping(temperatures({ value: '-20', uom: 'CEL' })))).toEqual([
      ['TRACE_PROFILE_RULE_FAILED', '-20'],
    ]);
  });

  it('shows a reading without a unit in the language of the findings', () => {
    const profile = profileWith(FROZEN);
    const event = shipping(temperatures({ value: -20 }));
    expect(findings(profile, event)).toEqual([['TRACE_PROFILE_RULE_FAILED', '-20 (no unit)']]);
    expect(findings(profile, event, 'zh-CN')).toEqual([
      ['TRACE_PROFILE_RULE_FAILED', '-20 （无单位）'],
    ]);
  });

  it('with quantifier any, shows a reading that was compared and failed', () => {
    const profile = profileWith({ ...FROZEN, quantifier: 'any' });
    expect(
      findings(profile, shipping(temperatures({ value: -30 }, { value: 0, uom: 'CEL' }))),
    ).toEqual([['TRACE_PROFILE_RULE_FAILED', '0 CEL']]);
    expect(
      findings(profile, shipping(temperatures({ value: -30 }, { value: -40, uom: 'FAH' }))),
    ).toEqual([]);
  });

  it("converts from a caller's own unit table: given, or the graph's", () => {
    // the market jin (市斤) is half a kilogram; it is no Rec 20 code
    const withJin: UnitTable = {
      meta: { ...REC20_UNITS.meta, id: 'acme.units', source: 'x' },
      units: { ...REC20_UNITS.units, JIN: { dimension: 'mass', factor: 0.5, name: 'jin (市斤)' } },
    };
    const profile = profileWith({
      select: 'quantityList[*].quantity',
      op: 'gte',
      value: 1,
      uom: 'KGM',
    });
    const event = shipping({
      quantityList: [
        { epcClass: 'urn:epc:class:lgtin:4012345.011111.L1', quantity: 3, uom: 'JIN' },
      ],
    });
    const codes = (r: ReturnType<typeof checkProfile>) =>
      r.diagnostics.map((d) => [d.code, d.params?.value]);
    expect(codes(checkProfile([event], profile))).toEqual([['TRACE_PROFILE_RULE_FAILED', '3 JIN']]);
    expect(codes(checkProfile([event], profile, { units: withJin }))).toEqual([]); // 1.5 kg
    expect(codes(checkProfile(buildLotGraph([event], { units: withJin }), profile))).toEqual([]);
    // a units option that is no unit table: a finding, and the default table
    for (const bad of [
      {},
      null,
      'x',
      5,
      { units: { KGM: null } },
      { units: { JIN: { dimension: 'mass', factor: -1 } } },
    ]) {
      const r = checkProfile([event], profile, { units: bad as never });
      expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
        ['TRACE_PROFILE_UNITS_INVALID', ['options', 'units']],
        ['TRACE_PROFILE_RULE_FAILED', [0]],
      ]);
    }
    // 1 jin is 0.5 kg: under the limit
    const light = shipping({
      quantityList: [
        { epcClass: 'urn:epc:class:lgtin:4012345.011111.L1', quantity: 1, uom: 'JIN' },
      ],
    });
    expect(codes(checkProfile([light], profile, { units: withJin }))).toEqual([
      ['TRACE_PROFILE_RULE_FAILED', '1 JIN'],
    ]);
  });
});
