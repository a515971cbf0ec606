import { createDiagnostic, type Diagnostic, type Result } from '@foodsafety/core';
import { z } from 'zod';
import { idSchema, nameSchema } from './identifier.js';
import {
  compareMoments,
  type IsoDateOrDateTime,
  isoDateSchema,
  requireMoment,
} from './iso-date.js';
import { modelMessages } from './model-messages.js';
import { parseList } from './parse-list.js';
import { type ParseOptions, parseWithSchema } from './parse-with-schema.js';

/** A training session a coordinator attended. */
export const trainingRecordSchema = z.strictObject({
  date: isoDateSchema,
  topic: z.string().min(1).max(500),
  /** Class hours. */
  hours: z.number().positive().max(1000).optional(),
  mode: z.enum(['online', 'offline']).optional(),
});

/** An exam a coordinator sat (coordinators are trained and examined online). */
export const examRecordSchema = z.strictObject({
  date: isoDateSchema,
  score: z.number().min(0).max(10_000),
  /** The maximum score; 100 when absent. */
  maxScore: z.number().positive().max(10_000).optional(),
  /** The pass mark, when known; used to check `passed`. */
  passMark: z.number().min(0).max(10_000).optional(),
  passed: z.boolean(),
});

/**
 * A food-safety coordinator (食品安全协管员): a grass-roots volunteer or staff member attached to a
 * street or community, trained and examined.
 */
export const coordinatorSchema = z
  .strictObject({
    id: idSchema,
    name: nameSchema,
    /** The street or community served. */
    jurisdictionCode: z.string().regex(/^\d{6,12}$/),
    appointedOn: isoDateSchema.optional(),
    trainings: z.array(trainingRecordSchema),
    exams: z.array(examRecordSchema),
  })
  .meta({
    id: 'Coordinator',
    title: 'Coordinator',
    description: 'A food-safety coordinator (协管员) with training and exam records.',
  });

/** A training record. */
export type TrainingRecord = z.infer<typeof trainingRecordSchema>;
/** An exam record. */
export type ExamRecord = z.infer<typeof examRecordSchema>;
/** A food-safety coordinator (协管员). */
export type Coordinator = z.infer<typeof coordinatorSchema>;

function checkCoordinator(c: Coordinator): Diagnostic[] {
  const out: Diagnostic[] = [];
  c.exams.forEach((exam, i) => {
    const maxScore = exam.maxScore ?? 100;
    if (exam.score > maxScore) {
      out.push(
        createDiagnostic(
          modelMessages.MODEL_EXAM_SCORE_ABOVE_MAX,
          { score: exam.score, maxScore },
          { path: ['exams', i, 'score'] },
        ),
      );
    }
    if (exam.passMark !== undefined && exam.score >= exam.passMark !== exam.passed) {
      out.push(
        createDiagnostic(
          modelMessages.MODEL_EXAM_PASS_INCONSISTENT,
          { score: exam.score, passMark: exam.passMark, passed: exam.passed },
          { path: ['exams', i, 'passed'] },
        ),
      );
    }
  });
  return out;
}

/**
 * Parse a coordinator. Errors: an exam score above its maximum; warnings: `passed` contradicting
 * the score and pass mark.
 */
export function parseCoordinator(input: unknown, options?: ParseOptions): Result<Coordinator> {
  return parseWithSchema(coordinatorSchema, input, options, checkCoordinator);
}

/** Whether the coordinator has passed at least one exam on or before `asOf` (a date). */
export function hasPassedExam(coordinator: Coordinator, asOf: IsoDateOrDateTime): boolean {
  requireMoment(asOf, 'asOf');
  return coordinator.exams.some((e) => e.passed && compareMoments(e.date, asOf) <= 0);
}

/** Parse a list of coordinator records (each with `parseCoordinator`; duplicate ids are errors). */
export function parseCoordinators(
  input: unknown,
  options: ParseOptions = {},
): Result<Coordinator[]> {
  return parseList(input, (element, at) => parseCoordinator(element, { ...options, ...at }), {
    ...options,
    entity: 'coordinator',
  });
}
