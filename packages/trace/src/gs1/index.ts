export * from './canonical-gs1-uri.js';
export * from './check-digit.js';
export * from './digital-link.js';
export * from './epc-uri.js';
export * from './gs1-identifier.js';
export * from './percent-encoding.js';
