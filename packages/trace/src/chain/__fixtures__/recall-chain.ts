/**
 * A lot made at a plant and shipped, loose or on pallets and in cases, to a shop: the events of
 * the recall-scope tests (in KGM, on days of May 2025 at +08:00, under orders
 * `urn:example:po:…`), and the identifiers as the scope names them (GS1 Digital Links).
 */

/** The lot of the chain. */
export const LOT = 'urn:epc:class:lgtin:6921002.000201.PCH24001';
/** The lot as a GS1 Digital Link (GTIN 06921002002011, check digit 1). */
export const LOT_LINK = 'https://id.gs1.org/01/06921002002011/10/PCH24001';
/** Another lot of the same product. */
export const OTHER = 'urn:epc:class:lgtin:6921002.000201.OTHER1';
/** Where the lot is made, packed and shipped from. */
export const PLANT = 'urn:epc:id:sgln:6921002.00001.0';
/** The plant's owning party. */
export const PLANT_PARTY = 'urn:epc:id:pgln:6921002.00000';
/** Where the lot is received. */
export const SHOP = 'urn:epc:id:sgln:6921003.00001.0';
/** The shop as a recipient is named (GLN check digit 6). */
export const SHOP_LINK = 'https://id.gs1.org/414/6921003000016';
/** The shop's owning party. */
export const SHOP_PARTY = 'urn:epc:id:pgln:6921003.00001';
/** The shop's party as a recipient is named (PGLN check digit 6). */
export const SHOP_PARTY_LINK = 'https://id.gs1.org/417/6921003000016';
/** A pallet (SSCC 06921002000000026). */
export const PALLET = 'urn:epc:id:sscc:6921002.0000000026';
/** The pallet as the scope names it (check digit 0). */
export const PALLET_LINK = 'https://id.gs1.org/00/069210020000000260';
/** A case (SSCC 06921002000000019). */
export const CASE = 'urn:epc:id:sscc:6921002.0000000019';

/** May `day`, 2025, at `hour` o'clock, +08:00. */
export function on(day: number, hour = 9): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `2025-05-${two(day)}T${two(hour)}:00:00.000+08:00`;
}

/** `quantity` KGM of `lot` made (commissioned) at `place` on May `day` at `hour`. */
export function origin(
  lot: string,
  quantity: number,
  day: number,
  place = PLANT,
  hour = 8,
): Record<string, unknown> {
  return {
    type: 'ObjectEvent',
    action: 'ADD',
    bizStep: 'commissioning',
    eventTime: on(day, hour),
    eventTimeZoneOffset: '+08:00',
    quantityList: [{ epcClass: lot, quantity, uom: 'KGM' }],
    bizLocation: { id: place },
  };
}

/** A packing (ADD) or unpacking (DELETE) of `children` on `parent`, at `place` on May `day`. */
export function aggregate(
  action: 'ADD' | 'DELETE',
  parent: string,
  children: object,
  day: number,
  hour = 8,
  place = PLANT,
): Record<string, unknown> {
  return {
    type: 'AggregationEvent',
    action,
    bizStep: action === 'ADD' ? 'packing' : 'unpacking',
    eventTime: on(day, hour),
    eventTimeZoneOffset: '+08:00',
    parentID: parent,
    ...children,
    bizLocation: { id: place },
  };
}

/** Where a transfer goes: from party `from` at `fromPlace` to party `to` at `toPlace`. */
export interface Route {
  readonly from: string;
  readonly fromPlace: string;
  readonly to: string;
  readonly toPlace: string;
}

/** The route from `from` at `fromPlace` to `to` at `toPlace`. */
export function route(from: string, fromPlace: string, to: string, toPlace: string): Route {
  return { from, fromPlace, to, toPlace };
}

/** From the plant's party at the plant to the shop's party at the shop. */
export const PLANT_TO_SHOP = route(PLANT_PARTY, PLANT, SHOP_PARTY, SHOP);

/** What sets a transfer apart from one from the plant to the shop at 9:00 under order 1. */
export interface TransferOptions {
  /** The hour of its day (9). */
  readonly hour?: number;
  /** Its purchase orders, each written `urn:example:po:…` (['1']). */
  readonly pos?: readonly string[];
  /** Where it goes (PLANT_TO_SHOP). */
  readonly route?: Route;
  /** Whether its source and destination lists name the places beside the parties (true). */
  readonly places?: boolean;
}

/**
 * A shipment (read where the route starts) or receipt (where it ends) of `what` (its epcList or
 * quantityList) on May `day`, under orders `pos`; its source and destination lists name the
 * route's parties and, with `places`, its places.
 */
export function transfer(
  step: 'shipping' | 'receiving',
  what: object,
  day: number,
  {
    hour = 9,
    pos = ['1'],
    route: { from, fromPlace, to, toPlace } = PLANT_TO_SHOP,
    places = true,
  }: TransferOptions = {},
): Record<string, unknown> {
  return {
    type: 'ObjectEvent',
    action: 'OBSERVE',
    bizStep: step,
    eventTime: on(day, hour),
    eventTimeZoneOffset: '+08:00',
    ...what,
    ...(step === 'shipping' ? { readPoint: { id: fromPlace } } : { bizLocation: { id: toPlace } }),
    bizTransactionList: pos.map((po) => ({ type: 'po', bizTransaction: `urn:example:po:${po}` })),
    sourceList: [
      { type: 'owning_party', source: from },
      ...(places ? [{ type: 'location', source: fromPlace }] : []),
    ],
    destinationList: [
      { type: 'owning_party', destination: to },
      ...(places ? [{ type: 'location', destination: toPlace }] : []),
    ],
  };
}
