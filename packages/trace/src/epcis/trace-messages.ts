/**
 * The diagnostic codes of EPCIS parsing, validation and event rules, with their messages in
 * zh-CN and en. Codes are stable; severities shown are the defaults (strict mode), see
 * docs/trace.md for what lenient mode changes.
 */
import { defineMessages } from '@foodsafety/core';
import { INPUT_UNREADABLE } from '../thrown-detail.js';

/** Messages of the EPCIS document validator (`@foodsafety/trace`). */
export const epcisMessages = defineMessages(
  {
    TRACE_JSON_SYNTAX: {
      severity: 'error',
      // the detail is the JSON engine's own wording (English), named as such
      'zh-CN': 'JSON 语法错误（第 {line} 行第 {column} 列，偏移 {position}）；解析器原文：{detail}',
      en: 'JSON syntax error at line {line}, column {column} (offset {position}): {detail}',
    },
    TRACE_DEPTH_LIMIT: {
      severity: 'error',
      'zh-CN': '嵌套深度超过上限 {limit}，更深的内容未检查',
      en: 'Nesting deeper than the limit of {limit}; deeper content was not checked',
    },
    TRACE_DOCUMENT_TYPE: {
      severity: 'error',
      'zh-CN': '文档类型 {value} 无效，应为 EPCISDocument 或 EPCISQueryDocument',
      en: 'Document type {value} is invalid; expected EPCISDocument or EPCISQueryDocument',
    },
    TRACE_REQUIRED_MISSING: {
      severity: 'error',
      'zh-CN': '缺少必填字段 {member}',
      en: 'Required member {member} is missing',
    },
    TRACE_MEMBER_NOT_ALLOWED: {
      severity: 'error',
      'zh-CN': '不允许的字段 {member}（扩展字段须为 URI 或带命名空间前缀）',
      en: 'Member {member} is not allowed here (extensions must be URIs or prefixed names)',
    },
    TRACE_TYPE_MISMATCH: {
      severity: 'error',
      'zh-CN': '类型应为 {expected}，实际为 {actual}',
      en: 'Expected {expected}, found {actual}',
    },
    TRACE_INVALID_URI: {
      severity: 'error',
      'zh-CN': '{value} 不是有效的 URI',
      en: '{value} is not a valid URI',
    },
    TRACE_INVALID_DATETIME: {
      severity: 'error',
      'zh-CN': '{value} 不是带时区的 ISO 8601 日期时间',
      en: '{value} is not an ISO 8601 date-time with a time zone',
    },
    TRACE_INVALID_ENUM: {
      severity: 'error',
      'zh-CN': '{member} 的值 {value} 无效，允许值：{allowed}',
      en: '{member} value {value} is invalid; allowed: {allowed}',
    },
    TRACE_INVALID_VOCABULARY: {
      severity: 'error',
      'zh-CN': '{member} 的值 {value} 既不是 CBV 标准词也不是 CBV 命名空间以外的 URI',
      en: '{member} value {value} is neither a standard CBV word nor a URI outside the CBV namespaces',
    },
    TRACE_PATTERN_MISMATCH: {
      severity: 'error',
      'zh-CN': '{member} 的值 {value} 格式不符（{expected}）',
      en: '{member} value {value} does not have the required form ({expected})',
    },
    TRACE_ARRAY_EMPTY: {
      severity: 'error',
      'zh-CN': '列表 {member} 不能为空',
      en: 'List {member} must not be empty',
    },
    TRACE_DUPLICATE_ITEM: {
      severity: 'error',
      'zh-CN': '列表 {member} 中有重复项 {value}',
      en: 'List {member} repeats the item {value}',
    },
    TRACE_WHAT_MISSING: {
      severity: 'error',
      'zh-CN': '{eventType} 缺少“什么”维度：须有 {expected}',
      en: '{eventType} lacks its "what" dimension: it needs {expected}',
    },
    TRACE_TRANSFORMATION_INCOMPLETE: {
      severity: 'error',
      'zh-CN': '转化事件须同时有输入和输出，或带 transformationID 且至少有输入或输出',
      en: 'A TransformationEvent needs both inputs and outputs, or a transformationID with inputs or outputs',
    },
    TRACE_ILMD_NOT_ALLOWED: {
      severity: 'error',
      'zh-CN':
        'ilmd（批次/实例主数据）只能出现在 action 为 ADD 的 ObjectEvent 或 TransformationEvent 中（此处 {eventType} {action}）',
      en: 'ilmd is only allowed in an ObjectEvent with action ADD or in a TransformationEvent (here {eventType} {action})',
    },
    TRACE_EVENT_TYPE_UNKNOWN: {
      severity: 'error',
      'zh-CN': '事件类型 {value} 不是 EPCIS 事件类型，也不是扩展事件类型 URI',
      en: 'Event type {value} is neither an EPCIS event type nor an extension event type URI',
    },
    TRACE_EVENT_TYPE_EXTENSION: {
      severity: 'info',
      'zh-CN': '扩展事件类型 {value} 只按公共事件字段检查',
      en: 'Extension event type {value} is checked on the common event members only',
    },
    TRACE_AGGREGATION_PARENT_MISSING: {
      severity: 'error',
      'zh-CN': 'action 为 {action} 的 AggregationEvent 必须有 parentID',
      en: 'An AggregationEvent with action {action} must have a parentID',
    },
    TRACE_SENSOR_TIME_AFTER_EVENT: {
      severity: 'warning',
      'zh-CN': '传感器时间 {time} 晚于事件时间 {eventTime}',
      en: 'Sensor time {time} is later than the event time {eventTime}',
    },
    TRACE_OFFSET_WRITTEN_IN_UTC: {
      severity: 'warning',
      'zh-CN':
        'eventTime {eventTime} 以 UTC 书写，而 eventTimeZoneOffset 为 {offset}（时刻相同，仅书写不一致）',
      en: 'eventTime {eventTime} is written in UTC while eventTimeZoneOffset is {offset} (same instant; notation only)',
    },
    TRACE_OFFSET_MISMATCH: {
      severity: 'error',
      'zh-CN': 'eventTime {eventTime} 的时区与 eventTimeZoneOffset {offset} 不一致',
      en: 'The time zone of eventTime {eventTime} disagrees with eventTimeZoneOffset {offset}',
    },
    TRACE_NEGATIVE_QUANTITY: {
      severity: 'error',
      'zh-CN': '数量 {quantity} 为负数',
      en: 'Quantity {quantity} is negative',
    },
    TRACE_NUMBER_NOT_FINITE: {
      severity: 'error',
      'zh-CN': '{member} 的值 {value} 不是有限数（超出双精度浮点数范围，或不是数）',
      en: '{member} {value} is not a finite number (beyond the range of a double, or not a number)',
    },
    TRACE_UNKNOWN_UOM: {
      severity: 'warning',
      'zh-CN': '计量单位 {uom} 不在 UN/CEFACT 第 20 号建议书代码表（{ruleSet}）中',
      en: 'Unit {uom} is not in the UN/CEFACT Recommendation 20 code table ({ruleSet})',
    },
    TRACE_GS1_CHECK_DIGIT: {
      severity: 'error',
      'zh-CN': '{value} 中 {key} 的校验位错误，应为 {expected}',
      en: 'Wrong check digit in the {key} of {value}; expected {expected}',
    },
    TRACE_GS1_URI_INVALID: {
      severity: 'error',
      'zh-CN':
        '{value} 不是有效的 EPC URI 或 GS1 数字链接（{scheme}），按原样保留，不与同一批次的其他写法合并',
      en: '{value} is not a valid EPC URI or GS1 Digital Link ({scheme}); it is kept as written and joins no other spelling of the lot',
    },
    TRACE_UNDECLARED_PREFIX: {
      severity: 'error',
      'zh-CN': '扩展字段 {member} 的前缀 {prefix} 未在 @context 中声明',
      en: 'The prefix {prefix} of extension member {member} is not declared in @context',
    },
    TRACE_BIZSTEP_ACTION: {
      severity: 'error',
      'zh-CN': '业务步骤 {bizStep} 与 {eventType} 的 action {action} 不一致：{reason}',
      en: 'Business step {bizStep} is inconsistent with {eventType} action {action}: {reason}',
    },
    TRACE_EMPTY_WHAT: {
      severity: 'warning',
      'zh-CN': '{eventType} 没有任何标识（无 EPC、无数量、无父级）',
      en: '{eventType} identifies nothing (no EPCs, no quantities, no parent)',
    },
    TRACE_FUTURE_EVENT: {
      severity: 'error',
      'zh-CN': '事件时间 {eventTime} 晚于当前时间 {now}（容差 {toleranceSeconds} 秒）',
      en: 'Event time {eventTime} is after now ({now}) beyond the tolerance of {toleranceSeconds} s',
    },
    TRACE_CBV_URN_NORMALISED: {
      severity: 'warning',
      'zh-CN': '{member} 的 URN 形式 CBV 值 {value} 已规范为 {normalised}',
      en: '{member} URN-form CBV value {value} was normalised to {normalised}',
    },
    TRACE_CASE_NORMALISED: {
      severity: 'warning',
      'zh-CN': '{member} 的值 {value} 大小写不规范，已规范为 {normalised}',
      en: '{member} value {value} had the wrong case and was normalised to {normalised}',
    },
    TRACE_QUERY_HEADER_ACCEPTED: {
      severity: 'warning',
      'zh-CN': 'EPCISQueryDocument 中的 epcisHeader 不符合 2.0.1 模式，宽松模式下已接受',
      en: 'epcisHeader in an EPCISQueryDocument is outside the 2.0.1 schema; accepted in lenient mode',
    },
    TRACE_PROFILE_UNKNOWN: {
      severity: 'error',
      'zh-CN': '未知的追溯规则集（profile）{profile}',
      en: 'Unknown traceability profile {profile}',
    },
    TRACE_PROFILE_NOT_APPLIED: {
      severity: 'warning',
      'zh-CN':
        '链式追溯规则集 {profile} 需要整条链，逐条或流式校验时不应用：请用 validateEpcisDocument 或 checkProfile 校验整份文档，或用实时索引（createTraceIndex）',
      en: 'Chain profile {profile} needs the whole chain and is not applied when events are validated one by one or streamed: validate whole documents (validateEpcisDocument, checkProfile), or use the real-time index (createTraceIndex)',
    },
    TRACE_STREAM_ERROR: {
      severity: 'error',
      'zh-CN': '读取数据流失败：{detail}',
      en: 'Reading the stream failed: {detail}',
    },
    TRACE_PROGRESS_CALLBACK_FAILED: {
      severity: 'error',
      'zh-CN': '进度回调（onProgress）在已计入 {events} 个事件时出错，校验到此停止：{detail}',
      en: 'The progress callback (onProgress) failed after {events} events, so the validation stopped there: {detail}',
    },
    TRACE_EVENT_CALLBACK_FAILED: {
      severity: 'error',
      'zh-CN': '事件回调（onEvent）处理事件 [{index}] 时出错，校验到此停止：{detail}',
      en: 'The event callback (onEvent) failed on event {index}, so the validation stopped there: {detail}',
    },
    // a getter or a Proxy trap of an input built in code threw
    TRACE_INPUT_UNREADABLE: INPUT_UNREADABLE,
  },
  { source: '@foodsafety/trace' },
);

/** A diagnostic code of the EPCIS validator. */
export type EpcisCode = keyof typeof epcisMessages;
