import { EPCIS_SELECTORS } from './epcis-selectors.js';
import { defineKde, type KdeDefinition, kdeCitedTo, type TraceProfile } from './trace-profile.js';

const LOT = [...EPCIS_SELECTORS.lots, ...EPCIS_SELECTORS.outputLots];
const QTY = [...EPCIS_SELECTORS.quantities, ...EPCIS_SELECTORS.outputQuantities];

const CITATION = 'GDST 1.x Core Normative Standards';
const kde = kdeCitedTo(CITATION);

/** KDEs every GDST event carries. */
const COMMON: readonly KdeDefinition[] = [
  kde('eventId', 'Event ID', '事件标识', ['eventID']),
  kde('eventDateTime', 'Event date and time', '事件时间', ['eventTime']),
  kde('productOwner', 'Product owner', '产品所有者', [
    '*:productOwner',
    'sourceList[type=owning_party].source',
    'destinationList[type=owning_party].destination',
  ]),
  kde('informationProvider', 'Information provider', '信息提供方', [
    '*:informationProvider',
    '*:productOwner',
  ]),
  kde('location', 'Location (GLN)', '地点', EPCIS_SELECTORS.place),
  kde('productAndLot', 'Product (GTIN) and lot', '产品及批次', LOT),
  // one cell of quantity and unit (`12.5 KGM`) in a spreadsheet, as the KDE's name asks
  defineKde('quantity', 'Quantity and unit', '数量及单位', QTY, {
    citation: CITATION,
    format: 'quantityWithUnit',
  }),
];

/**
 * GDST (Global Dialogue on Seafood Traceability) 1.x: the seafood CTEs and KDEs, read from CBV 2.0
 * events with CBV master-data attributes (`cbvmda:*`) and GDST extensions (`gdst:*`), any prefix.
 * Confidence is secondary: the KDE list follows the GDST 1.0/1.1 standards as summarised, not
 * re-read against the normative text in this project.
 */
export const GDST_PROFILE: TraceProfile = {
  meta: {
    id: 'gdst',
    version: '1.1',
    jurisdiction: '*',
    effectiveFrom: '2020-03-01',
    source:
      'GDST 1.0 Standards and Guidelines for Interoperable Seafood Traceability Systems (2020), with the 1.1 technical updates',
    confidence: 'secondary',
    notes:
      'KDE names and the CTE list follow GDST 1.x as summarised; verify against the normative KDE table before relying on it.',
  },
  label: { en: 'GDST seafood traceability', 'zh-CN': 'GDST 海产品追溯' },
  ctes: [
    {
      id: 'fishing',
      label: { en: 'Wild-capture fishing', 'zh-CN': '捕捞' },
      match: [
        { cte: ['fishing', 'catch'] },
        {
          eventTypes: ['ObjectEvent'],
          actions: ['ADD'],
          has: ['ilmd.*:vesselCatchInformationList'],
        },
      ],
      kdes: [
        ...COMMON,
        kde('vessel', 'Vessel name, registration and flag', '渔船名称、登记号及船旗国', [
          'ilmd.*:vesselCatchInformationList[*].*:vesselName',
          'ilmd.*:vesselCatchInformationList[*].*:vesselID',
        ]),
        kde('catchArea', 'Catch area (FAO area / EEZ / RFMO)', '捕捞海域', [
          'ilmd.*:vesselCatchInformationList[*].*:catchArea',
          'ilmd.*:catchArea',
        ]),
        kde('gearType', 'Fishing gear type', '渔具类型', [
          'ilmd.*:vesselCatchInformationList[*].*:fishingGearTypeCode',
          'ilmd.*:fishingGearTypeCode',
        ]),
        kde('harvestDates', 'Harvest start and end dates', '捕捞起止日期', [
          'ilmd.*:harvestStartDate',
        ]),
        kde('species', 'Species (ASFIS code)', '物种代码', [
          'ilmd.*:aquaticSpeciesCode',
          'ilmd.*:speciesForFisheryStatisticsPurposesCode',
        ]),
        kde(
          'authorisation',
          'Fishing authorisation / licence',
          '捕捞许可',
          [
            'ilmd.*:vesselCatchInformationList[*].*:fishingAuthorisation',
            'ilmd.*:fishingAuthorisation',
            'certificationInfo',
          ],
          false,
        ),
      ],
    },
    {
      id: 'farm-harvest',
      label: { en: 'Aquaculture farm harvest', 'zh-CN': '养殖收获' },
      match: [
        { cte: ['farm-harvest', 'harvest'] },
        {
          eventTypes: ['ObjectEvent'],
          actions: ['ADD'],
          has: ['ilmd.*:productionMethodForFishAndSeafoodCode'],
        },
      ],
      kdes: [
        ...COMMON,
        kde('farm', 'Farm location', '养殖场地点', [
          'bizLocation.id',
          'readPoint.id',
          'ilmd.*:farmList',
        ]),
        kde('harvestDate', 'Harvest date', '收获日期', [
          'ilmd.*:harvestStartDate',
          'ilmd.*:harvestDate',
          'eventTime',
        ]),
        kde(
          'productionMethod',
          'Production method',
          '生产方式',
          ['ilmd.*:productionMethodForFishAndSeafoodCode', 'ilmd.*:productionMethod'],
          false,
        ),
        kde('species', 'Species', '物种', [
          'ilmd.*:aquaticSpeciesCode',
          'ilmd.*:aquaticSpeciesName',
          'outputQuantityList[*].epcClass',
          'quantityList[*].epcClass',
        ]),
      ],
    },
    {
      id: 'landing',
      label: { en: 'Landing', 'zh-CN': '上岸' },
      match: [{ cte: ['landing'] }, { bizSteps: ['arriving', 'unloading'] }],
      kdes: [
        ...COMMON,
        kde('landingPort', 'Landing location (port)', '上岸港口', [
          'bizLocation.id',
          'readPoint.id',
        ]),
      ],
    },
    {
      id: 'transshipment',
      label: { en: 'Transshipment', 'zh-CN': '转运' },
      match: [
        { cte: ['transshipment'] },
        { bizSteps: ['loading'], has: ['*:transshipmentAuthorisation'] },
      ],
      kdes: [
        ...COMMON,
        kde('transshipmentVessel', 'Receiving vessel', '接收船舶', [
          'destinationList[*].destination',
        ]),
      ],
    },
    {
      id: 'processing',
      label: { en: 'Processing', 'zh-CN': '加工' },
      match: [{ cte: ['processing', 'transformation'] }, { eventTypes: ['TransformationEvent'] }],
      kdes: [
        kde('eventId', 'Event ID', '事件标识', ['eventID']),
        kde('eventDateTime', 'Event date and time', '事件时间', ['eventTime']),
        kde('location', 'Processing location', '加工地点', EPCIS_SELECTORS.place),
        kde('inputs', 'Input products and lots', '投入产品及批次', EPCIS_SELECTORS.inputLots),
        kde('outputs', 'Output products and lots', '产出产品及批次', EPCIS_SELECTORS.outputLots),
        kde('outputQuantity', 'Output quantity', '产出数量', EPCIS_SELECTORS.outputQuantities),
      ],
    },
    {
      id: 'shipping',
      label: { en: 'Shipping', 'zh-CN': '发货' },
      match: [{ cte: ['shipping', 'warehouse-out'] }, { bizSteps: ['shipping'] }],
      kdes: [
        ...COMMON,
        kde('destination', 'Destination party and location', '收货方及地点', [
          'destinationList[*].destination',
        ]),
      ],
    },
    {
      id: 'receiving',
      label: { en: 'Receiving', 'zh-CN': '收货' },
      match: [{ cte: ['receiving'] }, { bizSteps: ['receiving'] }],
      kdes: [
        ...COMMON,
        kde('source', 'Source party and location', '发货方及地点', ['sourceList[*].source']),
      ],
    },
  ],
  rules: [],
};
