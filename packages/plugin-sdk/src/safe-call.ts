import { createDiagnostic, type DiagnosticPath, fail, ok, type Result } from '@foodsafety/core';
import { describeThrown } from './plugin-error.js';
import { pluginMessages } from './plugin-messages.js';

/** Whom to blame when a plugin-provided function throws. */
export interface SafeCallTarget {
  /** The plugin that provided the function. */
  readonly plugin: string;
  /** The extension point the function was contributed to. */
  readonly point: string;
  /** The contribution's key. */
  readonly key: string;
  /** Where in the host's input the call was working, if the host knows. */
  readonly path?: DiagnosticPath;
}

/**
 * Call a function a plugin provided, turning a throw into a `PLUGIN_RUNTIME_ERROR` diagnostic
 * attributed to the plugin (its `source`) instead of a crash. Domain engines use it (or
 * `engine.run`) whenever they call into plugin code at run time.
 *
 * @example
 * const result = safeCall(() => scheme.grade(inspection), {
 *   plugin: 'uk-fhrs', point: 'grading.schemes', key: 'uk-fhrs',
 * });
 */
export function safeCall<R>(fn: () => R, target: SafeCallTarget): Result<R> {
  try {
    return ok(fn());
  } catch (error) {
    return fail([
      createDiagnostic(
        pluginMessages.PLUGIN_RUNTIME_ERROR,
        {
          plugin: target.plugin,
          point: target.point,
          key: target.key,
          error: describeThrown(error),
        },
        { source: target.plugin, ...(target.path === undefined ? {} : { path: target.path }) },
      ),
    ]);
  }
}
