import type { Diagnostic } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import { bareBizStep, bareDisposition } from '../chain/event-kind.js';
import { validateChain } from '../chain/validate-chain.js';
import { BIZ_STEPS, vocabularyAccepts } from '../formats/cbv-vocabulary.js';
import { documentOf, OBSERVE_EVENT } from './__fixtures__/events.js';
import { createEpcisEventValidator } from './epcis-event-validator.js';
import { validateEpcisDocument } from './validate-epcis-document.js';

// RFC 8141 §3.1: the `urn` scheme and the NID `epcglobal` are case-insensitive, so
// `URN:EPCGLOBAL:cbv:bizstep:shipping` is the URN `urn:epcglobal:cbv:bizstep:shipping`; RFC 3986
// §6.2.2.1: the scheme and host of a URL are too, so `HTTPS://REF.GS1.ORG/cbv/BizStep-shipping` is
// `https://ref.gs1.org/cbv/BizStep-shipping`. The rest (`cbv:bizstep:shipping`, the path) is
// written as CBV 2.0 writes it; a case slip there is a case slip, never a URI of another namespace.

const NOW = '2030-01-01T00:00:00Z';

/** A CBV-valued member of an event, its word, its URN tail and its CBV 2.0 web path. */
interface Member {
  name: string;
  word: string;
  urn?: string;
  web: string;
  event(value: string): Record<string, unknown>;
  /** Where the value is in the event. */
  path: (string | number)[];
  read(event: Record<string, unknown>): unknown;
}

const at = (v: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], v);

function member(
  name: string,
  word: string,
  urn: string | undefined,
  web: string,
  path: (string | number)[],
  event: (value: string) => Record<string, unknown>,
): Member {
  return {
    name,
    word,
    ...(urn === undefined ? {} : { urn }),
    web,
    event,
    path,
    read: (e) => at(e, path),
  };
}

const SGLN = 'urn:epc:id:sgln:0614141.07346.0';
const MEMBERS: Member[] = [
  member('bizStep', 'shipping', 'bizstep', '/cbv/BizStep-', ['bizStep'], (bizStep) => ({
    ...OBSERVE_EVENT,
    bizStep,
  })),
  member('disposition', 'in_transit', 'disp', '/cbv/Disp-', ['disposition'], (disposition) => ({
    ...OBSERVE_EVENT,
    disposition,
  })),
  member(
    'bizTransaction type',
    'po',
    'btt',
    '/cbv/BTT-',
    ['bizTransactionList', 0, 'type'],
    (type) => ({
      ...OBSERVE_EVENT,
      bizTransactionList: [{ type, bizTransaction: 'urn:epcglobal:cbv:bt:0614141000005:PO1' }],
    }),
  ),
  member('source type', 'location', 'sdt', '/cbv/SDT-', ['sourceList', 0, 'type'], (type) => ({
    ...OBSERVE_EVENT,
    sourceList: [{ type, source: SGLN }],
  })),
  member(
    'destination type',
    'owning_party',
    'sdt',
    '/cbv/SDT-',
    ['destinationList', 0, 'type'],
    (type) => ({
      ...OBSERVE_EVENT,
      destinationList: [{ type, destination: 'urn:epc:id:pgln:0614141.00000' }],
    }),
  ),
  member(
    'persistent disposition',
    'completeness_verified',
    'disp',
    '/cbv/Disp-',
    ['persistentDisposition', 'set', 0],
    (value) => ({ ...OBSERVE_EVENT, persistentDisposition: { set: [value] } }),
  ),
  member(
    'error reason',
    'incorrect_data',
    'er',
    '/cbv/ER-',
    ['errorDeclaration', 'reason'],
    (reason) => ({
      ...OBSERVE_EVENT,
      errorDeclaration: { declarationTime: '2024-05-02T08:00:00.000+08:00', reason },
    }),
  ),
  member(
    'sensor component',
    'x',
    undefined,
    '/cbv/Comp-',
    ['sensorElementList', 0, 'sensorReport', 0, 'component'],
    (component) => ({
      ...OBSERVE_EVENT,
      sensorElementList: [{ sensorReport: [{ type: 'Length', value: 2, uom: 'MTR', component }] }],
    }),
  ),
];

/** A value's spellings: the same value as `same` (scheme, NID, host in another case), case slips. */
function spellings(m: Member) {
  const { word, urn, web } = m;
  const upper = word.toUpperCase();
  const urnForms =
    urn === undefined
      ? undefined
      : {
          canonical: `urn:epcglobal:cbv:${urn}:${word}`,
          same: [
            `URN:EPCGLOBAL:cbv:${urn}:${word}`,
            `urn:EPCglobal:cbv:${urn}:${word}`,
            `Urn:epcGlobal:cbv:${urn}:${word}`,
          ],
          slips: [
            `URN:EPCGLOBAL:CBV:${urn.toUpperCase()}:${word}`,
            `urn:epcglobal:cbv:${urn}:${upper}`,
            `urn:epcglobal:CBV:${urn}:${word}`,
          ],
        };
  return {
    urn: urnForms,
    web: {
      canonical: `https://ref.gs1.org${web}${word}`,
      same: [`HTTPS://REF.GS1.ORG${web}${word}`, `https://Ref.Gs1.Org${web}${word}`],
      slips: [
        `https://ref.gs1.org${web.toLowerCase()}${word}`,
        `https://ref.gs1.org${web}${upper}`,
        `HTTPS://REF.GS1.ORG${web.toUpperCase()}${upper}`,
      ],
      http: `http://ref.gs1.org${web}${word}`,
    },
  };
}

function run(event: Record<string, unknown>, mode: 'strict' | 'lenient') {
  const r = validateEpcisDocument(documentOf([event]), { mode, now: NOW });
  return {
    found: r.diagnostics.map((d) => [d.severity, d.code, (d.path ?? []).slice(3).join('/')]),
    event: r.events[0] as Record<string, unknown> | undefined,
    params: r.diagnostics.map((d) => d.params),
  };
}

describe('CBV URIs with the scheme, NID or host in another case', () => {
  for (const m of MEMBERS) {
    const s = spellings(m);
    const where = m.path.join('/');
    if (s.urn !== undefined) {
      const urn = s.urn;
      it(`${m.name}: a URN with its scheme or NID in capitals is the URN (strict)`, () => {
        const canonical = run(m.event(urn.canonical), 'strict').found;
        expect(canonical).toEqual([['error', 'TRACE_INVALID_VOCABULARY', where]]);
        for (const v of urn.same)
          expect([v, run(m.event(v), 'strict').found]).toEqual([v, canonical]);
      });
      it(`${m.name}: … and is normalised to the bare word as the URN is (lenient)`, () => {
        for (const v of [urn.canonical, ...urn.same]) {
          const r = run(m.event(v), 'lenient');
          expect([v, r.found]).toEqual([v, [['warning', 'TRACE_CBV_URN_NORMALISED', where]]]);
          expect(r.params[0]).toMatchObject({ value: v, normalised: m.word });
          expect(m.read(r.event ?? {})).toBe(m.word);
        }
      });
      it(`${m.name}: a case slip in the rest of a URN is a case slip`, () => {
        for (const v of urn.slips) {
          expect([v, run(m.event(v), 'strict').found]).toEqual([
            v,
            [['error', 'TRACE_INVALID_VOCABULARY', where]],
          ]);
          const r = run(m.event(v), 'lenient');
          expect([v, r.found]).toEqual([v, [['warning', 'TRACE_CASE_NORMALISED', where]]]);
          expect(r.params[0]).toMatchObject({ value: v, normalised: m.word });
          expect(m.read(r.event ?? {})).toBe(m.word);
        }
      });
    }
    it(`${m.name}: a web URI with its scheme or host in capitals is the web URI (both modes)`, () => {
      for (const mode of ['strict', 'lenient'] as const) {
        expect(run(m.event(s.web.canonical), mode).found).toEqual([]);
        for (const v of s.web.same) {
          const r = run(m.event(v), mode);
          expect([mode, v, r.found]).toEqual([mode, v, []]);
          expect(m.read(r.event ?? {})).toBe(v); // kept as written, as the lower-case one is
        }
      }
    });
    it(`${m.name}: a case slip in the path or word of a web URI is a case slip, not a URI of its own`, () => {
      for (const v of s.web.slips) {
        expect([v, run(m.event(v), 'strict').found]).toEqual([
          v,
          [['error', 'TRACE_INVALID_VOCABULARY', where]],
        ]);
        const r = run(m.event(v), 'lenient');
        expect([v, r.found]).toEqual([v, [['warning', 'TRACE_CASE_NORMALISED', where]]]);
        // to the CBV 2.0 web URI, https whatever the scheme written (as docs/trace.md says)
        const normalised = `https://ref.gs1.org${m.web}${m.word}`;
        expect(r.params[0]).toMatchObject({ value: v, normalised });
        expect(m.read(r.event ?? {})).toBe(normalised);
        // the normalised event is strictly valid
        expect(run(r.event ?? {}, 'strict').found).toEqual([]);
      }
    });
  }

  it('the GS1 Web Vocabulary is forbidden in measurement and alert types with its host in any case', () => {
    const report = (type: string, exception?: string) => ({
      ...OBSERVE_EVENT,
      sensorElementList: [
        {
          sensorReport: [
            { type, value: 8, uom: 'CEL', ...(exception === undefined ? {} : { exception }) },
          ],
        },
      ],
    });
    for (const mode of ['strict', 'lenient'] as const) {
      const lower = run(report('https://gs1.org/voc/Temperature'), mode).found;
      expect(lower).toEqual([
        ['error', 'TRACE_INVALID_VOCABULARY', 'sensorElementList/0/sensorReport/0/type'],
      ]);
      for (const v of ['HTTPS://GS1.ORG/voc/Temperature', 'https://WWW.GS1.ORG/voc/Temperature'])
        expect([mode, v, run(report(v), mode).found]).toEqual([mode, v, lower]);
      const alert = run(report('Temperature', 'https://gs1.org/voc/ALARM_CONDITION'), mode).found;
      expect(alert).toHaveLength(1);
      expect(run(report('Temperature', 'HTTPS://GS1.ORG/voc/ALARM_CONDITION'), mode).found).toEqual(
        alert,
      );
    }
  });

  it('vocabularyAccepts: the lower-case bare words as before; other URIs as before', () => {
    expect(vocabularyAccepts(BIZ_STEPS, 'shipping')).toBe(true);
    expect(vocabularyAccepts(BIZ_STEPS, 'https://ref.gs1.org/cbv/BizStep-shipping')).toBe(true);
    expect(vocabularyAccepts(BIZ_STEPS, 'HTTPS://REF.GS1.ORG/cbv/BizStep-shipping')).toBe(true);
    // a step of one's own in the CBV web namespace, or any spelling of one, is a URI as before
    expect(vocabularyAccepts(BIZ_STEPS, 'https://ref.gs1.org/cbv/BizStep-grading')).toBe(true);
    expect(vocabularyAccepts(BIZ_STEPS, 'https://ref.gs1.org/cbv/bizstep-grading')).toBe(true);
    expect(vocabularyAccepts(BIZ_STEPS, 'https://example.org/Shipping')).toBe(true);
    expect(vocabularyAccepts(BIZ_STEPS, 'urn:example:bizstep:SHIPPING')).toBe(true);
    expect(vocabularyAccepts(BIZ_STEPS, 'URN:EPCGLOBAL:cbv:bizstep:grading')).toBe(false);
    expect(vocabularyAccepts(BIZ_STEPS, 'HTTPS://NS.GS1.ORG/cbv/BizStep-shipping')).toBe(false);
  });
});

describe('the chain reads a business step and disposition wherever the validator lets one through', () => {
  const LOT = 'urn:epc:class:lgtin:6921001.000102.A1';
  const A = 'urn:epc:id:sgln:6921001.00001.0';
  const B = 'urn:epc:id:sgln:6921002.00001.0';
  const PO = 'urn:epcglobal:cbv:bt:6921001000018:PO1';
  const ev = (partial: Record<string, unknown>) => ({
    type: 'ObjectEvent',
    action: 'OBSERVE',
    eventTimeZoneOffset: '+08:00',
    quantityList: [{ epcClass: LOT, quantity: 100, uom: 'KGM' }],
    ...partial,
  });
  const made = ev({
    action: 'ADD',
    bizStep: 'commissioning',
    eventTime: '2024-01-01T08:00:00+08:00',
    bizLocation: { id: A },
  });
  const shipped = ev({
    bizStep: 'shipping',
    eventTime: '2024-01-02T08:00:00+08:00',
    readPoint: { id: A },
    bizTransactionList: [{ type: 'po', bizTransaction: PO }],
  });
  const receipt = ev({
    bizStep: 'receiving',
    eventTime: '2024-01-02T18:00:00+08:00',
    bizLocation: { id: B },
    bizTransactionList: [{ type: 'po', bizTransaction: PO }],
  });
  const chainOf = (...events: unknown[]) => validateChain(events).map((d) => d.code);
  const bizStep = MEMBERS[0] as Member;
  const s = spellings(bizStep);
  const urn = s.urn as NonNullable<typeof s.urn>;
  const all = [
    bizStep.word,
    urn.canonical,
    ...urn.same,
    ...urn.slips,
    s.web.canonical,
    ...s.web.same,
    ...s.web.slips,
    s.web.http,
    'Shipping',
    'SHIPPING',
  ];

  it('sees the shipment of the repro (URN:EPCGLOBAL:cbv:bizstep:shipping)', () => {
    const expected = chainOf(made, shipped, receipt);
    expect(expected).not.toContain('TRACE_RECEIPT_WITHOUT_SHIPMENT');
    for (const v of [...urn.same, s.web.canonical, ...s.web.same, s.web.http]) {
      const sUp = { ...shipped, bizStep: v };
      expect([v, chainOf(made, sUp, receipt)]).toEqual([v, expected]);
    }
  });

  it('for every spelling: strict without a finding, or lenient after normalising, is a shipment', () => {
    const expected = chainOf(made, shipped, receipt);
    for (const v of all) {
      const sUp = { ...shipped, bizStep: v };
      const strict = validateEpcisDocument(documentOf([made, sUp, receipt]), { now: NOW });
      if (strict.diagnostics.length === 0) {
        expect([v, bareBizStep(v)]).toEqual([v, 'shipping']);
        expect([v, chainOf(made, sUp, receipt)]).toEqual([v, expected]);
      }
      const lenient = validateEpcisDocument(documentOf([made, sUp, receipt]), {
        mode: 'lenient',
        now: NOW,
      });
      expect([v, lenient.valid]).toEqual([v, true]);
      expect([v, bareBizStep((lenient.events[1] as Record<string, unknown>).bizStep)]).toEqual([
        v,
        'shipping',
      ]);
      expect([v, chainOf(...lenient.events)]).toEqual([v, expected]);
    }
  });

  it('a value the validator takes as it stands is read as the CBV word it spells, or as written', () => {
    const validator = createEpcisEventValidator({ now: NOW });
    const accepted = (field: 'bizStep' | 'disposition', v: string) =>
      validator
        .validate({ ...OBSERVE_EVENT, [field]: v })
        .diagnostics.filter((d: Diagnostic) => d.severity === 'error').length === 0;
    for (const [field, word, bare] of [
      ['bizStep', 'shipping', bareBizStep],
      ['bizStep', 'receiving', bareBizStep],
      ['disposition', 'destroyed', bareDisposition],
      ['disposition', 'in_transit', bareDisposition],
    ] as const) {
      const urnTail = field === 'bizStep' ? 'bizstep' : 'disp';
      const path = field === 'bizStep' ? '/cbv/BizStep-' : '/cbv/Disp-';
      const forms = [
        `urn:epcglobal:cbv:${urnTail}:${word}`,
        `URN:EPCGLOBAL:cbv:${urnTail}:${word}`,
        `https://ref.gs1.org${path}${word}`,
        `HTTPS://REF.GS1.ORG${path}${word}`,
        `http://ref.gs1.org${path}${word}`,
        `HTTP://Ref.GS1.org${path}${word}`,
      ];
      for (const v of forms) expect([v, bare(v)]).toEqual([v, word]);
      // case slips: rejected in strict mode, and not read as the word (the rest of a URI
      // spelt right but for its word is read as that word, a step of one's own: `SHIPPING`)
      for (const v of [
        `https://ref.gs1.org${path.toLowerCase()}${word}`,
        `https://ref.gs1.org${path}${word.toUpperCase()}`,
        `urn:epcglobal:cbv:${urnTail}:${word.toUpperCase()}`,
        `URN:EPCGLOBAL:CBV:${urnTail.toUpperCase()}:${word}`,
      ]) {
        expect([v, accepted(field, v)]).toEqual([v, false]);
        expect([v, bare(v) === word]).toEqual([v, false]);
      }
    }
    expect(bareBizStep(42)).toBe('');
    expect(bareBizStep('https://example.org/shipping')).toBe('https://example.org/shipping');
  });
});
