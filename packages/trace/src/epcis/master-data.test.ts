import { existsSync, readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { validateEpcisDocument } from './validate-epcis-document.js';

// Master data in a document's header (EPCIS 2.0 §9.5, the 2.0.1 schema's `epcisHeader`,
// `vocabulary`, `vocabularyElement` and `attribute` definitions): a vocabulary needs a `type`
// (URI); an element an `id` (URI), with optional `attributes` ({ id: URI, attribute: number,
// string or object }) and `children` (URIs).

const schemaFile = new URL(
  '../../../../../shared/conformance/epcis/schema/epcis-json-schema.json',
  import.meta.url,
);
const schemaPresent = existsSync(schemaFile);

const event = {
  type: 'ObjectEvent',
  eventTime: '2024-05-01T08:00:00+08:00',
  eventTimeZoneOffset: '+08:00',
  action: 'OBSERVE',
  bizStep: 'shipping',
  epcList: ['urn:epc:id:sgtin:0614141.107346.2017'],
};

function documentWith(vocabularyList: unknown): Record<string, unknown> {
  return {
    '@context': 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2024-05-01T09:00:00Z',
    epcisHeader: { epcisMasterData: { vocabularyList } },
    epcisBody: { eventList: [event] },
  };
}

/** A location with every part the schema allows: attributes of each kind, and a child. */
const location = {
  type: 'urn:epcglobal:epcis:vtype:BusinessLocation',
  vocabularyElementList: [
    {
      id: 'urn:epc:id:sgln:0614141.07346.0',
      attributes: [
        { id: 'urn:epcglobal:cbv:mda:site', attribute: '0614141073467' },
        { id: 'urn:epcglobal:cbv:mda:latitude', attribute: 31.2 },
        {
          id: 'urn:epcglobal:cbv:mda#address',
          attribute: { '@type': 'gs1:PostalAddress', streetAddress: '1 Main St' },
        },
      ],
      children: ['urn:epc:id:sgln:0614141.07346.1234'],
    },
  ],
};

const MD = ['epcisHeader', 'epcisMasterData', 'vocabularyList'];
const el = (i: number) => [...MD, 1, 'vocabularyElementList', i];

/** Each fault alone, with the finding the schema's rule gives it. */
const faults: [string, unknown, string, readonly (string | number)[]][] = [
  ['a list that is not a list', {}, 'TRACE_TYPE_MISMATCH', MD],
  ['a vocabulary that is not an object', [location, 7], 'TRACE_TYPE_MISMATCH', [...MD, 1]],
  ['a vocabulary without a type', [location, {}], 'TRACE_REQUIRED_MISSING', [...MD, 1]],
  [
    'a type that is not a URI',
    [location, { type: 'a b' }],
    'TRACE_INVALID_URI',
    [...MD, 1, 'type'],
  ],
  [
    'elements that are not a list',
    [location, { type: 'urn:x:y', vocabularyElementList: 'x' }],
    'TRACE_TYPE_MISMATCH',
    [...MD, 1, 'vocabularyElementList'],
  ],
  ...(
    [
      ['an element that is null', null, 'TRACE_TYPE_MISMATCH', el(0)],
      ['an element without an id', {}, 'TRACE_REQUIRED_MISSING', el(0)],
      ['an id that is not a URI', { id: 'no uri' }, 'TRACE_INVALID_URI', [...el(0), 'id']],
      [
        'attributes that are not a list',
        { id: 'urn:a:b', attributes: {} },
        'TRACE_TYPE_MISMATCH',
        [...el(0), 'attributes'],
      ],
      [
        'an attribute that is not an object',
        { id: 'urn:a:b', attributes: [1] },
        'TRACE_TYPE_MISMATCH',
        [...el(0), 'attributes', 0],
      ],
      [
        'an attribute without an id',
        { id: 'urn:a:b', attributes: [{ attribute: 1 }] },
        'TRACE_REQUIRED_MISSING',
        [...el(0), 'attributes', 0],
      ],
      ...[true, null, [1]].map(
        (value) =>
          [
            `an attribute value ${JSON.stringify(value)}`,
            { id: 'urn:a:b', attributes: [{ id: 'urn:a:c', attribute: value }] },
            'TRACE_TYPE_MISMATCH',
            [...el(0), 'attributes', 0, 'attribute'],
          ] as const,
      ),
      [
        'children that are not a list',
        { id: 'urn:a:b', children: 'urn:a:c' },
        'TRACE_TYPE_MISMATCH',
        [...el(0), 'children'],
      ],
      [
        'a child that is not a URI',
        { id: 'urn:a:b', children: ['urn:ok:c', 'bad child'] },
        'TRACE_INVALID_URI',
        [...el(0), 'children', 1],
      ],
    ] as const
  ).map(
    ([name, element, code, path]) =>
      [name, [location, { type: 'urn:x:y', vocabularyElementList: [element] }], code, path] as [
        string,
        unknown,
        string,
        readonly (string | number)[],
      ],
  ),
];

describe('master data in the header', () => {
  it('accepts a location with attributes of each kind and a child', () => {
    const r = validateEpcisDocument(documentWith([location]));
    expect(r.diagnostics).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it.each(faults)('reports %s at its place', (_, list, code, path) => {
    const r = validateEpcisDocument(documentWith(list));
    expect(r.valid).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([[code, path]]);
    expect(r.diagnostics[0]?.severity).toBe('error');
  });

  it('reports every fault of a list at once, not only the first', () => {
    const all = faults.slice(4).flatMap(([, list]) => (list as unknown[]).slice(1));
    const r = validateEpcisDocument(documentWith([location, ...all]));
    expect(r.diagnostics).toHaveLength(faults.length - 4);
  });

  it.skipIf(!schemaPresent)(
    `gives the 2.0.1 schema's verdict (ajv 8) on each${schemaPresent ? '' : ' — SKIPPED: the conformance schema is not beside the repository'}`,
    () => {
      const ajv = new Ajv({ allErrors: true, strict: false });
      addFormats(ajv);
      const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
      expect(validate(documentWith([location]))).toBe(true);
      for (const [name, list] of faults) expect(validate(documentWith(list)), name).toBe(false);
    },
  );
});
