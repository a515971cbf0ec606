import type { Diagnostic } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import { expectDiagnostics, matchDiagnostics, PluginTestError } from './expect-diagnostics.js';

const d = (code: string, extra: Partial<Diagnostic> = {}): Diagnostic => ({
  code,
  severity: 'error',
  message: `${code} happened`,
  ...extra,
});

describe('matchDiagnostics', () => {
  it('matches codes alone, and every field that is given', () => {
    const actual = [
      d('TRACE_TIME_ORDER', { path: ['events', 3], source: 'cn-meat', params: { at: 3 } }),
      d('TRACE_NOTE', { severity: 'info' }),
    ];
    expect(matchDiagnostics(actual, ['TRACE_TIME_ORDER', 'TRACE_NOTE'])).toEqual([]);
    expect(
      matchDiagnostics(actual, [
        {
          code: 'TRACE_TIME_ORDER',
          path: ['events', 3],
          source: 'cn-meat',
          message: /happened/,
          params: { at: 3 },
        },
        { code: 'TRACE_NOTE', severity: 'info', message: 'TRACE_NOTE happened' },
      ]),
    ).toEqual([]);
  });

  it('names each mismatching field', () => {
    const problems = matchDiagnostics(
      [d('A_B', { path: ['x'], severity: 'warning', source: 's', params: { n: 1 } })],
      [
        {
          code: 'A_C',
          path: ['y'],
          severity: 'error',
          source: 't',
          message: /nope/,
          params: { n: 2 },
        },
      ],
    );
    expect(problems).toHaveLength(1);
    for (const part of [
      'code A_B (expected A_C)',
      'severity warning (expected error)',
      'path $.x (expected $.y)',
      'source s (expected t)',
      'message "A_B happened" (expected /nope/)',
      'param n=1 (expected 2)',
    ]) {
      expect(problems[0]).toContain(part);
    }
  });

  it('compares and shows bigint params without throwing', () => {
    // bigints are message params; JSON.stringify of one throws a TypeError
    const actual = [d('A_B', { params: { fen: 5n } })];
    expect(matchDiagnostics(actual, [{ code: 'A_B', params: { fen: 5n } }])).toEqual([]);
    expect(matchDiagnostics(actual, [{ code: 'A_B', params: { fen: 6n } }])).toEqual([
      '#0: error A_B: A_B happened — param fen=5n (expected 6n)',
    ]);
    // a bigint is not the text that shows it
    expect(matchDiagnostics(actual, [{ code: 'A_B', params: { fen: '5n' } }])).toEqual([
      '#0: error A_B: A_B happened — param fen=5n (expected "5n")',
    ]);
  });

  it('reports missing and unexpected diagnostics by position', () => {
    expect(matchDiagnostics([], ['A_B'])).toEqual([
      '#0: expected A_B, but there is no diagnostic #0',
    ]);
    expect(matchDiagnostics([d('A_B')], [])).toEqual(['#0: unexpected error A_B: A_B happened']);
  });
});

describe('expectDiagnostics', () => {
  it('passes silently on a match and throws a PluginTestError otherwise', () => {
    expect(() => expectDiagnostics([d('A_B')], ['A_B'])).not.toThrow();
    try {
      expectDiagnostics([d('A_B')], ['A_C'], 'result');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PluginTestError);
      expect((error as PluginTestError).message).toMatch(
        /^result do not match \(1 actual, 1 expected\)/,
      );
      expect((error as PluginTestError).expected).toEqual(['A_C']);
    }
  });
});

describe('matchDiagnostics: expectations of the wrong shape', () => {
  it('null, bigints and objects without a prototype are mismatches, never a throw', () => {
    const bare = Object.create(null);
    const expected = [
      null,
      { code: bare, severity: 10n, source: bare, message: bare, path: [bare] },
      { code: 'B', path: Symbol('p'), params: { n: 10n } },
      10n,
    ];
    const problems = matchDiagnostics(
      [d('A'), d('A', { path: ['x'] }), d('B', { params: { n: 1 } })],
      expected as never,
    );
    expect(problems).toEqual([
      '#0: error A: A happened — code A (expected null)',
      '#1: error A at $.x: A happened — code A (expected object); severity error (expected 10); path $.x (expected [{}]); source undefined (expected object); message "A happened" (expected object)',
      '#2: error B: B happened — path $ (expected Symbol(p)); param n=1 (expected 10n)',
      '#3: expected 10, but there is no diagnostic #3',
    ]);
  });
});
