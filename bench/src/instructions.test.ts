import { describe, expect, it } from 'vitest';
import { formatInstructionTable, parseInstructionTotal } from './instructions.js';

describe('parseInstructionTotal', () => {
  it("reads callgrind's total from its closing lines", () => {
    const stderr = [
      '==2466== Events    : Ir',
      '==2466== Collected : 13644341267',
      '==2466== ',
      '==2466== I   refs:      13,644,341,267',
    ].join('\n');
    expect(parseInstructionTotal(stderr)).toBe(13_644_341_267);
    expect(parseInstructionTotal('valgrind: command not found')).toBeUndefined();
  });
});

describe('formatInstructionTable', () => {
  it('prints each case with its ratio to every peer (peer ÷ ours)', () => {
    const table = formatInstructionTable('trace', [
      { id: 'a', label: '(a) parse', peer: true, perUnit: 35_000 },
      { id: 'c', label: '(c) ours', peer: false, perUnit: 70_000 },
    ]);
    expect(table).toContain('35,000');
    expect(table).toContain('0.500 × a');
    expect(table.split('\n')[1]).not.toContain('×'); // a peer is not compared with itself
  });
});
