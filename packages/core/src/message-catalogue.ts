import { describeValue } from './describe-value.js';
import { FoodSafetyError } from './foodsafety-error.js';
import { DEFAULT_LOCALE, type Locale } from './locale.js';
import type { Severity } from './severity.js';

/**
 * Words a package puts into a message in place of data that is not there (an event without an
 * `eventID`, a holder that cannot be named), written in every locale: the message shows the
 * words of its own locale, also when it is rendered again in another (`localizeDiagnostic`,
 * `formatDiagnostic`). Not for data, which is shown as it is.
 */
export interface LocalizedParam {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** A value that can be interpolated into a message template. */
export type MessageParamValue =
  | string
  | number
  | boolean
  | bigint
  | null
  | readonly (string | number)[]
  | LocalizedParam;

/** Whether a param value is a {@link LocalizedParam}: an object (not a list) with both texts. */
export function isLocalizedParam(value: unknown): value is LocalizedParam {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { en?: unknown }).en === 'string' &&
    typeof (value as { 'zh-CN'?: unknown })['zh-CN'] === 'string'
  );
}

/** The one {@link LocalizedParam} object for a pair of texts (frozen: params are shared). */
export function localizedParam(zhCN: string, en: string): LocalizedParam {
  return Object.freeze({ 'zh-CN': zhCN, en });
}

/** The names of the `{placeholders}` in a template literal type. */
export type TemplateParamNames<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
  ? Name | TemplateParamNames<Rest>
  : never;

/** The params record a message with placeholders `P` requires. */
export type MessageParams<P extends string> = [P] extends [never]
  ? Record<string, MessageParamValue>
  : Record<P, MessageParamValue> & Record<string, MessageParamValue>;

/** What a package writes for one code: the default severity and a template per locale. */
export interface MessageTemplateInput {
  readonly severity: Severity;
  readonly 'zh-CN': string;
  readonly en: string;
}

/** A registered message: its stable code, default severity and templates. `P` names its params. */
export interface MessageDescriptor<Code extends string = string, P extends string = string> {
  readonly code: Code;
  readonly severity: Severity;
  readonly templates: Readonly<Record<Locale, string>>;
  /** The package or plugin that defined it. */
  readonly source?: string;
  /** Phantom field carrying the param names for type checking; always undefined at run time. */
  readonly __params?: P;
}

/** The descriptors returned by {@link defineMessages}, keyed by code. */
export type MessageSet<T extends Record<string, MessageTemplateInput>> = {
  readonly [K in keyof T & string]: MessageDescriptor<K, TemplateParamNames<T[K]['en']>>;
};

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const CODE_PATTERN = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

function placeholderNames(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string))].sort();
}

/**
 * One param as text, as `String()` gives it. A value outside {@link MessageParamValue} (params
 * reach here as `unknown` from JavaScript callers and from data) that `String()` cannot convert
 * (an object without a prototype, one whose `toString` throws) is shown as {@link describeValue}
 * shows it (`object`), instead of throwing.
 */
function renderScalar(value: unknown): string {
  if (value === null) return 'null';
  try {
    return String(value);
  } catch {
    return describeValue(value, Number.POSITIVE_INFINITY);
  }
}

function renderValue(value: unknown, locale: Locale): string {
  if (isLocalizedParam(value)) return value[locale];
  if (!Array.isArray(value)) return renderScalar(value);
  // as Array#join: an empty slot, null or undefined is an empty string
  return value
    .map((item: unknown) => (item === null || item === undefined ? '' : renderScalar(item)))
    .join(locale === 'zh-CN' ? '、' : ', ');
}

/** Interpolate `{name}` placeholders; a missing param leaves its placeholder visible. */
export function interpolate(
  template: string,
  params: Readonly<Record<string, unknown>> | undefined,
  locale: Locale,
): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!params || !Object.hasOwn(params, name)) return whole;
    return renderValue(params[name], locale);
  });
}

function sameTemplates(a: MessageDescriptor, b: MessageDescriptor): boolean {
  return (
    a.severity === b.severity &&
    a.templates.en === b.templates.en &&
    a.templates['zh-CN'] === b.templates['zh-CN']
  );
}

/**
 * A catalogue of message codes with their zh-CN and en templates. The library's own codes live in
 * {@link defaultCatalogue}; an engine extends it with the messages its plugins contribute, so a
 * plugin's codes render like built-in ones.
 */
export class MessageCatalogue {
  readonly #own = new Map<string, MessageDescriptor>();
  readonly #parent: MessageCatalogue | undefined;

  constructor(parent?: MessageCatalogue) {
    this.#parent = parent;
  }

  /**
   * Register descriptors. Registering the same code again with identical templates is a no-op
   * (a module loaded twice); with different templates it is a programmer error.
   */
  register(
    descriptors: Iterable<MessageDescriptor> | Readonly<Record<string, MessageDescriptor>>,
  ): this {
    const list =
      Symbol.iterator in descriptors
        ? [...(descriptors as Iterable<MessageDescriptor>)]
        : Object.values(descriptors);
    for (const descriptor of list) {
      const existing = this.get(descriptor.code);
      if (existing && !sameTemplates(existing, descriptor)) {
        throw new FoodSafetyError(
          'CORE_MESSAGE_CONFLICT',
          `message code ${descriptor.code} is already registered with other text`,
          {
            code: descriptor.code,
            registeredBy: existing.source ?? 'unknown',
            conflictingSource: descriptor.source ?? 'unknown',
          },
        );
      }
      if (!existing) this.#own.set(descriptor.code, descriptor);
    }
    return this;
  }

  /** The descriptor of a code, looking through parent catalogues. */
  get(code: string): MessageDescriptor | undefined {
    return this.#own.get(code) ?? this.#parent?.get(code);
  }

  /** Whether a code is registered here or in a parent catalogue. */
  has(code: string): boolean {
    return this.get(code) !== undefined;
  }

  /** Every code known here and in parent catalogues, sorted. */
  codes(): string[] {
    const all = new Set<string>(this.#parent?.codes() ?? []);
    for (const code of this.#own.keys()) all.add(code);
    return [...all].sort();
  }

  /** A child catalogue: sees every code here, and registers new ones without touching this one. */
  extend(): MessageCatalogue {
    return new MessageCatalogue(this);
  }

  /** Render the message of a code in a locale; `undefined` for an unknown code. */
  render(
    code: string,
    params: Readonly<Record<string, unknown>> | undefined,
    locale: Locale = DEFAULT_LOCALE,
  ): string | undefined {
    const descriptor = this.get(code);
    return descriptor ? interpolate(descriptor.templates[locale], params, locale) : undefined;
  }
}

/** The catalogue every package of the library registers its codes in when it is loaded. */
export const defaultCatalogue = new MessageCatalogue();

/**
 * Declare a package's (or plugin's) message codes with their templates in both locales, and
 * register them in a catalogue (the default one unless told). Codes are `UPPER_SNAKE` with a
 * domain prefix (`TRACE_TIME_ORDER`); both templates must use the same placeholders.
 *
 * @example
 * const messages = defineMessages({
 *   MONEY_NOT_INTEGER: { severity: 'error', 'zh-CN': '金额必须是整数分：{value}', en: 'Amount must be whole fen: {value}' },
 * });
 */
export function defineMessages<const T extends Record<string, MessageTemplateInput>>(
  definitions: T,
  options: { source?: string; catalogue?: MessageCatalogue } = {},
): MessageSet<T> {
  const out: Record<string, MessageDescriptor> = {};
  for (const [code, input] of Object.entries(definitions)) {
    if (!CODE_PATTERN.test(code)) {
      throw new FoodSafetyError(
        'CORE_MESSAGE_CODE_INVALID',
        `message code ${code} is not UPPER_SNAKE with a prefix`,
        { code },
      );
    }
    const en = placeholderNames(input.en);
    const zh = placeholderNames(input['zh-CN']);
    if (en.join(',') !== zh.join(',')) {
      throw new FoodSafetyError(
        'CORE_MESSAGE_PARAMS_MISMATCH',
        `message ${code} uses different placeholders in zh-CN and en`,
        {
          code,
          en,
          zh,
        },
      );
    }
    out[code] = Object.freeze({
      code,
      severity: input.severity,
      templates: Object.freeze({ 'zh-CN': input['zh-CN'], en: input.en }),
      ...(options.source === undefined ? {} : { source: options.source }),
    });
  }
  (options.catalogue ?? defaultCatalogue).register(out);
  return Object.freeze(out) as MessageSet<T>;
}
