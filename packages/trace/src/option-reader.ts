import {
  createDiagnostic,
  type Diagnostic,
  describeValue,
  FoodSafetyError,
  isLocale,
  type Locale,
  type LocalizedParam,
} from '@foodsafety/core';
import { isRecord } from './is-record.js';
import { optionMessages } from './option-messages.js';
import {
  DEFAULT,
  DEFAULTS,
  ITS_STRINGS,
  inEnglish,
  LIST,
  LIST_OF_STRINGS,
  NONE,
  numberAtLeast,
  READABLE_VALUE,
  UNREADABLE,
} from './option-words.js';

/** A value whose getter threw. */
const UNREADABLE_VALUE = Symbol('unreadable');

/** What is wrong with one option: the params of a `TRACE_OPTION_INVALID` finding. */
export interface OptionProblem {
  /** The options' type, e.g. `EpcisValidationOptions`. */
  readonly options: string;
  /** The option's name (`options` for the whole object). */
  readonly option: string;
  /** The value as shown (`"loose"`, `1.5`, `array`). */
  readonly value: string | LocalizedParam;
  /**
   * What it should be: code that reads in every locale (`zh-CN | en`, `object`), or a phrase in
   * both (`integer ≥ 1 | Infinity` / `整数 ≥ 1 或 Infinity`).
   */
  readonly expected: string | LocalizedParam;
  /** What is used instead (`default`, a value, `none`), in both locales where it is a word. */
  readonly fallback: string | LocalizedParam;
}

/**
 * Reads the options a function was given, keeping each usable value and noting each unusable one
 * (`problems`), for which the caller uses its default: options from JSON or another program may
 * be `null`, a number where a date was meant, an unknown locale. Reading never throws, getters
 * that throw included (such an option counts as unusable).
 */
export class OptionReader {
  readonly problems: OptionProblem[] = [];
  private readonly given: Record<string, unknown>;

  constructor(
    private readonly type: string,
    options: unknown,
  ) {
    if (options === undefined || isRecord(options)) this.given = options ?? {};
    else {
      this.given = {};
      this.bad('options', options, 'object', DEFAULTS);
    }
  }

  /** The option's value, `undefined` when absent or unreadable. */
  raw(name: string): unknown {
    try {
      return this.given[name];
    } catch {
      this.bad(name, UNREADABLE_VALUE, READABLE_VALUE);
      return undefined;
    }
  }

  /**
   * The options that can be used: every readable member of the options (see {@link plainOptions})
   * but those noted as unusable, for which the caller's default applies.
   */
  usable<T extends object>(): Partial<T> {
    const out = plainOptions(this.given) as Record<string, unknown>;
    for (const p of this.problems) delete out[p.option];
    return out as Partial<T>;
  }

  /** Note an unusable option. */
  bad(
    option: string,
    value: unknown,
    expected: string | LocalizedParam,
    fallback: string | LocalizedParam = DEFAULT,
  ): void {
    const shown =
      value === UNREADABLE_VALUE
        ? UNREADABLE
        : typeof value === 'string'
          ? JSON.stringify(value)
          : describeValue(value);
    this.problems.push({
      options: this.type,
      option,
      value: shown,
      expected,
      fallback,
    });
  }

  /** One of `values`, else undefined (the default). */
  oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const v = this.raw(name);
    if (v === undefined || values.includes(v as T)) return v as T | undefined;
    this.bad(name, v, values.join(' | '));
    return undefined;
  }

  /** A supported locale, else undefined (the default, `en`). */
  locale(name = 'locale'): Locale | undefined {
    const v = this.raw(name);
    if (v === undefined || isLocale(v)) return v as Locale | undefined;
    this.bad(name, v, 'zh-CN | en', 'en');
    return undefined;
  }

  /**
   * A number ≥ `min` (a whole number when `integer`), or `Infinity` (no bound), else undefined.
   */
  number(name: string, min: number, integer = false): number | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    if (
      typeof v === 'number' &&
      v >= min &&
      (v === Number.POSITIVE_INFINITY || !integer || Number.isInteger(v))
    )
      return v;
    this.bad(name, v, numberAtLeast(min, integer));
    return undefined;
  }

  /** A function, else undefined. */
  fn<T>(name: string): T | undefined {
    const v = this.raw(name);
    if (v === undefined || typeof v === 'function') return v as T | undefined;
    this.bad(name, v, 'function', NONE);
    return undefined;
  }

  /** An object (not an array), else undefined. */
  record<T>(name: string): T | undefined {
    const v = this.raw(name);
    if (v === undefined || isRecord(v)) return v as T | undefined;
    this.bad(name, v, 'object');
    return undefined;
  }

  /** A list, else undefined. */
  list<T>(name: string): readonly T[] | undefined {
    const v = this.raw(name);
    if (v === undefined || Array.isArray(v)) return v as readonly T[] | undefined;
    this.bad(name, v, LIST);
    return undefined;
  }

  /** A list of texts: the texts of it (a problem names the first other item). */
  strings(name: string): readonly string[] | undefined {
    const list = this.list<unknown>(name);
    if (list === undefined) return undefined;
    const texts = list.filter((x): x is string => typeof x === 'string');
    if (texts.length < list.length) {
      const other = list.find((x) => typeof x !== 'string');
      this.bad(name, other, LIST_OF_STRINGS, ITS_STRINGS);
    }
    return texts;
  }

  /** `true` or `false`, else undefined. */
  boolean(name: string): boolean | undefined {
    const v = this.raw(name);
    if (v === undefined || typeof v === 'boolean') return v;
    this.bad(name, v, 'true | false');
    return undefined;
  }

  /** A string, else undefined. */
  string(name: string): string | undefined {
    const v = this.raw(name);
    if (v === undefined || typeof v === 'string') return v;
    this.bad(name, v, 'string');
    return undefined;
  }

  /**
   * For a function with no findings to carry them (an export to text): throw the first problem as
   * a `FoodSafetyError` with the code `TRACE_OPTION_INVALID`, as calling the API wrongly does.
   */
  throwFirst(): void {
    const p = this.problems[0];
    if (p === undefined) return;
    throw new FoodSafetyError(
      'TRACE_OPTION_INVALID',
      `Option ${p.option} of ${p.options} is ${inEnglish(p.value)}, not ${inEnglish(p.expected)}`,
      { ...p },
    );
  }

  /** An object with a method `method` (a trace index has `add`), else undefined. */
  having<T>(name: string, method: string, expected: string | LocalizedParam): T | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    if (
      typeof v === 'object' &&
      v !== null &&
      typeof (v as Record<string, unknown>)[method] === 'function'
    )
      return v as T;
    this.bad(name, v, expected, NONE);
    return undefined;
  }

  /** A set-like object (with `has`), else undefined. */
  set<T>(name: string): ReadonlySet<T> | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    if (typeof v === 'object' && v !== null && typeof (v as { has?: unknown }).has === 'function')
      return v as ReadonlySet<T>;
    this.bad(name, v, 'Set');
    return undefined;
  }
}

/**
 * The options as a plain object that can be read without throwing: `{}` for what is no object,
 * each readable member otherwise (a member whose getter throws is left out). `OptionReader`
 * reports what was wrong with the original.
 */
export function plainOptions<T extends object>(given: T | undefined): Partial<T> {
  if (!isRecord(given)) return {};
  const out: Record<string, unknown> = {};
  // every name the object answers to, as reading `given[name]` does: its own members, inherited
  // ones (Object.create) and getters of a class
  const keys = new Set<string>();
  try {
    for (let o: object | null = given; o !== null && o !== Object.prototype; ) {
      for (const key of Object.getOwnPropertyNames(o)) if (key !== 'constructor') keys.add(key);
      o = Object.getPrototypeOf(o) as object | null;
    }
  } catch {
    return {};
  }
  for (const key of keys) {
    try {
      const value: unknown = (given as Record<string, unknown>)[key];
      if (value === undefined) continue;
      Object.defineProperty(out, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } catch {
      // an unreadable member: left out
    }
  }
  return out as Partial<T>;
}

/** `TRACE_OPTION_INVALID` findings for option problems (path `['options', name]`), in `locale`. */
export function optionFindings(problems: readonly OptionProblem[], locale?: Locale): Diagnostic[] {
  return problems.map((p) =>
    createDiagnostic(
      optionMessages.TRACE_OPTION_INVALID,
      { ...p },
      {
        path: p.option === 'options' ? ['options'] : ['options', p.option],
        ...(locale === undefined ? {} : { locale }),
      },
    ),
  );
}
