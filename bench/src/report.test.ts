import { describe, expect, it } from 'vitest';
import { measureCases } from './measure.js';
import { buildResultFile, formatResultTable, ratiosVsPeers } from './report.js';

const fixed = (id: string, opsPerSec: number, peer = false) => ({
  id,
  label: id,
  peer,
  opsPerSec,
  spread: 0,
  samples: [opsPerSec],
});

describe('ratiosVsPeers', () => {
  it('divides every case by every peer', () => {
    const ratios = ratiosVsPeers([
      fixed('ajv', 150_000, true),
      fixed('ours', 300_000),
      fixed('parse', 600_000, true),
    ]);
    expect(ratios.get('ours')).toEqual({ ajv: 2, parse: 0.5 });
    expect(ratios.get('ajv')).toEqual({ parse: 0.25 });
  });
});

describe('buildResultFile', () => {
  it('evaluates targets and records the machine', () => {
    const file = buildResultFile(
      'trace',
      'test',
      [fixed('ajv', 150_000, true), fixed('ours', 120_000)],
      [{ of: 'ours', vs: 'ajv', atLeast: 1 }],
      { peakRssMB: 300 },
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(file.targets).toEqual([{ of: 'ours', vs: 'ajv', atLeast: 1, ratio: 0.8, met: false }]);
    expect(file.cases[1]).toMatchObject({ id: 'ours', ratioVs: { ajv: 0.8 } });
    expect(file.machine.cpus).toBeGreaterThan(0);
    expect(file.date).toBe('2026-01-01T00:00:00.000Z');
    expect(formatResultTable(file)).toContain('NOT MET');
  });
});

describe('measureCases', () => {
  it('reports rates in units per second and keeps the cases apart', () => {
    let a = 0;
    let b = 0;
    const out = measureCases(
      [
        { id: 'a', unitsPerCall: 10, fn: () => (a += 1) },
        { id: 'b', peer: true, fn: () => (b += 1) },
      ],
      { minSampleMs: 2, samples: 3, warmupMs: 1 },
    );
    expect(out.map((m) => [m.id, m.peer, m.samples.length])).toEqual([
      ['a', false, 3],
      ['b', true, 3],
    ]);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    for (const m of out) expect(m.opsPerSec).toBeGreaterThan(0);
  });
});
