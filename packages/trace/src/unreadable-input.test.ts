/**
 * Inputs built in code that throw when read — a getter that throws, a Proxy whose `get`,
 * `ownKeys`, `getOwnPropertyDescriptor` or `has` trap throws, a revoked Proxy — as an event, as
 * the document, or anywhere inside one. No entry point that takes events or documents as objects
 * may throw on them: reading that throws is `TRACE_INPUT_UNREADABLE` on the event (or the input),
 * the event is skipped, and the other events are still checked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathsOf, snapshot } from '../../core/src/test-support/one-value-replaced.js';
import { CN_AQUATIC_CHAIN_PROFILE } from './cn/index.js';
import {
  buildLotGraph,
  chainMessages,
  checkProfile,
  createEpcisEventValidator,
  createTraceIndex,
  documentEventHashIds,
  epcisMessages,
  eventContentHash,
  eventHashId,
  eventPreHash,
  FSMA_204_PROFILE,
  GDST_PROFILE,
  generateSeaCucumberChain,
  parseEpcisDocument,
  recogniseCte,
  traceForward,
  validateChain,
  validateEpcisDocument,
} from './index.js';

const PROFILES = [FSMA_204_PROFILE, GDST_PROFILE, CN_AQUATIC_CHAIN_PROFILE];
const CHAIN = generateSeaCucumberChain().events as unknown as Record<string, unknown>[];
const CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

const boom = (): never => {
  throw new Error('getter');
};

/** The ways a value built in code can throw when read. */
const HOSTILE = [
  'get',
  'ownKeys',
  'descriptor',
  'has',
  'revoked',
  'array-get',
  'throw-string',
] as const;
type Hostile = (typeof HOSTILE)[number];
/** The kinds that throw on any read of a member (the others only on some kinds of read). */
const ON_READ = ['get', 'revoked', 'throw-string'] as const;

function hostile(kind: Hostile, like: unknown = {}): unknown {
  const target: object = Array.isArray(like) ? [...like] : { ...(like as object) };
  switch (kind) {
    case 'get':
      return new Proxy(target, { get: boom });
    case 'ownKeys':
      return new Proxy(target, { ownKeys: boom });
    case 'descriptor':
      return new Proxy(target, { getOwnPropertyDescriptor: boom });
    case 'has':
      return new Proxy(target, {
        has: boom,
        get: (t, k) => (k === 'type' ? boom() : Reflect.get(t, k)),
      });
    case 'revoked': {
      const { proxy, revoke } = Proxy.revocable(target, {});
      revoke();
      return proxy;
    }
    case 'array-get':
      return new Proxy(Array.isArray(like) ? [...like] : [like], { get: boom });
    case 'throw-string':
      return new Proxy(target, {
        get() {
          // what is thrown need not be an Error, nor readable itself
          throw new Proxy({}, { get: boom, getPrototypeOf: boom });
        },
      });
  }
}

/** A copy of `value` where the member at `path` throws when read (a getter), or is `by`. */
function withThrowing(value: unknown, path: readonly (string | number)[], by?: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  if (rest.length === 0 && by === undefined) {
    Object.defineProperty(copy, head, { get: boom, enumerable: true, configurable: true });
  } else {
    Object.defineProperty(copy, head, {
      value: withThrowing((value as Record<string | number, unknown>)[head], rest, by),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

function documentOf(events: unknown): Record<string, unknown> {
  return {
    '@context': CONTEXT,
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2025-01-01T00:00:00Z',
    epcisBody: { eventList: events },
  };
}

/** Every entry point that takes events or documents as objects, on one input: none may throw. */
function runAll(events: readonly unknown[], document: unknown): void {
  parseEpcisDocument(document);
  parseEpcisDocument(document, { mode: 'lenient' });
  expect(typeof validateEpcisDocument(document).valid).toBe('boolean');
  validateEpcisDocument(document, { mode: 'lenient' });
  validateEpcisDocument(document, { profiles: ['us.fsma-204', 'gdst'] });
  const single = createEpcisEventValidator();
  const lenient = createEpcisEventValidator({ mode: 'lenient' });
  for (const e of events) {
    expect(typeof eventHashId(e)).toBe('string');
    expect(typeof eventPreHash(e)).toBe('string');
    eventContentHash(e);
    single.validate(e);
    lenient.validate(e, ['x']);
    for (const profile of PROFILES) recogniseCte(e, profile);
  }
  documentEventHashIds(document);
  for (const input of [events, document]) {
    validateChain(input);
    validateChain(input, { checks: { duplicates: false } });
    const graph = buildLotGraph(input as never);
    validateChain(graph);
    traceForward(graph, 'urn:epc:class:lgtin:6921001.000102.HCH24001');
    for (const profile of PROFILES) {
      checkProfile(input, profile);
      checkProfile(graph, profile);
    }
  }
  for (const retainEvents of [false, true]) {
    const index = createTraceIndex({ retainEvents });
    for (const e of events) index.add(e);
    index.finalize();
    for (const profile of PROFILES) checkProfile(index.graph, profile);
    validateChain(index.graph);
  }
}

const codes = (ds: readonly { code: string }[]) => ds.map((d) => d.code);

describe('inputs that throw when read (property)', () => {
  it('a member anywhere in an event, or the event itself, throws: no entry point throws', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: CHAIN.length - 1 }),
        fc.nat(),
        fc.constantFrom(...HOSTILE, 'getter' as const),
        fc.boolean(),
        (at, pick, kind, asDocument) => {
          const event = CHAIN[at] as Record<string, unknown>;
          const paths = pathsOf(event);
          const path = paths[pick % paths.length] as (string | number)[];
          const edited =
            kind === 'getter'
              ? path.length === 0
                ? hostile('get', event)
                : withThrowing(event, path)
              : path.length === 0
                ? hostile(kind, event)
                : withThrowing(event, path, hostile(kind, pathValue(event, path)));
          const events = [...CHAIN.slice(0, at), edited, ...CHAIN.slice(at + 1)];
          const before = snapshot(CHAIN);
          const document = asDocument
            ? withThrowing(documentOf(events), ['epcisBody', 'eventList', at], edited)
            : documentOf(events);
          runAll(events, document);
          expect(snapshot(CHAIN)).toEqual(before);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it('events from fc.anything() with throwing members at random places: no entry point throws', () => {
    const event = fc.record({
      type: fc.constantFrom('ObjectEvent', 'AggregationEvent', 'TransformationEvent', 'x'),
      action: fc.constantFrom('ADD', 'OBSERVE', 'DELETE'),
      eventTime: fc.constant('2025-05-01T08:00:00+08:00'),
      eventTimeZoneOffset: fc.constant('+08:00'),
      epcList: fc.array(fc.oneof(fc.constant('urn:epc:id:sgtin:6921001.000102.1'), fc.anything())),
      ilmd: fc.anything(),
      sensorElementList: fc.array(fc.record({ sensorReport: fc.array(fc.anything()) })),
      quantityList: fc.anything(),
    });
    // where to put what throws: (event, path pick, kind), applied in the property's body (the
    // values that throw are made there: fast-check itself would read them)
    const where = fc.array(
      fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...HOSTILE, 'getter' as const)),
      { minLength: 1, maxLength: 3 },
    );
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 4 }), where, (made, places) => {
        const edited: unknown[] = [...made];
        for (const [at, pick, kind] of places) {
          const i = at % edited.length;
          if (edited[i] !== made[i]) continue; // one place per event
          const paths = pathsOf(made[i]);
          const path = paths[pick % paths.length] as (string | number)[];
          const e = edited[i];
          edited[i] =
            kind === 'getter'
              ? path.length === 0
                ? hostile('get', e)
                : withThrowing(e, path)
              : path.length === 0
                ? hostile(kind, e)
                : withThrowing(e, path, hostile(kind, pathValue(made[i], path)));
        }
        const events = [CHAIN[0], ...edited, CHAIN[1]];
        runAll(events, documentOf(events));
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});

function pathValue(value: unknown, path: readonly (string | number)[]): unknown {
  let v = value;
  for (const k of path) v = (v as Record<string | number, unknown>)[k];
  return v;
}

describe('inputs that throw when read (examples)', () => {
  const bad = {
    ...CHAIN[0],
    get quantityList() {
      return boom();
    },
  };

  it('the message of TRACE_INPUT_UNREADABLE has the same placeholders in zh-CN and en', () => {
    for (const m of [epcisMessages.TRACE_INPUT_UNREADABLE, chainMessages.TRACE_INPUT_UNREADABLE]) {
      const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      expect(names(m.templates['zh-CN'])).toEqual(names(m.templates.en));
      expect(names(m.templates.en)).toEqual(['detail', 'what']);
      expect(m.severity).toBe('error');
    }
  });

  it('validateEpcisDocument: an error on the event, with what was thrown; the others are checked', () => {
    const events = [CHAIN[1], bad, CHAIN[2]];
    for (const mode of ['strict', 'lenient'] as const) {
      const r = validateEpcisDocument(documentOf(events), { mode });
      expect(r.valid).toBe(false);
      const d = r.diagnostics.find((x) => x.code === 'TRACE_INPUT_UNREADABLE');
      expect(d?.path).toEqual(['epcisBody', 'eventList', 1]);
      expect(d?.params?.detail).toBe('getter');
      expect(d?.severity).toBe('error');
      const others = validateEpcisDocument(documentOf([CHAIN[1], CHAIN[2]]), { mode });
      expect(r.events).toEqual(others.events);
      expect(r.diagnostics.filter((x) => x.code !== 'TRACE_INPUT_UNREADABLE').length).toBe(
        others.diagnostics.length,
      );
      expect(r.eventCount).toBe(3);
    }
    const zh = validateEpcisDocument(documentOf(events), { locale: 'zh-CN' });
    expect(zh.diagnostics.find((x) => x.code === 'TRACE_INPUT_UNREADABLE')?.message).toContain(
      'getter',
    );
  });

  it('validateEpcisDocument and parseEpcisDocument: a document or event list that throws', () => {
    for (const kind of ON_READ) {
      for (const document of [
        hostile(kind, documentOf([CHAIN[0]])),
        withThrowing(documentOf([CHAIN[0]]), ['epcisBody', 'eventList'], hostile(kind, [CHAIN[0]])),
      ]) {
        const r = validateEpcisDocument(document);
        expect(r.valid).toBe(false);
        expect(codes(r.diagnostics)).toContain('TRACE_INPUT_UNREADABLE');
        const parsed = parseEpcisDocument(document);
        expect(parsed.ok).toBe(false);
      }
    }
  });

  it('a document whose event list throws after its events were read: the rest of the input (found in review)', () => {
    // the event list reads twice, then throws: the event is checked (and normalised), the rest not
    const event = { ...CHAIN[0], action: 'add' };
    let reads = 0;
    const body = {
      get eventList() {
        reads += 1;
        if (reads > 2) throw new Error('later read');
        return [event];
      },
    };
    const document = { ...documentOf([]), epcisBody: body };
    const r = validateEpcisDocument(document, { mode: 'lenient', locale: 'en' });
    const last = r.diagnostics.at(-1);
    expect([last?.code, last?.path]).toEqual(['TRACE_INPUT_UNREADABLE', []]);
    // before: "The event cannot be read", the index of the event read last
    expect(last?.message).toBe(
      'The rest of the input cannot be read: reading it threw (later read); it was skipped, not checked',
    );
    expect(r.events).toHaveLength(1);
  });

  it('the single-event validator: an error finding, no throw', () => {
    for (const kind of [...ON_READ, 'ownKeys', 'descriptor'] as const) {
      const r = createEpcisEventValidator().validate(hostile(kind, CHAIN[0]), ['e']);
      expect(r.valid).toBe(false);
      const d = r.diagnostics.find((x) => x.code === 'TRACE_INPUT_UNREADABLE');
      expect(d?.path).toEqual(['e']);
    }
  });

  it('eventHashId, eventPreHash, documentEventHashIds: as for what is no event', () => {
    for (const kind of ON_READ) {
      expect(eventPreHash(hostile(kind, CHAIN[0]))).toBe('');
      expect(eventHashId(hostile(kind, CHAIN[0]))).toBe(eventHashId(null));
      expect(documentEventHashIds(hostile(kind, documentOf([CHAIN[0]])))).toEqual([]);
    }
    expect(eventPreHash(bad)).toBe('');
    const ids = documentEventHashIds(documentOf([CHAIN[0], bad]));
    expect(ids[0]).toBe(eventHashId(CHAIN[0]));
  });

  it('validateChain: the event is skipped with TRACE_INPUT_UNREADABLE, the rest checked as without it', () => {
    const at = 3;
    for (const kind of ON_READ) {
      const events = [...CHAIN.slice(0, at), hostile(kind, CHAIN[at]), ...CHAIN.slice(at + 1)];
      const found = validateChain(events);
      const d = found.find((x) => x.code === 'TRACE_INPUT_UNREADABLE');
      expect(d?.path).toEqual([at]);
      expect(d?.params?.index).toBe(at);
      expect(d?.severity).toBe('error');
      // the others: as a list where that entry is no event at all
      const without = validateChain([...CHAIN.slice(0, at), 0, ...CHAIN.slice(at + 1)]);
      expect(codes(found.filter((x) => x.code !== 'TRACE_INPUT_UNREADABLE'))).toEqual(
        codes(without.filter((x) => x.code !== 'TRACE_CHAIN_EVENT_SKIPPED')),
      );
    }
    const zh = validateChain([bad], { locale: 'zh-CN' });
    expect(zh.map((x) => x.message).join()).toContain('事件 [0] 无法读取');
  });

  it('checkProfile: a list entry that throws is skipped at its index, the rest checked', () => {
    const at = 3;
    // entry 3 of the list throws when read (the list itself and its other entries do not)
    const list = new Proxy([...CHAIN], {
      get: (target, key, receiver) =>
        key === String(at) ? boom() : Reflect.get(target, key, receiver),
    });
    const without = [...CHAIN.slice(0, at), 0, ...CHAIN.slice(at + 1)];
    const placed = (ds: readonly { code: string; path?: unknown }[]) =>
      ds.map((d) => `${d.code} ${JSON.stringify(d.path)}`).sort();
    for (const profile of PROFILES) {
      const found = checkProfile(list, profile).diagnostics;
      const d = found.find((x) => x.code === 'TRACE_INPUT_UNREADABLE');
      // before: one finding at [] (the whole input unreadable) and nothing else checked
      expect(d?.path).toEqual([at]);
      expect(d?.params?.index).toBe(at);
      expect(placed(found.filter((x) => x !== d))).toEqual(
        placed(checkProfile(without, profile).diagnostics),
      );
    }
  });

  it('validateChain, buildLotGraph, checkProfile: an input that throws when read', () => {
    for (const kind of ON_READ) {
      const input = hostile(kind, documentOf(CHAIN));
      expect(codes(validateChain(input))).toContain('TRACE_INPUT_UNREADABLE');
      expect(codes(buildLotGraph(input as never).diagnostics)).toContain('TRACE_INPUT_UNREADABLE');
      expect(codes(checkProfile(input, FSMA_204_PROFILE).diagnostics)).toContain(
        'TRACE_INPUT_UNREADABLE',
      );
      const list = hostile('array-get', CHAIN);
      expect(codes(validateChain(list))).toContain('TRACE_INPUT_UNREADABLE');
    }
  });

  it('an event that throws midway through being added leaves nothing in the graph or the index', () => {
    // epcList is read (and its lot stored) before quantityList throws
    const lot = 'urn:epc:id:sgtin:6921001.000102.ONLY';
    const midway = {
      type: 'ObjectEvent',
      action: 'ADD',
      eventTime: '2025-05-01T08:00:00+08:00',
      eventTimeZoneOffset: '+08:00',
      bizStep: 'commissioning',
      epcList: [lot, CHAIN[0]?.epcList ?? 'urn:epc:id:sgtin:6921001.000102.2'].flat(),
      get quantityList() {
        return boom();
      },
    };
    const graph = buildLotGraph([CHAIN[0], midway, CHAIN[1]]);
    expect(codes(graph.diagnostics)).toEqual(['TRACE_INPUT_UNREADABLE']);
    expect(graph.eventCount).toBe(2);
    expect(traceForward(graph, lot).found).toBe(false);
    const clean = buildLotGraph([CHAIN[0], CHAIN[1]]);
    for (const id of [
      'urn:epc:class:lgtin:6921001.000102.HCH24001',
      (CHAIN[0]?.epcList as string[] | undefined)?.[0] ?? '',
    ]) {
      expect(traceForward(graph, id).lots.map((l) => l.id)).toEqual(
        traceForward(clean, id).lots.map((l) => l.id),
      );
    }
    // the whole chain with the midway event in it: the same findings as without it, but its own
    const all = [...CHAIN.slice(0, 2), midway, ...CHAIN.slice(2)];
    const rest = [...CHAIN.slice(0, 2), 0, ...CHAIN.slice(2)];
    for (const checks of [{}, { duplicates: false }]) {
      const found = validateChain(all, { checks });
      expect(codes(found.filter((d) => d.code !== 'TRACE_INPUT_UNREADABLE'))).toEqual(
        codes(
          validateChain(rest, { checks }).filter((d) => d.code !== 'TRACE_CHAIN_EVENT_SKIPPED'),
        ),
      );
      for (const retainEvents of [false, true]) {
        const index = createTraceIndex({ retainEvents, checks });
        const returned = all.flatMap((e) => index.add(e));
        expect(codes(returned)).toContain('TRACE_INPUT_UNREADABLE');
        expect(index.graph.eventCount).toBe(CHAIN.length);
        expect(index.traceForward(lot).found).toBe(false);
        const reference = createTraceIndex({ retainEvents, checks });
        for (const e of CHAIN) reference.add(e);
        expect(codes(index.finalize())).toEqual(codes(reference.finalize()));
        // and the index goes on: a duplicate, then an event as new, are taken as ever
        expect(codes(index.add(CHAIN[0]))).toEqual(codes(reference.add(CHAIN[0])));
      }
    }
  });

  it('checkProfile: the event is reported and takes no step; the others keep theirs', () => {
    const events: unknown[] = [...CHAIN];
    const at = 2;
    events[at] = hostile('get', CHAIN[at]);
    const r = checkProfile(events, CN_AQUATIC_CHAIN_PROFILE);
    const d = r.diagnostics.filter((x) => x.code === 'TRACE_INPUT_UNREADABLE');
    expect(d.map((x) => x.path)).toEqual([[at]]);
    expect(r.ctes[at]).toBeUndefined();
    const clean = checkProfile(CHAIN, CN_AQUATIC_CHAIN_PROFILE);
    expect(r.ctes.filter((_, i) => i !== at)).toEqual(clean.ctes.filter((_, i) => i !== at));
  });

  it('checkProfile: an event whose member throws is reported as a list entry that throws is (locale, severity, path)', () => {
    const at = 2;
    // one input where event 2's sourceList getter throws (a member only the lot graph reads, so
    // its finding comes from there), one where reading entry 2 of the list does
    const member: unknown[] = [...CHAIN];
    member[at] = Object.defineProperty({ ...CHAIN[at] }, 'sourceList', {
      enumerable: true,
      get: boom,
    });
    const entry = new Proxy([...CHAIN], {
      get: (target, key, receiver) =>
        key === String(at) ? boom() : Reflect.get(target, key, receiver),
    });
    const options = {
      locale: 'zh-CN' as const,
      pathPrefix: ['epcisBody', 'eventList'],
      severities: { TRACE_INPUT_UNREADABLE: 'warning' as const },
    };
    const unreadable = (input: unknown) =>
      checkProfile(input, CN_AQUATIC_CHAIN_PROFILE, options).diagnostics.filter(
        (d) => d.code === 'TRACE_INPUT_UNREADABLE',
      );
    for (const input of [member, entry]) {
      const found = unreadable(input);
      expect(found.map((d) => [d.path, d.severity, d.params?.index])).toEqual([
        [['epcisBody', 'eventList', at], 'warning', at],
      ]);
      expect(found[0]?.message).toContain(`事件 [${at}] 无法读取`);
    }
  });
});
