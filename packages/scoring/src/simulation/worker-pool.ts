import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FoodSafetyError } from '@foodsafety/core';
import type { ModelReference } from './model-function.js';

/** Worker settings: a count, or a count with extra Node options for the worker threads. */
export interface WorkerPoolOptions {
  /** Number of worker threads (≥ 1). */
  readonly count: number;
  /**
   * Node options for the workers (default: `--conditions=@foodsafety/source` when this package
   * runs from its TypeScript source, nothing otherwise).
   */
  readonly execArgv?: readonly string[];
  /**
   * Modules each worker imports before the model (file paths or URLs). When the model or this
   * package is TypeScript, tsx's ESM API is preloaded and registered automatically if it can be
   * resolved; set `typescript: false` to turn that off.
   */
  readonly preload?: readonly string[];
  /** Whether to register tsx in the workers for TypeScript modules (default: when needed). */
  readonly typescript?: boolean;
  /**
   * Most base points (or runs) a worker takes at a time (default chosen by the job). Chunks
   * shrink towards the end of the job (guided scheduling), down to a sixteenth of this.
   */
  readonly chunk?: number;
}

/** Progress of a long run: model evaluations done out of the total. */
export interface Progress {
  readonly done: number;
  readonly total: number;
}

/** A job for the workers: what to run and where to write it (plain, cloneable data). */
export interface WorkerJob {
  readonly kind: 'saltelli' | 'monte-carlo';
  /** The job's own plan (for example a `SaltelliPlan`). */
  readonly plan: unknown;
  /** Number of work units (base points, runs). */
  readonly units: number;
  /** Model evaluations per unit, for progress. */
  readonly evaluationsPerUnit: number;
  /** Most units per grab from the shared counter (grabs shrink towards the end). */
  readonly chunk: number;
  /** Shared memory the workers write their outputs into. */
  readonly outputs: SharedArrayBuffer;
}

/** The message a worker posts. */
export type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'progress'; readonly units: number }
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly message: string };

/** What a worker receives as `workerData`. */
export interface WorkerData {
  readonly job: WorkerJob;
  readonly counter: SharedArrayBuffer;
  /** Number of workers sharing the counter (for the chunk sizes). */
  readonly workers: number;
  /** The model module, for jobs that evaluate a user model. */
  readonly model?: { readonly href: string; readonly export: string };
  readonly script: string;
  readonly preload: readonly string[];
  readonly register: readonly string[];
}

/** The bootstrap each worker runs: register loaders, then import the worker entry. */
const BOOTSTRAP = `
const { workerData, parentPort } = require('node:worker_threads');
(async () => {
  for (const href of workerData.register) {
    const api = await import(href);
    api.register();
  }
  for (const href of workerData.preload) await import(href);
  await import(workerData.script);
})().catch((error) => {
  // a module may throw anything: String() throws on a value without a prototype
  let message = error && error.stack;
  if (typeof message !== 'string') {
    try {
      message = String(error);
    } catch {
      message = typeof error;
    }
  }
  parentPort.postMessage({ type: 'error', message });
});
`;

const TS_FILE = /\.[cm]?tsx?$/;

/** The URL a module reference points at. */
export function modelHref(module: string | URL): string {
  if (module instanceof URL) return module.href;
  if (/^(file|data|node|https?):/.test(module)) return module;
  if (isAbsolute(module) || module.startsWith('.')) {
    return pathToFileURL(resolve(process.cwd(), module)).href;
  }
  return module;
}

function thisModuleUrl(): string {
  return import.meta.url;
}

/** The worker entry: `model-worker.ts` beside this file in source, the built file in dist. */
export function workerScriptHref(): string {
  const here = thisModuleUrl();
  const candidates = here.endsWith('.ts')
    ? ['./model-worker.ts']
    : ['./simulation/model-worker.js', './model-worker.js', '../simulation/model-worker.js'];
  for (const candidate of candidates) {
    const url = new URL(candidate, here);
    if (existsSync(fileURLToPath(url))) return url.href;
  }
  throw new FoodSafetyError(
    'SCORING_WORKER_SCRIPT_MISSING',
    `the worker entry of @foodsafety/scoring was not found beside ${here}`,
    { from: here },
  );
}

function resolveTsx(api: 'esm' | 'cjs'): string | undefined {
  const bases = [pathToFileURL(`${process.cwd()}/`).href, thisModuleUrl()];
  for (const base of bases) {
    try {
      const path = createRequire(base).resolve(`tsx/${api}/api`);
      // require() resolves the CommonJS entry; use the ESM one beside it when present.
      const esm = path.replace(/index\.cjs$/, 'index.mjs');
      return pathToFileURL(existsSync(esm) ? esm : path).href;
    } catch {
      // try the next base
    }
  }
  return undefined;
}

/** The full worker settings for a model: script, loaders, Node options. */
export function workerSetup(
  model: ModelReference | undefined,
  options: WorkerPoolOptions,
): { script: string; href: string; execArgv: string[]; register: string[]; preload: string[] } {
  const script = workerScriptHref();
  const href = model === undefined ? '' : modelHref(model.module);
  const fromSource = script.endsWith('.ts');
  const needsTs = fromSource || TS_FILE.test(href.split('?')[0] ?? href);
  const register: string[] = [];
  if (options.typescript ?? needsTs) {
    const esm = resolveTsx('esm');
    if (esm !== undefined) register.push(esm);
    // A .ts/.cts model outside an ES-module package is loaded as CommonJS: hook that loader too.
    const cjs = /\.c?tsx?$/.test(href.split('?')[0] ?? href) ? resolveTsx('cjs') : undefined;
    if (cjs !== undefined) register.push(cjs);
  }
  const execArgv = options.execArgv
    ? [...options.execArgv]
    : fromSource
      ? ['--conditions=@foodsafety/source']
      : [];
  return {
    script,
    href,
    execArgv,
    register,
    preload: (options.preload ?? []).map(modelHref),
  };
}

/**
 * Run a job on `options.count` worker threads. Workers take chunks of units from a shared
 * counter and write outputs at fixed positions in shared memory, so the outputs do not depend
 * on how many workers ran or how the chunks fell.
 */
export async function runOnWorkers(
  job: WorkerJob,
  /** The module the workers load first: the model (sensitivity) or the extensions (simulate). */
  model: ModelReference | undefined,
  options: WorkerPoolOptions,
  onProgress?: (progress: Progress) => void,
): Promise<void> {
  if (!Number.isInteger(options.count) || options.count < 1) {
    throw new FoodSafetyError('SCORING_WORKERS_INVALID', 'workers must be an integer ≥ 1', {
      count: options.count,
    });
  }
  const setup = workerSetup(model, options);
  const counter = new SharedArrayBuffer(4);
  const total = job.units * job.evaluationsPerUnit;
  let doneUnits = 0;
  const workers: Worker[] = [];
  const data: WorkerData = {
    job,
    counter,
    workers: options.count,
    ...(model === undefined ? {} : { model: { href: setup.href, export: model.export } }),
    script: setup.script,
    preload: setup.preload,
    register: setup.register,
  };
  try {
    await new Promise<void>((resolvePool, rejectPool) => {
      let running = options.count;
      let ready = 0;
      let failed = false;
      const fail = (message: string): void => {
        if (failed) return;
        failed = true;
        rejectPool(
          new FoodSafetyError('SCORING_WORKER_FAILED', `a worker failed: ${message}`, {
            kind: job.kind,
            module: setup.href,
            export: model?.export ?? '',
          }),
        );
      };
      for (let w = 0; w < options.count; w++) {
        const worker = new Worker(BOOTSTRAP, {
          eval: true,
          workerData: data,
          execArgv: setup.execArgv,
        });
        workers.push(worker);
        worker.on('message', (message: WorkerMessage) => {
          if (message.type === 'ready') {
            // Start together once every worker has loaded its model (a fair start, and a clear
            // moment for progress: done = 0 marks the end of start-up).
            if (++ready === options.count) {
              onProgress?.({ done: 0, total });
              for (const w of workers) w.postMessage('start');
            }
          } else if (message.type === 'progress') {
            doneUnits += message.units;
            onProgress?.({ done: doneUnits * job.evaluationsPerUnit, total });
          } else if (message.type === 'error') {
            fail(message.message);
          } else if (message.type === 'done') {
            running--;
            if (running === 0 && !failed) resolvePool();
          }
        });
        worker.on('error', (error: unknown) => fail(String(error)));
        worker.on('exit', (code) => {
          if (code !== 0) fail(`exit code ${code}`);
        });
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
