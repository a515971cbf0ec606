import { createDiagnostic, type Diagnostic, describeValue } from '@foodsafety/core';
import type { Facts } from '../facts.js';
import { isRecord } from '../is-record.js';
import { scoringMessages as M } from '../scoring-messages.js';
import { type DefineStandardOptions, defineStandard, type Standard } from './define-standard.js';
import { type ScoreOptions, type ScoreResult, score } from './score.js';

/** A JSON value. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [k: string]: JsonValue };

/**
 * One patch operation: set (or, with `remove: true`, delete) the value at `path` — a JSON
 * pointer (`/items/3/points`) or an array of keys and indices.
 */
export interface PatchOp {
  readonly path: string | readonly (string | number)[];
  readonly value?: JsonValue;
  readonly remove?: boolean;
}

/** A patch: a JSON merge patch (RFC 7396; `null` deletes) or a list of path/value operations. */
export type Patch = JsonValue | readonly PatchOp[];

/** A what-if scenario: a patch on the facts and/or on the standard's spec. */
export interface WhatIfPatch {
  readonly facts?: Patch;
  readonly standard?: Patch;
}

/** How one item changed. `null` when the item does not exist on that side. */
export interface ItemDiff {
  readonly id: string;
  readonly before: number | null;
  readonly after: number | null;
  /** after − before, exact (hundredths / 100). */
  readonly delta: number;
}

/** What a change to facts or to the standard does to the score. */
export interface ScoreDiff {
  /** Whether the patch was applied (false when it or the patched standard is invalid). */
  readonly applied: boolean;
  readonly before: ScoreResult;
  readonly after: ScoreResult;
  /** after.total − before.total, exact. */
  readonly totalDelta: number;
  /** Every item whose points changed (or which was added or removed). */
  readonly items: readonly ItemDiff[];
  /** `none`, `fail-to-pass` or `pass-to-fail`. */
  readonly passFlip: 'none' | 'fail-to-pass' | 'pass-to-fail';
  readonly vetoesAdded: readonly string[];
  readonly vetoesRemoved: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Apply a JSON merge patch (RFC 7396) without mutating the target. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return patch;
  const out: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = applyMergePatch(out[k], v);
  }
  return out;
}

const isSegment = (x: unknown): x is string | number =>
  typeof x === 'string' || typeof x === 'number';

/** A path as messages show it: a pointer as written, a list of keys and indices comma-separated. */
function shownPath(path: unknown): string {
  if (typeof path === 'string') return path;
  // not String(path): it throws on a list holding an object without a prototype
  if (Array.isArray(path)) {
    return [...path]
      .map((s: unknown) => (s === undefined || s === null ? '' : segmentText(s)))
      .join(',');
  }
  return describeValue(path, Number.POSITIVE_INFINITY);
}

/** A path segment as a message shows it (a bigint with its `n`, so that it is not taken for an index). */
function segmentText(s: unknown): string {
  return typeof s === 'bigint' ? `${s}n` : describeValue(s, Number.POSITIVE_INFINITY);
}

/** The keys of a path, or undefined when it is neither a JSON pointer nor a list of keys. */
function parsePointer(path: unknown): (string | number)[] | undefined {
  if (Array.isArray(path)) {
    const keys: unknown[] = [...path]; // a hole is undefined
    return keys.every(isSegment) ? keys : undefined;
  }
  if (typeof path !== 'string') return undefined;
  if (path === '') return [];
  if (!path.startsWith('/')) return undefined;
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Apply path/value operations without mutating the target: each op copies the containers along
 * its path. Returns `undefined` with a message when a path does not exist.
 */
export function applyPatchOps(
  target: unknown,
  ops: readonly PatchOp[],
): { value: unknown } | { error: string; index: number } {
  let root = target;
  for (let i = 0; i < ops.length; i++) {
    const op: unknown = ops[i];
    if (!isRecord(op))
      return {
        error: `${describeValue(op, Number.POSITIVE_INFINITY)} is not a patch operation`,
        index: i,
      };
    const path = parsePointer(op.path);
    if (path === undefined) {
      if (Array.isArray(op.path)) {
        const keys: unknown[] = [...op.path]; // a hole is undefined
        const k = keys.findIndex((s) => !isSegment(s));
        return {
          error: `path ${shownPath(op.path)}: segment ${k} (${segmentText(keys[k])}) is not a key or an index`,
          index: i,
        };
      }
      const what =
        typeof op.path === 'string' ? 'a JSON pointer' : 'a JSON pointer or a list of keys';
      return { error: `path ${shownPath(op.path)} is not ${what}`, index: i };
    }
    const { value, remove } = op;
    if (path.length === 0) {
      root = remove ? undefined : value;
      continue;
    }
    const set = (node: unknown, depth: number): unknown => {
      const key = path[depth] as string | number;
      const last = depth === path.length - 1;
      if (Array.isArray(node)) {
        const idx = key === '-' ? node.length : Number(key);
        if (!Number.isInteger(idx) || idx < 0 || idx > node.length)
          throw new Error(`no index ${String(key)}`);
        const copy = [...node];
        if (last) {
          if (remove) copy.splice(idx, 1);
          else copy[idx] = value;
        } else copy[idx] = set(node[idx], depth + 1);
        return copy;
      }
      if (isRecord(node)) {
        const copy: Record<string, unknown> = { ...node };
        const k = String(key);
        if (last) {
          if (remove) delete copy[k];
          else copy[k] = value;
        } else {
          if (!(k in node)) throw new Error(`no key ${k}`);
          copy[k] = set(node[k], depth + 1);
        }
        return copy;
      }
      throw new Error(`cannot descend into ${typeof node} at ${String(key)}`);
    };
    try {
      root = set(root, 0);
    } catch (e) {
      const reason = e instanceof Error ? e.message : describeValue(e, Number.POSITIVE_INFINITY); // a getter may throw anything
      return { error: `${shownPath(op.path)}: ${reason}`, index: i };
    }
  }
  return { value: root };
}

function applyPatch(
  target: unknown,
  patch: Patch,
  where: 'facts' | 'standard',
  diagnostics: Diagnostic[],
): unknown {
  if (Array.isArray(patch)) {
    const r = applyPatchOps(target, patch as readonly PatchOp[]);
    if ('error' in r) {
      diagnostics.push(
        createDiagnostic(M.SCORING_PATCH_INVALID, { detail: r.error }, { path: [where, r.index] }),
      );
      return undefined;
    }
    return r.value;
  }
  return applyMergePatch(target, patch);
}

/**
 * What if the facts, or the standard itself, were different? Applies a patch (JSON merge patch
 * or path/value operations) to the facts and/or to the standard's spec, scores both versions and
 * returns the difference by item and in total, the pass flip and the vetoes gained or lost.
 * Inputs are not mutated. An empty patch gives a zero diff.
 */
export function whatIf(
  standard: Standard,
  facts: Facts,
  patch: WhatIfPatch,
  options: ScoreOptions & DefineStandardOptions = {},
): ScoreDiff {
  const diagnostics: Diagnostic[] = [];
  const before = score(standard, facts, options);
  let afterStandard = standard;
  let afterFacts = facts;
  let applied = true;
  // from JSON a patch can be null or a number: an invalid patch, not a TypeError
  const isPatch = typeof patch === 'object' && patch !== null;
  if (!isPatch) {
    applied = false;
    diagnostics.push(
      createDiagnostic(
        M.SCORING_PATCH_INVALID,
        {
          detail: `${describeValue(patch, Number.POSITIVE_INFINITY)} is not a patch of the facts and the standard`,
        },
        { path: [] },
      ),
    );
  }
  if (isPatch && patch.standard !== undefined) {
    const spec = applyPatch(standard.spec, patch.standard, 'standard', diagnostics);
    if (spec === undefined) applied = false;
    else {
      const r = defineStandard(spec, options);
      if (r.ok) afterStandard = r.value;
      else {
        applied = false;
        diagnostics.push(
          ...r.diagnostics.map((d) => ({ ...d, path: ['standard', ...(d.path ?? [])] })),
        );
      }
    }
  }
  if (isPatch && patch.facts !== undefined) {
    const f = applyPatch(facts, patch.facts, 'facts', diagnostics);
    if (isRecord(f)) afterFacts = f as Facts;
    else {
      applied = false;
      if (f !== undefined)
        diagnostics.push(
          createDiagnostic(
            M.SCORING_PATCH_INVALID,
            { detail: 'patched facts are not an object' },
            { path: ['facts'] },
          ),
        );
    }
  }
  const after = applied ? score(afterStandard, afterFacts, options) : before;
  const b = new Map(before.items.map((i) => [i.id, i.hundredths]));
  const a = new Map(after.items.map((i) => [i.id, i.hundredths]));
  const items: ItemDiff[] = [];
  for (const id of new Set([...b.keys(), ...a.keys()])) {
    const x = b.get(id);
    const y = a.get(id);
    if (x === y) continue;
    items.push({
      id,
      before: x === undefined ? null : x / 100,
      after: y === undefined ? null : y / 100,
      delta: ((y ?? 0) - (x ?? 0)) / 100,
    });
  }
  const vb = new Set(before.vetoesFired.map((v) => v.id));
  const va = new Set(after.vetoesFired.map((v) => v.id));
  return {
    applied,
    before,
    after,
    totalDelta: (after.hundredths - before.hundredths) / 100,
    items,
    passFlip: before.pass === after.pass ? 'none' : after.pass ? 'fail-to-pass' : 'pass-to-fail',
    vetoesAdded: [...va].filter((id) => !vb.has(id)),
    vetoesRemoved: [...vb].filter((id) => !va.has(id)),
    diagnostics: [...diagnostics, ...(applied ? after.diagnostics : [])],
  };
}
