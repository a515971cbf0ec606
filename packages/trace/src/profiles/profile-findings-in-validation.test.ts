/**
 * Profiles inside the EPCIS validators: a per-event hook that throws or returns garbage is a
 * finding on the event and validation goes on; the `severities` and `locale` options apply to
 * profile findings as to every other code.
 */

import { createDiagnostic, type Diagnostic } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import { documentOf, OBSERVE_EVENT } from '../epcis/__fixtures__/events.js';
import { createEpcisLineValidator } from '../epcis/epcis-line-validator.js';
import type { EpcisProfileHook, EpcisValidationOptions } from '../epcis/epcis-validator.js';
import { validateEpcisDocument } from '../epcis/validate-epcis-document.js';
import { validateEpcisJsonLines } from '../epcis/validate-epcis-stream.js';
import { acmeProfile } from './__fixtures__/acme-profile.js';
import { english } from './__fixtures__/english.js';
import { profileMessages } from './profile-messages.js';
import type { TraceProfile } from './trace-profile.js';

const event = (i: number) => ({
  ...OBSERVE_EVENT,
  eventID: `ni:///sha-256;${String(i).padStart(64, '0')}?ver=CBV2.0`,
  bizStep: i === 3 || i === 7 ? 'shipping' : 'receiving',
  readPoint: { id: 'urn:epc:id:sgln:0614141.07346.1234' },
});
const EVENTS = Array.from({ length: 10 }, (_, i) => event(i));
const doc = documentOf;
async function* lines(events: readonly unknown[]) {
  for (const e of events) yield `${JSON.stringify(e)}\n`;
}

const throwing: EpcisProfileHook = {
  id: 'acme.hook',
  checkEvent: (e) => {
    if (e.bizStep === 'shipping') throw new Error('hook bug');
    return [];
  },
};
const withHook = (hook: unknown): EpcisValidationOptions => ({
  profiles: ['acme.hook'],
  resolveProfile: () => hook as EpcisProfileHook,
});
const summary = (d: Diagnostic) => [d.code, d.severity, d.source, d.path, d.params];
const ruleError = (index: number, path: (string | number)[] = ['epcisBody', 'eventList']) => [
  'TRACE_PROFILE_RULE_ERROR',
  'error',
  'acme.hook',
  [...path, index],
  { profile: 'acme.hook', rule: 'checkEvent', error: 'hook bug' },
];

describe('a per-event profile hook that reports a profile code by ids only', () => {
  // a hook written before the messages named steps: no cteName or kdeName in its params
  const old: EpcisProfileHook = {
    id: 'acme.hook',
    checkEvent: (e) =>
      e.bizStep !== 'shipping'
        ? []
        : [
            createDiagnostic(profileMessages.TRACE_PROFILE_KDE_MISSING, {
              index: 0,
              eventID: 'e',
              profile: 'acme.hook',
              cte: 'shipping',
              kde: 'tlc',
              citation: 'c',
            } as never),
          ],
  };
  it('shows the ids in the message, not the placeholders (no profile to take labels from)', async () => {
    const r = validateEpcisDocument(doc(EVENTS), { ...withHook(old), locale: 'zh-CN' });
    const messages = r.diagnostics.map((d) => d.message);
    expect(messages).toEqual([
      '事件 [0] e（shipping）缺少 acme.hook 要求的关键数据元素“tlc”（c）',
      '事件 [0] e（shipping）缺少 acme.hook 要求的关键数据元素“tlc”（c）',
    ]);
    const streamed = await validateEpcisJsonLines(lines(EVENTS), withHook(old));
    expect(streamed.diagnostics.map((d) => d.message)).toEqual([
      'Event 0 e (shipping) lacks the key data element "tlc" required by acme.hook (c)',
      'Event 0 e (shipping) lacks the key data element "tlc" required by acme.hook (c)',
    ]);
  });
});

describe('a chain profile asked of validators that see events one by one', () => {
  it('is not applied, and they say so once per stream (found in review)', async () => {
    const r = await validateEpcisJsonLines(lines(EVENTS), { profiles: ['us.fsma-204'] });
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.params])).toEqual([
      ['TRACE_PROFILE_NOT_APPLIED', 'warning', { profile: 'us.fsma-204' }],
    ]);
    expect(r.valid).toBe(true);
    const zh = await validateEpcisJsonLines(lines(EVENTS), {
      profiles: ['us.fsma-204'],
      locale: 'zh-CN',
    });
    expect(zh.diagnostics[0]?.message).toMatch(/^链式追溯规则集 us\.fsma-204 需要整条链/);
  });
  it('is said with each event of the line validator', () => {
    const v = createEpcisLineValidator({ profiles: ['us.fsma-204'] });
    const found = EVENTS.slice(0, 2).map((e) => v.validate(JSON.stringify(e)).diagnostics);
    expect(found.map((ds) => ds.map((d) => d.code))).toEqual([
      ['TRACE_PROFILE_NOT_APPLIED'],
      ['TRACE_PROFILE_NOT_APPLIED'],
    ]);
  });
});

describe('a per-event profile hook that throws', () => {
  it('is a finding on each event it threw on, and the document is still validated', () => {
    const r = validateEpcisDocument(doc(EVENTS), withHook(throwing));
    expect(r.diagnostics.map(summary)).toEqual([ruleError(3), ruleError(7)]);
    expect([r.valid, r.eventCount, r.events.length]).toEqual([false, 10, 8]);
  });

  it('does not abort a JSON Lines stream: every event is read', async () => {
    const r = await validateEpcisJsonLines(lines(EVENTS), withHook(throwing));
    expect(r.diagnostics.map((d) => [d.code, d.params?.error])).toEqual([
      ['TRACE_PROFILE_RULE_ERROR', 'hook bug'],
      ['TRACE_PROFILE_RULE_ERROR', 'hook bug'],
    ]);
    expect([r.valid, r.eventCount, r.validEventCount]).toEqual([false, 10, 8]);
  });

  it('reports a checkEvent that is not a function', () => {
    const r = validateEpcisDocument(
      doc([EVENTS[0]]),
      withHook({ id: 'acme.hook', checkEvent: 'nope' }),
    );
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['TRACE_PROFILE_RULE_ERROR', ['epcisBody', 'eventList', 0]],
    ]);
  });
});

describe("a per-event profile hook's return", () => {
  it('is checked: [42, null] is a finding, not two diagnostics without a severity', () => {
    const r = validateEpcisDocument(
      doc([EVENTS[0]]),
      withHook({ id: 'acme.hook', checkEvent: () => [42, null] }),
    );
    expect(r.diagnostics.map((d) => [d.code, d.path, english(d.params?.detail)])).toEqual([
      [
        'TRACE_PROFILE_RULE_RESULT_INVALID',
        ['epcisBody', 'eventList', 0],
        'item 0: 42 is not an object (2 of 2 items are not diagnostics)',
      ],
    ]);
    expect(r.valid).toBe(false);
  });

  it('keeps well-formed findings, at their path inside the event', () => {
    const late: Diagnostic = {
      code: 'ACME_LATE',
      severity: 'warning',
      message: 'late',
      path: ['eventTime'],
    };
    const r = validateEpcisDocument(
      doc([EVENTS[0]]),
      withHook({ id: 'acme.hook', checkEvent: () => [late] }),
    );
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['ACME_LATE', ['epcisBody', 'eventList', 0, 'eventTime']],
    ]);
    expect(r.valid).toBe(true);
  });
});

describe('severities and locale for profile findings', () => {
  const profile: TraceProfile = acmeProfile('secondary');
  const chain = (extra: Omit<EpcisValidationOptions, 'profiles' | 'resolveProfile'>) =>
    validateEpcisDocument(doc([EVENTS[3]]), {
      profiles: ['acme.p'],
      resolveProfile: () => profile,
      ...extra,
    });

  it('overrides the severity of a chain profile code, so a warning leaves the document valid', () => {
    expect(chain({}).valid).toBe(false); // TRACE_PROFILE_KDE_MISSING is an error by default
    const r = chain({ severities: { TRACE_PROFILE_KDE_MISSING: 'warning' } as never });
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['RULESET_NOT_VERIFIED', 'info'],
      ['TRACE_PROFILE_KDE_MISSING', 'warning'],
    ]);
    expect(r.valid).toBe(true);
  });

  it('renders chain profile findings in zh-CN', () => {
    const r = chain({ locale: 'zh-CN' });
    // the zh-CN templates, filled in by hand: the step and the KDE by their zh-CN labels
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      '规则集 acme.p@1 的依据为二手来源（secondary），数值可按需覆盖',
      '事件 [0] ni:///sha-256;0000000000000000000000000000000000000000000000000000000000000003?ver=CBV2.0（发货）缺少 acme.p 要求的关键数据元素“批次代码”（acme.p）',
    ]);
    // the ids stay in the params, for programs
    expect(r.diagnostics[1]?.params).toMatchObject({ cte: 'shipping', kde: 'tlc' });
  });

  it('applies both to the findings of a per-event hook', () => {
    const r = validateEpcisDocument(doc(EVENTS), {
      ...withHook(throwing),
      locale: 'zh-CN',
      severities: { TRACE_PROFILE_RULE_ERROR: 'warning' } as never,
    });
    expect(r.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ['warning', 'acme.hook 的规则 checkEvent 运行出错，该规则未完成检查：hook bug'],
      ['warning', 'acme.hook 的规则 checkEvent 运行出错，该规则未完成检查：hook bug'],
    ]);
    expect([r.valid, r.events.length]).toEqual([true, 10]);
  });
});
