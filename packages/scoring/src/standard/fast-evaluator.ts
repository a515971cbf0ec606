import {
  compileExpression,
  expressionRefs,
  factPair,
  type Getter,
  type NameResolver,
  quotient,
} from './expression.js';
import { compileItemRule, type ResolvedCalculator, sortBands } from './item-rule.js';
import { type Rounder, toHundredths } from './points.js';
import {
  COMPARISON_CODES,
  type CompiledPredicate,
  compareByCode,
  compilePredicate,
  type PluginPredicateResolver,
} from './predicate.js';
import type { Expression, ItemSpec, Predicate } from './standard-spec.js';

const THRESHOLD_UP = 0;
const THRESHOLD_DOWN = 1;
const LINEAR = 2;
const BOOLEAN = 3;
const COUNT = 4;
const CLOSURE = 5;

/** Indicators over two plain facts, computed inline; anything else is a compiled closure. */
const IND_CLOSURE = 0;
const IND_QUOTIENT = 1;
const IND_DIFFERENCE = 2;

/** A veto that is not a comparison of one plain fact, evaluated by its compiled closure. */
const VETO_CLOSURE = 0;

/**
 * The data-oriented evaluator behind `evaluate` and `cityModel`: indicators are computed once per
 * evaluation into a scratch vector (in dependency order), and items whose input is a plain fact or
 * indicator run from typed arrays in one loop, with no closure call; other items fall back to
 * their compiled closure. It owns scratch buffers, so it is not re-entrant (JavaScript is single
 * threaded; build one standard per worker). After {@link FastEvaluator.run}, read `total`,
 * `keyOk` and `vetoCount`.
 */
export class FastEvaluator {
  /** Total of the last run, in hundredths. */
  total = 0;
  /** Whether every non-skipped key item reached its minimum share in the last run. */
  keyOk = true;
  /** Vetoes fired in the last run. */
  vetoCount = 0;

  private readonly _ind: Float64Array;
  private readonly _indFns: readonly Getter[];
  private readonly _kind: Uint8Array;
  private readonly _src: Uint8Array;
  private readonly _slot: Int32Array;
  private readonly _a: Float64Array;
  private readonly _b: Float64Array;
  private readonly _bandFrom: Int32Array;
  private readonly _bandTo: Int32Array;
  private readonly _bandTh: Float64Array;
  private readonly _bandPts: Int32Array;
  private readonly _closures: readonly (((v: Float64Array) => number) | undefined)[];
  private readonly _tier: Uint8Array;
  private readonly _max: Int32Array;
  private readonly _skip: Uint8Array;
  private readonly _inTotal: Uint8Array;
  private readonly _keyPct: number;
  private readonly _vetoes: readonly CompiledPredicate[];
  private readonly _vetoOp: Uint8Array;
  private readonly _vetoSlot: Int32Array;
  private readonly _vetoThan: Float64Array;
  private readonly _fireMissing: boolean;
  private readonly _round: Rounder;
  private readonly _roundIsHalfUpHundredths: boolean;

  constructor(args: {
    items: readonly ItemSpec[];
    itemMax: Int32Array;
    itemTier: Uint8Array;
    itemSkip: Uint8Array;
    tierInTotal: Uint8Array;
    keyItemMinPercent: number;
    indicators: Readonly<Record<string, Expression>>;
    cyclic: ReadonlySet<string>;
    slots: ReadonlyMap<string, number>;
    vetoPredicates: readonly Predicate[];
    vetoFiresWhenMissing: boolean;
    plugins: PluginPredicateResolver;
    calculators: ReadonlyMap<number, ResolvedCalculator>;
    round: Rounder;
    roundIsHalfUpHundredths: boolean;
  }) {
    const names = Object.keys(args.indicators);
    const indIndex = new Map(names.map((n, k) => [n, k]));
    const ind = new Float64Array(names.length);
    this._ind = ind;
    const factGetters = new Map<string, Getter>();
    const scratch: NameResolver = {
      isIndicator: (n) => indIndex.has(n),
      indicatorExpression: (n) => args.indicators[n],
      slot: (n) => args.slots.get(n),
      getter(name) {
        const k = indIndex.get(name);
        if (k !== undefined) return () => ind[k] as number;
        let g = factGetters.get(name);
        if (g === undefined) {
          const slot = args.slots.get(name);
          g = slot === undefined ? () => Number.NaN : (v: Float64Array) => v[slot] as number;
          factGetters.set(name, g);
        }
        return g;
      },
    };
    // indicators in dependency order
    const order: string[] = [];
    const seen = new Set<string>();
    const visit = (n: string): void => {
      if (seen.has(n)) return;
      seen.add(n);
      if (!args.cyclic.has(n))
        for (const r of expressionRefs(args.indicators[n] as Expression))
          if (indIndex.has(r)) visit(r);
      order.push(n);
    };
    for (const n of names) visit(n);
    const fns: Getter[] = new Array<Getter>(names.length);
    for (const n of order) {
      const k = indIndex.get(n) as number;
      fns[k] = args.cyclic.has(n)
        ? () => Number.NaN
        : compileExpression(args.indicators[n] as Expression, scratch);
    }
    // evaluation order = dependency order
    this._indFns = order.map((n) => fns[indIndex.get(n) as number] as Getter);
    this._indOrder = Int32Array.from(order.map((n) => indIndex.get(n) as number));
    // ratio, perCapita and difference over two plain facts (factPair): operands and scale in
    // columns, computed in the loop without a closure call per indicator
    this._indOp = new Uint8Array(order.length);
    this._indA = new Int32Array(order.length);
    this._indB = new Int32Array(order.length);
    this._indScale = new Float64Array(order.length);
    order.forEach((n, j) => {
      const pair = args.cyclic.has(n)
        ? undefined
        : factPair(args.indicators[n] as Expression, scratch);
      if (pair === undefined) return;
      this._indOp[j] = pair.op === 'difference' ? IND_DIFFERENCE : IND_QUOTIENT;
      this._indA[j] = pair.a;
      this._indB[j] = pair.b;
      this._indScale[j] = pair.scale;
    });

    const n = args.items.length;
    this._kind = new Uint8Array(n);
    this._src = new Uint8Array(n);
    this._slot = new Int32Array(n);
    this._a = new Float64Array(n);
    this._b = new Float64Array(n);
    this._bandFrom = new Int32Array(n);
    this._bandTo = new Int32Array(n);
    const th: number[] = [];
    const pts: number[] = [];
    const closures: (((v: Float64Array) => number) | undefined)[] = [];
    args.items.forEach((item, i) => {
      const rule = item.rule;
      const maxH = args.itemMax[i] as number;
      const input =
        rule.kind === 'threshold' || rule.kind === 'linear' || rule.kind === 'count'
          ? rule.input
          : rule.kind === 'boolean'
            ? rule.input
            : rule.kind === 'taskShare'
              ? (rule.input ?? `taskShare.${item.id}`)
              : undefined;
      const ref = typeof input === 'string' ? input : undefined;
      const k = ref === undefined ? undefined : indIndex.get(ref);
      const slot = ref === undefined ? undefined : args.slots.get(ref);
      closures.push(undefined);
      if (ref === undefined || (k === undefined && slot === undefined)) {
        this._kind[i] = CLOSURE;
        closures[i] = compileItemRule(
          item,
          maxH,
          scratch,
          args.plugins,
          args.round,
          args.calculators.get(i),
        );
        return;
      }
      this._src[i] = k === undefined ? 0 : 1;
      this._slot[i] = k === undefined ? (slot as number) : k;
      switch (rule.kind) {
        case 'threshold': {
          const up = rule.bands.every((b) => b.atLeast !== undefined);
          const sorted = sortBands(rule.bands, up).reverse();
          this._kind[i] = up ? THRESHOLD_UP : THRESHOLD_DOWN;
          this._bandFrom[i] = th.length;
          for (const b of sorted) {
            th.push(b.threshold);
            pts.push(toHundredths(b.points) as number);
          }
          this._bandTo[i] = th.length;
          break;
        }
        case 'linear':
        case 'taskShare': {
          this._kind[i] = LINEAR;
          const zeroAt = rule.zeroAt ?? 0;
          this._a[i] = zeroAt;
          this._b[i] = (rule.fullAt ?? 1) - zeroAt;
          break;
        }
        case 'boolean':
          this._kind[i] = BOOLEAN;
          break;
        default:
          this._kind[i] = COUNT;
          this._a[i] = toHundredths((rule as { pointsEach: number }).pointsEach) as number;
      }
    });
    this._bandTh = Float64Array.from(th);
    this._bandPts = Int32Array.from(pts);
    this._closures = closures;
    this._tier = args.itemTier;
    this._max = args.itemMax;
    this._skip = args.itemSkip;
    this._inTotal = args.tierInTotal;
    this._keyPct = args.keyItemMinPercent;
    this._vetoes = args.vetoPredicates.map((p) => compilePredicate(p, scratch, args.plugins));
    const vetoCount = args.vetoPredicates.length;
    this._vetoOp = new Uint8Array(vetoCount);
    this._vetoSlot = new Int32Array(vetoCount);
    this._vetoThan = new Float64Array(vetoCount);
    args.vetoPredicates.forEach((p, i) => {
      if (!('value' in p) || typeof p.value !== 'string' || indIndex.has(p.value)) return;
      const slot = args.slots.get(p.value);
      if (slot === undefined) return;
      this._vetoOp[i] = COMPARISON_CODES[p.op];
      this._vetoSlot[i] = slot;
      this._vetoThan[i] = typeof p.than === 'boolean' ? (p.than ? 1 : 0) : p.than;
    });
    this._fireMissing = args.vetoFiresWhenMissing;
    this._round = args.round;
    this._roundIsHalfUpHundredths = args.roundIsHalfUpHundredths;
  }

  private readonly _indOrder: Int32Array;
  private readonly _indOp: Uint8Array;
  private readonly _indA: Int32Array;
  private readonly _indB: Int32Array;
  private readonly _indScale: Float64Array;

  /** Evaluate one fact vector; results in `total`, `keyOk`, `vetoCount`. */
  run(v: Float64Array): void {
    const ind = this._ind;
    const indFns = this._indFns;
    const indOrder = this._indOrder;
    const indOp = this._indOp;
    for (let j = 0; j < indFns.length; j++) {
      const op = indOp[j] as number;
      let x: number;
      if (op === IND_CLOSURE) {
        x = (indFns[j] as Getter)(v);
      } else {
        const a = v[this._indA[j] as number] as number;
        const b = v[this._indB[j] as number] as number;
        x = op === IND_DIFFERENCE ? a - b : quotient(a, b, this._indScale[j] as number);
      }
      ind[indOrder[j] as number] = x;
    }
    const kind = this._kind;
    const src = this._src;
    const slot = this._slot;
    const max = this._max;
    const tier = this._tier;
    const skip = this._skip;
    const inTotal = this._inTotal;
    const keyPct = this._keyPct;
    const halfUp = this._roundIsHalfUpHundredths;
    let total = 0;
    let keyOk = true;
    for (let i = 0; i < kind.length; i++) {
      const kd = kind[i] as number;
      const m = max[i] as number;
      let h: number;
      if (kd === CLOSURE) {
        h = (this._closures[i] as (v: Float64Array) => number)(v);
      } else {
        const x =
          src[i] === 0 ? (v[slot[i] as number] as number) : (ind[slot[i] as number] as number);
        if (Number.isNaN(x)) {
          h = Number.NaN;
        } else if (kd === THRESHOLD_UP) {
          h = 0;
          const to = this._bandTo[i] as number;
          for (let j = this._bandFrom[i] as number; j < to; j++)
            if (x >= (this._bandTh[j] as number)) {
              h = this._bandPts[j] as number;
              break;
            }
        } else if (kd === THRESHOLD_DOWN) {
          h = 0;
          const to = this._bandTo[i] as number;
          for (let j = this._bandFrom[i] as number; j < to; j++)
            if (x <= (this._bandTh[j] as number)) {
              h = this._bandPts[j] as number;
              break;
            }
        } else if (kd === LINEAR) {
          let f = (x - (this._a[i] as number)) / (this._b[i] as number);
          f = f < 0 ? 0 : Math.min(f, 1);
          const raw = f * m;
          if (halfUp) {
            const r = Math.round(raw);
            h = Math.abs(raw - r) < 1e-9 ? r : Math.floor(raw + 0.5);
          } else h = this._round(raw);
        } else if (kd === BOOLEAN) {
          h = x !== 0 ? m : 0;
        } else {
          const c = Math.floor(x + 1e-9);
          h = c <= 0 ? 0 : Math.min(c * (this._a[i] as number), m);
        }
      }
      if (Number.isNaN(h)) {
        if (skip[i] === 1) continue;
        h = 0;
      }
      const t = tier[i] as number;
      if (inTotal[t] === 1) total += h;
      if (t === 0 && h * 100 < keyPct * m) keyOk = false;
    }
    let vetoCount = 0;
    const vetoes = this._vetoes;
    const fireMissing = this._fireMissing;
    const vetoOp = this._vetoOp;
    for (let i = 0; i < vetoes.length; i++) {
      const op = vetoOp[i] as number;
      let r: number;
      if (op === VETO_CLOSURE) {
        r = (vetoes[i] as CompiledPredicate)(v);
      } else {
        // a comparison of one plain fact: no closure call (NaN, missing, stays unknown)
        r = compareByCode(
          op,
          v[this._vetoSlot[i] as number] as number,
          this._vetoThan[i] as number,
        );
      }
      if (r === 1 || (Number.isNaN(r) && fireMissing)) vetoCount++;
    }
    this.total = total;
    this.keyOk = keyOk;
    this.vetoCount = vetoCount;
  }
}
