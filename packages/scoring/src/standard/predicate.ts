import {
  compileExpression,
  type ExplanationNode,
  explainExpression,
  expressionRefs,
  type Getter,
  type NameResolver,
} from './expression.js';
import type { VetoPredicate } from './extensions.js';
import type { ComparisonOp, Predicate } from './standard-spec.js';

/** A compiled three-valued predicate: 1 holds, 0 does not, `NaN` unknown (facts missing). */
export type CompiledPredicate = (facts: Float64Array) => number;

/** A plugin predicate resolved at compile time, with its validated params and input getters. */
export interface ResolvedPluginPredicate {
  readonly predicate: VetoPredicate<unknown>;
  readonly params: unknown;
  readonly inputs: readonly string[];
}

/** Resolves `{ predicate: id }` references while compiling. */
export type PluginPredicateResolver = (
  node: Extract<Predicate, { predicate: string }>,
) => ResolvedPluginPredicate | undefined;

/** The comparison operators as codes, for evaluators that keep them in typed arrays. */
export const COMPARISON_CODES: Readonly<Record<ComparisonOp, number>> = {
  '<': 1,
  '<=': 2,
  '>': 3,
  '>=': 4,
  '==': 5,
  '!=': 6,
};

/** Whether `x op than` holds for an operator code: 1 or 0, `NaN` when x is missing. */
export function compareByCode(code: number, x: number, than: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const holds =
    code === 1
      ? x < than
      : code === 2
        ? x <= than
        : code === 3
          ? x > than
          : code === 4
            ? x >= than
            : code === 5
              ? x === than
              : x !== than;
  return holds ? 1 : 0;
}

function compare(op: ComparisonOp, than: number): (x: number) => number {
  const code = COMPARISON_CODES[op];
  return (x) => compareByCode(code, x, than);
}

/** Compile a predicate. */
export function compilePredicate(
  predicate: Predicate,
  names: NameResolver,
  plugins: PluginPredicateResolver,
): CompiledPredicate {
  if ('value' in predicate) {
    const than = typeof predicate.than === 'boolean' ? (predicate.than ? 1 : 0) : predicate.than;
    const test = compare(predicate.op, than);
    // a plain fact is read from its slot directly (no getter call in the hot path)
    const fact = predicate.value;
    const slot =
      typeof fact === 'string' && !names.isIndicator(fact) ? names.slot(fact) : undefined;
    if (slot !== undefined) return (v) => test(v[slot] as number);
    const get = compileExpression(predicate.value, names);
    return (v) => test(get(v));
  }
  if ('all' in predicate) {
    const parts = predicate.all.map((p) => compilePredicate(p, names, plugins));
    return (v) => {
      let unknown = false;
      for (const p of parts) {
        const r = p(v);
        if (r === 0) return 0;
        if (Number.isNaN(r)) unknown = true;
      }
      return unknown ? Number.NaN : 1;
    };
  }
  if ('any' in predicate) {
    const parts = predicate.any.map((p) => compilePredicate(p, names, plugins));
    return (v) => {
      let unknown = false;
      for (const p of parts) {
        const r = p(v);
        if (r === 1) return 1;
        if (Number.isNaN(r)) unknown = true;
      }
      return unknown ? Number.NaN : 0;
    };
  }
  if ('not' in predicate) {
    const inner = compilePredicate(predicate.not, names, plugins);
    return (v) => {
      const r = inner(v);
      return Number.isNaN(r) ? r : 1 - r;
    };
  }
  const resolved = plugins(predicate);
  if (resolved === undefined) return () => Number.NaN;
  const getters: Getter[] = resolved.inputs.map((n) => names.getter(n));
  const buffer: number[] = new Array<number>(getters.length).fill(0);
  const { fires } = resolved.predicate;
  const params = resolved.params;
  return (v) => {
    for (let i = 0; i < getters.length; i++) {
      const x = (getters[i] as Getter)(v);
      if (Number.isNaN(x)) return Number.NaN;
      buffer[i] = x;
    }
    return fires(buffer, params) ? 1 : 0;
  };
}

const holdsOf = (r: number): boolean | null => (Number.isNaN(r) ? null : r === 1);

/** Explain a predicate: whether it holds and the values it compared. */
export function explainPredicate(
  predicate: Predicate,
  facts: Float64Array,
  names: NameResolver,
  plugins: PluginPredicateResolver,
): ExplanationNode {
  const holds = holdsOf(compilePredicate(predicate, names, plugins)(facts));
  if ('value' in predicate) {
    return {
      kind: 'predicate',
      id: `${predicate.op} ${String(predicate.than)}`,
      rule: 'comparison',
      holds,
      detail: `value ${predicate.op} ${String(predicate.than)}`,
      children: [explainExpression(predicate.value, facts, names)],
    };
  }
  if ('all' in predicate || 'any' in predicate) {
    const list = 'all' in predicate ? predicate.all : predicate.any;
    return {
      kind: 'predicate',
      id: 'all' in predicate ? 'all' : 'any',
      rule: 'all' in predicate ? 'all' : 'any',
      holds,
      children: list.map((p) => explainPredicate(p, facts, names, plugins)),
    };
  }
  if ('not' in predicate) {
    return {
      kind: 'predicate',
      id: 'not',
      rule: 'not',
      holds,
      children: [explainPredicate(predicate.not, facts, names, plugins)],
    };
  }
  const resolved = plugins(predicate);
  return {
    kind: 'predicate',
    id: predicate.predicate,
    rule: 'plugin',
    holds,
    children: (resolved?.inputs ?? []).map((n) => explainExpression(n, facts, names)),
  };
}

/** Names a predicate reads directly (plugin predicates: through the resolver). */
export function predicateRefs(predicate: Predicate, plugins: PluginPredicateResolver): string[] {
  if ('value' in predicate) {
    return expressionRefs(predicate.value);
  }
  if ('all' in predicate) return predicate.all.flatMap((p) => predicateRefs(p, plugins));
  if ('any' in predicate) return predicate.any.flatMap((p) => predicateRefs(p, plugins));
  if ('not' in predicate) return predicateRefs(predicate.not, plugins);
  return [...(plugins(predicate)?.inputs ?? [])];
}
