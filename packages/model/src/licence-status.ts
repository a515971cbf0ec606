import { FoodSafetyError } from '@foodsafety/core';
import { daysBetween, type IsoDateOrDateTime, requireMoment, shanghaiDate } from './iso-date.js';
import type { Licence } from './licence.js';

/**
 * A licence's standing on a day: `not-yet-valid` before the issue date, `valid`, `expiring` when
 * the last day of validity is within the warning window, `expired` after the last day.
 */
export type LicenceStatus = 'not-yet-valid' | 'valid' | 'expiring' | 'expired';

/** The status of a licence on a day, with the days left (negative once expired). */
export interface LicenceStatusReport {
  readonly status: LicenceStatus;
  /** Calendar days from `asOf` to the last day of validity (0 on the last day). */
  readonly daysToExpiry: number;
  /** The Asia/Shanghai calendar day evaluated. */
  readonly asOfDate: string;
}

/** Options of {@link licenceStatus}. */
export interface LicenceStatusOptions {
  /**
   * The warning window in calendar days: `expiring` when at most this many days are left.
   * Default 30 (a presentation choice, not a regulatory figure).
   */
  readonly expiringWithinDays?: number;
}

/**
 * The status of a licence as of a date or date-time (read as an Asia/Shanghai calendar day). The
 * expiry date is the last valid day: a licence expiring 2022-10-08 is still valid (expiring) on
 * 2022-10-08 and expired on 2022-10-09.
 */
export function licenceStatus(
  licence: Pick<Licence, 'issuedOn' | 'expiresOn'>,
  asOf: IsoDateOrDateTime,
  options: LicenceStatusOptions = {},
): LicenceStatusReport {
  const window = options.expiringWithinDays ?? 30;
  if (!Number.isInteger(window) || window < 0) {
    throw new FoodSafetyError(
      'MODEL_ARGUMENT_INVALID',
      'expiringWithinDays must be a non-negative integer',
      { expiringWithinDays: window },
    );
  }
  const asOfDate = shanghaiDate(requireMoment(asOf, 'asOf'));
  const daysToExpiry = daysBetween(asOfDate, licence.expiresOn);
  const status: LicenceStatus =
    asOfDate < licence.issuedOn
      ? 'not-yet-valid'
      : daysToExpiry < 0
        ? 'expired'
        : daysToExpiry <= window
          ? 'expiring'
          : 'valid';
  return { status, daysToExpiry, asOfDate };
}
