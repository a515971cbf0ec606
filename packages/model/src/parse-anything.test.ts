/**
 * Every exported `parse*` function of the package, fed arbitrary values (fc.anything: null
 * prototypes, Maps, Sets, boxed values, sparse arrays, bigints, dates), never throws, never
 * modifies its input, and reports only coded, located diagnostics whose messages render in both
 * locales with every placeholder filled.
 */
import type { Result } from '@foodsafety/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryInput } from '../../core/src/test-support/arbitrary-input.js';
import { expectExplained } from '../../core/src/test-support/expect-explained.js';
import * as model from './index.js';

/** Generic helpers that take a schema or an element parser first, fuzzed elsewhere. */
const HELPERS = new Set(['parseWithSchema', 'parseList']);

const parsers = Object.entries(model)
  .filter(([name, value]) => name.startsWith('parse') && typeof value === 'function')
  .filter(([name]) => !HELPERS.has(name)) as [string, (input: unknown) => Result<unknown>][];

describe('parse* with arbitrary input', () => {
  it('covers every exported parser', () => {
    expect(parsers.map(([name]) => name)).toEqual(
      expect.arrayContaining(['parseBusinessOperator', 'parseRectificationLedger', 'parseLicence']),
    );
    expect(parsers.length).toBeGreaterThanOrEqual(20);
  });

  it.each(parsers)('%s never throws, never mutates, and explains itself', (_name, parse) => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const before = fc.stringify(input);
        const r = parse(input);
        expect(fc.stringify(input)).toBe(before);
        expectExplained(r, /^(SCHEMA|MODEL)_[A-Z_]+$/);
      }),
      { numRuns: 150 },
    );
  });
});
