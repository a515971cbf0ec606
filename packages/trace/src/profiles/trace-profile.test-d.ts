import type { Diagnostic, RuleSetMeta } from '@foodsafety/core';
import type { ContributionOf } from '@foodsafety/plugin-sdk';
import { describe, expectTypeOf, it } from 'vitest';
import type { recallScope } from '../chain/recall-scope.js';
import { createTraceIndex } from '../chain/trace-index.js';
import { checkProfile } from './check-profile.js';
import {
  defineKde,
  type KdeDefinition,
  type ProfileRule,
  type TraceProfile,
  type traceProfiles,
  type ValueRule,
} from './trace-profile.js';

describe('profile types', () => {
  it('the extension point carries TraceProfile', () => {
    expectTypeOf<ContributionOf<typeof traceProfiles>>().toEqualTypeOf<TraceProfile>();
  });
  it('checkProfile returns the rule set and diagnostics', () => {
    expectTypeOf(checkProfile)
      .returns.toHaveProperty('profile')
      .toEqualTypeOf<RuleSetMeta | undefined>();
    expectTypeOf(checkProfile)
      .returns.toHaveProperty('diagnostics')
      .toEqualTypeOf<readonly Diagnostic[]>();
  });
  it('rules are a discriminated union on kind', () => {
    expectTypeOf<Extract<ProfileRule, { kind: 'value' }>>().toEqualTypeOf<ValueRule>();
    // @ts-expect-error an unknown rule kind is not a rule
    const bad: ProfileRule = { kind: 'nope', id: 'x' };
    void bad;
  });
  it('a KDE declares its spreadsheet cell format by name, optionally', () => {
    expectTypeOf<KdeDefinition['format']>().toEqualTypeOf<
      'quantityWithUnit' | 'unit' | undefined
    >();
    expectTypeOf(defineKde).parameter(4).toEqualTypeOf<
      | {
          readonly citation?: string;
          readonly required?: boolean;
          readonly format?: 'quantityWithUnit' | 'unit';
        }
      | undefined
    >();
    const bad: KdeDefinition = {
      id: 'q',
      label: { en: 'Q', 'zh-CN': '数量' },
      select: [],
      // @ts-expect-error a format the spreadsheet does not know
      format: 'quantity',
    };
    void bad;
  });
  it('the index answers the same queries as a graph', () => {
    const index = createTraceIndex();
    expectTypeOf(index.recallScope).returns.toEqualTypeOf<ReturnType<typeof recallScope>>();
    expectTypeOf(index.add).returns.toEqualTypeOf<Diagnostic[]>();
  });
});
