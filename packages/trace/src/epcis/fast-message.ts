/**
 * Messages of the validator rendered from templates split once into parts, so reporting a
 * finding on the hot path is string concatenation (same output as core's `interpolate`).
 */
import {
  type Diagnostic,
  isLocalizedParam,
  type Locale,
  type MessageParamValue,
  type PathSegment,
  type Severity,
} from '@foodsafety/core';
import { type EpcisCode, epcisMessages } from './trace-messages.js';

type Parts = readonly string[]; // even: literal, odd: param name

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

function split(template: string): Parts {
  const parts: string[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    parts.push(template.slice(last, m.index), m[1] as string);
    last = (m.index ?? 0) + m[0].length;
  }
  parts.push(template.slice(last));
  return parts;
}

const COMPILED = new Map<string, Readonly<Record<Locale, Parts>>>();
for (const [code, d] of Object.entries(epcisMessages)) {
  COMPILED.set(code, { en: split(d.templates.en), 'zh-CN': split(d.templates['zh-CN']) });
}

function render(value: MessageParamValue, locale: Locale): string {
  if (isLocalizedParam(value)) return value[locale];
  if (Array.isArray(value)) return value.join(locale === 'zh-CN' ? '、' : ', ');
  if (value === null) return 'null';
  return String(value);
}

/** Build the diagnostic of a validator code (shape identical to core's `createDiagnostic`). */
export function epcisDiagnostic(
  code: EpcisCode,
  params: Readonly<Record<string, MessageParamValue>>,
  path: readonly PathSegment[],
  severity: Severity,
  locale: Locale,
): Diagnostic {
  const parts = (COMPILED.get(code) as Record<Locale, Parts>)[locale];
  let message = parts[0] as string;
  let hasParams = false;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    message +=
      (Object.hasOwn(params, name)
        ? render(params[name] as MessageParamValue, locale)
        : `{${name}}`) + (parts[i + 1] as string);
  }
  for (const _ in params) {
    hasParams = true;
    break;
  }
  return hasParams
    ? { code, severity, message, path, params, source: '@foodsafety/trace' }
    : { code, severity, message, path, source: '@foodsafety/trace' };
}
