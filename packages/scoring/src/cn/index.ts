export {
  CN_NATIONAL_THRESHOLDS,
  CN_PROVINCIAL_THRESHOLDS,
  CN_STANDARD_CONFIDENCE,
  CN_VETO_ITEMS,
  type CnStandardOptions,
  type CnThresholds,
  cnStandard,
} from './cn-standard.js';
export { scoringCn } from './scoring-cn-plugin.js';
