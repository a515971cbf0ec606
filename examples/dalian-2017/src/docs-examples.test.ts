/**
 * The code in docs/getting-started.md, run as written, so the guide cannot drift from the API:
 * one test per section with a ```ts block, named after it, checked line by line against the
 * guide (core's test-support/guide-check.ts), with assertions on what the guide's text says.
 */
import { readFileSync } from 'node:fs';
import * as foodsafetyCore from '@foodsafety/core';
import {
  createChinaWorkdayCalendar,
  formatDiagnostic,
  formatMoney,
  parseRuleSetMeta,
  permilleOf,
  yuan,
} from '@foodsafety/core';
import * as foodsafetyModel from '@foodsafety/model';
import { CN_FOOD_BUSINESS_LICENCE_RULES, parseBusinessOperator } from '@foodsafety/model';
import * as pluginSdk from '@foodsafety/plugin-sdk';
import { createEngine } from '@foodsafety/plugin-sdk';
import { describe, expect, it, vi } from 'vitest';
import { guideCheck } from '../../../packages/core/src/test-support/guide-check.js';
import {
  promisedOutputs,
  runBlock,
  tsBlocks,
} from '../../../packages/core/src/test-support/readme-examples.js';

const SECTIONS = [
  '1. Parse untrusted data once, at the boundary',
  '2. Compute with exact values',
  '3. Know where every rule comes from',
  '4. Extend it with plugins',
];
const MODULES: Readonly<Record<string, object>> = {
  '@foodsafety/core': foodsafetyCore,
  '@foodsafety/model': foodsafetyModel,
  '@foodsafety/plugin-sdk': pluginSdk,
};
/** What the guide's block of a section says that this file's test of it does not. */
const guideLinesMissingFromTest = guideCheck({
  guide: new URL('../../../docs/getting-started.md', import.meta.url),
  test: new URL(import.meta.url),
  sections: SECTIONS,
  modules: MODULES,
});

describe('docs/getting-started.md', () => {
  it('1. Parse untrusted data once, at the boundary', () => {
    expect(guideLinesMissingFromTest('1. Parse untrusted data once, at the boundary')).toEqual([]);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
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

      if (result.ok) {
        result.value.flags.schoolServing; // defaults filled in, types inferred from the schema
      } else {
        for (const d of result.diagnostics) console.log(formatDiagnostic(d, 'zh-CN'));
      }
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.value.flags.schoolServing).toBe(false); // the default
      expect(log).not.toHaveBeenCalled();

      // bad data: never an exception; every problem with a code, a path and a Chinese message
      const bad = parseBusinessOperator({
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
      expect(bad.ok).toBe(false);
      const first = bad.diagnostics[0]!;
      // the table's first code: the licence number does not have the JY format
      expect([first.code, first.severity, first.path]).toEqual([
        'SCHEMA_INVALID_FORMAT',
        'error',
        ['licences', 0, 'number'],
      ]);
      expect(formatDiagnostic(first, 'zh-CN')).toContain('$.licences[0].number');
      // the table's example: an expiry before the issue date
      const backwards = parseBusinessOperator({
        id: 'op-2',
        name: 'x',
        businessType: 'canteen',
        canteenKind: 'school',
        licences: [
          {
            kind: 'food-business',
            number: 'JY32102030000027',
            issuedOn: '2020-12-01',
            expiresOn: '2015-11-30',
          },
        ],
      });
      expect(backwards.diagnostics.map((d) => d.code)).toContain(
        'MODEL_LICENCE_EXPIRY_BEFORE_ISSUE',
      );
    } finally {
      log.mockRestore();
    }
  });

  it('2. Compute with exact values', () => {
    expect(guideLinesMissingFromTest('2. Compute with exact values')).toEqual([]);
    // A premium of 3‰ of annual sales, in integer fen — never floating yuan.
    const premium = permilleOf(yuan('1234567.89'), 3, 'half-even');
    formatMoney(premium, { locale: 'zh-CN' });

    const calendar = createChinaWorkdayCalendar();
    const due = calendar.addWorkdays('2017-09-29', 7); // Result<CalendarDate>: skips the National Day week

    // 123 456 789 fen × 3 / 1000 = 370 370.367 fen → 370 370 fen = 3 703.70 yuan
    expect(premium.fen).toBe(370_370n);
    expect(formatMoney(premium, { locale: 'zh-CN' })).toContain('3,703.70');
    // Working days after Fri 29 Sep 2017: Sat 30 Sep (调休 working day), then 1–8 Oct off,
    // then 9, 10, 11, 12, 13 Oct (Mon–Fri) and Mon 16 Oct → the 7th is 16 Oct.
    expect(due).toMatchObject({ ok: true, value: '2017-10-16' });
    // a date the holiday data does not cover is a diagnostic, not a guess
    const far = calendar.addWorkdays('1990-01-02', 1);
    expect(far.ok ? [] : far.diagnostics.map((d) => d.code)).toEqual(['CALENDAR_OUT_OF_RANGE']);
  });

  it('3. Know where every rule comes from', () => {
    expect(guideLinesMissingFromTest('3. Know where every rule comes from')).toEqual([]);
    const meta = parseRuleSetMeta(
      // biome-ignore format: the guide's layout
      { id: 'cn.food-business-licence', version: '2015', jurisdiction: 'CN', effectiveFrom: '2015-10-01',
  source: '食品经营许可管理办法 (CFDA Order No. 17, 2015)', confidence: 'secondary' },
    );
    expect(meta.ok).toBe(true);
    // the guide's example is the licence rule set the model package ships
    const { id, version, jurisdiction, effectiveFrom, confidence } =
      CN_FOOD_BUSINESS_LICENCE_RULES.meta;
    expect(meta.ok && meta.value).toMatchObject({
      id,
      version,
      jurisdiction,
      effectiveFrom,
      confidence,
    });
    expect(CN_FOOD_BUSINESS_LICENCE_RULES.meta.source).toContain(
      '食品经营许可管理办法 (CFDA Order No. 17, 2015)',
    );
  });

  it('4. Extend it with plugins', () => {
    expect(guideLinesMissingFromTest('4. Extend it with plugins')).toEqual([]);
    const engine = createEngine({
      plugins: [
        /* presets and your plugins */
      ],
      locale: 'zh-CN',
      onPluginError: 'isolate',
    });
    engine.diagnostics; // what went wrong while configuring, attributed to the plugin
    expect(engine.diagnostics).toEqual([]);
    expect(engine.plugins).toEqual([]);
  });
});

describe('README.md', () => {
  it('prints what its example says for an operator whose licence number is malformed', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const [block, ...others] = tsBlocks(readme);
    expect(others).toEqual([]);
    // the example's input, from outside: one licence whose number is not JY + 14 digits
    const untrustedJson = {
      id: 'op-1',
      name: '大连市某小学食堂',
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
    };
    const code = `const untrustedJson = ${JSON.stringify(untrustedJson)};\n${block}`;
    const printed = runBlock(code, {
      '@foodsafety/core': foodsafetyCore,
      '@foodsafety/model': foodsafetyModel,
    });
    const promised = promisedOutputs(block ?? '');
    expect(promised.length, 'the example shows what it prints').toBeGreaterThan(0);
    expect(printed).toHaveLength(promised.length);
    for (const [i, line] of printed.entries()) expect(line).toMatch(promised[i] as RegExp);
  });
});
