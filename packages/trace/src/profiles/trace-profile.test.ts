import { localizeDiagnostic } from '@foodsafety/core';
/**
 * validateTraceProfile: a profile that would misbehave (check every event wrongly, or nothing)
 * fails to activate, each problem a TRACE_PROFILE_INVALID error with a path into the profile.
 */

import { createEngine, definePlugin } from '@foodsafety/plugin-sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACME_LABEL, ACME_LOT_CODE, acmeMeta } from './__fixtures__/acme-profile.js';
import { english } from './__fixtures__/english.js';
import { checkProfile } from './check-profile.js';
import { parseSelector } from './kde-selector.js';
import {
  defineKde,
  type TraceProfile,
  traceProfiles,
  validateTraceProfile,
} from './trace-profile.js';

const L = ACME_LABEL;
const META = acmeMeta();
const KDE = ACME_LOT_CODE;
const base = {
  meta: META,
  label: L,
  ctes: [
    { id: 'shipping', label: L, match: [{ bizSteps: ['shipping'] }], kdes: [KDE] },
    { id: 'receiving', label: L, match: [{ bizSteps: ['receiving'] }], kdes: [] },
  ],
  rules: [] as unknown[],
};
const valueRule = (extra: Record<string, unknown>) => ({
  kind: 'value',
  id: 'temp',
  select: 'sensorElementList[*].sensorReport[type=Temperature].value',
  op: 'lte',
  value: 4,
  ...extra,
});

/** [path, detail] of each finding of a profile. */
const problems = (profile: unknown) =>
  validateTraceProfile(profile as TraceProfile).map((d) => {
    expect([d.code, d.severity]).toEqual(['TRACE_PROFILE_INVALID', 'error']);
    return [d.path, english(d.params?.detail)];
  });

describe('validateTraceProfile', () => {
  it('says what is wrong with a definition in Chinese too', () => {
    const broken = { ...base, rules: [valueRule({ op: 'exist' }), { id: 'x', kind: 'custom' }] };
    const zh = validateTraceProfile(broken as unknown as TraceProfile).map(
      (d) => localizeDiagnostic(d, 'zh-CN').message,
    );
    expect(zh).toEqual([
      expect.stringMatching(/无效：规则 temp 的 op exist 未知（应为 exists、eq、.* 之一）$/),
      expect.stringMatching(/无效：自定义规则 x 没有 check 函数$/),
    ]);
    expect(zh.join('')).not.toMatch(/\b(?:rule|has|the|unknown|function)\b/);
  });
  it('reports a profile whose members cannot be read (a getter that throws), and checks nothing with it', () => {
    const hostile = {
      ...base,
      get meta(): never {
        throw new Error('no meta here');
      },
    };
    const found = validateTraceProfile(hostile as unknown as TraceProfile);
    expect(found.map((d) => [d.code, d.severity, d.path, english(d.params?.detail)])).toEqual([
      ['TRACE_PROFILE_INVALID', 'error', [], 'reading it failed: no meta here'],
    ]);
    const checked = checkProfile([], hostile as unknown as TraceProfile);
    expect([checked.profile, checked.diagnostics.map((d) => d.code)]).toEqual([
      undefined,
      ['TRACE_PROFILE_INVALID'],
    ]);
  });
  it('accepts a sound profile', () => {
    expect(problems({ ...base, rules: [valueRule({})] })).toEqual([]);
  });

  it('reports an unknown op (exist for exists), naming the ops', () => {
    expect(problems({ ...base, rules: [valueRule({ op: 'exist', value: undefined })] })).toEqual([
      [
        ['rules', 0, 'op'],
        'rule temp has the unknown op exist (one of exists, eq, ne, lt, lte, gt, gte, in, not-in, matches, gtin-in)',
      ],
    ]);
  });

  it('reports a value that does not fit the op', () => {
    const rules = [
      valueRule({ id: 'a', value: '4' }), // lte compares numbers: '4' would fail every event
      valueRule({ id: 'b', op: 'in', value: 'shipping' }),
      valueRule({ id: 'c', op: 'matches', value: '(' }),
      valueRule({ id: 'd', op: 'eq', value: undefined }),
      valueRule({ id: 'e', when: { select: 'bizStep', op: 'gt', value: Number.NaN } }),
    ];
    expect(problems({ ...base, rules })).toEqual([
      [['rules', 0, 'value'], 'rule a: op lte needs a finite number, not 4'],
      [['rules', 1, 'value'], 'rule b: op in needs a list, not shipping'],
      [['rules', 2, 'value'], 'rule c: op matches needs a valid regular expression, not ('],
      [['rules', 3, 'value'], 'rule d: op eq needs a text, number or boolean, not undefined'],
      [['rules', 4, 'when', 'value'], 'rule e: op gt needs a finite number, not NaN'],
    ]);
  });

  it('reports a uom that is no convertible unit, or that goes with an op other than a comparison', () => {
    const rules = [
      valueRule({ id: 'a', uom: 'CEL' }),
      valueRule({ id: 'b', uom: 'FAH', op: 'gt', value: -40 }),
      valueRule({ id: 'c', uom: 'LBR', op: 'eq', value: 2 }),
      valueRule({ id: 'd', uom: 'DEGC' }), // not a Rec 20 code (CEL is)
      valueRule({ id: 'e', uom: 'CEL', op: 'in', value: [1, 2] }),
      valueRule({ id: 'f', uom: 'CEL', op: 'eq', value: 'cold' }),
      valueRule({ id: 'g', when: { select: 'x', op: 'exists', uom: 'KGM' } }),
      valueRule({ id: 'h', uom: 42 }),
    ];
    const sd =
      'is no unit that converts (CEL, FAH, KEL, or a mass, volume or count unit of Rec 20)';
    const ops = 'a uom goes with eq, ne, lt, lte, gt, gte and a number value';
    expect(problems({ ...base, rules })).toEqual([
      [['rules', 3, 'uom'], `rule d: uom DEGC ${sd}`],
      [['rules', 4, 'uom'], `rule e: ${ops}`],
      [['rules', 5, 'uom'], `rule f: ${ops}`],
      [['rules', 6, 'when', 'uom'], `rule g: ${ops}`],
      [['rules', 7, 'uom'], `rule h: uom 42 ${sd}`],
    ]);
  });

  it('reports KDEs without an id or with selectors that are not text, and duplicate ids', () => {
    const kdes = [
      { ...KDE, select: [42] },
      { label: KDE.label, select: ['ilmd.x'] },
      { ...KDE, select: ['ilmd.other'] },
    ];
    expect(problems({ ...base, ctes: [{ ...base.ctes[0], kdes }] })).toEqual([
      [['ctes', 0, 'kdes', 0, 'select', 0], 'KDE tlc of shipping: the selector 42 is not text'],
      [['ctes', 0, 'kdes', 1, 'id'], 'a KDE of shipping has no id'],
      [['ctes', 0, 'kdes', 2, 'id'], 'KDE tlc of shipping is defined twice'],
    ]);
  });

  it('reports malformed selectors, which would silently select nothing', () => {
    for (const bad of ['[[[', 'ilmd..tlc', 'quantityList[*', 'a[=x]', '', 'ilmd.', 'a]b']) {
      const kdes = [{ ...KDE, select: [bad] }];
      expect(problems({ ...base, ctes: [{ ...base.ctes[0], kdes }] })).toEqual([
        [
          ['ctes', 0, 'kdes', 0, 'select', 0],
          `KDE tlc of shipping: the selector ${bad} is malformed`,
        ],
      ]);
    }
    expect(problems({ ...base, rules: [valueRule({ select: '[[[' })] })).toEqual([
      [['rules', 0, 'select'], 'rule temp: the selector [[[ is malformed'],
    ]);
  });

  it('accepts every form of the selector language', () => {
    const forms = [
      'bizLocation.id',
      'quantityList[*].quantity',
      'epcList[0]',
      'sourceList[type=location].source',
      'ilmd.*:harvestStartDate',
      'ilmd["https://ns.example.com/x"]',
      'fsk:cte',
      'sensorElementList[*].sensorReport[type=Temperature].value',
    ];
    const kdes = forms.map((select, i) => ({ ...KDE, id: `k${i}`, select: [select] }));
    expect(problems({ ...base, ctes: [{ ...base.ctes[0], kdes }] })).toEqual([]);
  });

  it('accepts only selectors that parse to at least one step', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.constantFrom('a', '.', '[', ']', '*', '0', '=', '"', ':'), { maxLength: 12 })
          .map((parts) => parts.join('')),
        (s) => {
          const kdes = [{ ...KDE, select: [s] }];
          const accepted = problems({ ...base, ctes: [{ ...base.ctes[0], kdes }] }).length === 0;
          if (accepted) expect(parseSelector(s).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("reports a scope that is neither lot nor lineage (no silent 'lot')", () => {
    const rule = { kind: 'requires-before', id: 'r', cte: 'shipping', requires: 'receiving' };
    expect(problems({ ...base, rules: [{ ...rule, scope: 'lineage ' }] })).toEqual([
      [['rules', 0, 'scope'], 'rule r has the scope lineage , not lot or lineage'],
    ]);
  });

  it('reports a severity that is not error, warning or info', () => {
    expect(problems({ ...base, rules: [valueRule({ severity: 'fatal' })] })).toEqual([
      [['rules', 0, 'severity'], 'rule temp has the severity fatal, not error, warning or info'],
    ]);
  });

  it('reports a custom rule whose check is not a function', () => {
    expect(problems({ ...base, rules: [{ kind: 'custom', id: 'x', check: 'nope' }] })).toEqual([
      [['rules', 0, 'check'], 'custom rule x has no check function'],
    ]);
  });

  it('reports duplicate rule ids and rules without an id', () => {
    const rules = [valueRule({}), valueRule({}), valueRule({ id: undefined })];
    expect(problems({ ...base, rules })).toEqual([
      [['rules', 1, 'id'], 'rule temp is defined twice'],
      [['rules', 2, 'id'], 'a rule has no id'],
    ]);
  });

  it('reports missing labels of the profile and of a CTE', () => {
    const { label: _, ...unlabelled } = base;
    expect(
      problems({ ...unlabelled, ctes: [{ ...base.ctes[0], label: { en: 'Shipping' } }] }),
    ).toEqual([
      [['label'], 'the profile has no label (an object with zh-CN and en texts)'],
      [['ctes', 0, 'label'], 'CTE shipping has no zh-CN label'],
    ]);
  });

  it('reports match entries that are not lists of words', () => {
    const match = [{ bizSteps: 'shipping' }, 7];
    expect(problems({ ...base, ctes: [{ ...base.ctes[0], match }] })).toEqual([
      [
        ['ctes', 0, 'match', 0, 'bizSteps'],
        'bizSteps of a match entry of CTE shipping must be a list of texts',
      ],
      [['ctes', 0, 'match', 1], 'a match entry of CTE shipping is not an object'],
    ]);
  });

  it('reports a KDE format it does not know, in both languages, with the path to it', () => {
    const kdes = [
      { ...KDE, id: 'qty', format: 'quantity' }, // for quantityWithUnit
      { ...KDE, id: 'uom', format: 42 },
      { ...KDE, id: 'a', format: 'quantityWithUnit' },
      { ...KDE, id: 'b', format: 'unit' },
      { ...KDE, id: 'c', format: undefined },
    ];
    const profile = { ...base, ctes: [base.ctes[0], { ...base.ctes[1], kdes }] };
    expect(problems(profile)).toEqual([
      [
        ['ctes', 1, 'kdes', 0, 'format'],
        'KDE qty of receiving has the unknown format quantity (one of quantityWithUnit, unit)',
      ],
      [
        ['ctes', 1, 'kdes', 1, 'format'],
        'KDE uom of receiving has the unknown format 42 (one of quantityWithUnit, unit)',
      ],
    ]);
    const zh = validateTraceProfile(profile as unknown as TraceProfile).map(
      (d) => localizeDiagnostic(d, 'zh-CN').message,
    );
    expect(zh[0]).toMatch(
      /无效：receiving 的 KDE qty 的 format quantity 未知（应为 quantityWithUnit、unit 之一）$/,
    );
  });

  it('keeps a plugin with a broken profile from activating, with the path into it', () => {
    const broken = definePlugin({
      name: 'acme-profile',
      version: '1.0.0',
      setup: (ctx) => {
        ctx.contribute(traceProfiles, { ...base, rules: [valueRule({ op: 'exist' })] } as never);
      },
    });
    const engine = createEngine({ plugins: [broken()], onPluginError: 'isolate' });
    expect(engine.has(traceProfiles, 'acme.p')).toBe(false);
    expect(engine.diagnostics.map((d) => [d.code, d.path])).toEqual([
      [
        'PLUGIN_CONTRIBUTION_INVALID',
        ['plugins', 'acme-profile', 'contributions', 'trace.profiles', 'acme.p'],
      ],
      [
        'TRACE_PROFILE_INVALID',
        ['plugins', 'acme-profile', 'contributions', 'trace.profiles', 'acme.p', 'rules', 0, 'op'],
      ],
    ]);
  });
});

describe('defineKde', () => {
  it('takes the format of the KDE cell, and leaves it out when none is given', () => {
    expect(
      defineKde('qty', 'Quantity and unit', '数量及单位', ['quantityList[*].quantity'], {
        format: 'quantityWithUnit',
      }),
    ).toEqual({
      id: 'qty',
      label: { en: 'Quantity and unit', 'zh-CN': '数量及单位' },
      select: ['quantityList[*].quantity'],
      format: 'quantityWithUnit',
    });
    expect(defineKde('u', 'Unit', '单位', ['quantityList[*].uom'], { format: 'unit' }).format).toBe(
      'unit',
    );
    expect('format' in defineKde('x', 'X', '某', ['a'], { citation: 'c' })).toBe(false);
  });
});
