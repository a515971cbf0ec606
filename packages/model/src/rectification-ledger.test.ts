import { type Result, unwrap } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import {
  applyRectificationActions,
  closeRectification,
  openRectification,
  overdueEntries,
  parseRectificationLedger,
  type RectificationLedger,
  rectificationState,
  rectificationStateAsOf,
  reopenRectification,
  summarizeRectifications,
  verifyRectification,
} from './rectification-ledger.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const photo = [{ kind: 'photo' as const, ref: 'evidence/2017-10-06/cold-room.jpg' }];

/** A supermarket check on 2017-09-28 found a cold-room problem; deadline 2017-10-08. */
function ledgerWithOneOpen(): RectificationLedger {
  return unwrap(
    openRectification(
      { id: 'ledger-xg-2017', entries: [] },
      {
        entryId: 'r-1',
        findingId: 'f-1',
        operatorId: 'op-market-12',
        origin: { kind: 'supermarket-check', refId: 'insp-2017-0928' },
        description: '冷藏柜温度 12 °C，超过 8 °C',
        on: '2017-09-28',
        by: '西岗区市场监管所',
        deadline: '2017-10-08',
      },
    ),
  );
}

function codes(r: Result<unknown>) {
  return r.diagnostics.map((d) => [d.code, d.path?.join('.')]);
}

describe('rectification transitions', () => {
  it('goes open → closed (with evidence) → verified, returning new ledgers', () => {
    const l1 = ledgerWithOneOpen();
    expect(rectificationState(l1.entries[0]!)).toMatchObject({
      status: 'open',
      deadline: '2017-10-08',
    });
    const l2 = unwrap(
      closeRectification(l1, { entryId: 'r-1', on: '2017-10-06', evidence: photo }),
    );
    expect(rectificationState(l2.entries[0]!)).toMatchObject({
      status: 'closed',
      closedOn: '2017-10-06',
    });
    const l3 = unwrap(
      verifyRectification(l2, { entryId: 'r-1', on: '2017-10-10T09:00:00+08:00', by: '张检查员' }),
    );
    expect(rectificationState(l3.entries[0]!).status).toBe('verified');
    expect(l3.entries[0]!.history.map((e) => e.type)).toEqual(['opened', 'closed', 'verified']);
    expect(l1.entries[0]!.history).toHaveLength(1);
    expect(l2.entries[0]!.history).toHaveLength(2);
  });

  it('never mutates a frozen input, and freezes and shares structure in the output', () => {
    const base = unwrap(
      openRectification(ledgerWithOneOpen(), {
        entryId: 'r-2',
        findingId: 'f-2',
        description: '索证索票不全',
        on: '2017-09-28',
        deadline: '2017-10-15',
      }),
    );
    const input = deepFreeze(structuredClone(base));
    const before = structuredClone(input);
    const next = unwrap(
      applyRectificationActions(input, [
        { type: 'close', entryId: 'r-1', on: '2017-10-06', evidence: photo },
        { type: 'verify', entryId: 'r-1', on: '2017-10-07', by: '张检查员' },
      ]),
    );
    expect(input).toEqual(before);
    expect(next).not.toBe(input);
    expect(next.entries[1]).toBe(input.entries[1]);
    expect(Object.isFrozen(next.entries[0]!.history)).toBe(true);
    expect(next.entries[0]!.history).toHaveLength(3);
  });

  it('reopens a closed entry with a new deadline when verification fails', () => {
    let l = ledgerWithOneOpen();
    l = unwrap(closeRectification(l, { entryId: 'r-1', on: '2017-10-06', evidence: photo }));
    l = unwrap(
      reopenRectification(l, {
        entryId: 'r-1',
        on: '2017-10-09',
        by: '张检查员',
        reason: '复查时冷藏柜仍为 10 °C',
        deadline: '2017-10-20',
      }),
    );
    expect(rectificationState(l.entries[0]!)).toMatchObject({
      status: 'open',
      deadline: '2017-10-20',
    });
    l = unwrap(closeRectification(l, { entryId: 'r-1', on: '2017-10-18', evidence: photo }));
    expect(rectificationState(l.entries[0]!).status).toBe('closed');
  });

  it('refuses invalid transitions with diagnostics, not exceptions', () => {
    const open = ledgerWithOneOpen();
    const closed = unwrap(
      closeRectification(open, { entryId: 'r-1', on: '2017-10-06', evidence: photo }),
    );
    // closing a closed entry
    const twice = closeRectification(closed, { entryId: 'r-1', on: '2017-10-07', evidence: photo });
    expect(twice.ok).toBe(false);
    expect(twice.diagnostics).toMatchObject([
      {
        code: 'MODEL_RECTIFICATION_INVALID_TRANSITION',
        path: ['type'],
        params: { status: 'closed', action: 'closed' },
      },
    ]);
    // verifying before closure
    expect(codes(verifyRectification(open, { entryId: 'r-1', on: '2017-10-07', by: 'x' }))).toEqual(
      [['MODEL_RECTIFICATION_INVALID_TRANSITION', 'type']],
    );
    // reopening an open entry, verifying a verified one
    expect(
      codes(
        reopenRectification(open, {
          entryId: 'r-1',
          on: '2017-10-07',
          by: 'x',
          reason: 'r',
          deadline: '2017-10-30',
        }),
      ),
    ).toEqual([['MODEL_RECTIFICATION_INVALID_TRANSITION', 'type']]);
    const verified = unwrap(
      verifyRectification(closed, { entryId: 'r-1', on: '2017-10-07', by: 'x' }),
    );
    expect(
      codes(verifyRectification(verified, { entryId: 'r-1', on: '2017-10-08', by: 'x' })),
    ).toEqual([['MODEL_RECTIFICATION_INVALID_TRANSITION', 'type']]);
    // unknown entry, duplicate opening
    expect(
      codes(closeRectification(open, { entryId: 'r-9', on: '2017-10-06', evidence: photo })),
    ).toEqual([['MODEL_RECTIFICATION_UNKNOWN_ENTRY', 'entryId']]);
    expect(
      codes(
        openRectification(open, {
          entryId: 'r-1',
          findingId: 'f',
          description: 'd',
          on: '2017-10-01',
          deadline: '2017-10-02',
        }),
      ),
    ).toEqual([['MODEL_DUPLICATE_ID', 'entryId']]);
  });

  it('refuses dates going backwards: a finding closed before it was opened', () => {
    const r = closeRectification(ledgerWithOneOpen(), {
      entryId: 'r-1',
      on: '2017-09-27',
      evidence: photo,
    });
    expect(r.diagnostics).toMatchObject([
      {
        code: 'MODEL_RECTIFICATION_DATE_BACKWARDS',
        path: ['on'],
        params: { entryId: 'r-1', date: '2017-09-27', previous: '2017-09-28' },
      },
    ]);
    // The same day is allowed, even as a date-time later that day.
    expect(
      closeRectification(ledgerWithOneOpen(), {
        entryId: 'r-1',
        on: '2017-09-28T18:00:00+08:00',
        evidence: photo,
      }).ok,
    ).toBe(true);
  });

  it('refuses a deadline before the opening, and a closure without evidence', () => {
    const r = openRectification(
      { entries: [] },
      { entryId: 'r', findingId: 'f', description: 'd', on: '2017-10-02', deadline: '2017-10-01' },
    );
    expect(codes(r)).toEqual([['MODEL_RECTIFICATION_DEADLINE_BEFORE_OPEN', 'deadline']]);
    const noEvidence = closeRectification(ledgerWithOneOpen(), {
      entryId: 'r-1',
      on: '2017-10-06',
      evidence: [],
    });
    expect(codes(noEvidence)).toEqual([['SCHEMA_TOO_SMALL', 'evidence']]);
    const badDate = closeRectification(ledgerWithOneOpen(), {
      entryId: 'r-1',
      on: '6 Oct 2017',
      evidence: photo,
    });
    expect(codes(badDate)).toEqual([['SCHEMA_INVALID_FORMAT', 'on']]);
  });

  it('applies a batch atomically and reports each refused action by index', () => {
    const input = deepFreeze(ledgerWithOneOpen());
    const r = applyRectificationActions(input, [
      { type: 'close', entryId: 'r-1', on: '2017-10-06', evidence: photo },
      { type: 'close', entryId: 'r-1', on: '2017-10-07', evidence: photo },
      { type: 'verify', entryId: 'r-1', on: '2017-10-05', by: 'x' },
    ]);
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual([
      ['MODEL_RECTIFICATION_INVALID_TRANSITION', '1.type'],
      ['MODEL_RECTIFICATION_DATE_BACKWARDS', '2.on'],
    ]);
    expect(rectificationState(input.entries[0]!).status).toBe('open');
    expect(codes(applyRectificationActions(input, [{ type: 'delete', entryId: 'r-1' }]))).toEqual([
      ['SCHEMA_INVALID_VALUE', '0.type'],
    ]);
  });

  it('refuses a list of actions that is not a list with a diagnostic (JSON can hold anything)', () => {
    const input = ledgerWithOneOpen();
    const close = { type: 'close', entryId: 'r-1', on: '2017-10-06', evidence: photo };
    for (const actions of [close, null, 'close', new Set([close]), Object.create(null)]) {
      const r = applyRectificationActions(input, actions as never);
      expect(r.ok).toBe(false);
      expect(codes(r)).toEqual([['SCHEMA_INVALID_TYPE', '']]);
    }
  });
});

describe('overdue detection (Asia/Shanghai calendar days)', () => {
  const ledger = ledgerWithOneOpen(); // deadline 2017-10-08

  it('is not overdue on the deadline day, even late in the evening', () => {
    expect(overdueEntries(ledger, '2017-10-08')).toEqual([]);
    expect(overdueEntries(ledger, '2017-10-08T23:00:00+08:00')).toEqual([]);
    expect(overdueEntries(ledger, '2017-10-08T15:59:59Z')).toEqual([]);
  });

  it('is overdue from midnight in Shanghai on the next day', () => {
    for (const asOf of ['2017-10-09T00:00:00+08:00', '2017-10-08T16:00:00Z', '2017-10-09']) {
      expect(overdueEntries(ledger, asOf)).toMatchObject([
        { deadline: '2017-10-08', daysOverdue: 1 },
      ]);
    }
    expect(overdueEntries(ledger, '2017-10-18')[0]?.daysOverdue).toBe(10);
  });

  it('reads history as of the date: closed later means open then', () => {
    const late = unwrap(
      closeRectification(ledger, { entryId: 'r-1', on: '2017-10-12', evidence: photo }),
    );
    expect(overdueEntries(late, '2017-10-10')).toHaveLength(1);
    expect(overdueEntries(late, '2017-10-12')).toEqual([]);
    expect(rectificationStateAsOf(late.entries[0]!, '2017-09-27')).toBeUndefined();
    expect(rectificationStateAsOf(late.entries[0]!, '2017-10-11')?.status).toBe('open');
  });

  it('summarises open, closed, verified, overdue and the overdue rate as of a date', () => {
    const l = unwrap(
      applyRectificationActions(ledger, [
        {
          type: 'open',
          entryId: 'r-2',
          findingId: 'f-2',
          description: 'b',
          on: '2017-09-29',
          deadline: '2017-10-05',
        },
        {
          type: 'open',
          entryId: 'r-3',
          findingId: 'f-3',
          description: 'c',
          on: '2017-09-30',
          deadline: '2017-10-30',
        },
        {
          type: 'open',
          entryId: 'r-4',
          findingId: 'f-4',
          description: 'd',
          on: '2017-10-01',
          deadline: '2017-10-03',
        },
        { type: 'close', entryId: 'r-4', on: '2017-10-04', evidence: photo },
        { type: 'verify', entryId: 'r-4', on: '2017-10-05', by: 'x' },
        { type: 'close', entryId: 'r-3', on: '2017-10-09', evidence: photo },
        {
          type: 'open',
          entryId: 'r-5',
          findingId: 'f-5',
          description: 'e',
          on: '2017-11-01',
          deadline: '2017-11-10',
        },
      ]),
    );
    expect(summarizeRectifications(l, '2017-10-09T12:00:00+08:00')).toEqual({
      asOfDate: '2017-10-09',
      total: 4,
      open: 2,
      closed: 1,
      verified: 1,
      overdue: 2,
      closedLate: 1,
      overdueRate: { numerator: 2, denominator: 4 },
    });
    expect(summarizeRectifications({ entries: [] }, '2017-10-09').overdueRate).toBeUndefined();
    expect(() => summarizeRectifications(l, 'tomorrow')).toThrow(/MODEL_ARGUMENT_INVALID/);
  });
});

describe('parseRectificationLedger', () => {
  const opened = { type: 'opened', on: '2017-09-28', deadline: '2017-10-08' };
  const closed = { type: 'closed', on: '2017-10-06', evidence: photo };
  const entry = (history: unknown[]) => ({
    entries: [{ id: 'r-1', findingId: 'f-1', description: 'd', history }],
  });

  it('accepts a valid ledger and round-trips the transitions output', () => {
    const l = unwrap(
      closeRectification(ledgerWithOneOpen(), {
        entryId: 'r-1',
        on: '2017-10-06',
        evidence: photo,
      }),
    );
    const r = parseRectificationLedger(JSON.parse(JSON.stringify(l)));
    expect(r.ok && r.value).toEqual(l);
  });

  it('replays histories through the transition rules', () => {
    expect(codes(parseRectificationLedger(entry([closed])))).toEqual([
      ['MODEL_RECTIFICATION_HISTORY_START', 'entries.0.history.0.type'],
    ]);
    expect(codes(parseRectificationLedger(entry([opened, opened])))).toEqual([
      ['MODEL_RECTIFICATION_HISTORY_START', 'entries.0.history.1.type'],
    ]);
    expect(
      codes(
        parseRectificationLedger(entry([opened, { type: 'verified', on: '2017-10-06', by: 'x' }])),
      ),
    ).toEqual([['MODEL_RECTIFICATION_INVALID_TRANSITION', 'entries.0.history.1.type']]);
    expect(
      codes(parseRectificationLedger(entry([opened, { ...closed, on: '2017-09-01' }]))),
    ).toEqual([['MODEL_RECTIFICATION_DATE_BACKWARDS', 'entries.0.history.1.on']]);
    expect(codes(parseRectificationLedger(entry([])))).toEqual([
      ['SCHEMA_TOO_SMALL', 'entries.0.history'],
    ]);
  });

  it('reports duplicate entry ids', () => {
    const one = entry([opened]).entries[0];
    expect(codes(parseRectificationLedger({ entries: [one, one] }))).toEqual([
      ['MODEL_DUPLICATE_ID', 'entries.1.id'],
    ]);
  });
});
