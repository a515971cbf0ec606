import { describe, expect, it } from 'vitest';
import { inspection } from './__fixtures__/dalian.js';
import {
  countInspectionItems,
  type InspectionItem,
  parseInspection,
  parseInspections,
  passRate,
} from './inspection.js';

const items = inspection.items as unknown as InspectionItem[];

describe('parseInspection', () => {
  it('accepts a catering inspection with key and general items and findings', () => {
    const r = parseInspection(inspection);
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toEqual([]);
  });

  it('requires at least one inspector and a date with offset', () => {
    const r = parseInspection({ ...inspection, inspectors: [], date: '2017-08-15 10:30' });
    expect(r.diagnostics.map((d) => [d.code, d.path?.join('.')])).toEqual([
      ['SCHEMA_INVALID_FORMAT', 'date'],
      ['SCHEMA_TOO_SMALL', 'inspectors'],
    ]);
  });

  it('rejects an unknown item class or result', () => {
    const r = parseInspection({
      ...inspection,
      items: [{ id: '1', class: 'major', result: 'ok' }],
    });
    expect(r.diagnostics.map((d) => [d.code, d.path?.join('.')])).toEqual([
      ['SCHEMA_INVALID_VALUE', 'items.0.class'],
      ['SCHEMA_INVALID_VALUE', 'items.0.result'],
    ]);
  });

  it('checks finding references and duplicate ids', () => {
    const r = parseInspection({
      ...inspection,
      items: [...inspection.items, { id: '2.1', class: 'general', result: 'pass' }],
      findings: [
        { id: 'f-1', itemId: '9.9', description: 'x' },
        { id: 'f-1', itemId: '2.1', description: 'y' },
      ],
    });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.path?.join('.')])).toEqual([
      ['MODEL_DUPLICATE_ID', 'error', 'items.6.id'],
      ['MODEL_FINDING_ITEM_UNKNOWN', 'error', 'findings.0.itemId'],
      ['MODEL_DUPLICATE_ID', 'error', 'findings.1.id'],
      ['MODEL_FINDING_ITEM_NOT_FAILED', 'warning', 'findings.1.itemId'],
    ]);
  });

  it('parses lists', () => {
    expect(parseInspections([inspection]).ok).toBe(true);
  });
});

describe('item counts and pass rate', () => {
  it('counts key and general failures', () => {
    expect(countInspectionItems(items)).toEqual({
      all: { checked: 6, passed: 3, failed: 2, notApplicable: 1 },
      key: { checked: 2, passed: 1, failed: 1, notApplicable: 0 },
      general: { checked: 4, passed: 2, failed: 1, notApplicable: 1 },
    });
  });

  it('computes passed ÷ (checked − N/A) exactly (CFDA 2016/58)', () => {
    expect(passRate(items)).toEqual({ numerator: 3, denominator: 5 });
    expect(passRate(items, 'general')).toEqual({ numerator: 2, denominator: 3 });
    expect(passRate(items, 'key')).toEqual({ numerator: 1, denominator: 2 });
  });

  it('treats the 70 % boundary exactly: 16 of 23 applicable general items is below 70 %', () => {
    const general = (results: ('pass' | 'fail' | 'not-applicable')[]): InspectionItem[] =>
      results.map((result, i) => ({ id: String(i), class: 'general', result }));
    // 7 passed of 10 applicable (2 N/A): exactly 70 %.
    const r1 = passRate(
      general([
        ...Array(7).fill('pass'),
        ...Array(3).fill('fail'),
        'not-applicable',
        'not-applicable',
      ]),
    );
    expect(r1).toEqual({ numerator: 7, denominator: 10 });
    expect(r1!.numerator * 10 >= r1!.denominator * 7).toBe(true);
    const r2 = passRate(general([...Array(16).fill('pass'), ...Array(7).fill('fail')]));
    expect(r2!.numerator * 10 >= r2!.denominator * 7).toBe(false);
  });

  it('has no pass rate when nothing applies', () => {
    expect(passRate([])).toBeUndefined();
    expect(passRate([{ id: '1', class: 'key', result: 'not-applicable' }])).toBeUndefined();
    expect(
      passRate(
        items.filter((i) => i.class === 'general'),
        'key',
      ),
    ).toBeUndefined();
  });
});
