import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Unexpected console output fails the test that produced it: library code must report through
 * diagnostics, never through the console. A test that expects output spies on the console itself
 * (`vi.spyOn(console, 'warn').mockImplementation(() => {})`), which replaces this guard.
 */
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
let calls: string[] = [];

beforeEach(() => {
  calls = [];
  for (const method of methods) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      calls.push(`console.${method}: ${args.map(String).join(' ')}`);
    });
  }
});

afterEach(() => {
  const seen = calls;
  calls = [];
  vi.restoreAllMocks();
  if (seen.length > 0) {
    throw new Error(`Unexpected console output during the test:\n${seen.join('\n')}`);
  }
});
