import { describe, expect, it } from 'vitest';
import { cbvEquals, localName, selectMeasurements, selectValues } from './kde-selector.js';

const event = {
  type: 'ObjectEvent',
  bizLocation: { id: 'urn:epc:id:sgln:6921001.00001.0' },
  quantityList: [
    { epcClass: 'urn:a', quantity: 5, uom: 'KGM' },
    { epcClass: 'urn:b', quantity: 0 },
  ],
  sourceList: [
    { type: 'owning_party', source: 'urn:p' },
    { type: 'https://ref.gs1.org/cbv/SDT-location', source: 'urn:l' },
  ],
  ilmd: { 'cbvmda:harvestStartDate': '2024-05-01', 'https://ns.example.com/x.y': 'dl' },
  sensorElementList: [
    {
      sensorReport: [
        { type: 'gs1:Temperature', value: -20 },
        { type: 'Humidity', value: 50 },
      ],
    },
  ],
  empty: '',
};

describe('selectValues', () => {
  it('reads members, every element, indices', () => {
    expect(selectValues(event, 'bizLocation.id')).toEqual(['urn:epc:id:sgln:6921001.00001.0']);
    expect(selectValues(event, 'quantityList[*].epcClass')).toEqual(['urn:a', 'urn:b']);
    expect(selectValues(event, 'quantityList.quantity')).toEqual([5, 0]);
    expect(selectValues(event, 'quantityList[1].epcClass')).toEqual(['urn:b']);
  });
  it('filters by CBV value in any spelling', () => {
    expect(selectValues(event, 'sourceList[type=location].source')).toEqual(['urn:l']);
    expect(
      selectValues(event, 'sensorElementList[*].sensorReport[type=Temperature].value'),
    ).toEqual([-20]);
  });
  it('matches any namespace prefix with *: and quoted URI keys', () => {
    expect(selectValues(event, 'ilmd.*:harvestStartDate')).toEqual(['2024-05-01']);
    expect(selectValues(event, 'ilmd["https://ns.example.com/x.y"]')).toEqual(['dl']);
  });
  it('leaves out empty values and selects nothing from nothing', () => {
    expect(selectValues(event, 'empty')).toEqual([]);
    expect(selectValues(event, 'missing.path[*]')).toEqual([]);
    expect(selectValues(null, 'a.b')).toEqual([]);
    expect(selectValues(event, '[[[')).toEqual([]);
  });
  it('knows local names and CBV spellings', () => {
    expect(localName('cbvmda:lotNumber')).toBe('lotNumber');
    expect(localName('https://ns.example.com/epcis#cte')).toBe('cte');
    expect(cbvEquals('urn:epcglobal:cbv:bizstep:shipping', 'shipping')).toBe(true);
    expect(cbvEquals('https://ref.gs1.org/cbv/BizStep-shipping', 'shipping')).toBe(true);
    expect(cbvEquals('receiving', 'shipping')).toBe(false);
  });
  it('compares numbers, booleans and bigints as their text, and never objects', () => {
    expect([cbvEquals(5, '5'), cbvEquals(true, 'true'), cbvEquals(7n, '7')]).toEqual([
      true,
      true,
      true,
    ]);
    // String() would throw on the first and read the second as 'shipping'
    const bare = Object.create(null) as unknown;
    const shipping = { toString: () => 'shipping' };
    expect([
      cbvEquals(bare, 'object'),
      cbvEquals(shipping, 'shipping'),
      cbvEquals(null, 'null'),
    ]).toEqual([false, false, false]);
    expect(selectValues({ l: [{ type: bare }, { type: 'location' }] }, 'l[type=location]')).toEqual(
      [{ type: 'location' }],
    );
  });
});

describe('selectMeasurements', () => {
  const event = {
    quantityList: [
      { epcClass: 'a', quantity: 5, uom: 'KGM' },
      { epcClass: 'b', quantity: 3 },
    ],
    sensorElementList: [
      {
        sensorReport: [
          { type: 'Temperature', value: -4, uom: 'FAH' },
          { type: 'RelativeHumidity', value: 80, uom: 'P1' },
        ],
      },
      { sensorReport: [{ type: 'Temperature', value: 255.15, uom: 'KEL' }] },
    ],
  };
  it('pairs each picked value with the uom of the object holding it', () => {
    expect(selectMeasurements(event, 'quantityList[*].quantity')).toEqual([
      { value: 5, uom: 'KGM' },
      { value: 3, uom: undefined },
    ]);
    expect(
      selectMeasurements(event, 'sensorElementList[*].sensorReport[type=Temperature].value'),
    ).toEqual([
      { value: -4, uom: 'FAH' },
      { value: 255.15, uom: 'KEL' },
    ]);
    expect(selectMeasurements(event, 'sensorElementList.sensorReport.value')).toEqual([
      { value: -4, uom: 'FAH' },
      { value: 80, uom: 'P1' },
      { value: 255.15, uom: 'KEL' },
    ]);
  });
  it('gives values without a unit for a selector that does not end in a member, and nothing for a bad one', () => {
    expect(selectMeasurements({ xs: [1, 2] }, 'xs[*]')).toEqual([
      { value: 1, uom: undefined },
      { value: 2, uom: undefined },
    ]);
    expect(selectMeasurements(event, '')).toEqual([]);
    expect(selectMeasurements(event, 42 as never)).toEqual([]);
    expect(selectMeasurements({ value: 1, uom: 'CEL' }, 'value')).toEqual([
      { value: 1, uom: 'CEL' },
    ]);
  });
  it('with everyHolder, gives an entry for each object that lacks the member (not an empty one)', () => {
    const lines = {
      quantityList: [{ epcClass: 'a', quantity: 5, uom: 'KGM' }, { epcClass: 'b', uom: 'LBR' }, {}],
    };
    expect(selectMeasurements(lines, 'quantityList[*].quantity', { everyHolder: true })).toEqual([
      { value: 5, uom: 'KGM' },
      { value: undefined, uom: 'LBR' },
    ]);
    expect(selectMeasurements(lines, 'quantityList[*].quantity')).toEqual([
      { value: 5, uom: 'KGM' },
    ]);
  });
});
