/**
 * The city's facts for the creation standard, read from data/standard-facts.json: each fact
 * with its value (or the two counts it is computed from), its basis (published, derived, assumed,
 * simulated), its source, and the assessment error the simulation applies to it.
 */
import { createDiagnostic, type Diagnostic } from '@foodsafety/core';
import type { Facts, FactUncertainty, Standard } from '@foodsafety/scoring';
import { factUncertaintyProblem } from '@foodsafety/scoring';
import { scenarioMessages as M } from './scenario-messages.js';

/** How a fact came to be. */
export type FactBasis = 'published' | 'derived' | 'assumed' | 'simulated';

/** Where a fact comes from. */
export interface FactProvenance {
  readonly basis: FactBasis;
  readonly source: string;
}

/** The parsed facts file. */
export interface StandardFacts {
  readonly facts: Facts;
  readonly provenance: Readonly<Record<string, FactProvenance>>;
  /** Assessment error per fact (for `simulate`). */
  readonly uncertainty: Readonly<Record<string, FactUncertainty>>;
  /** Facts that come from the simulated survey, with their provenance. */
  readonly fromSurvey: { readonly facts: readonly string[]; readonly provenance: FactProvenance };
  /** Provenance and assessment error of the task-completion facts (from the ledger). */
  readonly fromLedger: {
    readonly provenance: FactProvenance;
    readonly uncertainty?: FactUncertainty;
  };
  readonly diagnostics: readonly Diagnostic[];
}

const BASES: readonly FactBasis[] = ['published', 'derived', 'assumed', 'simulated'];

const record = (x: unknown): Record<string, unknown> | undefined =>
  typeof x === 'object' && x !== null && !Array.isArray(x)
    ? (x as Record<string, unknown>)
    : undefined;

function provenanceOf(raw: Record<string, unknown>): FactProvenance | string {
  if (!BASES.includes(raw.basis as FactBasis)) return `basis must be one of ${BASES.join(', ')}`;
  if (typeof raw.source !== 'string' || raw.source.length === 0) return 'source must be a text';
  return { basis: raw.basis as FactBasis, source: raw.source };
}

/**
 * Parse the facts file (untrusted data): a fact is `{ value }` (number or boolean) or
 * `{ ratio: [part, whole], scale? }` (computed here, never copied), with a `basis` and a
 * `source`, and optionally an `uncertainty` (a `FactUncertainty` of @foodsafety/scoring). Bad
 * records give `SCENARIO_FACT_INVALID` diagnostics with paths and are left out.
 */
export function parseStandardFacts(input: unknown): StandardFacts {
  const diagnostics: Diagnostic[] = [];
  const facts: Record<string, number | boolean> = {};
  const provenance: Record<string, FactProvenance> = {};
  const uncertainty: Record<string, FactUncertainty> = {};
  const bad = (name: string, detail: string, path: (string | number)[]) =>
    diagnostics.push(createDiagnostic(M.SCENARIO_FACT_INVALID, { name, detail }, { path }));
  const file = record(input);
  const entries = record(file?.facts) ?? {};
  if (file === undefined || record(file.facts) === undefined)
    bad('facts', 'the file needs a "facts" object', ['facts']);
  for (const [name, rawEntry] of Object.entries(entries)) {
    const raw = record(rawEntry);
    const path = ['facts', name];
    if (raw === undefined) {
      bad(name, 'must be an object', path);
      continue;
    }
    let value: number | boolean | undefined;
    if (Array.isArray(raw.ratio)) {
      const [part, whole] = raw.ratio as unknown[];
      const scale = raw.scale ?? 1;
      if (
        typeof part !== 'number' ||
        typeof whole !== 'number' ||
        typeof scale !== 'number' ||
        !Number.isFinite(part) ||
        !Number.isFinite(scale) ||
        !(whole > 0)
      ) {
        bad(name, 'ratio needs [part, whole > 0] and a finite scale', [...path, 'ratio']);
        continue;
      }
      value = (part / whole) * scale;
    } else if (
      typeof raw.value === 'boolean' ||
      (typeof raw.value === 'number' && Number.isFinite(raw.value))
    ) {
      value = raw.value;
    } else {
      bad(name, 'needs a finite number or boolean "value", or a "ratio"', [...path, 'value']);
      continue;
    }
    const p = provenanceOf(raw);
    if (typeof p === 'string') {
      bad(name, p, path);
      continue;
    }
    if (raw.uncertainty !== undefined) {
      const problem = factUncertaintyProblem(raw.uncertainty);
      if (problem !== undefined) {
        bad(name, problem, [...path, 'uncertainty']);
        continue;
      }
      uncertainty[name] = raw.uncertainty as FactUncertainty;
    }
    facts[name] = value;
    provenance[name] = p;
  }
  const survey = record(file?.fromSurvey) ?? {};
  const surveyFacts = Array.isArray(survey.facts)
    ? survey.facts.filter((x): x is string => typeof x === 'string')
    : [];
  const surveyProvenance = provenanceOf(survey);
  if (typeof surveyProvenance === 'string') bad('fromSurvey', surveyProvenance, ['fromSurvey']);
  const ledger = record(file?.fromLedger) ?? {};
  const ledgerProvenance = provenanceOf(ledger);
  if (typeof ledgerProvenance === 'string') bad('fromLedger', ledgerProvenance, ['fromLedger']);
  const ledgerProblem =
    ledger.uncertainty === undefined ? undefined : factUncertaintyProblem(ledger.uncertainty);
  if (ledgerProblem !== undefined) bad('fromLedger', ledgerProblem, ['fromLedger', 'uncertainty']);
  const fallback: FactProvenance = { basis: 'simulated', source: 'unstated' };
  return {
    facts,
    provenance,
    uncertainty,
    fromSurvey: {
      facts: surveyFacts,
      provenance: typeof surveyProvenance === 'string' ? fallback : surveyProvenance,
    },
    fromLedger: {
      provenance: typeof ledgerProvenance === 'string' ? fallback : ledgerProvenance,
      ...(ledger.uncertainty === undefined || ledgerProblem !== undefined
        ? {}
        : { uncertainty: ledger.uncertainty as FactUncertainty }),
    },
    diagnostics,
  };
}

/**
 * The facts the standard reads that no source supplies (`SCENARIO_FACT_MISSING`, errors: a
 * missing fact must never silently score zero), and supplied facts the standard does not read
 * (`SCENARIO_FACT_UNKNOWN`, warnings).
 */
export function checkFactCoverage(
  standard: Standard,
  supplied: Iterable<string>,
): { missing: string[]; diagnostics: Diagnostic[] } {
  const have = new Set(supplied);
  const needed = new Set(standard.factNames);
  const missing = standard.factNames.filter((n) => !have.has(n));
  const diagnostics = [
    ...missing.map((name) =>
      createDiagnostic(M.SCENARIO_FACT_MISSING, { name }, { path: ['facts', name] }),
    ),
    ...[...have]
      .filter((n) => !needed.has(n))
      .map((name) =>
        createDiagnostic(M.SCENARIO_FACT_UNKNOWN, { name }, { path: ['facts', name] }),
      ),
  ];
  return { missing, diagnostics };
}
