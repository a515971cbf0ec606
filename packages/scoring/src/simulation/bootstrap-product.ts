import { type RandomState, restoreRandom } from '@foodsafety/core';
import { BOOTSTRAP_KERNEL_WASM } from './bootstrap-kernel-wasm.js';

/** Which kernel computes a {@link BootstrapProduct}. */
export type ProductKernel = 'wasm-simd' | 'javascript';

/** Base points per block of the product: a block's term rows stay in cache. */
export const PRODUCT_BLOCK = 512;

/**
 * The bootstrap's resampled sums as one blocked matrix product: `sums += counts · block`, where
 * `counts` holds how often each resample drew each base point (rows × N) and `block` the
 * per-base-point terms of the base points [n0, n0 + len) (len × width). The caller draws the
 * counts once (`drawCounts`), then for each block of at most {@link PRODUCT_BLOCK} base points
 * fills `block` and calls `accumulate`.
 *
 * Both kernels add, for every sum, the terms of a block in ascending order from 0 and then add
 * that into the running sum, with separate multiplies and adds: the WebAssembly and JavaScript
 * kernels give the same bits.
 */
export interface BootstrapProduct {
  readonly kernel: ProductKernel;
  /** Rows of counts and sums: the resamples, rounded up to an even number (padding rows stay 0). */
  readonly rows: number;
  /** Columns of block and sums: the term columns, padded to the kernel's tile (padding stays 0). */
  readonly width: number;
  readonly counts: Uint32Array;
  readonly block: Float64Array;
  readonly sums: Float64Array;
  /**
   * Add the resamples' draws to `counts`: for each resample in turn, N draws of `int(N)` from a
   * generator restored from `state`, exactly the draws `fillInt` gives (the state itself is not
   * touched). A malformed state throws `RANDOM_STATE_INVALID`.
   */
  drawCounts(state: RandomState): void;
  accumulate(n0: number, len: number): void;
}

const TILE_ROWS = 2;
/** Columns per tile: eight f64x2 accumulators in WebAssembly, six registers in JavaScript. */
const WASM_TILE_COLUMNS = 8;
const JS_TILE_COLUMNS = 6;
const WASM_PAGE = 65_536;
/** Largest WebAssembly memory the kernel uses (its addresses are unsigned 32-bit). */
const WASM_MAX_BYTES = 2 ** 31;
/** Largest N of the WebAssembly draws (their remainder step is exact below 2^30). */
const WASM_MAX_N = 2 ** 30 - 1;

type DrawCountsExport = (
  state: bigint,
  increment: bigint,
  N: number,
  resamples: number,
  counts: number,
) => void;

type ProductExport = (
  counts: number,
  N: number,
  rows: number,
  block: number,
  n0: number,
  len: number,
  width: number,
  sums: number,
) => void;

/**
 * The part of the WebAssembly JavaScript API the kernel uses. Typed here because the library
 * compiles without the DOM library, where the `WebAssembly` namespace is declared; at run time
 * it is the global of Node, Deno, Bun and browsers, or absent (then the JavaScript kernel runs).
 */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (
    module: object,
    imports: Record<string, Record<string, unknown>>,
  ) => { readonly exports: Record<string, unknown> };
  readonly Memory: new (descriptor: { initial: number }) => WasmMemory;
}

interface WasmMemory {
  readonly buffer: ArrayBuffer;
}

interface CompiledKernel {
  readonly api: WasmApi;
  readonly module: object;
}

/** The compiled kernel: immutable code, compiled on first use and shared by every product. */
let compiled: CompiledKernel | null | undefined;

/** The compiled kernel, or null where WebAssembly or its SIMD proposal is unavailable. */
function kernelModule(): CompiledKernel | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  try {
    if (api !== undefined) {
      const binary = atob(BOOTSTRAP_KERNEL_WASM);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      // Under 1 KB: synchronous compilation is allowed everywhere (browsers cap it at 4 KB).
      // Engines without SIMD reject the module in validate; a content security policy without
      // 'wasm-unsafe-eval' makes the compilation throw.
      if (api.validate(bytes)) compiled = { api, module: new api.Module(bytes) };
    }
  } catch {
    compiled = null;
  }
  return compiled;
}

const roundUp = (n: number, to: number): number => Math.ceil(n / to) * to;

function wasmProduct(resamples: number, N: number, columns: number): BootstrapProduct | null {
  const kernel = kernelModule();
  if (kernel === null) return null;
  const rows = roundUp(resamples, TILE_ROWS);
  const width = roundUp(columns, WASM_TILE_COLUMNS);
  const countsAt = 0;
  const blockAt = roundUp(rows * N * 4, 16);
  const sumsAt = blockAt + PRODUCT_BLOCK * width * 8;
  const bytes = sumsAt + rows * width * 8;
  if (bytes > WASM_MAX_BYTES || N > WASM_MAX_N) return null;
  let memory: WasmMemory;
  let product: ProductExport;
  let drawCounts: DrawCountsExport;
  try {
    memory = new kernel.api.Memory({ initial: Math.ceil(bytes / WASM_PAGE) });
    const { exports } = new kernel.api.Instance(kernel.module, { env: { memory } });
    product = exports.product as ProductExport;
    drawCounts = exports.draw_counts as DrawCountsExport;
  } catch {
    return null; // the memory could not be reserved
  }
  return {
    kernel: 'wasm-simd',
    rows,
    width,
    counts: new Uint32Array(memory.buffer, countsAt, rows * N),
    block: new Float64Array(memory.buffer, blockAt, PRODUCT_BLOCK * width),
    sums: new Float64Array(memory.buffer, sumsAt, rows * width),
    drawCounts: (state) => {
      restoreRandom(state); // the same validation as the JavaScript kernel
      drawCounts(
        BigInt(`0x${state.state}`),
        BigInt(`0x${state.increment}`),
        N,
        resamples,
        countsAt,
      );
    },
    accumulate: (n0, len) => product(countsAt, N, rows, blockAt, n0, len, width, sumsAt),
  };
}

function javascriptProduct(resamples: number, N: number, columns: number): BootstrapProduct {
  const rows = roundUp(resamples, TILE_ROWS);
  const width = roundUp(columns, JS_TILE_COLUMNS);
  const counts = new Uint32Array(rows * N);
  const block = new Float64Array(PRODUCT_BLOCK * width);
  const sums = new Float64Array(rows * width);
  const accumulate = (n0: number, len: number): void => {
    for (let r = 0; r < rows; r += TILE_ROWS) {
      for (let c = 0; c < width; c += JS_TILE_COLUMNS) {
        let s00 = 0;
        let s01 = 0;
        let s02 = 0;
        let s03 = 0;
        let s04 = 0;
        let s05 = 0;
        let s10 = 0;
        let s11 = 0;
        let s12 = 0;
        let s13 = 0;
        let s14 = 0;
        let s15 = 0;
        for (let i = 0, k = r * N + n0, x = c; i < len; i++, k++, x += width) {
          const w0 = counts[k] as number;
          const w1 = counts[k + N] as number;
          const t0 = block[x] as number;
          const t1 = block[x + 1] as number;
          const t2 = block[x + 2] as number;
          const t3 = block[x + 3] as number;
          const t4 = block[x + 4] as number;
          const t5 = block[x + 5] as number;
          s00 += w0 * t0;
          s01 += w0 * t1;
          s02 += w0 * t2;
          s03 += w0 * t3;
          s04 += w0 * t4;
          s05 += w0 * t5;
          s10 += w1 * t0;
          s11 += w1 * t1;
          s12 += w1 * t2;
          s13 += w1 * t3;
          s14 += w1 * t4;
          s15 += w1 * t5;
        }
        const o = r * width + c;
        sums[o] = (sums[o] as number) + s00;
        sums[o + 1] = (sums[o + 1] as number) + s01;
        sums[o + 2] = (sums[o + 2] as number) + s02;
        sums[o + 3] = (sums[o + 3] as number) + s03;
        sums[o + 4] = (sums[o + 4] as number) + s04;
        sums[o + 5] = (sums[o + 5] as number) + s05;
        const p = o + width;
        sums[p] = (sums[p] as number) + s10;
        sums[p + 1] = (sums[p + 1] as number) + s11;
        sums[p + 2] = (sums[p + 2] as number) + s12;
        sums[p + 3] = (sums[p + 3] as number) + s13;
        sums[p + 4] = (sums[p + 4] as number) + s14;
        sums[p + 5] = (sums[p + 5] as number) + s15;
      }
    }
  };
  const drawCounts = (state: RandomState): void => {
    const random = restoreRandom(state);
    const drawn = new Uint32Array(N);
    for (let r = 0; r < resamples; r++) {
      const row = r * N;
      random.fillInt(drawn, N);
      for (let t = 0; t < N; t++) {
        const n = row + (drawn[t] as number);
        counts[n] = (counts[n] as number) + 1;
      }
    }
  };
  return { kernel: 'javascript', rows, width, counts, block, sums, drawCounts, accumulate };
}

/**
 * A workspace for the bootstrap product of `resamples` resamples over N base points with
 * `columns` term columns. By default the WebAssembly SIMD kernel (about three times faster);
 * the JavaScript kernel where WebAssembly SIMD is unavailable, its memory cannot be reserved,
 * or when asked for.
 */
export function createBootstrapProduct(
  resamples: number,
  N: number,
  columns: number,
  kernel: ProductKernel | 'auto' = 'auto',
): BootstrapProduct {
  if (kernel !== 'javascript') {
    const product = wasmProduct(resamples, N, columns);
    if (product !== null) return product;
    if (kernel === 'wasm-simd') {
      throw new Error('the WebAssembly SIMD kernel is not available here');
    }
  }
  return javascriptProduct(resamples, N, columns);
}
