import { defineMessages } from '../message-catalogue.js';

/**
 * The diagnostics of untrusted money input ({@link parseMoney}), in zh-CN and en. The same codes
 * are used by the `FoodSafetyError`s that the constructors `fen` and `yuan` throw when a
 * programmer passes them a bad literal.
 */
export const moneyMessages = defineMessages(
  {
    MONEY_TYPE_INVALID: {
      severity: 'error',
      'zh-CN': '金额 {value} 的类型为 {type}，应为数字、十进制字符串或含 fen 或 yuan 字段的对象',
      en: 'Amount {value} is of type {type}; expected a number, a decimal string or an object with fen or yuan',
    },
    MONEY_NOT_FINITE: {
      severity: 'error',
      'zh-CN': '金额 {value} 不是有限数',
      en: 'Amount {value} is not a finite number',
    },
    MONEY_FORMAT_INVALID: {
      severity: 'error',
      'zh-CN': '“{value}” 不是有效的十进制金额（例如 1234.56 或 1,234.56）',
      en: '"{value}" is not a decimal amount such as 1234.56 or 1,234.56',
    },
    MONEY_TOO_MANY_DECIMALS: {
      severity: 'error',
      'zh-CN': '金额 {value} 有 {decimals} 位小数；以元计的金额最多 2 位（到分），除非指定舍入方式',
      en: 'Amount {value} has {decimals} decimal places; yuan amounts have at most 2 (fen) unless a rounding mode is given',
    },
    MONEY_NOT_INTEGER_FEN: {
      severity: 'error',
      'zh-CN': '金额 {value} 不是整数分',
      en: 'Amount {value} is not a whole number of fen',
    },
    MONEY_UNSAFE_NUMBER: {
      severity: 'error',
      'zh-CN': '金额 {value} 超出 JavaScript 数字可精确表示的范围，请以字符串或 bigint 给出',
      en: 'Amount {value} is beyond what a JavaScript number holds exactly; give it as a string or a bigint',
    },
    MONEY_CURRENCY_UNSUPPORTED: {
      severity: 'error',
      'zh-CN': '不支持币种 {currency}，仅支持 CNY（人民币）',
      en: 'Currency {currency} is not supported; only CNY (renminbi) is',
    },
    MONEY_NEGATIVE: {
      severity: 'error',
      'zh-CN': '金额 {value} 为负数，此处要求非负金额',
      en: 'Amount {value} is negative where a non-negative amount is required',
    },
  },
  { source: '@foodsafety/core' },
);
