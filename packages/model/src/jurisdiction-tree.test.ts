import { formatDiagnostic, isFoodSafetyError, unwrap } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import { jurisdictions } from './__fixtures__/dalian.js';
import type { Jurisdiction } from './jurisdiction.js';
import {
  ancestorsOf,
  buildJurisdictionTree,
  descendantsOf,
  findJurisdiction,
  isWithin,
  parseJurisdictionTree,
} from './jurisdiction-tree.js';

const list = jurisdictions as unknown as Jurisdiction[];
const codes = (js: readonly Jurisdiction[]) => js.map((j) => j.code);

describe('buildJurisdictionTree', () => {
  const tree = unwrap(buildJurisdictionTree(list));

  it('builds the four-level Dalian tree', () => {
    expect(tree.rootCodes).toEqual(['210200']);
    expect(tree.nodes.size).toBe(12);
    expect(tree.nodes.get('210200')?.childCodes).toEqual(['210202', '210203', '210211', '210224']);
    expect(tree.nodes.get('210202001001')?.depth).toBe(3);
  });

  it('finds ancestors nearest first and descendants in pre-order', () => {
    expect(codes(ancestorsOf(tree, '210202001002'))).toEqual(['210202001', '210202', '210200']);
    expect(ancestorsOf(tree, '210200')).toEqual([]);
    expect(codes(descendantsOf(tree, '210202'))).toEqual([
      '210202001',
      '210202001001',
      '210202001002',
      '210202002',
    ]);
    expect(descendantsOf(tree, '210200')).toHaveLength(11);
    expect(descendantsOf(tree, '210224100201')).toEqual([]);
    expect(isWithin(tree, '210224100201', '210224')).toBe(true);
    expect(isWithin(tree, '210224100201', '210202')).toBe(false);
    expect(findJurisdiction(tree, '999999')).toBeUndefined();
  });

  it('throws a coded error when asked about a code not in the tree', () => {
    expect(() => ancestorsOf(tree, '999999')).toThrow(/MODEL_JURISDICTION_NOT_IN_TREE/);
    try {
      descendantsOf(tree, '999999');
    } catch (e) {
      expect(isFoodSafetyError(e, 'MODEL_JURISDICTION_NOT_IN_TREE')).toBe(true);
    }
  });

  it('reports duplicate codes with the index of the duplicate', () => {
    const r = buildJurisdictionTree([
      ...list,
      { code: '210203', name: '西岗区', level: 'district', parentCode: '210200' },
    ]);
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toMatchObject([
      { code: 'MODEL_JURISDICTION_DUPLICATE_CODE', path: [12, 'code'], params: { firstIndex: 2 } },
    ]);
  });

  it('reports unknown parents', () => {
    const r = buildJurisdictionTree([
      { code: '210200', name: '大连市', level: 'city' },
      { code: '210213', name: '金州区', level: 'district', parentCode: '210300' },
    ]);
    expect(r.diagnostics).toMatchObject([
      { code: 'MODEL_JURISDICTION_UNKNOWN_PARENT', path: [1, 'parentCode'] },
    ]);
  });

  it('reports a parent that is not exactly one level up', () => {
    const r = buildJurisdictionTree([
      { code: '210200', name: '大连市', level: 'city' },
      { code: '210202001', name: '海军广场街道', level: 'street', parentCode: '210200' },
    ]);
    expect(r.diagnostics).toMatchObject([
      {
        code: 'MODEL_JURISDICTION_LEVEL_ORDER',
        path: [1, 'parentCode'],
        params: { parentLevel: 'city', expectedParentLevel: 'district' },
      },
    ]);
    expect(formatDiagnostic(r.diagnostics[0]!, 'zh-CN')).toContain('不是其上一级');
  });

  it('reports cycles without hanging', () => {
    const r = buildJurisdictionTree([
      { code: '210202', name: 'A', level: 'district', parentCode: '210203' },
      { code: '210203', name: 'B', level: 'district', parentCode: '210202' },
      { code: '210204', name: 'C', level: 'district', parentCode: '210204' },
    ]);
    expect(r.ok).toBe(false);
    const cycles = r.diagnostics.filter((d) => d.code === 'MODEL_JURISDICTION_CYCLE');
    expect(cycles.map((d) => d.params?.cycle)).toEqual([
      ['210202', '210203', '210202'],
      ['210204', '210204'],
    ]);
  });

  it('warns when a child code does not carry its parent prefix, and still builds', () => {
    const r = buildJurisdictionTree([
      { code: '210200', name: '大连市', level: 'city' },
      { code: '210202', name: '中山区', level: 'district', parentCode: '210200' },
      { code: '210203001', name: '白云街道', level: 'street', parentCode: '210202' },
    ]);
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toMatchObject([
      { code: 'MODEL_JURISDICTION_CODE_PREFIX', severity: 'warning', path: [2, 'code'] },
    ]);
  });

  it('handles a wide tree of 20 000 communities without recursion', () => {
    // Levels cap the depth at 4, so size comes from width: 20 streets × 1 000 communities.
    const wide: Jurisdiction[] = [
      { code: '210200', name: 'c', level: 'city' },
      { code: '210202', name: 'd', level: 'district', parentCode: '210200' },
    ];
    for (let s = 0; s < 20; s += 1) {
      const street = `210202${String(s).padStart(3, '0')}`;
      wide.push({ code: street, name: 's', level: 'street', parentCode: '210202' });
      for (let c = 0; c < 1000; c += 1) {
        const code = `${street}${String(c).padStart(3, '0')}`;
        wide.push({ code, name: 'x', level: 'community', parentCode: street });
      }
    }
    const built = buildJurisdictionTree(wide);
    expect(built.diagnostics).toEqual([]);
    const t = unwrap(built);
    expect(descendantsOf(t, '210200').length).toBe(20_021);
    expect(ancestorsOf(t, '210202019999').map((j) => j.code)).toEqual([
      '210202019',
      '210202',
      '210200',
    ]);
  });
});

describe('parseJurisdictionTree', () => {
  it('parses and builds from untrusted JSON', () => {
    const r = parseJurisdictionTree(JSON.parse(JSON.stringify(jurisdictions)));
    expect(r.ok).toBe(true);
  });

  it('reports element errors with their index and a prefix path', () => {
    const r = parseJurisdictionTree(
      [
        { code: '210200', name: '大连市', level: 'city' },
        { code: '21', name: 'x', level: 'district' },
      ],
      { path: ['jurisdictions'] },
    );
    expect(r.diagnostics).toMatchObject([
      { code: 'SCHEMA_INVALID_FORMAT', path: ['jurisdictions', 1, 'code'] },
    ]);
    expect(parseJurisdictionTree({}).diagnostics[0]?.code).toBe('SCHEMA_INVALID_TYPE');
  });

  it('prefixes tree diagnostics too', () => {
    const r = parseJurisdictionTree(
      [{ code: '210202', name: 'x', level: 'district', parentCode: '210200' }],
      { path: ['jurisdictions'] },
    );
    expect(r.diagnostics[0]).toMatchObject({
      code: 'MODEL_JURISDICTION_UNKNOWN_PARENT',
      path: ['jurisdictions', 0, 'parentCode'],
    });
  });
});
