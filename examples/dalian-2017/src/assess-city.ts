/**
 * The city's creation-standard assessment: the CN standard scored on the city's facts, the
 * simulated survey and the simulated task ledger; regions and departments ranked across the six
 * bi-monthly rounds; P(pass) under assessment error by Monte Carlo. Pure and deterministic: the
 * data comes in, numbers come out (the same seeds give the same numbers).
 */
import { createDiagnostic, type Diagnostic, mergeDiagnostics } from '@foodsafety/core';
import { type CreationTask, parseCreationTasks } from '@foodsafety/model';
import {
  type AssessmentSeries,
  defineStandard,
  type Facts,
  type FactUncertainty,
  ledgerRounds,
  parseTaskLedger,
  type ScoreResult,
  type SimulationResult,
  type Standard,
  type SurveySummary,
  score,
  simulate,
  summarizeSurvey,
  type TaskLedger,
  type TaskRates,
  taskRates,
} from '@foodsafety/scoring';
import { CN_PROVINCIAL_THRESHOLDS, cnStandard } from '@foodsafety/scoring/cn';
import type { Scenario } from './load-scenario.js';
import { scenarioMessages as M } from './scenario-messages.js';
import {
  checkFactCoverage,
  type FactProvenance,
  parseStandardFacts,
  type StandardFacts,
} from './standard-facts.js';
import { generateSurvey, type SurveyPlan } from './survey-sample.js';
import { generateTaskLedger, type LedgerPlan, toScoringLedger } from './task-ledger.js';
import { taskShareInputs } from './task-share-inputs.js';

/** The raw data of the assessment (the parsed JSON of the data files). */
export interface AssessmentData {
  readonly standardFacts: unknown;
  readonly surveyPlan: unknown;
  readonly ledgerPlan: unknown;
}

/** Options of {@link assessCity}. */
export interface AssessCityOptions {
  /** Monte Carlo runs (default 4 000). */
  readonly runs?: number;
  /** Seed of the Monte Carlo (default `dalian-2017-assessment`). */
  readonly seed?: string;
}

/** A unit of the assessment with its display names. */
export interface AssessedUnit {
  readonly id: string;
  readonly name: string;
  readonly englishName: string;
}

/** Everything the assessment computed. */
export interface CityAssessment {
  readonly standard: Standard;
  readonly asOf: string;
  readonly facts: StandardFacts;
  /** The city's facts as scored (facts file + survey). */
  readonly cityFacts: Facts;
  /** Provenance of every fact scored, by fact name. */
  readonly provenance: Readonly<Record<string, FactProvenance>>;
  /** Facts the standard needs that no data supplies (printed; never silently zero). */
  readonly missingFacts: readonly string[];
  readonly survey: SurveySummary;
  readonly surveyRespondents: number;
  readonly tasks: readonly CreationTask[];
  readonly ledger: TaskLedger;
  readonly regions: readonly AssessedUnit[];
  readonly departments: readonly AssessedUnit[];
  readonly rounds: readonly { readonly date: string; readonly label: string }[];
  readonly result: ScoreResult;
  /** The city under the stricter provincial thresholds (satisfaction ≥ 80, awareness ≥ 85 %). */
  readonly stricter?: ScoreResult;
  /** Task completion and overdue rates as of `asOf`. */
  readonly rates: TaskRates;
  readonly regionRounds: AssessmentSeries;
  readonly departmentRounds: AssessmentSeries;
  readonly simulation: SimulationResult;
  /** The assessment error simulated, by fact name. */
  readonly uncertainty: Readonly<Record<string, FactUncertainty>>;
  readonly diagnostics: readonly Diagnostic[];
}

function planProblem(plan: string, detail: string): Diagnostic {
  return createDiagnostic(M.SCENARIO_PLAN_INVALID, { plan, detail }, { path: [plan] });
}

function checkSurveyPlan(x: unknown): x is SurveyPlan {
  const p = x as Partial<SurveyPlan> | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.seed === 'string' &&
    typeof p.date === 'string' &&
    Number.isInteger(p.respondentsPerRegion) &&
    typeof p.latentSd === 'number' &&
    typeof p.default?.satisfaction === 'number' &&
    typeof p.satisfactionScale?.min === 'number' &&
    typeof p.regions === 'object'
  );
}

function checkLedgerPlan(x: unknown): x is LedgerPlan {
  const p = x as Partial<LedgerPlan> | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.seed === 'string' &&
    Number.isInteger(p.tasks) &&
    typeof p.asOf === 'string' &&
    Array.isArray(p.rounds) &&
    typeof p.mix?.departmentLed === 'number' &&
    typeof p.delay?.sdDays === 'number' &&
    typeof p.lagDays?.regions === 'object' &&
    typeof p.itemLeads === 'object' &&
    Array.isArray(p.defaultLeads)
  );
}

/** The largest standard error among the regions' survey estimates (on the facts' scale). */
function largestRegionalError(summary: SurveySummary): {
  satisfaction: number;
  awareness: number;
  support: number;
} {
  let satisfaction = 0;
  let awareness = 0;
  let support = 0;
  const rateError = (r: { rate: number; effectiveN: number } | null) =>
    r === null ? 0 : Math.sqrt((r.rate * (1 - r.rate)) / r.effectiveN) * 100;
  for (const r of summary.regions) {
    satisfaction = Math.max(satisfaction, r.satisfaction?.standardError ?? 0);
    awareness = Math.max(awareness, rateError(r.awareness));
    support = Math.max(support, rateError(r.support));
  }
  return { satisfaction, awareness, support };
}

/**
 * Assess the city (see the module comment). Returns the diagnostics alone when the standard or
 * the data cannot be used.
 */
export function assessCity(
  scenario: Scenario,
  data: AssessmentData,
  options: AssessCityOptions = {},
): { assessment?: CityAssessment; diagnostics: readonly Diagnostic[] } {
  const defined = defineStandard(cnStandard());
  if (!defined.ok) return { diagnostics: defined.diagnostics };
  const standard = defined.value;
  const facts = parseStandardFacts(data.standardFacts);
  const planDiagnostics: Diagnostic[] = [];
  if (!checkSurveyPlan(data.surveyPlan))
    planDiagnostics.push(planProblem('survey-plan.json', 'missing or mistyped fields'));
  if (!checkLedgerPlan(data.ledgerPlan))
    planDiagnostics.push(planProblem('ledger-plan.json', 'missing or mistyped fields'));
  if (!checkSurveyPlan(data.surveyPlan) || !checkLedgerPlan(data.ledgerPlan))
    return { diagnostics: mergeDiagnostics(facts.diagnostics, planDiagnostics) };
  const surveyPlan = data.surveyPlan;
  const ledgerPlan = data.ledgerPlan;
  const asOf = ledgerPlan.asOf;

  const regions: AssessedUnit[] = [...scenario.jurisdictions.nodes.values()]
    .filter((n) => n.jurisdiction.level === 'district')
    .map((n) => ({
      id: n.jurisdiction.code,
      name: n.jurisdiction.name,
      englishName: scenario.englishNames[n.jurisdiction.code] ?? n.jurisdiction.name,
    }));
  const departments: AssessedUnit[] = scenario.departments.map((d) => ({
    id: d.id,
    name: d.name,
    englishName: d.shortName ?? d.name,
  }));

  // the simulated survey → satisfaction, awareness and support of the city and of each region
  const survey = summarizeSurvey(
    generateSurvey(
      surveyPlan,
      regions.map((r) => r.id),
    ),
  );
  if (!survey.ok) return { diagnostics: mergeDiagnostics(facts.diagnostics, survey.diagnostics) };

  // the simulated ledger, through the model's parser and the scoring engine's
  const listItems = standard.spec.items.flatMap((i) => (i.rule.kind === 'taskShare' ? [i.id] : []));
  const generated = generateTaskLedger(ledgerPlan, {
    regions: regions.map((r) => ({ code: r.id, name: r.name })),
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
    items: standard.items
      .filter((i) => i.tier !== 'pilot')
      .map((i) => ({ id: i.id, points: i.points, title: i.title?.['zh-CN'] ?? i.id })),
  });
  const tasks = parseCreationTasks(generated, { path: ['ledger'] });
  if (!tasks.ok) return { diagnostics: mergeDiagnostics(facts.diagnostics, tasks.diagnostics) };
  const ledger = parseTaskLedger(
    toScoringLedger(
      tasks.value,
      { regions: regions.map((r) => r.id), departments: departments.map((d) => d.id) },
      listItems,
    ),
  );
  if (!ledger.ok) return { diagnostics: mergeDiagnostics(facts.diagnostics, ledger.diagnostics) };

  const cityFacts: Facts = { ...facts.facts, ...survey.value.city.facts };
  const regionFacts = Object.fromEntries(survey.value.regions.map((r) => [r.unit.id, r.facts]));
  const shares = taskShareInputs(standard, ledger.value, asOf);
  const coverage = checkFactCoverage(standard, [...Object.keys(cityFacts), ...shares.names]);
  const provenance: Record<string, FactProvenance> = { ...facts.provenance };
  for (const name of Object.keys(survey.value.city.facts))
    provenance[name] = facts.fromSurvey.provenance;
  for (const name of shares.names) provenance[name] = facts.fromLedger.provenance;

  const result = score(standard, cityFacts, {
    regions: regionFacts,
    ledger: ledger.value,
    asOf,
  });

  const strictStandard = defineStandard(
    cnStandard({ thresholds: CN_PROVINCIAL_THRESHOLDS.stricter ?? {} }),
  );
  const stricter = strictStandard.ok
    ? score(strictStandard.value, cityFacts, { ledger: ledger.value, asOf, explain: false })
    : undefined;

  const dates = ledgerPlan.rounds.map((r) => r.date);
  const errors = largestRegionalError(survey.value);
  const surveyError = (sd: number): FactUncertainty => ({ type: 'normal', sd, min: 0, max: 100 });
  const uncertainty: Record<string, FactUncertainty> = {
    ...facts.uncertainty,
    satisfaction: surveyError(errors.satisfaction),
    awareness: surveyError(errors.awareness),
    support: surveyError(errors.support),
    ...(facts.fromLedger.uncertainty === undefined
      ? {}
      : Object.fromEntries(
          shares.names.map((n) => [n, facts.fromLedger.uncertainty as FactUncertainty]),
        )),
  };
  const simulation = simulate({
    model: {
      standard,
      facts: { ...cityFacts, ...shares.city },
      regions: Object.fromEntries(
        regions.map((r) => [r.id, { ...regionFacts[r.id], ...shares.regions[r.id] }]),
      ),
      departments: shares.departments,
      asOf,
    },
    uncertainty: { facts: uncertainty },
    runs: options.runs ?? 4000,
    seed: options.seed ?? 'dalian-2017-assessment',
  });

  const diagnostics = mergeDiagnostics(
    facts.diagnostics,
    coverage.diagnostics,
    tasks.diagnostics,
    ledger.diagnostics,
    result.diagnostics,
    simulation.diagnostics,
  );
  return {
    assessment: {
      standard,
      asOf,
      facts,
      cityFacts,
      provenance,
      missingFacts: coverage.missing,
      survey: survey.value,
      surveyRespondents: regions.length * surveyPlan.respondentsPerRegion,
      tasks: tasks.value,
      ledger: ledger.value,
      regions,
      departments,
      rounds: ledgerPlan.rounds,
      result,
      ...(stricter === undefined ? {} : { stricter }),
      rates: taskRates(ledger.value, asOf),
      regionRounds: ledgerRounds(ledger.value, dates, { unit: 'region' }),
      departmentRounds: ledgerRounds(ledger.value, dates, { unit: 'department' }),
      simulation,
      uncertainty,
      diagnostics,
    },
    diagnostics,
  };
}
