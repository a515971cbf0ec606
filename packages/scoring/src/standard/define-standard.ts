import {
  confidenceNotice,
  createDiagnostic,
  type Diagnostic,
  type DiagnosticPath,
  describeValue,
  fail,
  ok,
  type Result,
  type RuleSetMeta,
  type SchemaIssueLike,
  schemaIssuesToDiagnostics,
} from '@foodsafety/core';
import type { LocalizedText } from '../localized-text.js';
import { scoringMessages as M } from '../scoring-messages.js';
import { compileExpression, expressionRefs, type Getter, type NameResolver } from './expression.js';
import type { Calculator, ScoringExtensions, VetoPredicate } from './extensions.js';
import { FastEvaluator } from './fast-evaluator.js';
import { compileItemRule, sortBands } from './item-rule.js';
import { compileRounding, type Rounder, toHundredths } from './points.js';
import {
  type CompiledPredicate,
  compilePredicate,
  type PluginPredicateResolver,
  predicateRefs,
  type ResolvedPluginPredicate,
} from './predicate.js';
import {
  type Expression,
  type ItemSpec,
  type MissingPolicy,
  type Predicate,
  type StandardSpec,
  standardSpecSchema,
  TIERS,
  type Tier,
} from './standard-spec.js';

const SOURCE = '@foodsafety/scoring';

/** An item of a compiled standard, as the public sees it. */
export interface StandardItem {
  readonly index: number;
  readonly id: string;
  readonly tier: Tier;
  /** Maximum points. */
  readonly points: number;
  /** Maximum points in integer hundredths. */
  readonly maxHundredths: number;
  readonly title?: LocalizedText;
  readonly area?: string;
  readonly rule: ItemSpec['rule']['kind'];
  readonly missing: MissingPolicy;
  /** The facts (not indicators) the item reads, directly or through indicators. */
  readonly facts: readonly string[];
}

/** A veto of a compiled standard. */
export interface StandardVeto {
  readonly index: number;
  readonly id: string;
  readonly title?: LocalizedText;
  /** The item that carries this veto inline, if any. */
  readonly item?: string;
  readonly when: Predicate;
  readonly facts: readonly string[];
}

/** The compiled pass rule. */
export interface CompiledPassRule {
  readonly noVeto: boolean;
  readonly keyItemMinPercent: number;
  readonly minTotal: number;
  readonly minTotalHundredths: number;
  readonly totalTiers: readonly Tier[];
}

/**
 * The compiled evaluator behind a {@link Standard}: closures over a fact vector (a
 * `Float64Array` indexed by {@link Standard.factNames}; `NaN` = missing). Internal; use
 * {@link evaluate} and {@link score}.
 */
export interface CompiledStandard {
  readonly slots: ReadonlyMap<string, number>;
  /** Item scorers: integer hundredths, or `NaN` when facts are missing. */
  readonly itemScorers: readonly ((facts: Float64Array) => number)[];
  /** Tier index (0 key, 1 basic, 2 bonus, 3 pilot) per item. */
  readonly itemTier: Uint8Array;
  readonly itemMax: Int32Array;
  /** 1 when a missing item is skipped, 0 when it scores zero. */
  readonly itemSkip: Uint8Array;
  /** 1 when the item's tier counts towards the total. */
  readonly tierInTotal: Uint8Array;
  readonly vetoTests: readonly CompiledPredicate[];
  readonly vetoFiresWhenMissing: boolean;
  readonly pass: CompiledPassRule;
  readonly round: Rounder;
  readonly names: NameResolver;
  readonly plugins: PluginPredicateResolver;
  readonly calculators: ReadonlyMap<string, Calculator<unknown>>;
  /** The data-oriented evaluator used by `evaluate` and `cityModel`. */
  readonly fast: FastEvaluator;
}

/**
 * A creation standard, validated and compiled once by {@link defineStandard}. `spec` is the
 * JSON-serialisable data it was made from (send it to a worker and call `defineStandard` there).
 */
export interface Standard {
  readonly spec: StandardSpec;
  readonly meta: RuleSetMeta;
  readonly items: readonly StandardItem[];
  readonly vetoes: readonly StandardVeto[];
  /** The fact vector layout: slot i holds the fact `factNames[i]`. */
  readonly factNames: readonly string[];
  readonly indicatorNames: readonly string[];
  readonly compiled: CompiledStandard;
}

/** Options of {@link defineStandard}. */
export interface DefineStandardOptions extends ScoringExtensions {}

function localizedKeyDiag(path: DiagnosticPath, value: number): Diagnostic {
  return createDiagnostic(M.SCORING_POINTS_PRECISION, { value }, { path });
}

/**
 * Validate a standard spec (untrusted data) and compile it into a fast evaluator. Calculators and
 * veto predicates the spec names by id come from `options` (usually from the plugin engine's
 * `scoring.calculators` and `scoring.vetoes` extension points).
 *
 * Invalid specs give `SCHEMA_*` diagnostics for shape errors (with a `SCORING_SPEC_INVALID`
 * summary) and `SCORING_*` diagnostics for semantic errors, each with a path into the spec.
 */
export function defineStandard(
  spec: unknown,
  options: DefineStandardOptions = {},
): Result<Standard> {
  const parsed = standardSpecSchema.safeParse(spec);
  if (!parsed.success) {
    const issues = schemaIssuesToDiagnostics(parsed.error.issues as readonly SchemaIssueLike[], {
      source: SOURCE,
    });
    return fail([
      createDiagnostic(
        M.SCORING_SPEC_INVALID,
        { detail: `${issues.length} schema issue(s)` },
        { path: [] },
      ),
      ...issues,
    ]);
  }
  const s = parsed.data as StandardSpec;
  const diagnostics: Diagnostic[] = [];
  const err = (d: Diagnostic): void => {
    diagnostics.push(d);
  };

  // ---- extensions
  const calculators = new Map<string, Calculator<unknown>>();
  for (const c of options.calculators ?? []) calculators.set(c.id, c);
  const vetoPredicates = new Map<string, VetoPredicate<unknown>>();
  for (const p of options.vetoPredicates ?? []) vetoPredicates.set(p.id, p);

  // ---- ids
  const seen = new Map<string, string>();
  s.items.forEach((item, i) => {
    if (seen.has(item.id))
      err(
        createDiagnostic(
          M.SCORING_DUPLICATE_ID,
          { id: item.id, kind: 'item' },
          { path: ['items', i, 'id'] },
        ),
      );
    seen.set(item.id, 'item');
  });
  const vetoSeen = new Set<string>();
  for (const item of s.items) if (item.vetoWhen !== undefined) vetoSeen.add(item.id);
  (s.vetoes ?? []).forEach((v, i) => {
    if (vetoSeen.has(v.id))
      err(
        createDiagnostic(
          M.SCORING_DUPLICATE_ID,
          { id: v.id, kind: 'veto' },
          { path: ['vetoes', i, 'id'] },
        ),
      );
    vetoSeen.add(v.id);
  });

  // ---- plugin predicates: resolve and validate params once, keyed by node identity
  const resolvedPredicates = new Map<object, ResolvedPluginPredicate>();
  const checkPredicate = (p: Predicate, path: DiagnosticPath): void => {
    if ('all' in p) {
      p.all.forEach((q, i) => {
        checkPredicate(q, [...path, 'all', i]);
      });
    } else if ('any' in p) {
      p.any.forEach((q, i) => {
        checkPredicate(q, [...path, 'any', i]);
      });
    } else if ('not' in p) checkPredicate(p.not, [...path, 'not']);
    else if ('predicate' in p) {
      const plugin = vetoPredicates.get(p.predicate);
      if (plugin === undefined) {
        err(
          createDiagnostic(
            M.SCORING_UNKNOWN_VETO_PREDICATE,
            { id: p.predicate },
            { path: [...path, 'predicate'] },
          ),
        );
        return;
      }
      const params = validateParams(plugin, p.params, [...path, 'params'], err);
      if (params.ok) {
        let inputs: readonly string[] = [];
        try {
          inputs = plugin.inputs(params.value);
        } catch (e) {
          err(
            createDiagnostic(
              M.SCORING_PLUGIN_PARAMS_INVALID,
              { id: plugin.id, detail: thrownText(e) },
              { path: [...path, 'params'] },
            ),
          );
          return;
        }
        resolvedPredicates.set(p, { predicate: plugin, params: params.value, inputs });
      }
    }
  };
  s.items.forEach((item, i) => {
    if (item.vetoWhen) checkPredicate(item.vetoWhen, ['items', i, 'vetoWhen']);
    if (item.rule.kind === 'boolean' && item.rule.when)
      checkPredicate(item.rule.when, ['items', i, 'rule', 'when']);
  });
  (s.vetoes ?? []).forEach((v, i) => {
    checkPredicate(v.when, ['vetoes', i, 'when']);
  });
  const plugins: PluginPredicateResolver = (node) => resolvedPredicates.get(node);

  // ---- calculators
  const resolvedCalculators = new Map<
    number,
    { calc: Calculator<unknown>; params: unknown; inputs: readonly string[] }
  >();
  s.items.forEach((item, i) => {
    if (item.rule.kind !== 'calculator') return;
    const calc = calculators.get(item.rule.calculator);
    const path: DiagnosticPath = ['items', i, 'rule'];
    if (calc === undefined) {
      err(
        createDiagnostic(
          M.SCORING_UNKNOWN_CALCULATOR,
          { id: item.rule.calculator },
          { path: [...path, 'calculator'] },
        ),
      );
      return;
    }
    const params = validateParams(calc, item.rule.params, [...path, 'params'], err);
    if (!params.ok) return;
    try {
      resolvedCalculators.set(i, { calc, params: params.value, inputs: calc.inputs(params.value) });
    } catch (e) {
      err(
        createDiagnostic(
          M.SCORING_PLUGIN_PARAMS_INVALID,
          { id: calc.id, detail: thrownText(e) },
          { path: [...path, 'params'] },
        ),
      );
    }
  });

  // ---- points precision, bands, goalposts
  const itemMax: number[] = [];
  s.items.forEach((item, i) => {
    const max = toHundredths(item.points);
    if (max === undefined) err(localizedKeyDiag(['items', i, 'points'], item.points));
    itemMax.push(max ?? 0);
    const rule = item.rule;
    const rpath: DiagnosticPath = ['items', i, 'rule'];
    if (rule.kind === 'threshold') {
      const up = rule.bands.every((b) => b.atLeast !== undefined);
      const down = rule.bands.every((b) => b.atMost !== undefined);
      if (!up && !down) {
        err(
          createDiagnostic(
            M.SCORING_BANDS_NOT_MONOTONIC,
            { index: 0 },
            { path: [...rpath, 'bands'] },
          ),
        );
      }
      rule.bands.forEach((b, j) => {
        const h = toHundredths(b.points);
        if (h === undefined) err(localizedKeyDiag([...rpath, 'bands', j, 'points'], b.points));
        else if (max !== undefined && h > max)
          err(
            createDiagnostic(
              M.SCORING_BAND_POINTS_EXCEED,
              { points: b.points, max: item.points },
              { path: [...rpath, 'bands', j, 'points'] },
            ),
          );
      });
      if (up || down) {
        const sorted = sortBands(rule.bands, up);
        for (let j = 1; j < sorted.length; j++) {
          const a = sorted[j - 1] as (typeof sorted)[number];
          const b = sorted[j] as (typeof sorted)[number];
          if (a.threshold === b.threshold || a.points > b.points)
            err(
              createDiagnostic(
                M.SCORING_BANDS_NOT_MONOTONIC,
                { index: b.index },
                { path: [...rpath, 'bands', b.index] },
              ),
            );
        }
      }
    } else if (rule.kind === 'linear' || rule.kind === 'taskShare') {
      const zeroAt = rule.zeroAt ?? 0;
      const fullAt = rule.fullAt ?? 1;
      if (zeroAt === fullAt)
        err(
          createDiagnostic(
            M.SCORING_GOALPOSTS_EQUAL,
            { value: zeroAt },
            { path: [...rpath, 'fullAt'] },
          ),
        );
    } else if (rule.kind === 'count') {
      if (toHundredths(rule.pointsEach) === undefined)
        err(localizedKeyDiag([...rpath, 'pointsEach'], rule.pointsEach));
    }
  });
  const minTotal = s.pass?.minTotal ?? 90;
  const minTotalH = toHundredths(minTotal);
  if (minTotalH === undefined) err(localizedKeyDiag(['pass', 'minTotal'], minTotal));

  // ---- tier declarations
  for (const tier of TIERS) {
    const decl = s.tiers?.[tier];
    if (!decl) continue;
    const inTier = s.items.filter((it) => it.tier === tier);
    if (decl.items !== undefined && decl.items !== inTier.length)
      err(
        createDiagnostic(
          M.SCORING_TIER_TOTAL_MISMATCH,
          { tier, actual: `${inTier.length} items`, expected: `${decl.items} items` },
          { path: ['tiers', tier, 'items'] },
        ),
      );
    if (decl.points !== undefined) {
      const sum = inTier.reduce((acc, it) => acc + (toHundredths(it.points) ?? 0), 0);
      if (sum !== toHundredths(decl.points))
        err(
          createDiagnostic(
            M.SCORING_TIER_TOTAL_MISMATCH,
            { tier, actual: `${sum / 100} points`, expected: `${decl.points} points` },
            { path: ['tiers', tier, 'points'] },
          ),
        );
    }
  }

  // ---- indicators: cycles and unknown references
  const indicators = s.indicators ?? {};
  const indicatorNames = Object.keys(indicators);
  const isIndicator = (name: string): boolean => Object.hasOwn(indicators, name);
  const state = new Map<string, 1 | 2>();
  const cyclic = new Set<string>();
  const visit = (name: string, stack: string[]): void => {
    const st = state.get(name);
    if (st === 2) return;
    if (st === 1) {
      const cycle = [...stack.slice(stack.indexOf(name)), name];
      for (const n of cycle) cyclic.add(n);
      err(
        createDiagnostic(
          M.SCORING_INDICATOR_CYCLE,
          { cycle: cycle.join(' → ') },
          { path: ['indicators', name] },
        ),
      );
      return;
    }
    state.set(name, 1);
    for (const ref of expressionRefs(indicators[name] as Expression))
      if (isIndicator(ref)) visit(ref, [...stack, name]);
    state.set(name, 2);
  };
  for (const name of indicatorNames) visit(name, []);

  const declaredFacts = s.facts === undefined ? undefined : new Set(Object.keys(s.facts));
  const checkRefs = (refs: readonly string[], path: DiagnosticPath): void => {
    if (declaredFacts === undefined) return;
    for (const r of refs)
      if (!isIndicator(r) && !declaredFacts.has(r))
        err(createDiagnostic(M.SCORING_UNKNOWN_REF, { name: r }, { path }));
  };
  for (const name of indicatorNames)
    checkRefs(expressionRefs(indicators[name] as Expression), ['indicators', name]);

  // ---- slots
  const slots = new Map<string, number>();
  const factNames: string[] = [];
  const addFact = (name: string): void => {
    if (!isIndicator(name) && !slots.has(name)) {
      slots.set(name, factNames.length);
      factNames.push(name);
    }
  };
  for (const f of declaredFacts ?? []) addFact(f);
  for (const name of indicatorNames)
    for (const r of expressionRefs(indicators[name] as Expression)) addFact(r);
  const itemRefs: string[][] = s.items.map((item, i) => {
    const rule = item.rule;
    const refs =
      rule.kind === 'threshold' || rule.kind === 'linear' || rule.kind === 'count'
        ? expressionRefs(rule.input)
        : rule.kind === 'boolean'
          ? rule.input !== undefined
            ? expressionRefs(rule.input)
            : predicateRefs(rule.when as Predicate, plugins)
          : rule.kind === 'taskShare'
            ? [rule.input ?? `taskShare.${item.id}`]
            : [...(resolvedCalculators.get(i)?.inputs ?? [])];
    if (rule.kind !== 'taskShare') checkRefs(refs, ['items', i, 'rule']);
    for (const r of refs) addFact(r);
    if (item.vetoWhen) {
      const vr = predicateRefs(item.vetoWhen, plugins);
      checkRefs(vr, ['items', i, 'vetoWhen']);
      for (const r of vr) addFact(r);
    }
    return refs;
  });
  (s.vetoes ?? []).forEach((v, i) => {
    const vr = predicateRefs(v.when, plugins);
    checkRefs(vr, ['vetoes', i, 'when']);
    for (const r of vr) addFact(r);
  });

  if (diagnostics.some((d) => d.severity === 'error')) return fail(diagnostics);

  // ---- names
  const indicatorGetters = new Map<string, Getter>();
  const factGetters = new Map<string, Getter>();
  const names: NameResolver = {
    isIndicator,
    indicatorExpression: (name) =>
      isIndicator(name) ? (indicators[name] as Expression) : undefined,
    slot: (name) => slots.get(name),
    getter(name) {
      if (isIndicator(name)) {
        let g = indicatorGetters.get(name);
        if (g === undefined) {
          g = cyclic.has(name)
            ? () => Number.NaN
            : compileExpression(indicators[name] as Expression, names);
          indicatorGetters.set(name, g);
        }
        return g;
      }
      let g = factGetters.get(name);
      if (g === undefined) {
        const slot = slots.get(name);
        g = slot === undefined ? () => Number.NaN : (v: Float64Array) => v[slot] as number;
        factGetters.set(name, g);
      }
      return g;
    },
  };
  const factsOf = (refs: readonly string[]): string[] => {
    const out = new Set<string>();
    const walk = (n: string, depth: number): void => {
      if (depth > 64) return;
      if (isIndicator(n))
        for (const r of expressionRefs(indicators[n] as Expression)) walk(r, depth + 1);
      else out.add(n);
    };
    for (const r of refs) walk(r, 0);
    return [...out];
  };

  // ---- items
  const round = compileRounding(s.rounding);
  const defaultMissing: MissingPolicy = s.missing?.items ?? 'zero';
  const items: StandardItem[] = [];
  const itemScorers: ((v: Float64Array) => number)[] = [];
  const itemTier = new Uint8Array(s.items.length);
  const itemMaxArr = new Int32Array(s.items.length);
  const itemSkip = new Uint8Array(s.items.length);
  s.items.forEach((item, i) => {
    const maxH = itemMax[i] as number;
    const missing = item.missing ?? defaultMissing;
    items.push({
      index: i,
      id: item.id,
      tier: item.tier,
      points: item.points,
      maxHundredths: maxH,
      ...(item.title === undefined ? {} : { title: item.title }),
      ...(item.area === undefined ? {} : { area: item.area }),
      rule: item.rule.kind,
      missing,
      facts: factsOf(itemRefs[i] as string[]),
    });
    itemTier[i] = TIERS.indexOf(item.tier);
    itemMaxArr[i] = maxH;
    itemSkip[i] = missing === 'skip' ? 1 : 0;
    itemScorers.push(
      compileItemRule(item, maxH, names, plugins, round, resolvedCalculators.get(i)),
    );
  });

  // ---- vetoes
  const vetoes: StandardVeto[] = [];
  const vetoTests: CompiledPredicate[] = [];
  s.items.forEach((item) => {
    if (item.vetoWhen === undefined) return;
    vetoes.push({
      index: vetoes.length,
      id: item.id,
      ...(item.title === undefined ? {} : { title: item.title }),
      item: item.id,
      when: item.vetoWhen,
      facts: factsOf(predicateRefs(item.vetoWhen, plugins)),
    });
    vetoTests.push(compilePredicate(item.vetoWhen, names, plugins));
  });
  for (const v of s.vetoes ?? []) {
    vetoes.push({
      index: vetoes.length,
      id: v.id,
      ...(v.title === undefined ? {} : { title: v.title }),
      when: v.when,
      facts: factsOf(predicateRefs(v.when, plugins)),
    });
    vetoTests.push(compilePredicate(v.when, names, plugins));
  }

  const totalTiers = s.pass?.totalTiers ?? TIERS;
  const tierInTotal = new Uint8Array(TIERS.length);
  for (const t of totalTiers) tierInTotal[TIERS.indexOf(t)] = 1;

  const meta: RuleSetMeta = {
    id: s.meta.id,
    version: s.meta.version,
    jurisdiction: s.meta.jurisdiction,
    effectiveFrom: s.meta.effectiveFrom,
    source: s.meta.source,
    confidence: s.meta.confidence,
    ...(s.meta.notes === undefined ? {} : { notes: s.meta.notes }),
  };
  const standard: Standard = {
    spec: s,
    meta,
    items,
    vetoes,
    factNames,
    indicatorNames,
    compiled: {
      slots,
      itemScorers,
      itemTier,
      itemMax: itemMaxArr,
      itemSkip,
      tierInTotal,
      vetoTests,
      vetoFiresWhenMissing: s.missing?.vetoes === 'fire',
      pass: {
        noVeto: s.pass?.noVeto ?? true,
        keyItemMinPercent: s.pass?.keyItemMinPercent ?? 60,
        minTotal,
        minTotalHundredths: minTotalH as number,
        totalTiers,
      },
      round,
      names,
      plugins,
      calculators,
      fast: new FastEvaluator({
        items: s.items,
        itemMax: itemMaxArr,
        itemTier,
        itemSkip,
        tierInTotal,
        keyItemMinPercent: s.pass?.keyItemMinPercent ?? 60,
        indicators,
        cyclic,
        slots,
        vetoPredicates: vetoes.map((v) => v.when),
        vetoFiresWhenMissing: s.missing?.vetoes === 'fire',
        plugins,
        calculators: resolvedCalculators,
        round,
        roundIsHalfUpHundredths:
          (s.rounding?.decimals ?? 2) === 2 && (s.rounding?.mode ?? 'half-up') === 'half-up',
      }),
    },
  };
  return ok(standard, [...diagnostics, ...confidenceNotice(meta, ['meta'])]);
}

/**
 * What a plugin's function threw, for a diagnostic: an `Error` as `String` shows it (`Error: …`);
 * any other value as {@link describeValue} shows it (`String()` throws on an object without a
 * prototype).
 */
function thrownText(e: unknown): string {
  return e instanceof Error ? String(e) : describeValue(e, Number.POSITIVE_INFINITY);
}

function validateParams<P>(
  plugin: {
    id: string;
    params?: {
      safeParse(x: unknown): {
        success: boolean;
        data?: unknown;
        error?: { issues: readonly { message: string }[] };
      };
    };
  },
  params: unknown,
  path: DiagnosticPath,
  err: (d: Diagnostic) => void,
): { ok: true; value: P } | { ok: false } {
  if (plugin.params === undefined) return { ok: true, value: params as P };
  const r = plugin.params.safeParse(params);
  if (r.success) return { ok: true, value: r.data as P };
  err(
    createDiagnostic(
      M.SCORING_PLUGIN_PARAMS_INVALID,
      { id: plugin.id, detail: (r.error?.issues ?? []).map((x) => x.message).join('; ') },
      { path },
    ),
  );
  return { ok: false };
}
