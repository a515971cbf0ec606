import { describe, expect, it } from 'vitest';
import {
  countBySeverity,
  createDiagnostic,
  formatDiagnostic,
  hasErrors,
  localizeDiagnostic,
  relocateDiagnostics,
  sortDiagnostics,
} from './diagnostic.js';
import { defineMessages, MessageCatalogue } from './message-catalogue.js';

const catalogue = new MessageCatalogue();
const messages = defineMessages(
  {
    TEST_TOO_WARM: {
      severity: 'error',
      'zh-CN': '温度 {value} °C 高于上限 {limit} °C',
      en: 'Temperature {value} °C is above the limit {limit} °C',
    },
    TEST_NOTE: { severity: 'info', 'zh-CN': '备注', en: 'A note' },
  },
  { source: 'test-suite', catalogue },
);

describe('createDiagnostic', () => {
  it('renders the English template with params, keeps path, params and source', () => {
    const d = createDiagnostic(
      messages.TEST_TOO_WARM,
      { value: 9.5, limit: 8 },
      { path: ['readings', 2, 'value'] },
    );
    expect(d).toEqual({
      code: 'TEST_TOO_WARM',
      severity: 'error',
      message: 'Temperature 9.5 °C is above the limit 8 °C',
      path: ['readings', 2, 'value'],
      params: { value: 9.5, limit: 8 },
      source: 'test-suite',
    });
  });

  it('lets the caller lower the severity and name another source', () => {
    const d = createDiagnostic(
      messages.TEST_TOO_WARM,
      { value: 9, limit: 8 },
      { severity: 'warning', source: 'lenient' },
    );
    expect(d.severity).toBe('warning');
    expect(d.source).toBe('lenient');
  });

  it('omits params when the message has none', () => {
    const d = createDiagnostic(messages.TEST_NOTE, {});
    expect('params' in d).toBe(false);
  });
});

describe('formatDiagnostic and localizeDiagnostic', () => {
  const d = createDiagnostic(
    messages.TEST_TOO_WARM,
    { value: 9.5, limit: 8 },
    { path: ['readings', 2, 'ex:temp'] },
  );

  it('formats one line in English with a JSONPath', () => {
    expect(formatDiagnostic(d, 'en', catalogue)).toBe(
      "error TEST_TOO_WARM at $.readings[2]['ex:temp']: Temperature 9.5 °C is above the limit 8 °C [test-suite]",
    );
  });

  it('formats one line in Chinese', () => {
    expect(formatDiagnostic(d, 'zh-CN', catalogue)).toBe(
      "错误 TEST_TOO_WARM 位于 $.readings[2]['ex:temp']：温度 9.5 °C 高于上限 8 °C [test-suite]",
    );
  });

  it('localizes the message and leaves unknown codes alone', () => {
    expect(localizeDiagnostic(d, 'zh-CN', catalogue).message).toBe('温度 9.5 °C 高于上限 8 °C');
    const unknown = { code: 'OTHER_CODE', severity: 'warning' as const, message: 'kept' };
    expect(localizeDiagnostic(unknown, 'zh-CN', catalogue)).toBe(unknown);
    expect(formatDiagnostic(unknown, 'en', catalogue)).toBe('warning OTHER_CODE: kept');
  });
});

describe('diagnostic lists', () => {
  const list = [
    { code: 'B_CODE', severity: 'info' as const, message: 'i' },
    { code: 'A_CODE', severity: 'error' as const, message: 'e', path: ['b'] },
    { code: 'A_CODE', severity: 'warning' as const, message: 'w' },
    { code: 'A_CODE', severity: 'error' as const, message: 'e', path: ['a'] },
  ];

  it('counts, detects errors and sorts most serious first without mutating', () => {
    const frozen = Object.freeze([...list]);
    expect(countBySeverity(frozen)).toEqual({ error: 2, warning: 1, info: 1 });
    expect(hasErrors(frozen)).toBe(true);
    expect(hasErrors([list[0]!, list[2]!])).toBe(false);
    expect(sortDiagnostics(frozen).map((d) => `${d.severity}:${d.path?.join('.') ?? ''}`)).toEqual([
      'error:a',
      'error:b',
      'warning:',
      'info:',
    ]);
  });

  it('relocates diagnostics under a prefix and fills in a missing source', () => {
    const [moved] = relocateDiagnostics([list[1]!], ['events', 4], 'trace');
    expect(moved).toMatchObject({ path: ['events', 4, 'b'], source: 'trace' });
  });
});
