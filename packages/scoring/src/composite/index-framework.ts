import {
  createDiagnostic,
  type Diagnostic,
  fail,
  ok,
  type Result,
  type SchemaIssueLike,
  schemaIssuesToDiagnostics,
} from '@foodsafety/core';
import { z } from 'zod';
import { scoringMessages as M } from '../scoring-messages.js';

/** One row of an index framework (COINr's `iMeta`): an indicator or an aggregate. */
export interface FrameworkRow {
  readonly code: string;
  readonly name?: string;
  /** 1 for indicators, higher for aggregates (pillar 2, sub-index 3, index 4 …). */
  readonly level: number;
  /** The aggregate this node feeds; absent for the root(s). */
  readonly parent?: string | null;
  /** Relative weight within the parent (> 0; default 1); rescaled within each parent. */
  readonly weight?: number;
  /** 1 when higher is better, −1 when lower is better (indicators; default 1). */
  readonly direction?: 1 | -1;
  /** `indicator` or `aggregate`; inferred from the tree when absent. */
  readonly type?: 'indicator' | 'aggregate';
}

/** A validated framework: nodes in evaluation order (children before parents). */
export interface IndexFramework {
  readonly rows: readonly FrameworkRow[];
  /** Indicator codes, in row order. */
  readonly indicators: readonly string[];
  /** Aggregate codes, children before parents. */
  readonly aggregates: readonly string[];
  readonly children: ReadonlyMap<string, readonly string[]>;
  readonly byCode: ReadonlyMap<string, FrameworkRow>;
  readonly roots: readonly string[];
}

const rowSchema = z.strictObject({
  code: z.string().min(1),
  name: z.string().optional(),
  level: z.number().int().min(1),
  parent: z.string().min(1).nullable().optional(),
  weight: z.number().refine(Number.isFinite, 'finite').optional(),
  direction: z.union([z.literal(1), z.literal(-1)]).optional(),
  type: z.enum(['indicator', 'aggregate']).optional(),
});

/**
 * Validate a framework table: shape, duplicate codes, unknown parents, cycles, weights ≤ 0,
 * aggregates without children, declared types or levels that contradict the tree.
 */
export function parseIndexFramework(input: unknown): Result<IndexFramework> {
  const parsed = z.array(rowSchema).min(1).safeParse(input);
  if (!parsed.success)
    return fail(
      schemaIssuesToDiagnostics(parsed.error.issues as readonly SchemaIssueLike[], {
        source: '@foodsafety/scoring',
      }),
    );
  const rows = parsed.data as FrameworkRow[];
  const diagnostics: Diagnostic[] = [];
  const byCode = new Map<string, FrameworkRow>();
  const index = new Map<string, number>();
  rows.forEach((row, i) => {
    if (byCode.has(row.code))
      diagnostics.push(
        createDiagnostic(
          M.SCORING_DUPLICATE_ID,
          { id: row.code, kind: 'framework node' },
          { path: [i, 'code'] },
        ),
      );
    else {
      byCode.set(row.code, row);
      index.set(row.code, i);
    }
    if (row.weight !== undefined && !(row.weight > 0))
      diagnostics.push(
        createDiagnostic(
          M.SCORING_INDEX_WEIGHT_INVALID,
          { code: row.code, weight: row.weight },
          { path: [i, 'weight'] },
        ),
      );
  });
  const children = new Map<string, string[]>();
  rows.forEach((row, i) => {
    const p = row.parent ?? undefined;
    if (p === undefined) return;
    if (!byCode.has(p)) {
      diagnostics.push(
        createDiagnostic(
          M.SCORING_INDEX_UNKNOWN_PARENT,
          { code: row.code, parent: p },
          { path: [i, 'parent'] },
        ),
      );
      return;
    }
    const list = children.get(p) ?? [];
    list.push(row.code);
    children.set(p, list);
    const parentLevel = (byCode.get(p) as FrameworkRow).level;
    if (parentLevel <= row.level)
      diagnostics.push(
        createDiagnostic(
          M.SCORING_INDEX_LEVEL_ORDER,
          { code: row.code, parent: p },
          { path: [i, 'level'], severity: 'warning' },
        ),
      );
  });
  // cycles
  const state = new Map<string, 1 | 2>();
  const reported = new Set<string>();
  for (const row of rows) {
    const path: string[] = [];
    let cur: string | undefined = row.code;
    while (cur !== undefined && state.get(cur) !== 2) {
      if (path.includes(cur)) {
        const cycle = path.slice(path.indexOf(cur));
        const key = [...cycle].sort().join('|');
        if (!reported.has(key)) {
          reported.add(key);
          diagnostics.push(
            createDiagnostic(
              M.SCORING_INDEX_CYCLE,
              { cycle: [...cycle, cur].join(' → ') },
              { path: [index.get(cur) as number, 'parent'] },
            ),
          );
        }
        break;
      }
      path.push(cur);
      const next: string | null | undefined = byCode.get(cur)?.parent;
      cur = next === null || next === undefined || !byCode.has(next) ? undefined : next;
    }
    for (const c of path) state.set(c, 2);
  }
  rows.forEach((row, i) => {
    const hasChildren = children.has(row.code);
    if (row.type === 'aggregate' && !hasChildren)
      diagnostics.push(
        createDiagnostic(
          M.SCORING_INDEX_EMPTY_AGGREGATE,
          { code: row.code },
          { path: [i, 'type'] },
        ),
      );
    if (row.type === 'indicator' && hasChildren)
      diagnostics.push(
        createDiagnostic(
          M.SCORING_INDEX_EMPTY_AGGREGATE,
          { code: row.code },
          { path: [i, 'type'], severity: 'error' },
        ),
      );
  });
  if (diagnostics.some((d) => d.severity === 'error')) return fail(diagnostics);
  const indicators = rows.filter((r) => !children.has(r.code)).map((r) => r.code);
  // aggregates in post-order (children before parents)
  const aggregates: string[] = [];
  const visit = (code: string): void => {
    for (const c of children.get(code) ?? []) visit(c);
    if (children.has(code)) aggregates.push(code);
  };
  const roots = rows.filter((r) => (r.parent ?? undefined) === undefined).map((r) => r.code);
  for (const r of roots) visit(r);
  return ok({ rows, indicators, aggregates, children, byCode, roots }, diagnostics);
}

/** Whether a value is an already parsed {@link IndexFramework} (rather than a framework table). */
export function isIndexFramework(x: unknown): x is IndexFramework {
  return (
    typeof x === 'object' &&
    x !== null &&
    !Array.isArray(x) &&
    (x as { children?: unknown }).children instanceof Map
  );
}
