/**
 * Selectors (see `selectValues`) of the EPCIS members that KDE tables name again and again: the
 * lots and quantities of each "what" list, and the place of an event. A lot or quantity is read
 * from the quantity element or, failing that, from the instance identifiers. Compose them with
 * spreads in a profile, e.g. `[...EPCIS_SELECTORS.lots, ...EPCIS_SELECTORS.childLots]`.
 */
export const EPCIS_SELECTORS = {
  lots: ['quantityList[*].epcClass', 'epcList[*]'],
  quantities: ['quantityList[*].quantity', 'epcList[*]'],
  childLots: ['childQuantityList[*].epcClass', 'childEPCs[*]'],
  childQuantities: ['childQuantityList[*].quantity', 'childEPCs[*]'],
  inputLots: ['inputQuantityList[*].epcClass', 'inputEPCList[*]'],
  inputQuantities: ['inputQuantityList[*].quantity', 'inputEPCList[*]'],
  outputLots: ['outputQuantityList[*].epcClass', 'outputEPCList[*]'],
  outputQuantities: ['outputQuantityList[*].quantity', 'outputEPCList[*]'],
  /** Where the event happened: the business location, else the read point. */
  place: ['bizLocation.id', 'readPoint.id'],
} as const satisfies Readonly<Record<string, readonly string[]>>;
