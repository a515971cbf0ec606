import {
  createDiagnostic,
  DEFAULT_LOCALE,
  type Diagnostic,
  defaultCatalogue,
  describeValue,
  fail,
  formatDiagnostic,
  isLocale,
  type Locale,
  localizeDiagnostic,
  type MessageCatalogue,
  type MessageDescriptor,
  type Result,
  relocateDiagnostics,
  type SchemaIssueLike,
  schemaIssuesToDiagnostics,
} from '@foodsafety/core';
import semver from 'semver';
import type { ZodType } from 'zod';
import {
  isPluginFactory,
  isPluginInstance,
  type PluginInstance,
  type PluginMeta,
  type PluginOrder,
} from './define-plugin.js';
import type { ExtensionPoint, HostInfo } from './extension-point.js';
import type {
  ContributeOptions,
  PluginContext,
  PluginDiagnosticOptions,
} from './plugin-context.js';
import { describeThrown, pluginError } from './plugin-error.js';
import { pluginMessages } from './plugin-messages.js';
import { resolvePluginOrder } from './plugin-order.js';
import { safeCall } from './safe-call.js';
import { SDK_HOST } from './sdk-version.js';

/**
 * An entry of `createEngine({ plugins })`: a configured plugin, a preset (an array of entries,
 * possibly nested), or `false`/`null`/`undefined` for a plugin switched off by a condition.
 */
export type PluginInput = PluginInstance | readonly PluginInput[] | false | null | undefined;

/** What happens when a plugin fails: throw at `createEngine`, or drop the plugin and go on. */
export type PluginErrorMode = 'throw' | 'isolate';

/** Options of {@link createEngine}. */
export interface EngineOptions {
  readonly plugins: readonly PluginInput[];
  /** The locale of `engine.format` and of the plugins' context. Default `en`. */
  readonly locale?: Locale;
  /**
   * `'throw'` (default): any error diagnostic makes `createEngine` throw `PLUGIN_SETUP_FAILED`
   * carrying every diagnostic. `'isolate'`: failed plugins (and plugins depending on them) are
   * left out, reported in `engine.diagnostics` and `engine.plugins`, and the rest keeps working.
   */
  readonly onPluginError?: PluginErrorMode;
  /**
   * Versions of host packages plugins may `require`, e.g. `{ '@foodsafety/grading': '0.1.0' }`.
   * Extension points declaring a `host` add theirs; entries given here take precedence.
   */
  readonly hosts?: Readonly<Record<string, string>>;
}

/** How a plugin ended up: set up and contributing, failed itself, or skipped for a dependency. */
export type PluginStatus = 'active' | 'failed' | 'skipped';

/** What the engine reports about each registered plugin. */
export interface PluginRecord {
  readonly name: string;
  readonly version: string;
  readonly order: PluginOrder;
  readonly status: PluginStatus;
  /** Position in setup order (0-based); `undefined` when it never reached setup order. */
  readonly position?: number;
  readonly meta?: PluginMeta;
  /** The diagnostics attributed to this plugin at configure time. */
  readonly diagnostics: readonly Diagnostic[];
}

/** One contribution as registered: its key, the plugin that made it, the value. */
export interface ContributionEntry<T> {
  readonly key: string;
  readonly plugin: string;
  readonly value: T;
}

/**
 * A configured, frozen engine: read contributions by extension point, call them safely, and
 * render diagnostics in the engine's locale with the plugins' messages.
 */
export interface Engine {
  readonly locale: Locale;
  /** Everything reported while configuring, in the order it happened, attributed by `source`. */
  readonly diagnostics: readonly Diagnostic[];
  /** Every registered plugin with its status, in setup order (those that never ran last). */
  readonly plugins: readonly PluginRecord[];
  /** The default catalogue extended with the messages of the plugins. */
  readonly catalogue: MessageCatalogue;
  /** The contribution under a key, typed by the point. */
  get<T>(point: ExtensionPoint<T>, key: string): T | undefined;
  /** The contribution under a key; throws `PLUGIN_KEY_UNKNOWN` when there is none. */
  require<T>(point: ExtensionPoint<T>, key: string): T;
  /** Whether a contribution is registered under the key. */
  has<T>(point: ExtensionPoint<T>, key: string): boolean;
  /** The contributions to a point in engine order (an override keeps the replaced one's place). */
  list<T>(point: ExtensionPoint<T>): readonly T[];
  /** The keys of a point's contributions, in the order of {@link Engine.list}. */
  keys<T>(point: ExtensionPoint<T>): readonly string[];
  /** The contributions with their keys and contributing plugins. */
  entries<T>(point: ExtensionPoint<T>): readonly ContributionEntry<T>[];
  /** The plugin that contributed the key, if any. */
  owner<T>(point: ExtensionPoint<T>, key: string): string | undefined;
  /**
   * Call `fn` with a contribution, isolating failures: the value as an ok result, or a failed
   * result with `PLUGIN_KEY_UNKNOWN` (no such key) or `PLUGIN_RUNTIME_ERROR` (it threw),
   * attributed to the contributing plugin.
   */
  run<T, R>(point: ExtensionPoint<T>, key: string, fn: (contribution: T) => R): Result<R>;
  /** One readable line in the engine's locale (plugins' own codes included). */
  format(diagnostic: Diagnostic): string;
  /** The diagnostic with its message in the engine's locale. */
  localize(diagnostic: Diagnostic): Diagnostic;
}

interface Registration {
  readonly instance: PluginInstance;
  readonly slot: number;
  readonly position: string;
}

interface Entry {
  readonly value: unknown;
  readonly plugin: string;
}

interface StagedContribution {
  readonly pointId: string;
  readonly key: string;
  readonly value: unknown;
}

const PLUGIN_ERROR_MODES: readonly PluginErrorMode[] = ['throw', 'isolate'];

function flatten(entries: readonly PluginInput[]): Registration[] {
  const out: Registration[] = [];
  const open = new Set<readonly PluginInput[]>(); // the presets being walked: a cycle guard
  const walk = (list: readonly PluginInput[], slot: number | undefined, prefix: string) => {
    if (open.has(list)) {
      throw pluginError(pluginMessages.PLUGIN_ENTRY_INVALID, {
        position: prefix,
        detail: 'a preset contains itself',
      });
    }
    open.add(list);
    list.forEach((entry, index) => {
      const here = slot ?? index;
      const position = prefix === '' ? String(index) : `${prefix}.${index}`;
      if (entry === false || entry === null || entry === undefined) return;
      if (Array.isArray(entry)) walk(entry as readonly PluginInput[], here, position);
      else if (isPluginInstance(entry)) out.push({ instance: entry, slot: here, position });
      else if (isPluginFactory(entry)) {
        throw pluginError(pluginMessages.PLUGIN_ENTRY_INVALID, {
          position,
          detail: `${entry.definition.name} is a plugin factory; call it: ${entry.definition.name}()`,
        });
      } else {
        throw pluginError(pluginMessages.PLUGIN_ENTRY_INVALID, {
          position,
          detail: `got ${entry === null ? 'null' : typeof entry}`,
        });
      }
    });
    open.delete(list);
  };
  walk(entries, undefined, '');
  return out;
}

function checkEngineOptions(options: EngineOptions): void {
  if (typeof options !== 'object' || options === null || !Array.isArray(options.plugins)) {
    throw pluginError(pluginMessages.PLUGIN_ENGINE_OPTIONS_INVALID, {
      field: 'plugins',
      detail: 'plugins must be an array',
    });
  }
  if (options.locale !== undefined && !isLocale(options.locale)) {
    throw pluginError(pluginMessages.PLUGIN_ENGINE_OPTIONS_INVALID, {
      field: 'locale',
      detail: `"${describeValue(options.locale)}" is not zh-CN or en`,
    });
  }
  if (options.onPluginError !== undefined && !PLUGIN_ERROR_MODES.includes(options.onPluginError)) {
    throw pluginError(pluginMessages.PLUGIN_ENGINE_OPTIONS_INVALID, {
      field: 'onPluginError',
      detail: `"${describeValue(options.onPluginError)}" is not throw or isolate`,
    });
  }
  const { hosts } = options;
  if (
    hosts !== undefined &&
    (typeof hosts !== 'object' || hosts === null || Array.isArray(hosts))
  ) {
    throw pluginError(pluginMessages.PLUGIN_ENGINE_OPTIONS_INVALID, {
      field: 'hosts',
      detail: 'hosts must be an object of package name → exact version',
    });
  }
  for (const [host, version] of Object.entries(hosts ?? {})) {
    if (typeof version !== 'string' || semver.valid(version) === null) {
      throw pluginError(pluginMessages.PLUGIN_ENGINE_OPTIONS_INVALID, {
        field: `hosts.${host}`,
        detail: `"${describeValue(version)}" is not an exact semver version`,
      });
    }
  }
}

type OptionsParse =
  | { success: true; data: unknown }
  | { success: false; issues: SchemaIssueLike[] };

function parseOptions(schema: ZodType, input: unknown): OptionsParse {
  try {
    const parsed = schema.safeParse(input, { reportInput: true });
    return parsed.success
      ? { success: true, data: parsed.data }
      : { success: false, issues: parsed.error.issues as SchemaIssueLike[] };
  } catch (error) {
    // A refinement or transform that throws is the plugin's fault, reported like a failed check.
    return {
      success: false,
      issues: [{ code: 'custom', path: [], message: describeThrown(error) }],
    };
  }
}

function validateOptions(instance: PluginInstance): { value: unknown; diagnostics: Diagnostic[] } {
  const { name, optionsSchema } = instance.definition;
  if (optionsSchema === undefined) return { value: undefined, diagnostics: [] };
  let parsed = parseOptions(optionsSchema, instance.rawOptions);
  if (
    !parsed.success &&
    instance.rawOptions === undefined &&
    parsed.issues.some(
      (i) => i.path.length === 0 && i.code === 'invalid_type' && i.expected === 'object',
    )
  ) {
    // Called without options: an object schema whose keys all have defaults accepts `{}`.
    parsed = parseOptions(optionsSchema, {});
  }
  if (parsed.success) return { value: parsed.data, diagnostics: [] };
  const issues = schemaIssuesToDiagnostics(parsed.issues, {
    prefix: ['plugins', name, 'options'],
    source: name,
  });
  return {
    value: undefined,
    diagnostics: [
      createDiagnostic(
        pluginMessages.PLUGIN_OPTIONS_INVALID,
        { plugin: name, count: issues.length },
        { path: ['plugins', name, 'options'], source: name },
      ),
      ...issues,
    ],
  };
}

function sameTemplates(a: MessageDescriptor, b: MessageDescriptor): boolean {
  return (
    a.severity === b.severity &&
    a.templates.en === b.templates.en &&
    a.templates['zh-CN'] === b.templates['zh-CN']
  );
}

function hasError(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * Create an engine: configure (validate every plugin's options, check `requires` ranges and
 * dependencies, order the plugins deterministically, run each `setup`), then freeze (no more
 * contributions), then run (read contributions with `get`/`list`, call them with `run`).
 *
 * Setup order: a topological order of the dependencies that at each step takes the ready plugin
 * with the lowest (order phase `pre` < `normal` < `post`, registration slot, name).
 *
 * Throws `PLUGIN_ENGINE_OPTIONS_INVALID` or `PLUGIN_ENTRY_INVALID` when called wrongly, and,
 * under `onPluginError: 'throw'` (the default), `PLUGIN_SETUP_FAILED` when any plugin fails;
 * its `params.diagnostics` holds every diagnostic.
 *
 * @example
 * const engine = createEngine({ plugins: [presetCn(), ukFhrs({ brandStandard: 'rev8' })],
 *                               locale: 'zh-CN', onPluginError: 'isolate' });
 * engine.get(gradingSchemes, 'uk-fhrs');
 */
export function createEngine(options: EngineOptions): Engine {
  checkEngineOptions(options);
  const locale = options.locale ?? DEFAULT_LOCALE;
  const mode = options.onPluginError ?? 'throw';
  const registrations = flatten(options.plugins);
  const catalogue = defaultCatalogue.extend();

  // Host versions: the SDK itself, explicit `hosts` (authoritative), then points' own hosts.
  const hosts = new Map<string, string>([[SDK_HOST.name, SDK_HOST.version]]);
  for (const [name, version] of Object.entries(options.hosts ?? {})) hosts.set(name, version);
  // a point a plugin named may be anything (`undefined`, a hand-made object): read it carefully
  const learnHost = (point: unknown) => {
    try {
      const host = (point as { readonly host?: HostInfo } | null | undefined)?.host;
      if (host === null || typeof host !== 'object') return;
      const { name, version } = host;
      if (typeof name === 'string' && typeof version === 'string' && !hosts.has(name))
        hosts.set(name, version);
    } catch {
      // a getter that throws: no host learnt
    }
  };

  // Registration: the first plugin of a name wins; later ones are reported and left out.
  const unique = new Map<string, Registration>();
  const diagnosticsOf = new Map<Registration, Diagnostic[]>();
  const status = new Map<Registration, PluginStatus>();
  for (const registration of registrations) {
    const { name } = registration.instance;
    diagnosticsOf.set(registration, []);
    if (unique.has(name)) {
      diagnosticsOf
        .get(registration)
        ?.push(
          createDiagnostic(
            pluginMessages.PLUGIN_DUPLICATE_NAME,
            { plugin: name, position: registration.position },
            { path: ['plugins', name], source: name },
          ),
        );
      status.set(registration, 'failed');
    } else unique.set(name, registration);
  }

  // Configure-time checks that need no setup: options, dependencies (presence and range).
  const optionValues = new Map<string, unknown>();
  for (const registration of unique.values()) {
    const { definition } = registration.instance;
    const own = diagnosticsOf.get(registration) as Diagnostic[];
    const validated = validateOptions(registration.instance);
    own.push(...validated.diagnostics);
    optionValues.set(definition.name, validated.value);
    definition.dependencies.forEach((dep, index) => {
      const target = unique.get(dep.name);
      const at = {
        path: ['plugins', definition.name, 'dependencies', index],
        source: definition.name,
      };
      if (target === undefined) {
        own.push(
          createDiagnostic(
            pluginMessages.PLUGIN_DEPENDENCY_MISSING,
            { plugin: definition.name, dependency: dep.name },
            at,
          ),
        );
      } else if (
        dep.range !== undefined &&
        !semver.satisfies(target.instance.version, dep.range, { includePrerelease: true })
      ) {
        own.push(
          createDiagnostic(
            pluginMessages.PLUGIN_DEPENDENCY_VERSION_MISMATCH,
            {
              plugin: definition.name,
              dependency: dep.name,
              range: dep.range,
              version: target.instance.version,
            },
            at,
          ),
        );
      }
    });
  }

  // Order.
  const ordering = resolvePluginOrder(
    [...unique.values()].map((r) => ({
      name: r.instance.name,
      order: r.instance.definition.order,
      slot: r.slot,
      dependencies: r.instance.definition.dependencies.map((d) => d.name),
    })),
  );
  const inCycle = new Map<string, readonly string[]>();
  for (const cycle of ordering.cycles) {
    for (const member of cycle.slice(0, -1)) inCycle.set(member, cycle);
  }

  // Contributions: committed per point in engine order; a plugin's own are staged until it passes.
  const registry = new Map<string, Map<string, Entry>>();
  let frozen = false;
  const setupOrder: Registration[] = [];

  const statusOf = (name: string): PluginStatus | 'blocked' => {
    const registration = unique.get(name);
    return registration === undefined ? 'failed' : (status.get(registration) ?? 'blocked');
  };

  const runPlugin = (registration: Registration): void => {
    const { definition } = registration.instance;
    const name = definition.name;
    const own = diagnosticsOf.get(registration) as Diagnostic[];
    const cycle = inCycle.get(name);
    if (cycle !== undefined) {
      own.push(
        createDiagnostic(
          pluginMessages.PLUGIN_DEPENDENCY_CYCLE,
          { plugin: name, cycle: cycle.join(' → ') },
          { path: ['plugins', name, 'dependencies'], source: name },
        ),
      );
    }
    if (hasError(own)) {
      status.set(registration, 'failed');
      return;
    }
    for (const [index, dep] of definition.dependencies.entries()) {
      const depStatus = statusOf(dep.name);
      if (depStatus !== 'active') {
        own.push(
          createDiagnostic(
            pluginMessages.PLUGIN_DEPENDENCY_FAILED,
            {
              plugin: name,
              dependency: dep.name,
              status: depStatus === 'blocked' ? 'failed' : depStatus,
            },
            { path: ['plugins', name, 'dependencies', index], source: name },
          ),
        );
        status.set(registration, 'skipped');
        return;
      }
    }

    // Host requirements known before setup.
    const checked = new Set<string>();
    const checkRequirement = (host: string, range: string): void => {
      const version = hosts.get(host);
      if (version === undefined) return;
      checked.add(host);
      if (!semver.satisfies(version, range, { includePrerelease: true })) {
        own.push(
          createDiagnostic(
            pluginMessages.PLUGIN_HOST_VERSION_MISMATCH,
            { plugin: name, host, range, version },
            { path: ['plugins', name, 'requires', host], source: name },
          ),
        );
      }
    };
    for (const { host, range } of definition.requires) checkRequirement(host, range);
    if (hasError(own)) {
      status.set(registration, 'failed');
      return;
    }

    // Messages join the engine's catalogue (conflicts are this plugin's error).
    const messages = Object.values(definition.messages);
    for (const descriptor of messages) {
      const existing = catalogue.get(descriptor.code);
      if (existing !== undefined && !sameTemplates(existing, descriptor)) {
        own.push(
          createDiagnostic(
            pluginMessages.PLUGIN_MESSAGE_CONFLICT,
            { plugin: name, code: descriptor.code },
            { path: ['plugins', name, 'messages', descriptor.code], source: name },
          ),
        );
      }
    }
    if (hasError(own)) {
      status.set(registration, 'failed');
      return;
    }
    catalogue.register(messages);

    // Setup.
    const staged: StagedContribution[] = [];
    /** The points this plugin contributed to, or tried to: they tell the hosts it may require. */
    const touchedPoints: unknown[] = [];
    const perPointCount = new Map<string, number>();
    let open = true;
    const assertOpen = (pointId: string) => {
      if (frozen) {
        throw pluginError(
          pluginMessages.PLUGIN_ENGINE_FROZEN,
          { plugin: name },
          { point: pointId },
        );
      }
      if (!open) throw pluginError(pluginMessages.PLUGIN_CONTEXT_CLOSED, { plugin: name });
    };
    const view = (pointId: string): Map<string, Entry> => {
      const merged = new Map(registry.get(pointId));
      for (const s of staged) {
        if (s.pointId === pointId) merged.set(s.key, { value: s.value, plugin: name });
      }
      return merged;
    };
    const attributed = (options: PluginDiagnosticOptions | undefined) => ({
      source: name,
      ...(options?.path === undefined ? {} : { path: options.path }),
      ...(options?.severity === undefined ? {} : { severity: options.severity }),
    });
    const ctx: PluginContext<unknown, Record<string, never>> = Object.freeze({
      plugin: Object.freeze({ name, version: definition.version }),
      options: optionValues.get(name),
      locale,
      messages: definition.messages as PluginContext['messages'] as never,
      contribute<T>(point: ExtensionPoint<T>, value: T, opts: ContributeOptions = {}): void {
        assertOpen(point?.id);
        touchedPoints.push(point);
        const index = perPointCount.get(point.id) ?? 0;
        perPointCount.set(point.id, index + 1);
        let key: unknown;
        let keyError: string | undefined;
        try {
          key = point.key(value);
        } catch (error) {
          keyError = describeThrown(error);
        }
        if (typeof key !== 'string' || key === '') {
          own.push(
            createDiagnostic(
              pluginMessages.PLUGIN_KEY_INVALID,
              {
                plugin: name,
                point: point.id,
                error: keyError ?? `key is ${JSON.stringify(key) ?? 'undefined'}`,
              },
              { path: ['plugins', name, 'contributions', point.id, index], source: name },
            ),
          );
          return;
        }
        const at = ['plugins', name, 'contributions', point.id, key];
        // The point's findings are about this plugin's contribution: attributed to the plugin.
        const problems = relocateDiagnostics(point.check(value), at).map((d) => ({
          ...d,
          source: name,
        }));
        if (hasError(problems)) {
          own.push(
            createDiagnostic(
              pluginMessages.PLUGIN_CONTRIBUTION_INVALID,
              { plugin: name, point: point.id, key },
              { path: at, source: name },
            ),
            ...problems,
          );
          return;
        }
        own.push(...problems);
        const previous = view(point.id).get(key);
        if (previous !== undefined && opts.override !== true) {
          own.push(
            createDiagnostic(
              pluginMessages.PLUGIN_DUPLICATE_KEY,
              { first: previous.plugin, second: name, point: point.id, key },
              { path: at, source: name },
            ),
          );
          return;
        }
        if (previous !== undefined) {
          own.push(
            createDiagnostic(
              pluginMessages.PLUGIN_OVERRIDE,
              { plugin: name, point: point.id, key, previous: previous.plugin },
              { path: at, source: name },
            ),
          );
        } else if (opts.override === true) {
          own.push(
            createDiagnostic(
              pluginMessages.PLUGIN_OVERRIDE_UNUSED,
              { plugin: name, point: point.id, key },
              { path: at, source: name },
            ),
          );
        }
        staged.push({ pointId: point.id, key, value });
      },
      get<T>(point: ExtensionPoint<T>, key: string): T | undefined {
        assertOpen(point.id);
        return view(point.id).get(key)?.value as T | undefined;
      },
      has<T>(point: ExtensionPoint<T>, key: string): boolean {
        assertOpen(point.id);
        return view(point.id).has(key);
      },
      list<T>(point: ExtensionPoint<T>): readonly T[] {
        assertOpen(point.id);
        return [...view(point.id).values()].map((e) => e.value as T);
      },
      diagnostic(descriptor, params, opts) {
        return createDiagnostic(descriptor, params, attributed(opts));
      },
      report(descriptor, params, opts) {
        assertOpen('');
        own.push(createDiagnostic(descriptor, params, attributed(opts)));
      },
    } satisfies PluginContext<unknown, Record<string, never>>);

    try {
      const returned: unknown = definition.setup(ctx, optionValues.get(name));
      if (
        typeof returned === 'object' &&
        returned !== null &&
        typeof (returned as { then?: unknown }).then === 'function'
      ) {
        // Keep a rejected promise from surfacing as an unhandled rejection.
        Promise.resolve(returned).catch(() => undefined);
        own.push(
          createDiagnostic(
            pluginMessages.PLUGIN_SETUP_ASYNC,
            { plugin: name },
            { path: ['plugins', name], source: name },
          ),
        );
      }
    } catch (error) {
      own.push(
        createDiagnostic(
          pluginMessages.PLUGIN_SETUP_THREW,
          { plugin: name, error: describeThrown(error) },
          { path: ['plugins', name], source: name },
        ),
      );
    } finally {
      open = false;
    }

    // Host requirements revealed by the points this plugin contributed to, its rejected
    // contributions included (their point's host is known all the same), or by nobody.
    for (const point of touchedPoints) learnHost(point);
    for (const { host, range } of definition.requires) {
      if (checked.has(host)) continue;
      if (hosts.has(host)) checkRequirement(host, range);
      else {
        own.push(
          createDiagnostic(
            pluginMessages.PLUGIN_HOST_UNKNOWN,
            { plugin: name, host, range },
            { path: ['plugins', name, 'requires', host], source: name },
          ),
        );
      }
    }

    if (hasError(own)) {
      // All or nothing: a failed plugin contributes nothing, and claims no override.
      const kept = own.filter((d) => d.code !== pluginMessages.PLUGIN_OVERRIDE.code);
      own.splice(0, own.length, ...kept);
      status.set(registration, 'failed');
      return;
    }
    for (const s of staged) {
      const entries = registry.get(s.pointId) ?? new Map<string, Entry>();
      entries.set(s.key, { value: s.value, plugin: name });
      registry.set(s.pointId, entries);
    }
    status.set(registration, 'active');
  };

  for (const pluginName of [...ordering.order, ...ordering.blocked]) {
    const registration = unique.get(pluginName) as Registration;
    runPlugin(registration);
    setupOrder.push(registration);
  }
  frozen = true;

  const ordered = [...setupOrder, ...registrations.filter((r) => !setupOrder.includes(r))];
  const diagnostics = Object.freeze(ordered.flatMap((r) => diagnosticsOf.get(r) ?? []));
  const plugins: readonly PluginRecord[] = Object.freeze(
    ordered.map((r) => {
      const position = ordering.order.indexOf(r.instance.name);
      const isUnique = unique.get(r.instance.name) === r;
      return Object.freeze({
        name: r.instance.name,
        version: r.instance.version,
        order: r.instance.definition.order,
        status: status.get(r) ?? 'failed',
        ...(isUnique && position !== -1 ? { position } : {}),
        ...(r.instance.definition.meta === undefined ? {} : { meta: r.instance.definition.meta }),
        diagnostics: Object.freeze([...(diagnosticsOf.get(r) ?? [])]),
      });
    }),
  );

  if (mode === 'throw' && hasError(diagnostics)) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const error = pluginError(
      pluginMessages.PLUGIN_SETUP_FAILED,
      { count: errors.length },
      { diagnostics },
    );
    error.message += `\n${errors.map((d) => formatDiagnostic(d, 'en', catalogue)).join('\n')}`;
    throw error;
  }

  const entriesOf = (point: ExtensionPoint<unknown>) => registry.get(point.id);
  const engine: Engine = {
    locale,
    diagnostics,
    plugins,
    catalogue,
    get<T>(point: ExtensionPoint<T>, key: string): T | undefined {
      return entriesOf(point as ExtensionPoint<unknown>)?.get(key)?.value as T | undefined;
    },
    require<T>(point: ExtensionPoint<T>, key: string): T {
      const entry = entriesOf(point as ExtensionPoint<unknown>)?.get(key);
      if (entry === undefined) {
        throw pluginError(pluginMessages.PLUGIN_KEY_UNKNOWN, { point: point.id, key });
      }
      return entry.value as T;
    },
    has<T>(point: ExtensionPoint<T>, key: string): boolean {
      return entriesOf(point as ExtensionPoint<unknown>)?.has(key) ?? false;
    },
    list<T>(point: ExtensionPoint<T>): readonly T[] {
      return [...(entriesOf(point as ExtensionPoint<unknown>)?.values() ?? [])].map(
        (e) => e.value as T,
      );
    },
    keys<T>(point: ExtensionPoint<T>): readonly string[] {
      return [...(entriesOf(point as ExtensionPoint<unknown>)?.keys() ?? [])];
    },
    entries<T>(point: ExtensionPoint<T>): readonly ContributionEntry<T>[] {
      return [...(entriesOf(point as ExtensionPoint<unknown>)?.entries() ?? [])].map(([key, e]) =>
        Object.freeze({ key, plugin: e.plugin, value: e.value as T }),
      );
    },
    owner<T>(point: ExtensionPoint<T>, key: string): string | undefined {
      return entriesOf(point as ExtensionPoint<unknown>)?.get(key)?.plugin;
    },
    run<T, R>(point: ExtensionPoint<T>, key: string, fn: (contribution: T) => R): Result<R> {
      const entry = entriesOf(point as ExtensionPoint<unknown>)?.get(key);
      if (entry === undefined) {
        return fail([
          createDiagnostic(pluginMessages.PLUGIN_KEY_UNKNOWN, { point: point.id, key }),
        ]);
      }
      return safeCall(() => fn(entry.value as T), { plugin: entry.plugin, point: point.id, key });
    },
    format(diagnostic: Diagnostic): string {
      return formatDiagnostic(diagnostic, locale, catalogue);
    },
    localize(diagnostic: Diagnostic): Diagnostic {
      return localizeDiagnostic(diagnostic, locale, catalogue);
    },
  };
  return Object.freeze(engine);
}
