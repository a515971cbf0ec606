import { fileURLToPath } from 'node:url';
import { isFoodSafetyError } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import { defineStandard } from '../standard/define-standard.js';
import type { StandardSpec } from '../standard/standard-spec.js';
import { districtExtensions } from './__fixtures__/district-extensions.js';
import { simulate } from './simulate.js';

const fixture = fileURLToPath(new URL('./__fixtures__/district-extensions.ts', import.meta.url));

const spec: StandardSpec = {
  meta: {
    id: 'district.plugin-test',
    version: '1',
    jurisdiction: 'CN-LN-Dalian-Xigang',
    effectiveFrom: '2017-01-01',
    source: 'unit test',
    confidence: 'unverified',
  },
  items: [
    { id: 'k', tier: 'key', points: 60, rule: { kind: 'boolean', input: 'k' } },
    {
      id: 'buildings',
      tier: 'basic',
      points: 40,
      rule: { kind: 'calculator', calculator: 'district.buildings-share' },
    },
  ],
  vetoes: [{ id: 'failures', when: { predicate: 'district.repeated-failures' } }],
};

describe('simulate on workers with plugin calculators and veto predicates', () => {
  const defined = defineStandard(spec, districtExtensions);
  if (!defined.ok) throw new Error(JSON.stringify(defined.diagnostics));
  const options = {
    model: { standard: defined.value, facts: { k: 1, buildings: 8, failures: 2 } },
    uncertainty: {
      facts: {
        buildings: { type: 'normal', sd: 2 } as const,
        failures: { type: 'bernoulli', p: 0.25, value: 5 } as const,
      },
    },
    runs: 400,
    seed: 'district',
  };

  it('workers import the extensions module and give the single-thread result bit for bit', async () => {
    const single = simulate(options);
    // the plugin veto fires in about a quarter of the runs, the plugin calculator moves the total
    expect(Math.abs(single.pVeto.any - 0.25)).toBeLessThan(0.1);
    expect(single.city.sd).toBeGreaterThan(0);
    const parallel = await simulate({
      ...options,
      workers: { count: 2, chunk: 50 },
      extensions: { module: fixture, export: 'makeDistrictExtensions' },
    });
    expect(parallel).toEqual(single);
    const fromObject = await simulate({
      ...options,
      workers: 1,
      extensions: { module: fixture, export: 'districtExtensions' },
    });
    expect(fromObject).toEqual(single);
  }, 60_000);

  it('without extensions the workers say what is missing', async () => {
    const failure = await simulate({ ...options, workers: 1 }).catch((error: unknown) => error);
    expect(isFoodSafetyError(failure, 'SCORING_WORKER_FAILED')).toBe(true);
    expect(String((failure as Error).message)).toContain('extensions');
    const wrongExport = await simulate({
      ...options,
      workers: 1,
      extensions: { module: fixture, export: 'nothing' },
    }).catch((error: unknown) => error);
    expect(isFoodSafetyError(wrongExport, 'SCORING_WORKER_FAILED')).toBe(true);
    expect(String((wrongExport as Error).message)).toContain('"nothing"');
  }, 60_000);
});
