/**
 * `pnpm bench [name…]`: run the named benchmarks (all when none is named), print a table of
 * medians and ratios against the named peers, and write `bench/results/<name>.json`.
 * `pnpm bench [name…] --instructions`: count instructions per unit instead (instructions.ts),
 * written to `bench/results/<name>.instructions.json`.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Benchmark } from './benchmark.js';
import { countInstructions, formatInstructionTable, valgrindAvailable } from './instructions.js';
import { measureCases } from './measure.js';
import { buildResultFile, formatResultTable } from './report.js';

const srcDir = fileURLToPath(new URL('.', import.meta.url));
const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));

async function available(): Promise<string[]> {
  const entries = await readdir(srcDir, { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const files = await readdir(new URL(`./${entry.name}/`, import.meta.url));
    if (files.includes('index.ts')) names.push(entry.name);
  }
  return names.sort();
}

async function runOne(name: string): Promise<boolean> {
  const module = (await import(`./${name}/index.ts`)) as { default: Benchmark };
  const bench = module.default;
  console.log(`\n▶ ${bench.name}: setting up…`);
  const cases = await bench.setup();
  console.log(`▶ ${bench.name}: timing ${cases.length} case(s)…`);
  const measurements = measureCases(cases, bench.timing);
  const extra = bench.extra ? await bench.extra() : {};
  const result = buildResultFile(
    bench.name,
    bench.description,
    measurements,
    bench.targets ?? [],
    extra,
    new Date(),
  );
  await mkdir(resultsDir, { recursive: true });
  await writeFile(`${resultsDir}${bench.name}.json`, `${JSON.stringify(result, null, 2)}\n`);
  console.log(formatResultTable(result));
  console.log(`results written to bench/results/${bench.name}.json`);
  return result.targets.every((t) => t.met);
}

async function countOne(name: string): Promise<void> {
  const module = (await import(`./${name}/index.ts`)) as { default: Benchmark };
  const bench = module.default;
  console.log(`\n▶ ${bench.name}: counting instructions under valgrind (this takes minutes)…`);
  const env = bench.instructionEnv ?? {};
  const counts = await countInstructions(name, { env });
  await mkdir(resultsDir, { recursive: true });
  const file = { name: bench.name, env, counts, node: process.version, date: new Date() };
  await writeFile(
    `${resultsDir}${bench.name}.instructions.json`,
    `${JSON.stringify(file, null, 2)}\n`,
  );
  console.log(formatInstructionTable(bench.name, counts));
  console.log(`results written to bench/results/${bench.name}.instructions.json`);
}

async function main(): Promise<void> {
  const all = await available();
  const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = requested.filter((n) => !all.includes(n));
  if (unknown.length > 0) {
    console.error(
      `unknown benchmark(s): ${unknown.join(', ')}; available: ${all.join(', ') || 'none'}`,
    );
    process.exitCode = 2;
    return;
  }
  if (process.argv.includes('--instructions')) {
    if (!valgrindAvailable()) {
      console.error('--instructions needs valgrind (Debian: apt-get install valgrind)');
      process.exitCode = 2;
      return;
    }
    for (const name of requested.length > 0 ? requested : all) await countOne(name);
    return;
  }
  let allMet = true;
  for (const name of requested.length > 0 ? requested : all)
    allMet = (await runOne(name)) && allMet;
  if (!allMet) console.log('\nsome targets were not met (see above)');
}

await main();
