import {
  createDiagnostic,
  createRandom,
  type Diagnostic,
  type RandomSeed,
  type RandomState,
} from '@foodsafety/core';
import { normalQuantile } from '../stats/normal-quantile.js';
import { createBootstrapProduct, PRODUCT_BLOCK, type ProductKernel } from './bootstrap-product.js';
import { simulationMessages } from './simulation-messages.js';
import { quantileSorted } from './sorted-quantile.js';

/** How bootstrap confidence intervals are formed. */
export type BootstrapMethod = 'normal' | 'percentile';

/** Bootstrap settings of {@link sensitivity} (its `bootstrap` option). */
export interface BootstrapOptions {
  /** Number of resamples (SALib's `num_resamples`, default 100); 0 disables the bootstrap. */
  readonly resamples?: number;
  /** Confidence level (default 0.95, as SALib's `conf_level`). */
  readonly confidence?: number;
  /**
   * `normal` (default, as SALib): estimate ± z·sd of the bootstrap estimates, z = Φ⁻¹(½ + c/2);
   * `percentile`: the (1−c)/2 and (1+c)/2 quantiles of the bootstrap estimates.
   */
  readonly method?: BootstrapMethod;
}

/** A confidence interval [low, high]. */
export type Interval = readonly [low: number, high: number];

/** One second-order index S_ij (i < j). */
export interface SecondOrderIndex {
  readonly i: number;
  readonly j: number;
  readonly names: readonly [string, string];
  readonly value: number;
  /** Half-width of the confidence interval (SALib's `S2_conf`); NaN without bootstrap. */
  readonly conf: number;
  readonly interval: Interval;
}

/** The estimated indices, one per input (or per group). */
export interface SobolIndices {
  /** Names of the inputs, or of the groups when groups were given. */
  readonly names: readonly string[];
  /** First-order indices S_i. */
  readonly S1: readonly number[];
  /** Total-order indices ST_i. */
  readonly ST: readonly number[];
  /** Second-order indices S_ij (i < j), when requested. */
  readonly S2?: readonly SecondOrderIndex[];
  /** Half-widths of the S1 confidence intervals (SALib's `S1_conf`); NaN without bootstrap. */
  readonly S1Conf: readonly number[];
  /** Half-widths of the ST confidence intervals (SALib's `ST_conf`); NaN without bootstrap. */
  readonly STConf: readonly number[];
  readonly intervals: {
    readonly method: BootstrapMethod;
    readonly confidence: number;
    readonly resamples: number;
    readonly S1: readonly Interval[];
    readonly ST: readonly Interval[];
  };
  /** Mean of all model outputs (the value subtracted before the first-order estimator). */
  readonly mean: number;
  /** Variance of the outputs on A and B (population form, as SALib's np.var). */
  readonly variance: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** The layout of the design outputs: N base points, R rows each, D groups. */
export interface SaltelliLayout {
  readonly N: number;
  readonly groupCount: number;
  readonly secondOrder: boolean;
  readonly names: readonly string[];
}

/**
 * Centred outputs f(A) − m and f(B) − m per base point, computed once; the differences
 * f(A_B^i) − f(A) are read from the outputs where they are needed.
 */
interface EstimatorTerms {
  readonly a: Float64Array;
  readonly b: Float64Array;
}

function estimatorTerms(y: Float64Array, layout: SaltelliLayout, m: number): EstimatorTerms {
  const { N, groupCount: D } = layout;
  const R = layout.secondOrder ? 2 * D + 2 : D + 2;
  const a = new Float64Array(N);
  const b = new Float64Array(N);
  for (let n = 0; n < N; n++) {
    a[n] = (y[n * R] as number) - m;
    b[n] = (y[n * R + R - 1] as number) - m;
  }
  return { a, b };
}

/**
 * Point estimates on the base points `sample` (indices into 0 … N−1, repeats allowed), from
 * outputs `y` laid out as in `evaluateSaltelliRows`, centred by `m`:
 * - V = var([f(A); f(B)]) (population form);
 * - S1_i = mean((f(B) − m)·(f(A_B^i) − f(A))) / V (Saltelli 2010, on centred outputs);
 * - ST_i = mean((f(A) − f(A_B^i))²) / (2V) (Jansen 1999);
 * - S2_ij = mean((f(B_A^i) − m)(f(A_B^j) − m) − (f(A) − m)(f(B) − m)) / V − S1_i − S1_j (SALib).
 * Returns V; writes S1, ST (and S2 as a D×D upper triangle) into the given arrays.
 */
function estimate(
  y: Float64Array,
  layout: SaltelliLayout,
  terms: EstimatorTerms,
  sample: Int32Array,
  m: number,
  s1: Float64Array,
  st: Float64Array,
  s2: Float64Array | undefined,
): number {
  const D = layout.groupCount;
  const R = layout.secondOrder ? 2 * D + 2 : D + 2;
  const n = sample.length;
  const { a: ac, b: bcs } = terms;
  let sum = 0;
  let sumSq = 0;
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  s1.fill(0);
  st.fill(0);
  for (let t = 0; t < n; t++) {
    const j = sample[t] as number;
    const a = ac[j] as number;
    const bc = bcs[j] as number;
    if (a < lowest) lowest = a;
    if (a > highest) highest = a;
    if (bc < lowest) lowest = bc;
    if (bc > highest) highest = bc;
    sum += a + bc;
    sumSq += a * a + bc * bc;
    const base = j * R;
    const ya = y[base] as number;
    for (let i = 0; i < D; i++) {
      const di = (y[base + 1 + i] as number) - ya;
      s1[i] = (s1[i] as number) + bc * di;
      st[i] = (st[i] as number) + di * di;
    }
  }
  const meanAB = sum / (2 * n);
  // A constant output has zero variance exactly (the centred sums may leave rounding dust).
  const V = lowest === highest ? 0 : sumSq / (2 * n) - meanAB * meanAB;
  if (V > 0) {
    for (let i = 0; i < D; i++) {
      s1[i] = (s1[i] as number) / (n * V);
      st[i] = (st[i] as number) / (2 * n * V);
    }
  } else {
    s1.fill(0);
    st.fill(0);
  }
  if (s2 !== undefined) {
    s2.fill(0);
    for (let t = 0; t < n; t++) {
      const j0 = sample[t] as number;
      const base = j0 * R;
      const cross = (ac[j0] as number) * (bcs[j0] as number);
      for (let i = 0; i < D; i++) {
        const ba = (y[base + 1 + D + i] as number) - m;
        for (let j = i + 1; j < D; j++) {
          const abj = (y[base + 1 + j] as number) - m;
          s2[i * D + j] = (s2[i * D + j] as number) + ba * abj - cross;
        }
      }
    }
    for (let i = 0; i < D; i++) {
      for (let j = i + 1; j < D; j++) {
        s2[i * D + j] =
          V > 0 ? (s2[i * D + j] as number) / (n * V) - (s1[i] as number) - (s1[j] as number) : 0;
      }
    }
  }
  return V;
}

/**
 * Bootstrap S1 and ST without second order: each resample draws N base points with replacement
 * (as SALib), kept as counts w_r(n). Every resampled sum is Σ_n w_r(n)·term(n), so all of them
 * together are one matrix product W·T of the counts (resamples × N) with the per-base-point terms
 * (N × columns: b·d_i and d_i² for each group, a + b and a² + b² for the variance), computed in
 * blocks of base points by `createBootstrapProduct` (WebAssembly SIMD where available).
 */
function bootstrapFirstAndTotal(
  y: Float64Array,
  terms: EstimatorTerms,
  N: number,
  D: number,
  resamples: number,
  draws: RandomState,
  bootS1: Float64Array,
  bootST: Float64Array,
  kernel: ProductKernel | 'auto',
): void {
  const R = D + 2;
  const product = createBootstrapProduct(resamples, N, 2 * D + 2, kernel);
  const { counts, block, sums, width } = product;
  product.drawCounts(draws);
  const { a: ac, b: bcs } = terms;
  // Term columns: [b·d_0 … b·d_{D−1}, d_0² … d_{D−1}², a + b, a² + b², zero padding].
  for (let n0 = 0; n0 < N; n0 += PRODUCT_BLOCK) {
    const n1 = Math.min(N, n0 + PRODUCT_BLOCK);
    for (let n = n0; n < n1; n++) {
      const a = ac[n] as number;
      const bc = bcs[n] as number;
      const x = (n - n0) * width;
      const base = n * R;
      const ya = y[base] as number;
      for (let i = 0; i < D; i++) {
        const di = (y[base + 1 + i] as number) - ya;
        block[x + i] = bc * di;
        block[x + D + i] = di * di;
      }
      block[x + 2 * D] = a + bc;
      block[x + 2 * D + 1] = a * a + bc * bc;
    }
    product.accumulate(n0, n1 - n0);
  }
  // A resample whose drawn outputs are all equal has zero variance exactly (the sums may leave
  // rounding dust). That needs every drawn base point to have f(A) = f(B): when no base point
  // does, no resample can be constant and the scan below is skipped.
  const constant = new Uint8Array(resamples);
  let anyEqual = false;
  for (let n = 0; n < N && !anyEqual; n++) anyEqual = ac[n] === bcs[n];
  if (anyEqual) {
    for (let r = 0; r < resamples; r++) {
      let value = 0;
      let seen = false;
      let same = true;
      for (let n = 0, k = r * N; n < N && same; n++, k++) {
        if (counts[k] === 0) continue;
        const a = ac[n] as number;
        if (a !== bcs[n] || (seen && a !== value)) same = false;
        value = a;
        seen = true;
      }
      constant[r] = same ? 1 : 0;
    }
  }
  for (let r = 0; r < resamples; r++) {
    const row = r * width;
    const meanAB = (sums[row + 2 * D] as number) / (2 * N);
    const V = constant[r] === 1 ? 0 : (sums[row + 2 * D + 1] as number) / (2 * N) - meanAB * meanAB;
    for (let i = 0, o = r * D; i < D; i++, o++) {
      bootS1[o] = V > 0 ? (sums[row + i] as number) / (N * V) : 0;
      bootST[o] = V > 0 ? (sums[row + D + i] as number) / (2 * N * V) : 0;
    }
  }
}

/**
 * Sobol' indices from the outputs of a Saltelli design (see `evaluateSaltelliRows`): first order
 * on centred outputs (Saltelli 2010), total order (Jansen), second order (as SALib), with seeded
 * bootstrap confidence intervals. All sums run in base-point order on this thread, so the result
 * depends only on the outputs and the seed (and not on `kernel`, which tests use to run the
 * bootstrap product on each kernel).
 */
export function analyseSaltelliOutputs(
  y: Float64Array,
  layout: SaltelliLayout,
  seed: RandomSeed,
  bootstrap: BootstrapOptions = {},
  kernel: ProductKernel | 'auto' = 'auto',
): SobolIndices {
  const { N, groupCount: D, secondOrder } = layout;
  const resamples = bootstrap.resamples ?? 100;
  const confidence = bootstrap.confidence ?? 0.95;
  const method = bootstrap.method ?? 'normal';
  const diagnostics: Diagnostic[] = [];
  const nan = (): number[] => new Array<number>(D).fill(Number.NaN);
  const nanInterval = (): Interval[] => new Array(D).fill([Number.NaN, Number.NaN]);

  let nonFinite = 0;
  let firstBad = -1;
  let sum = 0;
  for (let r = 0; r < y.length; r++) {
    const v = y[r] as number;
    if (Number.isFinite(v)) sum += v;
    else if (nonFinite++ === 0) firstBad = r;
  }
  if (nonFinite > 0) {
    diagnostics.push(
      createDiagnostic(simulationMessages.SCORING_SENSITIVITY_NON_FINITE, {
        count: nonFinite,
        row: firstBad,
        value: String(y[firstBad]),
      }),
    );
    return {
      names: layout.names,
      S1: nan(),
      ST: nan(),
      ...(secondOrder ? { S2: [] } : {}),
      S1Conf: nan(),
      STConf: nan(),
      intervals: { method, confidence, resamples, S1: nanInterval(), ST: nanInterval() },
      mean: Number.NaN,
      variance: Number.NaN,
      diagnostics,
    };
  }
  const m = sum / y.length;
  const identity = new Int32Array(N);
  for (let j = 0; j < N; j++) identity[j] = j;
  const s1 = new Float64Array(D);
  const st = new Float64Array(D);
  const s2 = secondOrder ? new Float64Array(D * D) : undefined;
  const terms = estimatorTerms(y, layout, m);
  const V = estimate(y, layout, terms, identity, m, s1, st, s2);
  if (!(V > 0)) {
    diagnostics.push(
      createDiagnostic(simulationMessages.SCORING_SENSITIVITY_ZERO_VARIANCE, { value: y[0] ?? 0 }),
    );
  }

  // Bootstrap: resample base points with replacement (the same draw for every input, as SALib).
  const bootS1 = new Float64Array(resamples * D);
  const bootST = new Float64Array(resamples * D);
  const pairs = (D * (D - 1)) / 2;
  const bootS2 = secondOrder ? new Float64Array(resamples * pairs) : undefined;
  if (resamples > 0 && !secondOrder) {
    const draws = createRandom(seed).getState();
    bootstrapFirstAndTotal(y, terms, N, D, resamples, draws, bootS1, bootST, kernel);
  } else if (resamples > 0) {
    const random = createRandom(seed);
    const sample = new Int32Array(N);
    const r1 = new Float64Array(D);
    const rt = new Float64Array(D);
    const r2 = new Float64Array(D * D);
    for (let r = 0; r < resamples; r++) {
      for (let t = 0; t < N; t++) sample[t] = random.int(N);
      estimate(y, layout, terms, sample, m, r1, rt, r2);
      bootS1.set(r1, r * D);
      bootST.set(rt, r * D);
      if (bootS2 !== undefined) {
        let p = 0;
        for (let i = 0; i < D; i++) {
          for (let j = i + 1; j < D; j++) bootS2[r * pairs + p++] = r2[i * D + j] as number;
        }
      }
    }
  }
  const z = normalQuantile(0.5 + confidence / 2);
  const column = new Float64Array(resamples);
  const spread = (boot: Float64Array, width: number, index: number, value: number) => {
    if (resamples < 2) return { conf: Number.NaN, interval: [Number.NaN, Number.NaN] as Interval };
    let mean = 0;
    for (let r = 0; r < resamples; r++) {
      column[r] = boot[r * width + index] as number;
      mean += column[r] as number;
    }
    mean /= resamples;
    if (method === 'normal') {
      let ss = 0;
      for (let r = 0; r < resamples; r++) ss += ((column[r] as number) - mean) ** 2;
      const conf = z * Math.sqrt(ss / (resamples - 1));
      return { conf, interval: [value - conf, value + conf] as Interval };
    }
    column.sort();
    const low = quantileSorted(column, (1 - confidence) / 2);
    const high = quantileSorted(column, (1 + confidence) / 2);
    return { conf: (high - low) / 2, interval: [low, high] as Interval };
  };
  const S1: number[] = Array.from(s1);
  const ST: number[] = Array.from(st);
  const s1Spread = S1.map((v, i) => spread(bootS1, D, i, v));
  const stSpread = ST.map((v, i) => spread(bootST, D, i, v));
  let S2: SecondOrderIndex[] | undefined;
  if (s2 !== undefined && bootS2 !== undefined) {
    S2 = [];
    let p = 0;
    for (let i = 0; i < D; i++) {
      for (let j = i + 1; j < D; j++) {
        const value = s2[i * D + j] as number;
        const { conf, interval } = spread(bootS2, pairs, p++, value);
        S2.push({
          i,
          j,
          names: [layout.names[i] as string, layout.names[j] as string],
          value,
          conf,
          interval,
        });
      }
    }
  }
  return {
    names: layout.names,
    S1,
    ST,
    ...(S2 === undefined ? {} : { S2 }),
    S1Conf: s1Spread.map((s) => s.conf),
    STConf: stSpread.map((s) => s.conf),
    intervals: {
      method,
      confidence,
      resamples,
      S1: s1Spread.map((s) => s.interval),
      ST: stSpread.map((s) => s.interval),
    },
    mean: m,
    variance: V,
    diagnostics,
  };
}
