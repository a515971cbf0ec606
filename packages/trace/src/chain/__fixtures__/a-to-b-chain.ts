/**
 * A lot made at A, shipped from A to B and received at B: the ObjectEvents of the tests' chains
 * (one lot, in KGM, under one purchase order). An eventID is written only when given.
 */

/** The lot of the chain. */
export const LOT = 'urn:epc:class:lgtin:6921001.000102.A1';
/** Where the lot is made and shipped from. */
export const A = 'urn:epc:id:sgln:6921001.00001.0';
/** Where the lot is shipped to and received. */
export const B = 'urn:epc:id:sgln:6921002.00001.0';
/** The purchase order the shipment and the receipt name. */
export const PO1 = 'urn:epcglobal:cbv:bt:6921001000018:PO1';
/** The validators' `now`, after every event of the tests. */
export const NOW = '2030-01-01T00:00:00Z';

/** An ObjectEvent (OBSERVE, at +08:00) with `partial`'s members. */
export function objectEvent(partial: Record<string, unknown>): Record<string, unknown> {
  return { type: 'ObjectEvent', action: 'OBSERVE', eventTimeZoneOffset: '+08:00', ...partial };
}

const withId = (eventID: string | undefined) => (eventID === undefined ? {} : { eventID });

/** `quantity` KGM of the lot made (commissioned) at A at `eventTime`. */
export function origin(
  eventTime: string,
  quantity = 100,
  eventID?: string,
): Record<string, unknown> {
  return objectEvent({
    ...withId(eventID),
    action: 'ADD',
    bizStep: 'commissioning',
    eventTime,
    quantityList: [{ epcClass: LOT, quantity, uom: 'KGM' }],
    bizLocation: { id: A },
  });
}

/** `quantity` KGM of the lot moved from A to B under PO1 (`place`: where it was recorded). */
function transfer(
  bizStep: 'shipping' | 'receiving',
  place: Record<string, unknown>,
  eventTime: string,
  quantity: number,
  eventID: string | undefined,
): Record<string, unknown> {
  return objectEvent({
    ...withId(eventID),
    bizStep,
    eventTime,
    quantityList: [{ epcClass: LOT, quantity, uom: 'KGM' }],
    ...place,
    bizTransactionList: [{ type: 'po', bizTransaction: PO1 }],
    sourceList: [{ type: 'location', source: A }],
    destinationList: [{ type: 'location', destination: B }],
  });
}

/** `quantity` KGM of the lot shipped from A to B at `eventTime`. */
export function ship(eventTime: string, quantity = 100, eventID?: string): Record<string, unknown> {
  return transfer('shipping', { readPoint: { id: A } }, eventTime, quantity, eventID);
}

/** `quantity` KGM of the lot received at B, from A, at `eventTime`. */
export function receive(
  eventTime: string,
  quantity = 100,
  eventID?: string,
): Record<string, unknown> {
  return transfer('receiving', { bizLocation: { id: B } }, eventTime, quantity, eventID);
}
