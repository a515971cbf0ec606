import { z } from 'zod';

/**
 * A record identifier: 1–128 characters without leading or trailing white space. Identifiers are
 * opaque; the library only compares them.
 */
export const idSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^\S(?:.*\S)?$/)
  .meta({ title: 'Identifier', description: 'An opaque identifier without surrounding spaces.' });

/** A record identifier. */
export type Id = z.infer<typeof idSchema>;

/** A human-readable name (1–200 characters). */
export const nameSchema = z.string().min(1).max(200);
