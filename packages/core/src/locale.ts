/** The locales every message of the library is written in. */
export const LOCALES = ['zh-CN', 'en'] as const;

/** A locale the message catalogue can render: simplified Chinese or English. */
export type Locale = (typeof LOCALES)[number];

/** The locale used when none is given: English, since codes and logs are read worldwide. */
export const DEFAULT_LOCALE: Locale = 'en';

/** Whether a value names a supported locale. */
export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}
