import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  treeshake: true,
  // The China working-day tables are read from chinese-days' JSON at build time and inlined: an
  // external JSON import would need `with { type: 'json' }` in Node's ESM loader, which esbuild
  // does not keep for the node20 target.
  noExternal: [/^chinese-days\/dist\/chinese-days\.json$/],
});
