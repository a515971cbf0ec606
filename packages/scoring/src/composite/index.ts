export {
  type AggregationMethod,
  computeIndex,
  type IndexMethod,
  type IndexResult,
  type NodeScores,
  type Normalisation,
  type UnitData,
} from './compute-index.js';
export {
  type FrameworkRow,
  type IndexFramework,
  isIndexFramework,
  parseIndexFramework,
} from './index-framework.js';
