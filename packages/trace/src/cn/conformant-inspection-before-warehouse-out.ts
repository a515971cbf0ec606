import { createDiagnostic, type Diagnostic } from '@foodsafety/core';
import { NO_DISPOSITION } from '../chain/stand-in-words.js';
import { cbvEquals } from '../profiles/kde-selector.js';
import { profileMessages } from '../profiles/profile-messages.js';
import { profileNames } from '../profiles/profile-names.js';
import type { CustomRule, ProfileLabel, ProfileRuleContext } from '../profiles/trace-profile.js';
import { inspectionResultName } from './inspection-result-words.js';
import {
  type ChainEvent,
  chainEvents,
  eventIdOf,
  lotsOf,
  warehouseOuts,
} from './warehouse-out-in-context.js';

const INSPECTION = 'inspection';
const WAREHOUSE_OUT = 'warehouse-out';

/** Earlier first; at the same time, earlier in the input first. */
function byTime(a: ChainEvent, b: ChainEvent): number {
  return a.summary.time - b.summary.time || a.index - b.index;
}

/**
 * The finding of one warehouse-out: the lot must have been inspected at or before it, and the last
 * inspection at or before it must have found the lot conformant.
 */
function check(
  context: ProfileRuleContext,
  out: ChainEvent,
  inspectionsByLot: ReadonlyMap<string, readonly ChainEvent[]>,
): Diagnostic | undefined {
  const source = context.profile.meta.id;
  for (const lot of lotsOf(out.summary)) {
    const inspections = inspectionsByLot.get(lot) ?? [];
    // an inspection whose time cannot be read is not shown to come before (fail closed); a
    // warehouse-out whose own time cannot be read takes every inspection of the lot
    const before = inspections.filter(
      (i) => i.summary.time <= out.summary.time || Number.isNaN(out.summary.time),
    );
    const last = before.at(-1);
    if (last !== undefined && cbvEquals(last.summary.disposition, 'conformant')) continue;
    const base = {
      index: out.index,
      eventID: eventIdOf(context.events[out.index]),
      profile: source,
      lot,
      ...profileNames(context.profile, { cte: WAREHOUSE_OUT, requires: INSPECTION }),
    };
    const at = { path: context.pathOf(out.index), source };
    if (last !== undefined) {
      return createDiagnostic(
        profileMessages.TRACE_PROFILE_RELEASED_NOT_CONFORMANT,
        {
          ...base,
          otherIndex: last.index,
          result: last.summary.disposition ?? NO_DISPOSITION,
          resultName: inspectionResultName(last.summary.disposition),
        },
        at,
      );
    }
    const later = inspections.find((i) => i.summary.time > out.summary.time);
    return later === undefined
      ? createDiagnostic(profileMessages.TRACE_PROFILE_STEP_MISSING, base, at)
      : createDiagnostic(
          profileMessages.TRACE_PROFILE_ORDER,
          { ...base, otherIndex: later.index },
          at,
        );
  }
  return undefined;
}

/**
 * The aquatic chain's core rule as a profile rule: a lot leaves the warehouse only after an
 * inspection that found it conformant. For every warehouse-out (named, or a plain shipping of
 * processed product from the plant, see `warehouseOuts`) and each lot it ships, the last inspection
 * of that lot at or before the warehouse-out decides:
 * - conformant: fine (a non-conformant result followed by a conformant re-inspection is fine);
 * - another result: `TRACE_PROFILE_RELEASED_NOT_CONFORMANT` (`otherIndex`, `result`);
 * - none before, one after: `TRACE_PROFILE_ORDER`; none at all: `TRACE_PROFILE_STEP_MISSING`.
 * A non-conformant result followed by destruction, or by nothing, is no finding: nothing left.
 * One finding per warehouse-out, on its first failing lot.
 */
export function conformantInspectionBeforeWarehouseOut(
  id: string,
  label: ProfileLabel,
): CustomRule {
  return {
    kind: 'custom',
    id,
    label,
    check: (context) => {
      const events = chainEvents(context);
      const inspectionsByLot = new Map<string, ChainEvent[]>();
      for (const [index, e] of events) {
        if (context.ctes[index] !== INSPECTION) continue;
        for (const lot of lotsOf(e.summary)) {
          const list = inspectionsByLot.get(lot) ?? [];
          list.push(e);
          inspectionsByLot.set(lot, list);
        }
      }
      for (const list of inspectionsByLot.values()) list.sort(byTime);
      const out: Diagnostic[] = [];
      for (const index of warehouseOuts(context)) {
        const e = events.get(index);
        if (e === undefined) continue;
        const finding = check(context, e, inspectionsByLot);
        if (finding !== undefined) out.push(finding);
      }
      return out;
    },
  };
}
