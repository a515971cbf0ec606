import { z } from 'zod';
import { isoDateOrDateTimeSchema } from './iso-date.js';

/** The kinds of evidence attached to a closure, a task or a case. */
export const EVIDENCE_KINDS = ['photo', 'video', 'document', 'record', 'link'] as const;

/**
 * A piece of evidence: a photo, video, document, record or link, referenced by an identifier or
 * URI (the library stores no files).
 */
export const evidenceSchema = z
  .strictObject({
    kind: z.enum(EVIDENCE_KINDS),
    /** A file identifier or URI. */
    ref: z.string().min(1).max(2000),
    description: z.string().max(2000).optional(),
    capturedAt: isoDateOrDateTimeSchema.optional(),
  })
  .meta({
    id: 'Evidence',
    title: 'Evidence',
    description: 'A reference to a photo, video, document, record or link.',
  });

/** A piece of evidence. */
export type Evidence = z.infer<typeof evidenceSchema>;
