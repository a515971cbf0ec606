export { CN_AQUATIC_CHAIN_PROFILE } from './aquatic-chain.js';
export { CN_FOOD_SAFETY_LAW_PROFILE } from './food-safety-law.js';
export { traceCn } from './trace-cn.js';
