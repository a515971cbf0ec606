import { formatDiagnostic } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import { safeCall } from './safe-call.js';

const target = { plugin: 'uk-fhrs', point: 'grading.schemes', key: 'uk-fhrs' };

describe('safeCall with odd thrown values', () => {
  it('describes anything thrown without throwing itself', () => {
    const bare = Object.assign(Object.create(null) as object, { n: 1n });
    for (const thrown of [bare, Symbol('s'), undefined, 12n]) {
      const r = safeCall(
        () => {
          throw thrown;
        },
        { plugin: 'p', point: 'x.y', key: 'k' },
      );
      expect(r.ok).toBe(false);
      expect(r.diagnostics[0]?.code).toBe('PLUGIN_RUNTIME_ERROR');
    }
  });
});

describe('safeCall', () => {
  it('returns the value as an ok result', () => {
    expect(safeCall(() => 42, target)).toEqual({ ok: true, value: 42, diagnostics: [] });
  });

  it('turns any throw into PLUGIN_RUNTIME_ERROR attributed to the plugin, in both locales', () => {
    const result = safeCall(
      () => {
        throw new Error('division by zero');
      },
      { ...target, path: ['inspections', 2] },
    );
    expect(result.ok).toBe(false);
    const [d] = result.diagnostics;
    expect(d).toMatchObject({
      code: 'PLUGIN_RUNTIME_ERROR',
      source: 'uk-fhrs',
      path: ['inspections', 2],
    });
    expect(formatDiagnostic(d!, 'en')).toBe(
      'error PLUGIN_RUNTIME_ERROR at $.inspections[2]: Plugin uk-fhrs failed while running uk-fhrs of grading.schemes: division by zero [uk-fhrs]',
    );
    expect(formatDiagnostic(d!, 'zh-CN')).toBe(
      '错误 PLUGIN_RUNTIME_ERROR 位于 $.inspections[2]：插件 uk-fhrs 在运行扩展点 grading.schemes 的 uk-fhrs 时出错：division by zero [uk-fhrs]',
    );
  });

  it('describes thrown non-errors too', () => {
    const thrown = [
      ['a string', 'a string'],
      [{ why: 'x' }, '{"why":"x"}'],
      [new Error(''), 'Error'],
    ] as const;
    for (const [value, shown] of thrown) {
      const result = safeCall(() => {
        throw value;
      }, target);
      expect(result.diagnostics[0]?.params?.error).toBe(shown);
    }
  });
});
