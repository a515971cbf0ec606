/**
 * What a message shows where the data has no value to show, in both locales (see core's
 * `LocalizedParam`): a finding on an event without an `eventID`, or at a holder the events do not
 * name, reads "(no eventID)" in English and "无 eventID" in Chinese, whichever locale the
 * diagnostic is rendered in later.
 */
import { localizedParam } from '@foodsafety/core';

/** In place of the `eventID` of an event that has none. */
export const NO_EVENT_ID = localizedParam('无 eventID', '(no eventID)');

/** In place of a holder (location or party) that cannot be named. */
export const UNKNOWN_HOLDER = localizedParam('未知持有方', '(unknown)');

/** In place of a disposition (an inspection's result) that an event does not record. */
export const NO_DISPOSITION = localizedParam('未记录', '(none)');

/** In place of a value a profile rule looked for and the event does not have. */
export const NO_VALUE = localizedParam('无取值', '(none)');
