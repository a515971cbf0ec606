import { z } from 'zod';

/**
 * An amount of money in integer fen (分; 1 yuan = 100 fen), a non-negative safe integer
 * (≤ 2^53 − 1 fen, about 90 trillion yuan). Safe integers rather than bigint strings keep the
 * data plain JSON numbers that every consumer reads; no amount in this domain comes near the
 * limit. Never floating yuan.
 */
export const fenSchema = z
  .number()
  .int()
  .min(0)
  .max(Number.MAX_SAFE_INTEGER)
  .meta({ title: 'Amount in fen', description: 'Integer fen (1 yuan = 100 fen), non-negative.' });

/** An amount in integer fen. */
export type Fen = z.infer<typeof fenSchema>;
