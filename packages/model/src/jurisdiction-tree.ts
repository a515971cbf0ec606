import {
  createDiagnostic,
  type Diagnostic,
  FoodSafetyError,
  flatMapResult,
  type Result,
  resultOf,
} from '@foodsafety/core';
import { z } from 'zod';
import {
  checkJurisdiction,
  type Jurisdiction,
  type JurisdictionLevel,
  jurisdictionSchema,
  parentLevelOf,
} from './jurisdiction.js';
import { modelMessages } from './model-messages.js';
import { type ParseOptions, parseWithSchema, underPath } from './parse-with-schema.js';

/** A division in a built tree, with its children's codes (input order) and its depth (root 0). */
export interface JurisdictionNode {
  readonly jurisdiction: Jurisdiction;
  readonly childCodes: readonly string[];
  readonly depth: number;
}

/** A checked jurisdiction tree (or forest): the root codes and every node by code. */
export interface JurisdictionTree {
  readonly rootCodes: readonly string[];
  readonly nodes: ReadonlyMap<string, JurisdictionNode>;
}

/** A list of divisions, as stored (the tree is built from it). */
export const jurisdictionListSchema = z.array(jurisdictionSchema).meta({
  id: 'JurisdictionList',
  title: 'Jurisdiction list',
  description: 'The divisions of a jurisdiction tree, linked by parentCode.',
});

/** How many leading digits of a parent's code its children share, by the parent's level. */
const CHILD_PREFIX_LENGTH: Readonly<Record<JurisdictionLevel, number>> = {
  city: 4,
  district: 6,
  street: 9,
  community: 12,
};

/**
 * Build a tree from a flat list of divisions linked by `parentCode`. Reports, with the index of
 * the offending entry in the path: duplicate codes, unknown parents, a parent that is not exactly
 * one level up, cycles in the parent links (all as errors), and a child code that does not start
 * with its parent's prefix (a warning: new areas such as 金普新区 break the numbering). Divisions
 * without a parent are roots; a forest is allowed (a district's own network).
 */
export function buildJurisdictionTree(
  list: readonly Jurisdiction[],
  options: ParseOptions = {},
): Result<JurisdictionTree> {
  const diagnostics: Diagnostic[] = [];
  const firstIndex = new Map<string, number>();
  list.forEach((j, index) => {
    const seen = firstIndex.get(j.code);
    if (seen === undefined) firstIndex.set(j.code, index);
    else
      diagnostics.push(
        createDiagnostic(
          modelMessages.MODEL_JURISDICTION_DUPLICATE_CODE,
          { code: j.code, firstIndex: seen },
          { path: [index, 'code'] },
        ),
      );
  });

  const byCode = new Map<string, Jurisdiction>();
  for (const [code, index] of firstIndex) byCode.set(code, list[index] as Jurisdiction);

  list.forEach((j, index) => {
    if (firstIndex.get(j.code) !== index || j.parentCode === undefined) return;
    const parent = byCode.get(j.parentCode);
    if (parent === undefined) {
      diagnostics.push(
        createDiagnostic(
          modelMessages.MODEL_JURISDICTION_UNKNOWN_PARENT,
          { code: j.code, parentCode: j.parentCode },
          { path: [index, 'parentCode'] },
        ),
      );
      return;
    }
    const expected = parentLevelOf(j.level);
    if (parent.level !== expected) {
      diagnostics.push(
        createDiagnostic(
          modelMessages.MODEL_JURISDICTION_LEVEL_ORDER,
          {
            code: j.code,
            level: j.level,
            parentCode: parent.code,
            parentLevel: parent.level,
            expectedParentLevel: expected ?? 'none',
          },
          { path: [index, 'parentCode'] },
        ),
      );
    } else {
      const prefix = parent.code.slice(0, CHILD_PREFIX_LENGTH[parent.level]);
      if (!j.code.startsWith(prefix)) {
        diagnostics.push(
          createDiagnostic(
            modelMessages.MODEL_JURISDICTION_CODE_PREFIX,
            { code: j.code, prefix },
            { path: [index, 'code'] },
          ),
        );
      }
    }
  });

  // Cycles: walk parent links iteratively; 1 = on the current walk, 2 = known to reach a root.
  const state = new Map<string, 1 | 2>();
  for (const start of byCode.keys()) {
    if (state.has(start)) continue;
    const walk: string[] = [];
    let code: string | undefined = start;
    while (code !== undefined && byCode.has(code) && !state.has(code)) {
      state.set(code, 1);
      walk.push(code);
      code = byCode.get(code)?.parentCode;
    }
    if (code !== undefined && state.get(code) === 1) {
      const cycle = walk.slice(walk.indexOf(code));
      diagnostics.push(
        createDiagnostic(
          modelMessages.MODEL_JURISDICTION_CYCLE,
          { cycle: [...cycle, code] },
          { path: [firstIndex.get(code) as number, 'parentCode'] },
        ),
      );
    }
    for (const c of walk) state.set(c, 2);
  }

  const result = resultOf<JurisdictionTree>(
    { rootCodes: [], nodes: new Map() },
    underPath(diagnostics, options.path ?? []),
  );
  if (!result.ok) return result;

  const children = new Map<string, string[]>();
  const rootCodes: string[] = [];
  for (const j of byCode.values()) {
    if (j.parentCode === undefined) rootCodes.push(j.code);
    else {
      const list = children.get(j.parentCode);
      if (list) list.push(j.code);
      else children.set(j.parentCode, [j.code]);
    }
  }
  const nodes = new Map<string, JurisdictionNode>();
  const stack: [string, number][] = rootCodes.map((c) => [c, 0]);
  while (stack.length > 0) {
    const [code, depth] = stack.pop() as [string, number];
    const childCodes = children.get(code) ?? [];
    nodes.set(code, { jurisdiction: byCode.get(code) as Jurisdiction, childCodes, depth });
    for (const child of childCodes) stack.push([child, depth + 1]);
  }
  return resultOf({ rootCodes, nodes }, result.diagnostics);
}

/**
 * Parse a list of divisions (each with {@link parseJurisdiction}'s rules) and build the tree.
 */
export function parseJurisdictionTree(
  input: unknown,
  options: ParseOptions = {},
): Result<JurisdictionTree> {
  const parsed = parseWithSchema(jurisdictionListSchema, input, options, (list) =>
    list.flatMap((j, i) => underPath(checkJurisdiction(j), [i])),
  );
  return flatMapResult(parsed, (list) => buildJurisdictionTree(list, options));
}

function nodeOf(tree: JurisdictionTree, code: string): JurisdictionNode {
  const node = tree.nodes.get(code);
  if (node === undefined) {
    throw new FoodSafetyError('MODEL_JURISDICTION_NOT_IN_TREE', `no division ${code} in the tree`, {
      code,
    });
  }
  return node;
}

/** The division with a code, or `undefined`. */
export function findJurisdiction(tree: JurisdictionTree, code: string): Jurisdiction | undefined {
  return tree.nodes.get(code)?.jurisdiction;
}

/**
 * The ancestors of a division, nearest first (parent, grandparent, … root). Throws
 * `MODEL_JURISDICTION_NOT_IN_TREE` for a code not in the tree (check with {@link findJurisdiction}).
 */
export function ancestorsOf(tree: JurisdictionTree, code: string): Jurisdiction[] {
  const out: Jurisdiction[] = [];
  let parent = nodeOf(tree, code).jurisdiction.parentCode;
  while (parent !== undefined) {
    const node = tree.nodes.get(parent);
    if (node === undefined) break;
    out.push(node.jurisdiction);
    parent = node.jurisdiction.parentCode;
  }
  return out;
}

/**
 * The descendants of a division in depth-first pre-order (children in input order), without the
 * division itself; iterative, so deep trees cannot overflow the stack. Throws
 * `MODEL_JURISDICTION_NOT_IN_TREE` for a code not in the tree.
 */
export function descendantsOf(tree: JurisdictionTree, code: string): Jurisdiction[] {
  const out: Jurisdiction[] = [];
  const stack = [...nodeOf(tree, code).childCodes].reverse();
  while (stack.length > 0) {
    const node = tree.nodes.get(stack.pop() as string);
    if (node === undefined) continue;
    out.push(node.jurisdiction);
    for (let i = node.childCodes.length - 1; i >= 0; i -= 1)
      stack.push(node.childCodes[i] as string);
  }
  return out;
}

/** Whether `code` lies within `ancestorCode` (a division lies within itself). */
export function isWithin(tree: JurisdictionTree, code: string, ancestorCode: string): boolean {
  if (code === ancestorCode) return tree.nodes.has(code);
  return ancestorsOf(tree, code).some((j) => j.code === ancestorCode);
}
