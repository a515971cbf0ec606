import { isFoodSafetyError } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { definePlugin, isPluginFactory, isPluginInstance } from './define-plugin.js';

const minimal = { name: 'p', version: '1.0.0', setup: () => {} };

function definitionError(definition: unknown): string {
  try {
    definePlugin(definition as Parameters<typeof definePlugin>[0]);
  } catch (error) {
    if (isFoodSafetyError(error, 'PLUGIN_DEFINITION_INVALID')) return String(error.params.field);
    throw error;
  }
  throw new Error('expected PLUGIN_DEFINITION_INVALID');
}

describe('definePlugin', () => {
  it('returns a factory whose instances carry the definition and the raw options', () => {
    const factory = definePlugin({
      ...minimal,
      options: z.object({ level: z.number().default(1) }),
      meta: { description: 'A test plugin', docs: 'https://example.org/p' },
    });
    expect(isPluginFactory(factory)).toBe(true);
    expect(factory.name).toBe('p');
    const instance = factory({ level: 2 });
    expect(isPluginInstance(instance)).toBe(true);
    expect(isPluginInstance(factory)).toBe(false);
    expect(instance).toMatchObject({ name: 'p', version: '1.0.0', rawOptions: { level: 2 } });
    expect(instance.definition.order).toBe('normal');
    expect(instance.definition.meta).toEqual({
      description: 'A test plugin',
      docs: 'https://example.org/p',
    });
    expect(Object.isFrozen(instance)).toBe(true);
  });

  it('parses requires and dependencies', () => {
    const factory = definePlugin({
      ...minimal,
      requires: { '@foodsafety/grading': '^0.1' },
      dependencies: ['preset-cn', '@acme/base@^2.0.0'],
      order: 'post',
    });
    expect(factory.definition.requires).toEqual([{ host: '@foodsafety/grading', range: '^0.1' }]);
    expect(factory.definition.dependencies).toEqual([
      { spec: 'preset-cn', name: 'preset-cn' },
      { spec: '@acme/base@^2.0.0', name: '@acme/base', range: '^2.0.0' },
    ]);
  });

  it('rejects malformed definitions with PLUGIN_DEFINITION_INVALID naming the field', () => {
    expect(definitionError({ ...minimal, name: '' })).toBe('name');
    expect(definitionError({ ...minimal, name: 'two words' })).toBe('name');
    expect(definitionError({ ...minimal, version: '1.0' })).toBe('version');
    expect(definitionError({ ...minimal, setup: undefined })).toBe('setup');
    expect(definitionError({ ...minimal, order: 'late' })).toBe('order');
    expect(definitionError({ ...minimal, requires: { host: 'not a range!' } })).toBe('requires');
    expect(definitionError({ ...minimal, dependencies: ['x@not-a-range'] })).toBe('dependencies');
    expect(definitionError({ ...minimal, dependencies: ['p'] })).toBe('dependencies');
    expect(definitionError({ ...minimal, options: { brand: 'rev8' } })).toBe('options');
    expect(
      definitionError({
        ...minimal,
        messages: { lower: { severity: 'error', 'zh-CN': 'x', en: 'x' } },
      }),
    ).toBe('messages');
    expect(
      definitionError({
        ...minimal,
        messages: { P_BAD: { severity: 'error', 'zh-CN': '{a}', en: '{b}' } },
      }),
    ).toBe('messages');
  });

  it('keeps plugin messages out of every catalogue until an engine takes them', () => {
    const factory = definePlugin({
      ...minimal,
      messages: { P_HELLO: { severity: 'info', 'zh-CN': '你好 {who}', en: 'Hello {who}' } },
    });
    expect(factory.messages.P_HELLO).toEqual({
      code: 'P_HELLO',
      severity: 'info',
      templates: { 'zh-CN': '你好 {who}', en: 'Hello {who}' },
      source: 'p',
    });
  });
});
