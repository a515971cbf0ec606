import { canonicalGs1Uri } from '../gs1/canonical-gs1-uri.js';

/** Maps an identifier as written in an event to the one spelling the graph joins on. */
export type CanonicalIdFn = (id: string) => string;

/**
 * What it joins: the EPC URNs of those keys (not a UPUI, which also becomes a GTIN link, nor an
 * `idpat` pattern), and Digital Links on any host.
 */
const BASIC_INPUT = /^(?:urn:epc:(?:class:lgtin|id:sgtin|id:sscc|id:sgln|id:pgln):|https?:\/\/)/i;

/** A canonical Digital Link whose primary key is a GTIN (01), SSCC (00), GLN (414) or PGLN (417). */
const BASIC_KEY = /^https:\/\/id\.gs1\.org\/(?:01|00|414|417)\//;

/**
 * A narrower canonicaliser: the keys a lot graph usually joins on — LGTIN and SGTIN (GTIN with a
 * lot or serial), SSCC, SGLN and PGLN, as EPC URNs or as Digital Links on any host — get exactly
 * the spelling the package's full GS1 canonicalisation gives them (`canonicalGs1Uri`: the Digital
 * Link on `https://id.gs1.org`, a serial winning over a lot); every other identifier, GS1 keys
 * such as GRAI, GIAI or GDTI included, is returned as written. Use it when only those keys should
 * join across spellings; the graph's default is `canonicalGs1Uri`, which joins every GS1 key.
 */
export function basicCanonicalId(id: string): string {
  if (!BASIC_INPUT.test(id)) return id;
  const canonical = canonicalGs1Uri(id);
  return BASIC_KEY.test(canonical) ? canonical : id;
}
