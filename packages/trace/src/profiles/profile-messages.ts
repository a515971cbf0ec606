import { defineMessages } from '@foodsafety/core';

/** Diagnostic codes of traceability profiles (KDE tables and chain rules), in zh-CN and en. */
export const profileMessages = defineMessages(
  {
    TRACE_PROFILE_UNITS_INVALID: {
      severity: 'error',
      'zh-CN': 'checkProfile 的 units 选项不是单位表（{detail}），带单位的取值规则改用 {fallback}',
      en: "checkProfile's units option is no unit table ({detail}); value rules with a unit use {fallback} instead",
    },
    TRACE_PROFILE_KDE_MISSING: {
      severity: 'error',
      'zh-CN':
        '事件 [{index}] {eventID}（{cteName}）缺少 {profile} 要求的关键数据元素“{kdeName}”（{citation}）',
      en: 'Event {index} {eventID} ({cteName}) lacks the key data element "{kdeName}" required by {profile} ({citation})',
    },
    TRACE_PROFILE_STEP_MISSING: {
      severity: 'error',
      'zh-CN':
        '事件 [{index}] {eventID}（{cteName}）之前，批次 {lot} 没有必需的“{requiresName}”环节（{profile}）',
      en: 'Event {index} {eventID} ({cteName}): lot {lot} has no "{requiresName}" step before it, which {profile} requires',
    },
    TRACE_PROFILE_ORDER: {
      severity: 'error',
      'zh-CN':
        '环节顺序错误：批次 {lot} 的“{requiresName}”（事件 [{otherIndex}]）晚于“{cteName}”（事件 [{index}] {eventID}）（{profile}）',
      en: 'Steps out of order: lot {lot} has "{requiresName}" (event {otherIndex}) only after "{cteName}" (event {index} {eventID}) ({profile})',
    },
    TRACE_PROFILE_RELEASED_NOT_CONFORMANT: {
      severity: 'error',
      'zh-CN':
        '事件 [{index}] {eventID}（{cteName}）：批次 {lot} 此前最近一次“{requiresName}”（事件 [{otherIndex}]）结论为“{resultName}”，未经复检合格即放行（{profile}）',
      en: 'Event {index} {eventID} ({cteName}): lot {lot} goes out although its last "{requiresName}" before (event {otherIndex}) found it {resultName}, with no conformant re-inspection since ({profile})',
    },
    TRACE_PROFILE_NEW_LOT_NOT_ALLOWED: {
      severity: 'warning',
      'zh-CN':
        '事件 [{index}] {eventID}（{cteName}）产生了新批次 {lot}，但 {profile} 只允许在{allowedNames}环节编制新批次号',
      en: 'Event {index} {eventID} ({cteName}) creates the new lot {lot}, but {profile} allows new lot codes only at {allowedNames}',
    },
    TRACE_PROFILE_RULE_FAILED: {
      severity: 'error',
      'zh-CN':
        '事件 [{index}] {eventID} 不符合 {profile} 的规则“{ruleName}”：取值 {value}，要求 {requirement}',
      en: 'Event {index} {eventID} breaks rule "{ruleName}" of {profile}: value {value}, expected {requirement}',
    },
    TRACE_PROFILE_EVENTS_UNAVAILABLE: {
      severity: 'error',
      'zh-CN':
        '追溯图未保留原始事件，无法检查 {profile} 的关键数据元素；请传入事件列表或用 retainEvents 建立索引',
      en: 'The lot graph does not keep the events, so the key data elements of {profile} cannot be checked; pass the events or index with retainEvents',
    },
    TRACE_PROFILE_RULE_ERROR: {
      severity: 'error',
      'zh-CN': '{profile} 的规则 {rule} 运行出错，该规则未完成检查：{error}',
      en: 'Rule {rule} of {profile} failed, so it was not checked: {error}',
    },
    TRACE_PROFILE_RULE_RESULT_INVALID: {
      severity: 'error',
      'zh-CN': '{profile} 的规则 {rule} 返回的结果不是诊断列表：{detail}',
      en: 'Rule {rule} of {profile} returned something other than a list of diagnostics: {detail}',
    },
    TRACE_PROFILE_CONTEXT_RESULT_INVALID: {
      severity: 'error',
      'zh-CN':
        '{profile} 中关键追踪事件“{cteName}”的上下文识别返回的结果不是事件序号列表：{detail}',
      en: 'Recognising CTE "{cteName}" of {profile} in context returned something other than a list of event positions: {detail}',
    },
    TRACE_PROFILE_INVALID: {
      severity: 'error',
      'zh-CN': '追溯规则配置 {id} 无效：{detail}',
      en: 'Traceability profile {id} is invalid: {detail}',
    },
  },
  { source: '@foodsafety/trace' },
);
