/**
 * Business step × event type × action consistency (CBV 2.0 §7.1 gives, for each business step,
 * the event type and action it is normally used with). Only clear contradictions are errors;
 * unusual but defensible combinations are warnings.
 */
import {
  type LocalizedParam,
  localizedParam,
  type RuleSetMeta,
  type Severity,
} from '@foodsafety/core';
import { BIZ_STEPS, cbvWord } from '../formats/cbv-vocabulary.js';

/** One consistency rule: the bizStep used with one of these actions is a finding. */
export interface BizStepActionRule {
  readonly bizStep: string;
  /** Event types the rule applies to (all with an `action` when omitted). */
  readonly eventTypes?: readonly string[];
  readonly actions: readonly ('ADD' | 'OBSERVE' | 'DELETE')[];
  readonly severity: Severity;
  /** Why, in both locales (the finding's `reason`). */
  readonly reason: LocalizedParam;
}

/** The rule set's metadata. */
export const BIZ_STEP_ACTION_RULES_META: RuleSetMeta = {
  id: 'trace.bizstep-action',
  version: '1.0.0',
  jurisdiction: '*',
  effectiveFrom: '2022-06-01',
  source: 'GS1 Core Business Vocabulary (CBV) 2.0, §7.1 Business steps (usage notes per step)',
  confidence: 'secondary',
  notes:
    'Derived from the CBV usage notes; only contradictions (creating with DELETE, retiring with ADD, packing with DELETE, unpacking with ADD) are errors.',
};

/** The rules. */
export const BIZ_STEP_ACTION_RULES: readonly BizStepActionRule[] = [
  {
    bizStep: 'commissioning',
    actions: ['DELETE'],
    severity: 'error',
    reason: localizedParam(
      'commissioning（赋码启用）创建标识（ADD）',
      'commissioning creates identities (ADD)',
    ),
  },
  {
    bizStep: 'commissioning',
    eventTypes: ['ObjectEvent'],
    actions: ['OBSERVE'],
    severity: 'warning',
    reason: localizedParam(
      'commissioning（赋码启用）应以 action ADD 记录',
      'commissioning is recorded with action ADD',
    ),
  },
  {
    bizStep: 'encoding',
    actions: ['DELETE'],
    severity: 'error',
    reason: localizedParam('encoding（编码）写入标识（ADD）', 'encoding writes identities (ADD)'),
  },
  {
    bizStep: 'decommissioning',
    actions: ['ADD'],
    severity: 'error',
    reason: localizedParam(
      'decommissioning（停用）注销标识（DELETE）',
      'decommissioning retires identities (DELETE)',
    ),
  },
  {
    bizStep: 'destroying',
    actions: ['ADD'],
    severity: 'error',
    reason: localizedParam(
      'destroying（销毁）结束对象的生命周期',
      'destroying ends the life of objects',
    ),
  },
  {
    bizStep: 'killing',
    actions: ['ADD'],
    severity: 'error',
    reason: localizedParam(
      'killing（灭活标签）终止标签（DELETE）',
      'killing terminates tags (DELETE)',
    ),
  },
  {
    bizStep: 'packing',
    eventTypes: ['AggregationEvent'],
    actions: ['DELETE'],
    severity: 'error',
    reason: localizedParam(
      'packing（装箱）将子项加入父项（ADD）',
      'packing adds children to a parent (ADD)',
    ),
  },
  {
    bizStep: 'assembling',
    eventTypes: ['AggregationEvent', 'AssociationEvent'],
    actions: ['DELETE'],
    severity: 'error',
    reason: localizedParam('assembling（组装）加入子项（ADD）', 'assembling adds children (ADD)'),
  },
  {
    bizStep: 'installing',
    eventTypes: ['AssociationEvent'],
    actions: ['DELETE'],
    severity: 'error',
    reason: localizedParam('installing（安装）建立关联（ADD）', 'installing associates (ADD)'),
  },
  {
    bizStep: 'unpacking',
    eventTypes: ['AggregationEvent'],
    actions: ['ADD'],
    severity: 'error',
    reason: localizedParam(
      'unpacking（拆箱）移除子项（DELETE）',
      'unpacking removes children (DELETE)',
    ),
  },
  {
    bizStep: 'disassembling',
    eventTypes: ['AggregationEvent', 'AssociationEvent'],
    actions: ['ADD'],
    severity: 'error',
    reason: localizedParam(
      'disassembling（拆解）移除子项（DELETE）',
      'disassembling removes children (DELETE)',
    ),
  },
  {
    bizStep: 'removing',
    eventTypes: ['AssociationEvent'],
    actions: ['ADD'],
    severity: 'error',
    reason: localizedParam('removing（拆除）解除关联（DELETE）', 'removing dissociates (DELETE)'),
  },
];

/** Index bizStep → event type → action → rule (built once, looked up without allocation). */
export type BizStepActionIndex = ReadonlyMap<
  string,
  ReadonlyMap<string, ReadonlyMap<string, BizStepActionRule>>
>;

/** Build the lookup index of a rule table. */
export function indexBizStepActionRules(rules: readonly BizStepActionRule[]): BizStepActionIndex {
  const out = new Map<string, Map<string, Map<string, BizStepActionRule>>>();
  const types = ['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'AssociationEvent'];
  for (const r of rules) {
    // keyed as events are looked up (bizStepRuleKey): a rule written with the CBV URI holds for
    // the bare word and the URI alike
    const key = bizStepRuleKey(r.bizStep);
    const byType = out.get(key) ?? new Map<string, Map<string, BizStepActionRule>>();
    out.set(key, byType);
    for (const t of r.eventTypes ?? types) {
      const byAction = byType.get(t) ?? new Map<string, BizStepActionRule>();
      byType.set(t, byAction);
      for (const a of r.actions) byAction.set(a, r);
    }
  }
  return out;
}

/**
 * The bizStep × action rules' key of a bizStep: its CBV word, also when it is written as the CBV
 * URI (`https://ref.gs1.org/cbv/BizStep-commissioning`), so that the rules hold for both forms.
 * Bare CBV words are short; only a longer value is read as a URI.
 */
export function bizStepRuleKey(bizStep: string): string {
  return bizStep.length > 24 ? cbvWord(BIZ_STEPS, bizStep) : bizStep;
}
