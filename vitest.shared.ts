import { fileURLToPath } from 'node:url';
import { defineProject, type UserWorkspaceConfig } from 'vitest/config';

const sourceConditions = ['@foodsafety/source', 'import', 'module', 'node', 'default'];
const setupFile = fileURLToPath(new URL('./vitest.setup.ts', import.meta.url));

/** The Vitest project of one workspace folder: tests beside code, type tests, console guard. */
export function workspaceProject(name: string, extra: UserWorkspaceConfig['test'] = {}) {
  return defineProject({
    resolve: { conditions: sourceConditions },
    ssr: { resolve: { conditions: sourceConditions, externalConditions: ['@foodsafety/source'] } },
    test: {
      name,
      include: ['src/**/*.test.ts'],
      setupFiles: [setupFile],
      typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
      ...extra,
    },
  });
}
