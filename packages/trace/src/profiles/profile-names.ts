import {
  DEFAULT_LOCALE,
  type Diagnostic,
  defaultCatalogue,
  isLocalizedParam,
  type Locale,
  type LocalizedParam,
  localizeDiagnostic,
  localizedParam,
} from '@foodsafety/core';
import { isRecord } from '../is-record.js';
import type { TraceProfile } from './trace-profile.js';

/**
 * The steps and key data elements a profile's finding names, by id (the `cte`, `requires`, `kde`
 * and `allowed` params of `TRACE_PROFILE_KDE_MISSING`, `TRACE_PROFILE_STEP_MISSING`,
 * `TRACE_PROFILE_ORDER`, `TRACE_PROFILE_RELEASED_NOT_CONFORMANT`,
 * `TRACE_PROFILE_NEW_LOT_NOT_ALLOWED` and `TRACE_PROFILE_CONTEXT_RESULT_INVALID`).
 */
export interface ProfileNameIds {
  /** (An id that is `undefined`, a step not recognised say, gives neither id nor name.) */
  readonly cte?: string | undefined;
  readonly requires?: string | undefined;
  /** A KDE of `cte`. */
  readonly kde?: string | undefined;
  readonly allowed?: readonly string[] | undefined;
}

/**
 * What {@link profileNames} gives for the ids given: each id given (a string, a list for
 * `allowed`) with its name in zh-CN and en.
 */
export type ProfileNamesOf<I extends ProfileNameIds> = (I extends { readonly cte: string }
  ? { readonly cte: string; readonly cteName: LocalizedParam }
  : Readonly<Record<never, never>>) &
  (I extends { readonly requires: string }
    ? { readonly requires: string; readonly requiresName: LocalizedParam }
    : Readonly<Record<never, never>>) &
  (I extends { readonly kde: string }
    ? { readonly kde: string; readonly kdeName: LocalizedParam }
    : Readonly<Record<never, never>>) &
  (I extends { readonly allowed: readonly string[] }
    ? { readonly allowed: readonly string[]; readonly allowedNames: LocalizedParam }
    : Readonly<Record<never, never>>);

/** An id with no label in the profile, shown as it is in both languages. */
const asWritten = (id: string): LocalizedParam => localizedParam(id, id);

/** The allowed steps of a rule that allows none. */
const NO_STEP = localizedParam('（无）', '(none)');

/** A profile label as a message param; the id itself where the label is not one. */
export const labelParam = (label: unknown, id: string): LocalizedParam =>
  isLocalizedParam(label) ? localizedParam(label['zh-CN'], label.en) : asWritten(id);

/** A CTE's label as a message param (its id when the profile has no CTE of that id). */
export function cteName(profile: Pick<TraceProfile, 'ctes'>, id: string): LocalizedParam {
  return labelParam(profile.ctes.find((c) => c.id === id)?.label, id);
}

/**
 * A KDE's label as a message param: the label of the KDE of that id in CTE `cte`. Without a CTE,
 * the label the KDEs of that id share in the profile (when they share one). Otherwise the id
 * itself: a KDE of another step may mean something else (a release's date is not a sale's).
 */
export function kdeName(
  profile: Pick<TraceProfile, 'ctes'>,
  cte: string | undefined,
  id: string,
): LocalizedParam {
  if (cte !== undefined)
    return labelParam(
      profile.ctes.find((c) => c.id === cte)?.kdes.find((k) => k.id === id)?.label,
      id,
    );
  const labels = profile.ctes.flatMap((c) => c.kdes.filter((k) => k.id === id).map((k) => k.label));
  const [first] = labels;
  const shared =
    first !== undefined && labels.every((l) => l['zh-CN'] === first['zh-CN'] && l.en === first.en);
  return labelParam(shared ? first : undefined, id);
}

/**
 * The ids a profile finding names its steps and KDEs by, each with its name from the profile's
 * labels: `cte` and `cteName`, `requires` and `requiresName`, `kde` and `kdeName`, `allowed` and
 * `allowedNames` (a list, joined with `、` in zh-CN and `, ` in en). The ids are the params
 * programs read; the messages show the names. A custom rule that reports one of the profile
 * codes spreads them into its params:
 *
 * @example
 * createDiagnostic(profileMessages.TRACE_PROFILE_STEP_MISSING, {
 *   ...base, // index, eventID, profile, lot
 *   ...profileNames(context.profile, { cte: 'sale', requires: 'warehouse-out' }),
 * })
 */
export function profileNames<const I extends ProfileNameIds>(
  profile: Pick<TraceProfile, 'ctes'>,
  ids: I,
): ProfileNamesOf<I> {
  const out: Record<string, unknown> = {};
  const { cte, requires, kde, allowed } = ids;
  if (typeof cte === 'string') Object.assign(out, { cte, cteName: cteName(profile, cte) });
  if (typeof requires === 'string')
    Object.assign(out, { requires, requiresName: cteName(profile, requires) });
  if (typeof kde === 'string')
    Object.assign(out, {
      kde,
      kdeName: kdeName(profile, typeof cte === 'string' ? cte : undefined, kde),
    });
  if (Array.isArray(allowed))
    Object.assign(out, { allowed: [...allowed], allowedNames: allowedNames(profile, allowed) });
  return out as ProfileNamesOf<I>;
}

/** The names of a rule's allowed steps, joined (`、` in zh-CN, `, ` in en); {@link NO_STEP} for none. */
function allowedNames(
  profile: Pick<TraceProfile, 'ctes'>,
  allowed: readonly string[],
): LocalizedParam {
  const names = allowed.map((id) => cteName(profile, id));
  return names.length === 0
    ? NO_STEP
    : localizedParam(names.map((n) => n['zh-CN']).join('、'), names.map((n) => n.en).join(', '));
}

/** The codes whose messages show steps and KDEs by name. */
const NAMED_CODES: ReadonlySet<string> = new Set([
  'TRACE_PROFILE_KDE_MISSING',
  'TRACE_PROFILE_STEP_MISSING',
  'TRACE_PROFILE_ORDER',
  'TRACE_PROFILE_RELEASED_NOT_CONFORMANT',
  'TRACE_PROFILE_NEW_LOT_NOT_ALLOWED',
  'TRACE_PROFILE_CONTEXT_RESULT_INVALID',
  'TRACE_PROFILE_RULE_FAILED',
]);

/** A profile without labels: {@link profileNames} then shows each id as it is written. */
const NO_LABELS: Pick<TraceProfile, 'ctes'> = { ctes: [] };

/**
 * A rule's finding with the names its message needs and its params lack (a rule written before
 * the messages showed names, or in JavaScript; a name given as `undefined` is lacking), rendered
 * again in `locale`, or in the locale it was rendered in. The names come from `profile`'s labels;
 * without a profile (a per-event hook's finding) each id is shown as it is written. Other
 * findings, and those that have their names, are returned as they are.
 */
export function withProfileNames(
  d: Diagnostic,
  profile: (Pick<TraceProfile, 'ctes'> & Partial<Pick<TraceProfile, 'rules'>>) | undefined,
  locale: Locale | undefined,
): Diagnostic {
  const params = d.params;
  if (!NAMED_CODES.has(d.code) || !isRecord(params)) return d;
  const labels = profile ?? NO_LABELS;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const cte = text(params.cte);
  const requires = text(params.requires);
  const kde = text(params.kde);
  const { allowed } = params;
  // only the names the finding lacks are made (as profileNames makes them), in this order
  const names: Record<string, unknown> = {};
  if (params.cteName === undefined && cte !== undefined) names.cteName = cteName(labels, cte);
  if (params.requiresName === undefined && requires !== undefined)
    names.requiresName = cteName(labels, requires);
  // (the KDE of the step named, whether or not the step's own name is lacking)
  if (params.kdeName === undefined && kde !== undefined) names.kdeName = kdeName(labels, cte, kde);
  if (
    params.allowedNames === undefined &&
    Array.isArray(allowed) &&
    allowed.every((v) => typeof v === 'string')
  )
    names.allowedNames = allowedNames(labels, allowed);
  // a value rule's failure reported by other code: the rule by its label, its condition as written
  const { rule, expected } = params;
  if (params.ruleName === undefined && typeof rule === 'string') {
    const rules: readonly unknown[] = Array.isArray(profile?.rules) ? profile.rules : [];
    const found = rules.find((r) => isRecord(r) && r.id === rule);
    names.ruleName = labelParam(isRecord(found) ? found.label : undefined, rule);
  }
  if (params.requirement === undefined && typeof expected === 'string')
    names.requirement = asWritten(expected);
  // an inspection's result (TRACE_PROFILE_RELEASED_NOT_CONFORMANT) as it is written
  const result = params.result;
  if (params.resultName === undefined && (typeof result === 'string' || isLocalizedParam(result)))
    names.resultName = typeof result === 'string' ? asWritten(result) : result;
  return Object.keys(names).length === 0 ? d : rendered(d, names, locale);
}

/** `d` with `names` added to its params, its message rendered in `locale` or in the one it had. */
function rendered(
  d: Diagnostic,
  names: Readonly<Record<string, unknown>>,
  locale: Locale | undefined,
): Diagnostic {
  const had =
    defaultCatalogue.render(d.code, d.params, 'zh-CN') === d.message ? 'zh-CN' : DEFAULT_LOCALE;
  const params = { ...d.params, ...names } as NonNullable<Diagnostic['params']>;
  return localizeDiagnostic({ ...d, params }, locale ?? had);
}
