/** A generated EPCIS 2.0 event as plain JSON (what `JSON.parse` of one JSON Lines row gives). */
export type EpcisJsonEvent = Readonly<Record<string, unknown>>;

/** The JSON-LD context of generated documents: the EPCIS 2.0 context plus our `fsk` prefix. */
export const TESTDATA_CONTEXT: readonly unknown[] = [
  'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
  { fsk: 'https://ns.foodsafety-kit.org/epcis/' },
];

/**
 * An ISO 8601 date-time with milliseconds written in the given UTC offset (minutes east), e.g.
 * `2025-03-01T08:00:00.000+08:00`.
 */
export function isoWithOffset(epochMs: number, offsetMinutes: number): string {
  const local = new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 23);
  return `${local}${formatOffset(offsetMinutes)}`;
}

/** `+08:00` for 480 minutes. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

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
