import { readFileSync } from 'node:fs';
import { type Diagnostic, mergeDiagnostics } from '@foodsafety/core';
import {
  applyRectificationActions,
  type BusinessOperator,
  type Department,
  type JurisdictionTree,
  parseBusinessOperators,
  parseDepartments,
  parseJurisdictionTree,
  type RectificationLedger,
} from '@foodsafety/model';

/** The figures of CITY-PROGRAMME.md, as the scenario's data file holds them. */
export interface ProgrammeFigures {
  readonly asOf: string;
  readonly population: { readonly value: number; readonly note: string };
  readonly responsibility: {
    readonly tasks: number;
    readonly regions: number;
    readonly departments: number;
    readonly officesMeetingStandardShare: number;
  };
  readonly catering: {
    readonly openKitchens: number;
    readonly schoolCanteens: number;
    readonly centralKitchens: number;
    readonly centralKitchensGradeBOrBetter: number;
    readonly sixTAndHaccpUnits: number;
    readonly largeRestaurantOpenKitchenShare: number;
  };
  readonly enforcement: {
    readonly inspections: number;
    readonly administrativeCases: number;
    readonly unlicensedDensClosed: number;
    readonly criminalCasesSolved: number;
  };
  readonly publicNominatedSampling: {
    readonly nominations: number;
    readonly batchesSampled: number;
    readonly batchesFailed: number;
    readonly reportedPassRate: number;
  };
  readonly samplingVolume: readonly {
    readonly year: number;
    readonly batches: number;
    readonly months?: number;
    readonly passRate: number;
  }[];
  readonly insurance: {
    readonly businessesInsured: number;
    readonly totalCoverYuan: number;
    readonly claimsPaid: number;
  };
  readonly participation: { readonly coordinators: number };
  readonly innovation: {
    readonly centralKitchensServingSchools: number;
    readonly schoolsServed: number;
    readonly schoolSatisfaction: number;
    readonly b2bTransactionRecords: number;
  };
}

/** Everything the scenario loads, parsed through the model's schemas. */
export interface Scenario {
  readonly jurisdictions: JurisdictionTree;
  readonly englishNames: Readonly<Record<string, string>>;
  readonly departments: readonly Department[];
  readonly operators: readonly BusinessOperator[];
  readonly supermarketLedger: RectificationLedger;
  readonly ledgerAsOf: string;
  readonly figures: ProgrammeFigures;
}

const dataDir = new URL('../data/', import.meta.url);

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, dataDir), 'utf8'));
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * Load the Dalian 2017 scenario: every record goes through the model's parsers, so bad data
 * yields diagnostics (with paths into the data files) rather than a crash.
 */
export function loadScenario(): { scenario?: Scenario; diagnostics: Diagnostic[] } {
  const jurisdictionFile = readJson('jurisdictions.json');
  const tree = parseJurisdictionTree(field(jurisdictionFile, 'jurisdictions'), {
    path: ['jurisdictions.json', 'jurisdictions'],
  });
  const departments = parseDepartments(field(readJson('departments.json'), 'departments'), {
    path: ['departments.json', 'departments'],
  });
  const operators = parseBusinessOperators(field(readJson('operators.json'), 'operators'), {
    path: ['operators.json', 'operators'],
  });
  const checks = readJson('supermarket-checks.json');
  const ledger = applyRectificationActions(
    { entries: [] },
    (field(checks, 'actions') as unknown[]) ?? [],
  );
  const diagnostics = mergeDiagnostics(
    tree.diagnostics,
    departments.diagnostics,
    operators.diagnostics,
    ledger.diagnostics,
  );
  if (!tree.ok || !departments.ok || !operators.ok || !ledger.ok) return { diagnostics };
  return {
    scenario: {
      jurisdictions: tree.value,
      englishNames: (field(jurisdictionFile, 'englishNames') ?? {}) as Record<string, string>,
      departments: departments.value,
      operators: operators.value,
      supermarketLedger: ledger.value,
      ledgerAsOf: String(field(checks, 'asOf')),
      figures: readJson('programme-figures.json') as ProgrammeFigures,
    },
    diagnostics,
  };
}
