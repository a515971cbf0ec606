/**
 * A small, data-only path language to pick values out of an EPCIS event, used by profile KDE
 * tables and value rules:
 *
 * - `bizLocation.id` — member access; arrays on the way are flattened (`quantityList.epcClass`);
 * - `quantityList[*].quantity`, `epcList[0]` — every element, one element;
 * - `sourceList[type=location].source` — elements whose member equals a value (CBV values also
 *   match in their URI forms, `…/SDT-location`, `urn:epcglobal:cbv:sdt:location`);
 * - `ilmd.*:harvestStartDate` — any member whose local name (after the namespace prefix, or the
 *   last `/` or `#` of a URI) is `harvestStartDate`, whatever the prefix;
 * - `ilmd["https://ns.example.com/x"]` — a quoted member name (URIs contain dots).
 *
 * Selecting never throws; malformed selectors select nothing.
 */

import { isRecord } from '../is-record.js';

type Step =
  | { readonly kind: 'key'; readonly name: string; readonly wildcard: boolean }
  | { readonly kind: 'all' }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'filter'; readonly key: string; readonly value: string };

const cache = new Map<string, readonly Step[]>();
const MAX_FRONTIER = 10_000;
const TOKEN = /\[\s*"([^"]*)"\s*\]|\[([^\]]*)\]|([^.[\]]+)/g;

function keyStep(name: string): Step {
  return name.startsWith('*:')
    ? { kind: 'key', name: name.slice(2), wildcard: true }
    : { kind: 'key', name, wildcard: false };
}

/** Parse a selector into steps (cached). */
export function parseSelector(selector: string): readonly Step[] {
  const known = cache.get(selector);
  if (known !== undefined) return known;
  const steps: Step[] = [];
  for (const m of selector.matchAll(TOKEN)) {
    const [, quoted, bracket, name] = m;
    if (quoted !== undefined) steps.push({ kind: 'key', name: quoted, wildcard: false });
    else if (bracket !== undefined) {
      const inner = bracket.trim();
      if (inner === '*') steps.push({ kind: 'all' });
      else if (/^\d+$/.test(inner)) steps.push({ kind: 'index', index: Number(inner) });
      else {
        const eq = inner.indexOf('=');
        if (eq > 0)
          steps.push({
            kind: 'filter',
            key: inner.slice(0, eq).trim(),
            value: inner.slice(eq + 1).trim(),
          });
      }
    } else if (name !== undefined && name.trim() !== '') steps.push(keyStep(name.trim()));
  }
  if (cache.size < 1_000) cache.set(selector, steps);
  return steps;
}

/** The local name of a member key: after a `prefix:`, or after the last `/` or `#` of a URI. */
export function localName(key: string): string {
  const cut = Math.max(key.lastIndexOf(':'), key.lastIndexOf('/'), key.lastIndexOf('#'));
  return cut < 0 ? key : key.slice(cut + 1);
}

/**
 * Whether a value equals a bare CBV word, in any of its spellings. A number, boolean or bigint
 * compares as its text; other values (objects, `null`) never equal a word.
 */
export function cbvEquals(value: unknown, word: string): boolean {
  if (typeof value !== 'string') {
    const scalar =
      typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint';
    return scalar && String(value) === word;
  }
  if (value === word) return true;
  return value.endsWith(`-${word}`) || value.endsWith(`:${word}`);
}

function isPresent(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isRecord(v)) return Object.keys(v).length > 0;
  return true;
}

/** Every value a selector picks from an event (empty values left out). */
export function selectValues(event: unknown, selector: string): unknown[] {
  const steps = typeof selector === 'string' ? parseSelector(selector) : [];
  if (steps.length === 0) return [];
  return present(walk([event], steps));
}

/** A value a selector picked, with the `uom` of the object that holds it (if any). */
export interface Measurement {
  readonly value: unknown;
  readonly uom: unknown;
}

/**
 * Every value a selector picks from an event, each with the `uom` member of the object it was
 * read from: `sensorElementList[*].sensorReport[*].value` gives each report's value with the
 * report's `uom`, `quantityList[*].quantity` each quantity with its element's `uom`. A selector
 * that does not end in a member name gives values without a unit (`uom` undefined). With
 * `everyHolder`, an object (not empty) the selector reaches that lacks the member gives an entry
 * too (its `uom`, no value), so that the entries line up with the objects (every element of
 * `quantityList`).
 */
export function selectMeasurements(
  event: unknown,
  selector: string,
  { everyHolder = false }: { readonly everyHolder?: boolean } = {},
): Measurement[] {
  const steps = typeof selector === 'string' ? parseSelector(selector) : [];
  if (steps.length === 0) return [];
  const last = steps[steps.length - 1] as Step;
  if (last.kind !== 'key')
    return selectValues(event, selector).map((value) => ({ value, uom: undefined }));
  const out: Measurement[] = [];
  for (const holder of walk([event], steps.slice(0, -1))) {
    for (const h of Array.isArray(holder) ? holder : [holder]) {
      if (!isRecord(h)) continue;
      const values = present(walk([h], [last]));
      if (values.length === 0 && everyHolder && isPresent(h))
        out.push({ value: undefined, uom: h.uom });
      for (const value of values) out.push({ value, uom: h.uom });
    }
  }
  return out;
}

/** The values `steps` lead to from the values `start` (arrays of the last step not flattened). */
function walk(start: unknown[], steps: readonly Step[]): unknown[] {
  let frontier = start;
  for (const step of steps) {
    const next: unknown[] = [];
    for (const v of frontier) {
      if (next.length > MAX_FRONTIER) break;
      switch (step.kind) {
        case 'key': {
          const targets = Array.isArray(v) ? v : [v];
          for (const t of targets) {
            if (!isRecord(t)) continue;
            if (step.wildcard) {
              for (const k of Object.keys(t)) if (localName(k) === step.name) next.push(t[k]);
            } else if (Object.hasOwn(t, step.name)) next.push(t[step.name]);
          }
          break;
        }
        case 'all':
          if (Array.isArray(v)) next.push(...v.slice(0, MAX_FRONTIER));
          else if (v !== undefined) next.push(v);
          break;
        case 'index':
          if (Array.isArray(v) && step.index < v.length) next.push(v[step.index]);
          break;
        case 'filter': {
          const items = Array.isArray(v) ? v : [v];
          for (const item of items) {
            if (
              isRecord(item) &&
              Object.hasOwn(item, step.key) &&
              cbvEquals(item[step.key], step.value)
            )
              next.push(item);
          }
          break;
        }
      }
    }
    frontier = next;
  }
  return frontier;
}

/** The values of a frontier that are present, arrays flattened one level. */
function present(frontier: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const v of frontier) {
    if (Array.isArray(v)) {
      for (const x of v) if (isPresent(x)) out.push(x);
    } else if (isPresent(v)) out.push(v);
  }
  return out;
}

/** Whether any of the selectors picks at least one value. */
export function hasAny(event: unknown, selectors: readonly string[]): boolean {
  for (const s of selectors) if (selectValues(event, s).length > 0) return true;
  return false;
}
