/**
 * Where a packing or unpacking of a container goes that happened at the very instant of a
 * transfer (a date without a time of day, say): the one rule the chain checks and the recall
 * scope both order such events by.
 */

/**
 * Whether the packing or unpacking comes before the transfer. One at the receiver's place
 * (`atReceiver`: the receipt's place, or a destination of the shipment) comes after it (received,
 * then unpacked or packed again), one anywhere else before it (packed or unpacked, then shipped).
 * Without a place (`atReceiver` undefined), a packing comes first, an unpacking before a shipment
 * but after a receipt.
 */
export function stepBeforeTransfer(
  atReceiver: boolean | undefined,
  packs: boolean,
  receipt: boolean,
): boolean {
  if (atReceiver !== undefined) return !atReceiver;
  return packs || !receipt;
}
