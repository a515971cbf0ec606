/**
 * Measurements run in a fresh process so that memory is the pipeline's own:
 * - `full <file>`: stream the JSON Lines file through pipeline (c) with `readline` (the text is
 *   never held whole) and report events/s and peak RSS;
 * - `graph <file>`: parse every line into memory, then time `buildLotGraph` over all events.
 * Prints one JSON object.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { buildLotGraph } from '@foodsafety/trace';
import { createFullPipeline } from './pipelines.js';

const [mode, file] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: child.ts full|graph <file.jsonl>');

if (mode === 'full') {
  const pipeline = createFullPipeline();
  const start = performance.now();
  const lines = createInterface({
    input: createReadStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) if (line !== '') pipeline.push(line);
  const result = pipeline.end();
  const seconds = (performance.now() - start) / 1000;
  console.log(
    JSON.stringify({
      events: result.events,
      invalid: result.invalid,
      findings: result.findings,
      seconds,
      eventsPerSec: result.events / seconds,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
      lots: result.index.graph.nodeCount,
    }),
  );
} else if (mode === 'graph') {
  const events = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as unknown);
  const times: number[] = [];
  let lots = 0;
  for (let round = 0; round < 3; round += 1) {
    const start = performance.now();
    const graph = buildLotGraph(events);
    times.push(performance.now() - start);
    lots = graph.nodeCount;
  }
  times.sort((a, b) => a - b);
  console.log(
    JSON.stringify({ events: events.length, lots, buildMs: times[1], buildMsAll: times }),
  );
} else {
  throw new Error(`unknown mode ${String(mode)}`);
}
