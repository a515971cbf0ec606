/**
 * Every parser of the package (and the other functions that take records as data), fed its own
 * real fixture with one value anywhere replaced by what a record built in code can hold and JSON
 * cannot — objects without a prototype, bigints, boxed values, maps, sets, dates, typed and
 * sparse arrays — and fed such a value whole. None may throw, none may change its input, none may
 * fall back on `MODEL_INPUT_UNREADABLE` (which hides a throw), and every diagnostic is coded,
 * located and renders in both locales. (`parse-anything.test.ts` feeds arbitrary values alone,
 * `parse-robustness.test.ts` arbitrary JSON.)
 */
import { type Result, unwrap } from '@foodsafety/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectExplained } from '../../core/src/test-support/expect-explained.js';
import {
  codeValue,
  oneValueReplaced,
  snapshot,
} from '../../core/src/test-support/one-value-replaced.js';
import * as fixtures from './__fixtures__/dalian.js';
import * as model from './index.js';

type Parse = (input: unknown) => Result<unknown>;

/** A ledger with one entry opened, closed and verified, and one open (as JSON would give it). */
const ledger: unknown = JSON.parse(
  JSON.stringify(
    unwrap(
      model.applyRectificationActions({ id: 'ledger-xg-2017', entries: [] }, [
        {
          type: 'open',
          entryId: 'r-1',
          findingId: 'f-1',
          operatorId: 'op-market-12',
          origin: { kind: 'supermarket-check', refId: 'insp-2017-0928' },
          description: '冷藏柜温度 12 °C，超过 8 °C',
          on: '2017-09-28',
          by: '西岗区市场监管所',
          deadline: '2017-10-08',
        },
        {
          type: 'close',
          entryId: 'r-1',
          on: '2017-10-06',
          evidence: [{ kind: 'photo', ref: 'cold-room.jpg' }],
        },
        { type: 'verify', entryId: 'r-1', on: '2017-10-10T09:00:00+08:00', by: '张检查员' },
        {
          type: 'open',
          entryId: 'r-2',
          findingId: 'f-2',
          description: '索证索票不全',
          on: '2017-09-28',
          deadline: '2017-10-15',
        },
      ]),
    ),
  ),
);

const otherTask = {
  ...fixtures.creationTask,
  id: 'task-0002',
  status: 'not-started',
  completedOn: undefined,
  evidence: [],
};

/** Each parser with a fixture it accepts. */
const PARSERS: Record<string, [Parse, unknown]> = {
  parseJurisdiction: [model.parseJurisdiction, fixtures.jurisdictions[5]],
  parseJurisdictionTree: [model.parseJurisdictionTree, fixtures.jurisdictions],
  parseDepartment: [model.parseDepartment, fixtures.department],
  parseDepartments: [
    model.parseDepartments,
    [fixtures.department, { ...fixtures.department, id: 'dept-edu', name: '教育局' }],
  ],
  parseCoordinator: [model.parseCoordinator, fixtures.coordinator],
  parseCoordinators: [
    model.parseCoordinators,
    [fixtures.coordinator, { ...fixtures.coordinator, id: 'coord-0002' }],
  ],
  parseLicence: [model.parseLicence, fixtures.cateringLicence],
  parseBusinessOperator: [model.parseBusinessOperator, fixtures.restaurant],
  parseBusinessOperators: [
    model.parseBusinessOperators,
    [fixtures.restaurant, fixtures.schoolCanteen, fixtures.dairyProducer],
  ],
  parseInspection: [model.parseInspection, fixtures.inspection],
  parseInspections: [
    model.parseInspections,
    [fixtures.inspection, { ...fixtures.inspection, id: 'insp-2' }],
  ],
  parseRectificationLedger: [model.parseRectificationLedger, ledger],
  parseSampleBatch: [model.parseSampleBatch, fixtures.sampleBatch],
  parseSampleBatches: [
    model.parseSampleBatches,
    [fixtures.sampleBatch, { ...fixtures.sampleBatch, id: 'sb-2' }],
  ],
  parseEnforcementCase: [model.parseEnforcementCase, fixtures.enforcementCase],
  parseEnforcementCases: [
    model.parseEnforcementCases,
    [fixtures.enforcementCase, { ...fixtures.enforcementCase, id: 'case-2' }],
  ],
  parseInsurancePolicy: [model.parseInsurancePolicy, fixtures.insurancePolicy],
  parseInsurancePolicies: [
    model.parseInsurancePolicies,
    [fixtures.insurancePolicy, { ...fixtures.insurancePolicy, id: 'pol-2' }],
  ],
  parseInsuranceClaim: [model.parseInsuranceClaim, fixtures.insuranceClaim],
  parseInsuranceClaims: [
    model.parseInsuranceClaims,
    [fixtures.insuranceClaim, { ...fixtures.insuranceClaim, id: 'clm-2' }],
  ],
  parseCreationTask: [model.parseCreationTask, fixtures.creationTask],
  parseCreationTasks: [
    model.parseCreationTasks,
    JSON.parse(JSON.stringify([fixtures.creationTask, otherTask])),
  ],
  // the generic helpers, with an element parser and a schema of the package
  parseList: [
    (input) => model.parseList(input, model.parseLicence, { entity: 'licence' }),
    [fixtures.cateringLicence, fixtures.restaurant.licences[1]],
  ],
  parseWithSchema: [
    (input) => model.parseWithSchema(model.departmentSchema, input),
    fixtures.department,
  ],
};

const CODES = /^(SCHEMA|MODEL)_[A-Z_]+$/;
const RUNS = 150;
const TIMEOUT = 30_000;

/** Calls `call` and checks what every entry point promises; returns its result. */
function checked(input: unknown, call: (input: unknown) => Result<unknown>): Result<unknown> {
  const before = snapshot(input);
  const r = call(input);
  expect(snapshot(input)).toStrictEqual(before);
  // MODEL_INPUT_UNREADABLE is what a throw inside a parser becomes: only a throwing getter or a
  // revoked proxy may give it, and none is fed here
  expect(r.diagnostics.filter((d) => d.code === 'MODEL_INPUT_UNREADABLE')).toEqual([]);
  expectExplained(r, CODES);
  return r;
}

describe('model entry points on records built in code (property)', () => {
  it('cover every exported parser', () => {
    const exported = Object.entries(model)
      .filter(([name, value]) => name.startsWith('parse') && typeof value === 'function')
      .map(([name]) => name)
      .sort();
    expect(Object.keys(PARSERS).sort()).toEqual(exported);
  });

  it.each(Object.entries(PARSERS))('%s accepts its fixture', (_name, [parse, fixture]) => {
    const r = parse(fixture);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it.each(Object.entries(PARSERS))(
    '%s: one value of its fixture replaced, or the whole input',
    (_name, [parse, fixture]) => {
      fc.assert(
        fc.property(fc.oneof(oneValueReplaced(fixture), codeValue), (input) => {
          checked(input, parse);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'applyRectificationActions: one value of a list of actions replaced',
    () => {
      const valid = JSON.parse(JSON.stringify(model.parseRectificationLedger(ledger))).value;
      const actions = [
        {
          type: 'close',
          entryId: 'r-2',
          on: '2017-10-12',
          evidence: [{ kind: 'photo', ref: 'p' }],
        },
        {
          type: 'reopen',
          entryId: 'r-2',
          on: '2017-10-13',
          by: 'x',
          reason: 'r',
          deadline: '2017-11-01',
        },
        {
          type: 'open',
          entryId: 'r-3',
          findingId: 'f-3',
          description: 'd',
          on: '2017-10-14',
          deadline: '2017-10-24',
        },
      ];
      expect(model.applyRectificationActions(valid, actions).diagnostics).toEqual([]);
      fc.assert(
        fc.property(oneValueReplaced(actions), (input) => {
          checked(input, (a) => model.applyRectificationActions(valid, a as unknown[]));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'decodeFoodBusinessLicenceNumber: any value',
    () => {
      fc.assert(
        fc.property(fc.oneof(codeValue, fc.constant(fixtures.cateringLicence.number)), (input) => {
          const before = snapshot(input);
          const decoded = model.decodeFoodBusinessLicenceNumber(input as string);
          expect(decoded === undefined || typeof decoded === 'object').toBe(true);
          expect(snapshot(input)).toStrictEqual(before);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
