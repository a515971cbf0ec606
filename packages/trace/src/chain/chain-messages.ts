import { defineMessages } from '@foodsafety/core';
import { INPUT_UNREADABLE } from '../thrown-detail.js';

/**
 * The diagnostic codes of the chain checks, lot queries and profiles, in zh-CN and en. Every
 * event-level finding carries `index` (position in the input, from 0) and `eventID` params and a
 * path to the event. The Chinese messages write the position as the path does, `事件 [3]`: an
 * ordinal (`第 3 条`) would be read as counted from 1.
 */
export const chainMessages = defineMessages(
  {
    TRACE_CHAIN_INPUT_INVALID: {
      severity: 'error',
      'zh-CN': '输入不是事件列表或 EPCIS 文档：{actual}，没有可检查的事件',
      en: 'The input is not a list of events or an EPCIS document: {actual}; there are no events to check',
    },
    TRACE_CHAIN_EVENT_SKIPPED: {
      severity: 'warning',
      'zh-CN': '事件 [{index}] 不是对象，追溯链检查已跳过',
      en: 'Event {index} is not an object; the chain checks skipped it',
    },
    // a getter or a Proxy trap of an input built in code threw
    TRACE_INPUT_UNREADABLE: INPUT_UNREADABLE,
    TRACE_DUPLICATE_EVENT_ID: {
      severity: 'error',
      'zh-CN': '事件 [{index}] {eventID} 与事件 [{firstIndex}] 的 eventID 相同',
      en: 'Event {eventID} (index {index}) repeats the eventID of event {firstIndex}',
    },
    TRACE_DUPLICATE_EVENT_CONTENT: {
      severity: 'warning',
      'zh-CN': '事件 [{index}]（{eventID}）的内容与事件 [{firstIndex}] 完全相同，疑为重复上报',
      en: 'Event {index} ({eventID}) has the same content as event {firstIndex}: a duplicate record',
    },
    TRACE_ERROR_DECLARATION_LATE: {
      severity: 'info',
      'zh-CN':
        '事件 [{index}] {eventID} 声明事件 [{declaredIndex}] 有误：该事件已移出追溯图、物料平衡和召回范围，但此前已就它返回的检查结果不会撤回',
      en: 'Event {index} {eventID} declares event {declaredIndex} erroneous: it is withdrawn from the lot graph, the mass balance and recall, but findings already returned with it stand',
    },
    TRACE_RECEIPT_WITHOUT_SHIPMENT: {
      severity: 'error',
      'zh-CN': '收货事件 [{index}] {eventID} 找不到对应的发货事件（批次 {lot}）：向前一步追溯中断',
      en: 'Receiving event {eventID} (index {index}) has no matching shipping event for lot {lot}: one step back is broken',
    },
    TRACE_SHIPMENT_NOT_RECEIVED: {
      severity: 'warning',
      'zh-CN': '发货事件 [{index}] {eventID} 没有对应的收货记录（批次 {lot}）：向后一步追溯中断',
      en: 'Shipping event {eventID} (index {index}) was never received for lot {lot}: one step forward is broken',
    },
    TRACE_RECEIPT_EXCEEDS_SHIPMENT: {
      severity: 'warning',
      'zh-CN':
        '业务单据 {transaction} 下批次 {lot} {at}的收货合计 {received} {unit}，多于该单据下{to}发货合计 {shipped} {unit}（截至收货事件 [{index}] {eventID}）',
      en: 'Under business transaction {transaction}, the receipts of lot {lot}{at} total {received} {unit}, more than the {shipped} {unit} its shipments{to} sent (as of receiving event {index} {eventID})',
    },
    TRACE_ORPHAN_LOT: {
      severity: 'warning',
      'zh-CN':
        '批次 {lot} 没有来源事件（生产、收获、加工产出）：首次出现于事件 [{index}] {eventID}',
      en: 'Lot {lot} has no origin event (commissioning, harvest or transformation output); first seen in event {index} {eventID}',
    },
    TRACE_TIME_ORDER: {
      severity: 'error',
      'zh-CN':
        '时间顺序错误：事件 [{index}] {eventID}（{time}）早于其前序事件 [{otherIndex}]（{otherTime}），批次 {lot}',
      en: 'Time order violated: event {index} {eventID} ({time}) is earlier than its predecessor, event {otherIndex} ({otherTime}), for lot {lot}',
    },
    TRACE_EVENT_AFTER_DESTRUCTION: {
      severity: 'error',
      'zh-CN':
        '批次 {lot} 已于事件 [{destroyIndex}]（{destroyTime}）销毁或注销，但事件 [{index}] {eventID}（{time}）仍在使用',
      en: 'Lot {lot} was destroyed or decommissioned by event {destroyIndex} ({destroyTime}) but event {index} {eventID} ({time}) uses it afterwards',
    },
    TRACE_MASS_BALANCE_EXCEEDED: {
      severity: 'error',
      'zh-CN':
        '批次 {lot} 在 {holder} 的流出量 {outflow} {unit} 超过流入量 {inflow} {unit}（截至事件 [{index}] {eventID}）',
      en: 'Lot {lot} at {holder}: outflow {outflow} {unit} exceeds inflow {inflow} {unit} (as of event {index} {eventID})',
    },
    TRACE_YIELD_OUT_OF_RANGE: {
      severity: 'error',
      'zh-CN':
        '加工转换事件 [{index}] {eventID} 的产出率 {yield} 超出允许范围 [{min}, {max}]（投入 {input} {unit}，产出 {output} {unit}）',
      en: 'Transformation {eventID} (index {index}) has yield {yield}, outside [{min}, {max}] (input {input} {unit}, output {output} {unit})',
    },
    TRACE_QUANTITY_UNCONVERTIBLE: {
      severity: 'info',
      'zh-CN':
        '事件 [{index}] 的计量单位 {uom} 无法换算（不在换算表中或量纲不一致），该处未做物料平衡检查',
      en: 'Event {index}: unit {uom} cannot be converted (not in the unit table, or a different dimension); mass balance skipped there',
    },
    TRACE_BALANCE_DIMENSIONS_MIXED: {
      severity: 'info',
      'zh-CN':
        '批次 {lot} 在 {holder} 的数量既有以 {first} 计的，也有以 {second} 计的（自事件 [{index}] {eventID} 起），两者无法换算，该处不再做物料平衡检查',
      en: 'Lot {lot} at {holder} is counted both in {first} and in {second} (from event {index} {eventID}), which do not convert: mass balance skipped there',
    },
    TRACE_LOCATION_UNRESOLVED: {
      severity: 'warning',
      'zh-CN': '事件 [{index}] {eventID} 的地点 {id} 不在主数据中',
      en: 'Event {index} {eventID}: location {id} is not in the master data',
    },
    TRACE_PARTY_UNRESOLVED: {
      severity: 'warning',
      'zh-CN': '事件 [{index}] {eventID} 的主体 {id} 不在主数据中',
      en: 'Event {index} {eventID}: party {id} is not in the master data',
    },
    TRACE_PRODUCT_UNRESOLVED: {
      severity: 'warning',
      'zh-CN': '事件 [{index}] {eventID} 的产品 {id} 不在主数据中',
      en: 'Event {index} {eventID}: product {id} is not in the master data',
    },
    TRACE_LOT_UNKNOWN: {
      severity: 'warning',
      'zh-CN': '追溯图中没有批次或标识 {id}',
      en: 'The lot graph has no lot or identifier {id}',
    },
  },
  { source: '@foodsafety/trace' },
);

/** A chain diagnostic code. */
export type ChainCode = keyof typeof chainMessages;
