import { describeValue } from '../describe-value.js';
import { FoodSafetyError } from '../foodsafety-error.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../locale.js';
import type { Money } from './money.js';
import { divideAndRound, isRoundingMode, type RoundingMode } from './rounding-mode.js';

/**
 * The unit an amount is shown in: `yuan` (元), `wan` (万元, 10^4 yuan), `yi` (亿元, 10^8 yuan),
 * `million` (10^6 yuan), `billion` (10^9 yuan), or `auto`: the largest unit of the locale's
 * ladder (zh-CN: 亿元, 万元, 元; en: billion, million, yuan) that the amount reaches, moved up
 * one unit when rounding carries into it (99,999,999.50 yuan → `1.00亿元`, not `10,000.00万元`).
 * So 9,999 yuan is `9,999.00元`, 10,000 yuan is `1.00万元`.
 */
export type MoneyUnit = 'yuan' | 'wan' | 'yi' | 'million' | 'billion' | 'auto';

/** Options of {@link formatMoney}. */
export interface FormatMoneyOptions {
  /** `zh-CN` or `en`; default `en` (the library's default locale). */
  readonly locale?: Locale;
  /** Default `yuan`. */
  readonly unit?: MoneyUnit;
  /** Digits after the decimal point, 0–20; default 2 (fen when the unit is yuan). */
  readonly decimals?: number;
  /** How the amount is rounded to the last shown digit; default `half-up` (ties away from zero). */
  readonly rounding?: RoundingMode;
  /** Thousands separators `,` in the integer part; default true. */
  readonly grouping?: boolean;
  /** Show `¥` before the number instead of `元` (zh-CN) or `CNY ` (en); default false. */
  readonly symbol?: boolean;
  /** Drop trailing zeros of the fraction (and a bare point): `8.40` → `8.4`, `845.00` → `845`. */
  readonly trimZeros?: boolean;
}

type FixedUnit = Exclude<MoneyUnit, 'auto'>;

const UNIT_FEN: Record<FixedUnit, bigint> = {
  yuan: 100n,
  wan: 1_000_000n,
  yi: 10_000_000_000n,
  million: 100_000_000n,
  billion: 100_000_000_000n,
};

const AUTO_LADDER: Record<Locale, readonly FixedUnit[]> = {
  'zh-CN': ['yi', 'wan'],
  en: ['billion', 'million'],
};

/** zh-CN: what follows the number, without / with the ¥ symbol. */
const ZH_SUFFIX: Record<FixedUnit, readonly [string, string]> = {
  yuan: ['元', ''],
  wan: ['万元', '万'],
  yi: ['亿元', '亿'],
  million: ['百万元', '百万'],
  billion: ['十亿元', '十亿'],
};

const EN_SUFFIX: Record<FixedUnit, string> = {
  yuan: '',
  wan: ' ten thousand',
  yi: ' hundred million',
  million: ' million',
  billion: ' billion',
};

function badOption(name: string, value: unknown, expected: string): FoodSafetyError {
  return new FoodSafetyError(
    'MONEY_FORMAT_OPTION_INVALID',
    `formatMoney option ${name} must be ${expected}, got ${describeValue(value)}`,
    { name, value: describeValue(value), expected },
  );
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Render an amount for people, exactly (integer arithmetic; no floats). Conventions:
 *
 * - zh-CN: the unit follows the number with no space: `1,234.56元`, `12.35万元`, `8.45亿元`;
 *   with `symbol`: `¥1,234.56`, `¥8.45亿`.
 * - en: `CNY 1,234.56`, `CNY 845.00 million`, `CNY 8.45 hundred million` (unit `yi`); with
 *   `symbol`: `¥1,234.56`.
 * - A minus sign (`-`, U+002D) comes first: `-1,234.56元`, `-CNY 1,234.56`. An amount that
 *   rounds to zero is shown unsigned.
 * - Rounding to the last shown digit is `half-up` (ties away from zero) unless stated.
 *
 * Bad options are a programmer error (`MONEY_FORMAT_OPTION_INVALID`).
 *
 * @example formatMoney(fen(84_500_000_000), { locale: 'zh-CN', unit: 'yi' }) // '8.45亿元'
 * @example formatMoney(fen(84_500_000_000), { locale: 'en', unit: 'auto', trimZeros: true }) // 'CNY 845 million'
 */
export function formatMoney(money: Money, options: FormatMoneyOptions = {}): string {
  if (typeof options !== 'object' || options === null) {
    throw new FoodSafetyError(
      'MONEY_FORMAT_OPTION_INVALID',
      `formatMoney options must be an object, got ${describeValue(options)}`,
      { name: 'options', value: describeValue(options), expected: 'an object' },
    );
  }
  const locale = options.locale ?? DEFAULT_LOCALE;
  const unit = options.unit ?? 'yuan';
  const decimals = options.decimals ?? 2;
  const rounding = options.rounding ?? 'half-up';
  if (!isLocale(locale)) throw badOption('locale', locale, "'zh-CN' or 'en'");
  if (!(unit === 'auto' || (typeof unit === 'string' && Object.hasOwn(UNIT_FEN, unit)))) {
    throw badOption('unit', unit, 'yuan, wan, yi, million, billion or auto');
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw badOption('decimals', decimals, 'an integer from 0 to 20');
  }
  if (!isRoundingMode(rounding)) throw badOption('rounding', rounding, 'a rounding mode');

  const scale = 10n ** BigInt(decimals);
  const scaledIn = (u: FixedUnit): bigint =>
    divideAndRound(money.fen * scale, UNIT_FEN[u], rounding);
  let chosen: FixedUnit = unit === 'auto' ? 'yuan' : unit;
  let scaled = scaledIn(chosen);
  if (unit === 'auto') {
    // The largest unit the amount reaches; then up a unit while rounding carries into it
    // (99,999,999.50 yuan is 10,000.00万 at two decimals, so it is shown as 1.00亿).
    const ladder = AUTO_LADDER[locale];
    const magnitude = money.fen < 0n ? -money.fen : money.fen;
    let step = ladder.findIndex((u) => magnitude >= UNIT_FEN[u]);
    if (step === -1) step = ladder.length;
    chosen = ladder[step] ?? 'yuan';
    scaled = scaledIn(chosen);
    while (step > 0) {
      const larger = ladder[step - 1] as FixedUnit;
      const limit = (UNIT_FEN[larger] / UNIT_FEN[chosen]) * scale;
      if ((scaled < 0n ? -scaled : scaled) < limit) break;
      step--;
      chosen = larger;
      scaled = scaledIn(chosen);
    }
  }

  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const intPart = digits.slice(0, digits.length - decimals);
  let fracPart = digits.slice(digits.length - decimals);
  if (options.trimZeros) fracPart = fracPart.replace(/0+$/, '');
  const number = `${options.grouping === false ? intPart : group(intPart)}${fracPart ? `.${fracPart}` : ''}`;
  const sign = negative ? '-' : '';
  const symbol = options.symbol === true;
  if (locale === 'zh-CN') {
    const [plain, withSymbol] = ZH_SUFFIX[chosen];
    return symbol ? `${sign}¥${number}${withSymbol}` : `${sign}${number}${plain}`;
  }
  return `${sign}${symbol ? '¥' : 'CNY '}${number}${EN_SUFFIX[chosen]}`;
}
