/**
 * Guided self-scheduling over a shared counter: the next chunk of work units for a worker.
 *
 * A chunk is a share of what is left — ⌈remaining / (2 · workers)⌉ units — capped at `chunk` and
 * at least ⌈chunk / 16⌉ (or what is left). Chunks start at the cap and shrink towards the end,
 * so all workers finish within a small chunk of each other instead of one worker running a whole
 * last chunk alone. `counter[0]` holds the first unclaimed unit; claims are atomic
 * (compare-and-exchange), so any number of threads can claim concurrently and every unit is
 * claimed exactly once.
 *
 * Returns [start, end), or undefined when every unit is claimed.
 */
export function claimChunk(
  counter: Int32Array,
  units: number,
  chunk: number,
  workers: number,
): readonly [start: number, end: number] | undefined {
  const smallest = Math.max(1, Math.ceil(chunk / 16));
  let start = Atomics.load(counter, 0);
  for (;;) {
    if (start >= units) return undefined;
    const share = Math.ceil((units - start) / (2 * workers));
    const size = Math.max(smallest, Math.min(chunk, share));
    const end = Math.min(units, start + size);
    const seen = Atomics.compareExchange(counter, 0, start, end);
    if (seen === start) return [start, end];
    start = seen; // another worker claimed first: try again from where it stopped
  }
}
