/**
 * `pnpm bench <name> --instructions`: machine instructions per unit of work of each case,
 * counted by valgrind (callgrind), with V8 in one thread (`--single-threaded`: no concurrent
 * compiler or garbage-collector threads), so that the count does not depend on what else the
 * machine is doing. Each case runs in two processes that differ only in the timed calls (`warm`
 * calls, then 0 or `calls` more); the difference, divided by the calls and the units per call,
 * is the case's instructions per unit. Two runs of the same code agree to about 0.3 %.
 *
 * This is a regression detector for noisy, shared machines, not a measure of the targets:
 * instructions are not time (a cache miss costs many instructions' worth, and `JSON.parse`
 * retires far more instructions per cycle than JavaScript code), so the instruction ratios differ
 * from the timed ratios. Compare code against code with it; judge targets with the timed run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./instructions-child.ts', import.meta.url));

/** One case's count. */
export interface InstructionCount {
  readonly id: string;
  readonly label: string;
  readonly peer: boolean;
  /** Instructions per unit of work (event, evaluation). */
  readonly perUnit: number;
}

/** Options of a count. */
export interface InstructionOptions {
  /** Calls before the counted ones (JIT warm-up), in both processes. Default 3. */
  readonly warm?: number;
  /** Counted calls. Default 2. */
  readonly calls?: number;
  /** Environment for the benchmark's setup (smaller data: valgrind runs some 50 × slower). */
  readonly env?: Readonly<Record<string, string>>;
}

/** Whether valgrind can be run here. */
export function valgrindAvailable(): boolean {
  return spawnSync('valgrind', ['--version'], { encoding: 'utf8' }).status === 0;
}

function nodeArgs(): string[] {
  const args = [...process.execArgv];
  if (!args.some((a) => a.includes('@foodsafety/source')))
    args.push('--conditions=@foodsafety/source');
  return args;
}

/** The instructions callgrind counted in one process (its `I refs` line). */
export function parseInstructionTotal(stderr: string): number | undefined {
  const m = /I\s+refs:\s+([\d,]+)/.exec(stderr);
  return m?.[1] === undefined ? undefined : Number(m[1].replaceAll(',', ''));
}

function countProcess(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ total: number | undefined; error: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      'valgrind',
      [
        '--tool=callgrind',
        '--callgrind-out-file=/dev/null',
        '--cache-sim=no',
        process.execPath,
        '--single-threaded',
        ...nodeArgs(),
        CHILD,
        ...args,
      ],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-20_000);
    });
    child.stdout.resume();
    child.on('close', (code) =>
      resolve({ total: code === 0 ? parseInstructionTotal(stderr) : undefined, error: stderr }),
    );
  });
}

/** Run `jobs` with at most `limit` at a time. */
async function pool<T>(jobs: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await (jobs[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return out;
}

/** Count the instructions per unit of every case of benchmark `name`. */
export async function countInstructions(
  name: string,
  options: InstructionOptions = {},
): Promise<InstructionCount[]> {
  const warm = options.warm ?? 3;
  const calls = options.calls ?? 2;
  const env = { ...process.env, ...options.env };
  const list = spawnSync(process.execPath, [...nodeArgs(), CHILD, 'list', name], {
    encoding: 'utf8',
    env,
    maxBuffer: 1 << 24,
  });
  if (list.status !== 0) throw new Error(`listing the cases of ${name} failed:\n${list.stderr}`);
  const cases = JSON.parse(list.stdout.trim().split('\n').pop() ?? '[]') as {
    id: string;
    label: string;
    peer: boolean;
    unitsPerCall: number;
  }[];
  const jobs = cases.flatMap((c) =>
    [0, calls].map((n) => () => countProcess(['run', name, c.id, String(warm), String(n)], env)),
  );
  const totals = await pool(jobs, Math.max(1, availableParallelism()));
  return cases.map((c, i) => {
    const base = totals[2 * i];
    const more = totals[2 * i + 1];
    if (base?.total === undefined || more?.total === undefined)
      throw new Error(`valgrind failed on ${c.id}:\n${(base?.error ?? '') + (more?.error ?? '')}`);
    return {
      id: c.id,
      label: c.label,
      peer: c.peer,
      perUnit: (more.total - base.total) / (calls * c.unitsPerCall),
    };
  });
}

/** A table of the counts, with each case's instruction ratio to every peer (peer ÷ ours). */
export function formatInstructionTable(name: string, counts: readonly InstructionCount[]): string {
  const peers = counts.filter((c) => c.peer);
  const lines = [`${name}: instructions per unit (valgrind callgrind, V8 single-threaded)`];
  for (const c of counts) {
    const ratios = peers
      .filter((p) => p.id !== c.id)
      .map((p) => `${(p.perUnit / c.perUnit).toFixed(3)} × ${p.id}`)
      .join(', ');
    lines.push(
      `  ${c.label.padEnd(46)} ${Math.round(c.perUnit).toLocaleString('en').padStart(12)}${ratios === '' ? '' : `   (${ratios})`}`,
    );
  }
  lines.push(
    '  ratios are peer ÷ ours in instructions; > 1 means fewer instructions than the peer',
  );
  return lines.join('\n');
}
