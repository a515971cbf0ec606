import { FoodSafetyError } from '@foodsafety/core';
import type { Facts } from '../facts.js';
import type { Standard } from './define-standard.js';

/** The lean result of {@link evaluate}. */
export interface Evaluation {
  /** Total points (exact: `hundredths / 100`). */
  readonly total: number;
  /** Total in integer hundredths of a point. */
  readonly hundredths: number;
  readonly pass: boolean;
  readonly vetoFired: boolean;
  readonly vetoCount: number;
  /** Whether every (non-skipped) key item reached its minimum share. */
  readonly keyItemsOk: boolean;
}

function assertStandard(standard: Standard): void {
  if (
    typeof standard !== 'object' ||
    standard === null ||
    typeof (standard as { compiled?: unknown }).compiled !== 'object'
  ) {
    throw new FoodSafetyError(
      'SCORING_NOT_A_STANDARD',
      'expected a standard made by defineStandard',
    );
  }
}

/**
 * The fact vector of a unit for a compiled standard: slot i holds `facts[standard.factNames[i]]`
 * (booleans as 1/0; missing, `null` and non-finite values as `NaN`). Facts that are `null` or
 * `undefined` are all missing, as `score` reads them. Pass `into` to reuse a buffer.
 */
export function factVector(standard: Standard, facts: Facts, into?: Float64Array): Float64Array {
  assertStandard(standard);
  const names = standard.factNames;
  const v = into ?? new Float64Array(names.length);
  // from JSON or JavaScript facts may be null: no facts (`{ ...null }` is `{}` in score)
  const given: Facts = facts ?? {};
  for (let i = 0; i < names.length; i++) {
    const x = given[names[i] as string];
    v[i] =
      typeof x === 'number'
        ? Number.isFinite(x)
          ? x
          : Number.NaN
        : typeof x === 'boolean'
          ? x
            ? 1
            : 0
          : Number.NaN;
  }
  return v;
}

/** The slot of a fact in the standard's fact vector, or -1. */
export function factSlot(standard: Standard, name: string): number {
  return standard.compiled.slots.get(name) ?? -1;
}

/**
 * The fast path: total, pass and vetoes of one unit, with no explanation and no allocation beyond
 * the small result. `facts` is a fact vector ({@link factVector}) for hot loops, or a plain facts
 * record. Missing facts follow the standard's policy silently (use {@link score} to see them).
 */
export function evaluate(standard: Standard, facts: Float64Array | Facts): Evaluation {
  assertStandard(standard);
  const v = facts instanceof Float64Array ? facts : factVector(standard, facts);
  const fast = standard.compiled.fast;
  fast.run(v);
  const total = fast.total;
  const vetoCount = fast.vetoCount;
  const keyOk = fast.keyOk;
  const pass =
    (!standard.compiled.pass.noVeto || vetoCount === 0) &&
    keyOk &&
    total >= standard.compiled.pass.minTotalHundredths;
  return {
    total: total / 100,
    hundredths: total,
    pass,
    vetoFired: vetoCount > 0,
    vetoCount,
    keyItemsOk: keyOk,
  };
}
