/**
 * What the validator's findings say was expected, where that is a phrase rather than data (a
 * JSON type name, a member name): written in both locales (core's `LocalizedParam`), so a
 * Chinese message reads Chinese whichever locale it is rendered in.
 */
import { localizedParam } from '@foodsafety/core';

/** `TRACE_TYPE_MISMATCH`: a line of a JSON Lines feed. */
export const ONE_JSON_LINE = localizedParam(
  'string（一行 JSON 文本）',
  'string (one line of JSON text)',
);
/** `TRACE_TYPE_MISMATCH`: an identifier. */
export const URI_STRING = localizedParam('string（URI）', 'string (URI)');
/** `TRACE_TYPE_MISMATCH`: a time stamp. */
export const DATE_TIME_STRING = localizedParam(
  'string（日期时间 date-time）',
  'string (date-time)',
);
/** `TRACE_TYPE_MISMATCH`: an extension member's value. */
export const STRING_OBJECT_OR_ARRAY = localizedParam(
  'string、object 或 array',
  'string, object or array',
);
/** `TRACE_TYPE_MISMATCH`: an item of an extension list. */
export const STRING_OR_OBJECT = localizedParam('string 或 object', 'string or object');
/** `TRACE_TYPE_MISMATCH`: a master-data attribute value. */
export const NUMBER_STRING_OR_OBJECT = localizedParam(
  'number、string 或 object',
  'number, string or object',
);

/** `TRACE_WHAT_MISSING` of an ObjectEvent. */
export const OBJECT_EVENT_WHAT = localizedParam(
  'epcList、非空的 quantityList，或带 readPoint 的 sensorElementList',
  'epcList, a non-empty quantityList, or sensorElementList with readPoint',
);
/** `TRACE_WHAT_MISSING` of an AggregationEvent or AssociationEvent. */
export const CHILDREN_WHAT = localizedParam(
  '非空的 childEPCs 或 childQuantityList（action 为 DELETE 时除外）',
  'non-empty childEPCs or childQuantityList (unless action is DELETE)',
);
/** `TRACE_WHAT_MISSING` of a TransactionEvent. */
export const TRANSACTION_EVENT_WHAT = localizedParam(
  'epcList 或非空的 quantityList（action 为 DELETE 时除外）',
  'epcList or a non-empty quantityList (unless action is DELETE)',
);

/** `TRACE_PATTERN_MISMATCH`: a UN/CEFACT Rec 20 unit code. */
export const UNIT_CODE_FORM = localizedParam(
  '2–3 个大写字母或数字',
  '2–3 upper-case letters or digits',
);
/** `TRACE_PATTERN_MISMATCH`: a hexadecimal sensor value. */
export const HEX_DIGITS = localizedParam('十六进制数字', 'hexadecimal digits');
/** `TRACE_PATTERN_MISMATCH`: a time-zone offset in range. */
export const OFFSET_IN_RANGE = localizedParam(
  '±hh:mm，介于 -14:00 与 +14:00 之间',
  '±hh:mm between -14:00 and +14:00',
);

/** `TRACE_TYPE_MISMATCH`: what the stream validators read. */
export const TEXT_SOURCE = localizedParam(
  '文本来源（字符串或字节的异步可迭代对象，或 ReadableStream）',
  'a text source (an async iterable of strings or bytes, or a ReadableStream)',
);
