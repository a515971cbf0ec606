/**
 * What a callback, a getter or a Proxy trap threw, as the `detail` param of a finding. Internal
 * to the package.
 */
import { describeValue, type LocalizedParam, localizedParam } from '@foodsafety/core';

/** What was thrown, as a finding's `detail`: its message, or the value. Never throws. */
export function thrownDetail(error: unknown): string | LocalizedParam {
  try {
    if (error instanceof Error) return error.message === '' ? error.name : String(error.message);
    return describeValue(error, Number.POSITIVE_INFINITY);
  } catch {
    // a getter or a proxy that throws again
    return localizedParam('（无法读取的错误）', '(an error that cannot be read)');
  }
}

/**
 * The message of `TRACE_INPUT_UNREADABLE` (a getter or a Proxy trap of an input built in code
 * threw), which both the validators' and the chain's catalogues define: one text, as the core
 * catalogue requires of one code.
 */
export const INPUT_UNREADABLE = {
  severity: 'error',
  'zh-CN': '{what}无法读取：读取时抛出异常（{detail}），已跳过，未作检查',
  en: '{what} cannot be read: reading it threw ({detail}); it was skipped, not checked',
} as const;
