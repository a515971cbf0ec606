export { incompleteBeta, studentTCdf, studentTQuantile } from './student-t.js';
export {
  NATIONAL_SURVEY_META,
  NATIONAL_SURVEY_THRESHOLDS,
  type SummarizeSurveyOptions,
  type Survey,
  type SurveyResponse,
  type SurveySummary,
  type SurveyThresholds,
  summarizeSurvey,
  surveySchema,
  type ThresholdCheck,
  type UnitSurvey,
} from './summarize-survey.js';
export {
  type ConfidenceInterval,
  estimateMean,
  estimateRate,
  kishEffectiveSize,
  type MeanEstimate,
  type RateEstimate,
  type Weighted,
  wilsonInterval,
} from './survey-estimate.js';
