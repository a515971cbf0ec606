import { type Diagnostic, describeValue, type Locale, type Result } from '@foodsafety/core';
import {
  createEngine,
  type Engine,
  type PluginErrorMode,
  type PluginInput,
} from '../create-engine.js';
import type { ExtensionPoint } from '../extension-point.js';
import {
  type ExpectedDiagnostic,
  expectDiagnostics,
  jsonText,
  PluginTestError,
  sameJson,
} from './expect-diagnostics.js';

/** A test-suite function, as vitest, jest, mocha and node:test provide it. */
export type SuiteFunction = (name: string, body: () => void) => unknown;
/** A test-case function, as vitest, jest, mocha and node:test provide it. */
export type CaseFunction = (name: string, body: () => void) => unknown;

/** Options of {@link createPluginTester}. */
export interface PluginTesterOptions {
  /** Plugins every engine of this tester starts with (the plugin under test, its dependencies). */
  readonly plugins?: readonly PluginInput[];
  /** Host versions, as `createEngine({ hosts })`. */
  readonly hosts?: Readonly<Record<string, string>>;
  readonly locale?: Locale;
  /** The runner's `describe`; default {@link PluginTester.describe}, then a global `describe`. */
  readonly describe?: SuiteFunction;
  /** The runner's `it`; default {@link PluginTester.it}, then a global `it`. */
  readonly it?: CaseFunction;
}

/** A case that must produce no error diagnostics. */
export interface ValidCase<I> {
  readonly name?: string;
  readonly input: I;
  /** The warnings and infos expected (all of them, in order); default: not checked. */
  readonly expect?: readonly ExpectedDiagnostic[];
  /** The value expected (compared as JSON) when `run` returns a result. */
  readonly output?: unknown;
}

/** A case that must produce exactly the expected diagnostics, in order. */
export interface InvalidCase<I> {
  readonly name?: string;
  readonly input: I;
  readonly expect: readonly ExpectedDiagnostic[];
}

/** The cases of {@link PluginTester.runCases}. */
export interface PluginCases<I> {
  readonly valid?: readonly ValidCase<I>[];
  readonly invalid?: readonly InvalidCase<I>[];
}

/** What a case runner returns: a result, or just diagnostics. */
export type CaseOutcome = Result<unknown> | readonly Diagnostic[];

/** Options of {@link PluginTester.engine} and {@link PluginTester.expectConfigure}. */
export interface TesterEngineOptions {
  readonly onPluginError?: PluginErrorMode;
  readonly locale?: Locale;
}

interface RunnerGlobals {
  describe?: SuiteFunction;
  it?: CaseFunction;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A deeply frozen copy of the input, so a contribution that mutates its input fails the case. */
function frozenCopy<T>(input: T): T {
  try {
    return deepFreeze(structuredClone(input));
  } catch {
    return input; // not cloneable (functions inside): passed as is
  }
}

function isResult(outcome: CaseOutcome): outcome is Result<unknown> {
  return (
    !Array.isArray(outcome) && typeof outcome === 'object' && outcome !== null && 'ok' in outcome
  );
}

function caseName(name: string | undefined, input: unknown, index: number): string {
  if (name !== undefined) return name;
  // String() throws on an object without a prototype (JSON cannot hold one with a bigint inside)
  let shown: string;
  try {
    shown = JSON.stringify(input) ?? describeValue(input, Number.POSITIVE_INFINITY);
  } catch {
    shown = describeValue(input, Number.POSITIVE_INFINITY);
  }
  return `#${index} ${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}`;
}

/**
 * A RuleTester-like harness for plugin authors: builds engines with the plugins under test and
 * registers data-driven cases with the test runner. Like ESLint's RuleTester it finds `describe`
 * and `it` as static properties, options, or globals, and otherwise runs the cases at once,
 * throwing on the first failure.
 */
export class PluginTester {
  /** Set once for all testers, e.g. `PluginTester.describe = describe` in a setup file. */
  static describe: SuiteFunction | undefined;
  /** Set once for all testers, e.g. `PluginTester.it = it` in a setup file. */
  static it: CaseFunction | undefined;

  readonly #options: PluginTesterOptions;

  constructor(options: PluginTesterOptions = {}) {
    this.#options = options;
  }

  /**
   * An engine with the tester's plugins and `extra` ones. `onPluginError` defaults to `'throw'`,
   * so a plugin that fails to configure fails the test with its diagnostics.
   */
  engine(extra: readonly PluginInput[] = [], options: TesterEngineOptions = {}): Engine {
    const locale = options.locale ?? this.#options.locale;
    return createEngine({
      plugins: [...(this.#options.plugins ?? []), ...extra],
      onPluginError: options.onPluginError ?? 'throw',
      ...(locale === undefined ? {} : { locale }),
      ...(this.#options.hosts === undefined ? {} : { hosts: this.#options.hosts }),
    });
  }

  /**
   * Configure with `onPluginError: 'isolate'` and assert the configure-time diagnostics (default:
   * none). Use it to test option validation, requirements and overrides of a plugin.
   */
  expectConfigure(
    extra: readonly PluginInput[] = [],
    expected: readonly ExpectedDiagnostic[] = [],
  ): Engine {
    const engine = this.engine(extra, { onPluginError: 'isolate' });
    expectDiagnostics(engine.diagnostics, expected, 'configure diagnostics');
    return engine;
  }

  /**
   * Register data-driven cases for one contribution: each case calls `run(contribution, input)`
   * through `engine.run` (so a throw becomes `PLUGIN_RUNTIME_ERROR`) with a deeply frozen copy
   * of the input (so mutating it fails). Valid cases must yield no error; invalid cases must
   * yield exactly the expected diagnostics, in order. Either list may be left out (a `valid` or
   * `invalid` group is registered only when it has cases), but not both.
   *
   * @example
   * tester.runCases(gradingSchemes, 'uk-fhrs', (scheme, score: number) => scheme.grade(score), {
   *   valid: [{ input: 92, output: '5' }],
   *   invalid: [{ name: 'negative', input: -1, expect: [{ code: 'GRADING_SCORE_NEGATIVE', path: [] }] }],
   * });
   */
  runCases<T, I>(
    point: ExtensionPoint<T>,
    key: string,
    run: (contribution: T, input: I) => CaseOutcome,
    cases: PluginCases<I>,
    options: { readonly plugins?: readonly PluginInput[] } = {},
  ): void {
    const globals = globalThis as RunnerGlobals;
    const describeFn: SuiteFunction =
      this.#options.describe ??
      PluginTester.describe ??
      globals.describe ??
      ((_name, body) => body());
    const itFn: CaseFunction =
      this.#options.it ?? PluginTester.it ?? globals.it ?? ((_name, body) => body());
    let engine: Engine | undefined;
    const getEngine = () => {
      engine ??= this.engine(options.plugins ?? []);
      return engine;
    };
    const outcome = (
      input: I,
    ): { diagnostics: readonly Diagnostic[]; value?: unknown; ok: boolean } => {
      const e = getEngine();
      if (!e.has(point, key)) {
        throw new PluginTestError(
          `${point.id} has no contribution ${key} (it has: ${e.keys(point).join(', ') || 'none'})`,
          e.keys(point),
          key,
        );
      }
      const called = e.run(point, key, (contribution) => run(contribution, frozenCopy(input)));
      if (!called.ok) return { ok: false, diagnostics: called.diagnostics };
      const inner = called.value;
      if (isResult(inner)) {
        return inner.ok
          ? { ok: true, value: inner.value, diagnostics: inner.diagnostics }
          : { ok: false, diagnostics: inner.diagnostics };
      }
      return { ok: !inner.some((d) => d.severity === 'error'), diagnostics: inner };
    };

    const valid = cases.valid ?? [];
    const invalid = cases.invalid ?? [];
    if (valid.length === 0 && invalid.length === 0) {
      // a suite without tests fails in most runners, with a message that does not say why
      throw new PluginTestError(
        `runCases for ${point.id} ${key} has no cases: give valid or invalid ones`,
        cases,
        'a valid or an invalid case',
      );
    }
    describeFn(`${point.id} ${key}`, () => {
      // only the groups that have cases: an empty describe fails the run in vitest and jest
      if (valid.length > 0)
        describeFn('valid', () => {
          valid.forEach((c, index) => {
            itFn(caseName(c.name, c.input, index), () => {
              const got = outcome(c.input);
              const errors = got.diagnostics.filter((d) => d.severity === 'error');
              if (errors.length > 0 || !got.ok) {
                expectDiagnostics(errors, [], 'a valid case produced errors; diagnostics');
                throw new PluginTestError(
                  'a valid case failed without an error diagnostic',
                  got,
                  'ok',
                );
              }
              if (c.expect !== undefined) expectDiagnostics(got.diagnostics, c.expect);
              if ('output' in c && !sameJson(got.value, c.output)) {
                throw new PluginTestError(
                  `output ${jsonText(got.value)} differs from the expected ${jsonText(c.output)}`,
                  got.value,
                  c.output,
                );
              }
            });
          });
        });
      if (invalid.length > 0)
        describeFn('invalid', () => {
          invalid.forEach((c, index) => {
            itFn(caseName(c.name, c.input, index), () => {
              if (c.expect.length === 0) {
                throw new PluginTestError(
                  'an invalid case must expect at least one diagnostic',
                  c,
                  '1+',
                );
              }
              expectDiagnostics(outcome(c.input).diagnostics, c.expect);
            });
          });
        });
    });
  }
}

/**
 * Create a {@link PluginTester}.
 *
 * @example
 * const tester = createPluginTester({ plugins: [ukFhrs()], describe, it });
 * tester.runCases(gradingSchemes, 'uk-fhrs', (s, score: number) => s.grade(score), { valid, invalid });
 */
export function createPluginTester(options: PluginTesterOptions = {}): PluginTester {
  return new PluginTester(options);
}
