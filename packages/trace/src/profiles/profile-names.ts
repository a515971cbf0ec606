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
  readonly cte?: string;
  readonly requires?: string;
  /** A KDE of `cte` (of any CTE of the profile when `cte` has none by that id). */
  readonly kde?: string;
  readonly allowed?: readonly string[];
}

/** The names {@link profileNames} gives for the ids given: each in zh-CN and en. */
export type ProfileNamesOf<I extends ProfileNameIds> = (I extends { readonly cte: string }
  ? { readonly cteName: LocalizedParam }
  : unknown) &
  (I extends { readonly requires: string } ? { readonly requiresName: LocalizedParam } : unknown) &
  (I extends { readonly kde: string } ? { readonly kdeName: LocalizedParam } : unknown) &
  (I extends { readonly allowed: readonly string[] }
    ? { readonly allowedNames: LocalizedParam }
    : unknown);

/** An id with no label in the profile, shown as it is in both languages. */
const asWritten = (id: string): LocalizedParam => localizedParam(id, id);

/** A profile label as a message param; the id itself where the label is not one. */
export const labelParam = (label: unknown, id: string): LocalizedParam =>
  isLocalizedParam(label) ? localizedParam(label['zh-CN'], label.en) : asWritten(id);

/** A CTE's label as a message param (its id when the profile has no CTE of that id). */
export function cteName(profile: TraceProfile, id: string): LocalizedParam {
  return labelParam(profile.ctes.find((c) => c.id === id)?.label, id);
}

/**
 * A KDE's label as a message param: the KDE of that id in CTE `cte`, else the first of that id in
 * any CTE of the profile, else the id itself.
 */
export function kdeName(
  profile: TraceProfile,
  cte: string | undefined,
  id: string,
): LocalizedParam {
  const own = profile.ctes.find((c) => c.id === cte)?.kdes.find((k) => k.id === id);
  const any = own ?? profile.ctes.flatMap((c) => c.kdes).find((k) => k.id === id);
  return labelParam(any?.label, id);
}

/**
 * The names a profile finding shows for the steps and KDEs it names by id, from the profile's
 * labels: `cteName`, `requiresName`, `kdeName` and `allowedNames` (a list, joined with `、` in
 * zh-CN and `, ` in en). The ids stay in the finding's params for programs; the messages show the
 * names. A custom rule that reports one of the profile codes spreads them into its params:
 *
 * @example
 * createDiagnostic(profileMessages.TRACE_PROFILE_STEP_MISSING, {
 *   ...base, // index, eventID, profile, cte, requires, lot
 *   ...profileNames(context.profile, { cte: 'sale', requires: 'warehouse-out' }),
 * })
 */
export function profileNames<const I extends ProfileNameIds>(
  profile: TraceProfile,
  ids: I,
): ProfileNamesOf<I> {
  const out: Record<string, LocalizedParam> = {};
  if (ids.cte !== undefined) out.cteName = cteName(profile, ids.cte);
  if (ids.requires !== undefined) out.requiresName = cteName(profile, ids.requires);
  if (ids.kde !== undefined) out.kdeName = kdeName(profile, ids.cte, ids.kde);
  if (ids.allowed !== undefined) {
    const names = ids.allowed.map((id) => cteName(profile, id));
    out.allowedNames = localizedParam(
      names.map((n) => n['zh-CN']).join('、'),
      names.map((n) => n.en).join(', '),
    );
  }
  return out as ProfileNamesOf<I>;
}

/** The codes whose messages show steps and KDEs by name. */
const NAMED_CODES: ReadonlySet<string> = new Set([
  'TRACE_PROFILE_KDE_MISSING',
  'TRACE_PROFILE_STEP_MISSING',
  'TRACE_PROFILE_ORDER',
  'TRACE_PROFILE_RELEASED_NOT_CONFORMANT',
  'TRACE_PROFILE_NEW_LOT_NOT_ALLOWED',
  'TRACE_PROFILE_CONTEXT_RESULT_INVALID',
]);

/**
 * A custom rule's finding with the names its message needs and its params lack (a rule written
 * before the messages showed names, or in JavaScript), taken from the profile and rendered again
 * in `locale`. Other findings, and those that have their names, are returned as they are.
 */
export function withProfileNames(
  d: Diagnostic,
  profile: TraceProfile,
  locale: Locale | undefined,
): Diagnostic {
  const params = d.params;
  if (!NAMED_CODES.has(d.code) || !isRecord(params)) return d;
  const lacks = (name: string) => !Object.hasOwn(params, name);
  const { cte, requires, kde, allowed } = params;
  const names: Record<string, LocalizedParam> = {};
  if (lacks('cteName') && typeof cte === 'string') names.cteName = cteName(profile, cte);
  if (lacks('requiresName') && typeof requires === 'string')
    names.requiresName = cteName(profile, requires);
  // the KDE's own CTE decides which KDE of that id is meant
  if (lacks('kdeName') && typeof kde === 'string')
    names.kdeName = kdeName(profile, typeof cte === 'string' ? cte : undefined, kde);
  if (
    lacks('allowedNames') &&
    Array.isArray(allowed) &&
    allowed.every((v) => typeof v === 'string')
  )
    names.allowedNames = profileNames(profile, { allowed: allowed as string[] }).allowedNames;
  return Object.keys(names).length === 0 ? d : named(d, names, locale);
}

/** `d` with `names` added to its params, its message rendered in `locale` or in the one it had. */
function named(
  d: Diagnostic,
  names: Readonly<Record<string, LocalizedParam>>,
  locale: Locale | undefined,
): Diagnostic {
  const had =
    defaultCatalogue.render(d.code, d.params, 'zh-CN') === d.message ? 'zh-CN' : DEFAULT_LOCALE;
  return localizeDiagnostic({ ...d, params: { ...d.params, ...names } }, locale ?? had);
}
