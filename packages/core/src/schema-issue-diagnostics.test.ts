import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './diagnostic.js';
import { schemaIssuesToDiagnostics } from './schema-issue-diagnostics.js';

// Issue objects in the shape zod 4 reports them (core does not depend on zod).
const issues = [
  {
    code: 'invalid_type',
    expected: 'string',
    path: ['name'],
    message: 'Invalid input: expected string, received undefined',
    input: undefined,
  },
  {
    code: 'invalid_type',
    expected: 'number',
    path: ['premises', 'areaM2'],
    message: 'x',
    input: 'big',
  },
  {
    code: 'too_small',
    origin: 'number',
    minimum: 0,
    inclusive: true,
    path: ['seats'],
    message: 'x',
    input: -3,
  },
  {
    code: 'too_big',
    origin: 'string',
    maximum: 16,
    inclusive: true,
    path: ['licence'],
    message: 'x',
  },
  {
    code: 'invalid_format',
    format: 'regex',
    pattern: '^JY\\d{14}$',
    path: ['licences', 0, 'number'],
    message: 'x',
  },
  { code: 'invalid_value', values: ['city', 'district'], path: ['level'], message: 'x' },
  { code: 'invalid_format', format: 'date', path: ['issuedOn'], message: 'x' },
  { code: 'unrecognized_keys', keys: ['extra', 'more'], path: [], message: 'x' },
  { code: 'custom', path: ['expiresOn'], message: 'Licence expires before it is issued' },
];

describe('schemaIssuesToDiagnostics', () => {
  const diagnostics = schemaIssuesToDiagnostics(issues, {
    prefix: ['operators', 2],
    source: '@foodsafety/model',
  });

  it('gives each issue a stable code and a path under the prefix', () => {
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['SCHEMA_REQUIRED', ['operators', 2, 'name']],
      ['SCHEMA_INVALID_TYPE', ['operators', 2, 'premises', 'areaM2']],
      ['SCHEMA_TOO_SMALL', ['operators', 2, 'seats']],
      ['SCHEMA_TOO_BIG', ['operators', 2, 'licence']],
      ['SCHEMA_PATTERN_MISMATCH', ['operators', 2, 'licences', 0, 'number']],
      ['SCHEMA_INVALID_VALUE', ['operators', 2, 'level']],
      ['SCHEMA_INVALID_FORMAT', ['operators', 2, 'issuedOn']],
      ['SCHEMA_UNRECOGNIZED_KEYS', ['operators', 2]],
      ['SCHEMA_CUSTOM', ['operators', 2, 'expiresOn']],
    ]);
    expect(
      diagnostics.every((d) => d.severity === 'error' && d.source === '@foodsafety/model'),
    ).toBe(true);
  });

  it('renders the values in both locales', () => {
    const [, wrongType, tooSmall, , , enumValue, dateFormat, keys, custom] = diagnostics;
    expect(dateFormat?.message).toBe('Invalid format: not a valid date');
    expect(wrongType?.message).toBe('Invalid type: expected number, received string');
    expect(tooSmall?.message).toBe('Too small: number must be at least 0');
    expect(formatDiagnostic(enumValue!, 'zh-CN')).toBe(
      '错误 SCHEMA_INVALID_VALUE 位于 $.operators[2].level：取值无效：应为 city、district 之一 [@foodsafety/model]',
    );
    expect(keys?.message).toBe('Unrecognized keys: extra, more');
    expect(custom?.params).toEqual({ detail: 'Licence expires before it is issued' });
  });

  it('shows issue values that JSON cannot hold without throwing', () => {
    // an adapted validator's issues: JSON.stringify throws on a bigint inside a value
    const found = schemaIssuesToDiagnostics([
      { code: 'invalid_value', path: ['a'], message: 'm', values: [[1n, 2n], 'x', 3n] },
      { code: 'too_big', path: ['b'], message: 'm', origin: 'number', maximum: { at: 5n } },
    ]);
    expect(found.map((d) => [d.code, d.path, d.params])).toEqual([
      ['SCHEMA_INVALID_VALUE', ['a'], { values: ['array', 'x', '3'] }],
      ['SCHEMA_TOO_BIG', ['b'], { origin: 'number', maximum: 'object' }],
    ]);
  });

  it('turns symbol path keys into strings', () => {
    const [d] = schemaIssuesToDiagnostics([{ code: 'custom', path: [Symbol('k')], message: 'm' }]);
    expect(d?.path).toEqual(['Symbol(k)']);
  });
});

describe('type issues without the input reported', () => {
  it('reads "received undefined" from the message as a missing value', () => {
    const [missing, wrong] = schemaIssuesToDiagnostics([
      {
        code: 'invalid_type',
        expected: 'string',
        path: ['name'],
        message: 'Invalid input: expected string, received undefined',
      },
      {
        code: 'invalid_type',
        expected: 'string',
        path: ['name'],
        message: 'Invalid input: expected string, received number',
      },
    ]);
    expect(missing?.code).toBe('SCHEMA_REQUIRED');
    expect(wrong?.code).toBe('SCHEMA_INVALID_TYPE');
    expect(wrong?.params).toEqual({ expected: 'string', received: 'number' });
  });

  it('treats a reported undefined input as missing and a reported null as a wrong type', () => {
    const [missing, nullValue] = schemaIssuesToDiagnostics([
      { code: 'invalid_type', expected: 'number', path: ['a'], message: 'x', input: undefined },
      { code: 'invalid_type', expected: 'number', path: ['b'], message: 'x', input: null },
    ]);
    expect(missing?.code).toBe('SCHEMA_REQUIRED');
    expect(nullValue?.params).toEqual({ expected: 'number', received: 'null' });
  });
});

describe('patterns and unions', () => {
  it('names the pattern a value failed and the discriminator no variant matched', () => {
    const [pattern, union, plainUnion] = schemaIssuesToDiagnostics([
      {
        code: 'invalid_format',
        format: 'regex',
        pattern: '/^JY[123]\\d{13}$/',
        path: ['number'],
        message: 'x',
      },
      {
        code: 'invalid_union',
        discriminator: 'kind',
        note: 'No matching discriminator',
        path: ['licences', 0],
        message: 'x',
      },
      { code: 'invalid_union', path: ['x'], message: 'Invalid input' },
    ]);
    expect(pattern).toMatchObject({
      code: 'SCHEMA_PATTERN_MISMATCH',
      message: 'Invalid format: does not match the pattern /^JY[123]\\d{13}$/',
    });
    expect(union).toMatchObject({
      code: 'SCHEMA_NO_MATCHING_VARIANT',
      params: { discriminator: 'kind' },
      path: ['licences', 0],
    });
    expect(plainUnion?.params).toEqual({ discriminator: '—' });
  });
});
