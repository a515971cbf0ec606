/**
 * The contract a benchmark module fulfils. A benchmark lives in `bench/src/<name>/index.ts` and
 * default-exports `defineBenchmark({...})`; `pnpm bench <name>` runs it.
 */

/** One timed function. Peers are the named libraries we compare against. */
export interface BenchCase {
  /** Stable id used in results and ratios, e.g. `ours-full-validation`, `ajv-schema-only`. */
  readonly id: string;
  /** What the case does, for the table. */
  readonly label?: string;
  /** A peer (the baseline we compare against) rather than our own code. */
  readonly peer?: boolean;
  /**
   * How many units of work one call does (events validated, evaluations run). Rates are reported
   * per unit, so a case that validates 480 000 events per call reports events per second.
   */
  readonly unitsPerCall?: number;
  /** The function timed. Its return value is kept alive so the work is not optimised away. */
  readonly fn: () => unknown;
  /**
   * The same work as `fn`, cut into slices, for {@link BenchTiming.slices}: `start()` begins one
   * pass of the work and returns the function that does slice `i` of it (`i` from 0 to
   * `slices − 1`, in order; the last one finishes the pass and returns what `fn` returns).
   */
  readonly start?: () => (slice: number) => unknown;
}

/** Timing options; defaults suit functions from microseconds to a few seconds. */
export interface BenchTiming {
  /** Minimum time per sample in ms (several calls are batched into one sample). Default 100. */
  readonly minSampleMs?: number;
  /**
   * Number of samples per case (rounds); the median is reported. Default 7. Targets are judged on
   * the rounds' paired ratios with a 95 % confidence interval, which needs at least 6 rounds.
   */
  readonly samples?: number;
  /** Warm-up time per case in ms. Default 200. */
  readonly warmupMs?: number;
  /**
   * Collect garbage (a full collection, untimed) before each sample, so that no case is timed
   * while the garbage of the case before it is collected. Default true.
   */
  readonly collectGarbage?: boolean;
  /**
   * Time each sample as a pass cut into this many slices, the cases' slices interleaved (slice 0
   * of every case, then slice 1 of every case, …), so that a change of load on a shared machine,
   * even one that lasts a second, hits every case alike. Every case must then have `start`. For
   * cases whose call lasts seconds. Default: unsliced, one sample of each case in turn.
   */
  readonly slices?: number;
}

/** A named ratio target checked after the run, e.g. ours ≥ 1.0 × ajv. */
export interface BenchTarget {
  readonly of: string;
  readonly vs: string;
  /** The minimum ratio of `of`'s rate to `vs`'s rate. */
  readonly atLeast: number;
  readonly label?: string;
}

export interface Benchmark {
  readonly name: string;
  readonly description: string;
  /** Builds the data and the cases (may be slow; not timed). */
  readonly setup: () => Promise<readonly BenchCase[]> | readonly BenchCase[];
  readonly timing?: BenchTiming;
  readonly targets?: readonly BenchTarget[];
  /** Extra figures measured once after the timed run (peak RSS, wall time of a long job…). */
  readonly extra?: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  /**
   * Environment for `--instructions` runs (see instructions.ts), which run under valgrind some
   * 50 × slower: typically a smaller data size.
   */
  readonly instructionEnv?: Readonly<Record<string, string>>;
}

/** Identity helper that gives a benchmark module its type. */
export function defineBenchmark(benchmark: Benchmark): Benchmark {
  return benchmark;
}
