/**
 * Write packages/model/schema/<entity>.json for every public entity schema, or, with --check,
 * exit 1 when a checked-in file is missing, stale or no longer generated.
 *
 *   pnpm schema          # write
 *   pnpm schema:check    # verify (CI)
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { entityJsonSchema, entitySchemaNames } from '../src/json-schemas.js';

const dir = fileURLToPath(new URL('../schema/', import.meta.url));
const check = process.argv.includes('--check');

const expected = new Map<string, string>();
for (const name of entitySchemaNames()) {
  expected.set(`${name}.json`, `${JSON.stringify(entityJsonSchema(name), null, 2)}\n`);
}

mkdirSync(dir, { recursive: true });
const present = readdirSync(dir).filter((f) => f.endsWith('.json'));
const problems: string[] = [];

for (const [file, text] of expected) {
  let current: string | undefined;
  try {
    current = readFileSync(dir + file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === text) continue;
  if (check) problems.push(`${current === undefined ? 'missing' : 'stale'}: schema/${file}`);
  else {
    writeFileSync(dir + file, text);
    console.log(`wrote schema/${file}`);
  }
}
for (const file of present) {
  if (expected.has(file)) continue;
  if (check) problems.push(`not generated any more: schema/${file}`);
  else {
    rmSync(dir + file);
    console.log(`removed schema/${file}`);
  }
}

if (check) {
  if (problems.length > 0) {
    console.error(
      `JSON Schemas are out of date (run \`pnpm schema\`):\n  ${problems.join('\n  ')}`,
    );
    process.exit(1);
  }
  console.log(`${expected.size} JSON Schemas are current.`);
}
