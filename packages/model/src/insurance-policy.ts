import { createDiagnostic, type Diagnostic, type Result } from '@foodsafety/core';
import { z } from 'zod';
import { fenSchema } from './fen.js';
import { idSchema } from './identifier.js';
import { compareMoments, isoDateOrDateTimeSchema, isoDateSchema } from './iso-date.js';
import { modelMessages } from './model-messages.js';
import { parseList } from './parse-list.js';
import { type ParseOptions, parseWithSchema } from './parse-with-schema.js';

/** Limits of liability in fen: per person (with a medical sub-limit), per incident, aggregate. */
export const insuranceLimitsSchema = z.strictObject({
  perPersonFen: fenSchema,
  /** Medical-expense sub-limit per person (医疗费用限额). */
  perPersonMedicalFen: fenSchema.optional(),
  perIncidentFen: fenSchema,
  aggregateFen: fenSchema,
});

/**
 * A deductible (免赔额): the larger of a fixed amount and a rate of the loss, applied per incident
 * or per person, to all losses or to medical expenses only. Rates are in basis points (500 = 5 %).
 */
export const deductibleSchema = z.strictObject({
  amountFen: fenSchema,
  rateBasisPoints: z.number().int().min(0).max(10_000).optional(),
  scope: z.enum(['per-incident', 'per-person']),
  appliesTo: z.enum(['all', 'medical']),
});

/**
 * A food-safety liability insurance policy (食品安全责任保险). Shapes only: premiums and claim
 * settlement are computed by the insurance package.
 */
export const insurancePolicySchema = z
  .strictObject({
    id: idSchema,
    policyNumber: z.string().max(100).optional(),
    insuredOperatorId: idSchema,
    insurer: z.string().min(1).max(200),
    period: z.strictObject({ from: isoDateSchema, to: isoDateSchema }),
    limits: insuranceLimitsSchema,
    deductible: deductibleSchema.optional(),
    premiumFen: fenSchema,
  })
  .meta({
    id: 'InsurancePolicy',
    title: 'Insurance policy',
    description: 'A food-safety liability insurance policy; amounts in integer fen.',
  });

/** A claim on a policy. */
export const insuranceClaimSchema = z
  .strictObject({
    id: idSchema,
    policyId: idSchema,
    incidentOn: isoDateOrDateTimeSchema,
    reportedOn: isoDateOrDateTimeSchema,
    /** People harmed. */
    victims: z.number().int().min(0).max(1_000_000).optional(),
    claimedFen: fenSchema,
    status: z.enum(['reported', 'under-review', 'agreed', 'paid', 'rejected', 'withdrawn']),
    agreedFen: fenSchema.optional(),
    paidFen: fenSchema.optional(),
    paidOn: isoDateSchema.optional(),
  })
  .meta({
    id: 'InsuranceClaim',
    title: 'Insurance claim',
    description: 'A claim on a food-safety liability policy; amounts in integer fen.',
  });

/** Liability limits. */
export type InsuranceLimits = z.infer<typeof insuranceLimitsSchema>;
/** A deductible. */
export type Deductible = z.infer<typeof deductibleSchema>;
/** An insurance policy. */
export type InsurancePolicy = z.infer<typeof insurancePolicySchema>;
/** An insurance claim. */
export type InsuranceClaim = z.infer<typeof insuranceClaimSchema>;

function dateOrder(
  value: string,
  field: string,
  referenceValue: string,
  reference: string,
  path: (string | number)[],
): Diagnostic[] {
  return compareMoments(value, referenceValue) >= 0
    ? []
    : [
        createDiagnostic(
          modelMessages.MODEL_DATE_ORDER,
          { field, value, reference, referenceValue },
          { path },
        ),
      ];
}

function limitOrder(
  smaller: string,
  smallerFen: number | undefined,
  larger: string,
  largerFen: number,
  path: (string | number)[],
): Diagnostic[] {
  return smallerFen === undefined || smallerFen <= largerFen
    ? []
    : [
        createDiagnostic(
          modelMessages.MODEL_INSURANCE_LIMIT_ORDER,
          { smaller, smallerFen, larger, largerFen },
          { path },
        ),
      ];
}

function checkPolicy(p: InsurancePolicy): Diagnostic[] {
  const l = p.limits;
  return [
    ...dateOrder(p.period.to, 'period.to', p.period.from, 'period.from', ['period', 'to']),
    ...limitOrder('perPersonMedicalFen', l.perPersonMedicalFen, 'perPersonFen', l.perPersonFen, [
      'limits',
      'perPersonMedicalFen',
    ]),
    ...limitOrder('perPersonFen', l.perPersonFen, 'perIncidentFen', l.perIncidentFen, [
      'limits',
      'perPersonFen',
    ]),
    ...limitOrder('perIncidentFen', l.perIncidentFen, 'aggregateFen', l.aggregateFen, [
      'limits',
      'perIncidentFen',
    ]),
  ];
}

/**
 * Parse a policy. Beyond the shape: the period must not end before it starts (error); limits
 * should nest (medical ≤ per person ≤ per incident ≤ aggregate; warnings).
 */
export function parseInsurancePolicy(
  input: unknown,
  options?: ParseOptions,
): Result<InsurancePolicy> {
  return parseWithSchema(insurancePolicySchema, input, options, checkPolicy);
}

function checkClaim(c: InsuranceClaim): Diagnostic[] {
  return [
    ...dateOrder(c.reportedOn, 'reportedOn', c.incidentOn, 'incidentOn', ['reportedOn']),
    ...(c.paidOn === undefined
      ? []
      : dateOrder(c.paidOn, 'paidOn', c.reportedOn, 'reportedOn', ['paidOn'])),
  ];
}

/** Parse a claim. Beyond the shape: no report before the incident, no payment before the report. */
export function parseInsuranceClaim(
  input: unknown,
  options?: ParseOptions,
): Result<InsuranceClaim> {
  return parseWithSchema(insuranceClaimSchema, input, options, checkClaim);
}

/** Parse a list of insurance policy records (each with `parseInsurancePolicy`; duplicate ids are errors). */
export function parseInsurancePolicies(
  input: unknown,
  options: ParseOptions = {},
): Result<InsurancePolicy[]> {
  return parseList(input, (element, at) => parseInsurancePolicy(element, { ...options, ...at }), {
    ...options,
    entity: 'insurance policy',
  });
}

/** Parse a list of insurance claim records (each with `parseInsuranceClaim`; duplicate ids are errors). */
export function parseInsuranceClaims(
  input: unknown,
  options: ParseOptions = {},
): Result<InsuranceClaim[]> {
  return parseList(input, (element, at) => parseInsuranceClaim(element, { ...options, ...at }), {
    ...options,
    entity: 'insurance claim',
  });
}
