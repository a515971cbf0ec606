import { createDiagnostic, type Diagnostic, type Result } from '@foodsafety/core';
import { z } from 'zod';
import {
  BUSINESS_TYPES,
  type BusinessType,
  businessTypeSchema,
  canteenKindSchema,
} from './business-type.js';
import { idSchema, nameSchema } from './identifier.js';
import {
  CN_FOOD_BUSINESS_LICENCE_RULES,
  checkLicence,
  decodeFoodBusinessLicenceNumber,
  type FoodBusinessLicenceRules,
  type Licence,
  licenceSchema,
} from './licence.js';
import { modelMessages } from './model-messages.js';
import { parseList } from './parse-list.js';
import { type ParseOptions, parseWithSchema, underPath } from './parse-with-schema.js';

/** Flags regulators select operators by; each defaults to `false`. */
export const operatorFlagsSchema = z
  .strictObject({
    /** Part of a chain (连锁经营). */
    chain: z.boolean().default(false),
    /** Sells or takes orders online (网络经营 / 入网餐饮). */
    online: z.boolean().default(false),
    /** Supplies schools or kindergartens (供餐学校), including central kitchens serving schools. */
    schoolServing: z.boolean().default(false),
  })
  .default(() => ({ chain: false, online: false, schoolServing: false }));

/** The premises: address, usable area and seats (restaurant scale is computed from these). */
export const premisesSchema = z.strictObject({
  address: z.string().min(1).max(500).optional(),
  /** Usable business area (经营场所使用面积) in square metres. */
  usableAreaM2: z.number().min(0).max(10_000_000).optional(),
  /** Dining seats (就餐座位数). */
  seats: z.number().int().min(0).max(1_000_000).optional(),
});

/**
 * A regulated business operator (经营者/生产者): its type in the taxonomy of
 * {@link BUSINESS_TYPES}, canteen kind for canteens, flags, premises, location and licences.
 */
export const businessOperatorSchema = z
  .strictObject({
    id: idSchema,
    name: nameSchema,
    /** Unified social credit code (统一社会信用代码), 18 characters, when known. */
    creditCode: z
      .string()
      .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/)
      .optional(),
    businessType: businessTypeSchema,
    /** Required for canteens, forbidden otherwise. */
    canteenKind: canteenKindSchema.optional(),
    flags: operatorFlagsSchema,
    premises: premisesSchema.optional(),
    /** The division (street or community code) where the premises lie. */
    jurisdictionCode: z
      .string()
      .regex(/^\d{6,12}$/)
      .optional(),
    licences: z.array(licenceSchema),
  })
  .meta({
    id: 'BusinessOperator',
    title: 'Business operator',
    description: 'A regulated food business operator or producer with its premises and licences.',
  });

/** The premises of an operator. */
export type Premises = z.infer<typeof premisesSchema>;
/** The flags of an operator. */
export type OperatorFlags = z.infer<typeof operatorFlagsSchema>;
/** A business operator, as parsed (flags filled in). */
export type BusinessOperator = z.infer<typeof businessOperatorSchema>;
/** A business operator as it may be written (flags optional). */
export type BusinessOperatorInput = z.input<typeof businessOperatorSchema>;

/**
 * Whether a food business licence's type digit fits a business type: a warning
 * `MODEL_LICENCE_TYPE_MISMATCH` per mismatching `JY` licence (path `['licences', i, 'number']`).
 * Types that hold no `JY` licence (producers, platforms, stalls…) are not checked.
 */
export function checkLicenceTypeMatch(
  businessType: BusinessType,
  licences: readonly Licence[],
): Diagnostic[] {
  const expectedDigit = BUSINESS_TYPES[businessType].licenceTypeDigit;
  if (expectedDigit === undefined) return [];
  const out: Diagnostic[] = [];
  licences.forEach((licence, i) => {
    if (licence.kind !== 'food-business') return;
    const parts = decodeFoodBusinessLicenceNumber(licence.number);
    if (parts !== undefined && parts.typeDigit !== expectedDigit) {
      out.push(
        createDiagnostic(
          modelMessages.MODEL_LICENCE_TYPE_MISMATCH,
          { number: licence.number, digit: parts.typeDigit, businessType, expectedDigit },
          { path: ['licences', i, 'number'] },
        ),
      );
    }
  });
  return out;
}

/** Options of {@link parseBusinessOperator}. */
export interface BusinessOperatorParseOptions extends ParseOptions {
  /** The food business licence rules (default {@link CN_FOOD_BUSINESS_LICENCE_RULES}). */
  readonly licenceRules?: FoodBusinessLicenceRules;
}

/**
 * Parse a business operator. Beyond the shape: canteen kind required for canteens and forbidden
 * otherwise; each licence's dates (see `checkLicence`); a `JY` type digit that does not fit the
 * business type (warning).
 */
export function parseBusinessOperator(
  input: unknown,
  options: BusinessOperatorParseOptions = {},
): Result<BusinessOperator> {
  const rules = options.licenceRules ?? CN_FOOD_BUSINESS_LICENCE_RULES;
  return parseWithSchema(businessOperatorSchema, input, options, (op) => {
    const out: Diagnostic[] = [];
    if (op.businessType === 'canteen' && op.canteenKind === undefined) {
      out.push(
        createDiagnostic(modelMessages.MODEL_CANTEEN_KIND_MISSING, {}, { path: ['canteenKind'] }),
      );
    }
    if (op.businessType !== 'canteen' && op.canteenKind !== undefined) {
      out.push(
        createDiagnostic(
          modelMessages.MODEL_CANTEEN_KIND_UNEXPECTED,
          { businessType: op.businessType },
          { path: ['canteenKind'] },
        ),
      );
    }
    op.licences.forEach((l, i) => {
      out.push(...underPath(checkLicence(l, rules), ['licences', i]));
    });
    out.push(...checkLicenceTypeMatch(op.businessType, op.licences));
    return out;
  });
}

/** Parse a list of business operator records (each with `parseBusinessOperator`; duplicate ids are errors). */
export function parseBusinessOperators(
  input: unknown,
  options: BusinessOperatorParseOptions = {},
): Result<BusinessOperator[]> {
  return parseList(input, (element, at) => parseBusinessOperator(element, { ...options, ...at }), {
    ...options,
    entity: 'business operator',
  });
}
