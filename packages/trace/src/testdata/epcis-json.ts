/** A generated EPCIS 2.0 event as plain JSON (what `JSON.parse` of one JSON Lines row gives). */
export type EpcisJsonEvent = Readonly<Record<string, unknown>>;

/** The JSON-LD context of generated documents: the EPCIS 2.0 context plus our `fsk` prefix. */
export const TESTDATA_CONTEXT: readonly unknown[] = [
  'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
  { fsk: 'https://ns.foodsafety-kit.org/epcis/' },
];

/** Options of {@link toEpcisDocument}. */
export interface EpcisDocumentOptions {
  /** `creationDate` of the document (ISO with offset); there is no clock in the library. */
  readonly creationDate: string;
  /** JSON-LD context; {@link TESTDATA_CONTEXT} by default. */
  readonly context?: readonly unknown[];
}

/** Wrap events in a minimal EPCIS 2.0 `EPCISDocument`. The events are not copied. */
export function toEpcisDocument(
  events: readonly EpcisJsonEvent[],
  options: EpcisDocumentOptions,
): Record<string, unknown> {
  return {
    '@context': options.context ?? TESTDATA_CONTEXT,
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: options.creationDate,
    epcisBody: { eventList: events },
  };
}

/**
 * JSON Lines, one event per line (without the newline), produced lazily: 480 000 events never
 * exist as text all at once.
 */
export function* toJsonLines(events: Iterable<EpcisJsonEvent>): Generator<string, void, undefined> {
  for (const event of events) yield JSON.stringify(event);
}
