/**
 * The reference scenario: Dalian's 2017 campaign for the title "National Food Safety
 * Demonstration City". Run with `pnpm scenario` (add `-- --locale zh-CN` for Chinese diagnostics).
 */
import { formatDiagnostic, isLocale, type Locale } from '@foodsafety/core';
import { licenceStatus, overdueEntries, summarizeRectifications } from '@foodsafety/model';
import { assessCity } from './assess-city.js';
import { assessmentReport } from './assessment-report.js';
import { loadAssessmentData } from './load-assessment-data.js';
import { loadScenario } from './load-scenario.js';
import { percent, ratio } from './rates.js';

const localeArg = process.argv.indexOf('--locale');
const requested = localeArg >= 0 ? process.argv[localeArg + 1] : undefined;
const locale: Locale = isLocale(requested) ? requested : 'en';

const { scenario, diagnostics } = loadScenario();
for (const d of diagnostics) console.log(formatDiagnostic(d, locale));
if (!scenario) {
  console.error('The scenario data did not load; see the diagnostics above.');
  process.exit(1);
}

const { jurisdictions, departments, operators, supermarketLedger, figures } = scenario;
const line = (label: string, value: string | number) =>
  console.log(`  ${label.padEnd(46)} ${value}`);

console.log('Dalian 2017 — National Food Safety Demonstration City (国家食品安全示范城市)\n');

console.log('Responsibility system (党政同责)');
const byLevel = new Map<string, number>();
for (const node of jurisdictions.nodes.values())
  byLevel.set(node.jurisdiction.level, (byLevel.get(node.jurisdiction.level) ?? 0) + 1);
line(
  'jurisdiction network (city/district/street/community)',
  ['city', 'district', 'street', 'community'].map((l) => byLevel.get(l) ?? 0).join(' / '),
);
line('regions (districts, counties, new areas)', byLevel.get('district') ?? 0);
line('municipal departments (委办局)', departments.length);
line('creation tasks (创建任务)', figures.responsibility.tasks);
line(
  'supervision offices meeting the standard',
  `${figures.responsibility.officesMeetingStandardShare * 100} %`,
);

console.log('\nOperators in the scenario, licences as of 2017-12-31');
for (const op of operators) {
  const licences =
    op.licences.map((l) => `${l.number} ${licenceStatus(l, '2017-12-31').status}`).join(', ') ||
    'no licence (primary producer)';
  line(`${op.name} [${op.businessType}]`, licences);
}

console.log(
  `\nRectification ledger of a demonstration supermarket (整改台账), as of ${scenario.ledgerAsOf}`,
);
const summary = summarizeRectifications(supermarketLedger, scenario.ledgerAsOf);
line(
  'entries: total / open / closed / verified',
  `${summary.total} / ${summary.open} / ${summary.closed} / ${summary.verified}`,
);
line('overdue (open past the deadline)', summary.overdue);
for (const o of overdueEntries(supermarketLedger, scenario.ledgerAsOf)) {
  line(`  ${o.entry.id}, deadline ${o.deadline}`, `${o.daysOverdue} days overdue`);
}

console.log('\nSampling (抽检), computed from the counts');
const nominated = figures.publicNominatedSampling;
line(
  'public-nominated batches: sampled / failed',
  `${nominated.batchesSampled} / ${nominated.batchesFailed}`,
);
line(
  'pass rate computed (report says 99.2 %)',
  percent(nominated.batchesSampled - nominated.batchesFailed, nominated.batchesSampled),
);
const [y2015, y2016] = figures.samplingVolume;
if (y2015 && y2016)
  line('growth 2015 → 2016 (report says 1.8 times)', `${ratio(y2016.batches, y2015.batches)} ×`);
for (const year of figures.samplingVolume) {
  const perThousand = ratio(year.batches * 1000, figures.population.value);
  line(
    `${year.year}${year.months ? ` (first ${year.months} months)` : ''}: batches, per 1 000 residents`,
    `${year.batches}, ${perThousand}`,
  );
}

console.log('\nCatering and enforcement');
line('open kitchens (明厨亮灶)', figures.catering.openKitchens);
line(
  'central kitchens graded B or better',
  `${figures.catering.centralKitchensGradeBOrBetter} of ${figures.catering.centralKitchens}`,
);
line(
  'inspections / administrative cases / criminal cases',
  `${figures.enforcement.inspections} / ${figures.enforcement.administrativeCases} / ${figures.enforcement.criminalCasesSolved}`,
);
line(
  'liability insurance: insured / cover (yuan) / claims',
  `${figures.insurance.businessesInsured} / ${figures.insurance.totalCoverYuan} / ${figures.insurance.claimsPaid}`,
);

// The creation-standard assessment: verdict, weakest items, regions and departments, P(pass).
const assessed = assessCity(scenario, loadAssessmentData());
for (const d of assessed.diagnostics) console.log(formatDiagnostic(d, locale));
if (!assessed.assessment) {
  console.error('The assessment could not run; see the diagnostics above.');
  process.exit(1);
}
for (const text of assessmentReport(assessed.assessment)) console.log(text);
