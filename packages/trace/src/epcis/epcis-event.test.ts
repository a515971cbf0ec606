import { describe, expect, it } from 'vitest';
import { documentEvents, EPCIS_EVENT_TYPES, type EpcisDocument, hasAction } from './epcis-event.js';
import { documentEventHashIds, eventHashId } from './event-hash.js';

const event = {
  type: 'TransformationEvent' as const,
  eventTime: '2024-05-01T00:00:00Z',
  eventTimeZoneOffset: '+00:00',
  inputEPCList: ['urn:epc:id:sgtin:0614141.107346.1'],
  outputEPCList: ['urn:epc:id:sgtin:0614141.107346.2'],
};

describe('document helpers', () => {
  it('lists the five event types', () => {
    expect(EPCIS_EVENT_TYPES).toEqual([
      'ObjectEvent',
      'AggregationEvent',
      'TransactionEvent',
      'TransformationEvent',
      'AssociationEvent',
    ]);
  });

  it('reads the events of both document types', () => {
    const capture: EpcisDocument = {
      '@context': 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: '2024-05-01T00:00:00Z',
      epcisBody: { eventList: [event] },
    };
    const query: EpcisDocument = {
      '@context': 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
      type: 'EPCISQueryDocument',
      epcisBody: { queryResults: { queryName: 'q', resultsBody: { eventList: [event, event] } } },
    };
    expect(documentEvents(capture)).toHaveLength(1);
    expect(documentEvents(query)).toHaveLength(2);
    expect(hasAction(event)).toBe(false);
    expect(documentEventHashIds(query)).toEqual([eventHashId(event), eventHashId(event)]);
    expect(documentEventHashIds(null)).toEqual([]);
  });
});
