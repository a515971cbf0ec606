/**
 * Serialise EPCIS documents and events to JSON text. Members are written in the order of the
 * EPCIS 2.0 JSON examples (`@context`, `type`, then the standard members, then extensions), so a
 * document that validates still validates after the round trip, and text is stable for diffs.
 */
import { describeValue, FoodSafetyError } from '@foodsafety/core';
import { isRecord } from '../is-record.js';
import { plainOptions } from '../option-reader.js';
import type { EpcisDocument, EpcisEvent } from './epcis-event.js';

const DOCUMENT_ORDER = [
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
];

const EVENT_ORDER = [
  '@context',
  'type',
  'eventID',
  'eventTime',
  'eventTimeZoneOffset',
  'recordTime',
  'certificationInfo',
  'errorDeclaration',
  'parentID',
  'epcList',
  'childEPCs',
  'inputEPCList',
  'inputQuantityList',
  'outputEPCList',
  'outputQuantityList',
  'quantityList',
  'childQuantityList',
  'transformationID',
  'action',
  'bizStep',
  'disposition',
  'persistentDisposition',
  'readPoint',
  'bizLocation',
  'bizTransactionList',
  'sourceList',
  'destinationList',
  'sensorElementList',
  'ilmd',
];

function ordered(
  obj: Readonly<Record<string, unknown>>,
  order: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const put = (k: string) =>
    Object.defineProperty(out, k, {
      value: obj[k],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  for (const k of order) if (Object.hasOwn(obj, k) && obj[k] !== undefined) put(k);
  for (const k of Object.keys(obj)) if (!order.includes(k) && obj[k] !== undefined) put(k);
  return out;
}

/** Options of the serialisers. */
export interface SerializeOptions {
  /** Indentation passed to JSON.stringify (default none). */
  readonly indent?: number;
}

/**
 * The serialisers take what the validators return (an event, a document). Anything else — `null`,
 * a value JSON cannot write (a cycle, a bigint) — is a programmer error: a `FoodSafetyError` with
 * the code `TRACE_SERIALIZE_INPUT_INVALID`, never a `TypeError`.
 */
function invalid(what: string, detail: string): FoodSafetyError {
  return new FoodSafetyError(
    'TRACE_SERIALIZE_INPUT_INVALID',
    `cannot serialise ${what}: ${detail}`,
    { what, detail },
  );
}

function stringify(value: unknown, indent: unknown, what: string): string {
  try {
    return JSON.stringify(
      value,
      null,
      typeof indent === 'number' || typeof indent === 'string' ? indent : undefined,
    );
  } catch (error) {
    throw invalid(what, error instanceof Error ? error.message : String(error));
  }
}

/** An event as a plain JSON object with members in canonical order (a new object). */
export function epcisEventToJson(event: EpcisEvent): Record<string, unknown> {
  if (!isRecord(event)) throw invalid('an event', `${describeValue(event)} is not an object`);
  return ordered(event as unknown as Record<string, unknown>, EVENT_ORDER);
}

/** Serialise one event as JSON text (one line unless `indent` is given) — for JSON Lines. */
export function serializeEpcisEvent(event: EpcisEvent, options: SerializeOptions = {}): string {
  try {
    return stringify(epcisEventToJson(event), plainOptions(options).indent, 'an event');
  } catch (error) {
    if (error instanceof FoodSafetyError) throw error;
    throw invalid('an event', error instanceof Error ? error.message : String(error)); // a getter
  }
}

/** Serialise a document as JSON text; events keep their order, members are ordered canonically. */
export function serializeEpcisDocument(
  document: EpcisDocument,
  options: SerializeOptions = {},
): string {
  try {
    return serializeDocument(document, options);
  } catch (error) {
    if (error instanceof FoodSafetyError) throw error;
    // an event list that is no list, a member that throws when read…
    throw invalid('a document', error instanceof Error ? error.message : String(error));
  }
}

function serializeDocument(document: EpcisDocument, options: SerializeOptions): string {
  if (!isRecord(document) || !isRecord(document.epcisBody))
    throw invalid('a document', `${describeValue(document)} is no EPCIS document`);
  const doc = document as unknown as Record<string, unknown>;
  const out = ordered(doc, DOCUMENT_ORDER);
  if (document.type === 'EPCISDocument') {
    const body = document.epcisBody;
    out.epcisBody = { ...body, eventList: body.eventList.map(epcisEventToJson) };
  } else {
    const qr = document.epcisBody.queryResults;
    out.epcisBody = {
      ...document.epcisBody,
      queryResults: {
        ...qr,
        resultsBody: {
          ...qr.resultsBody,
          eventList: qr.resultsBody.eventList.map(epcisEventToJson),
        },
      },
    };
  }
  return stringify(out, plainOptions(options).indent, 'a document');
}
