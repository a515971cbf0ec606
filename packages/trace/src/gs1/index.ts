export * from './canonical-gs1-uri.js';
export { GS1_CSET_39, GS1_CSET_82, inGs1Cset39, inGs1Cset82 } from './character-set.js';
export * from './check-digit.js';
export { GS1_CANONICAL_DOMAIN, parseDigitalLink, toDigitalLink } from './digital-link.js';
export * from './epc-uri.js';
export * from './gs1-identifier.js';
export * from './percent-encoding.js';
