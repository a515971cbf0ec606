import {
  createDiagnostic,
  type Diagnostic,
  type DiagnosticPath,
  describeValue,
  type MessageDescriptor,
  parseRuleSetMeta,
  type RuleSetMeta,
  type Severity,
} from '@foodsafety/core';
import { defineExtensionPoint } from '@foodsafety/plugin-sdk';
import type { LotGraph } from '../chain/lot-graph.js';
import { profileMessages } from './profile-messages.js';

/** A bilingual label. */
export interface ProfileLabel {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** One key data element (KDE) of a critical tracking event. */
export interface KdeDefinition {
  /** Stable id, e.g. `traceabilityLotCode`. */
  readonly id: string;
  readonly label: ProfileLabel;
  /** Where the KDE may be found in an event (see the selector language); any one suffices. */
  readonly select: readonly string[];
  /** Whether a record without it is a finding (default true). */
  readonly required?: boolean;
  /** The paragraph of the rule that asks for it, e.g. `21 CFR 1.1340(a)(1)`. */
  readonly citation?: string;
}

/**
 * Build a KDE definition: its id, its label in both locales, where it may be found in an event,
 * and the paragraph that asks for it. `required` defaults to true (and is then left out).
 *
 * @example defineKde('tlc', 'Traceability lot code', '追溯批次代码', ['quantityList[*].epcClass'], { citation: '21 CFR 1.1340(a)(1)' })
 */
export function defineKde(
  id: string,
  en: string,
  zh: string,
  select: readonly string[],
  options: { readonly citation?: string; readonly required?: boolean } = {},
): KdeDefinition {
  return {
    id,
    label: { en, 'zh-CN': zh },
    select,
    ...(options.citation === undefined ? {} : { citation: options.citation }),
    ...(options.required === false ? { required: false } : {}),
  };
}

/**
 * {@link defineKde} for a table whose KDEs all cite one source: `kde(id, en, zh, select,
 * required = true)`.
 *
 * @example const kde = kdeCitedTo('GDST 1.x Core Normative Standards');
 */
export function kdeCitedTo(
  citation: string,
): (
  id: string,
  en: string,
  zh: string,
  select: readonly string[],
  required?: boolean,
) => KdeDefinition {
  return (id, en, zh, select, required = true) =>
    defineKde(id, en, zh, select, { citation, required });
}

/**
 * How an event is recognised as a critical tracking event: an explicit step named in the event
 * (a member whose local name is `cte`, e.g. `fsk:cte`), or the event's shape. Every given field
 * must match; `has` selectors must each pick something.
 */
export interface CteMatch {
  /** Explicit step names that mean this CTE (`['shipping', 'warehouse-out']`). */
  readonly cte?: readonly string[];
  readonly eventTypes?: readonly string[];
  readonly actions?: readonly string[];
  /** Bare CBV words (URI forms are matched too). */
  readonly bizSteps?: readonly string[];
  readonly dispositions?: readonly string[];
  readonly has?: readonly string[];
}

/** A critical tracking event (CTE) with its KDE table. */
export interface CteDefinition {
  readonly id: string;
  readonly label: ProfileLabel;
  /** Ways the CTE is recognised; the first CTE with a matching entry wins (explicit steps first). */
  readonly match: readonly CteMatch[];
  readonly kdes: readonly KdeDefinition[];
}

/** Comparison of a value rule. */
export type ValueOp =
  | 'exists'
  | 'eq'
  | 'ne'
  | 'lt'
  | 'lte'
  | 'gt'
  | 'gte'
  | 'in'
  | 'not-in'
  | 'matches'
  | 'gtin-in';

/** A condition on the values a selector picks. */
export interface ValueCondition {
  readonly select: string;
  readonly op: ValueOp;
  readonly value?: string | number | boolean | readonly (string | number)[];
  /** `all` (default): every picked value must pass and at least one must be picked; `any`: one suffices. */
  readonly quantifier?: 'all' | 'any';
}

/** Common fields of profile rules. */
interface RuleBase {
  readonly id: string;
  readonly label?: ProfileLabel;
  /** Override the default severity of the rule's code. */
  readonly severity?: Severity;
}

/** A step that must come earlier, on the same lot (`lot`) or on the lot or any ancestor (`lineage`). */
export interface RequiresBeforeRule extends RuleBase {
  readonly kind: 'requires-before';
  readonly cte: string;
  readonly requires: string;
  readonly scope: 'lot' | 'lineage';
}

/** New lots (ObjectEvent ADD, transformation outputs) only at the listed CTEs. */
export interface NewLotOnlyAtRule extends RuleBase {
  readonly kind: 'new-lot-only-at';
  readonly ctes: readonly string[];
}

/** A condition every event of the listed CTEs must meet (optionally only when `when` holds). */
export interface ValueRule extends RuleBase, ValueCondition {
  readonly kind: 'value';
  /** CTEs the rule applies to (all recognised events if omitted). */
  readonly ctes?: readonly string[];
  readonly when?: ValueCondition;
  /**
   * The message of a failure (a descriptor from `defineMessages` or a plugin's `messages`);
   * params: `index`, `eventID`, `profile`, `rule`, `value`, `expected`, `cte`.
   * Default `TRACE_PROFILE_RULE_FAILED`.
   */
  readonly message?: MessageDescriptor;
}

/**
 * How long records must be kept: `monthsAfterShelfLife` after the end of the shelf life when the
 * record carries one (selectors `shelfLifeSelect`), else `minYears` after the event.
 */
export interface RetentionRule extends RuleBase {
  readonly kind: 'retention';
  readonly monthsAfterShelfLife: number;
  readonly minYears: number;
  readonly shelfLifeSelect: readonly string[];
}

/** What a custom rule sees. */
export interface ProfileRuleContext {
  readonly profile: TraceProfile;
  /** The events checked (as given). */
  readonly events: readonly unknown[];
  /** The CTE recognised for each event (by position), or `undefined`. */
  readonly ctes: readonly (string | undefined)[];
  /** The lot graph of the events. */
  readonly graph: LotGraph;
  /** Path to an event by its position. */
  pathOf(index: number): DiagnosticPath;
}

/** An escape hatch: a function rule (keep thresholds in the profile's data where possible). */
export interface CustomRule extends RuleBase {
  readonly kind: 'custom';
  readonly check: (context: ProfileRuleContext) => readonly Diagnostic[];
}

/** A rule of a profile. */
export type ProfileRule =
  | RequiresBeforeRule
  | NewLotOnlyAtRule
  | ValueRule
  | RetentionRule
  | CustomRule;

/**
 * A traceability profile: the KDE tables of a regulation's critical tracking events and the chain
 * rules that go with them, as versioned data with its source and confidence.
 */
export interface TraceProfile {
  readonly meta: RuleSetMeta;
  readonly label: ProfileLabel;
  readonly ctes: readonly CteDefinition[];
  readonly rules: readonly ProfileRule[];
}

/** The package version extension-point hosts report to plugins' `requires`. */
export const TRACE_HOST = { name: '@foodsafety/trace', version: '0.1.0' } as const;

/**
 * Check a profile's definition: rule-set metadata, unique CTE ids, rules naming known CTEs.
 * Returns diagnostics with paths into the profile (errors make it unusable).
 */
export function validateTraceProfile(profile: TraceProfile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const id = typeof profile?.meta?.id === 'string' ? profile.meta.id : '(no id)';
  const bad = (detail: string, path: DiagnosticPath) =>
    out.push(createDiagnostic(profileMessages.TRACE_PROFILE_INVALID, { id, detail }, { path }));
  if (typeof profile !== 'object' || profile === null) {
    bad('not an object', []);
    return out;
  }
  const meta = parseRuleSetMeta(profile.meta, ['meta']);
  if (!meta.ok) out.push(...meta.diagnostics);
  if (!Array.isArray(profile.ctes)) {
    bad('ctes must be a list', ['ctes']);
    return out;
  }
  const ids = new Set<string>();
  profile.ctes.forEach((cte, i) => {
    if (typeof cte?.id !== 'string' || cte.id === '') bad('a CTE has no id', ['ctes', i, 'id']);
    else if (ids.has(cte.id)) bad(`CTE ${cte.id} is defined twice`, ['ctes', i, 'id']);
    else ids.add(cte.id);
    const cteId = describeValue(cte?.id, Number.POSITIVE_INFINITY);
    if (!Array.isArray(cte?.match)) bad(`CTE ${cteId} has no match list`, ['ctes', i, 'match']);
    if (!Array.isArray(cte?.kdes)) bad(`CTE ${cteId} has no KDE list`, ['ctes', i, 'kdes']);
    else {
      cte.kdes.forEach((kde: KdeDefinition, k: number) => {
        if (!Array.isArray(kde?.select) || kde.select.length === 0) {
          bad(
            `KDE ${describeValue(kde?.id, Number.POSITIVE_INFINITY)} of ${cteId} selects nothing`,
            ['ctes', i, 'kdes', k, 'select'],
          );
        }
      });
    }
  });
  if (!Array.isArray(profile.rules)) {
    bad('rules must be a list', ['rules']);
    return out;
  }
  const known = (cte: unknown, path: DiagnosticPath) => {
    if (typeof cte !== 'string' || !ids.has(cte))
      bad(`rule names an unknown CTE ${describeValue(cte, Number.POSITIVE_INFINITY)}`, path);
  };
  // a rule's list of CTEs: each must be known; a list that is not a list is a finding itself
  const knownAll = (ctes: unknown, path: DiagnosticPath) => {
    if (!Array.isArray(ctes)) bad('the CTEs of a rule must be a list', path);
    // by index, not forEach: a hole in the list is an unknown CTE too
    else for (let k = 0; k < ctes.length; k += 1) known(ctes[k], [...path, k]);
  };
  profile.rules.forEach((rule, r) => {
    switch (rule?.kind) {
      case 'requires-before':
        known(rule.cte, ['rules', r, 'cte']);
        known(rule.requires, ['rules', r, 'requires']);
        break;
      case 'new-lot-only-at':
        knownAll(rule.ctes, ['rules', r, 'ctes']);
        break;
      case 'value':
        if (rule.ctes !== undefined) knownAll(rule.ctes, ['rules', r, 'ctes']);
        break;
      case 'retention':
      case 'custom':
        break;
      default:
        bad(
          `unknown rule kind ${describeValue((rule as { kind?: unknown })?.kind, Number.POSITIVE_INFINITY)}`,
          ['rules', r, 'kind'],
        );
    }
  });
  return out;
}

/**
 * The extension point of traceability profiles, keyed by `meta.id`. Built-in profiles (FSMA 204,
 * GDST, and China's in `@foodsafety/trace/cn`) are contributed by plugins exactly as a third
 * party would contribute its own.
 *
 * @example
 * const engine = createEngine({ plugins: [traceFsma204(), traceCn()] });
 * checkProfile(events, engine.require(traceProfiles, 'cn.aquatic-chain'));
 */
export const traceProfiles = defineExtensionPoint<TraceProfile>({
  id: 'trace.profiles',
  key: (profile) => profile.meta.id,
  host: TRACE_HOST,
  validate: validateTraceProfile,
  description: 'Traceability profiles: KDE tables per critical tracking event and chain rules',
});
