import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isFoodSafetyError } from '@foodsafety/core';
import { afterAll, describe, expect, it } from 'vitest';
import type { SensitivityInput } from './input-distribution.js';
import { sensitivity } from './sensitivity.js';

// Models as modules, so worker threads can load them: a TypeScript file (loaded in the workers
// through tsx, as a researcher's own model would be) and a plain JavaScript data: URL.
const ishigami = (x: Float64Array): number =>
  Math.sin(x[0] as number) +
  7 * Math.sin(x[1] as number) ** 2 +
  0.1 * (x[2] as number) ** 4 * Math.sin(x[0] as number);

const dir = mkdtempSync(join(tmpdir(), 'foodsafety-sensitivity-'));
const tsModel = join(dir, 'ishigami-model.ts');
writeFileSync(
  tsModel,
  [
    '// The same arithmetic as the in-test function, as a batch model.',
    'export const ishigami = {',
    '  batch(inputs: Float64Array, rows: number, outputs: Float64Array): void {',
    '    for (let r = 0; r < rows; r++) {',
    '      const x1 = inputs[3 * r] as number;',
    '      const x2 = inputs[3 * r + 1] as number;',
    '      const x3 = inputs[3 * r + 2] as number;',
    '      outputs[r] = Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);',
    '    }',
    '  },',
    '};',
    '',
  ].join('\n'),
);
const jsModule = `data:text/javascript,${encodeURIComponent('export const other = (x) => x[0];')}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const inputs: SensitivityInput[] = ['x1', 'x2', 'x3'].map((name) => ({
  name,
  distribution: { type: 'uniform', min: -Math.PI, max: Math.PI },
}));

describe('sensitivity on worker threads', () => {
  it('is bit-identical to the single-thread run for the same seed (2 workers, TS model)', async () => {
    const options = { inputs, N: 512, seed: 9, secondOrder: true, bootstrap: { resamples: 20 } };
    const single = sensitivity({ ...options, model: ishigami });
    const progress: number[] = [];
    const parallel = await sensitivity({
      ...options,
      model: { module: pathToFileURL(tsModel), export: 'ishigami' },
      workers: { count: 2, chunk: 32 },
      onProgress: ({ done }) => progress.push(done),
    });
    expect(parallel).toEqual(single);
    // Bit-identical, not merely close: compare the IEEE bit patterns.
    const bits = (values: readonly number[]) =>
      Array.from(new BigUint64Array(Float64Array.from(values).buffer));
    expect(bits(parallel.S1)).toEqual(bits(single.S1));
    expect(bits(parallel.ST)).toEqual(bits(single.ST));
    // A first call with done = 0 once every worker has loaded the model, then one per chunk:
    // 13 chunks of 32 base points, then ⌈left / 4⌉ with at least 2 (= 32 / 16): 24, 18, 14, 10,
    // 8, 6, 4, 3, 3, 2, 2, 2.
    expect(progress).toHaveLength(1 + 13 + 12);
    expect(progress.every((done, i) => i === 0 || done > (progress[i - 1] as number))).toBe(true);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(single.evaluations);
    // The same module loaded in this thread (no workers) gives the same numbers too.
    const here = await sensitivity({ ...options, model: { module: tsModel, export: 'ishigami' } });
    expect(here).toEqual(single);
  }, 60_000);

  it('rejects with a coded error when a worker cannot find the export', async () => {
    const failure = await sensitivity({
      model: { module: jsModule, export: 'ishigami' },
      inputs,
      N: 16,
      seed: 1,
      workers: 1,
    }).catch((error: unknown) => error);
    expect(isFoodSafetyError(failure, 'SCORING_WORKER_FAILED')).toBe(true);
    expect(String((failure as Error).message)).toContain('SCORING_MODEL_EXPORT');
    // In this thread the same mistake is the loader's own error.
    const local = await sensitivity({
      model: { module: jsModule, export: 'ishigami' },
      inputs,
      N: 16,
      seed: 1,
    }).catch((error: unknown) => error);
    expect(isFoodSafetyError(local, 'SCORING_MODEL_EXPORT')).toBe(true);
  }, 60_000);

  it('names a value without a prototype that the model, its module or a preload throws', async () => {
    // String() of the thrown value threw in the worker, which then reported that TypeError
    const module = (code: string) => `data:text/javascript,${encodeURIComponent(code)}`;
    const throwing = module('throw Object.create(null);\nexport const m = (x) => x[0];');
    const failures = await Promise.all(
      [
        { module: module('export const m = () => { throw Object.create(null); };') },
        { module: throwing },
        { module: module('export const m = (x) => x[0];'), preload: [throwing] },
      ].map(({ module, preload }) =>
        sensitivity({
          model: { module, export: 'm' },
          inputs,
          N: 16,
          seed: 1,
          workers: { count: 1, ...(preload === undefined ? {} : { preload }) },
        }).catch((error: unknown) => error),
      ),
    );
    for (const failure of failures) {
      expect(isFoodSafetyError(failure, 'SCORING_WORKER_FAILED')).toBe(true);
      expect((failure as Error).message).toBe('SCORING_WORKER_FAILED: a worker failed: object');
    }
  }, 60_000);
});
