import { describe, expect, it } from 'vitest';
import { localizeDiagnostic } from './diagnostic.js';
import { describeRuleSet, parseRuleSetMeta } from './rule-set-meta.js';

const valid = {
  id: 'cn.catering-grading',
  version: '2012',
  jurisdiction: 'CN',
  effectiveFrom: '2012-01-01',
  source: '餐饮服务食品安全监督量化分级管理工作指南 (2012)',
  confidence: 'secondary',
};

describe('parseRuleSetMeta', () => {
  it('accepts complete metadata and flags a non-verified source with an info diagnostic', () => {
    const result = parseRuleSetMeta(valid);
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['RULESET_NOT_VERIFIED', 'info'],
    ]);
    expect(result.ok && describeRuleSet(result.value)).toBe(
      'cn.catering-grading@2012 (CN, secondary)',
    );
  });

  it('names the sources in the words of the locale, the confidence kept as data', () => {
    const [d] = parseRuleSetMeta(valid).diagnostics;
    if (d === undefined) throw new Error('no finding');
    expect(d.message).toBe(
      'Rule set cn.catering-grading@2012 rests on secondary sources; its figures may be overridden',
    );
    expect(localizeDiagnostic(d, 'zh-CN').message).toBe(
      '规则集 cn.catering-grading@2012 的依据为二手来源（secondary），数值可按需覆盖',
    );
    expect(d.params?.confidence).toBe('secondary');
    const [u] = parseRuleSetMeta({ ...valid, confidence: 'unverified' }).diagnostics;
    expect(u && localizeDiagnostic(u, 'zh-CN').message).toContain(
      '依据为未核实的来源（unverified）',
    );
  });

  it('has nothing to say about verified metadata', () => {
    const result = parseRuleSetMeta({ ...valid, confidence: 'verified' });
    expect(result).toEqual({
      ok: true,
      value: { ...valid, confidence: 'verified' },
      diagnostics: [],
    });
  });

  it('reports every missing field, the bad date and the bad confidence, each with its path', () => {
    const result = parseRuleSetMeta(
      { id: '', version: '1', effectiveFrom: '2021-02-30', confidence: 'sure' },
      ['ruleSet'],
    );
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => `${d.code} ${d.path?.join('.')}`)).toEqual([
      'RULESET_FIELD_MISSING ruleSet.id',
      'RULESET_FIELD_MISSING ruleSet.jurisdiction',
      'RULESET_FIELD_MISSING ruleSet.source',
      'RULESET_DATE_INVALID ruleSet.effectiveFrom',
      'RULESET_CONFIDENCE_INVALID ruleSet.confidence',
    ]);
  });

  it('rejects non-objects without throwing', () => {
    for (const input of [null, 3, 'x', [], undefined]) {
      expect(parseRuleSetMeta(input).ok).toBe(false);
    }
  });
});
