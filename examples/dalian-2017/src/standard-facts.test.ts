import { defineStandard } from '@foodsafety/scoring';
import { cnStandard } from '@foodsafety/scoring/cn';
import { describe, expect, it } from 'vitest';
import { loadAssessmentData } from './load-assessment-data.js';
import { checkFactCoverage, parseStandardFacts } from './standard-facts.js';

const file = loadAssessmentData().standardFacts;
const source = 'test';

describe('parseStandardFacts', () => {
  it('reads the data file without diagnostics; every fact has a basis and a source', () => {
    const parsed = parseStandardFacts(file);
    expect(parsed.diagnostics).toEqual([]);
    for (const p of Object.values(parsed.provenance)) expect(p.source.length).toBeGreaterThan(10);
    expect(parsed.fromSurvey.facts).toEqual(['satisfaction', 'awareness', 'support']);
    expect(parsed.fromSurvey.provenance.basis).toBe('simulated');
    expect(parsed.fromLedger.provenance.basis).toBe('simulated');
  });

  it('computes ratios from the counts rather than copying a rate', () => {
    const parsed = parseStandardFacts({
      facts: { r: { ratio: [560, 565], scale: 100, basis: 'derived', source } },
    });
    expect(parsed.facts.r).toBe((560 / 565) * 100);
  });

  it('reports bad records with a code and a path, and leaves them out', () => {
    const parsed = parseStandardFacts({
      facts: {
        a: { value: 'many', basis: 'published', source },
        b: { value: 1, basis: 'guessed', source },
        c: { ratio: [1, 0], basis: 'derived', source },
        d: { value: 1, basis: 'assumed', source, uncertainty: { type: 'normal', sd: -1 } },
        e: { value: 2, basis: 'assumed', source },
      },
    });
    expect(parsed.facts).toEqual({ e: 2 });
    expect(parsed.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['SCENARIO_FACT_INVALID', ['facts', 'a', 'value']],
      ['SCENARIO_FACT_INVALID', ['facts', 'b']],
      ['SCENARIO_FACT_INVALID', ['facts', 'c', 'ratio']],
      ['SCENARIO_FACT_INVALID', ['facts', 'd', 'uncertainty']],
      // fromSurvey and fromLedger are absent
      ['SCENARIO_FACT_INVALID', ['fromSurvey']],
      ['SCENARIO_FACT_INVALID', ['fromLedger']],
    ]);
  });

  it('never throws on hostile input and does not mutate it', () => {
    for (const bad of [null, 42, 'x', [], { facts: [] }, { facts: { x: null } }])
      expect(parseStandardFacts(bad).diagnostics.length).toBeGreaterThan(0);
    const frozen = structuredClone(file);
    const copy = structuredClone(file);
    parseStandardFacts(Object.freeze(frozen));
    expect(frozen).toEqual(copy);
  });
});

describe('checkFactCoverage', () => {
  const defined = defineStandard(cnStandard());
  if (!defined.ok) throw new Error('the CN standard does not compile');
  const standard = defined.value;

  it('names each fact the standard reads that no source supplies (a missing fact is an error)', () => {
    const supplied = standard.factNames.filter((n) => n !== 'samplingBatches');
    const { missing, diagnostics } = checkFactCoverage(standard, [...supplied, 'extra']);
    expect(missing).toEqual(['samplingBatches']);
    expect(diagnostics.map((d) => [d.code, d.severity, d.path])).toEqual([
      ['SCENARIO_FACT_MISSING', 'error', ['facts', 'samplingBatches']],
      ['SCENARIO_FACT_UNKNOWN', 'warning', ['facts', 'extra']],
    ]);
  });
});
