import { EPCIS_SELECTORS } from './epcis-selectors.js';
import { defineKde, type KdeDefinition, type TraceProfile } from './trace-profile.js';

const LOT = [...EPCIS_SELECTORS.lots, ...EPCIS_SELECTORS.childLots];
const QTY = [...EPCIS_SELECTORS.quantities, ...EPCIS_SELECTORS.childQuantities];
const UOM = ['quantityList[*].uom', 'epcList[*]', 'childEPCs[*]'];
const REF_DOC = ['bizTransactionList[*].bizTransaction'];
const HERE = EPCIS_SELECTORS.place;
const TLC_SOURCE = [
  '*:tlcSource',
  '*:tlcSourceReference',
  'ilmd.*:tlcSource',
  'ilmd.*:tlcSourceReference',
];

function kde(
  id: string,
  en: string,
  zh: string,
  select: readonly string[],
  citation: string,
  required = true,
): KdeDefinition {
  return defineKde(id, en, zh, select, { citation, required });
}

/**
 * FDA Food Traceability Rule (FSMA section 204, 21 CFR part 1 subpart S): the seven critical
 * tracking events with their key data elements, the lot-code rule of §1.1320 (a new traceability
 * lot code only at initial packing, first land-based receiving and transformation) and the
 * ship/receive pairing the chain checks already do.
 *
 * The KDEs are read from CBV 2.0 events as follows (our mapping, documented in
 * docs/trace.md, "Profiles"): the traceability lot code is the LGTIN or SGTIN named by the event; the
 * product description is satisfied by the GTIN inside it (description in master data); location
 * descriptions are GLN-based `bizLocation`/`readPoint` or source/destination entries; the
 * reference document is a `bizTransactionList` entry; the TLC source may be carried as an
 * extension member whose local name is `tlcSource`. Events name their CTE explicitly with a
 * member whose local name is `cte` (e.g. `fsk:cte: 'cooling'`), or are recognised by shape.
 */
export const FSMA_204_PROFILE: TraceProfile = {
  meta: {
    id: 'us.fsma-204',
    version: '2022-11-21',
    jurisdiction: 'US',
    effectiveFrom: '2023-01-20',
    source:
      'FDA, Requirements for Additional Traceability Records for Certain Foods, final rule, 87 FR 70910 (2022-11-21); 21 CFR 1.1300–1.1465 (subpart S)',
    confidence: 'secondary',
    notes:
      '§1.1320, §1.1340(a), §1.1345(a) and §1.1330(a)(1)–(10) were compared with eCFR text copies; the KDE lists of §1.1325, §1.1335, §1.1350 and the rest of §1.1330 are from the final rule as remembered, not re-read. Conditional KDEs (field name for produce, container for aquaculture, cooling if applicable) are optional here. The CBV mapping is ours. Compliance date 2026-01-20 was extended by FDA; check the current date.',
  },
  label: { en: 'FSMA 204 Food Traceability Rule', 'zh-CN': '美国 FSMA 第 204 条食品追溯规则' },
  ctes: [
    {
      id: 'harvesting',
      label: { en: 'Harvesting', 'zh-CN': '收获' },
      match: [
        { cte: ['harvesting', 'harvest'] },
        { eventTypes: ['ObjectEvent'], actions: ['ADD'], has: ['ilmd.*:harvestStartDate'] },
        { eventTypes: ['ObjectEvent'], actions: ['ADD'], has: ['ilmd.*:harvestDate'] },
      ],
      kdes: [
        kde(
          'subsequentRecipient',
          'Location description of the immediate subsequent recipient',
          '直接下游接收方地点',
          ['destinationList[*].destination'],
          '21 CFR 1.1325(a)(1)(i)',
        ),
        kde(
          'commodity',
          'Commodity and, if applicable, variety',
          '品种及品类',
          [...LOT, 'outputQuantityList[*].epcClass', '*:commodity', 'ilmd.*:commodity'],
          '21 CFR 1.1325(a)(1)(ii)',
        ),
        kde(
          'quantity',
          'Quantity and unit of measure',
          '数量及计量单位',
          [...QTY, 'outputQuantityList[*].quantity'],
          '21 CFR 1.1325(a)(1)(iii)',
        ),
        kde(
          'farmLocation',
          'Location description of the farm where harvested',
          '收获农场地点',
          HERE,
          '21 CFR 1.1325(a)(1)(iv)',
        ),
        kde(
          'growingArea',
          'Field or growing area (produce) / container (aquaculture)',
          '田块或养殖容器名称',
          [
            'ilmd.*:fieldName',
            'ilmd.*:growingArea',
            'ilmd.*:containerName',
            '*:fieldName',
            '*:containerName',
          ],
          '21 CFR 1.1325(a)(1)(v)–(vi)',
          false,
        ),
        kde(
          'harvestDate',
          'Date of harvesting',
          '收获日期',
          ['ilmd.*:harvestStartDate', 'ilmd.*:harvestDate', 'eventTime'],
          '21 CFR 1.1325(a)(1)(vii)',
        ),
        kde(
          'referenceDocument',
          'Reference document type and number',
          '参考单据类型及编号',
          REF_DOC,
          '21 CFR 1.1325(a)(1)(viii)',
        ),
      ],
    },
    {
      id: 'cooling',
      label: { en: 'Cooling (before initial packing)', 'zh-CN': '预冷（初次包装前）' },
      match: [{ cte: ['cooling'] }, { has: ['*:coolingDate'] }],
      kdes: [
        kde(
          'subsequentRecipient',
          'Location description of the immediate subsequent recipient',
          '直接下游接收方地点',
          ['destinationList[*].destination'],
          '21 CFR 1.1325(b)(1)',
        ),
        kde(
          'commodity',
          'Commodity and, if applicable, variety',
          '品种及品类',
          LOT,
          '21 CFR 1.1325(b)(2)',
        ),
        kde(
          'quantity',
          'Quantity and unit of measure',
          '数量及计量单位',
          QTY,
          '21 CFR 1.1325(b)(3)',
        ),
        kde(
          'coolingLocation',
          'Location description where cooled',
          '预冷地点',
          HERE,
          '21 CFR 1.1325(b)(4)',
        ),
        kde(
          'coolingDate',
          'Date of cooling',
          '预冷日期',
          ['*:coolingDate', 'eventTime'],
          '21 CFR 1.1325(b)(5)',
        ),
        kde(
          'referenceDocument',
          'Reference document type and number',
          '参考单据类型及编号',
          REF_DOC,
          '21 CFR 1.1325(b)(7)',
        ),
      ],
    },
    {
      id: 'first-land-based-receiving',
      label: {
        en: 'First land-based receiving (food from a fishing vessel)',
        'zh-CN': '渔获首次上岸接收',
      },
      match: [
        { cte: ['first-land-based-receiving', 'landing'] },
        { eventTypes: ['ObjectEvent'], actions: ['ADD'], bizSteps: ['receiving', 'arriving'] },
      ],
      kdes: [
        kde(
          'traceabilityLotCode',
          'Traceability lot code assigned',
          '追溯批次号',
          LOT,
          '21 CFR 1.1335(a)',
        ),
        kde(
          'species',
          'Species and/or acceptable market name, or product description',
          '物种或市场名称',
          [...LOT, 'ilmd.*:aquaticSpeciesCode', 'ilmd.*:aquaticSpeciesName'],
          '21 CFR 1.1335(b)',
        ),
        kde('quantity', 'Quantity and unit of measure', '数量及计量单位', QTY, '21 CFR 1.1335(c)'),
        kde(
          'harvestDateRange',
          'Harvest date range of the trip',
          '捕捞航次起止日期',
          ['ilmd.*:harvestStartDate', 'ilmd.*:harvestEndDate', 'ilmd.*:tripDates'],
          '21 CFR 1.1335(d)',
        ),
        kde(
          'catchLocations',
          'Locations for the trip (catch areas)',
          '捕捞海域',
          ['ilmd.*:catchArea', 'ilmd.*:vesselCatchInformationList', 'ilmd.*:catchLocation'],
          '21 CFR 1.1335(d)',
        ),
        kde(
          'receiverLocation',
          'Location description of the first land-based receiver',
          '首次上岸接收方地点',
          HERE,
          '21 CFR 1.1335(e)',
        ),
        kde('dateReceived', 'Date received', '接收日期', ['eventTime'], '21 CFR 1.1335(f)'),
        kde(
          'tlcSource',
          'Location description of the TLC source, or TLC source reference',
          '批次号编制地点或其引用',
          [...TLC_SOURCE, ...HERE],
          '21 CFR 1.1335(g)',
        ),
        kde(
          'referenceDocument',
          'Reference document type and number',
          '参考单据类型及编号',
          REF_DOC,
          '21 CFR 1.1335(h)',
        ),
      ],
    },
    {
      id: 'initial-packing',
      label: {
        en: 'Initial packing (raw agricultural commodity)',
        'zh-CN': '初次包装（初级农产品）',
      },
      match: [
        { cte: ['initial-packing', 'packing'] },
        { eventTypes: ['ObjectEvent'], actions: ['ADD'], bizSteps: ['packing', 'commissioning'] },
      ],
      kdes: [
        kde(
          'commodityReceived',
          'Commodity and variety of the food received',
          '收到的品种及品类',
          [...LOT, 'inputQuantityList[*].epcClass', '*:commodity', 'ilmd.*:commodity'],
          '21 CFR 1.1330(a)(1)',
        ),
        kde(
          'farmLocation',
          'Location description of the farm where harvested',
          '收获农场地点',
          ['ilmd.*:farmLocation', 'ilmd.*:farmList', 'sourceList[*].source', '*:farmLocation'],
          '21 CFR 1.1330(a)(4)',
        ),
        kde(
          'harvestDate',
          'Date of harvesting',
          '收获日期',
          ['ilmd.*:harvestStartDate', 'ilmd.*:harvestDate', '*:harvestDate'],
          '21 CFR 1.1330(a)(8)',
        ),
        kde(
          'traceabilityLotCode',
          'Traceability lot code assigned',
          '追溯批次号',
          LOT,
          '21 CFR 1.1330(a)(11)',
        ),
        kde(
          'productDescription',
          'Product description of the packed food',
          '包装后产品描述',
          LOT,
          '21 CFR 1.1330(a)(12)',
        ),
        kde(
          'quantityPacked',
          'Quantity and unit of measure of the packed food',
          '包装后数量及计量单位',
          QTY,
          '21 CFR 1.1330(a)(13)',
        ),
        kde(
          'packingLocation',
          'Location description where packed',
          '包装地点',
          HERE,
          '21 CFR 1.1330(a)(14)',
        ),
        kde(
          'packingDate',
          'Date of initial packing',
          '初次包装日期',
          ['eventTime'],
          '21 CFR 1.1330(a)(15)',
        ),
        kde(
          'referenceDocument',
          'Reference document type and number',
          '参考单据类型及编号',
          REF_DOC,
          '21 CFR 1.1330(a)(16)',
        ),
      ],
    },
    {
      id: 'shipping',
      label: { en: 'Shipping', 'zh-CN': '发货' },
      match: [{ cte: ['shipping', 'warehouse-out'] }, { bizSteps: ['shipping'] }],
      kdes: [
        kde(
          'traceabilityLotCode',
          'Traceability lot code',
          '追溯批次号',
          LOT,
          '21 CFR 1.1340(a)(1)',
        ),
        kde(
          'quantity',
          'Quantity and unit of measure',
          '数量及计量单位',
          QTY,
          '21 CFR 1.1340(a)(2)',
        ),
        kde('unitOfMeasure', 'Unit of measure', '计量单位', UOM, '21 CFR 1.1340(a)(2)'),
        kde('productDescription', 'Product description', '产品描述', LOT, '21 CFR 1.1340(a)(3)'),
        kde(
          'subsequentRecipient',
          'Location description of the immediate subsequent recipient',
          '直接下游接收方地点',
          ['destinationList[*].destination'],
          '21 CFR 1.1340(a)(4)',
        ),
        kde(
          'shippedFrom',
          'Location description of where shipped from',
          '发货地点',
          ['sourceList[type=location].source', ...HERE],
          '21 CFR 1.1340(a)(5)',
        ),
        kde('shipDate', 'Date shipped', '发货日期', ['eventTime'], '21 CFR 1.1340(a)(6)'),
        kde(
          'tlcSource',
          'Location description of the TLC source, or TLC source reference',
          '批次号编制地点或其引用',
          TLC_SOURCE,
          '21 CFR 1.1340(a)(7)',
        ),
        kde(
          'referenceDocument',
          'Reference document type and number',
          '参考单据类型及编号',
          REF_DOC,
          '21 CFR 1.1340(a)(8)',
        ),
      ],
    },
    {
      id: 'receiving',
      label: { en: 'Receiving', 'zh-CN': '收货' },
      match: [{ cte: ['receiving'] }, { bizSteps: ['receiving'] }],
      kdes: [
        kde(
          'traceabilityLotCode',
          'Traceability lot code',
          '追溯批次号',
          LOT,
          '21 CFR 1.1345(a)(1)',
        ),
        kde(
          'quantity',
          'Quantity and unit of measure',
          '数量及计量单位',
          QTY,
          '21 CFR 1.1345(a)(2)',
        ),
        kde('unitOfMeasure', 'Unit of measure', '计量单位', UOM, '21 CFR 1.1345(a)(2)'),
        kde('productDescription', 'Product description', '产品描述', LOT, '21 CFR 1.1345(a)(3)'),
        kde(
          'previousSource',
          'Location description of the immediate previous source',
          '直接上游来源地点',
          ['sourceList[*].source'],
          '21 CFR 1.1345(a)(4)',
        ),
        kde(
          'receivedAt',
          'Location description of where received',
          '收货地点',
          ['destinationList[type=location].destination', ...HERE],
          '21 CFR 1.1345(a)(5)',
        ),
        kde('receiveDate', 'Date received', '收货日期', ['eventTime'], '21 CFR 1.1345(a)(6)'),
        kde(
          'tlcSource',
          'Location description of the TLC source, or TLC source reference',
          '批次号编制地点或其引用',
          TLC_SOURCE,
          '21 CFR 1.1345(a)(7)',
        ),
        kde(
          'referenceDocument',
          'Reference document type and number',
          '参考单据类型及编号',
          REF_DOC,
          '21 CFR 1.1345(a)(8)',
        ),
      ],
    },
    {
      id: 'transformation',
      label: { en: 'Transformation', 'zh-CN': '加工转换' },
      match: [{ cte: ['transformation', 'processing'] }, { eventTypes: ['TransformationEvent'] }],
      kdes: [
        kde(
          'inputLotCodes',
          'Traceability lot codes of the food used',
          '投入原料的追溯批次号',
          EPCIS_SELECTORS.inputLots,
          '21 CFR 1.1350(a)(1)',
        ),
        kde(
          'inputQuantities',
          'Quantity and unit of measure of each lot used',
          '各投入批次的数量及计量单位',
          EPCIS_SELECTORS.inputQuantities,
          '21 CFR 1.1350(a)(1)',
        ),
        kde(
          'newLotCode',
          'New traceability lot code of the food produced',
          '产出食品的新追溯批次号',
          EPCIS_SELECTORS.outputLots,
          '21 CFR 1.1350(a)(2)',
        ),
        kde(
          'transformationLocation',
          'Location description where transformed (TLC source)',
          '加工地点',
          HERE,
          '21 CFR 1.1350(a)(2)',
        ),
        kde(
          'transformationDate',
          'Date transformation was completed',
          '加工完成日期',
          ['eventTime'],
          '21 CFR 1.1350(a)(2)',
        ),
        kde(
          'outputQuantity',
          'Quantity and unit of measure of the food produced',
          '产出数量及计量单位',
          EPCIS_SELECTORS.outputQuantities,
          '21 CFR 1.1350(a)(2)',
        ),
        kde(
          'referenceDocument',
          'Reference document type and number',
          '参考单据类型及编号',
          REF_DOC,
          '21 CFR 1.1350(a)(2)',
        ),
      ],
    },
  ],
  rules: [
    {
      kind: 'new-lot-only-at',
      id: 'tlc-assignment',
      label: {
        en: 'New traceability lot codes only at initial packing, first land-based receiving, transformation (21 CFR 1.1320)',
        'zh-CN': '仅在初次包装、首次上岸接收、加工转换时编制新追溯批次号',
      },
      ctes: ['initial-packing', 'first-land-based-receiving', 'transformation'],
    },
  ],
};
