export * from './chain/index.js';
export * from './epcis/index.js';
export * from './gs1/index.js';
export { optionMessages } from './option-messages.js';
export type { OptionProblem } from './option-reader.js';
export * from './profiles/index.js';
export * from './testdata/index.js';
