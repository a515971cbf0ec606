/**
 * The words of `TRACE_OPTION_INVALID` findings that are phrases rather than code (what an option
 * should be, what is used instead), in both locales (core's `LocalizedParam`). Type names
 * (`object`, `function`, `string`, `Set`) and values written as code (`true | false`,
 * `zh-CN | en`) read alike in both and stay plain text.
 */
import { type LocalizedParam, localizedParam } from '@foodsafety/core';

export const DEFAULT = localizedParam('默认值', 'default');
export const DEFAULTS = localizedParam('默认值', 'defaults');
export const NONE = localizedParam('不使用', 'none');
export const NONE_NO_FUTURE_CHECK = localizedParam(
  '不使用（不做 TRACE_FUTURE_EVENT 检查）',
  'none (no TRACE_FUTURE_EVENT check)',
);
export const ITS_STRINGS = localizedParam('其中的字符串', 'its strings');
export const READABLE_VALUE = localizedParam('可读取的值', 'readable value');
export const UNREADABLE = localizedParam('（无法读取）', '(unreadable)');
export const LIST = localizedParam('列表（list）', 'list');
export const LIST_OF_STRINGS = localizedParam('字符串列表', 'list of strings');
export const LIST_OF_EVENT_POSITIONS = localizedParam('事件位置的列表', 'list of event positions');
export const A_TRACE_INDEX = localizedParam(
  '追溯索引（createTraceIndex）',
  'a trace index (createTraceIndex)',
);
export const DATE_OR_DATE_TIME = localizedParam(
  'Date 或 RFC 3339 日期时间',
  'Date | RFC 3339 date-time',
);
export const MASTER_DATA_SHAPE = localizedParam(
  '{ locations?, parties?, products? }，各为标识字符串的列表',
  '{ locations?, parties?, products? }, each a list of identifier strings',
);
export const RANGE_SHAPE = localizedParam(
  '{ min, max }，min ≤ max 的数值',
  '{ min, max }, numbers with min ≤ max',
);
export const RANGES_SHAPE = localizedParam(
  'GTIN 或批次 → { min, max }，min ≤ max 的数值',
  'GTIN or lot → { min, max }, numbers with min ≤ max',
);

/** A number (a whole number when `integer`) of at least `min`, or `Infinity`. */
export function numberAtLeast(min: number, integer: boolean): LocalizedParam {
  return localizedParam(
    `${integer ? '整数' : '数值'} ≥ ${min} 或 Infinity`,
    `${integer ? 'integer' : 'number'} ≥ ${min} | Infinity`,
  );
}

/** A valid traceability profile, with the first error found in it (in English, as given). */
export function validProfile(error: string): LocalizedParam {
  return localizedParam(
    `有效的追溯规则配置（${error}）`,
    `a valid traceability profile (${error})`,
  );
}

/** The English of a word (for a `FoodSafetyError`, whose message is English). */
export function inEnglish(word: string | LocalizedParam): string {
  return typeof word === 'string' ? word : word.en;
}
