export { formatOffset, isoWithOffset } from '../chain/iso-time.js';
export {
  generatePlatformEvents,
  generatePlatformJsonLines,
  type PlatformOptions,
} from './b2b-platform.js';
export {
  type EpcisDocumentOptions,
  type EpcisJsonEvent,
  TESTDATA_CONTEXT,
  toEpcisDocument,
  toJsonLines,
} from './epcis-json.js';
export {
  bizTransactionUrn,
  gln13,
  gtin14,
  lgtinDigitalLink,
  lgtinUrn,
  pglnUrn,
  sglnUrn,
} from './gs1-keys.js';
export {
  CTE_KEY,
  generateSeaCucumberChain,
  SEA_CUCUMBER_ACTORS,
  SEA_CUCUMBER_VARIANTS,
  type SeaCucumberChain,
  type SeaCucumberChainOptions,
  type SeaCucumberVariant,
} from './sea-cucumber-chain.js';
export { createTestDataRandom, randomUuidUrn, type TestDataRandom } from './seeded-random.js';
