export { allocate, allocateEvenly } from './allocate.js';
export { type FormatMoneyOptions, formatMoney, type MoneyUnit } from './format-money.js';
export {
  type Currency,
  fen,
  isMoney,
  type Money,
  moneyToJSON,
  toFenNumber,
  toYuanString,
  yuan,
  ZERO_MONEY,
} from './money.js';
export {
  absMoney,
  addMoney,
  divideMoney,
  moneyRatio,
  multiplyMoney,
  negateMoney,
  percentOf,
  permilleOf,
  subtractMoney,
  sumMoney,
} from './money-arithmetic.js';
export {
  compareMoney,
  isNegativeMoney,
  isPositiveMoney,
  isZeroMoney,
  maxMoney,
  minMoney,
  moneyEquals,
} from './money-compare.js';
export { moneyMessages } from './money-messages.js';
export { type ParseMoneyOptions, parseMoney } from './parse-money.js';
export { type Rate, type Rational, rateToRational } from './rate.js';
export {
  divideAndRound,
  isRoundingMode,
  ROUNDING_MODES,
  type RoundingMode,
} from './rounding-mode.js';
