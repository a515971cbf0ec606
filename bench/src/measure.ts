import type { BenchCase, BenchTiming } from './benchmark.js';
import { collectGarbage } from './collect-garbage.js';
import { median } from './paired-ratio.js';

/** The measured rate of one case. */
export interface CaseMeasurement {
  readonly id: string;
  readonly label: string;
  readonly peer: boolean;
  /** Median rate over the samples, in units per second. */
  readonly opsPerSec: number;
  /** Relative spread of the samples: (max − min) / median. */
  readonly spread: number;
  /** The rate of each sample, in round order (sample `i` of every case is from round `i`). */
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
 * Time the cases of one benchmark. Samples are taken in rounds, one sample of each case per
 * round, so that drift on a shared machine (another process, thermal state) hits every case alike
 * and the ratios stay fair: the report compares cases round by round (paired-ratio.ts). The
 * cases' order is reversed every other round, so no case always runs first or after the same
 * neighbour; and garbage is collected (untimed) before each sample, or once before each round
 * when sliced, so no case pays for the garbage another left. With `timing.slices`, a round is one pass of every case, cut into
 * slices and interleaved slice by slice (see {@link BenchTiming.slices}). Each case's rate is the
 * median of its samples.
 */
export function measureCases(
  cases: readonly BenchCase[],
  timing: BenchTiming = {},
): CaseMeasurement[] {
  const minSampleMs = timing.minSampleMs ?? 100;
  const samples = timing.samples ?? 7;
  const warmupMs = timing.warmupMs ?? 200;
  const collect = timing.collectGarbage ?? true;
  const slices = timing.slices;
  if (slices !== undefined) {
    if (!(Number.isInteger(slices) && slices >= 1))
      throw new RangeError(`timing.slices must be a whole number ≥ 1, not ${slices}`);
    const unsliced = cases.find((c) => c.start === undefined);
    if (unsliced !== undefined)
      throw new TypeError(`timing.slices: case ${unsliced.id} has no start()`);
  }

  const plans = cases.map((c) => {
    const warmEnd = performance.now() + warmupMs;
    do consume(c.fn());
    while (performance.now() < warmEnd);
    return {
      c,
      calls: slices === undefined ? callsFor(c.fn, minSampleMs) : 1,
      rates: [] as number[],
    };
  });

  for (let s = 0; s < samples; s++) {
    const order = s % 2 === 0 ? plans : [...plans].reverse();
    if (slices !== undefined) {
      consume(undefined);
      if (collect) collectGarbage();
      const seconds = timeSlices(
        order.map((plan) => plan.c),
        slices,
      );
      order.forEach((plan, i) => {
        plan.rates.push((plan.c.unitsPerCall ?? 1) / (seconds[i] as number));
      });
      continue;
    }
    for (const plan of order) {
      // the previous sample's result is garbage too
      consume(undefined);
      if (collect) collectGarbage();
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

/**
 * One pass of each case, slice by slice: slice 0 of every case, then slice 1, …; the cases'
 * order reverses from one slice to the next. Returns each case's seconds, summed over its slices.
 */
function timeSlices(cases: readonly BenchCase[], slices: number): number[] {
  const steps = cases.map((c) => (c.start as () => (slice: number) => unknown)());
  const ms = cases.map(() => 0);
  for (let slice = 0; slice < slices; slice += 1) {
    for (let j = 0; j < cases.length; j += 1) {
      const i = slice % 2 === 0 ? j : cases.length - 1 - j;
      const step = steps[i] as (slice: number) => unknown;
      const start = performance.now();
      consume(step(slice));
      ms[i] = (ms[i] as number) + performance.now() - start;
    }
  }
  return ms.map((m) => m / 1000);
}
