import type { Result } from '@foodsafety/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as fixtures from './__fixtures__/dalian.js';
import { parseBusinessOperator } from './business-operator.js';
import { BUSINESS_TYPES, type BusinessType, CANTEEN_KINDS } from './business-type.js';
import { parseCoordinator } from './coordinator.js';
import { parseCreationTask } from './creation-task.js';
import { parseDepartment } from './department.js';
import { parseEnforcementCase } from './enforcement-case.js';
import { parseInspection } from './inspection.js';
import { parseInsuranceClaim, parseInsurancePolicy } from './insurance-policy.js';
import { addDays } from './iso-date.js';
import { parseJurisdiction } from './jurisdiction.js';
import { parseJurisdictionTree } from './jurisdiction-tree.js';
import { parseLicence } from './licence.js';
import {
  applyRectificationActions,
  parseRectificationLedger,
  type RectificationAction,
} from './rectification-ledger.js';
import { parseSampleBatch } from './sample.js';

type Parser = (input: unknown) => Result<unknown>;

const parsers: [string, Parser, unknown][] = [
  ['jurisdiction', parseJurisdiction, fixtures.jurisdictions[1]],
  ['jurisdiction tree', parseJurisdictionTree, fixtures.jurisdictions],
  ['department', parseDepartment, fixtures.department],
  ['coordinator', parseCoordinator, fixtures.coordinator],
  ['licence', parseLicence, fixtures.cateringLicence],
  ['business operator', parseBusinessOperator, fixtures.restaurant],
  ['inspection', parseInspection, fixtures.inspection],
  ['rectification ledger', parseRectificationLedger, { entries: [] }],
  ['sample batch', parseSampleBatch, fixtures.sampleBatch],
  ['enforcement case', parseEnforcementCase, fixtures.enforcementCase],
  ['insurance policy', parseInsurancePolicy, fixtures.insurancePolicy],
  ['insurance claim', parseInsuranceClaim, fixtures.insuranceClaim],
  ['creation task', parseCreationTask, fixtures.creationTask],
];

/** Objects whose keys include the dangerous ones, as JSON.parse would produce them. */
const hostileObject = fc
  .dictionary(
    fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'id',
      'kind',
      'type',
      'code',
    ),
    fc.jsonValue({ maxDepth: 2 }),
  )
  .map((o) => JSON.parse(JSON.stringify(o).replace('"toString"', '"__proto__"')) as unknown);

function reparsesToItself(parse: Parser, input: unknown): void {
  const first = parse(input);
  if (!first.ok) return;
  const again = parse(JSON.parse(JSON.stringify(first.value)));
  expect(again.ok).toBe(true);
  expect(again.ok && again.value).toEqual(first.value);
}

describe.each(parsers)('parse %s', (_name, parse, valid) => {
  it('never throws on arbitrary JSON, and fails with coded, located diagnostics', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        const r = parse(input);
        for (const d of r.diagnostics) {
          expect(d.code).toMatch(/^(SCHEMA|MODEL)_[A-Z_]+$/);
          expect(Array.isArray(d.path)).toBe(true);
        }
        if (!r.ok) expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('never throws on objects with __proto__ and other hostile keys, and pollutes nothing', () => {
    fc.assert(
      fc.property(hostileObject, (input) => {
        parse(input);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 60 },
    );
    const r = parse(JSON.parse('{"__proto__": {"polluted": true}}'));
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts its fixture, and a parsed value re-parses to itself', () => {
    expect(parse(valid).ok).toBe(true);
    // The tree parser returns a Map-based tree, not a JSON record: no round trip to test.
    if (parse === parseJurisdictionTree) return;
    reparsesToItself(parse, valid);
    fc.assert(
      fc.property(fc.jsonValue(), (input) => reparsesToItself(parse, input)),
      { numRuns: 50 },
    );
  });

  it('does not modify a frozen input', () => {
    const input = structuredClone(valid);
    const frozen = JSON.parse(JSON.stringify(input), (_k, v) =>
      typeof v === 'object' && v !== null ? Object.freeze(v) : v,
    );
    parse(frozen);
    expect(frozen).toEqual(input);
  });
});

// --- generated valid data ------------------------------------------------------------------------

const isoDate = fc.integer({ min: 0, max: 365 * 40 }).map((n) => addDays('2000-01-01', n));

const licenceArb = fc
  .record({
    kind: fc.constantFrom(
      'food-business',
      'food-production',
      'public-place-hygiene',
      'registration',
    ),
    typeDigit: fc.constantFrom('1', '2', '3'),
    digits: fc.stringMatching(/^\d{13}$/),
    issuedOn: isoDate,
    days: fc.integer({ min: 0, max: 365 * 5 - 2 }),
    displayed: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map(({ kind, typeDigit, digits, issuedOn, days, displayed }) => ({
    kind,
    number:
      kind === 'food-business'
        ? `JY${typeDigit}${digits}`
        : kind === 'food-production'
          ? `SC${typeDigit}${digits}`
          : `第 ${digits} 号`,
    issuedOn,
    expiresOn: addDays(issuedOn, days),
    ...(displayed === undefined ? {} : { displayed }),
  }));

describe('generated valid records', () => {
  it('licences within 5 years parse without diagnostics and round-trip', () => {
    fc.assert(
      fc.property(licenceArb, (licence) => {
        const r = parseLicence(licence);
        expect(r.diagnostics).toEqual([]);
        expect(r.ok && r.value).toEqual(licence);
        reparsesToItself(parseLicence, licence);
      }),
    );
  });

  it('operators parse and round-trip; a type-digit warning appears exactly on mismatch', () => {
    const types = Object.keys(BUSINESS_TYPES) as BusinessType[];
    fc.assert(
      fc.property(
        fc.constantFrom(...types),
        fc.constantFrom(...CANTEEN_KINDS),
        fc.array(licenceArb, { maxLength: 3 }),
        (businessType, kind, licences) => {
          const op = {
            id: 'op',
            name: '经营者',
            businessType,
            ...(businessType === 'canteen' ? { canteenKind: kind } : {}),
            licences,
          };
          const r = parseBusinessOperator(op);
          expect(r.ok).toBe(true);
          const expected = BUSINESS_TYPES[businessType].licenceTypeDigit;
          const mismatches = licences.filter(
            (l) =>
              expected !== undefined &&
              l.kind === 'food-business' &&
              l.number.charAt(2) !== expected,
          ).length;
          expect(
            r.diagnostics.filter((d) => d.code === 'MODEL_LICENCE_TYPE_MISMATCH'),
          ).toHaveLength(mismatches);
          reparsesToItself(parseBusinessOperator, op);
        },
      ),
    );
  });

  it('any ledger built by accepted transitions parses back to itself', () => {
    const evidence = [{ kind: 'photo', ref: 'p.jpg' }];
    const step = fc.record({
      entry: fc.integer({ min: 0, max: 3 }),
      action: fc.constantFrom('open', 'close', 'verify', 'reopen'),
      gap: fc.integer({ min: -2, max: 10 }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let ledger = { entries: [] as never[] } as Parameters<typeof applyRectificationActions>[0];
        let day = '2017-09-01';
        for (const { entry, action, gap } of steps) {
          day = addDays(day, gap);
          const entryId = `r-${entry}`;
          const candidate: Record<RectificationAction['type'], Record<string, unknown>> = {
            open: {
              type: 'open',
              entryId,
              findingId: `f-${entry}`,
              description: 'd',
              on: day,
              deadline: addDays(day, 10),
            },
            close: { type: 'close', entryId, on: day, evidence },
            verify: { type: 'verify', entryId, on: day, by: 'x' },
            reopen: {
              type: 'reopen',
              entryId,
              on: day,
              by: 'x',
              reason: 'r',
              deadline: addDays(day, 5),
            },
          };
          const r = applyRectificationActions(ledger, [candidate[action]]);
          if (r.ok) ledger = r.value;
          else expect(r.diagnostics.length).toBeGreaterThan(0);
        }
        const parsed = parseRectificationLedger(JSON.parse(JSON.stringify(ledger)));
        expect(parsed.diagnostics).toEqual([]);
        expect(parsed.ok && parsed.value).toEqual(ledger);
      }),
      { numRuns: 200 },
    );
  });
});
