/**
 * Write packages/model/schema/<entity>.json for every public entity schema, or, with --check,
 * exit 1 when a checked-in file is missing, stale or no longer generated.
 *
 *   pnpm schema          # write
 *   pnpm schema:check    # verify (CI)
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { schemaFileChanges } from '../src/json-schemas.js';

const dir = fileURLToPath(new URL('../schema/', import.meta.url));
const check = process.argv.includes('--check');

mkdirSync(dir, { recursive: true });
const current = new Map<string, string>();
for (const file of readdirSync(dir)) {
  if (file.endsWith('.json')) current.set(file, readFileSync(dir + file, 'utf8'));
}
const changes = schemaFileChanges(current);

if (check) {
  if (changes.length > 0) {
    const lines = changes.map((c) => `${c.change}: schema/${c.file}`);
    console.error(`JSON Schemas are out of date (run \`pnpm schema\`):\n  ${lines.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`${current.size} JSON Schemas are current.`);
} else {
  for (const c of changes) {
    if (c.text === undefined) rmSync(dir + c.file);
    else writeFileSync(dir + c.file, c.text);
    console.log(`${c.text === undefined ? 'removed' : 'wrote'} schema/${c.file} (${c.change})`);
  }
  if (changes.length === 0) console.log('JSON Schemas already current.');
}
