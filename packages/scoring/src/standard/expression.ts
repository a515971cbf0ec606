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

/** The fact-vector slot of an operand that is a plain fact (not an indicator), if it has one. */
function factSlot(expr: Expression, names: NameResolver): number | undefined {
  return typeof expr === 'string' && !names.isIndicator(expr) ? names.slot(expr) : undefined;
}

/** Compile an expression into a getter over a fact vector. Division by zero gives `NaN`. */
export function compileExpression(expr: Expression, names: NameResolver): Getter {
  if (typeof expr === 'number') return () => expr;
  if (typeof expr === 'string') return names.getter(expr);
  // The common shapes over two plain facts (batches ÷ population × 1 000) read the fact vector
  // directly: no getter calls, which the JIT cannot always inline at a call site shared by many
  // indicators.
  if ('ratio' in expr || 'perCapita' in expr || 'difference' in expr) {
    const [left, right] =
      'ratio' in expr
        ? expr.ratio
        : 'perCapita' in expr
          ? [expr.perCapita, expr.population]
          : expr.difference;
    const sa = factSlot(left, names);
    const sb = factSlot(right, names);
    if (sa !== undefined && sb !== undefined) {
      if ('difference' in expr) return (v) => (v[sa] as number) - (v[sb] as number);
      const scale = 'ratio' in expr ? (expr.scale ?? 1) : (expr.per ?? 1000);
      return (v) => {
        const d = v[sb] as number;
        return d === 0 ? Number.NaN : finiteOrNaN(((v[sa] as number) / d) * scale);
      };
    }
  }
  if ('ratio' in expr) {
    const a = compileExpression(expr.ratio[0], names);
    const b = compileExpression(expr.ratio[1], names);
    const scale = expr.scale ?? 1;
    return (v) => {
      const d = b(v);
      return d === 0 ? Number.NaN : finiteOrNaN((a(v) / d) * scale);
    };
  }
  if ('perCapita' in expr) {
    const a = compileExpression(expr.perCapita, names);
    const p = compileExpression(expr.population, names);
    const per = expr.per ?? 1000;
    return (v) => {
      const d = p(v);
      return d === 0 ? Number.NaN : finiteOrNaN((a(v) / d) * per);
    };
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
