import { defineMessages } from '@foodsafety/core';

/**
 * Every `PLUGIN_*` code of the plugin SDK, in zh-CN and en. Diagnostics (bad configuration, a
 * plugin that failed) and programmer errors (`FoodSafetyError` codes) share the catalogue,
 * so an error caught by a host can be rendered in either locale too.
 */
export const pluginMessages = defineMessages(
  {
    PLUGIN_OPTIONS_INVALID: {
      severity: 'error',
      'zh-CN': '插件 {plugin} 的选项无效（{count} 处问题）',
      en: 'Options of plugin {plugin} are invalid ({count} problem(s))',
    },
    PLUGIN_HOST_VERSION_MISMATCH: {
      severity: 'error',
      'zh-CN': '插件 {plugin} 要求 {host} 版本 {range}，但当前版本为 {version}',
      en: 'Plugin {plugin} requires {host} {range}, but version {version} is present',
    },
    PLUGIN_HOST_UNKNOWN: {
      severity: 'warning',
      'zh-CN': '插件 {plugin} 要求 {host} 版本 {range}，但引擎不知道该宿主的版本，未能检查',
      en: 'Plugin {plugin} requires {host} {range}, but the engine does not know that host; the requirement was not checked',
    },
    PLUGIN_DEPENDENCY_MISSING: {
      severity: 'error',
      'zh-CN': '插件 {plugin} 依赖插件 {dependency}，但后者未注册',
      en: 'Plugin {plugin} depends on plugin {dependency}, which is not registered',
    },
    PLUGIN_DEPENDENCY_VERSION_MISMATCH: {
      severity: 'error',
      'zh-CN': '插件 {plugin} 依赖插件 {dependency} 版本 {range}，但已注册的版本为 {version}',
      en: 'Plugin {plugin} depends on plugin {dependency} {range}, but version {version} is registered',
    },
    PLUGIN_DEPENDENCY_CYCLE: {
      severity: 'error',
      'zh-CN': '插件 {plugin} 处于循环依赖中：{cycle}',
      en: 'Plugin {plugin} is part of a dependency cycle: {cycle}',
    },
    PLUGIN_DEPENDENCY_FAILED: {
      severity: 'error',
      'zh-CN': '插件 {plugin} 已跳过：其依赖插件 {dependency} 状态为 {status}',
      en: 'Plugin {plugin} was skipped because its dependency {dependency} is {status}',
    },
    PLUGIN_DUPLICATE_NAME: {
      severity: 'error',
      'zh-CN': '插件 {plugin} 被重复注册；第 {position} 个注册项已忽略',
      en: 'Plugin {plugin} is registered more than once; registration {position} is ignored',
    },
    PLUGIN_SETUP_THREW: {
      severity: 'error',
      'zh-CN': '插件 {plugin} 在初始化（setup）时抛出异常：{error}',
      en: 'Plugin {plugin} threw during setup: {error}',
    },
    PLUGIN_SETUP_ASYNC: {
      severity: 'error',
      'zh-CN': '插件 {plugin} 的 setup 返回了 Promise；setup 必须是同步的',
      en: 'Plugin {plugin} returned a promise from setup; setup must be synchronous',
    },
    PLUGIN_DUPLICATE_KEY: {
      severity: 'error',
      'zh-CN':
        '插件 {first} 与 {second} 都向扩展点 {point} 贡献了 {key}；如需替换，请在 {second} 中声明 override: true',
      en: 'Plugins {first} and {second} both contribute {key} to {point}; declare override: true in {second} to replace it',
    },
    PLUGIN_OVERRIDE: {
      severity: 'info',
      'zh-CN': '插件 {plugin} 覆盖了扩展点 {point} 中由 {previous} 贡献的 {key}',
      en: 'Plugin {plugin} overrides {key} of {point}, contributed by {previous}',
    },
    PLUGIN_OVERRIDE_UNUSED: {
      severity: 'warning',
      'zh-CN': '插件 {plugin} 声明覆盖扩展点 {point} 中的 {key}，但此前没有该键的贡献',
      en: 'Plugin {plugin} overrides {key} of {point}, but nothing was contributed under that key',
    },
    PLUGIN_KEY_INVALID: {
      severity: 'error',
      'zh-CN': '插件 {plugin} 向扩展点 {point} 贡献的值无法得到有效的键：{error}',
      en: 'Plugin {plugin} contributed a value to {point} whose key is not a non-empty string: {error}',
    },
    PLUGIN_CONTRIBUTION_INVALID: {
      severity: 'error',
      'zh-CN': '插件 {plugin} 向扩展点 {point} 贡献的 {key} 未通过校验',
      en: 'Plugin {plugin} contributed an invalid value {key} to {point}',
    },
    PLUGIN_MESSAGE_CONFLICT: {
      severity: 'error',
      'zh-CN': '插件 {plugin} 定义的消息代码 {code} 已以不同文本注册',
      en: 'Plugin {plugin} defines message code {code}, which is already registered with other text',
    },
    PLUGIN_RUNTIME_ERROR: {
      severity: 'error',
      'zh-CN': '插件 {plugin} 在运行扩展点 {point} 的 {key} 时出错：{error}',
      en: 'Plugin {plugin} failed while running {key} of {point}: {error}',
    },
    PLUGIN_KEY_UNKNOWN: {
      severity: 'error',
      'zh-CN': '扩展点 {point} 中没有键为 {key} 的贡献',
      en: 'Extension point {point} has no contribution with key {key}',
    },
    PLUGIN_SETUP_FAILED: {
      severity: 'error',
      'zh-CN': '引擎创建失败：插件出现 {count} 个错误',
      en: 'The engine could not be created: plugins reported {count} error(s)',
    },
    PLUGIN_ENGINE_FROZEN: {
      severity: 'error',
      'zh-CN': '引擎已冻结，插件 {plugin} 的 setup 上下文不能再使用',
      en: 'The engine is frozen; the setup context of plugin {plugin} can no longer be used',
    },
    PLUGIN_CONTEXT_CLOSED: {
      severity: 'error',
      'zh-CN': '插件 {plugin} 的 setup 已结束，其上下文不能再使用',
      en: 'The setup of plugin {plugin} has ended; its context can no longer be used',
    },
    PLUGIN_DEFINITION_INVALID: {
      severity: 'error',
      'zh-CN': '插件定义无效（{field}）：{detail}',
      en: 'Invalid plugin definition ({field}): {detail}',
    },
    PLUGIN_EXTENSION_POINT_INVALID: {
      severity: 'error',
      'zh-CN': '扩展点定义无效（{field}）：{detail}',
      en: 'Invalid extension point definition ({field}): {detail}',
    },
    PLUGIN_ENTRY_INVALID: {
      severity: 'error',
      'zh-CN': 'plugins 中第 {position} 项不是插件实例：{detail}',
      en: 'Entry {position} of plugins is not a plugin instance: {detail}',
    },
    PLUGIN_ENGINE_OPTIONS_INVALID: {
      severity: 'error',
      'zh-CN': '引擎选项 {field} 无效：{detail}',
      en: 'Engine option {field} is invalid: {detail}',
    },
  },
  { source: '@foodsafety/plugin-sdk' },
);
