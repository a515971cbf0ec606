import { createDiagnostic, type Diagnostic, type Result } from '@foodsafety/core';
import { z } from 'zod';
import { evidenceSchema } from './evidence.js';
import { fenSchema } from './fen.js';
import { idSchema } from './identifier.js';
import { compareMoments, isoDateSchema } from './iso-date.js';
import { modelMessages } from './model-messages.js';
import { parseList } from './parse-list.js';
import { type ParseOptions, parseWithSchema } from './parse-with-schema.js';

/** Penalties with an amount: a fine (罚款) or confiscation of illegal income (没收违法所得). */
export const monetaryPenaltySchema = z.strictObject({
  kind: z.enum(['fine', 'confiscation-of-income']),
  amountFen: fenSchema,
  decidedOn: isoDateSchema,
});

/**
 * Penalties without an amount: warning (警告), confiscation of goods (没收违法食品), suspension
 * (责令停产停业), licence revocation (吊销许可证), other.
 */
export const nonMonetaryPenaltySchema = z.strictObject({
  kind: z.enum(['warning', 'confiscation-of-goods', 'suspension', 'licence-revocation', 'other']),
  decidedOn: isoDateSchema,
  description: z.string().max(2000).optional(),
});

/** A penalty, discriminated by `kind`; monetary kinds carry an amount in fen. */
export const penaltySchema = z.discriminatedUnion('kind', [
  monetaryPenaltySchema,
  nonMonetaryPenaltySchema,
]);

/**
 * Transfer of a case to the police (行刑衔接: administrative enforcement hands a suspected crime
 * to the public security organs).
 */
export const policeTransferSchema = z.strictObject({
  transferredOn: isoDateSchema,
  /** The receiving public security organ. */
  receivingAuthority: z.string().min(1).max(200),
  status: z.enum(['transferred', 'accepted', 'declined', 'prosecuted', 'closed']),
  /** When the police accepted the case (立案), when they did. */
  acceptedOn: isoDateSchema.optional(),
  policeCaseNumber: z.string().max(100).optional(),
  outcome: z.string().max(2000).optional(),
});

/** An administrative enforcement case (行政处罚案件), from filing (立案) to closing (结案). */
export const enforcementCaseSchema = z
  .strictObject({
    id: idSchema,
    /** The case number as printed (e.g. `大市监处罚〔2017〕12号`). */
    caseNumber: z.string().max(100).optional(),
    operatorId: idSchema.optional(),
    /** Filing date (立案日期). */
    filedOn: isoDateSchema,
    /** The violation (案由). */
    cause: z.string().min(1).max(2000),
    /** The legal basis, e.g. `食品安全法 第一百二十四条`. */
    legalBasis: z.array(z.string().min(1).max(500)).optional(),
    status: z.enum(['filed', 'investigating', 'decided', 'transferred', 'closed']),
    penalties: z.array(penaltySchema),
    transfer: policeTransferSchema.optional(),
    closedOn: isoDateSchema.optional(),
    evidence: z.array(evidenceSchema).optional(),
  })
  .meta({
    id: 'EnforcementCase',
    title: 'Enforcement case',
    description:
      'An administrative case with penalties in fen and any transfer to the police (行刑衔接).',
  });

/** A penalty. */
export type Penalty = z.infer<typeof penaltySchema>;
/** A transfer to the police. */
export type PoliceTransfer = z.infer<typeof policeTransferSchema>;
/** An enforcement case. */
export type EnforcementCase = z.infer<typeof enforcementCaseSchema>;

function notBefore(
  value: string | undefined,
  field: string,
  reference: string,
  referenceValue: string | undefined,
  path: (string | number)[],
): Diagnostic[] {
  if (value === undefined || referenceValue === undefined) return [];
  if (compareMoments(value, referenceValue) >= 0) return [];
  return [
    createDiagnostic(
      modelMessages.MODEL_DATE_ORDER,
      { field, value, reference, referenceValue },
      { path },
    ),
  ];
}

function checkCase(c: EnforcementCase): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (c.status === 'transferred' && c.transfer === undefined) {
    out.push(
      createDiagnostic(modelMessages.MODEL_CASE_TRANSFER_MISSING, {}, { path: ['transfer'] }),
    );
  }
  out.push(...notBefore(c.closedOn, 'closedOn', 'filedOn', c.filedOn, ['closedOn']));
  c.penalties.forEach((p, i) => {
    out.push(
      ...notBefore(p.decidedOn, 'decidedOn', 'filedOn', c.filedOn, ['penalties', i, 'decidedOn']),
    );
  });
  if (c.transfer !== undefined) {
    const t = c.transfer;
    out.push(
      ...notBefore(t.transferredOn, 'transferredOn', 'filedOn', c.filedOn, [
        'transfer',
        'transferredOn',
      ]),
      ...notBefore(t.acceptedOn, 'acceptedOn', 'transferredOn', t.transferredOn, [
        'transfer',
        'acceptedOn',
      ]),
    );
  }
  return out;
}

/**
 * Parse an enforcement case. Beyond the shape: status `transferred` needs a transfer record; no
 * penalty, transfer or closing before filing; no police acceptance before the transfer.
 */
export function parseEnforcementCase(
  input: unknown,
  options?: ParseOptions,
): Result<EnforcementCase> {
  return parseWithSchema(enforcementCaseSchema, input, options, checkCase);
}

/** The total of the monetary penalties of a case, in fen. */
export function totalPenaltyFen(c: Pick<EnforcementCase, 'penalties'>): number {
  let total = 0;
  for (const p of c.penalties)
    if (p.kind === 'fine' || p.kind === 'confiscation-of-income') total += p.amountFen;
  return total;
}

/** Parse a list of enforcement case records (each with `parseEnforcementCase`; duplicate ids are errors). */
export function parseEnforcementCases(
  input: unknown,
  options: ParseOptions = {},
): Result<EnforcementCase[]> {
  return parseList(input, (element, at) => parseEnforcementCase(element, { ...options, ...at }), {
    ...options,
    entity: 'enforcement case',
  });
}
