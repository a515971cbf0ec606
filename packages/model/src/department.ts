import type { Result } from '@foodsafety/core';
import { z } from 'zod';
import { idSchema, nameSchema } from './identifier.js';
import { parseList } from './parse-list.js';
import { type ParseOptions, parseWithSchema } from './parse-with-schema.js';

/**
 * A government department (委办局) that takes tasks in the creation plan or in supervision, for
 * example the market supervision bureau (市场监督管理局) or the education bureau (教育局).
 */
export const departmentSchema = z
  .strictObject({
    id: idSchema,
    /** The official name, usually in Chinese (大连市市场监督管理局). */
    name: nameSchema,
    /** A short or English name for reports. */
    shortName: nameSchema.optional(),
    /** The division whose government it belongs to (a city department: the city's code). */
    jurisdictionCode: z
      .string()
      .regex(/^\d{6,12}$/)
      .optional(),
  })
  .meta({
    id: 'Department',
    title: 'Department',
    description: 'A government department (委办局).',
  });

/** A government department (委办局). */
export type Department = z.infer<typeof departmentSchema>;

/** Parse a department. */
export function parseDepartment(input: unknown, options?: ParseOptions): Result<Department> {
  return parseWithSchema(departmentSchema, input, options);
}

/** Parse a list of department records (each with `parseDepartment`; duplicate ids are errors). */
export function parseDepartments(input: unknown, options: ParseOptions = {}): Result<Department[]> {
  return parseList(input, (element, at) => parseDepartment(element, { ...options, ...at }), {
    ...options,
    entity: 'department',
  });
}
