/**
 * A content fingerprint of an event for duplicate detection: canonical JSON (keys sorted, the
 * members that do not describe what happened — `eventID`, `recordTime` and the hash-excluded
 * `errorDeclaration` — left out), reduced to two independent 53-bit hashes (106 bits together).
 * Pure JavaScript, synchronous. Pass the package's CBV event hash (`eventHashId`) as
 * `contentHash` to compare by the standard's canonical form instead.
 */

const SKIP_TOP = new Set(['eventID', 'recordTime', 'errorDeclaration']);
const MAX_DEPTH = 64;

function write(value: unknown, depth: number, out: string[]): boolean {
  if (depth > MAX_DEPTH) return false;
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) out.push('null');
    else if (value === undefined) out.push('null');
    else out.push(JSON.stringify(value) ?? 'null');
    return true;
  }
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out.push(',');
      if (!write(value[i], depth + 1, out)) return false;
    }
    out.push(']');
    return true;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  out.push('{');
  let first = true;
  for (const key of keys) {
    if (depth === 0 && SKIP_TOP.has(key)) continue;
    const v = record[key];
    if (v === undefined) continue;
    if (!first) out.push(',');
    first = false;
    out.push(JSON.stringify(key), ':');
    if (!write(v, depth + 1, out)) return false;
  }
  out.push('}');
  return true;
}

/** Canonical JSON of an event without `eventID`/`recordTime`; `undefined` if nested too deeply. */
export function canonicalEventJson(event: unknown): string | undefined {
  const out: string[] = [];
  return write(event, 0, out) ? out.join('') : undefined;
}

function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The content fingerprint of an event (two 53-bit hashes of its canonical JSON, in base 36), or
 * `undefined` when the event cannot be serialised (nested deeper than 64 levels).
 */
export function eventContentHash(event: unknown): string | undefined {
  const json = canonicalEventJson(event);
  if (json === undefined) return undefined;
  return `${cyrb53(json, 1).toString(36)}.${cyrb53(json, 0x9e3779b9).toString(36)}`;
}
