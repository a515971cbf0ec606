/**
 * Run by `pnpm bench <name> --instructions` (see instructions.ts), under valgrind or not:
 * - `list <name>`: print the benchmark's cases (id, label, peer, unitsPerCall) as JSON;
 * - `run <name> <case> <warm> <calls>`: set the benchmark up, call the case `warm` times, then
 *   `calls` times, and print a checksum (so the work is not optimised away).
 */
import type { Benchmark } from './benchmark.js';

const [mode, name, caseId, warmText, callsText] = process.argv.slice(2);
const module = (await import(`./${name}/index.ts`)) as { default: Benchmark };
const cases = await module.default.setup();

if (mode === 'list') {
  console.log(
    JSON.stringify(
      cases.map((c) => ({
        id: c.id,
        label: c.label ?? c.id,
        peer: c.peer ?? false,
        unitsPerCall: c.unitsPerCall ?? 1,
      })),
    ),
  );
} else if (mode === 'run') {
  const c = cases.find((x) => x.id === caseId);
  if (c === undefined) throw new Error(`no case ${String(caseId)} in ${String(name)}`);
  let checksum = 0;
  const keep = (v: unknown) => {
    checksum = (checksum + (typeof v === 'number' ? v : 1)) % 1_000_003;
  };
  for (let i = 0; i < Number(warmText); i += 1) keep(c.fn());
  for (let i = 0; i < Number(callsText); i += 1) keep(c.fn());
  console.log(JSON.stringify({ case: caseId, checksum }));
} else {
  throw new Error('usage: instructions-child.ts list|run <name> [<case> <warm> <calls>]');
}
