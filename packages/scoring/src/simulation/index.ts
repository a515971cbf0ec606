export {
  checkFactUncertainties,
  drawFact,
  type FactUncertainty,
  factUncertaintyProblem,
} from './fact-uncertainty.js';
export {
  checkInputs,
  distributionProblem,
  type InputDistribution,
  inputQuantile,
  type SensitivityInput,
} from './input-distribution.js';
export { chooseMethod, type MethodChoice, methodChoiceProblem } from './method-choice.js';
export {
  type BatchModel,
  isModel,
  isModelReference,
  type Model,
  type ModelFunction,
  type ModelReference,
} from './model-function.js';
export type {
  MethodSwitches,
  SimulationUnit,
  WeightUncertainty,
} from './monte-carlo-runs.js';
export {
  type SensitivityOptions,
  type SensitivityResult,
  sensitivity,
} from './sensitivity.js';
export {
  type ExtensionsReference,
  type ScoringModel,
  type SimulateOptions,
  type SimulationResult,
  type SimulationUncertainty,
  simulate,
  type UnitSimulation,
} from './simulate.js';
export {
  type IndexSimulation,
  type IndexUncertainty,
  type SimulateIndexOptions,
  simulateIndex,
  type UnitIndexSimulation,
} from './simulate-index.js';
export { simulationMessages } from './simulation-messages.js';
export type {
  BootstrapMethod,
  BootstrapOptions,
  Interval,
  SecondOrderIndex,
  SobolIndices,
} from './sobol-estimators.js';
export {
  SOBOL_BITS,
  SOBOL_MAX_DIMENSIONS,
  SOBOL_MAX_POINTS,
  type SobolSequence,
  type SobolSequenceOptions,
  sobolSequence,
} from './sobol-sequence.js';
export { type StandardModelOptions, standardModel } from './standard-model.js';
export type { Progress, WorkerPoolOptions } from './worker-pool.js';
