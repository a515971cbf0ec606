import {
  createDiagnostic,
  type Diagnostic,
  defineMessages,
  fail,
  MessageCatalogue,
  ok,
  type Result,
} from '@foodsafety/core';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { definePlugin } from '../define-plugin.js';
import { defineExtensionPoint } from '../extension-point.js';
import { createPluginTester, type PluginCases, PluginTester } from './plugin-tester.js';

interface Scorer {
  readonly id: string;
  readonly score: (input: { readonly points: number[] }) => Result<number>;
}

const scorers = defineExtensionPoint<Scorer>({ id: 'scoring.scorers', key: (s) => s.id });

const messages = defineMessages(
  {
    SCORING_EMPTY: { severity: 'error', 'zh-CN': '没有可计分的项', en: 'Nothing to score' },
    SCORING_NEGATIVE: {
      severity: 'error',
      'zh-CN': '第 {index} 项得分为负：{value}',
      en: 'Item {index} has a negative score: {value}',
    },
  },
  { source: 'test', catalogue: new MessageCatalogue() },
);

const sumScorer = definePlugin({
  name: 'sum-scorer',
  version: '1.2.0',
  options: z.object({ cap: z.number().positive().default(100) }),
  setup: (ctx, options) => {
    ctx.contribute(scorers, {
      id: 'sum',
      score: ({ points }) => {
        if (points.length === 0) return fail([createDiagnostic(messages.SCORING_EMPTY, {})]);
        const negative = points.flatMap((value, index) =>
          value < 0
            ? [
                createDiagnostic(
                  messages.SCORING_NEGATIVE,
                  { index, value },
                  { path: ['points', index] },
                ),
              ]
            : [],
        );
        if (negative.length > 0) return fail(negative);
        return ok(
          Math.min(
            options.cap,
            points.reduce((a, b) => a + b, 0),
          ),
        );
      },
    });
    ctx.contribute(scorers, {
      id: 'buggy',
      score: (input) => {
        (input.points as number[]).push(0); // mutates its input: must fail under the tester
        return ok(0);
      },
    });
    ctx.contribute(scorers, {
      id: 'thrower',
      score: () => {
        throw new Error('not implemented');
      },
    });
  },
});

/** A fake runner collecting cases, so failing cases can be run and observed. */
function collectingRunner() {
  const cases: { name: string; body: () => void }[] = [];
  const suites: string[] = [];
  return {
    cases,
    suites,
    describe: (name: string, body: () => void) => {
      suites.push(name);
      body();
    },
    it: (name: string, body: () => void) => {
      cases.push({ name, body });
    },
    failures(): Record<string, string> {
      const out: Record<string, string> = {};
      for (const c of cases) {
        try {
          c.body();
        } catch (error) {
          out[c.name] = (error as Error).message;
        }
      }
      return out;
    },
  };
}

const sumCases: PluginCases<{ points: number[] }> = {
  valid: [
    { name: 'adds points', input: { points: [40, 2] }, output: 42 },
    { name: 'caps at 100', input: { points: [90, 90] }, output: 100 },
  ],
  invalid: [
    { name: 'empty', input: { points: [] }, expect: ['SCORING_EMPTY'] },
    {
      name: 'negative',
      input: { points: [1, -2] },
      expect: [
        { code: 'SCORING_NEGATIVE', path: ['points', 1], severity: 'error', params: { value: -2 } },
      ],
    },
  ],
};

const run = (scorer: Scorer, input: { points: number[] }) => scorer.score(input);

describe('PluginTester with vitest', () => {
  // The real use: cases registered with vitest's describe/it.
  createPluginTester({ plugins: [sumScorer()], describe, it }).runCases(
    scorers,
    'sum',
    run,
    sumCases,
  );
});

describe('PluginTester: failing cases really fail', () => {
  it('registers suites and cases under the point and key, and passes the right ones', () => {
    const runner = collectingRunner();
    createPluginTester({ plugins: [sumScorer()], ...runner }).runCases(
      scorers,
      'sum',
      run,
      sumCases,
    );
    expect(runner.suites).toEqual(['scoring.scorers sum', 'valid', 'invalid']);
    expect(runner.cases.map((c) => c.name)).toEqual([
      'adds points',
      'caps at 100',
      'empty',
      'negative',
    ]);
    expect(runner.failures()).toEqual({});
  });

  it('fails wrong outputs, wrong codes, wrong paths, missing and extra diagnostics', () => {
    const runner = collectingRunner();
    createPluginTester({ plugins: [sumScorer({ cap: 50 })], ...runner }).runCases(
      scorers,
      'sum',
      run,
      {
        valid: [
          { name: 'wrong output', input: { points: [40, 2] }, output: 43 },
          { name: 'actually invalid', input: { points: [] } },
        ],
        invalid: [
          { name: 'wrong code', input: { points: [] }, expect: ['SCORING_NEGATIVE'] },
          {
            name: 'wrong path',
            input: { points: [-1] },
            expect: [{ code: 'SCORING_NEGATIVE', path: ['points', 1] }],
          },
          { name: 'one missing', input: { points: [-1, -1] }, expect: ['SCORING_NEGATIVE'] },
          {
            name: 'too many',
            input: { points: [-1] },
            expect: ['SCORING_NEGATIVE', 'SCORING_EMPTY'],
          },
          { name: 'actually valid', input: { points: [1] }, expect: ['SCORING_EMPTY'] },
          { name: 'expects nothing', input: { points: [] }, expect: [] },
        ],
      },
    );
    const failures = runner.failures();
    expect(Object.keys(failures)).toEqual([
      'wrong output',
      'actually invalid',
      'wrong code',
      'wrong path',
      'one missing',
      'too many',
      'actually valid',
      'expects nothing',
    ]);
    expect(failures['wrong output']).toMatch(/output 42 differs from the expected 43/);
    expect(failures['wrong code']).toMatch(/code SCORING_EMPTY \(expected SCORING_NEGATIVE\)/);
    expect(failures['wrong path']).toMatch(/path \$\.points\[0\] \(expected \$\.points\[1\]\)/);
    expect(failures['one missing']).toMatch(/#1: unexpected error SCORING_NEGATIVE/);
    expect(failures['too many']).toMatch(
      /#1: expected SCORING_EMPTY, but there is no diagnostic #1/,
    );
  });

  it('fails a contribution that mutates its input or throws', () => {
    const runner = collectingRunner();
    const tester = createPluginTester({ plugins: [sumScorer()], ...runner });
    tester.runCases(scorers, 'buggy', run, {
      valid: [{ name: 'mutates', input: { points: [1] } }],
    });
    tester.runCases(scorers, 'thrower', run, {
      valid: [{ name: 'throws', input: { points: [1] } }],
      invalid: [
        {
          name: 'throw expected',
          input: { points: [1] },
          expect: [{ code: 'PLUGIN_RUNTIME_ERROR', source: 'sum-scorer' }],
        },
      ],
    });
    const failures = runner.failures();
    expect(failures.mutates).toMatch(/PLUGIN_RUNTIME_ERROR .*\[sum-scorer\]/);
    expect(failures.throws).toMatch(/not implemented/);
    expect(failures['throw expected']).toBeUndefined();
  });

  it('fails every case when the key is not contributed, naming the keys there are', () => {
    const runner = collectingRunner();
    createPluginTester({ plugins: [sumScorer()], ...runner }).runCases(scorers, 'median', run, {
      valid: [{ input: { points: [1] } }],
    });
    expect(Object.values(runner.failures())).toEqual([
      'scoring.scorers has no contribution median (it has: sum, buggy, thrower)',
    ]);
    expect(runner.cases[0]?.name).toBe('#0 {"points":[1]}');
  });

  it('names cases and compares outputs that JSON cannot hold, without throwing', () => {
    // String() throws on an input without a prototype, JSON.stringify on a bigint
    const odd = Object.assign(Object.create(null) as object, { fen: 1n });
    const runner = collectingRunner();
    const tester = createPluginTester({ plugins: [sumScorer()], ...runner });
    const inFen = (scorer: Scorer, input: { points: number[] }) => {
      const r = scorer.score(input);
      return r.ok ? ok(BigInt(r.value)) : r;
    };
    tester.runCases(scorers, 'sum', inFen, {
      valid: [
        { input: { points: [40, 2] }, output: 42n },
        { name: 'wrong fen', input: { points: [40, 2] }, output: 43n },
      ],
    });
    tester.runCases(scorers, 'sum', () => ok(0), { valid: [{ input: odd as never }] });
    expect(runner.cases.map((c) => c.name)).toEqual([
      '#0 {"points":[40,2]}',
      'wrong fen',
      '#0 object',
    ]);
    expect(runner.failures()).toEqual({
      'wrong fen': 'output 42n differs from the expected 43n',
    });
  });
});

describe('PluginTester with runs returning diagnostics', () => {
  it('treats a plain diagnostics list as the outcome: valid without errors', () => {
    const runner = collectingRunner();
    const asList = (scorer: Scorer, input: { points: number[] }) => {
      const result = scorer.score(input);
      return result.ok
        ? [{ code: 'SCORING_NOTE', severity: 'info' as const, message: `${result.value}` }]
        : result.diagnostics;
    };
    createPluginTester({ plugins: [sumScorer()], ...runner }).runCases(scorers, 'sum', asList, {
      valid: [
        { name: 'with the info', input: { points: [1] }, expect: ['SCORING_NOTE'] },
        { name: 'wrong info', input: { points: [1] }, expect: ['SCORING_OTHER'] },
      ],
      invalid: [{ name: 'empty', input: { points: [] }, expect: ['SCORING_EMPTY'] }],
    });
    expect(Object.keys(runner.failures())).toEqual(['wrong info']);
  });
});

describe('PluginTester runner discovery', () => {
  afterEach(() => {
    PluginTester.describe = undefined;
    PluginTester.it = undefined;
  });

  it('uses the static describe/it when no option is given', () => {
    const runner = collectingRunner();
    PluginTester.describe = runner.describe;
    PluginTester.it = runner.it;
    createPluginTester({ plugins: [sumScorer()] }).runCases(scorers, 'sum', run, sumCases);
    expect(runner.cases).toHaveLength(4);
  });

  it('runs at once and throws when there is no runner at all', () => {
    const g = globalThis as { describe?: unknown; it?: unknown };
    expect(g.describe).toBeUndefined(); // vitest runs without globals here
    expect(() =>
      createPluginTester({ plugins: [sumScorer()] }).runCases(scorers, 'sum', run, {
        invalid: [{ name: 'x', input: { points: [] }, expect: ['SCORING_NEGATIVE'] }],
      }),
    ).toThrowError(/code SCORING_EMPTY \(expected SCORING_NEGATIVE\)/);
  });
});

describe('PluginTester engines', () => {
  it('expectConfigure checks configure-time diagnostics, e.g. bad options', () => {
    const tester = createPluginTester({});
    tester.expectConfigure([sumScorer({ cap: 10 })]);
    tester.expectConfigure(
      [sumScorer({ cap: -1 })],
      [
        { code: 'PLUGIN_OPTIONS_INVALID', source: 'sum-scorer' },
        { code: 'SCHEMA_TOO_SMALL', path: ['plugins', 'sum-scorer', 'options', 'cap'] },
      ],
    );
    expect(() => tester.expectConfigure([sumScorer({ cap: -1 })])).toThrowError(
      /#0: unexpected error PLUGIN_OPTIONS_INVALID/,
    );
  });

  it('engine() throws on a failing plugin by default and passes hosts on', () => {
    const needsHost = definePlugin({
      name: 'needs-host',
      version: '1.0.0',
      requires: { '@foodsafety/scoring': '^0.1' },
      setup: () => {},
    });
    const tester = createPluginTester({ hosts: { '@foodsafety/scoring': '0.2.0' } });
    expect(() => tester.engine([needsHost()])).toThrowError(/PLUGIN_SETUP_FAILED/);
    const diagnostics: readonly Diagnostic[] = tester.engine([needsHost()], {
      onPluginError: 'isolate',
    }).diagnostics;
    expect(diagnostics.map((d) => d.code)).toEqual(['PLUGIN_HOST_VERSION_MISMATCH']);
  });
});

describe('PluginTester with vitest, only invalid cases', () => {
  // `valid` left out: an empty `valid` suite would fail the file ("No test found in suite valid")
  createPluginTester({ plugins: [sumScorer()], describe, it }).runCases(scorers, 'sum', run, {
    invalid: sumCases.invalid ?? [],
  });
});

describe('PluginTester with vitest, only valid cases', () => {
  createPluginTester({ plugins: [sumScorer()], describe, it }).runCases(scorers, 'sum', run, {
    valid: sumCases.valid ?? [],
  });
});

describe('PluginTester groups', () => {
  it('registers only the groups that have cases', () => {
    const onlyInvalid = collectingRunner();
    createPluginTester({ plugins: [sumScorer()], ...onlyInvalid }).runCases(scorers, 'sum', run, {
      invalid: [{ name: 'empty', input: { points: [] }, expect: ['SCORING_EMPTY'] }],
    });
    expect([onlyInvalid.suites, onlyInvalid.cases.map((c) => c.name)]).toEqual([
      ['scoring.scorers sum', 'invalid'],
      ['empty'],
    ]);
    const onlyValid = collectingRunner();
    createPluginTester({ plugins: [sumScorer()], ...onlyValid }).runCases(scorers, 'sum', run, {
      valid: [{ name: 'adds', input: { points: [1, 2] }, output: 3 }],
    });
    expect([onlyValid.suites, onlyValid.failures()]).toEqual([
      ['scoring.scorers sum', 'valid'],
      {},
    ]);
  });

  it('refuses cases with neither valid nor invalid ones, saying so', () => {
    const runner = collectingRunner();
    expect(() =>
      createPluginTester({ plugins: [sumScorer()], ...runner }).runCases(scorers, 'sum', run, {
        valid: [],
      }),
    ).toThrowError('runCases for scoring.scorers sum has no cases: give valid or invalid ones');
    expect(runner.suites).toEqual([]);
  });
});
