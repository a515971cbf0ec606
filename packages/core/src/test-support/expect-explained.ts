/**
 * Test support (not part of the published API; left out of the package): the checks every result
 * of a parser fed bad input must pass.
 */
import { expect } from 'vitest';
import { LOCALES } from '../locale.js';
import { defaultCatalogue } from '../message-catalogue.js';
import type { Result } from '../result.js';

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * A failed result holds an error; every diagnostic has a code matching `codes`, a path, and is
 * registered in the default catalogue with a param for every placeholder of both templates.
 */
export function expectExplained(result: Result<unknown>, codes: RegExp): void {
  if (!result.ok) expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  for (const d of result.diagnostics) {
    expect(d.code).toMatch(codes);
    expect(Array.isArray(d.path ?? [])).toBe(true);
    const descriptor = defaultCatalogue.get(d.code);
    expect(descriptor, d.code).toBeDefined();
    for (const locale of LOCALES) {
      for (const [, name] of descriptor?.templates[locale].matchAll(PLACEHOLDER) ?? []) {
        expect(d.params ?? {}, `${d.code} {${name}}`).toHaveProperty([name as string]);
      }
    }
  }
}
