export * from '../formats/cbv-vocabulary.js';
export { dateTimeMillis, isUri } from '../formats/json-formats.js';
export * from './bizstep-action-rules.js';
export * from './epcis-event.js';
export {
  createEpcisEventValidator,
  type EpcisEventValidation,
  type EpcisEventValidator,
  type EpcisEventValidatorOptions,
} from './epcis-event-validator.js';
export {
  createEpcisLineValidator,
  type EpcisLineValidation,
  type EpcisLineValidator,
  type EpcisLineValidatorOptions,
} from './epcis-line-validator.js';
export {
  compileEpcisValidator,
  type EpcisProfileHook,
  type EpcisValidationMode,
  type EpcisValidationOptions,
  type EpcisValidator,
} from './epcis-validator.js';
export * from './event-hash.js';
export { checkGs1Uri, GS1_OK, type Gs1UriProblem } from './gs1-uri-check.js';
export { type JsonTextResult, parseJsonText, type TextOrigin } from './json-text.js';
export { parseEpcisDocument } from './parse-epcis-document.js';
export * from './rec20-unit-codes.js';
export {
  epcisEventToJson,
  type SerializeOptions,
  serializeEpcisDocument,
  serializeEpcisEvent,
} from './serialize-epcis-document.js';
export * from './trace-messages.js';
export { type EpcisValidationResult, validateEpcisDocument } from './validate-epcis-document.js';
export {
  type StreamProgress,
  type StreamValidationOptions,
  type StreamValidationResult,
  type TextSource,
  validateEpcisDocumentStream,
  validateEpcisJsonLines,
} from './validate-epcis-stream.js';
