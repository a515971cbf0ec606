/**
 * The small profile an integrator's tests write ("acme.p": one shipping step that asks for a lot
 * code), shared by the profile tests. Test support only.
 */
import type { RuleSetMeta } from '@foodsafety/core';
import type { CteDefinition, KdeDefinition, TraceProfile } from '../trace-profile.js';

/** The label every part of the profile uses. */
export const ACME_LABEL = { en: 'Shipping', 'zh-CN': '发货' } as const;

/** The profile's meta, with the confidence asked for (a verified one gives no notice). */
export function acmeMeta(confidence: RuleSetMeta['confidence'] = 'verified'): RuleSetMeta {
  return {
    id: 'acme.p',
    version: '1',
    jurisdiction: 'CN',
    effectiveFrom: '2025-01-01',
    source: 'x',
    confidence,
  };
}

/** The lot code the shipping step asks for, in its ILMD. */
export const ACME_LOT_CODE: KdeDefinition = {
  id: 'tlc',
  label: { en: 'Lot code', 'zh-CN': '批次代码' },
  select: ['ilmd.tlc'],
};

/** The shipping step, asking for the given KDEs. */
export function acmeShipping(kdes: readonly KdeDefinition[] = [ACME_LOT_CODE]): CteDefinition {
  return { id: 'shipping', label: ACME_LABEL, match: [{ bizSteps: ['shipping'] }], kdes };
}

/** The whole profile: the shipping step asking for the lot code, no rules. */
export function acmeProfile(confidence: RuleSetMeta['confidence'] = 'verified'): TraceProfile {
  return { meta: acmeMeta(confidence), label: ACME_LABEL, ctes: [acmeShipping()], rules: [] };
}
