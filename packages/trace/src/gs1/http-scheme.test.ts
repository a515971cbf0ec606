import { describe, expect, it } from 'vitest';
import { httpWithLowerCaseScheme } from './http-scheme.js';

describe('httpWithLowerCaseScheme', () => {
  it('writes an http or https scheme in any case in lower case, the rest unchanged (RFC 3986 §3.1)', () => {
    expect(httpWithLowerCaseScheme('HTTPS://id.gs1.org/01/X')).toBe('https://id.gs1.org/01/X');
    expect(httpWithLowerCaseScheme('Http://A.example/Path')).toBe('http://A.example/Path');
    expect(httpWithLowerCaseScheme('https://id.gs1.org/')).toBe('https://id.gs1.org/');
    for (const other of ['urn:epc:id:sgtin:1.2.3', 'HTTPX://a', 'https:/a', 'H', '', 'ftp://x'])
      expect([other, httpWithLowerCaseScheme(other)]).toEqual([other, undefined]);
  });
});
