import { generatePlatformJsonLines } from '@foodsafety/trace';
import { describe, expect, it } from 'vitest';
import { parseAndFull, parseAndFullSliced, parseOnly, sliceStart } from './pipelines.js';

describe('sliced pipelines', () => {
  const lines = [...generatePlatformJsonLines({ events: 997 })];

  it('the slices cover every line once, in order', () => {
    for (const slices of [1, 7, 60, 997, 2000]) {
      expect(sliceStart(lines.length, slices, 0)).toBe(0);
      expect(sliceStart(lines.length, slices, slices)).toBe(lines.length);
      for (let i = 0; i < slices; i += 1)
        expect(sliceStart(lines.length, slices, i + 1)).toBeGreaterThanOrEqual(
          sliceStart(lines.length, slices, i),
        );
    }
    let sum = 0;
    for (let i = 0; i < 7; i += 1)
      sum += parseOnly(lines, sliceStart(lines.length, 7, i), sliceStart(lines.length, 7, i + 1));
    expect(sum).toBe(parseOnly(lines));
  });

  it('(c) in slices finds what (c) in one call finds, and ends only at the last slice', () => {
    const broken = [...lines];
    broken[500] = (broken[500] as string).replace('"eventTime":"', '"eventTime":"x');
    const whole = parseAndFull(broken);
    const step = parseAndFullSliced(broken, 7);
    for (let i = 0; i < 6; i += 1) expect(step(i)).toBeUndefined();
    const sliced = step(6);
    expect(whole.invalid).toBe(1);
    expect(sliced).toMatchObject({ events: 997, invalid: 1, findings: whole.findings });
    expect(sliced?.index.graph.nodeCount).toBe(whole.index.graph.nodeCount);
  });
});
