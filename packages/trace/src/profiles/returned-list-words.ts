/**
 * Why what a profile's function returned (a custom rule's findings, an `inContext` recogniser's
 * event positions) is not the list asked for, in both locales (core's `LocalizedParam`): the
 * `detail` of `TRACE_PROFILE_RULE_RESULT_INVALID` and `TRACE_PROFILE_CONTEXT_RESULT_INVALID`.
 */
import { describeValue, type LocalizedParam, localizedParam as w } from '@foodsafety/core';

/** Items that should be diagnostics. */
export const DIAGNOSTICS = w('诊断', 'diagnostics');
/** Items that should be event positions. */
export const EVENT_POSITIONS = w('事件序号', 'event positions');

/** `42 不是列表` / `42 is not a list`. */
export function notAList(value: unknown): LocalizedParam {
  const shown = describeValue(value);
  return w(`${shown} 不是列表`, `${shown} is not a list`);
}

/** The first bad item, `第 0 项：…` / `item 0: …`. */
export function badItem(position: number, why: LocalizedParam): LocalizedParam {
  return w(`第 ${position} 项：${why['zh-CN']}`, `item ${position}: ${why.en}`);
}

/** The first bad item with how many of the list were bad: `…（5 项中有 4 项不是事件序号）`. */
export function badItems(
  first: LocalizedParam,
  bad: number,
  total: number,
  what: LocalizedParam,
): LocalizedParam {
  return w(
    `${first['zh-CN']}（${total} 项中有 ${bad} 项不是${what['zh-CN']}）`,
    `${first.en} (${bad} of ${total} items are not ${what.en})`,
  );
}
