import { describe, expect, it } from 'vitest';
import { licenceStatus } from './licence-status.js';

const licence = { issuedOn: '2016-08-15', expiresOn: '2021-08-14' };

describe('licenceStatus', () => {
  it('is not yet valid before the issue day', () => {
    expect(licenceStatus(licence, '2016-08-14').status).toBe('not-yet-valid');
    expect(licenceStatus(licence, '2016-08-14T23:59:59+08:00').status).toBe('not-yet-valid');
    expect(licenceStatus(licence, '2016-08-14T16:00:00Z').status).toBe('valid');
  });

  it('is valid, then expiring within the window, then expired after the last day', () => {
    expect(licenceStatus(licence, '2017-10-08')).toEqual({
      status: 'valid',
      daysToExpiry: 1406,
      asOfDate: '2017-10-08',
    });
    expect(licenceStatus(licence, '2021-07-14').status).toBe('valid');
    expect(licenceStatus(licence, '2021-07-15')).toMatchObject({
      status: 'expiring',
      daysToExpiry: 30,
    });
    expect(licenceStatus(licence, '2021-08-14T23:00:00+08:00')).toMatchObject({
      status: 'expiring',
      daysToExpiry: 0,
    });
    expect(licenceStatus(licence, '2021-08-15')).toMatchObject({
      status: 'expired',
      daysToExpiry: -1,
    });
  });

  it('takes the warning window as an option', () => {
    expect(licenceStatus(licence, '2021-05-20', { expiringWithinDays: 90 }).status).toBe(
      'expiring',
    );
    expect(licenceStatus(licence, '2021-08-13', { expiringWithinDays: 0 }).status).toBe('valid');
    expect(licenceStatus(licence, '2021-08-14', { expiringWithinDays: 0 }).status).toBe('expiring');
  });

  it('throws coded programmer errors for bad arguments', () => {
    expect(() => licenceStatus(licence, 'soon')).toThrow(/MODEL_ARGUMENT_INVALID/);
    expect(() => licenceStatus(licence, '2021-01-01', { expiringWithinDays: -1 })).toThrow(
      /MODEL_ARGUMENT_INVALID/,
    );
  });
});
