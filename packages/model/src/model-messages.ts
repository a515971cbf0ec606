import { defineMessages } from '@foodsafety/core';

/**
 * The diagnostic codes of `@foodsafety/model` for rules that a schema alone cannot express
 * (cross-field and cross-record checks). Shape errors use core's `SCHEMA_*` codes.
 */
export const modelMessages = defineMessages(
  {
    MODEL_INPUT_UNREADABLE: {
      severity: 'error',
      'zh-CN': '无法读取输入：{detail}',
      en: 'The input could not be read: {detail}',
    },
    MODEL_DUPLICATE_ID: {
      severity: 'error',
      'zh-CN': '{entity} 的标识 {id} 重复出现',
      en: '{entity} id {id} appears more than once',
    },
    MODEL_DATE_ORDER: {
      severity: 'error',
      'zh-CN': '{field}（{value}）早于 {reference}（{referenceValue}）',
      en: '{field} ({value}) is before {reference} ({referenceValue})',
    },
    MODEL_JURISDICTION_CODE_FORMAT: {
      severity: 'error',
      'zh-CN': '{level} 级区划代码 {code} 格式不符：应为 {expected}',
      en: 'Division code {code} does not fit level {level}: expected {expected}',
    },
    MODEL_JURISDICTION_KIND_LEVEL: {
      severity: 'error',
      'zh-CN': '区划类型 {kind} 不属于 {level} 级',
      en: 'Division kind {kind} does not belong to level {level}',
    },
    MODEL_JURISDICTION_DUPLICATE_CODE: {
      severity: 'error',
      'zh-CN': '区划代码 {code} 重复（首次出现于第 {firstIndex} 项）',
      en: 'Division code {code} is duplicated (first at index {firstIndex})',
    },
    MODEL_JURISDICTION_UNKNOWN_PARENT: {
      severity: 'error',
      'zh-CN': '区划 {code} 的上级 {parentCode} 不存在',
      en: 'The parent {parentCode} of division {code} does not exist',
    },
    MODEL_JURISDICTION_LEVEL_ORDER: {
      severity: 'error',
      'zh-CN':
        '区划 {code}（{level}）的上级 {parentCode}（{parentLevel}）不是其上一级；应为 {expectedParentLevel}',
      en: 'Division {code} ({level}) has parent {parentCode} ({parentLevel}); expected a parent of level {expectedParentLevel}',
    },
    MODEL_JURISDICTION_CYCLE: {
      severity: 'error',
      'zh-CN': '区划上下级关系成环：{cycle}',
      en: 'Division parent links form a cycle: {cycle}',
    },
    MODEL_JURISDICTION_CODE_PREFIX: {
      severity: 'warning',
      'zh-CN': '区划代码 {code} 未以上级代码前缀 {prefix} 开头',
      en: 'Division code {code} does not start with its parent prefix {prefix}',
    },
    MODEL_EXAM_SCORE_ABOVE_MAX: {
      severity: 'error',
      'zh-CN': '考试成绩 {score} 超过满分 {maxScore}',
      en: 'Exam score {score} exceeds the maximum {maxScore}',
    },
    MODEL_EXAM_PASS_INCONSISTENT: {
      severity: 'warning',
      'zh-CN': '考试成绩 {score}、合格线 {passMark} 与“是否合格”（{passed}）不一致',
      en: 'Exam score {score} against pass mark {passMark} contradicts passed = {passed}',
    },
    MODEL_CANTEEN_KIND_MISSING: {
      severity: 'error',
      'zh-CN': '单位食堂须注明食堂类别（学校、幼儿园、养老机构、医院、企业、建筑工地）',
      en: 'A canteen needs its kind (school, kindergarten, elderly care, hospital, enterprise, construction site)',
    },
    MODEL_CANTEEN_KIND_UNEXPECTED: {
      severity: 'error',
      'zh-CN': '业态 {businessType} 不是单位食堂，不应填写食堂类别',
      en: 'Business type {businessType} is not a canteen and takes no canteen kind',
    },
    MODEL_LICENCE_NUMBER_FORMAT: {
      severity: 'error',
      'zh-CN': '许可证编号 {number} 不符合 {expected} 的结构',
      en: 'Licence number {number} does not have the structure {expected}',
    },
    MODEL_LICENCE_EXPIRY_BEFORE_ISSUE: {
      severity: 'error',
      'zh-CN': '许可证有效期截止日 {expiresOn} 早于发证日 {issuedOn}',
      en: 'Licence expiry {expiresOn} is before its issue date {issuedOn}',
    },
    MODEL_LICENCE_VALIDITY_TOO_LONG: {
      severity: 'warning',
      'zh-CN': '许可证有效期（{issuedOn} 至 {expiresOn}）超过规则集 {ruleSet} 规定的 {years} 年',
      en: 'Licence validity ({issuedOn} to {expiresOn}) exceeds the {years} years of rule set {ruleSet}',
    },
    MODEL_LICENCE_TYPE_MISMATCH: {
      severity: 'warning',
      'zh-CN':
        '食品经营许可证 {number} 的主体业态代码 {digit} 与经营者业态 {businessType}（应为 {expectedDigit}）不符',
      en: 'Food business licence {number} has type digit {digit}, but business type {businessType} expects {expectedDigit}',
    },
    MODEL_FINDING_ITEM_UNKNOWN: {
      severity: 'error',
      'zh-CN': '问题所指检查项 {itemId} 不在本次检查中',
      en: 'The finding refers to checklist item {itemId}, which is not in this inspection',
    },
    MODEL_FINDING_ITEM_NOT_FAILED: {
      severity: 'warning',
      'zh-CN': '问题所指检查项 {itemId} 的结果为 {result}，而非不符合',
      en: 'The finding refers to checklist item {itemId}, whose result is {result}, not fail',
    },
    MODEL_RECTIFICATION_UNKNOWN_ENTRY: {
      severity: 'error',
      'zh-CN': '整改台账中没有条目 {entryId}',
      en: 'The rectification ledger has no entry {entryId}',
    },
    MODEL_RECTIFICATION_INVALID_TRANSITION: {
      severity: 'error',
      'zh-CN': '整改条目 {entryId} 当前状态为 {status}，不能执行“{action}”',
      en: 'Rectification entry {entryId} is {status}; it cannot be {action}',
    },
    MODEL_RECTIFICATION_DATE_BACKWARDS: {
      severity: 'error',
      'zh-CN': '整改条目 {entryId} 的“{action}”日期 {date} 早于上一记录日期 {previous}',
      en: 'Rectification entry {entryId}: {action} on {date} is before the previous record ({previous})',
    },
    MODEL_RECTIFICATION_DEADLINE_BEFORE_OPEN: {
      severity: 'error',
      'zh-CN': '整改条目 {entryId} 的整改期限 {deadline} 早于登记日期 {date}',
      en: 'Rectification entry {entryId}: deadline {deadline} is before the date {date}',
    },
    MODEL_RECTIFICATION_HISTORY_START: {
      severity: 'error',
      'zh-CN': '整改条目 {entryId} 的记录必须以且仅以一次“登记”开始',
      en: 'The history of rectification entry {entryId} must start with exactly one opening',
    },
    MODEL_RETEST_RAPID_METHOD: {
      severity: 'error',
      'zh-CN': '复检不得采用快速检测方法（{method}）',
      en: 'A re-test may not use a rapid test method ({method})',
    },
    MODEL_VERDICT_INCONSISTENT: {
      severity: 'warning',
      'zh-CN': '检验项目 {item} 的结果 {value} 与限量（{limit}）及判定 {verdict} 不一致',
      en: 'Test item {item}: value {value} against limit ({limit}) contradicts the verdict {verdict}',
    },
    MODEL_CASE_TRANSFER_MISSING: {
      severity: 'error',
      'zh-CN': '案件状态为“已移送公安”，但缺少移送记录',
      en: 'The case is marked transferred to the police but has no transfer record',
    },
    MODEL_INSURANCE_LIMIT_ORDER: {
      severity: 'warning',
      'zh-CN': '保险限额 {smaller}（{smallerFen} 分）大于 {larger}（{largerFen} 分）',
      en: 'Insurance limit {smaller} ({smallerFen} fen) exceeds {larger} ({largerFen} fen)',
    },
    MODEL_TASK_NO_LEAD: {
      severity: 'error',
      'zh-CN': '创建任务 {taskId} 没有牵头单位',
      en: 'Creation task {taskId} has no lead assignment',
    },
    MODEL_TASK_DUPLICATE_ASSIGNMENT: {
      severity: 'error',
      'zh-CN': '创建任务 {taskId} 重复分派给 {assignee}',
      en: 'Creation task {taskId} is assigned to {assignee} more than once',
    },
    MODEL_TASK_COMPLETION_DATE: {
      severity: 'error',
      'zh-CN':
        '创建任务 {taskId} 的状态 {status} 与完成日期不符（已完成须有完成日期，未完成不得有）',
      en: 'Creation task {taskId} with status {status}: a completion date is required when completed and forbidden otherwise',
    },
  },
  { source: '@foodsafety/model' },
);

/** The `source` every diagnostic of this package carries. */
export const MODEL_SOURCE = '@foodsafety/model';
