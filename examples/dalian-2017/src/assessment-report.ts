/**
 * The assessment as text lines for the terminal (the scenario's main job prints them): verdict
 * with the parts of the pass rule, weakest items, regions and departments across the rounds,
 * and P(pass) under assessment uncertainty.
 */
import type { UnitSimulation, UnitTaskRates, UnitTrend } from '@foodsafety/scoring';
import { CN_PROVINCIAL_THRESHOLDS } from '@foodsafety/scoring/cn';
import type { AssessedUnit, CityAssessment } from './assess-city.js';
import type { FactBasis } from './standard-facts.js';

const pct = (x: number | null | undefined, digits = 0): string =>
  x === null || x === undefined ? '–' : `${(x * 100).toFixed(digits)} %`;
const pts = (x: number): string => x.toFixed(2);
const fixed = (x: number | null, digits = 0): string => (x === null ? '–' : x.toFixed(digits));
const row = (label: string, value: string): string => `  ${label.padEnd(46)} ${value}`;
const short = (text: string, width: number): string =>
  text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`;

function tierLine(a: CityAssessment): string {
  const t = a.result.tiers;
  return (['key', 'basic', 'bonus', 'pilot'] as const)
    .map((k) => `${k} ${pts(t[k].points)}/${t[k].max}`)
    .join(', ');
}

function basisCounts(a: CityAssessment): string {
  const counts: Record<FactBasis, number> = { published: 0, derived: 0, assumed: 0, simulated: 0 };
  for (const name of a.standard.factNames) {
    const p = a.provenance[name];
    if (p) counts[p.basis] += 1;
  }
  return `${a.standard.factNames.length} — published ${counts.published}, derived ${counts.derived}, assumed ${counts.assumed}, simulated ${counts.simulated}`;
}

function unitTable(
  units: readonly AssessedUnit[],
  trends: readonly UnitTrend[],
  rates: readonly UnitTaskRates[],
  scores: ReadonlyMap<string, number>,
  sims: readonly UnitSimulation[],
): { unit: AssessedUnit; line: string; last: number }[] {
  const trendOf = new Map(trends.map((t) => [t.id, t]));
  const rateOf = new Map(rates.map((r) => [r.unit.id, r]));
  const simOf = new Map(sims.map((s) => [s.id, s]));
  return units.map((unit) => {
    const trend = trendOf.get(unit.id);
    const rate = rateOf.get(unit.id);
    const sim = simOf.get(unit.id);
    const series = (trend?.scores ?? []).map((s) => fixed(s).padStart(4)).join('');
    const last = trend?.scores[trend.scores.length - 1] ?? 0;
    const rank = trend?.ranks[trend.ranks.length - 1] ?? null;
    const slope = trend?.slope ?? null;
    const rankText = `${fixed(rank).padStart(2)} (${fixed(trend?.bestRank ?? null)}–${fixed(trend?.worstRank ?? null)})`;
    const overdue = `${fixed(rate?.overdue ?? null)}/${fixed(rate?.total ?? null)}`;
    const line = `  ${short(unit.englishName, 26)}${series} ${(slope === null ? '–' : `${slope >= 0 ? '+' : ''}${slope.toFixed(1)}`).padStart(6)}  ${rankText.padEnd(13)}${overdue.padStart(7)}  ${pts(scores.get(unit.id) ?? 0).padStart(6)}  ${(sim?.pPass ?? 0).toFixed(3)}`;
    return { unit, line, last };
  });
}

/** The assessment report, one string per line. */
export function assessmentReport(a: CityAssessment): string[] {
  const r = a.result;
  const sim = a.simulation;
  const out: string[] = [];
  const itemTitle = (id: string) => {
    const item = a.standard.items.find((i) => i.id === id);
    return item?.title?.en ?? id;
  };
  out.push(
    `\nCreation-standard assessment (创建标准评价) as of ${a.asOf}: ${a.standard.spec.title?.en ?? a.standard.meta.id}`,
  );
  out.push(
    row(
      'rule set',
      `${r.meta.id} ${r.meta.version} (confidence ${r.meta.confidence}: item texts reconstructed)`,
    ),
  );
  out.push(row('facts the standard reads', basisCounts(a)));
  out.push(
    row(
      'facts missing (never scored as zero silently)',
      a.missingFacts.length === 0 ? 'none' : a.missingFacts.join(', '),
    ),
  );
  const c = r.checks;
  const rule = a.standard.compiled.pass;
  out.push(
    row(
      'verdict',
      `${r.pass ? 'PASS' : `FAIL (${[!c.noVeto && 'veto', !c.keyItems && 'key items', !c.total && 'total'].filter(Boolean).join(', ')})`} — rule: ${rule.noVeto ? 'no veto, ' : ''}every key item ≥ ${rule.keyItemMinPercent} % of its points, total ≥ ${rule.minTotal}`,
    ),
  );
  out.push(
    row(
      '  vetoes fired',
      r.vetoesFired.length === 0
        ? `none of ${a.standard.vetoes.length}`
        : r.vetoesFired.map((v) => v.title?.en ?? v.id).join('; '),
    ),
  );
  const keyShares = r.items
    .filter((i) => i.tier === 'key')
    .map((i) => ({ id: i.id, share: i.points / i.max }))
    .sort((x, y) => x.share - y.share);
  const lowestKey = keyShares[0];
  out.push(
    row(
      `  key items below ${rule.keyItemMinPercent} % of their points`,
      c.failingKeyItems.length > 0
        ? c.failingKeyItems.join(', ')
        : `none (lowest: ${lowestKey?.id} at ${pct(lowestKey?.share)})`,
    ),
  );
  out.push(
    row(
      `  total vs ${rule.minTotal}`,
      `${pts(r.total)} ${c.total ? '≥' : '<'} ${rule.minTotal} (${tierLine(a)})`,
    ),
  );
  if (a.stricter) {
    const t = CN_PROVINCIAL_THRESHOLDS.stricter ?? {};
    const st = a.stricter;
    out.push(
      row(
        `  if satisfaction ≥ ${t.satisfaction}, awareness ≥ ${t.awareness} %`,
        `${st.pass ? 'PASS' : 'FAIL'}${st.vetoesFired.length > 0 ? ` (veto ${st.vetoesFired.map((v) => v.id).join(', ')})` : ''} — thresholds of some provinces' sheets`,
      ),
    );
  }

  out.push(
    '\nWeakest items (points earned of the maximum, key and basic items; basis of the fact)',
  );
  const weakest = r.items
    .filter((i) => (i.tier === 'key' || i.tier === 'basic') && i.points < i.max)
    .sort((x, y) => x.points / x.max - y.points / y.max || x.id.localeCompare(y.id))
    .slice(0, 6);
  for (const i of weakest) {
    const facts = a.standard.items.find((s) => s.id === i.id)?.facts ?? [];
    const bases = [...new Set(facts.map((f) => a.provenance[f]?.basis ?? '?'))].join('/');
    out.push(
      `  ${i.id} ${short(itemTitle(i.id), 52)} ${pts(i.points).padStart(5)} / ${i.max}  ${pct(i.points / i.max).padStart(5)}  ${bases}`,
    );
  }
  const unearned = r.items.filter(
    (i) => (i.tier === 'bonus' || i.tier === 'pilot') && i.points === 0,
  );
  out.push(
    `  bonus not earned: ${unearned.map((i) => i.id).join(', ')} (not claimed in the programme)`,
  );

  out.push(
    `\nTask ledger (SIMULATED: ${a.tasks.length} tasks, ${a.regions.length} regions, ${a.departments.length} departments), completion % by bi-monthly round, trend in points per round, December rank (best–worst)`,
  );
  const cityRounds = a.regionRounds.rounds.map((round) => {
    const done = a.ledger.tasks.filter(
      (t) => t.status === 'completed' && (t.completedOn ?? '') <= round.date,
    ).length;
    return `${((done / a.ledger.tasks.length) * 100).toFixed(0)}`.padStart(4);
  });
  out.push(
    `  ${''.padEnd(26)}${a.rounds.map((x) => x.label.padStart(4)).join('')} ${'trend'.padStart(6)}  ${'rank (range)'.padEnd(13)}${'overdue'.padStart(7)}  ${'score'.padStart(6)}  P(pass)`,
  );
  out.push(
    `  ${'city'.padEnd(26)}${cityRounds.join('')} ${''.padStart(6)}  ${''.padEnd(13)}${`${a.rates.city.overdue}/${a.rates.city.total}`.padStart(7)}  ${pts(r.total).padStart(6)}  ${sim.pPass.toFixed(3)}`,
  );
  const regionScores = new Map(r.regions.map((u) => [u.unit.id, u.total]));
  const regionRows = unitTable(
    a.regions,
    a.regionRounds.units,
    a.rates.regions,
    regionScores,
    sim.regions,
  ).sort((x, y) => x.last - y.last || x.unit.id.localeCompare(y.unit.id));
  out.push('  regions, weakest first:');
  for (const x of regionRows) out.push(x.line);
  const departmentScores = new Map(r.departments.map((u) => [u.unit.id, u.total]));
  const departmentRows = unitTable(
    a.departments,
    a.departmentRounds.units,
    a.rates.departments,
    departmentScores,
    sim.departments,
  ).sort((x, y) => x.last - y.last || x.unit.id.localeCompare(y.unit.id));
  out.push(`  departments, the 6 weakest of ${a.departments.length}:`);
  for (const x of departmentRows.slice(0, 6)) out.push(x.line);

  const q = sim.quantiles;
  out.push(
    `\nP(pass) under assessment uncertainty (${sim.runs} Monte Carlo runs; errors per fact in data/standard-facts.json)`,
  );
  out.push(
    row(
      'city: P(pass) (95 % interval)',
      `${sim.pPass.toFixed(3)} (${sim.pPassInterval[0].toFixed(3)}–${sim.pPassInterval[1].toFixed(3)}); total 5 %–95 %: ${pts(q[0] ?? 0)}–${pts(q[q.length - 1] ?? 0)}`,
    ),
  );
  const vetoRisks = Object.entries(sim.pVeto.byVeto)
    .filter(([, p]) => p > 0)
    .sort((x, y) => y[1] - x[1])
    .map(([id, p]) => `${id} ${p.toFixed(3)}`);
  out.push(
    row(
      'city: P(veto) any, and by veto',
      `${sim.pVeto.any.toFixed(3)}${vetoRisks.length > 0 ? `: ${vetoRisks.join(', ')}` : ''}`,
    ),
  );
  out.push(
    row(`city: P(every key item ≥ ${rule.keyItemMinPercent} %)`, sim.city.pKeyItemsOk.toFixed(3)),
  );
  const riskiest = [...sim.regions].sort((x, y) => x.pPass - y.pPass).slice(0, 3);
  const regionName = new Map(a.regions.map((u) => [u.id, u.englishName]));
  out.push(
    row(
      'regions least likely to pass',
      riskiest.map((u) => `${regionName.get(u.id) ?? u.id} ${u.pPass.toFixed(3)}`).join(', '),
    ),
  );
  const s = a.survey.city;
  out.push(
    row(
      `survey (SIMULATED, ${a.surveyRespondents} respondents)`,
      `satisfaction ${fixed(s.satisfaction?.mean ?? null, 1)} (≥ 70), awareness ${pct(s.awareness?.rate, 1)} (≥ 75 %), support ${pct(s.support?.rate, 1)} (≥ 85 %)`,
    ),
  );
  return out;
}
