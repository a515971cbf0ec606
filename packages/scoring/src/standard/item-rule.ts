import { compileExpression, type Getter, type NameResolver } from './expression.js';
import type { Calculator } from './extensions.js';
import { type Rounder, toHundredths } from './points.js';
import { compilePredicate, type PluginPredicateResolver } from './predicate.js';
import type { ItemSpec, Predicate } from './standard-spec.js';

/** A calculator resolved at compile time: the plugin, its validated params and its inputs. */
export interface ResolvedCalculator {
  readonly calc: Calculator<unknown>;
  readonly params: unknown;
  readonly inputs: readonly string[];
}

/** Bands sorted from the least to the most demanding threshold. */
export function sortBands(
  bands: readonly { atLeast?: number; atMost?: number; points: number }[],
  up: boolean,
): { threshold: number; points: number; index: number }[] {
  return bands
    .map((b, index) => ({
      threshold: (up ? b.atLeast : b.atMost) as number,
      points: b.points,
      index,
    }))
    .sort((a, b) => (up ? a.threshold - b.threshold : b.threshold - a.threshold));
}

/** Compile an item's rule into a scorer: integer hundredths, or `NaN` when facts are missing. */
export function compileItemRule(
  item: ItemSpec,
  maxH: number,
  names: NameResolver,
  plugins: PluginPredicateResolver,
  round: Rounder,
  calc: ResolvedCalculator | undefined,
): (v: Float64Array) => number {
  const rule = item.rule;
  switch (rule.kind) {
    case 'threshold': {
      const get = compileExpression(rule.input, names);
      const up = rule.bands.every((b) => b.atLeast !== undefined);
      // most demanding first
      const sorted = sortBands(rule.bands, up).reverse();
      const th = Float64Array.from(sorted.map((b) => b.threshold));
      const pts = Int32Array.from(sorted.map((b) => toHundredths(b.points) as number));
      const n = th.length;
      return up
        ? (v) => {
            const x = get(v);
            if (Number.isNaN(x)) return x;
            for (let j = 0; j < n; j++) if (x >= (th[j] as number)) return pts[j] as number;
            return 0;
          }
        : (v) => {
            const x = get(v);
            if (Number.isNaN(x)) return x;
            for (let j = 0; j < n; j++) if (x <= (th[j] as number)) return pts[j] as number;
            return 0;
          };
    }
    case 'linear':
    case 'taskShare': {
      const get =
        rule.kind === 'linear'
          ? compileExpression(rule.input, names)
          : names.getter(rule.input ?? `taskShare.${item.id}`);
      const zeroAt = rule.zeroAt ?? 0;
      const span = (rule.fullAt ?? 1) - zeroAt;
      return (v) => {
        const x = get(v);
        if (Number.isNaN(x)) return x;
        let f = (x - zeroAt) / span;
        if (f < 0) f = 0;
        else if (f > 1) f = 1;
        return round(f * maxH);
      };
    }
    case 'boolean': {
      if (rule.input !== undefined) {
        const get = compileExpression(rule.input, names);
        return (v) => {
          const x = get(v);
          return Number.isNaN(x) ? x : x !== 0 ? maxH : 0;
        };
      }
      const test = compilePredicate(rule.when as Predicate, names, plugins);
      return (v) => {
        const r = test(v);
        return Number.isNaN(r) ? r : r === 1 ? maxH : 0;
      };
    }
    case 'count': {
      const get = compileExpression(rule.input, names);
      const each = toHundredths(rule.pointsEach) as number;
      return (v) => {
        const x = get(v);
        if (Number.isNaN(x)) return x;
        const n = Math.floor(x + 1e-9);
        const h = n <= 0 ? 0 : n * each;
        return Math.min(h, maxH);
      };
    }
    default: {
      const c = calc as ResolvedCalculator;
      const getters = c.inputs.map((n) => names.getter(n));
      const buffer = new Array<number>(getters.length).fill(0);
      const compute = c.calc.compute;
      const params = c.params;
      return (v) => {
        for (let j = 0; j < getters.length; j++) {
          const x = (getters[j] as Getter)(v);
          if (Number.isNaN(x)) return x;
          buffer[j] = x;
        }
        let f: number;
        try {
          f = compute(buffer, params);
        } catch {
          return Number.NaN;
        }
        if (Number.isNaN(f)) return f;
        if (f < 0) f = 0;
        else if (f > 1) f = 1;
        return round(f * maxH);
      };
    }
  }
}
