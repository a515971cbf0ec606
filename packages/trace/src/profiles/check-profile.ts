import {
  confidenceNotice,
  createDiagnostic,
  type Diagnostic,
  type DiagnosticPath,
  describeValue,
  type Locale,
  type LocalizedParam,
  localizedParam,
  type MessageDescriptor,
  type MessageParamValue,
  type RuleSetMeta,
  type Severity,
} from '@foodsafety/core';
import type { CanonicalIdFn } from '../chain/canonical-id.js';
import { declaredErroneous } from '../chain/error-declaration.js';
import {
  buildLotGraph,
  entryAt,
  eventListOf,
  GraphStore,
  inputProblem,
  type LotGraph,
  unreadableInput,
} from '../chain/lot-graph.js';
import { NO_EVENT_ID, NO_VALUE } from '../chain/stand-in-words.js';
import { traceBack } from '../chain/trace-lot.js';
import { REC20_UNITS, type UnitTable } from '../chain/units.js';
import { isRecord } from '../is-record.js';
import { OptionReader, optionFindings } from '../option-reader.js';
import { callProfileRule } from './call-profile-rule.js';
import { recogniseInContext } from './cte-in-context.js';
import { applyFindingOptions } from './finding-options.js';
import { cbvEquals, hasAny, localName, selectMeasurements, selectValues } from './kde-selector.js';
import { convertMeasurement, unitTableProblem } from './measurement-units.js';
import { profileMessages } from './profile-messages.js';
import { labelParam, profileNames, withProfileNames } from './profile-names.js';
import type {
  CteDefinition,
  CteMatch,
  ProfileRule,
  ProfileRuleContext,
  RequiresBeforeRule,
  TraceProfile,
  ValueCondition,
  ValueRule,
} from './trace-profile.js';
import { validateTraceProfile } from './trace-profile.js';
import { requirementWords } from './value-requirement-words.js';

/** Options of {@link checkProfile}. */
export interface CheckProfileOptions {
  /** Identifier canonicalisation for joining lots (as in `buildLotGraph`). */
  readonly canonicalId?: CanonicalIdFn;
  /** Path of the event list in the input (default from the input's shape). */
  readonly pathPrefix?: DiagnosticPath;
  /** Locale of the messages (default `en`), a value rule's own message included. */
  readonly locale?: Locale;
  /** Override the severity of any code, e.g. `{ TRACE_PROFILE_KDE_MISSING: 'warning' }`. */
  readonly severities?: Readonly<Partial<Record<string, Severity>>>;
  /**
   * The unit table value rules with a `uom` convert by (besides the temperature units), and the
   * graph built from a list of events uses (as `buildLotGraph`'s `units`). Default: the graph's
   * own table when a graph is given, else `REC20_UNITS`.
   */
  readonly units?: UnitTable;
}

/** The result of {@link checkProfile}. */
export interface ProfileCheckResult {
  /**
   * The rule set applied; `undefined` when the profile's definition is broken (then it was not
   * applied, and `diagnostics` holds its `TRACE_PROFILE_INVALID` errors).
   */
  readonly profile: RuleSetMeta | undefined;
  /**
   * Findings, each with a path to the event: missing KDEs, chain-order rules, new-lot rules, value
   * rules; first an info notice when the profile's confidence is not `verified`.
   */
  readonly diagnostics: readonly Diagnostic[];
  /** The CTE recognised for each event, by position (`undefined`: not a CTE of this profile). */
  readonly ctes: readonly (string | undefined)[];
}

function explicitCte(event: Record<string, unknown>): string | undefined {
  for (const key of Object.keys(event)) {
    if (localName(key) === 'cte' && typeof event[key] === 'string') return event[key] as string;
  }
  return undefined;
}

function matchesShape(event: Record<string, unknown>, m: CteMatch): boolean {
  const { type, action } = event;
  if (m.eventTypes !== undefined && !(typeof type === 'string' && m.eventTypes.includes(type)))
    return false;
  if (m.actions !== undefined && !(typeof action === 'string' && m.actions.includes(action)))
    return false;
  if (m.bizSteps !== undefined && !m.bizSteps.some((w) => cbvEquals(event.bizStep, w)))
    return false;
  if (
    m.dispositions !== undefined &&
    !m.dispositions.some((w) => cbvEquals(event.disposition, w))
  ) {
    return false;
  }
  if (m.has !== undefined && !m.has.every((s) => selectValues(event, s).length > 0)) return false;
  return true;
}

/**
 * The CTE of a profile an event is: an explicit step named in the event (`fsk:cte`, any prefix)
 * that a CTE lists, else (no step named, or one this profile does not know) the first CTE whose
 * shape matches. `undefined` for other events. It reads the event alone: a step a CTE recognises
 * by the event's place in the chain (`inContext`) is in `checkProfile(…).ctes`.
 */
export function recogniseCte(event: unknown, profile: TraceProfile): string | undefined {
  try {
    return recogniseRead(event, profile);
  } catch {
    // an event built in code whose getter or Proxy trap throws is no step
    return undefined;
  }
}

/** {@link recogniseCte} of an event that may throw when read. */
function recogniseRead(event: unknown, profile: TraceProfile): string | undefined {
  if (!isRecord(event)) return undefined;
  const explicit = explicitCte(event);
  if (explicit !== undefined) {
    for (const cte of profile.ctes) {
      if (cte.id === explicit || cte.match.some((m) => m.cte?.includes(explicit) === true))
        return cte.id;
    }
    // a step name this profile does not know: recognise the event by its shape
  }
  for (const cte of profile.ctes) {
    if (cte.match.some((m) => hasShape(m) && matchesShape(event, m))) return cte.id;
  }
  return undefined;
}

/**
 * The CTE of each event of a check, by position: by name or shape (`recogniseCte`), then by place
 * in the chain (each CTE's `inContext`, see `recogniseInContext`); events in `left` (out of the
 * chain) take none. With the findings about recognisers that failed. Internal to the package.
 */
export function recogniseCtes(
  base: Omit<ProfileRuleContext, 'ctes'>,
  left: ReadonlySet<number>,
  path: DiagnosticPath,
  unreadable: (index: number, error: unknown) => void = () => {},
): { ctes: (string | undefined)[]; diagnostics: Diagnostic[] } {
  const ctes = Array.from(base.events, (e, i) => {
    if (left.has(i)) return undefined;
    try {
      return recogniseRead(e, base.profile);
    } catch (error) {
      unreadable(i, error);
      return undefined;
    }
  });
  return { ctes, diagnostics: recogniseInContext(base, ctes, left, path) };
}

function hasShape(m: CteMatch): boolean {
  return (
    m.eventTypes !== undefined ||
    m.actions !== undefined ||
    m.bizSteps !== undefined ||
    m.dispositions !== undefined ||
    m.has !== undefined
  );
}

function display(value: unknown): MessageParamValue {
  if (value === undefined) return NO_VALUE;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  try {
    return JSON.stringify(value) ?? describeValue(value, Number.POSITIVE_INFINITY);
  } catch {
    return describeValue(value, Number.POSITIVE_INFINITY); // a cycle or a bigint inside
  }
}

function gtinOf(id: string, canonicalId: CanonicalIdFn): string | undefined {
  let c = id;
  try {
    c = canonicalId(id);
  } catch {
    c = id;
  }
  return /^https:\/\/id\.gs1\.org\/01\/(\d{14})/.exec(c)?.[1];
}

function passes(v: unknown, cond: ValueCondition, canonicalId: CanonicalIdFn): boolean {
  const target = cond.value;
  switch (cond.op) {
    case 'exists':
      return true;
    case 'eq':
      return v === target || (typeof target === 'string' && cbvEquals(v, target));
    case 'ne':
      return !(v === target || (typeof target === 'string' && cbvEquals(v, target)));
    case 'lt':
      return typeof v === 'number' && typeof target === 'number' && v < target;
    case 'lte':
      return typeof v === 'number' && typeof target === 'number' && v <= target;
    case 'gt':
      return typeof v === 'number' && typeof target === 'number' && v > target;
    case 'gte':
      return typeof v === 'number' && typeof target === 'number' && v >= target;
    case 'in':
      return (
        Array.isArray(target) &&
        target.some((t) => v === t || (typeof t === 'string' && cbvEquals(v, t)))
      );
    case 'not-in':
      return !(
        Array.isArray(target) &&
        target.some((t) => v === t || (typeof t === 'string' && cbvEquals(v, t)))
      );
    case 'matches':
      if (typeof target !== 'string' || typeof v !== 'string') return false;
      try {
        return new RegExp(target).test(v);
      } catch {
        return false;
      }
    case 'gtin-in': {
      if (typeof v !== 'string' || !Array.isArray(target)) return false;
      const gtin = gtinOf(v, canonicalId);
      return (
        gtin !== undefined &&
        target.some(
          (t) =>
            (typeof t === 'string' || typeof t === 'number' || typeof t === 'bigint') &&
            String(t).padStart(14, '0') === gtin,
        )
      );
    }
    default:
      return false;
  }
}

/** A value a condition picked: what it compares (`usable` false: it cannot) and what a finding shows. */
interface Picked {
  readonly value: unknown;
  readonly usable: boolean;
  readonly shown: unknown;
}

/** How a value without a unit is shown in a finding, per locale. */
const NO_UNIT: Readonly<Record<Locale, string>> = { en: '(no unit)', 'zh-CN': '（无单位）' };

/**
 * The values a condition picks from an event. With a `uom`, each is a number read with the unit
 * of the object holding it and converted to the condition's unit; one that is no finite number
 * or does not convert cannot be compared (shown as written, with its unit).
 */
function picked(
  event: unknown,
  cond: ValueCondition,
  locale: Locale | undefined,
  units: UnitTable,
): Picked[] {
  const to = cond.uom;
  if (to === undefined) {
    return selectValues(event, cond.select).map((value) => ({ value, usable: true, shown: value }));
  }
  return selectMeasurements(event, cond.select).map(({ value, uom }) => {
    const unit = typeof uom === 'string' && uom !== '' ? uom : NO_UNIT[locale ?? 'en'];
    const shown = typeof value === 'number' ? `${value} ${unit}` : value;
    const converted =
      typeof value === 'number' ? convertMeasurement(value, uom, to, units) : undefined;
    return converted === undefined
      ? { value, usable: false, shown }
      : { value: converted, usable: true, shown };
  });
}

function holds(p: Picked, cond: ValueCondition, canonicalId: CanonicalIdFn): boolean {
  return p.usable && passes(p.value, cond, canonicalId);
}

/**
 * Evaluate a condition: when it fails, the first failing value as a finding shows it (or
 * `undefined` as "none picked").
 */
function evaluate(
  event: unknown,
  cond: ValueCondition,
  canonicalId: CanonicalIdFn,
  locale: Locale | undefined,
  units: UnitTable,
): { ok: true } | { ok: false; value: unknown } {
  const values = picked(event, cond, locale, units);
  if (values.length === 0) return { ok: false, value: undefined };
  if (cond.quantifier === 'any') {
    if (values.some((p) => holds(p, cond, canonicalId))) return { ok: true };
    // none passes: show one that was compared and failed, if any was
    return { ok: false, value: (values.find((p) => p.usable) ?? values[0])?.shown };
  }
  for (const p of values) if (!holds(p, cond, canonicalId)) return { ok: false, value: p.shown };
  return { ok: true };
}

function expectedText(cond: ValueCondition): string {
  const v = cond.value;
  const shown = Array.isArray(v)
    ? `[${v.map((item) => describeValue(item, Number.POSITIVE_INFINITY)).join(', ')}]`
    : v === undefined
      ? ''
      : describeValue(v, Number.POSITIVE_INFINITY);
  const unit = cond.uom === undefined ? '' : ` ${cond.uom}`;
  return `${cond.quantifier === 'any' ? 'any' : 'all'} ${cond.select} ${cond.op} ${shown}${unit}`.trim();
}

/** The options of `checkProfile` it can use, and findings about the others (defaults used). */
function readOptions(given: unknown): CheckProfileOptions & { problems: readonly Diagnostic[] } {
  const read = new OptionReader('CheckProfileOptions', given);
  read.locale();
  read.record('severities');
  read.fn('canonicalId');
  read.list('pathPrefix');
  return { ...read.usable<CheckProfileOptions>(), problems: optionFindings(read.problems) };
}

/**
 * Check events (a list, an EPCIS document, or a lot graph that kept its events) against a
 * traceability profile: every KDE of each recognised CTE present (`TRACE_PROFILE_KDE_MISSING`
 * with a path to the event), required earlier steps present and earlier
 * (`TRACE_PROFILE_STEP_MISSING`, `TRACE_PROFILE_ORDER`), new lots only where allowed
 * (`TRACE_PROFILE_NEW_LOT_NOT_ALLOWED`), value rules (`TRACE_PROFILE_RULE_FAILED` or the rule's own
 * message) and custom rules. Pure; bad input yields findings, never an exception.
 *
 * It fails closed: a profile whose definition is broken (see `validateTraceProfile`) is not
 * applied and its `TRACE_PROFILE_INVALID` errors are the findings; a rule that throws is a
 * `TRACE_PROFILE_RULE_ERROR` and a custom rule that returns anything but a list of diagnostics a
 * `TRACE_PROFILE_RULE_RESULT_INVALID`, both errors naming the profile and the rule.
 */
export function checkProfile(
  input: unknown,
  profile: TraceProfile,
  given: CheckProfileOptions = {},
): ProfileCheckResult {
  const options = readOptions(given);
  const finish = (found: readonly Diagnostic[]) =>
    applyFindingOptions([...options.problems, ...found], options);
  const out: Diagnostic[] = [];
  try {
    return checkRead(input, profile, options, out, finish);
  } catch (error) {
    // an input built in code whose getter or Proxy trap throws where no event is being read
    out.push(unreadableInput(error, options));
    return { profile: profile.meta, diagnostics: finish(out), ctes: [] };
  }
}

/** {@link checkProfile} of an input that may throw when read (findings go to `out`). */
function checkRead(
  input: unknown,
  profile: TraceProfile,
  options: CheckProfileOptions & { problems: readonly Diagnostic[] },
  out: Diagnostic[],
  finish: (found: readonly Diagnostic[]) => Diagnostic[],
): ProfileCheckResult {
  const definition = validateTraceProfile(profile);
  if (definition.some((d) => d.severity === 'error')) {
    // a broken profile would misjudge every event: its definition errors are the findings
    return { profile: undefined, diagnostics: finish(definition), ctes: [] };
  }
  out.push(...confidenceNotice(profile.meta));
  const source = profile.meta.id;
  // a units option that is no unit table is a finding, and the default table is used
  const unitsProblem = options.units === undefined ? undefined : unitTableProblem(options.units);
  const givenUnits = unitsProblem === undefined ? options.units : undefined;
  if (unitsProblem !== undefined) {
    out.push(
      createDiagnostic(
        profileMessages.TRACE_PROFILE_UNITS_INVALID,
        {
          detail: unitsProblem,
          fallback:
            input instanceof GraphStore
              ? localizedParam('追溯图自身的单位表', "the graph's own table")
              : 'REC20_UNITS',
        },
        { path: ['options', 'units'], source },
      ),
    );
  }
  let events: unknown[];
  let prefix: DiagnosticPath;
  let graph: LotGraph;
  /** The list entries whose reading threw (reported below, once the path prefix is known). */
  const thrownEntries: { readonly index: number; readonly error: unknown }[] = [];
  if (input instanceof GraphStore) {
    if (!input.retain) {
      out.push(
        createDiagnostic(
          profileMessages.TRACE_PROFILE_EVENTS_UNAVAILABLE,
          { profile: source },
          { source },
        ),
      );
      return { profile: profile.meta, diagnostics: finish(out), ctes: [] };
    }
    events = [];
    for (let slot = 0; slot < input.eventCount; slot += 1) {
      events[input.evIndex.data[slot] as number] = input.sources[slot];
    }
    prefix = input.pathPrefix;
    graph = input;
  } else {
    const read = eventListOf(input);
    // an input whose reading throws (a getter, a Proxy trap); a mis-nested document, which is no
    // chain without findings
    if (read.error !== undefined) out.push(unreadableInput(read.error.thrown, options));
    else if (read.problem !== undefined) out.push(inputProblem(read.problem, options));
    if (read.error !== undefined || read.problem !== undefined)
      return { profile: profile.meta, diagnostics: finish(out), ctes: [] };
    // each entry read once, on its own, as validateChain and buildLotGraph read them: one whose
    // reading throws (a getter, a Proxy trap) is reported at its index and takes no step; the
    // others are checked
    events = [];
    for (let i = 0; i < read.length; i += 1) {
      const entry = entryAt(read.list, i);
      if (entry.thrown !== undefined) thrownEntries.push({ index: i, error: entry.thrown.error });
      events.push(entry.thrown === undefined ? entry.event : undefined);
    }
    prefix = options.pathPrefix ?? read.prefix;
    graph = buildLotGraph(events, {
      ...(options.canonicalId === undefined ? {} : { canonicalId: options.canonicalId }),
      ...(givenUnits === undefined ? {} : { units: givenUnits }),
      pathPrefix: prefix,
    });
  }
  const units = givenUnits ?? (graph instanceof GraphStore ? graph.units : REC20_UNITS);
  const canonicalId =
    graph instanceof GraphStore ? graph.canonicalId : (options.canonicalId ?? ((id: string) => id));
  const pathOf = (index: number): DiagnosticPath => [...prefix, index];
  // a duplicate, an error declaration and an event it declares erroneous are out of the chain
  // (see validateChain): no step is recognised for them, so no KDE or rule applies to them
  // (a list's error declarations and the events they declare erroneous are never added to the
  // graph it builds; an index adds and then withdraws them)
  const left = input instanceof GraphStore ? new Set<number>() : declaredErroneous(events);
  if (graph instanceof GraphStore)
    for (const slot of graph.withdrawn) left.add(graph.evIndex.data[slot] as number);
  // an event built in code that throws when read (a getter, a Proxy trap) is reported once and
  // takes no step; the graph skipped those it could not read
  const unread = new Set<number>();
  const unreadable = (index: number, error: unknown) => {
    if (unread.has(index)) return;
    unread.add(index);
    left.add(index);
    out.push(unreadableInput(error, { locale: options.locale, pathPrefix: prefix }, index));
  };
  for (const { index, error } of thrownEntries) unreadable(index, error);
  if (input !== graph && graph instanceof GraphStore)
    for (const d of graph.diagnostics) {
      const index = d.params?.index;
      if (d.code === 'TRACE_INPUT_UNREADABLE' && typeof index === 'number') {
        unread.add(index);
        left.add(index);
        out.push(d);
      }
    }
  // what a profile's functions (recognisers, custom rules) see is frozen: one cannot change what
  // the others, or the engine's own rules, read
  const shownEvents = Object.freeze([...events]);
  const recognised = recogniseCtes(
    { profile, events: shownEvents, graph, pathOf },
    left,
    prefix,
    unreadable,
  );
  out.push(...recognised.diagnostics);
  const ctes = recognised.ctes;
  const shownCtes = Object.freeze([...ctes]);
  const cteById = new Map<string, CteDefinition>(profile.ctes.map((c) => [c.id, c]));
  const params = (index: number): EventParams => {
    const e = events[index];
    let id: string | LocalizedParam = NO_EVENT_ID;
    try {
      if (isRecord(e) && typeof e.eventID === 'string') id = e.eventID;
    } catch {
      // a getter or a Proxy trap that throws: no eventID to show
    }
    return { index, eventID: id, profile: source };
  };

  // KDE tables
  events.forEach((event, index) => {
    const cteId = ctes[index];
    if (cteId === undefined) return;
    const cte = cteById.get(cteId);
    if (cte === undefined) return;
    for (const kde of cte.kdes) {
      let has: boolean;
      try {
        has = kde.required === false || hasAny(event, kde.select);
      } catch (error) {
        unreadable(index, error);
        return;
      }
      if (has) continue;
      out.push(
        createDiagnostic(
          profileMessages.TRACE_PROFILE_KDE_MISSING,
          {
            ...params(index),
            citation: kde.citation ?? source,
            ...profileNames(profile, { cte: cteId, kde: kde.id }),
          },
          { path: pathOf(index), source },
        ),
      );
    }
  });

  // rules
  const slotsByIndex = new Map<number, number>();
  for (let slot = 0; slot < graph.eventCount; slot += 1)
    slotsByIndex.set(graph.event(slot).index, slot);
  const run: RuleRun = {
    profile,
    events: shownEvents,
    ctes: shownCtes,
    graph,
    pathOf,
    params,
    slotsByIndex,
    canonicalId,
    source,
    locale: options.locale,
    units,
  };
  for (const rule of profile.rules) {
    // a rule that throws or returns garbage is an error finding; the other rules still run
    // a custom rule that reports a profile code without the names of its steps gets them here
    out.push(
      ...callProfileRule(() => applyRule(rule, run), {
        profile: source,
        rule: rule.id,
        path: prefix,
      }).map((d) => withProfileNames(d, profile, options.locale)),
    );
  }
  return { profile: profile.meta, diagnostics: finish(out), ctes };
}

interface EventParams {
  readonly index: number;
  readonly eventID: string | LocalizedParam;
  readonly profile: string;
}

interface RuleRun {
  readonly profile: TraceProfile;
  readonly events: readonly unknown[];
  readonly ctes: readonly (string | undefined)[];
  readonly graph: LotGraph;
  readonly pathOf: (index: number) => DiagnosticPath;
  readonly params: (index: number) => EventParams;
  readonly slotsByIndex: ReadonlyMap<number, number>;
  readonly canonicalId: CanonicalIdFn;
  readonly source: string;
  /** Locale of the rules' own messages (a plugin's codes are not in the default catalogue). */
  readonly locale: Locale | undefined;
  /** The unit table of value rules with a `uom`. */
  readonly units: UnitTable;
}

function applyRule(rule: ProfileRule, run: RuleRun): readonly Diagnostic[] {
  switch (rule.kind) {
    case 'requires-before':
      return requiresBefore(rule, run);
    case 'new-lot-only-at':
      return newLotOnlyAt(rule.ctes, rule.severity, run);
    case 'value':
      return valueRule(rule, run);
    case 'custom':
      return rule.check({
        profile: run.profile,
        events: run.events,
        ctes: run.ctes,
        graph: run.graph,
        pathOf: run.pathOf,
      });
    default:
      return [];
  }
}

function lotsOf(run: RuleRun, slot: number): string[] {
  return run.graph
    .event(slot)
    .objects.filter((o) => o.field !== 'parentID')
    .map((o) => o.id);
}

function requiresBefore(rule: RequiresBeforeRule, run: RuleRun): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { graph } = run;
  // events of the required CTE per lot
  const requiredByLot = new Map<string, { index: number; time: number }[]>();
  run.ctes.forEach((cte, index) => {
    if (cte !== rule.requires) return;
    const slot = run.slotsByIndex.get(index);
    if (slot === undefined) return;
    const time = graph.event(slot).time;
    for (const lot of lotsOf(run, slot)) {
      const list = requiredByLot.get(lot) ?? [];
      list.push({ index, time });
      requiredByLot.set(lot, list);
    }
  });
  run.ctes.forEach((cte, index) => {
    if (cte !== rule.cte) return;
    const slot = run.slotsByIndex.get(index);
    if (slot === undefined) return;
    const time = graph.event(slot).time;
    for (const lot of lotsOf(run, slot)) {
      const scope =
        rule.scope === 'lineage' ? [lot, ...traceBack(graph, lot).lots.map((l) => l.id)] : [lot];
      let later: { index: number; time: number } | undefined;
      let satisfied = false;
      for (const candidate of scope) {
        for (const r of requiredByLot.get(candidate) ?? []) {
          // a required event whose time cannot be read is not shown to come before (fail
          // closed); an event whose own time cannot be read is satisfied by any of them
          if (r.time <= time || Number.isNaN(time)) satisfied = true;
          else if (r.time > time && later === undefined) later = r;
        }
        if (satisfied) break;
      }
      if (satisfied) continue;
      const base = {
        ...run.params(index),
        lot,
        ...profileNames(run.profile, { cte, requires: rule.requires }),
      };
      out.push(
        later === undefined
          ? createDiagnostic(profileMessages.TRACE_PROFILE_STEP_MISSING, base, {
              path: run.pathOf(index),
              source: run.source,
              ...(rule.severity === undefined ? {} : { severity: rule.severity }),
            })
          : createDiagnostic(
              profileMessages.TRACE_PROFILE_ORDER,
              { ...base, otherIndex: later.index },
              {
                path: run.pathOf(index),
                source: run.source,
                ...(rule.severity === undefined ? {} : { severity: rule.severity }),
              },
            ),
      );
      break;
    }
  });
  return out;
}

function newLotOnlyAt(
  allowed: readonly string[],
  severity: ProfileRule['severity'],
  run: RuleRun,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  run.ctes.forEach((cte, index) => {
    if (cte === undefined || allowed.includes(cte)) return;
    const slot = run.slotsByIndex.get(index);
    if (slot === undefined) return;
    const e = run.graph.event(slot);
    const created = e.objects.filter(
      (o) =>
        (e.kind === 'origin' && o.field !== 'parentID') ||
        (e.kind === 'transformation' &&
          (o.field === 'outputEPCList' || o.field === 'outputQuantityList')),
    );
    const first = created[0];
    if (first === undefined) return;
    out.push(
      createDiagnostic(
        profileMessages.TRACE_PROFILE_NEW_LOT_NOT_ALLOWED,
        { ...run.params(index), lot: first.id, ...profileNames(run.profile, { cte, allowed }) },
        {
          path: [...run.pathOf(index), first.field, first.position],
          source: run.source,
          ...(severity === undefined ? {} : { severity }),
        },
      ),
    );
  });
  return out;
}

function valueRule(rule: ValueRule, run: RuleRun): Diagnostic[] {
  const out: Diagnostic[] = [];
  run.events.forEach((event, index) => {
    const cte = run.ctes[index];
    if (cte === undefined) return;
    if (rule.ctes !== undefined && !rule.ctes.includes(cte)) return;
    if (rule.when !== undefined) {
      const when = rule.when;
      // a value that cannot be compared (no unit, another dimension) might meet the condition:
      // the rule applies (fail closed), so missing units never exempt an event from it
      const applies = picked(event, when, run.locale, run.units).some(
        (p) => !p.usable || holds(p, when, run.canonicalId),
      );
      if (!applies) return;
    }
    const result = evaluate(event, rule, run.canonicalId, run.locale, run.units);
    if (result.ok) return;
    const descriptor: MessageDescriptor = rule.message ?? profileMessages.TRACE_PROFILE_RULE_FAILED;
    out.push(
      createDiagnostic(
        descriptor,
        {
          ...run.params(index),
          cte,
          rule: rule.id,
          ruleName: labelParam(rule.label, rule.id),
          value: display(result.value),
          expected: expectedText(rule),
          requirement: requirementWords(rule),
        },
        {
          path: run.pathOf(index),
          source: run.source,
          ...(rule.severity === undefined ? {} : { severity: rule.severity }),
          ...(run.locale === undefined ? {} : { locale: run.locale }),
        },
      ),
    );
  });
  return out;
}
