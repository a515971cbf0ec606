import { describeValue, type Locale } from '@foodsafety/core';
import type { EventKind } from '../chain/event-kind.js';
import { type EventSummary, GraphStore, type LotGraph } from '../chain/lot-graph.js';
import { checkLotGraph } from '../chain/lot-graph-argument.js';
import { isRecord } from '../is-record.js';
import { OptionReader, plainOptions } from '../option-reader.js';
import { LIST_OF_EVENT_POSITIONS, validProfile } from '../option-words.js';
import { recogniseCte, recogniseCtes } from './check-profile.js';
import { parseSelector, selectMeasurements, selectValues } from './kde-selector.js';
import { type KdeDefinition, type TraceProfile, validateTraceProfile } from './trace-profile.js';

/** Options of {@link toSortableSpreadsheet}. */
export interface SpreadsheetOptions {
  /** Only the events naming these lots (e.g. a trace's lots and its start); all events if omitted. */
  readonly lots?: readonly string[];
  /** Only these events, by input position (combined with `lots` when both are given). */
  readonly events?: readonly number[];
  /** Add a CTE column and one column per KDE of this profile, filled from the events. */
  readonly profile?: TraceProfile;
  /** Column headers in this language (default `en`). */
  readonly locale?: Locale;
  /** Start with a UTF-8 byte-order mark so that Excel reads Chinese text correctly (default false). */
  readonly bom?: boolean;
  /** Value separator inside one cell (default `; `). */
  readonly separator?: string;
  /**
   * Keep a spreadsheet from running the data as formulas (CSV injection: a party name such as
   * `=HYPERLINK(…)` sent by a supplier): a cell that begins with `=`, `+`, `-`, `@`, a tab or a
   * line break, and is not a plain number, is written with a leading `'` (default true). Set
   * false for a CSV read by programs only.
   */
  readonly guardFormulas?: boolean;
}

const BASE_COLUMNS: readonly { key: string; en: string; zh: string }[] = [
  { key: 'index', en: 'Record #', zh: '记录序号' },
  { key: 'eventID', en: 'Event ID', zh: '事件标识' },
  { key: 'eventTime', en: 'Event date and time', zh: '事件时间' },
  { key: 'type', en: 'Event type', zh: '事件类型' },
  { key: 'kind', en: 'Activity', zh: '活动' },
  { key: 'bizStep', en: 'Business step', zh: '业务步骤' },
  { key: 'disposition', en: 'Disposition', zh: '状态' },
  { key: 'lot', en: 'Traceability lot code', zh: '追溯批次号' },
  { key: 'quantity', en: 'Quantity', zh: '数量' },
  { key: 'uom', en: 'Unit of measure', zh: '计量单位' },
  { key: 'location', en: 'Location', zh: '地点' },
  { key: 'source', en: 'Immediate previous source', zh: '直接上游来源' },
  { key: 'destination', en: 'Immediate subsequent recipient', zh: '直接下游接收方' },
  { key: 'bizTransaction', en: 'Reference document', zh: '参考单据' },
];

/** The activity of each event kind in Chinese, written before the kind in a zh-CN spreadsheet. */
const KIND_ZH: Readonly<Record<EventKind, string>> = {
  observation: '观察',
  origin: '创建',
  shipping: '发货',
  receiving: '收货',
  transformation: '加工转换',
  aggregation: '装箱聚合',
  disaggregation: '拆箱拆分',
  destruction: '销毁',
  sale: '销售',
};

/** A Chinese name with the identifier it stands for: `发货（shipping）`. */
function named(zhName: string, id: string): string {
  return `${zhName}（${id}）`;
}

const FORMULA_START = /^[=+\-@\t\r\n]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A cell value a spreadsheet would read as a formula (it begins with `=`, `+`, `-`, `@`, a tab or
 * a line break, and is not a plain number such as `-2.5`), made text with a leading `'`, as OWASP
 * advises against CSV injection; any other value as it is.
 */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** Quote a field as RFC 4180 requires (commas, quotes, CR or LF inside; quotes doubled). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return describeValue(value, Number.POSITIVE_INFINITY); // a cycle or a bigint inside
  }
}

/** The lists of instances (EPCs), each of which counts as one piece, without a unit. */
const INSTANCE_LISTS = new Set(['epcList', 'childEPCs', 'inputEPCList', 'outputEPCList']);

/** Whether a selector picks every entry of an instance list (`epcList[*]`). */
function isInstanceList(selector: string): boolean {
  const steps = parseSelector(selector);
  const [list, all] = steps;
  return (
    steps.length === 2 &&
    list?.kind === 'key' &&
    !list.wildcard &&
    INSTANCE_LISTS.has(list.name) &&
    all?.kind === 'all'
  );
}

/**
 * What a selector picks, each value with the `uom` of the object that holds it, one entry for
 * every object it reaches (see `selectMeasurements` with `everyHolder`) so that the entries stay
 * aligned with the elements (and the lot cell); an instance list's entries marked as instances.
 */
function measuredEntries(
  event: unknown,
  selector: string,
): { value: unknown; uom: unknown; instance: boolean }[] {
  if (isInstanceList(selector))
    return selectValues(event, selector).map((value) => ({
      value,
      uom: undefined,
      instance: true,
    }));
  return selectMeasurements(event, selector, { everyHolder: true }).map(({ value, uom }) => ({
    value,
    uom,
    instance: false,
  }));
}

/**
 * The cell entries of a KDE with a declared format (`KdeDefinition.format`), from the first
 * selector that gives a non-empty one, as other KDE cells are read: `quantityWithUnit` each
 * quantity with the `uom` of its quantity element (`12.5 KGM`), a quantity without `uom` (a count
 * of instances, EPCIS 2.0 §7.3.3.3) alone and an instance identifier as `1`; `unit` each element's
 * `uom`, an empty entry for a count or an instance. A cell without any value is empty.
 */
function formattedEntries(
  event: unknown,
  selectors: readonly string[],
  format: NonNullable<KdeDefinition['format']>,
): string[] {
  for (const selector of selectors) {
    const entries = measuredEntries(event, selector).map(({ value, uom, instance }) => {
      if (format === 'unit') return instance ? '' : text(uom);
      if (instance) return '1';
      const quantity = text(value);
      const unit = text(uom);
      return quantity === '' || unit === '' ? quantity : `${quantity} ${unit}`;
    });
    if (entries.some((e) => e !== '')) return entries;
  }
  return [];
}

function baseCells(e: EventSummary, sep: string, zh: boolean): string[] {
  const party = (list: EventSummary['sources']) => list.map((p) => p.id).join(sep);
  return [
    String(e.index),
    e.eventID ?? '',
    e.eventTime ?? '',
    e.type,
    zh ? named(KIND_ZH[e.kind], e.kind) : e.kind,
    e.bizStep ?? '',
    e.disposition ?? '',
    e.objects.map((o) => o.id).join(sep),
    e.objects.map((o) => (o.quantity === undefined ? '' : String(o.quantity))).join(sep),
    e.objects.map((o) => o.uom ?? '').join(sep),
    e.holder ?? '',
    party(e.sources),
    party(e.destinations),
    e.bizTransactions.join(sep),
  ];
}

/**
 * The CTE of every event of a graph that kept its events, by position, when the profile
 * recognises some step in context (`inContext`), as `checkProfile` gives them; `undefined` when
 * no CTE does (each row's event is then recognised alone). A recogniser that fails gives its step
 * to no event (`checkProfile` reports it).
 */
function contextCtes(graph: LotGraph, profile: TraceProfile): (string | undefined)[] | undefined {
  if (!profile.ctes.some((c) => c.inContext !== undefined)) return undefined;
  const events: unknown[] = [];
  const left = new Set<number>();
  const withdrawn = graph instanceof GraphStore ? graph.withdrawn : undefined;
  for (let slot = 0; slot < graph.eventCount; slot += 1) {
    const index = graph.event(slot).index;
    events[index] = graph.sourceEvent(slot);
    if (withdrawn?.has(slot) === true) left.add(index);
  }
  const prefix = graph instanceof GraphStore ? graph.pathPrefix : [];
  const pathOf = (index: number) => [...prefix, index];
  return recogniseCtes({ profile, events: Object.freeze(events), graph, pathOf }, left, prefix)
    .ctes;
}

/**
 * The spreadsheet options, checked: one it cannot use (a profile whose definition is broken
 * included) throws a `FoodSafetyError` (`TRACE_OPTION_INVALID`), as calling the API wrongly
 * does; the options are not mutated.
 */
function spreadsheetOptions(given: unknown): SpreadsheetOptions {
  const read = new OptionReader('SpreadsheetOptions', given);
  read.strings('lots');
  const events = read.list<unknown>('events');
  if (events?.some((e) => typeof e !== 'number') === true)
    read.bad(
      'events',
      events.find((e) => typeof e !== 'number'),
      LIST_OF_EVENT_POSITIONS,
    );
  read.locale();
  read.boolean('bom');
  read.string('separator');
  read.boolean('guardFormulas');
  const profile = read.raw('profile');
  if (profile !== undefined) {
    const broken = validateTraceProfile(profile as TraceProfile).find(
      (d) => d.severity === 'error',
    );
    if (broken !== undefined) read.bad('profile', profile, validProfile(broken.message));
  }
  read.throwFirst();
  return plainOptions(given as SpreadsheetOptions);
}

/**
 * An FSMA-style electronic sortable spreadsheet of a trace: CSV (RFC 4180: CRLF line ends,
 * fields with commas, quotes or line breaks quoted), one row per event in event-time order, with
 * the record's core columns and — given a profile — its CTE and one column per KDE. Headers in
 * English or Chinese; `bom: true` for Excel.
 *
 * @example
 * const trace = traceForward(graph, lot);
 * toSortableSpreadsheet(graph, { lots: [trace.id, ...trace.lots.map((l) => l.id)], profile: FSMA_204_PROFILE, bom: true })
 */
export function toSortableSpreadsheet(graph: LotGraph, given: SpreadsheetOptions = {}): string {
  checkLotGraph('toSortableSpreadsheet', graph);
  const options = spreadsheetOptions(given);
  const sep = options.separator ?? '; ';
  const zh = options.locale === 'zh-CN';
  let slots: number[];
  if (options.lots !== undefined) {
    const set = new Set<number>();
    for (const lot of options.lots) {
      const node = graph.nodeOf(lot);
      if (node !== undefined) for (const s of graph.eventsOf(node)) set.add(s);
    }
    slots = [...set];
  } else {
    // every event of the graph but those left out of the chain (duplicates, error declarations
    // and the events they declare erroneous), which no lot lists either
    const left = graph instanceof GraphStore ? graph.withdrawn : undefined;
    slots = [];
    for (let s = 0; s < graph.eventCount; s += 1) if (left?.has(s) !== true) slots.push(s);
  }
  const summaries = slots.map((s) => graph.event(s));
  const wanted = options.events === undefined ? undefined : new Set(options.events);
  const rows = summaries
    .filter((e) => wanted === undefined || wanted.has(e.index))
    .sort(
      (a, b) =>
        (Number.isNaN(a.time) ? 1 : 0) - (Number.isNaN(b.time) ? 1 : 0) ||
        a.time - b.time ||
        a.index - b.index,
    );

  const profile = options.profile;
  const kdeColumns: {
    id: string;
    label: string;
    selectByCte: Map<string, readonly string[]>;
    format: KdeDefinition['format'];
  }[] = [];
  if (profile !== undefined) {
    // one column per KDE id: its label and format are those of the first CTE that declares it
    const byId = new Map<string, (typeof kdeColumns)[number]>();
    for (const cte of profile.ctes) {
      for (const kde of cte.kdes) {
        let col = byId.get(kde.id);
        if (col === undefined) {
          col = {
            id: kde.id,
            label: zh ? kde.label['zh-CN'] : kde.label.en,
            selectByCte: new Map(),
            format: kde.format,
          };
          byId.set(kde.id, col);
          kdeColumns.push(col);
        }
        col.selectByCte.set(cte.id, kde.select);
      }
    }
  }
  const fixed = [
    ...BASE_COLUMNS.map((c) => (zh ? c.zh : c.en)),
    ...(profile === undefined ? [] : [zh ? '关键追踪事件' : 'Critical tracking event']),
  ];
  // a KDE whose label is a core column's, or another KDE's, is told apart by its id: a sheet
  // with two "Unit of measure" columns is ambiguous once imported
  const uses = new Map<string, number>();
  for (const label of [...fixed, ...kdeColumns.map((c) => c.label)])
    uses.set(label, (uses.get(label) ?? 0) + 1);
  const header = [
    ...fixed,
    ...kdeColumns.map((c) =>
      (uses.get(c.label) ?? 0) > 1
        ? zh
          ? `${c.label}（${c.id}）`
          : `${c.label} (${c.id})`
        : c.label,
    ),
  ];
  const lines = [header.map(csvField).join(',')];
  const guard = options.guardFormulas !== false;
  const ctesInContext = profile === undefined ? undefined : contextCtes(graph, profile);
  const cteLabels = new Map((profile?.ctes ?? []).map((c) => [c.id, c.label['zh-CN']] as const));
  for (const e of rows) {
    const cells = baseCells(e, sep, zh);
    const source = graph.sourceEvent(e.slot);
    // a time the chain cannot place (no zone) is still the data as sent
    if (e.eventTime === undefined && isRecord(source) && typeof source.eventTime === 'string')
      cells[2] = source.eventTime;
    if (profile !== undefined) {
      const cte =
        source === undefined
          ? undefined
          : ctesInContext !== undefined
            ? ctesInContext[e.index]
            : recogniseCte(source, profile);
      const label = cte === undefined ? undefined : cteLabels.get(cte);
      cells.push(cte === undefined ? '' : zh && label !== undefined ? named(label, cte) : cte);
      for (const col of kdeColumns) {
        const selectors = cte === undefined ? undefined : col.selectByCte.get(cte);
        if (selectors === undefined || source === undefined) {
          cells.push('');
          continue;
        }
        if (col.format !== undefined) {
          cells.push(formattedEntries(source, selectors, col.format).join(sep));
          continue;
        }
        let values: unknown[] = [];
        for (const s of selectors) {
          values = selectValues(source, s);
          if (values.length > 0) break;
        }
        cells.push(values.map(text).join(sep));
      }
    }
    lines.push(cells.map((c) => csvField(guard ? guardFormula(c) : c)).join(','));
  }
  return `${options.bom === true ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
