import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTEXT_WITH_EX, documentOf, OBSERVE_EVENT } from './__fixtures__/events.js';
import { BIZ_STEP_ACTION_RULES_META } from './bizstep-action-rules.js';
import { createEpcisEventValidator } from './epcis-event-validator.js';
import { REC20_UNIT_CODES, REC20_UNIT_CODES_META } from './rec20-unit-codes.js';
import { validateEpcisDocument } from './validate-epcis-document.js';

const CONTEXT = CONTEXT_WITH_EX;

const objectEvent = {
  ...OBSERVE_EVENT,
  bizStep: 'shipping',
  disposition: 'in_transit',
  readPoint: { id: 'urn:epc:id:sgln:0614141.07346.1234' },
};

function doc(...events: unknown[]) {
  return documentOf(events);
}

function codes(input: unknown, options = {}) {
  return validateEpcisDocument(input, options).diagnostics.map((d) => `${d.severity}:${d.code}`);
}

describe('validateEpcisDocument: a clean document', () => {
  it('is valid with no findings and returns its events', () => {
    const r = validateEpcisDocument(doc(objectEvent));
    expect(r.diagnostics).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.events).toEqual([objectEvent]);
    expect(r.eventCount).toBe(1);
  });

  it('never mutates its input', () => {
    const input = structuredClone(
      doc({ ...objectEvent, action: 'add', bizStep: 'urn:epcglobal:cbv:bizstep:shipping' }),
    );
    const frozen = deepFreeze(structuredClone(input));
    const r = validateEpcisDocument(frozen, { mode: 'lenient' });
    expect(r.valid).toBe(true);
    expect(frozen).toEqual(input);
  });
});

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object') {
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
    Object.freeze(v);
  }
  return v;
}

describe('schema findings carry codes and paths', () => {
  it('reports a JSON syntax error with its position instead of throwing', () => {
    const r = validateEpcisDocument('{"type": "EPCISDocument",\n  "x": }');
    expect(r.valid).toBe(false);
    expect(r.diagnostics[0]?.code).toBe('TRACE_JSON_SYNTAX');
    expect(r.diagnostics[0]?.params?.line).toBe(2);
  });

  it('collects every error of every event, with paths', () => {
    const r = validateEpcisDocument(
      doc(
        { ...objectEvent, action: 'MOVE' },
        { ...objectEvent, eventTime: 'yesterday', bizStep: 'teleporting' },
        {
          ...objectEvent,
          epcList: [
            'not a uri',
            'urn:epc:id:sgtin:0614141.107346.2017',
            'urn:epc:id:sgtin:0614141.107346.2017',
          ],
        },
      ),
    );
    const found = r.diagnostics.map((d) => [d.code, (d.path ?? []).join('/')]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['TRACE_INVALID_ENUM', 'epcisBody/eventList/0/action'],
        ['TRACE_INVALID_DATETIME', 'epcisBody/eventList/1/eventTime'],
        ['TRACE_INVALID_VOCABULARY', 'epcisBody/eventList/1/bizStep'],
        ['TRACE_INVALID_URI', 'epcisBody/eventList/2/epcList/0'],
        ['TRACE_DUPLICATE_ITEM', 'epcisBody/eventList/2/epcList/2'],
      ]),
    );
    expect(r.events).toEqual([]);
  });

  it('requires the document members', () => {
    const r = validateEpcisDocument({ type: 'EPCISDocument', epcisBody: { eventList: [] } });
    expect(r.diagnostics.map((d) => d.params?.member).sort()).toEqual([
      '@context',
      'creationDate',
      'schemaVersion',
    ]);
  });

  it('rejects a non-CBV word and a URN-form value in strict mode', () => {
    expect(
      codes(doc({ ...objectEvent, disposition: 'urn:epcglobal:cbv:disp:in_transit' })),
    ).toEqual(['error:TRACE_INVALID_VOCABULARY']);
  });

  it('rejects members that are not allowed (additionalProperties / propertyNames)', () => {
    expect(codes(doc({ ...objectEvent, colour: 'red' }))).toEqual([
      'error:TRACE_MEMBER_NOT_ALLOWED',
    ]);
    expect(
      codes(
        doc({
          ...objectEvent,
          quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', weight: 3 }],
        }),
      ),
    ).toEqual(['error:TRACE_MEMBER_NOT_ALLOWED']);
  });

  it('reports an empty what-dimension required by the schema', () => {
    const { epcList: _, ...noWhat } = objectEvent;
    expect(codes(doc(noWhat))).toEqual(['error:TRACE_WHAT_MISSING']);
  });

  it('reports a TransformationEvent without outputs nor transformationID', () => {
    const t = {
      type: 'TransformationEvent',
      eventTime: '2024-05-01T08:00:00Z',
      eventTimeZoneOffset: '+00:00',
      inputEPCList: ['urn:epc:id:sgtin:0614141.107346.2017'],
    };
    expect(codes(doc(t))).toEqual(['error:TRACE_TRANSFORMATION_INCOMPLETE']);
  });
});

describe('members whose value is undefined (events built in code)', () => {
  it('count as absent, as JSON.stringify and the schema see them', () => {
    const built = {
      ...objectEvent,
      bizLocation: undefined,
      eventID: undefined,
      quantityList: [
        { epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: 3, uom: undefined },
      ],
      sensorElementList: [
        {
          sensorMetadata: { time: undefined, deviceID: 'urn:epc:id:giai:4000001.111' },
          sensorReport: [{ type: 'Temperature', value: 4, uom: 'CEL', sDev: undefined }],
        },
      ],
      'ex:note': undefined,
    };
    const asJson = JSON.parse(JSON.stringify(built)) as unknown;
    expect(codes(doc(built))).toEqual(codes(doc(asJson)));
    expect(validateEpcisDocument(doc(built)).valid).toBe(true);
    const document = { ...doc(objectEvent), epcisHeader: undefined, id: undefined };
    expect(validateEpcisDocument(document).diagnostics).toEqual([]);
  });

  it('ignore members inherited from an Object.prototype that someone extended', () => {
    const proto = Object.prototype as Record<string, unknown>;
    const clean = codes(doc(objectEvent, { ...objectEvent, 'ex:note': 'x' }));
    proto.polluted = 'x';
    try {
      expect(codes(doc(objectEvent, { ...objectEvent, 'ex:note': 'x' }))).toEqual(clean);
      expect(codes(JSON.stringify(doc(objectEvent)))).toEqual([]);
    } finally {
      delete proto.polluted;
    }
  });

  it('count as missing where a member is required', () => {
    expect(codes(doc({ ...objectEvent, eventTime: undefined }))).toEqual([
      'error:TRACE_REQUIRED_MISSING',
    ]);
    expect(codes({ ...doc(objectEvent), schemaVersion: undefined })).toEqual([
      'error:TRACE_REQUIRED_MISSING',
    ]);
  });
});

describe('a document whose type is missing or wrong is still read as a document', () => {
  const broken = { ...objectEvent, action: 'MOVE' };
  const found = (input: unknown, options = {}) =>
    validateEpcisDocument(input, options).diagnostics.map((d) => [
      `${d.severity}:${d.code}`,
      (d.path ?? []).join('/'),
    ]);

  it('reports a missing type with the other required members, and every event finding', () => {
    const { type: _, ...untyped } = doc(broken, objectEvent);
    const r = validateEpcisDocument(untyped);
    expect(r.valid).toBe(false);
    expect(r.eventCount).toBe(2);
    expect(found(untyped)).toEqual([
      ['error:TRACE_REQUIRED_MISSING', ''],
      ['error:TRACE_INVALID_ENUM', 'epcisBody/eventList/0/action'],
    ]);
    expect(r.diagnostics[0]?.params?.member).toBe('type');
    expect(r.events).toEqual([objectEvent]);
  });

  it('reports a type that is not a document type, and reads the document its body shows', () => {
    expect(found({ ...doc(broken), type: 'EPCISDocumen' })).toEqual([
      ['error:TRACE_DOCUMENT_TYPE', 'type'],
      ['error:TRACE_INVALID_ENUM', 'epcisBody/eventList/0/action'],
    ]);
    expect(found({ ...doc(broken), type: 42 })).toEqual([
      ['error:TRACE_TYPE_MISMATCH', 'type'],
      ['error:TRACE_INVALID_ENUM', 'epcisBody/eventList/0/action'],
    ]);
    // a body with query results: a query document (its own required members)
    const query = {
      '@context': CONTEXT,
      epcisBody: {
        queryResults: { queryName: 'SimpleEventQuery', resultsBody: { eventList: [broken] } },
      },
    };
    expect(found(query)).toEqual([
      ['error:TRACE_REQUIRED_MISSING', ''],
      ['error:TRACE_INVALID_ENUM', 'epcisBody/queryResults/resultsBody/eventList/0/action'],
    ]);
  });

  it('takes a case slip of the document type in lenient mode only', () => {
    const slipped = { ...doc(objectEvent), type: 'epcisDocument' };
    const lenient = validateEpcisDocument(slipped, { mode: 'lenient' });
    expect(found(slipped, { mode: 'lenient' })).toEqual([
      ['warning:TRACE_CASE_NORMALISED', 'type'],
    ]);
    expect(lenient.valid).toBe(true);
    expect((lenient.document as { type: string }).type).toBe('EPCISDocument');
    expect(slipped.type).toBe('epcisDocument'); // the input is not changed
    expect(found(slipped)).toEqual([['error:TRACE_DOCUMENT_TYPE', 'type']]);
  });

  it('still reads an object without epcisBody as a single event', () => {
    expect(found({ '@context': CONTEXT, ...objectEvent, type: 'Objectevent' })).toEqual([
      ['error:TRACE_EVENT_TYPE_UNKNOWN', 'type'],
    ]);
    const { type: _, ...untyped } = doc(objectEvent);
    const { epcisBody: __, ...bare } = untyped;
    expect(found(bare)).toEqual([['error:TRACE_REQUIRED_MISSING', '']]);
  });
});

describe('lenient mode normalises what real systems send, with warnings', () => {
  it('URN-form CBV values and case slips', () => {
    const input = doc({
      ...objectEvent,
      action: 'observe',
      bizStep: 'urn:epcglobal:cbv:bizstep:shipping',
      disposition: 'urn:epcglobal:cbv:disp:in_transit',
      bizTransactionList: [
        {
          type: 'urn:epcglobal:cbv:btt:po',
          bizTransaction: 'urn:epcglobal:cbv:bt:0614141000005:PO1',
        },
      ],
    });
    const strict = validateEpcisDocument(input);
    expect(strict.valid).toBe(false);
    const r = validateEpcisDocument(input, { mode: 'lenient' });
    expect(r.valid).toBe(true);
    expect(r.diagnostics.map((d) => d.code).sort()).toEqual([
      'TRACE_CASE_NORMALISED',
      'TRACE_CBV_URN_NORMALISED',
      'TRACE_CBV_URN_NORMALISED',
      'TRACE_CBV_URN_NORMALISED',
    ]);
    const ev = r.events[0] as Record<string, unknown>;
    expect(ev.action).toBe('OBSERVE');
    expect(ev.bizStep).toBe('shipping');
    expect(ev.disposition).toBe('in_transit');
    expect((ev.bizTransactionList as { type: string }[])[0]?.type).toBe('po');
    // the normalised document validates strictly
    expect(validateEpcisDocument(r.document).valid).toBe(true);
  });

  it('accepts epcisHeader master data in a query document', () => {
    const q = {
      '@context': CONTEXT,
      type: 'EPCISQueryDocument',
      schemaVersion: '2.0',
      creationDate: '2024-05-01T09:00:00Z',
      epcisHeader: {
        epcisMasterData: {
          vocabularyList: [
            {
              type: 'urn:epcglobal:epcis:vtype:BusinessLocation',
              vocabularyElementList: [{ id: 'urn:epc:id:sgln:0614141.07346.0' }],
            },
          ],
        },
      },
      epcisBody: {
        queryResults: { queryName: 'SimpleEventQuery', resultsBody: { eventList: [objectEvent] } },
      },
    };
    expect(codes(q)).toEqual(['error:TRACE_MEMBER_NOT_ALLOWED']);
    expect(codes(q, { mode: 'lenient' })).toEqual(['warning:TRACE_QUERY_HEADER_ACCEPTED']);
  });
});

describe('event rules beyond the schema', () => {
  it('AggregationEvent ADD/DELETE without parentID', () => {
    const agg = {
      type: 'AggregationEvent',
      eventTime: '2024-05-01T08:00:00+08:00',
      eventTimeZoneOffset: '+08:00',
      childEPCs: ['urn:epc:id:sgtin:0614141.107346.2017'],
      action: 'ADD',
      bizStep: 'packing',
    };
    expect(codes(doc(agg))).toEqual(['error:TRACE_AGGREGATION_PARENT_MISSING']);
    expect(codes(doc({ ...agg, action: 'OBSERVE', bizStep: 'receiving' }))).toEqual([]);
  });

  it('sensor time after eventTime (a warning by default, in both modes)', () => {
    const ev = {
      ...objectEvent,
      sensorElementList: [
        {
          sensorReport: [
            { type: 'Temperature', value: 4, uom: 'CEL', time: '2024-05-01T09:00:00+08:00' },
          ],
        },
      ],
    };
    expect(codes(doc(ev))).toEqual(['warning:TRACE_SENSOR_TIME_AFTER_EVENT']);
    expect(codes(doc(ev), { mode: 'lenient' })).toEqual(['warning:TRACE_SENSOR_TIME_AFTER_EVENT']);
  });

  it('offset written in UTC is a warning; a real disagreement is an error', () => {
    expect(codes(doc({ ...objectEvent, eventTime: '2024-05-01T00:00:00Z' }))).toEqual([
      'warning:TRACE_OFFSET_WRITTEN_IN_UTC',
    ]);
    expect(
      codes(
        doc({
          ...objectEvent,
          eventTime: '2024-05-01T08:00:00+02:00',
          eventTimeZoneOffset: '-05:00',
        }),
      ),
    ).toEqual(['error:TRACE_OFFSET_MISMATCH']);
  });

  it('negative quantities and units outside Rec 20', () => {
    const q = (quantity: number, uom: string) => ({
      ...objectEvent,
      epcList: undefined,
      quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity, uom }],
    });
    const { epcList: _, ...base } = q(1, 'KGM');
    expect(codes(doc(base))).toEqual([]);
    expect(
      codes(
        doc({
          ...base,
          quantityList: [
            { epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: -5, uom: 'KGM' },
          ],
        }),
      ),
    ).toEqual(['error:TRACE_NEGATIVE_QUANTITY']);
    const unit = validateEpcisDocument(
      doc({
        ...base,
        quantityList: [
          { epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: 5, uom: 'XYZ' },
        ],
      }),
    );
    expect(unit.diagnostics.map((d) => `${d.severity}:${d.code}`)).toEqual([
      'warning:TRACE_UNKNOWN_UOM',
    ]);
    expect(unit.diagnostics[0]?.params?.ruleSet).toBe(
      `${REC20_UNIT_CODES_META.id}@${REC20_UNIT_CODES_META.version}`,
    );
  });

  it('quantities and sensor values that are not finite numbers, in both modes', () => {
    // `1e400` is beyond the largest double (about 1.8e308): JSON.parse reads it as Infinity
    const text = JSON.stringify(
      doc({
        ...objectEvent,
        quantityList: [
          { epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: 7, uom: 'KGM' },
        ],
        sensorElementList: [{ sensorReport: [{ type: 'Temperature', value: 8, uom: 'CEL' }] }],
      }),
    )
      .replace('"quantity":7', '"quantity":1e400')
      .replace('"value":8', '"value":-1E400');
    for (const mode of ['strict', 'lenient'] as const) {
      const r = validateEpcisDocument(text, { mode });
      expect(r.valid).toBe(false);
      expect(r.diagnostics.map((d) => [d.severity, d.code, d.path, d.params])).toEqual([
        [
          'error',
          'TRACE_NUMBER_NOT_FINITE',
          ['epcisBody', 'eventList', 0, 'quantityList', 0, 'quantity'],
          { member: 'quantity', value: 'Infinity' },
        ],
        [
          'error',
          'TRACE_NUMBER_NOT_FINITE',
          ['epcisBody', 'eventList', 0, 'sensorElementList', 0, 'sensorReport', 0, 'value'],
          { member: 'value', value: '-Infinity' },
        ],
      ]);
    }
    // the largest double, and a number that underflows to 0, are finite: no finding
    const finite = text.replace('1e400', '1.7976931348623157e308').replace('-1E400', '0.1e-400');
    expect(validateEpcisDocument(finite).diagnostics).toEqual([]);
    // NaN from a JavaScript caller, in every number of a sensor report
    const nan = validateEpcisDocument(
      doc({
        ...objectEvent,
        sensorElementList: [
          { sensorReport: [{ type: 'Temperature', minValue: Number.NaN, sDev: Infinity }] },
        ],
      }),
    );
    expect(nan.diagnostics.map((d) => [d.code, d.params?.member, d.params?.value])).toEqual([
      ['TRACE_NUMBER_NOT_FINITE', 'minValue', 'NaN'],
      ['TRACE_NUMBER_NOT_FINITE', 'sDev', 'Infinity'],
    ]);
  });

  it('units outside Rec 20 in sensor reports, as in quantities (EPCIS 2.0 SensorReport uom)', () => {
    const sensor = (uom: unknown) =>
      doc({
        ...objectEvent,
        sensorElementList: [{ sensorReport: [{ type: 'Temperature', value: 8, uom }] }],
      });
    expect(validateEpcisDocument(sensor('CEL')).diagnostics).toEqual([]);
    for (const mode of ['strict', 'lenient'] as const) {
      for (const uom of ['ZZZ', 'cel', 'degrees']) {
        const r = validateEpcisDocument(sensor(uom), { mode });
        expect(r.diagnostics.map((d) => [d.severity, d.code, d.path, d.params])).toEqual([
          [
            'warning',
            'TRACE_UNKNOWN_UOM',
            ['epcisBody', 'eventList', 0, 'sensorElementList', 0, 'sensorReport', 0, 'uom'],
            { uom, ruleSet: `${REC20_UNIT_CODES_META.id}@${REC20_UNIT_CODES_META.version}` },
          ],
        ]);
      }
    }
    // the unitCodes option applies to both
    expect(codes(sensor('ZZZ'), { unitCodes: new Set(['ZZZ']) })).toEqual([]);
    expect(codes(sensor(5))).toEqual(['error:TRACE_TYPE_MISMATCH']);
  });

  it('URIs that look like GS1 identifiers and are none (strict and lenient)', () => {
    const lot = (epcClass: string) =>
      doc({ ...objectEvent, quantityList: [{ epcClass, quantity: 1, uom: 'KGM' }] });
    const twenty = 'ABCDEFGHIJKLMNOPQRST';
    const invalid: [string, string][] = [
      ['https://id.gs1.org/01/04012345123456/21/abc/10/998877', 'Digital Link'],
      ['https://id.gs1.org/01/04012345123456/10/99/88', 'Digital Link'],
      ['https://id.gs1.org/01/04012345123456/10/', 'Digital Link'],
      [`https://id.gs1.org/01/04012345123456/10/${twenty}U`, 'Digital Link'],
      ['URN:EPC:CLASS:LGTIN:4012345.012345.998877', 'class:lgtin'],
      [`urn:epc:class:lgtin:4012345.012345.${twenty}U`, 'class:lgtin'],
      [`URN:EPC:class:lgtin:4012345.012345.${twenty}U`, 'class:lgtin'],
      ['URN:EPC:class:lgtin:4012345.012345.', 'lgtin'], // checked as the lower-case URN is
    ];
    for (const mode of ['strict', 'lenient'] as const) {
      for (const [epcClass, scheme] of invalid) {
        const r = validateEpcisDocument(lot(epcClass), { mode });
        expect(r.diagnostics.map((d) => [d.severity, d.code, d.path, d.params])).toEqual([
          [
            'error',
            'TRACE_GS1_URI_INVALID',
            ['epcisBody', 'eventList', 0, 'quantityList', 0, 'epcClass'],
            { value: epcClass, scheme },
          ],
        ]);
      }
    }
    for (const epcClass of [
      'urn:EPC:class:lgtin:4012345.012345.998877', // RFC 8141: the same URN as in lower case
      `urn:epc:class:lgtin:4012345.012345.${twenty}`,
      'https://id.gs1.org/01/04012345123456/10/99%2F88',
    ])
      expect([epcClass, codes(lot(epcClass))]).toEqual([epcClass, []]);
    // every place an identifier is checked
    const bad = 'https://id.gs1.org/01/04012345123456/10/';
    const r = validateEpcisDocument(
      doc({
        ...objectEvent,
        epcList: [bad],
        readPoint: { id: 'URN:EPC:ID:SGLN:4012345.00011.0' },
        sourceList: [{ type: 'owning_party', source: 'https://id.gs1.org/417/' }],
      }),
    );
    expect(r.diagnostics.map((d) => [d.code, d.path?.slice(3)])).toEqual([
      ['TRACE_GS1_URI_INVALID', ['epcList', 0]],
      ['TRACE_GS1_URI_INVALID', ['readPoint', 'id']],
      ['TRACE_GS1_URI_INVALID', ['sourceList', 0, 'source']],
    ]);
    // the finding says what follows: the identifier is kept as written, a lot of its own
    expect(r.diagnostics[0]?.message).toBe(
      `${bad} is not a valid EPC URI or GS1 Digital Link (Digital Link); it is kept as written and joins no other spelling of the lot`,
    );
    const zh = validateEpcisDocument(doc({ ...objectEvent, epcList: [bad] }), { locale: 'zh-CN' });
    expect(zh.diagnostics[0]?.message).toBe(
      `${bad} 不是有效的 EPC URI 或 GS1 数字链接（Digital Link），按原样保留，不与同一批次的其他写法合并`,
    );
  });

  it('GS1 check digits on Digital Links and malformed EPC URNs', () => {
    expect(
      codes(doc({ ...objectEvent, epcList: ['https://id.gs1.org/01/10614141073465/21/2017'] })),
    ).toEqual(['error:TRACE_GS1_CHECK_DIGIT']);
    expect(
      codes(doc({ ...objectEvent, epcList: ['https://id.gs1.org/01/10614141073464/21/2017'] })),
    ).toEqual([]);
    expect(
      codes(doc({ ...objectEvent, readPoint: { id: 'https://id.gs1.org/414/4012345000116' } })),
    ).toEqual(['error:TRACE_GS1_CHECK_DIGIT']);
    expect(
      codes(doc({ ...objectEvent, epcList: ['https://id.gs1.org/00/040123450000001113'] })),
    ).toEqual(['error:TRACE_GS1_CHECK_DIGIT']);
    expect(
      codes(doc({ ...objectEvent, epcList: ['urn:epc:id:sgtin:0614141.10734.2017'] })),
    ).toEqual(['error:TRACE_GS1_URI_INVALID']);
    const party = {
      ...objectEvent,
      sourceList: [{ type: 'owning_party', source: 'https://id.gs1.org/417/4012345000008' }],
    };
    expect(codes(doc(party))).toEqual(['error:TRACE_GS1_CHECK_DIGIT']);
  });

  it('undeclared extension prefixes (error strict, warning lenient)', () => {
    expect(codes(doc({ ...objectEvent, 'ex:temp': 4 }))).toEqual([]);
    expect(codes(doc({ ...objectEvent, 'zz:temp': 4 }))).toEqual(['error:TRACE_UNDECLARED_PREFIX']);
    expect(codes(doc({ ...objectEvent, 'zz:temp': 4 }), { mode: 'lenient' })).toEqual([
      'warning:TRACE_UNDECLARED_PREFIX',
    ]);
    expect(codes(doc({ ...objectEvent, 'ex:outer': { 'zz:inner': 1 } }))).toEqual([
      'error:TRACE_UNDECLARED_PREFIX',
    ]);
    expect(
      codes(doc({ ...objectEvent, '@context': { zz: 'https://zz.example/' }, 'zz:temp': 4 })),
    ).toEqual([]);
  });

  it('ilmd only with ADD (ObjectEvent) or in TransformationEvent', () => {
    expect(codes(doc({ ...objectEvent, ilmd: { 'ex:lot': 'A' } }))).toEqual([
      'error:TRACE_ILMD_NOT_ALLOWED',
    ]);
    expect(
      codes(
        doc({ ...objectEvent, action: 'ADD', bizStep: 'commissioning', ilmd: { 'ex:lot': 'A' } }),
      ),
    ).toEqual([]);
    const agg = {
      type: 'AggregationEvent',
      eventTime: '2024-05-01T08:00:00+08:00',
      eventTimeZoneOffset: '+08:00',
      parentID: 'urn:epc:id:sscc:0614141.1234567890',
      childEPCs: ['urn:epc:id:sgtin:0614141.107346.2017'],
      action: 'ADD',
      ilmd: { 'ex:lot': 'A' },
    };
    expect(codes(doc(agg))).toEqual(['error:TRACE_ILMD_NOT_ALLOWED']);
  });

  it('bizStep × event type × action consistency', () => {
    expect(BIZ_STEP_ACTION_RULES_META.id).toBe('trace.bizstep-action');
    expect(codes(doc({ ...objectEvent, action: 'DELETE', bizStep: 'commissioning' }))).toEqual([
      'error:TRACE_BIZSTEP_ACTION',
    ]);
    expect(codes(doc({ ...objectEvent, action: 'ADD', bizStep: 'decommissioning' }))).toEqual([
      'error:TRACE_BIZSTEP_ACTION',
    ]);
    expect(codes(doc({ ...objectEvent, action: 'OBSERVE', bizStep: 'commissioning' }))).toEqual([
      'warning:TRACE_BIZSTEP_ACTION',
    ]);
    expect(codes(doc({ ...objectEvent, action: 'ADD', bizStep: 'commissioning' }))).toEqual([]);
  });

  it('empty what-dimension the schema lets through', () => {
    expect(codes(doc({ ...objectEvent, epcList: [] }))).toEqual(['warning:TRACE_EMPTY_WHAT']);
    const tx = {
      type: 'TransactionEvent',
      eventTime: '2024-05-01T08:00:00+08:00',
      eventTimeZoneOffset: '+08:00',
      epcList: [],
      action: 'ADD',
      bizTransactionList: [
        { type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:0614141000005:PO1' },
      ],
    };
    expect(codes(doc(tx))).toEqual(['warning:TRACE_EMPTY_WHAT']);
  });

  it('future events relative to now, with a tolerance', () => {
    // the event happens at 2024-05-01T00:00:00Z
    const now = new Date('2024-04-30T23:00:00Z');
    expect(codes(doc(objectEvent), { now })).toEqual(['error:TRACE_FUTURE_EVENT']);
    expect(codes(doc(objectEvent), { now: '2024-04-30T23:58:00Z', futureToleranceMs: 0 })).toEqual([
      'error:TRACE_FUTURE_EVENT',
    ]);
    expect(codes(doc(objectEvent), { now: '2024-04-30T23:58:00Z' })).toEqual([]);
    expect(codes(doc(objectEvent), { now: '2024-05-01T00:00:00Z' })).toEqual([]);
    expect(codes(doc(objectEvent))).toEqual([]);
  });

  it('the Rec 20 table holds the common and sensor codes', () => {
    for (const c of [
      'KGM',
      'GRM',
      'TNE',
      'LTR',
      'MLT',
      'MTR',
      'EA',
      'H87',
      'C62',
      'CT',
      'CEL',
      'A93',
      'P1',
      'KMH',
      'DD',
    ]) {
      expect(REC20_UNIT_CODES.has(c), c).toBe(true);
    }
    expect(REC20_UNIT_CODES_META.confidence).toBe('secondary');
    // the number of codes the rule set's notes and the guide state is the table's
    const stated = /Subset of (\d+) common codes/.exec(REC20_UNIT_CODES_META.notes ?? '')?.[1];
    expect(Number(stated)).toBe(REC20_UNIT_CODES.size);
    const guide = readFileSync(new URL('../../../../docs/trace.md', import.meta.url), 'utf8');
    expect(Number(/\): (\d+) codes of UN\/CEFACT/.exec(guide)?.[1])).toBe(REC20_UNIT_CODES.size);
  });
});

describe('profiles', () => {
  const shipping = {
    ...objectEvent,
    epcList: undefined,
    quantityList: [
      { epcClass: 'urn:epc:class:lgtin:6901234.012345.HS2405', quantity: 120, uom: 'KGM' },
    ],
  };
  const { epcList: _drop, ...shippingEvent } = shipping;

  it('applies the built-in FSMA 204 chain profile over the document', () => {
    const r = validateEpcisDocument(doc(shippingEvent), { profiles: ['us.fsma-204'] });
    expect(r.valid).toBe(false);
    const kde = r.diagnostics.filter((d) => d.code === 'TRACE_PROFILE_KDE_MISSING');
    expect(kde.length).toBeGreaterThan(0);
    expect(kde[0]?.path).toEqual(['epcisBody', 'eventList', 0]);
    expect(r.diagnostics.map((d) => d.code)).toContain('RULESET_NOT_VERIFIED');
  });

  it('resolves other profiles (the China preset) through resolveProfile', async () => {
    const { CN_AQUATIC_CHAIN_PROFILE } = await import('../cn/index.js');
    const r = validateEpcisDocument(doc(shippingEvent), {
      profiles: ['cn.aquatic-chain'],
      resolveProfile: (id) =>
        id === CN_AQUATIC_CHAIN_PROFILE.meta.id ? CN_AQUATIC_CHAIN_PROFILE : undefined,
    });
    expect(r.diagnostics.map((d) => d.code)).toContain('RULESET_NOT_VERIFIED');
  });

  it('does not run chain profiles over a document with errors', () => {
    const r = validateEpcisDocument(doc({ ...shippingEvent, action: 'MOVE' }), {
      profiles: ['us.fsma-204'],
    });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['TRACE_INVALID_ENUM']);
  });

  it('unknown profile ids are errors', () => {
    expect(codes(doc(objectEvent), { profiles: ['cn.aquatic'] })).toEqual([
      'error:TRACE_PROFILE_UNKNOWN',
    ]);
  });

  it('takes a resolver that throws, or gives what is not a profile, as not resolving the id', () => {
    for (const resolveProfile of [
      () => {
        throw new Error('resolver bug');
      },
      () => 'us.fsma-204',
      () => 42,
    ] as never[]) {
      const r = validateEpcisDocument(doc(objectEvent), { profiles: ['acme'], resolveProfile });
      expect(r.diagnostics.map((d) => [d.code, d.params?.profile])).toEqual([
        ['TRACE_PROFILE_UNKNOWN', 'acme'],
      ]);
      expect(r.valid).toBe(false);
    }
  });

  it('ignores a severity override that is no severity, and takes overrides of any code', () => {
    const moved = { ...objectEvent, action: 'MOVE' };
    // 'fatal' is not a severity: the finding keeps its own (an error), and the document is invalid
    expect(codes(doc(moved), { severities: { TRACE_INVALID_ENUM: 'fatal' } as never })).toEqual([
      'error:TRACE_INVALID_ENUM',
    ]);
    expect(codes(doc(moved), { severities: { TRACE_INVALID_ENUM: 'warning' } })).toEqual([
      'warning:TRACE_INVALID_ENUM',
    ]);
    // a profile's code is typed as an override without a cast
    const r = validateEpcisDocument(doc(shippingEvent), {
      profiles: ['us.fsma-204'],
      severities: { TRACE_PROFILE_KDE_MISSING: 'info' },
    });
    const kde = r.diagnostics.filter((d) => d.code === 'TRACE_PROFILE_KDE_MISSING');
    expect(kde.length).toBeGreaterThan(0);
    expect(kde.every((d) => d.severity === 'info')).toBe(true);
  });

  it('runs the profiles that resolve beside one that does not (it is reported, not a stop)', () => {
    // FSMA 204 applies to the shipment (§1.1340); the misspelt id is reported, and the result
    // is not valid, but FSMA's own findings are there too
    const alone = validateEpcisDocument(doc(shippingEvent), { profiles: ['us.fsma-204'] });
    const both = validateEpcisDocument(doc(shippingEvent), {
      profiles: ['us.fsma-204', 'cn.aquatic'],
    });
    const fsma = alone.diagnostics.map((d) => d.code);
    expect(fsma).toContain('TRACE_PROFILE_KDE_MISSING');
    expect(both.diagnostics.map((d) => d.code)).toEqual(['TRACE_PROFILE_UNKNOWN', ...fsma]);
    expect(both.valid).toBe(false);
  });

  it('resolved profiles add their findings under the event path', () => {
    const r = validateEpcisDocument(doc(objectEvent), {
      profiles: ['demo'],
      resolveProfile: (id) =>
        id === 'demo'
          ? {
              id,
              checkEvent: () => [
                {
                  code: 'DEMO_KDE_MISSING',
                  severity: 'error',
                  message: 'lot missing',
                  path: ['ilmd'],
                },
              ],
            }
          : undefined,
    });
    expect(r.valid).toBe(false);
    expect(r.diagnostics[0]?.path).toEqual(['epcisBody', 'eventList', 0, 'ilmd']);
  });
});

describe('createEpcisEventValidator', () => {
  it('validates single events with a default context', () => {
    const v = createEpcisEventValidator({ context: CONTEXT, mode: 'lenient' });
    const r = v.validate({ ...objectEvent, action: 'add' }, [7]);
    expect(r.valid).toBe(true);
    expect(r.event?.action).toBe('ADD');
    expect(r.diagnostics[0]?.path).toEqual([7, 'action']);
    expect(v.validate({ ...objectEvent, 'zz:x': 1 }).diagnostics[0]?.code).toBe(
      'TRACE_UNDECLARED_PREFIX',
    );
    const strict = createEpcisEventValidator({ context: CONTEXT });
    expect(strict.validate({ ...objectEvent, 'zz:x': 1 }).valid).toBe(false);
    expect(strict.validate({ ...objectEvent, 'ex:x': 1 }).valid).toBe(true);
  });

  it('localises messages', () => {
    const v = createEpcisEventValidator({ locale: 'zh-CN' });
    const r = v.validate({ ...objectEvent, action: 'MOVE' });
    expect(r.diagnostics[0]?.message).toContain('无效');
  });

  it('writes what was expected, and why, in Chinese too', () => {
    const v = createEpcisEventValidator({ locale: 'zh-CN' });
    const message = (event: object, code: string) =>
      v.validate(event).diagnostics.find((d) => d.code === code)?.message;
    const { epcList: _, ...noWhat } = objectEvent;
    expect(message(noWhat, 'TRACE_WHAT_MISSING')).toBe(
      'ObjectEvent 缺少“什么”维度：须有 epcList、非空的 quantityList，或带 readPoint 的 sensorElementList',
    );
    const commissioned = { ...objectEvent, bizStep: 'commissioning', disposition: 'active' };
    expect(message(commissioned, 'TRACE_BIZSTEP_ACTION')).toBe(
      '业务步骤 commissioning 与 ObjectEvent 的 action OBSERVE 不一致：commissioning（赋码启用）应以 action ADD 记录',
    );
    expect(message({ ...objectEvent, eventTime: 12345 }, 'TRACE_TYPE_MISMATCH')).toBe(
      '类型应为 string（日期时间 date-time），实际为 number',
    );
    const kg = {
      ...noWhat,
      quantityList: [
        { epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: 1, uom: 'kg' },
      ],
    };
    expect(message(kg, 'TRACE_PATTERN_MISMATCH')).toBe(
      'uom 的值 kg 格式不符（2–3 个大写字母或数字）',
    );
    // English as before
    const en = createEpcisEventValidator().validate(commissioned).diagnostics;
    expect(en.find((d) => d.code === 'TRACE_BIZSTEP_ACTION')?.message).toBe(
      'Business step commissioning is inconsistent with ObjectEvent action OBSERVE: commissioning is recorded with action ADD',
    );
  });
});

describe('parseEpcisDocument', () => {
  it('returns the typed document with its warnings', async () => {
    const { parseEpcisDocument } = await import('./parse-epcis-document.js');
    const r = parseEpcisDocument(
      JSON.stringify(doc({ ...objectEvent, eventTime: '2024-05-01T00:00:00Z' })),
    );
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['TRACE_OFFSET_WRITTEN_IN_UTC']);
    if (r.ok) expect(r.value.type).toBe('EPCISDocument');
  });

  it('rejects a bare event (the schema allows it as a capture, but it is not a document)', async () => {
    const { parseEpcisDocument } = await import('./parse-epcis-document.js');
    const r = parseEpcisDocument({ '@context': CONTEXT, ...objectEvent });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['TRACE_DOCUMENT_TYPE']);
    expect(validateEpcisDocument({ '@context': CONTEXT, ...objectEvent }).valid).toBe(true);
  });

  it('keeps extension-type events out of the typed event list', () => {
    const ext = {
      type: 'https://ex.example/CoolingEvent',
      eventTime: '2024-05-01T00:00:00Z',
      eventTimeZoneOffset: '+00:00',
    };
    const r = validateEpcisDocument(doc(objectEvent, ext));
    expect(r.valid).toBe(true);
    expect(r.diagnostics.map((d) => `${d.severity}:${d.code}`)).toEqual([
      'info:TRACE_EVENT_TYPE_EXTENSION',
    ]);
    expect(r.events).toEqual([objectEvent]);
    expect(r.eventCount).toBe(2);
  });
});
