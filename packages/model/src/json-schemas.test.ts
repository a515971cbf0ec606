import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  entityJsonSchema,
  entitySchemaNames,
  generatedSchemaFiles,
  schemaFileChanges,
} from './json-schemas.js';

const dir = new URL('../schema/', import.meta.url);

describe('JSON Schema export', () => {
  it('generates a draft 2020-12 schema for every entity', () => {
    expect(entitySchemaNames()).toEqual([
      'business-operator',
      'coordinator',
      'creation-task',
      'department',
      'enforcement-case',
      'inspection',
      'insurance-claim',
      'insurance-policy',
      'jurisdiction',
      'jurisdiction-list',
      'licence',
      'rectification-ledger',
      'sample-batch',
    ]);
    for (const name of entitySchemaNames()) {
      expect(entityJsonSchema(name).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });

  it('describes the input side: defaulted flags are optional, licences are one of four kinds', () => {
    const schema = entityJsonSchema('business-operator') as {
      $defs: Record<
        string,
        { required?: string[]; properties?: Record<string, unknown>; oneOf?: unknown[] }
      >;
    };
    const operator = schema.$defs.BusinessOperator!;
    expect(operator.required).toEqual(['id', 'name', 'businessType', 'licences']);
    expect(schema.$defs.Licence?.oneOf).toHaveLength(4);
    expect(JSON.stringify(schema)).toContain('"pattern":"^JY[123]\\\\d{13}$"');
  });

  it('matches the checked-in files in schema/ (run `pnpm schema` after changing a schema)', () => {
    expect(existsSync(dir)).toBe(true);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(files).toEqual(
      entitySchemaNames()
        .map((n) => `${n}.json`)
        .sort(),
    );
    for (const name of entitySchemaNames()) {
      const text = readFileSync(new URL(`${name}.json`, dir), 'utf8');
      expect(text, name).toBe(`${JSON.stringify(entityJsonSchema(name), null, 2)}\n`);
    }
  });

  it('reports missing, stale and extra files for the --check script', () => {
    const current = new Map(generatedSchemaFiles());
    expect(schemaFileChanges(current)).toEqual([]);
    current.delete('licence.json');
    current.set('department.json', '{}\n');
    current.set('old-entity.json', '{}\n');
    current.set('notes.txt', 'ignored');
    expect(schemaFileChanges(current).map((c) => [c.file, c.change])).toEqual([
      ['department.json', 'stale'],
      ['licence.json', 'missing'],
      ['old-entity.json', 'extra'],
    ]);
  });
});
