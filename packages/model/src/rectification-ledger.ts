import { createDiagnostic, type Diagnostic, fail, ok, type Result } from '@foodsafety/core';
import { produce } from 'immer';
import { z } from 'zod';
import { evidenceSchema } from './evidence.js';
import { idSchema } from './identifier.js';
import type { Fraction } from './inspection.js';
import {
  compareMoments,
  daysBetween,
  type IsoDate,
  type IsoDateOrDateTime,
  isoDateOrDateTimeSchema,
  isoDateSchema,
  requireMoment,
  shanghaiDate,
} from './iso-date.js';
import { modelMessages } from './model-messages.js';
import {
  issuesToDiagnostics,
  type ParseOptions,
  parseWithSchema,
  underPath,
} from './parse-with-schema.js';

const byField = z.string().min(1).max(200);
const noteField = z.string().max(4000).optional();

/** Registered (登记): the finding enters the ledger with a deadline (限期). */
export const rectificationOpenedSchema = z.strictObject({
  type: z.literal('opened'),
  on: isoDateOrDateTimeSchema,
  by: byField.optional(),
  /** Last day to correct (inclusive, an Asia/Shanghai calendar day). */
  deadline: isoDateSchema,
  note: noteField,
});

/** Closed (销账): the operator reports the correction, with evidence. */
export const rectificationClosedSchema = z.strictObject({
  type: z.literal('closed'),
  on: isoDateOrDateTimeSchema,
  by: byField.optional(),
  evidence: z.array(evidenceSchema).min(1),
  note: noteField,
});

/** Verified (跟踪问效): a regulator confirms the correction. */
export const rectificationVerifiedSchema = z.strictObject({
  type: z.literal('verified'),
  on: isoDateOrDateTimeSchema,
  by: byField,
  note: noteField,
});

/** Reopened: the verifier rejects the correction and sets a new deadline. */
export const rectificationReopenedSchema = z.strictObject({
  type: z.literal('reopened'),
  on: isoDateOrDateTimeSchema,
  by: byField,
  reason: z.string().min(1).max(4000),
  deadline: isoDateSchema,
});

/** One record in an entry's history, discriminated by `type`. */
export const rectificationEventSchema = z.discriminatedUnion('type', [
  rectificationOpenedSchema,
  rectificationClosedSchema,
  rectificationVerifiedSchema,
  rectificationReopenedSchema,
]);

/** Where a rectification comes from. */
export const rectificationOriginSchema = z.strictObject({
  kind: z.enum([
    'inspection',
    'haccp-deviation',
    'supermarket-check',
    'sampling',
    'assessment',
    'other',
  ]),
  /** The id of the inspection, check or sample batch. */
  refId: idSchema.optional(),
});

/**
 * One entry of a rectification ledger (整改台账): a finding, its deadline and its append-only
 * history (opened → closed → verified, or closed → reopened → closed …).
 */
export const rectificationEntrySchema = z.strictObject({
  id: idSchema,
  findingId: idSchema,
  operatorId: idSchema.optional(),
  origin: rectificationOriginSchema.optional(),
  description: z.string().min(1).max(4000),
  history: z.array(rectificationEventSchema).min(1),
});

/**
 * A rectification ledger (整改台账): "list every weakness, log it with a deadline, close it and
 * follow it up" (拉单挂账、限期销账、跟踪问效).
 */
export const rectificationLedgerSchema = z
  .strictObject({
    id: idSchema.optional(),
    entries: z.array(rectificationEntrySchema),
  })
  .meta({
    id: 'RectificationLedger',
    title: 'Rectification ledger',
    description: 'Findings with deadlines, closures with evidence and verifications (整改台账).',
  });

/** One history record. */
export type RectificationEvent = z.infer<typeof rectificationEventSchema>;
/** A ledger entry. */
export type RectificationEntry = z.infer<typeof rectificationEntrySchema>;
/** A rectification ledger. */
export type RectificationLedger = z.infer<typeof rectificationLedgerSchema>;
/** The status of an entry: open (awaiting correction), closed (awaiting verification), verified. */
export type RectificationStatus = 'open' | 'closed' | 'verified';

/** The state of an entry after replaying (part of) its history. */
export interface RectificationState {
  readonly status: RectificationStatus;
  /** The deadline in force (the latest opening or reopening). */
  readonly deadline: IsoDate;
  readonly openedOn: IsoDateOrDateTime;
  /** The date of the last closure, when the entry is closed or verified. */
  readonly closedOn?: IsoDateOrDateTime;
  readonly lastOn: IsoDateOrDateTime;
}

const ALLOWED_FROM: Readonly<Record<RectificationEvent['type'], RectificationStatus | undefined>> =
  {
    opened: undefined,
    closed: 'open',
    verified: 'closed',
    reopened: 'closed',
  };

/** Diagnostics for one step (paths relative to the event), or none when it is allowed. */
function stepDiagnostics(
  state: RectificationState | undefined,
  event: RectificationEvent,
  entryId: string,
): Diagnostic[] {
  if (state === undefined || event.type === 'opened') {
    if (state !== undefined || event.type !== 'opened') {
      return [
        createDiagnostic(
          modelMessages.MODEL_RECTIFICATION_HISTORY_START,
          { entryId },
          { path: ['type'] },
        ),
      ];
    }
  } else {
    if (state.status !== ALLOWED_FROM[event.type]) {
      return [
        createDiagnostic(
          modelMessages.MODEL_RECTIFICATION_INVALID_TRANSITION,
          { entryId, status: state.status, action: event.type },
          { path: ['type'] },
        ),
      ];
    }
    if (compareMoments(event.on, state.lastOn) < 0) {
      return [
        createDiagnostic(
          modelMessages.MODEL_RECTIFICATION_DATE_BACKWARDS,
          { entryId, action: event.type, date: event.on, previous: state.lastOn },
          { path: ['on'] },
        ),
      ];
    }
  }
  if (
    (event.type === 'opened' || event.type === 'reopened') &&
    event.deadline < shanghaiDate(event.on)
  ) {
    return [
      createDiagnostic(
        modelMessages.MODEL_RECTIFICATION_DEADLINE_BEFORE_OPEN,
        { entryId, deadline: event.deadline, date: event.on },
        { path: ['deadline'] },
      ),
    ];
  }
  return [];
}

function nextState(
  state: RectificationState | undefined,
  event: RectificationEvent,
): RectificationState {
  switch (event.type) {
    case 'opened':
      return { status: 'open', deadline: event.deadline, openedOn: event.on, lastOn: event.on };
    case 'reopened':
      return {
        status: 'open',
        deadline: event.deadline,
        openedOn: (state as RectificationState).openedOn,
        lastOn: event.on,
      };
    case 'closed':
      return {
        ...(state as RectificationState),
        status: 'closed',
        closedOn: event.on,
        lastOn: event.on,
      };
    case 'verified':
      return { ...(state as RectificationState), status: 'verified', lastOn: event.on };
  }
}

/**
 * Replay a (trusted) history, optionally only the records on or before `asOf`; `undefined` when
 * nothing had happened yet.
 */
function replay(
  history: readonly RectificationEvent[],
  asOf?: IsoDateOrDateTime,
): RectificationState | undefined {
  let state: RectificationState | undefined;
  for (const event of history) {
    if (asOf !== undefined && compareMoments(event.on, asOf) > 0) break;
    state = nextState(state, event);
  }
  return state;
}

function checkLedger(ledger: RectificationLedger): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = new Set<string>();
  ledger.entries.forEach((entry, i) => {
    if (ids.has(entry.id)) {
      out.push(
        createDiagnostic(
          modelMessages.MODEL_DUPLICATE_ID,
          { entity: 'rectification entry', id: entry.id },
          { path: ['entries', i, 'id'] },
        ),
      );
    }
    ids.add(entry.id);
    let state: RectificationState | undefined;
    for (const [j, event] of entry.history.entries()) {
      const problems = stepDiagnostics(state, event, entry.id);
      if (problems.length > 0) {
        out.push(...underPath(problems, ['entries', i, 'history', j]));
        break;
      }
      state = nextState(state, event);
    }
  });
  return out;
}

/**
 * Parse a ledger. Beyond the shape: duplicate entry ids, and each history replayed through the
 * transition rules (one opening first; close only when open; verify or reopen only when closed;
 * no date before the previous record; no deadline before its opening).
 */
export function parseRectificationLedger(
  input: unknown,
  options?: ParseOptions,
): Result<RectificationLedger> {
  return parseWithSchema(rectificationLedgerSchema, input, options, checkLedger);
}

/** The current state of an entry (its whole history). */
export function rectificationState(entry: RectificationEntry): RectificationState {
  return replay(entry.history) as RectificationState;
}

/** The state of an entry as of a date, or `undefined` when it was opened later. */
export function rectificationStateAsOf(
  entry: RectificationEntry,
  asOf: IsoDateOrDateTime,
): RectificationState | undefined {
  return replay(entry.history, requireMoment(asOf, 'asOf'));
}

// --- transitions -------------------------------------------------------------------------------

/** Open a new entry. */
export const openRectificationActionSchema = z.strictObject({
  type: z.literal('open'),
  entryId: idSchema,
  findingId: idSchema,
  operatorId: idSchema.optional(),
  origin: rectificationOriginSchema.optional(),
  description: z.string().min(1).max(4000),
  on: isoDateOrDateTimeSchema,
  by: byField.optional(),
  deadline: isoDateSchema,
  note: noteField,
});
/** Close an open entry with evidence. */
export const closeRectificationActionSchema = rectificationClosedSchema
  .omit({ type: true })
  .extend({ type: z.literal('close'), entryId: idSchema });
/** Verify a closed entry. */
export const verifyRectificationActionSchema = rectificationVerifiedSchema
  .omit({ type: true })
  .extend({ type: z.literal('verify'), entryId: idSchema });
/** Reopen a closed entry (verification failed) with a new deadline. */
export const reopenRectificationActionSchema = rectificationReopenedSchema
  .omit({ type: true })
  .extend({ type: z.literal('reopen'), entryId: idSchema });

/** A change to a ledger, discriminated by `type`. */
export const rectificationActionSchema = z.discriminatedUnion('type', [
  openRectificationActionSchema,
  closeRectificationActionSchema,
  verifyRectificationActionSchema,
  reopenRectificationActionSchema,
]);

/** A change to a ledger. */
export type RectificationAction = z.infer<typeof rectificationActionSchema>;
/** The data of an opening. */
export type OpenRectification = Omit<z.input<typeof openRectificationActionSchema>, 'type'>;
/** The data of a closure. */
export type CloseRectification = Omit<z.input<typeof closeRectificationActionSchema>, 'type'>;
/** The data of a verification. */
export type VerifyRectification = Omit<z.input<typeof verifyRectificationActionSchema>, 'type'>;
/** The data of a reopening. */
export type ReopenRectification = Omit<z.input<typeof reopenRectificationActionSchema>, 'type'>;

function toEvent(action: RectificationAction): RectificationEvent {
  const { type, entryId: _entryId, ...rest } = action;
  switch (type) {
    case 'open': {
      const { on, by, deadline, note } = action;
      return {
        type: 'opened',
        on,
        deadline,
        ...(by === undefined ? {} : { by }),
        ...(note === undefined ? {} : { note }),
      };
    }
    case 'close':
      return { ...(rest as Omit<typeof action, 'type' | 'entryId'>), type: 'closed' };
    case 'verify':
      return { ...(rest as Omit<typeof action, 'type' | 'entryId'>), type: 'verified' };
    case 'reopen':
      return { ...(rest as Omit<typeof action, 'type' | 'entryId'>), type: 'reopened' };
  }
}

const actionListSchema = z.array(z.unknown());

/**
 * Apply changes to a ledger, in order, atomically: a new ledger when every change is allowed,
 * otherwise a failure with a diagnostic per refused change (path `[index, field]` into
 * `actions`) and no ledger. The input is never modified: the new ledger shares unchanged entries
 * with it (immer, one `produce` around the loop) and is frozen.
 */
export function applyRectificationActions(
  ledger: RectificationLedger,
  actions: readonly unknown[],
): Result<RectificationLedger> {
  // a list from JSON can be anything else: a SCHEMA_* diagnostic, not `actions.map is not a function`
  if (!Array.isArray(actions)) return fail(parseWithSchema(actionListSchema, actions).diagnostics);
  const diagnostics: Diagnostic[] = [];
  const parsed: (RectificationAction | undefined)[] = actions.map((action, k) => {
    const r = rectificationActionSchema.safeParse(action, { reportInput: true });
    if (r.success) return r.data;
    diagnostics.push(...issuesToDiagnostics(r.error.issues, [k]));
    return undefined;
  });
  if (diagnostics.length > 0) return fail(diagnostics);

  const next = produce(ledger, (draft) => {
    const indexById = new Map<string, number>();
    draft.entries.forEach((e, i) => {
      indexById.set(e.id, i);
    });
    parsed.forEach((action, k) => {
      if (action === undefined) return;
      const event = toEvent(action);
      const index = indexById.get(action.entryId);
      if (action.type === 'open') {
        if (index !== undefined) {
          diagnostics.push(
            createDiagnostic(
              modelMessages.MODEL_DUPLICATE_ID,
              { entity: 'rectification entry', id: action.entryId },
              { path: [k, 'entryId'] },
            ),
          );
          return;
        }
        const problems = stepDiagnostics(undefined, event, action.entryId);
        if (problems.length > 0) {
          diagnostics.push(...underPath(problems, [k]));
          return;
        }
        indexById.set(action.entryId, draft.entries.length);
        draft.entries.push({
          id: action.entryId,
          findingId: action.findingId,
          description: action.description,
          ...(action.operatorId === undefined ? {} : { operatorId: action.operatorId }),
          ...(action.origin === undefined ? {} : { origin: action.origin }),
          history: [event],
        });
        return;
      }
      const entry = index === undefined ? undefined : draft.entries[index];
      if (entry === undefined) {
        diagnostics.push(
          createDiagnostic(
            modelMessages.MODEL_RECTIFICATION_UNKNOWN_ENTRY,
            { entryId: action.entryId },
            { path: [k, 'entryId'] },
          ),
        );
        return;
      }
      const problems = stepDiagnostics(replay(entry.history), event, action.entryId);
      if (problems.length > 0) {
        diagnostics.push(...underPath(problems, [k]));
        return;
      }
      entry.history.push(event);
    });
  });
  return diagnostics.length > 0 ? fail(diagnostics) : ok(next);
}

function single(
  ledger: RectificationLedger,
  action: Record<string, unknown>,
): Result<RectificationLedger> {
  const result = applyRectificationActions(ledger, [action]);
  return result.ok
    ? result
    : fail(result.diagnostics.map((d) => ({ ...d, path: (d.path ?? []).slice(1) })));
}

/** Open an entry: a new ledger, or diagnostics (duplicate id, deadline before the date). */
export function openRectification(
  ledger: RectificationLedger,
  open: OpenRectification,
): Result<RectificationLedger> {
  return single(ledger, { ...open, type: 'open' });
}

/** Close an open entry with evidence: a new ledger, or diagnostics (not open, date backwards…). */
export function closeRectification(
  ledger: RectificationLedger,
  close: CloseRectification,
): Result<RectificationLedger> {
  return single(ledger, { ...close, type: 'close' });
}

/** Verify a closed entry: a new ledger, or diagnostics (not closed yet, date backwards…). */
export function verifyRectification(
  ledger: RectificationLedger,
  verify: VerifyRectification,
): Result<RectificationLedger> {
  return single(ledger, { ...verify, type: 'verify' });
}

/** Reopen a closed entry with a new deadline: a new ledger, or diagnostics. */
export function reopenRectification(
  ledger: RectificationLedger,
  reopen: ReopenRectification,
): Result<RectificationLedger> {
  return single(ledger, { ...reopen, type: 'reopen' });
}

// --- overdue and summary -----------------------------------------------------------------------

/** An entry past its deadline and still open. */
export interface OverdueEntry {
  readonly entry: RectificationEntry;
  readonly deadline: IsoDate;
  /** Calendar days past the deadline (1 on the day after it). */
  readonly daysOverdue: number;
}

/**
 * The entries open and past their deadline as of a date or date-time. Only history on or before
 * `asOf` counts (an entry closed later was still open then). Deadlines are inclusive Asia/Shanghai
 * calendar days: a deadline of 2017-10-08 is not overdue at 2017-10-08T23:00:00+08:00 and is
 * overdue from 2017-10-09T00:00:00+08:00.
 */
export function overdueEntries(
  ledger: RectificationLedger,
  asOf: IsoDateOrDateTime,
): OverdueEntry[] {
  const day = shanghaiDate(requireMoment(asOf, 'asOf'));
  const out: OverdueEntry[] = [];
  for (const entry of ledger.entries) {
    const state = replay(entry.history, asOf);
    if (state === undefined || state.status !== 'open') continue;
    const daysOverdue = daysBetween(state.deadline, day);
    if (daysOverdue > 0) out.push({ entry, deadline: state.deadline, daysOverdue });
  }
  return out;
}

/** Counts of a ledger as of a date. */
export interface RectificationSummary {
  readonly asOfDate: IsoDate;
  /** Entries opened on or before the date. */
  readonly total: number;
  readonly open: number;
  readonly closed: number;
  readonly verified: number;
  /** Open and past the deadline. */
  readonly overdue: number;
  /** Closed or verified, but the (last) closure came after the deadline. */
  readonly closedLate: number;
  /** overdue ÷ total as an exact fraction; `undefined` when there are no entries. */
  readonly overdueRate: Fraction | undefined;
}

/** Summary counts of a ledger as of a date or date-time (only history up to then counts). */
export function summarizeRectifications(
  ledger: RectificationLedger,
  asOf: IsoDateOrDateTime,
): RectificationSummary {
  const day = shanghaiDate(requireMoment(asOf, 'asOf'));
  let total = 0;
  let open = 0;
  let closed = 0;
  let verified = 0;
  let overdue = 0;
  let closedLate = 0;
  for (const entry of ledger.entries) {
    const state = replay(entry.history, asOf);
    if (state === undefined) continue;
    total += 1;
    if (state.status === 'open') {
      open += 1;
      if (day > state.deadline) overdue += 1;
    } else {
      if (state.status === 'closed') closed += 1;
      else verified += 1;
      if (state.closedOn !== undefined && shanghaiDate(state.closedOn) > state.deadline)
        closedLate += 1;
    }
  }
  return {
    asOfDate: day,
    total,
    open,
    closed,
    verified,
    overdue,
    closedLate,
    overdueRate: total === 0 ? undefined : { numerator: overdue, denominator: total },
  };
}
