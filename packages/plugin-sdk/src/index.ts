export {
  type ContributionEntry,
  createEngine,
  type Engine,
  type EngineOptions,
  type PluginErrorMode,
  type PluginInput,
  type PluginRecord,
  type PluginStatus,
} from './create-engine.js';
export {
  definePlugin,
  isPluginFactory,
  isPluginInstance,
  PLUGIN_ORDERS,
  type PluginDefinition,
  type PluginFactory,
  type PluginFactoryArgs,
  type PluginInstance,
  type PluginMeta,
  type PluginOptionsInput,
  type PluginOptionsOutput,
  type PluginOrder,
  type ResolvedPluginDefinition,
} from './define-plugin.js';
export { type DependencySpec, parseDependencySpec } from './dependency-spec.js';
export {
  type ContributionOf,
  type ContributionValidator,
  defineExtensionPoint,
  type ExtensionPoint,
  type ExtensionPointDefinition,
  type HostInfo,
} from './extension-point.js';
export type {
  ContributeOptions,
  DescriptorParams,
  MessageTable,
  PluginContext,
  PluginDiagnosticOptions,
} from './plugin-context.js';
export { pluginMessages } from './plugin-messages.js';
export {
  comparePluginRank,
  type OrderNode,
  type PluginOrderResult,
  resolvePluginOrder,
} from './plugin-order.js';
export { type SafeCallTarget, safeCall } from './safe-call.js';
export { SDK_HOST } from './sdk-version.js';
