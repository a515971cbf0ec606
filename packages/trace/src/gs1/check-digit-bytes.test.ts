import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeGs1CheckDigit } from './check-digit.js';
import { gs1CheckDigitOfBytes } from './check-digit-bytes.js';

const bytesOf = (text: string) => new TextEncoder().encode(` ${text} `);

describe('gs1CheckDigitOfBytes', () => {
  it('gives the published check digits', () => {
    // GLN 4012345111118 (GS1 General Specifications), GTIN 09506000134352 (GS1 Digital Link
    // standard's example)
    expect(gs1CheckDigitOfBytes(bytesOf('401234511111'), 1, 13)).toBe(8);
    expect(gs1CheckDigitOfBytes(bytesOf('0950600013435'), 1, 14)).toBe(2);
  });
  it('agrees with computeGs1CheckDigit on any run of digits (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,18}$/), (digits) => {
        expect(gs1CheckDigitOfBytes(bytesOf(digits), 1, digits.length + 1)).toBe(
          computeGs1CheckDigit(digits),
        );
      }),
    );
  });
  it('gives -1 for no digits or a character that is not one', () => {
    expect(gs1CheckDigitOfBytes(bytesOf('123'), 1, 1)).toBe(-1);
    expect(gs1CheckDigitOfBytes(bytesOf('12a4'), 1, 5)).toBe(-1);
    expect(gs1CheckDigitOfBytes(bytesOf('12/4'), 1, 5)).toBe(-1);
  });
});
