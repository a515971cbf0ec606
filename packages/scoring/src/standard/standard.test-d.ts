import type { Result } from '@foodsafety/core';
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { type CityEvaluation, cityModel } from './city-model.js';
import { defineStandard, type Standard } from './define-standard.js';
import { type Evaluation, evaluate } from './evaluate.js';
import { defineCalculator } from './extensions.js';
import { type ScoreResult, score } from './score.js';
import { type ScoreDiff, whatIf } from './what-if.js';

describe('public types', () => {
  it('defineStandard takes unknown and returns Result<Standard>', () => {
    expectTypeOf(defineStandard).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(defineStandard({})).toEqualTypeOf<Result<Standard>>();
  });

  it('score, evaluate, whatIf and cityModel', () => {
    const s = {} as Standard;
    expectTypeOf(score(s, { a: 1, b: true })).toEqualTypeOf<ScoreResult>();
    expectTypeOf(evaluate(s, new Float64Array(2))).toEqualTypeOf<Evaluation>();
    expectTypeOf(whatIf(s, {}, { facts: { a: 2 } })).toEqualTypeOf<ScoreDiff>();
    expectTypeOf(cityModel(s, { facts: {} }).evaluate()).toEqualTypeOf<CityEvaluation>();
    // @ts-expect-error facts are numbers or booleans
    score(s, { a: 'x' });
  });

  it('defineCalculator infers its parameter type from the schema', () => {
    defineCalculator({
      id: 'x',
      params: z.object({ target: z.number() }),
      inputs: () => ['a'],
      compute: (values, params) => {
        expectTypeOf(params).toEqualTypeOf<{ target: number }>();
        expectTypeOf(values).toEqualTypeOf<readonly number[]>();
        return (values[0] ?? 0) / params.target;
      },
    });
  });
});
