import { defineMessages } from '@foodsafety/core';

/**
 * The diagnostic codes of the simulation area of `@foodsafety/scoring` (sensitivity analysis and
 * Monte Carlo), in zh-CN and en.
 */
export const simulationMessages = defineMessages(
  {
    SCORING_SENSITIVITY_INPUT_INVALID: {
      severity: 'error',
      'zh-CN': '输入分布 {name} 无效：{detail}',
      en: 'Input distribution {name} is invalid: {detail}',
    },
    SCORING_SENSITIVITY_INPUT_DUPLICATE: {
      severity: 'error',
      'zh-CN': '输入名称 {name} 重复',
      en: 'Duplicate input name {name}',
    },
    SCORING_SENSITIVITY_NON_FINITE: {
      severity: 'error',
      'zh-CN': '模型在 {count} 次运行中返回了非有限值（首个为第 {row} 行：{value}），指数无法计算',
      en: 'The model returned a non-finite value in {count} runs (first at row {row}: {value}); the indices cannot be computed',
    },
    SCORING_SENSITIVITY_ZERO_VARIANCE: {
      severity: 'warning',
      'zh-CN': '模型输出方差为零（恒为 {value}），所有敏感性指数记为 0',
      en: 'The model output has zero variance (always {value}); every sensitivity index is reported as 0',
    },
    SCORING_SENSITIVITY_N_NOT_POWER_OF_TWO: {
      severity: 'info',
      'zh-CN': '基础样本量 N = {N} 不是 2 的幂，Sobol 序列的均衡性会变差（建议 {suggested}）',
      en: "The base sample size N = {N} is not a power of two, which spoils the balance of the Sobol' points (try {suggested})",
    },
    SCORING_SIMULATION_UNCERTAINTY_INVALID: {
      severity: 'error',
      'zh-CN': '不确定性设定无效：{detail}',
      en: 'Invalid uncertainty specification: {detail}',
    },
    SCORING_SIMULATION_UNKNOWN_FACT: {
      severity: 'warning',
      'zh-CN': '不确定性设定引用了标准中未使用的事实 {fact}',
      en: 'The uncertainty specification refers to the fact {fact}, which the standard does not use',
    },
    SCORING_SIMULATION_RUN_DIAGNOSTIC: {
      severity: 'warning',
      'zh-CN': '{count} 次模拟运行产生了诊断（首个：{code} {message}）',
      en: '{count} simulation runs produced diagnostics (first: {code} {message})',
    },
  },
  { source: '@foodsafety/scoring' },
);
