import { createDiagnostic, LOCALES } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import { epcisDiagnostic } from './fast-message.js';
import { type EpcisCode, epcisMessages } from './trace-messages.js';

describe('epcisDiagnostic', () => {
  it('builds exactly what createDiagnostic builds, for every code and locale', () => {
    const params = {
      value: 'v',
      member: 'm',
      allowed: ['ADD', 'OBSERVE'],
      expected: 'e',
      actual: 'a',
      line: 2,
      column: 3,
      position: 9,
      detail: 'd',
      limit: 64,
      eventType: 'ObjectEvent',
      action: null,
      time: 't',
      eventTime: 'et',
      offset: '+08:00',
      quantity: -1,
      uom: 'XYZ',
      ruleSet: 'r',
      key: 'GTIN',
      scheme: 'sgtin',
      prefix: 'zz',
      bizStep: 'b',
      reason: 'r',
      now: 'n',
      toleranceSeconds: 300,
      normalised: 'x',
      profile: 'p',
    };
    for (const code of Object.keys(epcisMessages) as EpcisCode[]) {
      for (const locale of LOCALES) {
        const d = epcisMessages[code];
        const expected = createDiagnostic(d as never, params as never, {
          path: ['a', 1],
          severity: 'warning',
          locale,
        });
        expect(epcisDiagnostic(code, params, ['a', 1], 'warning', locale)).toEqual(expected);
      }
    }
    // no params: no params member; a missing param stays visible
    expect(epcisDiagnostic('TRACE_TRANSFORMATION_INCOMPLETE', {}, [], 'error', 'en')).toEqual(
      createDiagnostic(epcisMessages.TRACE_TRANSFORMATION_INCOMPLETE, {}, { path: [] }),
    );
    expect(epcisDiagnostic('TRACE_INVALID_URI', {}, [], 'error', 'en').message).toBe(
      '{value} is not a valid URI',
    );
  });
});
