/**
 * Worker-thread entry of the simulation harness (not part of the public API). It loads the model
 * named in `workerData`, then takes chunks of work units from the shared counter until none are
 * left, writing outputs into shared memory and posting progress.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { modelFromModule } from './model-function.js';
import type { WorkerData, WorkerMessage } from './worker-pool.js';
import { runWorkerUnits } from './worker-runners.js';

const port = parentPort;
const data = workerData as WorkerData;

async function main(): Promise<void> {
  if (port === null) return;
  const ref = data.model;
  const model =
    ref === undefined
      ? undefined
      : modelFromModule((await import(ref.href)) as Record<string, unknown>, ref.export, ref.href);
  const counter = new Int32Array(data.counter);
  const { job } = data;
  const run = await runWorkerUnits(job, model);
  await new Promise<void>((resolve) => {
    port.once('message', () => resolve());
    port.postMessage({ type: 'ready' } satisfies WorkerMessage);
  });
  for (;;) {
    const start = Atomics.add(counter, 0, job.chunk);
    if (start >= job.units) break;
    const end = Math.min(start + job.chunk, job.units);
    run(start, end);
    port.postMessage({ type: 'progress', units: end - start } satisfies WorkerMessage);
  }
  port.postMessage({ type: 'done' } satisfies WorkerMessage);
}

main().catch((error: unknown) => {
  port?.postMessage({
    type: 'error',
    message: String((error as { stack?: unknown })?.stack ?? error),
  } satisfies WorkerMessage);
});
