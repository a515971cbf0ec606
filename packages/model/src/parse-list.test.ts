import { describe, expect, it } from 'vitest';
import { parseDepartment } from './department.js';
import { parseList } from './parse-list.js';

describe('parseList', () => {
  it('parses every element and keeps the diagnostics of all of them, by index', () => {
    const r = parseList([{ id: 'a', name: 'A' }, { id: 'b' }, { name: 'C' }], parseDepartment, {
      path: ['departments'],
    });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.path)).toEqual([
      ['departments', 1, 'name'],
      ['departments', 2, 'id'],
    ]);
  });

  it('rejects a non-array and accepts an empty one', () => {
    expect(parseList({}, parseDepartment).diagnostics[0]?.code).toBe('SCHEMA_INVALID_TYPE');
    expect(parseList([], parseDepartment)).toEqual({ ok: true, value: [], diagnostics: [] });
  });
});
