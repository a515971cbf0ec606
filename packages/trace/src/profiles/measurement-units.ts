/**
 * Conversions for the value rules of profiles that name a unit (`uom` on a condition): the
 * mass, volume and count units of a {@link UnitTable} (UN/CEFACT Recommendation 20 codes,
 * converted by their factors within one dimension) and the three Recommendation 20 temperature
 * units sensor reports use, `CEL` (degree Celsius), `FAH` (degree Fahrenheit) and `KEL`
 * (kelvin), converted by the exact affine relations °F = °C × 9/5 + 32 and K = °C + 273.15.
 * Results are rounded to 12 significant digits, so that a reading written in another unit at
 * exactly a limit (−0.4 °F, 255.15 K for −18 °C) compares as equal to it, not a rounding error
 * away.
 */

import { type LocalizedParam, localizedParam as w } from '@foodsafety/core';
import { DIM_COUNT, REC20_UNITS, type UnitTable, unitCode } from '../chain/units.js';
import { lookupTable } from '../gs1/lookup-table.js';

/** Each temperature unit to degrees Celsius, and back. */
const TO_CELSIUS = lookupTable<(value: number) => number>({
  CEL: (v) => v,
  FAH: (v) => ((v - 32) * 5) / 9,
  KEL: (v) => v - 273.15,
});
const FROM_CELSIUS = lookupTable<(celsius: number) => number>({
  CEL: (c) => c,
  FAH: (c) => (c * 9) / 5 + 32,
  KEL: (c) => c + 273.15,
});

/** The temperature units converted here (Recommendation 20 codes). */
export const TEMPERATURE_UNITS: readonly string[] = ['CEL', 'FAH', 'KEL'];

/** Whether `code` is a unit a condition can name: a temperature unit or one of `table`'s units. */
export function isConvertibleUnit(code: unknown, table: UnitTable = REC20_UNITS): boolean {
  if (typeof code !== 'string' || code === '') return false;
  return TO_CELSIUS[code] !== undefined || Object.hasOwn(table.units, code);
}

const DIMENSIONS: readonly string[] = ['mass', 'volume', 'count'];

/**
 * What is wrong with a value given as a unit table, or `undefined` when it is one: an object
 * whose `units` map codes to a `dimension` (mass, volume or count) and a positive finite `factor`.
 */
export function unitTableProblem(table: unknown): LocalizedParam | undefined {
  try {
    if (table === null || typeof table !== 'object') return w('不是对象', 'not an object');
    const units = (table as { units?: unknown }).units;
    if (units === null || typeof units !== 'object' || Array.isArray(units))
      return w('其 units 不是以单位代码为键的对象', 'its units are not an object of codes');
    for (const code of Object.keys(units)) {
      const unit = (units as Record<string, unknown>)[code] as
        | { dimension?: unknown; factor?: unknown }
        | null
        | undefined;
      if (
        unit === null ||
        typeof unit !== 'object' ||
        !DIMENSIONS.includes(unit.dimension as string) ||
        typeof unit.factor !== 'number' ||
        !Number.isFinite(unit.factor) ||
        unit.factor <= 0
      )
        return w(
          `单位 ${code} 需要量纲（mass、volume 或 count）和正的换算系数`,
          `unit ${code} needs a dimension (mass, volume or count) and a positive factor`,
        );
    }
    return undefined;
  } catch {
    return w('无法读取', 'it cannot be read');
  }
}

/** `x` to 12 significant digits, or `undefined` when it is no finite number (an overflow). */
function round12(x: number): number | undefined {
  return Number.isFinite(x) ? Number(x.toPrecision(12)) : undefined;
}

/**
 * `value` written in unit `from` expressed in unit `to`, or `undefined` when it cannot be: a unit
 * not known, units of different dimensions (kilograms and litres, degrees and pieces), or a
 * result that is no finite number. No unit (`from` undefined or empty) is a count of instances,
 * as for an EPCIS quantity (2.0 §7.3.3.3): it converts to count units only. The same code
 * converts to itself whatever it is. Converted values are rounded to 12 significant digits.
 */
export function convertMeasurement(
  value: number,
  from: unknown,
  to: string,
  table: UnitTable = REC20_UNITS,
): number | undefined {
  if (!Number.isFinite(value)) return undefined;
  if (from === undefined || from === '') {
    const b = Object.hasOwn(table.units, to) ? unitCode(to, table) : undefined;
    return b !== undefined && b.dim === DIM_COUNT ? round12(value / b.factor) : undefined;
  }
  if (typeof from !== 'string') return undefined;
  if (from === to) return value;
  const toCelsius = TO_CELSIUS[from];
  const fromCelsius = FROM_CELSIUS[to];
  if (toCelsius !== undefined || fromCelsius !== undefined) {
    return toCelsius !== undefined && fromCelsius !== undefined
      ? round12(fromCelsius(toCelsius(value)))
      : undefined;
  }
  if (!Object.hasOwn(table.units, from) || !Object.hasOwn(table.units, to)) return undefined;
  const a = unitCode(from, table);
  const b = unitCode(to, table);
  if (a === undefined || b === undefined || a.dim !== b.dim) return undefined;
  return round12((value * a.factor) / b.factor);
}
