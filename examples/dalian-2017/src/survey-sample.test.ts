import { summarizeSurvey } from '@foodsafety/scoring';
import { describe, expect, it } from 'vitest';
import { loadAssessmentData } from './load-assessment-data.js';
import { generateSurvey, type SurveyPlan } from './survey-sample.js';

const plan = loadAssessmentData().surveyPlan as SurveyPlan;

describe('generateSurvey (a simulated sample, labelled as such)', () => {
  const regions = ['210202', '210273'];
  const survey = generateSurvey(plan, regions);

  it('draws respondentsPerRegion answers per region on the plan scale, deterministically', () => {
    expect(survey.responses).toHaveLength(plan.respondentsPerRegion * 2);
    for (const r of survey.responses) {
      expect(Number.isInteger(r.satisfaction)).toBe(true);
      expect(r.satisfaction).toBeGreaterThanOrEqual(plan.satisfactionScale.min);
      expect(r.satisfaction).toBeLessThanOrEqual(plan.satisfactionScale.max);
    }
    expect(generateSurvey(plan, regions)).toEqual(survey);
    expect(generateSurvey({ ...plan, seed: 'other' }, regions)).not.toEqual(survey);
  });

  it('follows the plan: a region planned with lower awareness shows lower awareness', () => {
    const high = generateSurvey(
      {
        ...plan,
        respondentsPerRegion: 2000,
        regions: { a: { awareness: 0.95 }, b: { awareness: 0.7 } },
      },
      ['a', 'b'],
    );
    const summary = summarizeSurvey(high);
    if (!summary.ok) throw new Error('the simulated survey does not parse');
    const [a, b] = summary.value.regions;
    expect(a?.awareness?.rate).toBeGreaterThan(b?.awareness?.rate ?? 1);
    expect(b?.awareness?.rate).toBeCloseTo(0.7, 1);
  });

  it('parses through summarizeSurvey into facts for the standard', () => {
    const summary = summarizeSurvey(survey);
    expect(summary.ok).toBe(true);
    if (summary.ok) {
      expect(Object.keys(summary.value.city.facts).sort()).toEqual([
        'awareness',
        'satisfaction',
        'support',
      ]);
      expect(summary.value.regions.map((r) => r.unit.id)).toEqual(regions);
    }
  });
});
