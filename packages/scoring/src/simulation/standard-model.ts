import { FoodSafetyError } from '@foodsafety/core';
import type { Facts } from '../facts.js';
import type { Standard } from '../standard/define-standard.js';
import { evaluate, factVector } from '../standard/evaluate.js';
import type { ModelFunction } from './model-function.js';

/** Options of {@link standardModel}. */
export interface StandardModelOptions {
  readonly standard: Standard;
  /** The unit's facts; the varied facts are overwritten row by row. */
  readonly facts: Facts;
  /** The facts the model's input vector sets, in order (the names of the sensitivity inputs). */
  readonly inputs: readonly string[];
  /** What the model returns: the total points (default) or 1/0 for pass/fail. */
  readonly output?: 'total' | 'pass';
}

/**
 * A standard as a model for {@link sensitivity}: x[j] sets the fact `inputs[j]`, every other
 * fact keeps its value from `facts`, and the result is the unit's total (or 1 when it passes).
 * The fact vector is built once and reused, so a call costs one run of the compiled evaluator.
 *
 * @throws FoodSafetyError `SCORING_MODEL_UNKNOWN_FACT` when an input is not a fact the standard
 * reads (it could never have an effect; leave it out or add it to the standard).
 */
export function standardModel(options: StandardModelOptions): ModelFunction {
  const { standard, facts, inputs } = options;
  const slots = inputs.map((name) => standard.factNames.indexOf(name));
  const unknown = inputs.filter((_, j) => slots[j] === -1);
  if (unknown.length > 0) {
    throw new FoodSafetyError(
      'SCORING_MODEL_UNKNOWN_FACT',
      `the standard does not read the fact(s) ${unknown.join(', ')}`,
      { facts: unknown },
    );
  }
  const base = factVector(standard, facts);
  const work = new Float64Array(base.length);
  const pass = options.output === 'pass';
  return (x) => {
    work.set(base);
    for (let j = 0; j < slots.length; j++) work[slots[j] as number] = x[j] as number;
    const result = evaluate(standard, work);
    return pass ? (result.pass ? 1 : 0) : result.total;
  };
}
