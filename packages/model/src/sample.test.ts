import { describe, expect, it } from 'vitest';
import { sampleBatch } from './__fixtures__/dalian.js';
import { batchVerdict, checkTestResult, parseSampleBatch, parseSampleBatches } from './sample.js';

const lead = sampleBatch.results[1]!;

describe('parseSampleBatch', () => {
  it('accepts a public-nominated tofu-skin batch with a re-test request', () => {
    const r = parseSampleBatch(sampleBatch);
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toEqual([]);
    expect(r.ok && batchVerdict(r.value)).toBe('fail');
  });

  it('forbids a rapid method in a re-test (Food Safety Law art. 88)', () => {
    const r = parseSampleBatch({
      ...sampleBatch,
      retest: {
        ...sampleBatch.retest,
        status: 'completed',
        results: [{ ...sampleBatch.results[0], method: '胶体金试纸', methodKind: 'rapid' }],
      },
    });
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toMatchObject([
      { code: 'MODEL_RETEST_RAPID_METHOD', path: ['retest', 'results', 0, 'methodKind'] },
    ]);
  });

  it('rejects a test before sampling and a re-test request before notification', () => {
    const r = parseSampleBatch({
      ...sampleBatch,
      results: [{ ...sampleBatch.results[0], testedAt: '2017-06-09T09:00:00+08:00' }],
      retest: { ...sampleBatch.retest, requestedAt: '2017-06-15T10:00:00+08:00' },
    });
    expect(r.diagnostics.map((d) => [d.code, d.path?.join('.')])).toEqual([
      ['MODEL_DATE_ORDER', 'results.0.testedAt'],
      ['MODEL_DATE_ORDER', 'retest.requestedAt'],
    ]);
  });

  it('warns when a numeric value contradicts its limit and verdict', () => {
    expect(checkTestResult(lead as never)).toEqual([]);
    const r = parseSampleBatch({ ...sampleBatch, results: [{ ...lead, value: 0.8 }] });
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toMatchObject([
      {
        code: 'MODEL_VERDICT_INCONSISTENT',
        severity: 'warning',
        path: ['results', 0, 'verdict'],
        params: { limit: '≤ 0.5' },
      },
    ]);
    const atLimit = parseSampleBatch({ ...sampleBatch, results: [{ ...lead, value: 0.5 }] });
    expect(atLimit.diagnostics).toEqual([]);
    const failedWithin = parseSampleBatch({
      ...sampleBatch,
      results: [{ ...lead, verdict: 'fail' }],
    });
    expect(failedWithin.diagnostics.map((d) => d.code)).toEqual(['MODEL_VERDICT_INCONSISTENT']);
  });

  it('rejects unknown qualitative readings, purposes and method kinds', () => {
    const r = parseSampleBatch({
      ...sampleBatch,
      purpose: 'random',
      results: [{ ...lead, value: 'trace', methodKind: 'field' }],
    });
    expect(r.diagnostics.map((d) => [d.code, d.path?.join('.')])).toEqual([
      ['SCHEMA_INVALID_VALUE', 'purpose'],
      ['SCHEMA_INVALID_VALUE', 'results.0.methodKind'],
      ['SCHEMA_INVALID_VALUE', 'results.0.value'],
    ]);
  });

  it('gives the batch verdict', () => {
    expect(batchVerdict({ results: [] })).toBe('untested');
    expect(batchVerdict({ results: [lead as never] })).toBe('pass');
    expect(parseSampleBatches([sampleBatch]).ok).toBe(true);
  });
});
