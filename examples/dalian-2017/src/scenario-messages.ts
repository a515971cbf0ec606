import { defineMessages } from '@foodsafety/core';

/** Diagnostics of the scenario's own data files (standard facts, survey and ledger plans). */
export const scenarioMessages = defineMessages(
  {
    SCENARIO_FACT_INVALID: {
      severity: 'error',
      'zh-CN': '事实 {name} 的记录无效：{detail}',
      en: 'The record of fact {name} is invalid: {detail}',
    },
    SCENARIO_FACT_UNKNOWN: {
      severity: 'warning',
      'zh-CN': '事实 {name} 不被评价标准使用',
      en: 'Fact {name} is not read by the standard',
    },
    SCENARIO_FACT_MISSING: {
      severity: 'error',
      'zh-CN': '评价标准需要的事实 {name} 没有数据来源',
      en: 'The standard needs fact {name}, and no data supplies it',
    },
    SCENARIO_PLAN_INVALID: {
      severity: 'error',
      'zh-CN': '模拟计划 {plan} 无效：{detail}',
      en: 'Simulation plan {plan} is invalid: {detail}',
    },
  },
  { source: '@foodsafety/example-dalian-2017' },
);
