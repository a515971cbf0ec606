export { normalQuantile } from './normal-quantile.js';
