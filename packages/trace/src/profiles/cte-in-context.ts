import {
  createDiagnostic,
  type Diagnostic,
  type DiagnosticPath,
  describeValue,
  type LocalizedParam,
  localizedParam as w,
} from '@foodsafety/core';
import { callProfileRule } from './call-profile-rule.js';
import { profileMessages } from './profile-messages.js';
import { labelParam } from './profile-names.js';
import { badItem, badItems, EVENT_POSITIONS, notAList } from './returned-list-words.js';
import type { ProfileRuleContext } from './trace-profile.js';

/**
 * Give the events `match` recognised no CTE for the CTEs whose `inContext` finds them, for the
 * profile's CTEs in their order: each recogniser sees, in `context.ctes` (a frozen copy of the
 * list this writes into), the steps the ones before it gave. Events in `left` (out of the chain) and events that
 * already have a CTE keep what they have. Returns the findings about recognisers that threw
 * (`TRACE_PROFILE_RULE_ERROR`, rule `<cte>.inContext`) or returned anything but a list of event
 * positions (`TRACE_PROFILE_CONTEXT_RESULT_INVALID`; the valid positions still count).
 */
export function recogniseInContext(
  base: Omit<ProfileRuleContext, 'ctes'>,
  ctes: (string | undefined)[],
  left: ReadonlySet<number>,
  path: DiagnosticPath,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const source = base.profile.meta.id;
  for (const cte of base.profile.ctes) {
    const find = cte.inContext;
    if (find === undefined) continue;
    // each recogniser sees a frozen copy: it can only give steps by what it returns
    const context: ProfileRuleContext = { ...base, ctes: Object.freeze([...ctes]) };
    // the recogniser and the reading of what it returned (a getter or a proxy may throw) both
    // run guarded: a throw is a finding, never an exception
    const failed = callProfileRule(
      () => {
        const problem = give(find(context), cte.id, ctes, left);
        if (problem !== undefined) {
          out.push(
            createDiagnostic(
              profileMessages.TRACE_PROFILE_CONTEXT_RESULT_INVALID,
              {
                profile: source,
                cte: cte.id,
                detail: problem,
                cteName: labelParam(cte.label, cte.id),
              },
              { source, path },
            ),
          );
        }
        return [];
      },
      { profile: source, rule: `${cte.id}.inContext`, path },
    );
    out.push(...failed);
  }
  return out;
}

/** Give `cte` to the events at `found` that have none; why `found` is not a list of positions. */
function give(
  found: unknown,
  cte: string,
  ctes: (string | undefined)[],
  left: ReadonlySet<number>,
): LocalizedParam | undefined {
  if (!Array.isArray(found)) return notAList(found);
  let firstBad: LocalizedParam | undefined;
  let bad = 0;
  for (let k = 0; k < found.length; k += 1) {
    const index: unknown = found[k];
    if (
      typeof index !== 'number' ||
      !Number.isInteger(index) ||
      index < 0 ||
      index >= ctes.length
    ) {
      bad += 1;
      firstBad ??= badItem(
        k,
        w(
          `${describeValue(index)} 不是事件序号（共 ${ctes.length} 个事件）`,
          `${describeValue(index)} is no event position (of ${ctes.length} events)`,
        ),
      );
      continue;
    }
    if (ctes[index] === undefined && !left.has(index)) ctes[index] = cte;
  }
  return firstBad === undefined
    ? undefined
    : badItems(firstBad, bad, found.length, EVENT_POSITIONS);
}
