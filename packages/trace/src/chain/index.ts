export { basicCanonicalId, type CanonicalIdFn } from './canonical-id.js';
export type {
  ChainCheck,
  ChainCheckOptions,
  MasterData,
  YieldRange,
} from './chain-checker.js';
export { type ChainCode, chainMessages } from './chain-messages.js';
export { canonicalEventJson, eventContentHash } from './content-hash.js';
export { bareBizStep, bareDisposition, type EventKind } from './event-kind.js';
export {
  buildLotGraph,
  type EventObject,
  type EventSummary,
  type EventsInput,
  type LotGraph,
  type LotGraphOptions,
  type ObjectField,
  type TransferParty,
} from './lot-graph.js';
export {
  type DiagramOptions,
  lotGraphToDot,
  lotGraphToMermaid,
  shortLotLabel,
} from './lot-graph-diagram.js';
export {
  type RecallContact,
  type RecallMovement,
  type RecallScope,
  recallScope,
} from './recall-scope.js';
export { createTraceIndex, type TraceIndex, type TraceIndexOptions } from './trace-index.js';
export {
  type TracedLot,
  type TraceOptions,
  type TraceResult,
  traceBack,
  traceForward,
} from './trace-lot.js';
export {
  type QuantityDimension,
  REC20_UNITS,
  toBaseQuantity,
  type UnitDefinition,
  type UnitTable,
} from './units.js';
export { isLotGraph, validateChain } from './validate-chain.js';
