import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalGs1Uri, eventHashId, validateEpcisDocument } from '../index.js';

// The README example, verbatim (the first test checks that the README still says this).
const EXAMPLE = `const event = {
  type: 'ObjectEvent', action: 'observe', bizStep: 'urn:epcglobal:cbv:bizstep:shipping',
  eventTime: '2024-05-01T08:00:00+08:00', eventTimeZoneOffset: '+08:00',
  quantityList: [{ epcClass: 'urn:epc:class:lgtin:6901234.012345.HS2405', quantity: 120, uom: 'KGM' }],
};
const document = {
  '@context': 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', type: 'EPCISDocument',
  schemaVersion: '2.0', creationDate: '2024-05-01T09:00:00+08:00', epcisBody: { eventList: [event] },
};
const strict = validateEpcisDocument(document); // URN-form bizStep and 'observe' are errors
const lenient = validateEpcisDocument(document, { mode: 'lenient' }); // accepted, normalised, warned`;

describe('README example', () => {
  it('is the code in the README', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    // compared without whitespace: the formatter lays the README code block out its own way
    const squeeze = (t: string) => t.replace(/\s+/g, '').replace(/,([}\]])/g, '$1');
    expect(squeeze(readme)).toContain(squeeze(EXAMPLE));
  });

  it('prints what the README says', () => {
    const event = {
      type: 'ObjectEvent',
      action: 'observe',
      bizStep: 'urn:epcglobal:cbv:bizstep:shipping',
      eventTime: '2024-05-01T08:00:00+08:00',
      eventTimeZoneOffset: '+08:00',
      quantityList: [
        { epcClass: 'urn:epc:class:lgtin:6901234.012345.HS2405', quantity: 120, uom: 'KGM' },
      ],
    };
    const document = {
      '@context': 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: '2024-05-01T09:00:00+08:00',
      epcisBody: { eventList: [event] },
    };
    const strict = validateEpcisDocument(document); // URN-form bizStep and 'observe' are errors
    const lenient = validateEpcisDocument(document, { mode: 'lenient' }); // accepted, normalised, warned
    expect([strict.valid, lenient.valid, lenient.diagnostics.map((d) => d.code)]).toEqual([
      false,
      true,
      ['TRACE_CASE_NORMALISED', 'TRACE_CBV_URN_NORMALISED'],
    ]);
    expect(canonicalGs1Uri('urn:epc:class:lgtin:6901234.012345.HS2405')).toBe(
      'https://id.gs1.org/01/06901234123456/10/HS2405',
    );
    expect(eventHashId(lenient.events[0])).toBe(
      'ni:///sha-256;0fe459b0eb40f25599a36936036879932512e4a2a806b8bcd00ccaa16f10be9d?ver=CBV2.0',
    );
  });
});
