import { createDiagnostic, type Diagnostic } from '@foodsafety/core';
import { traceBack } from '../chain/trace-lot.js';
import { profileMessages } from '../profiles/profile-messages.js';
import { profileNames } from '../profiles/profile-names.js';
import type { CustomRule, ProfileLabel } from '../profiles/trace-profile.js';
import { chainEvents, eventIdOf, lotsOf, warehouseOuts } from './warehouse-out-in-context.js';

/**
 * A sale needs a warehouse-out at or before it, of the lot sold or of a lot it was made from: the
 * warehouse-outs being those `warehouseOuts` finds (named, or a plain shipping of processed product
 * from the plant), so a plant that writes no step names is not told its product was never shipped.
 * `TRACE_PROFILE_ORDER` when the only warehouse-out comes later, `TRACE_PROFILE_STEP_MISSING` when
 * there is none; one finding per sale, on its first failing lot.
 */
export function saleAfterWarehouseOut(id: string, label: ProfileLabel): CustomRule {
  return {
    kind: 'custom',
    id,
    label,
    check: (context) => {
      const events = chainEvents(context);
      const source = context.profile.meta.id;
      const outsByLot = new Map<string, { index: number; time: number }[]>();
      for (const index of warehouseOuts(context)) {
        const e = events.get(index);
        if (e === undefined) continue;
        for (const lot of lotsOf(e.summary)) {
          const list = outsByLot.get(lot) ?? [];
          list.push({ index, time: e.summary.time });
          outsByLot.set(lot, list);
        }
      }
      const out: Diagnostic[] = [];
      for (const [index, e] of events) {
        if (context.ctes[index] !== 'sale') continue;
        const time = e.summary.time;
        for (const lot of lotsOf(e.summary)) {
          const scope = [lot, ...traceBack(context.graph, lot).lots.map((l) => l.id)];
          const found = scope.flatMap((l) => outsByLot.get(l) ?? []);
          if (found.some((w) => !(w.time > time))) continue;
          const later = found.sort((a, b) => a.time - b.time || a.index - b.index)[0];
          const base = {
            index,
            eventID: eventIdOf(context.events[index]),
            profile: source,
            lot,
            ...profileNames(context.profile, { cte: 'sale', requires: 'warehouse-out' }),
          };
          const at = { path: context.pathOf(index), source };
          out.push(
            later === undefined
              ? createDiagnostic(profileMessages.TRACE_PROFILE_STEP_MISSING, base, at)
              : createDiagnostic(
                  profileMessages.TRACE_PROFILE_ORDER,
                  { ...base, otherIndex: later.index },
                  at,
                ),
          );
          break;
        }
      }
      return out.sort((a, b) => Number(a.path?.at(-1)) - Number(b.path?.at(-1)));
    },
  };
}
