/**
 * createEngine and definePlugin under arbitrary plugin-ish input: they return, or throw a
 * programmer error (FoodSafetyError with a PLUGIN_ code) — never a TypeError, never a hang — and
 * they never modify what they are given.
 */
import { isFoodSafetyError } from '@foodsafety/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { arbitraryInput } from '../../core/src/test-support/arbitrary-input.js';
import { createEngine } from './create-engine.js';
import { definePlugin } from './define-plugin.js';
import { defineExtensionPoint } from './extension-point.js';

const items = defineExtensionPoint<{ readonly id: string }>({ id: 'fuzz.items', key: (i) => i.id });

function expectProgrammerError(error: unknown): void {
  expect(isFoodSafetyError(error), String(error)).toBe(true);
  expect((error as { code: string }).code).toMatch(/^PLUGIN_[A-Z_]+$/);
}

/** Call `fn`; it may return or throw a PLUGIN_ programmer error, nothing else. */
function returnsOrThrowsCoded(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    expectProgrammerError(error);
  }
}

const good = definePlugin({
  name: 'good',
  version: '1.0.0',
  options: z.object({ n: z.number().default(1) }),
  setup: (ctx, options) => ctx.contribute(items, { id: `n${options.n}` }),
});

describe('definePlugin with arbitrary fields', () => {
  it('returns a factory or throws PLUGIN_DEFINITION_INVALID, and leaves the definition alone', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            name: fc.oneof(fc.constantFrom('p', '@acme/p'), arbitraryInput),
            version: fc.oneof(fc.constant('1.0.0'), arbitraryInput),
            requires: fc.oneof(fc.constant({ '@foodsafety/plugin-sdk': '*' }), arbitraryInput),
            dependencies: fc.oneof(fc.constant(['q@^1']), arbitraryInput),
            order: fc.oneof(fc.constantFrom('pre', 'normal', 'post'), arbitraryInput),
            options: arbitraryInput,
            meta: arbitraryInput,
            messages: arbitraryInput,
            setup: fc.oneof(
              fc.constant(() => undefined),
              arbitraryInput,
            ),
          },
          { requiredKeys: [] },
        ),
        (definition) => {
          const before = fc.stringify(definition);
          try {
            definePlugin(definition as never);
          } catch (error) {
            expectProgrammerError(error);
            expect((error as { code: string }).code).toBe('PLUGIN_DEFINITION_INVALID');
          }
          expect(fc.stringify(definition)).toBe(before);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('createEngine with arbitrary plugin-ish input', () => {
  const entry = fc.oneof(
    fc.constant(good()),
    fc.constant(good({ n: 2 })),
    arbitraryInput.map((options) => good(options as never)),
    fc.constant(good),
    arbitraryInput,
  );

  it('returns an engine or throws a PLUGIN_ error, and never modifies its input', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            plugins: fc.oneof(
              fc.array(fc.oneof(entry, fc.array(entry, { maxLength: 3 }))),
              arbitraryInput,
            ),
            locale: fc.oneof(fc.constantFrom('zh-CN', 'en'), arbitraryInput),
            onPluginError: fc.oneof(fc.constantFrom('throw', 'isolate'), arbitraryInput),
            hosts: fc.oneof(fc.constant({ '@foodsafety/grading': '0.1.0' }), arbitraryInput),
          },
          { requiredKeys: [] },
        ),
        (options) => {
          const before = fc.stringify(options);
          returnsOrThrowsCoded(() => createEngine(options as never));
          expect(fc.stringify(options)).toBe(before);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('accepts any value as options, including none at all', () => {
    fc.assert(
      fc.property(arbitraryInput, (options) => {
        returnsOrThrowsCoded(() => createEngine(options as never));
      }),
      { numRuns: 300 },
    );
    returnsOrThrowsCoded(() => (createEngine as (o?: unknown) => unknown)());
  });
});

describe('the cases the fuzzing found, pinned', () => {
  const code = (fn: () => unknown): string | undefined => {
    try {
      fn();
    } catch (error) {
      return isFoodSafetyError(error) ? error.code : `not coded: ${String(error)}`;
    }
    return undefined;
  };
  const bare = Object.create(null) as never;

  it('a locale or error mode that String() cannot render is still PLUGIN_ENGINE_OPTIONS_INVALID', () => {
    expect(code(() => createEngine({ plugins: [], locale: bare }))).toBe(
      'PLUGIN_ENGINE_OPTIONS_INVALID',
    );
    expect(code(() => createEngine({ plugins: [], onPluginError: bare }))).toBe(
      'PLUGIN_ENGINE_OPTIONS_INVALID',
    );
  });

  it('hosts that are not an object are PLUGIN_ENGINE_OPTIONS_INVALID, not read char by char', () => {
    expect(code(() => createEngine({ plugins: [], hosts: '1.0.0' as never }))).toBe(
      'PLUGIN_ENGINE_OPTIONS_INVALID',
    );
    expect(code(() => createEngine({ plugins: [], hosts: [] as never }))).toBe(
      'PLUGIN_ENGINE_OPTIONS_INVALID',
    );
  });

  it('dependencies, requires and meta of the wrong shape are PLUGIN_DEFINITION_INVALID', () => {
    const base = { name: 'p', version: '1.0.0', setup: () => undefined };
    for (const extra of [
      { dependencies: {} },
      { dependencies: new Set(['q']) },
      { dependencies: 'q' },
      { requires: '^1.0.0' },
      { requires: ['^1.0.0'] },
      { meta: 'docs' },
      { name: bare },
      { version: bare },
      { order: bare },
    ]) {
      expect(code(() => definePlugin({ ...base, ...extra } as never))).toBe(
        'PLUGIN_DEFINITION_INVALID',
      );
    }
  });

  it('a preset that contains itself is PLUGIN_ENTRY_INVALID, not a stack overflow', () => {
    const preset: unknown[] = [good()];
    preset.push(preset);
    expect(code(() => createEngine({ plugins: [preset as never] }))).toBe('PLUGIN_ENTRY_INVALID');
    // The same preset twice side by side is fine (not a cycle): the duplicate name is reported.
    const shared = [good()];
    const engine = createEngine({ plugins: [shared, shared], onPluginError: 'isolate' });
    expect(engine.diagnostics.map((d) => d.code)).toEqual(['PLUGIN_DUPLICATE_NAME']);
  });
});
