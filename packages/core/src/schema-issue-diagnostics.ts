import { describeValue } from './describe-value.js';
import { createDiagnostic, type Diagnostic } from './diagnostic.js';
import { defineMessages } from './message-catalogue.js';
import type { DiagnosticPath } from './path.js';

/**
 * The shape of a schema-validation issue as zod 4 reports it (structurally typed, so core does
 * not depend on zod). Other validators can be adapted to it.
 */
export interface SchemaIssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: unknown;
  readonly received?: unknown;
  readonly input?: unknown;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly origin?: unknown;
  readonly format?: unknown;
  readonly pattern?: unknown;
  readonly discriminator?: unknown;
  readonly note?: unknown;
  readonly values?: readonly unknown[] | undefined;
  readonly keys?: readonly string[] | undefined;
  readonly params?: Readonly<Record<string, unknown>> | undefined;
}

/** The `SCHEMA_*` messages that {@link schemaIssuesToDiagnostics} reports zod issues with. */
export const schemaMessages = defineMessages(
  {
    SCHEMA_INVALID_TYPE: {
      severity: 'error',
      'zh-CN': '类型错误：应为 {expected}，实际为 {received}',
      en: 'Invalid type: expected {expected}, received {received}',
    },
    SCHEMA_REQUIRED: {
      severity: 'error',
      'zh-CN': '缺少必填项（应为 {expected}）',
      en: 'Required value is missing (expected {expected})',
    },
    SCHEMA_TOO_SMALL: {
      severity: 'error',
      'zh-CN': '取值过小：{origin} 应不小于 {minimum}',
      en: 'Too small: {origin} must be at least {minimum}',
    },
    SCHEMA_TOO_BIG: {
      severity: 'error',
      'zh-CN': '取值过大：{origin} 应不大于 {maximum}',
      en: 'Too big: {origin} must be at most {maximum}',
    },
    SCHEMA_INVALID_FORMAT: {
      severity: 'error',
      'zh-CN': '格式错误：不符合 {format} 格式',
      en: 'Invalid format: not a valid {format}',
    },
    SCHEMA_INVALID_VALUE: {
      severity: 'error',
      'zh-CN': '取值无效：应为 {values} 之一',
      en: 'Invalid value: expected one of {values}',
    },
    SCHEMA_UNRECOGNIZED_KEYS: {
      severity: 'error',
      'zh-CN': '含有未定义的字段：{keys}',
      en: 'Unrecognized keys: {keys}',
    },
    SCHEMA_PATTERN_MISMATCH: {
      severity: 'error',
      'zh-CN': '格式错误：不符合规定的格式 {pattern}',
      en: 'Invalid format: does not match the pattern {pattern}',
    },
    SCHEMA_NO_MATCHING_VARIANT: {
      severity: 'error',
      'zh-CN': '取值不符合任何允许的形式（判别字段：{discriminator}）',
      en: 'Value matches none of the allowed shapes (discriminator: {discriminator})',
    },
    SCHEMA_CUSTOM: {
      severity: 'error',
      'zh-CN': '校验失败：{detail}',
      en: 'Validation failed: {detail}',
    },
  },
  { source: '@foodsafety/core' },
);

const TYPE_NAMES_ZH: Record<string, string> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  undefined: '空值（undefined）',
  null: '空值（null）',
  date: '日期',
  bigint: '大整数',
};

function describeReceived(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (Number.isNaN(input)) return 'NaN';
  return typeof input;
}

const RECEIVED_IN_MESSAGE = /received ([A-Za-z]+)\s*$/;

/**
 * What a type issue received: from the input when the validator reported it (zod's
 * `reportInput`), else from an explicit `received`, else from zod's default message
 * ("… received undefined"), so that a missing value reads as missing either way.
 */
function receivedOf(issue: SchemaIssueLike): string {
  if ('input' in issue) return describeReceived(issue.input);
  if (issue.received !== undefined) return show(issue.received);
  return RECEIVED_IN_MESSAGE.exec(issue.message)?.[1] ?? 'unknown';
}

function toPath(prefix: DiagnosticPath, path: readonly PropertyKey[]): DiagnosticPath {
  return [...prefix, ...path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
}

function show(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return value;
  // JSON.stringify throws on a bigint inside a value (and on a cycle), String() on an object
  // without a prototype
  try {
    return JSON.stringify(value) ?? describeValue(value, Number.POSITIVE_INFINITY);
  } catch {
    return describeValue(value, Number.POSITIVE_INFINITY);
  }
}

/**
 * Turn schema issues (zod 4's `error.issues`) into diagnostics with stable `SCHEMA_*` codes,
 * bilingual messages and a path into the input. `prefix` is prepended to every path; `source`
 * names the schema's owner. Custom refinements keep their own message as `detail`, or their own
 * code when they set `params.code` to a registered code.
 */
export function schemaIssuesToDiagnostics(
  issues: readonly SchemaIssueLike[],
  options: { prefix?: DiagnosticPath; source?: string } = {},
): Diagnostic[] {
  const prefix = options.prefix ?? [];
  const base = options.source === undefined ? {} : { source: options.source };
  return issues.flatMap((issue): Diagnostic[] => {
    const path = toPath(prefix, issue.path);
    const at = { path, ...base };
    switch (issue.code) {
      case 'invalid_type': {
        const expected = show(issue.expected ?? 'value');
        const received = receivedOf(issue);
        if (received === 'undefined') {
          return [createDiagnostic(schemaMessages.SCHEMA_REQUIRED, { expected }, at)];
        }
        return [createDiagnostic(schemaMessages.SCHEMA_INVALID_TYPE, { expected, received }, at)];
      }
      case 'too_small':
        return [
          createDiagnostic(
            schemaMessages.SCHEMA_TOO_SMALL,
            { origin: show(issue.origin ?? 'value'), minimum: show(issue.minimum) },
            at,
          ),
        ];
      case 'too_big':
        return [
          createDiagnostic(
            schemaMessages.SCHEMA_TOO_BIG,
            { origin: show(issue.origin ?? 'value'), maximum: show(issue.maximum) },
            at,
          ),
        ];
      case 'invalid_format':
        if (issue.format === 'regex' && issue.pattern !== undefined) {
          return [
            createDiagnostic(
              schemaMessages.SCHEMA_PATTERN_MISMATCH,
              { pattern: show(issue.pattern) },
              at,
            ),
          ];
        }
        return [
          createDiagnostic(
            schemaMessages.SCHEMA_INVALID_FORMAT,
            { format: show(issue.format ?? 'value') },
            at,
          ),
        ];
      case 'invalid_union':
        return [
          createDiagnostic(
            schemaMessages.SCHEMA_NO_MATCHING_VARIANT,
            { discriminator: issue.discriminator === undefined ? '—' : show(issue.discriminator) },
            at,
          ),
        ];
      case 'invalid_value':
        return [
          createDiagnostic(
            schemaMessages.SCHEMA_INVALID_VALUE,
            { values: (issue.values ?? []).map(show) },
            at,
          ),
        ];
      case 'unrecognized_keys':
        return [
          createDiagnostic(
            schemaMessages.SCHEMA_UNRECOGNIZED_KEYS,
            { keys: [...(issue.keys ?? [])] },
            at,
          ),
        ];
      default:
        return [createDiagnostic(schemaMessages.SCHEMA_CUSTOM, { detail: issue.message }, at)];
    }
  });
}

/** Chinese names of schema types, for hosts that localise `expected`/`received` further. */
export const SCHEMA_TYPE_NAMES_ZH: Readonly<Record<string, string>> = TYPE_NAMES_ZH;
