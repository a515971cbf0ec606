/**
 * A Gamma(shape, 1) variate by Marsaglia and Tsang ("A simple method for generating gamma
 * variables", ACM TOMS 26, 2000), from sources of uniforms in [0, 1) and standard normals. For
 * shape < 1 it uses the boost Gamma(shape) = Gamma(shape + 1) · U^(1/shape). The shape is
 * assumed validated (finite, > 0) by the caller.
 */
export function sampleStandardGamma(
  nextFloat: () => number,
  nextNormal: () => number,
  shape: number,
): number {
  if (shape < 1) {
    const boosted = sampleStandardGamma(nextFloat, nextNormal, shape + 1);
    return boosted * (1 - nextFloat()) ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = nextNormal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = nextFloat();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}
