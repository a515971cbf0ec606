import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../stats/normal-quantile.js';
import { studentTCdf, studentTQuantile } from './student-t.js';
import {
  estimateMean,
  estimateRate,
  kishEffectiveSize,
  wilsonInterval,
} from './survey-estimate.js';

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

describe('wilsonInterval', () => {
  // Newcombe R.G. (1998), Two-sided confidence intervals for the single proportion: comparison of
  // seven methods, Statistics in Medicine 17, 857–872, Table I (score method without continuity
  // correction, 95 %).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i of %i → [%f, %f] (Newcombe 1998, Table I)', (k, n, lo, hi) => {
    const i = wilsonInterval(k, n);
    expect(i).not.toBeNull();
    expect([r4(i?.lower ?? Number.NaN), r4(i?.upper ?? Number.NaN)]).toEqual([lo, hi]);
  });

  it('no respondents → null; the interval always lies in [0, 1] and contains the rate', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, f) => {
          const k = Math.round(f * n);
          const i = wilsonInterval(k, n);
          return (
            i !== null &&
            i.lower >= 0 &&
            i.upper <= 1 &&
            i.lower <= k / n + 1e-12 &&
            i.upper >= k / n - 1e-12
          );
        },
      ),
    );
  });
});

describe('quantiles', () => {
  it('normal: Φ⁻¹(0.975) = 1.959963984540054', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.005)).toBeCloseTo(-2.5758293035489, 10);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
  });

  it.each([
    [1, 12.706204736],
    [3, 3.182446305],
    [10, 2.228138852],
    [30, 2.042272456],
  ])('t(0.975, df = %i) = %f (standard tables)', (df, t) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 7);
    expect(studentTCdf(t, df)).toBeCloseTo(0.975, 9);
  });
});

describe('estimates', () => {
  it('Kish effective sample size: weights 1, 1, 2, 2 → 36 / 10 = 3.6', () => {
    expect(kishEffectiveSize([1, 1, 2, 2])).toBeCloseTo(3.6, 12);
    expect(kishEffectiveSize([3, 3, 3])).toBeCloseTo(3, 12);
  });

  it('mean with a t interval: 60, 70, 80, 90 → 75 ± 3.1824 × 6.4550', () => {
    const m = estimateMean([60, 70, 80, 90].map((value) => ({ value })));
    expect(m?.mean).toBe(75);
    expect(m?.sd).toBeCloseTo(Math.sqrt(500 / 3), 12);
    expect(m?.interval.lower).toBeCloseTo(75 - (3.182446305 * Math.sqrt(500 / 3)) / 2, 6);
    expect(m?.interval.upper).toBeCloseTo(75 + (3.182446305 * Math.sqrt(500 / 3)) / 2, 6);
    const z = estimateMean(
      [60, 70, 80, 90].map((value) => ({ value })),
      { method: 'normal' },
    );
    expect(z?.interval.upper).toBeCloseTo(75 + (1.959963985 * Math.sqrt(500 / 3)) / 2, 6);
    expect(estimateMean([{ value: 1 }])).toBeNull();
  });

  it('weighted rate: weighted share, Wilson on the Kish effective size (wider than unweighted)', () => {
    const answers = [
      { value: true, weight: 2 },
      { value: true, weight: 2 },
      { value: false, weight: 1 },
      { value: false, weight: 1 },
    ];
    const r = estimateRate(answers);
    expect(r?.rate).toBeCloseTo(4 / 6, 12);
    expect(r?.effectiveN).toBeCloseTo(3.6, 12);
    expect(r?.method).toBe('wilson-kish');
    const w = wilsonInterval((4 / 6) * 3.6, 3.6);
    expect(r?.interval.lower).toBeCloseTo(w?.lower ?? 0, 12);
    const same = estimateRate(answers.map((a) => ({ value: a.value, weight: 5 })));
    const plain = estimateRate(answers.map((a) => ({ value: a.value })));
    expect(same?.effectiveN).toBeCloseTo(4, 12);
    expect(same?.interval.lower).toBeCloseTo(plain?.interval.lower ?? 0, 12);
    expect(estimateRate([])).toBeNull();
  });

  it('answers, weights and options of the wrong shape give null, never a throw', () => {
    const yes = { value: true };
    for (const answers of [
      null,
      'x',
      [null],
      [yes, { value: true, weight: 10n }],
      [yes, { value: false, weight: '2' }],
    ]) {
      expect(estimateRate(answers as never)).toBeNull();
    }
    expect(estimateRate([yes, yes], Object.create(null))).toBeNull();
    expect(estimateRate([yes, yes], 10n as never)).toBeNull();
    const xs = [{ value: 60 }, { value: 70 }];
    for (const answers of [
      null,
      {},
      [null, ...xs],
      [...xs, { value: '80' }],
      [...xs, { value: 10n }],
      [...xs, { value: 80, weight: Object.create(null) }],
    ]) {
      expect(estimateMean(answers as never)).toBeNull();
    }
    expect(estimateMean(xs, null as never)).toBeNull();
    expect(estimateMean(xs, { confidence: 10n as never })).toBeNull();
    expect(estimateMean(xs)).not.toBeNull();
  });

  it('property: equal weights leave the mean estimate unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 2, maxLength: 50 }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (xs, w) => {
          const a = estimateMean(xs.map((value) => ({ value })));
          const b = estimateMean(xs.map((value) => ({ value, weight: w })));
          return (
            a !== null &&
            b !== null &&
            Math.abs(a.mean - b.mean) < 1e-9 &&
            Math.abs(a.interval.upper - b.interval.upper) < 1e-6
          );
        },
      ),
    );
  });
});
