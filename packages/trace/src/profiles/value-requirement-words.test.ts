/**
 * A value rule's failure says what it requires in the message's language, and names the rule by
 * its label; `expected` keeps the condition in the rule's own terms for programs.
 */
import { createDiagnostic, type ParamsOf } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import { ACME_LABEL, acmeMeta } from './__fixtures__/acme-profile.js';
import { checkProfile } from './check-profile.js';
import { profileMessages } from './profile-messages.js';
import type { ProfileRule, TraceProfile, ValueCondition } from './trace-profile.js';
import { requirementWords } from './value-requirement-words.js';

const T = 'sensorElementList[*].sensorReport[type=Temperature].value';

describe('requirementWords', () => {
  it.each<[ValueCondition, string, string]>([
    [{ select: T, op: 'lte', value: -18, uom: 'CEL' }, `${T} 均 ≤ -18 °C`, `every ${T} ≤ -18 °C`],
    [
      { select: T, op: 'gt', value: 0, uom: 'FAH', quantifier: 'any' },
      `${T} 至少一个 > 0 °F`,
      `some ${T} > 0 °F`,
    ],
    [{ select: 'ilmd.tlc', op: 'exists' }, 'ilmd.tlc 均有取值', 'every ilmd.tlc is present'],
    [
      { select: 'quantityList[*].epcClass', op: 'gtin-in', value: ['06921002002011'] },
      'quantityList[*].epcClass 的 GTIN 均属于 [06921002002011]',
      'every quantityList[*].epcClass has a GTIN in [06921002002011]',
    ],
    [
      {
        select: 'quantityList[*].epcClass',
        op: 'gtin-in',
        value: ['06921002002011', '06921002002028'],
        quantifier: 'any',
      },
      'quantityList[*].epcClass 中至少一个的 GTIN 属于 [06921002002011, 06921002002028]',
      'some quantityList[*].epcClass has a GTIN in [06921002002011, 06921002002028]',
    ],
    [
      { select: 'disposition', op: 'not-in', value: ['damaged', 'expired'] },
      'disposition 均不属于 [damaged, expired]',
      'every disposition is none of [damaged, expired]',
    ],
    [
      { select: 'ilmd.tlc', op: 'matches', value: '^L\\d+$' },
      'ilmd.tlc 均匹配 /^L\\d+$/',
      'every ilmd.tlc matches /^L\\d+$/',
    ],
    [
      { select: 'quantityList[*].quantity', op: 'gte', value: 2, uom: 'KGM' },
      'quantityList[*].quantity 均 ≥ 2 KGM',
      'every quantityList[*].quantity ≥ 2 KGM',
    ],
    [
      { select: 'bizStep', op: 'ne', value: 'shipping' },
      'bizStep 均 ≠ shipping',
      'every bizStep ≠ shipping',
    ],
  ])('%j', (cond, zh, en) => {
    expect(requirementWords(cond)).toEqual({ 'zh-CN': zh, en });
  });
});

describe('TRACE_PROFILE_RULE_FAILED', () => {
  const frozen: ProfileRule = {
    kind: 'value',
    id: 'frozen',
    label: { en: 'Frozen at shipping', 'zh-CN': '发货时冷冻' },
    ctes: ['shipping'],
    select: T,
    op: 'lte',
    value: -18,
    uom: 'CEL',
  };
  const profile: TraceProfile = {
    meta: acmeMeta(),
    label: ACME_LABEL,
    ctes: [{ id: 'shipping', label: ACME_LABEL, match: [{ bizSteps: ['shipping'] }], kdes: [] }],
    rules: [frozen],
  };
  const warm = {
    type: 'ObjectEvent',
    eventID: 'ev-1',
    action: 'OBSERVE',
    bizStep: 'shipping',
    eventTime: '2025-03-01T10:00:00+08:00',
    eventTimeZoneOffset: '+08:00',
    epcList: ['urn:epc:id:sgtin:0614141.107346.1'],
    sensorElementList: [{ sensorReport: [{ type: 'Temperature', value: -12, uom: 'CEL' }] }],
  };

  it('names the rule by its label and says what it requires, in each language', () => {
    const message = (locale: 'zh-CN' | 'en') =>
      checkProfile([warm], profile, { locale }).diagnostics.map((d) => d.message);
    // the templates, filled in by hand
    expect(message('zh-CN')).toEqual([
      `事件 [0] ev-1 不符合 acme.p 的规则“发货时冷冻”：取值 -12 CEL，要求 ${T} 均 ≤ -18 °C`,
    ]);
    expect(message('en')).toEqual([
      `Event 0 ev-1 breaks rule "Frozen at shipping" of acme.p: value -12 CEL, expected every ${T} ≤ -18 °C`,
    ]);
    // programs read the ids and the rule's own terms
    const [d] = checkProfile([warm], profile).diagnostics;
    expect([d?.params?.rule, d?.params?.expected]).toEqual(['frozen', `all ${T} lte -18 CEL`]);
  });

  it('a rule without a label is named by its id', () => {
    const { label: _, ...unlabelled } = frozen;
    const bare: TraceProfile = { ...profile, rules: [unlabelled as ProfileRule] };
    const [d] = checkProfile([warm], bare, { locale: 'en' }).diagnostics;
    expect(d?.message).toBe(
      `Event 0 ev-1 breaks rule "frozen" of acme.p: value -12 CEL, expected every ${T} ≤ -18 °C`,
    );
  });

  it('a custom rule that reports it with the older params still reads whole', () => {
    // (a plugin in JavaScript, or written before ruleName and requirement: TypeScript asks for them)
    const older = {
      index: 0,
      eventID: 'ev-1',
      profile: 'acme.p',
      rule: 'frozen',
      value: '-12 CEL',
      expected: 'all temperature lte -18 CEL',
    } as unknown as ParamsOf<typeof profileMessages.TRACE_PROFILE_RULE_FAILED>;
    const custom: ProfileRule = {
      kind: 'custom',
      id: 'legacy',
      check: () => [createDiagnostic(profileMessages.TRACE_PROFILE_RULE_FAILED, older)],
    };
    const [d] = checkProfile(
      [warm],
      { ...profile, rules: [frozen, custom] },
      { locale: 'zh-CN' },
    ).diagnostics.filter((x) => x.params?.expected === 'all temperature lte -18 CEL');
    expect(d?.message).toBe(
      '事件 [0] ev-1 不符合 acme.p 的规则“发货时冷冻”：取值 -12 CEL，要求 all temperature lte -18 CEL',
    );
  });
});
