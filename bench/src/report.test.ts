import { describe, expect, it } from 'vitest';
import { measureCases } from './measure.js';
import { buildResultFile, formatResultTable, pairedRatio, ratiosVsPeers } from './report.js';

const fixed = (id: string, opsPerSec: number, peer = false) => ({
  id,
  label: id,
  peer,
  opsPerSec,
  spread: 0,
  samples: [opsPerSec],
});

/** A case with one sample per round. */
const rounds = (id: string, samples: number[], peer = false) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    id,
    label: id,
    peer,
    opsPerSec: sorted[sorted.length >> 1] as number,
    spread: 0,
    samples,
  };
};

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
    expect(file.targets).toEqual([
      { of: 'ours', vs: 'ajv', atLeast: 1, ratio: 0.8, met: false, metAtConfidence: false },
    ]);
    expect(file.cases[1]).toMatchObject({ id: 'ours', ratioVs: { ajv: 0.8 } });
    expect(file.machine.cpus).toBeGreaterThan(0);
    expect(file.date).toBe('2026-01-01T00:00:00.000Z');
    expect(formatResultTable(file)).toContain('NOT MET');
  });
});

describe('pairedRatio', () => {
  // the peer's rounds swing with the load, and ours swing alike at 0.45 × the peer, except round
  // 4, where a burst hit ours alone (0.2 ×)
  const peer = rounds('parse', [300, 200, 310, 150, 290, 305, 180, 295, 240], true);
  const ours = rounds(
    'ours',
    peer.samples.map((r, i) => r * (i === 4 ? 0.2 : 0.45)),
  );

  it('compares round by round, so a load that hits both cancels out', () => {
    // the median rates would give 108 / 290 = 0.372: the burst moved ours' median to another
    // round than the peer's
    expect(ours.opsPerSec / peer.opsPerSec).toBeCloseTo(108 / 290, 12);
    const { ratio, interval } = pairedRatio(ours, peer);
    expect(ratio).toBeCloseTo(0.45, 12);
    // 9 rounds: the 2nd smallest to the 2nd largest ratio, 96.1 %
    expect(interval?.low).toBeCloseTo(0.45, 12);
    expect(interval?.high).toBeCloseTo(0.45, 12);
    expect(interval?.confidence).toBeCloseTo(1 - 20 / 512, 12);
  });

  it('falls back to the median rates when the rounds do not match', () => {
    expect(pairedRatio(fixed('ours', 120), fixed('ajv', 150, true))).toEqual({ ratio: 0.8 });
    expect(pairedRatio(rounds('ours', [1, 2, 3]), rounds('p', [4, 4], true))).toEqual({
      ratio: 0.5,
    });
  });

  it('judges a target met, met at its confidence, or not met', () => {
    const judge = (oursRatios: number[]) =>
      buildResultFile(
        'trace',
        'test',
        [
          peer,
          rounds(
            'ours',
            peer.samples.map((r, i) => r * (oursRatios[i] as number)),
          ),
        ],
        [{ of: 'ours', vs: 'parse', atLeast: 0.4 }],
        {},
        new Date(0),
      );
    const clear = judge([0.42, 0.43, 0.41, 0.44, 0.42, 0.45, 0.43, 0.42, 0.41]);
    expect(clear.targets[0]).toMatchObject({ met: true, metAtConfidence: true });
    expect(formatResultTable(clear)).toContain('→ met, at 96 % confidence');
    const thin = judge([0.42, 0.43, 0.38, 0.44, 0.39, 0.45, 0.37, 0.42, 0.41]);
    expect(thin.targets[0]).toMatchObject({ ratio: 0.42, met: true, metAtConfidence: false });
    expect(thin.targets[0]?.interval?.low).toBe(0.38);
    expect(formatResultTable(thin)).toContain('met by the median, not at 96 % confidence');
    const missed = judge([0.38, 0.39, 0.37, 0.41, 0.39, 0.36, 0.38, 0.42, 0.4]);
    expect(missed.targets[0]).toMatchObject({ ratio: 0.39, met: false, metAtConfidence: false });
    expect(formatResultTable(missed)).toContain('→ NOT MET');
  });
});

describe('measureCases', () => {
  it('with slices, interleaves the cases slice by slice and times each whole pass', () => {
    const calls: string[] = [];
    const passes = { a: 0, b: 0 };
    const sliced = (id: 'a' | 'b') => ({
      id,
      unitsPerCall: 30,
      fn: () => calls.push(`${id}*`),
      start: () => {
        passes[id] += 1;
        return (slice: number) => calls.push(`${id}${slice}`);
      },
    });
    const out = measureCases([sliced('a'), sliced('b')], {
      samples: 2,
      slices: 3,
      warmupMs: 0,
      collectGarbage: false,
    });
    // round 0: a then b in slice 0, b then a in slice 1, …; round 1 starts with b
    expect(calls.filter((c) => !c.endsWith('*')).join(' ')).toBe(
      'a0 b0 b1 a1 a2 b2 b0 a0 a1 b1 b2 a2',
    );
    expect(passes).toEqual({ a: 2, b: 2 });
    for (const m of out) expect(m.samples).toHaveLength(2);
  });

  it('with slices, refuses a case that cannot be sliced or a slice count that is not whole', () => {
    const fn = () => 0;
    expect(() => measureCases([{ id: 'x', fn }], { slices: 4, samples: 1, warmupMs: 0 })).toThrow(
      'case x has no start()',
    );
    expect(() =>
      measureCases([{ id: 'x', fn, start: () => fn }], { slices: 0.5, samples: 1, warmupMs: 0 }),
    ).toThrow('timing.slices must be a whole number');
  });

  it('reverses the order of the cases every other round', () => {
    const calls: string[] = [];
    measureCases(
      ['a', 'b', 'c'].map((id) => ({ id, fn: () => calls.push(id) })),
      { minSampleMs: 0, samples: 4, warmupMs: 0, collectGarbage: false },
    );
    // warm-up and calibration call each case once or more, then the four rounds
    expect(calls.slice(-12).join('')).toBe('abccbaabccba');
  });

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
