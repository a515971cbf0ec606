import { type Diagnostic, defaultCatalogue, isFoodSafetyError } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createEngine, type PluginInput } from './create-engine.js';
import { definePlugin } from './define-plugin.js';
import { defineExtensionPoint } from './extension-point.js';

interface GradingScheme {
  readonly id: string;
  readonly bands: readonly string[];
  readonly grade?: (score: number) => string;
}

const gradingSchemes = defineExtensionPoint<GradingScheme>({
  id: 'grading.schemes',
  key: (s) => s.id,
  host: { name: '@foodsafety/grading', version: '0.1.3' },
  description: 'Grading schemes by id',
});

/** The setup-order log a test plugin writes into (each test makes its own). */
function recorder() {
  const log: string[] = [];
  const make = (
    name: string,
    extra: { order?: 'pre' | 'normal' | 'post'; dependencies?: string[]; version?: string } = {},
  ) =>
    definePlugin({
      name,
      version: extra.version ?? '1.0.0',
      ...(extra.order === undefined ? {} : { order: extra.order }),
      ...(extra.dependencies === undefined ? {} : { dependencies: extra.dependencies }),
      setup: () => {
        log.push(name);
      },
    })();
  return { log, make };
}

const codes = (list: readonly Diagnostic[]) => list.map((d) => d.code);

const ukFhrs = definePlugin({
  name: 'uk-fhrs',
  version: '1.0.0',
  requires: { '@foodsafety/grading': '^0.1' },
  dependencies: [],
  options: z.object({ brandStandard: z.enum(['rev7', 'rev8']).default('rev8') }),
  setup: (ctx, options) => {
    ctx.contribute(gradingSchemes, {
      id: 'uk-fhrs',
      bands: options.brandStandard === 'rev8' ? ['0', '1', '2', '3', '4', '5'] : ['0', '5'],
    });
  },
});

const presetCn = definePlugin({
  name: 'preset-cn',
  version: '0.1.0',
  setup: (ctx) => {
    ctx.contribute(gradingSchemes, { id: 'cn-catering', bands: ['A', 'B', 'C'] });
  },
});

describe('createEngine: the design example', () => {
  it('configures, freezes and returns typed contributions', () => {
    const engine = createEngine({
      plugins: [presetCn(), ukFhrs({ brandStandard: 'rev8' })],
      locale: 'zh-CN',
      onPluginError: 'isolate',
    });
    expect(engine.get(gradingSchemes, 'uk-fhrs')?.bands).toHaveLength(6);
    expect(engine.keys(gradingSchemes)).toEqual(['cn-catering', 'uk-fhrs']);
    expect(engine.list(gradingSchemes).map((s) => s.bands.length)).toEqual([3, 6]);
    expect(engine.owner(gradingSchemes, 'cn-catering')).toBe('preset-cn');
    expect(engine.has(gradingSchemes, 'nope')).toBe(false);
    expect(engine.diagnostics).toEqual([]);
    expect(engine.plugins.map((p) => [p.name, p.status, p.position])).toEqual([
      ['preset-cn', 'active', 0],
      ['uk-fhrs', 'active', 1],
    ]);
    expect(engine.locale).toBe('zh-CN');
    expect(Object.isFrozen(engine)).toBe(true);
  });

  it('applies option defaults when the factory is called without options', () => {
    const engine = createEngine({ plugins: [ukFhrs()] });
    expect(engine.require(gradingSchemes, 'uk-fhrs').bands).toEqual(['0', '1', '2', '3', '4', '5']);
    const rev7 = createEngine({ plugins: [ukFhrs({ brandStandard: 'rev7' })] });
    expect(rev7.require(gradingSchemes, 'uk-fhrs').bands).toEqual(['0', '5']);
  });

  it('require throws PLUGIN_KEY_UNKNOWN for a missing key', () => {
    const engine = createEngine({ plugins: [] });
    expect(() => engine.require(gradingSchemes, 'x')).toThrowError(/PLUGIN_KEY_UNKNOWN/);
    expect(engine.list(gradingSchemes)).toEqual([]);
  });
});

describe('ordering', () => {
  it('runs pre, then normal, then post, each in registration order', () => {
    const { log, make } = recorder();
    createEngine({
      plugins: [
        make('n1'),
        make('post1', { order: 'post' }),
        make('pre1', { order: 'pre' }),
        make('n2'),
        make('pre2', { order: 'pre' }),
      ],
    });
    expect(log).toEqual(['pre1', 'pre2', 'n1', 'n2', 'post1']);
  });

  it('runs declared dependencies first, even across phases', () => {
    const { log, make } = recorder();
    const engine = createEngine({
      plugins: [
        make('a', { order: 'pre', dependencies: ['c'] }),
        make('b'),
        make('c', { order: 'post' }),
      ],
    });
    // a is pre but needs c (post); b is ready and of lower rank than c, so it goes first.
    expect(log).toEqual(['b', 'c', 'a']);
    expect(engine.plugins.map((p) => p.name)).toEqual(['b', 'c', 'a']);
  });

  it('breaks ties within one preset slot by name, whatever the preset lists first', () => {
    const { log, make } = recorder();
    createEngine({ plugins: [make('first'), [make('zeta'), make('alpha'), make('mid')]] });
    expect(log).toEqual(['first', 'alpha', 'mid', 'zeta']);
  });

  it('is independent of the listing order inside a preset but not of the slots', () => {
    const a = recorder();
    createEngine({ plugins: [[a.make('y'), a.make('x')], a.make('w')] });
    const b = recorder();
    createEngine({ plugins: [[b.make('x'), b.make('y')], b.make('w')] });
    expect(a.log).toEqual(['x', 'y', 'w']);
    expect(b.log).toEqual(a.log);
  });

  it('skips false, null and undefined entries', () => {
    const { log, make } = recorder();
    createEngine({ plugins: [false, make('only'), null, undefined] });
    expect(log).toEqual(['only']);
  });
});

describe('dependencies', () => {
  it('reports a cycle with its path and skips plugins that depend on it', () => {
    const { log, make } = recorder();
    const engine = createEngine({
      plugins: [
        make('a', { dependencies: ['b'] }),
        make('b', { dependencies: ['c'] }),
        make('c', { dependencies: ['a'] }),
        make('d', { dependencies: ['a'] }),
        make('e'),
      ],
      onPluginError: 'isolate',
    });
    expect(log).toEqual(['e']);
    const cycle = engine.diagnostics.filter((d) => d.code === 'PLUGIN_DEPENDENCY_CYCLE');
    expect(cycle.map((d) => d.source)).toEqual(['a', 'b', 'c']);
    expect(cycle[0]?.params?.cycle).toBe('a → b → c → a');
    expect(cycle[0]?.path).toEqual(['plugins', 'a', 'dependencies']);
    expect(engine.plugins.find((p) => p.name === 'd')?.diagnostics[0]?.path).toEqual([
      'plugins',
      'd',
      'dependencies',
      0,
    ]);
    expect(Object.fromEntries(engine.plugins.map((p) => [p.name, p.status]))).toEqual({
      a: 'failed',
      b: 'failed',
      c: 'failed',
      d: 'skipped',
      e: 'active',
    });
    const skipped = engine.plugins.find((p) => p.name === 'd');
    expect(codes(skipped?.diagnostics ?? [])).toEqual(['PLUGIN_DEPENDENCY_FAILED']);
  });

  it('reports a missing dependency and version mismatches of dependency ranges', () => {
    const { log, make } = recorder();
    const engine = createEngine({
      plugins: [
        make('base', { version: '2.3.0' }),
        make('needs-ghost', { dependencies: ['ghost'] }),
        make('needs-old', { dependencies: ['base@^1.0.0'] }),
        make('needs-new', { dependencies: ['base@>=2.1 <3'] }),
      ],
      onPluginError: 'isolate',
    });
    expect(log).toEqual(['base', 'needs-new']);
    const byCode = Object.fromEntries(engine.diagnostics.map((d) => [d.code, d]));
    expect(byCode.PLUGIN_DEPENDENCY_MISSING).toMatchObject({
      source: 'needs-ghost',
      path: ['plugins', 'needs-ghost', 'dependencies', 0],
      params: { dependency: 'ghost' },
    });
    expect(byCode.PLUGIN_DEPENDENCY_VERSION_MISMATCH).toMatchObject({
      source: 'needs-old',
      params: { dependency: 'base', range: '^1.0.0', version: '2.3.0' },
    });
  });

  it('skips a plugin whose dependency failed in setup, keeping the others', () => {
    const broken = definePlugin({
      name: 'broken',
      version: '1.0.0',
      setup: () => {
        throw new Error('boom');
      },
    });
    const dependent = definePlugin({
      name: 'dependent',
      version: '1.0.0',
      dependencies: ['broken'],
      setup: (ctx) => ctx.contribute(gradingSchemes, { id: 'dep', bands: [] }),
    });
    const engine = createEngine({
      plugins: [broken(), dependent(), presetCn()],
      onPluginError: 'isolate',
    });
    expect(engine.keys(gradingSchemes)).toEqual(['cn-catering']);
    expect(engine.diagnostics.map((d) => [d.code, d.source])).toEqual([
      ['PLUGIN_SETUP_THREW', 'broken'],
      ['PLUGIN_DEPENDENCY_FAILED', 'dependent'],
    ]);
    expect(engine.diagnostics[1]?.params).toMatchObject({ dependency: 'broken', status: 'failed' });
  });
});

describe('host requirements', () => {
  it('accepts a host version inside the range, known from the extension point', () => {
    const engine = createEngine({ plugins: [ukFhrs()] });
    expect(engine.plugins[0]?.status).toBe('active');
  });

  it('fails a plugin whose requires range the point host does not satisfy', () => {
    const old = defineExtensionPoint<GradingScheme>({
      id: 'grading.schemes',
      key: (s) => s.id,
      host: { name: '@foodsafety/grading', version: '0.2.0' },
    });
    const p = definePlugin({
      name: 'p',
      version: '1.0.0',
      requires: { '@foodsafety/grading': '^0.1' },
      setup: (ctx) => ctx.contribute(old, { id: 'x', bands: [] }),
    });
    const engine = createEngine({ plugins: [p()], onPluginError: 'isolate' });
    expect(engine.diagnostics).toHaveLength(1);
    expect(engine.diagnostics[0]).toMatchObject({
      code: 'PLUGIN_HOST_VERSION_MISMATCH',
      source: 'p',
      path: ['plugins', 'p', 'requires', '@foodsafety/grading'],
      params: { host: '@foodsafety/grading', range: '^0.1', version: '0.2.0' },
    });
    expect(engine.has(old, 'x')).toBe(false);
  });

  it('checks explicit hosts before setup, so an incompatible plugin never runs', () => {
    let ran = false;
    const p = definePlugin({
      name: 'p',
      version: '1.0.0',
      requires: { '@acme/host': '>=2' },
      setup: () => {
        ran = true;
      },
    });
    const engine = createEngine({
      plugins: [p()],
      hosts: { '@acme/host': '1.9.9' },
      onPluginError: 'isolate',
    });
    expect(ran).toBe(false);
    expect(codes(engine.diagnostics)).toEqual(['PLUGIN_HOST_VERSION_MISMATCH']);
    expect(
      createEngine({ plugins: [p()], hosts: { '@acme/host': '2.0.0' } }).plugins[0]?.status,
    ).toBe('active');
  });

  it('learns a host from a point even when the contribution to it is rejected', () => {
    const p = definePlugin({
      name: 'p',
      version: '1.0.0',
      requires: { '@foodsafety/grading': '^0.1.0' },
      setup: (ctx) => {
        ctx.contribute(gradingSchemes, { id: '', bands: [] }); // no key: rejected
      },
    });
    const engine = createEngine({ plugins: [p()], onPluginError: 'isolate' });
    // the requirement was checked against the point's host (0.1.3): no PLUGIN_HOST_UNKNOWN
    expect(codes(engine.diagnostics)).toEqual(['PLUGIN_KEY_INVALID']);
    const tooOld = definePlugin({
      name: 'q',
      version: '1.0.0',
      requires: { '@foodsafety/grading': '^0.2.0' },
      setup: (ctx) => {
        ctx.contribute(gradingSchemes, { id: '', bands: [] });
      },
    });
    expect(
      codes(createEngine({ plugins: [tooOld()], onPluginError: 'isolate' }).diagnostics),
    ).toEqual(['PLUGIN_KEY_INVALID', 'PLUGIN_HOST_VERSION_MISMATCH']);
  });

  it('survives a plugin that contributes to no point at all (undefined, null, a broken host)', () => {
    const p = definePlugin({
      name: 'p',
      version: '1.0.0',
      setup: (ctx) => {
        try {
          ctx.contribute(null as never, { id: 'a' });
        } catch {
          // the plugin swallows its own mistake
        }
        ctx.contribute({ ...gradingSchemes, host: null } as never, { id: '', bands: [] });
        ctx.contribute(undefined as never, { id: 'a' });
      },
    });
    const engine = createEngine({ plugins: [p()], onPluginError: 'isolate' });
    expect(codes(engine.diagnostics)).toEqual(['PLUGIN_KEY_INVALID', 'PLUGIN_SETUP_THREW']);
    expect(engine.plugins[0]?.status).toBe('failed');
  });

  it('knows its own version and warns about hosts it cannot check', () => {
    const p = definePlugin({
      name: 'p',
      version: '1.0.0',
      requires: { '@foodsafety/plugin-sdk': '^0.1.0', '@acme/unknown': '^1' },
      setup: () => {},
    });
    const engine = createEngine({ plugins: [p()] });
    expect(engine.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['PLUGIN_HOST_UNKNOWN', 'warning'],
    ]);
    expect(engine.plugins[0]?.status).toBe('active');
    const tooNew = definePlugin({
      name: 'q',
      version: '1.0.0',
      requires: { '@foodsafety/plugin-sdk': '^1.0.0' },
      setup: () => {},
    });
    expect(() => createEngine({ plugins: [tooNew()] })).toThrowError(/PLUGIN_SETUP_FAILED/);
  });
});

describe('options', () => {
  const strict = definePlugin({
    name: 'strict-plugin',
    version: '1.0.0',
    options: z.object({
      threshold: z.number().min(0).max(100),
      bands: z.array(z.string()).default(['A']),
    }),
    setup: (ctx, options) => {
      ctx.contribute(gradingSchemes, { id: `t${options.threshold}`, bands: options.bands });
    },
  });

  it('names the plugin and the option path in the diagnostics', () => {
    const engine = createEngine({
      // @ts-expect-error: deliberately wrong options, as untyped configuration would give
      plugins: [strict({ threshold: 130, bands: ['A', 7] })],
      onPluginError: 'isolate',
    });
    expect(engine.diagnostics.map((d) => [d.code, d.path, d.source])).toEqual([
      ['PLUGIN_OPTIONS_INVALID', ['plugins', 'strict-plugin', 'options'], 'strict-plugin'],
      ['SCHEMA_TOO_BIG', ['plugins', 'strict-plugin', 'options', 'threshold'], 'strict-plugin'],
      ['SCHEMA_INVALID_TYPE', ['plugins', 'strict-plugin', 'options', 'bands', 1], 'strict-plugin'],
    ]);
    expect(engine.format(engine.diagnostics[1] as Diagnostic)).toBe(
      "error SCHEMA_TOO_BIG at $.plugins['strict-plugin'].options.threshold: Too big: number must be at most 100 [strict-plugin]",
    );
    expect(engine.plugins[0]?.status).toBe('failed');
  });

  it('reports required options that were not given', () => {
    const engine = createEngine({
      // @ts-expect-error: threshold is required
      plugins: [strict()],
      onPluginError: 'isolate',
    });
    expect(engine.diagnostics[1]).toMatchObject({
      code: 'SCHEMA_REQUIRED',
      path: ['plugins', 'strict-plugin', 'options', 'threshold'],
    });
  });

  it('validates a missing non-object option as missing, not as an empty object', () => {
    const labelled = definePlugin({
      name: 'labelled',
      version: '1.0.0',
      options: z.string().min(1),
      setup: () => {},
    });
    const engine = createEngine({
      // @ts-expect-error: the label is required
      plugins: [labelled()],
      onPluginError: 'isolate',
    });
    expect(engine.diagnostics[1]).toMatchObject({
      code: 'SCHEMA_REQUIRED',
      path: ['plugins', 'labelled', 'options'],
    });
    const defaulted = definePlugin({
      name: 'defaulted',
      version: '1.0.0',
      options: z.string().default('cn'),
      setup: (ctx, options) => ctx.contribute(gradingSchemes, { id: options, bands: [] }),
    });
    expect(createEngine({ plugins: [defaulted()] }).keys(gradingSchemes)).toEqual(['cn']);
  });

  it('reports an options refinement that throws instead of throwing', () => {
    const fragile = definePlugin({
      name: 'fragile',
      version: '1.0.0',
      options: z.object({ n: z.number() }).refine(() => {
        throw new Error('refinement crashed');
      }),
      setup: () => {},
    });
    const engine = createEngine({ plugins: [fragile({ n: 1 })], onPluginError: 'isolate' });
    expect(engine.diagnostics.map((d) => [d.code, d.params?.detail])).toEqual([
      ['PLUGIN_OPTIONS_INVALID', undefined],
      ['SCHEMA_CUSTOM', 'refinement crashed'],
    ]);
  });

  it('passes the output type with defaults to setup and does not mutate the input', () => {
    const input = Object.freeze({ threshold: 40 });
    const engine = createEngine({ plugins: [strict(input)] });
    expect(engine.get(gradingSchemes, 't40')?.bands).toEqual(['A']);
    expect(input).toEqual({ threshold: 40 });
  });
});

describe('isolation', () => {
  const thrower = definePlugin({
    name: 'thrower',
    version: '1.0.0',
    setup: (ctx) => {
      ctx.contribute(gradingSchemes, { id: 'half-done', bands: [] });
      throw new TypeError('cannot read config');
    },
  });

  it('isolates a throwing plugin: reported, contributes nothing, others keep working', () => {
    const engine = createEngine({
      plugins: [thrower(), presetCn(), ukFhrs()],
      onPluginError: 'isolate',
    });
    expect(engine.keys(gradingSchemes)).toEqual(['cn-catering', 'uk-fhrs']);
    expect(engine.diagnostics).toEqual([
      expect.objectContaining({
        code: 'PLUGIN_SETUP_THREW',
        source: 'thrower',
        path: ['plugins', 'thrower'],
        params: { plugin: 'thrower', error: 'cannot read config' },
      }),
    ]);
    expect(engine.plugins.map((p) => p.status)).toEqual(['failed', 'active', 'active']);
  });

  it("throws PLUGIN_SETUP_FAILED carrying the diagnostics in 'throw' mode (the default)", () => {
    try {
      createEngine({ plugins: [thrower(), presetCn()] });
      expect.unreachable();
    } catch (error) {
      expect(isFoodSafetyError(error, 'PLUGIN_SETUP_FAILED')).toBe(true);
      const diagnostics = (error as { params: { diagnostics: Diagnostic[] } }).params.diagnostics;
      expect(codes(diagnostics)).toEqual(['PLUGIN_SETUP_THREW']);
      expect((error as Error).message).toContain('cannot read config');
    }
  });

  it('fails a plugin whose setup is async', () => {
    const asyncPlugin = definePlugin({
      name: 'async-plugin',
      version: '1.0.0',
      // The types allow it (a promise is assignable to void); the engine refuses it at run time.
      setup: async () => {
        throw new Error('later');
      },
    });
    const engine = createEngine({ plugins: [asyncPlugin()], onPluginError: 'isolate' });
    expect(codes(engine.diagnostics)).toEqual(['PLUGIN_SETUP_ASYNC']);
  });

  it('a plugin reporting an error through its context fails like a throw', () => {
    const reporter = definePlugin({
      name: 'reporter',
      version: '1.0.0',
      messages: {
        REPORTER_NO_DATA: {
          severity: 'error',
          'zh-CN': '缺少数据 {what}',
          en: 'Missing data {what}',
        },
        REPORTER_NOTE: { severity: 'info', 'zh-CN': '备注', en: 'Note' },
      },
      setup: (ctx) => {
        ctx.contribute(gradingSchemes, { id: 'r', bands: [] });
        ctx.report(ctx.messages.REPORTER_NOTE, {});
        ctx.report(ctx.messages.REPORTER_NO_DATA, { what: 'bands' }, { path: ['bands'] });
      },
    });
    const engine = createEngine({ plugins: [reporter()], onPluginError: 'isolate' });
    expect(engine.diagnostics.map((d) => [d.code, d.source, d.severity])).toEqual([
      ['REPORTER_NOTE', 'reporter', 'info'],
      ['REPORTER_NO_DATA', 'reporter', 'error'],
    ]);
    expect(engine.has(gradingSchemes, 'r')).toBe(false);
  });
});

describe('duplicate keys and override', () => {
  const again = (override: boolean, order: 'normal' | 'post' = 'normal') =>
    definePlugin({
      name: override ? 'overrider' : 'clasher',
      version: '1.0.0',
      order,
      setup: (ctx) =>
        ctx.contribute(gradingSchemes, { id: 'cn-catering', bands: ['X'] }, { override }),
    })();

  it('reports two plugins contributing the same key, naming both', () => {
    const engine = createEngine({ plugins: [presetCn(), again(false)], onPluginError: 'isolate' });
    expect(engine.diagnostics).toEqual([
      expect.objectContaining({
        code: 'PLUGIN_DUPLICATE_KEY',
        severity: 'error',
        source: 'clasher',
        path: ['plugins', 'clasher', 'contributions', 'grading.schemes', 'cn-catering'],
        params: {
          first: 'preset-cn',
          second: 'clasher',
          point: 'grading.schemes',
          key: 'cn-catering',
        },
      }),
    ]);
    expect(engine.get(gradingSchemes, 'cn-catering')?.bands).toEqual(['A', 'B', 'C']);
    expect(() => createEngine({ plugins: [presetCn(), again(false)] })).toThrowError(
      /PLUGIN_DUPLICATE_KEY/,
    );
  });

  it('lets a later plugin override explicitly, with an info, keeping the key in place', () => {
    const engine = createEngine({ plugins: [again(true, 'post'), presetCn(), ukFhrs()] });
    expect(engine.get(gradingSchemes, 'cn-catering')?.bands).toEqual(['X']);
    expect(engine.owner(gradingSchemes, 'cn-catering')).toBe('overrider');
    expect(engine.keys(gradingSchemes)).toEqual(['cn-catering', 'uk-fhrs']);
    expect(engine.diagnostics.map((d) => [d.code, d.severity, d.params?.previous])).toEqual([
      ['PLUGIN_OVERRIDE', 'info', 'preset-cn'],
    ]);
  });

  it('warns when an override finds nothing to override', () => {
    const engine = createEngine({ plugins: [again(true)] });
    expect(engine.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['PLUGIN_OVERRIDE_UNUSED', 'warning'],
    ]);
    expect(engine.has(gradingSchemes, 'cn-catering')).toBe(true);
  });

  it('restores nothing of a failed overrider: the original stays', () => {
    const failing = definePlugin({
      name: 'failing-overrider',
      version: '1.0.0',
      setup: (ctx) => {
        ctx.contribute(gradingSchemes, { id: 'cn-catering', bands: ['Z'] }, { override: true });
        throw new Error('late failure');
      },
    });
    const engine = createEngine({ plugins: [presetCn(), failing()], onPluginError: 'isolate' });
    expect(engine.get(gradingSchemes, 'cn-catering')?.bands).toEqual(['A', 'B', 'C']);
    expect(codes(engine.diagnostics)).toEqual(['PLUGIN_SETUP_THREW']);
  });
});

describe('freeze', () => {
  it('refuses contributions after the engine is frozen', () => {
    let saved: { contribute: (p: typeof gradingSchemes, v: GradingScheme) => void } | undefined;
    const leaky = definePlugin({
      name: 'leaky',
      version: '1.0.0',
      setup: (ctx) => {
        saved = ctx;
      },
    });
    createEngine({ plugins: [leaky()] });
    expect(() => saved?.contribute(gradingSchemes, { id: 'late', bands: [] })).toThrowError(
      /PLUGIN_ENGINE_FROZEN/,
    );
  });
});

describe('messages contributed by plugins', () => {
  const bilingual = definePlugin({
    name: 'uk-fhrs-messages',
    version: '1.0.0',
    messages: {
      FHRS_RATING_LOW: {
        severity: 'warning',
        'zh-CN': '卫生评级 {rating} 低于 {minimum}',
        en: 'Hygiene rating {rating} is below {minimum}',
      },
    },
    setup: () => {},
  });

  it('render in both locales through engine.format, without touching the default catalogue', () => {
    const zh = createEngine({ plugins: [bilingual()], locale: 'zh-CN' });
    const en = createEngine({ plugins: [bilingual()], locale: 'en' });
    const d = {
      code: 'FHRS_RATING_LOW',
      severity: 'warning' as const,
      message: 'Hygiene rating 1 is below 3',
      params: { rating: 1, minimum: 3 },
      source: 'uk-fhrs-messages',
    };
    expect(zh.format(d)).toBe('警告 FHRS_RATING_LOW：卫生评级 1 低于 3 [uk-fhrs-messages]');
    expect(en.format(d)).toBe(
      'warning FHRS_RATING_LOW: Hygiene rating 1 is below 3 [uk-fhrs-messages]',
    );
    expect(zh.catalogue.has('PLUGIN_DUPLICATE_KEY')).toBe(true);
    expect(defaultCatalogue.has('FHRS_RATING_LOW')).toBe(false);
    expect(bilingual.messages.FHRS_RATING_LOW.source).toBe('uk-fhrs-messages');
  });

  it('renders PLUGIN_* diagnostics in Chinese', () => {
    const engine = createEngine({
      plugins: [
        presetCn(),
        definePlugin({
          name: 'x',
          version: '1.0.0',
          setup: (ctx) => ctx.contribute(gradingSchemes, { id: 'cn-catering', bands: [] }),
        })(),
      ],
      locale: 'zh-CN',
      onPluginError: 'isolate',
    });
    expect(engine.format(engine.diagnostics[0] as Diagnostic)).toBe(
      "错误 PLUGIN_DUPLICATE_KEY 位于 $.plugins.x.contributions['grading.schemes']['cn-catering']：插件 preset-cn 与 x 都向扩展点 grading.schemes 贡献了 cn-catering；如需替换，请在 x 中声明 override: true [x]",
    );
  });

  it('fails a plugin whose message code conflicts with one already registered', () => {
    const clash = definePlugin({
      name: 'clash',
      version: '1.0.0',
      messages: { PLUGIN_DUPLICATE_KEY: { severity: 'error', 'zh-CN': '别的', en: 'other' } },
      setup: () => {},
    });
    const engine = createEngine({ plugins: [clash()], onPluginError: 'isolate' });
    expect(engine.diagnostics[0]).toMatchObject({
      code: 'PLUGIN_MESSAGE_CONFLICT',
      params: { plugin: 'clash', code: 'PLUGIN_DUPLICATE_KEY' },
    });
    expect(engine.catalogue.get('PLUGIN_DUPLICATE_KEY')?.templates.en).not.toBe('other');
  });
});

describe('run-time isolation', () => {
  const risky = definePlugin({
    name: 'risky',
    version: '1.0.0',
    setup: (ctx) =>
      ctx.contribute(gradingSchemes, {
        id: 'risky',
        bands: ['A'],
        grade: (score) => {
          if (score < 0) throw new RangeError(`negative score ${score}`);
          return 'A';
        },
      }),
  });

  it('returns the value, or a PLUGIN_RUNTIME_ERROR attributed to the plugin', () => {
    const engine = createEngine({ plugins: [risky(), presetCn()] });
    const call = (score: number) =>
      engine.run(gradingSchemes, 'risky', (scheme) => scheme.grade?.(score));
    expect(call(10)).toEqual({ ok: true, value: 'A', diagnostics: [] });
    const bad = call(-1);
    expect(bad.ok).toBe(false);
    expect(bad.diagnostics).toEqual([
      expect.objectContaining({
        code: 'PLUGIN_RUNTIME_ERROR',
        source: 'risky',
        params: {
          plugin: 'risky',
          point: 'grading.schemes',
          key: 'risky',
          error: 'negative score -1',
        },
      }),
    ]);
    expect(engine.run(gradingSchemes, 'absent', () => 1).diagnostics[0]?.code).toBe(
      'PLUGIN_KEY_UNKNOWN',
    );
  });
});

describe('programmer errors', () => {
  it('rejects a factory passed without calling it, and non-plugins', () => {
    expect(() => createEngine({ plugins: [presetCn as unknown as PluginInput] })).toThrowError(
      /PLUGIN_ENTRY_INVALID.*call it: preset-cn\(\)/,
    );
    expect(() => createEngine({ plugins: [[42 as unknown as PluginInput]] })).toThrowError(
      /Entry 0\.0 of plugins/,
    );
  });

  it('rejects bad engine options', () => {
    expect(() => createEngine({ plugins: [], locale: 'fr' as 'en' })).toThrowError(
      /PLUGIN_ENGINE_OPTIONS_INVALID/,
    );
    expect(() => createEngine({ plugins: [], hosts: { a: '^1' } })).toThrowError(/hosts\.a/);
    expect(() => createEngine({ plugins: [], onPluginError: 'ignore' as 'throw' })).toThrowError(
      /onPluginError/,
    );
    expect(() => createEngine({ plugins: 'all' as never })).toThrowError(
      /PLUGIN_ENGINE_OPTIONS_INVALID/,
    );
  });

  it('reports a plugin registered twice and keeps the first', () => {
    const engine = createEngine({
      plugins: [ukFhrs({ brandStandard: 'rev7' }), [ukFhrs()]],
      onPluginError: 'isolate',
    });
    expect(engine.get(gradingSchemes, 'uk-fhrs')?.bands).toEqual(['0', '5']);
    expect(engine.diagnostics[0]).toMatchObject({
      code: 'PLUGIN_DUPLICATE_NAME',
      params: { plugin: 'uk-fhrs', position: '1.0' },
    });
    expect(engine.plugins.map((p) => p.status)).toEqual(['active', 'failed']);
  });
});

describe('the plugin context', () => {
  it('lets a later plugin read an earlier contribution and override it with a variant', () => {
    const strictCn = definePlugin({
      name: 'strict-cn',
      version: '1.0.0',
      dependencies: ['preset-cn'],
      setup: (ctx) => {
        const base = ctx.get(gradingSchemes, 'cn-catering');
        expect(ctx.has(gradingSchemes, 'cn-catering')).toBe(true);
        expect(ctx.list(gradingSchemes).map((s) => s.id)).toEqual(['cn-catering']);
        if (base === undefined) throw new Error('preset-cn missing');
        ctx.contribute(gradingSchemes, { ...base, bands: ['A', 'B'] }, { override: true });
      },
    });
    // Registered first, but its dependency puts it after preset-cn.
    const engine = createEngine({ plugins: [strictCn(), presetCn()] });
    expect(engine.get(gradingSchemes, 'cn-catering')?.bands).toEqual(['A', 'B']);
    expect(engine.entries(gradingSchemes)).toEqual([
      { key: 'cn-catering', plugin: 'strict-cn', value: { id: 'cn-catering', bands: ['A', 'B'] } },
    ]);
  });

  it('gives setup the plugin, options and locale, and closes the context after setup', () => {
    let seen: unknown;
    let saved: { get: (p: typeof gradingSchemes, k: string) => unknown } | undefined;
    const first = definePlugin({
      name: 'first',
      version: '2.1.0',
      options: z.object({ n: z.number().default(3) }),
      setup: (ctx, options) => {
        seen = { plugin: ctx.plugin, options, ctxOptions: ctx.options, locale: ctx.locale };
        saved = ctx;
      },
    });
    const second = definePlugin({
      name: 'second',
      version: '1.0.0',
      setup: () => {
        saved?.get(gradingSchemes, 'x');
      },
    });
    const engine = createEngine({
      plugins: [first(), second()],
      locale: 'zh-CN',
      onPluginError: 'isolate',
    });
    expect(seen).toEqual({
      plugin: { name: 'first', version: '2.1.0' },
      options: { n: 3 },
      ctxOptions: { n: 3 },
      locale: 'zh-CN',
    });
    // The second plugin used the first one's context: its setup threw PLUGIN_CONTEXT_CLOSED.
    expect(engine.diagnostics[0]).toMatchObject({
      code: 'PLUGIN_SETUP_THREW',
      source: 'second',
    });
    expect(String(engine.diagnostics[0]?.params?.error)).toContain(
      'setup of plugin first has ended',
    );
  });

  it('creates diagnostics attributed to the plugin for later use, without reporting them', () => {
    let made: unknown;
    const p = definePlugin({
      name: 'maker',
      version: '1.0.0',
      messages: {
        MAKER_LATE: { severity: 'warning', 'zh-CN': '迟到 {n} 天', en: '{n} days late' },
      },
      setup: (ctx) => {
        made = ctx.diagnostic(
          ctx.messages.MAKER_LATE,
          { n: 2 },
          { path: ['tasks', 0], severity: 'error' },
        );
      },
    });
    const engine = createEngine({ plugins: [p()] });
    expect(engine.diagnostics).toEqual([]);
    expect(made).toEqual({
      code: 'MAKER_LATE',
      severity: 'error',
      message: '2 days late',
      path: ['tasks', 0],
      params: { n: 2 },
      source: 'maker',
    });
    expect(engine.localize(made as Diagnostic).message).toBe('2 days late');
    expect(
      createEngine({ plugins: [p()], locale: 'zh-CN' }).localize(made as Diagnostic).message,
    ).toBe('迟到 2 天');
  });
});

describe('hosts and inputs', () => {
  it('lets explicit hosts take precedence over the version a point declares', () => {
    const engine = createEngine({
      plugins: [ukFhrs()],
      hosts: { '@foodsafety/grading': '0.2.0' },
      onPluginError: 'isolate',
    });
    expect(engine.diagnostics.map((d) => [d.code, d.params?.version])).toEqual([
      ['PLUGIN_HOST_VERSION_MISMATCH', '0.2.0'],
    ]);
    expect(engine.plugins[0]?.status).toBe('failed');
  });

  it('does not mutate its options and is deterministic', () => {
    const plugins = Object.freeze([presetCn(), Object.freeze([ukFhrs({ brandStandard: 'rev7' })])]);
    const options = Object.freeze({
      plugins,
      locale: 'zh-CN' as const,
      onPluginError: 'isolate' as const,
    });
    const a = createEngine(options);
    const b = createEngine(options);
    expect(a.entries(gradingSchemes)).toEqual(b.entries(gradingSchemes));
    expect(a.plugins).toEqual(b.plugins);
  });

  it('reports the meta of each plugin', () => {
    const documented = definePlugin({
      name: 'documented',
      version: '1.0.0',
      meta: { description: 'Documented', docs: 'https://example.org/documented' },
      setup: () => {},
    });
    expect(createEngine({ plugins: [documented()] }).plugins[0]).toEqual({
      name: 'documented',
      version: '1.0.0',
      order: 'normal',
      status: 'active',
      position: 0,
      meta: { description: 'Documented', docs: 'https://example.org/documented' },
      diagnostics: [],
    });
  });
});
