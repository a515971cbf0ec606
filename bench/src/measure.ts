import type { BenchCase, BenchTiming } from './benchmark.js';

/** The measured rate of one case. */
export interface CaseMeasurement {
  readonly id: string;
  readonly label: string;
  readonly peer: boolean;
  /** Median rate over the samples, in units per second. */
  readonly opsPerSec: number;
  /** Relative spread of the samples: (max − min) / median. */
  readonly spread: number;
  readonly samples: readonly number[];
}

let sink: unknown;

/** Keep a value reachable so the engine cannot drop the work that made it. */
export function consume(value: unknown): void {
  sink = value;
}

/** The last consumed value (exposed so the sink is observably used). */
export function lastConsumed(): unknown {
  return sink;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function callsFor(fn: () => unknown, minSampleMs: number): number {
  let calls = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) consume(fn());
    const elapsed = performance.now() - start;
    if (elapsed >= minSampleMs || calls >= 1 << 24) return calls;
    calls =
      elapsed <= 0 ? calls * 16 : Math.max(calls + 1, Math.ceil((calls * minSampleMs) / elapsed));
  }
}

/**
 * Time the cases of one benchmark. Samples are interleaved round-robin across the cases, so that
 * drift on a shared machine (another process, thermal state) hits every case alike and the
 * ratios stay fair; each case's rate is the median of its samples.
 */
export function measureCases(
  cases: readonly BenchCase[],
  timing: BenchTiming = {},
): CaseMeasurement[] {
  const minSampleMs = timing.minSampleMs ?? 100;
  const samples = timing.samples ?? 7;
  const warmupMs = timing.warmupMs ?? 200;

  const plans = cases.map((c) => {
    const warmEnd = performance.now() + warmupMs;
    do consume(c.fn());
    while (performance.now() < warmEnd);
    return { c, calls: callsFor(c.fn, minSampleMs), rates: [] as number[] };
  });

  for (let s = 0; s < samples; s++) {
    for (const plan of plans) {
      const start = performance.now();
      for (let i = 0; i < plan.calls; i++) consume(plan.c.fn());
      const seconds = (performance.now() - start) / 1000;
      plan.rates.push((plan.calls * (plan.c.unitsPerCall ?? 1)) / seconds);
    }
  }

  return plans.map(({ c, rates }) => {
    const mid = median(rates);
    return {
      id: c.id,
      label: c.label ?? c.id,
      peer: c.peer ?? false,
      opsPerSec: mid,
      spread: (Math.max(...rates) - Math.min(...rates)) / mid,
      samples: rates,
    };
  });
}
