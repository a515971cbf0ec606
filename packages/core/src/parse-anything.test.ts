/**
 * Every exported `parse*` function of core, fed arbitrary values (fc.anything: null prototypes,
 * Maps, Sets, boxed values, sparse arrays, bigints, dates), never throws, never modifies its input,
 * and reports only coded, located diagnostics whose messages render in both locales with every
 * placeholder filled.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as core from './index.js';
import type { Result } from './result.js';
import { arbitraryInput } from './test-support/arbitrary-input.js';
import { expectExplained } from './test-support/expect-explained.js';

const parsers = Object.entries(core).filter(
  ([name, value]) => name.startsWith('parse') && typeof value === 'function',
) as [string, (input: unknown) => Result<unknown>][];

describe('parse* with arbitrary input', () => {
  it('covers every exported parser', () => {
    expect(parsers.map(([name]) => name).sort()).toEqual([
      'parseCalendarDate',
      'parseChinaHolidayYears',
      'parseMoney',
      'parseRuleSetMeta',
    ]);
  });

  it.each(parsers)('%s never throws, never mutates, and explains itself', (_name, parse) => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const before = fc.stringify(input);
        const r = parse(input);
        expect(fc.stringify(input)).toBe(before);
        expectExplained(r, /^(SCHEMA|MONEY|CALENDAR|RULESET)_[A-Z_]+$/);
      }),
      { numRuns: 300 },
    );
  });
});
