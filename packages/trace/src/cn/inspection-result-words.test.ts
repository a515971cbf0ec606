import { describe, expect, it } from 'vitest';
import { inspectionResultName } from './inspection-result-words.js';

describe('inspectionResultName', () => {
  it('names a result in Chinese in any CBV spelling, and keeps the CBV word in English', () => {
    for (const written of [
      'non_conformant',
      'urn:epcglobal:cbv:disp:non_conformant',
      'https://ref.gs1.org/cbv/Disp-non_conformant',
    ])
      expect(inspectionResultName(written)).toEqual({ 'zh-CN': '不合格', en: 'non_conformant' });
    expect(inspectionResultName('conformant')).toEqual({ 'zh-CN': '合格', en: 'conformant' });
  });
  it('shows a result it has no name for as written, and says when none was recorded', () => {
    expect(inspectionResultName('fsk:pending_lab')).toEqual({
      'zh-CN': 'fsk:pending_lab',
      en: 'fsk:pending_lab',
    });
    expect(inspectionResultName(undefined)).toEqual({ 'zh-CN': '未记录', en: '(none)' });
  });
});
