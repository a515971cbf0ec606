/**
 * Validate an EPCIS 2.0 document (EPCISDocument or EPCISQueryDocument; or a single event given
 * as a document, which the 2.0.1 schema also allows) against the 2.0.1 schema and the event rules
 * beyond it, collecting every finding with its path.
 */
import type { Diagnostic, PathSegment } from '@foodsafety/core';
import { isRecord } from '../is-record.js';
import { plainOptions } from '../option-reader.js';
import { checkProfile } from '../profiles/check-profile.js';
import type { EpcisDocument, EpcisEvent } from './epcis-event.js';
import {
  absent,
  checkContext,
  compileEpcisValidator,
  type EpcisValidationOptions,
  type EpcisValidator,
  notePrototype,
  nowMillis,
  reportOptions,
  reportUnreadable,
  schemaChecks,
  ValidationRun,
  VERSION,
  validateEventInto,
} from './epcis-validator.js';
import { NUMBER_STRING_OR_OBJECT } from './expectation-words.js';
import { parseJsonText } from './json-text.js';
import { applyFixes } from './lenient-fixes.js';
import { setAtPath } from './set-at-path.js';

const { checkUri, checkTime, checkString, checkExtensionKey, walkExtension, isObject, typeName } =
  schemaChecks;

/** What {@link validateEpcisDocument} returns. */
export interface EpcisValidationResult {
  /** No error diagnostics. */
  readonly valid: boolean;
  /** Every finding (errors, warnings, infos), in document order. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * The events without errors, in document order — normalised in lenient mode (URN-form CBV
   * values and case slips corrected). The input is never mutated.
   */
  readonly events: readonly EpcisEvent[];
  /** The (normalised) document when it is valid. */
  readonly document?: EpcisDocument;
  /** How many events the document holds, valid or not. */
  readonly eventCount: number;
}

const STRICT = compileEpcisValidator({ mode: 'strict' });
const LENIENT = compileEpcisValidator({ mode: 'lenient' });

/**
 * The options that shape a compiled validator: every one but `mode` (which picks one of the two
 * defaults) and `now` (read per run). Written as a record so that an option added to
 * `EpcisValidationOptions` and not listed here fails to compile. Other members of an options
 * object (those of the event, line and stream validators built on it) are not looked at.
 */
const SHAPING: { readonly [K in Exclude<keyof EpcisValidationOptions, 'mode' | 'now'>]-?: true } = {
  profiles: true,
  resolveProfile: true,
  futureToleranceMs: true,
  severities: true,
  unitCodes: true,
  bizStepActionRules: true,
  maxDepth: true,
  locale: true,
};
const SHAPING_KEYS = Object.keys(SHAPING) as (keyof typeof SHAPING)[];

/** The compiled validator for a set of options (the two default ones are built once). */
export function validatorFor(options: EpcisValidationOptions): EpcisValidator {
  try {
    if (
      isRecord(options) &&
      SHAPING_KEYS.every((k) => options[k] === undefined) &&
      (options.mode === undefined || options.mode === 'strict' || options.mode === 'lenient') &&
      (options.now === undefined || !Number.isNaN(nowMillis(options.now as Date | string)))
    )
      return options.mode === 'lenient' ? LENIENT : STRICT;
  } catch {
    // a getter that throws: compiled, which notes it
  }
  return compileEpcisValidator(options);
}

const DOCUMENT_KEYS = new Set([
  '@context',
  'id',
  'type',
  'schemaVersion',
  'creationDate',
  'instanceIdentifier',
  'sender',
  'receiver',
  'epcisHeader',
  'epcisBody',
]);
const QUERY_DOCUMENT_KEYS = new Set([
  '@context',
  'id',
  'type',
  'schemaVersion',
  'creationDate',
  'epcisBody',
]);
const EVENT_TYPES = new Set([
  'ObjectEvent',
  'AggregationEvent',
  'TransactionEvent',
  'TransformationEvent',
  'AssociationEvent',
]);

function checkVocabularyList(run: ValidationRun, v: unknown, at: readonly PathSegment[]): void {
  const p = (...k: PathSegment[]) => [...at, ...k];
  if (!Array.isArray(v)) {
    run.report('TRACE_TYPE_MISMATCH', { expected: 'array', actual: typeName(v) }, p());
    return;
  }
  for (let i = 0; i < v.length; i++) {
    const voc = v[i];
    if (!isObject(voc)) {
      run.report('TRACE_TYPE_MISMATCH', { expected: 'object', actual: typeName(voc) }, p(i));
      continue;
    }
    if (voc.type === undefined) run.report('TRACE_REQUIRED_MISSING', { member: 'type' }, p(i));
    else checkUriAt(run, voc.type, p(i, 'type'));
    const list = voc.vocabularyElementList;
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      run.report(
        'TRACE_TYPE_MISMATCH',
        { expected: 'array', actual: typeName(list) },
        p(i, 'vocabularyElementList'),
      );
      continue;
    }
    for (let j = 0; j < list.length; j++) {
      const el = list[j];
      const ep = p(i, 'vocabularyElementList', j);
      if (!isObject(el)) {
        run.report('TRACE_TYPE_MISMATCH', { expected: 'object', actual: typeName(el) }, ep);
        continue;
      }
      if (el.id === undefined) run.report('TRACE_REQUIRED_MISSING', { member: 'id' }, ep);
      else checkUriAt(run, el.id, [...ep, 'id']);
      if (el.attributes !== undefined) {
        if (!Array.isArray(el.attributes)) {
          run.report(
            'TRACE_TYPE_MISMATCH',
            { expected: 'array', actual: typeName(el.attributes) },
            [...ep, 'attributes'],
          );
        } else {
          el.attributes.forEach((a, k) => {
            const ap = [...ep, 'attributes', k];
            if (!isObject(a)) {
              run.report('TRACE_TYPE_MISMATCH', { expected: 'object', actual: typeName(a) }, ap);
              return;
            }
            if (a.id === undefined) run.report('TRACE_REQUIRED_MISSING', { member: 'id' }, ap);
            else checkUriAt(run, a.id, [...ap, 'id']);
            const value = a.attribute;
            if (
              value !== undefined &&
              typeof value !== 'number' &&
              typeof value !== 'string' &&
              !isObject(value)
            ) {
              run.report(
                'TRACE_TYPE_MISMATCH',
                { expected: NUMBER_STRING_OR_OBJECT, actual: typeName(value) },
                [...ap, 'attribute'],
              );
            }
          });
        }
      }
      if (el.children !== undefined) {
        if (!Array.isArray(el.children)) {
          run.report('TRACE_TYPE_MISMATCH', { expected: 'array', actual: typeName(el.children) }, [
            ...ep,
            'children',
          ]);
        } else {
          for (let k = 0; k < el.children.length; k++)
            checkUriAt(run, el.children[k], [...ep, 'children', k]);
        }
      }
    }
  }
}

function atPath(run: ValidationRun, path: readonly PathSegment[]): void {
  run.prefix = path;
  run.index = -1;
}

function checkUriAt(run: ValidationRun, v: unknown, path: readonly PathSegment[]): void {
  atPath(run, path);
  checkUri(run, v);
}

function checkHeader(run: ValidationRun, v: unknown, at: readonly PathSegment[]): void {
  if (!isObject(v)) {
    run.report('TRACE_TYPE_MISMATCH', { expected: 'object', actual: typeName(v) }, [...at]);
    return;
  }
  for (const k in v) {
    if (absent(v, k)) continue;
    if (k === 'epcisMasterData') {
      const md = v[k];
      if (!isObject(md)) {
        run.report('TRACE_TYPE_MISMATCH', { expected: 'object', actual: typeName(md) }, [...at, k]);
      } else if (md.vocabularyList !== undefined) {
        checkVocabularyList(run, md.vocabularyList, [...at, k, 'vocabularyList']);
      }
    } else {
      atPath(run, at);
      if (checkExtensionKey(run, k, k)) walkExtension(run, v[k], [...at, k], 1);
    }
  }
}

/**
 * Check the events of `list`, pushing the valid ones (normalised in lenient mode) to `valid`;
 * `count.events` is set to the list's length. Nothing read in the loop throws out of it (an
 * unreadable event is a finding on it).
 */
function checkEventList(
  run: ValidationRun,
  list: unknown,
  at: readonly PathSegment[],
  valid: EpcisEvent[],
  count: { events: number },
): void {
  if (!Array.isArray(list)) {
    run.report('TRACE_TYPE_MISMATCH', { expected: 'array', actual: typeName(list) }, [...at]);
    return;
  }
  const length = list.length;
  count.events = length;
  for (let i = 0; i < length; i++) {
    run.prefix = at;
    run.index = i;
    // an event built in code may throw when read (a getter, a Proxy trap): a finding on it, and
    // the other events are still checked
    let ev: unknown;
    try {
      ev = list[i];
    } catch (error) {
      reportUnreadable(run, error, run.path());
      continue;
    }
    const errors = validateEventInto(run, ev, false);
    if (errors !== 0) continue;
    try {
      if (!EVENT_TYPES.has((ev as { type?: unknown }).type as string)) continue;
      valid.push(applyFixes(ev, run.fixes, at.length + 1) as EpcisEvent);
    } catch (error) {
      run.prefix = at;
      run.index = i;
      reportUnreadable(run, error, run.path());
    }
  }
}

/**
 * Validate an EPCIS 2.0 document given as JSON text or as a parsed value.
 *
 * - `mode: 'strict'` (default): the 2.0.1 JSON Schema and the standard's rules.
 * - `mode: 'lenient'`: also accepts URN-form CBV values (`urn:epcglobal:cbv:bizstep:shipping`),
 *   case slips in enumerated values (`add`), and `epcisHeader` in query documents, each with a
 *   warning, and returns the events normalised.
 *
 * Every finding is collected, with its path; bad input never throws.
 *
 * @example
 * const { valid, diagnostics, events } = validateEpcisDocument(text, { mode: 'lenient', now: new Date() });
 */
export function validateEpcisDocument(
  input: unknown,
  given: EpcisValidationOptions = {},
): EpcisValidationResult {
  notePrototype();
  const validator = validatorFor(given);
  const options = plainOptions(given);
  const run = new ValidationRun(validator, nowMillis(options.now));
  reportOptions(run, validator);
  // errors of the options, not of the document: they do not stop the profiles that do resolve
  const optionErrors = run.errors;
  let doc = input;
  if (typeof input === 'string') {
    const parsed = parseJsonText(input, validator.locale);
    if (!parsed.ok) {
      return {
        valid: false,
        diagnostics: [...run.diagnostics, parsed.diagnostic],
        events: [],
        eventCount: 0,
      };
    }
    doc = parsed.value;
  }
  const valid: EpcisEvent[] = [];
  const count = { events: 0 };
  try {
    return validateDocumentValue(run, validator, doc, optionErrors, valid, count);
  } catch (error) {
    // a document built in code whose getter or Proxy trap throws outside any event: a finding on
    // the document (the events read before it keep theirs)
    run.index = -1;
    run.prefix = [];
    reportUnreadable(run, error, [], count.events > 0);
    return { valid: false, diagnostics: run.diagnostics, events: valid, eventCount: count.events };
  }
}

/** {@link validateEpcisDocument} of a parsed value, which may throw when read. */
function validateDocumentValue(
  run: ValidationRun,
  validator: EpcisValidator,
  doc: unknown,
  optionErrors: number,
  valid: EpcisEvent[],
  count: { events: number },
): EpcisValidationResult {
  if (!isObject(doc)) {
    run.report('TRACE_TYPE_MISMATCH', { expected: 'object', actual: typeName(doc) }, []);
    return { valid: false, diagnostics: run.diagnostics, events: [], eventCount: count.events };
  }
  const type = doc.type;
  // a document whose type is missing or wrong is still read as the document its body shows, so
  // that every other finding is reported too
  const documentType = typeOfDocument(run, doc, validator.lenient);
  if (documentType === undefined) {
    if (type === undefined) {
      run.report('TRACE_REQUIRED_MISSING', { member: 'type' }, []);
      return { valid: false, diagnostics: run.diagnostics, events: [], eventCount: count.events };
    }
    if (typeof type !== 'string') {
      run.report('TRACE_TYPE_MISMATCH', { expected: 'string', actual: typeName(type) }, ['type']);
      return { valid: false, diagnostics: run.diagnostics, events: [], eventCount: count.events };
    }
  }
  const declared = new Set<string>();
  if (doc['@context'] !== undefined) {
    atPath(run, []);
    checkContext(run, doc['@context'], ['@context'], declared);
  }
  run.declared = declared;

  if (documentType === undefined) {
    // a single event as the document (the 2.0.1 root schema allows it; @context required)
    run.prefix = [];
    run.index = -1;
    const errors = validateEventInto(run, doc, true);
    count.events = 1;
    if (errors === 0 && EVENT_TYPES.has(type as string)) valid.push(doc as unknown as EpcisEvent);
    const ok = run.errors === 0;
    return { valid: ok, diagnostics: run.diagnostics, events: valid, eventCount: count.events };
  }

  const query = documentType === 'EPCISQueryDocument';
  const allowed = query ? QUERY_DOCUMENT_KEYS : DOCUMENT_KEYS;
  let fixedDoc: unknown = type === documentType ? doc : setAtPath(doc, ['type'], documentType);
  atPath(run, []);
  for (const k in doc) {
    if (absent(doc, k)) continue;
    const v = doc[k];
    atPath(run, []);
    if (!allowed.has(k)) {
      if (query && k === 'epcisHeader' && validator.lenient) {
        run.report('TRACE_QUERY_HEADER_ACCEPTED', {}, [k]);
        checkHeader(run, v, [k]);
      } else if (checkExtensionKey(run, k, k)) {
        walkExtension(run, v, [k], 1);
      }
      continue;
    }
    switch (k) {
      case 'id':
        checkUri(run, v, k);
        break;
      case 'schemaVersion':
        if (checkString(run, v, k) && !VERSION.test(v as string))
          run.report(
            'TRACE_PATTERN_MISMATCH',
            { member: k, value: v as string, expected: 'digits and dots, e.g. 2.0' },
            [k],
          );
        break;
      case 'creationDate':
        checkTime(run, v, k);
        break;
      case 'instanceIdentifier':
      case 'sender':
      case 'receiver':
        checkString(run, v, k);
        break;
      case 'epcisHeader':
        checkHeader(run, v, [k]);
        break;
    }
  }
  for (const required of query
    ? ['@context', 'type', 'epcisBody']
    : ['@context', 'type', 'schemaVersion', 'creationDate', 'epcisBody']) {
    if (absent(doc, required)) run.report('TRACE_REQUIRED_MISSING', { member: required }, []);
  }
  const body = doc.epcisBody;
  if (body !== undefined) {
    if (!isObject(body)) {
      run.report('TRACE_TYPE_MISMATCH', { expected: 'object', actual: typeName(body) }, [
        'epcisBody',
      ]);
    } else if (!query) {
      if (body.eventList === undefined)
        run.report('TRACE_REQUIRED_MISSING', { member: 'eventList' }, ['epcisBody']);
      else checkEventList(run, body.eventList, ['epcisBody', 'eventList'], valid, count);
    } else {
      for (const k in body) {
        if (absent(body, k)) continue;
        if (k !== 'queryResults') {
          atPath(run, ['epcisBody']);
          if (checkExtensionKey(run, k, k)) walkExtension(run, body[k], ['epcisBody', k], 2);
        }
      }
      const qr = body.queryResults;
      if (qr === undefined)
        run.report('TRACE_REQUIRED_MISSING', { member: 'queryResults' }, ['epcisBody']);
      else if (!isObject(qr)) {
        run.report('TRACE_TYPE_MISMATCH', { expected: 'object', actual: typeName(qr) }, [
          'epcisBody',
          'queryResults',
        ]);
      } else {
        const at = ['epcisBody', 'queryResults'];
        for (const k in qr) {
          if (absent(qr, k)) continue;
          atPath(run, at);
          if (k === 'queryName' || k === 'subscriptionID') checkString(run, qr[k], k);
          else if (k !== 'resultsBody' && checkExtensionKey(run, k, k))
            walkExtension(run, qr[k], [...at, k], 3);
        }
        if (qr.queryName === undefined)
          run.report('TRACE_REQUIRED_MISSING', { member: 'queryName' }, at);
        const rb = qr.resultsBody;
        if (rb === undefined) run.report('TRACE_REQUIRED_MISSING', { member: 'resultsBody' }, at);
        else if (!isObject(rb)) {
          run.report('TRACE_TYPE_MISMATCH', { expected: 'object', actual: typeName(rb) }, [
            ...at,
            'resultsBody',
          ]);
        } else {
          const rat = [...at, 'resultsBody'];
          for (const k in rb) {
            if (absent(rb, k)) continue;
            atPath(run, rat);
            if (k === 'vocabularyList') checkVocabularyList(run, rb[k], [...rat, k]);
            else if (k !== 'eventList' && checkExtensionKey(run, k, k))
              walkExtension(run, rb[k], [...rat, k], 4);
          }
          if (rb.eventList === undefined)
            run.report('TRACE_REQUIRED_MISSING', { member: 'eventList' }, rat);
          else checkEventList(run, rb.eventList, [...rat, 'eventList'], valid, count);
        }
      }
    }
  }
  let ok = run.errors === 0;
  const sound = run.errors === optionErrors;
  if (sound && validator.lenient && valid.some((e, i) => e !== eventAt(doc, query, i))) {
    const path = query
      ? ['epcisBody', 'queryResults', 'resultsBody', 'eventList']
      : ['epcisBody', 'eventList'];
    fixedDoc = setAtPath(fixedDoc, path, valid);
  }
  if (sound && validator.chainProfiles.length > 0) {
    // chain profiles need a sound document: they run once the document has no errors (an
    // unknown profile among them is an error of the options, reported, and the others still run)
    for (const profile of validator.chainProfiles) {
      // the `locale` and `severities` options apply to profile findings as to the others
      const found = checkProfile(fixedDoc, profile, {
        locale: validator.locale,
        severities: validator.severities,
      }).diagnostics;
      run.diagnostics.push(...found);
      if (found.some((d) => d.severity === 'error')) ok = false;
    }
  }
  return {
    valid: ok,
    diagnostics: run.diagnostics,
    events: valid,
    eventCount: count.events,
    ...(ok ? { document: fixedDoc as EpcisDocument } : {}),
  };
}

/**
 * The document type to read a document as: its `type` when that is `EPCISDocument` or
 * `EPCISQueryDocument`, or a case slip of one (a warning in lenient mode, else
 * `TRACE_DOCUMENT_TYPE`); for an object
 * with an `epcisBody` whose `type` is missing, not a string or not a known type (nor an event
 * type), the one its body shows, with a finding on `type` (a missing `type` is reported with the
 * document's other required members). `undefined`: not read as a document (a single event, or
 * no type at all).
 */
function typeOfDocument(
  run: ValidationRun,
  doc: Record<string, unknown>,
  lenient: boolean,
): 'EPCISDocument' | 'EPCISQueryDocument' | undefined {
  const type = doc.type;
  if (type === 'EPCISDocument' || type === 'EPCISQueryDocument') return type;
  if (typeof type === 'string') {
    const slip = DOCUMENT_TYPES.find((t) => t.toLowerCase() === type.toLowerCase());
    if (slip !== undefined) {
      if (lenient) {
        run.report('TRACE_CASE_NORMALISED', { member: 'type', value: type, normalised: slip }, [
          'type',
        ]);
      } else run.report('TRACE_DOCUMENT_TYPE', { value: type }, ['type']);
      return slip;
    }
  }
  if (absent(doc, 'epcisBody')) return undefined;
  if (typeof type === 'string' && EVENT_TYPES.has(type)) return undefined;
  const body = doc.epcisBody;
  const shown =
    isObject(body) && body.queryResults !== undefined ? 'EPCISQueryDocument' : 'EPCISDocument';
  if (typeof type === 'string') run.report('TRACE_DOCUMENT_TYPE', { value: type }, ['type']);
  else if (type !== undefined) {
    run.report('TRACE_TYPE_MISMATCH', { expected: 'string', actual: typeName(type) }, ['type']);
  }
  return shown;
}

const DOCUMENT_TYPES = ['EPCISDocument', 'EPCISQueryDocument'] as const;

function eventAt(doc: Record<string, unknown>, query: boolean, i: number): unknown {
  const body = doc.epcisBody as Record<string, unknown>;
  const list = query
    ? ((body.queryResults as Record<string, unknown>).resultsBody as Record<string, unknown>)
        .eventList
    : body.eventList;
  return (list as unknown[])[i];
}
