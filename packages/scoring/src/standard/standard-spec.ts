import { z } from 'zod';
import type { LocalizedText } from '../localized-text.js';

/** The tiers of a creation standard: key items (重点项), basic items (基本项), bonus (加分项), pilot tasks (试点任务). */
export const TIERS = ['key', 'basic', 'bonus', 'pilot'] as const;
/** A tier of a standard. */
export type Tier = (typeof TIERS)[number];

/**
 * An indicator formula over named facts, as data (never evaluated as code). A string names a
 * fact or another indicator; a number is a constant.
 *
 * - `{ ratio: [a, b], scale? }` = a ÷ b × scale (scale defaults to 1)
 * - `{ perCapita: a, population: p, per? }` = a ÷ p × per (per defaults to 1 000)
 * - `{ sum: [...] }`, `{ product: [...] }`, `{ min: [...] }`, `{ max: [...] }`
 * - `{ difference: [a, b] }` = a − b
 */
export type Expression =
  | string
  | number
  | { readonly ratio: readonly [Expression, Expression]; readonly scale?: number }
  | { readonly perCapita: Expression; readonly population: Expression; readonly per?: number }
  | { readonly sum: readonly Expression[] }
  | { readonly product: readonly Expression[] }
  | { readonly min: readonly Expression[] }
  | { readonly max: readonly Expression[] }
  | { readonly difference: readonly [Expression, Expression] };

/** A comparison operator of a predicate. */
export type ComparisonOp = '<' | '<=' | '>' | '>=' | '==' | '!=';

/**
 * A predicate over facts and indicators, as data: a comparison, `all`/`any`/`not`, or a
 * plugin-provided veto predicate by id.
 */
export type Predicate =
  | { readonly value: Expression; readonly op: ComparisonOp; readonly than: number | boolean }
  | { readonly all: readonly Predicate[] }
  | { readonly any: readonly Predicate[] }
  | { readonly not: Predicate }
  | { readonly predicate: string; readonly params?: unknown };

/** One band of a threshold table: points earned once `atLeast` (or `atMost`) is reached. */
export interface ThresholdBand {
  readonly atLeast?: number;
  readonly atMost?: number;
  readonly points: number;
}

/** How an item turns facts into points. */
export type ItemRule =
  | {
      /** Points of the best band reached; 0 below the first band. */
      readonly kind: 'threshold';
      readonly input: Expression;
      readonly bands: readonly ThresholdBand[];
    }
  | {
      /** Linear between goalposts: 0 points at `zeroAt`, full points at `fullAt` (either order), clamped. */
      readonly kind: 'linear';
      readonly input: Expression;
      readonly zeroAt: number;
      readonly fullAt: number;
    }
  | {
      /** Full points when the predicate holds (or the input fact is true / non-zero). */
      readonly kind: 'boolean';
      readonly input?: Expression;
      readonly when?: Predicate;
    }
  | {
      /**
       * The share of the item's linked tasks completed (from the task ledger, per unit), linear
       * from `zeroAt` (default 0) to `fullAt` (default 1). The share is read from the fact
       * `input` (default `taskShare.<itemId>`), which `score` fills from `options.ledger`.
       */
      readonly kind: 'taskShare';
      readonly input?: string;
      /** `linked` (default): tasks whose `items` include this item; `all`: every task of the unit. */
      readonly tasks?: 'linked' | 'all';
      readonly zeroAt?: number;
      readonly fullAt?: number;
    }
  | {
      /** `pointsEach` per unit counted (e.g. +2 per special pilot task), capped at the item maximum. */
      readonly kind: 'count';
      readonly input: Expression;
      readonly pointsEach: number;
    }
  | {
      /** A plugin-provided calculator (extension point `scoring.calculators`), by id. */
      readonly kind: 'calculator';
      readonly calculator: string;
      readonly params?: unknown;
    };

/** What to do with an item whose facts are missing. */
export type MissingPolicy = 'zero' | 'skip';

/** One item of a standard. */
export interface ItemSpec {
  readonly id: string;
  readonly tier: Tier;
  /** Maximum points, at most two decimals. */
  readonly points: number;
  readonly title?: LocalizedText;
  /** The programme area the item belongs to (free text, e.g. `responsibility`). */
  readonly area?: string;
  readonly rule: ItemRule;
  /** Overrides the standard's `missing.items` policy. */
  readonly missing?: MissingPolicy;
  /**
   * An inline veto: when this predicate holds, the veto `<item id>` fires — so an item can be a
   * veto and carry points too.
   */
  readonly vetoWhen?: Predicate;
  /** How far this item's text and points can be trusted (overrides the rule set's). */
  readonly confidence?: 'verified' | 'secondary' | 'unverified';
  /** Where the item comes from, or what was assumed. */
  readonly note?: string;
}

/** A veto (否决项): fires when its predicate holds. */
export interface VetoSpec {
  readonly id: string;
  readonly title?: LocalizedText;
  readonly when: Predicate;
  readonly confidence?: 'verified' | 'secondary' | 'unverified';
  readonly note?: string;
}

/** The pass rule, as data. */
export interface PassRuleSpec {
  /** Any veto fails the unit (default true). */
  readonly noVeto?: boolean;
  /** Every key item must reach this percentage of its points (default 60). */
  readonly keyItemMinPercent?: number;
  /** The total must reach this (default 90). */
  readonly minTotal?: number;
  /** The tiers whose points make the total (default all tiers). */
  readonly totalTiers?: readonly Tier[];
}

/** How computed points are rounded — once, per item; sums are then exact. */
export interface RoundingSpec {
  /** Decimal places kept (0, 1 or 2; default 2). */
  readonly decimals?: 0 | 1 | 2;
  /** Rounding mode (default `half-up`). */
  readonly mode?: 'half-up' | 'half-even' | 'floor' | 'ceil';
}

/** A declared tier structure, checked against the items (e.g. key: 19 items, 58 points). */
export interface TierDeclaration {
  readonly items?: number;
  readonly points?: number;
}

/** A creation standard as data: JSON-serialisable, validated by {@link defineStandard}. */
export interface StandardSpec {
  readonly meta: {
    readonly id: string;
    readonly version: string;
    readonly jurisdiction: string;
    readonly effectiveFrom: string;
    readonly source: string;
    readonly confidence: 'verified' | 'secondary' | 'unverified';
    readonly notes?: string;
  };
  readonly title?: LocalizedText;
  /** Declared facts (name → description). When given, references to other names are errors. */
  readonly facts?: Readonly<Record<string, LocalizedText & { readonly unit?: string }>>;
  readonly indicators?: Readonly<Record<string, Expression>>;
  readonly items: readonly ItemSpec[];
  readonly vetoes?: readonly VetoSpec[];
  readonly pass?: PassRuleSpec;
  readonly rounding?: RoundingSpec;
  readonly missing?: {
    /** Items with missing facts score 0 (`zero`, default) or are left out (`skip`). */
    readonly items?: MissingPolicy;
    /** A veto whose facts are missing fires (`fire`) or does not (`ignore`, default). */
    readonly vetoes?: 'fire' | 'ignore';
  };
  readonly tiers?: Readonly<Partial<Record<Tier, TierDeclaration>>>;
}

const localized = z.strictObject({ 'zh-CN': z.string().optional(), en: z.string().optional() });

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

/** zod schema of {@link Expression}. */
export const expressionSchema: z.ZodType<Expression> = z.lazy(() =>
  z.union([
    z.string().min(1),
    finite,
    z.strictObject({
      ratio: z.tuple([expressionSchema, expressionSchema]),
      scale: finite.optional(),
    }),
    z.strictObject({
      perCapita: expressionSchema,
      population: expressionSchema,
      per: finite.optional(),
    }),
    z.strictObject({ sum: z.array(expressionSchema).min(1) }),
    z.strictObject({ product: z.array(expressionSchema).min(1) }),
    z.strictObject({ min: z.array(expressionSchema).min(1) }),
    z.strictObject({ max: z.array(expressionSchema).min(1) }),
    z.strictObject({ difference: z.tuple([expressionSchema, expressionSchema]) }),
  ]),
) as z.ZodType<Expression>;

/** zod schema of {@link Predicate}. */
export const predicateSchema: z.ZodType<Predicate> = z.lazy(() =>
  z.union([
    z.strictObject({
      value: expressionSchema,
      op: z.enum(['<', '<=', '>', '>=', '==', '!=']),
      than: z.union([finite, z.boolean()]),
    }),
    z.strictObject({ all: z.array(predicateSchema).min(1) }),
    z.strictObject({ any: z.array(predicateSchema).min(1) }),
    z.strictObject({ not: predicateSchema }),
    z.strictObject({ predicate: z.string().min(1), params: z.unknown().optional() }),
  ]),
) as z.ZodType<Predicate>;

const points = finite.refine((x) => x >= 0, 'points must not be negative');

const band = z
  .strictObject({ atLeast: finite.optional(), atMost: finite.optional(), points })
  .refine(
    (b) => (b.atLeast === undefined) !== (b.atMost === undefined),
    'a band has exactly one of atLeast and atMost',
  );

const itemRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('threshold'),
    input: expressionSchema,
    bands: z.array(band).min(1),
  }),
  z.strictObject({
    kind: z.literal('linear'),
    input: expressionSchema,
    zeroAt: finite,
    fullAt: finite,
  }),
  z
    .strictObject({
      kind: z.literal('boolean'),
      input: expressionSchema.optional(),
      when: predicateSchema.optional(),
    })
    .refine(
      (r) => (r.input === undefined) !== (r.when === undefined),
      'a boolean rule has exactly one of input and when',
    ),
  z.strictObject({
    kind: z.literal('taskShare'),
    input: z.string().min(1).optional(),
    tasks: z.enum(['linked', 'all']).optional(),
    zeroAt: finite.optional(),
    fullAt: finite.optional(),
  }),
  z.strictObject({ kind: z.literal('count'), input: expressionSchema, pointsEach: points }),
  z.strictObject({
    kind: z.literal('calculator'),
    calculator: z.string().min(1),
    params: z.unknown().optional(),
  }),
]);

const tierSchema = z.enum(TIERS);

/** zod schema of {@link StandardSpec}. */
export const standardSpecSchema = z.strictObject({
  meta: z.strictObject({
    id: z.string().min(1),
    version: z.string().min(1),
    jurisdiction: z.string().min(1),
    effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    source: z.string().min(1),
    confidence: z.enum(['verified', 'secondary', 'unverified']),
    notes: z.string().optional(),
  }),
  title: localized.optional(),
  facts: z
    .record(
      z.string(),
      z.strictObject({
        'zh-CN': z.string().optional(),
        en: z.string().optional(),
        unit: z.string().optional(),
      }),
    )
    .optional(),
  indicators: z.record(z.string().min(1), expressionSchema).optional(),
  items: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        tier: tierSchema,
        points,
        title: localized.optional(),
        area: z.string().optional(),
        rule: itemRuleSchema,
        missing: z.enum(['zero', 'skip']).optional(),
        vetoWhen: predicateSchema.optional(),
        confidence: z.enum(['verified', 'secondary', 'unverified']).optional(),
        note: z.string().optional(),
      }),
    )
    .min(1),
  vetoes: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        title: localized.optional(),
        when: predicateSchema,
        confidence: z.enum(['verified', 'secondary', 'unverified']).optional(),
        note: z.string().optional(),
      }),
    )
    .optional(),
  pass: z
    .strictObject({
      noVeto: z.boolean().optional(),
      keyItemMinPercent: finite.refine((x) => x >= 0 && x <= 100, 'between 0 and 100').optional(),
      minTotal: finite.optional(),
      totalTiers: z.array(tierSchema).min(1).optional(),
    })
    .optional(),
  rounding: z
    .strictObject({
      decimals: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
      mode: z.enum(['half-up', 'half-even', 'floor', 'ceil']).optional(),
    })
    .optional(),
  missing: z
    .strictObject({
      items: z.enum(['zero', 'skip']).optional(),
      vetoes: z.enum(['fire', 'ignore']).optional(),
    })
    .optional(),
  tiers: z
    .partialRecord(
      tierSchema,
      z.strictObject({
        items: z.number().int().nonnegative().optional(),
        points: points.optional(),
      }),
    )
    .optional(),
});
