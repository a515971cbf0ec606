import { defineExtensionPoint, type Engine } from '@foodsafety/plugin-sdk';
import type {
  Aggregator,
  AnyCalculator,
  AnyVetoPredicate,
  ScoringExtensions,
} from './extensions.js';
import type { StandardSpec } from './standard-spec.js';

/** The host `@foodsafety/scoring` as plugins' `requires` ranges see it. */
export const SCORING_HOST = { name: '@foodsafety/scoring', version: '0.1.0' } as const;

/** Extension point `scoring.standards`: standards as data, keyed by `meta.id`. */
export const scoringStandards = defineExtensionPoint<StandardSpec>({
  id: 'scoring.standards',
  key: (spec) => spec.meta.id,
  host: SCORING_HOST,
  description: 'Creation standards (items, rules, vetoes, pass rule) as data, by meta.id',
});

/** Extension point `scoring.calculators`: item calculators a standard names by id. */
export const scoringCalculators = defineExtensionPoint<AnyCalculator>({
  id: 'scoring.calculators',
  key: (c) => c.id,
  host: SCORING_HOST,
  description: 'Item calculators: facts → share of the item points earned',
});

/** Extension point `scoring.vetoes`: veto predicates a standard names by id. */
export const scoringVetoes = defineExtensionPoint<AnyVetoPredicate>({
  id: 'scoring.vetoes',
  key: (p) => p.id,
  host: SCORING_HOST,
  description: 'Veto predicates: facts → whether the veto fires',
});

/** Extension point `scoring.aggregators`: aggregation methods for composite indices, by id. */
export const scoringAggregators = defineExtensionPoint<Aggregator>({
  id: 'scoring.aggregators',
  key: (a) => a.id,
  host: SCORING_HOST,
  description: 'Aggregators for computeIndex: (values, weights) → score',
});

/**
 * The calculators and veto predicates contributed to an engine, ready for
 * `defineStandard(spec, scoringExtensionsOf(engine))`.
 */
export function scoringExtensionsOf(engine: Engine): ScoringExtensions {
  return {
    calculators: engine.list(scoringCalculators),
    vetoPredicates: engine.list(scoringVetoes),
  };
}
