import type { Random } from '@foodsafety/core';

/** A method switch: one of `values`, drawn once per run, with optional relative probabilities. */
export interface MethodChoice<T = number> {
  readonly values: readonly T[];
  /** Relative probabilities, one per value (default equal). */
  readonly weights?: readonly number[];
}

/** Draw one value of a method switch (one uniform draw; none when there is a single value). */
export function chooseMethod<T>(choice: MethodChoice<T>, random: Random): T {
  const { values, weights } = choice;
  if (values.length === 1) return values[0] as T;
  const u = random.nextFloat();
  if (weights === undefined) return values[Math.floor(u * values.length)] as T;
  const total = weights.reduce((s, w) => s + w, 0);
  let run = 0;
  for (let i = 0; i < values.length - 1; i++) {
    run += (weights[i] as number) / total;
    if (u < run) return values[i] as T;
  }
  return values[values.length - 1] as T;
}

/**
 * What is wrong with a method switch, or `undefined` when it is usable: a non-empty `values`
 * list whose members pass `valueOk`, and, when given, one finite weight ≥ 0 per value, not all 0.
 */
export function methodChoiceProblem(
  choice: unknown,
  valueOk: (value: unknown) => boolean,
): string | undefined {
  if (typeof choice !== 'object' || choice === null) return 'must be { values, weights? }';
  const { values, weights } = choice as { values?: unknown; weights?: unknown };
  if (!Array.isArray(values) || values.length === 0) return 'values must be a non-empty list';
  const bad = values.findIndex((v) => !valueOk(v));
  if (bad !== -1) return `values[${bad}] is not a valid value`;
  if (weights === undefined) return undefined;
  if (
    !Array.isArray(weights) ||
    weights.length !== values.length ||
    !weights.every((w) => typeof w === 'number' && Number.isFinite(w) && w >= 0) ||
    !weights.some((w) => (w as number) > 0)
  ) {
    return 'weights must be one finite number ≥ 0 per value, not all 0';
  }
  return undefined;
}
