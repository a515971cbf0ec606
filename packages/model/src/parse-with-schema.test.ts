import { formatDiagnostic } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isoDateOrDateTimeSchema } from './iso-date.js';
import { parseWithSchema } from './parse-with-schema.js';

describe('an input that throws while being read', () => {
  it('is MODEL_INPUT_UNREADABLE, whatever was thrown', () => {
    for (const thrown of [new Error('boom'), 'boom', Object.create(null), Symbol('boom')]) {
      const input = {
        get id(): never {
          throw thrown;
        },
      };
      const r = parseWithSchema(z.object({ id: z.string() }), input);
      expect(r.ok).toBe(false);
      expect(r.diagnostics.map((d) => d.code)).toEqual(['MODEL_INPUT_UNREADABLE']);
    }
  });
});

describe('parseWithSchema', () => {
  it('names the pattern of a failed regular expression', () => {
    const r = parseWithSchema(z.strictObject({ n: z.string().regex(/^JY\d{14}$/) }), { n: 'JY1' });
    expect(r.diagnostics[0]).toMatchObject({ code: 'SCHEMA_INVALID_FORMAT', path: ['n'] });
    expect(r.diagnostics[0]?.params?.format).toBe('pattern /^JY\\d{14}$/');
    expect(formatDiagnostic(r.diagnostics[0]!, 'zh-CN')).toContain('格式错误');
  });

  it('presents a failed date-or-date-time union as one format error', () => {
    const r = parseWithSchema(isoDateOrDateTimeSchema, '2017-13-01');
    expect(r.diagnostics).toMatchObject([
      { code: 'SCHEMA_INVALID_FORMAT', params: { format: 'date | datetime' } },
    ]);
    const t = parseWithSchema(z.union([z.string(), z.number()]), true);
    expect(t.diagnostics).toMatchObject([
      { code: 'SCHEMA_INVALID_TYPE', params: { expected: 'string | number', received: 'boolean' } },
    ]);
  });

  it('tells a missing value from a wrong type', () => {
    const schema = z.strictObject({ a: z.string(), b: z.string() });
    const r = parseWithSchema(schema, { b: 1 });
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['SCHEMA_REQUIRED', ['a']],
      ['SCHEMA_INVALID_TYPE', ['b']],
    ]);
  });

  it('turns an unreadable input into a diagnostic instead of throwing', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        ownKeys() {
          throw new Error('boom');
        },
        getOwnPropertyDescriptor() {
          throw new Error('boom');
        },
      },
    );
    const r = parseWithSchema(z.strictObject({ a: z.string() }), hostile, { path: ['x'] });
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toMatchObject([
      { code: 'MODEL_INPUT_UNREADABLE', path: ['x'], params: { detail: 'boom' } },
    ]);
  });

  it('runs the cross check only on valid values, with the prefix', () => {
    let calls = 0;
    const check = () => {
      calls += 1;
      return [];
    };
    parseWithSchema(z.string(), 1, {}, check);
    expect(calls).toBe(0);
    expect(parseWithSchema(z.string(), 'a', {}, check)).toEqual({
      ok: true,
      value: 'a',
      diagnostics: [],
    });
    expect(calls).toBe(1);
  });
});
