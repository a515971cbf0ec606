/**
 * A reusable validator for JSON Lines text, one event per line, that can also feed a real-time
 * trace index: the per-line entry point for platforms and regulators ingesting event streams.
 *
 * Each line is first read straight from its text (see `event-line-reader.ts`): an event of the
 * common shape that passes every check is added to the index from its text, without building the
 * object. Any other line takes the full path — `JSON.parse`, the single-event validator, the
 * index's `add` — which gives the findings. Both paths give the same findings for the same line.
 */
import type { Diagnostic, PathSegment } from '@foodsafety/core';
import { recordAdderOf, type TraceIndex } from '../chain/trace-index.js';
import { plainOptions } from '../option-reader.js';
import {
  type EpcisEventValidatorOptions,
  eventValidatorFrom,
  eventValidatorSetup,
} from './epcis-event-validator.js';
import { schemaChecks } from './epcis-validator.js';
import { EventLineReader } from './event-line-reader.js';
import { ONE_JSON_LINE } from './expectation-words.js';
import { epcisDiagnostic } from './fast-message.js';
import { parseJsonText } from './json-text.js';
import { epcisMessages } from './trace-messages.js';

/** Options of {@link createEpcisLineValidator}. */
export interface EpcisLineValidatorOptions extends EpcisEventValidatorOptions {
  /**
   * A trace index to add each line's event to (valid or not, as `index.add` takes them); its
   * findings for the event (duplicates, time order, mass balance…) come with the line's.
   * Lines that are not JSON are not added.
   */
  readonly index?: TraceIndex;
}

/** The outcome for one line. */
export interface EpcisLineValidation {
  /** The line is JSON and its event has no error (the index's findings do not count here). */
  readonly valid: boolean;
  /** The validator's findings, then the index's. */
  readonly diagnostics: readonly Diagnostic[];
}

/** A compiled line validator (see {@link createEpcisLineValidator}). */
export interface EpcisLineValidator {
  /**
   * Validate one line (one JSON event) and add it to the index, if any. `path` prefixes the
   * validator's diagnostic paths (default: the line's 0-based position among the lines given to
   * this validator); the index's paths are its own sequence numbers.
   */
  validate(line: string, path?: readonly PathSegment[]): EpcisLineValidation;
  /** Lines validated so far. */
  readonly lines: number;
  /** Lines read straight from their text (the rest were parsed): for tuning and tests. */
  readonly direct: number;
}

const NONE: readonly Diagnostic[] = Object.freeze([]);
const VALID: EpcisLineValidation = Object.freeze({ valid: true, diagnostics: NONE });

/**
 * Compile a line validator.
 *
 * @example
 * const index = createTraceIndex();
 * const lines = createEpcisLineValidator({ mode: 'strict', now: new Date(), index });
 * for await (const line of readline) report(lines.validate(line).diagnostics);
 * report(index.finalize());
 */
export function createEpcisLineValidator(
  given: EpcisLineValidatorOptions = {},
): EpcisLineValidator {
  const compiled = eventValidatorSetup(given);
  const options = plainOptions(given);
  const { validator, nowMs, setup } = compiled;
  const events = eventValidatorFrom(compiled, options);
  // (an index that is none was reported by the setup, and is not used)
  const index = typeof options.index?.add === 'function' ? options.index : undefined;
  const addRecord = index === undefined ? undefined : recordAdderOf.get(index);
  // the direct path needs: no per-event profile hooks, no @context requirement, clean options,
  // and an index (if any) that does not need the event objects
  const reader =
    validator.profiles.length === 0 &&
    options.requireContext !== true &&
    setup.length === 0 &&
    (index === undefined || addRecord !== undefined)
      ? new EventLineReader(validator, nowMs)
      : undefined;
  let lines = 0;
  let direct = 0;
  return {
    validate(line: string, path?: readonly PathSegment[]): EpcisLineValidation {
      const at = lines;
      lines += 1;
      if (typeof line !== 'string') {
        // a Buffer, null…: no line of text (decode bytes as UTF-8 first)
        const d = epcisDiagnostic(
          'TRACE_TYPE_MISMATCH',
          { expected: ONE_JSON_LINE, actual: schemaChecks.typeName(line) },
          path ?? [at],
          epcisMessages.TRACE_TYPE_MISMATCH.severity,
          validator.locale,
        );
        return { valid: false, diagnostics: [...setup, d] };
      }
      if (reader?.read(line)) {
        direct += 1;
        if (addRecord === undefined) return VALID;
        const found = addRecord(reader.record);
        return found.length === 0 ? VALID : { valid: true, diagnostics: found };
      }
      const prefix = path ?? [at];
      const parsed = parseJsonText(line, validator.locale);
      if (!parsed.ok) {
        const d = parsed.diagnostic;
        return {
          valid: false,
          diagnostics: [...setup, { ...d, path: [...prefix, ...(d.path ?? [])] }],
        };
      }
      const result = events.validate(parsed.value, prefix);
      if (index === undefined) return { valid: result.valid, diagnostics: result.diagnostics };
      const found = index.add(result.event ?? parsed.value);
      return {
        valid: result.valid,
        diagnostics: found.length === 0 ? result.diagnostics : [...result.diagnostics, ...found],
      };
    },
    get lines() {
      return lines;
    },
    get direct() {
      return direct;
    },
  };
}
