import { describe, expect, it } from 'vitest';
import { jurisdictions } from './__fixtures__/dalian.js';
import { parentLevelOf, parseJurisdiction } from './jurisdiction.js';

describe('parseJurisdiction', () => {
  it('accepts every division of the Dalian fixture', () => {
    for (const j of jurisdictions) {
      const r = parseJurisdiction(j);
      expect(r.ok, j.name).toBe(true);
      expect(r.diagnostics).toEqual([]);
    }
  });

  it('checks the code format per level', () => {
    const r = parseJurisdiction({ code: '210202001', name: '中山区', level: 'district' });
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toMatchObject([
      { code: 'MODEL_JURISDICTION_CODE_FORMAT', path: ['code'], source: '@foodsafety/model' },
    ]);
    expect(
      parseJurisdiction({ code: '210202001', name: 'x', level: 'community' }).diagnostics[0]?.code,
    ).toBe('MODEL_JURISDICTION_CODE_FORMAT');
    expect(parseJurisdiction({ code: '210202001001', name: 'x', level: 'street' }).ok).toBe(true);
  });

  it('checks that the kind belongs to the level', () => {
    const r = parseJurisdiction({
      code: '210224',
      name: '长海县',
      level: 'district',
      kind: 'village',
    });
    expect(r.diagnostics).toMatchObject([
      { code: 'MODEL_JURISDICTION_KIND_LEVEL', path: ['kind'] },
    ]);
  });

  it('reports shape errors with schema codes, paths and both languages', () => {
    const r = parseJurisdiction(
      { code: 210200, name: '', level: 'province', extra: 1 },
      {
        path: ['jurisdictions', 0],
      },
    );
    expect(r.ok).toBe(false);
    const byPath = Object.fromEntries(r.diagnostics.map((d) => [d.path?.join('.'), d.code]));
    expect(byPath).toEqual({
      'jurisdictions.0.code': 'SCHEMA_INVALID_TYPE',
      'jurisdictions.0.name': 'SCHEMA_TOO_SMALL',
      'jurisdictions.0.level': 'SCHEMA_INVALID_VALUE',
      'jurisdictions.0': 'SCHEMA_UNRECOGNIZED_KEYS',
    });
    expect(r.diagnostics.every((d) => d.source === '@foodsafety/model')).toBe(true);
  });

  it('knows the level order', () => {
    expect(parentLevelOf('city')).toBeUndefined();
    expect(parentLevelOf('district')).toBe('city');
    expect(parentLevelOf('street')).toBe('district');
    expect(parentLevelOf('community')).toBe('street');
  });
});
