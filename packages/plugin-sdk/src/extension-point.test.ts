import { isFoodSafetyError } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createEngine } from './create-engine.js';
import { definePlugin } from './define-plugin.js';
import { defineExtensionPoint } from './extension-point.js';

interface Profile {
  readonly name: string;
  readonly maxHours: number;
}

describe('defineExtensionPoint', () => {
  it('returns a frozen token with id, key, host and description', () => {
    const point = defineExtensionPoint<Profile>({
      id: 'trace.profiles',
      key: (p) => p.name,
      host: { name: '@foodsafety/trace', version: '0.1.0' },
      description: 'Traceability profiles',
    });
    expect(point.id).toBe('trace.profiles');
    expect(point.key({ name: 'cn-meat', maxHours: 4 })).toBe('cn-meat');
    expect(point.host).toEqual({ name: '@foodsafety/trace', version: '0.1.0' });
    expect(point.check({ name: 'x', maxHours: 1 })).toEqual([]);
    expect(Object.isFrozen(point)).toBe(true);
  });

  it('rejects bad ids, keys, hosts and validators with PLUGIN_EXTENSION_POINT_INVALID', () => {
    const bad = [
      { id: 'Grading', key: () => 'k' },
      { id: 'grading..schemes', key: () => 'k' },
      { id: 'grading.schemes', key: 'id' },
      { id: 'grading.schemes', key: () => 'k', host: { name: '', version: '1.0.0' } },
      {
        id: 'grading.schemes',
        key: () => 'k',
        host: { name: '@foodsafety/grading', version: '0.1' },
      },
      { id: 'grading.schemes', key: () => 'k', validate: 42 },
    ];
    for (const definition of bad) {
      try {
        defineExtensionPoint(definition as never);
        expect.unreachable();
      } catch (error) {
        expect(isFoodSafetyError(error, 'PLUGIN_EXTENSION_POINT_INVALID')).toBe(true);
      }
    }
  });
});

describe('contribution validation', () => {
  const withSchema = defineExtensionPoint<Profile>({
    id: 'trace.profiles',
    key: (p) => p.name,
    validate: z.object({ name: z.string().min(1), maxHours: z.number().positive() }),
  });
  const withFunction = defineExtensionPoint<Profile>({
    id: 'trace.profiles',
    key: (p) => p.name,
    validate: (p) =>
      p.maxHours > 48
        ? [{ code: 'TRACE_PROFILE_SLOW', severity: 'warning', message: 'slow', path: ['maxHours'] }]
        : p.maxHours <= 0
          ? [{ code: 'TRACE_PROFILE_BAD', severity: 'error', message: 'bad', path: ['maxHours'] }]
          : [],
  });
  const contributing = (point: typeof withSchema, profile: Profile) =>
    definePlugin({
      name: 'profiles',
      version: '1.0.0',
      setup: (ctx) => ctx.contribute(point, profile),
    })();

  it('rejects a contribution failing the zod schema, with paths under the contribution', () => {
    const engine = createEngine({
      plugins: [contributing(withSchema, { name: 'cn-meat', maxHours: -4 })],
      onPluginError: 'isolate',
    });
    const at = ['plugins', 'profiles', 'contributions', 'trace.profiles', 'cn-meat'];
    expect(engine.diagnostics.map((d) => [d.code, d.path, d.source])).toEqual([
      ['PLUGIN_CONTRIBUTION_INVALID', at, 'profiles'],
      ['SCHEMA_TOO_SMALL', [...at, 'maxHours'], 'profiles'],
    ]);
    expect(engine.has(withSchema, 'cn-meat')).toBe(false);
  });

  it('keeps a contribution with only warnings from a validator function, and reports them', () => {
    const engine = createEngine({
      plugins: [contributing(withFunction, { name: 'slow', maxHours: 72 })],
    });
    expect(engine.has(withFunction, 'slow')).toBe(true);
    expect(engine.diagnostics).toEqual([
      expect.objectContaining({
        code: 'TRACE_PROFILE_SLOW',
        path: ['plugins', 'profiles', 'contributions', 'trace.profiles', 'slow', 'maxHours'],
        source: 'profiles',
      }),
    ]);
    const bad = createEngine({
      plugins: [contributing(withFunction, { name: 'bad', maxHours: 0 })],
      onPluginError: 'isolate',
    });
    expect(bad.diagnostics.map((d) => d.code)).toEqual([
      'PLUGIN_CONTRIBUTION_INVALID',
      'TRACE_PROFILE_BAD',
    ]);
  });

  it('reports a key that is empty, not a string, or throws', () => {
    const engine = createEngine({
      plugins: [
        contributing(withSchema, { name: '', maxHours: 1 }),
        definePlugin({
          name: 'nameless',
          version: '1.0.0',
          setup: (ctx) => ctx.contribute(withSchema, null as unknown as Profile),
        })(),
      ],
      onPluginError: 'isolate',
    });
    expect(engine.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['PLUGIN_KEY_INVALID', ['plugins', 'profiles', 'contributions', 'trace.profiles', 0]],
      ['PLUGIN_KEY_INVALID', ['plugins', 'nameless', 'contributions', 'trace.profiles', 0]],
    ]);
    expect(engine.diagnostics[1]?.params?.error).toMatch(/null/);
  });
});
