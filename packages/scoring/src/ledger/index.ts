export {
  type AssessmentRound,
  type AssessmentRoundInput,
  type AssessmentSeries,
  type AssessmentSeriesOptions,
  assessmentSeries,
  bimonthlyRoundDates,
  ledgerRounds,
  type RoundEntry,
  type UnitTrend,
} from './assessment-series.js';
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
export { ledgerFromModelTasks } from './ledger-from-model.js';
export { minRank } from './min-rank.js';
export { parseTaskLedger, taskLedgerSchema } from './parse-task-ledger.js';
export {
  type TaskRates,
  type TaskRatesOptions,
  taskRates,
  type UnitTaskRates,
} from './task-rates.js';
export { type TaskShareFacts, taskShareFacts } from './task-share-facts.js';
