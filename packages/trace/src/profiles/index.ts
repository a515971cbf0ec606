export {
  type CheckProfileOptions,
  checkProfile,
  type ProfileCheckResult,
  recogniseCte,
} from './check-profile.js';
export { EPCIS_SELECTORS } from './epcis-selectors.js';
export { FSMA_204_PROFILE } from './fsma-204.js';
export { GDST_PROFILE } from './gdst.js';
export {
  cbvEquals,
  localName,
  type Measurement,
  selectMeasurements,
  selectValues,
} from './kde-selector.js';
export { convertMeasurement, TEMPERATURE_UNITS } from './measurement-units.js';
export { profileMessages } from './profile-messages.js';
export {
  cteName,
  kdeName,
  type ProfileNameIds,
  type ProfileNamesOf,
  profileNames,
} from './profile-names.js';
export { recordRetentionUntil } from './record-retention.js';
export {
  csvField,
  guardFormula,
  type SpreadsheetOptions,
  toSortableSpreadsheet,
} from './sortable-spreadsheet.js';
export {
  type CteDefinition,
  type CteMatch,
  type CustomRule,
  defineKde,
  type KdeDefinition,
  type KdeFormat,
  kdeCitedTo,
  type NewLotOnlyAtRule,
  type ProfileLabel,
  type ProfileRule,
  type ProfileRuleContext,
  type RequiresBeforeRule,
  type RetentionRule,
  TRACE_HOST,
  type TraceProfile,
  traceProfiles,
  type ValueCondition,
  type ValueOp,
  type ValueRule,
  validateTraceProfile,
} from './trace-profile.js';
export { traceFsma204, traceGdst } from './trace-profile-plugins.js';
