/**
 * The `ts` code blocks of this package's README.md, run as written (imports of the packages are
 * served by their source), so the README cannot drift from the API: every `console.log(…)` must
 * print what the comment after it says (see test-support/readme-examples.ts for the convention).
 */
import { readFileSync } from 'node:fs';
import * as core from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import * as zod from 'zod';
import {
  promisedOutputs,
  runBlock,
  tsBlocks,
} from '../../core/src/test-support/readme-examples.js';
import * as sdk from './index.js';

const MODULES: Readonly<Record<string, unknown>> = {
  '@foodsafety/core': core,
  '@foodsafety/plugin-sdk': sdk,
  zod,
};

const blocks = tsBlocks(readFileSync(new URL('../README.md', import.meta.url), 'utf8'));

describe('README.md examples', () => {
  it('has code blocks to run', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(1);
  });

  it.each(blocks.map((code, i) => [i + 1, code] as const))(
    'block %i runs and prints what it says',
    (_n, code) => {
      const promised = promisedOutputs(code);
      expect(promised.length, 'every block shows its result with console.log').toBeGreaterThan(0);
      const printed = runBlock(code, MODULES);
      expect(printed).toHaveLength(promised.length);
      printed.forEach((line, i) => {
        expect(line).toMatch(promised[i] as RegExp);
      });
    },
  );
});
