import { createDiagnostic, type Diagnostic, type Result } from '@foodsafety/core';
import { z } from 'zod';
import { nameSchema } from './identifier.js';
import { modelMessages } from './model-messages.js';
import { type ParseOptions, parseWithSchema } from './parse-with-schema.js';

/**
 * The four levels of the grass-roots food-safety network (四级网络), top down: city (市),
 * district/county (区/县), street/township (街道/乡镇), community/village (社区/村).
 */
export const JURISDICTION_LEVELS = ['city', 'district', 'street', 'community'] as const;

/** A level of the jurisdiction tree. */
export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];

/** The schema of a jurisdiction level. */
export const jurisdictionLevelSchema = z.enum(JURISDICTION_LEVELS);

/**
 * The finer kind of a division within its level: a district may be a district (区), a county
 * (县), a county-level city (县级市) or a new area / development zone (新区/开发区); a street may be a
 * street (街道), a township (乡) or a town (镇); a community may be a community (社区) or a
 * village (村).
 */
export const JURISDICTION_KINDS = {
  city: ['city'],
  district: ['district', 'county', 'county-level-city', 'new-area'],
  street: ['street', 'township', 'town'],
  community: ['community', 'village'],
} as const satisfies Record<JurisdictionLevel, readonly string[]>;

/** A division kind (see {@link JURISDICTION_KINDS}). */
export type JurisdictionKind = (typeof JURISDICTION_KINDS)[JurisdictionLevel][number];

/** The schema of a division kind (any level; the parser checks it fits the level). */
export const jurisdictionKindSchema = z.enum([
  ...JURISDICTION_KINDS.city,
  ...JURISDICTION_KINDS.district,
  ...JURISDICTION_KINDS.street,
  ...JURISDICTION_KINDS.community,
]);

/**
 * The code formats per level: 6-digit administrative division codes (行政区划代码) for cities and
 * districts (Dalian 210200, Zhongshan district 210202); 9-digit codes (or their 12-digit
 * statistical form) for streets/townships; 12-digit statistical codes for communities/villages.
 */
export const JURISDICTION_CODE_PATTERNS: Readonly<
  Record<JurisdictionLevel, { readonly pattern: RegExp; readonly description: string }>
> = {
  city: { pattern: /^\d{6}$/, description: '6 digits' },
  district: { pattern: /^\d{6}$/, description: '6 digits' },
  street: { pattern: /^\d{9}(?:\d{3})?$/, description: '9 or 12 digits' },
  community: { pattern: /^\d{12}$/, description: '12 digits' },
};

/** A division of the jurisdiction tree. */
export const jurisdictionSchema = z
  .strictObject({
    /** Division code (a string of digits; see {@link JURISDICTION_CODE_PATTERNS}). */
    code: z.string().regex(/^\d{6,12}$/),
    name: nameSchema,
    level: jurisdictionLevelSchema,
    kind: jurisdictionKindSchema.optional(),
    /** The code of the division one level up; absent for the root. */
    parentCode: z
      .string()
      .regex(/^\d{6,12}$/)
      .optional(),
  })
  .meta({
    id: 'Jurisdiction',
    title: 'Jurisdiction',
    description:
      'A division of the four-level network city → district/county → street/township → community/village.',
  });

/** A division of the jurisdiction tree. */
export type Jurisdiction = z.infer<typeof jurisdictionSchema>;

/** Cross-field rules of one division: code format per level, kind within level. */
export function checkJurisdiction(j: Jurisdiction): Diagnostic[] {
  const out: Diagnostic[] = [];
  const format = JURISDICTION_CODE_PATTERNS[j.level];
  if (!format.pattern.test(j.code)) {
    out.push(
      createDiagnostic(
        modelMessages.MODEL_JURISDICTION_CODE_FORMAT,
        { code: j.code, level: j.level, expected: format.description },
        { path: ['code'] },
      ),
    );
  }
  if (
    j.kind !== undefined &&
    !(JURISDICTION_KINDS[j.level] as readonly string[]).includes(j.kind)
  ) {
    out.push(
      createDiagnostic(
        modelMessages.MODEL_JURISDICTION_KIND_LEVEL,
        { kind: j.kind, level: j.level },
        { path: ['kind'] },
      ),
    );
  }
  return out;
}

/** Parse one division: shape, code format for its level, kind within its level. */
export function parseJurisdiction(input: unknown, options?: ParseOptions): Result<Jurisdiction> {
  return parseWithSchema(jurisdictionSchema, input, options, checkJurisdiction);
}

/** The level directly above `level`, or `undefined` for the city. */
export function parentLevelOf(level: JurisdictionLevel): JurisdictionLevel | undefined {
  const index = JURISDICTION_LEVELS.indexOf(level);
  return index <= 0 ? undefined : JURISDICTION_LEVELS[index - 1];
}
