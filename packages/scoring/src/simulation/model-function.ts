import { FoodSafetyError } from '@foodsafety/core';

/**
 * A model evaluated one row at a time: it reads the input vector `x` (one number per input, in
 * the order of the `inputs` list) and returns one number. It must be pure and must neither keep
 * nor modify `x`: the harness reuses one buffer for every row.
 */
export type ModelFunction = (x: Float64Array) => number;

/**
 * A model evaluated a block of rows at a time: `inputs` holds `rows` row-major input vectors of
 * `inputs.length / rows` numbers each; write one output per row into `outputs[0 … rows)`.
 */
export interface BatchModel {
  readonly batch: (inputs: Float64Array, rows: number, outputs: Float64Array) => void;
}

/** A model the harness can call in this thread. */
export type Model = ModelFunction | BatchModel;

/**
 * A model named by module and export, so that worker threads can load it themselves (functions
 * cannot cross threads). The export must be a {@link ModelFunction} or a {@link BatchModel}.
 * `module` is a `file:`/`data:` URL, or a file path (relative paths resolve against the current
 * working directory). TypeScript modules (`.ts`, `.mts`, `.cts`) are loaded through tsx when it
 * can be resolved.
 */
export interface ModelReference {
  readonly module: string | URL;
  readonly export: string;
}

/** Whether a value names a model by module (see {@link ModelReference}). */
export function isModelReference(value: unknown): value is ModelReference {
  return (
    typeof value === 'object' &&
    value !== null &&
    'module' in value &&
    'export' in value &&
    (typeof value.module === 'string' || value.module instanceof URL) &&
    typeof value.export === 'string'
  );
}

/** Whether a value is a usable in-thread {@link Model}. */
export function isModel(value: unknown): value is Model {
  return (
    typeof value === 'function' ||
    (typeof value === 'object' &&
      value !== null &&
      'batch' in value &&
      typeof (value as { batch: unknown }).batch === 'function')
  );
}

/** The model exported under `name` by a loaded module, or a FoodSafetyError explaining why not. */
export function modelFromModule(
  module: Record<string, unknown>,
  name: string,
  where: string,
): Model {
  const candidate = module[name];
  if (!isModel(candidate)) {
    throw new FoodSafetyError(
      'SCORING_MODEL_EXPORT',
      `${where} has no export "${name}" that is a function (x) => number or an object with batch()`,
      { module: where, export: name },
    );
  }
  return candidate;
}
