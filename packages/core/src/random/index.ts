export { logGamma } from './log-gamma.js';
export {
  createPcg32Random,
  createRandom,
  type Random,
  type RandomState,
  restoreRandom,
} from './random.js';
export { fnv1a64, type RandomSeed, seedToKey } from './random-seed.js';
export { createSplitMix64, mix64, type SplitMix64 } from './splitmix64.js';
