import { createDiagnostic, defaultCatalogue, formatDiagnostic } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import { modelMessages } from './model-messages.js';

describe('model messages', () => {
  it('registers every MODEL_ code in the default catalogue with both locales', () => {
    const codes = Object.keys(modelMessages);
    expect(codes.length).toBeGreaterThan(20);
    for (const code of codes) {
      expect(code).toMatch(/^MODEL_[A-Z_]+$/);
      const descriptor = defaultCatalogue.get(code);
      expect(descriptor?.source).toBe('@foodsafety/model');
      expect(descriptor?.templates['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(descriptor?.templates.en).toMatch(/[a-z]/);
    }
  });

  it('renders a diagnostic in Chinese and English', () => {
    const d = createDiagnostic(
      modelMessages.MODEL_LICENCE_EXPIRY_BEFORE_ISSUE,
      { issuedOn: '2016-08-15', expiresOn: '2016-08-14' },
      { path: ['licences', 0, 'expiresOn'] },
    );
    expect(formatDiagnostic(d, 'zh-CN')).toBe(
      '错误 MODEL_LICENCE_EXPIRY_BEFORE_ISSUE 位于 $.licences[0].expiresOn：许可证有效期截止日 2016-08-14 早于发证日 2016-08-15 [@foodsafety/model]',
    );
    expect(formatDiagnostic(d, 'en')).toBe(
      'error MODEL_LICENCE_EXPIRY_BEFORE_ISSUE at $.licences[0].expiresOn: Licence expiry 2016-08-14 is before its issue date 2016-08-15 [@foodsafety/model]',
    );
  });
});
