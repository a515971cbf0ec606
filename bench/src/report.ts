import os from 'node:os';
import type { BenchTarget } from './benchmark.js';
import type { CaseMeasurement } from './measure.js';
import { type MedianInterval, median, medianInterval, pairedRatios } from './paired-ratio.js';

/** The JSON written to `bench/results/<name>.json`. */
export interface BenchResultFile {
  readonly name: string;
  readonly description: string;
  readonly cases: readonly {
    id: string;
    label: string;
    peer: boolean;
    opsPerSec: number;
    spread: number;
    /** The rate of each round, in round order. */
    samples: readonly number[];
    /** Ours ÷ each peer: the median of the rounds' ratios (see {@link pairedRatio}). */
    ratioVs: Record<string, number>;
  }[];
  readonly targets: readonly {
    of: string;
    vs: string;
    atLeast: number;
    /** The median of the rounds' ratios (see {@link pairedRatio}). */
    ratio: number;
    /** `ratio ≥ atLeast`. */
    met: boolean;
    /** The confidence interval of `ratio` over the rounds, when there were rounds to pair. */
    interval?: MedianInterval;
    /** The whole interval is at or above `atLeast`: met, at the interval's confidence. */
    metAtConfidence: boolean;
    label?: string;
  }[];
  readonly extra: Record<string, unknown>;
  readonly machine: {
    readonly cpus: number;
    readonly cpuModel: string;
    readonly memoryGiB: number;
    readonly node: string;
    readonly platform: string;
  };
  readonly date: string;
}

/**
 * The ratio of case `of` to case `vs`: the median of their rounds' ratios (sample `i` of one ÷
 * sample `i` of the other, taken in the same round), with its confidence interval. Cases without
 * matching rounds (one sample each, or different counts) are compared by their median rates.
 */
export function pairedRatio(
  of: CaseMeasurement,
  vs: CaseMeasurement,
): { ratio: number; interval?: MedianInterval } {
  if (of.samples.length === vs.samples.length && of.samples.length > 1) {
    const ratios = pairedRatios(of.samples, vs.samples);
    const interval = medianInterval(ratios);
    if (interval !== undefined) return { ratio: median(ratios), interval };
  }
  return { ratio: of.opsPerSec / vs.opsPerSec };
}

/** Ratios of every case to every peer case: ours ÷ peer, > 1 means faster than the peer. */
export function ratiosVsPeers(
  measurements: readonly CaseMeasurement[],
): Map<string, Record<string, number>> {
  const peers = measurements.filter((m) => m.peer);
  const out = new Map<string, Record<string, number>>();
  for (const m of measurements) {
    const ratios: Record<string, number> = {};
    for (const p of peers) if (p.id !== m.id) ratios[p.id] = pairedRatio(m, p).ratio;
    out.set(m.id, ratios);
  }
  return out;
}

export function buildResultFile(
  name: string,
  description: string,
  measurements: readonly CaseMeasurement[],
  targets: readonly BenchTarget[],
  extra: Record<string, unknown>,
  date: Date,
): BenchResultFile {
  const ratios = ratiosVsPeers(measurements);
  const byId = new Map(measurements.map((m) => [m.id, m]));
  return {
    name,
    description,
    cases: measurements.map((m) => ({
      id: m.id,
      label: m.label,
      peer: m.peer,
      opsPerSec: m.opsPerSec,
      spread: m.spread,
      samples: m.samples,
      ratioVs: ratios.get(m.id) ?? {},
    })),
    targets: targets.map((t) => {
      const of = byId.get(t.of);
      const vs = byId.get(t.vs);
      if (of === undefined || vs === undefined)
        return { ...t, ratio: Number.NaN, met: false, metAtConfidence: false };
      const { ratio, interval } = pairedRatio(of, vs);
      const met = ratio >= t.atLeast;
      const metAtConfidence = met && interval !== undefined && interval.low >= t.atLeast;
      return interval === undefined
        ? { ...t, ratio, met, metAtConfidence }
        : { ...t, ratio, met, interval, metAtConfidence };
    }),
    extra,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    date: date.toISOString(),
  };
}

function formatRate(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)} M/s`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(1)} k/s`;
  return `${value.toFixed(2)} /s`;
}

/** One target's line: its ratio, the ratio's interval, and whether it was met. */
export function formatTarget(t: BenchResultFile['targets'][number]): string {
  const name = `target ${t.label ?? `${t.of} ≥ ${t.atLeast} × ${t.vs}`}`;
  if (t.interval === undefined)
    return `${name}: ${t.ratio.toFixed(2)} × → ${t.met ? 'met' : 'NOT MET'}`;
  const { low, high, confidence } = t.interval;
  const percent = `${Math.floor(confidence * 1000) / 10} %`;
  const verdict = !t.met
    ? 'NOT MET'
    : t.metAtConfidence
      ? `met, at ${percent} confidence`
      : `met by the median, not at ${percent} confidence (the interval reaches below ${t.atLeast})`;
  return `${name}: ${t.ratio.toFixed(2)} × (${percent} interval ${low.toFixed(3)}–${high.toFixed(3)}) → ${verdict}`;
}

/** A plain-text table of the result, for the terminal. */
export function formatResultTable(result: BenchResultFile): string {
  const peers = result.cases.filter((c) => c.peer).map((c) => c.id);
  const header = ['case', 'rate (median)', 'spread', ...peers.map((p) => `× ${p}`)];
  const rows = result.cases.map((c) => [
    `${c.peer ? '(peer) ' : ''}${c.label}`,
    formatRate(c.opsPerSec),
    `±${(c.spread * 50).toFixed(1)}%`,
    ...peers.map((p) => (c.ratioVs[p] === undefined ? '—' : c.ratioVs[p].toFixed(2))),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
  const out = [
    `${result.name}: ${result.description}`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  for (const t of result.targets) out.push(formatTarget(t));
  for (const [key, value] of Object.entries(result.extra))
    out.push(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return out.join('\n');
}
