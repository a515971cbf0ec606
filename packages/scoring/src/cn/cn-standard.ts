import { describeValue } from '@foodsafety/core';
import type {
  Expression,
  ItemRule,
  ItemSpec,
  PassRuleSpec,
  StandardSpec,
  Tier,
  VetoSpec,
} from '../standard/standard-spec.js';
import { applyMergePatch, type JsonValue } from '../standard/what-if.js';

/**
 * How far each part of the CN standard can be trusted. The tier structure, pass rule, vetoes and
 * thresholds come from secondary sources (a provincial scoring sheet and a provincial draft, see
 * REFERENCES.md); the 50 individual item texts and point splits are NOT published in our
 * references and are a plausible reconstruction whose tier totals match the published structure.
 */
export const CN_STANDARD_CONFIDENCE = Object.freeze({
  structure: 'secondary',
  passRule: 'secondary',
  vetoes: 'secondary',
  thresholds: 'secondary',
  itemTexts: 'unverified',
  pointSplits: 'unverified',
} as const);

/** Thresholds of the CN standard, as data (every figure overridable). */
export interface CnThresholds {
  /** Public satisfaction (points, 0–100); national first part 70 (some provinces 80). */
  readonly satisfaction: number;
  /** Awareness of the creation work (%); national 75 (some provinces 85). */
  readonly awareness: number;
  /** Support for the creation work (%); national 85. */
  readonly support: number;
  /** Food testing batches per 1 000 residents per year; 4. */
  readonly samplingPer1000: number;
  /** Of which aimed at pesticide and veterinary-drug residues, per 1 000; 2. */
  readonly residueSamplingPer1000: number;
  /** Case investigation, disposal of non-conforming results, publication of penalties (%); 100. */
  readonly caseHandling: number;
  /** Evaluative sampling pass rate (%); 98. */
  readonly evaluativePassRate: number;
}

/** The national thresholds (first part of the standard, as reproduced by Zhejiang's draft; secondary). */
export const CN_NATIONAL_THRESHOLDS: CnThresholds = Object.freeze({
  satisfaction: 70,
  awareness: 75,
  support: 85,
  samplingPer1000: 4,
  residueSamplingPer1000: 2,
  caseHandling: 100,
  evaluativePassRate: 98,
});

/** Threshold variants seen in provincial sheets (secondary): Jiangsu has satisfaction at 80 points. */
export const CN_PROVINCIAL_THRESHOLDS: Readonly<Record<string, Partial<CnThresholds>>> =
  Object.freeze({
    jiangsu: { satisfaction: 80 },
    /** "satisfaction ≥ 80 points and awareness ≥ 85 % in some provinces' sheets" (REFERENCES.md). */
    stricter: { satisfaction: 80, awareness: 85 },
  });

/** Options of {@link cnStandard}. */
export interface CnStandardOptions {
  /** Threshold overrides (merged over {@link CN_NATIONAL_THRESHOLDS}). */
  readonly thresholds?: Partial<CnThresholds>;
  /** Pass-rule overrides (defaults: no veto, every key item ≥ 60 %, total ≥ 90). */
  readonly pass?: PassRuleSpec;
  /** Special pilot tasks that can earn points (+2 each); default 2 (so at most 4 points). */
  readonly maxPilotTasks?: number;
  /** Points per pilot task; default 2. */
  readonly pointsPerPilotTask?: number;
  /**
   * Per-item overrides by item id (points, title, rule…). Overriding points drops the declared
   * tier totals (58/42/16), since the structure is then the user's.
   */
  readonly items?: Readonly<Record<string, Partial<Omit<ItemSpec, 'id'>>>>;
  /** A final JSON merge patch on the whole spec (anything else). */
  readonly patch?: JsonValue;
}

type Area = 'responsibility' | 'whole-chain' | 'capacity' | 'participation' | 'innovation';

interface Row {
  readonly id: string;
  readonly tier: Tier;
  readonly points: number;
  readonly area: Area;
  readonly zh: string;
  readonly en: string;
  readonly rule: ItemRule;
}

const bool = (input: string): ItemRule => ({ kind: 'boolean', input });
const linear = (input: Expression, zeroAt: number, fullAt: number): ItemRule => ({
  kind: 'linear',
  input,
  zeroAt,
  fullAt,
});
/** Full points at `full`, 60 % of the points at `partial` (a two-band table). */
const bands = (input: Expression, full: number, partial: number, points: number): ItemRule => ({
  kind: 'threshold',
  input,
  bands: [
    { atLeast: partial, points: Math.round(points * 60) / 100 },
    { atLeast: full, points },
  ],
});

/**
 * A threshold in an item text. A threshold of the wrong type (text, an object without a
 * prototype, a bigint) is shown as {@link describeValue} shows it, and `defineStandard` then
 * reports it where the spec holds it.
 */
const show = (value: unknown): string => describeValue(value, Number.POSITIVE_INFINITY);
/** `value − by`, or a value that is not a number as is (for `defineStandard` to report). */
const minus = (value: number, by: number): number =>
  typeof value === 'number' ? value - by : value;
/** `a × b`, or the first of them that is not a number as is (for `defineStandard` to report). */
const times = (a: number, b: number): number =>
  typeof a !== 'number' ? a : typeof b !== 'number' ? b : a * b;

function rows(t: CnThresholds, pilot: { max: number; each: number }): Row[] {
  const k = (
    id: string,
    points: number,
    area: Area,
    zh: string,
    en: string,
    rule: ItemRule,
  ): Row => ({ id, tier: 'key', points, area, zh, en, rule });
  const b = (
    id: string,
    points: number,
    area: Area,
    zh: string,
    en: string,
    rule: ItemRule,
  ): Row => ({ id, tier: 'basic', points, area, zh, en, rule });
  const x = (
    id: string,
    points: number,
    area: Area,
    zh: string,
    en: string,
    rule: ItemRule,
  ): Row => ({ id, tier: 'bonus', points, area, zh, en, rule });
  return [
    // ---- key items: 19 items, 58 points
    k(
      'K01',
      4,
      'responsibility',
      '落实党政同责，党委政府主要负责人为食品安全第一责任人',
      'Party and government share responsibility; the principal leaders are first responsible for food safety',
      bool('responsibilitySystem'),
    ),
    k(
      'K02',
      3,
      'responsibility',
      '食品安全纳入政府绩效考核并占有一定权重',
      'Food safety is part of the government performance appraisal with a real weight',
      bool('inPerformanceAppraisal'),
    ),
    k(
      'K03',
      3,
      'responsibility',
      '食品安全工作经费列入财政预算并逐年增长',
      'Food-safety funding is in the budget and grows year by year',
      bool('budgetedFunding'),
    ),
    k(
      'K04',
      3,
      'capacity',
      '基层监管所规范化建设达标率（“四有两责”）',
      'Share of grass-roots supervision offices meeting the standard ("four haves, two duties")',
      linear('officesStandardisedRate', 50, 85),
    ),
    k('K05', 3, 'responsibility', '创建任务清单完成率', 'Completion of the creation task list', {
      kind: 'taskShare',
      tasks: 'all',
    }),
    k(
      'K06',
      3,
      'whole-chain',
      `食品抽检量达到每千人每年 ${show(t.samplingPer1000)} 批次`,
      `Food testing reaches ${show(t.samplingPer1000)} batches per 1 000 residents per year`,
      bands('samplingPer1000', t.samplingPer1000, t.samplingPer1000 * 0.75, 3),
    ),
    k(
      'K07',
      3,
      'whole-chain',
      `农药兽药残留抽检每千人每年 ${show(t.residueSamplingPer1000)} 批次`,
      `Pesticide and veterinary-drug residue testing reaches ${show(t.residueSamplingPer1000)} batches per 1 000 residents per year`,
      bands('residueSamplingPer1000', t.residueSamplingPer1000, t.residueSamplingPer1000 * 0.75, 3),
    ),
    k(
      'K08',
      3,
      'whole-chain',
      `评价性抽检合格率不低于 ${show(t.evaluativePassRate)}%`,
      `Evaluative sampling pass rate at least ${show(t.evaluativePassRate)} %`,
      bands('evaluativePassRate', t.evaluativePassRate, minus(t.evaluativePassRate, 2), 3),
    ),
    k(
      'K09',
      3,
      'whole-chain',
      '不合格样品核查处置率',
      'Non-conforming sampling results verified and disposed of',
      linear('disposalRate', 90, t.caseHandling),
    ),
    k(
      'K10',
      3,
      'whole-chain',
      '应当立案查处的食品安全案件查处率',
      'Food-safety cases that must be investigated are investigated',
      linear('caseInvestigationRate', 90, t.caseHandling),
    ),
    k(
      'K11',
      3,
      'whole-chain',
      '行政处罚信息依法公开率',
      'Enforcement and penalty information that must be published is published',
      linear('publicationRate', 90, t.caseHandling),
    ),
    k(
      'K12',
      3,
      'whole-chain',
      '农业投入品管理与生产记录建档率',
      'Control of farm inputs; producers keeping production records',
      linear('productionRecordRate', 80, 100),
    ),
    k(
      'K13',
      3,
      'whole-chain',
      '餐饮服务食品安全量化分级管理覆盖率',
      'Coverage of quantified grading of catering businesses',
      linear('gradingCoverageRate', 80, 100),
    ),
    k(
      'K14',
      3,
      'whole-chain',
      '学校幼儿园食堂“明厨亮灶”覆盖率',
      'Open kitchens in school and kindergarten canteens',
      linear('schoolOpenKitchenRate', 90, 100),
    ),
    k(
      'K15',
      3,
      'whole-chain',
      '大型餐饮单位“明厨亮灶”覆盖率',
      'Open kitchens in large restaurants',
      linear('largeRestaurantOpenKitchenRate', 50, 80),
    ),
    k(
      'K16',
      3,
      'whole-chain',
      '批发市场、农贸市场快检覆盖率',
      'Rapid testing in wholesale and wet markets',
      linear('marketRapidTestRate', 80, 100),
    ),
    k(
      'K17',
      3,
      'whole-chain',
      '重点品种食品追溯体系覆盖率',
      'Traceability of key food categories',
      linear('traceabilityCoverageRate', 50, 100),
    ),
    k(
      'K18',
      3,
      'whole-chain',
      '行政执法与刑事司法衔接机制运行',
      'Handover of cases from administrative enforcement to the police works',
      bool('criminalHandoverMechanism'),
    ),
    k(
      'K19',
      3,
      'capacity',
      '食品安全应急预案与演练',
      'Food-safety emergency plan in place and exercised',
      bool('emergencyPlanExercised'),
    ),
    // ---- basic items: 22 items, 42 points
    b(
      'B01',
      2,
      'responsibility',
      '食品安全委员会及其办公室机构、人员到位',
      'Food-safety committee and its office staffed',
      bool('committeeOfficeStaffed'),
    ),
    b(
      'B02',
      2,
      'responsibility',
      '乡镇（街道）食品安全协管员配备率',
      'Food-safety coordinators in every township and street',
      linear('coordinatorCoverageRate', 80, 100),
    ),
    b(
      'B03',
      2,
      'capacity',
      '市、县、乡、村四级监管网络健全',
      'Four-level supervision network (city, county, township, village)',
      bool('fourLevelNetwork'),
    ),
    b(
      'B04',
      2,
      'whole-chain',
      '日常监督检查计划完成率',
      'Daily inspection plan completed',
      linear('inspectionPlanRate', 80, 100),
    ),
    b(
      'B05',
      2,
      'capacity',
      '食品安全风险会商（每季度一次）',
      'Quarterly food-safety risk consultations',
      {
        kind: 'threshold',
        input: 'riskConsultations',
        bands: [
          { atLeast: 2, points: 1 },
          { atLeast: 4, points: 2 },
        ],
      },
    ),
    b(
      'B06',
      2,
      'whole-chain',
      '餐饮单位亮证亮级经营',
      'Catering businesses display licences and grades',
      linear('licenceDisplayRate', 80, 100),
    ),
    b(
      'B07',
      2,
      'whole-chain',
      '大型及连锁餐饮推行 6T、HACCP',
      'Large and chain restaurants run 6T and HACCP',
      linear('haccpAdoptionRate', 50, 90),
    ),
    b(
      'B08',
      2,
      'whole-chain',
      '中央厨房量化等级 B 级以上',
      'Central kitchens graded B or better',
      linear('centralKitchenGradeBRate', 80, 100),
    ),
    b(
      'B09',
      2,
      'whole-chain',
      '放心肉菜示范超市建设',
      'Safe meat-and-vegetable demonstration supermarkets',
      bool('demoSupermarkets'),
    ),
    b(
      'B10',
      2,
      'whole-chain',
      '整改台账按期销账率',
      'Rectification ledger items closed on time',
      linear('rectificationClosedRate', 80, 100),
    ),
    b(
      'B11',
      2,
      'capacity',
      '食品检验检测机构能力达标',
      'Food testing laboratories meet capacity requirements',
      bool('labCapacityMet'),
    ),
    b(
      'B12',
      2,
      'capacity',
      '基层快检装备配备',
      'Rapid-test equipment in grass-roots offices',
      linear('rapidTestEquipmentRate', 60, 100),
    ),
    b(
      'B13',
      2,
      'capacity',
      '食品安全监管信息化平台与数据共享',
      'Information platform and data sharing for supervision',
      bool('informationPlatform'),
    ),
    b(
      'B14',
      2,
      'capacity',
      '监管执法人员培训考核',
      'Training and examination of inspectors',
      linear('inspectorTrainingRate', 80, 100),
    ),
    b(
      'B15',
      2,
      'participation',
      '食品安全宣传与科普站点建设',
      'Food-safety publicity and science stations',
      bool('publicityStations'),
    ),
    b(
      'B16',
      2,
      'participation',
      '投诉举报按时办结率',
      'Complaints and reports handled on time',
      linear('complaintHandlingRate', 90, 100),
    ),
    b(
      'B17',
      2,
      'participation',
      '食品安全志愿者队伍建设',
      'Food-safety volunteer teams',
      bool('volunteerTeams'),
    ),
    b(
      'B18',
      2,
      'participation',
      '食品安全责任保险试点',
      'Food-safety liability insurance pilot',
      bool('liabilityInsurancePilot'),
    ),
    b(
      'B19',
      2,
      'participation',
      '“你点我检”群众点题抽检',
      'Public-nominated sampling ("you nominate, we test")',
      bool('publicNominatedSampling'),
    ),
    b(
      'B20',
      2,
      'participation',
      '校园食品安全教育',
      'Food-safety education in schools',
      bool('schoolEducation'),
    ),
    b(
      'B21',
      1,
      'participation',
      `创建工作知晓率不低于 ${show(t.awareness)}%`,
      `Awareness of the creation work at least ${show(t.awareness)} %`,
      { kind: 'threshold', input: 'awareness', bands: [{ atLeast: t.awareness, points: 1 }] },
    ),
    b(
      'B22',
      1,
      'participation',
      `群众食品安全满意度不低于 ${show(t.satisfaction)} 分`,
      `Public satisfaction with food safety at least ${show(t.satisfaction)} points`,
      { kind: 'threshold', input: 'satisfaction', bands: [{ atLeast: t.satisfaction, points: 1 }] },
    ),
    // ---- bonus items: 9 items, 16 points
    x(
      'X01',
      2,
      'innovation',
      '中央厨房进校园',
      'Central kitchens serving schools',
      bool('centralKitchensForSchools'),
    ),
    x(
      'X02',
      2,
      'innovation',
      '特色产品全链条追溯（如海参）',
      'Full-chain traceability of signature products (e.g. sea cucumber)',
      bool('signatureProductTraceability'),
    ),
    x(
      'X03',
      2,
      'innovation',
      'B2B 直采平台数据对接监管',
      'B2B direct-procurement platform data linked to regulators',
      bool('b2bPlatformLinked'),
    ),
    x(
      'X04',
      2,
      'innovation',
      '“一区一精品”特色亮点（每项 0.5 分）',
      '"One district, one highlight" (0.5 points each)',
      { kind: 'count', input: 'districtHighlights', pointsEach: 0.5 },
    ),
    x(
      'X05',
      2,
      'innovation',
      '“互联网+明厨亮灶”智慧监管',
      'Smart supervision ("Internet + open kitchens")',
      bool('smartSupervision'),
    ),
    x(
      'X06',
      2,
      'innovation',
      '食品安全责任保险扩面',
      'Liability insurance extended beyond the pilot',
      bool('insuranceExtended'),
    ),
    x(
      'X07',
      2,
      'innovation',
      '获得国家或省级表彰、经验推广',
      'National or provincial commendation of the city’s practice',
      bool('commendation'),
    ),
    x(
      'X08',
      1,
      'participation',
      '食品安全示范楼宇、主题广场',
      'Food-safety residential buildings and themed squares',
      bool('demoBuildings'),
    ),
    x(
      'X09',
      1,
      'capacity',
      '区域性快检中心',
      'Regional rapid-test centres',
      bool('regionalTestCentres'),
    ),
    // ---- pilot tasks: +2 per special pilot task
    {
      id: 'P01',
      tier: 'pilot',
      points: times(pilot.max, pilot.each),
      area: 'innovation',
      zh: `承担国家专项试点任务（每项 +${show(pilot.each)} 分）`,
      en: `Special national pilot tasks (+${show(pilot.each)} points each)`,
      rule: { kind: 'count', input: 'pilotTasks', pointsEach: pilot.each },
    },
  ];
}

function vetoes(t: CnThresholds): VetoSpec[] {
  return [
    {
      id: 'V1-major-incident',
      title: {
        'zh-CN': '近三年发生重大食品安全事故，或造成恶劣社会影响的食品安全事件',
        en: 'A major food-safety incident, or one with serious adverse social impact, in the last three years',
      },
      when: {
        any: [
          { value: 'majorIncidents', op: '>', than: 0 },
          { value: 'seriousImpactIncidents', op: '>', than: 0 },
        ],
      },
      confidence: 'secondary',
      note: "Jiangsu's sheet and Zhejiang's draft (REFERENCES.md)",
    },
    {
      id: 'V2-cover-up',
      title: {
        'zh-CN': '瞒报、迟报、漏报食品安全事故',
        en: 'Cover-up or late reporting of an incident (Food Safety Law art. 103)',
      },
      when: { value: 'concealedOrLateReports', op: '>', than: 0 },
      confidence: 'secondary',
    },
    {
      id: 'V3-public-survey',
      title: {
        'zh-CN': `群众满意度低于 ${show(t.satisfaction)} 分，或知晓率低于 ${show(t.awareness)}%，或支持率低于 ${show(t.support)}%`,
        en: `Satisfaction below ${show(t.satisfaction)} points, awareness below ${show(t.awareness)} % or support below ${show(t.support)} %`,
      },
      when: {
        any: [
          { value: 'satisfaction', op: '<', than: t.satisfaction },
          { value: 'awareness', op: '<', than: t.awareness },
          { value: 'support', op: '<', than: t.support },
        ],
      },
      confidence: 'secondary',
    },
    {
      id: 'V4-sampling-volume',
      title: {
        'zh-CN': `食品抽检低于每千人每年 ${show(t.samplingPer1000)} 批次，或农药兽药残留抽检低于 ${show(t.residueSamplingPer1000)} 批次`,
        en: `Food testing below ${show(t.samplingPer1000)} batches per 1 000 residents a year, or residue testing below ${show(t.residueSamplingPer1000)}`,
      },
      when: {
        any: [
          { value: 'samplingPer1000', op: '<', than: t.samplingPer1000 },
          { value: 'residueSamplingPer1000', op: '<', than: t.residueSamplingPer1000 },
        ],
      },
      confidence: 'secondary',
    },
    {
      id: 'V5-case-handling',
      title: {
        'zh-CN': '案件查处、不合格样品处置、处罚信息公开未达到 100%',
        en: 'Case investigation, disposal of non-conforming results or publication of penalties below 100 %',
      },
      when: {
        any: [
          { value: 'caseInvestigationRate', op: '<', than: t.caseHandling },
          { value: 'disposalRate', op: '<', than: t.caseHandling },
          { value: 'publicationRate', op: '<', than: t.caseHandling },
        ],
      },
      confidence: 'secondary',
    },
  ];
}

/** Items scoring a figure that a veto of the national first part also judges (one figure, points and a veto). */
export const CN_VETO_ITEMS: readonly string[] = ['K06', 'K07', 'K09', 'K10', 'K11', 'B21', 'B22'];

/**
 * The national food-safety demonstration-city standard (国家食品安全示范城市评价标准) as data:
 * the structure and pass rule of the published provincial sheet (Jiangsu: 19 key items 58 points +
 * 22 basic items 42 points = 100; 9 bonus items 16 points; +2 per special pilot task; pass = no
 * veto, every key item ≥ 60 %, total ≥ 90), the vetoes and thresholds of the national first part
 * (Zhejiang's draft), and item texts in zh-CN and en for the programme's areas.
 *
 * **Item texts and point splits are unverified** (not published in our references; plausible,
 * labelled, with tier totals matching the published structure); the structure, pass rule,
 * vetoes and thresholds are **secondary**. Every figure is overridable through `options`.
 */
export function cnStandard(given: CnStandardOptions = {}): StandardSpec {
  // options that are not an object (null from JSON) are no overrides
  const options: CnStandardOptions = typeof given === 'object' && given !== null ? given : {};
  const t: CnThresholds = { ...CN_NATIONAL_THRESHOLDS, ...options.thresholds };
  const pilot = { max: options.maxPilotTasks ?? 2, each: options.pointsPerPilotTask ?? 2 };
  const overridesPoints = Object.values(options.items ?? {}).some(
    (o) => typeof o === 'object' && o !== null && o.points !== undefined,
  );
  const items: ItemSpec[] = rows(t, pilot).map((r) => {
    const base: ItemSpec = {
      id: r.id,
      tier: r.tier,
      points: r.points,
      title: { 'zh-CN': r.zh, en: r.en },
      area: r.area,
      rule: r.rule,
      confidence: 'unverified',
      note: 'Item text and points reconstructed (not published in the project references); tier totals match the published sheet',
    };
    const o = options.items?.[r.id];
    return o === undefined ? base : { ...base, ...o, id: r.id };
  });
  const spec: StandardSpec = {
    meta: {
      id: 'cn.demonstration-city',
      version: '2017-jiangsu-structure',
      jurisdiction: 'CN',
      effectiveFrom: '2017-01-01',
      source:
        "National food-safety demonstration city evaluation standard (revised), as applied in Jiangsu's published scoring rules (structure, pass rule) and Zhejiang's draft rules (first part: vetoes and thresholds)",
      confidence: 'unverified',
      notes:
        'Structure (19 key/58, 22 basic/42, 9 bonus/16, +2 per pilot task), pass rule, vetoes and thresholds: secondary. The 50 item texts and point splits: unverified reconstruction. All figures overridable via cnStandard({ ... }).',
    },
    title: {
      'zh-CN': '国家食品安全示范城市评价标准',
      en: 'National food-safety demonstration city standard',
    },
    indicators: {
      samplingPer1000: { perCapita: 'samplingBatches', population: 'population', per: 1000 },
      residueSamplingPer1000: {
        perCapita: 'residueSamplingBatches',
        population: 'population',
        per: 1000,
      },
      evaluativePassRate: {
        ratio: ['evaluativeSamplesPassed', 'evaluativeSamplesTested'],
        scale: 100,
      },
      caseInvestigationRate: { ratio: ['casesInvestigated', 'casesToInvestigate'], scale: 100 },
      disposalRate: { ratio: ['nonConformingDisposed', 'nonConformingResults'], scale: 100 },
      publicationRate: { ratio: ['penaltiesPublished', 'penaltiesToPublish'], scale: 100 },
    },
    items,
    vetoes: vetoes(t),
    pass: { noVeto: true, keyItemMinPercent: 60, minTotal: 90, ...options.pass },
    rounding: { decimals: 2, mode: 'half-up' },
    missing: { items: 'zero', vetoes: 'ignore' },
    ...(overridesPoints
      ? {}
      : {
          tiers: {
            key: { items: 19, points: 58 },
            basic: { items: 22, points: 42 },
            bonus: { items: 9, points: 16 },
          },
        }),
  };
  return options.patch === undefined
    ? spec
    : (applyMergePatch(spec, options.patch) as StandardSpec);
}
