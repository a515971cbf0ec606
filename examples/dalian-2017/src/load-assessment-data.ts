import { readFileSync } from 'node:fs';
import type { AssessmentData } from './assess-city.js';

const dataDir = new URL('../data/', import.meta.url);
const readJson = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(name, dataDir), 'utf8'));

/** Read the assessment's data files (standard facts, survey plan, ledger plan) from data/. */
export function loadAssessmentData(): AssessmentData {
  return {
    standardFacts: readJson('standard-facts.json'),
    surveyPlan: readJson('survey-plan.json'),
    ledgerPlan: readJson('ledger-plan.json'),
  };
}
