import { defineConfig } from 'tsup';

export default defineConfig({
  // The worker-thread entry of the simulation harness is loaded by file path, not imported.
  entry: ['src/index.ts', 'src/cn/index.ts', 'src/simulation/model-worker.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  treeshake: true,
  // import.meta.url locates the worker entry; shimmed in the CommonJS build.
  shims: true,
});
