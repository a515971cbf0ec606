import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFoodSafetyError } from '../foodsafety-error.js';
import { formatMoney } from './format-money.js';
import { fen, yuan } from './money.js';

function thrownCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isFoodSafetyError(e) ? e.code : 'not a FoodSafetyError';
  }
  return undefined;
}

/** 845 million yuan, the cover of the Dalian portfolio: 8.45 亿元. */
const COVER = fen(84_500_000_000);

describe('formatMoney in zh-CN', () => {
  it('shows yuan with grouping and 元 after the number, no space', () => {
    expect(formatMoney(fen(123456), { locale: 'zh-CN' })).toBe('1,234.56元');
    expect(formatMoney(fen(5), { locale: 'zh-CN' })).toBe('0.05元');
    expect(formatMoney(fen(123456), { locale: 'zh-CN', symbol: true })).toBe('¥1,234.56');
    expect(formatMoney(fen(123456), { locale: 'zh-CN', grouping: false })).toBe('1234.56元');
  });

  it('845 million yuan is 8.45亿元', () => {
    expect(formatMoney(COVER, { locale: 'zh-CN', unit: 'yi' })).toBe('8.45亿元');
    expect(formatMoney(COVER, { locale: 'zh-CN', unit: 'auto' })).toBe('8.45亿元');
    expect(formatMoney(COVER, { locale: 'zh-CN', unit: 'yi', symbol: true })).toBe('¥8.45亿');
    expect(formatMoney(COVER, { locale: 'zh-CN', unit: 'wan' })).toBe('84,500.00万元');
  });

  it('123,456 yuan is 12.35万元; a tie at the last digit rounds half-up unless told', () => {
    expect(formatMoney(yuan('123456'), { locale: 'zh-CN', unit: 'wan' })).toBe('12.35万元');
    const tie = yuan('123450'); // 12.345万
    expect(formatMoney(tie, { locale: 'zh-CN', unit: 'wan' })).toBe('12.35万元');
    expect(formatMoney(tie, { locale: 'zh-CN', unit: 'wan', rounding: 'half-even' })).toBe(
      '12.34万元',
    );
    expect(formatMoney(tie, { locale: 'zh-CN', unit: 'wan', rounding: 'floor' })).toBe('12.34万元');
    expect(formatMoney(yuan('-123450'), { locale: 'zh-CN', unit: 'wan' })).toBe('-12.35万元');
  });

  it('auto picks the largest unit the amount reaches, moving up when rounding carries', () => {
    const zh = (m: ReturnType<typeof fen>) => formatMoney(m, { locale: 'zh-CN', unit: 'auto' });
    expect(zh(yuan('9999'))).toBe('9,999.00元');
    expect(zh(yuan('10000'))).toBe('1.00万元');
    expect(zh(yuan('9999.99'))).toBe('9,999.99元');
    expect(zh(yuan('99999.99'))).toBe('10.00万元');
    expect(zh(yuan('99990000'))).toBe('9,999.00万元');
    expect(zh(yuan('99994999.99'))).toBe('9,999.50万元');
    expect(zh(yuan('99999999.50'))).toBe('1.00亿元');
    expect(zh(yuan('-250000'))).toBe('-25.00万元');
  });

  it('decimals, trimmed zeros and the sign of zero', () => {
    expect(formatMoney(fen(123450), { locale: 'zh-CN', decimals: 0 })).toBe('1,235元');
    expect(formatMoney(fen(123450), { locale: 'zh-CN', decimals: 0, rounding: 'half-even' })).toBe(
      '1,234元',
    );
    expect(formatMoney(fen(123456), { locale: 'zh-CN', decimals: 4 })).toBe('1,234.5600元');
    expect(formatMoney(fen(84_000_000_000), { locale: 'zh-CN', unit: 'yi', trimZeros: true })).toBe(
      '8.4亿元',
    );
    expect(formatMoney(fen(-1), { locale: 'zh-CN', unit: 'wan' })).toBe('0.00万元');
  });
});

describe('formatMoney in en', () => {
  it('writes CNY before the number', () => {
    expect(formatMoney(fen(123456), { locale: 'en' })).toBe('CNY 1,234.56');
    expect(formatMoney(fen(123456))).toBe('CNY 1,234.56'); // en is the default locale
    expect(formatMoney(fen(-123456), { locale: 'en' })).toBe('-CNY 1,234.56');
    expect(formatMoney(fen(123456), { locale: 'en', symbol: true })).toBe('¥1,234.56');
  });

  it('845 million yuan is CNY 845 million', () => {
    expect(formatMoney(COVER, { locale: 'en', unit: 'auto', trimZeros: true })).toBe(
      'CNY 845 million',
    );
    expect(formatMoney(COVER, { locale: 'en', unit: 'million' })).toBe('CNY 845.00 million');
    expect(formatMoney(COVER, { locale: 'en', unit: 'yi' })).toBe('CNY 8.45 hundred million');
    expect(formatMoney(fen(250_000_000_000n), { locale: 'en', unit: 'auto' })).toBe(
      'CNY 2.50 billion',
    );
    expect(formatMoney(yuan('12345'), { locale: 'en', unit: 'wan' })).toBe('CNY 1.23 ten thousand');
  });

  it('handles amounts far beyond 2^53 fen', () => {
    expect(formatMoney(fen(10n ** 25n), { locale: 'en' })).toBe(
      'CNY 100,000,000,000,000,000,000,000.00',
    );
  });
});

describe('formatMoney options', () => {
  it('rejects bad options with MONEY_FORMAT_OPTION_INVALID', () => {
    const m = fen(1);
    expect(thrownCode(() => formatMoney(m, { decimals: -1 }))).toBe('MONEY_FORMAT_OPTION_INVALID');
    expect(thrownCode(() => formatMoney(m, { decimals: 1.5 }))).toBe('MONEY_FORMAT_OPTION_INVALID');
    expect(thrownCode(() => formatMoney(m, { unit: 'lakh' as never }))).toBe(
      'MONEY_FORMAT_OPTION_INVALID',
    );
    expect(thrownCode(() => formatMoney(m, { locale: 'fr' as never }))).toBe(
      'MONEY_FORMAT_OPTION_INVALID',
    );
    expect(thrownCode(() => formatMoney(m, { rounding: 'nearest' as never }))).toBe(
      'MONEY_FORMAT_OPTION_INVALID',
    );
  });

  it('property: yuan with 2 decimals and no grouping reads back exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), (n) => {
        const text = formatMoney(fen(n), { locale: 'en', grouping: false }).replace('CNY ', '');
        return yuan(text).fen === n;
      }),
    );
  });
});
