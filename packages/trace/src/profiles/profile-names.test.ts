/**
 * Profile findings name steps and key data elements by the profile's labels in their messages
 * (出库, 检验; Warehouse-out, Inspection), and keep the ids in their params for programs.
 */
import { createDiagnostic, type Diagnostic } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import { acmeMeta } from './__fixtures__/acme-profile.js';
import { checkProfile } from './check-profile.js';
import { profileMessages } from './profile-messages.js';
import { cteName, kdeName, profileNames, withProfileNames } from './profile-names.js';
import type { ProfileRule, TraceProfile } from './trace-profile.js';

const event = (i: number, bizStep: string, action = 'OBSERVE') => ({
  type: 'ObjectEvent',
  eventID: `ev-${i}`,
  action,
  bizStep,
  eventTime: `2025-03-0${i + 1}T10:00:00+08:00`,
  eventTimeZoneOffset: '+08:00',
  epcList: [`urn:epc:id:sgtin:0614141.107346.${i}`],
});

const profileWith = (...rules: ProfileRule[]): TraceProfile => ({
  meta: acmeMeta(),
  label: { en: 'Cold chain', 'zh-CN': '冷链' },
  ctes: [
    {
      id: 'packing',
      label: { en: 'Packing', 'zh-CN': '包装' },
      match: [{ bizSteps: ['packing'] }],
      kdes: [{ id: 'lot', label: { en: 'Packing lot', 'zh-CN': '包装批次' }, select: ['x'] }],
    },
    {
      id: 'shipping',
      label: { en: 'Dispatch', 'zh-CN': '发货' },
      match: [{ bizSteps: ['shipping'] }],
      kdes: [{ id: 'lot', label: { en: 'Shipped lot', 'zh-CN': '发货批次' }, select: ['y'] }],
    },
    {
      id: 'commissioning',
      label: { en: 'Labelling', 'zh-CN': '赋码' },
      match: [{ bizSteps: ['commissioning'] }],
      kdes: [],
    },
  ],
  rules,
});

const PROFILE = profileWith();

/** The lot of `event(0)`, as the graph canonicalises it (SGTIN to GS1 Digital Link, check digit 4). */
const LOT = 'https://id.gs1.org/01/10614141073464/21/0';

describe('profileNames, cteName, kdeName', () => {
  it('gives the labels of the steps and KDEs named, in both languages', () => {
    expect(profileNames(PROFILE, { cte: 'shipping', requires: 'packing', kde: 'lot' })).toEqual({
      // the ids, for programs, with their names
      cte: 'shipping',
      cteName: { 'zh-CN': '发货', en: 'Dispatch' },
      requires: 'packing',
      requiresName: { 'zh-CN': '包装', en: 'Packing' },
      kde: 'lot',
      // the KDE of that id in the CTE named, not the first of that id in the profile
      kdeName: { 'zh-CN': '发货批次', en: 'Shipped lot' },
    });
    expect(profileNames(PROFILE, { allowed: ['packing', 'commissioning'] })).toEqual({
      allowed: ['packing', 'commissioning'],
      allowedNames: { 'zh-CN': '包装、赋码', en: 'Packing, Labelling' },
    });
    // a rule that allows no step: no hole in the sentence
    expect(profileNames(PROFILE, { allowed: [] }).allowedNames).toEqual({
      'zh-CN': '（无）',
      en: '(none)',
    });
    expect(profileNames(PROFILE, {})).toEqual({});
  });
  it('spreads into params whatever ids a rule has (a step not recognised gives no name)', () => {
    const ctes: readonly (string | undefined)[] = ['shipping', undefined];
    const params = { lot: 'L1', ...profileNames(PROFILE, { cte: ctes[1] }) };
    expect(params).toEqual({ lot: 'L1' });
  });
  it('shows an id the profile has no label for as it is written', () => {
    expect(cteName(PROFILE, 'harvest')).toEqual({ 'zh-CN': 'harvest', en: 'harvest' });
    expect(kdeName(PROFILE, 'shipping', 'gtin')).toEqual({ 'zh-CN': 'gtin', en: 'gtin' });
    // a KDE of a step that does not have it: another step's KDE of that id may mean something else
    expect(kdeName(PROFILE, 'commissioning', 'lot')).toEqual({ 'zh-CN': 'lot', en: 'lot' });
    expect(kdeName(PROFILE, 'harvest', 'lot')).toEqual({ 'zh-CN': 'lot', en: 'lot' });
    // without a step: the label the KDEs of that id share, else the id
    expect(kdeName(PROFILE, undefined, 'lot')).toEqual({ 'zh-CN': 'lot', en: 'lot' });
    const shared = profileWith();
    const same = {
      ...shared,
      ctes: shared.ctes.map((c) => ({
        ...c,
        kdes: c.kdes.map((k) => ({ ...k, label: { en: 'Lot', 'zh-CN': '批次' } })),
      })),
    };
    expect(kdeName(same, undefined, 'lot')).toEqual({ 'zh-CN': '批次', en: 'Lot' });
  });
});

describe('the names in checkProfile findings', () => {
  it('names the allowed steps of a new lot in the locale asked for', () => {
    const profile = profileWith({
      kind: 'new-lot-only-at',
      id: 'new-lots',
      ctes: ['packing', 'commissioning'],
    });
    const zh = checkProfile([event(0, 'shipping', 'ADD')], profile, {
      locale: 'zh-CN',
    }).diagnostics.find((d) => d.code === 'TRACE_PROFILE_NEW_LOT_NOT_ALLOWED');
    // the zh-CN template, filled in by hand
    expect(zh?.message).toBe(
      `事件 [0] ev-0（发货）产生了新批次 ${LOT}，但 acme.p 只允许在包装、赋码环节编制新批次号`,
    );
    expect(zh?.params).toMatchObject({ cte: 'shipping', allowed: ['packing', 'commissioning'] });
    const en = checkProfile([event(0, 'shipping', 'ADD')], profile).diagnostics.find(
      (d) => d.code === 'TRACE_PROFILE_NEW_LOT_NOT_ALLOWED',
    );
    expect(en?.message).toBe(
      `Event 0 ev-0 (Dispatch) creates the new lot ${LOT}, but acme.p allows new lot codes only at Packing, Labelling`,
    );
  });
  it('names the step and its KDE of a missing KDE, and the steps of a requires-before rule', () => {
    const profile = profileWith({
      kind: 'requires-before',
      id: 'pack-first',
      cte: 'shipping',
      requires: 'packing',
      scope: 'lot',
    });
    const [kde, d] = checkProfile([event(0, 'shipping')], profile, { locale: 'zh-CN' }).diagnostics;
    // the shipping step's own KDE "lot" (发货批次), not the packing step's of the same id
    expect(kde?.message).toBe(
      '事件 [0] ev-0（发货）缺少 acme.p 要求的关键数据元素“发货批次”（acme.p）',
    );
    expect(d?.message).toBe(
      `事件 [0] ev-0（发货）之前，批次 ${LOT} 没有必需的“包装”环节（acme.p）`,
    );
  });
});

describe('withProfileNames: a custom rule that reports a profile code without the names', () => {
  const ids = {
    index: 0,
    eventID: 'ev-0',
    profile: 'acme.p',
    cte: 'shipping',
    requires: 'packing',
    lot: 'L1',
  } as const;
  // a rule written before the messages showed names (or in JavaScript): ids only
  const bare = (locale?: 'zh-CN' | 'en') =>
    createDiagnostic(
      profileMessages.TRACE_PROFILE_STEP_MISSING,
      ids as never,
      locale === undefined ? {} : { locale },
    );

  it('gets them from the profile in checkProfile, its message rendered in the locale asked for', () => {
    const profile = profileWith({ kind: 'custom', id: 'old-rule', check: () => [bare()] });
    const [zh] = checkProfile([], profile, { locale: 'zh-CN' }).diagnostics;
    expect(zh?.message).toBe('事件 [0] ev-0（发货）之前，批次 L1 没有必需的“包装”环节（acme.p）');
    expect(zh?.params).toMatchObject({
      cte: 'shipping',
      cteName: { 'zh-CN': '发货', en: 'Dispatch' },
      requiresName: { 'zh-CN': '包装', en: 'Packing' },
    });
    const [en] = checkProfile([], profile).diagnostics;
    expect(en?.message).toBe(
      'Event 0 ev-0 (Dispatch): lot L1 has no "Packing" step before it, which acme.p requires',
    );
  });
  it('keeps the locale the rule rendered its message in when none is asked for', () => {
    const d = withProfileNames(bare('zh-CN'), PROFILE, undefined);
    expect(d.message).toBe('事件 [0] ev-0（发货）之前，批次 L1 没有必需的“包装”环节（acme.p）');
  });
  it('leaves alone a finding that has its names, and other codes', () => {
    const named = createDiagnostic(profileMessages.TRACE_PROFILE_STEP_MISSING, {
      ...ids,
      ...profileNames(PROFILE, ids),
    });
    expect(withProfileNames(named, PROFILE, 'zh-CN')).toBe(named);
    const other: Diagnostic = {
      code: 'ACME_LATE',
      severity: 'error',
      message: 'late',
      params: { cte: 'shipping' },
    };
    expect(withProfileNames(other, PROFILE, 'zh-CN')).toBe(other);
  });
  it('takes a name given as undefined for a name not given', () => {
    const d = createDiagnostic(profileMessages.TRACE_PROFILE_STEP_MISSING, {
      ...ids,
      cteName: undefined,
      requiresName: undefined,
    } as never);
    expect(withProfileNames(d, PROFILE, 'zh-CN').message).toBe(
      '事件 [0] ev-0（发货）之前，批次 L1 没有必需的“包装”环节（acme.p）',
    );
  });
  it('names the KDE of the step the finding names, and the allowed steps, when only those lack', () => {
    const kde = createDiagnostic(profileMessages.TRACE_PROFILE_KDE_MISSING, {
      index: 0,
      eventID: 'ev-0',
      profile: 'acme.p',
      citation: 'acme.p',
      cte: 'shipping',
      cteName: { 'zh-CN': '发货', en: 'Dispatch' },
      kde: 'lot',
    } as never);
    const named = withProfileNames(kde, PROFILE, 'zh-CN');
    // the shipping step's KDE "lot" (发货批次), not the packing step's, though its name was given
    expect(named.params?.kdeName).toEqual({ 'zh-CN': '发货批次', en: 'Shipped lot' });
    expect(named.message).toBe(
      '事件 [0] ev-0（发货）缺少 acme.p 要求的关键数据元素“发货批次”（acme.p）',
    );
    const newLot = createDiagnostic(profileMessages.TRACE_PROFILE_NEW_LOT_NOT_ALLOWED, {
      index: 0,
      eventID: 'ev-0',
      profile: 'acme.p',
      lot: 'L1',
      cte: 'shipping',
      allowed: ['packing', 'commissioning'],
    } as never);
    const allowed = withProfileNames(newLot, PROFILE, 'en');
    expect(allowed.params?.allowedNames).toEqual({
      'zh-CN': '包装、赋码',
      en: 'Packing, Labelling',
    });
    expect(allowed.message).toBe(
      'Event 0 ev-0 (Dispatch) creates the new lot L1, but acme.p allows new lot codes only at Packing, Labelling',
    );
  });
  it('shows the ids as written when there is no profile to name them (a per-event hook)', () => {
    const d = withProfileNames(bare(), undefined, 'zh-CN');
    expect(d.message).toBe(
      '事件 [0] ev-0（shipping）之前，批次 L1 没有必需的“packing”环节（acme.p）',
    );
  });
  it('shows an inspection result a rule gave without its name as written', () => {
    const d = createDiagnostic(profileMessages.TRACE_PROFILE_RELEASED_NOT_CONFORMANT, {
      ...ids,
      otherIndex: 1,
      result: 'non_conformant',
    } as never);
    expect(withProfileNames(d, PROFILE, 'zh-CN').message).toBe(
      '事件 [0] ev-0（发货）：批次 L1 此前最近一次“包装”（事件 [1]）结论为“non_conformant”，未经复检合格即放行（acme.p）',
    );
  });
  it('does not change the finding it is given', () => {
    const d = bare();
    const before = structuredClone(d);
    withProfileNames(d, PROFILE, 'zh-CN');
    expect(d).toEqual(before);
  });
});
