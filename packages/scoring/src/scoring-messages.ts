import { defineMessages } from '@foodsafety/core';

/**
 * The diagnostic codes of `@foodsafety/scoring` (standards, ledger, surveys, composite indices),
 * in zh-CN and en.
 */
export const scoringMessages = defineMessages(
  {
    SCORING_SPEC_INVALID: {
      severity: 'error',
      'zh-CN': '标准定义无效：{detail}',
      en: 'Invalid standard definition: {detail}',
    },
    SCORING_DUPLICATE_ID: {
      severity: 'error',
      'zh-CN': '标识 {id} 重复（{kind}）',
      en: 'Duplicate {kind} id {id}',
    },
    SCORING_POINTS_PRECISION: {
      severity: 'error',
      'zh-CN': '分值 {value} 超过两位小数，无法精确累加',
      en: 'Points value {value} has more than two decimals and cannot be added exactly',
    },
    SCORING_BAND_POINTS_EXCEED: {
      severity: 'error',
      'zh-CN': '分档得分 {points} 超过该项满分 {max}',
      en: 'Band points {points} exceed the item maximum {max}',
    },
    SCORING_BANDS_NOT_MONOTONIC: {
      severity: 'error',
      'zh-CN': '分档阈值须严格单调且得分随档位递增（第 {index} 档）',
      en: 'Threshold bands must be strictly ordered with non-decreasing points (band {index})',
    },
    SCORING_GOALPOSTS_EQUAL: {
      severity: 'error',
      'zh-CN': '线性计分的两端目标值相同（{value}）',
      en: 'Linear goalposts are equal ({value})',
    },
    SCORING_INDICATOR_CYCLE: {
      severity: 'error',
      'zh-CN': '指标之间存在循环引用：{cycle}',
      en: 'Indicators reference each other in a cycle: {cycle}',
    },
    SCORING_UNKNOWN_REF: {
      severity: 'error',
      'zh-CN': '引用了未声明的事实或指标 {name}',
      en: 'Reference to an undeclared fact or indicator {name}',
    },
    SCORING_UNKNOWN_CALCULATOR: {
      severity: 'error',
      'zh-CN': '未注册的计分器 {id}',
      en: 'No calculator is registered under the id {id}',
    },
    SCORING_UNKNOWN_VETO_PREDICATE: {
      severity: 'error',
      'zh-CN': '未注册的否决判定 {id}',
      en: 'No veto predicate is registered under the id {id}',
    },
    SCORING_PLUGIN_PARAMS_INVALID: {
      severity: 'error',
      'zh-CN': '{id} 的参数无效：{detail}',
      en: 'Invalid parameters for {id}: {detail}',
    },
    SCORING_TIER_TOTAL_MISMATCH: {
      severity: 'error',
      'zh-CN': '{tier} 类项目合计 {actual}，与声明的 {expected} 不符',
      en: 'The {tier} tier totals {actual}, not the declared {expected}',
    },
    SCORING_FACT_MISSING: {
      severity: 'warning',
      'zh-CN': '{unit} 缺少事实 {name}，项目 {item} 按“{policy}”处理',
      en: '{unit} lacks the fact {name}; item {item} is handled as "{policy}"',
    },
    SCORING_VETO_FACT_MISSING: {
      severity: 'warning',
      'zh-CN': '{unit} 缺少事实 {name}，否决项 {veto} 按“{policy}”处理',
      en: '{unit} lacks the fact {name}; veto {veto} is handled as "{policy}"',
    },
    SCORING_FACT_INVALID: {
      severity: 'error',
      'zh-CN': '事实 {name} 的值无效（应为有限数字或布尔值）',
      en: 'The fact {name} is not a finite number or a boolean',
    },
    SCORING_CALCULATOR_FAILED: {
      severity: 'error',
      'zh-CN': '计分器 {id} 计算项目 {item} 时出错：{detail}',
      en: 'Calculator {id} failed on item {item}: {detail}',
    },
    SCORING_VALUE_UNDEFINED: {
      severity: 'warning',
      'zh-CN': '{unit} 的项目 {item} 的输入无定义（如除以零），按“{policy}”处理',
      en: 'The input of item {item} is undefined for {unit} (e.g. division by zero); handled as "{policy}"',
    },
    SCORING_NOT_A_STANDARD: {
      severity: 'error',
      'zh-CN': '参数不是 defineStandard 生成的标准',
      en: 'The argument is not a standard made by defineStandard',
    },
    SCORING_LEDGER_INCONSISTENT: {
      severity: 'warning',
      'zh-CN': '任务 {task} 的记录不一致：{detail}',
      en: 'Task {task} is inconsistent: {detail}',
    },
    SCORING_LEDGER_UNKNOWN_UNIT: {
      severity: 'error',
      'zh-CN': '任务分配给了未列出的单位 {unit} {id}',
      en: 'A task is assigned to the unlisted {unit} {id}',
    },
    SCORING_DATE_INVALID: {
      severity: 'error',
      'zh-CN': '日期 {value} 不是有效的 YYYY-MM-DD 日期',
      en: 'The date {value} is not a valid YYYY-MM-DD date',
    },
    SCORING_SURVEY_OUT_OF_RANGE: {
      severity: 'error',
      'zh-CN': '满意度得分 {value} 超出量表范围 {min}–{max}',
      en: 'Satisfaction score {value} lies outside the scale {min}–{max}',
    },
    SCORING_INDEX_WEIGHT_INVALID: {
      severity: 'error',
      'zh-CN': '节点 {code} 的权重 {weight} 必须大于 0',
      en: 'The weight {weight} of node {code} must be greater than 0',
    },
    SCORING_INDEX_UNKNOWN_PARENT: {
      severity: 'error',
      'zh-CN': '节点 {code} 的上级 {parent} 不存在',
      en: 'The parent {parent} of node {code} does not exist',
    },
    SCORING_INDEX_CYCLE: {
      severity: 'error',
      'zh-CN': '指标框架存在循环：{cycle}',
      en: 'The framework has a cycle: {cycle}',
    },
    SCORING_INDEX_LEVEL_ORDER: {
      severity: 'warning',
      'zh-CN': '节点 {code} 的层级不低于其上级 {parent}',
      en: 'Node {code} is not at a lower level than its parent {parent}',
    },
    SCORING_INDEX_EMPTY_AGGREGATE: {
      severity: 'error',
      'zh-CN': '节点 {code} 的类型与框架结构不符（汇总节点须有下级，指标不能有下级）',
      en: 'Node {code} contradicts the tree (an aggregate needs children; an indicator has none)',
    },
    SCORING_INDEX_NO_DATA: {
      severity: 'warning',
      'zh-CN': '指标 {code} 没有任何单位的数据',
      en: 'Indicator {code} has no data for any unit',
    },
    SCORING_INDEX_NONPOSITIVE: {
      severity: 'warning',
      'zh-CN': '单位 {unit} 在 {code} 的下级中有非正值，{method} 平均无定义',
      en: 'Unit {unit} has a non-positive child value under {code}; the {method} mean is undefined',
    },
    SCORING_INDEX_CONSTANT: {
      severity: 'warning',
      'zh-CN': '指标 {code} 在各单位取值相同，无法归一化',
      en: 'Indicator {code} has the same value for every unit and cannot be normalised',
    },
    SCORING_INDEX_DATA_INVALID: {
      severity: 'error',
      'zh-CN': '合成指数数据无效：{detail}',
      en: 'Invalid index data: {detail}',
    },
    SCORING_INDEX_METHOD_INVALID: {
      severity: 'error',
      'zh-CN': '合成方法无效：{detail}',
      en: 'Invalid index method: {detail}',
    },
    SCORING_PATCH_INVALID: {
      severity: 'error',
      'zh-CN': '假设分析补丁无效：{detail}',
      en: 'Invalid what-if patch: {detail}',
    },
  },
  { source: '@foodsafety/scoring' },
);
