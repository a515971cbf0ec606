export * from './composite/index.js';
export * from './ledger/index.js';
export * from './simulation/index.js';
export * from './standard/index.js';
export * from './survey/index.js';
