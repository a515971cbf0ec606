import { describe, expect, it } from 'vitest';
import { dairyProducer, restaurant, schoolCanteen } from './__fixtures__/dalian.js';
import {
  checkLicenceTypeMatch,
  parseBusinessOperator,
  parseBusinessOperators,
} from './business-operator.js';

describe('parseBusinessOperator', () => {
  it('accepts a chain restaurant, a school canteen and a producer', () => {
    for (const op of [restaurant, schoolCanteen, dairyProducer]) {
      const r = parseBusinessOperator(op);
      expect(r.ok, op.id).toBe(true);
      expect(r.diagnostics, op.id).toEqual([]);
    }
  });

  it('fills in absent flags as false', () => {
    const r = parseBusinessOperator(dairyProducer);
    expect(r.ok && r.value.flags).toEqual({ chain: false, online: false, schoolServing: false });
    const c = parseBusinessOperator(schoolCanteen);
    expect(c.ok && c.value.flags).toEqual({ chain: false, online: false, schoolServing: true });
  });

  it('requires a canteen kind for canteens and forbids it otherwise', () => {
    const { canteenKind: _, ...noKind } = schoolCanteen;
    expect(parseBusinessOperator(noKind).diagnostics).toMatchObject([
      { code: 'MODEL_CANTEEN_KIND_MISSING', path: ['canteenKind'] },
    ]);
    expect(
      parseBusinessOperator({ ...restaurant, canteenKind: 'school' }).diagnostics,
    ).toMatchObject([
      {
        code: 'MODEL_CANTEEN_KIND_UNEXPECTED',
        path: ['canteenKind'],
        params: { businessType: 'catering' },
      },
    ]);
    expect(
      parseBusinessOperator({ ...schoolCanteen, canteenKind: 'prison' }).diagnostics,
    ).toMatchObject([{ code: 'SCHEMA_INVALID_VALUE', path: ['canteenKind'] }]);
  });

  it('warns when the JY type digit does not fit the business type', () => {
    // A canteen holding a catering (type 2) licence.
    const r = parseBusinessOperator({
      ...schoolCanteen,
      licences: [{ ...schoolCanteen.licences[0], number: 'JY22102110001234' }],
    });
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toMatchObject([
      {
        code: 'MODEL_LICENCE_TYPE_MISMATCH',
        severity: 'warning',
        path: ['licences', 0, 'number'],
        params: { digit: '2', expectedDigit: '3', businessType: 'canteen' },
      },
    ]);
  });

  it('does not check the type digit of types without a JY licence', () => {
    const licence = {
      kind: 'food-business' as const,
      number: 'JY12102030000017',
      issuedOn: '2017-01-01',
      expiresOn: '2021-12-31',
    };
    expect(checkLicenceTypeMatch('food-producer', [licence])).toEqual([]);
    expect(checkLicenceTypeMatch('supermarket', [licence])).toEqual([]);
    expect(checkLicenceTypeMatch('central-kitchen', [licence])).toHaveLength(1);
  });

  it('reports licence errors under the licence path', () => {
    const r = parseBusinessOperator(
      {
        ...restaurant,
        licences: [restaurant.licences[0], { ...restaurant.licences[1], expiresOn: '2015-01-01' }],
      },
      { path: ['operators', 3] },
    );
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toMatchObject([
      {
        code: 'MODEL_LICENCE_EXPIRY_BEFORE_ISSUE',
        path: ['operators', 3, 'licences', 1, 'expiresOn'],
      },
    ]);
  });

  it('rejects bad premises, types and credit codes with paths', () => {
    const r = parseBusinessOperator({
      ...restaurant,
      businessType: 'bar',
      creditCode: '9121020',
      premises: { usableAreaM2: -5, seats: 1.5 },
      flags: { chain: 'yes' },
    });
    expect(r.diagnostics.map((d) => [d.code, d.path?.join('.')])).toEqual([
      ['SCHEMA_INVALID_FORMAT', 'creditCode'],
      ['SCHEMA_INVALID_VALUE', 'businessType'],
      ['SCHEMA_INVALID_TYPE', 'flags.chain'],
      ['SCHEMA_TOO_SMALL', 'premises.usableAreaM2'],
      ['SCHEMA_INVALID_TYPE', 'premises.seats'],
    ]);
  });

  it('parses a list of operators with duplicate detection', () => {
    expect(parseBusinessOperators([restaurant, schoolCanteen, dairyProducer]).ok).toBe(true);
    const dup = parseBusinessOperators([restaurant, restaurant]);
    expect(dup.diagnostics.map((d) => d.code)).toEqual(['MODEL_DUPLICATE_ID']);
  });
});
