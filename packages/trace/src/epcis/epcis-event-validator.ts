/**
 * A reusable validator for single events (JSON Lines, real-time ingestion): compiled once, then
 * called per event. Same checks as {@link validateEpcisDocument} applies to each event of a document.
 */
import type { Diagnostic, PathSegment } from '@foodsafety/core';
import { OptionReader, plainOptions } from '../option-reader.js';
import { A_TRACE_INDEX } from '../option-words.js';
import type { EpcisEvent } from './epcis-event.js';
import {
  checkContext,
  type EpcisValidationOptions,
  type EpcisValidator,
  nowMillis,
  reportChainProfilesNotApplied,
  reportOptionProblems,
  reportOptions,
  reportUnreadable,
  ValidationRun,
  validateEventInto,
} from './epcis-validator.js';
import { applyFixes } from './lenient-fixes.js';
import { validatorFor } from './validate-epcis-document.js';

/** The outcome for one event. */
export interface EpcisEventValidation {
  readonly valid: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** The event (normalised in lenient mode) when valid. */
  readonly event?: EpcisEvent;
}

/** Options of {@link createEpcisEventValidator}. */
export interface EpcisEventValidatorOptions extends EpcisValidationOptions {
  /** The JSON-LD context the events are read with (prefix declarations). */
  readonly context?: unknown;
  /** Require `@context` on each event (standalone events, as the schema's root does). Default false. */
  readonly requireContext?: boolean;
}

/** A compiled single-event validator. */
export interface EpcisEventValidator {
  /** Validate one event; `path` prefixes the diagnostic paths (default none). */
  validate(event: unknown, path?: readonly PathSegment[]): EpcisEventValidation;
}

const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);

/** What a single-event validator is compiled from; `setup` holds the findings about the options. */
export interface EventValidatorSetup {
  readonly validator: EpcisValidator;
  readonly nowMs: number;
  readonly declared: ReadonlySet<string> | undefined;
  readonly setup: readonly Diagnostic[];
}

/** Compile the options of a single-event validator (internal to the package). */
export function eventValidatorSetup(given: EpcisEventValidatorOptions): EventValidatorSetup {
  const validator = validatorFor(given);
  const options = plainOptions(given);
  const nowMs = nowMillis(options.now);
  let declared: ReadonlySet<string> | undefined;
  const run = new ValidationRun(validator, nowMs);
  reportOptions(run, validator);
  reportChainProfilesNotApplied(run, validator);
  // the single-event and line validators' own options
  const read = new OptionReader('EpcisEventValidatorOptions', options);
  read.boolean('requireContext');
  read.having('index', 'add', A_TRACE_INDEX);
  reportOptionProblems(run, read.problems);
  if (options.context !== undefined) {
    const into = new Set<string>();
    checkContext(run, options.context, ['@context'], into);
    declared = into;
  }
  return { validator, nowMs, declared, setup: run.diagnostics };
}

/**
 * Compile a single-event validator.
 *
 * @example
 * const v = createEpcisEventValidator({ mode: 'lenient', now: new Date() });
 * for (const line of lines) { const r = v.validate(JSON.parse(line)); … }
 */
export function createEpcisEventValidator(
  options: EpcisEventValidatorOptions = {},
): EpcisEventValidator {
  return eventValidatorFrom(eventValidatorSetup(options), options);
}

/** A single-event validator from its compiled setup (internal to the package). */
export function eventValidatorFrom(
  compiled: EventValidatorSetup,
  options: EpcisEventValidatorOptions,
): EpcisEventValidator {
  const { validator, nowMs, declared, setup } = compiled;
  const requireContext = plainOptions(options).requireContext === true;
  const setupHasError = setup.some((d) => d.severity === 'error');
  const empty: readonly PathSegment[] = [];
  const run = new ValidationRun(validator, nowMs);
  run.declared = declared;
  return {
    validate(event: unknown, path: readonly PathSegment[] = empty): EpcisEventValidation {
      run.reset();
      run.prefix = path;
      run.index = -1;
      const errors = validateEventInto(run, event, requireContext);
      const diagnostics =
        setup.length > 0
          ? [...setup, ...run.diagnostics]
          : run.diagnostics.length === 0
            ? NO_DIAGNOSTICS
            : run.diagnostics;
      const valid = errors === 0 && !setupHasError;
      if (!valid) return { valid, diagnostics };
      let ev: unknown;
      try {
        ev = applyFixes(event, run.fixes, path.length);
      } catch (error) {
        // an event built in code that throws when copied (a getter, a Proxy trap)
        reportUnreadable(run, error, run.path());
        return { valid: false, diagnostics: [...setup, ...run.diagnostics] };
      }
      return { valid, diagnostics, event: ev as EpcisEvent };
    },
  };
}
