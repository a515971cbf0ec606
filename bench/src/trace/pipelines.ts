/**
 * The three pipelines of `bench trace`, over JSON Lines text (one EPCIS 2.0 event per line):
 * (a) JSON.parse only; (b) JSON.parse + ajv 8 with the official EPCIS 2.0.1 JSON Schema, compiled
 * for one event (the schema's `EPCIS-Document-Event` definition, which the document's event list
 * uses); (c) our full validation of each line with `createEpcisLineValidator` feeding the
 * real-time trace index: the event validator's checks (schema rules, event rules, GS1 checks,
 * strict mode), identifier canonicalisation and the index's chain checks (duplicates, one step
 * back/forward, time order, destruction, mass balance, recall graph), then `finalize()`. Lines of
 * the common shape are read straight from their text (no `JSON.parse`); the others are parsed
 * and validated the full way — with the same findings either way.
 */
import { readFileSync } from 'node:fs';
import { createEpcisLineValidator, createTraceIndex, type TraceIndex } from '@foodsafety/trace';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** Where the conformance schema lives, relative to this file. */
export const SCHEMA_URL = new URL(
  '../../../../shared/conformance/epcis/schema/epcis-json-schema.json',
  import.meta.url,
);

/** `now` for the future-event rule: after the generated data (there is no clock in the library). */
export const NOW = '2030-01-01T00:00:00Z';

/**
 * (a) parse every line (of `lines[from … to)`), nothing else. Returns a checksum so the work is
 * not optimised away.
 */
export function parseOnly(lines: readonly string[], from = 0, to = lines.length): number {
  let sum = 0;
  for (let i = from; i < to; i += 1) {
    const event = JSON.parse(lines[i] as string) as { type?: string };
    sum += event.type?.length ?? 0;
  }
  return sum;
}

/** Compile the official schema for one event with ajv 8 (draft-07, formats on). */
export function compileAjvEventValidator(schemaText: string): ValidateFunction {
  const schema = JSON.parse(schemaText) as { $id: string };
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  ajv.addSchema(schema);
  const validate = ajv.getSchema(`${schema.$id}#/definitions/EPCIS-Document-Event`);
  if (validate === undefined) throw new Error('EPCIS-Document-Event not found in the schema');
  return validate;
}

/** (b) parse + schema validation of each event (of `lines[from … to)`). Returns how many passed. */
export function parseAndAjv(
  lines: readonly string[],
  validate: ValidateFunction,
  from = 0,
  to = lines.length,
): number {
  let valid = 0;
  for (let i = from; i < to; i += 1) if (validate(JSON.parse(lines[i] as string))) valid += 1;
  return valid;
}

/** What pipeline (c) found. */
export interface FullResult {
  readonly events: number;
  readonly invalid: number;
  readonly findings: number;
  readonly index: TraceIndex;
}

/** (c) full validation + chain checks + recall index, line by line. */
export function createFullPipeline(): { push(line: string): void; end(): FullResult } {
  const index = createTraceIndex();
  const validator = createEpcisLineValidator({ mode: 'strict', now: NOW, index });
  let events = 0;
  let invalid = 0;
  let findings = 0;
  return {
    push(line: string): void {
      events += 1;
      const result = validator.validate(line);
      if (!result.valid) invalid += 1;
      findings += result.diagnostics.length;
    },
    end(): FullResult {
      findings += index.finalize().length;
      return { events, invalid, findings, index };
    },
  };
}

/** (c) over lines held in memory. */
export function parseAndFull(lines: readonly string[]): FullResult {
  const pipeline = createFullPipeline();
  for (const line of lines) pipeline.push(line);
  return pipeline.end();
}

/**
 * (c) over lines held in memory, in `slices` slices (for the runner's interleaved timing): the
 * returned function pushes slice `i`'s lines, and the last slice ends the pipeline.
 */
export function parseAndFullSliced(
  lines: readonly string[],
  slices: number,
): (slice: number) => FullResult | undefined {
  const pipeline = createFullPipeline();
  return (slice) => {
    const to = sliceStart(lines.length, slices, slice + 1);
    for (let i = sliceStart(lines.length, slices, slice); i < to; i += 1)
      pipeline.push(lines[i] as string);
    return slice === slices - 1 ? pipeline.end() : undefined;
  };
}

/** Where slice `i` of `n` lines cut into `slices` slices starts (slice `slices`: at `n`). */
export function sliceStart(n: number, slices: number, i: number): number {
  return Math.round((i * n) / slices);
}

/** The schema text, or `undefined` when shared/conformance is absent. */
export function readSchema(): string | undefined {
  try {
    return readFileSync(SCHEMA_URL, 'utf8');
  } catch {
    return undefined;
  }
}
