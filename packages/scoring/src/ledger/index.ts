export {
  type AssignmentRole,
  type CreationTask,
  isCompletedAsOf,
  type TaskAssignment,
  type TaskEvidence,
  type TaskLedger,
  type TaskStatus,
  type UnitKind,
} from './creation-task.js';
export { type TaskShareFacts, taskShareFacts } from './task-share-facts.js';
