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

/** How a checked-in JSON Schema file differs from what the schemas generate. */
export interface SchemaFileChange {
  readonly file: string;
  readonly change: 'missing' | 'stale' | 'extra';
  /** The text to write (absent for `extra` files, which should be removed). */
  readonly text?: string;
}

/** The text of every generated file, by file name (`business-operator.json`), stably formatted. */
export function generatedSchemaFiles(): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of entitySchemaNames()) {
    out.set(`${name}.json`, `${JSON.stringify(entityJsonSchema(name), null, 2)}\n`);
  }
  return out;
}

/**
 * Compare checked-in files (name → text) with the generated ones: missing, stale and extra files,
 * sorted by name. Empty when the checked-in schemas are current. Pure; the script does the I/O.
 */
export function schemaFileChanges(current: ReadonlyMap<string, string>): SchemaFileChange[] {
  const changes: SchemaFileChange[] = [];
  for (const [file, text] of generatedSchemaFiles()) {
    const present = current.get(file);
    if (present === undefined) changes.push({ file, change: 'missing', text });
    else if (present !== text) changes.push({ file, change: 'stale', text });
  }
  for (const file of current.keys()) {
    if (!file.endsWith('.json')) continue;
    if (!changes.some((c) => c.file === file) && !generatedSchemaFiles().has(file)) {
      changes.push({ file, change: 'extra' });
    }
  }
  return changes.sort((a, b) => a.file.localeCompare(b.file));
}
