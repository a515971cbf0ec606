import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { eventHashId, eventPreHash } from './event-hash.js';
import { validateEpcisDocument } from './validate-epcis-document.js';
import { validateEpcisDocumentStream } from './validate-epcis-stream.js';

const root = fileURLToPath(new URL('../../../../../shared/conformance/epcis/', import.meta.url));
const present = existsSync(join(root, 'manifest.json'));
// With the data it checks the suite's parts are there; without it (the data lives outside the
// repository) it is reported as skipped, with the reason in its name, never passed silently.
describe('EPCIS conformance data', () => {
  it.skipIf(!present)(
    `is present beside the repository, with its manifest, schema, examples and hash vectors${
      present ? '' : ` — SKIPPED: not found at ${root}, so the EPCIS conformance tests are skipped`
    }`,
    () => {
      for (const part of [
        'manifest.json',
        'schema',
        'examples',
        'hash/hash-vectors.json',
        'invalid',
      ]) {
        expect(existsSync(join(root, part)), part).toBe(true);
      }
    },
  );
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return files(p);
    return p.endsWith('.json') || p.endsWith('.jsonld') ? [p] : [];
  });
}

interface ManifestEntry {
  file: string;
  knownBeyondSchemaFindings?: { rule: string }[];
}

const manifest = present
  ? (JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as {
      examples: ManifestEntry[];
      invalid: (ManifestEntry & { schemaErrorAt: string[] })[];
    })
  : { examples: [], invalid: [] };

/** The codes each manifest rule maps to, and their severity in both modes (documented in docs/trace.md). */
const RULE_CODES: Record<string, string> = {
  E6: 'TRACE_OFFSET_WRITTEN_IN_UTC',
  E4: 'TRACE_SENSOR_TIME_AFTER_EVENT',
};

describe.skipIf(!present)('EPCIS conformance: GS1 examples', () => {
  it('has the 47 examples and 17 invalid documents the README lists', () => {
    expect(manifest.examples).toHaveLength(47);
    expect(manifest.invalid).toHaveLength(17);
  });

  for (const mode of ['strict', 'lenient'] as const) {
    it(`accepts every example in ${mode} mode with only the manifest's findings, as warnings`, () => {
      for (const entry of manifest.examples) {
        const text = readFileSync(join(root, 'examples', entry.file), 'utf8');
        const r = validateEpcisDocument(text, { mode });
        expect(r.valid, entry.file).toBe(true);
        expect(r.events.length, entry.file).toBe(r.eventCount);
        const expected = new Set(
          (entry.knownBeyondSchemaFindings ?? []).map((f) => RULE_CODES[f.rule]),
        );
        const found = new Set(r.diagnostics.map((d) => d.code));
        expect([...found].sort(), entry.file).toEqual([...expected].sort());
        for (const d of r.diagnostics)
          expect(d.severity, `${entry.file} ${d.code}`).toBe('warning');
      }
    });
  }

  it('flags E6 on exactly 18 files and E4 on the four "all possible fields" files', () => {
    const e6 = manifest.examples.filter((e) =>
      e.knownBeyondSchemaFindings?.some((f) => f.rule === 'E6'),
    );
    const e4 = manifest.examples.filter((e) =>
      e.knownBeyondSchemaFindings?.some((f) => f.rule === 'E4'),
    );
    expect(e6).toHaveLength(18);
    expect(e4.map((e) => e.file).sort()).toEqual([
      'WithFullCombinationOfFields/aggregation_event_all_possible_fields.jsonld',
      'WithFullCombinationOfFields/object_event_all_possible_fields.jsonld',
      'WithFullCombinationOfFields/transaction_event_all_possible_fields.jsonld',
      'WithFullCombinationOfFields/transformation_event_all_possible_fields.jsonld',
    ]);
  });

  it('accepts SensorDataExample8 (bizRules inside a sensorReport)', () => {
    const text = readFileSync(
      join(root, 'examples/WithSensorData/SensorDataExample8.jsonld'),
      'utf8',
    );
    expect(validateEpcisDocument(text).valid).toBe(true);
  });

  it('lets a caller make E4 an error through the severities option', () => {
    const text = readFileSync(
      join(root, 'examples/WithFullCombinationOfFields/object_event_all_possible_fields.jsonld'),
      'utf8',
    );
    const r = validateEpcisDocument(text, {
      severities: { TRACE_SENSOR_TIME_AFTER_EVENT: 'error' },
    });
    expect(r.valid).toBe(false);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toContain(
      'TRACE_SENSOR_TIME_AFTER_EVENT',
    );
  });
});

/** Expected codes per invalid file (every fault, in every event). */
const INVALID_CODES: Record<string, string[]> = {
  'capture/Combination_of_events_with_missing_mandatory_fields.json': ['TRACE_REQUIRED_MISSING'],
  'capture/Combination_of_multiple_invalid_fields.json': [
    'TRACE_INVALID_VOCABULARY',
    'TRACE_MEMBER_NOT_ALLOWED',
    'TRACE_INVALID_DATETIME',
    'TRACE_INVALID_ENUM',
  ],
  'capture/Combination_of_non_standard_bizStep_and_disposition.json': ['TRACE_INVALID_VOCABULARY'],
  'capture/EPCISDocument_without_context.json': ['TRACE_REQUIRED_MISSING'],
  'capture/ObjectEvent_with_ilmd_field_without_namespace.json': ['TRACE_MEMBER_NOT_ALLOWED'],
  'capture/ObjectEvent_with_invalid_action.json': ['TRACE_INVALID_ENUM'],
  'capture/ObjectEvent_with_invalid_certificationInfo.json': ['TRACE_TYPE_MISMATCH'],
  'capture/ObjectEvent_with_invalid_eventTime_format.json': ['TRACE_INVALID_DATETIME'],
  'capture/ObjectEvent_with_non_standard_bizStep.json': ['TRACE_INVALID_VOCABULARY'],
  'capture/ObjectEvent_with_non_standard_bizStep_in_second_event.json': [
    'TRACE_INVALID_VOCABULARY',
  ],
  'capture/ObjectEvent_with_non_standard_disposition.json': ['TRACE_INVALID_VOCABULARY'],
  'capture/ObjectEvent_with_quantity_as_text.json': ['TRACE_TYPE_MISMATCH'],
  'capture/ObjectEvent_with_unknown_field_in_quantityList.json': ['TRACE_MEMBER_NOT_ALLOWED'],
  'capture/ObjectEvent_without_action_and_eventTime.json': ['TRACE_REQUIRED_MISSING'],
  'capture/ObjectEvent_without_identifier_list.json': ['TRACE_WHAT_MISSING'],
  'query/QueryDocument_with_invalid_action.json': ['TRACE_INVALID_ENUM'],
  'query/QueryDocument_with_invalid_eventType.json': ['TRACE_EVENT_TYPE_UNKNOWN'],
};

describe.skipIf(!present)('EPCIS conformance: invalid documents', () => {
  for (const mode of ['strict', 'lenient'] as const) {
    it(`rejects all 17 in ${mode} mode with the expected codes`, () => {
      for (const entry of manifest.invalid) {
        const text = readFileSync(join(root, 'invalid', entry.file), 'utf8');
        const r = validateEpcisDocument(text, { mode });
        expect(r.valid, entry.file).toBe(false);
        const errors = r.diagnostics.filter((d) => d.severity === 'error');
        expect([...new Set(errors.map((d) => d.code))].sort(), entry.file).toEqual(
          [...(INVALID_CODES[entry.file] ?? ['?'])].sort(),
        );
      }
    });
  }

  it('reports a fault at (or under) every location ajv reported, so multi-fault files report all', () => {
    for (const entry of manifest.invalid) {
      const text = readFileSync(join(root, 'invalid', entry.file), 'utf8');
      const r = validateEpcisDocument(text);
      const paths = r.diagnostics
        .filter((d) => d.severity === 'error')
        .map((d) => `/${(d.path ?? []).join('/')}`);
      for (const at of entry.schemaErrorAt) {
        const prefix = at === '/' ? '/' : at;
        expect(
          paths.some(
            (p) => p === prefix || p.startsWith(`${prefix}/`) || (prefix === '/' && p === '/'),
          ),
          `${entry.file} ${at} in ${paths.join(', ')}`,
        ).toBe(true);
      }
    }
  });

  it('reports both faults of the event missing action and eventTime', () => {
    const text = readFileSync(
      join(root, 'invalid/capture/ObjectEvent_without_action_and_eventTime.json'),
      'utf8',
    );
    const members = validateEpcisDocument(text)
      .diagnostics.filter((d) => d.code === 'TRACE_REQUIRED_MISSING')
      .map((d) => d.params?.member);
    expect(members).toEqual(expect.arrayContaining(['action', 'eventTime']));
  });
});

describe.skipIf(!present)(
  'EPCIS conformance: our validator agrees with ajv 8 + the 2.0.1 schema',
  () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const schema = present
      ? JSON.parse(readFileSync(join(root, 'schema/epcis-json-schema.json'), 'utf8'))
      : {};
    const validate = present ? ajv.compile(schema) : () => true;
    it('on every conformance document (strict mode, schema verdict)', () => {
      const all = [
        ...files(join(root, 'examples')),
        ...files(join(root, 'invalid')),
        ...files(join(root, 'hash')),
      ].filter((f) => !f.endsWith('hash-vectors.json'));
      expect(all.length).toBe(47 + 17 + 22);
      for (const f of all) {
        const doc = JSON.parse(readFileSync(f, 'utf8'));
        const ours = validateEpcisDocument(doc, { mode: 'strict' });
        expect(ours.valid, f).toBe(validate(doc));
      }
    });
  },
);

describe.skipIf(!present)('CBV 2.0 event hash: the 43 published vectors', () => {
  const vectors = present
    ? (
        JSON.parse(readFileSync(join(root, 'hash/hash-vectors.json'), 'utf8')) as {
          vectors: { file: string; eventIndex: number; hash: string; prehash: string }[];
        }
      ).vectors
    : [];
  it('has 43 vectors', () => expect(vectors).toHaveLength(43));
  for (const v of vectors) {
    it(`${v.file} #${v.eventIndex}`, () => {
      const doc = JSON.parse(readFileSync(join(root, 'hash', v.file), 'utf8'));
      const body = doc.epcisBody;
      const holder = body.eventList ? doc : body.queryResults;
      const list = body.eventList ?? body.queryResults.resultsBody.eventList;
      const ignoreKey = Object.keys(holder).find((k) => k.endsWith(':ignoreFields'));
      const options = {
        context: doc['@context'],
        ...(ignoreKey === undefined ? {} : { ignoreFields: holder[ignoreKey] as string[] }),
      };
      expect(eventPreHash(list[v.eventIndex], options)).toBe(v.prehash);
      expect(eventHashId(list[v.eventIndex], options)).toBe(v.hash);
    });
  }
});

describe.skipIf(!present)('streaming a large document agrees with the in-memory validator', () => {
  async function* pieces(text: string, size: number) {
    for (let i = 0; i < text.length; i += size) yield Buffer.from(text.slice(i, i + size));
  }
  it('for every example and invalid document, in 7-byte and 4 KiB chunks', async () => {
    for (const f of [...files(join(root, 'examples')), ...files(join(root, 'invalid'))]) {
      const text = readFileSync(f, 'utf8');
      const whole = validateEpcisDocument(text);
      const key = (ds: readonly { code: string; path?: readonly (string | number)[] }[]) =>
        ds.map((d) => `${d.code}@${(d.path ?? []).join('/')}`).sort();
      for (const size of [7, 4096]) {
        const streamed = await validateEpcisDocumentStream(pieces(text, size));
        expect(streamed.valid, f).toBe(whole.valid);
        expect(key(streamed.diagnostics), f).toEqual(key(whole.diagnostics));
        expect(streamed.eventCount, f).toBe(whole.eventCount);
      }
    }
  });
});
