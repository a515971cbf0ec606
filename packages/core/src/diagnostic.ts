import { DEFAULT_LOCALE, type Locale } from './locale.js';
import {
  defaultCatalogue,
  interpolate,
  type MessageCatalogue,
  type MessageDescriptor,
  type MessageParams,
  type MessageParamValue,
} from './message-catalogue.js';
import { type DiagnosticPath, formatPath, joinPath } from './path.js';
import { compareSeverity, type Severity } from './severity.js';

/**
 * A finding about some input: a stable code, a severity, a message (English by default; see
 * {@link localizeDiagnostic}), where in the input it lies, the values it was made with, and which
 * rule set or plugin produced it.
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly path?: DiagnosticPath;
  readonly params?: Readonly<Record<string, MessageParamValue>>;
  /** The rule set, package or plugin that produced the finding. */
  readonly source?: string;
}

/** Options when creating a diagnostic. */
export interface DiagnosticOptions {
  readonly path?: DiagnosticPath;
  /** Override the code's default severity (a lenient mode turning an error into a warning). */
  readonly severity?: Severity;
  readonly source?: string;
  readonly locale?: Locale;
}

/** The params a message descriptor's template needs (the second argument of {@link createDiagnostic}). */
export type ParamsOf<D> = D extends MessageDescriptor<string, infer P> ? MessageParams<P> : never;

/**
 * Create a diagnostic from a registered message. The params are type-checked against the
 * placeholders of the message's template.
 *
 * @example
 * createDiagnostic(messages.MONEY_NOT_INTEGER, { value: 1.5 }, { path: ['premium'] })
 */
export function createDiagnostic<D extends MessageDescriptor>(
  descriptor: D,
  params: ParamsOf<D>,
  options: DiagnosticOptions = {},
): Diagnostic {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const hasParams = Object.keys(params).length > 0;
  return {
    code: descriptor.code,
    severity: options.severity ?? descriptor.severity,
    message: interpolate(descriptor.templates[locale], params, locale),
    ...(options.path === undefined ? {} : { path: options.path }),
    ...(hasParams ? { params: { ...params } } : {}),
    ...((options.source ?? descriptor.source) === undefined
      ? {}
      : { source: (options.source ?? descriptor.source) as string }),
  };
}

/** The same diagnostic with its message rendered in another locale (unknown codes keep theirs). */
export function localizeDiagnostic(
  diagnostic: Diagnostic,
  locale: Locale,
  catalogue: MessageCatalogue = defaultCatalogue,
): Diagnostic {
  const message = catalogue.render(diagnostic.code, diagnostic.params, locale);
  return message === undefined || message === diagnostic.message
    ? diagnostic
    : { ...diagnostic, message };
}

const SEVERITY_LABEL: Record<Locale, Record<Severity, string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

/**
 * One readable line: `error TRACE_TIME_ORDER at $.events[3]: …`, in the given locale
 * (`错误 TRACE_TIME_ORDER 位于 $.events[3]：…`).
 */
export function formatDiagnostic(
  diagnostic: Diagnostic,
  locale: Locale = DEFAULT_LOCALE,
  catalogue: MessageCatalogue = defaultCatalogue,
): string {
  const message =
    catalogue.render(diagnostic.code, diagnostic.params, locale) ?? diagnostic.message;
  const label = SEVERITY_LABEL[locale][diagnostic.severity];
  const where =
    diagnostic.path === undefined
      ? ''
      : locale === 'zh-CN'
        ? ` 位于 ${formatPath(diagnostic.path)}`
        : ` at ${formatPath(diagnostic.path)}`;
  const from = diagnostic.source === undefined ? '' : ` [${diagnostic.source}]`;
  return `${label} ${diagnostic.code}${where}${locale === 'zh-CN' ? '：' : ': '}${message}${from}`;
}

/** Whether any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Count diagnostics by severity. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  return counts;
}

/** Sort diagnostics most serious first, then by path, then by code; stable and pure. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareSeverity(a.severity, b.severity) ||
      formatPath(a.path).localeCompare(formatPath(b.path)) ||
      a.code.localeCompare(b.code),
  );
}

/** Prefix the paths of diagnostics found on a sub-value, and set a source where none is set. */
export function relocateDiagnostics(
  diagnostics: readonly Diagnostic[],
  prefix: DiagnosticPath,
  source?: string,
): Diagnostic[] {
  return diagnostics.map((d) => ({
    ...d,
    path: joinPath(prefix, d.path),
    ...(d.source === undefined && source !== undefined ? { source } : {}),
  }));
}
