import { computeGs1CheckDigit } from '../gs1/check-digit.js';

/**
 * Builders for the GS1 keys the test-data generators emit. They compute GS1 check digits
 * (mod-10, weights 3 and 1 from the right) so that the Digital Link forms are valid.
 */

/**
 * The GS1 mod-10 check digit of the generators' own digit strings (always ASCII digits), from
 * the identifier module's {@link computeGs1CheckDigit}.
 */
export function gs1CheckDigit(digits: string): number {
  return computeGs1CheckDigit(digits) ?? 0;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** GTIN-14 (indicator digit + company prefix + item reference + check digit). */
export function gtin14(prefix: string, itemReference: number, indicator = 0): string {
  const body = `${indicator}${prefix}${pad(itemReference, 12 - prefix.length)}`;
  return `${body}${gs1CheckDigit(body)}`;
}

/** GLN-13 (company prefix + location reference + check digit). */
export function gln13(prefix: string, locationReference: number): string {
  const body = `${prefix}${pad(locationReference, 12 - prefix.length)}`;
  return `${body}${gs1CheckDigit(body)}`;
}

/** `urn:epc:class:lgtin:CP.IIR.lot` for a product of a company prefix. */
export function lgtinUrn(
  prefix: string,
  itemReference: number,
  lot: string,
  indicator = 0,
): string {
  return `urn:epc:class:lgtin:${prefix}.${indicator}${pad(itemReference, 12 - prefix.length)}.${lot}`;
}

/** `https://id.gs1.org/01/{gtin14}/10/{lot}` for the same lot. */
export function lgtinDigitalLink(
  prefix: string,
  itemReference: number,
  lot: string,
  indicator = 0,
): string {
  return `https://id.gs1.org/01/${gtin14(prefix, itemReference, indicator)}/10/${encodeURIComponent(lot)}`;
}

/** `urn:epc:id:sgln:CP.LocRef.0`. */
export function sglnUrn(prefix: string, locationReference: number, extension = '0'): string {
  return `urn:epc:id:sgln:${prefix}.${pad(locationReference, 12 - prefix.length)}.${extension}`;
}

/** `urn:epc:id:pgln:CP.PartyRef`. */
export function pglnUrn(prefix: string, partyReference: number): string {
  return `urn:epc:id:pgln:${prefix}.${pad(partyReference, 12 - prefix.length)}`;
}

/** `urn:epcglobal:cbv:bt:{gln}:{id}`: a business-transaction identifier issued by a party. */
export function bizTransactionUrn(gln: string, id: string): string {
  return `urn:epcglobal:cbv:bt:${gln}:${id}`;
}
