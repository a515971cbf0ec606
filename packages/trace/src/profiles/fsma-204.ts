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

/** Where the farm is named: a farm member, or the source the food came from. */
const FARM = ['ilmd.*:farmLocation', 'ilmd.*:farmList', '*:farmLocation', 'sourceList[*].source'];
const GROWING_AREA = [
  'ilmd.*:fieldName',
  'ilmd.*:growingArea',
  'ilmd.*:containerName',
  '*:fieldName',
  '*:growingArea',
  '*:containerName',
];
const HARVEST_DATE = [
  'ilmd.*:harvestStartDate',
  'ilmd.*:harvestDate',
  '*:harvestStartDate',
  '*:harvestDate',
];
/** The lot an initial packing assigns: the packed lot of an ObjectEvent, or a transformation's output. */
const PACKED_LOT = [...LOT, ...EPCIS_SELECTORS.outputLots];
/**
 * Business steps of a harvest record: CBV `commissioning`, and the words `harvesting` and
 * `farmHarvest` some platforms use (in any namespace: `urn:gdst:bizStep:farmHarvest`).
 */
const HARVEST_STEPS = ['commissioning', 'harvesting', 'farmHarvest'];

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
 * A KDE the rule asks for as "quantity and unit of measure": its spreadsheet cell gives each
 * quantity with its unit (`12.5 KGM`).
 */
function quantityKde(
  id: string,
  en: string,
  zh: string,
  select: readonly string[],
  citation: string,
): KdeDefinition {
  return defineKde(id, en, zh, select, { citation, format: 'quantityWithUnit' });
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
 * member whose local name is `cte` (e.g. `fsk:cte: 'cooling'`), or are recognised by shape:
 * - harvesting: an ObjectEvent ADD at `commissioning` with a harvest date in its ILMD, or an
 *   ObjectEvent OBSERVE at `harvesting` (`farmHarvest`);
 * - first land-based receiving: an ObjectEvent ADD at `receiving` or `arriving`;
 * - initial packing: an ObjectEvent ADD at `packing`, or at `commissioning` without a harvest
 *   date; a TransformationEvent at `packing` with a harvest date in its ILMD;
 * - shipping, receiving: the bizStep; transformation: any other TransformationEvent.
 * The harvest date alone decides nothing: it is a KDE of initial packing (§1.1330(a)(8)) and of
 * first land-based receiving (§1.1335(d)) too.
 *
 * Rule text relied on: the KDE lists of §§1.1325–1.1350 and §1.1320 were compared with a copy of
 * the eCFR text (eCFR versioner, part 1 as of 2026-06-11, kept as text chunks in a public
 * repository) and, for §1.1320, §1.1330(a)(1)–(10), §1.1335, §1.1340 and §1.1345, with the
 * self-law.org, lexbuild.dev, law.lawstack.com and customsmobile.com copies; not with the official
 * www.ecfr.gov pages themselves.
 *
 * Harvesting and lot codes: §1.1325(a) asks the harvester for no lot code; the traceability lot code
 * is assigned at initial packing (§1.1320(a), §1.1330(a)(11)). A harvest recorded as an ObjectEvent
 * ADD commissions an identifier, which under this mapping is a lot code, so it draws
 * `TRACE_PROFILE_NEW_LOT_NOT_ALLOWED` (a warning). A harvest recorded without commissioning one (an
 * ObjectEvent OBSERVE at `harvesting`, or naming its step, with the harvest KDEs as event-level
 * members) draws none.
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
      'The KDE lists of §1.1325(a)(1)/(b)(1), §1.1330(a)(1)–(16), §1.1335(a)–(g), §1.1340(a), §1.1345(a), §1.1350(a) and §1.1320 were compared with copies of the eCFR text (eCFR versioner, 2026-06-11, and research copies), not with the official site. Conditional KDEs (field name for produce, container for aquaculture, cooling if applicable) are optional here; §1.1350(a)(1) "if applicable" is taken as applicable. A harvest that commissions an identifier (ObjectEvent ADD) is warned as a new lot code: §1.1320(a) gives the traceability lot code to the initial packer. The CBV mapping and the event shapes are ours. Compliance date 2026-01-20 was extended by FDA; check the current date.',
  },
  label: { en: 'FSMA 204 Food Traceability Rule', 'zh-CN': '美国 FSMA 第 204 条食品追溯规则' },
  ctes: [
    {
      id: 'harvesting',
      label: { en: 'Harvesting', 'zh-CN': '收获' },
      match: [
        { cte: ['harvesting', 'harvest'] },
        // the harvester commissions the harvested commodity: not a packer (bizStep packing) nor a
        // receiver (receiving/arriving), whose records carry the harvest date too
        {
          eventTypes: ['ObjectEvent'],
          actions: ['ADD'],
          bizSteps: HARVEST_STEPS,
          has: ['ilmd.*:harvestStartDate'],
        },
        {
          eventTypes: ['ObjectEvent'],
          actions: ['ADD'],
          bizSteps: HARVEST_STEPS,
          has: ['ilmd.*:harvestDate'],
        },
        // a harvest record that commissions nothing (no lot code before initial packing)
        {
          eventTypes: ['ObjectEvent'],
          actions: ['OBSERVE'],
          bizSteps: ['harvesting', 'farmHarvest'],
        },
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
        quantityKde(
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
          GROWING_AREA,
          '21 CFR 1.1325(a)(1)(v)–(vi)',
          false,
        ),
        kde(
          'harvestDate',
          'Date of harvesting',
          '收获日期',
          [...HARVEST_DATE, 'eventTime'],
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
      label: { en: 'Cooling before initial packing', 'zh-CN': '初次包装前预冷' },
      match: [{ cte: ['cooling'] }, { has: ['*:coolingDate'] }],
      kdes: [
        kde(
          'subsequentRecipient',
          'Location description of the immediate subsequent recipient',
          '直接下游接收方地点',
          ['destinationList[*].destination'],
          '21 CFR 1.1325(b)(1)(i)',
        ),
        kde(
          'commodity',
          'Commodity and, if applicable, variety',
          '品种及品类',
          [...LOT, '*:commodity', 'ilmd.*:commodity'],
          '21 CFR 1.1325(b)(1)(ii)',
        ),
        quantityKde(
          'quantity',
          'Quantity and unit of measure',
          '数量及计量单位',
          QTY,
          '21 CFR 1.1325(b)(1)(iii)',
        ),
        kde(
          'coolingLocation',
          'Location description where cooled',
          '预冷地点',
          HERE,
          '21 CFR 1.1325(b)(1)(iv)',
        ),
        kde(
          'coolingDate',
          'Date of cooling',
          '预冷日期',
          ['*:coolingDate', 'eventTime'],
          '21 CFR 1.1325(b)(1)(v)',
        ),
        kde(
          'farmLocation',
          'Location description of the farm where harvested',
          '收获农场地点',
          FARM,
          '21 CFR 1.1325(b)(1)(vi)',
        ),
        kde(
          'referenceDocument',
          'Reference document type and number',
          '参考单据类型及编号',
          REF_DOC,
          '21 CFR 1.1325(b)(1)(vii)',
        ),
      ],
    },
    {
      id: 'first-land-based-receiving',
      label: {
        en: 'First land-based receiving of food from a fishing vessel',
        'zh-CN': '渔获首次上岸接收',
      },
      match: [
        { cte: ['first-land-based-receiving', 'landing'] },
        // a lot code assigned on receipt: the first land-based receiver's (§1.1320(a))
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
        quantityKde(
          'quantity',
          'Quantity and unit of measure',
          '数量及计量单位',
          QTY,
          '21 CFR 1.1335(c)',
        ),
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
          'Location description of the first land-based receiver (the TLC source), or the TLC source reference',
          '首次上岸接收方地点（批次号编制地点）或其引用',
          [...HERE, ...TLC_SOURCE],
          '21 CFR 1.1335(e)',
        ),
        kde(
          'dateLanded',
          'Date the food was landed',
          '渔获上岸日期',
          ['ilmd.*:landingDate', '*:landingDate', '*:dateLanded', 'eventTime'],
          '21 CFR 1.1335(f)',
        ),
        kde(
          'referenceDocument',
          'Reference document type and number',
          '参考单据类型及编号',
          REF_DOC,
          '21 CFR 1.1335(g)',
        ),
      ],
    },
    {
      id: 'initial-packing',
      label: {
        en: 'Initial packing of a raw agricultural commodity',
        'zh-CN': '初级农产品初次包装',
      },
      match: [
        { cte: ['initial-packing', 'packing'] },
        { eventTypes: ['ObjectEvent'], actions: ['ADD'], bizSteps: ['packing', 'commissioning'] },
        // packing harvested bins into cases: not a transformation (§1.1310), the initial packing
        { eventTypes: ['TransformationEvent'], bizSteps: ['packing'], has: ['ilmd.*:harvestDate'] },
        {
          eventTypes: ['TransformationEvent'],
          bizSteps: ['packing'],
          has: ['ilmd.*:harvestStartDate'],
        },
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
          'dateReceived',
          'Date the food was received',
          '收货日期',
          ['ilmd.*:dateReceived', '*:dateReceived', 'ilmd.*:receiveDate', '*:receiveDate'],
          '21 CFR 1.1330(a)(2)',
        ),
        quantityKde(
          'quantityReceived',
          'Quantity and unit of measure of the food received',
          '收到的数量及计量单位',
          ['inputQuantityList[*].quantity', 'ilmd.*:quantityReceived', '*:quantityReceived'],
          '21 CFR 1.1330(a)(3)',
        ),
        kde(
          'farmLocation',
          'Location description of the farm where harvested',
          '收获农场地点',
          FARM,
          '21 CFR 1.1330(a)(4)',
        ),
        kde(
          'growingArea',
          'Field or growing area (produce) / container (aquaculture)',
          '田块或养殖容器名称',
          GROWING_AREA,
          '21 CFR 1.1330(a)(5)–(6)',
          false,
        ),
        kde(
          'harvester',
          'Business name and phone number of the harvester (party master data)',
          '收获者名称及电话',
          [
            'ilmd.*:harvesterBusinessName',
            '*:harvesterBusinessName',
            'ilmd.*:harvester',
            '*:harvester',
            'sourceList[type=owning_party].source',
          ],
          '21 CFR 1.1330(a)(7)',
        ),
        kde('harvestDate', 'Date of harvesting', '收获日期', HARVEST_DATE, '21 CFR 1.1330(a)(8)'),
        kde(
          'coolingLocation',
          'Location description where cooled (if applicable)',
          '预冷地点（如有）',
          ['ilmd.*:coolingLocation', '*:coolingLocation'],
          '21 CFR 1.1330(a)(9)',
          false,
        ),
        kde(
          'coolingDate',
          'Date of cooling (if applicable)',
          '预冷日期（如有）',
          ['ilmd.*:coolingDate', '*:coolingDate'],
          '21 CFR 1.1330(a)(10)',
          false,
        ),
        kde(
          'traceabilityLotCode',
          'Traceability lot code assigned',
          '追溯批次号',
          PACKED_LOT,
          '21 CFR 1.1330(a)(11)',
        ),
        kde(
          'productDescription',
          'Product description of the packed food',
          '包装后产品描述',
          PACKED_LOT,
          '21 CFR 1.1330(a)(12)',
        ),
        quantityKde(
          'quantityPacked',
          'Quantity and unit of measure of the packed food',
          '包装后数量及计量单位',
          [...QTY, ...EPCIS_SELECTORS.outputQuantities],
          '21 CFR 1.1330(a)(13)',
        ),
        kde(
          'packingLocation',
          'Location description where packed (the TLC source), or the TLC source reference',
          '包装地点（批次号编制地点）或其引用',
          [...HERE, ...TLC_SOURCE],
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
        quantityKde(
          'quantity',
          'Quantity and unit of measure',
          '数量及计量单位',
          QTY,
          '21 CFR 1.1340(a)(2)',
        ),
        defineKde('unitOfMeasure', 'Unit of measure', '计量单位', UOM, {
          citation: '21 CFR 1.1340(a)(2)',
          format: 'unit',
        }),
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
        quantityKde(
          'quantity',
          'Quantity and unit of measure',
          '数量及计量单位',
          QTY,
          '21 CFR 1.1345(a)(2)',
        ),
        defineKde('unitOfMeasure', 'Unit of measure', '计量单位', UOM, {
          citation: '21 CFR 1.1345(a)(2)',
          format: 'unit',
        }),
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
        // (a)(1) "if applicable" (food on the list used): taken as applicable
        kde(
          'inputLotCodes',
          'Traceability lot codes of the food used',
          '投入原料的追溯批次号',
          EPCIS_SELECTORS.inputLots,
          '21 CFR 1.1350(a)(1)(i)',
        ),
        kde(
          'inputProductDescription',
          'Product description of the food used',
          '投入原料的产品描述',
          EPCIS_SELECTORS.inputLots,
          '21 CFR 1.1350(a)(1)(ii)',
        ),
        quantityKde(
          'inputQuantities',
          'Quantity and unit of measure used from each lot',
          '各投入批次的用量及计量单位',
          EPCIS_SELECTORS.inputQuantities,
          '21 CFR 1.1350(a)(1)(iii)',
        ),
        kde(
          'newLotCode',
          'New traceability lot code of the food produced',
          '产出食品的新追溯批次号',
          EPCIS_SELECTORS.outputLots,
          '21 CFR 1.1350(a)(2)(i)',
        ),
        kde(
          'transformationLocation',
          'Location description where transformed (the TLC source), or the TLC source reference',
          '加工地点（批次号编制地点）或其引用',
          [...HERE, ...TLC_SOURCE],
          '21 CFR 1.1350(a)(2)(ii)',
        ),
        kde(
          'transformationDate',
          'Date transformation was completed',
          '加工完成日期',
          ['eventTime'],
          '21 CFR 1.1350(a)(2)(iii)',
        ),
        kde(
          'outputProductDescription',
          'Product description of the food produced',
          '产出食品的产品描述',
          EPCIS_SELECTORS.outputLots,
          '21 CFR 1.1350(a)(2)(iv)',
        ),
        quantityKde(
          'outputQuantity',
          'Quantity and unit of measure of the food produced',
          '产出数量及计量单位',
          EPCIS_SELECTORS.outputQuantities,
          '21 CFR 1.1350(a)(2)(v)',
        ),
        kde(
          'referenceDocument',
          'Reference document type and number',
          '参考单据类型及编号',
          REF_DOC,
          '21 CFR 1.1350(a)(2)(vi)',
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
