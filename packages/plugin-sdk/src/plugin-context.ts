import type {
  Diagnostic,
  DiagnosticPath,
  Locale,
  MessageDescriptor,
  MessageParams,
  MessageSet,
  MessageTemplateInput,
  Severity,
} from '@foodsafety/core';
import type { ExtensionPoint } from './extension-point.js';

/** A `defineMessages`-style table: `{ CODE: { severity, 'zh-CN': '…', en: '…' } }`. */
export type MessageTable = Record<string, MessageTemplateInput>;

/** The params a message descriptor requires (typed from its `{placeholders}`). */
export type DescriptorParams<D> =
  D extends MessageDescriptor<string, infer P> ? MessageParams<P> : never;

/** Options of {@link PluginContext.contribute}. */
export interface ContributeOptions {
  /**
   * Replace a contribution already registered under the same key (by a plugin set up earlier)
   * instead of reporting `PLUGIN_DUPLICATE_KEY`. Overriding a key nobody contributed is a warning.
   */
  readonly override?: boolean;
}

/** Where and how serious a diagnostic created through the context is. */
export interface PluginDiagnosticOptions {
  readonly path?: DiagnosticPath;
  readonly severity?: Severity;
}

/**
 * What a plugin's `setup(ctx, options)` receives. Everything it contributes or reports is
 * attributed to the plugin. The context is valid only while `setup` runs; using it afterwards
 * throws `PLUGIN_CONTEXT_CLOSED` (or `PLUGIN_ENGINE_FROZEN` once the engine is frozen).
 */
export interface PluginContext<O = unknown, M extends MessageTable = MessageTable> {
  /** The plugin being set up. */
  readonly plugin: { readonly name: string; readonly version: string };
  /** The validated options, defaults applied (the schema's output type). */
  readonly options: O;
  /** The engine's locale. */
  readonly locale: Locale;
  /** The plugin's own message descriptors (from its `messages` table), typed by code. */
  readonly messages: MessageSet<M>;
  /**
   * Contribute a value to an extension point, under the key the point computes from it. The
   * contribution is committed when `setup` returns without error; if the plugin fails, none of
   * its contributions are kept.
   */
  contribute<T>(point: ExtensionPoint<T>, value: T, options?: ContributeOptions): void;
  /** A contribution made by a plugin set up earlier (or by this one), if any. */
  get<T>(point: ExtensionPoint<T>, key: string): T | undefined;
  /** Whether a contribution exists under a key (earlier plugins and this one). */
  has<T>(point: ExtensionPoint<T>, key: string): boolean;
  /** The contributions to a point so far, in engine order. */
  list<T>(point: ExtensionPoint<T>): readonly T[];
  /** Create a diagnostic attributed to this plugin (`source` is the plugin's name). */
  diagnostic<D extends MessageDescriptor>(
    descriptor: D,
    params: DescriptorParams<D>,
    options?: PluginDiagnosticOptions,
  ): Diagnostic;
  /**
   * Report a diagnostic about the plugin's configuration into `engine.diagnostics`. Reporting
   * an error fails the plugin (its contributions are dropped), exactly as throwing would.
   */
  report<D extends MessageDescriptor>(
    descriptor: D,
    params: DescriptorParams<D>,
    options?: PluginDiagnosticOptions,
  ): void;
}
