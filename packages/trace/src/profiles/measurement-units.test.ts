import { describe, expect, it } from 'vitest';
import { REC20_UNITS } from '../chain/units.js';
import { convertMeasurement, isConvertibleUnit, TEMPERATURE_UNITS } from './measurement-units.js';

describe('convertMeasurement', () => {
  it('converts temperatures by the exact relations (°F = °C × 9/5 + 32, K = °C + 273.15)', () => {
    // fixed points: water freezes at 0 °C = 32 °F = 273.15 K, boils at 100 °C = 212 °F;
    // −40 is the same in both degrees; absolute zero is −273.15 °C = −459.67 °F
    const vectors: [number, string, number, string][] = [
      [0, 'CEL', 32, 'FAH'],
      [100, 'CEL', 212, 'FAH'],
      [-40, 'CEL', -40, 'FAH'],
      [0, 'CEL', 273.15, 'KEL'],
      [0, 'KEL', -459.67, 'FAH'],
      [-18, 'CEL', -0.4, 'FAH'],
      [-18, 'CEL', 255.15, 'KEL'],
      [4, 'CEL', 39.2, 'FAH'],
    ];
    for (const [a, ua, b, ub] of vectors) {
      expect([a, ua, ub, convertMeasurement(a, ua, ub)]).toEqual([a, ua, ub, b]);
      expect([b, ub, ua, convertMeasurement(b, ub, ua)]).toEqual([b, ub, ua, a]);
    }
  });

  it('converts mass, volume and count units by their Rec 20 factors within one dimension', () => {
    expect(convertMeasurement(1, 'LBR', 'KGM')).toBe(0.45359237); // exact by definition (1959)
    expect(convertMeasurement(1, 'GLL', 'LTR')).toBe(3.785411784); // 231 in³
    expect(convertMeasurement(1, 'GLI', 'LTR')).toBe(4.54609);
    expect(convertMeasurement(2, 'TNE', 'KGM')).toBe(2000);
    expect(convertMeasurement(250, 'GRM', 'KGM')).toBe(0.25);
    expect(convertMeasurement(3, 'DZN', 'H87')).toBe(36);
    expect(convertMeasurement(1, 'KGM', 'LBR')).toBe(2.20462262185);
  });

  it('reads no unit as a count of instances (EPCIS 2.0 §7.3.3.3), convertible to count units only', () => {
    expect(convertMeasurement(5, undefined, 'H87')).toBe(5);
    expect(convertMeasurement(5, '', 'C62')).toBe(5);
    expect(convertMeasurement(24, undefined, 'DZN')).toBe(2);
    expect(convertMeasurement(5, undefined, 'KGM')).toBeUndefined();
    expect(convertMeasurement(-20, undefined, 'CEL')).toBeUndefined();
  });

  it('gives undefined for a value or a result that is no finite number', () => {
    expect(convertMeasurement(Number.NaN, 'CEL', 'CEL')).toBeUndefined();
    expect(convertMeasurement(Number.NEGATIVE_INFINITY, 'FAH', 'CEL')).toBeUndefined();
    expect(convertMeasurement(1e308, 'CEL', 'FAH')).toBeUndefined(); // × 9/5 overflows
    expect(convertMeasurement(1e308, 'TNE', 'MGM')).toBeUndefined();
  });

  it('gives undefined where no conversion exists, and the value itself for the same code', () => {
    expect(convertMeasurement(1, 'KGM', 'LTR')).toBeUndefined(); // mass is no volume
    expect(convertMeasurement(1, 'CEL', 'KGM')).toBeUndefined();
    expect(convertMeasurement(1, 'KGM', 'CEL')).toBeUndefined();
    expect(convertMeasurement(1, undefined, 'CEL')).toBeUndefined(); // a count is no temperature
    expect(convertMeasurement(1, 42, 'CEL')).toBeUndefined();
    expect(convertMeasurement(1, 'XXX', 'KGM')).toBeUndefined();
    expect(convertMeasurement(1, 'toString', 'KGM')).toBeUndefined(); // no inherited members
    expect(convertMeasurement(1, '__proto__', 'CEL')).toBeUndefined();
    expect(convertMeasurement(7, 'P1', 'P1')).toBe(7); // percent: not in the table, same code
  });

  it('knows the units a condition can name', () => {
    expect(TEMPERATURE_UNITS).toEqual(['CEL', 'FAH', 'KEL']);
    for (const code of [...TEMPERATURE_UNITS, ...Object.keys(REC20_UNITS.units)])
      expect([code, isConvertibleUnit(code)]).toEqual([code, true]);
    for (const code of ['DEGC', '', 'toString', '__proto__', 42, undefined])
      expect([code, isConvertibleUnit(code)]).toEqual([code, false]);
  });
});
