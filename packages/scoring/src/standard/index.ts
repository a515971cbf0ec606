export {
  type CityEvaluation,
  type CityModel,
  type CityModelInput,
  cityModel,
} from './city-model.js';
export {
  type CompiledPassRule,
  type CompiledStandard,
  type DefineStandardOptions,
  defineStandard,
  type Standard,
  type StandardItem,
  type StandardVeto,
} from './define-standard.js';
export { type Evaluation, evaluate, factSlot, factVector } from './evaluate.js';
export type { ExplanationNode, Getter, NameResolver } from './expression.js';
export {
  SCORING_HOST,
  scoringAggregators,
  scoringCalculators,
  scoringExtensionsOf,
  scoringStandards,
  scoringVetoes,
} from './extension-points.js';
export {
  type Aggregator,
  type AnyCalculator,
  type AnyVetoPredicate,
  type Calculator,
  defineCalculator,
  defineVetoPredicate,
  type ParamsParseResult,
  type ParamsSchema,
  type ScoringExtensions,
  type VetoPredicate,
} from './extensions.js';
export type { FastEvaluator } from './fast-evaluator.js';
export { fromHundredths, HUNDREDTHS, type Rounder, toHundredths } from './points.js';
export type {
  CompiledPredicate,
  PluginPredicateResolver,
  ResolvedPluginPredicate,
} from './predicate.js';
export {
  type ItemShortfall,
  rankUnits,
  type UnitRank,
  weakestItems,
} from './rank-units.js';
export {
  type FiredVeto,
  type ItemScore,
  type PassChecks,
  type ScoredUnit,
  type ScoreOptions,
  type ScoreResult,
  score,
  type TierScore,
  type UnitScore,
} from './score.js';
export {
  type ComparisonOp,
  type Expression,
  expressionSchema,
  type ItemRule,
  type ItemSpec,
  type MissingPolicy,
  type PassRuleSpec,
  type Predicate,
  predicateSchema,
  type RoundingSpec,
  type StandardSpec,
  standardSpecSchema,
  type ThresholdBand,
  TIERS,
  type Tier,
  type TierDeclaration,
  type VetoSpec,
} from './standard-spec.js';
export { standardTaskShareFacts } from './standard-task-shares.js';
export {
  applyMergePatch,
  applyPatchOps,
  type ItemDiff,
  type JsonValue,
  type Patch,
  type PatchOp,
  type ScoreDiff,
  type WhatIfPatch,
  whatIf,
} from './what-if.js';
