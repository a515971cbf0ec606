import { z } from 'zod';
import { businessOperatorSchema } from './business-operator.js';
import { coordinatorSchema } from './coordinator.js';
import { creationTaskSchema } from './creation-task.js';
import { departmentSchema } from './department.js';
import { enforcementCaseSchema } from './enforcement-case.js';
import { inspectionSchema } from './inspection.js';
import { insuranceClaimSchema, insurancePolicySchema } from './insurance-policy.js';
import { jurisdictionSchema } from './jurisdiction.js';
import { jurisdictionListSchema } from './jurisdiction-tree.js';
import { licenceSchema } from './licence.js';
import { rectificationLedgerSchema } from './rectification-ledger.js';
import { sampleBatchSchema } from './sample.js';

/**
 * Every public entity schema, by the file name of its JSON Schema (`schema/<name>.json` in this
 * package).
 */
export const entitySchemas = {
  jurisdiction: jurisdictionSchema,
  'jurisdiction-list': jurisdictionListSchema,
  department: departmentSchema,
  coordinator: coordinatorSchema,
  'business-operator': businessOperatorSchema,
  licence: licenceSchema,
  inspection: inspectionSchema,
  'rectification-ledger': rectificationLedgerSchema,
  'sample-batch': sampleBatchSchema,
  'enforcement-case': enforcementCaseSchema,
  'insurance-policy': insurancePolicySchema,
  'insurance-claim': insuranceClaimSchema,
  'creation-task': creationTaskSchema,
} as const;

/** The name of an entity schema. */
export type EntitySchemaName = keyof typeof entitySchemas;

/**
 * The JSON Schema (draft 2020-12) of an entity, generated with zod 4's `z.toJSONSchema` for the
 * *input* side (fields with defaults, such as operator flags, are optional). Cross-field rules
 * (dates in order, licence type digit, ledger transitions) are not expressible in JSON Schema;
 * only `parseX` checks them.
 */
export function entityJsonSchema(name: EntitySchemaName): Record<string, unknown> {
  return z.toJSONSchema(entitySchemas[name], {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'throw',
  }) as Record<string, unknown>;
}

/** The names of every entity schema, sorted. */
export function entitySchemaNames(): EntitySchemaName[] {
  return (Object.keys(entitySchemas) as EntitySchemaName[]).sort();
}
