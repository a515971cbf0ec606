import type { LocalizedText } from '../localized-text.js';

/** The result of validating plugin parameters (structurally a zod `safeParse` result). */
export type ParamsParseResult<P> =
  | { readonly success: true; readonly data: P }
  | {
      readonly success: false;
      readonly error: { readonly issues: readonly { readonly message: string }[] };
    };

/** Something that validates parameters — a zod schema fits. */
export interface ParamsSchema<P> {
  safeParse(input: unknown): ParamsParseResult<P>;
}

/**
 * A plugin-provided item calculator (extension point `scoring.calculators`): reads named facts or
 * indicators and returns the share of the item's points earned, in [0, 1] (clamped; `NaN` means
 * "facts missing", handled by the standard's missing-facts policy).
 */
export interface Calculator<P = unknown> {
  readonly id: string;
  readonly title?: LocalizedText;
  readonly params?: ParamsSchema<P>;
  /** The facts or indicators it reads, in the order `compute` receives them. */
  readonly inputs: (params: P) => readonly string[];
  /** The share of points earned. Must be pure; called in the hot path. */
  readonly compute: (values: readonly number[], params: P) => number;
}

/**
 * A plugin-provided veto predicate (extension point `scoring.vetoes`), used in a standard as
 * `{ predicate: id, params }`.
 */
export interface VetoPredicate<P = unknown> {
  readonly id: string;
  readonly title?: LocalizedText;
  readonly params?: ParamsSchema<P>;
  readonly inputs: (params: P) => readonly string[];
  /** Whether the veto fires. Must be pure. */
  readonly fires: (values: readonly number[], params: P) => boolean;
}

/**
 * A plugin-provided aggregator (extension point `scoring.aggregators`) for composite indices:
 * combines the children's scores with their (renormalised, summing to 1) weights.
 */
export interface Aggregator {
  readonly id: string;
  readonly title?: LocalizedText;
  readonly aggregate: (values: readonly number[], weights: readonly number[]) => number;
}

/** A calculator with any parameter type (what registries hold). */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds calculators of every parameter type
export type AnyCalculator = Calculator<any>;

/** A veto predicate with any parameter type (what registries hold). */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds predicates of every parameter type
export type AnyVetoPredicate = VetoPredicate<any>;

/** The plugin-provided pieces a standard may refer to. */
export interface ScoringExtensions {
  readonly calculators?: readonly AnyCalculator[];
  readonly vetoPredicates?: readonly AnyVetoPredicate[];
}

/** Identity helper giving a calculator its parameter type. */
export function defineCalculator<P>(calculator: Calculator<P>): Calculator<P> {
  return calculator;
}

/** Identity helper giving a veto predicate its parameter type. */
export function defineVetoPredicate<P>(predicate: VetoPredicate<P>): VetoPredicate<P> {
  return predicate;
}
