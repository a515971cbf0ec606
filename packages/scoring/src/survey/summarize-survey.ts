import {
  createDiagnostic,
  type Diagnostic,
  fail,
  ok,
  type Result,
  type RuleSetMeta,
  type SchemaIssueLike,
  schemaIssuesToDiagnostics,
} from '@foodsafety/core';
import { z } from 'zod';
import type { Facts } from '../facts.js';
import { scoringMessages as M } from '../scoring-messages.js';
import {
  estimateMean,
  estimateRate,
  type MeanEstimate,
  type RateEstimate,
} from './survey-estimate.js';

/** One respondent of a public survey (群众满意度/知晓率/支持率调查). */
export interface SurveyResponse {
  /** The region the respondent lives in. */
  readonly region?: string;
  /** Sampling weight (default 1). */
  readonly weight?: number;
  /** Satisfaction with food safety, on the survey's scale (default 0–100). */
  readonly satisfaction?: number;
  /** Aware of the creation work (知晓). */
  readonly aware?: boolean;
  /** Supports the creation work (支持). */
  readonly supports?: boolean;
}

/** A survey: its responses and the scale satisfaction was asked on. */
export interface Survey {
  readonly id?: string;
  /** ISO date of fieldwork. */
  readonly date?: string;
  /** The satisfaction scale (default 0–100); scores are rescaled to 0–100. */
  readonly satisfactionScale?: { readonly min: number; readonly max: number };
  readonly responses: readonly SurveyResponse[];
}

/**
 * Survey thresholds as data (national first part, per REFERENCES.md: satisfaction ≥ 70 points,
 * awareness ≥ 75 %, support ≥ 85 %; some provinces use 80 and 85).
 */
export interface SurveyThresholds {
  readonly satisfaction: number;
  readonly awareness: number;
  readonly support: number;
}

/** The national thresholds of the first part of the standard (as reproduced by a provincial draft; secondary). */
export const NATIONAL_SURVEY_THRESHOLDS: SurveyThresholds = Object.freeze({
  satisfaction: 70,
  awareness: 75,
  support: 85,
});

/** The rule set the national survey thresholds come from. */
export const NATIONAL_SURVEY_META: RuleSetMeta = Object.freeze({
  id: 'cn.demonstration-city.survey-thresholds',
  version: '2017',
  jurisdiction: 'CN',
  effectiveFrom: '2017-01-01',
  source:
    "National demonstration-city standard, first part (satisfaction ≥ 70 points, awareness ≥ 75 %, support ≥ 85 %), as reproduced by Zhejiang's draft rules",
  confidence: 'secondary',
  notes:
    'Some provinces use satisfaction ≥ 80 and awareness ≥ 85 %; pass your own thresholds and meta.',
});

/** Whether a measure meets its threshold: by its point estimate, and even at its lower confidence bound. */
export interface ThresholdCheck {
  readonly threshold: number;
  readonly meets: boolean;
  /** The lower bound of the interval also meets it (robust to sampling error). */
  readonly meetsAtLowerBound: boolean;
}

/** Survey results of one unit. Rates and their thresholds are in percent (0–100). */
export interface UnitSurvey {
  readonly unit: { readonly kind: 'city' | 'region'; readonly id: string };
  /** Mean satisfaction score on 0–100. */
  readonly satisfaction: MeanEstimate | null;
  /** Awareness rate (fraction 0–1 in the estimate). */
  readonly awareness: RateEstimate | null;
  readonly support: RateEstimate | null;
  readonly checks: {
    readonly satisfaction: ThresholdCheck | null;
    readonly awareness: ThresholdCheck | null;
    readonly support: ThresholdCheck | null;
  };
  /** Facts for a standard: `satisfaction` (points), `awareness` and `support` (percent). */
  readonly facts: Facts;
}

/** Survey results for the city and each region, with the threshold rule set applied. */
export interface SurveySummary {
  readonly city: UnitSurvey;
  readonly regions: readonly UnitSurvey[];
  readonly thresholds: SurveyThresholds;
  readonly meta: RuleSetMeta;
}

/** Options of {@link summarizeSurvey}. */
export interface SummarizeSurveyOptions {
  readonly confidence?: number;
  readonly thresholds?: SurveyThresholds;
  /** The rule set your thresholds come from (default: the national one, or "caller-supplied, unverified" when you pass thresholds). */
  readonly meta?: RuleSetMeta;
  /** Names of the facts produced (defaults `satisfaction`, `awareness`, `support`). */
  readonly factNames?: Partial<Record<keyof SurveyThresholds, string>>;
}

const weight = z.number().positive().refine(Number.isFinite, 'finite');

/** zod schema of a {@link Survey}. */
export const surveySchema = z.strictObject({
  id: z.string().optional(),
  date: z.string().optional(),
  satisfactionScale: z
    .strictObject({ min: z.number(), max: z.number() })
    .refine((s) => s.max > s.min, 'max must exceed min')
    .optional(),
  responses: z.array(
    z.strictObject({
      region: z.string().min(1).optional(),
      weight: weight.optional(),
      satisfaction: z.number().refine(Number.isFinite, 'finite').optional(),
      aware: z.boolean().optional(),
      supports: z.boolean().optional(),
    }),
  ),
});

const optionalNumber = z.number().optional();
const optionalName = z.string().nullish();

/**
 * The shape of {@link SummarizeSurveyOptions} where it is read: numbers and names (from JSON a
 * threshold can be text or an object, which comparisons and fact names cannot use). As before, an
 * option or a fact name that is `null` takes its default, thresholds may be partial, and the meta
 * is passed through as given.
 */
const optionsSchema = z.object({
  confidence: z.number().nullish(),
  thresholds: z
    .object({ satisfaction: optionalNumber, awareness: optionalNumber, support: optionalNumber })
    .nullish(),
  factNames: z
    .object({ satisfaction: optionalName, awareness: optionalName, support: optionalName })
    .nullish(),
});

function rangeDiagnostics(input: unknown): Diagnostic[] {
  if (typeof input !== 'object' || input === null) return [];
  const { responses, satisfactionScale } = input as {
    responses?: unknown;
    satisfactionScale?: { min?: unknown; max?: unknown };
  };
  if (!Array.isArray(responses)) return [];
  const min = typeof satisfactionScale?.min === 'number' ? satisfactionScale.min : 0;
  const max = typeof satisfactionScale?.max === 'number' ? satisfactionScale.max : 100;
  const out: Diagnostic[] = [];
  responses.forEach((r: unknown, i) => {
    const x = (r as { satisfaction?: unknown } | null)?.satisfaction;
    if (typeof x === 'number' && (x < min || x > max))
      out.push(
        createDiagnostic(
          M.SCORING_SURVEY_OUT_OF_RANGE,
          { value: x, min, max },
          { path: ['responses', i, 'satisfaction'] },
        ),
      );
  });
  return out;
}

function check(
  value: number | undefined,
  lower: number | undefined,
  threshold: number,
): ThresholdCheck | null {
  if (value === undefined || lower === undefined) return null;
  return { threshold, meets: value >= threshold, meetsAtLowerBound: lower >= threshold };
}

function summarizeUnit(
  unit: UnitSurvey['unit'],
  responses: readonly SurveyResponse[],
  scale: { min: number; max: number },
  thresholds: SurveyThresholds,
  confidence: number,
  names: Record<keyof SurveyThresholds, string>,
): UnitSurvey {
  const toScore = (x: number) => ((x - scale.min) / (scale.max - scale.min)) * 100;
  const sat = responses.filter((r) => r.satisfaction !== undefined);
  const satisfaction = estimateMean(
    sat.map((r) => ({
      value: toScore(r.satisfaction as number),
      ...(r.weight === undefined ? {} : { weight: r.weight }),
    })),
    { confidence },
  );
  const rate = (pick: (r: SurveyResponse) => boolean | undefined) =>
    estimateRate(
      responses
        .filter((r) => pick(r) !== undefined)
        .map((r) => ({
          value: pick(r) as boolean,
          ...(r.weight === undefined ? {} : { weight: r.weight }),
        })),
      confidence,
    );
  const awareness = rate((r) => r.aware);
  const support = rate((r) => r.supports);
  const facts: Record<string, number> = {};
  if (satisfaction) facts[names.satisfaction] = satisfaction.mean;
  if (awareness) facts[names.awareness] = awareness.rate * 100;
  if (support) facts[names.support] = support.rate * 100;
  return {
    unit,
    satisfaction,
    awareness,
    support,
    checks: {
      satisfaction: check(
        satisfaction?.mean,
        satisfaction?.interval.lower,
        thresholds.satisfaction,
      ),
      awareness: check(
        awareness === null ? undefined : awareness.rate * 100,
        awareness === null ? undefined : awareness.interval.lower * 100,
        thresholds.awareness,
      ),
      support: check(
        support === null ? undefined : support.rate * 100,
        support === null ? undefined : support.interval.lower * 100,
        thresholds.support,
      ),
    },
    facts,
  };
}

/**
 * Summarise a public survey for the city and by region: mean satisfaction score (0–100) with a t
 * interval, awareness and support rates with Wilson intervals (on the Kish effective sample size
 * when weighted), checks against the thresholds (point estimate and lower bound), and facts ready
 * for a standard. Invalid input gives `SCHEMA_*` diagnostics with paths.
 */
export function summarizeSurvey(
  input: unknown,
  options: SummarizeSurveyOptions = {},
): Result<SurveySummary> {
  const parsed = surveySchema.safeParse(input);
  const range = rangeDiagnostics(input);
  const checkedOptions = optionsSchema.safeParse(options, { reportInput: true });
  if (!parsed.success || range.length > 0 || !checkedOptions.success)
    return fail([
      ...(parsed.success
        ? []
        : schemaIssuesToDiagnostics(parsed.error.issues as readonly SchemaIssueLike[], {
            source: '@foodsafety/scoring',
          })),
      ...range,
      ...(checkedOptions.success
        ? []
        : schemaIssuesToDiagnostics(checkedOptions.error.issues as readonly SchemaIssueLike[], {
            prefix: ['options'],
            source: '@foodsafety/scoring',
          })),
    ]);
  const survey = parsed.data as Survey;
  const confidence = options.confidence ?? 0.95;
  const thresholds = options.thresholds ?? NATIONAL_SURVEY_THRESHOLDS;
  const names = {
    satisfaction: options.factNames?.satisfaction ?? 'satisfaction',
    awareness: options.factNames?.awareness ?? 'awareness',
    support: options.factNames?.support ?? 'support',
  };
  const scale = survey.satisfactionScale ?? { min: 0, max: 100 };
  const city = summarizeUnit(
    { kind: 'city', id: 'city' },
    survey.responses,
    scale,
    thresholds,
    confidence,
    names,
  );
  const regionIds: string[] = [];
  for (const r of survey.responses)
    if (r.region !== undefined && !regionIds.includes(r.region)) regionIds.push(r.region);
  const regions = regionIds.map((id) =>
    summarizeUnit(
      { kind: 'region', id },
      survey.responses.filter((r) => r.region === id),
      scale,
      thresholds,
      confidence,
      names,
    ),
  );
  const meta: RuleSetMeta =
    options.meta ??
    (options.thresholds === undefined
      ? NATIONAL_SURVEY_META
      : {
          ...NATIONAL_SURVEY_META,
          id: 'custom.survey-thresholds',
          source: 'thresholds supplied by the caller',
          confidence: 'unverified',
        });
  return ok({ city, regions, thresholds, meta });
}
