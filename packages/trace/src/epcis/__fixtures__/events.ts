/** The EPCIS 2.0 context with an `ex` prefix, as the tests' documents declare it. */
export const CONTEXT_WITH_EX = [
  'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
  { ex: 'https://ex.example/' },
];

/** A valid ObjectEvent observing one SGTIN, with no business step: the base of test events. */
export const OBSERVE_EVENT = {
  type: 'ObjectEvent',
  eventTime: '2024-05-01T08:00:00.000+08:00',
  eventTimeZoneOffset: '+08:00',
  epcList: ['urn:epc:id:sgtin:0614141.107346.2017'],
  action: 'OBSERVE',
};

/** An EPCISDocument of `events` with {@link CONTEXT_WITH_EX}, as the tests build them. */
export function documentOf(events: readonly unknown[]): Record<string, unknown> {
  return {
    '@context': CONTEXT_WITH_EX,
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2024-05-01T09:00:00+08:00',
    epcisBody: { eventList: events },
  };
}
