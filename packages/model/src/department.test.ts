import { describe, expect, it } from 'vitest';
import { department } from './__fixtures__/dalian.js';
import { parseDepartment, parseDepartments } from './department.js';

describe('parseDepartment', () => {
  it('accepts a municipal department', () => {
    const r = parseDepartment(department);
    expect(r).toMatchObject({ ok: true, value: department, diagnostics: [] });
  });

  it('rejects a missing name and a padded id', () => {
    const r = parseDepartment({ id: ' dept-amr' });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['SCHEMA_INVALID_FORMAT', ['id']],
      ['SCHEMA_REQUIRED', ['name']],
    ]);
  });

  it('parses lists and reports duplicate ids', () => {
    const ok = parseDepartments([
      department,
      { ...department, id: 'dept-edu', name: '大连市教育局' },
    ]);
    expect(ok.ok && ok.value.length).toBe(2);
    const dup = parseDepartments([department, department], { path: ['departments'] });
    expect(dup.ok).toBe(false);
    expect(dup.diagnostics).toMatchObject([
      {
        code: 'MODEL_DUPLICATE_ID',
        path: ['departments', 1, 'id'],
        params: { entity: 'department', id: 'dept-amr' },
      },
    ]);
  });
});
