import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePlatformEvents } from '../testdata/b2b-platform.js';
import { generateSeaCucumberChain, SEA_CUCUMBER_ACTORS } from '../testdata/sea-cucumber-chain.js';
import { buildLotGraph, type LotGraph } from './lot-graph.js';
import { recallScope } from './recall-scope.js';
import { traceBack, traceForward } from './trace-lot.js';

const lot = (i: number) => `urn:example:lot:${i}`;
function transformation(inputs: number[], outputs: number[], t = 0): Record<string, unknown> {
  return {
    type: 'TransformationEvent',
    eventTime: new Date(Date.UTC(2024, 0, 1) + t * 60_000).toISOString(),
    eventTimeZoneOffset: '+00:00',
    inputQuantityList: inputs.map((i) => ({ epcClass: lot(i), quantity: 1, uom: 'KGM' })),
    outputQuantityList: outputs.map((o) => ({ epcClass: lot(o), quantity: 1, uom: 'KGM' })),
  };
}

describe('traceForward / traceBack on the sea-cucumber chain', () => {
  const { events, lots } = generateSeaCucumberChain();
  const graph = buildLotGraph(events);
  const [first] = lots;
  if (first === undefined) throw new Error('no lots');

  it('follows seedlings → harvest → processed product', () => {
    const forward = traceForward(graph, first.seedling);
    expect(forward.found).toBe(true);
    expect(forward.lots.map((l) => [l.id, l.depth])).toEqual([
      ['https://id.gs1.org/01/06921001001022/10/HCH24001', 1],
      ['https://id.gs1.org/01/06921002002011/10/PCH24001', 2],
    ]);
    expect(forward.lots[0]?.via).toMatchObject({ index: 3 });
  });
  it('goes back from the processed product to the seedlings, accepting either spelling', () => {
    const back = traceBack(graph, 'https://id.gs1.org/01/06921002002011/10/PCH24001');
    expect(back.lots.map((l) => l.id)).toEqual([
      'https://id.gs1.org/01/06921001001022/10/HCH24001',
      'https://id.gs1.org/01/06921001001015/10/SCH24001',
    ]);
    expect(traceBack(graph, first.processed).lots).toEqual(back.lots);
  });
  it('respects maxDepth', () => {
    expect(traceForward(graph, first.seedling, { maxDepth: 1 }).lots).toHaveLength(1);
  });
  it('says when a lot is unknown', () => {
    const r = traceForward(graph, 'urn:epc:class:lgtin:0000000.000000.none');
    expect([r.found, r.lots, r.diagnostics.map((d) => d.code)]).toEqual([
      false,
      [],
      ['TRACE_LOT_UNKNOWN'],
    ]);
  });
  it('says so, without throwing, for an identifier that is not a string', () => {
    // from JavaScript callers: String() throws on an object without a prototype
    const r = traceBack(graph, Object.create(null) as string);
    expect([r.found, r.id, r.diagnostics.map((d) => [d.code, d.params?.id])]).toEqual([
      false,
      'object',
      [['TRACE_LOT_UNKNOWN', 'object']],
    ]);
    expect(traceForward(graph, 42 as unknown as string).id).toBe('42');
  });
});

describe('aggregation and transformationID edges', () => {
  it('traces a case forward to the pallet it was packed on and back from the pallet', () => {
    const sscc = 'urn:epc:id:sscc:4012345.0000000111';
    const graph = buildLotGraph([
      {
        type: 'AggregationEvent',
        action: 'ADD',
        eventTime: '2024-01-01T00:00:00Z',
        eventTimeZoneOffset: '+00:00',
        parentID: sscc,
        childEPCs: ['urn:epc:id:sgtin:4012345.011111.1'],
        childQuantityList: [{ epcClass: lot(1), quantity: 3 }],
      },
    ]);
    expect(traceForward(graph, lot(1)).lots.map((l) => l.id)).toEqual([
      'https://id.gs1.org/00/040123450000001112',
    ]);
    expect(
      traceBack(graph, sscc)
        .lots.map((l) => l.id)
        .sort(),
    ).toEqual(['https://id.gs1.org/01/04012345111118/21/1', lot(1)].sort());
  });
  it('joins the events of one transformationID', () => {
    const a = { ...transformation([1], []), transformationID: 'urn:example:t:1' };
    const b = { ...transformation([], [2]), transformationID: 'urn:example:t:1' };
    const graph = buildLotGraph([a, b]);
    expect(traceForward(graph, lot(1)).lots.map((l) => l.id)).toEqual([lot(2)]);
  });
});

describe('deep genealogies', () => {
  it('traverses a chain 100 000 transformations deep without overflowing the stack', () => {
    const depth = 100_000;
    const events = Array.from({ length: depth }, (_, i) => transformation([i], [i + 1], i));
    const graph = buildLotGraph(events);
    const forward = traceForward(graph, lot(0));
    expect(forward.lots).toHaveLength(depth);
    expect(forward.lots[depth - 1]).toMatchObject({ id: lot(depth), depth });
    const back = traceBack(graph, lot(depth));
    expect(back.lots).toHaveLength(depth);
    expect(back.lots[depth - 1]?.id).toBe(lot(0));
  }, 120_000);
});

describe('laws', () => {
  it('y ∈ traceForward(x) ⇔ x ∈ traceBack(y) on random genealogies (cycles included)', () => {
    const arbGraph = fc.array(
      fc.tuple(
        fc.uniqueArray(fc.integer({ min: 0, max: 14 }), { minLength: 1, maxLength: 3 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 14 }), { minLength: 1, maxLength: 3 }),
      ),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(arbGraph, (steps) => {
        const graph = buildLotGraph(steps.map(([i, o], k) => transformation(i, o, k)));
        const ids = Array.from({ length: 15 }, (_, i) => lot(i)).filter(
          (id) => graph.nodeOf(id) !== undefined,
        );
        const forward = new Map(
          ids.map((x) => [x, new Set(traceForward(graph, x).lots.map((l) => l.id))]),
        );
        const back = new Map(
          ids.map((y) => [y, new Set(traceBack(graph, y).lots.map((l) => l.id))]),
        );
        for (const x of ids)
          for (const y of ids) expect(forward.get(x)?.has(y)).toBe(back.get(y)?.has(x));
      }),
      { numRuns: 150 },
    );
  });
  it('holds on generated platform data too', () => {
    const graph = buildLotGraph([
      ...generatePlatformEvents({
        events: 4_000,
        suppliers: 30,
        buyers: 100,
        processorShare: 0.3,
        seed: 5,
      }),
    ]);
    const ids = Array.from({ length: graph.nodeCount }, (_, n) => graph.idOf(n));
    let derived = 0;
    for (const x of ids) {
      for (const step of traceForward(graph, x).lots) {
        derived += 1;
        expect(traceBack(graph, step.id).lots.some((l) => l.id === x)).toBe(true);
      }
    }
    expect(derived).toBeGreaterThan(0);
  });
});

describe('recallScope', () => {
  const { events, lots } = generateSeaCucumberChain();
  const graph = buildLotGraph(events);
  const [first] = lots;
  if (first === undefined) throw new Error('no lots');

  it('lists every downstream recipient of the harvest with quantities and dates', () => {
    const scope = recallScope(graph, first.live);
    expect(scope.downstreamLots).toEqual(['https://id.gs1.org/01/06921002002011/10/PCH24001']);
    expect(scope.upstreamLots).toEqual(['https://id.gs1.org/01/06921001001015/10/SCH24001']);
    const shipped = events.find((e) => e['fsk:cte'] === 'warehouse-out') as {
      quantityList: { quantity: number }[];
    };
    const processor = scope.recipients.find((c) => c.id === 'https://id.gs1.org/417/6921002000017');
    const retailer = scope.recipients.find((c) => c.id === 'https://id.gs1.org/417/6921003000016');
    const harvest = events.find((e) => e['fsk:cte'] === 'harvest') as {
      outputQuantityList: { quantity: number }[];
    };
    expect(processor?.quantities).toEqual({ KGM: harvest.outputQuantityList[0]?.quantity });
    expect(retailer?.quantities).toEqual({ KGM: shipped.quantityList[0]?.quantity });
    expect(retailer?.firstTime).toBe(events[8]?.eventTime);
    // the shop sold 5 + 6 + 7 kg (nothing was shipped to the shop's location itself)
    const shop = scope.recipients.find((c) => c.id === 'https://id.gs1.org/414/6921003000016');
    expect([shop?.quantities, shop?.sold]).toEqual([{}, { KGM: 18 }]);
  });
  describe('counts each flow once, sales apart', () => {
    // lot A: 1000 KGM made at P; shipped to R's location, received there, 399 KGM sold there
    const LOT_A = 'urn:epc:class:lgtin:6921001.000102.A1';
    const LOT_C = 'urn:epc:class:lgtin:6921001.000103.C1';
    const P = 'urn:epc:id:sgln:6921001.00001.0';
    const R = 'urn:epc:id:sgln:6921009.00001.0';
    const R_DL = 'https://id.gs1.org/414/6921009000010';
    const at = (day: number) => `2025-01-0${day}T08:00:00+08:00`;
    const ev = (kind: string, day: number, lot: string, quantity: number, extra = {}) => ({
      type: 'ObjectEvent',
      action: kind === 'commissioning' ? 'ADD' : 'OBSERVE',
      bizStep: kind,
      eventTime: at(day),
      eventTimeZoneOffset: '+08:00',
      quantityList: [{ epcClass: lot, quantity, uom: 'KGM' }],
      ...extra,
    });
    const made = ev('commissioning', 1, LOT_A, 1000, { bizLocation: { id: P } });
    const shipped = ev('shipping', 2, LOT_A, 400, {
      readPoint: { id: P },
      destinationList: [{ type: 'location', destination: R }],
    });
    const received = ev('receiving', 3, LOT_A, 400, { bizLocation: { id: R } });
    const sold = ev('retail_selling', 4, LOT_A, 399, { bizLocation: { id: R } });
    const recipient = (events: unknown[]) =>
      recallScope(buildLotGraph(events), LOT_A).recipients.find((c) => c.id === R_DL);

    it('a shipment and its receipt: 400 reached R, 399 sold there', () => {
      const r = recipient([made, shipped, received, sold]);
      expect([r?.quantities, r?.sold]).toEqual([{ KGM: 400 }, { KGM: 399 }]);
    });
    it('a receipt with no shipment on record still counts', () => {
      const r = recipient([made, received, sold]);
      expect([r?.quantities, r?.sold]).toEqual([{ KGM: 400 }, { KGM: 399 }]);
    });
    it('a lot made from it received without a shipment counts beside it', () => {
      const transformed = {
        type: 'TransformationEvent',
        eventTime: at(2),
        eventTimeZoneOffset: '+08:00',
        inputQuantityList: [{ epcClass: LOT_A, quantity: 100, uom: 'KGM' }],
        outputQuantityList: [{ epcClass: LOT_C, quantity: 90, uom: 'KGM' }],
        bizLocation: { id: P },
      };
      const receivedC = ev('receiving', 3, LOT_C, 90, { bizLocation: { id: R } });
      const r = recipient([made, shipped, received, transformed, receivedC]);
      expect(r?.quantities).toEqual({ KGM: 490 });
    });
    it('a flow recorded larger on one side counts the larger side; a negative quantity nothing', () => {
      const r = recipient([
        made,
        shipped,
        { ...received, quantityList: [{ epcClass: LOT_A, quantity: 380, uom: 'KGM' }] },
      ]);
      expect(r?.quantities).toEqual({ KGM: 400 });
      const negative = ev('retail_selling', 4, LOT_A, -5, { bizLocation: { id: R } });
      expect(recipient([made, shipped, received, negative])?.sold).toBeUndefined();
    });
    it('pairs shipments and receipts by business transaction: one-sided flows each count', () => {
      const po = (n: string) => ({
        bizTransactionList: [
          { type: 'po', bizTransaction: `urn:epcglobal:cbv:bt:6921001000018:${n}` },
        ],
      });
      const r = recipient([
        made,
        {
          ...shipped,
          ...po('PO1'),
          quantityList: [{ epcClass: LOT_A, quantity: 100, uom: 'KGM' }],
        },
        {
          ...received,
          ...po('PO1'),
          quantityList: [{ epcClass: LOT_A, quantity: 100, uom: 'KGM' }],
        },
        { ...shipped, ...po('PO2'), quantityList: [{ epcClass: LOT_A, quantity: 50, uom: 'KGM' }] },
        {
          ...received,
          ...po('PO3'),
          quantityList: [{ epcClass: LOT_A, quantity: 50, uom: 'KGM' }],
        },
      ]);
      expect(r?.quantities).toEqual({ KGM: 200 });
    });
    it('lists what a source made apart from what it sent', () => {
      const scope = recallScope(buildLotGraph([made, shipped, received]), LOT_A);
      const p = scope.sources.find((c) => c.id === 'https://id.gs1.org/414/6921001000018');
      expect([p?.produced, p?.quantities]).toEqual([{ KGM: 1000 }, { KGM: 400 }]);
    });
  });
  it('lists the upstream sources: the ranch that released the seedlings and harvested', () => {
    const scope = recallScope(graph, first.processed);
    const ids = scope.sources.map((c) => c.id);
    const { ranch, processor } = SEA_CUCUMBER_ACTORS;
    expect(ids.sort()).toEqual(
      [
        `https://id.gs1.org/414/${ranch.gln}`,
        `https://id.gs1.org/417/${ranch.gln}`,
        `https://id.gs1.org/414/${processor.gln}`,
        `https://id.gs1.org/417/${processor.gln}`,
      ].sort(),
    );
    expect(scope.upstream.some((m) => m.kind === 'origin' && m.lot.endsWith('SCH24001'))).toBe(
      true,
    );
  });
  it('is empty with a diagnostic for an unknown lot', () => {
    const scope = recallScope(graph, 'nothing');
    expect([scope.found, scope.recipients, scope.diagnostics.map((d) => d.code)]).toEqual([
      false,
      [],
      ['TRACE_LOT_UNKNOWN'],
    ]);
  });
});

describe('a lot graph of the caller’s own (the LotGraph interface alone)', () => {
  // a graph that answers through the interface only, as one backed by a database would: the
  // traversals and the recall scope take their generic way, and must give what they give on the
  // package's own graph
  const { events, lots } = generateSeaCucumberChain({ batches: 2 });
  const store = buildLotGraph(events);
  const own: LotGraph = {
    nodeCount: store.nodeCount,
    eventCount: store.eventCount,
    diagnostics: store.diagnostics,
    nodeOf: (id) => store.nodeOf(id),
    idOf: (node) => store.idOf(node),
    eventsOf: (node) => store.eventsOf(node),
    event: (slot) => store.event(slot),
    sourceEvent: (slot) => store.sourceEvent(slot),
    successors: (node) => store.successors(node),
    predecessors: (node) => store.predecessors(node),
  };

  it('is traced forward and back as the package’s graph is, maxDepth included', () => {
    for (const lot of lots) {
      for (const start of [lot.seedling, lot.live, lot.processed]) {
        expect(traceForward(own, start)).toEqual(traceForward(store, start));
        expect(traceBack(own, start)).toEqual(traceBack(store, start));
        expect(traceForward(own, start, { maxDepth: 1 })).toEqual(
          traceForward(store, start, { maxDepth: 1 }),
        );
      }
    }
    expect(traceForward(own, lots[0]?.seedling as string).lots.length).toBeGreaterThan(0);
    expect(traceForward(own, 'urn:example:unknown').found).toBe(false);
  });

  it('gives the same recall scope', () => {
    for (const lot of lots)
      expect(recallScope(own, lot.live)).toEqual(recallScope(store, lot.live));
  });
});
