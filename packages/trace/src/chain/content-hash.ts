/**
 * Content fingerprints of events for duplicate detection.
 *
 * {@link eventContentKey} is the fast one used by the chain checks: an order-independent hash of
 * every leaf of the event (its path and value), summed, so member order does not matter and no
 * string is built; the members that do not describe what happened — `eventID`, `recordTime` and
 * `errorDeclaration` — are left out. {@link canonicalEventJson} is the exact canonical form
 * (sorted keys), used to confirm a match when the events are at hand. Pass the package's CBV
 * event hash (`eventHashId`) as `contentHash` to compare by the standard's canonical form.
 */

import { objectPrototypeIsClean } from './object-prototype.js';
import { fmix32, fnv32, SEED_A } from './string-hash.js';

/**
 * The constants of the content key, shared with the EPCIS line reader (which sums the same key
 * from an event's text): the seed of member-name hashes, the path of the event itself, the step
 * that mixes a name or an index into a path, and the seed of number leaves. (String leaves mix
 * their path in through {@link stringLeafHash} and {@link stringLeafHash2}.)
 */
export const KEY_NAME_SEED = 0x3243f6a8;
export const KEY_ROOT_PATH = 0x811c9dc5;
export const KEY_STEP = 0x9e3779b1;
export const KEY_NUMBER_SEED = 0x165667b1;
/** What a string leaf's path is mixed with (see {@link stringLeafHash}). */
const KEY_STRING_SEED = 0x5bd1e995;

/**
 * The first hash of a string leaf at a path, from the string's own hash: {@link fnv32} from
 * `SEED_A` (the identifier tables' hash before its final mix, so a reader hashes an identifier
 * once for both, and a known prefix's hash is a constant).
 */
export function stringLeafHash(path: number, own: number): number {
  return own ^ Math.imul(path ^ KEY_STRING_SEED, KEY_STEP);
}

/** The second hash of a string leaf at a path, from the string's {@link hashString2} (seed 0). */
export function stringLeafHash2(path: number, own2: number): number {
  return own2 ^ Math.imul(path ^ KEY_STRING_SEED, 0x2c1b3c6d);
}

/** The first hash of an integer leaf (int32 range) at a path. */
export function integerLeafHash(path: number, value: number): number {
  return fmix32(Math.imul(path ^ 0x27d4eb2d, KEY_STEP) ^ (value | 0));
}

/** The second hash of an integer leaf, from its first. */
export function integerLeafHash2(first: number): number {
  return first ^ 0x68e31da4;
}

/** What an array adds to the first half of the key besides its items. */
export function arrayKeyTerm(path: number, length: number): number {
  return fmix32(path ^ (0x7a3 + length));
}

const SKIP_TOP = new Set(['eventID', 'recordTime', 'errorDeclaration']);
/**
 * The deepest nesting given a content key: the most the event validator's `maxDepth` may be set
 * to, so that whatever it walks is compared too (deeper, an event has no content key).
 */
const MAX_DEPTH = 1000;
/**
 * Objects and arrays one event may hold before it is left without a content key: a bound for
 * JavaScript input that shares objects (JSON gives trees), whose walk could otherwise grow
 * exponentially with its depth.
 */
const MAX_NODES = 1_000_000;

function write(value: unknown, depth: number, out: string[], budget: { left: number }): boolean {
  if (depth > MAX_DEPTH) return false;
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) out.push('null');
    else if (value === undefined) out.push('null');
    else if (typeof value === 'bigint')
      out.push(value.toString()); // JSON.stringify throws on it
    else out.push(JSON.stringify(value) ?? 'null');
    return true;
  }
  if (--budget.left < 0) return false;
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out.push(',');
      if (!write(value[i], depth + 1, out, budget)) return false;
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
    if (!write(v, depth + 1, out, budget)) return false;
  }
  out.push('}');
  return true;
}

/**
 * Canonical JSON of an event without `eventID`/`recordTime`; `undefined` if nested too deeply,
 * holding too many objects, or when reading it throws (a getter, a Proxy trap). Never throws.
 */
export function canonicalEventJson(event: unknown): string | undefined {
  const out: string[] = [];
  try {
    return write(event, 0, out, { left: MAX_NODES }) ? out.join('') : undefined;
  } catch {
    return undefined;
  }
}

/** The seed offset of the second string hash. */
export const SECOND_SEED = 0x6a09e667;

/**
 * A second string hash, independent of {@link fnv32} (another multiplier, with a shift in
 * every step), for the second half of a content key: two different strings whose first hashes
 * collide (about one pair in 2³² does) must not give equal keys. The shift of a step is folded
 * into the next step's input, `imul(h ^ c ^ (h >>> 15), K)`: the state is then the one before
 * the shift, a bijection of the state after it, so the hash collides exactly as the form that
 * shifts after the multiply does from the seed shifted once, and a step's chain is one
 * operation shorter (the line reader's loop runs on it).
 */
export function hashString2(text: string, seed: number): number {
  let h = seed ^ SECOND_SEED;
  for (let i = 0; i < text.length; i += 1) {
    h = Math.imul(h ^ text.charCodeAt(i) ^ (h >>> 15), 0x27d4eb2f);
  }
  return h;
}

function isInt32(value: bigint): boolean {
  return value >= -2147483648n && value <= 2147483647n;
}

function leafHash(path: number, value: unknown): number {
  switch (typeof value) {
    case 'string':
      return stringLeafHash(path, fnv32(value, SEED_A));
    case 'number':
      if (Number.isInteger(value) && value >= -2147483648 && value <= 2147483647) {
        return integerLeafHash(path, value);
      }
      return fnv32(String(value), path ^ KEY_NUMBER_SEED);
    case 'bigint': // from code: keyed as the JSON number canonicalEventJson writes
      if (isInt32(value)) return integerLeafHash(path, Number(value));
      return fnv32(value.toString(), path ^ KEY_NUMBER_SEED);
    case 'boolean':
      return fmix32(path ^ (value ? 0x1b873593 : 0x2f2d4c5a));
    default:
      return fmix32(path ^ 0x3c6ef372);
  }
}

/**
 * The second hash of a leaf, for the key's second half: independent of {@link leafHash} for
 * strings and non-integer numbers (whose first hashes can collide); for the other leaves the
 * first hash is already one-to-one at a given path, so a fixed mask of it will do.
 */
function leafHash2(path: number, value: unknown, first: number): number {
  if (typeof value === 'string') return stringLeafHash2(path, hashString2(value, 0));
  if (
    typeof value === 'number' &&
    !(Number.isInteger(value) && value >= -2147483648 && value <= 2147483647)
  ) {
    return hashString2(String(value), path ^ KEY_NUMBER_SEED);
  }
  if (typeof value === 'bigint' && !isInt32(value)) {
    return hashString2(value.toString(), path ^ KEY_NUMBER_SEED);
  }
  return integerLeafHash2(first);
}

/** Slots of the member-name cache of a {@link ContentKeyer} (a power of two). */
const KEY_SLOTS = 1024;

/**
 * Computes content keys (see {@link eventContentKeyPair}) over many events with no allocation per
 * event: the running sums live in fields, and member-name hashes are cached by the name's place
 * (parent path and member position), confirmed on the name itself, so the names of events of one
 * shape (the same interned strings) are hashed once. Reuse one keyer for a stream of events.
 */
export class ContentKeyer {
  /** The two halves of the last key (valid after {@link key} returned true). */
  a = 0;
  b = 0;
  /** Leaves (strings, numbers, booleans, nulls) of the last event. */
  n = 0;
  /** Whether `Object.prototype` has no enumerable members (checked once per event). */
  private cleanPrototype = true;
  private readonly names: (string | undefined)[] = new Array<string | undefined>(KEY_SLOTS).fill(
    undefined,
  );
  private readonly nameHashes = new Int32Array(KEY_SLOTS);

  /** Objects and arrays the walk of the current event may still enter. */
  private nodesLeft = 0;

  /**
   * Compute the content key of an event into `a` and `b`; false when nested too deeply or holding
   * too many objects (see `MAX_NODES`).
   */
  key(event: unknown): boolean {
    this.cleanPrototype = objectPrototypeIsClean();
    this.nodesLeft = MAX_NODES;
    this.a = 0;
    this.b = 0;
    this.n = 0;
    if (!this.walk(event, KEY_ROOT_PATH, 0)) return false;
    this.b = (this.b ^ Math.imul(this.n, KEY_STEP)) | 0;
    return true;
  }

  private nameHash(key: string, place: number): number {
    const i = place & (KEY_SLOTS - 1);
    if (this.names[i] === key) return this.nameHashes[i] as number;
    const h = fnv32(key, KEY_NAME_SEED);
    this.names[i] = key;
    this.nameHashes[i] = h;
    return h;
  }

  /** The second hash of the last {@link hashBoth}. */
  private second = 0;

  /**
   * The two hashes of a string leaf at a path ({@link stringLeafHash}, {@link stringLeafHash2}) in
   * one pass over the string (returns the first).
   */
  private hashBoth(text: string, path: number): number {
    let h = SEED_A | 0;
    let g = SECOND_SEED;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      h = Math.imul(h ^ c, 0x01000193);
      g = Math.imul(g ^ c ^ (g >>> 15), 0x27d4eb2f);
    }
    this.second = stringLeafHash2(path, g);
    return stringLeafHash(path, h);
  }

  private leaf(h: number, h2: number): void {
    this.a = (this.a + fmix32(h)) | 0;
    this.b = (this.b + fmix32(h2)) | 0;
    this.n += 1;
  }

  private walk(value: unknown, path: number, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    if (value === null || typeof value !== 'object') {
      const h = leafHash(path, value);
      this.leaf(h, leafHash2(path, value, h));
      return true;
    }
    if (--this.nodesLeft < 0) return false;
    if (Array.isArray(value)) {
      const inline = depth < MAX_DEPTH;
      for (let i = 0; i < value.length; i += 1) {
        const item: unknown = value[i];
        const p = fmix32(path + Math.imul(i + 1, KEY_STEP));
        if (inline && typeof item === 'string') {
          const h = this.hashBoth(item, p);
          this.leaf(h, this.second);
        } else if (!this.walk(item, p, depth + 1)) return false;
      }
      this.a = (this.a + arrayKeyTerm(path, value.length)) | 0;
      return true;
    }
    const record = value as Record<string, unknown>;
    // a string member is hashed here, without a call, unless it would be too deep
    const inline = depth < MAX_DEPTH;
    // a plain object under a clean Object.prototype enumerates only its own members: the
    // own-member test of each name can be skipped (a third of the walk over parsed JSON)
    let own = false;
    if (this.cleanPrototype) {
      const proto: unknown = Object.getPrototypeOf(record);
      own = proto === Object.prototype || proto === null;
    }
    let place = Math.imul(path, 0x2f2d4c5a);
    for (const key in record) {
      place += 1;
      if (!own && !Object.hasOwn(record, key)) continue;
      if (depth === 0 && (key === 'eventID' || key === 'recordTime' || key === 'errorDeclaration'))
        continue;
      const v = record[key];
      if (v === undefined) continue;
      const p = fmix32(path + Math.imul(this.nameHash(key, place), KEY_STEP));
      if (inline && typeof v === 'string') {
        const h = this.hashBoth(v, p);
        this.leaf(h, this.second);
      } else if (!this.walk(v, p, depth + 1)) return false;
    }
    return true;
  }
}

/**
 * The content key of an event as two 32-bit halves (see {@link eventContentKey}); `undefined` when
 * nested deeper than 64 levels or holding more than a million objects.
 */
export function eventContentKeyPair(event: unknown): readonly [number, number] | undefined {
  const keyer = keyerOf(event);
  return keyer === undefined ? undefined : [keyer.a, keyer.b];
}

/** A keyer that keyed `event`, or `undefined` when it has no key or cannot be read. */
function keyerOf(event: unknown): ContentKeyer | undefined {
  const keyer = new ContentKeyer();
  try {
    return keyer.key(event) ? keyer : undefined;
  } catch {
    // a getter or a Proxy trap that throws: no key
    return undefined;
  }
}

/**
 * A fast 53-bit content key of an event (see the module note), or `undefined` when the event is
 * nested deeper than 64 levels or holds more than a million objects. Equal content gives equal
 * keys whatever the member order; different content collides with probability about n² / 2⁵⁴
 * over n events.
 */
export function eventContentKey(event: unknown): number | undefined {
  const keyer = keyerOf(event);
  if (keyer === undefined) return undefined;
  // the second half's sum before the leaf count was mixed in
  const sum = (keyer.b ^ Math.imul(keyer.n, KEY_STEP)) | 0;
  return (keyer.a >>> 0) * 2097152 + ((sum ^ keyer.n) & 0x1fffff);
}

/** The content key as a string (a `contentHash` option value). */
export function eventContentHash(event: unknown): string | undefined {
  const key = eventContentKey(event);
  return key === undefined ? undefined : key.toString(36);
}
