import {
  describeValue,
  FoodSafetyError,
  interpolate,
  type MessageDescriptor,
} from '@foodsafety/core';

/**
 * A programmer error of the plugin SDK: a {@link FoodSafetyError} whose code and English message
 * come from a registered `PLUGIN_*` message, so it can also be rendered in Chinese from `params`.
 */
export function pluginError(
  descriptor: MessageDescriptor,
  params: Record<string, string | number | readonly (string | number)[]>,
  extra: Record<string, unknown> = {},
  cause?: unknown,
): FoodSafetyError {
  return new FoodSafetyError(
    descriptor.code,
    interpolate(descriptor.templates.en, params, 'en'),
    { ...params, ...extra },
    cause === undefined ? undefined : { cause },
  );
}

/** A short, single-line description of a thrown value, for diagnostics. */
export function describeThrown(error: unknown): string {
  if (error instanceof Error) return error.message === '' ? error.name : error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return describeValue(error);
  }
}
