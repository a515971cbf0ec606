import { isFoodSafetyError } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import { testMeta } from '../standard/__fixtures__/test-meta.js';
import { defineStandard } from '../standard/define-standard.js';
import { evaluate } from '../standard/evaluate.js';
import { sensitivity } from './sensitivity.js';
import { standardModel } from './standard-model.js';

const defined = defineStandard({
  meta: testMeta('test.model'),
  items: [
    {
      id: 'k',
      tier: 'key',
      points: 60,
      rule: { kind: 'linear', input: 'a', zeroAt: 0, fullAt: 1 },
    },
    {
      id: 'b',
      tier: 'basic',
      points: 40,
      rule: { kind: 'linear', input: 'b', zeroAt: 0, fullAt: 1 },
    },
  ],
  vetoes: [{ id: 'incident', when: { value: 'incidents', op: '>', than: 0 } }],
});
if (!defined.ok) throw new Error('standard');
const standard = defined.value;
const facts = { a: 1, b: 1, incidents: 0 };

describe('standardModel', () => {
  it('evaluates the standard with the varied facts set from x', () => {
    const model = standardModel({ standard, facts, inputs: ['b', 'a'] });
    expect(model(Float64Array.of(0.5, 0.25))).toBe(
      evaluate(standard, { a: 0.25, b: 0.5, incidents: 0 }).total,
    );
    expect(model(Float64Array.of(0.5, 0.25))).toBe(15 + 20);
    const pass = standardModel({ standard, facts, inputs: ['incidents'], output: 'pass' });
    expect([pass(Float64Array.of(0)), pass(Float64Array.of(1))]).toEqual([1, 0]);
  });

  it('gives the additive-model indices of a linear standard: S = w²/Σw²', () => {
    // total = 60a + 40b (to the hundredth) with a, b ~ U(0,1): S_a = 3600/5200, S_b = 1600/5200.
    const result = sensitivity({
      model: standardModel({ standard, facts, inputs: ['a', 'b'] }),
      inputs: ['a', 'b'].map((name) => ({
        name,
        distribution: { type: 'uniform', min: 0, max: 1 },
      })),
      N: 4096,
      seed: 1,
    });
    expect(result.S1[0]).toBeCloseTo(3600 / 5200, 2);
    expect(result.S1[1]).toBeCloseTo(1600 / 5200, 2);
    expect(result.ST[0]).toBeCloseTo(3600 / 5200, 2);
  });

  it('refuses inputs the standard does not read', () => {
    let error: unknown;
    try {
      standardModel({ standard, facts, inputs: ['a', 'weather'] });
    } catch (e) {
      error = e;
    }
    expect(isFoodSafetyError(error, 'SCORING_MODEL_UNKNOWN_FACT')).toBe(true);
  });
});
