import { EPCIS_SELECTORS } from '../profiles/epcis-selectors.js';
import { kdeCitedTo, type TraceProfile } from '../profiles/trace-profile.js';
import { conformantInspectionBeforeWarehouseOut } from './conformant-inspection-before-warehouse-out.js';
import { saleAfterWarehouseOut } from './sale-after-warehouse-out.js';
import { warehouseOutsInContext } from './warehouse-out-in-context.js';

const kde = kdeCitedTo('长海县海参电子追溯');

const LOT = EPCIS_SELECTORS.lots;
const QTY = EPCIS_SELECTORS.quantities;
const WHERE = EPCIS_SELECTORS.place;
const WHEN = ['eventTime'];
const CERT = ['*:inspectionCertificate', 'certificationInfo'];

/**
 * The aquatic-product chain of Changhai county's sea-cucumber electronic traceability system:
 * seedling release → grow-out → harvest → processing → inspection → warehouse-out → sale. A lot
 * leaves the warehouse only after an inspection that found it conformant.
 *
 * Each step is named in the event (`fsk:cte`, any prefix) or read from the event's shape:
 * - seedling release: an ObjectEvent ADD with the seedling source or release area in its ILMD;
 * - harvest: an ObjectEvent ADD or a TransformationEvent with a harvest date in its ILMD (the
 *   harvest is listed before processing, so a TransformationEvent carrying one is a harvest);
 * - processing: a TransformationEvent with output quantities; inspection: bizStep `inspecting`;
 *   sale: bizStep `retail_selling`;
 * - warehouse-out: by name, or in context (the CTE's `inContext`): an ObjectEvent at `shipping` of
 *   a lot processing produced, or one made from it, at or after the processing and from the place
 *   it was processed. The ranch's shipment of the live harvest is not one;
 * - grow-out: by name only. A grow-out observation (a water-temperature reading on the stock) has
 *   the shape of any other sensor reading, a cold-store reading of processed product included, and
 *   no rule needs it.
 */
export const CN_AQUATIC_CHAIN_PROFILE: TraceProfile = {
  meta: {
    id: 'cn.aquatic-chain',
    version: '2017',
    jurisdiction: 'CN-LN-Dalian',
    effectiveFrom: '2017-01-01',
    source:
      '大连市创建国家食品安全示范城市工作总结（2017）：长海县海参从苗种投放、采捕、加工到检验、出库、销售的电子追溯体系；GB/T 37029-2018《食品追溯 信息记录要求》',
    confidence: 'secondary',
    notes:
      'The step list comes from the city programme; the KDEs per step, and the shapes that stand for a step when the event does not name it, are our reading of GB/T 37029 and the programme, not an official table.',
  },
  label: {
    en: 'Aquatic-product chain (sea cucumber, Changhai county)',
    'zh-CN': '水产品全链条追溯（长海海参）',
  },
  ctes: [
    {
      id: 'seedling-release',
      label: { en: 'Seedling release', 'zh-CN': '苗种投放' },
      match: [
        { cte: ['seedling-release'] },
        { eventTypes: ['ObjectEvent'], actions: ['ADD'], has: ['ilmd.*:seedlingSource'] },
        { eventTypes: ['ObjectEvent'], actions: ['ADD'], has: ['ilmd.*:releaseArea'] },
      ],
      kdes: [
        kde('seedlingLot', 'Seedling lot', '苗种批次', LOT),
        kde('quantity', 'Quantity released', '投放数量', QTY),
        kde('seedlingSource', 'Seedling source (hatchery)', '苗种来源', [
          'ilmd.*:seedlingSource',
          'sourceList[*].source',
        ]),
        kde('releaseArea', 'Release area', '投放海域', ['ilmd.*:releaseArea', ...WHERE]),
        kde('date', 'Date of release', '投放日期', WHEN),
      ],
    },
    {
      id: 'grow-out',
      label: { en: 'Grow-out', 'zh-CN': '养殖' },
      match: [{ cte: ['grow-out'] }],
      kdes: [
        kde('lot', 'Lot', '批次', LOT),
        kde('location', 'Sea area', '养殖海域', WHERE),
        kde('date', 'Date', '日期', WHEN),
      ],
    },
    {
      id: 'harvest',
      label: { en: 'Harvest', 'zh-CN': '采捕' },
      match: [
        { cte: ['harvest'] },
        ...['harvestDate', 'harvestStartDate'].flatMap((date) => [
          { eventTypes: ['ObjectEvent'], actions: ['ADD'], has: [`ilmd.*:${date}`] },
          { eventTypes: ['TransformationEvent'], has: [`ilmd.*:${date}`] },
        ]),
      ],
      kdes: [
        kde('harvestedLot', 'Harvested lot', '采捕批次', [...EPCIS_SELECTORS.outputLots, ...LOT]),
        kde('quantity', 'Quantity harvested', '采捕数量', [
          ...EPCIS_SELECTORS.outputQuantities,
          ...QTY,
        ]),
        kde('harvestDate', 'Harvest date', '采捕日期', [
          'ilmd.*:harvestDate',
          'ilmd.*:harvestStartDate',
          ...WHEN,
        ]),
        kde('location', 'Harvest area', '采捕海域', WHERE),
      ],
    },
    {
      id: 'processing',
      label: { en: 'Processing', 'zh-CN': '加工' },
      match: [
        { cte: ['processing'] },
        { eventTypes: ['TransformationEvent'], has: ['outputQuantityList[*].uom'] },
      ],
      kdes: [
        kde('inputs', 'Raw material lots', '原料批次', EPCIS_SELECTORS.inputLots),
        kde('outputs', 'Product lots', '产品批次', EPCIS_SELECTORS.outputLots),
        kde('outputQuantity', 'Quantity produced', '产出数量', EPCIS_SELECTORS.outputQuantities),
        kde('location', 'Plant', '加工厂', WHERE),
        kde('date', 'Date', '加工日期', WHEN),
      ],
    },
    {
      id: 'inspection',
      label: { en: 'Inspection', 'zh-CN': '检验' },
      match: [{ cte: ['inspection'] }, { bizSteps: ['inspecting'] }],
      kdes: [
        kde('lot', 'Lot inspected', '检验批次', LOT),
        kde('certificate', 'Inspection certificate number', '检验合格证号', CERT),
        kde('result', 'Result (disposition)', '检验结论', ['disposition']),
        kde('date', 'Date', '检验日期', WHEN),
      ],
    },
    {
      id: 'warehouse-out',
      label: { en: 'Warehouse-out', 'zh-CN': '出库' },
      match: [{ cte: ['warehouse-out'] }],
      inContext: warehouseOutsInContext,
      kdes: [
        kde('lot', 'Lot', '批次', LOT),
        kde('quantity', 'Quantity', '出库数量', QTY),
        kde('destination', 'Buyer', '去向', ['destinationList[*].destination']),
        kde('date', 'Date', '出库日期', WHEN),
      ],
    },
    {
      id: 'sale',
      label: { en: 'Sale', 'zh-CN': '销售' },
      match: [{ cte: ['sale'] }, { bizSteps: ['retail_selling'] }],
      kdes: [
        kde('lot', 'Lot', '批次', LOT),
        kde('quantity', 'Quantity sold', '销售数量', QTY),
        kde('location', 'Shop', '销售地点', WHERE),
        kde('date', 'Date', '销售日期', WHEN),
      ],
    },
  ],
  rules: [
    conformantInspectionBeforeWarehouseOut('conformant-inspection-before-warehouse-out', {
      en: 'A lot leaves the warehouse only after an inspection found it conformant',
      'zh-CN': '出库前须经检验且结论为合格',
    }),
    {
      kind: 'requires-before',
      id: 'grow-out-after-release',
      cte: 'grow-out',
      requires: 'seedling-release',
      scope: 'lot',
    },
    {
      kind: 'requires-before',
      id: 'harvest-after-release',
      cte: 'harvest',
      requires: 'seedling-release',
      scope: 'lineage',
    },
    {
      kind: 'requires-before',
      id: 'processing-after-harvest',
      cte: 'processing',
      requires: 'harvest',
      scope: 'lineage',
    },
    {
      kind: 'requires-before',
      id: 'inspection-after-processing',
      cte: 'inspection',
      requires: 'processing',
      scope: 'lineage',
    },
    saleAfterWarehouseOut('sale-after-warehouse-out', {
      en: 'A sale comes after the warehouse-out of the lot or of what it was made from',
      'zh-CN': '销售须在该批次（或其原料批次）出库之后',
    }),
  ],
};
