import {
  type Diagnostic,
  type DiagnosticPath,
  describeValue,
  formatPath,
  type Severity,
} from '@foodsafety/core';

/**
 * What a test expects of one diagnostic: just its code, or an object of which every given field
 * must match (`message` may be a RegExp; `params` is matched key by key).
 */
export type ExpectedDiagnostic =
  | string
  | {
      readonly code: string;
      readonly path?: DiagnosticPath;
      readonly severity?: Severity;
      readonly source?: string;
      readonly message?: string | RegExp;
      readonly params?: Readonly<Record<string, unknown>>;
    };

/** The error thrown by the testing kit when an expectation fails (with actual and expected). */
export class PluginTestError extends Error {
  override readonly name = 'PluginTestError';
  readonly actual: unknown;
  readonly expected: unknown;
  constructor(message: string, actual: unknown, expected: unknown) {
    super(message);
    this.actual = actual;
    this.expected = expected;
  }
}

function describeDiagnostic(d: Diagnostic): string {
  const where = d.path === undefined ? '' : ` at ${formatPath(d.path)}`;
  const from = d.source === undefined ? '' : ` [${d.source}]`;
  return `${d.severity} ${d.code}${where}${from}: ${d.message}`;
}

const bigintAsText = (_key: string, v: unknown): unknown => (typeof v === 'bigint' ? `${v}n` : v);

/**
 * A value as JSON for a failure message: a bigint as `12n`, one inside a value as `"12n"`; a
 * value JSON cannot hold (a cycle) as {@link describeValue} shows it. Never throws. @internal
 */
export function jsonText(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`; // unquoted: not the string "12n"
  try {
    return JSON.stringify(value, bigintAsText) ?? describeValue(value);
  } catch {
    return describeValue(value);
  }
}

/** Bigints as a text no string param holds, so that `42n` never equals the string `'42n'`. */
const bigintTagged = (_key: string, v: unknown): unknown =>
  typeof v === 'bigint' ? `\u0000bigint ${v}` : v;

/**
 * Whether two values have the same JSON (a bigint equal only to the same bigint); values JSON
 * cannot hold (a cycle) only when they are the same value. Never throws. @internal
 */
export function sameJson(a: unknown, b: unknown): boolean {
  try {
    return JSON.stringify(a, bigintTagged) === JSON.stringify(b, bigintTagged);
  } catch {
    return Object.is(a, b);
  }
}

/** An expected field in a failure message: text as is, anything else as describeValue shows it. */
const shown = (value: unknown): string =>
  typeof value === 'string' ? value : describeValue(value, Number.POSITIVE_INFINITY);

/** An expected path: formatted when it is a list of keys and indices, else as JSON. */
const shownPath = (path: unknown): string =>
  Array.isArray(path) && path.every((p) => typeof p === 'string' || typeof p === 'number')
    ? formatPath(path)
    : jsonText(path);

/**
 * Compare diagnostics with expectations, in order and in number. Returns the problems found (an
 * empty list when everything matches); {@link expectDiagnostics} throws them instead.
 */
export function matchDiagnostics(
  actual: readonly Diagnostic[],
  expected: readonly ExpectedDiagnostic[],
): string[] {
  const problems: string[] = [];
  const count = Math.max(actual.length, expected.length);
  for (let i = 0; i < count; i += 1) {
    const got = actual[i];
    const want = expected[i];
    if (want === undefined) {
      problems.push(`#${i}: unexpected ${describeDiagnostic(got as Diagnostic)}`);
      continue;
    }
    // an expectation of the wrong shape (null, a number) is a code that no diagnostic has
    const w: Exclude<ExpectedDiagnostic, string> =
      typeof want === 'object' && want !== null ? want : { code: want as string };
    if (got === undefined) {
      problems.push(`#${i}: expected ${shown(w.code)}, but there is no diagnostic #${i}`);
      continue;
    }
    const wrong: string[] = [];
    if (got.code !== w.code) wrong.push(`code ${got.code} (expected ${shown(w.code)})`);
    if (w.severity !== undefined && got.severity !== w.severity) {
      wrong.push(`severity ${got.severity} (expected ${shown(w.severity)})`);
    }
    if (w.path !== undefined && formatPath(got.path) !== shownPath(w.path)) {
      wrong.push(`path ${formatPath(got.path)} (expected ${shownPath(w.path)})`);
    }
    if (w.source !== undefined && got.source !== w.source) {
      wrong.push(`source ${String(got.source)} (expected ${shown(w.source)})`);
    }
    if (w.message !== undefined) {
      const matches =
        typeof w.message === 'string'
          ? got.message === w.message
          : w.message instanceof RegExp && w.message.test(got.message);
      const expectedText = w.message instanceof RegExp ? String(w.message) : shown(w.message);
      if (!matches) wrong.push(`message "${got.message}" (expected ${expectedText})`);
    }
    for (const [name, value] of Object.entries(w.params ?? {})) {
      if (!sameJson(got.params?.[name], value)) {
        wrong.push(`param ${name}=${jsonText(got.params?.[name])} (expected ${jsonText(value)})`);
      }
    }
    if (wrong.length > 0) problems.push(`#${i}: ${describeDiagnostic(got)} — ${wrong.join('; ')}`);
  }
  return problems;
}

/**
 * Assert that diagnostics match expectations in order and number (codes, and where given paths,
 * severities, sources, messages and params). Throws a {@link PluginTestError} listing every
 * mismatch; works with any test runner.
 *
 * @example
 * expectDiagnostics(result.diagnostics, [{ code: 'TRACE_TIME_ORDER', path: ['events', 3] }]);
 */
export function expectDiagnostics(
  actual: readonly Diagnostic[],
  expected: readonly ExpectedDiagnostic[],
  label = 'diagnostics',
): void {
  const problems = matchDiagnostics(actual, expected);
  if (problems.length === 0) return;
  throw new PluginTestError(
    `${label} do not match (${actual.length} actual, ${expected.length} expected):\n  ${problems.join('\n  ')}`,
    actual.map(describeDiagnostic),
    expected,
  );
}
