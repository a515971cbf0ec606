import { createDiagnostic, type Diagnostic, type Result } from '@foodsafety/core';
import { z } from 'zod';
import { idSchema } from './identifier.js';
import { compareMoments, isoDateOrDateTimeSchema, isoDateSchema } from './iso-date.js';
import { modelMessages } from './model-messages.js';
import { parseList } from './parse-list.js';
import { type ParseOptions, parseWithSchema } from './parse-with-schema.js';

/**
 * Why a batch was sampled: supervisory sampling (监督抽检), evaluative sampling (评价性抽检, the
 * pass rate the city reports), risk monitoring (风险监测), public-nominated sampling (群众点检,
 * "ten foods people worry about most"), or an operator's own check (自检).
 */
export const SAMPLING_PURPOSES = [
  'supervisory',
  'evaluative',
  'risk-monitoring',
  'public-nominated',
  'self-check',
] as const;

/** A qualitative test reading. */
export const QUALITATIVE_VALUES = ['not-detected', 'detected', 'negative', 'positive'] as const;

/** The limit a result is judged against (a maximum, a minimum, or both). */
export const testLimitSchema = z.strictObject({
  max: z.number().optional(),
  min: z.number().optional(),
  /** The standard the limit comes from (GB 2763-2016, GB 29921-2021 …). */
  standard: z.string().max(200).optional(),
});

/** The result of one test item on a sample. */
export const testResultSchema = z.strictObject({
  /** The test item (检验项目), e.g. `克伦特罗` or `Salmonella`. */
  item: z.string().min(1).max(200),
  /** The method (检验方法), e.g. `GB 5009.12-2017` or a rapid-test kit. */
  method: z.string().min(1).max(200),
  /** Rapid test (快速检测) or laboratory test (实验室检验). */
  methodKind: z.enum(['rapid', 'laboratory']),
  /** A number in `unit`, or a qualitative reading. */
  value: z.union([z.number(), z.enum(QUALITATIVE_VALUES)]),
  unit: z.string().max(50).optional(),
  limit: testLimitSchema.optional(),
  verdict: z.enum(['pass', 'fail']),
  testedAt: isoDateOrDateTimeSchema.optional(),
  laboratory: z.string().max(200).optional(),
});

/** A request for a re-test (复检) of a failed result. */
export const retestRequestSchema = z.strictObject({
  /** When the result was notified to the applicant (the re-test window runs from here). */
  notifiedAt: isoDateOrDateTimeSchema.optional(),
  requestedAt: isoDateOrDateTimeSchema,
  /** Who asked: the sampled operator or the producer. */
  requestedBy: z.string().min(1).max(200),
  /** The re-test laboratory, when accepted. */
  laboratory: z.string().max(200).optional(),
  status: z.enum(['requested', 'accepted', 'rejected', 'completed']),
  /** The re-test results (a re-test may not use a rapid method). */
  results: z.array(testResultSchema).optional(),
});

/** A sample batch (抽检批次): one food sampled at one operator on one day, and its results. */
export const sampleBatchSchema = z
  .strictObject({
    id: idSchema,
    purpose: z.enum(SAMPLING_PURPOSES),
    sampledOn: isoDateSchema,
    /** The sampled operator. */
    operatorId: idSchema.optional(),
    jurisdictionCode: z
      .string()
      .regex(/^\d{6,12}$/)
      .optional(),
    food: z.strictObject({
      name: z.string().min(1).max(200),
      /** The food category in the sampling plan (e.g. `蔬菜`, `豆制品`). */
      category: z.string().max(200).optional(),
      brand: z.string().max(200).optional(),
      /** Production date or lot number, as labelled. */
      productionDate: isoDateSchema.optional(),
      lotNumber: z.string().max(100).optional(),
    }),
    results: z.array(testResultSchema),
    retest: retestRequestSchema.optional(),
  })
  .meta({
    id: 'SampleBatch',
    title: 'Sample batch',
    description: 'A sampled batch (抽检批次) with its test results and any re-test request.',
  });

/** The limit of a result. */
export type TestLimit = z.infer<typeof testLimitSchema>;
/** A test result. */
export type TestResult = z.infer<typeof testResultSchema>;
/** A re-test request. */
export type RetestRequest = z.infer<typeof retestRequestSchema>;
/** A sample batch. */
export type SampleBatch = z.infer<typeof sampleBatchSchema>;

function limitText(limit: TestLimit): string {
  return [
    limit.min === undefined ? '' : `≥ ${limit.min}`,
    limit.max === undefined ? '' : `≤ ${limit.max}`,
  ]
    .filter((s) => s !== '')
    .join(', ');
}

/**
 * A warning when a numeric result contradicts its limit and verdict (a value above the maximum
 * judged `pass`, or one within the limits judged `fail`). Qualitative readings are not checked.
 */
export function checkTestResult(result: TestResult): Diagnostic[] {
  const { value, limit } = result;
  if (typeof value !== 'number' || limit === undefined) return [];
  if (limit.max === undefined && limit.min === undefined) return [];
  const within =
    (limit.max === undefined || value <= limit.max) &&
    (limit.min === undefined || value >= limit.min);
  if (within === (result.verdict === 'pass')) return [];
  return [
    createDiagnostic(
      modelMessages.MODEL_VERDICT_INCONSISTENT,
      { item: result.item, value, limit: limitText(limit), verdict: result.verdict },
      { path: ['verdict'] },
    ),
  ];
}

function checkSampleBatch(batch: SampleBatch): Diagnostic[] {
  const out: Diagnostic[] = [];
  batch.results.forEach((r, i) => {
    out.push(...checkTestResult(r).map((d) => ({ ...d, path: ['results', i, ...(d.path ?? [])] })));
    if (r.testedAt !== undefined && compareMoments(r.testedAt, batch.sampledOn) < 0) {
      out.push(
        createDiagnostic(
          modelMessages.MODEL_DATE_ORDER,
          {
            field: 'testedAt',
            value: r.testedAt,
            reference: 'sampledOn',
            referenceValue: batch.sampledOn,
          },
          { path: ['results', i, 'testedAt'] },
        ),
      );
    }
  });
  const retest = batch.retest;
  if (retest !== undefined) {
    (retest.results ?? []).forEach((r, i) => {
      if (r.methodKind === 'rapid') {
        out.push(
          createDiagnostic(
            modelMessages.MODEL_RETEST_RAPID_METHOD,
            { method: r.method },
            { path: ['retest', 'results', i, 'methodKind'] },
          ),
        );
      }
    });
    if (
      retest.notifiedAt !== undefined &&
      compareMoments(retest.requestedAt, retest.notifiedAt) < 0
    ) {
      out.push(
        createDiagnostic(
          modelMessages.MODEL_DATE_ORDER,
          {
            field: 'requestedAt',
            value: retest.requestedAt,
            reference: 'notifiedAt',
            referenceValue: retest.notifiedAt,
          },
          { path: ['retest', 'requestedAt'] },
        ),
      );
    }
  }
  return out;
}

/**
 * Parse a sample batch. Beyond the shape: a re-test by a rapid method (error), a test before the
 * sampling day or a re-test request before notification (errors), a verdict contradicting a
 * numeric limit (warning).
 */
export function parseSampleBatch(input: unknown, options?: ParseOptions): Result<SampleBatch> {
  return parseWithSchema(sampleBatchSchema, input, options, checkSampleBatch);
}

/** A batch fails when any of its (original) results fails. */
export function batchVerdict(batch: Pick<SampleBatch, 'results'>): 'pass' | 'fail' | 'untested' {
  if (batch.results.length === 0) return 'untested';
  return batch.results.some((r) => r.verdict === 'fail') ? 'fail' : 'pass';
}

/** Parse a list of sample batch records (each with `parseSampleBatch`; duplicate ids are errors). */
export function parseSampleBatches(
  input: unknown,
  options: ParseOptions = {},
): Result<SampleBatch[]> {
  return parseList(input, (element, at) => parseSampleBatch(element, { ...options, ...at }), {
    ...options,
    entity: 'sample batch',
  });
}
