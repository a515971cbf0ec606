/**
 * The error thrown for programmer errors: calling an API wrongly (an unknown code, a negative
 * count where the contract forbids it, a rule set without an id). Bad *data* never throws; it
 * yields diagnostics. Every error carries a stable code, like a diagnostic.
 */
export class FoodSafetyError extends Error {
  override readonly name = 'FoodSafetyError';
  readonly code: string;
  readonly params: Readonly<Record<string, unknown>>;

  constructor(
    code: string,
    message: string,
    params: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${message}`, options);
    this.code = code;
    this.params = Object.freeze({ ...params });
  }
}

/** Whether a value is a {@link FoodSafetyError}, optionally with a given code. */
export function isFoodSafetyError(value: unknown, code?: string): value is FoodSafetyError {
  return value instanceof FoodSafetyError && (code === undefined || value.code === code);
}
