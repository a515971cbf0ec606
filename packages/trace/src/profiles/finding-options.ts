import {
  type Diagnostic,
  type Locale,
  localizeDiagnostic,
  SEVERITIES,
  type Severity,
} from '@foodsafety/core';

/** The options a validator applies to every finding, its profiles' and plugins' included. */
export interface FindingOptions {
  /** Render messages in this locale (codes the default catalogue does not know keep theirs). */
  readonly locale?: Locale;
  /** Override the severity of any code (an unknown severity is ignored). */
  readonly severities?: Readonly<Partial<Record<string, Severity>>>;
}

/**
 * Findings with the `severities` and `locale` options applied, as the EPCIS validator applies them
 * to its own codes: a code's override wins over the severity it was reported with. The findings
 * are not mutated; one neither option changes is returned as it is.
 *
 * @example
 * applyFindingOptions(found, { locale: 'zh-CN', severities: { TRACE_PROFILE_KDE_MISSING: 'warning' } })
 */
export function applyFindingOptions(
  diagnostics: readonly Diagnostic[],
  options: FindingOptions,
): Diagnostic[] {
  const { locale, severities } = options;
  if (locale === undefined && severities === undefined) return [...diagnostics];
  return diagnostics.map((d) => {
    const wanted = severities === undefined ? undefined : severities[d.code];
    const severity = wanted !== undefined && SEVERITIES.includes(wanted) ? wanted : d.severity;
    const localized = locale === undefined ? d : localizeDiagnostic(d, locale);
    return severity === localized.severity ? localized : { ...localized, severity };
  });
}
