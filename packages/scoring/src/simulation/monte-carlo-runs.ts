import { createRandom, type Random, type RandomSeed } from '@foodsafety/core';
import type { Facts } from '../facts.js';
import type { Standard } from '../standard/define-standard.js';
import { factVector } from '../standard/evaluate.js';
import { TIERS } from '../standard/standard-spec.js';
import { drawFact, type FactUncertainty } from './fact-uncertainty.js';
import { chooseMethod, type MethodChoice } from './method-choice.js';

/** A weighted choice among alternative values of a method parameter. */

/**
 * Method switches drawn once per run: alternative pass thresholds (the total a unit must reach,
 * the share of its points every key item must reach).
 */
export interface MethodSwitches {
  readonly minTotal?: MethodChoice;
  readonly keyItemMinPercent?: MethodChoice;
}

/**
 * Uncertain weights, drawn once per run and applied to every unit. An item's weight is its
 * maximum points; weights are perturbed within each tier and rescaled so every tier keeps its
 * total (so the pass threshold keeps its meaning):
 * - `uniform`: each maximum × (1 + U(−percent, +percent)/100);
 * - `dirichlet`: the tier's shares ~ Dirichlet(concentration × given shares) (mean = given).
 */
export type WeightUncertainty =
  | { readonly type: 'uniform'; readonly percent: number }
  | { readonly type: 'dirichlet'; readonly concentration: number };

/** What is wrong with a weight uncertainty, or `undefined` when it is usable. */
export function weightUncertaintyProblem(w: WeightUncertainty): string | undefined {
  const ok =
    typeof w === 'object' &&
    w !== null &&
    ((w.type === 'uniform' && Number.isFinite(w.percent) && w.percent >= 0 && w.percent < 100) ||
      (w.type === 'dirichlet' && Number.isFinite(w.concentration) && w.concentration > 0));
  return ok
    ? undefined
    : 'weights must be { type: uniform, percent in [0, 100) } or { type: dirichlet, concentration > 0 }';
}

/** A unit of the simulation, with the facts it was assessed on. */
export interface SimulationUnit {
  readonly kind: 'city' | 'region' | 'department';
  readonly id: string;
  readonly facts: Facts;
}

/** Everything a run needs, as plain data (the standard travels as its spec). */
export interface MonteCarloPlan {
  readonly units: readonly SimulationUnit[];
  readonly facts: Readonly<Record<string, FactUncertainty>>;
  readonly weights?: WeightUncertainty;
  readonly methods?: MethodSwitches;
  readonly seed: RandomSeed;
  readonly runs: number;
}

/** Outputs per unit and run: total (points), pass, key items ok, any veto, then each veto. */
export const UNIT_FIELDS = 4;

/** The layout of one run's outputs. */
export function runStride(plan: Pick<MonteCarloPlan, 'units'>, standard: Standard): number {
  return plan.units.length * (UNIT_FIELDS + standard.vetoes.length);
}

/**
 * A compiled runner: evaluates runs [from, to) into `outputs` (stride {@link runStride}). Run r
 * draws from `createRandom(seed).stream(r)` only — method switches, then weights, then the
 * facts of each unit in order — so its outputs never depend on which thread ran it.
 */
export function monteCarloRunner(
  plan: MonteCarloPlan,
  standard: Standard,
): (from: number, to: number, outputs: Float64Array) => void {
  const c = standard.compiled;
  const root = createRandom(plan.seed);
  const base = plan.units.map((unit) => factVector(standard, unit.facts));
  const uncertain = Object.entries(plan.facts)
    .map(([name, spec]) => ({ slot: c.slots.get(name) ?? -1, spec }))
    .filter((f) => f.slot >= 0);
  const items = standard.items;
  const nItems = items.length;
  const nVetoes = standard.vetoes.length;
  const stride = runStride(plan, standard);
  const v = new Float64Array(standard.factNames.length);
  const factor = new Float64Array(nItems).fill(1);
  // Items of each tier (for weights) and the tier of each item.
  const tierItems = TIERS.map((_, t) => items.filter((it) => c.itemTier[it.index] === t));
  const scorers = c.itemScorers;
  const keyItemMinPercent = c.pass.keyItemMinPercent;
  const minTotalHundredths = c.pass.minTotalHundredths;

  const drawWeights = (random: Random): void => {
    const w = plan.weights;
    if (w === undefined) return;
    for (const group of tierItems) {
      const live = group.filter((it) => it.maxHundredths > 0);
      if (live.length < 2) continue;
      const total = live.reduce((s, it) => s + it.maxHundredths, 0);
      if (w.type === 'uniform') {
        const f = w.percent / 100;
        let sum = 0;
        const raw = live.map((it) => {
          const x = it.maxHundredths * (1 + random.uniform(-f, f));
          sum += x;
          return x;
        });
        live.forEach((it, i) => {
          factor[it.index] = ((raw[i] as number) * total) / sum / it.maxHundredths;
        });
      } else {
        const shares = random.dirichlet(
          live.map((it) => (w.concentration * it.maxHundredths) / total),
        );
        live.forEach((it, i) => {
          factor[it.index] = ((shares[i] as number) * total) / it.maxHundredths;
        });
      }
    }
  };

  return (from, to, outputs) => {
    for (let r = from; r < to; r++) {
      const random = root.stream(r);
      const minTotalH =
        plan.methods?.minTotal === undefined
          ? minTotalHundredths
          : Math.round(chooseMethod(plan.methods.minTotal, random) * 100);
      const keyPct =
        plan.methods?.keyItemMinPercent === undefined
          ? keyItemMinPercent
          : chooseMethod(plan.methods.keyItemMinPercent, random);
      drawWeights(random);
      let o = r * stride;
      for (let u = 0; u < base.length; u++) {
        v.set(base[u] as Float64Array);
        for (const { slot, spec } of uncertain) {
          const reported = v[slot] as number;
          if (!Number.isNaN(reported)) v[slot] = drawFact(spec, reported, random);
        }
        let total = 0;
        let keyOk = true;
        for (let i = 0; i < nItems; i++) {
          let h = (scorers[i] as (x: Float64Array) => number)(v);
          if (Number.isNaN(h)) {
            if (c.itemSkip[i] === 1) continue;
            h = 0;
          }
          const t = c.itemTier[i] as number;
          if (c.tierInTotal[t] === 1) total += h * (factor[i] as number);
          if (t === 0 && h * 100 < keyPct * (c.itemMax[i] as number)) keyOk = false;
        }
        let vetoes = 0;
        for (let i = 0; i < nVetoes; i++) {
          const res = (c.vetoTests[i] as (x: Float64Array) => number)(v);
          const fired = res === 1 || (Number.isNaN(res) && c.vetoFiresWhenMissing);
          outputs[o + UNIT_FIELDS + i] = fired ? 1 : 0;
          if (fired) vetoes++;
        }
        const pass = (!c.pass.noVeto || vetoes === 0) && keyOk && total >= minTotalH - 1e-9;
        outputs[o] = total / 100;
        outputs[o + 1] = pass ? 1 : 0;
        outputs[o + 2] = keyOk ? 1 : 0;
        outputs[o + 3] = vetoes > 0 ? 1 : 0;
        o += UNIT_FIELDS + nVetoes;
      }
    }
  };
}
