/**
 * The `ts` code blocks of this package's README.md, run as written (imports of the package are
 * served by its source), so the README cannot drift from the API. Every `console.log(…)` must
 * print what the comment after it (on the same line, or alone on the next line) says; `…` in a
 * comment stands for any text.
 */
import { readFileSync } from 'node:fs';
import * as core from '@foodsafety/core';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as model from './index.js';

const MODULES: Readonly<Record<string, unknown>> = {
  '@foodsafety/core': core,
  '@foodsafety/model': model,
};

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string);

/** The comment each `console.log` line promises: same line, else a comment-only next line. */
function promisedOutputs(code: string): string[] {
  const lines = code.split('\n');
  const promised: string[] = [];
  lines.forEach((line, i) => {
    if (!line.includes('console.log(')) return;
    const end = line.indexOf('; //');
    const same = end === -1 ? null : /\/\/\s*(.+)$/.exec(line.slice(end));
    const next = /^\s*\/\/\s*(.+)$/.exec(lines[i + 1] ?? '');
    const text = (same ?? next)?.[1];
    if (text === undefined) throw new Error(`README: no expected output after: ${line}`);
    promised.push(text.trim().replace(/^'(.*)'$/, '$1'));
  });
  return promised;
}

function show(value: unknown): string {
  return typeof value === 'string'
    ? value
    : JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
}

/** Run a block (TypeScript, ESM imports) and return what it logged. */
function run(code: string): string[] {
  const js = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const printed: string[] = [];
  const console = { log: (...args: unknown[]) => printed.push(args.map(show).join(' ')) };
  const require = (id: string): unknown => {
    if (id in MODULES) return MODULES[id];
    throw new Error(`README imports ${id}, which this test does not provide`);
  };
  new Function('require', 'exports', 'console', js)(require, {}, console);
  return printed;
}

function asPattern(promised: string): RegExp {
  const escaped = promised.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/…/g, '.*');
  return new RegExp(`^${escaped}$`, 's');
}

describe('README.md examples', () => {
  it('has code blocks to run', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(1);
  });

  it.each(blocks.map((code, i) => [i + 1, code] as const))(
    'block %i runs and prints what it says',
    (_n, code) => {
      const promised = promisedOutputs(code);
      expect(promised.length, 'every block shows its result with console.log').toBeGreaterThan(0);
      const printed = run(code);
      expect(printed).toHaveLength(promised.length);
      printed.forEach((line, i) => {
        expect(line).toMatch(asPattern(promised[i] as string));
      });
    },
  );
});
