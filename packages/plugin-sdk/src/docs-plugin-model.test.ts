/**
 * The code of docs/plugin-model.md, run as written, so the guide cannot drift from the API.
 *
 * Each `it` is named after a section of the guide and holds that section's ```ts block: its
 * lines, in order (the check compares them without whitespace or comments, so the formatter may
 * lay them out its own way), with the minimal context the block needs (`presetCn`, `thrower`,
 * `score`, `sumScorer`…) and assertions on what the guide's text and comments say. A section
 * with a second block gets a second test, named with ` (2)`. The block of "Testing a plugin"
 * registers tests itself, so it stands in a `describe` of that name. The imports of each block
 * are checked against the modules the guide names; in this file they come from the package's
 * source (`./index.js`, `./testing/index.js`).
 */
import * as foodsafetyCore from '@foodsafety/core';
import {
  createDiagnostic,
  type Diagnostic,
  fail,
  isFoodSafetyError,
  ok,
  type Result,
} from '@foodsafety/core';
import * as vitest from 'vitest';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as zod from 'zod';
import { z } from 'zod';
import { guideCheck } from '../../core/src/test-support/guide-check.js';
import * as pluginSdk from './index.js';
import {
  createEngine,
  defineExtensionPoint,
  definePlugin,
  type Engine,
  type PluginContext,
  resolvePluginOrder,
  safeCall,
} from './index.js';
import * as testingApi from './testing/index.js';
import { createPluginTester, expectDiagnostics, matchDiagnostics } from './testing/index.js';

// ---- the guide and this file, read as text ----------------------------------------------------

/** The sections of the guide with a ```ts block, in order: one test each below. */
const SECTIONS = [
  'Concepts',
  'Lifecycle: configure → freeze → run',
  'Ordering',
  'Options',
  'Options (2)',
  'Errors and isolation',
  'At run time',
  'Duplicate keys and override',
  'Messages',
  'Testing a plugin',
];

/** What the guide's imports name, by module. */
const MODULES: Readonly<Record<string, object>> = {
  '@foodsafety/plugin-sdk': pluginSdk,
  '@foodsafety/plugin-sdk/testing': testingApi,
  '@foodsafety/core': foodsafetyCore,
  zod,
  vitest,
};

/** What the guide's block of a section says that this file's test of it does not. */
const guideLinesMissingFromTest = guideCheck({
  guide: new URL('../../../docs/plugin-model.md', import.meta.url),
  test: new URL(import.meta.url),
  sections: SECTIONS,
  modules: MODULES,
});

// ---- shared context ----------------------------------------------------------------------------

/** The extension point and the UK plugin of "Concepts", for the later sections. */
interface GradingScheme {
  readonly id: string;
  readonly bands: readonly string[];
  readonly grade: (score: number) => string;
}
const gradingSchemes = defineExtensionPoint<GradingScheme>({
  id: 'grading.schemes',
  key: (s) => s.id,
  host: { name: '@foodsafety/grading', version: '0.1.0' },
  description: 'Grading schemes, by id',
});
const ukFhrs = definePlugin({
  name: 'uk-fhrs',
  version: '1.0.0',
  requires: { '@foodsafety/grading': '^0.1' },
  dependencies: [],
  options: z.object({ brandStandard: z.enum(['rev7', 'rev8']).default('rev8') }),
  meta: { description: 'UK Food Hygiene Rating Scheme', docs: 'https://example.org/uk-fhrs' },
  setup: (ctx, options) => {
    ctx.contribute(gradingSchemes, {
      id: 'uk-fhrs',
      bands: ['0', '1', '2', '3', '4', '5'],
      grade: (score) => (score >= (options.brandStandard === 'rev8' ? 90 : 85) ? '5' : '4'),
    });
  },
});

/** China's catering grades, as the preset of the guide contributes them (A, B, C). */
const presetCn = definePlugin({
  name: 'preset-cn',
  version: '0.1.0',
  setup: (ctx) => {
    ctx.contribute(gradingSchemes, {
      id: 'cn-catering',
      bands: ['A', 'B', 'C'],
      grade: (score) => (score >= 90 ? 'A' : score >= 70 ? 'B' : 'C'),
    });
  },
});

/** The engine of "Concepts". */
const conceptsEngine = () =>
  createEngine({
    plugins: [presetCn(), ukFhrs({ brandStandard: 'rev8' })],
    locale: 'zh-CN',
    onPluginError: 'isolate',
  });

/** The plugin of "Options". */
const strict = definePlugin({
  name: 'strict-plugin',
  version: '1.0.0',
  options: z.object({
    threshold: z.number().min(0).max(100),
    bands: z.array(z.string()).default(['A']),
  }),
  setup: () => {},
});

/** Plugin names in setup order. */
const setupOrder = (engine: Engine) =>
  engine.plugins
    .filter((p) => p.position !== undefined)
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
    .map((p) => p.name);

/** A plugin factory of the given name and order, contributing nothing. */
const plugin = (name: string, order?: 'pre' | 'post', dependencies?: string[]) =>
  definePlugin({
    name,
    version: '1.0.0',
    ...(order === undefined ? {} : { order }),
    ...(dependencies === undefined ? {} : { dependencies }),
    setup: () => {},
  });

/** The scorer of "Testing a plugin": adds points, capped; empty or negative points are findings. */
interface Scorer {
  readonly id: string;
  readonly score: (input: { readonly points: readonly number[] }) => Result<number>;
}
const scorers = defineExtensionPoint<Scorer>({ id: 'scoring.scorers', key: (s) => s.id });
const sumScorer = definePlugin({
  name: 'sum-scorer',
  version: '1.0.0',
  options: z.object({ cap: z.number().min(0).default(100) }),
  messages: {
    SCORING_EMPTY: { severity: 'error', 'zh-CN': '没有分数', en: 'No points' },
    SCORING_NEGATIVE: {
      severity: 'error',
      'zh-CN': '分数 {value} 为负',
      en: 'Points {value} are negative',
    },
  },
  setup: (ctx, options) => {
    ctx.contribute(scorers, {
      id: 'sum',
      score: ({ points }) => {
        if (points.length === 0) return fail([ctx.diagnostic(ctx.messages.SCORING_EMPTY, {})]);
        const negative = points.flatMap((value, i) =>
          value < 0
            ? [ctx.diagnostic(ctx.messages.SCORING_NEGATIVE, { value }, { path: ['points', i] })]
            : [],
        );
        if (negative.length > 0) return fail(negative);
        return ok(
          Math.min(
            options.cap,
            points.reduce((sum, x) => sum + x, 0),
          ),
        );
      },
    });
  },
});

describe('docs/plugin-model.md', () => {
  it('Concepts', () => {
    expect(guideLinesMissingFromTest('Concepts')).toEqual([]);

    // a domain package declares what can be extended
    interface GradingScheme {
      readonly id: string;
      readonly bands: readonly string[];
      readonly grade: (score: number) => string;
    }
    const gradingSchemes = defineExtensionPoint<GradingScheme>({
      id: 'grading.schemes',
      key: (s) => s.id,
      host: { name: '@foodsafety/grading', version: '0.1.0' },
      description: 'Grading schemes, by id',
    });

    // a plugin contributes
    const ukFhrs = definePlugin({
      name: 'uk-fhrs',
      version: '1.0.0',
      requires: { '@foodsafety/grading': '^0.1' }, // host compatibility
      dependencies: [], // other plugins it needs
      options: z.object({ brandStandard: z.enum(['rev7', 'rev8']).default('rev8') }),
      meta: { description: 'UK Food Hygiene Rating Scheme', docs: 'https://example.org/uk-fhrs' },
      setup: (ctx, options) => {
        ctx.contribute(gradingSchemes, {
          id: 'uk-fhrs',
          bands: ['0', '1', '2', '3', '4', '5'],
          grade: (score) => (score >= (options.brandStandard === 'rev8' ? 90 : 85) ? '5' : '4'),
        });
      },
    });
    // context: China's preset, contributing the catering grades to this point
    const presetCn = definePlugin({
      name: 'preset-cn',
      version: '0.1.0',
      setup: (ctx) => {
        ctx.contribute(gradingSchemes, {
          id: 'cn-catering',
          bands: ['A', 'B', 'C'],
          grade: () => 'A',
        });
      },
    });

    // the host: configure, then freeze, then run
    const engine = createEngine({
      plugins: [presetCn(), ukFhrs({ brandStandard: 'rev8' })],
      locale: 'zh-CN',
      onPluginError: 'isolate',
    });
    const scheme = engine.get(gradingSchemes, 'uk-fhrs'); // GradingScheme | undefined
    expectTypeOf(scheme).toEqualTypeOf<GradingScheme | undefined>();
    expect(scheme?.bands).toEqual(['0', '1', '2', '3', '4', '5']);
    expect([scheme?.grade(90), scheme?.grade(89)]).toEqual(['5', '4']);
    expect(engine.get(gradingSchemes, 'nope')).toBeUndefined();
    // the requires range was checked against the host version the point declares
    expect(engine.diagnostics).toEqual([]);
    // the same plugin with rev7 grades 85 as 5
    const rev7 = createEngine({ plugins: [ukFhrs({ brandStandard: 'rev7' })] });
    expect(rev7.get(gradingSchemes, 'uk-fhrs')?.grade(85)).toBe('5');
    // a preset is an array of plugins, passed as one entry (nested arrays allowed)
    const nested = createEngine({ plugins: [[presetCn(), [ukFhrs()]]] });
    expect(nested.keys(gradingSchemes)).toEqual(['cn-catering', 'uk-fhrs']);
    // the id is dotted lower case
    expect(() => defineExtensionPoint<GradingScheme>({ id: 'Grading', key: (s) => s.id })).toThrow(
      expect.objectContaining({ code: 'PLUGIN_EXTENSION_POINT_INVALID' }),
    );
    // a zod schema as validate: a contribution that fails it is not accepted
    const checked = defineExtensionPoint<{ id: string; bands: string[] }>({
      id: 'grading.checked',
      key: (s) => s.id,
      validate: z.object({ id: z.string(), bands: z.array(z.string()).min(1) }),
    });
    const empty = definePlugin({
      name: 'empty-bands',
      version: '1.0.0',
      setup: (ctx) => ctx.contribute(checked, { id: 'x', bands: [] }),
    });
    const refused = createEngine({ plugins: [empty()], onPluginError: 'isolate' });
    expect(refused.diagnostics[0]?.code).toBe('PLUGIN_CONTRIBUTION_INVALID');
    expect(refused.has(checked, 'x')).toBe(false);
  });

  it('Lifecycle: configure → freeze → run', () => {
    expect(guideLinesMissingFromTest('Lifecycle: configure → freeze → run')).toEqual([]);
    // context: the engine of "Concepts"
    const engine = conceptsEngine();

    const plugins = engine.plugins;
    expect(plugins).toEqual([
      {
        name: 'preset-cn',
        version: '0.1.0',
        order: 'normal',
        status: 'active',
        position: 0,
        diagnostics: [],
      },
      {
        name: 'uk-fhrs',
        version: '1.0.0',
        order: 'normal',
        status: 'active',
        position: 1,
        meta: { description: 'UK Food Hygiene Rating Scheme', docs: 'https://example.org/uk-fhrs' },
        diagnostics: [],
      },
    ]);

    // 1. falsy entries are skipped; a name registered twice: the first registration is kept
    const flagged = createEngine({
      plugins: [false, null, undefined, presetCn(), presetCn()],
      onPluginError: 'isolate',
    });
    expect(flagged.plugins.map((p) => [p.name, p.status])).toEqual([
      ['preset-cn', 'active'],
      ['preset-cn', 'failed'],
    ]);
    expect(flagged.diagnostics.map((d) => d.code)).toEqual(['PLUGIN_DUPLICATE_NAME']);
    expect(flagged.keys(gradingSchemes)).toEqual(['cn-catering']);
    // a factory you forgot to call is a programmer error
    expect(() =>
      createEngine({ plugins: [presetCn as unknown as ReturnType<typeof presetCn>] }),
    ).toThrow(expect.objectContaining({ code: 'PLUGIN_ENTRY_INVALID' }));
    // 3. a dependency must be registered, with a version in range
    const needy = plugin('needy', undefined, ['preset-cn@^1.0.0']);
    const missing = createEngine({ plugins: [needy()], onPluginError: 'isolate' });
    expect(missing.diagnostics.map((d) => d.code)).toEqual(['PLUGIN_DEPENDENCY_MISSING']);
    const mismatch = createEngine({ plugins: [presetCn(), needy()], onPluginError: 'isolate' });
    expect(mismatch.diagnostics.map((d) => d.code)).toEqual(['PLUGIN_DEPENDENCY_VERSION_MISMATCH']);
    // 4. a dependency cycle is reported with its path
    const a = plugin('a', undefined, ['b']);
    const b = plugin('b', undefined, ['c']);
    const c = plugin('c', undefined, ['a']);
    const cycle = createEngine({ plugins: [a(), b(), c()], onPluginError: 'isolate' });
    expect(cycle.diagnostics[0]?.code).toBe('PLUGIN_DEPENDENCY_CYCLE');
    expect(cycle.diagnostics[0]?.message).toContain('a → b → c → a');
    // 5. a host nobody declared is a warning: not checked
    const unknownHost = definePlugin({
      name: 'unknown-host',
      version: '1.0.0',
      requires: { '@acme/nowhere': '^1' },
      setup: () => {},
    });
    const warned = createEngine({ plugins: [unknownHost()] });
    expect(warned.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['PLUGIN_HOST_UNKNOWN', 'warning'],
    ]);
    // a requires range the host's version does not satisfy: the plugin contributes nothing
    const tooNew = createEngine({
      plugins: [ukFhrs()],
      hosts: { '@foodsafety/grading': '1.0.0' },
      onPluginError: 'isolate',
    });
    expect(tooNew.diagnostics.map((d) => d.code)).toEqual(['PLUGIN_HOST_VERSION_MISMATCH']);
    expect(tooNew.keys(gradingSchemes)).toEqual([]);
    // 6. a context kept past its setup throws PLUGIN_CONTEXT_CLOSED (here in a later plugin's
    // setup, which then fails), and after createEngine returns PLUGIN_ENGINE_FROZEN
    let kept: PluginContext | undefined;
    const keeper = definePlugin({
      name: 'keeper',
      version: '1.0.0',
      setup: (ctx) => {
        kept = ctx;
      },
    });
    const late = { id: 'late', bands: [], grade: () => '' };
    const user = definePlugin({
      name: 'user',
      version: '1.0.0',
      setup: () => kept?.contribute(gradingSchemes, late),
    });
    const closed = createEngine({ plugins: [keeper(), user()], onPluginError: 'isolate' });
    expect(closed.diagnostics.map((d) => [d.code, d.source])).toEqual([
      ['PLUGIN_SETUP_THREW', 'user'],
    ]);
    expect(closed.diagnostics[0]?.message).toContain('PLUGIN_CONTEXT_CLOSED');
    expect(() => kept?.contribute(gradingSchemes, late)).toThrow(
      expect.objectContaining({ code: 'PLUGIN_ENGINE_FROZEN' }),
    );
    // run: require throws PLUGIN_KEY_UNKNOWN; entries and owner say who contributed what
    expect(() => engine.require(gradingSchemes, 'nope')).toThrow(
      expect.objectContaining({ code: 'PLUGIN_KEY_UNKNOWN' }),
    );
    expect(engine.entries(gradingSchemes).map((e) => [e.key, e.plugin])).toEqual([
      ['cn-catering', 'preset-cn'],
      ['uk-fhrs', 'uk-fhrs'],
    ]);
    expect(engine.owner(gradingSchemes, 'uk-fhrs')).toBe('uk-fhrs');
    // frozen, and the same options give the same engine
    expect(Object.isFrozen(engine)).toBe(true);
    expect(conceptsEngine().plugins).toEqual(engine.plugins);
  });

  it('Ordering', () => {
    expect(guideLinesMissingFromTest('Ordering')).toEqual([]);
    // context: plugins named after their phase; `a` is pre and depends on `c`, which is post
    const [n1, n2, pre1, pre2, post1] = [
      plugin('n1'),
      plugin('n2'),
      plugin('pre1', 'pre'),
      plugin('pre2', 'pre'),
      plugin('post1', 'post'),
    ];
    const first = plugin('first');
    const zeta = plugin('zeta');
    const alpha = plugin('alpha');
    const mid = plugin('mid');
    const a = plugin('a', 'pre', ['c']);
    const b = plugin('b');
    const c = plugin('c', 'post');

    const phases = createEngine({ plugins: [n1(), post1(), pre1(), n2(), pre2()] });
    expect(setupOrder(phases)).toEqual(['pre1', 'pre2', 'n1', 'n2', 'post1']);

    const preset = createEngine({ plugins: [first(), [zeta(), alpha(), mid()]] });
    expect(setupOrder(preset)).toEqual(['first', 'alpha', 'mid', 'zeta']); // one slot: by name

    // a: pre, depends on c; b: normal; c: post
    const dependencies = createEngine({ plugins: [a(), b(), c()] });
    expect(setupOrder(dependencies)).toEqual(['b', 'c', 'a']);

    // resolvePluginOrder shows the order without creating an engine
    expect(resolvePluginOrder).toBeTypeOf('function');
    // the order of engine.list(point) is the setup order
    const late = definePlugin({
      name: 'late',
      version: '1.0.0',
      order: 'post',
      setup: (ctx) => ctx.contribute(gradingSchemes, { id: 'late', bands: [], grade: () => '' }),
    });
    const listed = createEngine({ plugins: [late(), presetCn()] });
    expect(listed.list(gradingSchemes).map((s) => s.id)).toEqual(['cn-catering', 'late']);
  });

  it('Options', () => {
    expect(guideLinesMissingFromTest('Options')).toEqual([]);

    const seen: unknown[] = [];
    const strict = definePlugin({
      name: 'strict-plugin',
      version: '1.0.0',
      options: z.object({
        threshold: z.number().min(0).max(100),
        bands: z.array(z.string()).default(['A']),
      }),
      // biome-ignore lint/correctness/noUnusedFunctionParameters: the guide names what setup gets
      setup: (ctx, options) => {
        expectTypeOf(options.bands).toEqualTypeOf<string[]>(); // string[], never undefined
        seen.push(options);
      },
    });
    const okay = strict({ threshold: 40 }); // ok
    // @ts-expect-error: threshold is required
    const untyped = strict(); // type error: threshold is required

    // the defaults applied
    createEngine({ plugins: [okay] });
    expect(seen).toEqual([{ threshold: 40, bands: ['A'] }]);
    // validated when the engine is created, as if given {}: threshold is missing
    const engine = createEngine({ plugins: [untyped], onPluginError: 'isolate' });
    expect(engine.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['PLUGIN_OPTIONS_INVALID', ['plugins', 'strict-plugin', 'options']],
      ['SCHEMA_REQUIRED', ['plugins', 'strict-plugin', 'options', 'threshold']],
    ]);
  });

  it('Options (2)', () => {
    expect(guideLinesMissingFromTest('Options (2)')).toEqual([]);
    // context: the plugin `strict` of the block before

    const engine = createEngine({
      // @ts-expect-error: 7 is not a string (options read from a JSON file are not type-checked)
      plugins: [strict({ threshold: 130, bands: ['A', 7] })],
      onPluginError: 'isolate',
    });
    expect(engine.diagnostics.map((d) => engine.format(d))).toEqual([
      "error PLUGIN_OPTIONS_INVALID at $.plugins['strict-plugin'].options: Options of plugin strict-plugin are invalid (2 problem(s)) [strict-plugin]",
      "error SCHEMA_TOO_BIG at $.plugins['strict-plugin'].options.threshold: Too big: number must be at most 100 [strict-plugin]",
      "error SCHEMA_INVALID_TYPE at $.plugins['strict-plugin'].options.bands[1]: Invalid type: expected string, received number [strict-plugin]",
    ]);
    // the plugin's name in the path, the plugin as source
    expect(engine.diagnostics.every((d) => d.source === 'strict-plugin')).toBe(true);
    expect(engine.plugins.map((p) => p.status)).toEqual(['failed']);
  });

  it('Errors and isolation', () => {
    expect(guideLinesMissingFromTest('Errors and isolation')).toEqual([]);
    // context: a plugin that contributes, then throws
    const thrower = definePlugin({
      name: 'thrower',
      version: '1.0.0',
      setup: (ctx) => {
        ctx.contribute(gradingSchemes, { id: 'half-done', bands: [], grade: () => '' });
        throw new Error('cannot read config');
      },
    });

    const engine = createEngine({
      plugins: [thrower(), presetCn(), ukFhrs()],
      onPluginError: 'isolate',
    });
    expect(engine.keys(gradingSchemes)).toEqual(['cn-catering', 'uk-fhrs']);
    expect(engine.plugins.map((p) => p.status)).toEqual(['failed', 'active', 'active']);
    expect(engine.format(engine.diagnostics[0]!)).toBe(
      'error PLUGIN_SETUP_THREW at $.plugins.thrower: Plugin thrower threw during setup: cannot read config [thrower]',
    );

    // 'throw' (the default): PLUGIN_SETUP_FAILED, listing the errors, with every diagnostic
    let thrown: unknown;
    try {
      createEngine({ plugins: [thrower(), presetCn()] });
    } catch (error) {
      thrown = error;
    }
    expect(isFoodSafetyError(thrown, 'PLUGIN_SETUP_FAILED')).toBe(true);
    expect((thrown as Error).message).toContain('cannot read config');
    expect(
      (thrown as { params: { diagnostics: Diagnostic[] } }).params.diagnostics.map((d) => d.code),
    ).toEqual(['PLUGIN_SETUP_THREW']);
    // a plugin that depends on a failed one is skipped
    const dependent = plugin('dependent', undefined, ['thrower']);
    const skipped = createEngine({ plugins: [thrower(), dependent()], onPluginError: 'isolate' });
    expect(skipped.plugins.map((p) => [p.name, p.status])).toEqual([
      ['thrower', 'failed'],
      ['dependent', 'skipped'],
    ]);
    expect(skipped.diagnostics.map((d) => d.code)).toEqual([
      'PLUGIN_SETUP_THREW',
      'PLUGIN_DEPENDENCY_FAILED',
    ]);
    // a setup that returns a promise fails the plugin
    const later = definePlugin({ name: 'later', version: '1.0.0', setup: async () => {} });
    expect(
      createEngine({ plugins: [later()], onPluginError: 'isolate' }).diagnostics.map((d) => d.code),
    ).toEqual(['PLUGIN_SETUP_ASYNC']);
    // programmer errors throw in both modes
    expect(() => definePlugin({ name: 'has space', version: '1.0.0', setup: () => {} })).toThrow(
      expect.objectContaining({ code: 'PLUGIN_DEFINITION_INVALID' }),
    );
    expect(() =>
      createEngine({ plugins: [], locale: 'fr' as 'en', onPluginError: 'isolate' }),
    ).toThrow(expect.objectContaining({ code: 'PLUGIN_ENGINE_OPTIONS_INVALID' }));
  });

  it('At run time', () => {
    expect(guideLinesMissingFromTest('At run time')).toEqual([]);
    // context: the engine of "Concepts"; a score, then a value whose reading throws (the
    // plugin's grade then throws); `report` collects the diagnostics
    const engine = conceptsEngine();
    const reported: Diagnostic[] = [];
    const report = (diagnostics: readonly Diagnostic[]) => reported.push(...diagnostics);
    const unreadable = {
      valueOf: () => {
        throw new Error('no score');
      },
    } as unknown as number;
    const results: unknown[] = [];

    for (const score of [92, unreadable]) {
      const result = engine.run(gradingSchemes, 'uk-fhrs', (scheme) => scheme.grade(score));
      if (!result.ok) report(result.diagnostics); // PLUGIN_RUNTIME_ERROR [uk-fhrs]
      results.push(result);
    }

    expect(results[0]).toEqual({ ok: true, value: '5', diagnostics: [] });
    expect(reported.map((d) => [d.code, d.source])).toEqual([['PLUGIN_RUNTIME_ERROR', 'uk-fhrs']]);
    // no such key: PLUGIN_KEY_UNKNOWN
    const unknown = engine.run(gradingSchemes, 'nope', (scheme) => scheme.grade(92));
    expect(unknown.ok ? [] : unknown.diagnostics.map((d) => d.code)).toEqual([
      'PLUGIN_KEY_UNKNOWN',
    ]);
    // safeCall does the same for a function the host already holds
    const held = engine.require(gradingSchemes, 'uk-fhrs');
    const called = safeCall(() => held.grade(unreadable), {
      plugin: 'uk-fhrs',
      point: gradingSchemes.id,
      key: 'uk-fhrs',
    });
    expect(called.ok ? [] : called.diagnostics.map((d) => [d.code, d.source])).toEqual([
      ['PLUGIN_RUNTIME_ERROR', 'uk-fhrs'],
    ]);
  });

  it('Duplicate keys and override', () => {
    expect(guideLinesMissingFromTest('Duplicate keys and override')).toEqual([]);

    const strictCn = definePlugin({
      name: 'strict-cn',
      version: '1.0.0',
      dependencies: ['preset-cn'], // makes sure we run after the scheme we replace
      setup: (ctx) => {
        const base = ctx.get(gradingSchemes, 'cn-catering');
        if (base === undefined) return;
        ctx.contribute(gradingSchemes, { ...base, bands: ['A', 'B'] }, { override: true });
      },
    });

    // listed first, it still runs after the preset; the override keeps the key's place
    const engine = createEngine({ plugins: [strictCn(), presetCn(), ukFhrs()] });
    expect(engine.get(gradingSchemes, 'cn-catering')?.bands).toEqual(['A', 'B']);
    expect(engine.keys(gradingSchemes)).toEqual(['cn-catering', 'uk-fhrs']);
    expect(engine.owner(gradingSchemes, 'cn-catering')).toBe('strict-cn');
    // an info naming the plugin it replaced
    expect(engine.diagnostics.map((d) => [d.code, d.severity, d.params?.previous])).toEqual([
      ['PLUGIN_OVERRIDE', 'info', 'preset-cn'],
    ]);
    // without override: PLUGIN_DUPLICATE_KEY naming both; the later plugin fails, the first stays
    const clasher = definePlugin({
      name: 'clasher',
      version: '1.0.0',
      setup: (ctx) =>
        ctx.contribute(gradingSchemes, { id: 'cn-catering', bands: ['X'], grade: () => 'X' }),
    });
    const clash = createEngine({ plugins: [presetCn(), clasher()], onPluginError: 'isolate' });
    expect(clash.diagnostics.map((d) => [d.code, d.params?.first, d.params?.second])).toEqual([
      ['PLUGIN_DUPLICATE_KEY', 'preset-cn', 'clasher'],
    ]);
    expect(clash.get(gradingSchemes, 'cn-catering')?.bands).toEqual(['A', 'B', 'C']);
    expect(clash.plugins.map((p) => p.status)).toEqual(['active', 'failed']);
    // overriding a key nobody contributed: a warning, and the contribution is added
    const lonely = definePlugin({
      name: 'lonely',
      version: '1.0.0',
      setup: (ctx) =>
        ctx.contribute(
          gradingSchemes,
          { id: 'cn-catering', bands: ['X'], grade: () => 'X' },
          { override: true },
        ),
    });
    const unused = createEngine({ plugins: [lonely()] });
    expect(unused.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['PLUGIN_OVERRIDE_UNUSED', 'warning'],
    ]);
    expect(unused.has(gradingSchemes, 'cn-catering')).toBe(true);
  });

  it('Messages', () => {
    expect(guideLinesMissingFromTest('Messages')).toEqual([]);

    let low: Diagnostic | undefined;
    const fhrsRules = definePlugin({
      name: 'uk-fhrs-rules',
      version: '1.0.0',
      messages: {
        FHRS_RATING_LOW: {
          severity: 'warning',
          'zh-CN': '卫生评级 {rating} 低于 {minimum}',
          en: 'Hygiene rating {rating} is below {minimum}',
        },
      },
      setup: (ctx) => {
        // attributed to the plugin (source: 'uk-fhrs-rules'); params typed from the placeholders
        low = ctx.diagnostic(ctx.messages.FHRS_RATING_LOW, { rating: 1, minimum: 3 });
      },
    });

    const engine = createEngine({ plugins: [fhrsRules()], locale: 'zh-CN' });
    expect(low?.message).toBe('Hygiene rating 1 is below 3');
    expect(engine.format(low!)).toBe('警告 FHRS_RATING_LOW：卫生评级 1 低于 3 [uk-fhrs-rules]');
    expect(low?.source).toBe('uk-fhrs-rules');
    // ctx.diagnostic does not report: the engine has no finding
    expect(engine.diagnostics).toEqual([]);
    // the factory's .messages are the same descriptors
    expect(Object.keys(fhrsRules.messages)).toEqual(['FHRS_RATING_LOW']);
    // localize: the message in the engine's locale
    expect(engine.localize(low!).message).toBe('卫生评级 1 低于 3');
    // another engine does not know the code: the default catalogue is never modified
    expect(createEngine({ plugins: [], locale: 'zh-CN' }).localize(low!).message).not.toContain(
      '卫生评级',
    );
    // a code already registered with other text fails the plugin
    const other = definePlugin({
      name: 'other-rules',
      version: '1.0.0',
      messages: {
        FHRS_RATING_LOW: {
          severity: 'warning',
          'zh-CN': '评级 {rating} 低于 {minimum}',
          en: 'Rating {rating} below {minimum}',
        },
      },
      setup: () => {},
    });
    const conflict = createEngine({
      plugins: [fhrsRules(), other()],
      onPluginError: 'isolate',
    });
    expect(conflict.diagnostics.map((d) => [d.code, d.source])).toEqual([
      ['PLUGIN_MESSAGE_CONFLICT', 'other-rules'],
    ]);
    // the SDK's own codes
    expect(Object.keys(pluginSdk.pluginMessages)).toEqual(
      expect.arrayContaining(['PLUGIN_OPTIONS_INVALID', 'PLUGIN_SETUP_THREW']),
    );
  });

  describe('Testing a plugin', () => {
    it('the guide block', () => {
      expect(guideLinesMissingFromTest('Testing a plugin')).toEqual([]);
    });
    // context: `sumScorer` (adds points, capped at its `cap` option) contributing `sum` to
    // `scorers`; `describe`, `expect` and `it` are vitest's

    const tester = createPluginTester({ plugins: [sumScorer()], describe, it });

    tester.runCases(scorers, 'sum', (scorer, input: { points: number[] }) => scorer.score(input), {
      valid: [{ name: 'adds points', input: { points: [40, 2] }, output: 42 }],
      invalid: [
        { name: 'empty', input: { points: [] }, expect: ['SCORING_EMPTY'] },
        {
          name: 'negative',
          input: { points: [1, -2] },
          expect: [{ code: 'SCORING_NEGATIVE', path: ['points', 1], severity: 'error' }],
        },
      ],
    });

    it('rejects a negative cap, naming the option', () => {
      // a tester without sumScorer(): next to the tester's own, this one would be a duplicate name
      createPluginTester().expectConfigure(
        [sumScorer({ cap: -1 })],
        [
          'PLUGIN_OPTIONS_INVALID',
          { code: 'SCHEMA_TOO_SMALL', path: ['plugins', 'sum-scorer', 'options', 'cap'] },
        ],
      );
    });

    it('fails a case whose diagnostics differ, and a contribution that mutates its input', () => {
      // exactly: same number, same order; a bare string expects just a code
      const found = tester
        .engine()
        .run(scorers, 'sum', (scorer) => scorer.score({ points: [1, -2, -3] }));
      const diagnostics = found.ok && !found.value.ok ? found.value.diagnostics : [];
      expect(() => expectDiagnostics(diagnostics, ['SCORING_NEGATIVE'])).toThrow();
      expect(matchDiagnostics(diagnostics, ['SCORING_NEGATIVE', 'SCORING_NEGATIVE'])).toEqual([]);
      // the cases run through engine.run with a frozen copy of the input
      const mutating = createPluginTester({ plugins: [sumScorer()] });
      expect(() =>
        mutating.runCases(
          scorers,
          'sum',
          (_scorer, input: { points: number[] }) => {
            input.points.push(1);
            return ok(0);
          },
          { valid: [{ input: { points: [1] } }] },
        ),
      ).toThrow();
      // with no runner functions the cases run at once, and the first failure throws
      expect(() =>
        mutating.runCases(
          scorers,
          'sum',
          (scorer, input: { points: number[] }) => scorer.score(input),
          {
            valid: [{ input: { points: [] } }],
          },
        ),
      ).toThrow();
      expect(createDiagnostic).toBeTypeOf('function');
    });
  });
});
