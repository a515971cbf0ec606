import { describe, expect, it } from 'vitest';
import { testMeta } from '../standard/__fixtures__/test-meta.js';
import { defineStandard } from '../standard/define-standard.js';
import { score } from '../standard/score.js';
import { summarizeSurvey } from './summarize-survey.js';

const responses = [
  ...Array.from({ length: 80 }, (_, i) => ({
    region: 'xigang',
    satisfaction: 80,
    aware: i < 64,
    supports: i < 72,
  })),
  ...Array.from({ length: 20 }, (_, i) => ({
    region: 'jinpu',
    satisfaction: 60,
    aware: i < 10,
    supports: i < 19,
  })),
];

describe('summarizeSurvey', () => {
  it('city and regions: mean score, rates, threshold checks (70 / 75 % / 85 %) and facts', () => {
    const r = summarizeSurvey({ responses });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { city, regions } = r.value;
    expect(city.satisfaction?.mean).toBe(76);
    expect(city.awareness?.rate).toBeCloseTo(0.74, 12);
    expect(city.support?.rate).toBeCloseTo(0.91, 12);
    expect(city.checks.satisfaction).toMatchObject({ threshold: 70, meets: true });
    expect(r.value.meta).toMatchObject({
      id: 'cn.demonstration-city.survey-thresholds',
      confidence: 'secondary',
    });
    expect(city.checks.awareness).toMatchObject({
      threshold: 75,
      meets: false,
      meetsAtLowerBound: false,
    });
    expect(city.checks.support?.meets).toBe(true);
    expect(city.facts).toMatchObject({ satisfaction: 76 });
    expect(city.facts.awareness).toBeCloseTo(74, 10);
    expect(regions.map((x) => [x.unit.id, x.awareness?.rate])).toEqual([
      ['xigang', 0.8],
      ['jinpu', 0.5],
    ]);
  });

  it('provincial thresholds (80 / 85 %) and a 1–5 scale', () => {
    const r = summarizeSurvey(
      {
        satisfactionScale: { min: 1, max: 5 },
        responses: [{ satisfaction: 5 }, { satisfaction: 4 }, { satisfaction: 4 }],
      },
      { thresholds: { satisfaction: 80, awareness: 85, support: 85 } },
    );
    expect(r.ok && r.value.city.satisfaction?.mean).toBeCloseTo((100 + 75 + 75) / 3, 12);
    expect(r.ok && r.value.city.checks.satisfaction?.meets).toBe(true);
    expect(r.ok && r.value.city.awareness).toBeNull();
    expect(r.ok && r.value.meta.confidence).toBe('unverified');
  });

  it('feeds the survey items of a standard', () => {
    const std = defineStandard({
      meta: testMeta('t'),
      items: [
        {
          id: 'aware',
          tier: 'basic',
          points: 2,
          rule: { kind: 'threshold', input: 'awareness', bands: [{ atLeast: 75, points: 2 }] },
        },
      ],
      vetoes: [
        {
          id: 'survey',
          when: {
            any: [
              { value: 'satisfaction', op: '<', than: 70 },
              { value: 'support', op: '<', than: 85 },
            ],
          },
        },
      ],
    });
    const s = summarizeSurvey({ responses });
    if (!std.ok || !s.ok) throw new Error('setup');
    const sc = score(std.value, s.value.city.facts, {
      regions: Object.fromEntries(s.value.regions.map((r) => [r.unit.id, r.facts])),
    });
    expect(sc.items[0]?.points).toBe(0);
    expect(sc.vetoesFired).toEqual([]);
    expect(sc.regions.find((r) => r.unit.id === 'jinpu')?.vetoesFired.map((v) => v.id)).toEqual([
      'survey',
    ]);
    expect(sc.regions.find((r) => r.unit.id === 'xigang')?.items[0]?.points).toBe(2);
  });

  it('bad responses give diagnostics with paths', () => {
    const r = summarizeSurvey({
      responses: [{ satisfaction: 120 }, { weight: -1 }, { aware: 'yes' }],
    });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.path?.join('.'))).toEqual(
      expect.arrayContaining([
        'responses.0.satisfaction',
        'responses.1.weight',
        'responses.2.aware',
      ]),
    );
  });

  it('options that cannot be read give diagnostics under options, not a TypeError', () => {
    const bare = Object.create(null);
    const cases: [unknown, string[][]][] = [
      [null, [['SCHEMA_INVALID_TYPE', 'options']]],
      [{ confidence: 10n }, [['SCHEMA_INVALID_TYPE', 'options.confidence']]],
      [
        { thresholds: { satisfaction: [bare], awareness: '75', support: 85 } },
        [
          ['SCHEMA_INVALID_TYPE', 'options.thresholds.satisfaction'],
          ['SCHEMA_INVALID_TYPE', 'options.thresholds.awareness'],
        ],
      ],
      [
        { factNames: { satisfaction: bare } },
        [['SCHEMA_INVALID_TYPE', 'options.factNames.satisfaction']],
      ],
    ];
    for (const [options, expected] of cases) {
      const r = summarizeSurvey({ responses }, options as never);
      expect(r.ok).toBe(false);
      expect(r.diagnostics.map((d) => [d.code, d.path?.join('.')])).toEqual(expected);
    }
    // partial thresholds, and options that are null (their defaults), are read as before
    const partial = summarizeSurvey({ responses }, { thresholds: { satisfaction: 75 } as never });
    expect(partial.ok && partial.value.city.checks.satisfaction?.meets).toBe(true);
    const nulls = summarizeSurvey({ responses }, {
      confidence: null,
      thresholds: null,
      factNames: { satisfaction: null },
    } as never);
    const defaults = summarizeSurvey({ responses });
    if (!nulls.ok || !defaults.ok) throw new Error('expected summaries');
    expect([nulls.value.city, nulls.value.regions, nulls.value.thresholds]).toEqual([
      defaults.value.city,
      defaults.value.regions,
      defaults.value.thresholds,
    ]);
  });
});
