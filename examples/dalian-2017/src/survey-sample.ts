/**
 * A SIMULATED public survey (群众满意度/知晓率/支持率): the programme does not publish the
 * third-party survey, so the scenario draws a plausible, seeded sample from data/survey-plan.json.
 */
import { createRandom } from '@foodsafety/core';
import type { Survey, SurveyResponse } from '@foodsafety/scoring';

/** Per-region parameters of the simulated survey. */
export interface SurveyRegionParameters {
  /** Mean of the latent satisfaction on the answer scale (e.g. 1–5). */
  readonly satisfaction: number;
  /** Probability that a respondent knows of the creation work. */
  readonly awareness: number;
  /** Probability that a respondent supports it. */
  readonly support: number;
}

/** The survey plan (data/survey-plan.json). */
export interface SurveyPlan {
  readonly seed: string;
  readonly date: string;
  readonly respondentsPerRegion: number;
  readonly satisfactionScale: { readonly min: number; readonly max: number };
  /** Standard deviation of the latent satisfaction, on the answer scale. */
  readonly latentSd: number;
  readonly default: SurveyRegionParameters;
  readonly regions: Readonly<Record<string, Partial<SurveyRegionParameters>>>;
}

/**
 * Draw the survey: `respondentsPerRegion` respondents in every region; satisfaction is a latent
 * normal rounded to the answer scale's whole points and clamped to it; awareness and support are
 * Bernoulli draws. Same plan and regions → the same responses.
 */
export function generateSurvey(plan: SurveyPlan, regions: readonly string[]): Survey {
  const random = createRandom(plan.seed);
  const { min, max } = plan.satisfactionScale;
  const responses: SurveyResponse[] = [];
  for (const region of regions) {
    const p = { ...plan.default, ...plan.regions[region] };
    for (let i = 0; i < plan.respondentsPerRegion; i++) {
      const latent = random.normal(p.satisfaction, plan.latentSd);
      responses.push({
        region,
        satisfaction: Math.min(max, Math.max(min, Math.round(latent))),
        aware: random.chance(p.awareness),
        supports: random.chance(p.support),
      });
    }
  }
  return {
    id: 'dalian-2017-simulated-public-survey',
    date: plan.date,
    satisfactionScale: plan.satisfactionScale,
    responses,
  };
}
