/**
 * Streaming validation: a JSON Lines stream of events, or one large EPCIS document read event by
 * event (an incremental scanner cuts each member of `eventList` out of the text as it arrives, so
 * the text is never held twice and finished events are released). Progress is reported through a
 * callback. This is the asynchronous edge of the package; the checks themselves are the same pure
 * synchronous validator as {@link validateEpcisDocument}.
 */
import {
  type Diagnostic,
  type LocalizedParam,
  localizedParam,
  type PathSegment,
} from '@foodsafety/core';
import type { TraceIndex } from '../chain/trace-index.js';
import { OptionReader, plainOptions } from '../option-reader.js';
import { A_TRACE_INDEX, NONE } from '../option-words.js';
import { thrownDetail } from '../thrown-detail.js';
import type { EpcisEvent } from './epcis-event.js';
import { createEpcisLineValidator, type EpcisLineValidator } from './epcis-line-validator.js';
import {
  checkContext,
  type EpcisValidationOptions,
  nowMillis,
  reportChainProfilesNotApplied,
  reportOptionProblems,
  reportOptions,
  schemaChecks,
  ValidationRun,
  validateEventInto,
} from './epcis-validator.js';
import { TEXT_SOURCE } from './expectation-words.js';
import { JsonSyntaxScanner } from './json-syntax-scanner.js';
import { parseJsonText, relocateSyntaxError, type TextOrigin } from './json-text.js';
import { applyFixes } from './lenient-fixes.js';
import {
  type EpcisValidationResult,
  validateEpcisDocument,
  validatorFor,
} from './validate-epcis-document.js';

/**
 * Progress of a streaming validation: reported every `progressEvery` events and once at the end,
 * unless the end is the last report already. A callback that throws is reported as
 * `TRACE_PROGRESS_CALLBACK_FAILED`, called no more, and stops the reading.
 */
export interface StreamProgress {
  readonly events: number;
  readonly bytes: number;
}

/** Options of the streaming validators. */
export interface StreamValidationOptions extends EpcisValidationOptions {
  /**
   * The JSON-LD context the events of a JSON Lines stream are read with (their prefix
   * declarations); events may also carry their own `@context`. Without either, undeclared-prefix
   * checks are skipped.
   */
  readonly context?: unknown;
  /**
   * Called with every event that has no error (normalised in lenient mode), in order. One that
   * throws stops the validation there, as `TRACE_EVENT_CALLBACK_FAILED`.
   */
  readonly onEvent?: (event: EpcisEvent, index: number) => void;
  /**
   * Keep at most this many diagnostics (default 10 000): the first ones found. The others are
   * counted (`diagnosticCount`, `valid`) and let go as they are found, so that memory stays
   * bounded however many there are.
   */
  readonly maxDiagnostics?: number;
  /** Report progress every this many events (default 10 000). */
  readonly progressEvery?: number;
  /**
   * A trace index (`createTraceIndex`) to add every event to, valid or not, as `index.add` takes
   * them (normalised in lenient mode when valid); text that is not JSON is not added. The index's
   * findings for each event (duplicates, time order, mass balance…) follow the validator's in
   * `diagnostics`, with the index's own paths (its sequence numbers), and count towards `valid`.
   * Call `index.finalize()` afterwards for what needs the whole picture.
   */
  readonly index?: TraceIndex;
}

/** What a streaming validation returns. */
export interface StreamValidationResult {
  readonly valid: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** Diagnostics found, including those beyond `maxDiagnostics`. */
  readonly diagnosticCount: number;
  readonly eventCount: number;
  readonly validEventCount: number;
  readonly bytes: number;
}

/** A source of text: an async iterable of strings/bytes (Node streams are) or a web ReadableStream. */
export type TextSource = AsyncIterable<string | Uint8Array> | ReadableStream<string | Uint8Array>;

/** A piece of the source as text, and how many bytes of the source it is. */
interface Chunk {
  readonly text: string;
  readonly bytes: number;
}

/**
 * Whether a value can be read as a {@link TextSource}: an object with `Symbol.asyncIterator`
 * (Node streams, async generators) or `getReader` (a web ReadableStream).
 */
function isTextSource(source: unknown): source is TextSource {
  if (typeof source !== 'object' || source === null) return false;
  try {
    return (
      typeof (source as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function' ||
      typeof (source as ReadableStream<unknown>).getReader === 'function'
    );
  } catch {
    return false; // a getter that throws
  }
}

/** A piece of a source that is neither text nor bytes. */
class NotTextError extends Error {
  constructor(readonly piece: string) {
    super(`a piece of the stream is ${piece}, not text or bytes`);
  }
}

/** The `detail` of a `TRACE_STREAM_ERROR`: the source's own error message, or what was wrong. */
function streamErrorDetail(error: unknown): string | LocalizedParam {
  if (error instanceof NotTextError)
    return localizedParam(
      `数据流中有一段是 ${error.piece}，不是文本或字节`,
      `a piece of the stream is ${error.piece}, not text or bytes`,
    );
  return thrownDetail(error);
}

/** A source that is none: `TRACE_TYPE_MISMATCH` at the top, and nothing is read. */
function reportNotASource(run: ValidationRun, source: unknown): void {
  run.report(
    'TRACE_TYPE_MISMATCH',
    { expected: TEXT_SOURCE, actual: schemaChecks.typeName(source) },
    [],
  );
}

/**
 * The source's pieces as text. Bytes are decoded as UTF-8 with a byte order mark kept as
 * U+FEFF, as a string source has it, so that offsets are the same for both; `bytes` counts the
 * source's own bytes (a string's as UTF-8).
 */
async function* chunks(source: TextSource): AsyncGenerator<Chunk> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const iterable: AsyncIterable<string | Uint8Array> =
    Symbol.asyncIterator in source
      ? (source as AsyncIterable<string | Uint8Array>)
      : readableToIterable(source as ReadableStream<string | Uint8Array>);
  for await (const chunk of iterable) {
    if (typeof chunk === 'string') yield { text: chunk, bytes: byteLength(chunk) };
    else if (chunk instanceof Uint8Array)
      yield { text: decoder.decode(chunk, { stream: true }), bytes: chunk.byteLength };
    else throw new NotTextError(schemaChecks.typeName(chunk));
  }
  const tail = decoder.decode();
  if (tail !== '') yield { text: tail, bytes: 0 };
}

async function* readableToIterable<T>(stream: ReadableStream<T>): AsyncGenerator<T> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Unwinds the reading when the progress or the event callback has failed (its finding is already
 * reported): nothing after it is read or validated.
 */
class CallbackStop extends Error {}

/**
 * For the package's tests only (not exported by the package): `held`, when set, is told after
 * each event how many diagnostics the stream is holding, so that a test can check that they stay
 * within `maxDiagnostics` whatever the number found.
 */
export const streamProbe: { held?: (diagnostics: number) => void } = {};

/** Findings about the options: the stream reports them once, at its start. */
const OPTION_CODES: ReadonlySet<string> = new Set([
  'TRACE_PROFILE_UNKNOWN',
  'TRACE_PROFILE_NOT_APPLIED',
  'TRACE_OPTION_INVALID',
]);

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** The tally of the `TRACE_UNDECLARED_PREFIX` findings of one prefix a late `@context` may drop. */
interface PrefixTally {
  count: number;
  errors: number;
}

class StreamState {
  /**
   * The run the validator reports into: the findings of one event at a time, moved to
   * {@link kept} (or only counted) after each ({@link drain}).
   */
  readonly run: ValidationRun;
  readonly max: number;
  /**
   * The diagnostics kept: the first `max`. While a `@context` may still come after the event list
   * (and drop findings of the prefixes it declares) some more may be held: those that could still
   * be among the first `max` (see {@link keep}).
   */
  private kept: Diagnostic[] = [];
  /** Every diagnostic found (less those a late `@context` dropped), and how many are errors. */
  private count = 0;
  private errors = 0;
  /** Diagnostics found that no late `@context` can drop. */
  private certain = 0;
  /** The findings of each prefix that a late `@context` may drop. */
  private readonly droppable = new Map<string, PrefixTally>();
  eventCount = 0;
  validEventCount = 0;
  bytes = 0;

  /** The options as given, read safely; those the stream could not use are left out. */
  readonly options: StreamValidationOptions;
  readonly onProgress: ((p: StreamProgress) => void) | undefined;
  readonly progressEvery: number;
  /** The last progress reported (the final report repeats no report). */
  private reported: StreamProgress | undefined;
  /** The progress callback failed: it is not called again, and the reading stops. */
  stopped = false;

  constructor(given: StreamValidationOptions, onProgress: unknown) {
    const validator = validatorFor(given);
    // the stream's own options (the validation options are the validator's)
    const read = new OptionReader('StreamValidationOptions', plainOptions(given));
    const max = read.number('maxDiagnostics', 0, true);
    const every = read.number('progressEvery', 1, true);
    read.fn('onEvent');
    read.having('index', 'add', A_TRACE_INDEX);
    if (typeof onProgress !== 'function' && onProgress !== undefined)
      read.bad('onProgress', onProgress, 'function', NONE);
    const options = read.usable<StreamValidationOptions>();
    this.run = new ValidationRun(validator, nowMillis(options.now));
    reportOptions(this.run, validator);
    reportChainProfilesNotApplied(this.run, validator);
    reportOptionProblems(this.run, read.problems);
    this.options = options;
    this.onProgress =
      typeof onProgress === 'function' ? (onProgress as (p: StreamProgress) => void) : undefined;
    this.max = max ?? 10_000;
    this.progressEvery = every ?? 10_000;
  }

  /** How many diagnostics have been found so far (the run's not yet moved included). */
  total(): number {
    return this.count + this.run.diagnostics.length;
  }

  /** Keep or count the findings the run holds, and empty it. */
  private drain(): void {
    const found = this.run.diagnostics;
    if (found.length === 0) return;
    for (const d of found) this.keep(d);
    found.length = 0;
  }

  /**
   * Count a diagnostic, and keep it if it may be among the first `max` in the end. A finding of
   * an undeclared prefix while a late `@context` may still declare it could be dropped, so those
   * after it move up: it is kept while fewer than `max` findings that stay, and of its own prefix,
   * come before it (with more, it is beyond the first `max` whether its prefix is declared or not).
   */
  private keep(d: Diagnostic): void {
    const error = d.severity === 'error';
    this.count += 1;
    if (error) this.errors += 1;
    if (this.earlyPrefixes && d.code === 'TRACE_UNDECLARED_PREFIX') {
      const prefix = String(d.params?.prefix);
      let tally = this.droppable.get(prefix);
      if (tally === undefined) {
        tally = { count: 0, errors: 0 };
        this.droppable.set(prefix, tally);
      }
      if (this.certain + tally.count < this.max) this.kept.push(d);
      tally.count += 1;
      if (error) tally.errors += 1;
    } else {
      if (this.certain < this.max) this.kept.push(d);
      this.certain += 1;
    }
  }

  /**
   * The events whose prefixes were checked before the document's `@context` was read, with the
   * prefixes of their undeclared-prefix errors and their number of other errors (see
   * {@link settleLateContext}).
   */
  private readonly early: { prefixes: string[]; otherErrors: number }[] = [];
  /** Set while the events are checked against no declared prefix, the `@context` not read yet. */
  earlyPrefixes = false;

  event(value: unknown, prefix: readonly PathSegment[], index: number): void {
    const run = this.run;
    run.prefix = prefix;
    run.index = index;
    const from = run.diagnostics.length;
    const errors = validateEventInto(run, value, false);
    if (this.earlyPrefixes) this.noteEarly(from, errors);
    const { onEvent, index: traceIndex } = this.options;
    if (errors === 0 && (onEvent !== undefined || traceIndex !== undefined)) {
      const ev = applyFixes(value, run.fixes, prefix.length + 1);
      if (this.passOn(ev as EpcisEvent, index, [...prefix, index]) && traceIndex !== undefined)
        this.report(traceIndex.add(ev));
    } else if (traceIndex !== undefined) this.report(traceIndex.add(value));
    this.counted(errors === 0);
  }

  /**
   * Give `onEvent` an event; false when it throws: that is reported as
   * `TRACE_EVENT_CALLBACK_FAILED` at the event, and the reading stops ({@link stopped}).
   */
  private passOn(event: EpcisEvent, index: number, path: readonly PathSegment[]): boolean {
    const onEvent = this.options.onEvent;
    if (onEvent === undefined || this.stopped) return !this.stopped;
    try {
      onEvent(event, index);
      return true;
    } catch (error) {
      this.stopped = true;
      this.run.report('TRACE_EVENT_CALLBACK_FAILED', { index, detail: thrownDetail(error) }, path);
      this.drain();
      return false;
    }
  }

  /**
   * Count, pass on and index a single event given as the whole document (`whole`: the in-memory
   * validator's result for it, whose findings are already reported).
   */
  single(event: unknown, whole: EpcisValidationResult): void {
    const valid = whole.events[0];
    const traceIndex = this.options.index;
    const passed = valid === undefined || this.passOn(valid, 0, []);
    if (passed && traceIndex !== undefined) this.report(traceIndex.add(valid ?? event));
    this.counted(valid !== undefined);
  }

  private noteEarly(from: number, errors: number): void {
    const prefixes: string[] = [];
    let found = false;
    const all = this.run.diagnostics;
    for (let i = from; i < all.length; i += 1) {
      const d = all[i] as Diagnostic;
      if (d.code !== 'TRACE_UNDECLARED_PREFIX') continue;
      found = true;
      if (d.severity === 'error') prefixes.push(String(d.params?.prefix));
    }
    if (found) this.early.push({ prefixes, otherErrors: errors - prefixes.length });
  }

  /**
   * A `@context` read after the event list declares `declared`: drop the events' findings of
   * prefixes it declares (the in-memory validator knows them from the start), and count as valid
   * the events whose only errors those were.
   */
  settleLateContext(declared: ReadonlySet<string>): void {
    this.drain();
    for (const [prefix, tally] of this.droppable) {
      if (!declared.has(prefix)) continue;
      this.count -= tally.count;
      this.errors -= tally.errors;
    }
    this.droppable.clear();
    const all = this.kept;
    let kept = 0;
    for (const d of all) {
      if (d.code === 'TRACE_UNDECLARED_PREFIX' && declared.has(String(d.params?.prefix))) continue;
      if (kept === this.max) break;
      all[kept] = d;
      kept += 1;
    }
    all.length = kept;
    // what is left stays: the findings after this are kept while fewer than `max` come before
    this.earlyPrefixes = false;
    this.certain = this.count;
    for (const e of this.early) {
      if (e.prefixes.length > 0 && e.otherErrors === 0 && e.prefixes.every((p) => declared.has(p)))
        this.validEventCount += 1;
    }
  }

  /** Keep diagnostics found outside the run (the index's, a line validator's). */
  report(found: readonly Diagnostic[]): void {
    this.drain();
    for (const d of found) this.keep(d);
  }

  /**
   * Count one event (text that is not JSON counts, as not valid) and report progress. When the
   * progress callback fails, {@link stopped} is set: the caller stops reading ({@link CallbackStop}).
   */
  counted(valid: boolean): void {
    this.drain();
    this.eventCount++;
    if (valid) this.validEventCount++;
    streamProbe.held?.(this.kept.length + this.run.diagnostics.length);
    if (this.eventCount % this.progressEvery === 0) this.progress();
  }

  /**
   * Report the progress, unless it is the last one reported again. A callback that throws is
   * reported as `TRACE_PROGRESS_CALLBACK_FAILED` and called no more.
   */
  private progress(): void {
    const onProgress = this.onProgress;
    if (onProgress === undefined || this.stopped) return;
    const events = this.eventCount;
    const bytes = this.bytes;
    const last = this.reported;
    if (last !== undefined && last.events === events && last.bytes === bytes) return;
    this.reported = { events, bytes };
    try {
      onProgress({ events, bytes });
    } catch (error) {
      this.stopped = true;
      this.run.report(
        'TRACE_PROGRESS_CALLBACK_FAILED',
        { events, detail: thrownDetail(error) },
        [],
      );
      this.drain();
    }
  }

  result(extra: readonly Diagnostic[] = []): StreamValidationResult {
    this.report(extra);
    this.progress();
    return {
      valid: this.errors === 0,
      diagnostics: this.kept.length > this.max ? this.kept.slice(0, this.max) : this.kept,
      diagnosticCount: this.count,
      eventCount: this.eventCount,
      validEventCount: this.validEventCount,
      bytes: this.bytes,
    };
  }
}

/**
 * The line validator a JSON Lines stream can use (it reads lines of the common shape straight
 * from their text, with the same findings): when no option needs the event objects or a context,
 * and there is no setup finding (an unknown profile) to report once.
 */
function lineValidatorFor(
  options: StreamValidationOptions,
  state: StreamState,
): EpcisLineValidator | undefined {
  if (options.onEvent !== undefined || options.context !== undefined) return undefined;
  if (state.total() > 0) return undefined;
  return createEpcisLineValidator(options);
}

/**
 * Validate a JSON Lines stream of EPCIS events (one event per line; blank lines skipped). Paths
 * of diagnostics start with the event's index: the 0-based index of its line among the non-blank
 * lines (the `index` `onEvent` is given). A line that is not JSON is reported with the offset,
 * line number (1-based, blank lines counted) and column of its fault in the stream. Never rejects
 * on bad data; a failing source is reported as `TRACE_STREAM_ERROR`, a progress callback that
 * throws as `TRACE_PROGRESS_CALLBACK_FAILED` (and nothing after it is read).
 *
 * @example
 * const r = await validateEpcisJsonLines(createReadStream('events.jsonl'), { mode: 'lenient' },
 *   (p) => console.log(p.events, p.bytes));
 */
export async function validateEpcisJsonLines(
  source: TextSource,
  given: StreamValidationOptions = {},
  onProgress?: (progress: StreamProgress) => void,
): Promise<StreamValidationResult> {
  const state = new StreamState(given, onProgress);
  const options = state.options;
  const run = state.run;
  if (!isTextSource(source)) {
    reportNotASource(run, source);
    return state.result();
  }
  if (options.context !== undefined) {
    const declared = new Set<string>();
    checkContext(run, options.context, ['@context'], declared);
    run.declared = declared;
  }
  let pending = '';
  let index = 0;
  /** Where the next line begins in the stream: its offset and its 1-based number. */
  let offset = 0;
  let lineNumber = 1;
  const lines = lineValidatorFor(options, state);
  const line = (text: string) => {
    const origin: TextOrigin = { offset, line: lineNumber, column: 1 };
    offset += text.length + 1;
    lineNumber += 1;
    if (text.trim() === '') return;
    if (lines !== undefined) {
      const checked = lines.validate(text, [index]);
      state.report(
        checked.valid
          ? checked.diagnostics
          : checked.diagnostics.map((d) =>
              relocateSyntaxError(d, text, origin, run.validator.locale),
            ),
      );
      state.counted(checked.valid);
    } else {
      const parsed = parseJsonText(text, run.validator.locale, origin);
      if (!parsed.ok) {
        run.diagnostics.push({ ...parsed.diagnostic, path: [index] });
        state.counted(false);
      } else state.event(parsed.value, [], index);
    }
    index++;
    if (state.stopped) throw new CallbackStop();
  };
  try {
    for await (const { text: chunk, bytes } of chunks(source)) {
      state.bytes += bytes;
      let from = 0;
      let nl = chunk.indexOf('\n');
      if (nl < 0) {
        pending += chunk;
        continue;
      }
      line(pending + chunk.slice(0, nl));
      pending = '';
      from = nl + 1;
      for (;;) {
        nl = chunk.indexOf('\n', from);
        if (nl < 0) break;
        line(chunk.slice(from, nl));
        from = nl + 1;
      }
      pending = chunk.slice(from);
    }
    line(pending);
  } catch (error) {
    if (!(error instanceof CallbackStop))
      run.report('TRACE_STREAM_ERROR', { detail: streamErrorDetail(error) }, []);
  }
  return state.result();
}

// ---------------------------------------------------------------------------------------------
// large documents

interface Frame {
  readonly array: boolean;
  key: string | undefined;
  expectKey: boolean;
}

/**
 * Validate one large EPCIS document from a stream without holding its text twice: the members of
 * `epcisBody.eventList` (or `…queryResults.resultsBody.eventList`) are cut out and validated one
 * by one as they arrive; the rest of the document (its "skeleton") is validated at the end. The
 * events' extension prefixes are checked against the document's `@context`; when it comes after
 * the event list, they are checked against none, and at the end the findings of prefixes it
 * declares are dropped and the counts corrected (such events, invalid until then, were not
 * passed to `onEvent`). Never rejects on bad data; a failing source and a progress callback that
 * throws are reported as for {@link validateEpcisJsonLines}.
 */
export async function validateEpcisDocumentStream(
  source: TextSource,
  given: StreamValidationOptions = {},
  onProgress?: (progress: StreamProgress) => void,
): Promise<StreamValidationResult> {
  const state = new StreamState(given, onProgress);
  const options = state.options;
  const run = state.run;
  if (!isTextSource(source)) {
    reportNotASource(run, source);
    return state.result();
  }
  const stack: Frame[] = [];
  let inString = false;
  let escaped = false;
  let stringStart = -1;
  let skeleton = '';
  let lastString = '';
  // event capture
  let listDepth = -1; // stack length when inside the eventList array
  let listPath: PathSegment[] = [];
  let eventText = '';
  let eventStart = -1;
  let eventIndex = 0;
  /** A comma of the event list was the last thing read there (an element must follow). */
  let afterComma = false;
  // @context capture at the root
  let contextStart = -1;
  let contextText = '';
  /** What the events are checked against while the document's @context is not read yet. */
  const noPrefixes: ReadonlySet<string> = new Set<string>();
  let stringText = '';
  /** The grammar of the whole text, checked as it arrives (the cut below assumes JSON). */
  const syntax = new JsonSyntaxScanner();
  /** Characters in the chunks before this one. */
  let consumed = 0;

  const finishEvent = (text: string) => {
    const parsed = parseJsonText(text, run.validator.locale);
    if (!parsed.ok) {
      run.diagnostics.push({ ...parsed.diagnostic, path: [...listPath, eventIndex] });
      state.counted(false);
    } else state.event(parsed.value, listPath, eventIndex);
    eventIndex++;
    if (state.stopped) throw new CallbackStop();
  };

  try {
    for await (const { text: chunk, bytes } of chunks(source)) {
      state.bytes += bytes;
      // the grammar first: the scan below stops where the text stops being JSON, so that no
      // event after the fault is validated or passed on
      syntax.feed(chunk);
      const stop = syntax.error === undefined ? chunk.length : syntax.error.offset - consumed;
      let copyFrom = listDepth > 0 ? -1 : 0; // start of the part of this chunk that goes to the skeleton
      if (eventStart === -2) eventStart = 0; // an event continues from the previous chunk
      if (contextStart === -2) contextStart = 0;
      if (stringStart === -2) stringStart = 0;
      for (let i = 0; i < stop; i++) {
        const c = chunk.charCodeAt(i);
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92) escaped = true;
          else if (c === 34) {
            inString = false;
            if (stringStart >= 0) {
              lastString = keyText(stringText + chunk.slice(stringStart, i));
              stringText = '';
              stringStart = -1;
            }
          }
          continue;
        }
        // every element of the event list is cut out, whatever it starts with (a value that is
        // not an object is the single-event validator's finding, as in the in-memory validator)
        if (
          listDepth === stack.length &&
          eventStart < 0 &&
          c !== 44 &&
          c !== 93 &&
          c !== 32 &&
          c !== 9 &&
          c !== 10 &&
          c !== 13
        ) {
          eventStart = i;
          eventText = '';
          afterComma = false;
        }
        if (c === 34) {
          inString = true;
          const top = stack[stack.length - 1];
          if (top !== undefined && !top.array && top.expectKey && stack.length <= 4) {
            stringStart = i + 1;
            stringText = '';
          }
          continue;
        }
        const top = stack[stack.length - 1];
        if (c === 58 && top !== undefined && !top.array) {
          top.key = lastString;
          top.expectKey = false;
          if (stack.length === 1 && lastString === '@context') contextStart = i + 1;
          continue;
        }
        if (c === 44 && top !== undefined) {
          if (!top.array) top.expectKey = true;
          if (contextStart >= 0 && stack.length === 1) {
            contextText += chunk.slice(contextStart, i);
            contextStart = -1;
            captureContext(run, contextText);
            contextText = '';
          }
          if (listDepth === stack.length) {
            if (eventStart >= 0) {
              eventText += chunk.slice(eventStart, i);
              eventStart = -1;
              finishEvent(eventText);
              eventText = '';
            } else finishEvent(''); // no element before this comma: not JSON
            afterComma = true;
          }
          continue;
        }
        if (c === 123 || c === 91) {
          const isList =
            c === 91 &&
            top !== undefined &&
            !top.array &&
            top.key === 'eventList' &&
            isEventListParent(stack);
          stack.push({ array: c === 91, key: undefined, expectKey: c === 123 });
          // the first event list only: a second one (a repeated member, the other list of a
          // query document) stays in the skeleton, validated there as in memory
          if (isList && listDepth === -1) {
            if (run.declared === undefined) {
              // no @context yet: check the events' prefixes against none, and settle at the end
              run.declared = noPrefixes;
              state.earlyPrefixes = true;
            }
            listDepth = stack.length;
            listPath = stack.slice(0, -1).map((f) => f.key as string);
            skeleton += chunk.slice(copyFrom, i + 1);
            copyFrom = -1;
          }
          continue;
        }
        if (c === 125 || c === 93) {
          if (listDepth === stack.length && c === 93) {
            if (eventStart >= 0) {
              eventText += chunk.slice(eventStart, i);
              eventStart = -1;
              finishEvent(eventText);
              eventText = '';
            } else if (afterComma) finishEvent(''); // a comma before the closing bracket
            listDepth = -2; // done
            copyFrom = i;
          }
          if (contextStart >= 0 && stack.length === 1) {
            contextText += chunk.slice(contextStart, i);
            contextStart = -1;
            captureContext(run, contextText);
            contextText = '';
          }
          stack.pop();
        }
      }
      if (eventStart >= 0) {
        eventText += chunk.slice(eventStart);
        eventStart = -2;
      }
      if (contextStart >= 0) {
        contextText += chunk.slice(contextStart);
        contextStart = -2;
      }
      if (stringStart >= 0) {
        stringText += chunk.slice(stringStart);
        stringStart = -2;
      }
      if (copyFrom >= 0) skeleton += chunk.slice(copyFrom);
      consumed += chunk.length;
      if (syntax.error !== undefined) break;
    }
  } catch (error) {
    if (!(error instanceof CallbackStop))
      run.report('TRACE_STREAM_ERROR', { detail: streamErrorDetail(error) }, []);
    return state.result();
  }
  // the text is not JSON: the events before the fault keep their findings; the document as a
  // whole cannot be read (as in the in-memory validator, only the fault is reported for it, at
  // the element of the event list it is in, which counts as an event that is not valid)
  syntax.end();
  if (syntax.error !== undefined) {
    const { offset, line, column, found } = syntax.error;
    const inList = listDepth > 0 && stack.length >= listDepth;
    run.report(
      'TRACE_JSON_SYNTAX',
      {
        position: offset,
        line,
        column,
        detail:
          found === undefined
            ? 'Unexpected end of JSON input'
            : `Unexpected character ${JSON.stringify(found)}`,
      },
      inList ? [...listPath, eventIndex] : [],
    );
    if (inList) state.counted(false);
    return state.result();
  }
  if (listDepth === -1) {
    // no event list: the whole text was kept, as a document without one or a single event (parsed
    // once, for the validator and the index; a string value would be taken for text again)
    const parsed = parseJsonText(skeleton, run.validator.locale);
    const value = parsed.ok && typeof parsed.value !== 'string' ? parsed.value : skeleton;
    const whole = validateEpcisDocument(value, options);
    // (unknown profiles are reported once, by the stream)
    state.report(whole.diagnostics.filter((d) => !OPTION_CODES.has(d.code)));
    if (parsed.ok && whole.document === undefined && whole.eventCount === 1)
      state.single(parsed.value, whole);
    return state.result();
  }
  if (state.earlyPrefixes && run.declared !== noPrefixes && run.declared !== undefined)
    state.settleLateContext(run.declared);
  // the skeleton: the document with an empty event list
  const docResult = validateEpcisDocument(skeleton, { ...state.options, profiles: [] });
  const extra = docResult.diagnostics.filter((d) => !OPTION_CODES.has(d.code));
  return state.result(extra);
}

/** A member name as JSON means it: its escapes decoded (`"event\u004cist"` is `eventList`). */
function keyText(raw: string): string {
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

function isEventListParent(stack: readonly Frame[]): boolean {
  const keys = stack.map((f) => f.key);
  if (keys.length === 2) return keys[1] === 'epcisBody' || keys[0] === 'epcisBody';
  return (
    keys.length === 4 &&
    keys[0] === 'epcisBody' &&
    keys[1] === 'queryResults' &&
    keys[2] === 'resultsBody'
  );
}

function captureContext(run: ValidationRun, text: string): void {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return;
  const declared = new Set<string>();
  const scratch = new ValidationRun(run.validator, Number.NaN);
  checkContext(scratch, parsed.value, ['@context'], declared);
  run.declared = declared;
}
