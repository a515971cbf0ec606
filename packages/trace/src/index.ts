export * from './chain/index.js';
export * from './epcis/index.js';
export * from './gs1/index.js';
export * from './profiles/index.js';
export * from './testdata/index.js';
