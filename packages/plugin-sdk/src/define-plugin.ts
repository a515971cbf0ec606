import {
  defineMessages,
  describeValue,
  MessageCatalogue,
  type MessageCatalogue as MessageCatalogueType,
  type MessageDescriptor,
  type MessageSet,
} from '@foodsafety/core';
import semver from 'semver';
import type { input, output, ZodType } from 'zod';
import { type DependencySpec, parseDependencySpec } from './dependency-spec.js';
import type { MessageTable, PluginContext } from './plugin-context.js';
import { describeThrown, pluginError } from './plugin-error.js';
import { pluginMessages } from './plugin-messages.js';

/** When a plugin runs relative to others, after its dependencies (as in Rollup and Vite). */
export type PluginOrder = 'pre' | 'normal' | 'post';

/** The order phases, earliest first. */
export const PLUGIN_ORDERS: readonly PluginOrder[] = ['pre', 'normal', 'post'];

/** Documentation about a plugin, as ESLint rules carry `meta`. */
export interface PluginMeta {
  readonly description?: string;
  /** A URL to the plugin's documentation. */
  readonly docs?: string;
}

/** The options a plugin's setup receives: the schema's output type (defaults applied). */
export type PluginOptionsOutput<S> = S extends ZodType ? output<S> : undefined;

/** The options a plugin factory accepts: the schema's input type (defaulted keys optional). */
export type PluginOptionsInput<S> = S extends ZodType ? input<S> : never;

/**
 * The parameters of a plugin factory: none without a schema; optional options when every
 * option has a default (or is optional); required options otherwise.
 */
export type PluginFactoryArgs<S> = S extends ZodType
  ? Record<string, never> extends input<S>
    ? [options?: input<S>]
    : undefined extends input<S>
      ? [options?: input<S>]
      : [options: input<S>]
  : [];

/** What a plugin author writes: see {@link definePlugin}. */
export interface PluginDefinition<
  S extends ZodType | undefined = undefined,
  M extends MessageTable = Record<never, MessageTable[string]>,
> {
  /** Unique plugin name, e.g. `uk-fhrs` or `@acme/foodsafety-plugin`. */
  readonly name: string;
  /** The plugin's exact semver version. */
  readonly version: string;
  /**
   * Host packages and the semver ranges of them this plugin works with, e.g.
   * `{ '@foodsafety/grading': '^0.1' }` (as fastify-plugin declares the fastify version).
   */
  readonly requires?: Readonly<Record<string, string>>;
  /** Other plugins this one needs, set up before it: `'uk-fhrs'` or `'uk-fhrs@^1.0.0'`. */
  readonly dependencies?: readonly string[];
  /** `'pre'`, `'normal'` (default) or `'post'`; applied after dependencies. */
  readonly order?: PluginOrder;
  /** A zod schema for the options, with defaults; validated when the engine is created. */
  readonly options?: S;
  readonly meta?: PluginMeta;
  /** Message codes this plugin defines, joined to the engine's catalogue. */
  readonly messages?: M;
  /** Contribute to extension points. Must be synchronous; throwing fails the plugin. */
  readonly setup: (
    ctx: PluginContext<PluginOptionsOutput<S>, M>,
    options: PluginOptionsOutput<S>,
  ) => void;
}

/** A plugin definition after validation, as the engine sees it. */
export interface ResolvedPluginDefinition {
  readonly name: string;
  readonly version: string;
  readonly requires: readonly { readonly host: string; readonly range: string }[];
  readonly dependencies: readonly DependencySpec[];
  readonly order: PluginOrder;
  readonly optionsSchema?: ZodType;
  readonly meta?: PluginMeta;
  /** The plugin's message descriptors (not registered anywhere until an engine takes them). */
  readonly messages: Readonly<Record<string, MessageDescriptor>>;
  /**
   * The plugin's setup with its option types erased (a method signature, so a setup typed for
   * its own options is assignable here).
   */
  setup(ctx: PluginContext, options: unknown): unknown;
}

const INSTANCE = Symbol.for('@foodsafety/plugin-sdk/plugin-instance');
const FACTORY = Symbol.for('@foodsafety/plugin-sdk/plugin-factory');

/** A configured plugin, made by calling a plugin factory: `ukFhrs({ brandStandard: 'rev8' })`. */
export interface PluginInstance {
  readonly [INSTANCE]: true;
  readonly name: string;
  readonly version: string;
  readonly definition: ResolvedPluginDefinition;
  /** The options as given to the factory (validated by the engine, not here). */
  readonly rawOptions: unknown;
}

/**
 * What {@link definePlugin} returns: call it (with options, typed from the schema's input) to get
 * a {@link PluginInstance} for `createEngine({ plugins })`.
 */
export interface PluginFactory<
  S extends ZodType | undefined = undefined,
  M extends MessageTable = Record<never, MessageTable[string]>,
> {
  (...args: PluginFactoryArgs<S>): PluginInstance;
  readonly [FACTORY]: true;
  readonly definition: ResolvedPluginDefinition;
  /** The plugin's message descriptors, typed by code (for creating or matching diagnostics). */
  readonly messages: MessageSet<M>;
}

/** Whether a value is a configured plugin instance. */
export function isPluginInstance(value: unknown): value is PluginInstance {
  return typeof value === 'object' && value !== null && INSTANCE in value;
}

/** Whether a value is a plugin factory (a plugin not yet configured). */
export function isPluginFactory(value: unknown): value is PluginFactory<ZodType | undefined> {
  return typeof value === 'function' && FACTORY in value;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(field: string, detail: string): never {
  throw pluginError(pluginMessages.PLUGIN_DEFINITION_INVALID, { field, detail });
}

function resolveDefinition(
  definition: PluginDefinition<ZodType | undefined, MessageTable>,
): ResolvedPluginDefinition {
  const { name, version, requires, dependencies, order, options, meta, messages, setup } =
    definition;
  if (typeof name !== 'string' || name.trim() === '' || /\s/.test(name)) {
    invalid('name', `"${describeValue(name)}" is not a plugin name (non-empty, no spaces)`);
  }
  if (typeof version !== 'string' || semver.valid(version) === null) {
    invalid('version', `${name}: "${describeValue(version)}" is not an exact semver version`);
  }
  if (typeof setup !== 'function') invalid('setup', `${name}: setup must be a function`);
  if (order !== undefined && !PLUGIN_ORDERS.includes(order)) {
    invalid('order', `${name}: order must be pre, normal or post, not "${describeValue(order)}"`);
  }
  if (requires !== undefined && !isRecord(requires)) {
    invalid('requires', `${name}: requires must be an object of host → semver range`);
  }
  if (dependencies !== undefined && !Array.isArray(dependencies)) {
    invalid('dependencies', `${name}: dependencies must be an array of "name" or "name@range"`);
  }
  if (meta !== undefined && !isRecord(meta)) invalid('meta', `${name}: meta must be an object`);
  const required = Object.entries(requires ?? {}).map(([host, range]) => {
    if (typeof range !== 'string' || semver.validRange(range) === null) {
      invalid('requires', `${name}: "${describeValue(range)}" for ${host} is not a semver range`);
    }
    return Object.freeze({ host, range });
  });
  const deps = (dependencies ?? []).map((spec) => {
    const parsed = parseDependencySpec(spec);
    if (parsed === undefined) {
      invalid('dependencies', `${name}: "${describeValue(spec)}" is not "name" or "name@range"`);
    }
    if (parsed.name === name) invalid('dependencies', `${name} cannot depend on itself`);
    return parsed;
  });
  if (
    options !== undefined &&
    (typeof options !== 'object' ||
      options === null ||
      typeof (options as { safeParse?: unknown }).safeParse !== 'function')
  ) {
    invalid('options', `${name}: options must be a zod schema`);
  }
  let descriptors: Readonly<Record<string, MessageDescriptor>> = {};
  if (messages !== undefined) {
    try {
      // A scratch catalogue checks codes and placeholders now; engines register them later.
      const scratch: MessageCatalogueType = new MessageCatalogue();
      descriptors = defineMessages(messages, { source: name, catalogue: scratch });
    } catch (error) {
      invalid('messages', `${name}: ${describeThrown(error)}`);
    }
  }
  return Object.freeze({
    name,
    version,
    requires: Object.freeze(required),
    dependencies: Object.freeze(deps),
    order: order ?? 'normal',
    ...(options === undefined ? {} : { optionsSchema: options }),
    ...(meta === undefined ? {} : { meta: Object.freeze({ ...meta }) }),
    messages: descriptors,
    setup,
  });
}

/**
 * Define a plugin. Returns a factory: call it with options (typed from the zod schema's input
 * type; omit them to take every default) to get a configured plugin for `createEngine`.
 * The definition is checked now; a malformed one (bad name, version, range, order, messages)
 * throws `PLUGIN_DEFINITION_INVALID`. Options are validated later, when the engine is created,
 * so that errors become diagnostics naming the plugin and the option path.
 *
 * @example
 * export const ukFhrs = definePlugin({
 *   name: 'uk-fhrs', version: '1.0.0',
 *   requires: { '@foodsafety/grading': '^0.1' },
 *   options: z.object({ brandStandard: z.enum(['rev7', 'rev8']).default('rev8') }),
 *   setup: (ctx, options) => { ctx.contribute(gradingSchemes, fhrsScheme(options)); },
 * });
 * const plugin = ukFhrs({ brandStandard: 'rev8' });
 */
export function definePlugin<
  S extends ZodType | undefined = undefined,
  const M extends MessageTable = Record<never, MessageTable[string]>,
>(definition: PluginDefinition<S, M>): PluginFactory<S, M> {
  const resolved = resolveDefinition(
    definition as unknown as PluginDefinition<ZodType | undefined, MessageTable>,
  );
  const factory = (...args: unknown[]): PluginInstance =>
    Object.freeze({
      [INSTANCE]: true as const,
      name: resolved.name,
      version: resolved.version,
      definition: resolved,
      rawOptions: args[0],
    });
  Object.defineProperty(factory, 'name', { value: resolved.name });
  return Object.assign(factory, {
    [FACTORY]: true as const,
    definition: resolved,
    messages: resolved.messages as MessageSet<M>,
  }) as unknown as PluginFactory<S, M>;
}
