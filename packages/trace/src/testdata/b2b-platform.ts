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

/** Options of {@link generatePlatformEvents}. */
export interface PlatformOptions {
  /** Seed of the generator (default 480). */
  readonly seed?: number;
  /** A generator to draw from instead (core's `createRandom(seed)` fits). */
  readonly random?: TestDataRandom;
  /** Total number of events emitted (default 480 000). */
  readonly events?: number;
  /** Number of suppliers: farm cooperatives and processors (default 2 000). */
  readonly suppliers?: number;
  /** Share of suppliers that are processors, buying and transforming (default 0.05). */
  readonly processorShare?: number;
  /** Number of buyers: restaurants, supermarkets, wet-market stalls (default 10 000). */
  readonly buyers?: number;
  /** Epoch milliseconds of the first event (default 2017-01-01T00:00+08:00). */
  readonly start?: number;
  /** Mean minutes between two events (default 1). */
  readonly meanGapMinutes?: number;
  /**
   * Share of receipts that write the lot as a GS1 Digital Link instead of an EPC class URN
   * (default 0.5): the same lot written two ways, which canonicalisation must join.
   */
  readonly digitalLinkShare?: number;
}

interface Party {
  readonly prefix: string;
  readonly party: string;
  readonly location: string;
  readonly gln: string;
  readonly processor: boolean;
  /** Stock entries held here (indices into the stock table); processors only. */
  readonly inventory: number[];
}

interface Stock {
  readonly prefix: string;
  readonly item: number;
  readonly lot: string;
  holder: number;
  remaining: number;
}

interface PendingReceipt {
  readonly time: number;
  readonly seq: number;
  readonly stock: number;
  readonly from: number;
  readonly to: number;
  readonly quantity: number;
  readonly po: string;
}

const OFFSET = 480;
const TZ = '+08:00';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A binary min-heap of pending receipts ordered by time, then sequence number. */
class ReceiptHeap {
  readonly items: PendingReceipt[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): PendingReceipt | undefined {
    return this.items[0];
  }
  private less(a: PendingReceipt, b: PendingReceipt): boolean {
    return a.time < b.time || (a.time === b.time && a.seq < b.seq);
  }
  push(item: PendingReceipt): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(item, items[parent] as PendingReceipt)) break;
      items[i] = items[parent] as PendingReceipt;
      i = parent;
    }
    items[i] = item;
  }
  pop(): PendingReceipt | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= items.length) break;
      const r = l + 1;
      const child =
        r < items.length && this.less(items[r] as PendingReceipt, items[l] as PendingReceipt)
          ? r
          : l;
      if (!this.less(items[child] as PendingReceipt, last)) break;
      items[i] = items[child] as PendingReceipt;
      i = child;
    }
    items[i] = last;
    return top;
  }
}

/**
 * The B2B direct-procurement platform ("dumbbell" traceability): suppliers commission lots,
 * ship them to buyers (restaurants, supermarkets, markets) and to processors, buyers record
 * receipts, processors transform what they received into new lots and ship those on. Emitted
 * lazily, in event-time order, as EPCIS 2.0 JSON events (ObjectEvent commissioning / shipping /
 * receiving, TransformationEvent): 480 000 events from 2 000 suppliers to 10 000 buyers by
 * default. Mass balance holds exactly: nothing is shipped that was not produced or received, and
 * every shipment is received (the generator stops opening shipments near the end).
 * Deterministic per seed.
 */
export function* generatePlatformEvents(
  options: PlatformOptions = {},
): Generator<EpcisJsonEvent, void, undefined> {
  const random = options.random ?? createTestDataRandom(options.seed ?? 480);
  const total = Math.max(0, Math.floor(options.events ?? 480_000));
  const supplierCount = Math.max(2, Math.floor(options.suppliers ?? 2_000));
  const buyerCount = Math.max(1, Math.floor(options.buyers ?? 10_000));
  const processorShare = options.processorShare ?? 0.05;
  const meanGap = (options.meanGapMinutes ?? 1) * MINUTE;
  const dlShare = options.digitalLinkShare ?? 0.5;
  let now = options.start ?? Date.UTC(2016, 11, 31, 16, 0, 0);

  const suppliers: Party[] = [];
  for (let s = 0; s < supplierCount; s += 1) {
    const prefix = String(6_930_000 + s);
    suppliers.push({
      prefix,
      party: pglnUrn(prefix, 0),
      location: sglnUrn(prefix, 1),
      gln: gln13(prefix, 0),
      processor: random.nextFloat() < processorShare,
      inventory: [],
    });
  }
  const processors = suppliers.map((_, i) => i).filter((i) => suppliers[i]?.processor);
  const buyerPrefix = '6970000';
  const buyer = (b: number): { party: string; location: string } => ({
    party: pglnUrn(buyerPrefix, b + 1),
    location: sglnUrn(buyerPrefix, b + 1),
  });

  const stocks: Stock[] = [];
  /** Stock entries at suppliers (not at processors' inventories) that can be shipped. */
  const shippable: number[] = [];
  const pending = new ReceiptHeap();
  let emitted = 0;
  let seq = 0;
  let lotSeq = 0;

  const id = () => randomUuidUrn(random);
  const time = (ms: number) => ({ eventTime: isoWithOffset(ms, OFFSET), eventTimeZoneOffset: TZ });
  const epcClass = (stock: Stock, digitalLink: boolean) =>
    digitalLink
      ? lgtinDigitalLink(stock.prefix, stock.item, stock.lot)
      : lgtinUrn(stock.prefix, stock.item, stock.lot);
  const newLot = (supplier: number, quantity: number): number => {
    const party = suppliers[supplier] as Party;
    lotSeq += 1;
    stocks.push({
      prefix: party.prefix,
      item: 1 + random.int(5),
      lot: `L${lotSeq.toString(36).toUpperCase().padStart(6, '0')}`,
      holder: supplier,
      remaining: quantity,
    });
    const index = stocks.length - 1;
    shippable.push(index);
    return index;
  };
  const sourceDest = (from: Party, to: { party: string; location: string }) => ({
    sourceList: [
      { type: 'owning_party', source: from.party },
      { type: 'location', source: from.location },
    ],
    destinationList: [
      { type: 'owning_party', destination: to.party },
      { type: 'location', destination: to.location },
    ],
  });
  const destinationOf = (to: number) => (to >= 0 ? (suppliers[to] as Party) : buyer(-to - 1));

  while (emitted < total) {
    const gap = -Math.log(1 - random.nextFloat()) * meanGap;
    const next = now + Math.max(1_000, Math.round(gap / 1_000) * 1_000);
    const due = pending.peek();
    const mustFlush = emitted + pending.size >= total;
    if (due !== undefined && (due.time <= next || mustFlush)) {
      pending.pop();
      now = Math.max(now, due.time);
      const stock = stocks[due.stock] as Stock;
      const from = suppliers[due.from] as Party;
      const to = destinationOf(due.to);
      let receivedStock = due.stock;
      if (due.to >= 0) {
        // a processor received: the lot is now in its inventory
        stocks.push({ ...stock, holder: due.to, remaining: due.quantity });
        receivedStock = stocks.length - 1;
        (suppliers[due.to] as Party).inventory.push(receivedStock);
      }
      emitted += 1;
      yield {
        type: 'ObjectEvent',
        eventID: id(),
        ...time(now),
        action: 'OBSERVE',
        bizStep: 'receiving',
        disposition: 'in_progress',
        quantityList: [
          {
            epcClass: epcClass(stock, random.nextFloat() < dlShare),
            quantity: due.quantity,
            uom: 'KGM',
          },
        ],
        readPoint: { id: to.location },
        bizLocation: { id: to.location },
        bizTransactionList: [{ type: 'po', bizTransaction: due.po }],
        ...sourceDest(from, to),
      };
      continue;
    }
    if (mustFlush) break;
    now = next;
    const roll = random.nextFloat();
    // a shipment needs two of the events left (itself and its receipt): with one left, commission
    if (roll < 0.1 || shippable.length < 50 || total - emitted - pending.size < 2) {
      const supplier = random.int(supplierCount);
      const quantity = 200 + random.int(1_800);
      const stock = stocks[newLot(supplier, quantity)] as Stock;
      const party = suppliers[supplier] as Party;
      emitted += 1;
      yield {
        type: 'ObjectEvent',
        eventID: id(),
        ...time(now),
        action: 'ADD',
        bizStep: 'commissioning',
        disposition: 'active',
        quantityList: [{ epcClass: epcClass(stock, false), quantity, uom: 'KGM' }],
        readPoint: { id: party.location },
        bizLocation: { id: party.location },
      };
      continue;
    }
    if (roll < 0.13 && processors.length > 0) {
      const p = processors[random.int(processors.length)] as number;
      const party = suppliers[p] as Party;
      if (party.inventory.length > 0) {
        const take = Math.min(party.inventory.length, 1 + random.int(3));
        const inputs = party.inventory.splice(0, take);
        let sum = 0;
        const inputList = inputs.map((s) => {
          const stock = stocks[s] as Stock;
          const quantity = stock.remaining;
          sum += quantity;
          stock.remaining = 0;
          return { epcClass: epcClass(stock, false), quantity, uom: 'KGM' };
        });
        const outQuantity = Math.max(1, Math.round(sum * (0.55 + random.nextFloat() * 0.3)));
        const out = stocks[newLot(p, outQuantity)] as Stock;
        emitted += 1;
        yield {
          type: 'TransformationEvent',
          eventID: id(),
          ...time(now),
          bizStep: 'commissioning',
          disposition: 'active',
          inputQuantityList: inputList,
          outputQuantityList: [
            { epcClass: epcClass(out, false), quantity: outQuantity, uom: 'KGM' },
          ],
          readPoint: { id: party.location },
          bizLocation: { id: party.location },
        };
        continue;
      }
    }
    // a shipment of part of a lot held by a supplier (or a processor's own output)
    const pick = random.int(shippable.length);
    const stockIndex = shippable[pick] as number;
    const stock = stocks[stockIndex] as Stock;
    const from = suppliers[stock.holder] as Party;
    const quantity = Math.min(stock.remaining, 10 + random.int(190));
    stock.remaining -= quantity;
    if (stock.remaining <= 0) {
      shippable[pick] = shippable[shippable.length - 1] as number;
      shippable.pop();
    }
    let to: number;
    if (processors.length > 0 && random.nextFloat() < 0.12) {
      to = processors[random.int(processors.length)] as number;
      if (to === stock.holder) to = -1 - random.int(buyerCount);
    } else {
      to = -1 - random.int(buyerCount);
    }
    seq += 1;
    const po = bizTransactionUrn(from.gln, `PO${seq.toString(36).toUpperCase()}`);
    pending.push({
      time: now + HOUR + random.int(20) * HOUR,
      seq,
      stock: stockIndex,
      from: stock.holder,
      to,
      quantity,
      po,
    });
    emitted += 1;
    yield {
      type: 'ObjectEvent',
      eventID: id(),
      ...time(now),
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      quantityList: [{ epcClass: epcClass(stock, false), quantity, uom: 'KGM' }],
      readPoint: { id: from.location },
      bizTransactionList: [{ type: 'po', bizTransaction: po }],
      ...sourceDest(from, destinationOf(to)),
    };
  }
}

/** The platform events as JSON Lines rows (one `JSON.stringify` per event, produced lazily). */
export function* generatePlatformJsonLines(
  options: PlatformOptions = {},
): Generator<string, void, undefined> {
  for (const event of generatePlatformEvents(options)) yield JSON.stringify(event);
}
