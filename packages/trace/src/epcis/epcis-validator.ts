/**
 * The compiled EPCIS 2.0.1 validator: the schema, written out by hand for the EPCIS shape (no
 * generic schema interpreter at run time), plus the event rules beyond the schema. Built once per
 * option set ({@link compileEpcisValidator}); the per-event hot path allocates nothing but the
 * diagnostics it reports (paths are built only when a finding is reported). A member whose value
 * is `undefined` (events built in code) counts as absent, as `JSON.stringify` and the schema see
 * it.
 */

import {
  type Diagnostic,
  describeValue,
  type Locale,
  localizedParam,
  type MessageParamValue,
  type PathSegment,
  SEVERITIES,
  type Severity,
} from '@foodsafety/core';
import { objectPrototypeIsClean } from '../chain/object-prototype.js';
import {
  ACTIONS,
  BIZ_STEPS,
  BIZ_TRANSACTION_TYPES,
  CBV_WEB_HOST,
  type CbvVocabulary,
  COMPONENTS,
  DISPOSITIONS,
  ERROR_REASONS,
  MEASUREMENT_TYPES,
  readCbvUri,
  SENSOR_ALERT_TYPES,
  SOURCE_DEST_TYPES,
  vocabularyAccepts,
} from '../formats/cbv-vocabulary.js';
import {
  dateTimeMillis,
  isUri,
  offsetMinutes,
  writtenInUtc,
  writtenOffsetMinutes,
} from '../formats/json-formats.js';
import { lookupTable } from '../gs1/lookup-table.js';
import { type OptionProblem, OptionReader, optionFindings } from '../option-reader.js';
import { DATE_OR_DATE_TIME, NONE_NO_FUTURE_CHECK } from '../option-words.js';
import { callProfileRule } from '../profiles/call-profile-rule.js';
import { applyFindingOptions } from '../profiles/finding-options.js';
import { FSMA_204_PROFILE } from '../profiles/fsma-204.js';
import { GDST_PROFILE } from '../profiles/gdst.js';
import { withProfileNames } from '../profiles/profile-names.js';
import type { TraceProfile } from '../profiles/trace-profile.js';
import { thrownDetail } from '../thrown-detail.js';
import {
  BIZ_STEP_ACTION_RULES,
  type BizStepActionIndex,
  type BizStepActionRule,
  bizStepRuleKey,
  indexBizStepActionRules,
} from './bizstep-action-rules.js';
import type { EpcisEvent } from './epcis-event.js';
import {
  CHILDREN_WHAT,
  DATE_TIME_STRING,
  HEX_DIGITS,
  OBJECT_EVENT_WHAT,
  OFFSET_IN_RANGE,
  STRING_OBJECT_OR_ARRAY,
  STRING_OR_OBJECT,
  TRANSACTION_EVENT_WHAT,
  UNIT_CODE_FORM,
  URI_STRING,
} from './expectation-words.js';
import { epcisDiagnostic } from './fast-message.js';
import { checkGs1Uri, GS1_OK } from './gs1-uri-check.js';
import type { Fix } from './lenient-fixes.js';
import { REC20_UNIT_CODES, REC20_UNIT_CODES_META } from './rec20-unit-codes.js';
import { type EpcisCode, epcisMessages } from './trace-messages.js';

/** Profiles resolved without a resolver. */
const BUILT_IN_PROFILES: ReadonlyMap<string, TraceProfile> = new Map(
  [FSMA_204_PROFILE, GDST_PROFILE].map((p) => [p.meta.id, p]),
);

/** `strict` follows the 2.0.1 schema and the standard; `lenient` normalises common slips. */
export type EpcisValidationMode = 'strict' | 'lenient';

/** A profile's per-event check, resolved from a profile id (see `resolveProfile`). */
export interface EpcisProfileHook {
  readonly id: string;
  /** Findings for one (schema-valid) event; paths are relative to the event. */
  readonly checkEvent?: (event: EpcisEvent) => readonly Diagnostic[];
}

/** Options of the EPCIS validator. */
export interface EpcisValidationOptions {
  /** Default `strict`. */
  readonly mode?: EpcisValidationMode;
  /**
   * Profile ids to apply, e.g. `['us.fsma-204']`. Built in: `us.fsma-204` and `gdst`; others
   * (the China profiles of `@foodsafety/trace/cn`, an integrator's own) through `resolveProfile`.
   * A chain profile (`TraceProfile`) is checked over the whole document with `checkProfile`.
   */
  readonly profiles?: readonly string[];
  /**
   * Resolves profile ids — typically `(id) => engine.get(traceProfiles, id)` on a plugin engine.
   * Returns a chain profile (`TraceProfile`) or a per-event hook; unknown ids are
   * `TRACE_PROFILE_UNKNOWN` errors.
   */
  readonly resolveProfile?: (id: string) => EpcisProfileHook | TraceProfile | undefined;
  /** Events later than `now` + tolerance are `TRACE_FUTURE_EVENT`. No check without it. */
  readonly now?: Date | string;
  /** Tolerance of the future-event rule in milliseconds (default 5 minutes). */
  readonly futureToleranceMs?: number;
  /** Override the severity of codes (e.g. `{ TRACE_SENSOR_TIME_AFTER_EVENT: 'error' }`). */
  readonly severities?: Readonly<Partial<Record<EpcisCode | (string & {}), Severity>>>;
  /** Rec 20 unit codes to accept (default {@link REC20_UNIT_CODES}). */
  readonly unitCodes?: ReadonlySet<string>;
  /** bizStep × action rules (default {@link BIZ_STEP_ACTION_RULES}). */
  readonly bizStepActionRules?: readonly BizStepActionRule[];
  /** Deepest nesting of extension values that is walked (default 64). */
  readonly maxDepth?: number;
  /** Locale of the diagnostic messages (default `en`). */
  readonly locale?: Locale;
}

const _EVENT_TYPES = new Set([
  'ObjectEvent',
  'AggregationEvent',
  'TransactionEvent',
  'TransformationEvent',
  'AssociationEvent',
]);

const COMMON = [
  '@context',
  'type',
  'eventTime',
  'recordTime',
  'eventTimeZoneOffset',
  'eventID',
  'certificationInfo',
  'errorDeclaration',
];

/** Members each event type may have besides URI/CURIE extensions (2.0.1 `propertyNames`). */
const ALLOWED: Readonly<Record<string, ReadonlySet<string>>> = lookupTable({
  ObjectEvent: new Set([
    ...COMMON,
    'action',
    'epcList',
    'quantityList',
    'bizStep',
    'disposition',
    'persistentDisposition',
    'readPoint',
    'bizLocation',
    'bizTransactionList',
    'sourceList',
    'destinationList',
    'sensorElementList',
    'ilmd',
  ]),
  AggregationEvent: new Set([
    ...COMMON,
    'parentID',
    'childEPCs',
    'childQuantityList',
    'action',
    'bizStep',
    'disposition',
    'persistentDisposition',
    'readPoint',
    'bizLocation',
    'bizTransactionList',
    'sourceList',
    'destinationList',
    'sensorElementList',
  ]),
  TransactionEvent: new Set([
    ...COMMON,
    'bizTransactionList',
    'parentID',
    'epcList',
    'quantityList',
    'action',
    'bizStep',
    'disposition',
    'persistentDisposition',
    'readPoint',
    'bizLocation',
    'sourceList',
    'destinationList',
    'sensorElementList',
  ]),
  TransformationEvent: new Set([
    ...COMMON,
    'inputEPCList',
    'inputQuantityList',
    'outputEPCList',
    'outputQuantityList',
    'transformationID',
    'bizStep',
    'disposition',
    'persistentDisposition',
    'readPoint',
    'bizLocation',
    'bizTransactionList',
    'sourceList',
    'destinationList',
    'sensorElementList',
    'ilmd',
  ]),
  AssociationEvent: new Set([
    ...COMMON,
    'parentID',
    'childEPCs',
    'childQuantityList',
    'action',
    'bizStep',
    'disposition',
    'persistentDisposition',
    'readPoint',
    'bizLocation',
    'bizTransactionList',
    'sourceList',
    'destinationList',
    'sensorElementList',
  ]),
});

/** `eventTimeZoneOffset` (2.0.1 pattern). */
export const OFFSET = /^([+]|[-])((0[0-9]|1[0-3]):([0-5][0-9])|14:00)$/;
/** `uom` (2.0.1 pattern). */
export const UOM = /^[A-Z0-9]{2,3}$/;
const HEX = /^[A-Fa-f0-9]+$/u;
const VERSION = /^\d+(\.\d+)*$/u;

const SENSOR_METADATA_KEYS = new Set([
  'time',
  'deviceID',
  'deviceMetadata',
  'rawData',
  'startTime',
  'endTime',
  'dataProcessingMethod',
  'bizRules',
]);
const SENSOR_REPORT_URI_KEYS = new Set([
  'deviceID',
  'deviceMetadata',
  'rawData',
  'dataProcessingMethod',
  'bizRules',
  'microorganism',
  'chemicalSubstance',
  'coordinateReferenceSystem',
  'uriValue',
]);
const SENSOR_REPORT_NUMBER_KEYS = new Set([
  'value',
  'minValue',
  'maxValue',
  'meanValue',
  'sDev',
  'percRank',
  'percValue',
]);

/** Prefixes the EPCIS 2.0 context itself declares, and URI schemes that make a key a full URI. */
const WELL_KNOWN_PREFIXES = new Set([
  'epcis',
  'cbv',
  'cbvmda',
  'gs1',
  'rdfs',
  'owl',
  'xsd',
  'dcterms',
  'http',
  'https',
  'urn',
  'tag',
  'ni',
  'geo',
  'mailto',
]);

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** Whether `Object.prototype` has enumerable members (see `objectPrototypeIsClean`). */
let inheritedMembers = false;

/**
 * Whether member `key` of `obj` counts as absent: its value is `undefined` (events built in
 * code), or it is inherited from a polluted `Object.prototype`. JSON, the schema and
 * `JSON.stringify` see neither.
 */
export function absent(obj: Record<string, unknown>, key: string): boolean {
  return obj[key] === undefined || (inheritedMembers && !Object.hasOwn(obj, key));
}

/** Check `Object.prototype` for members (once per event or document). */
export function notePrototype(): void {
  inheritedMembers = !objectPrototypeIsClean();
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Per-call state: diagnostics, where we are, the declared prefixes, lenient fixes. */
export class ValidationRun {
  diagnostics: Diagnostic[] = [];
  prefix: readonly PathSegment[] = [];
  /** Event index within the prefix, or -1 at document level. */
  index = -1;
  errors = 0;
  /** Prefixes declared by the document's @context; undefined = do not check prefixes. */
  declared: ReadonlySet<string> | undefined;
  /** Prefixes declared by the current event's own @context. */
  eventDeclared: Set<string> | undefined;
  fixes: Fix[] | undefined;
  readonly nowMs: number;
  depthReported = false;

  constructor(
    readonly validator: EpcisValidator,
    nowMs: number,
  ) {
    this.nowMs = nowMs;
  }

  /** Start afresh for another event, keeping the settings (reuses the object on the hot path). */
  reset(): void {
    if (this.diagnostics.length > 0) this.diagnostics = [];
    this.errors = 0;
    this.depthReported = false;
    this.fixes = undefined;
    this.eventDeclared = undefined;
  }

  path(
    k1?: PathSegment,
    k2?: PathSegment,
    k3?: PathSegment,
    k4?: PathSegment,
    k5?: PathSegment,
  ): PathSegment[] {
    const p = this.index >= 0 ? [...this.prefix, this.index] : [...this.prefix];
    if (k1 !== undefined) p.push(k1);
    if (k2 !== undefined) p.push(k2);
    if (k3 !== undefined) p.push(k3);
    if (k4 !== undefined) p.push(k4);
    if (k5 !== undefined) p.push(k5);
    return p;
  }

  report(
    code: EpcisCode,
    params: Record<string, MessageParamValue>,
    path: readonly PathSegment[],
    severity?: Severity,
  ): void {
    const v = this.validator;
    const sev = v.severities[code] ?? severity ?? epcisMessages[code].severity;
    if (sev === 'error') this.errors++;
    this.diagnostics.push(epcisDiagnostic(code, params, path, sev, v.locale));
  }

  fix(path: readonly PathSegment[], value: unknown): void {
    if (this.fixes === undefined) this.fixes = [];
    this.fixes.push({ path, value });
  }
}

/** A compiled validator; make one with {@link compileEpcisValidator} and reuse it. */
export interface EpcisValidator {
  readonly mode: EpcisValidationMode;
  readonly lenient: boolean;
  readonly severities: Readonly<Partial<Record<EpcisCode | (string & {}), Severity>>>;
  readonly unitCodes: ReadonlySet<string>;
  readonly unitRuleSet: string;
  readonly rules: BizStepActionIndex;
  readonly maxDepth: number;
  readonly futureToleranceMs: number;
  readonly locale: Locale;
  readonly profiles: readonly EpcisProfileHook[];
  /** Chain profiles, checked over whole documents. */
  readonly chainProfiles: readonly TraceProfile[];
  readonly unknownProfiles: readonly string[];
  /** Options that could not be used (`TRACE_OPTION_INVALID`, reported with the findings). */
  readonly optionProblems: readonly OptionProblem[];
}

/**
 * The `severities` option's overrides that name a severity (`error`, `warning`, `info`); others
 * are ignored, as `applyFindingOptions` ignores them for profile findings.
 */
function severityOverrides(
  given: unknown,
): Readonly<Partial<Record<EpcisCode | (string & {}), Severity>>> {
  const out: Partial<Record<string, Severity>> = {};
  if (typeof given !== 'object' || given === null) return out;
  for (const [code, severity] of Object.entries(given)) {
    if (SEVERITIES.includes(severity as Severity)) out[code] = severity as Severity;
  }
  return out;
}

/**
 * Compile a validator for a set of options. Options it cannot use (a locale it has no messages
 * in, a negative tolerance, options that are no object…) are noted in `optionProblems` and their
 * defaults used; `now` is checked here and read per call.
 */
export function compileEpcisValidator(given: EpcisValidationOptions = {}): EpcisValidator {
  const read = new OptionReader('EpcisValidationOptions', given);
  const mode = read.oneOf('mode', ['strict', 'lenient'] as const) ?? 'strict';
  const rules = read.list<BizStepActionRule>('bizStepActionRules') ?? BIZ_STEP_ACTION_RULES;
  const resolveProfile = read.fn<EpcisValidationOptions['resolveProfile']>('resolveProfile');
  const unitCodes = read.set<string>('unitCodes');
  const maxDepth = read.number('maxDepth', 1, true);
  const futureToleranceMs = read.number('futureToleranceMs', 0);
  const locale = read.locale();
  const severities = read.record('severities');
  const profiles: EpcisProfileHook[] = [];
  const chainProfiles: TraceProfile[] = [];
  const unknownProfiles: string[] = [];
  for (const id of read.strings('profiles') ?? []) {
    // a resolver is an integrator's code: one that throws, or gives what is not a profile, has
    // not resolved the id (reported as TRACE_PROFILE_UNKNOWN, not thrown)
    let found: unknown;
    try {
      found = resolveProfile?.(id) ?? BUILT_IN_PROFILES.get(id);
    } catch {
      found = undefined;
    }
    if (typeof found !== 'object' || found === null) unknownProfiles.push(id);
    else if ('ctes' in found && 'meta' in found) chainProfiles.push(found as TraceProfile);
    else profiles.push(found as EpcisProfileHook);
  }
  nowOption(read);
  return {
    mode,
    lenient: mode === 'lenient',
    severities: severityOverrides(severities),
    unitCodes: unitCodes ?? REC20_UNIT_CODES,
    unitRuleSet:
      unitCodes === undefined
        ? `${REC20_UNIT_CODES_META.id}@${REC20_UNIT_CODES_META.version}`
        : 'custom unit codes',
    rules: indexBizStepActionRules(rules),
    maxDepth: Math.min(maxDepth ?? 64, 1000),
    futureToleranceMs: futureToleranceMs ?? 5 * 60_000,
    locale: locale ?? 'en',
    profiles,
    chainProfiles,
    unknownProfiles,
    optionProblems: read.problems,
  };
}

/**
 * Report at the start of a run what the options got wrong: unusable options
 * (`TRACE_OPTION_INVALID`, path `['options', name]`) and profiles no one resolved
 * (`TRACE_PROFILE_UNKNOWN`).
 */
export function reportOptions(run: ValidationRun, validator: EpcisValidator): void {
  reportOptionProblems(run, validator.optionProblems);
  for (const id of validator.unknownProfiles)
    run.report('TRACE_PROFILE_UNKNOWN', { profile: id }, []);
}

/**
 * Report that the chain profiles asked for are not applied (`TRACE_PROFILE_NOT_APPLIED`): events
 * validated one by one or streamed are not a whole chain (per-event hooks, which are no chain
 * profiles, still run).
 */
export function reportChainProfilesNotApplied(run: ValidationRun, validator: EpcisValidator): void {
  for (const profile of validator.chainProfiles)
    run.report('TRACE_PROFILE_NOT_APPLIED', { profile: profile.meta.id }, []);
}

/**
 * Report unusable options (`TRACE_OPTION_INVALID`) in a run: in its locale, with the `severities`
 * option applied, counted as its errors are.
 */
export function reportOptionProblems(run: ValidationRun, problems: readonly OptionProblem[]): void {
  const v = run.validator;
  for (const d of optionFindings(problems, v.locale)) {
    const severity = v.severities[d.code] ?? d.severity;
    if (severity === 'error') run.errors++;
    run.diagnostics.push(severity === d.severity ? d : { ...d, severity });
  }
}

/** Check the `now` option: a valid `Date` or an RFC 3339 date-time (noted otherwise). */
function nowOption(read: OptionReader): void {
  const now = read.raw('now');
  if (now === undefined || !Number.isNaN(nowMillis(now as Date | string))) return;
  read.bad('now', now, DATE_OR_DATE_TIME, NONE_NO_FUTURE_CHECK);
}

/**
 * Epoch ms of the `now` option, NaN when absent or invalid: a `Date`, or an RFC 3339 date-time
 * (`Date.parse` would read `'1'` as the year 2001).
 */
export function nowMillis(now: Date | string | undefined): number {
  // a Date of another realm (a vm context, an iframe) is a Date too
  if (Object.prototype.toString.call(now) === '[object Date]')
    return Date.prototype.getTime.call(now);
  return typeof now === 'string' ? dateTimeMillis(now) : Number.NaN;
}

// ---------------------------------------------------------------------------------------------
// primitives

function checkUri(
  run: ValidationRun,
  v: unknown,
  k1?: PathSegment,
  k2?: PathSegment,
  k3?: PathSegment,
  k4?: PathSegment,
  k5?: PathSegment,
): boolean {
  if (typeof v !== 'string') {
    run.report(
      'TRACE_TYPE_MISMATCH',
      { expected: URI_STRING, actual: typeName(v) },
      run.path(k1, k2, k3, k4, k5),
    );
    return false;
  }
  if (!isUri(v)) {
    run.report('TRACE_INVALID_URI', { value: v }, run.path(k1, k2, k3, k4, k5));
    return false;
  }
  return true;
}

function checkTime(
  run: ValidationRun,
  v: unknown,
  k1?: PathSegment,
  k2?: PathSegment,
  k3?: PathSegment,
  k4?: PathSegment,
  k5?: PathSegment,
): number {
  if (typeof v !== 'string') {
    run.report(
      'TRACE_TYPE_MISMATCH',
      { expected: DATE_TIME_STRING, actual: typeName(v) },
      run.path(k1, k2, k3, k4, k5),
    );
    return Number.NaN;
  }
  const t = dateTimeMillis(v);
  if (Number.isNaN(t))
    run.report('TRACE_INVALID_DATETIME', { value: v }, run.path(k1, k2, k3, k4, k5));
  return t;
}

function checkNumber(
  run: ValidationRun,
  v: unknown,
  k1?: PathSegment,
  k2?: PathSegment,
  k3?: PathSegment,
  k4?: PathSegment,
  k5?: PathSegment,
): boolean {
  if (typeof v !== 'number') {
    run.report(
      'TRACE_TYPE_MISMATCH',
      { expected: 'number', actual: typeName(v) },
      run.path(k1, k2, k3, k4, k5),
    );
    return false;
  }
  return true;
}

/**
 * {@link checkNumber}, and a finding of its own when the number is not finite: JSON text cannot
 * write one, but `JSON.parse` reads a number beyond the range of a double (`1e400`) as Infinity,
 * and a JavaScript caller may pass NaN. True only for a finite number.
 */
function checkFiniteNumber(
  run: ValidationRun,
  v: unknown,
  k1?: PathSegment,
  k2?: PathSegment,
  k3?: PathSegment,
  k4?: PathSegment,
  k5?: PathSegment,
): boolean {
  if (!checkNumber(run, v, k1, k2, k3, k4, k5)) return false;
  if (Number.isFinite(v)) return true;
  const member = [k5, k4, k3, k2, k1].find((k) => typeof k === 'string') as string;
  run.report('TRACE_NUMBER_NOT_FINITE', { member, value: String(v) }, run.path(k1, k2, k3, k4, k5));
  return false;
}

function checkString(
  run: ValidationRun,
  v: unknown,
  k1?: PathSegment,
  k2?: PathSegment,
  k3?: PathSegment,
  k4?: PathSegment,
  k5?: PathSegment,
): boolean {
  if (typeof v !== 'string') {
    run.report(
      'TRACE_TYPE_MISMATCH',
      { expected: 'string', actual: typeName(v) },
      run.path(k1, k2, k3, k4, k5),
    );
    return false;
  }
  return true;
}

/**
 * A CBV vocabulary value: a bare word of the vocabulary, or a URI outside the CBV (or GS1 Web
 * Vocabulary) namespace. Lenient mode normalises URN forms and case slips (with warnings).
 */
function checkVocabulary(
  run: ValidationRun,
  v: unknown,
  vocab: CbvVocabulary,
  member: string,
  k1?: PathSegment,
  k2?: PathSegment,
  k3?: PathSegment,
  k4?: PathSegment,
  k5?: PathSegment,
): void {
  if (typeof v !== 'string') {
    run.report(
      'TRACE_TYPE_MISMATCH',
      { expected: 'string', actual: typeName(v) },
      run.path(k1, k2, k3, k4, k5),
    );
    return;
  }
  if (vocabularyAccepts(vocab, v)) return;
  if (run.validator.lenient) {
    // a CBV URI, scheme, NID and host in any case (`URN:EPCGLOBAL:cbv:bizstep:shipping` is the
    // URN `urn:epcglobal:cbv:bizstep:shipping`); a case slip in the rest of it is a case slip
    const uri = readCbvUri(vocab, v);
    if (uri !== undefined) {
      const exact = uri.exact && vocab.words.has(uri.word);
      const word = exact ? uri.word : vocab.byLowerCase.get(uri.word.toLowerCase());
      if (word !== undefined) {
        const path = run.path(k1, k2, k3, k4, k5);
        // a URN becomes the bare word; a web URI (accepted as written unless it has a case
        // slip, so here it has one) the CBV 2.0 web URI (`https://ref.gs1.org/cbv/BizStep-…`)
        const normalised = uri.form === 'urn' ? word : `${CBV_WEB_HOST}${vocab.webPath}${word}`;
        const code = exact ? 'TRACE_CBV_URN_NORMALISED' : 'TRACE_CASE_NORMALISED';
        run.report(code, { member, value: v, normalised }, path);
        run.fix(path, normalised);
        return;
      }
    }
    const canonical = vocab.byLowerCase.get(v.toLowerCase());
    if (canonical !== undefined) {
      const path = run.path(k1, k2, k3, k4, k5);
      run.report('TRACE_CASE_NORMALISED', { member, value: v, normalised: canonical }, path);
      run.fix(path, canonical);
      return;
    }
  }
  run.report('TRACE_INVALID_VOCABULARY', { member, value: v }, run.path(k1, k2, k3, k4, k5));
}

/** A member name is allowed as an extension when it is a URI (a CURIE counts); its prefix must be declared. */
function checkExtensionKey(
  run: ValidationRun,
  key: string,
  k1?: PathSegment,
  k2?: PathSegment,
  k3?: PathSegment,
  k4?: PathSegment,
  k5?: PathSegment,
): boolean {
  if (!isUri(key)) {
    run.report('TRACE_MEMBER_NOT_ALLOWED', { member: key }, run.path(k1, k2, k3, k4, k5));
    return false;
  }
  const prefix = undeclaredPrefix(run, key);
  if (prefix !== undefined) reportPrefix(run, key, prefix, run.path(k1, k2, k3, k4, k5));
  return true;
}

function checkPrefix(
  run: ValidationRun,
  key: string,
  k1?: PathSegment,
  k2?: PathSegment,
  k3?: PathSegment,
  k4?: PathSegment,
  k5?: PathSegment,
): void {
  const prefix = undeclaredPrefix(run, key);
  if (prefix !== undefined) reportPrefix(run, key, prefix, run.path(k1, k2, k3, k4, k5));
}

/** The prefix of a CURIE-like member name when it is not declared, else undefined. */
function undeclaredPrefix(run: ValidationRun, key: string): string | undefined {
  const declared = run.declared;
  if (declared === undefined && run.eventDeclared === undefined) return undefined;
  const colon = key.indexOf(':');
  if (colon <= 0) return undefined;
  const prefix = key.slice(0, colon);
  if (WELL_KNOWN_PREFIXES.has(prefix)) return undefined;
  if (declared?.has(prefix) || run.eventDeclared?.has(prefix)) return undefined;
  if (key.startsWith('//', colon + 1)) return undefined; // an absolute URI with an authority
  return prefix;
}

function reportPrefix(run: ValidationRun, key: string, prefix: string, path: PathSegment[]): void {
  run.report(
    'TRACE_UNDECLARED_PREFIX',
    { member: key, prefix },
    path,
    run.validator.lenient ? 'warning' : undefined,
  );
}

/**
 * Walk an extension value for undeclared prefixes in nested member names and for nesting beyond
 * `maxDepth` (depth-limited recursion: never deeper than `maxDepth`, itself capped at 1 000).
 * Primitive values cost nothing; the path is built only when something is reported.
 */
function walkExtension(
  run: ValidationRun,
  value: unknown,
  startDepth: number,
  k1?: PathSegment,
  k2?: PathSegment,
  k3?: PathSegment,
  k4?: PathSegment,
  k5?: PathSegment,
): void {
  if (value === null || typeof value !== 'object') return;
  walkExtensionAt(run, value, run.path(k1, k2, k3, k4, k5), startDepth);
}

/** {@link walkExtension} from an explicit base path. */
function walkExtensionAt(
  run: ValidationRun,
  value: unknown,
  base: readonly PathSegment[],
  startDepth: number,
): void {
  if (value === null || typeof value !== 'object') return;
  walkInner(run, value, base, startDepth, [], new WeakSet());
}

function walkInner(
  run: ValidationRun,
  v: object,
  base: readonly PathSegment[],
  depth: number,
  trail: PathSegment[],
  seen: WeakSet<object>,
): void {
  // JSON gives trees; a JavaScript caller may pass shared or cyclic objects: visit each once
  if (seen.has(v)) return;
  seen.add(v);
  if (depth > run.validator.maxDepth) {
    if (!run.depthReported) {
      run.depthReported = true;
      run.report('TRACE_DEPTH_LIMIT', { limit: run.validator.maxDepth }, [...base, ...trail]);
    }
    return;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const item: unknown = v[i];
      if (item !== null && typeof item === 'object') {
        trail.push(i);
        walkInner(run, item, base, depth + 1, trail, seen);
        trail.pop();
      }
    }
    return;
  }
  const obj = v as Record<string, unknown>;
  for (const key in obj) {
    if (absent(obj, key)) continue;
    if (key.indexOf(':') > 0) {
      const prefix = undeclaredPrefix(run, key);
      if (prefix !== undefined) reportPrefix(run, key, prefix, [...base, ...trail, key]);
    }
    const item = obj[key];
    if (item !== null && typeof item === 'object') {
      trail.push(key);
      walkInner(run, item, base, depth + 1, trail, seen);
      trail.pop();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// GS1 identifiers in events

function checkIdentifier(
  run: ValidationRun,
  v: string,
  k1?: PathSegment,
  k2?: PathSegment,
  k3?: PathSegment,
): void {
  const r = checkGs1Uri(v);
  if (r === GS1_OK) return;
  if (r.kind === 'check-digit') {
    run.report(
      'TRACE_GS1_CHECK_DIGIT',
      { value: v, key: r.key, expected: r.expected },
      run.path(k1, k2, k3),
    );
  } else {
    run.report('TRACE_GS1_URI_INVALID', { value: v, scheme: r.scheme }, run.path(k1, k2, k3));
  }
}

// ---------------------------------------------------------------------------------------------
// event parts

function checkUriList(
  run: ValidationRun,
  v: unknown,
  key: string,
  unique: boolean,
  identifiers: boolean,
): number {
  if (!Array.isArray(v)) {
    run.report('TRACE_TYPE_MISMATCH', { expected: 'array', actual: typeName(v) }, run.path(key));
    return -1;
  }
  const n = v.length;
  for (let i = 0; i < n; i++) {
    const item = v[i];
    if (checkUri(run, item, key, i) && identifiers) {
      checkIdentifier(run, item as string, key, i);
    }
  }
  if (unique && n > 1) {
    // strings compare by value; other items are already errors
    const seen = new Set<unknown>();
    for (let i = 0; i < n; i++) {
      const item = v[i];
      if (typeof item === 'object' && item !== null) continue;
      if (seen.has(item)) {
        run.report('TRACE_DUPLICATE_ITEM', { member: key, value: String(item) }, run.path(key, i));
      } else seen.add(item);
    }
  }
  return n;
}

function checkQuantityList(run: ValidationRun, v: unknown, key: string): number {
  if (!Array.isArray(v)) {
    run.report('TRACE_TYPE_MISMATCH', { expected: 'array', actual: typeName(v) }, run.path(key));
    return -1;
  }
  const n = v.length;
  for (let i = 0; i < n; i++) {
    const q = v[i];
    if (!isObject(q)) {
      run.report(
        'TRACE_TYPE_MISMATCH',
        { expected: 'object', actual: typeName(q) },
        run.path(key, i),
      );
      continue;
    }
    let hasClass = false;
    for (const k in q) {
      if (absent(q, k)) continue;
      const value = q[k];
      if (k === 'epcClass') {
        hasClass = true;
        if (checkUri(run, value, key, i, k)) checkIdentifier(run, value as string, key, i, k);
      } else if (k === 'quantity') {
        if (checkFiniteNumber(run, value, key, i, k) && (value as number) < 0)
          run.report('TRACE_NEGATIVE_QUANTITY', { quantity: value as number }, run.path(key, i, k));
      } else if (k === 'uom') {
        if (checkString(run, value, key, i, k)) {
          const uom = value as string;
          if (!UOM.test(uom)) {
            run.report(
              'TRACE_PATTERN_MISMATCH',
              { member: 'uom', value: uom, expected: UNIT_CODE_FORM },
              run.path(key, i, k),
            );
          } else if (!run.validator.unitCodes.has(uom)) {
            run.report(
              'TRACE_UNKNOWN_UOM',
              { uom, ruleSet: run.validator.unitRuleSet },
              run.path(key, i, k),
            );
          }
        }
      } else {
        run.report('TRACE_MEMBER_NOT_ALLOWED', { member: k }, run.path(key, i, k));
      }
    }
    if (!hasClass) run.report('TRACE_REQUIRED_MISSING', { member: 'epcClass' }, run.path(key, i));
  }
  return n;
}

function checkLocation(run: ValidationRun, v: unknown, key: string): void {
  if (!isObject(v)) {
    run.report('TRACE_TYPE_MISMATCH', { expected: 'object', actual: typeName(v) }, run.path(key));
    return;
  }
  let hasId = false;
  for (const k in v) {
    if (absent(v, k)) continue;
    if (k === 'id') {
      hasId = true;
      if (checkUri(run, v.id, key, 'id')) checkIdentifier(run, v.id as string, key, 'id');
    } else if (k.indexOf(':') > 0) {
      checkPrefix(run, k, key, k);
      walkExtension(run, v[k], 2, key, k);
    }
  }
  if (!hasId) run.report('TRACE_REQUIRED_MISSING', { member: 'id' }, run.path(key));
}

function checkBizTransactions(run: ValidationRun, v: unknown, key: string): number {
  if (!Array.isArray(v)) {
    run.report('TRACE_TYPE_MISMATCH', { expected: 'array', actual: typeName(v) }, run.path(key));
    return -1;
  }
  const n = v.length;
  for (let i = 0; i < n; i++) {
    const b = v[i];
    if (!isObject(b)) {
      run.report(
        'TRACE_TYPE_MISMATCH',
        { expected: 'object', actual: typeName(b) },
        run.path(key, i),
      );
      continue;
    }
    let has = false;
    for (const k in b) {
      if (absent(b, k)) continue;
      if (k === 'bizTransaction') {
        has = true;
        checkUri(run, b[k], key, i, k);
      } else if (k === 'type') {
        checkVocabulary(run, b[k], BIZ_TRANSACTION_TYPES, 'bizTransaction type', key, i, k);
      } else run.report('TRACE_MEMBER_NOT_ALLOWED', { member: k }, run.path(key, i, k));
    }
    if (!has) run.report('TRACE_REQUIRED_MISSING', { member: 'bizTransaction' }, run.path(key, i));
  }
  return n;
}

function checkSourceDest(run: ValidationRun, v: unknown, key: string, member: string): void {
  if (!Array.isArray(v)) {
    run.report('TRACE_TYPE_MISMATCH', { expected: 'array', actual: typeName(v) }, run.path(key));
    return;
  }
  for (let i = 0; i < v.length; i++) {
    const s = v[i];
    if (!isObject(s)) {
      run.report(
        'TRACE_TYPE_MISMATCH',
        { expected: 'object', actual: typeName(s) },
        run.path(key, i),
      );
      continue;
    }
    let hasType = false;
    let hasId = false;
    for (const k in s) {
      if (absent(s, k)) continue;
      if (k === member) {
        hasId = true;
        if (checkUri(run, s[k], key, i, k)) checkIdentifier(run, s[k] as string, key, i, k);
      } else if (k === 'type') {
        hasType = true;
        checkVocabulary(
          run,
          s[k],
          SOURCE_DEST_TYPES,
          member === 'source' ? 'source type' : 'destination type',
          key,
          i,
          k,
        );
      } else run.report('TRACE_MEMBER_NOT_ALLOWED', { member: k }, run.path(key, i, k));
    }
    if (!hasType) run.report('TRACE_REQUIRED_MISSING', { member: 'type' }, run.path(key, i));
    if (!hasId) run.report('TRACE_REQUIRED_MISSING', { member }, run.path(key, i));
  }
}

function checkPersistentDisposition(run: ValidationRun, v: unknown): void {
  const key = 'persistentDisposition';
  if (!isObject(v)) {
    run.report('TRACE_TYPE_MISMATCH', { expected: 'object', actual: typeName(v) }, run.path(key));
    return;
  }
  let any = false;
  for (const k in v) {
    if (absent(v, k)) continue;
    if (k !== 'set' && k !== 'unset') {
      run.report('TRACE_MEMBER_NOT_ALLOWED', { member: k }, run.path(key, k));
      continue;
    }
    any = true;
    const list = v[k];
    if (!Array.isArray(list)) {
      run.report(
        'TRACE_TYPE_MISMATCH',
        { expected: 'array', actual: typeName(list) },
        run.path(key, k),
      );
      continue;
    }
    if (list.length === 0)
      run.report('TRACE_ARRAY_EMPTY', { member: `${key}.${k}` }, run.path(key, k));
    const seen = new Set<unknown>();
    for (let i = 0; i < list.length; i++) {
      checkVocabulary(run, list[i], DISPOSITIONS, 'disposition', key, k, i);
      if (typeof list[i] === 'string') {
        if (seen.has(list[i]))
          run.report(
            'TRACE_DUPLICATE_ITEM',
            { member: `${key}.${k}`, value: list[i] as string },
            run.path(key, k, i),
          );
        seen.add(list[i]);
      }
    }
  }
  if (!any) run.report('TRACE_REQUIRED_MISSING', { member: 'set or unset' }, run.path(key));
}

function checkErrorDeclaration(run: ValidationRun, v: unknown): void {
  const key = 'errorDeclaration';
  if (!isObject(v)) {
    run.report('TRACE_TYPE_MISMATCH', { expected: 'object', actual: typeName(v) }, run.path(key));
    return;
  }
  let hasTime = false;
  for (const k in v) {
    if (absent(v, k)) continue;
    const value = v[k];
    if (k === 'declarationTime') {
      hasTime = true;
      checkTime(run, value, key, k);
    } else if (k === 'reason') {
      checkVocabulary(run, value, ERROR_REASONS, 'reason', key, k);
    } else if (k === 'correctiveEventIDs') {
      if (!Array.isArray(value)) {
        run.report(
          'TRACE_TYPE_MISMATCH',
          { expected: 'array', actual: typeName(value) },
          run.path(key, k),
        );
      } else {
        for (let i = 0; i < value.length; i++) checkUri(run, value[i], key, k, i);
      }
    } else if (checkExtensionKey(run, k, key, k)) {
      walkExtension(run, value, 2, key, k);
    }
  }
  if (!hasTime) run.report('TRACE_REQUIRED_MISSING', { member: 'declarationTime' }, run.path(key));
}

function checkSensorElements(
  run: ValidationRun,
  v: unknown,
  eventMs: number,
  eventTime: unknown,
): number {
  const key = 'sensorElementList';
  if (!Array.isArray(v)) {
    run.report('TRACE_TYPE_MISMATCH', { expected: 'array', actual: typeName(v) }, run.path(key));
    return -1;
  }
  for (let i = 0; i < v.length; i++) {
    const el = v[i];
    if (!isObject(el)) {
      run.report(
        'TRACE_TYPE_MISMATCH',
        { expected: 'object', actual: typeName(el) },
        run.path(key, i),
      );
      continue;
    }
    let hasReport = false;
    for (const k in el) {
      if (absent(el, k)) continue;
      const value = el[k];
      if (k === 'sensorMetadata') {
        checkSensorMetadata(run, value, i, eventMs, eventTime);
      } else if (k === 'sensorReport') {
        hasReport = true;
        checkSensorReports(run, value, i, eventMs, eventTime);
      } else if (checkExtensionKey(run, k, key, i, k)) {
        walkExtension(run, value, 3, key, i, k);
      }
    }
    if (!hasReport)
      run.report('TRACE_REQUIRED_MISSING', { member: 'sensorReport' }, run.path(key, i));
  }
  return v.length;
}

function sensorTimeRule(
  run: ValidationRun,
  time: unknown,
  eventTime: unknown,
  k1: PathSegment,
  k2: PathSegment,
  k3: PathSegment,
  k4: PathSegment,
  k5?: PathSegment,
): void {
  run.report(
    'TRACE_SENSOR_TIME_AFTER_EVENT',
    { time: time as string, eventTime: eventTime as string },
    run.path(k1, k2, k3, k4, k5),
  );
}

function checkSensorMetadata(
  run: ValidationRun,
  v: unknown,
  i: number,
  eventMs: number,
  eventTime: unknown,
): void {
  const key = 'sensorElementList';
  if (!isObject(v)) {
    run.report(
      'TRACE_TYPE_MISMATCH',
      { expected: 'object', actual: typeName(v) },
      run.path(key, i, 'sensorMetadata'),
    );
    return;
  }
  for (const k in v) {
    if (absent(v, k)) continue;
    const value = v[k];
    if (!SENSOR_METADATA_KEYS.has(k)) {
      if (checkExtensionKey(run, k, key, i, 'sensorMetadata', k))
        walkExtension(run, value, 4, key, i, 'sensorMetadata', k);
    } else if (k === 'time' || k === 'startTime' || k === 'endTime') {
      const t = checkTime(run, value, key, i, 'sensorMetadata', k);
      if (k !== 'startTime' && t > eventMs)
        sensorTimeRule(run, value, eventTime, key, i, 'sensorMetadata', k);
    } else checkUri(run, value, key, i, 'sensorMetadata', k);
  }
}

function checkSensorReports(
  run: ValidationRun,
  v: unknown,
  i: number,
  eventMs: number,
  eventTime: unknown,
): void {
  const key = 'sensorElementList';
  if (!Array.isArray(v)) {
    run.report(
      'TRACE_TYPE_MISMATCH',
      { expected: 'array', actual: typeName(v) },
      run.path(key, i, 'sensorReport'),
    );
    return;
  }
  if (v.length === 0)
    run.report('TRACE_ARRAY_EMPTY', { member: 'sensorReport' }, run.path(key, i, 'sensorReport'));
  for (let j = 0; j < v.length; j++) {
    const r = v[j];
    if (!isObject(r)) {
      run.report(
        'TRACE_TYPE_MISMATCH',
        { expected: 'object', actual: typeName(r) },
        run.path(key, i, 'sensorReport', j),
      );
      continue;
    }
    let hasType = false;
    for (const k in r) {
      if (absent(r, k)) continue;
      const value = r[k];
      switch (k) {
        case 'type':
          hasType = true;
          checkVocabulary(
            run,
            value,
            MEASUREMENT_TYPES,
            'sensorReport type',
            key,
            i,
            'sensorReport',
            j,
            k,
          );
          break;
        case 'exception':
          checkVocabulary(
            run,
            value,
            SENSOR_ALERT_TYPES,
            'exception',
            key,
            i,
            'sensorReport',
            j,
            k,
          );
          break;
        case 'component':
          checkVocabulary(run, value, COMPONENTS, 'component', key, i, 'sensorReport', j, k);
          break;
        case 'time': {
          const t = checkTime(run, value, key, i, 'sensorReport', j, k);
          if (t > eventMs) sensorTimeRule(run, value, eventTime, key, i, 'sensorReport', j, k);
          break;
        }
        case 'stringValue':
          checkString(run, value, key, i, 'sensorReport', j, k);
          break;
        case 'uom':
          // EPCIS 2.0, SensorReport uom: a UN/CEFACT Rec 20 code, as in a quantity element (the schema
          // only says string, so no pattern finding: a code outside the table is the finding)
          if (
            checkString(run, value, key, i, 'sensorReport', j, k) &&
            !run.validator.unitCodes.has(value as string)
          )
            run.report(
              'TRACE_UNKNOWN_UOM',
              { uom: value as string, ruleSet: run.validator.unitRuleSet },
              run.path(key, i, 'sensorReport', j, k),
            );
          break;
        case 'booleanValue':
          if (typeof value !== 'boolean')
            run.report(
              'TRACE_TYPE_MISMATCH',
              { expected: 'boolean', actual: typeName(value) },
              run.path(key, i, 'sensorReport', j, k),
            );
          break;
        case 'hexBinaryValue':
          if (checkString(run, value, key, i, 'sensorReport', j, k) && !HEX.test(value as string))
            run.report(
              'TRACE_PATTERN_MISMATCH',
              { member: k, value: value as string, expected: HEX_DIGITS },
              run.path(key, i, 'sensorReport', j, k),
            );
          break;
        default:
          if (SENSOR_REPORT_URI_KEYS.has(k)) checkUri(run, value, key, i, 'sensorReport', j, k);
          else if (SENSOR_REPORT_NUMBER_KEYS.has(k))
            checkFiniteNumber(run, value, key, i, 'sensorReport', j, k);
          else {
            if (checkExtensionKey(run, k, key, i, 'sensorReport', j, k))
              walkExtension(run, value, 5, key, i, 'sensorReport', j, k);
          }
      }
    }
    if (!hasType)
      run.report('TRACE_REQUIRED_MISSING', { member: 'type' }, run.path(key, i, 'sensorReport', j));
  }
}

function checkIlmd(run: ValidationRun, v: unknown): void {
  if (!isObject(v)) {
    run.report(
      'TRACE_TYPE_MISMATCH',
      { expected: 'object', actual: typeName(v) },
      run.path('ilmd'),
    );
    return;
  }
  for (const k in v) {
    if (absent(v, k)) continue;
    if (!isUri(k)) run.report('TRACE_MEMBER_NOT_ALLOWED', { member: k }, run.path('ilmd', k));
    else checkPrefix(run, k, 'ilmd', k);
    walkExtension(run, v[k], 2, 'ilmd', k);
  }
}

/** `@context`: a URI, an object, or an array (unique items) of them; collects declared prefixes. */
export function checkContext(
  run: ValidationRun,
  v: unknown,
  at: readonly PathSegment[],
  into: Set<string>,
): void {
  if (typeof v === 'string') {
    if (!isUri(v)) run.report('TRACE_INVALID_URI', { value: v }, [...at]);
    return;
  }
  if (isObject(v)) {
    for (const k in v) if (!k.startsWith('@')) into.add(k);
    return;
  }
  if (!Array.isArray(v)) {
    run.report('TRACE_TYPE_MISMATCH', { expected: STRING_OBJECT_OR_ARRAY, actual: typeName(v) }, [
      ...at,
    ]);
    return;
  }
  const seen: string[] = [];
  for (let i = 0; i < v.length; i++) {
    const item = v[i];
    if (typeof item === 'string') {
      if (!isUri(item)) run.report('TRACE_INVALID_URI', { value: item }, [...at, i]);
    } else if (isObject(item)) {
      for (const k in item) if (!k.startsWith('@')) into.add(k);
    } else {
      run.report('TRACE_TYPE_MISMATCH', { expected: STRING_OR_OBJECT, actual: typeName(item) }, [
        ...at,
        i,
      ]);
      continue;
    }
    const budget = { nodes: CANONICAL_JSON_NODES };
    // an item too large to compare (shared sub-objects make a tree of 2^depth nodes) is taken
    // as different from every other
    const written = canonicalJson(item, 0, budget);
    const key = budget.nodes < 0 ? `#${i}` : written;
    if (seen.includes(key)) {
      run.report('TRACE_DUPLICATE_ITEM', { member: '@context', value: key.slice(0, 80) }, [
        ...at,
        i,
      ]);
    } else seen.push(key);
  }
}

/** The most values {@link canonicalJson} writes of one item. */
const CANONICAL_JSON_NODES = 10_000;

/**
 * Deterministic JSON with sorted keys (for uniqueItems on small values), depth-limited; it
 * stops (`budget.nodes` below 0) after {@link CANONICAL_JSON_NODES} values. Never throws: a
 * bigint is written `10n`, a value JSON cannot write (a throwing `toJSON`) `?`.
 */
function canonicalJson(v: unknown, depth: number, budget: { nodes: number }): string {
  budget.nodes -= 1;
  if (depth > 32 || budget.nodes < 0) return '…';
  if (Array.isArray(v)) return `[${v.map((x) => canonicalJson(x, depth + 1, budget)).join(',')}]`;
  if (isObject(v)) {
    try {
      return `{${Object.keys(v)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k], depth + 1, budget)}`)
        .join(',')}}`;
    } catch {
      return '?'; // a getter or a proxy that throws
    }
  }
  if (typeof v === 'bigint') return `${v}n`;
  try {
    return JSON.stringify(v) ?? 'null';
  } catch {
    return '?';
  }
}

function fixCount(run: ValidationRun): number {
  return run.fixes?.length ?? 0;
}

function lastFix(run: ValidationRun): unknown {
  const f = run.fixes;
  return f === undefined ? undefined : f[f.length - 1]?.value;
}

// ---------------------------------------------------------------------------------------------
// the event

/**
 * Validate one event (already located by `run.prefix`/`run.index`). Returns the number of error
 * diagnostics it produced. `requireContext` applies the standalone-event rule (`@context`
 * required when an event is a document of its own).
 */
export function validateEventInto(
  run: ValidationRun,
  ev: unknown,
  requireContext: boolean,
): number {
  const errorsBefore = run.errors;
  const prefix = run.prefix;
  const index = run.index;
  try {
    return validateEvent(run, ev, requireContext);
  } catch (error) {
    // an event built in code whose getter or Proxy trap throws: an error finding on the event,
    // after those found before (its lenient fixes are dropped: an event with an error has none)
    run.prefix = prefix;
    run.index = index;
    run.fixes = undefined;
    reportUnreadable(run, error, run.path());
    return run.errors - errorsBefore;
  }
}

/** `TRACE_INPUT_UNREADABLE` at `path`: reading the input there threw (a getter, a Proxy trap). */
export function reportUnreadable(
  run: ValidationRun,
  error: unknown,
  path: readonly PathSegment[],
  afterEvents = false,
): void {
  run.report(
    'TRACE_INPUT_UNREADABLE',
    {
      what:
        run.index >= 0 || path.length > 0
          ? localizedParam('该事件', 'The event')
          : afterEvents
            ? localizedParam('输入的其余部分', 'The rest of the input')
            : localizedParam('输入', 'The input'),
      detail: thrownDetail(error),
    },
    path,
  );
}

/** {@link validateEventInto} of an event that may throw when read. */
function validateEvent(run: ValidationRun, ev: unknown, requireContext: boolean): number {
  notePrototype();
  const errorsBefore = run.errors;
  run.eventDeclared = undefined;
  run.fixes = undefined;
  if (!isObject(ev)) {
    run.report('TRACE_TYPE_MISMATCH', { expected: 'object', actual: typeName(ev) }, run.path());
    return run.errors - errorsBefore;
  }
  const type = ev.type;
  if (type === undefined) {
    run.report('TRACE_REQUIRED_MISSING', { member: 'type' }, run.path());
    return run.errors - errorsBefore;
  }
  if (typeof type !== 'string') {
    run.report(
      'TRACE_TYPE_MISMATCH',
      { expected: 'string', actual: typeName(type) },
      run.path('type'),
    );
    return run.errors - errorsBefore;
  }
  const allowed = ALLOWED[type];
  if (allowed === undefined) {
    validateExtensionEvent(run, ev, type, requireContext);
    return run.errors - errorsBefore;
  }
  const ctx = ev['@context'];
  if (ctx !== undefined) {
    const into = new Set<string>();
    checkContext(run, ctx, run.path('@context'), into);
    run.eventDeclared = into;
  } else if (requireContext) {
    run.report('TRACE_REQUIRED_MISSING', { member: '@context' }, run.path());
  }

  const lenient = run.validator.lenient;
  let eventTime: unknown;
  let eventMs = Number.NaN;
  let offset: string | undefined;
  let action: string | undefined;
  let bizStep: string | undefined;
  let hasEventTime = false;
  let hasOffset = false;
  let hasAction = false;
  let hasParent = false;
  let hasIlmd = false;
  let epcCount = -2; // -2 absent, -1 wrong type
  let quantityCount = -2;
  let childCount = -2;
  let childQuantityCount = -2;
  let sensorCount = -2;
  let bizTxCount = -2;
  let hasReadPoint = false;
  let inputs = 0;
  let outputs = 0;
  let hasTransformationId = false;

  // eventTime first so that sensor rules can compare
  if (!absent(ev, 'eventTime')) {
    hasEventTime = true;
    eventTime = ev.eventTime;
    eventMs = checkTime(run, eventTime, 'eventTime');
  }

  for (const key in ev) {
    if (absent(ev, key)) continue;
    const value = ev[key];
    if (!allowed.has(key)) {
      if (key === 'ilmd') {
        run.report(
          'TRACE_ILMD_NOT_ALLOWED',
          { eventType: type, action: typeof ev.action === 'string' ? ev.action : '-' },
          run.path('ilmd'),
        );
      } else if (checkExtensionKey(run, key, key)) {
        walkExtension(run, value, 1, key);
      }
      continue;
    }
    switch (key) {
      case '@context':
      case 'type':
      case 'eventTime':
        break;
      case 'recordTime':
        checkTime(run, value, key);
        break;
      case 'eventTimeZoneOffset':
        hasOffset = true;
        if (checkString(run, value, key)) {
          if (OFFSET.test(value as string)) offset = value as string;
          else
            run.report(
              'TRACE_PATTERN_MISMATCH',
              { member: key, value: value as string, expected: OFFSET_IN_RANGE },
              run.path(key),
            );
        }
        break;
      case 'eventID':
      case 'transformationID':
        if (key === 'transformationID') hasTransformationId = true;
        checkUri(run, value, key);
        break;
      case 'parentID':
        hasParent = true;
        if (checkUri(run, value, key)) checkIdentifier(run, value as string, key);
        break;
      case 'certificationInfo':
        if (Array.isArray(value)) {
          for (let i = 0; i < value.length; i++) checkUri(run, value[i], key, i);
        } else checkUri(run, value, key);
        break;
      case 'errorDeclaration':
        checkErrorDeclaration(run, value);
        break;
      case 'epcList':
        epcCount = checkUriList(run, value, key, type === 'ObjectEvent', true);
        break;
      case 'childEPCs':
        childCount = checkUriList(run, value, key, false, true);
        break;
      case 'inputEPCList':
        inputs += Math.max(0, checkUriList(run, value, key, true, true));
        break;
      case 'outputEPCList':
        outputs += Math.max(0, checkUriList(run, value, key, true, true));
        break;
      case 'quantityList':
        quantityCount = checkQuantityList(run, value, key);
        break;
      case 'childQuantityList':
        childQuantityCount = checkQuantityList(run, value, key);
        break;
      case 'inputQuantityList':
        inputs += Math.max(0, checkQuantityList(run, value, key));
        break;
      case 'outputQuantityList':
        outputs += Math.max(0, checkQuantityList(run, value, key));
        break;
      case 'action':
        hasAction = true;
        if (checkString(run, value, key)) {
          const a = value as string;
          if (ACTIONS.words.has(a)) action = a;
          else {
            const canonical = lenient ? ACTIONS.byLowerCase.get(a.toLowerCase()) : undefined;
            if (canonical !== undefined) {
              action = canonical;
              const path = run.path(key);
              run.report(
                'TRACE_CASE_NORMALISED',
                { member: key, value: a, normalised: canonical },
                path,
              );
              run.fix(path, canonical);
            } else {
              run.report(
                'TRACE_INVALID_ENUM',
                { member: key, value: a, allowed: ['ADD', 'OBSERVE', 'DELETE'] },
                run.path(key),
              );
            }
          }
        }
        break;
      case 'bizStep': {
        const before = fixCount(run);
        checkVocabulary(run, value, BIZ_STEPS, key, key);
        bizStep =
          fixCount(run) > before
            ? (lastFix(run) as string)
            : typeof value === 'string'
              ? value
              : undefined;
        break;
      }
      case 'disposition':
        checkVocabulary(run, value, DISPOSITIONS, key, key);
        break;
      case 'persistentDisposition':
        // 2.0.1 types it on Object and Transformation events only (a name elsewhere)
        if (type === 'ObjectEvent' || type === 'TransformationEvent')
          checkPersistentDisposition(run, value);
        break;
      case 'readPoint':
        hasReadPoint = true;
        checkLocation(run, value, key);
        break;
      case 'bizLocation':
        checkLocation(run, value, key);
        break;
      case 'bizTransactionList':
        bizTxCount = checkBizTransactions(run, value, key);
        break;
      case 'sourceList':
        checkSourceDest(run, value, key, 'source');
        break;
      case 'destinationList':
        checkSourceDest(run, value, key, 'destination');
        break;
      case 'sensorElementList':
        sensorCount = checkSensorElements(run, value, eventMs, eventTime);
        break;
      case 'ilmd':
        hasIlmd = true;
        checkIlmd(run, value);
        break;
    }
  }

  // required members and the schema's anyOf clauses
  if (!hasEventTime) run.report('TRACE_REQUIRED_MISSING', { member: 'eventTime' }, run.path());
  if (!hasOffset)
    run.report('TRACE_REQUIRED_MISSING', { member: 'eventTimeZoneOffset' }, run.path());
  const needsAction = type !== 'TransformationEvent';
  if (needsAction && !hasAction)
    run.report('TRACE_REQUIRED_MISSING', { member: 'action' }, run.path());
  if (type === 'AssociationEvent' && !hasParent)
    run.report('TRACE_REQUIRED_MISSING', { member: 'parentID' }, run.path());
  if (type === 'TransactionEvent') {
    if (bizTxCount === -2)
      run.report('TRACE_REQUIRED_MISSING', { member: 'bizTransactionList' }, run.path());
    else if (bizTxCount === 0)
      run.report(
        'TRACE_ARRAY_EMPTY',
        { member: 'bizTransactionList' },
        run.path('bizTransactionList'),
      );
  }
  const rawAction = typeof ev.action === 'string' ? ev.action : undefined;
  const isDelete = rawAction === 'DELETE';
  let whatReported = false;
  switch (type) {
    case 'ObjectEvent':
      if (!(epcCount >= 0 || quantityCount > 0 || (sensorCount > 0 && hasReadPoint))) {
        whatReported = true;
        run.report(
          'TRACE_WHAT_MISSING',
          {
            eventType: type,
            expected: OBJECT_EVENT_WHAT,
          },
          run.path(),
        );
      }
      if (hasIlmd && rawAction !== undefined && rawAction !== 'ADD' && action !== 'ADD') {
        run.report(
          'TRACE_ILMD_NOT_ALLOWED',
          { eventType: type, action: rawAction },
          run.path('ilmd'),
        );
      }
      break;
    case 'AggregationEvent':
    case 'AssociationEvent':
      if (!(childCount > 0 || childQuantityCount > 0 || isDelete)) {
        whatReported = true;
        run.report(
          'TRACE_WHAT_MISSING',
          {
            eventType: type,
            expected: CHILDREN_WHAT,
          },
          run.path(),
        );
      }
      break;
    case 'TransactionEvent':
      if (!(epcCount >= 0 || quantityCount > 0 || isDelete)) {
        whatReported = true;
        run.report(
          'TRACE_WHAT_MISSING',
          {
            eventType: type,
            expected: TRANSACTION_EVENT_WHAT,
          },
          run.path(),
        );
      }
      break;
    case 'TransformationEvent':
      if (!((inputs > 0 && outputs > 0) || (hasTransformationId && inputs + outputs > 0))) {
        whatReported = true;
        run.report('TRACE_TRANSFORMATION_INCOMPLETE', {}, run.path());
      }
      break;
  }

  // rules beyond the schema
  if (!whatReported) {
    const nothing =
      type === 'ObjectEvent'
        ? epcCount <= 0 && quantityCount <= 0 && sensorCount <= 0
        : type === 'AggregationEvent' || type === 'TransactionEvent'
          ? !hasParent &&
            childCount <= 0 &&
            childQuantityCount <= 0 &&
            epcCount <= 0 &&
            quantityCount <= 0
          : false;
    if (nothing) run.report('TRACE_EMPTY_WHAT', { eventType: type }, run.path());
  }
  if (type === 'AggregationEvent' && !hasParent && (action === 'ADD' || action === 'DELETE')) {
    run.report('TRACE_AGGREGATION_PARENT_MISSING', { action }, run.path());
  }
  if (offset !== undefined && !Number.isNaN(eventMs)) {
    const s = eventTime as string;
    const written = writtenOffsetMinutes(s);
    const declared = offsetMinutes(offset);
    if (written !== undefined && declared !== undefined && written !== declared) {
      if (writtenInUtc(s) || written === 0) {
        run.report(
          'TRACE_OFFSET_WRITTEN_IN_UTC',
          { eventTime: s, offset },
          run.path('eventTimeZoneOffset'),
        );
      } else {
        run.report(
          'TRACE_OFFSET_MISMATCH',
          { eventTime: s, offset },
          run.path('eventTimeZoneOffset'),
        );
      }
    }
  }
  if (!Number.isNaN(run.nowMs) && eventMs > run.nowMs + run.validator.futureToleranceMs) {
    run.report(
      'TRACE_FUTURE_EVENT',
      {
        eventTime: eventTime as string,
        now: new Date(run.nowMs).toISOString(),
        toleranceSeconds: run.validator.futureToleranceMs / 1000,
      },
      run.path('eventTime'),
    );
  }
  const byType =
    bizStep === undefined || action === undefined
      ? undefined
      : run.validator.rules.get(bizStepRuleKey(bizStep));
  if (byType !== undefined && bizStep !== undefined && action !== undefined) {
    const rule = byType.get(type)?.get(action);
    if (rule !== undefined) {
      run.report(
        'TRACE_BIZSTEP_ACTION',
        { bizStep, eventType: type, action, reason: rule.reason },
        run.path('bizStep'),
        rule.severity,
      );
    }
  }
  if (run.validator.profiles.length > 0 && run.errors === errorsBefore) {
    for (const profile of run.validator.profiles) {
      // a hook that throws or returns garbage is an error finding on the event, not a crash
      // a hook's finding of a profile code without the names of its steps shows their ids
      const found = callProfileRule(() => profile.checkEvent?.(ev as unknown as EpcisEvent) ?? [], {
        profile: describeValue(profile.id),
        rule: 'checkEvent',
      }).map((d) => withProfileNames(d, undefined, run.validator.locale));
      for (const d of applyFindingOptions(found, run.validator)) {
        if (d.severity === 'error') run.errors++;
        run.diagnostics.push({ ...d, path: [...run.path(), ...(d.path ?? [])] });
      }
    }
  }
  return run.errors - errorsBefore;
}

function validateExtensionEvent(
  run: ValidationRun,
  ev: Record<string, unknown>,
  type: string,
  requireContext: boolean,
): void {
  if (!isUri(type)) {
    run.report('TRACE_EVENT_TYPE_UNKNOWN', { value: type }, run.path('type'));
    return;
  }
  run.report('TRACE_EVENT_TYPE_EXTENSION', { value: type }, run.path('type'));
  if (requireContext && ev['@context'] === undefined)
    run.report('TRACE_REQUIRED_MISSING', { member: '@context' }, run.path());
  if (ev['@context'] !== undefined)
    checkContext(run, ev['@context'], run.path('@context'), new Set());
  if (ev.eventTime === undefined)
    run.report('TRACE_REQUIRED_MISSING', { member: 'eventTime' }, run.path());
  else checkTime(run, ev.eventTime, 'eventTime');
  if (ev.eventTimeZoneOffset === undefined)
    run.report('TRACE_REQUIRED_MISSING', { member: 'eventTimeZoneOffset' }, run.path());
  else if (typeof ev.eventTimeZoneOffset !== 'string' || !OFFSET.test(ev.eventTimeZoneOffset))
    run.report(
      'TRACE_PATTERN_MISMATCH',
      { member: 'eventTimeZoneOffset', value: String(ev.eventTimeZoneOffset), expected: '±hh:mm' },
      run.path('eventTimeZoneOffset'),
    );
  if (ev.recordTime !== undefined) checkTime(run, ev.recordTime, 'recordTime');
  if (ev.eventID !== undefined) checkUri(run, ev.eventID, 'eventID');
  if (ev.errorDeclaration !== undefined) checkErrorDeclaration(run, ev.errorDeclaration);
  if (ev.certificationInfo !== undefined) {
    const c = ev.certificationInfo;
    if (Array.isArray(c))
      for (let i = 0; i < c.length; i++) checkUri(run, c[i], 'certificationInfo', i);
    else checkUri(run, c, 'certificationInfo');
  }
}

/** Schema helpers shared with the document validator. */
export const schemaChecks = {
  checkUri,
  checkTime,
  checkString,
  checkExtensionKey,
  walkExtension: walkExtensionAt,
  isObject,
  typeName,
};
export { VERSION };
