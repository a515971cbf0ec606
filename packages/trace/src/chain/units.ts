import { type LocalizedParam, localizedParam, type RuleSetMeta } from '@foodsafety/core';

/** What a quantity measures: conversion happens only within one dimension. */
export type QuantityDimension = 'mass' | 'volume' | 'count';

/** One UN/CEFACT Recommendation 20 unit: its dimension and its size in the base unit. */
export interface UnitDefinition {
  readonly dimension: QuantityDimension;
  /** Size in the base unit of the dimension: kilogram, litre or one piece. */
  readonly factor: number;
  readonly name: string;
}

/** A table of units with the rule-set metadata saying where the factors come from. */
export interface UnitTable {
  readonly meta: RuleSetMeta;
  readonly units: Readonly<Record<string, UnitDefinition>>;
}

/**
 * UN/CEFACT Recommendation 20 codes used for food quantities, with exact conversion factors to
 * kilogram, litre and piece. The avoirdupois pound (0.453 592 37 kg) and the US and imperial
 * gallons are exact by definition (International Yard and Pound Agreement 1959; 231 in³;
 * 4.546 09 L). A quantity without `uom` counts instances of its class (EPCIS 2.0 §7.3.3.3).
 * Extend or override by passing your own table.
 */
export const REC20_UNITS: UnitTable = {
  meta: {
    id: 'unece.rec20.food-units',
    version: 'rev17',
    jurisdiction: '*',
    effectiveFrom: '2021-01-01',
    source:
      'UN/CEFACT Recommendation No. 20, Codes for Units of Measure Used in International Trade (rev. 17, 2021), Annexes II/III',
    confidence: 'verified',
    notes: 'Only the mass, volume and count codes met in food traceability; factors are exact.',
  },
  units: {
    KGM: { dimension: 'mass', factor: 1, name: 'kilogram' },
    GRM: { dimension: 'mass', factor: 0.001, name: 'gram' },
    MGM: { dimension: 'mass', factor: 1e-6, name: 'milligram' },
    MC: { dimension: 'mass', factor: 1e-9, name: 'microgram' },
    HGM: { dimension: 'mass', factor: 0.1, name: 'hectogram' },
    DTN: { dimension: 'mass', factor: 100, name: 'decitonne' },
    TNE: { dimension: 'mass', factor: 1000, name: 'tonne (metric ton)' },
    LBR: { dimension: 'mass', factor: 0.45359237, name: 'pound' },
    ONZ: { dimension: 'mass', factor: 0.028349523125, name: 'ounce (avoirdupois)' },
    LTR: { dimension: 'volume', factor: 1, name: 'litre' },
    MLT: { dimension: 'volume', factor: 0.001, name: 'millilitre' },
    CLT: { dimension: 'volume', factor: 0.01, name: 'centilitre' },
    DLT: { dimension: 'volume', factor: 0.1, name: 'decilitre' },
    HLT: { dimension: 'volume', factor: 100, name: 'hectolitre' },
    CMQ: { dimension: 'volume', factor: 0.001, name: 'cubic centimetre' },
    DMQ: { dimension: 'volume', factor: 1, name: 'cubic decimetre' },
    MTQ: { dimension: 'volume', factor: 1000, name: 'cubic metre' },
    GLL: { dimension: 'volume', factor: 3.785411784, name: 'gallon (US)' },
    GLI: { dimension: 'volume', factor: 4.54609, name: 'gallon (UK)' },
    H87: { dimension: 'count', factor: 1, name: 'piece' },
    EA: { dimension: 'count', factor: 1, name: 'each' },
    C62: { dimension: 'count', factor: 1, name: 'one' },
    DZN: { dimension: 'count', factor: 12, name: 'dozen' },
  },
};

/** Dimension codes stored in the graph's columns. */
export const DIM_NONE = 0;
export const DIM_MASS = 1;
export const DIM_VOLUME = 2;
export const DIM_COUNT = 3;

const DIM_CODE: Record<QuantityDimension, number> = {
  mass: DIM_MASS,
  volume: DIM_VOLUME,
  count: DIM_COUNT,
};

/** Pieces, as a message shows a count: "pcs" in English, "件" in Chinese. */
const PIECES = localizedParam('件', 'pcs');

/** The symbol of a dimension's base unit, as findings show quantities: kg, L or pieces. */
export function baseUnitSymbol(code: number): 'kg' | 'L' | LocalizedParam {
  return code === DIM_MASS ? 'kg' : code === DIM_VOLUME ? 'L' : PIECES;
}

/**
 * Convert a quantity to the base unit of its dimension (kg, L, piece). `undefined` when the unit
 * is not in the table. A missing unit means a count of instances.
 */
export function toBaseQuantity(
  quantity: number,
  uom: string | undefined,
  table: UnitTable = REC20_UNITS,
): { readonly value: number; readonly dimension: QuantityDimension } | undefined {
  if (uom === undefined || uom === '') return { value: quantity, dimension: 'count' };
  const unit = Object.hasOwn(table.units, uom) ? table.units[uom] : undefined;
  return unit === undefined
    ? undefined
    : { value: quantity * unit.factor, dimension: unit.dimension };
}

/** Internal: the dimension code and factor of a unit, or `undefined`. */
export function unitCode(
  uom: string | undefined,
  table: UnitTable,
): { readonly dim: number; readonly factor: number } | undefined {
  if (uom === undefined || uom === '') return { dim: DIM_COUNT, factor: 1 };
  const unit = Object.hasOwn(table.units, uom) ? table.units[uom] : undefined;
  return unit === undefined ? undefined : { dim: DIM_CODE[unit.dimension], factor: unit.factor };
}
