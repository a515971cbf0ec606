import { EPCIS_SELECTORS } from '../profiles/epcis-selectors.js';
import { defineKde, type KdeDefinition, type TraceProfile } from '../profiles/trace-profile.js';

const LAW = '《中华人民共和国食品安全法》';

function kde(
  id: string,
  en: string,
  zh: string,
  select: readonly string[],
  article: string,
): KdeDefinition {
  // '五十、五十三': 第五十条、第五十三条
  const articles = article
    .split('、')
    .map((a) => `第${a}条`)
    .join('、');
  return defineKde(id, en, zh, select, { citation: `${LAW}${articles}` });
}

const LOT = EPCIS_SELECTORS.lots;
const NAME = (article: string) =>
  kde(
    'productName',
    'Name of the food (GTIN; name in master data)',
    '食品名称',
    [...LOT, '*:productName'],
    article,
  );
const SPEC = (article: string) =>
  kde(
    'specification',
    'Specification (the GTIN identifies one specification)',
    '规格',
    ['*:specification', '*:netContent', ...LOT],
    article,
  );
const QUANTITY = (article: string) =>
  kde('quantity', 'Quantity', '数量', ['quantityList[*].quantity', 'epcList[*]'], article);
const BATCH = (article: string) =>
  kde(
    'batch',
    'Production date or batch number',
    '生产日期或者生产批号',
    ['quantityList[*].epcClass', '*:productionDate', 'ilmd.*:productionDate', '*:batch'],
    article,
  );
const SHELF_LIFE_SELECT = [
  '*:bestBeforeDate',
  '*:itemExpirationDate',
  '*:expirationDate',
  '*:shelfLife',
  'ilmd.*:bestBeforeDate',
  'ilmd.*:itemExpirationDate',
];
const SHELF_LIFE = (article: string) =>
  kde('shelfLife', 'Shelf life', '保质期', SHELF_LIFE_SELECT, article);

/**
 * China's Food Safety Law record duties as a traceability profile: purchase inspection records
 * of producers (art. 50) and of traders (art. 53), release (ex-factory inspection and sales)
 * records of producers (art. 51) and sales records of wholesalers (art. 53 para. 3), kept at
 * least 6 months past the end of the shelf life, or at least 2 years where there is none.
 * Supplier and buyer names, addresses and contacts are master data of the party (PGLN) named in
 * the event's source or destination list; product name and specification are master data of the
 * GTIN.
 */
export const CN_FOOD_SAFETY_LAW_PROFILE: TraceProfile = {
  meta: {
    id: 'cn.food-safety-law',
    version: '2021',
    jurisdiction: 'CN',
    effectiveFrom: '2021-04-29',
    source:
      '《中华人民共和国食品安全法》（2015 年修订，2018、2021 年修正）第五十条、第五十一条、第五十三条',
    confidence: 'secondary',
    notes:
      'Record contents and retention periods from the articles as summarised in secondary sources, not re-read against the official text here; the mapping to EPCIS fields is ours.',
  },
  label: {
    en: 'PRC Food Safety Law: purchase, release and wholesale records',
    'zh-CN': '食品安全法进货查验、出厂检验和批发销售记录',
  },
  ctes: [
    {
      id: 'purchase-inspection',
      label: { en: 'Purchase inspection record', 'zh-CN': '进货查验记录' },
      match: [
        { cte: ['purchase-inspection', 'purchase', 'receiving'] },
        { bizSteps: ['receiving'] },
      ],
      kdes: [
        NAME('五十、五十三'),
        SPEC('五十、五十三'),
        QUANTITY('五十、五十三'),
        BATCH('五十、五十三'),
        SHELF_LIFE('五十、五十三'),
        kde('purchaseDate', 'Date of purchase', '进货日期', ['eventTime'], '五十、五十三'),
        kde(
          'supplier',
          'Supplier name, address and contact (party master data)',
          '供货者名称、地址、联系方式',
          ['sourceList[type=owning_party].source', 'sourceList[*].source'],
          '五十、五十三',
        ),
      ],
    },
    {
      id: 'wholesale',
      label: { en: 'Wholesale sales record', 'zh-CN': '批发销售记录' },
      match: [{ cte: ['wholesale'] }],
      kdes: [
        NAME('五十三'),
        SPEC('五十三'),
        QUANTITY('五十三'),
        BATCH('五十三'),
        SHELF_LIFE('五十三'),
        kde('saleDate', 'Date of sale', '销售日期', ['eventTime'], '五十三'),
        kde(
          'buyer',
          'Buyer name, address and contact (party master data)',
          '购货者名称、地址、联系方式',
          ['destinationList[type=owning_party].destination', 'destinationList[*].destination'],
          '五十三',
        ),
      ],
    },
    {
      id: 'release',
      label: { en: 'Ex-factory inspection and sales record', 'zh-CN': '出厂检验记录' },
      match: [{ cte: ['release', 'warehouse-out', 'shipping'] }, { bizSteps: ['shipping'] }],
      kdes: [
        NAME('五十一'),
        SPEC('五十一'),
        QUANTITY('五十一'),
        BATCH('五十一'),
        kde(
          'inspectionCertificate',
          'Inspection certificate number',
          '检验合格证号',
          ['*:inspectionCertificate', 'certificationInfo'],
          '五十一',
        ),
        kde('saleDate', 'Date of sale', '销售日期', ['eventTime'], '五十一'),
        kde(
          'buyer',
          'Buyer name, address and contact (party master data)',
          '购货者名称、地址、联系方式',
          ['destinationList[type=owning_party].destination', 'destinationList[*].destination'],
          '五十一',
        ),
      ],
    },
  ],
  rules: [
    {
      kind: 'retention',
      id: 'record-retention',
      label: {
        en: 'Keep records ≥ 6 months past the shelf life, or ≥ 2 years without one (art. 50)',
        'zh-CN': '记录保存期限不得少于产品保质期满后六个月；没有明确保质期的，不得少于二年',
      },
      monthsAfterShelfLife: 6,
      minYears: 2,
      shelfLifeSelect: SHELF_LIFE_SELECT,
    },
  ],
};
