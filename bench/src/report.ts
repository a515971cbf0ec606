import os from 'node:os';
import type { BenchTarget } from './benchmark.js';
import type { CaseMeasurement } from './measure.js';

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
    ratioVs: Record<string, number>;
  }[];
  readonly targets: readonly {
    of: string;
    vs: string;
    atLeast: number;
    ratio: number;
    met: boolean;
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

/** Ratios of every case to every peer case: ours ÷ peer, > 1 means faster than the peer. */
export function ratiosVsPeers(
  measurements: readonly CaseMeasurement[],
): Map<string, Record<string, number>> {
  const peers = measurements.filter((m) => m.peer);
  const out = new Map<string, Record<string, number>>();
  for (const m of measurements) {
    const ratios: Record<string, number> = {};
    for (const p of peers) if (p.id !== m.id) ratios[p.id] = m.opsPerSec / p.opsPerSec;
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
  const rate = new Map(measurements.map((m) => [m.id, m.opsPerSec]));
  return {
    name,
    description,
    cases: measurements.map((m) => ({
      id: m.id,
      label: m.label,
      peer: m.peer,
      opsPerSec: m.opsPerSec,
      spread: m.spread,
      ratioVs: ratios.get(m.id) ?? {},
    })),
    targets: targets.map((t) => {
      const ratio = (rate.get(t.of) ?? Number.NaN) / (rate.get(t.vs) ?? Number.NaN);
      return { ...t, ratio, met: ratio >= t.atLeast };
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
  for (const t of result.targets) {
    out.push(
      `target ${t.label ?? `${t.of} ≥ ${t.atLeast} × ${t.vs}`}: ${t.ratio.toFixed(2)} × → ${t.met ? 'met' : 'NOT MET'}`,
    );
  }
  for (const [key, value] of Object.entries(result.extra))
    out.push(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return out.join('\n');
}
