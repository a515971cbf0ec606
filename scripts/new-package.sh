#!/usr/bin/env bash
# usage: scripts-new-package.sh <folder> "<description>" [subpath...]
set -euo pipefail
name=$1; desc=$2; shift 2
dir=packages/$name
mkdir -p "$dir/src"
entries='"src/index.ts"'
exports='".": {
      "@foodsafety/source": "./src/index.ts",
      "import": { "types": "./dist/index.d.ts", "default": "./dist/index.js" },
      "require": { "types": "./dist/index.d.cts", "default": "./dist/index.cjs" }
    }'
tv=''
for sub in "$@"; do
  entries="$entries, \"src/$sub/index.ts\""
  exports="$exports,
    \"./$sub\": {
      \"@foodsafety/source\": \"./src/$sub/index.ts\",
      \"import\": { \"types\": \"./dist/$sub/index.d.ts\", \"default\": \"./dist/$sub/index.js\" },
      \"require\": { \"types\": \"./dist/$sub/index.d.cts\", \"default\": \"./dist/$sub/index.cjs\" }
    }"
  tv="$tv\"$sub\": [\"./dist/$sub/index.d.ts\"], "
  mkdir -p "$dir/src/$sub"
done
cat > "$dir/package.json" <<JSON
{
  "name": "@foodsafety/$name",
  "version": "0.1.0",
  "description": "$desc",
  "license": "MIT",
  "type": "module",
  "sideEffects": false,
  "keywords": ["food-safety", "regulation", "foodsafety-kit"],
  "engines": { "node": ">=20.11" },
  "files": ["dist", "src", "!src/**/*.test.ts", "!src/**/*.test-d.ts", "README.md"],
  "main": "./dist/index.cjs",
  "module": "./dist/index.js",
  "types": "./dist/index.d.cts",
$( [ -n "$tv" ] && echo "  \"typesVersions\": { \"*\": { ${tv%, } } }," )
  "exports": {
    $exports,
    "./package.json": "./package.json"
  },
  "scripts": {
    "build": "tsup",
    "check:package": "publint --strict && attw --pack ."
  }
}
JSON
cat > "$dir/tsconfig.json" <<JSON
{
  "extends": "../../tsconfig.base.json",
  "include": ["src/**/*.ts"]
}
JSON
cat > "$dir/tsup.config.ts" <<TS
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: [$entries],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  treeshake: true,
});
TS
cat > "$dir/vitest.config.ts" <<TS
import { workspaceProject } from '../../vitest.shared.ts';

export default workspaceProject('$name');
TS
[ -f "$dir/src/index.ts" ] || echo "export {};" > "$dir/src/index.ts"
for sub in "$@"; do [ -f "$dir/src/$sub/index.ts" ] || echo "export {};" > "$dir/src/$sub/index.ts"; done
