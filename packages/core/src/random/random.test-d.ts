import { describe, expectTypeOf, it } from 'vitest';
import { createRandom, type Random, type RandomState, restoreRandom } from './random.js';

describe('Random types', () => {
  it('keeps element types through shuffle and pick', () => {
    const rng = createRandom(1);
    expectTypeOf(rng.shuffle(['a', 'b'] as const)).toEqualTypeOf<('a' | 'b')[]>();
    expectTypeOf(rng.pick([1, 2, 3])).toEqualTypeOf<number>();
    expectTypeOf(rng.dirichlet([1, 2])).toEqualTypeOf<number[]>();
    expectTypeOf(rng.split()).toEqualTypeOf<Random>();
    expectTypeOf(rng.stream(0)).toEqualTypeOf<Random>();
  });

  it('has a plain state type and accepts only seeds', () => {
    expectTypeOf(createRandom(1).getState()).toEqualTypeOf<RandomState>();
    expectTypeOf(restoreRandom).parameter(0).toEqualTypeOf<RandomState>();
    expectTypeOf<RandomState['spare']>().toEqualTypeOf<number | null>();
    // @ts-expect-error a seed is a number, bigint or string
    createRandom({ seed: 1 });
    // @ts-expect-error a stream index is a number
    createRandom(1).stream('a');
  });
});
