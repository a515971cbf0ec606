import { defineMessages } from '@foodsafety/core';

/**
 * The code of options a function of the package cannot use (its default is used instead), in
 * zh-CN and en: shared by the EPCIS validators, the chain functions, profiles and traces.
 */
export const optionMessages = defineMessages(
  {
    TRACE_OPTION_INVALID: {
      severity: 'error',
      'zh-CN': '{options} 的选项 {option} 为 {value}，不符合要求（{expected}），已改用 {fallback}',
      en: 'Option {option} of {options} is {value}, not {expected}; {fallback} is used instead',
    },
  },
  { source: '@foodsafety/trace' },
);
