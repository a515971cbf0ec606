import { describe, expect, it } from 'vitest';
import { loadScenario } from './load-scenario.js';

describe('the Dalian 2017 scenario data', () => {
  const { scenario, diagnostics } = loadScenario();

  it('parses through the model schemas without errors', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(scenario).toBeDefined();
  });

  it('has the programme structure: 13 regions under the city, 30 departments (CITY-PROGRAMME.md §1)', () => {
    const nodes = [...(scenario?.jurisdictions.nodes.values() ?? [])];
    const regions = nodes.filter((n) => n.jurisdiction.level === 'district');
    expect(regions).toHaveLength(13);
    expect(regions.every((n) => n.jurisdiction.parentCode === '210200')).toBe(true);
    expect(new Set(nodes.map((n) => n.jurisdiction.level))).toEqual(
      new Set(['city', 'district', 'street', 'community']),
    );
    expect(scenario?.departments).toHaveLength(30);
    expect(scenario?.figures.responsibility.tasks).toBe(656);
  });

  it('finds the one overdue supermarket rectification as of the end of 2017', () => {
    const entries = scenario?.supermarketLedger.entries ?? [];
    expect(entries.map((e) => e.id)).toEqual(['r-2017-11-01', 'r-2017-11-02', 'r-2017-12-01']);
  });
});
