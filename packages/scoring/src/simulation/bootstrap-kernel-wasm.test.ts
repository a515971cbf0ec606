import { describe, expect, it } from 'vitest';
import {
  compileBootstrapKernel,
  kernelModuleText,
} from '../../scripts/generate-bootstrap-kernel.js';
import { BOOTSTRAP_KERNEL_WASM } from './bootstrap-kernel-wasm.js';

describe('bootstrap-kernel-wasm.ts', () => {
  it('holds the bytes that bootstrap-product.wat compiles to (regenerate with the script when not)', async () => {
    const bytes = await compileBootstrapKernel();
    expect(Buffer.from(BOOTSTRAP_KERNEL_WASM, 'base64')).toEqual(Buffer.from(bytes));
    expect(kernelModuleText(bytes)).toContain(BOOTSTRAP_KERNEL_WASM.slice(0, 88));
  });

  it('is a module WebAssembly accepts, with SIMD, exporting the product and the draws', () => {
    interface ModuleApi {
      validate(bytes: Uint8Array): boolean;
      Module: (new (
        bytes: Uint8Array,
      ) => object) & {
        exports(module: object): unknown[];
        imports(module: object): unknown[];
      };
    }
    const api = (globalThis as unknown as { WebAssembly: ModuleApi }).WebAssembly;
    const bytes = Buffer.from(BOOTSTRAP_KERNEL_WASM, 'base64');
    // browsers compile a module synchronously on the main thread only below 4 KB
    expect(bytes.length).toBeLessThan(4096);
    expect(api.validate(bytes)).toBe(true);
    const module = new api.Module(bytes);
    expect(api.Module.exports(module)).toEqual([
      { name: 'product', kind: 'function' },
      { name: 'draw_counts', kind: 'function' },
    ]);
    expect(api.Module.imports(module)).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
  });
});
