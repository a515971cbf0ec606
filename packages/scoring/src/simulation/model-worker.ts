/**
 * Worker-thread entry of the simulation harness (not part of the public API). It loads the model
 * named in `workerData`, then takes chunks of work units from the shared counter until none are
 * left, writing outputs into shared memory and posting progress.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { describeValue } from '@foodsafety/core';
import { claimChunk } from './chunk-claim.js';
import { modelFromModule } from './model-function.js';
import type { WorkerData, WorkerMessage } from './worker-pool.js';
import { runWorkerUnits, type WorkerUnitRunner } from './worker-runners.js';

const port = parentPort;
const data = workerData as WorkerData;

/** Model evaluations each worker runs before the start signal (see {@link warmUp}). */
const WARM_UP_EVALUATIONS = 65_536;
/** Idle time after the warm-up, for optimised code compiled in the background to be installed. */
const COMPILE_SETTLE_MS = 30;

/**
 * Evaluate the first units of the job into scratch memory before reporting ready. The
 * JIT compiles the model and the job's loop while the worker waits for the start signal, instead
 * of while it races the others: without this, two workers compiling on a two-core machine slow
 * each other's first chunks, and a short run loses much of its parallel speedup. The outputs are
 * discarded; the real run evaluates every unit again, so results do not change.
 */
function warmUp(run: WorkerUnitRunner, job: WorkerData['job']): void {
  const { units } = job;
  if (units === 0) return;
  // at most an eighth of the job, so that a small job does not pay for a large warm-up
  const warm = Math.min(
    Math.ceil(units / 8),
    Math.ceil(WARM_UP_EVALUATIONS / Math.max(1, job.evaluationsPerUnit)),
  );
  // each unit's outputs take the same share of the shared array
  const perUnit = job.outputs.byteLength / Float64Array.BYTES_PER_ELEMENT / units;
  // shared memory like the real outputs, so the compiled stores are the ones the run will use
  const scratch = new SharedArrayBuffer(warm * perUnit * Float64Array.BYTES_PER_ELEMENT);
  run(0, warm, new Float64Array(scratch));
}

async function main(): Promise<void> {
  if (port === null) return;
  // a sensitivity job evaluates the model module; a Monte Carlo job imports its own modules
  const ref = data.job.kind === 'saltelli' ? data.model : undefined;
  const model =
    ref === undefined
      ? undefined
      : modelFromModule((await import(ref.href)) as Record<string, unknown>, ref.export, ref.href);
  const counter = new Int32Array(data.counter);
  const { job } = data;
  const run = await runWorkerUnits(job, model);
  warmUp(run, job);
  // let the compiler threads install the optimised code before reporting ready
  await new Promise<void>((resolve) => setTimeout(resolve, COMPILE_SETTLE_MS));
  await new Promise<void>((resolve) => {
    port.once('message', () => resolve());
    port.postMessage({ type: 'ready' } satisfies WorkerMessage);
  });
  for (;;) {
    const claim = claimChunk(counter, job.units, job.chunk, data.workers);
    if (claim === undefined) break;
    const [start, end] = claim;
    run(start, end);
    port.postMessage({ type: 'progress', units: end - start } satisfies WorkerMessage);
  }
  port.postMessage({ type: 'done' } satisfies WorkerMessage);
}

main().catch((error: unknown) => {
  // a model may throw anything: String() throws on a value without a prototype
  const stack = (error as { stack?: unknown } | null | undefined)?.stack;
  port?.postMessage({
    type: 'error',
    message: typeof stack === 'string' ? stack : describeValue(error, Number.POSITIVE_INFINITY),
  } satisfies WorkerMessage);
});
