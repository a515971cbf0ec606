import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEpcisLineValidator } from '../epcis/epcis-line-validator.js';
import { generatePlatformEvents } from '../testdata/b2b-platform.js';
import { generateSeaCucumberChain } from '../testdata/sea-cucumber-chain.js';
import { ContentKeyer } from './content-hash.js';
import { buildLotGraph } from './lot-graph.js';
import { createTraceIndex, type TraceIndex } from './trace-index.js';
import { traceBack, traceForward } from './trace-lot.js';
import { validateChain } from './validate-chain.js';

describe('createTraceIndex', () => {
  it('reports each finding on the add() of the event that settles it', () => {
    const { events } = generateSeaCucumberChain({ variant: 'time-reversed' });
    const index = createTraceIndex();
    const perEvent = events.map((e) => index.add(e).map((d) => d.code));
    // the retailer's receipt (index 9) is earlier than the warehouse-out (index 8): the pair is
    // settled when the receipt arrives
    expect(perEvent[9]).toEqual(['TRACE_TIME_ORDER']);
    expect(perEvent.flat()).toEqual(['TRACE_TIME_ORDER']);
    expect(index.finalize()).toEqual([]);
  });
  it('keeps receipts pending until their shipment arrives, and finalize() reports the rest', () => {
    const { events } = generateSeaCucumberChain({ variant: 'receipt-without-shipment' });
    const index = createTraceIndex();
    for (const e of events) expect(index.add(e)).toEqual([]);
    expect(index.finalize().map((d) => [d.code, d.path])).toEqual([
      ['TRACE_RECEIPT_WITHOUT_SHIPMENT', [4]],
    ]);
    // finalize does not change the index
    expect(index.finalize()).toHaveLength(1);
  });
  it('pairs a receipt that arrives before its shipment', () => {
    const { events } = generateSeaCucumberChain();
    const index = createTraceIndex();
    const order = [0, 1, 2, 3, 5, 4, 6, 7, 8, 9, 10, 11, 12];
    for (const i of order) index.add(events[i]);
    expect(index.finalize()).toEqual([]);
  });
  it('reports mass balance as soon as the outflow exceeds the inflow', () => {
    const { events } = generateSeaCucumberChain({ variant: 'mass-balance-off' });
    const index = createTraceIndex();
    const codes = events.map((e) => index.add(e).map((d) => d.code));
    expect(codes[8]).toEqual(['TRACE_MASS_BALANCE_EXCEEDED']);
    expect(index.finalize()).toEqual([]);
    const deferred = createTraceIndex({ massBalance: 'on-finalize' });
    for (const e of events) expect(deferred.add(e)).toEqual([]);
    expect(deferred.finalize().map((d) => d.code)).toEqual(['TRACE_MASS_BALANCE_EXCEEDED']);
  });
  it('keeps the mass balance of one lot at many holders apart (more than a short list holds)', () => {
    const lot = 'urn:epc:class:lgtin:6921001.000102.MANY';
    const place = (k: number) => `urn:epc:id:sgln:6921001.00001.${k}`;
    const origins = Array.from({ length: 20 }, (_, k) => ({
      type: 'ObjectEvent',
      action: 'ADD',
      bizStep: 'commissioning',
      eventTime: `2024-01-01T08:${String(k).padStart(2, '0')}:00+08:00`,
      quantityList: [{ epcClass: lot, quantity: 100, uom: 'KGM' }],
      bizLocation: { id: place(k) },
    }));
    const ships = Array.from({ length: 20 }, (_, k) => ({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'shipping',
      eventTime: `2024-01-02T08:${String(k).padStart(2, '0')}:00+08:00`,
      quantityList: [{ epcClass: lot, quantity: k === 3 || k === 15 ? 150 : 100, uom: 'KGM' }],
      readPoint: { id: place(k) },
      sourceList: [{ type: 'location', source: place(k) }],
    }));
    const index = createTraceIndex({ checks: { oneStep: false } });
    const found = [...origins, ...ships].flatMap((e) => index.add(e));
    expect(found.map((d) => [d.code, d.path, d.params?.holder, d.params?.outflow])).toEqual([
      ['TRACE_MASS_BALANCE_EXCEEDED', [23], 'https://id.gs1.org/414/6921001000018/254/3', 150],
      ['TRACE_MASS_BALANCE_EXCEEDED', [35], 'https://id.gs1.org/414/6921001000018/254/15', 150],
    ]);
    expect(index.finalize()).toEqual([]);
  });
  it('keeps a lot’s balances apart at holders whose numbers share their low bits (property)', () => {
    // 64 places seen first, in order, so that places k and k + 32 get symbols 32 apart: the
    // per-lot holder bits cannot tell them apart and the chain must decide
    const place = (k: number) => `urn:epc:id:sgln:6921001.00002.${k}`;
    const warmUp = {
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'inspecting',
      eventTime: '2024-01-01T00:00:00+08:00',
      epcList: ['urn:epc:id:sgtin:6921001.000102.1'],
      sourceList: Array.from({ length: 64 }, (_, k) => ({ type: 'location', source: place(k) })),
    };
    const lots = ['urn:epc:class:lgtin:6921001.000102.A', 'urn:epc:class:lgtin:6921001.000102.B'];
    const holders = [0, 1, 2, 3, 32, 33, 34, 35, 4, 36];
    const step = fc.record({
      ship: fc.boolean(),
      lot: fc.nat(lots.length - 1),
      holder: fc.nat(holders.length - 1),
      quantity: fc.integer({ min: 1, max: 100 }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const events = steps.map((s, i) => {
          const at = place(holders[s.holder] as number);
          return {
            type: 'ObjectEvent',
            eventTime: new Date(Date.UTC(2024, 0, 2, 0, 0, i)).toISOString(),
            quantityList: [{ epcClass: lots[s.lot], quantity: s.quantity, uom: 'KGM' }],
            // a shipment from the holder's place, or the lot commissioned there
            ...(s.ship
              ? {
                  action: 'OBSERVE',
                  bizStep: 'shipping',
                  readPoint: { id: at },
                  sourceList: [{ type: 'location', source: at }],
                }
              : { action: 'ADD', bizStep: 'commissioning', bizLocation: { id: at } }),
          };
        });
        // the oracle: per (lot, holder), in and out; reported once, when out first exceeds in
        const balances = new Map<string, { in: number; out: number; reported: boolean }>();
        const expected: number[] = [];
        steps.forEach((s, i) => {
          const key = `${s.lot}/${s.holder}`;
          const b = balances.get(key) ?? { in: 0, out: 0, reported: false };
          balances.set(key, b);
          if (!s.ship) b.in += s.quantity;
          else {
            b.out += s.quantity;
            if (!b.reported && b.in > 0 && b.out > b.in * 1.001 + 1e-9) {
              b.reported = true;
              expected.push(i + 1);
            }
          }
        });
        const index = createTraceIndex({ checks: { oneStep: false, timeOrder: false } });
        index.add(warmUp);
        const found = events
          .flatMap((e) => index.add(e))
          .filter((d) => d.code === 'TRACE_MASS_BALANCE_EXCEEDED')
          .map((d) => d.path?.[0]);
        expect(found).toEqual(expected);
      }),
    );
  });
  it('gives back the bizStep and disposition, also past 255 distinct words', () => {
    const events = Array.from({ length: 300 }, (_, i) => ({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      eventTime: '2024-01-01T08:00:00+08:00',
      bizStep: i % 2 === 0 ? 'shipping' : `https://example.com/steps/step-${i}`,
      ...(i % 3 === 0 ? {} : { disposition: `urn:epcglobal:cbv:disp:d${i}` }),
      epcList: [`urn:epc:id:sgtin:6921001.000102.${i}`],
    }));
    const index = createTraceIndex();
    for (const e of events) index.add(e);
    const got = events.map((_, slot) => {
      const summary = index.graph.event(slot);
      return [summary.bizStep, summary.disposition];
    });
    expect(got).toEqual(events.map((e, i) => [e.bizStep, i % 3 === 0 ? undefined : `d${i}`]));
  });
  it('reads each event of a stream by its own bizStep, disposition and offset', () => {
    // more values than the store remembers from one event to the next, in bare, URN and web forms
    const steps = [
      'shipping',
      'urn:epcglobal:cbv:bizstep:receiving',
      'https://ref.gs1.org/cbv/BizStep-destroying',
      'commissioning',
      ['urn:epcglobal:cbv:', 'bizstep:shipping'].join(''),
      'retail_selling',
      undefined,
    ];
    const dispositions = [
      'in_transit',
      undefined,
      'urn:epcglobal:cbv:disp:destroyed',
      'active',
      'https://ref.gs1.org/cbv/Disp-in_progress',
      ['sellable', '_accessible'].join(''),
      // a bizStep's URN as a disposition is no disposition word: kept as written
      'urn:epcglobal:cbv:bizstep:receiving',
      'damaged',
    ];
    const offsets = ['+08:00', '-05:00', '+08:00', '+00:00', '+05:30'];
    const events = Array.from({ length: 60 }, (_, i) => ({
      type: 'ObjectEvent',
      action: i % 5 === 0 ? 'ADD' : 'OBSERVE',
      eventTime: `2024-01-01T00:00:${String(i).padStart(2, '0')}Z`,
      eventTimeZoneOffset: offsets[i % offsets.length],
      ...(steps[i % steps.length] === undefined ? {} : { bizStep: steps[i % steps.length] }),
      ...(dispositions[i % dispositions.length] === undefined
        ? {}
        : { disposition: dispositions[i % dispositions.length] }),
      epcList: [`urn:epc:id:sgtin:6921001.000102.${i}`],
    }));
    const read = (index: TraceIndex, slot: number) => {
      const e = index.graph.event(slot);
      return [e.kind, e.bizStep, e.disposition, e.eventTime];
    };
    // each event alone, in an index of its own, is read with nothing remembered
    const alone = events.map((e) => {
      const index = createTraceIndex();
      index.add(e);
      return read(index, 0);
    });
    const index = createTraceIndex();
    for (const e of events) index.add(e);
    expect(events.map((_, slot) => read(index, slot))).toEqual(alone);
    // and the forms written differently are the same words
    expect(alone[4]?.slice(0, 2)).toEqual(['shipping', 'shipping']);
    expect(alone[1]?.slice(0, 3)).toEqual(['receiving', 'receiving', undefined]);
    expect(alone[4]?.[3]).toBe('2024-01-01T05:30:04.000+05:30');
    expect(alone[6]?.[2]).toBe('urn:epcglobal:cbv:bizstep:receiving');
  });
  it('tells contents apart whose keys share their first half (and still finds their duplicates)', () => {
    // birthday search for two events whose 32-bit first halves of the content key agree
    const keyer = new ContentKeyer();
    const seen = new Map<number, number>();
    // two varying members, so that the halves are not functions of one 32-bit member hash
    const event = (i: number) => ({ type: 'ObjectEvent', p: `p${i}`, q: `q${i % 7}` });
    let pair: [number, number] | undefined;
    for (let i = 0; pair === undefined; i += 1) {
      keyer.key(event(i));
      const b = keyer.b;
      const other = seen.get(keyer.a);
      if (other !== undefined) {
        keyer.key(event(other));
        if (keyer.b !== b) pair = [other, i];
      } else seen.set(keyer.a, i);
    }
    const [x, y] = pair;
    const index = createTraceIndex();
    const found = [event(x), event(y), event(y), event(x), event(y)].map((e) =>
      index.add(e).map((d) => [d.code, d.params?.firstIndex]),
    );
    expect(found).toEqual([
      [],
      [],
      [['TRACE_DUPLICATE_EVENT_CONTENT', 1]],
      [['TRACE_DUPLICATE_EVENT_CONTENT', 0]],
      [['TRACE_DUPLICATE_EVENT_CONTENT', 1]],
    ]);
  });
  it('finds the same problems as validateChain on every variant', () => {
    for (const variant of [
      'duplicate',
      'event-after-destruction',
      'yield-out-of-range',
      'shipment-not-received',
    ] as const) {
      const { events } = generateSeaCucumberChain({ variant });
      const index = createTraceIndex();
      for (const e of events) index.add(e);
      const incremental = [...index.diagnostics, ...index.finalize()].map((d) => d.code).sort();
      expect([variant, incremental]).toEqual([
        variant,
        validateChain(events)
          .map((d) => d.code)
          .sort(),
      ]);
      expect(
        validateChain(index.graph)
          .map((d) => d.code)
          .sort(),
      ).toEqual(incremental);
    }
  });
  it('answers trace queries on its current state, like a graph built in one go', () => {
    const events = [
      ...generatePlatformEvents({
        events: 3_000,
        suppliers: 40,
        buyers: 200,
        processorShare: 0.3,
        seed: 9,
      }),
    ];
    const index = createTraceIndex();
    for (const e of events) index.add(e);
    const graph = buildLotGraph(events);
    expect(index.size).toBe(3_000);
    expect(index.graph.nodeCount).toBe(graph.nodeCount);
    for (let n = 0; n < graph.nodeCount; n += 97) {
      const id = graph.idOf(n);
      expect(index.traceForward(id).lots.map((l) => l.id)).toEqual(
        traceForward(graph, id).lots.map((l) => l.id),
      );
      expect(index.traceBack(id).lots.length).toBeGreaterThanOrEqual(0);
      expect(index.recallScope(id).found).toBe(true);
    }
    expect(index.finalize()).toEqual([]);
  });
  it('does not keep the events unless asked', () => {
    const index = createTraceIndex();
    index.add({
      type: 'ObjectEvent',
      action: 'ADD',
      eventTime: '2024-01-01T00:00:00Z',
      epcList: ['urn:example:1'],
    });
    expect(index.graph.sourceEvent(0)).toBeUndefined();
    const keeping = createTraceIndex({ retainEvents: true });
    const e = {
      type: 'ObjectEvent',
      action: 'ADD',
      eventTime: '2024-01-01T00:00:00Z',
      epcList: ['urn:example:1'],
    };
    keeping.add(e);
    expect(keeping.graph.sourceEvent(0)).toBe(e);
  });
  it('compares kept events that hold a bigint (built in code) as duplicates, without throwing', () => {
    const keeping = createTraceIndex({ retainEvents: true });
    const e = {
      type: 'ObjectEvent',
      action: 'OBSERVE',
      eventTime: '2024-01-01T00:00:00Z',
      epcList: ['urn:example:1'],
      'ex:n': 1n,
    };
    expect(keeping.add(e)).toEqual([]);
    expect(keeping.add({ ...e }).map((d) => d.code)).toEqual(['TRACE_DUPLICATE_EVENT_CONTENT']);
    expect(keeping.add({ ...e, 'ex:n': 2n }).map((d) => d.code)).toEqual([]);
    // without the events kept, the content key alone must tell 1n from 2n (and 2n is 2)
    const index = createTraceIndex();
    index.add(e);
    expect(index.add({ ...e, 'ex:n': 2n })).toEqual([]);
    expect(index.add({ ...e, 'ex:n': 2 }).map((d) => d.code)).toEqual([
      'TRACE_DUPLICATE_EVENT_CONTENT',
    ]);
    expect(index.add({ ...e, 'ex:n': 2n ** 70n })).toEqual([]);
    expect(index.add({ ...e, 'ex:n': 2n ** 70n + 1n })).toEqual([]);
  });
  it('reports what is not an event, and carries on', () => {
    const index = createTraceIndex();
    expect(index.add(null).map((d) => [d.code, d.path])).toEqual([
      ['TRACE_CHAIN_EVENT_SKIPPED', [0]],
    ]);
    expect(
      index.add({
        type: 'ObjectEvent',
        action: 'ADD',
        eventTime: '2024-01-01T00:00:00Z',
        epcList: ['urn:example:1'],
      }),
    ).toEqual([]);
    expect(index.size).toBe(2);
  });
});

describe('createTraceIndex: duplicates, partial destruction, error declarations', () => {
  const LOT = 'urn:epc:class:lgtin:6921001.000102.A1';
  const A = 'urn:epc:id:sgln:6921001.00001.0';
  const B = 'urn:epc:id:sgln:6921002.00001.0';
  // B as the graph names it: GLN 692100200001 with its check digit 7, extension 0
  const B_GLN = 'https://id.gs1.org/414/6921002000017';
  const base = { type: 'ObjectEvent', eventTimeZoneOffset: '+08:00' };
  const qty = (quantity: number) => [{ epcClass: LOT, quantity, uom: 'KGM' }];
  const made = (id: string, t: string, kg: number) => ({
    ...base,
    eventID: id,
    action: 'ADD',
    bizStep: 'commissioning',
    eventTime: t,
    quantityList: qty(kg),
    bizLocation: { id: A },
  });
  const moved = (
    id: string,
    step: 'shipping' | 'receiving',
    t: string,
    kg: number,
    po = 'PO1',
  ) => ({
    ...base,
    eventID: id,
    action: 'OBSERVE',
    bizStep: step,
    eventTime: t,
    quantityList: qty(kg),
    ...(step === 'shipping' ? { readPoint: { id: A } } : { bizLocation: { id: B } }),
    bizTransactionList: [
      { type: 'po', bizTransaction: `urn:epcglobal:cbv:bt:6921001000018:${po}` },
    ],
    sourceList: [{ type: 'location', source: A }],
    destinationList: [{ type: 'location', destination: B }],
  });
  const run = (events: readonly unknown[]) => {
    const index = createTraceIndex();
    const added = events.map((e) => index.add(e).map((d) => d.code));
    return { index, added, final: index.finalize().map((d) => [d.code, d.path]) };
  };

  it('reports a re-sent shipment and leaves it out of pairing, balances and recall', () => {
    const sent = moved('urn:uuid:s', 'shipping', '2024-01-02T08:00:00+08:00', 400);
    const { index, added, final } = run([
      made('urn:uuid:m', '2024-01-01T08:00:00+08:00', 1000),
      sent,
      moved('urn:uuid:r', 'receiving', '2024-01-02T18:00:00+08:00', 400),
      { ...sent },
    ]);
    expect(added).toEqual([[], [], [], ['TRACE_DUPLICATE_EVENT_ID']]);
    expect(final).toEqual([]);
    expect(index.recallScope(LOT).recipients.map((c) => [c.id, c.quantities])).toEqual([
      [B_GLN, { KGM: 400 }],
    ]);
    // the graph lists the lot's three events, not four
    expect(index.graph.eventsOf(index.graph.nodeOf(LOT) as number)).toEqual([0, 1, 2]);
  });
  it('lets a lot be used after part of it was destroyed', () => {
    const destroy = {
      ...base,
      eventID: 'urn:uuid:d',
      action: 'OBSERVE',
      bizStep: 'destroying',
      disposition: 'destroyed',
      eventTime: '2024-01-01T12:00:00+08:00',
      quantityList: qty(1),
      bizLocation: { id: A },
    };
    const { added, final } = run([
      made('urn:uuid:m', '2024-01-01T08:00:00+08:00', 100),
      destroy,
      moved('urn:uuid:s', 'shipping', '2024-01-02T08:00:00+08:00', 50),
      moved('urn:uuid:r', 'receiving', '2024-01-02T18:00:00+08:00', 50),
    ]);
    expect([added.flat(), final]).toEqual([[], []]);
  });
  it('withdraws an event already indexed when an error declaration names it, and says so', () => {
    const wrong = moved('urn:uuid:w', 'shipping', '2024-01-02T08:00:00+08:00', 600);
    const declaration = {
      ...wrong,
      errorDeclaration: {
        declarationTime: '2024-01-02T12:00:00+08:00',
        reason: 'incorrect_data',
        correctiveEventIDs: ['urn:uuid:c'],
      },
    };
    const { index, added, final } = run([
      made('urn:uuid:m', '2024-01-01T08:00:00+08:00', 1000),
      wrong,
      declaration,
      moved('urn:uuid:c', 'shipping', '2024-01-02T08:00:00+08:00', 400),
      moved('urn:uuid:r', 'receiving', '2024-01-02T18:00:00+08:00', 400),
      // 400 + 500 of 1000: within the balance once the wrong 600 is taken back
      moved('urn:uuid:s2', 'shipping', '2024-01-03T08:00:00+08:00', 500, 'PO2'),
      moved('urn:uuid:r2', 'receiving', '2024-01-03T18:00:00+08:00', 500, 'PO2'),
    ]);
    expect(added).toEqual([[], [], ['TRACE_ERROR_DECLARATION_LATE'], [], [], [], []]);
    expect(index.diagnostics[0]?.params).toMatchObject({ index: 2, declaredIndex: 1 });
    expect(index.diagnostics[0]?.path).toEqual([2, 'errorDeclaration']);
    expect(final).toEqual([]);
    expect(index.recallScope(LOT).recipients.map((c) => [c.id, c.quantities])).toEqual([
      [B_GLN, { KGM: 900 }],
    ]);
  });
  it('leaves out an event whose error declaration came first, without a finding', () => {
    const wrong = moved('urn:uuid:w', 'shipping', '2024-01-02T08:00:00+08:00', 600);
    const declaration = {
      ...wrong,
      errorDeclaration: { declarationTime: '2024-01-02T12:00:00+08:00' },
    };
    const { index, added, final } = run([
      made('urn:uuid:m', '2024-01-01T08:00:00+08:00', 1000),
      declaration,
      wrong,
      moved('urn:uuid:c', 'shipping', '2024-01-02T08:00:00+08:00', 400),
      moved('urn:uuid:r', 'receiving', '2024-01-02T18:00:00+08:00', 400),
    ]);
    expect([added.flat(), final]).toEqual([[], []]);
    expect(index.graph.eventsOf(index.graph.nodeOf(LOT) as number)).toEqual([0, 3, 4]);
  });
  it("leaves duplicates out on the line validator's direct path too", () => {
    const sent = moved('urn:uuid:s', 'shipping', '2024-01-02T08:00:00+08:00', 400);
    const events = [
      made('urn:uuid:m', '2024-01-01T08:00:00+08:00', 1000),
      sent,
      moved('urn:uuid:r', 'receiving', '2024-01-02T18:00:00+08:00', 400),
      sent,
    ];
    const index = createTraceIndex();
    const lines = createEpcisLineValidator({ mode: 'lenient', index });
    const found = events.map((e) =>
      lines.validate(JSON.stringify(e)).diagnostics.map((d) => d.code),
    );
    expect(found).toEqual([[], [], [], ['TRACE_DUPLICATE_EVENT_ID']]);
    expect(lines.direct).toBe(4);
    expect(index.finalize()).toEqual([]);
    expect(index.recallScope(LOT).recipients.map((c) => [c.id, c.quantities])).toEqual([
      [B_GLN, { KGM: 400 }],
    ]);
  });
  const findings = (events: readonly unknown[], options: Parameters<typeof validateChain>[1]) => {
    const index = createTraceIndex(options);
    const out = events.flatMap((e) => index.add(e));
    out.push(...index.finalize());
    const codes = (ds: readonly { code: string; path?: unknown }[]) =>
      ds.map((d) => [d.code, d.path]).sort();
    return { index: codes(out), batch: codes(validateChain(events, options)) };
  };
  const declared = (event: Record<string, unknown>) => ({
    ...event,
    errorDeclaration: { declarationTime: '2024-01-05T12:00:00+08:00' },
  });

  it('leaves out an event declared erroneous earlier with the duplicate check off', () => {
    // 10 kg made, a shipment of 30 kg declared erroneous before it arrives: nothing to report
    const made10 = made('urn:uuid:m', '2024-01-01T08:00:00+08:00', 10);
    const wrong = moved('urn:uuid:w', 'shipping', '2024-01-02T08:00:00+08:00', 30);
    const { eventID: _, ...wrongWithoutId } = wrong;
    for (const checks of [{}, { duplicates: false }]) {
      expect(findings([made10, declared(wrong), wrong], { checks })).toEqual({
        index: [],
        batch: [],
      });
      // a declaration without an eventID names the event by its content
      expect(findings([made10, declared(wrongWithoutId), wrongWithoutId], { checks })).toEqual({
        index: [],
        batch: [],
      });
    }
  });
  it("leaves out an event declared erroneous earlier on the line validator's direct path", () => {
    const wrong = moved('urn:uuid:w', 'shipping', '2024-01-02T08:00:00+08:00', 30);
    const { eventID: _, ...wrongWithoutId } = wrong;
    for (const checks of [{}, { duplicates: false }]) {
      const index = createTraceIndex({ checks });
      const lines = createEpcisLineValidator({ mode: 'lenient', index });
      const events = [
        made('urn:uuid:m', '2024-01-01T08:00:00+08:00', 10),
        declared(wrong),
        declared(wrongWithoutId),
        wrong,
        wrongWithoutId,
      ];
      const found = events.flatMap((e) =>
        lines.validate(JSON.stringify(e)).diagnostics.map((d) => d.code),
      );
      expect([found, index.finalize()]).toEqual([[], []]);
      expect(lines.direct).toBeGreaterThanOrEqual(3);
    }
  });
  it('reports no orphan lot for a lot whose only event was declared erroneous', () => {
    const observed = {
      ...base,
      eventID: 'urn:uuid:o',
      action: 'OBSERVE',
      bizStep: 'inspecting',
      eventTime: '2024-01-01T08:00:00+08:00',
      epcList: ['urn:epc:id:sgtin:6921001.000102.7'],
      bizLocation: { id: A },
    };
    expect(findings([observed, declared(observed)], {})).toEqual({
      index: [['TRACE_ERROR_DECLARATION_LATE', [1, 'errorDeclaration']]],
      batch: [],
    });
  });
  it('takes a withdrawn transformation out of its transformationID group', () => {
    const lot = (l: string) => `urn:epc:class:lgtin:6921001.000102.${l}`;
    const transform = (id: string, input: string) => ({
      type: 'TransformationEvent',
      eventID: id,
      eventTime: '2024-01-01T08:00:00+08:00',
      eventTimeZoneOffset: '+08:00',
      transformationID: 'urn:uuid:tx1',
      inputQuantityList: [{ epcClass: lot(input), quantity: 10, uom: 'KGM' }],
      outputQuantityList: [{ epcClass: lot('X'), quantity: 5, uom: 'KGM' }],
    });
    const wrong = transform('urn:uuid:t1', 'A');
    const fix = transform('urn:uuid:t2', 'B');
    const other = transform('urn:uuid:t3', 'C');
    const X = 'https://id.gs1.org/01/06921001001022/10/X';
    const back = (graph: Parameters<typeof traceBack>[0]) =>
      traceBack(graph, lot('X'))
        .lots.map((l) => l.id.replace(/.*\/10\//, ''))
        .sort();
    for (const events of [
      [wrong, declared(wrong), fix],
      [declared(wrong), wrong, fix],
      // declared late, after the events it shares the group with
      [wrong, fix, other, declared(wrong)],
      // a copy of the fix (a duplicate) adds nothing to the group either
      [fix, { ...fix }, other, { ...other, eventID: 'urn:uuid:t4' }],
    ]) {
      const index = createTraceIndex();
      for (const e of events) index.add(e);
      const expected = events.includes(other) ? ['B', 'C'] : ['B'];
      expect(back(index.graph)).toEqual(expected);
      expect(back(buildLotGraph(events))).toEqual(expected);
      expect(index.graph.idOf(index.graph.nodeOf(lot('X')) as number)).toBe(X);
    }
  });
  it('unlinks withdrawn events from their lots as buildLotGraph leaves them out', () => {
    // random runs of events (some naming a lot twice), copies and declarations
    const lots = ['L1', 'L2', 'L3'].map((l) => `urn:epc:class:lgtin:6921001.000102.${l}`);
    const event = fc.record({
      id: fc.integer({ min: 0, max: 5 }),
      lots: fc.array(fc.constantFrom(...lots), { minLength: 1, maxLength: 3 }),
      kg: fc.integer({ min: 1, max: 3 }),
    });
    const step = fc.oneof(
      event.map((e) => ({ op: 'add' as const, ...e })),
      fc.nat(20).map((n) => ({ op: 'copy' as const, n })),
      fc.nat(20).map((n) => ({ op: 'declare' as const, n })),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const events: Record<string, unknown>[] = [];
        const made: Record<string, unknown>[] = [];
        for (const s of steps) {
          if (s.op === 'add') {
            const e = {
              ...base,
              eventID: `urn:uuid:e${s.id}`,
              action: 'OBSERVE',
              bizStep: 'inspecting',
              eventTime: '2024-01-01T08:00:00+08:00',
              quantityList: s.lots.map((epcClass) => ({
                epcClass,
                quantity: s.kg + 10 * s.id,
                uom: 'KGM',
              })),
            };
            made.push(e);
            events.push(e);
          } else if (made.length > 0) {
            const e = made[s.n % made.length] as Record<string, unknown>;
            events.push(s.op === 'copy' ? { ...e } : declared(e));
          }
        }
        const index = createTraceIndex({ checks: { duplicates: true } });
        for (const e of events) index.add(e);
        const graph = buildLotGraph(events);
        const listed = (g: typeof graph) =>
          lots.map((l) => {
            const node = g.nodeOf(l);
            return node === undefined ? [] : g.eventsOf(node).map((slot) => g.event(slot).index);
          });
        // different eventIDs, different content; copies of one eventID share their event time
        expect(listed(index.graph)).toEqual(listed(graph));
      }),
      { numRuns: 300 },
    );
  });
  it('undoes the pairing, origin and balance blame of an event declared erroneous late', () => {
    // findings of the index, the late declaration's own aside, against validateChain's
    const settled = (events: readonly Record<string, unknown>[]) => {
      const { index, batch } = findings(events, {});
      return {
        index: index.filter(([code]) => code !== 'TRACE_ERROR_DECLARATION_LATE'),
        batch,
      };
    };
    const made1000 = made('urn:uuid:m', '2024-01-01T08:00:00+08:00', 1000);
    const sent = moved('urn:uuid:s', 'shipping', '2024-01-02T08:00:00+08:00', 400);
    const got = moved('urn:uuid:r', 'receiving', '2024-01-02T18:00:00+08:00', 400);
    // the receipt of a shipment is declared erroneous: the shipment is not received
    expect(settled([made1000, sent, got, declared(got)])).toEqual({
      index: [['TRACE_SHIPMENT_NOT_RECEIVED', [1]]],
      batch: [['TRACE_SHIPMENT_NOT_RECEIVED', [1]]],
    });
    // the shipment is: the receipt has none, until the corrective shipment pairs with it
    const resent = moved('urn:uuid:s2', 'shipping', '2024-01-02T09:00:00+08:00', 400);
    expect(settled([made1000, sent, got, declared(sent)])).toEqual({
      index: [['TRACE_RECEIPT_WITHOUT_SHIPMENT', [2]]],
      batch: [['TRACE_RECEIPT_WITHOUT_SHIPMENT', [2]]],
    });
    expect(settled([made1000, sent, got, declared(sent), resent])).toEqual({
      index: [],
      batch: [],
    });
    // the lot's only origin is declared erroneous: the lot is an orphan
    const observed = {
      ...base,
      eventID: 'urn:uuid:o',
      action: 'OBSERVE',
      bizStep: 'inspecting',
      eventTime: '2024-01-01T09:00:00+08:00',
      quantityList: qty(5),
      bizLocation: { id: A },
    };
    expect(settled([made1000, observed, declared(made1000)])).toEqual({
      index: [['TRACE_ORPHAN_LOT', [1, 'quantityList', 0]]],
      batch: [['TRACE_ORPHAN_LOT', [1, 'quantityList', 0]]],
    });
    // 10 + 5 kg made, 11 and 4 shipped; the 5 and the 4 declared erroneous: 11 of 10 shipped,
    // blamed on the shipment of 11 (index 2), not on the withdrawn one
    const ship = (id: string, t: string, kg: number, po: string) =>
      moved(id, 'shipping', t, kg, po);
    const recv = (id: string, t: string, kg: number, po: string) =>
      moved(id, 'receiving', t, kg, po);
    const more = made('urn:uuid:m2', '2024-01-01T09:00:00+08:00', 5);
    const last = ship('urn:uuid:s4', '2024-01-02T10:00:00+08:00', 4, 'PO4');
    const balance = settled([
      made('urn:uuid:m', '2024-01-01T08:00:00+08:00', 10),
      more,
      ship('urn:uuid:s11', '2024-01-02T08:00:00+08:00', 11, 'PO11'),
      recv('urn:uuid:r11', '2024-01-02T18:00:00+08:00', 11, 'PO11'),
      last,
      recv('urn:uuid:r4', '2024-01-02T19:00:00+08:00', 4, 'PO4'),
      declared(more),
      declared(last),
    ]);
    expect(balance.index).toEqual(balance.batch);
    expect(balance.batch).toContainEqual(['TRACE_MASS_BALANCE_EXCEEDED', [2]]);
  });
});
