import { compileInputs, type SensitivityInput } from './input-distribution.js';
import type { Model } from './model-function.js';
import { sobolSequence } from './sobol-sequence.js';

/**
 * Everything needed to rebuild the rows of a Saltelli design; plain data, so it can be sent to a
 * worker thread. Base point j (0 ≤ j < N) is the Sobol' point `skip + j` in 2k dimensions: its
 * first k coordinates are row A_j, the last k are row B_j.
 */
export interface SaltelliPlan {
  readonly inputs: readonly SensitivityInput[];
  readonly N: number;
  readonly skip: number;
  readonly secondOrder: boolean;
  /** Group index (0 … groupCount−1) of each input; each input is its own group when absent. */
  readonly groupOf: readonly number[];
  readonly groupCount: number;
}

/**
 * Rows per base point, in this order (as SALib lays them out): A, A_B^1 … A_B^D,
 * (B_A^1 … B_A^D when second order), B — where D is the number of groups, A_B^g is A with the
 * columns of group g taken from B, and B_A^g is B with the columns of group g taken from A.
 */
export function rowsPerBase(plan: Pick<SaltelliPlan, 'secondOrder' | 'groupCount'>): number {
  return plan.secondOrder ? 2 * plan.groupCount + 2 : plan.groupCount + 2;
}

const BASES_PER_BLOCK = 128;

/**
 * Evaluate the model on the design rows of base points [from, to) and write the outputs to
 * `outputs[j·R … (j+1)·R)` (R = {@link rowsPerBase}). Rows are rebuilt from the Sobol' sequence
 * (no design matrix is stored) and a single-row model sees one reused buffer, with only the
 * swapped columns changed between rows. `onBlock(basesDone)` is called after each block.
 * The outputs depend on j only, so any partition of [0, N) gives bit-identical results.
 */
export function evaluateSaltelliRows(
  plan: SaltelliPlan,
  model: Model,
  from: number,
  to: number,
  outputs: Float64Array,
  onBlock?: (basesDone: number) => void,
): void {
  const k = plan.inputs.length;
  const D = plan.groupCount;
  const R = rowsPerBase(plan);
  const mapper = compileInputs(plan.inputs);
  const sequence = sobolSequence(2 * k, { skip: plan.skip + from });
  const ints = new Uint32Array(2 * k);
  const ab = new Float64Array(2 * k); // A in [0, k), B in [k, 2k)
  // Members of each group, as offsets into a flat list.
  const memberStart = new Int32Array(D + 1);
  const members = new Int32Array(k);
  for (const g of plan.groupOf) memberStart[g + 1] = (memberStart[g + 1] as number) + 1;
  for (let g = 0; g < D; g++)
    memberStart[g + 1] = (memberStart[g + 1] as number) + (memberStart[g] as number);
  const fillAt = memberStart.slice(0, D);
  plan.groupOf.forEach((g, i) => {
    members[fillAt[g] as number] = i;
    fillAt[g] = (fillAt[g] as number) + 1;
  });

  if (typeof model === 'function') {
    const x = new Float64Array(k);
    // group g is input g alone: the common case, with no member lists to walk
    const singletons = D === k && plan.groupOf.every((g, i) => g === i);
    let done = 0;
    for (let j = from; j < to; j++) {
      sequence.nextIntegers(ints);
      mapper.map(ints, 0, ab, 0);
      mapper.map(ints, k, ab, k);
      let o = j * R;
      for (let i = 0; i < k; i++) x[i] = ab[i] as number;
      outputs[o++] = model(x);
      if (singletons) {
        // each group is one input (no groups given): swap that column in and out
        for (let i = 0; i < k; i++) {
          x[i] = ab[k + i] as number;
          outputs[o++] = model(x);
          x[i] = ab[i] as number;
        }
      } else {
        for (let g = 0; g < D; g++) {
          const end = memberStart[g + 1] as number;
          for (let m = memberStart[g] as number; m < end; m++) {
            const i = members[m] as number;
            x[i] = ab[k + i] as number;
          }
          outputs[o++] = model(x);
          for (let m = memberStart[g] as number; m < end; m++) {
            const i = members[m] as number;
            x[i] = ab[i] as number;
          }
        }
      }
      for (let i = 0; i < k; i++) x[i] = ab[k + i] as number;
      if (plan.secondOrder) {
        for (let g = 0; g < D; g++) {
          const end = memberStart[g + 1] as number;
          for (let m = memberStart[g] as number; m < end; m++) {
            const i = members[m] as number;
            x[i] = ab[i] as number;
          }
          outputs[o++] = model(x);
          for (let m = memberStart[g] as number; m < end; m++) {
            const i = members[m] as number;
            x[i] = ab[k + i] as number;
          }
        }
      }
      outputs[o] = model(x);
      if (++done === BASES_PER_BLOCK) {
        onBlock?.(done);
        done = 0;
      }
    }
    if (done > 0) onBlock?.(done);
    return;
  }

  // Batch model: materialise a block of rows, then one call per block.
  const block = Math.max(1, Math.min(BASES_PER_BLOCK, Math.floor(8192 / R)));
  const X = new Float64Array(block * R * k);
  const groupOf = Int32Array.from(plan.groupOf);
  // Row `row` of X: base A (or B when fromB) with the columns of group `swap` from the other.
  const writeRow = (row: number, fromB: boolean, swap: number): void => {
    const base = row * k;
    for (let i = 0; i < k; i++) {
      const useB = (groupOf[i] === swap) !== fromB;
      X[base + i] = ab[useB ? k + i : i] as number;
    }
  };
  for (let start = from; start < to; start += block) {
    const count = Math.min(block, to - start);
    let row = 0;
    for (let b = 0; b < count; b++) {
      sequence.nextIntegers(ints);
      mapper.map(ints, 0, ab, 0);
      mapper.map(ints, k, ab, k);
      writeRow(row++, false, -1);
      for (let g = 0; g < D; g++) writeRow(row++, false, g);
      if (plan.secondOrder) for (let g = 0; g < D; g++) writeRow(row++, true, g);
      writeRow(row++, true, -1);
    }
    model.batch(X.subarray(0, row * k), row, outputs.subarray(start * R, start * R + row));
    onBlock?.(count);
  }
}
