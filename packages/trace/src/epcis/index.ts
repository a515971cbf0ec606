export * from './epcis-event.js';
export * from './event-hash.js';
export * from './trace-messages.js';
