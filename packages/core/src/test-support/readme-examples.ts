/**
 * Test support (not part of the published API; left out of the package): run the `ts` code
 * blocks of a README as written, with the package's own source serving its imports, and read the
 * output each block promises. Used by the README tests of core, model and plugin-sdk.
 *
 * Convention: every `console.log(…)` of a block is followed by a comment saying what it prints —
 * on the same line after `; //`, or alone on the next line; `…` in the comment stands for any
 * text, and surrounding single quotes are dropped.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** The bodies of the ```ts fenced blocks of a Markdown text. */
export function tsBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string);
}

/** What each `console.log` line of a block promises to print, as a whole-line pattern. */
export function promisedOutputs(code: string): RegExp[] {
  const lines = code.split('\n');
  const promised: RegExp[] = [];
  lines.forEach((line, i) => {
    if (!line.includes('console.log(')) return;
    const end = line.indexOf('; //');
    const same = end === -1 ? null : /\/\/\s*(.+)$/.exec(line.slice(end));
    const next = /^\s*\/\/\s*(.+)$/.exec(lines[i + 1] ?? '');
    const text = (same ?? next)?.[1];
    if (text === undefined) throw new Error(`README: no expected output after: ${line}`);
    const expected = text.trim().replace(/^'(.*)'$/, '$1');
    const escaped = expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/…/g, '.*');
    promised.push(new RegExp(`^${escaped}$`, 's'));
  });
  return promised;
}

function show(value: unknown): string {
  return typeof value === 'string'
    ? value
    : JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
}

/**
 * Run a block (TypeScript with ESM imports, transpiled without type checking) and return the
 * lines it logged. `modules` serves its imports; any other import throws.
 */
export function runBlock(code: string, modules: Readonly<Record<string, unknown>>): string[] {
  const js = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const printed: string[] = [];
  const console = { log: (...args: unknown[]) => printed.push(args.map(show).join(' ')) };
  const require = (id: string): unknown => {
    if (id in modules) return modules[id];
    throw new Error(`README imports ${id}, which the test does not provide`);
  };
  new Function('require', 'exports', 'console', js)(require, {}, console);
  return printed;
}

/**
 * Declare the vitest suite that runs every block of a README (at least `minBlocks` of them) and
 * checks each `console.log` against its promised output.
 */
export function describeReadmeExamples(
  readme: URL,
  modules: Readonly<Record<string, unknown>>,
  minBlocks = 1,
): void {
  const blocks = tsBlocks(readFileSync(readme, 'utf8'));
  describe('README.md examples', () => {
    it('has code blocks to run', () => {
      expect(blocks.length).toBeGreaterThanOrEqual(minBlocks);
    });
    it.each(blocks.map((code, i) => [i + 1, code] as const))(
      'block %i runs and prints what it says',
      (_n, code) => {
        const promised = promisedOutputs(code);
        expect(promised.length, 'every block shows its result with console.log').toBeGreaterThan(0);
        const printed = runBlock(code, modules);
        expect(printed).toHaveLength(promised.length);
        printed.forEach((line, i) => {
          expect(line).toMatch(promised[i] as RegExp);
        });
      },
    );
  });
}
