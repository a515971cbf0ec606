export * from './epcis-event.js';
