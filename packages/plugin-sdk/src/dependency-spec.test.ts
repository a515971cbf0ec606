import { describe, expect, it } from 'vitest';
import { parseDependencySpec } from './dependency-spec.js';

describe('parseDependencySpec', () => {
  it('reads names, ranges and scoped names', () => {
    expect(parseDependencySpec('uk-fhrs')).toEqual({ spec: 'uk-fhrs', name: 'uk-fhrs' });
    expect(parseDependencySpec('uk-fhrs@^1.2.0')).toEqual({
      spec: 'uk-fhrs@^1.2.0',
      name: 'uk-fhrs',
      range: '^1.2.0',
    });
    expect(parseDependencySpec('@acme/x')).toEqual({ spec: '@acme/x', name: '@acme/x' });
    expect(parseDependencySpec('@acme/x@>=2 <3')).toMatchObject({
      name: '@acme/x',
      range: '>=2 <3',
    });
  });

  it('rejects empty names and invalid ranges', () => {
    for (const spec of ['', '@', 'x@', 'x@banana', 'two words']) {
      expect(parseDependencySpec(spec)).toBeUndefined();
    }
  });
});
