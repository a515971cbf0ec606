import type { RoundingSpec } from './standard-spec.js';

/** Points are carried as integers in hundredths of a point, so sums are exact. */
export const HUNDREDTHS = 100;

/**
 * Points (at most two decimals) as integer hundredths, or `undefined` when the value has more
 * than two decimals (the float representation error of a two-decimal literal is tolerated).
 */
export function toHundredths(points: number): number | undefined {
  const scaled = points * HUNDREDTHS;
  const rounded = Math.round(scaled);
  return Math.abs(scaled - rounded) < 1e-6 ? rounded : undefined;
}

/** Integer hundredths as points (exact for display: 9000 → 90, 5 → 0.05). */
export function fromHundredths(hundredths: number): number {
  return hundredths / HUNDREDTHS;
}

/** A compiled rounding rule: a real number of hundredths → an integer number of hundredths. */
export type Rounder = (hundredths: number) => number;

/**
 * Compile a rounding rule. The input is a real number of hundredths (fraction × maximum); it is
 * first snapped to the nearest 1e-9 (so 0.29 × 100 = 28.999999999999996 is 29), then rounded once
 * to the grid the rule states (2 decimals → 1 hundredth, 1 → 10, 0 → 100).
 */
export function compileRounding(spec: RoundingSpec | undefined): Rounder {
  const decimals = spec?.decimals ?? 2;
  const mode = spec?.mode ?? 'half-up';
  const grid = 10 ** (2 - decimals);
  return (hundredths: number): number => {
    let x = hundredths / grid;
    const nearest = Math.round(x);
    if (Math.abs(x - nearest) < 1e-9) x = nearest;
    let r: number;
    switch (mode) {
      case 'floor':
        r = Math.floor(x);
        break;
      case 'ceil':
        r = Math.ceil(x);
        break;
      case 'half-even': {
        const f = Math.floor(x);
        const diff = x - f;
        r = diff > 0.5 ? f + 1 : diff < 0.5 ? f : f % 2 === 0 ? f : f + 1;
        break;
      }
      default:
        r = x >= 0 ? Math.floor(x + 0.5) : -Math.floor(-x + 0.5);
    }
    return r * grid;
  };
}
