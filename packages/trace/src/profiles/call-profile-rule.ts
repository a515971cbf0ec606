import {
  createDiagnostic,
  type Diagnostic,
  type DiagnosticPath,
  describeValue,
  type LocalizedParam,
  SEVERITIES,
  localizedParam as w,
} from '@foodsafety/core';
import { isRecord } from '../is-record.js';
import { thrownDetail } from '../thrown-detail.js';
import { profileMessages } from './profile-messages.js';
import { badItem, badItems, DIAGNOSTICS, notAList } from './returned-list-words.js';

/** Whom a finding about a failed rule names, and where in the input the rule was working. */
export interface ProfileRuleTarget {
  /** The profile's id (`meta.id`, or a per-event hook's `id`). */
  readonly profile: string;
  /** The rule's id (`checkEvent` for a per-event hook). */
  readonly rule: string;
  readonly path?: DiagnosticPath;
}

/** Why a value is not a diagnostic, in both languages, or `undefined` when it is one. */
function notADiagnostic(d: unknown): LocalizedParam | undefined {
  if (!isRecord(d))
    return w(`${describeValue(d)} 不是对象`, `${describeValue(d)} is not an object`);
  if (typeof d.code !== 'string' || d.code === '') return w('没有代码（code）', 'it has no code');
  if (!SEVERITIES.includes(d.severity as never)) {
    const severity = describeValue(d.severity);
    return w(
      `${d.code} 的严重程度为 ${severity}，不是 error、warning 或 info`,
      `${d.code} has the severity ${severity}, not error, warning or info`,
    );
  }
  if (typeof d.message !== 'string')
    return w(`${d.code} 没有消息（message）`, `${d.code} has no message`);
  if (
    d.path !== undefined &&
    !(
      Array.isArray(d.path) &&
      d.path.every((s) => typeof s === 'string' || (typeof s === 'number' && Number.isFinite(s)))
    )
  ) {
    return w(
      `${d.code} 的路径（path）不是成员名和位置的列表`,
      `${d.code} has a path that is not a list of member names and positions`,
    );
  }
  if (d.params !== undefined && !isRecord(d.params))
    return w(`${d.code} 的参数（params）不是对象`, `${d.code} has params that are not an object`);
  if (d.source !== undefined && typeof d.source !== 'string')
    return w(`${d.code} 的来源（source）不是文本`, `${d.code} has a source that is not text`);
  return undefined;
}

/**
 * The findings of a rule's returned value: its diagnostics when it is a list of them; otherwise
 * the well-formed ones plus a `TRACE_PROFILE_RULE_RESULT_INVALID` naming the first bad item.
 */
function checkedFindings(returned: unknown, target: ProfileRuleTarget): Diagnostic[] {
  const invalid = (detail: LocalizedParam): Diagnostic =>
    createDiagnostic(
      profileMessages.TRACE_PROFILE_RULE_RESULT_INVALID,
      { profile: target.profile, rule: target.rule, detail },
      { source: target.profile, ...(target.path === undefined ? {} : { path: target.path }) },
    );
  if (!Array.isArray(returned)) return [invalid(notAList(returned))];
  const out: Diagnostic[] = [];
  let firstBad: LocalizedParam | undefined;
  let bad = 0;
  for (let i = 0; i < returned.length; i += 1) {
    const item: unknown = returned[i];
    const why = notADiagnostic(item);
    if (why === undefined) out.push(item as Diagnostic);
    else {
      bad += 1;
      firstBad ??= badItem(i, why);
    }
  }
  if (firstBad !== undefined)
    out.push(invalid(badItems(firstBad, bad, returned.length, DIAGNOSTICS)));
  return out;
}

/**
 * Run a rule a profile provides (a custom rule's `check`, a per-event hook's `checkEvent`) so
 * that it can neither crash the host nor fail open: a throw becomes a `TRACE_PROFILE_RULE_ERROR`
 * error, and a return that is not a list of diagnostics a `TRACE_PROFILE_RULE_RESULT_INVALID`
 * error, each naming the profile (its `source`) and the rule, at `target.path`.
 *
 * @example
 * callProfileRule(() => rule.check(context), { profile: 'acme.p', rule: rule.id, path: ['events'] })
 */
export function callProfileRule(fn: () => unknown, target: ProfileRuleTarget): Diagnostic[] {
  try {
    // the check of the returned value reads it, and a getter in it may throw too
    return checkedFindings(fn(), target);
  } catch (error) {
    return [
      createDiagnostic(
        profileMessages.TRACE_PROFILE_RULE_ERROR,
        { profile: target.profile, rule: target.rule, error: thrownDetail(error) },
        { source: target.profile, ...(target.path === undefined ? {} : { path: target.path }) },
      ),
    ];
  }
}
