import { describe, expect, it } from 'vitest';
import { enforcementCase } from './__fixtures__/dalian.js';
import {
  parseEnforcementCase,
  parseEnforcementCases,
  totalPenaltyFen,
} from './enforcement-case.js';

const codes = (r: {
  diagnostics: readonly { code: string; path?: readonly (string | number)[] }[];
}) => r.diagnostics.map((d) => [d.code, d.path?.join('.')]);

describe('parseEnforcementCase', () => {
  it('accepts a case transferred to the police (行刑衔接)', () => {
    const r = parseEnforcementCase(enforcementCase);
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toEqual([]);
    expect(r.ok && totalPenaltyFen(r.value)).toBe(5_000_000);
  });

  it('requires an amount in whole fen for fines only', () => {
    const noAmount = parseEnforcementCase({
      ...enforcementCase,
      penalties: [{ kind: 'fine', decidedOn: '2017-07-05' }],
    });
    expect(codes(noAmount)).toEqual([['SCHEMA_REQUIRED', 'penalties.0.amountFen']]);
    const yuan = parseEnforcementCase({
      ...enforcementCase,
      penalties: [{ kind: 'fine', amountFen: 50_000.5, decidedOn: '2017-07-05' }],
    });
    expect(codes(yuan)).toEqual([['SCHEMA_INVALID_TYPE', 'penalties.0.amountFen']]);
    const negative = parseEnforcementCase({
      ...enforcementCase,
      penalties: [{ kind: 'fine', amountFen: -1, decidedOn: '2017-07-05' }],
    });
    expect(codes(negative)).toEqual([['SCHEMA_TOO_SMALL', 'penalties.0.amountFen']]);
    const warningWithAmount = parseEnforcementCase({
      ...enforcementCase,
      penalties: [{ kind: 'warning', amountFen: 1, decidedOn: '2017-07-05' }],
    });
    expect(codes(warningWithAmount)).toEqual([['SCHEMA_UNRECOGNIZED_KEYS', 'penalties.0']]);
  });

  it('requires a transfer record when the status says transferred', () => {
    const { transfer: _, ...rest } = enforcementCase;
    expect(codes(parseEnforcementCase(rest))).toEqual([
      ['MODEL_CASE_TRANSFER_MISSING', 'transfer'],
    ]);
    expect(parseEnforcementCase({ ...rest, status: 'decided' }).ok).toBe(true);
  });

  it('keeps dates in order: nothing before filing, acceptance after transfer', () => {
    const r = parseEnforcementCase({
      ...enforcementCase,
      closedOn: '2017-06-01',
      penalties: [{ kind: 'warning', decidedOn: '2017-06-21' }],
      transfer: {
        ...enforcementCase.transfer,
        transferredOn: '2017-06-20',
        acceptedOn: '2017-06-19',
      },
    });
    expect(codes(r)).toEqual([
      ['MODEL_DATE_ORDER', 'closedOn'],
      ['MODEL_DATE_ORDER', 'penalties.0.decidedOn'],
      ['MODEL_DATE_ORDER', 'transfer.transferredOn'],
      ['MODEL_DATE_ORDER', 'transfer.acceptedOn'],
    ]);
  });

  it('parses lists', () => {
    expect(parseEnforcementCases([enforcementCase]).ok).toBe(true);
  });
});
