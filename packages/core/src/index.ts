export * from './calendar/index.js';
export { describeValue } from './describe-value.js';
export {
  countBySeverity,
  createDiagnostic,
  type Diagnostic,
  type DiagnosticOptions,
  formatDiagnostic,
  hasErrors,
  localizeDiagnostic,
  type ParamsOf,
  relocateDiagnostics,
  sortDiagnostics,
} from './diagnostic.js';
export { FoodSafetyError, isFoodSafetyError } from './foodsafety-error.js';
export { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from './locale.js';
export {
  defaultCatalogue,
  defineMessages,
  interpolate,
  isLocalizedParam,
  type LocalizedParam,
  localizedParam,
  MessageCatalogue,
  type MessageDescriptor,
  type MessageParams,
  type MessageParamValue,
  type MessageSet,
  type MessageTemplateInput,
  type TemplateParamNames,
} from './message-catalogue.js';
export * from './money/index.js';
export { type DiagnosticPath, formatPath, joinPath, type PathSegment } from './path.js';
export * from './random/index.js';
export {
  combineResults,
  fail,
  flatMapResult,
  mapResult,
  mergeDiagnostics,
  ok,
  type Result,
  resultOf,
  unwrap,
} from './result.js';
export {
  CONFIDENCES,
  type Confidence,
  confidenceNotice,
  describeRuleSet,
  parseRuleSetMeta,
  type RuleSetMeta,
  ruleSetMessages,
} from './rule-set-meta.js';
export {
  SCHEMA_TYPE_NAMES_ZH,
  type SchemaIssueLike,
  schemaIssuesToDiagnostics,
  schemaMessages,
} from './schema-issue-diagnostics.js';
export { compareSeverity, SEVERITIES, type Severity } from './severity.js';
