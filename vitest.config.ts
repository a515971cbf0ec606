import { defineConfig } from 'vitest/config';

/**
 * One Vitest project per workspace package. Every project resolves workspace packages through
 * the `@foodsafety/source` export condition, so tests run against `src/` with no build step.
 */
const sourceConditions = ['@foodsafety/source', 'import', 'module', 'node', 'default'];

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions, externalConditions: ['@foodsafety/source'] } },
  test: {
    // In CI a JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: '.vitest-results.json' }]]
      : ['default'],
    projects: ['packages/*', 'examples/*', 'bench'],
    coverage: {
      provider: 'v8',
      include: ['packages/*/src/**/*.ts'],
      exclude: ['**/*.test.ts', '**/*.test-d.ts', '**/index.ts'],
      reporter: ['text-summary', 'html'],
    },
  },
});
