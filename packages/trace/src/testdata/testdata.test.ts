import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { basicCanonicalId } from '../chain/canonical-id.js';
import { isoWithOffset } from '../chain/iso-time.js';
import { validateChain } from '../chain/validate-chain.js';
import { generatePlatformEvents, generatePlatformJsonLines } from './b2b-platform.js';
import { toEpcisDocument, toJsonLines } from './epcis-json.js';
import { gln13, gs1CheckDigit, gtin14, lgtinDigitalLink, lgtinUrn } from './gs1-keys.js';
import { generateSeaCucumberChain, SEA_CUCUMBER_VARIANTS } from './sea-cucumber-chain.js';
import { createTestDataRandom, randomUuidUrn } from './seeded-random.js';

const conformance = new URL('../../../../../shared/conformance/', import.meta.url);
const schemaFile = new URL('epcis/schema/epcis-json-schema.json', conformance);
const hasSchema = existsSync(fileURLToPath(schemaFile));

describe('GS1 keys', () => {
  it('computes the check digit of the GS1 General Specifications example (629104150021 → 3)', () => {
    expect(gs1CheckDigit('629104150021')).toBe(3);
  });
  it('computes the SSCC check digit of the CBV hash vector (04012345000000111 → 2)', () => {
    expect(gs1CheckDigit('04012345000000111')).toBe(2);
  });
  it('builds GTIN-14 and GLN-13 whose last digit checks', () => {
    // GS1 General Specifications example GTIN-13 6291041500213, as GTIN-14
    expect(gtin14('6291041', 50021)).toBe('06291041500213');
    expect(gln13('6291041', 50021)).toBe('6291041500213');
  });
  it('writes the same lot as URN and Digital Link, which canonicalise alike', () => {
    const urn = lgtinUrn('6921001', 102, 'HCH24001');
    const dl = lgtinDigitalLink('6921001', 102, 'HCH24001');
    expect(urn).toBe('urn:epc:class:lgtin:6921001.000102.HCH24001');
    expect(dl).toBe('https://id.gs1.org/01/06921001001022/10/HCH24001');
    expect(basicCanonicalId(urn)).toBe(dl);
  });
});

describe('seeded random', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = createTestDataRandom(7);
    const b = createTestDataRandom(7);
    const c = createTestDataRandom(8);
    const xs = Array.from({ length: 5 }, () => a.nextFloat());
    expect(Array.from({ length: 5 }, () => b.nextFloat())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.nextFloat())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
  it('draws version-4 UUID URNs', () => {
    expect(randomUuidUrn(createTestDataRandom(1))).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('time stamps', () => {
  it('writes local time with the offset', () => {
    expect(isoWithOffset(Date.UTC(2024, 0, 1, 0, 0, 0), 480)).toBe('2024-01-01T08:00:00.000+08:00');
    expect(isoWithOffset(Date.UTC(2024, 0, 1, 0, 0, 0), -330)).toBe(
      '2023-12-31T18:30:00.000-05:30',
    );
  });
});

describe('sea-cucumber chain', () => {
  it('is deterministic per seed', () => {
    expect(generateSeaCucumberChain({ seed: 3 })).toEqual(generateSeaCucumberChain({ seed: 3 }));
    expect(generateSeaCucumberChain({ seed: 3 })).not.toEqual(
      generateSeaCucumberChain({ seed: 4 }),
    );
  });
  it('walks seedling release → grow-out → harvest → processing → inspection → warehouse-out → sale', () => {
    const steps = generateSeaCucumberChain().events.map((e) => e['fsk:cte']);
    expect(steps).toEqual([
      'seedling-release',
      'grow-out',
      'grow-out',
      'harvest',
      'shipping',
      'receiving',
      'processing',
      'inspection',
      'warehouse-out',
      'receiving',
      'sale',
      'sale',
      'sale',
    ]);
  });
  it('repeats the chain per batch', () => {
    const { events, lots } = generateSeaCucumberChain({ batches: 3 });
    expect(events).toHaveLength(39);
    expect(new Set(lots.map((l) => l.processed)).size).toBe(3);
  });
  it('breaks exactly the rule each variant names (chain checks)', () => {
    const expected: Record<string, string[]> = {
      valid: [],
      'missing-inspection': [],
      'receipt-without-shipment': ['TRACE_RECEIPT_WITHOUT_SHIPMENT'],
      'shipment-not-received': ['TRACE_SHIPMENT_NOT_RECEIVED'],
      'mass-balance-off': ['TRACE_MASS_BALANCE_EXCEEDED'],
      'over-receipt': ['TRACE_RECEIPT_EXCEEDS_SHIPMENT'],
      'yield-out-of-range': ['TRACE_YIELD_OUT_OF_RANGE'],
      'time-reversed': ['TRACE_TIME_ORDER'],
      'event-after-destruction': ['TRACE_EVENT_AFTER_DESTRUCTION'],
      duplicate: ['TRACE_DUPLICATE_EVENT_ID', 'TRACE_DUPLICATE_EVENT_CONTENT'],
    };
    for (const variant of SEA_CUCUMBER_VARIANTS) {
      const codes = validateChain(generateSeaCucumberChain({ variant }).events).map((d) => d.code);
      expect([variant, codes]).toEqual([variant, expected[variant]]);
    }
  });
});

describe('B2B platform', () => {
  const events = [
    ...generatePlatformEvents({ events: 3_000, suppliers: 60, buyers: 300, seed: 11 }),
  ];

  it('emits exactly the requested number of events, in time order', () => {
    expect(events).toHaveLength(3_000);
    const times = events.map((e) => Date.parse(e.eventTime as string));
    for (let i = 1; i < times.length; i += 1)
      expect(times[i]).toBeGreaterThanOrEqual(times[i - 1] as number);
  });
  it('mixes commissioning, shipping, receiving and transformations', () => {
    const kinds = new Set(events.map((e) => `${e.type}/${e.bizStep}`));
    expect(kinds).toEqual(
      new Set([
        'ObjectEvent/commissioning',
        'ObjectEvent/shipping',
        'ObjectEvent/receiving',
        'TransformationEvent/commissioning',
      ]),
    );
    const ships = events.filter((e) => e.bizStep === 'shipping').length;
    const receipts = events.filter((e) => e.bizStep === 'receiving').length;
    expect(receipts).toBe(ships);
  });
  it('is a clean chain: no chain finding at all', () => {
    expect(validateChain(events)).toEqual([]);
  });
  it('receives every shipment at every size, however the last events fall', () => {
    // a shipment takes two of the requested events (it and its receipt); one opened when only
    // one was left used to go unreceived
    for (let size = 1; size <= 120; size += 1) {
      const small = [...generatePlatformEvents({ events: size, suppliers: 3, buyers: 4, seed: 7 })];
      expect(small).toHaveLength(size);
      const shipped = small
        .filter((e) => e.bizStep === 'shipping')
        .map((e) => e.bizTransactionList);
      const received = small
        .filter((e) => e.bizStep === 'receiving')
        .map((e) => e.bizTransactionList);
      expect(received, `size ${size}`).toEqual(expect.arrayContaining(shipped));
      expect(received, `size ${size}`).toHaveLength(shipped.length);
    }
  });
  it('writes JSON Lines lazily, one event per line', () => {
    const lines = generatePlatformJsonLines({ events: 10, suppliers: 5, buyers: 5, seed: 11 });
    const first = lines.next();
    expect(first.done).toBe(false);
    const direct = [...generatePlatformEvents({ events: 10, suppliers: 5, buyers: 5, seed: 11 })];
    expect(JSON.parse(first.value as string)).toEqual(direct[0]);
    expect([...lines]).toHaveLength(9);
    expect([...toJsonLines(events.slice(0, 3))].map((l) => JSON.parse(l))).toEqual(
      events.slice(0, 3),
    );
  });
});

describe.skipIf(!hasSchema)('generated data against the official EPCIS 2.0.1 JSON schema', () => {
  const schema = hasSchema ? JSON.parse(readFileSync(schemaFile, 'utf8')) : {};
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(hasSchema ? schema : {});
  const creationDate = '2025-06-01T00:00:00.000+08:00';

  it('accepts every sea-cucumber variant', () => {
    for (const variant of SEA_CUCUMBER_VARIANTS) {
      const doc = toEpcisDocument(generateSeaCucumberChain({ variant, batches: 2 }).events, {
        creationDate,
      });
      expect([variant, validate(doc), validate.errors ?? null]).toEqual([variant, true, null]);
    }
  });
  it('accepts the platform events', () => {
    const doc = toEpcisDocument(
      [...generatePlatformEvents({ events: 2_000, suppliers: 40, buyers: 100 })],
      {
        creationDate,
        context: ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
      },
    );
    expect(validate(doc)).toBe(true);
    expect(validate.errors ?? null).toBeNull();
  });
});

describe('conformance data', () => {
  it.skipIf(!hasSchema)(
    `has the official EPCIS 2.0.1 JSON schema for the tests above${
      hasSchema
        ? ''
        : ' — SKIPPED: shared/conformance/epcis/schema is absent, so the schema tests are skipped'
    }`,
    () => {
      expect(JSON.parse(readFileSync(schemaFile, 'utf8')).$id).toEqual(expect.any(String));
    },
  );
});
