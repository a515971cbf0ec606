/**
 * A profile must not fail open: a rule that throws, returns something other than diagnostics, or
 * is defined wrongly is an error finding naming the profile and the rule, never silence.
 */

import type { Diagnostic } from '@foodsafety/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACME_LABEL, acmeMeta } from './__fixtures__/acme-profile.js';
import { english } from './__fixtures__/english.js';
import { checkProfile } from './check-profile.js';
import type { ProfileRule, TraceProfile } from './trace-profile.js';

const L = ACME_LABEL;
const META = acmeMeta();

const shipping = (i: number) => ({
  type: 'ObjectEvent',
  eventID: `ev-${i}`,
  action: 'OBSERVE',
  bizStep: 'shipping',
  eventTime: `2025-03-0${i + 1}T10:00:00+08:00`,
  eventTimeZoneOffset: '+08:00',
  epcList: [`urn:epc:id:sgtin:0614141.107346.${i}`],
});
const EVENTS = [shipping(0), shipping(1)];

const profileWith = (...rules: unknown[]): TraceProfile => ({
  meta: META,
  label: L,
  ctes: [{ id: 'shipping', label: L, match: [{ bizSteps: ['shipping'] }], kdes: [] }],
  rules: rules as ProfileRule[],
});

const custom = (id: string, check: unknown) => ({ kind: 'custom', id, check });

const shape = (d: Diagnostic | undefined) => [d?.code, d?.severity, d?.source, d?.path, d?.params];

describe('checkProfile: a rule that throws', () => {
  it('is an error naming the profile and the rule, with what was thrown', () => {
    const boom = custom('boom', () => {
      throw new Error('bug');
    });
    const found = checkProfile(EVENTS, profileWith(boom)).diagnostics;
    expect(found.map(shape)).toEqual([
      [
        'TRACE_PROFILE_RULE_ERROR',
        'error',
        'acme.p',
        [], // the event list itself, here the input
        { profile: 'acme.p', rule: 'boom', error: 'bug' },
      ],
    ]);
    expect(found[0]?.message).toBe('Rule boom of acme.p failed, so it was not checked: bug');
  });

  it('names a thrown value that is not an Error, and lets the other rules run', () => {
    const boom = custom('boom', () => {
      throw 'out of cheese';
    });
    // every shipping event has bizStep shipping, so a rule asking for receiving fails on both
    const receiving = {
      kind: 'value',
      id: 'recv',
      select: 'bizStep',
      op: 'eq',
      value: 'receiving',
    };
    const found = checkProfile(EVENTS, profileWith(boom, receiving)).diagnostics;
    expect(found.map((d) => [d.code, d.path, d.params?.error ?? d.params?.rule])).toEqual([
      ['TRACE_PROFILE_RULE_ERROR', [], 'out of cheese'],
      ['TRACE_PROFILE_RULE_FAILED', [0], 'recv'],
      ['TRACE_PROFILE_RULE_FAILED', [1], 'recv'],
    ]);
  });

  it('gives the event list path of a document', () => {
    const doc = { type: 'EPCISDocument', epcisBody: { eventList: EVENTS } };
    const boom = custom('boom', () => {
      throw new TypeError('');
    });
    const [d] = checkProfile(doc, profileWith(boom)).diagnostics;
    expect([d?.path, d?.params?.error]).toEqual([['epcisBody', 'eventList'], 'TypeError']);
  });
});

describe('checkProfile: what a custom rule returns is checked', () => {
  const good: Diagnostic = { code: 'ACME_LATE', severity: 'warning', message: 'late', path: [1] };

  it('says in Chinese why a result is no list of diagnostics (found in review)', () => {
    const profile = profileWith(custom('bad', () => 42));
    const [zh] = checkProfile(EVENTS, profile, { locale: 'zh-CN' }).diagnostics;
    // the zh-CN template, filled in by hand
    expect(zh?.message).toBe('acme.p 的规则 bad 返回的结果不是诊断列表：42 不是列表');
    const [units] = checkProfile(EVENTS, profileWith(), {
      locale: 'zh-CN',
      units: 7 as never,
    }).diagnostics;
    expect(units?.message).toBe(
      'checkProfile 的 units 选项不是单位表（不是对象），带单位的取值规则改用 REC20_UNITS',
    );
  });
  it('reports [42, null] instead of passing them on as diagnostics', () => {
    const found = checkProfile(EVENTS, profileWith(custom('bad', () => [42, null]))).diagnostics;
    expect(found.map(shape)).toEqual([
      [
        'TRACE_PROFILE_RULE_RESULT_INVALID',
        'error',
        'acme.p',
        [],
        {
          profile: 'acme.p',
          rule: 'bad',
          // the reason in both languages, for the message of either locale
          detail: {
            'zh-CN': '第 0 项：42 不是对象（2 项中有 2 项不是诊断）',
            en: 'item 0: 42 is not an object (2 of 2 items are not diagnostics)',
          },
        },
      ],
    ]);
    // every finding can be read as a diagnostic
    expect(found.every((d) => typeof d.severity === 'string')).toBe(true);
  });

  it('keeps the well-formed findings and reports the first bad one', () => {
    const mixed = custom('mixed', () => [good, { ...good, severity: 'fatal' }, 'x']);
    const found = checkProfile(EVENTS, profileWith(mixed)).diagnostics;
    expect(found.map((d) => [d.code, english(d.params?.detail)])).toEqual([
      ['ACME_LATE', undefined],
      [
        'TRACE_PROFILE_RULE_RESULT_INVALID',
        'item 1: ACME_LATE has the severity fatal, not error, warning or info (2 of 3 items are not diagnostics)',
      ],
    ]);
  });

  it('reports a return that is not a list (nothing, a promise)', () => {
    const found = checkProfile(
      EVENTS,
      profileWith(
        custom('nothing', () => undefined),
        custom('later', async () => [good]),
      ),
    ).diagnostics;
    expect(found.map((d) => [d.code, d.params?.rule, english(d.params?.detail)])).toEqual([
      ['TRACE_PROFILE_RULE_RESULT_INVALID', 'nothing', 'undefined is not a list'],
      ['TRACE_PROFILE_RULE_RESULT_INVALID', 'later', 'object is not a list'],
    ]);
  });

  it('reports diagnostics with a bad path', () => {
    const found = checkProfile(
      EVENTS,
      profileWith(custom('path', () => [{ ...good, path: 'events[1]' }])),
    ).diagnostics;
    expect(found.map((d) => english(d.params?.detail))).toEqual([
      'item 0: ACME_LATE has a path that is not a list of member names and positions (1 of 1 items are not diagnostics)',
    ]);
  });
});

describe('checkProfile: a broken profile is not applied', () => {
  it("reports check: 'nope' as a definition error instead of checking nothing", () => {
    const found = checkProfile(EVENTS, profileWith(custom('nope', 'nope'))).diagnostics;
    expect(found.map((d) => [d.code, d.severity, d.path, english(d.params?.detail)])).toEqual([
      [
        'TRACE_PROFILE_INVALID',
        'error',
        ['rules', 0, 'check'],
        'custom rule nope has no check function',
      ],
    ]);
  });

  it('reports a value rule whose message is a string or a malformed descriptor', () => {
    const rule = (message: unknown) => ({
      kind: 'value',
      id: 'v',
      select: 'bizStep',
      op: 'eq',
      value: 'receiving',
      message,
    });
    for (const message of ['Temperature too high', { code: 'ACME_X', severity: 'error' }]) {
      const found = checkProfile(EVENTS, profileWith(rule(message))).diagnostics;
      expect(found.map((d) => [d.code, d.path])).toEqual([
        ['TRACE_PROFILE_INVALID', ['rules', 0, 'message']],
      ]);
    }
  });

  it('never throws and never passes silently, whatever the rules hold', () => {
    const junk = fc.oneof(
      fc.anything(),
      fc.record({
        kind: fc.constantFrom('custom', 'value', 'requires-before', 'new-lot-only-at'),
        id: fc.oneof(fc.string(), fc.anything()),
        check: fc.oneof(
          fc.anything(),
          fc.anything().map((v) => () => v),
          fc.constant(() => {
            throw new Error('x');
          }),
        ),
        select: fc.oneof(fc.string(), fc.anything()),
        op: fc.oneof(fc.constantFrom('eq', 'lte', 'in', 'exist'), fc.anything()),
        value: fc.anything(),
      }),
    );
    fc.assert(
      fc.property(fc.array(junk, { maxLength: 3 }), (rules) => {
        const found = checkProfile(EVENTS, profileWith(...rules)).diagnostics;
        for (const d of found) {
          expect(['error', 'warning', 'info']).toContain(d.severity);
          expect(typeof d.code).toBe('string');
        }
        // a rule that cannot run is an error: only rules that ran and found nothing stay silent
        const ranClean = rules.every(
          (r) =>
            typeof r === 'object' &&
            r !== null &&
            (r as { kind?: unknown }).kind === 'custom' &&
            typeof (r as { id?: unknown }).id === 'string',
        );
        if (!ranClean) expect(found.some((d) => d.severity === 'error')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('checkProfile: locale and severities', () => {
  const withKde: TraceProfile = {
    ...profileWith(),
    ctes: [
      {
        id: 'shipping',
        label: L,
        match: [{ bizSteps: ['shipping'] }],
        kdes: [{ id: 'tlc', label: { en: 'Lot code', 'zh-CN': '批次代码' }, select: ['ilmd.tlc'] }],
      },
    ],
  };

  it('renders the findings in the locale asked for and applies severity overrides', () => {
    const found = checkProfile([shipping(0)], withKde, {
      locale: 'zh-CN',
      severities: { TRACE_PROFILE_KDE_MISSING: 'warning' },
    }).diagnostics;
    expect(found.map((d) => [d.code, d.severity, d.message])).toEqual([
      [
        'TRACE_PROFILE_KDE_MISSING',
        'warning',
        // the zh-CN template, filled in by hand: index 0, ev-0, CTE shipping (发货), KDE tlc
        // (批次代码), cited to the profile
        '事件 [0] ev-0（发货）缺少 acme.p 要求的关键数据元素“批次代码”（acme.p）',
      ],
    ]);
  });

  it('ignores a severity override that is not a severity', () => {
    const found = checkProfile([shipping(0)], withKde, {
      severities: { TRACE_PROFILE_KDE_MISSING: 'fatal' as never },
    }).diagnostics;
    expect(found.map((d) => d.severity)).toEqual(['error']);
  });
});
