import { isLocalizedParam } from '@foodsafety/core';

/** A param as English reads it: a phrase written in both locales by its English, data as it is. */
export const english = (v: unknown): unknown => (isLocalizedParam(v) ? v.en : v);
