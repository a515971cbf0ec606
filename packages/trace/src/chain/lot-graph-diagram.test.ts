import { describe, expect, it } from 'vitest';
import { generateSeaCucumberChain } from '../testdata/sea-cucumber-chain.js';
import { buildLotGraph } from './lot-graph.js';
import { lotGraphToDot, lotGraphToMermaid, shortLotLabel } from './lot-graph-diagram.js';

describe('diagrams', () => {
  const { events } = generateSeaCucumberChain();
  const graph = buildLotGraph(events);

  it('shortens GS1 Digital Links to GTIN · lot', () => {
    expect(shortLotLabel('https://id.gs1.org/01/06921002002011/10/PCH24001')).toBe(
      '06921002002011 · PCH24001',
    );
    expect(shortLotLabel('urn:example:x')).toBe('urn:example:x');
  });
  it('draws the genealogy as Mermaid, with shipments on request', () => {
    const text = lotGraphToMermaid(graph, { shipments: true });
    expect(text.split('\n')[0]).toBe('flowchart LR');
    expect(text).toContain('n0["06921001001015 · SCH24001"]');
    expect(text).toContain('n0 -->|"transformation"| n1');
    expect(text).toMatch(/n2 -\.->\|"shipped \d+ KGM"\| p\d/);
  });
  it('draws the same as DOT', () => {
    const text = lotGraphToDot(graph);
    expect(text.startsWith('digraph lots {\n  rankdir=LR;')).toBe(true);
    expect(text).toContain('n0 -> n1 [label="transformation"];');
    expect(text.trimEnd().endsWith('}')).toBe(true);
  });
  it('escapes quotes in labels', () => {
    const g = buildLotGraph([
      {
        type: 'TransformationEvent',
        eventTime: '2024-01-01T00:00:00Z',
        inputEPCList: ['urn:a"b'],
        outputEPCList: ['urn:c\\d'],
      },
    ]);
    expect(lotGraphToDot(g)).toContain('label="urn:a\\"b"');
    expect(lotGraphToMermaid(g)).toContain('["urn:a#quot;b"]');
  });
  it('keeps markup and entity codes in identifiers from reaching a Mermaid renderer', () => {
    const g = buildLotGraph([
      {
        type: 'TransformationEvent',
        eventTime: '2024-01-01T00:00:00Z',
        inputEPCList: ['urn:x:<img src=x onerror=alert(1)>'],
        outputEPCList: ['urn:y:#quot;&amp;'],
      },
    ]);
    const text = lotGraphToMermaid(g);
    expect(text).toContain('["urn:x:#lt;img src=x onerror=alert(1)#gt;"]');
    expect(text).toContain('["urn:y:#35;quot;#amp;amp;"]');
    expect(text.replace(/-\.?->/g, '')).not.toMatch(/[<>]/); // only arrows are left
  });

  it('sums every line of a shipment that names the lot twice, and shows a missing quantity as such', () => {
    const LOT = 'urn:epc:class:lgtin:6921002.000201.PCH24001';
    const ship = (lines: object[], buyer: string) => ({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'shipping',
      eventTime: '2025-05-02T09:00:00+08:00',
      eventTimeZoneOffset: '+08:00',
      quantityList: lines,
      destinationList: [{ type: 'owning_party', destination: buyer }],
    });
    const g = buildLotGraph([
      ship(
        [
          { epcClass: LOT, quantity: 100, uom: 'KGM' },
          { epcClass: LOT, quantity: 50, uom: 'KGM' },
        ],
        'urn:example:buyer:1',
      ),
      ship([{ epcClass: LOT }], 'urn:example:buyer:2'),
      ship([{ epcClass: LOT, quantity: 0.1, uom: 'KGM' }], 'urn:example:buyer:3'),
      ship([{ epcClass: LOT, quantity: 0.2, uom: 'KGM' }], 'urn:example:buyer:3'),
    ]);
    // before: "shipped 200 KGM" (the first line twice), "shipped 0", "shipped 0.30000000000000004 KGM"
    const text = lotGraphToMermaid(g, { shipments: true });
    expect(text).toContain('n0 -.->|"shipped 150 KGM"| p0');
    expect(text).toContain('n0 -.->|"shipped quantity not given"| p1');
    expect(text).toContain('n0 -.->|"shipped 0.3 KGM"| p2');
    expect(lotGraphToDot(g, { shipments: true })).toContain('label="shipped 150 KGM"');
  });
});

describe('diagrams of a graph that skipped an unreadable event', () => {
  const at = (minute: number) => ({
    eventTime: `2025-01-01T00:0${minute}:00Z`,
    eventTimeZoneOffset: '+00:00',
  });
  // lot A is made into lot B; then an event built in code names B and C, a lot nothing else
  // names, and throws when its quantityList is read (TRACE_INPUT_UNREADABLE: its links are
  // undone); then B is shipped and lot D observed
  const unreadable = {
    type: 'ObjectEvent',
    action: 'OBSERVE',
    ...at(1),
    epcList: ['urn:example:lot:B', 'urn:example:lot:C'],
    get quantityList(): never {
      throw new Error('unreadable');
    },
  };
  const g = buildLotGraph([
    {
      type: 'TransformationEvent',
      ...at(0),
      inputEPCList: ['urn:example:lot:A'],
      outputEPCList: ['urn:example:lot:B'],
    },
    unreadable,
    {
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'shipping',
      ...at(2),
      epcList: ['urn:example:lot:B'],
      destinationList: [{ type: 'owning_party', destination: 'urn:example:buyer' }],
    },
    { type: 'ObjectEvent', action: 'OBSERVE', ...at(3), epcList: ['urn:example:lot:D'] },
  ]);

  it('is the graph this test means: C was read before the event failed, and is no lot', () => {
    expect(g.diagnostics.map((d) => d.code)).toEqual(['TRACE_INPUT_UNREADABLE']);
    expect(g.nodeOf('urn:example:lot:C')).toBeUndefined();
    expect(Array.from({ length: g.nodeCount }, (_, n) => g.idOf(n))).toContain('urn:example:lot:C');
  });

  it('draws no node for C in Mermaid, the other lots with their edges', () => {
    // before: C was drawn as a lone box, n2["urn:example:lot:C"]
    expect(lotGraphToMermaid(g)).toBe(
      [
        'flowchart LR',
        '  n0["urn:example:lot:A"]',
        '  n1["urn:example:lot:B"]',
        '  n3["urn:example:lot:D"]',
        '  n0 -->|"transformation"| n1',
        '',
      ].join('\n'),
    );
    // with shipments: B shipped once, one EPC counted as 1
    expect(lotGraphToMermaid(g, { shipments: true })).toBe(
      [
        'flowchart LR',
        '  n0["urn:example:lot:A"]',
        '  n1["urn:example:lot:B"]',
        '  n3["urn:example:lot:D"]',
        '  p0(["urn:example:buyer"])',
        '  n0 -->|"transformation"| n1',
        '  n1 -.->|"shipped 1"| p0',
        '',
      ].join('\n'),
    );
  });

  it('draws no node for C in DOT, with or without a lot list', () => {
    expect(lotGraphToDot(g)).toBe(
      [
        'digraph lots {',
        '  rankdir=LR;',
        '  node [shape=box];',
        '  n0 [label="urn:example:lot:A"];',
        '  n1 [label="urn:example:lot:B"];',
        '  n3 [label="urn:example:lot:D"];',
        '  n0 -> n1 [label="transformation"];',
        '}',
        '',
      ].join('\n'),
    );
    const lots = ['urn:example:lot:C', 'urn:example:lot:B', 'urn:example:lot:A'];
    const listed = lotGraphToDot(g, { lots, shipments: true });
    expect(listed).not.toContain('lot:C');
    expect(listed).toContain('  n1 [label="urn:example:lot:B"];');
    expect(listed).toContain('  n0 [label="urn:example:lot:A"];');
    expect(listed).toContain('  n0 -> n1 [label="transformation"];');
    expect(listed).toContain('  n1 -> p0 [label="shipped 1", style=dashed];');
  });
});
