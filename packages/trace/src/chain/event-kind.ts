/**
 * How the chain reads an EPCIS event: its business step and disposition as bare CBV words, and
 * what it does to the lots it names (creates, ships, receives, transforms, destroys…).
 */

import { BIZ_STEPS, cbvWord, DISPOSITIONS } from '../formats/cbv-vocabulary.js';

/** What an event does, for the chain checks. */
export type EventKind =
  | 'origin'
  | 'shipping'
  | 'receiving'
  | 'transformation'
  | 'aggregation'
  | 'disaggregation'
  | 'destruction'
  | 'sale'
  | 'observation';

/** Stored kind codes (index into {@link EVENT_KINDS}). */
export const EVENT_KINDS: readonly EventKind[] = [
  'observation',
  'origin',
  'shipping',
  'receiving',
  'transformation',
  'aggregation',
  'disaggregation',
  'destruction',
  'sale',
];
export const K_OBSERVE = 0;
export const K_ORIGIN = 1;
export const K_SHIP = 2;
export const K_RECEIVE = 3;
export const K_TRANSFORM = 4;
export const K_AGGREGATE = 5;
export const K_DISAGGREGATE = 6;
export const K_DESTROY = 7;
export const K_SALE = 8;

/** Event type codes. */
export const EVENT_TYPES = [
  'unknown',
  'ObjectEvent',
  'AggregationEvent',
  'TransactionEvent',
  'TransformationEvent',
  'AssociationEvent',
] as const;
export const T_UNKNOWN = 0;
export const T_OBJECT = 1;
export const T_AGGREGATION = 2;
export const T_TRANSACTION = 3;
export const T_TRANSFORMATION = 4;
export const T_ASSOCIATION = 5;

/** The type code of an event's `type`. */
export function typeCode(type: unknown): number {
  switch (type) {
    case 'ObjectEvent':
      return T_OBJECT;
    case 'AggregationEvent':
      return T_AGGREGATION;
    case 'TransactionEvent':
      return T_TRANSACTION;
    case 'TransformationEvent':
      return T_TRANSFORMATION;
    case 'AssociationEvent':
      return T_ASSOCIATION;
    default:
      return T_UNKNOWN;
  }
}

/**
 * The bare CBV word of a bizStep (`shipping` for `https://ref.gs1.org/cbv/BizStep-shipping` and
 * `urn:epcglobal:cbv:bizstep:shipping`, their scheme, NID and host in any letter case, as the
 * validator reads them); anything else as written, a case slip (`Shipping`) included.
 */
export function bareBizStep(value: unknown): string {
  if (typeof value !== 'string') return '';
  return cbvWord(BIZ_STEPS, value);
}

/** The bare CBV word of a disposition, as {@link bareBizStep}. */
export function bareDisposition(value: unknown): string {
  if (typeof value !== 'string') return '';
  return cbvWord(DISPOSITIONS, value);
}

/**
 * The kind code of an event from its type code, action, bizStep and disposition (bare words):
 * TransformationEvent → transformation; ADD of an ObjectEvent → origin; DELETE of an ObjectEvent,
 * `destroying`/`decommissioning` or disposition `destroyed`/`disposed` → destruction;
 * `shipping` → shipping; `receiving` → receiving; `retail_selling`/`dispensing` → sale;
 * AggregationEvent ADD/DELETE → aggregation/disaggregation; anything else → observation.
 */
export function kindCode(
  type: number,
  action: unknown,
  bizStep: string,
  disposition: string,
): number {
  if (type === T_TRANSFORMATION) return K_TRANSFORM;
  if (type === T_UNKNOWN || type === T_ASSOCIATION) return K_OBSERVE;
  if (
    bizStep === 'destroying' ||
    bizStep === 'decommissioning' ||
    disposition === 'destroyed' ||
    disposition === 'disposed' ||
    (type === T_OBJECT && action === 'DELETE')
  ) {
    return K_DESTROY;
  }
  if (type === T_OBJECT && action === 'ADD') return K_ORIGIN;
  if (bizStep === 'shipping') return K_SHIP;
  if (bizStep === 'receiving') return K_RECEIVE;
  if (bizStep === 'retail_selling' || bizStep === 'dispensing') return K_SALE;
  if (type === T_AGGREGATION) {
    if (action === 'ADD') return K_AGGREGATE;
    if (action === 'DELETE') return K_DISAGGREGATE;
  }
  return K_OBSERVE;
}

/** {@link aggregationRole}: the event packs its children into its parent. */
export const A_PACKS = 1;
/** {@link aggregationRole}: the event takes its children (all, when it names none) off its parent. */
export const A_UNPACKS = 2;

/**
 * What an event does to the container it names as `parentID`, whatever its business step: an
 * AggregationEvent ADD packs ({@link A_PACKS}), a DELETE unpacks ({@link A_UNPACKS}), anything
 * else neither (0). A shipping ADD is a shipment that also packs (loaded onto a pallet as it
 * leaves), a receiving DELETE a receipt that also unpacks. A destruction does neither.
 */
export function aggregationRole(type: number, action: unknown, kind: number): number {
  if (type !== T_AGGREGATION || kind === K_DESTROY) return 0;
  return action === 'ADD' ? A_PACKS : action === 'DELETE' ? A_UNPACKS : 0;
}
