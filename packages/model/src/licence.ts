import { createDiagnostic, type Diagnostic, type Result, type RuleSetMeta } from '@foodsafety/core';
import { z } from 'zod';
import { addYears, isoDateSchema } from './iso-date.js';
import { modelMessages } from './model-messages.js';
import { type ParseOptions, parseWithSchema } from './parse-with-schema.js';

/**
 * Food business licence number (食品经营许可证编号): `JY` + 14 digits — 1 type digit (1 sales,
 * 2 catering, 3 canteen), a 6-digit area code, a 6-digit serial and 1 check digit. The check
 * digit's algorithm is not published in what we have read [U], so only the structure is
 * validated; a number with a wrong check digit is accepted.
 */
export const FOOD_BUSINESS_LICENCE_NUMBER = /^JY[123]\d{13}$/;

/**
 * Food production licence number (食品生产许可证编号): `SC` + 14 digits (commonly read as a 3-digit
 * food category, a 6-digit area code, a 4-digit serial and a check digit). Only the structure
 * (`SC` + 14 digits) is validated.
 */
export const FOOD_PRODUCTION_LICENCE_NUMBER = /^SC\d{14}$/;

/** The parts of a food business licence number. */
export interface FoodBusinessLicenceNumberParts {
  /** 1 sales, 2 catering, 3 canteen. */
  readonly typeDigit: '1' | '2' | '3';
  /** The issuing area's 6-digit division code. */
  readonly areaCode: string;
  readonly serial: string;
  /** Not verified: the algorithm is unknown. */
  readonly checkDigit: string;
}

/**
 * Split a `JY…` number into its parts, or `undefined` when it does not have the structure (or is
 * not a string). The check digit is returned as it is, not verified.
 */
export function decodeFoodBusinessLicenceNumber(
  number: string,
): FoodBusinessLicenceNumberParts | undefined {
  // RegExp#test converts its argument with String(), which throws on an object without a prototype
  if (typeof number !== 'string' || !FOOD_BUSINESS_LICENCE_NUMBER.test(number)) return undefined;
  return {
    typeDigit: number.charAt(2) as '1' | '2' | '3',
    areaCode: number.slice(3, 9),
    serial: number.slice(9, 15),
    checkDigit: number.slice(15, 16),
  };
}

/** The rules on food business licences that the model applies. */
export interface FoodBusinessLicenceRules {
  readonly meta: RuleSetMeta;
  /** How many years a food business licence is valid. */
  readonly validityYears: number;
}

/**
 * China's food business licence validity: 5 years (食品经营许可证有效期为5年). Source: the Measures
 * for the Administration of Food Business Licensing (食品经营许可管理办法, CFDA Order No. 17, 2015)
 * as summarised in REFERENCES.md [S]; overridable.
 */
export const CN_FOOD_BUSINESS_LICENCE_RULES: FoodBusinessLicenceRules = {
  meta: {
    id: 'cn.food-business-licence',
    version: '2015',
    jurisdiction: 'CN',
    effectiveFrom: '2015-10-01',
    source: '食品经营许可管理办法 (CFDA Order No. 17, 2015): licence valid 5 years',
    confidence: 'secondary',
    notes: 'Read from a secondary summary; the article number was not checked.',
  },
  validityYears: 5,
};

const validityFields = {
  /** Issue date (发证日期). */
  issuedOn: isoDateSchema,
  /** Last day of validity (有效期至), inclusive. */
  expiresOn: isoDateSchema,
  /** The issuing authority (发证机关). */
  issuer: z.string().min(1).max(200).optional(),
  /** Whether the licence is displayed at the premises (亮证经营). */
  displayed: z.boolean().optional(),
};

/** Food business licence (食品经营许可证), `JY…`. */
export const foodBusinessLicenceSchema = z.strictObject({
  kind: z.literal('food-business'),
  number: z.string().regex(FOOD_BUSINESS_LICENCE_NUMBER),
  ...validityFields,
  /** Licensed business items (经营项目), as printed. */
  businessItems: z.array(z.string().min(1).max(200)).optional(),
});

/** Food production licence (食品生产许可证), `SC…`. */
export const foodProductionLicenceSchema = z.strictObject({
  kind: z.literal('food-production'),
  number: z.string().regex(FOOD_PRODUCTION_LICENCE_NUMBER),
  ...validityFields,
  /** Licensed food categories (食品类别), as printed. */
  foodCategories: z.array(z.string().min(1).max(200)).optional(),
});

/** Public-place hygiene licence (公共场所卫生许可证); its numbering is local, so free text. */
export const publicPlaceHygieneLicenceSchema = z.strictObject({
  kind: z.literal('public-place-hygiene'),
  number: z.string().min(1).max(100),
  ...validityFields,
});

/**
 * Registration certificate of a small workshop, small caterer or stall (小作坊/小餐饮登记证,
 * 食品摊贩登记卡); numbering is provincial, so free text.
 */
export const registrationCertificateSchema = z.strictObject({
  kind: z.literal('registration'),
  number: z.string().min(1).max(100),
  ...validityFields,
});

/** Any licence an operator holds, discriminated by `kind`. */
export const licenceSchema = z
  .discriminatedUnion('kind', [
    foodBusinessLicenceSchema,
    foodProductionLicenceSchema,
    publicPlaceHygieneLicenceSchema,
    registrationCertificateSchema,
  ])
  .meta({
    id: 'Licence',
    title: 'Licence',
    description:
      'A food business (JY), food production (SC), public-place hygiene licence or a registration certificate.',
  });

/** A food business licence. */
export type FoodBusinessLicence = z.infer<typeof foodBusinessLicenceSchema>;
/** A food production licence. */
export type FoodProductionLicence = z.infer<typeof foodProductionLicenceSchema>;
/** A public-place hygiene licence. */
export type PublicPlaceHygieneLicence = z.infer<typeof publicPlaceHygieneLicenceSchema>;
/** A registration certificate (三小). */
export type RegistrationCertificate = z.infer<typeof registrationCertificateSchema>;
/** Any licence, discriminated by `kind`. */
export type Licence = z.infer<typeof licenceSchema>;
/** The kind of a licence. */
export type LicenceKind = Licence['kind'];

/** Options of {@link parseLicence}. */
export interface LicenceParseOptions extends ParseOptions {
  /** The food business licence rules (default {@link CN_FOOD_BUSINESS_LICENCE_RULES}). */
  readonly rules?: FoodBusinessLicenceRules;
}

/**
 * Cross-field rules of a licence: expiry not before issue (error); a food business licence valid
 * longer than the rule set's years (a warning naming the rule set). Paths are relative to it.
 */
export function checkLicence(
  licence: Licence,
  rules: FoodBusinessLicenceRules = CN_FOOD_BUSINESS_LICENCE_RULES,
): Diagnostic[] {
  const { issuedOn, expiresOn } = licence;
  if (expiresOn < issuedOn) {
    return [
      createDiagnostic(
        modelMessages.MODEL_LICENCE_EXPIRY_BEFORE_ISSUE,
        { issuedOn, expiresOn },
        { path: ['expiresOn'] },
      ),
    ];
  }
  if (licence.kind === 'food-business' && expiresOn > addYears(issuedOn, rules.validityYears)) {
    return [
      createDiagnostic(
        modelMessages.MODEL_LICENCE_VALIDITY_TOO_LONG,
        { issuedOn, expiresOn, years: rules.validityYears, ruleSet: rules.meta.id },
        { path: ['expiresOn'] },
      ),
    ];
  }
  return [];
}

/** Parse a licence of any kind (see {@link checkLicence} for the cross-field rules). */
export function parseLicence(input: unknown, options: LicenceParseOptions = {}): Result<Licence> {
  return parseWithSchema(licenceSchema, input, options, (l) => checkLicence(l, options.rules));
}
