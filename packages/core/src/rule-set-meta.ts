import { createDiagnostic, type Diagnostic } from './diagnostic.js';
import { defineMessages, type LocalizedParam, localizedParam } from './message-catalogue.js';
import type { DiagnosticPath } from './path.js';
import { fail, ok, type Result } from './result.js';

/**
 * How far a published figure can be trusted: `verified` was read in the primary text or
 * recomputed; `secondary` comes from a secondary source (a news page, a summary, one local
 * document); `unverified` is a recollection awaiting a source. Ship the last two only as
 * overridable defaults.
 */
export type Confidence = 'verified' | 'secondary' | 'unverified';

/** Every confidence level, from the most to the least certain. */
export const CONFIDENCES: readonly Confidence[] = ['verified', 'secondary', 'unverified'];

/**
 * What every versioned rule set (grading bands, sampling plans, criteria, premium tables,
 * standards, traceability profiles) says about itself. Every result that applies rules carries it.
 */
export interface RuleSetMeta {
  /** Stable identifier, for example `cn.catering-grading`. */
  readonly id: string;
  /** The rule set's own version (semver or the issuing body's numbering, e.g. `2012`). */
  readonly version: string;
  /** Where it applies: `CN`, `CN-LN` (a province), `CN-LN-Dalian`, `US`, `GB`, or `*`. */
  readonly jurisdiction: string;
  /** The date (ISO `YYYY-MM-DD`) from which it is in force. */
  readonly effectiveFrom: string;
  /** The published text it comes from: title, number and, where there is one, a URL. */
  readonly source: string;
  readonly confidence: Confidence;
  /** Free text: what is uncertain, what was assumed. */
  readonly notes?: string;
}

/** The `RULESET_*` messages: bad rule-set metadata and the notice that a figure is not verified. */
export const ruleSetMessages = defineMessages(
  {
    RULESET_FIELD_MISSING: {
      severity: 'error',
      'zh-CN': '规则集元数据缺少字段 {field}',
      en: 'Rule-set metadata lacks the field {field}',
    },
    RULESET_DATE_INVALID: {
      severity: 'error',
      'zh-CN': '规则集生效日期 {value} 不是 YYYY-MM-DD 格式的有效日期',
      en: 'Rule-set effective date {value} is not a valid YYYY-MM-DD date',
    },
    RULESET_CONFIDENCE_INVALID: {
      severity: 'error',
      'zh-CN': '规则集可信度 {value} 无效，应为 verified、secondary 或 unverified',
      en: 'Rule-set confidence {value} is invalid; expected verified, secondary or unverified',
    },
    RULESET_NOT_VERIFIED: {
      severity: 'info',
      'zh-CN': '规则集 {id}@{version} 的依据为{sources}，数值可按需覆盖',
      en: 'Rule set {id}@{version} rests on {sources}; its figures may be overridden',
    },
  },
  { source: '@foodsafety/core' },
);

/** How the messages name the sources of each confidence, in both locales. */
const SOURCES_OF: Readonly<Record<RuleSetMeta['confidence'], LocalizedParam>> = {
  verified: localizedParam('已核实的来源', 'verified sources'),
  secondary: localizedParam('二手来源（secondary）', 'secondary sources'),
  unverified: localizedParam('未核实的来源（unverified）', 'unverified sources'),
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const REQUIRED = [
  'id',
  'version',
  'jurisdiction',
  'effectiveFrom',
  'source',
  'confidence',
] as const;

/**
 * Check untrusted rule-set metadata. Returns the metadata (a copy) with an info diagnostic when
 * its confidence is not `verified`, so callers can surface that the figures are provisional.
 */
export function parseRuleSetMeta(input: unknown, path: DiagnosticPath = []): Result<RuleSetMeta> {
  const diagnostics: Diagnostic[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail([
      createDiagnostic(ruleSetMessages.RULESET_FIELD_MISSING, { field: 'id' }, { path }),
    ]);
  }
  const record = input as Record<string, unknown>;
  for (const field of REQUIRED) {
    const value = record[field];
    if (typeof value !== 'string' || value.trim() === '') {
      diagnostics.push(
        createDiagnostic(
          ruleSetMessages.RULESET_FIELD_MISSING,
          { field },
          { path: [...path, field] },
        ),
      );
    }
  }
  const { effectiveFrom, confidence } = record;
  if (typeof effectiveFrom === 'string' && effectiveFrom !== '' && !isIsoDate(effectiveFrom)) {
    diagnostics.push(
      createDiagnostic(
        ruleSetMessages.RULESET_DATE_INVALID,
        { value: effectiveFrom },
        { path: [...path, 'effectiveFrom'] },
      ),
    );
  }
  if (
    typeof confidence === 'string' &&
    confidence !== '' &&
    !CONFIDENCES.includes(confidence as Confidence)
  ) {
    diagnostics.push(
      createDiagnostic(
        ruleSetMessages.RULESET_CONFIDENCE_INVALID,
        { value: confidence },
        { path: [...path, 'confidence'] },
      ),
    );
  }
  if (diagnostics.length > 0) return fail(diagnostics);
  const meta: RuleSetMeta = {
    id: record.id as string,
    version: record.version as string,
    jurisdiction: record.jurisdiction as string,
    effectiveFrom: effectiveFrom as string,
    source: record.source as string,
    confidence: confidence as Confidence,
    ...(typeof record.notes === 'string' ? { notes: record.notes } : {}),
  };
  return ok(meta, confidenceNotice(meta, path));
}

/** An info diagnostic when a rule set is not verified; nothing when it is. */
export function confidenceNotice(meta: RuleSetMeta, path?: DiagnosticPath): Diagnostic[] {
  if (meta.confidence === 'verified') return [];
  return [
    createDiagnostic(
      ruleSetMessages.RULESET_NOT_VERIFIED,
      {
        id: meta.id,
        version: meta.version,
        confidence: meta.confidence,
        sources: SOURCES_OF[meta.confidence],
      },
      { ...(path === undefined ? {} : { path }), source: meta.id },
    ),
  ];
}

/** A rule set's label for reports: `cn.catering-grading@2012 (CN, secondary)`. */
export function describeRuleSet(meta: RuleSetMeta): string {
  return `${meta.id}@${meta.version} (${meta.jurisdiction}, ${meta.confidence})`;
}
