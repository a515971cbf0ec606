import {
  createDiagnostic,
  type Diagnostic,
  type DiagnosticPath,
  describeValue,
  FoodSafetyError,
  type RuleSetMeta,
} from '@foodsafety/core';
import type { Facts } from '../facts.js';
import type { TaskLedger } from '../ledger/creation-task.js';
import { optionsObject } from '../options-object.js';
import { scoringMessages as M } from '../scoring-messages.js';
import type { Standard, StandardItem } from './define-standard.js';
import { factVector } from './evaluate.js';
import { type ExplanationNode, explainExpression } from './expression.js';
import { sortBands } from './item-rule.js';
import { explainPredicate } from './predicate.js';
import { TIERS, type Tier } from './standard-spec.js';
import { asOfProblems, standardTaskShareFacts } from './standard-task-shares.js';

/** Options of {@link score}. */
export interface ScoreOptions {
  /** Facts per region (district, county, new area), by region id. */
  readonly regions?: Readonly<Record<string, Facts>>;
  /** Facts per municipal department, by department id. */
  readonly departments?: Readonly<Record<string, Facts>>;
  /** The task ledger: fills the `taskShare` facts of the city and of every region and department. */
  readonly ledger?: TaskLedger;
  /** The date (ISO `YYYY-MM-DD`) task completion is judged at. */
  readonly asOf?: string;
  /**
   * Whether a region or department inherits the city's facts it does not have itself (default
   * true; task shares are never inherited).
   */
  readonly inheritCityFacts?: boolean;
  /** Leave out the explanation trees (faster; default false). */
  readonly explain?: boolean;
}

/** The unit a score is about. */
export interface ScoredUnit {
  readonly kind: 'city' | 'region' | 'department';
  readonly id: string;
}

/** The score of one item. */
export interface ItemScore {
  readonly id: string;
  readonly tier: Tier;
  readonly points: number;
  readonly hundredths: number;
  readonly max: number;
  /** `scored`, `missing` (facts missing, scored 0) or `skipped` (facts missing, left out). */
  readonly status: 'scored' | 'missing' | 'skipped';
  readonly explanation?: ExplanationNode;
}

/** Points of one tier. */
export interface TierScore {
  readonly tier: Tier;
  readonly points: number;
  readonly hundredths: number;
  /** Sum of the maxima of the items scored (skipped items left out). */
  readonly max: number;
  readonly items: number;
}

/** A veto that fired. */
export interface FiredVeto {
  readonly id: string;
  readonly title?: StandardItem['title'];
  /** `true` when it fired because its facts were missing (policy `fire`). */
  readonly onMissingFacts: boolean;
  readonly explanation?: ExplanationNode;
}

/** The checks of the pass rule. */
export interface PassChecks {
  readonly noVeto: boolean;
  readonly keyItems: boolean;
  /** Key items below the minimum share of their points. */
  readonly failingKeyItems: readonly string[];
  readonly total: boolean;
}

/** The score of one unit (the city, a region or a department). */
export interface UnitScore {
  readonly unit: ScoredUnit;
  /** Total points, exact (`hundredths / 100`). */
  readonly total: number;
  readonly hundredths: number;
  readonly tiers: Readonly<Record<Tier, TierScore>>;
  readonly items: readonly ItemScore[];
  readonly vetoesFired: readonly FiredVeto[];
  readonly pass: boolean;
  readonly checks: PassChecks;
  readonly explanation?: ExplanationNode;
}

/** The result of {@link score}: the city's score, every region's and department's, the rule set and diagnostics. */
export interface ScoreResult extends UnitScore {
  readonly meta: RuleSetMeta;
  readonly regions: readonly UnitScore[];
  readonly departments: readonly UnitScore[];
  readonly diagnostics: readonly Diagnostic[];
}

const label = (title: { 'zh-CN'?: string; en?: string } | undefined) => ({
  ...(title?.en === undefined ? {} : { label: title.en }),
  ...(title?.['zh-CN'] === undefined ? {} : { labelZh: title['zh-CN'] }),
});

function unitName(unit: ScoredUnit): string {
  return unit.kind === 'city' ? 'city' : `${unit.kind} ${unit.id}`;
}

function checkFacts(
  standard: Standard,
  facts: Facts,
  path: DiagnosticPath,
  diagnostics: Diagnostic[],
): void {
  for (const name of standard.factNames) {
    const x = facts[name];
    if (x === undefined || x === null || typeof x === 'boolean') continue;
    if (typeof x !== 'number' || !Number.isFinite(x))
      diagnostics.push(
        createDiagnostic(M.SCORING_FACT_INVALID, { name }, { path: [...path, name] }),
      );
  }
}

/** Score one unit from its fact vector, with explanations and diagnostics. */
function scoreUnit(
  standard: Standard,
  unit: ScoredUnit,
  facts: Facts,
  path: DiagnosticPath,
  explain: boolean,
  diagnostics: Diagnostic[],
): UnitScore {
  checkFacts(standard, facts, path, diagnostics);
  const v = factVector(standard, facts);
  const c = standard.compiled;
  const where = unitName(unit);
  const items: ItemScore[] = [];
  const tierH = [0, 0, 0, 0];
  const tierMax = [0, 0, 0, 0];
  const tierCount = [0, 0, 0, 0];
  let total = 0;
  const failingKeyItems: string[] = [];
  for (const item of standard.items) {
    const raw = (c.itemScorers[item.index] as (v: Float64Array) => number)(v);
    let status: ItemScore['status'] = 'scored';
    let h = raw;
    if (Number.isNaN(raw)) {
      status = item.missing === 'skip' ? 'skipped' : 'missing';
      h = 0;
      const policy = item.missing;
      const missingFacts = item.facts.filter((f) => Number.isNaN(v[c.slots.get(f) as number]));
      if (missingFacts.length > 0) {
        for (const name of missingFacts)
          diagnostics.push(
            createDiagnostic(
              M.SCORING_FACT_MISSING,
              { unit: where, name, item: item.id, policy },
              { path: [...path, name] },
            ),
          );
      } else {
        const spec = standard.spec.items[item.index];
        const failed =
          spec?.rule.kind === 'calculator' ? calculatorError(standard, item, v) : undefined;
        diagnostics.push(
          failed === undefined
            ? createDiagnostic(
                M.SCORING_VALUE_UNDEFINED,
                { unit: where, item: item.id, policy },
                { path: ['items', item.index] },
              )
            : createDiagnostic(
                M.SCORING_CALCULATOR_FAILED,
                { id: failed.id, item: item.id, detail: failed.detail },
                { path: ['items', item.index, 'rule'] },
              ),
        );
      }
    }
    const t = TIERS.indexOf(item.tier);
    if (status !== 'skipped') {
      tierH[t] = (tierH[t] as number) + h;
      tierMax[t] = (tierMax[t] as number) + item.maxHundredths;
      tierCount[t] = (tierCount[t] as number) + 1;
      if (c.tierInTotal[t] === 1) total += h;
      if (item.tier === 'key' && h * 100 < c.pass.keyItemMinPercent * item.maxHundredths)
        failingKeyItems.push(item.id);
    }
    items.push({
      id: item.id,
      tier: item.tier,
      points: h / 100,
      hundredths: h,
      max: item.points,
      status,
      ...(explain ? { explanation: explainItem(standard, item, v, h, status) } : {}),
    });
  }
  const vetoesFired: FiredVeto[] = [];
  const vetoNodes: ExplanationNode[] = [];
  for (const veto of standard.vetoes) {
    const r = (c.vetoTests[veto.index] as (v: Float64Array) => number)(v);
    const unknown = Number.isNaN(r);
    if (unknown) {
      const missingFacts = veto.facts.filter((f) => Number.isNaN(v[c.slots.get(f) as number]));
      for (const name of missingFacts.length > 0 ? missingFacts : ['?'])
        diagnostics.push(
          createDiagnostic(
            M.SCORING_VETO_FACT_MISSING,
            {
              unit: where,
              name,
              veto: veto.id,
              policy: c.vetoFiresWhenMissing ? 'fire' : 'ignore',
            },
            { path: [...path, name] },
          ),
        );
    }
    const fired = r === 1 || (unknown && c.vetoFiresWhenMissing);
    const node: ExplanationNode | undefined = explain
      ? {
          kind: 'veto',
          id: veto.id,
          ...label(veto.title),
          holds: unknown ? null : r === 1,
          ...(unknown
            ? { detail: c.vetoFiresWhenMissing ? 'facts missing: fires' : 'facts missing: ignored' }
            : {}),
          children: [explainPredicate(veto.when, v, c.names, c.plugins)],
        }
      : undefined;
    if (node) vetoNodes.push(node);
    if (fired)
      vetoesFired.push({
        id: veto.id,
        ...(veto.title === undefined ? {} : { title: veto.title }),
        onMissingFacts: unknown,
        ...(node ? { explanation: node } : {}),
      });
  }
  const checks: PassChecks = {
    noVeto: !c.pass.noVeto || vetoesFired.length === 0,
    keyItems: failingKeyItems.length === 0,
    failingKeyItems,
    total: total >= c.pass.minTotalHundredths,
  };
  const pass = checks.noVeto && checks.keyItems && checks.total;
  const tiers = Object.fromEntries(
    TIERS.map((tier, t) => [
      tier,
      {
        tier,
        points: (tierH[t] as number) / 100,
        hundredths: tierH[t] as number,
        max: (tierMax[t] as number) / 100,
        items: tierCount[t] as number,
      },
    ]),
  ) as Record<Tier, TierScore>;
  const result: UnitScore = {
    unit,
    total: total / 100,
    hundredths: total,
    tiers,
    items,
    vetoesFired,
    pass,
    checks,
  };
  if (!explain) return result;
  const explanation: ExplanationNode = {
    kind: 'unit',
    id: unit.id,
    label: where,
    value: total / 100,
    holds: pass,
    children: [
      ...TIERS.filter((t) => standard.items.some((it) => it.tier === t)).map(
        (tier): ExplanationNode => ({
          kind: 'tier',
          id: tier,
          value: tiers[tier].points,
          max: tiers[tier].max,
          children: items
            .filter((it) => it.tier === tier)
            .map((it) => it.explanation as ExplanationNode),
        }),
      ),
      { kind: 'veto', id: 'vetoes', holds: vetoesFired.length > 0, children: vetoNodes },
      {
        kind: 'pass-rule',
        id: 'pass',
        holds: pass,
        children: [
          {
            kind: 'check',
            id: 'noVeto',
            holds: checks.noVeto,
            detail: c.pass.noVeto ? `${vetoesFired.length} veto(es) fired` : 'vetoes do not decide',
          },
          {
            kind: 'check',
            id: 'keyItems',
            holds: checks.keyItems,
            detail: `every key item ≥ ${c.pass.keyItemMinPercent} % of its points${failingKeyItems.length > 0 ? `; below: ${failingKeyItems.join(', ')}` : ''}`,
          },
          {
            kind: 'check',
            id: 'total',
            holds: checks.total,
            value: total / 100,
            detail: `total ≥ ${c.pass.minTotal} (tiers ${c.pass.totalTiers.join(', ')})`,
          },
        ],
      },
    ],
  };
  return { ...result, explanation };
}

function calculatorError(
  standard: Standard,
  item: StandardItem,
  v: Float64Array,
): { id: string; detail: string } | undefined {
  const spec = standard.spec.items[item.index];
  if (spec?.rule.kind !== 'calculator') return undefined;
  const calc = standard.compiled.calculators.get(spec.rule.calculator);
  if (!calc) return undefined;
  try {
    const params = calc.params ? calc.params.safeParse(spec.rule.params) : undefined;
    const p = params?.success ? params.data : spec.rule.params;
    const inputs = calc.inputs(p);
    const values = inputs.map((n) => standard.compiled.names.getter(n)(v));
    const r = calc.compute(values, p);
    return Number.isNaN(r) ? { id: calc.id, detail: 'returned NaN' } : undefined;
  } catch (e) {
    // not String(e): it throws on an object without a prototype
    return {
      id: calc.id,
      detail: e instanceof Error ? e.message : describeValue(e, Number.POSITIVE_INFINITY),
    };
  }
}

function explainItem(
  standard: Standard,
  item: StandardItem,
  v: Float64Array,
  h: number,
  status: ItemScore['status'],
): ExplanationNode {
  const spec = standard.spec.items[item.index];
  const c = standard.compiled;
  const base = {
    kind: 'item' as const,
    id: item.id,
    ...label(item.title),
    value: h / 100,
    max: item.points,
    rule: item.rule,
    ...(status === 'scored'
      ? {}
      : { detail: status === 'skipped' ? 'facts missing: skipped' : 'facts missing: scored 0' }),
  };
  if (!spec) return base;
  const rule = spec.rule;
  switch (rule.kind) {
    case 'threshold': {
      const input = explainExpression(rule.input, v, c.names);
      const x = typeof input.value === 'number' ? input.value : Number.NaN;
      const up = rule.bands.every((b) => b.atLeast !== undefined);
      const thresholds = sortBands(rule.bands, up).map((b) => ({
        ...(up ? { atLeast: b.threshold } : { atMost: b.threshold }),
        points: b.points,
        crossed: up ? x >= b.threshold : x <= b.threshold,
      }));
      return { ...base, thresholds, children: [input] };
    }
    case 'linear':
    case 'taskShare': {
      const input =
        rule.kind === 'linear'
          ? explainExpression(rule.input, v, c.names)
          : explainExpression(rule.input ?? `taskShare.${item.id}`, v, c.names);
      return {
        ...base,
        detail: `${base.detail === undefined ? '' : `${base.detail}; `}0 points at ${rule.zeroAt ?? 0}, full points at ${rule.fullAt ?? 1}`,
        children: [input],
      };
    }
    case 'boolean':
      return {
        ...base,
        children: [
          rule.input !== undefined
            ? explainExpression(rule.input, v, c.names)
            : explainPredicate(rule.when as NonNullable<typeof rule.when>, v, c.names, c.plugins),
        ],
      };
    case 'count':
      return {
        ...base,
        detail: `${rule.pointsEach} points each, at most ${item.points}`,
        children: [explainExpression(rule.input, v, c.names)],
      };
    default:
      return {
        ...base,
        detail: `calculator ${rule.calculator}`,
        children: item.facts.map((f) => explainExpression(f, v, c.names)),
      };
  }
}

/**
 * Score a standard for the city and for each region and department: total, per-tier and per-item
 * points (exact), pass or fail with the checks of the pass rule, every veto that fired, and an
 * explanation tree (rule applied, facts used, thresholds crossed). Missing or invalid facts give
 * diagnostics and follow the standard's missing-facts policy; nothing throws on bad facts.
 */
export function score(standard: Standard, facts: Facts, options: ScoreOptions = {}): ScoreResult {
  if (typeof standard !== 'object' || standard === null || !('compiled' in standard)) {
    throw new FoodSafetyError(
      'SCORING_NOT_A_STANDARD',
      'expected a standard made by defineStandard',
    );
  }
  const diagnostics: Diagnostic[] = [];
  const given = optionsObject(options, diagnostics);
  const explain = given.explain ?? true;
  const inherit = given.inheritCityFacts ?? true;
  if (given.ledger !== undefined) diagnostics.push(...asOfProblems(given.asOf, ['asOf']));
  const shares =
    given.ledger === undefined
      ? undefined
      : standardTaskShareFacts(standard, given.ledger, given.asOf);
  const cityFacts: Facts = { ...(shares?.city ?? {}), ...facts };
  const city = scoreUnit(
    standard,
    { kind: 'city', id: 'city' },
    cityFacts,
    ['facts'],
    explain,
    diagnostics,
  );
  const units = (kind: 'region' | 'department'): UnitScore[] => {
    const own = (kind === 'region' ? given.regions : given.departments) ?? {};
    const fromLedger = (kind === 'region' ? shares?.regions : shares?.departments) ?? {};
    const ids = [...new Set([...Object.keys(fromLedger), ...Object.keys(own)])];
    return ids.map((id) =>
      scoreUnit(
        standard,
        { kind, id },
        { ...(inherit ? facts : {}), ...(fromLedger[id] ?? {}), ...(own[id] ?? {}) },
        [kind === 'region' ? 'regions' : 'departments', id],
        explain,
        diagnostics,
      ),
    );
  };
  const regions = units('region');
  const departments = units('department');
  return { ...city, meta: standard.meta, regions, departments, diagnostics };
}
