import { isoWithOffset } from '../chain/iso-time.js';
import type { EpcisJsonEvent } from './epcis-json.js';
import {
  bizTransactionUrn,
  gln13,
  lgtinDigitalLink,
  lgtinUrn,
  pglnUrn,
  sglnUrn,
} from './gs1-keys.js';
import { createTestDataRandom, randomUuidUrn, type TestDataRandom } from './seeded-random.js';

/**
 * The ways a generated sea-cucumber chain can be broken, each violating one rule:
 * - `valid`: the whole chain, every rule holds;
 * - `missing-inspection`: no inspection before warehouse-out (China aquatic-chain profile);
 * - `receipt-without-shipment`: the processor's receipt of the harvest has no shipping event;
 * - `shipment-not-received`: the retailer never records the receipt of the warehouse-out;
 * - `mass-balance-off`: warehouse-out ships more than processing produced;
 * - `over-receipt`: the retailer records receiving 50 kg more than the warehouse-out shipped;
 * - `yield-out-of-range`: processing outputs more kilograms than went in;
 * - `time-reversed`: the retailer receives before the processor shipped;
 * - `event-after-destruction`: a sale is recorded after the retailer destroyed the lot;
 * - `duplicate`: an event repeated with its eventID, another repeated under a new eventID.
 */
export type SeaCucumberVariant =
  | 'valid'
  | 'missing-inspection'
  | 'receipt-without-shipment'
  | 'shipment-not-received'
  | 'mass-balance-off'
  | 'over-receipt'
  | 'yield-out-of-range'
  | 'time-reversed'
  | 'event-after-destruction'
  | 'duplicate';

/** Every variant, in a stable order. */
export const SEA_CUCUMBER_VARIANTS: readonly SeaCucumberVariant[] = [
  'valid',
  'missing-inspection',
  'receipt-without-shipment',
  'shipment-not-received',
  'mass-balance-off',
  'over-receipt',
  'yield-out-of-range',
  'time-reversed',
  'event-after-destruction',
  'duplicate',
];

/** Options of {@link generateSeaCucumberChain}. */
export interface SeaCucumberChainOptions {
  /** Seed of the generator (default 2017). */
  readonly seed?: number;
  /** A generator to draw from instead (core's `createRandom(seed)` fits). */
  readonly random?: TestDataRandom;
  /** Which rule to break (default `valid`). */
  readonly variant?: SeaCucumberVariant;
  /** How many seedling batches, each with its own full chain (default 1). */
  readonly batches?: number;
}

/** The actors of the generated chain (Changhai county, Dalian), with their GS1 keys. */
export const SEA_CUCUMBER_ACTORS = {
  ranch: {
    name: '长海县海洋牧场 Changhai sea ranch',
    prefix: '6921001',
    party: pglnUrn('6921001', 1),
    location: sglnUrn('6921001', 1),
    gln: gln13('6921001', 1),
  },
  processor: {
    name: '长海县海参加工厂 Changhai sea-cucumber plant',
    prefix: '6921002',
    party: pglnUrn('6921002', 1),
    location: sglnUrn('6921002', 1),
    gln: gln13('6921002', 1),
  },
  retailer: {
    name: '大连市放心肉菜示范超市 Dalian demonstration supermarket',
    prefix: '6921003',
    party: pglnUrn('6921003', 1),
    location: sglnUrn('6921003', 1),
    gln: gln13('6921003', 1),
  },
} as const;

/** Product item references (under the ranch's or processor's prefix). */
const SEEDLING_ITEM = 101;
const LIVE_ITEM = 102;
const PROCESSED_ITEM = 201;

/** The extension key carrying the chain step (the `fsk` prefix is declared in the context). */
export const CTE_KEY = 'fsk:cte';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OFFSET = 480; // +08:00, China Standard Time

/** What {@link generateSeaCucumberChain} returns. */
export interface SeaCucumberChain {
  readonly events: EpcisJsonEvent[];
  /** The lots of each batch: seedlings, live (harvested) and processed, in URN form. */
  readonly lots: readonly { seedling: string; live: string; processed: string }[];
}

/**
 * Generate the sea-cucumber chain of Changhai county as EPCIS 2.0 JSON events: seedling release →
 * grow-out → harvest → (shipping/receiving to the plant) → processing → inspection →
 * warehouse-out → (receiving at the retailer) → sale, optionally broken in one way (see
 * {@link SeaCucumberVariant}). Each event carries its step in `fsk:cte`. Deterministic per seed.
 */
export function generateSeaCucumberChain(options: SeaCucumberChainOptions = {}): SeaCucumberChain {
  const random = options.random ?? createTestDataRandom(options.seed ?? 2017);
  const variant = options.variant ?? 'valid';
  const batches = Math.max(1, Math.floor(options.batches ?? 1));
  const events: EpcisJsonEvent[] = [];
  const lots: { seedling: string; live: string; processed: string }[] = [];
  const { ranch, processor, retailer } = SEA_CUCUMBER_ACTORS;
  const at = (ms: number) => ({
    eventTime: isoWithOffset(ms, OFFSET),
    eventTimeZoneOffset: '+08:00',
  });
  const place = (location: string) => ({
    readPoint: { id: location },
    bizLocation: { id: location },
  });

  for (let b = 0; b < batches; b += 1) {
    const t0 = Date.UTC(2024, 3, 10 + b * 3, 1, 0, 0);
    const batchCode = `CH24${String(b + 1).padStart(3, '0')}`;
    const seedling = lgtinUrn(ranch.prefix, SEEDLING_ITEM, `S${batchCode}`);
    const live = lgtinUrn(ranch.prefix, LIVE_ITEM, `H${batchCode}`);
    const liveDl = lgtinDigitalLink(ranch.prefix, LIVE_ITEM, `H${batchCode}`);
    const processed = lgtinUrn(processor.prefix, PROCESSED_ITEM, `P${batchCode}`);
    lots.push({ seedling, live, processed });
    const seedlings = 40_000 + random.int(20_000);
    const harvestKg = 2_000 + random.int(800);
    const yieldFraction = variant === 'yield-out-of-range' ? 1.25 : 0.4 + random.nextFloat() * 0.1;
    const processedKg = Math.round(harvestKg * yieldFraction);
    const shippedKg = variant === 'mass-balance-off' ? processedKg + 400 : processedKg - 20;
    const harvestAt = t0 + 385 * DAY;
    const liveBestBefore = isoWithOffset(harvestAt + 3 * DAY, OFFSET).slice(0, 10);
    const po = bizTransactionUrn(processor.gln, `PO-${batchCode}`);
    const so = bizTransactionUrn(retailer.gln, `PO-${batchCode}`);
    const id = () => randomUuidUrn(random);

    const release: EpcisJsonEvent = {
      type: 'ObjectEvent',
      eventID: id(),
      ...at(t0),
      action: 'ADD',
      bizStep: 'commissioning',
      disposition: 'active',
      quantityList: [{ epcClass: seedling, quantity: seedlings, uom: 'H87' }],
      ...place(ranch.location),
      ilmd: { 'fsk:seedlingSource': 'Changhai hatchery', 'fsk:releaseArea': 'Zhangzi island' },
      [CTE_KEY]: 'seedling-release',
    };
    const growOut = [90, 240].map(
      (day): EpcisJsonEvent => ({
        type: 'ObjectEvent',
        eventID: id(),
        ...at(t0 + day * DAY),
        action: 'OBSERVE',
        bizStep: 'sensor_reporting',
        disposition: 'active',
        quantityList: [{ epcClass: seedling, quantity: seedlings, uom: 'H87' }],
        ...place(ranch.location),
        sensorElementList: [
          {
            sensorReport: [{ type: 'Temperature', value: 8 + random.int(100) / 10, uom: 'CEL' }],
          },
        ],
        [CTE_KEY]: 'grow-out',
      }),
    );
    const harvest: EpcisJsonEvent = {
      type: 'TransformationEvent',
      eventID: id(),
      ...at(harvestAt),
      bizStep: 'commissioning',
      disposition: 'active',
      inputQuantityList: [{ epcClass: seedling, quantity: seedlings, uom: 'H87' }],
      outputQuantityList: [{ epcClass: live, quantity: harvestKg, uom: 'KGM' }],
      ...place(ranch.location),
      ilmd: { 'fsk:harvestDate': isoWithOffset(harvestAt, OFFSET).slice(0, 10) },
      [CTE_KEY]: 'harvest',
    };
    const shipLive: EpcisJsonEvent = {
      type: 'ObjectEvent',
      eventID: id(),
      ...at(harvestAt + 2 * HOUR),
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      quantityList: [{ epcClass: live, quantity: harvestKg, uom: 'KGM' }],
      readPoint: { id: ranch.location },
      bizTransactionList: [{ type: 'po', bizTransaction: po }],
      sourceList: [
        { type: 'owning_party', source: ranch.party },
        { type: 'location', source: ranch.location },
      ],
      destinationList: [
        { type: 'owning_party', destination: processor.party },
        { type: 'location', destination: processor.location },
      ],
      'fsk:inspectionCertificate': `HGZ-${batchCode}`,
      'fsk:bestBeforeDate': liveBestBefore,
      [CTE_KEY]: 'shipping',
    };
    const receiveLive: EpcisJsonEvent = {
      type: 'ObjectEvent',
      eventID: id(),
      ...at(harvestAt + 6 * HOUR),
      action: 'OBSERVE',
      bizStep: 'receiving',
      disposition: 'in_progress',
      // the plant's system writes the lot as a GS1 Digital Link: it must join with the URN
      quantityList: [{ epcClass: liveDl, quantity: harvestKg, uom: 'KGM' }],
      ...place(processor.location),
      bizTransactionList: [{ type: 'po', bizTransaction: po }],
      sourceList: [
        { type: 'owning_party', source: ranch.party },
        { type: 'location', source: ranch.location },
      ],
      destinationList: [
        { type: 'owning_party', destination: processor.party },
        { type: 'location', destination: processor.location },
      ],
      'fsk:bestBeforeDate': liveBestBefore,
      [CTE_KEY]: 'receiving',
    };
    const processAt = harvestAt + DAY;
    const processedBestBefore = isoWithOffset(processAt + 540 * DAY, OFFSET).slice(0, 10);
    const processing: EpcisJsonEvent = {
      type: 'TransformationEvent',
      eventID: id(),
      ...at(processAt),
      bizStep: 'commissioning',
      disposition: 'active',
      inputQuantityList: [{ epcClass: live, quantity: harvestKg, uom: 'KGM' }],
      outputQuantityList: [{ epcClass: processed, quantity: processedKg, uom: 'KGM' }],
      ...place(processor.location),
      ilmd: { 'fsk:bestBeforeDate': processedBestBefore },
      [CTE_KEY]: 'processing',
    };
    const inspection: EpcisJsonEvent = {
      type: 'ObjectEvent',
      eventID: id(),
      ...at(processAt + 4 * HOUR),
      action: 'OBSERVE',
      bizStep: 'inspecting',
      disposition: 'conformant',
      quantityList: [{ epcClass: processed, quantity: processedKg, uom: 'KGM' }],
      ...place(processor.location),
      'fsk:inspectionCertificate': `JY-${batchCode}`,
      [CTE_KEY]: 'inspection',
    };
    const shipAt = processAt + 2 * DAY;
    const warehouseOut: EpcisJsonEvent = {
      type: 'ObjectEvent',
      eventID: id(),
      ...at(shipAt),
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      quantityList: [{ epcClass: processed, quantity: shippedKg, uom: 'KGM' }],
      readPoint: { id: processor.location },
      bizTransactionList: [{ type: 'po', bizTransaction: so }],
      sourceList: [
        { type: 'owning_party', source: processor.party },
        { type: 'location', source: processor.location },
      ],
      destinationList: [
        { type: 'owning_party', destination: retailer.party },
        { type: 'location', destination: retailer.location },
      ],
      'fsk:inspectionCertificate': `JY-${batchCode}`,
      'fsk:bestBeforeDate': processedBestBefore,
      [CTE_KEY]: 'warehouse-out',
    };
    const receiveAt = variant === 'time-reversed' ? shipAt - 5 * HOUR : shipAt + 9 * HOUR;
    const receiveRetail: EpcisJsonEvent = {
      type: 'ObjectEvent',
      eventID: id(),
      ...at(receiveAt),
      action: 'OBSERVE',
      bizStep: 'receiving',
      disposition: 'in_progress',
      quantityList: [
        {
          epcClass: processed,
          quantity: variant === 'over-receipt' ? shippedKg + 50 : shippedKg,
          uom: 'KGM',
        },
      ],
      ...place(retailer.location),
      bizTransactionList: [{ type: 'po', bizTransaction: so }],
      sourceList: [
        { type: 'owning_party', source: processor.party },
        { type: 'location', source: processor.location },
      ],
      destinationList: [
        { type: 'owning_party', destination: retailer.party },
        { type: 'location', destination: retailer.location },
      ],
      'fsk:bestBeforeDate': processedBestBefore,
      [CTE_KEY]: 'receiving',
    };
    const sale = (k: number): EpcisJsonEvent => ({
      type: 'ObjectEvent',
      eventID: id(),
      ...at(shipAt + DAY + k * 3 * HOUR),
      action: 'OBSERVE',
      bizStep: 'retail_selling',
      disposition: 'retail_sold',
      quantityList: [{ epcClass: processed, quantity: 5 + k, uom: 'KGM' }],
      ...place(retailer.location),
      [CTE_KEY]: 'sale',
    });
    const sales = [sale(0), sale(1), sale(2)];

    const chain: EpcisJsonEvent[] = [release, ...growOut, harvest];
    if (variant !== 'receipt-without-shipment') chain.push(shipLive);
    chain.push(receiveLive, processing);
    if (variant !== 'missing-inspection') chain.push(inspection);
    chain.push(warehouseOut);
    if (variant !== 'shipment-not-received') chain.push(receiveRetail);
    chain.push(...sales);
    if (variant === 'event-after-destruction') {
      const destroyAt = shipAt + DAY + 4 * HOUR;
      chain.splice(chain.length - 1, 0, {
        type: 'ObjectEvent',
        eventID: id(),
        ...at(destroyAt),
        action: 'OBSERVE',
        bizStep: 'destroying',
        disposition: 'destroyed',
        // no quantity: the whole lot at the retailer (a part destroyed only lowers the balance)
        quantityList: [{ epcClass: processed }],
        ...place(retailer.location),
        [CTE_KEY]: 'destruction',
      });
    }
    if (variant === 'duplicate') {
      chain.push(inspection);
      chain.push({ ...(sales[0] as EpcisJsonEvent), eventID: id() });
    }
    events.push(...chain);
  }
  return { events, lots };
}
