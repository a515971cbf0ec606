import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CONTEXT_WITH_EX, documentOf, OBSERVE_EVENT } from './__fixtures__/events.js';
import { createEpcisEventValidator } from './epcis-event-validator.js';
import { createEpcisLineValidator } from './epcis-line-validator.js';
import { validateEpcisDocument } from './validate-epcis-document.js';
import { validateEpcisDocumentStream, validateEpcisJsonLines } from './validate-epcis-stream.js';

const doc = documentOf;
const badAction = { ...OBSERVE_EVENT, action: 'BAD' };
async function* source(text: string): AsyncIterable<string> {
  yield text;
}
const codes = (r: { diagnostics: readonly { code: string; path?: unknown }[] }) =>
  r.diagnostics.map((d) => [d.code, d.path]);

describe('options a validator cannot use: a finding, the default, never an exception', () => {
  it('an unsupported locale (zh, zh-cn, en-US, fr): TRACE_OPTION_INVALID, messages in en', () => {
    for (const locale of ['zh', 'zh-cn', 'en-US', 'fr']) {
      const r = validateEpcisDocument(doc([badAction]), { locale } as never);
      expect(codes(r)).toEqual([
        ['TRACE_OPTION_INVALID', ['options', 'locale']],
        ['TRACE_INVALID_ENUM', ['epcisBody', 'eventList', 0, 'action']],
      ]);
      expect(r.diagnostics[0]?.message).toBe(
        `Option locale of EpcisValidationOptions is ${JSON.stringify(locale)}, not zh-CN | en; en is used instead`,
      );
      expect(r.diagnostics[1]?.message).toMatch(/^[\x20-\x7e]+$/); // rendered in English
      // text that is no JSON: the syntax error too
      const text = validateEpcisDocument('{', { locale } as never);
      expect(text.diagnostics.map((d) => d.code)).toEqual([
        'TRACE_OPTION_INVALID',
        'TRACE_JSON_SYNTAX',
      ]);
    }
  });
  it('options that are no object (null from JSON, a string) are reported and the defaults used', () => {
    for (const options of [null, 'strict', 42, []]) {
      const r = validateEpcisDocument(doc([OBSERVE_EVENT]), options as never);
      expect(codes(r)).toEqual([['TRACE_OPTION_INVALID', ['options']]]);
      expect(r.valid).toBe(false);
      expect(r.eventCount).toBe(1);
    }
  });
  it('a now that is no date: reported, not read as another date (Date.parse reads "1" as 2001)', () => {
    const future = {
      ...OBSERVE_EVENT,
      eventTime: '2999-01-01T00:00:00Z',
      eventTimeZoneOffset: '+00:00',
    };
    for (const now of ['yesterday', '1', new Date(Number.NaN), Date.UTC(2024, 0, 1)]) {
      const r = validateEpcisDocument(doc([future]), { now } as never);
      expect(codes(r)).toEqual([['TRACE_OPTION_INVALID', ['options', 'now']]]);
    }
    // a valid one still finds the future event
    const r = validateEpcisDocument(doc([future]), { now: '2024-05-01T00:00:00Z' });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['TRACE_FUTURE_EVENT']);
  });
  it('numbers out of range, a mode, unit codes that are no Set, profiles that are no list', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ futureToleranceMs: Number.NaN }, 'futureToleranceMs'],
      [{ futureToleranceMs: -1e20 }, 'futureToleranceMs'],
      [{ maxDepth: 0 }, 'maxDepth'],
      [{ maxDepth: 1.5 }, 'maxDepth'],
      [{ mode: 'loose' }, 'mode'],
      [{ unitCodes: ['KGM'] }, 'unitCodes'],
      [{ profiles: 'gdst' }, 'profiles'],
      [{ severities: 'error' }, 'severities'],
      [{ resolveProfile: 'gdst' }, 'resolveProfile'],
    ];
    for (const [options, option] of cases) {
      const r = validateEpcisDocument(doc([OBSERVE_EVENT]), options as never);
      expect([option, codes(r)]).toEqual([option, [['TRACE_OPTION_INVALID', ['options', option]]]]);
    }
    // the defaults are used: the unit table still knows KGM
    const kg = {
      ...OBSERVE_EVENT,
      epcList: undefined,
      quantityList: [
        { epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: 2, uom: 'KGM' },
      ],
    };
    const r = validateEpcisDocument(doc([kg]), { unitCodes: ['KGM'] } as never);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['TRACE_OPTION_INVALID']);
  });
  it('the single-event and line validators report them with every result, and never throw', () => {
    const events = createEpcisEventValidator({ locale: 'zh-cn' } as never);
    expect(events.validate(badAction).diagnostics.map((d) => d.code)).toEqual([
      'TRACE_OPTION_INVALID',
      'TRACE_INVALID_ENUM',
    ]);
    const lines = createEpcisLineValidator({ locale: 'zh-cn' } as never);
    expect(lines.validate('{').diagnostics.map((d) => d.code)).toEqual([
      'TRACE_OPTION_INVALID',
      'TRACE_JSON_SYNTAX',
    ]);
    expect(
      createEpcisLineValidator(null as never).validate(JSON.stringify(OBSERVE_EVENT)).valid,
    ).toBe(false);
  });
  it('a line that is no text (a Buffer, null) is TRACE_TYPE_MISMATCH', () => {
    const lines = createEpcisLineValidator();
    for (const line of [Buffer.from('{}'), null, 42, {}]) {
      const r = lines.validate(line as never);
      expect([r.valid, codes(r)]).toEqual([false, [['TRACE_TYPE_MISMATCH', [lines.lines - 1]]]]);
    }
  });
  it('the streams report them once, at the start, and resolve', async () => {
    const jsonl = await validateEpcisJsonLines(source('{\n{\n'), { locale: 'fr' } as never);
    expect(jsonl.diagnostics.map((d) => d.code)).toEqual([
      'TRACE_OPTION_INVALID',
      'TRACE_JSON_SYNTAX',
      'TRACE_JSON_SYNTAX',
    ]);
    const text = JSON.stringify(doc([badAction, OBSERVE_EVENT]));
    const stream = await validateEpcisDocumentStream(source(text), {
      locale: 'fr',
      maxDiagnostics: -1,
      progressEvery: 0,
      onEvent: 'log',
    } as never);
    expect(stream.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['TRACE_OPTION_INVALID', ['options', 'locale']],
      ['TRACE_OPTION_INVALID', ['options', 'maxDiagnostics']],
      ['TRACE_OPTION_INVALID', ['options', 'progressEvery']],
      ['TRACE_OPTION_INVALID', ['options', 'onEvent']],
      ['TRACE_INVALID_ENUM', ['epcisBody', 'eventList', 0, 'action']],
    ]);
    expect(stream.eventCount).toBe(2);
  });
  it('reads options as the object answers to them: inherited ones and class getters too', () => {
    const future = {
      ...OBSERVE_EVENT,
      eventTime: '2030-01-01T00:00:00Z',
      eventTimeZoneOffset: '+00:00',
    };
    const now = new Date('2024-05-01T00:00:00Z');
    class Settings {
      get now() {
        return now;
      }
    }
    for (const options of [new Settings(), Object.create({ now }), { now }]) {
      const r = validateEpcisDocument(doc([future]), options as never);
      expect(r.diagnostics.map((d) => d.code)).toEqual(['TRACE_FUTURE_EVENT']);
    }
    // a Date of another realm is a Date
    const other = runInNewContext('new Date("2024-05-01T00:00:00Z")') as Date;
    expect(
      validateEpcisDocument(doc([future]), { now: other }).diagnostics.map((d) => d.code),
    ).toEqual(['TRACE_FUTURE_EVENT']);
  });
  it('takes Infinity where a bound may be unbounded', async () => {
    const text = JSON.stringify(doc([OBSERVE_EVENT]));
    const r = await validateEpcisDocumentStream(source(text), {
      maxDiagnostics: Number.POSITIVE_INFINITY,
      progressEvery: Number.POSITIVE_INFINITY,
    });
    expect([r.valid, r.diagnostics]).toEqual([true, []]);
    const far = {
      ...OBSERVE_EVENT,
      eventTime: '2999-01-01T00:00:00Z',
      eventTimeZoneOffset: '+00:00',
    };
    const off = validateEpcisDocument(doc([far]), {
      now: '2024-05-01T00:00:00Z',
      futureToleranceMs: Number.POSITIVE_INFINITY,
      maxDepth: Number.POSITIVE_INFINITY,
    });
    expect([off.valid, off.diagnostics]).toEqual([true, []]);
  });
  it("checks the event and line validators' own options", () => {
    const events = createEpcisEventValidator({ requireContext: 'yes' } as never);
    expect(codes(events.validate(OBSERVE_EVENT))).toEqual([
      ['TRACE_OPTION_INVALID', ['options', 'requireContext']],
    ]);
    const lines = createEpcisLineValidator({ index: {} } as never);
    expect(codes(lines.validate(JSON.stringify(OBSERVE_EVENT)))).toEqual([
      ['TRACE_OPTION_INVALID', ['options', 'index']],
    ]);
  });
  it('compares @context items whose reading throws as different, without throwing', () => {
    const trap = {
      get ex() {
        throw new Error('boom');
      },
    };
    const r = validateEpcisDocument({
      ...doc([OBSERVE_EVENT]),
      '@context': [...CONTEXT_WITH_EX, trap],
    });
    expect(r.diagnostics.filter((d) => d.code === 'TRACE_DUPLICATE_ITEM')).toEqual([]);
  });
});
