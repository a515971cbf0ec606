import { defineMessages } from '@foodsafety/core';

/** Diagnostic codes of traceability profiles (KDE tables and chain rules), in zh-CN and en. */
export const profileMessages = defineMessages(
  {
    TRACE_PROFILE_KDE_MISSING: {
      severity: 'error',
      'zh-CN':
        '第 {index} 条事件 {eventID}（{cte}）缺少 {profile} 要求的关键数据元素 {kde}（{citation}）',
      en: 'Event {index} {eventID} ({cte}) lacks the key data element {kde} required by {profile} ({citation})',
    },
    TRACE_PROFILE_STEP_MISSING: {
      severity: 'error',
      'zh-CN':
        '第 {index} 条事件 {eventID}（{cte}）之前，批次 {lot} 没有必需的环节 {requires}（{profile}）',
      en: 'Event {index} {eventID} ({cte}): lot {lot} has no {requires} step before it, which {profile} requires',
    },
    TRACE_PROFILE_ORDER: {
      severity: 'error',
      'zh-CN':
        '环节顺序错误：批次 {lot} 的 {requires}（第 {otherIndex} 条事件）晚于 {cte}（第 {index} 条事件 {eventID}）（{profile}）',
      en: 'Steps out of order: lot {lot} has {requires} (event {otherIndex}) only after {cte} (event {index} {eventID}) ({profile})',
    },
    TRACE_PROFILE_NEW_LOT_NOT_ALLOWED: {
      severity: 'warning',
      'zh-CN':
        '第 {index} 条事件 {eventID}（{cte}）产生了新批次 {lot}，但 {profile} 只允许在 {allowed} 环节编制新批次号',
      en: 'Event {index} {eventID} ({cte}) creates the new lot {lot}, but {profile} allows new lot codes only at {allowed}',
    },
    TRACE_PROFILE_RULE_FAILED: {
      severity: 'error',
      'zh-CN':
        '第 {index} 条事件 {eventID} 不符合 {profile} 的规则 {rule}：取值 {value}，要求 {expected}',
      en: 'Event {index} {eventID} breaks rule {rule} of {profile}: value {value}, expected {expected}',
    },
    TRACE_PROFILE_EVENTS_UNAVAILABLE: {
      severity: 'error',
      'zh-CN':
        '追溯图未保留原始事件，无法检查 {profile} 的关键数据元素；请传入事件列表或用 retainEvents 建立索引',
      en: 'The lot graph does not keep the events, so the key data elements of {profile} cannot be checked; pass the events or index with retainEvents',
    },
    TRACE_PROFILE_INVALID: {
      severity: 'error',
      'zh-CN': '追溯规则配置 {id} 无效：{detail}',
      en: 'Traceability profile {id} is invalid: {detail}',
    },
  },
  { source: '@foodsafety/trace' },
);
