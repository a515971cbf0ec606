import { createDiagnostic, type Diagnostic, type Result } from '@foodsafety/core';
import { z } from 'zod';
import { evidenceSchema } from './evidence.js';
import { idSchema } from './identifier.js';
import { isoDateOrDateTimeSchema } from './iso-date.js';
import { modelMessages } from './model-messages.js';
import { parseList } from './parse-list.js';
import { type ParseOptions, parseWithSchema } from './parse-with-schema.js';

/** The class of a checklist item: key (重点项) or general (一般项). */
export const itemClassSchema = z.enum(['key', 'general']);

/**
 * The result of a checklist item: pass (符合), fail (不符合), or reasonable not-applicable
 * (合理缺项: the item does not apply to this operator, so it leaves the pass-rate denominator).
 */
export const itemResultSchema = z.enum(['pass', 'fail', 'not-applicable']);

/** One checked item of an inspection checklist. */
export const inspectionItemSchema = z.strictObject({
  /** The item's id within the checklist (e.g. `1.3`). */
  id: idSchema,
  class: itemClassSchema,
  /** The item text, as in the checklist. */
  text: z.string().max(2000).optional(),
  result: itemResultSchema,
  note: z.string().max(2000).optional(),
});

/** A problem found during an inspection, optionally tied to a failed item. */
export const findingSchema = z.strictObject({
  id: idSchema,
  /** The checklist item it belongs to. */
  itemId: idSchema.optional(),
  description: z.string().min(1).max(4000),
  evidence: z.array(evidenceSchema).optional(),
});

/**
 * A supervisory inspection (监督检查) of one operator: who, when, where, the checked items and
 * the findings. Outcomes (符合/基本符合/不符合) are computed by the grading package.
 */
export const inspectionSchema = z
  .strictObject({
    id: idSchema,
    operatorId: idSchema,
    /** When the inspection took place. */
    date: isoDateOrDateTimeSchema,
    /** Inspector ids or names (at least one). */
    inspectors: z.array(z.string().min(1).max(200)).min(1),
    /** Where: an address or the premises' name. */
    location: z.string().max(500).optional(),
    /** The checklist used (e.g. `cn.2016.catering.table-1-3`). */
    checklistId: z.string().max(200).optional(),
    items: z.array(inspectionItemSchema),
    findings: z.array(findingSchema),
  })
  .meta({
    id: 'Inspection',
    title: 'Inspection',
    description: 'A supervisory inspection with key/general checklist items and findings.',
  });

/** The class of a checklist item. */
export type ItemClass = z.infer<typeof itemClassSchema>;
/** The result of a checklist item. */
export type ItemResult = z.infer<typeof itemResultSchema>;
/** A checked item. */
export type InspectionItem = z.infer<typeof inspectionItemSchema>;
/** A finding. */
export type Finding = z.infer<typeof findingSchema>;
/** An inspection. */
export type Inspection = z.infer<typeof inspectionSchema>;

function checkInspection(inspection: Inspection): Diagnostic[] {
  const out: Diagnostic[] = [];
  const items = new Map<string, InspectionItem>();
  inspection.items.forEach((item, i) => {
    if (items.has(item.id)) {
      out.push(
        createDiagnostic(
          modelMessages.MODEL_DUPLICATE_ID,
          { entity: 'item', id: item.id },
          { path: ['items', i, 'id'] },
        ),
      );
    } else items.set(item.id, item);
  });
  const findingIds = new Set<string>();
  inspection.findings.forEach((finding, i) => {
    if (findingIds.has(finding.id)) {
      out.push(
        createDiagnostic(
          modelMessages.MODEL_DUPLICATE_ID,
          { entity: 'finding', id: finding.id },
          { path: ['findings', i, 'id'] },
        ),
      );
    }
    findingIds.add(finding.id);
    if (finding.itemId === undefined) return;
    const item = items.get(finding.itemId);
    if (item === undefined) {
      out.push(
        createDiagnostic(
          modelMessages.MODEL_FINDING_ITEM_UNKNOWN,
          { itemId: finding.itemId },
          { path: ['findings', i, 'itemId'] },
        ),
      );
    } else if (item.result !== 'fail') {
      out.push(
        createDiagnostic(
          modelMessages.MODEL_FINDING_ITEM_NOT_FAILED,
          { itemId: finding.itemId, result: item.result },
          { path: ['findings', i, 'itemId'] },
        ),
      );
    }
  });
  return out;
}

/**
 * Parse an inspection. Beyond the shape: duplicate item or finding ids (errors), a finding naming
 * an item not in the inspection (error) or an item that did not fail (warning).
 */
export function parseInspection(input: unknown, options?: ParseOptions): Result<Inspection> {
  return parseWithSchema(inspectionSchema, input, options, checkInspection);
}

/** Counts of checked items by class and result. */
export interface ItemCounts {
  readonly checked: number;
  readonly passed: number;
  readonly failed: number;
  readonly notApplicable: number;
}

/** Counts for all items, and for key and general items separately. */
export interface InspectionCounts {
  readonly all: ItemCounts;
  readonly key: ItemCounts;
  readonly general: ItemCounts;
}

function countItems(items: readonly InspectionItem[]): ItemCounts {
  let passed = 0;
  let failed = 0;
  let notApplicable = 0;
  for (const item of items) {
    if (item.result === 'pass') passed += 1;
    else if (item.result === 'fail') failed += 1;
    else notApplicable += 1;
  }
  return { checked: items.length, passed, failed, notApplicable };
}

/** Count the items of an inspection: all, key (重点项) and general (一般项). */
export function countInspectionItems(items: readonly InspectionItem[]): InspectionCounts {
  return {
    all: countItems(items),
    key: countItems(items.filter((i) => i.class === 'key')),
    general: countItems(items.filter((i) => i.class === 'general')),
  };
}

/** An exact fraction (not reduced: numerator and denominator are the counts themselves). */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * The pass rate of items as an exact fraction: passed ÷ (checked − reasonable N/A) (2016 daily
 * inspection rules, CFDA notice 2016/58). `undefined` when no item applies (0 ÷ 0). Restrict it to
 * one class with `itemClass` (the catering rule uses the general items' pass rate).
 */
export function passRate(
  items: readonly InspectionItem[],
  itemClass?: ItemClass,
): Fraction | undefined {
  const c = countItems(
    itemClass === undefined ? items : items.filter((i) => i.class === itemClass),
  );
  const denominator = c.checked - c.notApplicable;
  return denominator === 0 ? undefined : { numerator: c.passed, denominator };
}

/** Parse a list of inspection records (each with `parseInspection`; duplicate ids are errors). */
export function parseInspections(input: unknown, options: ParseOptions = {}): Result<Inspection[]> {
  return parseList(input, (element, at) => parseInspection(element, { ...options, ...at }), {
    ...options,
    entity: 'inspection',
  });
}
