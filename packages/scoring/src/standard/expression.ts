import type { Expression } from './standard-spec.js';

/** A compiled read of a fact vector: `NaN` when a fact is missing or the value is undefined. */
export type Getter = (facts: Float64Array) => number;

/** A node of an explanation tree. */
export interface ExplanationNode {
  /** What the node is: a unit, tier, item, veto, the pass rule or one of its checks, an indicator, a fact, a constant or an operation. */
  readonly kind:
    | 'unit'
    | 'tier'
    | 'item'
    | 'veto'
    | 'pass-rule'
    | 'check'
    | 'indicator'
    | 'fact'
    | 'constant'
    | 'operation'
    | 'predicate';
  readonly id: string;
  /** Human label (English; `labelZh` in Chinese where the standard gives one). */
  readonly label?: string;
  readonly labelZh?: string;
  /** The numeric value (points for units, tiers and items; the value for facts and indicators); `null` when missing. */
  readonly value?: number | null;
  readonly max?: number;
  /** For predicates, checks and vetoes: whether it holds (`null` when unknown). */
  readonly holds?: boolean | null;
  /** The rule applied (`threshold`, `linear`, …) or the operation (`ratio`, `perCapita`, …). */
  readonly rule?: string;
  /** For threshold rules: every band, and whether the value reached it. */
  readonly thresholds?: readonly {
    readonly atLeast?: number;
    readonly atMost?: number;
    readonly points: number;
    readonly crossed: boolean;
  }[];
  readonly detail?: string;
  readonly children?: readonly ExplanationNode[];
}

/** How names resolve while compiling: an indicator's expression, or a fact slot. */
export interface NameResolver {
  /** The getter of a name (an indicator or a fact). */
  getter(name: string): Getter;
  /** Whether the name is an indicator. */
  isIndicator(name: string): boolean;
  indicatorExpression(name: string): Expression | undefined;
  slot(name: string): number | undefined;
}

const finiteOrNaN = (x: number): number => (Number.isFinite(x) ? x : Number.NaN);

/**
 * An expression that is a ratio, per-capita rate or difference of two plain facts (not
 * indicators), as fact-vector slots: the common indicator shape (batches ÷ population × 1 000),
 * which the evaluators read straight from the fact vector.
 */
export interface FactPair {
  readonly op: 'quotient' | 'difference';
  readonly a: number;
  readonly b: number;
  /** The ratio's `scale` or the rate's `per` (1 for a difference). */
  readonly scale: number;
}

/** The {@link FactPair} of an expression, or `undefined` when it has another shape. */
export function factPair(expr: Expression, names: NameResolver): FactPair | undefined {
  if (typeof expr !== 'object' || expr === null) return undefined;
  const pair =
    'ratio' in expr
      ? expr.ratio
      : 'perCapita' in expr
        ? ([expr.perCapita, expr.population] as const)
        : 'difference' in expr
          ? expr.difference
          : undefined;
  if (pair === undefined) return undefined;
  const slot = (x: Expression): number | undefined =>
    typeof x === 'string' && !names.isIndicator(x) ? names.slot(x) : undefined;
  const a = slot(pair[0]);
  const b = slot(pair[1]);
  if (a === undefined || b === undefined) return undefined;
  if ('difference' in expr) return { op: 'difference', a, b, scale: 1 };
  const scale = 'ratio' in expr ? (expr.scale ?? 1) : 'perCapita' in expr ? (expr.per ?? 1000) : 1;
  return { op: 'quotient', a, b, scale };
}

/** a ÷ b × scale; `NaN` for a zero divisor or a result that is not finite. */
export function quotient(a: number, b: number, scale: number): number {
  return b === 0 ? Number.NaN : finiteOrNaN((a / b) * scale);
}

/** Compile an expression into a getter over a fact vector. Division by zero gives `NaN`. */
export function compileExpression(expr: Expression, names: NameResolver): Getter {
  if (typeof expr === 'number') return () => expr;
  if (typeof expr === 'string') return names.getter(expr);
  // two plain facts: read the fact vector directly (no getter calls, which the JIT cannot always
  // inline at a call site shared by many indicators)
  const pair = factPair(expr, names);
  if (pair !== undefined) {
    const { a, b, scale } = pair;
    if (pair.op === 'difference') return (v) => (v[a] as number) - (v[b] as number);
    return (v) => quotient(v[a] as number, v[b] as number, scale);
  }
  if ('ratio' in expr) {
    const a = compileExpression(expr.ratio[0], names);
    const b = compileExpression(expr.ratio[1], names);
    const scale = expr.scale ?? 1;
    return (v) => quotient(a(v), b(v), scale);
  }
  if ('perCapita' in expr) {
    const a = compileExpression(expr.perCapita, names);
    const p = compileExpression(expr.population, names);
    const per = expr.per ?? 1000;
    return (v) => quotient(a(v), p(v), per);
  }
  if ('difference' in expr) {
    const a = compileExpression(expr.difference[0], names);
    const b = compileExpression(expr.difference[1], names);
    return (v) => a(v) - b(v);
  }
  const [op, list] =
    'sum' in expr
      ? (['sum', expr.sum] as const)
      : 'product' in expr
        ? (['product', expr.product] as const)
        : 'min' in expr
          ? (['min', expr.min] as const)
          : (['max', expr.max] as const);
  const parts = list.map((e) => compileExpression(e, names));
  const n = parts.length;
  switch (op) {
    case 'sum':
      if (n === 2) {
        const [x, y] = parts as [Getter, Getter];
        return (v) => x(v) + y(v);
      }
      return (v) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += (parts[i] as Getter)(v);
        return s;
      };
    case 'product':
      return (v) => {
        let s = 1;
        for (let i = 0; i < n; i++) s *= (parts[i] as Getter)(v);
        return finiteOrNaN(s);
      };
    case 'min':
      return (v) => {
        let s = Number.POSITIVE_INFINITY;
        for (let i = 0; i < n; i++) {
          const x = (parts[i] as Getter)(v);
          if (Number.isNaN(x)) return Number.NaN;
          if (x < s) s = x;
        }
        return s;
      };
    default:
      return (v) => {
        let s = Number.NEGATIVE_INFINITY;
        for (let i = 0; i < n; i++) {
          const x = (parts[i] as Getter)(v);
          if (Number.isNaN(x)) return Number.NaN;
          if (x > s) s = x;
        }
        return s;
      };
  }
}

/** The names (facts or indicators) an expression refers to directly. */
export function expressionRefs(expr: Expression): string[] {
  if (typeof expr === 'number') return [];
  if (typeof expr === 'string') return [expr];
  if ('ratio' in expr) return [...expressionRefs(expr.ratio[0]), ...expressionRefs(expr.ratio[1])];
  if ('perCapita' in expr)
    return [...expressionRefs(expr.perCapita), ...expressionRefs(expr.population)];
  if ('difference' in expr)
    return [...expressionRefs(expr.difference[0]), ...expressionRefs(expr.difference[1])];
  const list =
    'sum' in expr
      ? expr.sum
      : 'product' in expr
        ? expr.product
        : 'min' in expr
          ? expr.min
          : expr.max;
  return list.flatMap(expressionRefs);
}

const numberOrNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** Explain an expression: its value and the facts and indicators it was computed from. */
export function explainExpression(
  expr: Expression,
  facts: Float64Array,
  names: NameResolver,
): ExplanationNode {
  if (typeof expr === 'number') return { kind: 'constant', id: String(expr), value: expr };
  if (typeof expr === 'string') {
    const inner = names.indicatorExpression(expr);
    if (inner !== undefined) {
      const child = explainExpression(inner, facts, names);
      return {
        kind: 'indicator',
        id: expr,
        value: numberOrNull(names.getter(expr)(facts)),
        children: [child],
      };
    }
    return { kind: 'fact', id: expr, value: numberOrNull(names.getter(expr)(facts)) };
  }
  const value = numberOrNull(compileExpression(expr, names)(facts));
  const operands: readonly Expression[] =
    'ratio' in expr
      ? expr.ratio
      : 'perCapita' in expr
        ? [expr.perCapita, expr.population]
        : 'difference' in expr
          ? expr.difference
          : 'sum' in expr
            ? expr.sum
            : 'product' in expr
              ? expr.product
              : 'min' in expr
                ? expr.min
                : expr.max;
  const rule =
    Object.keys(expr).find((k) => k !== 'scale' && k !== 'per' && k !== 'population') ??
    'operation';
  const detail =
    'ratio' in expr
      ? `a ÷ b × ${expr.scale ?? 1}`
      : 'perCapita' in expr
        ? `a ÷ population × ${expr.per ?? 1000}`
        : undefined;
  return {
    kind: 'operation',
    id: rule,
    rule,
    value,
    ...(detail === undefined ? {} : { detail }),
    children: operands.map((e) => explainExpression(e, facts, names)),
  };
}
