import { createDiagnostic, type Diagnostic } from '@foodsafety/core';
import { hasAny } from '../profiles/kde-selector.js';
import { profileMessages } from '../profiles/profile-messages.js';
import type { CustomRule, ProfileLabel } from '../profiles/trace-profile.js';
import { eventIdOf, warehouseOuts } from './warehouse-out-in-context.js';

/**
 * The KDE table of the `warehouse-out` CTE applied to the warehouse-outs found in context (a plain
 * shipping of processed product from the plant, see `warehouseOuts`), which the profile check does
 * not recognise from the event alone: `TRACE_PROFILE_KDE_MISSING`, as for a named warehouse-out.
 */
export function warehouseOutKdes(id: string, label: ProfileLabel): CustomRule {
  return {
    kind: 'custom',
    id,
    label,
    check: (context) => {
      const cte = context.profile.ctes.find((c) => c.id === 'warehouse-out');
      if (cte === undefined) return [];
      const source = context.profile.meta.id;
      const out: Diagnostic[] = [];
      for (const index of warehouseOuts(context)) {
        if (context.ctes[index] !== undefined) continue; // a named one: the profile check did it
        const event = context.events[index];
        for (const kde of cte.kdes) {
          if (kde.required === false || hasAny(event, kde.select)) continue;
          out.push(
            createDiagnostic(
              profileMessages.TRACE_PROFILE_KDE_MISSING,
              {
                index,
                eventID: eventIdOf(event),
                profile: source,
                cte: cte.id,
                kde: kde.id,
                citation: kde.citation ?? source,
              },
              { path: context.pathOf(index), source },
            ),
          );
        }
      }
      return out;
    },
  };
}
