/**
 * The bizStep × action rules hold for a bizStep written as its CBV URI as for the bare word (found
 * in review: `https://ref.gs1.org/cbv/BizStep-commissioning` with DELETE had no finding), on the
 * full path and on the JSON Lines fast path alike.
 */
import { describe, expect, it } from 'vitest';
import { createEpcisEventValidator } from './epcis-event-validator.js';
import { createEpcisLineValidator } from './epcis-line-validator.js';

const event = (bizStep: string, action: string) => ({
  type: 'ObjectEvent',
  eventID: 'urn:uuid:6f1c2e4a-0b7d-4c55-9a3e-1f2d3c4b5a69',
  eventTime: '2025-03-01T08:00:00.000+08:00',
  eventTimeZoneOffset: '+08:00',
  action,
  bizStep,
  quantityList: [{ epcClass: 'urn:epc:class:lgtin:6921001.000102.A1', quantity: 10, uom: 'KGM' }],
  bizLocation: { id: 'urn:epc:id:sgln:6921001.00001.0' },
});
const NOW = '2030-01-01T00:00:00Z';

describe('bizStep × action rules and the URI form of a bizStep', () => {
  it.each([
    ['commissioning', 'DELETE', 'error'],
    ['https://ref.gs1.org/cbv/BizStep-commissioning', 'DELETE', 'error'],
    ['HTTPS://REF.GS1.ORG/cbv/BizStep-commissioning', 'DELETE', 'error'],
    ['https://ref.gs1.org/cbv/BizStep-decommissioning', 'ADD', 'error'],
    ['https://ref.gs1.org/cbv/BizStep-commissioning', 'OBSERVE', 'warning'],
  ])('%s with %s is a TRACE_BIZSTEP_ACTION %s', (bizStep, action, severity) => {
    const full = createEpcisEventValidator({ mode: 'strict', now: NOW })
      .validate(event(bizStep, action))
      .diagnostics.filter((d) => d.code === 'TRACE_BIZSTEP_ACTION')
      .map((d) => [d.severity, d.path]);
    expect(full).toEqual([[severity, ['bizStep']]]);
    // the line validator gives the same (its fast path must not accept the line)
    const line = createEpcisLineValidator({ mode: 'strict', now: NOW })
      .validate(JSON.stringify(event(bizStep, action)))
      .diagnostics.filter((d) => d.code === 'TRACE_BIZSTEP_ACTION')
      .map((d) => [d.severity, d.path]);
    expect(line).toEqual([[severity, [0, 'bizStep']]]);
  });

  it('a URI bizStep with its usual action has no finding', () => {
    const ok = createEpcisLineValidator({ mode: 'strict', now: NOW });
    const r = ok.validate(
      JSON.stringify(event('https://ref.gs1.org/cbv/BizStep-commissioning', 'ADD')),
    );
    expect(r.diagnostics).toEqual([]);
  });

  it('a rule of your own written with the CBV URI holds for the URI and the bare word (found in review)', () => {
    const rules = [
      {
        bizStep: 'https://ref.gs1.org/cbv/BizStep-shipping',
        actions: ['ADD'] as const,
        severity: 'error' as const,
        reason: { 'zh-CN': '发货不新建标识', en: 'shipping creates no identities' },
      },
    ];
    for (const bizStep of ['https://ref.gs1.org/cbv/BizStep-shipping', 'shipping']) {
      const found = createEpcisEventValidator({
        mode: 'strict',
        now: NOW,
        bizStepActionRules: rules,
      })
        .validate(event(bizStep, 'ADD'))
        .diagnostics.filter((d) => d.code === 'TRACE_BIZSTEP_ACTION')
        .map((d) => [bizStep, d.severity]);
      expect(found).toEqual([[bizStep, 'error']]);
    }
  });
});
