import type { Diagnostic, MessageDescriptor, Result } from '@foodsafety/core';
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { createEngine } from './create-engine.js';
import { definePlugin, type PluginInstance } from './define-plugin.js';
import {
  type ContributionOf,
  defineExtensionPoint,
  type ExtensionPoint,
} from './extension-point.js';

interface GradingScheme {
  readonly id: string;
  readonly bands: readonly string[];
}
interface TraceProfile {
  readonly name: string;
}

const gradingSchemes = defineExtensionPoint<GradingScheme>({
  id: 'grading.schemes',
  key: (s) => s.id,
});
const traceProfiles = defineExtensionPoint<TraceProfile>({
  id: 'trace.profiles',
  key: (p) => p.name,
});

describe('extension points', () => {
  it('carry their contribution type', () => {
    expectTypeOf(gradingSchemes).toEqualTypeOf<ExtensionPoint<GradingScheme>>();
    expectTypeOf<ContributionOf<typeof traceProfiles>>().toEqualTypeOf<TraceProfile>();
  });

  it('type the key function from the point type', () => {
    defineExtensionPoint<GradingScheme>({
      id: 'x.y',
      // @ts-expect-error: a scheme has no `name`
      key: (s) => s.name,
    });
  });
});

describe('engine', () => {
  const engine = createEngine({ plugins: [] });

  it('get, require, list and run are typed by the point', () => {
    expectTypeOf(engine.get(gradingSchemes, 'k')).toEqualTypeOf<GradingScheme | undefined>();
    expectTypeOf(engine.require(traceProfiles, 'k')).toEqualTypeOf<TraceProfile>();
    expectTypeOf(engine.list(gradingSchemes)).toEqualTypeOf<readonly GradingScheme[]>();
    expectTypeOf(engine.run(gradingSchemes, 'k', (s) => s.bands.length)).toEqualTypeOf<
      Result<number>
    >();
    expectTypeOf(engine.diagnostics).toEqualTypeOf<readonly Diagnostic[]>();
  });
});

describe('plugin factories and options', () => {
  const withDefaults = definePlugin({
    name: 'uk-fhrs',
    version: '1.0.0',
    options: z.object({
      brandStandard: z.enum(['rev7', 'rev8']).default('rev8'),
      minimum: z.number().optional(),
    }),
    setup: (ctx, options) => {
      // setup sees the output type: defaults applied, so brandStandard is not optional
      expectTypeOf(options).toEqualTypeOf<{
        brandStandard: 'rev7' | 'rev8';
        minimum?: number | undefined;
      }>();
      expectTypeOf(ctx.options).toEqualTypeOf(options);
      ctx.contribute(gradingSchemes, { id: 'uk-fhrs', bands: [] }, { override: true });
      expectTypeOf(ctx.get(gradingSchemes, 'cn')).toEqualTypeOf<GradingScheme | undefined>();
      expectTypeOf(ctx.list(traceProfiles)).toEqualTypeOf<readonly TraceProfile[]>();
      // @ts-expect-error: the contribution must match the point's type
      ctx.contribute(gradingSchemes, { id: 'uk-fhrs' });
    },
  });

  it('accept the schema input type, with defaulted keys optional', () => {
    expectTypeOf(withDefaults)
      .parameter(0)
      .toEqualTypeOf<
        { brandStandard?: 'rev7' | 'rev8' | undefined; minimum?: number | undefined } | undefined
      >();
    expectTypeOf(withDefaults()).toEqualTypeOf<PluginInstance>();
    withDefaults({ brandStandard: 'rev7' });
    // @ts-expect-error: not an allowed brand standard
    withDefaults({ brandStandard: 'rev9' });
  });

  it('require options when a key has no default', () => {
    const required = definePlugin({
      name: 'strict',
      version: '1.0.0',
      options: z.object({ threshold: z.number(), label: z.string().default('x') }),
      setup: (_ctx, options) => {
        expectTypeOf(options).toEqualTypeOf<{ threshold: number; label: string }>();
      },
    });
    required({ threshold: 3 });
    // @ts-expect-error: threshold is required, so the options are too
    required();
  });

  it('take no options without a schema, and setup receives undefined', () => {
    const plain = definePlugin({
      name: 'plain',
      version: '1.0.0',
      setup: (_ctx, options) => {
        expectTypeOf(options).toEqualTypeOf<undefined>();
      },
    });
    expectTypeOf(plain).parameters.toEqualTypeOf<[]>();
  });

  it('type the plugin messages by code, with params from the placeholders', () => {
    const withMessages = definePlugin({
      name: 'm',
      version: '1.0.0',
      messages: {
        FHRS_LOW: {
          severity: 'warning',
          'zh-CN': '评级 {rating} 过低',
          en: 'Rating {rating} is low',
        },
      },
      setup: (ctx) => {
        ctx.report(ctx.messages.FHRS_LOW, { rating: 1 });
        // @ts-expect-error: the message needs a rating
        ctx.report(ctx.messages.FHRS_LOW, { grade: 1 });
      },
    });
    expectTypeOf(withMessages.messages.FHRS_LOW).toEqualTypeOf<
      MessageDescriptor<'FHRS_LOW', 'rating'>
    >();
  });
});
