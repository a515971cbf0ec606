export {
  SOBOL_BITS,
  SOBOL_MAX_DIMENSIONS,
  SOBOL_MAX_POINTS,
  type SobolSequence,
  type SobolSequenceOptions,
  sobolSequence,
} from './sobol-sequence.js';
