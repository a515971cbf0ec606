import {
  createDiagnostic,
  type Diagnostic,
  type DiagnosticPath,
  describeValue,
  type LocalizedParam,
  localizedParam,
  type MessageDescriptor,
  parseRuleSetMeta,
  type RuleSetMeta,
  SEVERITIES,
  type Severity,
} from '@foodsafety/core';
import { defineExtensionPoint } from '@foodsafety/plugin-sdk';
import type { LotGraph } from '../chain/lot-graph.js';
import { isRecord } from '../is-record.js';
import { isConvertibleUnit } from './measurement-units.js';
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
  /**
   * How `toSortableSpreadsheet` writes the KDE's cell (default: the values its selectors pick, as
   * sent). Each value is read at the object that holds it (a quantity element), with that object's
   * `uom`:
   * - `quantityWithUnit`: each quantity with its unit (`12.5 KGM; 3 LBR`), for a KDE the rule asks
   *   for as quantity and unit of measure; a quantity without `uom` (a count) as the number alone,
   *   an EPC of an instance list (`epcList[*]`, `childEPCs[*]`, `inputEPCList[*]`,
   *   `outputEPCList[*]`) as `1`;
   * - `unit`: the unit of each quantity element (`KGM; LBR`), nothing for a count or an EPC; a
   *   cell without any unit is empty.
   * Either way one entry per element, aligned with the lot cell, from the first selector that finds
   * any. Nothing else (`checkProfile` included) reads it.
   */
  readonly format?: 'quantityWithUnit' | 'unit';
}

/** How a spreadsheet writes a KDE's cell (see {@link KdeDefinition.format}). */
export type KdeFormat = NonNullable<KdeDefinition['format']>;

/** The values of {@link KdeDefinition.format}. */
const KDE_FORMATS: readonly KdeFormat[] = ['quantityWithUnit', 'unit'];

/**
 * Build a KDE definition: its id, its label in both locales, where it may be found in an event,
 * the paragraph that asks for it and how a spreadsheet writes its cell (`format`, see
 * {@link KdeDefinition.format}). `required` defaults to true (and is then left out).
 *
 * @example defineKde('tlc', 'Traceability lot code', '追溯批次代码', ['quantityList[*].epcClass'], { citation: '21 CFR 1.1340(a)(1)' })
 * @example defineKde('qty', 'Quantity and unit', '数量及单位', EPCIS_SELECTORS.quantities, { format: 'quantityWithUnit' })
 */
export function defineKde(
  id: string,
  en: string,
  zh: string,
  select: readonly string[],
  options: {
    readonly citation?: string;
    readonly required?: boolean;
    readonly format?: KdeDefinition['format'];
  } = {},
): KdeDefinition {
  return {
    id,
    label: { en, 'zh-CN': zh },
    select,
    ...(options.citation === undefined ? {} : { citation: options.citation }),
    ...(options.required === false ? { required: false } : {}),
    ...(options.format === undefined ? {} : { format: options.format }),
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
  /**
   * Events that are this CTE by their place in the chain rather than by their own shape (a plain
   * shipping is a warehouse-out when it ships what the plant processed, say): given the check's
   * context, the positions of such events. It runs after every event was matched by `match`, for
   * the CTEs in their order (each sees the steps the ones before it gave, in `context.ctes`);
   * only events still without a CTE, and in the chain, take this one. They are then checked like
   * any other: their KDE table, the rules, `ctes` in the result, the spreadsheet's CTE column. A
   * recogniser that throws is a `TRACE_PROFILE_RULE_ERROR` (rule `<cte>.inContext`); one that
   * returns anything but a list of event positions a `TRACE_PROFILE_CONTEXT_RESULT_INVALID`.
   */
  readonly inContext?: (context: ProfileRuleContext) => readonly number[];
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
  /**
   * The unit `value` is in, a UN/CEFACT Recommendation 20 code: `CEL`, `FAH` or `KEL` for
   * temperatures, or a mass, volume or count unit (`KGM`, `LBR`, `LTR`, `H87`…). Each picked
   * number is read with the `uom` of the object that holds it (a sensor report, a quantity
   * element) and converted to this unit before it is compared, so −4 °F passes `lte −18` in
   * `CEL` (−20 °C). A number without a unit, in a unit that does not convert to this one (another
   * dimension, an unknown code) or a value that is no number fails the condition. Only with the
   * ops `eq`, `ne`, `lt`, `lte`, `gt` and `gte` and a number `value`.
   */
  readonly uom?: string;
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
   * params: `index`, `eventID`, `profile`, `cte`, `rule` (the rule's id) and `ruleName` (its label,
   * else its id), `value`, `expected` (the condition in the rule's terms, `all … lte -18 CEL`) and
   * `requirement` (in words, in the message's language: `… 均 ≤ -18 °C`, `every … ≤ -18 °C`).
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

const VALUE_OPS: readonly ValueOp[] = [
  'exists',
  'eq',
  'ne',
  'lt',
  'lte',
  'gt',
  'gte',
  'in',
  'not-in',
  'matches',
  'gtin-in',
];
/** The ops a condition with a `uom` may have (comparisons of numbers). */
const MEASURED_OPS: readonly ValueOp[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'];

// The selector language (see `kde-selector.ts`): a member name, or a bracket (`[*]`, `[0]`,
// `[type=location]`, `["a URI"]`); a name after a step is joined by a dot, a bracket may be.
const NAME = String.raw`[^.[\]"]+`;
const BRACKET = String.raw`\[\s*(?:"[^"]*"|\*|\d+|[^\]"=\s][^\]"=]*=[^\]"]*)\s*\]`;
const SELECTOR = new RegExp(`^(?:${NAME}|${BRACKET})(?:\\.${NAME}|\\.?${BRACKET})*$`);

function shown(v: unknown): string {
  return describeValue(v, Number.POSITIVE_INFINITY);
}

/** Words of a finding, in both locales (core's `LocalizedParam`). */
type Words = LocalizedParam;
const w = localizedParam;

/** Why a selector is malformed (it would select nothing, silently), or `undefined`. */
function selectorProblem(selector: unknown): Words | undefined {
  if (typeof selector !== 'string')
    return w(`选择器 ${shown(selector)} 不是文本`, `the selector ${shown(selector)} is not text`);
  if (!SELECTOR.test(selector.trim()))
    return w(`选择器 ${selector} 格式错误`, `the selector ${selector} is malformed`);
  return undefined;
}

function labelProblem(label: unknown): Words | undefined {
  if (!isRecord(label))
    return w(
      '没有名称（含 zh-CN 与 en 文本的对象）',
      'has no label (an object with zh-CN and en texts)',
    );
  for (const locale of ['zh-CN', 'en'] as const) {
    const text = label[locale];
    if (typeof text !== 'string' || text.trim() === '')
      return w(`没有 ${locale} 名称`, `has no ${locale} label`);
  }
  return undefined;
}

function descriptorProblem(message: unknown): Words | undefined {
  if (!isRecord(message) || typeof message.code !== 'string' || message.code === '')
    return w(
      '带 code 的消息描述（来自 defineMessages 或插件的 messages）',
      "a message descriptor (from defineMessages or a plugin's messages) with a code",
    );
  if (!SEVERITIES.includes(message.severity as Severity))
    return w('带严重程度的消息描述', 'a descriptor with a severity');
  const templates = message.templates;
  if (
    !isRecord(templates) ||
    typeof templates.en !== 'string' ||
    typeof templates['zh-CN'] !== 'string'
  )
    return w('带 zh-CN 与 en 模板的消息描述', 'a descriptor with zh-CN and en templates');
  return undefined;
}

/** What the `value` of a condition must be for its op, or `undefined` when it fits. */
function operandProblem(op: ValueOp, value: unknown): Words | undefined {
  const scalar = (v: unknown) =>
    typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
  switch (op) {
    case 'exists':
      return undefined;
    case 'eq':
    case 'ne':
      return scalar(value) || typeof value === 'boolean'
        ? undefined
        : w('文本、数值或布尔值', 'a text, number or boolean');
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return typeof value === 'number' && Number.isFinite(value)
        ? undefined
        : w('有限的数值', 'a finite number');
    case 'in':
    case 'not-in':
    case 'gtin-in':
      // an item that is no text or number matches nothing, which is not worth rejecting the profile
      return Array.isArray(value) ? undefined : w('列表', 'a list');
    case 'matches':
      if (typeof value !== 'string')
        return w('以文本写出的正则表达式', 'a regular expression as text');
      try {
        new RegExp(value);
        return undefined;
      } catch {
        return w('有效的正则表达式', 'a valid regular expression');
      }
  }
}

/**
 * Check a profile's definition so that a broken one fails to activate instead of misjudging
 * events: rule-set metadata and labels; unique CTE ids, each with a list of match entries and a
 * KDE table of unique ids, well-formed selectors and known formats; rules with unique ids, a known
 * kind and severity, naming known CTEs, and with the fields their kind needs (a `requires-before`
 * scope of `lot` or `lineage`; a value rule's known op with a value that fits it, a well-formed
 * selector and a message descriptor; a custom rule's `check` function). Returns
 * `TRACE_PROFILE_INVALID` errors (and the metadata's own) with paths into the profile.
 */
export function validateTraceProfile(profile: TraceProfile): Diagnostic[] {
  try {
    return profileProblems(profile);
  } catch (error) {
    // a profile built in code may have a getter that throws: that is a fault of the profile too
    const why = error instanceof Error ? error.message : describeValue(error);
    const detail = w(`读取时出错：${why}`, `reading it failed: ${why}`);
    return [
      createDiagnostic(
        profileMessages.TRACE_PROFILE_INVALID,
        { id: w('（无法读取）', '(unreadable)'), detail },
        { path: [] },
      ),
    ];
  }
}

function profileProblems(profile: TraceProfile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const id =
    isRecord(profile) && isRecord(profile.meta) && typeof profile.meta.id === 'string'
      ? profile.meta.id
      : w('（无 id）', '(no id)');
  const bad = (detail: Words, path: DiagnosticPath) =>
    out.push(createDiagnostic(profileMessages.TRACE_PROFILE_INVALID, { id, detail }, { path }));
  if (!isRecord(profile)) {
    bad(w('不是对象', 'not an object'), []);
    return out;
  }
  const meta = parseRuleSetMeta(profile.meta, ['meta']);
  if (!meta.ok) out.push(...meta.diagnostics);
  const profileLabel = labelProblem(profile.label);
  if (profileLabel !== undefined)
    bad(w(`该配置${profileLabel['zh-CN']}`, `the profile ${profileLabel.en}`), ['label']);
  if (!Array.isArray(profile.ctes)) {
    bad(w('ctes 必须是列表', 'ctes must be a list'), ['ctes']);
    return out;
  }
  const selectors = (list: unknown, what: Words, path: DiagnosticPath, nonEmpty: boolean) => {
    if (!Array.isArray(list) || (nonEmpty && list.length === 0)) {
      bad(w(`${what['zh-CN']}什么也选不到`, `${what.en} selects nothing`), path);
      return;
    }
    for (let k = 0; k < list.length; k += 1) {
      const problem = selectorProblem(list[k]);
      if (problem !== undefined)
        bad(w(`${what['zh-CN'].trimEnd()}：${problem['zh-CN']}`, `${what.en}: ${problem.en}`), [
          ...path,
          k,
        ]);
    }
  };
  const ids = new Set<string>();
  profile.ctes.forEach((cte: unknown, i) => {
    const c = isRecord(cte) ? cte : {};
    if (typeof c.id !== 'string' || c.id === '')
      bad(w('有一个 CTE 没有 id', 'a CTE has no id'), ['ctes', i, 'id']);
    else if (ids.has(c.id))
      bad(w(`CTE ${c.id} 定义了两次`, `CTE ${c.id} is defined twice`), ['ctes', i, 'id']);
    else ids.add(c.id);
    const cteId = shown(c.id);
    const cteLabel = labelProblem(c.label);
    if (cteLabel !== undefined)
      bad(w(`CTE ${cteId} ${cteLabel['zh-CN']}`, `CTE ${cteId} ${cteLabel.en}`), [
        'ctes',
        i,
        'label',
      ]);
    if (!Array.isArray(c.match))
      bad(w(`CTE ${cteId} 没有 match 列表`, `CTE ${cteId} has no match list`), [
        'ctes',
        i,
        'match',
      ]);
    else {
      c.match.forEach((m: unknown, j) => {
        const at: DiagnosticPath = ['ctes', i, 'match', j];
        if (!isRecord(m)) {
          bad(
            w(
              `CTE ${cteId} 的一个 match 条目不是对象`,
              `a match entry of CTE ${cteId} is not an object`,
            ),
            at,
          );
          return;
        }
        for (const field of ['cte', 'eventTypes', 'actions', 'bizSteps', 'dispositions'] as const) {
          const words = m[field];
          if (
            words !== undefined &&
            !(Array.isArray(words) && words.every((w) => typeof w === 'string' && w !== ''))
          )
            bad(
              w(
                `CTE ${cteId} 的 match 条目中 ${field} 必须是文本列表`,
                `${field} of a match entry of CTE ${cteId} must be a list of texts`,
              ),
              [...at, field],
            );
        }
        if (m.has !== undefined)
          selectors(m.has, w(`CTE ${cteId} 的 has`, `has of CTE ${cteId}`), [...at, 'has'], false);
      });
    }
    if (c.inContext !== undefined && typeof c.inContext !== 'function')
      bad(
        w(`CTE ${cteId} 的 inContext 必须是函数`, `inContext of CTE ${cteId} must be a function`),
        ['ctes', i, 'inContext'],
      );
    if (!Array.isArray(c.kdes))
      bad(w(`CTE ${cteId} 没有 KDE 列表`, `CTE ${cteId} has no KDE list`), ['ctes', i, 'kdes']);
    else {
      const kdeIds = new Set<string>();
      c.kdes.forEach((kde: unknown, k) => {
        const at: DiagnosticPath = ['ctes', i, 'kdes', k];
        const d = isRecord(kde) ? kde : {};
        if (typeof d.id !== 'string' || d.id === '')
          bad(w(`${cteId} 的一个 KDE 没有 id`, `a KDE of ${cteId} has no id`), [...at, 'id']);
        else if (kdeIds.has(d.id))
          bad(w(`${cteId} 的 KDE ${d.id} 定义了两次`, `KDE ${d.id} of ${cteId} is defined twice`), [
            ...at,
            'id',
          ]);
        else kdeIds.add(d.id);
        const kdeLabel = labelProblem(d.label);
        if (kdeLabel !== undefined)
          bad(
            w(
              `${cteId} 的 KDE ${shown(d.id)} ${kdeLabel['zh-CN']}`,
              `KDE ${shown(d.id)} of ${cteId} ${kdeLabel.en}`,
            ),
            [...at, 'label'],
          );
        const kdeName = w(`${cteId} 的 KDE ${shown(d.id)} `, `KDE ${shown(d.id)} of ${cteId}`);
        selectors(d.select, kdeName, [...at, 'select'], true);
        if (d.required !== undefined && typeof d.required !== 'boolean')
          bad(
            w(
              `${cteId} 的 KDE ${shown(d.id)} 的 required 必须是 true 或 false`,
              `required of KDE ${shown(d.id)} of ${cteId} must be true or false`,
            ),
            [...at, 'required'],
          );
        if (d.format !== undefined && !KDE_FORMATS.includes(d.format as KdeFormat))
          bad(
            w(
              `${cteId} 的 KDE ${shown(d.id)} 的 format ${shown(d.format)} 未知（应为 ${KDE_FORMATS.join('、')} 之一）`,
              `KDE ${shown(d.id)} of ${cteId} has the unknown format ${shown(d.format)} (one of ${KDE_FORMATS.join(', ')})`,
            ),
            [...at, 'format'],
          );
      });
    }
  });
  if (!Array.isArray(profile.rules)) {
    bad(w('rules 必须是列表', 'rules must be a list'), ['rules']);
    return out;
  }
  const known = (cte: unknown, path: DiagnosticPath) => {
    if (typeof cte !== 'string' || !ids.has(cte))
      bad(w(`规则引用了未知的 CTE ${shown(cte)}`, `rule names an unknown CTE ${shown(cte)}`), path);
  };
  // a rule's list of CTEs: each must be known; a list that is not a list is a finding itself
  const knownAll = (ctes: unknown, path: DiagnosticPath) => {
    if (!Array.isArray(ctes))
      bad(w('规则的 CTE 必须是列表', 'the CTEs of a rule must be a list'), path);
    // by index, not forEach: a hole in the list is an unknown CTE too
    else for (let k = 0; k < ctes.length; k += 1) known(ctes[k], [...path, k]);
  };
  const condition = (cond: Record<string, unknown>, rule: string, path: DiagnosticPath) => {
    const problem = selectorProblem(cond.select);
    if (problem !== undefined)
      bad(w(`规则 ${rule}：${problem['zh-CN']}`, `rule ${rule}: ${problem.en}`), [
        ...path,
        'select',
      ]);
    if (!VALUE_OPS.includes(cond.op as ValueOp)) {
      bad(
        w(
          `规则 ${rule} 的 op ${shown(cond.op)} 未知（应为 ${VALUE_OPS.join('、')} 之一）`,
          `rule ${rule} has the unknown op ${shown(cond.op)} (one of ${VALUE_OPS.join(', ')})`,
        ),
        [...path, 'op'],
      );
    } else {
      const wanted = operandProblem(cond.op as ValueOp, cond.value);
      if (wanted !== undefined)
        bad(
          w(
            `规则 ${rule}：op ${cond.op} 需要${wanted['zh-CN']}，而不是 ${shown(cond.value)}`,
            `rule ${rule}: op ${cond.op} needs ${wanted.en}, not ${shown(cond.value)}`,
          ),
          [...path, 'value'],
        );
    }
    if (cond.uom !== undefined) {
      if (!isConvertibleUnit(cond.uom))
        bad(
          w(
            `规则 ${rule}：uom ${shown(cond.uom)} 不是可换算的单位（CEL、FAH、KEL，或 Rec 20 的质量、体积、计数单位）`,
            `rule ${rule}: uom ${shown(cond.uom)} is no unit that converts (CEL, FAH, KEL, or a mass, volume or count unit of Rec 20)`,
          ),
          [...path, 'uom'],
        );
      if (!MEASURED_OPS.includes(cond.op as ValueOp) || typeof cond.value !== 'number')
        bad(
          w(
            `规则 ${rule}：uom 只能与 ${MEASURED_OPS.join('、')} 及数值一起使用`,
            `rule ${rule}: a uom goes with ${MEASURED_OPS.join(', ')} and a number value`,
          ),
          [...path, 'uom'],
        );
    }
    if (cond.quantifier !== undefined && cond.quantifier !== 'all' && cond.quantifier !== 'any')
      bad(
        w(
          `规则 ${rule}：quantifier 必须是 all 或 any，而不是 ${shown(cond.quantifier)}`,
          `rule ${rule}: quantifier must be all or any, not ${shown(cond.quantifier)}`,
        ),
        [...path, 'quantifier'],
      );
  };
  const ruleIds = new Set<string>();
  profile.rules.forEach((entry: unknown, r) => {
    const at: DiagnosticPath = ['rules', r];
    const rule = isRecord(entry) ? entry : {};
    if (typeof rule.id !== 'string' || rule.id === '')
      bad(w('有一条规则没有 id', 'a rule has no id'), [...at, 'id']);
    else if (ruleIds.has(rule.id))
      bad(w(`规则 ${rule.id} 定义了两次`, `rule ${rule.id} is defined twice`), [...at, 'id']);
    else ruleIds.add(rule.id);
    const ruleId = shown(rule.id);
    if (rule.severity !== undefined && !SEVERITIES.includes(rule.severity as Severity))
      bad(
        w(
          `规则 ${ruleId} 的严重程度 ${shown(rule.severity)} 不是 error、warning 或 info`,
          `rule ${ruleId} has the severity ${shown(rule.severity)}, not error, warning or info`,
        ),
        [...at, 'severity'],
      );
    if (rule.label !== undefined) {
      const ruleLabel = labelProblem(rule.label);
      if (ruleLabel !== undefined)
        bad(w(`规则 ${ruleId} ${ruleLabel['zh-CN']}`, `rule ${ruleId} ${ruleLabel.en}`), [
          ...at,
          'label',
        ]);
    }
    switch (rule.kind) {
      case 'requires-before':
        known(rule.cte, [...at, 'cte']);
        known(rule.requires, [...at, 'requires']);
        if (rule.scope !== 'lot' && rule.scope !== 'lineage')
          bad(
            w(
              `规则 ${ruleId} 的范围 ${shown(rule.scope)} 不是 lot 或 lineage`,
              `rule ${ruleId} has the scope ${shown(rule.scope)}, not lot or lineage`,
            ),
            [...at, 'scope'],
          );
        break;
      case 'new-lot-only-at':
        knownAll(rule.ctes, [...at, 'ctes']);
        break;
      case 'value':
        if (rule.ctes !== undefined) knownAll(rule.ctes, [...at, 'ctes']);
        condition(rule, ruleId, at);
        if (rule.when !== undefined) {
          if (isRecord(rule.when)) condition(rule.when, ruleId, [...at, 'when']);
          else
            bad(
              w(
                `规则 ${ruleId}：when 必须是条件对象`,
                `rule ${ruleId}: when must be a condition object`,
              ),
              [...at, 'when'],
            );
        }
        if (rule.message !== undefined) {
          const wanted = descriptorProblem(rule.message);
          if (wanted !== undefined)
            bad(
              w(
                `规则 ${ruleId}：message 必须是${wanted['zh-CN']}`,
                `rule ${ruleId}: message must be ${wanted.en}`,
              ),
              [...at, 'message'],
            );
        }
        break;
      case 'retention':
        for (const field of ['monthsAfterShelfLife', 'minYears'] as const) {
          const n = rule[field];
          if (!(typeof n === 'number' && Number.isInteger(n) && n >= 0))
            bad(
              w(
                `规则 ${ruleId}：${field} 必须是 ≥ 0 的整数`,
                `rule ${ruleId}: ${field} must be a whole number ≥ 0`,
              ),
              [...at, field],
            );
        }
        selectors(
          rule.shelfLifeSelect,
          w(`规则 ${ruleId} `, `rule ${ruleId}`),
          [...at, 'shelfLifeSelect'],
          false,
        );
        break;
      case 'custom':
        if (typeof rule.check !== 'function')
          bad(
            w(
              `自定义规则 ${ruleId} 没有 check 函数`,
              `custom rule ${ruleId} has no check function`,
            ),
            [...at, 'check'],
          );
        break;
      default:
        bad(w(`未知的规则类型 ${shown(rule.kind)}`, `unknown rule kind ${shown(rule.kind)}`), [
          ...at,
          'kind',
        ]);
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
