/**
 * The code in docs/getting-started.md, run as written, so the guide cannot drift from the API.
 */
import {
  createChinaWorkdayCalendar,
  formatDiagnostic,
  formatMoney,
  permilleOf,
  yuan,
} from '@foodsafety/core';
import { parseBusinessOperator } from '@foodsafety/model';
import { describe, expect, it } from 'vitest';

describe('docs/getting-started.md', () => {
  it('§1 parses an operator and fills in defaults', () => {
    const result = parseBusinessOperator({
      id: 'op-canteen-001',
      name: '大连市某小学食堂',
      businessType: 'canteen',
      canteenKind: 'school',
      licences: [
        {
          kind: 'food-business',
          number: 'JY32102030000027',
          issuedOn: '2015-12-01',
          expiresOn: '2020-11-30',
        },
      ],
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.flags.schoolServing).toBe(false);
  });

  it('§1 reports bad data with a path and a Chinese message', () => {
    const result = parseBusinessOperator({
      id: 'op-1',
      name: 'x',
      businessType: 'canteen',
      canteenKind: 'school',
      licences: [
        {
          kind: 'food-business',
          number: 'JY3210',
          issuedOn: '2015-12-01',
          expiresOn: '2020-11-30',
        },
      ],
    });
    expect(result.ok).toBe(false);
    const line = formatDiagnostic(result.diagnostics[0]!, 'zh-CN');
    expect(line).toContain('$.licences[0].number');
  });

  it('§2 computes a premium of 3‰ in fen and a re-test deadline across National Day 2017', () => {
    const premium = permilleOf(yuan('1234567.89'), 3, 'half-even');
    // 123 456 789 fen × 3 / 1000 = 370 370.367 fen → 370 370 fen = 3 703.70 yuan
    expect(premium.fen).toBe(370_370n);
    expect(formatMoney(premium, { locale: 'zh-CN' })).toContain('3,703.70');
    const due = createChinaWorkdayCalendar().addWorkdays('2017-09-29', 7);
    // Working days after Fri 29 Sep 2017: Sat 30 Sep (调休 working day), then 1–8 Oct off,
    // then 9, 10, 11, 12, 13 Oct (Mon–Fri) and Mon 16 Oct → the 7th is 16 Oct.
    expect(due).toMatchObject({ ok: true, value: '2017-10-16' });
  });
});
