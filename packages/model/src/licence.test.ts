import { describe, expect, it } from 'vitest';
import { cateringLicence } from './__fixtures__/dalian.js';
import {
  CN_FOOD_BUSINESS_LICENCE_RULES,
  decodeFoodBusinessLicenceNumber,
  parseLicence,
} from './licence.js';

describe('food business licence numbers (JY + 14 digits)', () => {
  it('decodes the structure: type digit, 6-digit area, 6-digit serial, check digit', () => {
    expect(decodeFoodBusinessLicenceNumber('JY22102030000017')).toEqual({
      typeDigit: '2',
      areaCode: '210203',
      serial: '000001',
      checkDigit: '7',
    });
  });

  it('accepts any check digit (algorithm unknown: structure only)', () => {
    for (const check of '0123456789') {
      expect(parseLicence({ ...cateringLicence, number: `JY2210203000001${check}` }).ok).toBe(true);
    }
  });

  it('rejects wrong prefixes, type digits and lengths', () => {
    for (const number of [
      'JY42102030000017',
      'JY2210203000001',
      'JY221020300000170',
      'jy22102030000017',
      'XK22102030000017',
    ]) {
      expect(decodeFoodBusinessLicenceNumber(number)).toBeUndefined();
      const r = parseLicence({ ...cateringLicence, number });
      expect(r.ok, number).toBe(false);
      expect(r.diagnostics).toMatchObject([{ code: 'SCHEMA_INVALID_FORMAT', path: ['number'] }]);
    }
  });

  it('decodes nothing from a value that is not a string, without throwing', () => {
    // from JavaScript callers: RegExp#test converts with String(), which throws on these
    const bare = Object.create(null) as string;
    const hostile = {
      toString() {
        throw new Error('no text');
      },
    } as unknown as string;
    for (const value of [bare, hostile, 22102030000017 as unknown as string]) {
      expect(decodeFoodBusinessLicenceNumber(value)).toBeUndefined();
    }
  });
});

describe('parseLicence', () => {
  it('accepts the four kinds', () => {
    const dates = { issuedOn: '2016-11-01', expiresOn: '2021-10-31' };
    expect(parseLicence(cateringLicence).ok).toBe(true);
    expect(parseLicence({ kind: 'food-production', number: 'SC10321028100123', ...dates }).ok).toBe(
      true,
    );
    expect(
      parseLicence({
        kind: 'public-place-hygiene',
        number: '大卫公证字〔2016〕第 0123 号',
        ...dates,
      }).ok,
    ).toBe(true);
    expect(parseLicence({ kind: 'registration', number: '辽小餐 2102030001', ...dates }).ok).toBe(
      true,
    );
  });

  it('checks SC numbers by structure (SC + 14 digits)', () => {
    const dates = { issuedOn: '2016-11-01', expiresOn: '2021-10-31' };
    expect(
      parseLicence({ kind: 'food-production', number: 'SC1032102810012', ...dates }).diagnostics[0],
    ).toMatchObject({
      code: 'SCHEMA_INVALID_FORMAT',
      path: ['number'],
    });
  });

  it('rejects an unknown kind as an invalid value listing the kinds', () => {
    const r = parseLicence({ ...cateringLicence, kind: 'driving' });
    expect(r.diagnostics).toMatchObject([
      {
        code: 'SCHEMA_INVALID_VALUE',
        path: ['kind'],
        params: {
          values: ['food-business', 'food-production', 'public-place-hygiene', 'registration'],
        },
      },
    ]);
  });

  it('rejects an expiry before the issue date', () => {
    const r = parseLicence(
      { ...cateringLicence, issuedOn: '2016-08-15', expiresOn: '2016-08-14' },
      { path: ['licences', 0] },
    );
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toMatchObject([
      { code: 'MODEL_LICENCE_EXPIRY_BEFORE_ISSUE', path: ['licences', 0, 'expiresOn'] },
    ]);
  });

  it('accepts a one-day licence (expiry on the issue day)', () => {
    expect(parseLicence({ ...cateringLicence, expiresOn: cateringLicence.issuedOn }).ok).toBe(true);
  });

  it('warns when a food business licence runs beyond 5 years (rule set, secondary)', () => {
    expect(CN_FOOD_BUSINESS_LICENCE_RULES.validityYears).toBe(5);
    expect(CN_FOOD_BUSINESS_LICENCE_RULES.meta.confidence).toBe('secondary');
    expect(parseLicence({ ...cateringLicence, expiresOn: '2021-08-15' }).diagnostics).toEqual([]);
    const r = parseLicence({ ...cateringLicence, expiresOn: '2021-08-16' });
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toMatchObject([
      {
        code: 'MODEL_LICENCE_VALIDITY_TOO_LONG',
        severity: 'warning',
        params: { years: 5, ruleSet: 'cn.food-business-licence' },
      },
    ]);
  });

  it('lets the validity rule be overridden', () => {
    const rules = { ...CN_FOOD_BUSINESS_LICENCE_RULES, validityYears: 3 };
    const r = parseLicence(cateringLicence, { rules });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['MODEL_LICENCE_VALIDITY_TOO_LONG']);
  });

  it('does not apply the 5-year rule to other kinds', () => {
    const r = parseLicence({
      kind: 'public-place-hygiene',
      number: 'x',
      issuedOn: '2010-01-01',
      expiresOn: '2030-01-01',
    });
    expect(r.diagnostics).toEqual([]);
  });
});
