import { describe, expect, it } from 'vitest';
import { insuranceClaim, insurancePolicy } from './__fixtures__/dalian.js';
import {
  parseInsuranceClaim,
  parseInsuranceClaims,
  parseInsurancePolicies,
  parseInsurancePolicy,
} from './insurance-policy.js';

const codes = (r: {
  diagnostics: readonly { code: string; path?: readonly (string | number)[] }[];
}) => r.diagnostics.map((d) => [d.code, d.path?.join('.')]);

describe('parseInsurancePolicy', () => {
  it('accepts the school-canteen plan of the references in fen', () => {
    const r = parseInsurancePolicy(insurancePolicy);
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toEqual([]);
    // 100 000 yuan per person, 1 000 000 per incident, 2 000 000 aggregate (REFERENCES.md).
    expect(r.ok && r.value.limits).toMatchObject({
      perPersonFen: 100_000 * 100,
      perIncidentFen: 1_000_000 * 100,
      aggregateFen: 2_000_000 * 100,
    });
  });

  it('rejects a period ending before it starts', () => {
    const r = parseInsurancePolicy({
      ...insurancePolicy,
      period: { from: '2017-09-01', to: '2017-08-31' },
    });
    expect(codes(r)).toEqual([['MODEL_DATE_ORDER', 'period.to']]);
  });

  it('warns when limits do not nest', () => {
    const r = parseInsurancePolicy({
      ...insurancePolicy,
      limits: {
        perPersonFen: 300,
        perPersonMedicalFen: 400,
        perIncidentFen: 200,
        aggregateFen: 100,
      },
    });
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.params?.smaller])).toEqual([
      ['MODEL_INSURANCE_LIMIT_ORDER', 'warning', 'perPersonMedicalFen'],
      ['MODEL_INSURANCE_LIMIT_ORDER', 'warning', 'perPersonFen'],
      ['MODEL_INSURANCE_LIMIT_ORDER', 'warning', 'perIncidentFen'],
    ]);
  });

  it('rejects floating yuan and unsafe integers', () => {
    expect(codes(parseInsurancePolicy({ ...insurancePolicy, premiumFen: 2000.5 }))).toEqual([
      ['SCHEMA_INVALID_TYPE', 'premiumFen'],
    ]);
    expect(parseInsurancePolicy({ ...insurancePolicy, premiumFen: 2 ** 53 }).ok).toBe(false);
    expect(
      parseInsurancePolicy({ ...insurancePolicy, premiumFen: Number.MAX_SAFE_INTEGER }).ok,
    ).toBe(true);
  });

  it('rejects a deductible rate above 100 %', () => {
    const r = parseInsurancePolicy({
      ...insurancePolicy,
      deductible: { ...insurancePolicy.deductible, rateBasisPoints: 10_001 },
    });
    expect(codes(r)).toEqual([['SCHEMA_TOO_BIG', 'deductible.rateBasisPoints']]);
  });

  it('parses lists', () => {
    expect(parseInsurancePolicies([insurancePolicy]).ok).toBe(true);
  });
});

describe('parseInsuranceClaim', () => {
  it('accepts a paid claim', () => {
    expect(parseInsuranceClaim(insuranceClaim)).toMatchObject({ ok: true, diagnostics: [] });
  });

  it('keeps incident, report and payment in order', () => {
    const r = parseInsuranceClaim({
      ...insuranceClaim,
      reportedOn: '2017-11-02',
      paidOn: '2017-11-01',
    });
    expect(codes(r)).toEqual([
      ['MODEL_DATE_ORDER', 'reportedOn'],
      ['MODEL_DATE_ORDER', 'paidOn'],
    ]);
    expect(
      parseInsuranceClaims([insuranceClaim, insuranceClaim]).diagnostics.map((d) => d.code),
    ).toEqual(['MODEL_DUPLICATE_ID']);
  });
});
