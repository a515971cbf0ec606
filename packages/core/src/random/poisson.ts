import { logGamma } from './log-gamma.js';

/** Below this mean the Poisson sampler multiplies uniforms (Knuth); from it on it uses PTRS. */
export const POISSON_PTRS_THRESHOLD = 10;

/**
 * A Poisson(λ) variate from a source of uniforms in [0, 1). Exact in distribution for every
 * λ ≥ 0: Knuth's product-of-uniforms method below {@link POISSON_PTRS_THRESHOLD}, and above it
 * Hörmann's transformed rejection with squeeze, PTRS ("The transformed rejection method for
 * generating Poisson random variables", Insurance: Mathematics and Economics 12, 1993), whose
 * expected cost does not grow with λ. λ is assumed validated by the caller.
 */
export function samplePoisson(nextFloat: () => number, lambda: number): number {
  if (lambda === 0) return 0;
  if (lambda < POISSON_PTRS_THRESHOLD) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let product = nextFloat();
    while (product > limit) {
      k++;
      product *= nextFloat();
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = nextFloat() - 0.5;
    const v = nextFloat();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (
      Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <=
      -lambda + k * loglam - logGamma(k + 1)
    ) {
      return k;
    }
  }
}
