import { FoodSafetyError } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import { buildLotGraph } from '../chain/lot-graph.js';
import { lotGraphToDot, lotGraphToMermaid } from '../chain/lot-graph-diagram.js';
import { recallScope } from '../chain/recall-scope.js';
import { traceBack, traceForward } from '../chain/trace-lot.js';
import { CN_AQUATIC_CHAIN_PROFILE } from '../cn/aquatic-chain.js';
import { CN_FOOD_SAFETY_LAW_PROFILE } from '../cn/food-safety-law.js';
import { generateSeaCucumberChain } from '../testdata/sea-cucumber-chain.js';
import { acmeMeta } from './__fixtures__/acme-profile.js';
import { FSMA_204_PROFILE } from './fsma-204.js';
import { GDST_PROFILE } from './gdst.js';
import { csvField, guardFormula, toSortableSpreadsheet } from './sortable-spreadsheet.js';
import { defineKde, type TraceProfile } from './trace-profile.js';

/** A minimal RFC 4180 reader, to check the writer's output round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return rows;
}

describe('csvField (RFC 4180)', () => {
  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('海参')).toBe('海参');
  });
});

describe('guardFormula (CSV injection)', () => {
  it('makes text of what a spreadsheet would run as a formula', () => {
    for (const cell of ['=1+1', '=HYPERLINK("http://x.example","x")', '+A1', '-2+3', '@SUM(A1)'])
      expect(guardFormula(cell)).toBe(`'${cell}`);
    expect(guardFormula('\t=1')).toBe("'\t=1");
    expect(guardFormula('\r\n=1')).toBe("'\r\n=1");
  });

  it('leaves plain numbers and everything else as they are', () => {
    for (const cell of [
      '-2.5',
      '+3',
      '-1e3',
      '.5',
      '1,5',
      'urn:epc:id:sgln:1.2.3',
      'a=b',
      '',
      '海参',
    ])
      expect(guardFormula(cell)).toBe(cell);
  });
});

describe('toSortableSpreadsheet', () => {
  const { events, lots } = generateSeaCucumberChain();
  const graph = buildLotGraph(events);
  const [first] = lots;
  if (first === undefined) throw new Error('no lots');

  it('writes one row per event of a trace, in time order, with CRLF line ends', () => {
    const trace = traceForward(graph, first.live);
    const csv = toSortableSpreadsheet(graph, { lots: [trace.id, ...trace.lots.map((l) => l.id)] });
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    const [header, ...body] = rows;
    expect(header?.slice(0, 3)).toEqual(['Record #', 'Event ID', 'Event date and time']);
    // the harvest and everything after it: indices 3..12
    expect(body.map((r) => Number(r[0]))).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const times = body.map((r) => Date.parse(r[2] as string));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
  it('adds the CTE and the KDE columns of a profile, in Chinese on request, with a BOM', () => {
    const csv = toSortableSpreadsheet(graph, {
      profile: FSMA_204_PROFILE,
      locale: 'zh-CN',
      bom: true,
    });
    expect(csv.startsWith('\uFEFF记录序号,')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    const header = rows[0] as string[];
    expect(header).toContain('关键追踪事件');
    expect(header).toContain('参考单据类型及编号');
    const cteColumn = header.indexOf('关键追踪事件');
    const docColumn = header.indexOf('参考单据类型及编号');
    // the step and the activity by their Chinese names, with the identifiers they stand for
    const shipping = rows.find((r) => r[cteColumn] === '发货（shipping）');
    expect(shipping?.[docColumn]).toContain('urn:epcglobal:cbv:bt:');
    expect(shipping?.[header.indexOf('活动')]).toBe('发货（shipping）');
    expect(
      rows
        .slice(1)
        .every((r) => /^[\u4e00-\u9fff]+（[a-z-]+）$/.test(r[header.indexOf('活动')] ?? '')),
    ).toBe(true);
    expect(rows).toHaveLength(events.length + 1);
  });
  it('writes no row for an event the chain leaves out (a re-sent duplicate)', () => {
    // the chain's fifth event sent twice: one record, one row, whichever way the rows are chosen
    const resent = buildLotGraph([...events, events[4] as (typeof events)[number]]);
    const all = parseCsv(toSortableSpreadsheet(resent)).slice(1);
    expect(all.map((r) => Number(r[0]))).toEqual(
      parseCsv(toSortableSpreadsheet(graph))
        .slice(1)
        .map((r) => Number(r[0])),
    );
    expect(all).toHaveLength(events.length);
    const trace = traceForward(resent, first.live);
    const traced = parseCsv(
      toSortableSpreadsheet(resent, { lots: [trace.id, ...trace.lots.map((l) => l.id)] }),
    ).slice(1);
    expect(traced.map((r) => Number(r[0]))).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
  it('round-trips awkward values through quoting', () => {
    const awkward = [
      {
        type: 'ObjectEvent',
        action: 'ADD',
        eventID: 'urn:x:"a,b"\nc',
        eventTime: '2024-01-01T00:00:00Z',
        epcList: ['urn:example:1'],
      },
    ];
    const rows = parseCsv(toSortableSpreadsheet(buildLotGraph(awkward)));
    expect(rows[1]?.[1]).toBe('urn:x:"a,b"\nc');
  });
  it('writes a KDE value that JSON cannot hold as a word, without throwing', () => {
    // an event built in code: a bigint inside an object without a prototype (String() of it
    // throws, and so does JSON.stringify)
    const odd = Object.assign(Object.create(null) as object, { n: 1n });
    const shipping = {
      type: 'ObjectEvent',
      action: 'OBSERVE',
      'fsk:cte': 'shipping',
      eventTime: '2024-01-01T00:00:00Z',
      epcList: ['urn:example:1'],
      bizTransactionList: [{ type: 'po', bizTransaction: odd }],
    };
    const rows = parseCsv(
      toSortableSpreadsheet(buildLotGraph([shipping]), { profile: FSMA_204_PROFILE }),
    );
    const header = rows[0] as string[];
    expect(rows[1]?.[header.indexOf('Reference document type and number')]).toBe('object');
  });
  it('guards cells a spreadsheet would run as formulas, unless told not to', () => {
    const hostile = [
      {
        type: 'ObjectEvent',
        action: 'OBSERVE',
        eventID: '=HYPERLINK("http://x.example","open")',
        eventTime: '2024-01-01T00:00:00Z',
        quantityList: [{ epcClass: '@lot', quantity: -2, uom: 'KGM' }],
        bizLocation: { id: '+1-1' },
      },
    ];
    const graph = buildLotGraph(hostile);
    const row = parseCsv(toSortableSpreadsheet(graph))[1] as string[];
    expect(row[1]).toBe('\'=HYPERLINK("http://x.example","open")');
    expect(row[7]).toBe("'@lot");
    expect(row[8]).toBe('-2'); // a number stays a number
    expect(row[10]).toBe("'+1-1");
    const raw = parseCsv(toSortableSpreadsheet(graph, { guardFormulas: false }))[1] as string[];
    expect([raw[1], raw[7], raw[10]]).toEqual([
      '=HYPERLINK("http://x.example","open")',
      '@lot',
      '+1-1',
    ]);
  });
});

describe('toSortableSpreadsheet: headers and times as a sheet needs them (found in review)', () => {
  const { events } = generateSeaCucumberChain();
  const graph = buildLotGraph(events);
  const header = (profile: TraceProfile, locale: 'en' | 'zh-CN') =>
    parseCsv(toSortableSpreadsheet(graph, { profile, locale }))[0] ?? [];

  it.each([FSMA_204_PROFILE, GDST_PROFILE, CN_FOOD_SAFETY_LAW_PROFILE, CN_AQUATIC_CHAIN_PROFILE])(
    'no two columns of $meta.id have one header, in either language',
    (profile) => {
      for (const locale of ['en', 'zh-CN'] as const) {
        const names = header(profile, locale);
        expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
      }
    },
  );

  it('tells a KDE column that shares a core column header apart by its id', () => {
    // before: FSMA 204's unit of measure KDE was a second "Unit of measure" column
    const names = header(FSMA_204_PROFILE, 'en');
    expect(names.filter((n) => n.startsWith('Unit of measure'))).toEqual([
      'Unit of measure',
      'Unit of measure (unitOfMeasure)', // the KDE's id in fsma-204.ts
    ]);
  });

  it('writes an eventTime the chain cannot place (no zone) as it was sent', () => {
    const noZone = { ...events[0], eventTime: '2025-05-01T08:00:00' };
    const rows = parseCsv(toSortableSpreadsheet(buildLotGraph([noZone])));
    // (the cell was empty before)
    expect(rows[1]?.[2]).toBe('2025-05-01T08:00:00');
  });
});

describe('a query given something that is no lot graph', () => {
  it.each<[string, () => unknown]>([
    ['traceForward', () => traceForward(null as never, 'x')],
    ['traceBack', () => traceBack(undefined as never, 'x')],
    ['recallScope', () => recallScope([] as never, 'x')],
    ['toSortableSpreadsheet', () => toSortableSpreadsheet(null as never)],
    ['lotGraphToMermaid', () => lotGraphToMermaid({} as never)],
    ['lotGraphToDot', () => lotGraphToDot(42 as never)],
  ])('%s throws TRACE_GRAPH_INVALID, not a TypeError', (fn, call) => {
    let thrown: unknown;
    try {
      call();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FoodSafetyError);
    expect([(thrown as FoodSafetyError).code, (thrown as FoodSafetyError).params.function]).toEqual(
      ['TRACE_GRAPH_INVALID', fn],
    );
  });
});

describe('toSortableSpreadsheet: KDE cells of quantity and unit (KdeDefinition.format)', () => {
  // 21 CFR 1.1340(a)(2) / 1.1345(a)(2): "the quantity and unit of measure of the food"; the
  // units are UN/CEFACT Rec 20 codes as EPCIS writes them (KGM kilogram, LBR pound)
  const LOT_1 = 'urn:epc:class:lgtin:4012345.012345.L1';
  const LOT_2 = 'urn:epc:class:lgtin:4012345.012345.L2';
  const LOT_3 = 'urn:epc:class:lgtin:4012345.012345.L3';
  const event = (minute: number, bizStep: string, what: object, type = 'ObjectEvent') => ({
    type,
    ...(type === 'ObjectEvent' ? { action: 'OBSERVE' } : {}),
    bizStep,
    eventTime: `2025-03-01T10:0${minute}:00Z`,
    eventTimeZoneOffset: '+00:00',
    ...what,
  });
  const events = [
    event(0, 'shipping', { quantityList: [{ epcClass: LOT_1, quantity: 12.5, uom: 'KGM' }] }),
    event(1, 'shipping', {
      quantityList: [
        { epcClass: LOT_1, quantity: 12.5, uom: 'KGM' },
        { epcClass: LOT_2, quantity: 3, uom: 'LBR' },
      ],
    }),
    // instances only: each EPC is one piece, and has no unit
    event(2, 'receiving', {
      epcList: ['urn:epc:id:sgtin:4012345.012345.1001', 'urn:epc:id:sgtin:4012345.012345.1002'],
    }),
    // a quantity without uom: a count of instances of the class (EPCIS 2.0 §7.3.3.3)
    event(3, 'shipping', { quantityList: [{ epcClass: LOT_2, quantity: 40 }] }),
    // a weighed lot and a counted one: the count's entry is kept, empty, so entries stay aligned
    event(4, 'shipping', {
      quantityList: [
        { epcClass: LOT_1, quantity: 12.5, uom: 'KGM' },
        { epcClass: LOT_2, quantity: 40 },
      ],
    }),
  ];
  const graph = buildLotGraph(events);
  type Options = { profile?: TraceProfile; separator?: string; locale?: 'zh-CN' };
  const column = (name: string, options: Options = {}, g = graph) => {
    const [header = [], ...rows] = parseCsv(
      toSortableSpreadsheet(g, { profile: FSMA_204_PROFILE, ...options }),
    );
    expect(header.filter((h) => h === name)).toHaveLength(1);
    return rows.map((r) => r[header.indexOf(name)]);
  };

  it('writes FSMA 204 quantities each with its unit, lines joined as other cells are', () => {
    // before the format: '12.5', '12.5; 3', the two EPCs themselves, '40', '12.5; 40'
    expect(column('Quantity and unit of measure')).toEqual([
      '12.5 KGM',
      '12.5 KGM; 3 LBR',
      '1; 1',
      '40',
      '12.5 KGM; 40',
    ]);
    expect(column('Quantity and unit of measure', { separator: ' | ' })[1]).toBe(
      '12.5 KGM | 3 LBR',
    );
    expect(column('数量及计量单位', { locale: 'zh-CN' })[1]).toBe('12.5 KGM; 3 LBR');
    // one entry for each lot code, in the same order
    expect(column('Traceability lot code assigned')[4]).toBe(`${LOT_1}; ${LOT_2}`);
  });

  it("writes FSMA 204's unit of measure KDE as the units alone: nothing for an EPC or a count", () => {
    // before: 'KGM', 'KGM; LBR', the two EPCs, '', 'KGM' (the count's entry dropped)
    expect(column('Unit of measure (unitOfMeasure)')).toEqual(['KGM', 'KGM; LBR', '', '', 'KGM; ']);
    // the core columns are as they were
    expect(column('Quantity')).toEqual(['12.5', '12.5; 3', '1; 1', '40', '12.5; 40']);
    expect(column('Unit of measure')).toEqual(['KGM', 'KGM; LBR', '; ', '', 'KGM; ']);
  });

  it("writes FSMA 204's quantities of a transformation with their units", () => {
    const transformation = event(
      5,
      'commissioning',
      {
        inputQuantityList: [
          { epcClass: LOT_1, quantity: 12.5, uom: 'KGM' },
          { epcClass: LOT_2, quantity: 3, uom: 'LBR' },
        ],
        outputQuantityList: [{ epcClass: LOT_3, quantity: 10, uom: 'KGM' }],
      },
      'TransformationEvent',
    );
    const g = buildLotGraph([transformation]);
    expect(column('Quantity and unit of measure used from each lot', {}, g)).toEqual([
      '12.5 KGM; 3 LBR',
    ]);
    expect(column('Quantity and unit of measure of the food produced', {}, g)).toEqual(['10 KGM']);
  });

  it("writes GDST's quantity and unit as one cell", () => {
    expect(column('Quantity and unit', { profile: GDST_PROFILE })).toEqual([
      '12.5 KGM',
      '12.5 KGM; 3 LBR',
      '1; 1',
      '40',
      '12.5 KGM; 40',
    ]);
    expect(column('数量及单位', { profile: GDST_PROFILE, locale: 'zh-CN' })[1]).toBe(
      '12.5 KGM; 3 LBR',
    );
  });

  // an integrator's profile, written with defineKde: a landing whose ILMD lists the weighed catch
  const landing = (kdes: TraceProfile['ctes'][number]['kdes']) => ({
    id: 'landing',
    label: { en: 'Landing', 'zh-CN': '上岸' },
    match: [{ bizSteps: ['arriving'] }],
    kdes,
  });
  const catchProfile = (
    ctes: TraceProfile['ctes'] = [
      landing([
        defineKde('catch', 'Catch weight', '渔获重量', ['ilmd.*:catchList[*].weight'], {
          format: 'quantityWithUnit',
        }),
        defineKde('catchUnit', 'Catch unit', '渔获计量单位', ['ilmd.*:catchList[*].uom'], {
          format: 'unit',
        }),
        defineKde('catchAsSent', 'Catch as sent', '渔获原始值', ['ilmd.*:catchList[*].weight']),
      ]),
    ],
  ): TraceProfile => ({
    meta: { ...acmeMeta(), id: 'acme.landing' },
    label: { en: 'Landing', 'zh-CN': '上岸' },
    ctes,
    rules: [],
  });
  const landed = {
    type: 'ObjectEvent',
    action: 'ADD',
    bizStep: 'arriving',
    eventTime: '2025-03-02T06:00:00Z',
    eventTimeZoneOffset: '+00:00',
    quantityList: [{ epcClass: LOT_3, quantity: 159, uom: 'KGM' }],
    ilmd: {
      'ex:catchList': [
        { species: 'COD', weight: 120, uom: 'KGM' },
        { species: 'HAD', weight: 35 },
        { species: 'POK', weight: 4, uom: 'LBR' },
      ],
    },
  };

  it("writes an integrator's KDE in the format it declares, from its own selectors", () => {
    const g = buildLotGraph([landed]);
    const profile = catchProfile();
    expect(column('Catch weight', { profile }, g)).toEqual(['120 KGM; 35; 4 LBR']);
    expect(column('Catch unit', { profile }, g)).toEqual(['KGM; ; LBR']);
    expect(column('Catch as sent', { profile }, g)).toEqual(['120; 35; 4']);
    expect(landed.ilmd['ex:catchList'][1]).toEqual({ species: 'HAD', weight: 35 }); // not mutated
  });

  it('gives a KDE id declared by two CTEs the format of the first (as its header)', () => {
    const shipping = {
      id: 'shipping',
      label: { en: 'Shipping', 'zh-CN': '发货' },
      match: [{ bizSteps: ['shipping'] }],
      kdes: [
        defineKde('qty', 'Quantity', '数量', ['quantityList[*].quantity'], { format: 'unit' }),
      ],
    };
    const arriving = landing([
      defineKde('qty', 'Quantity and unit', '数量及单位', ['quantityList[*].quantity'], {
        format: 'quantityWithUnit',
      }),
    ]);
    const g = buildLotGraph([landed, events[1]]);
    // rows in time order: the shipping of 2025-03-01, then the landing of 2025-03-02
    expect(column('Quantity and unit', { profile: catchProfile([arriving, shipping]) }, g)).toEqual(
      ['12.5 KGM; 3 LBR', '159 KGM'],
    );
    expect(column('Quantity (qty)', { profile: catchProfile([shipping, arriving]) }, g)).toEqual([
      'KGM; LBR',
      'KGM',
    ]);
  });

  it('reads quantity lists with holes and odd members without throwing', () => {
    const odd = event(0, 'shipping', {
      quantityList: [null, 'x', {}, { epcClass: LOT_1, quantity: 2, uom: { code: 'KGM' } }],
    });
    const g = buildLotGraph([odd]);
    expect(column('Quantity and unit of measure', {}, g)).toEqual(['2 {"code":"KGM"}']);
    expect(column('Unit of measure (unitOfMeasure)', {}, g)).toEqual(['{"code":"KGM"}']);
  });
});
