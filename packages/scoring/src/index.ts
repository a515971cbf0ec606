export * from './composite/index.js';
export type { Facts } from './facts.js';
export * from './ledger/index.js';
export type { LocalizedText } from './localized-text.js';
export { scoringMessages } from './scoring-messages.js';
export * from './simulation/index.js';
export * from './standard/index.js';
export * from './stats/index.js';
export * from './survey/index.js';
