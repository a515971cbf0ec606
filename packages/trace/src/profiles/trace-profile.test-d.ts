import type { Diagnostic, RuleSetMeta } from '@foodsafety/core';
import type { ContributionOf } from '@foodsafety/plugin-sdk';
import { describe, expectTypeOf, it } from 'vitest';
import type { recallScope } from '../chain/recall-scope.js';
import { createTraceIndex } from '../chain/trace-index.js';
import { checkProfile } from './check-profile.js';
import type { ProfileRule, TraceProfile, traceProfiles, ValueRule } from './trace-profile.js';

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
  it('the index answers the same queries as a graph', () => {
    const index = createTraceIndex();
    expectTypeOf(index.recallScope).returns.toEqualTypeOf<ReturnType<typeof recallScope>>();
    expectTypeOf(index.add).returns.toEqualTypeOf<Diagnostic[]>();
  });
});
