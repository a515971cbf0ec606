import { describe, expect, it } from 'vitest';
import { isFoodSafetyError } from './foodsafety-error.js';
import { formatPath } from './path.js';
import {
  combineResults,
  fail,
  flatMapResult,
  mapResult,
  mergeDiagnostics,
  ok,
  resultOf,
  unwrap,
} from './result.js';

const warning = { code: 'TEST_WARN', severity: 'warning' as const, message: 'w' };
const error = { code: 'TEST_ERR', severity: 'error' as const, message: 'e', path: ['x'] };

describe('Result helpers', () => {
  it('resultOf fails exactly when an error is present', () => {
    expect(resultOf(1, [warning])).toEqual({ ok: true, value: 1, diagnostics: [warning] });
    expect(resultOf(1, [warning, error])).toEqual({ ok: false, diagnostics: [warning, error] });
  });

  it('maps and chains, keeping diagnostics of both steps', () => {
    expect(mapResult(ok(2, [warning]), (v) => v * 3)).toEqual(ok(6, [warning]));
    expect(mapResult(fail<number>([error]), (v) => v * 3)).toEqual(fail([error]));
    expect(flatMapResult(ok(2, [warning]), () => fail([error]))).toEqual(fail([warning, error]));
  });

  it('combines: all values when all succeed, every diagnostic otherwise', () => {
    expect(combineResults([ok(1), ok(2, [warning])])).toEqual(ok([1, 2], [warning]));
    expect(combineResults([ok(1, [warning]), fail([error])])).toEqual(fail([warning, error]));
  });

  it('merges diagnostics without exact duplicates', () => {
    expect(mergeDiagnostics([warning, error], [{ ...error }, warning])).toEqual([warning, error]);
  });

  it('unwrap returns the value or throws a coded error listing the errors', () => {
    expect(unwrap(ok('v'))).toBe('v');
    try {
      unwrap(fail([error]));
      expect.unreachable();
    } catch (e) {
      expect(isFoodSafetyError(e, 'CORE_RESULT_FAILED')).toBe(true);
      expect((e as Error).message).toContain('TEST_ERR at $.x');
    }
  });
});

describe('formatPath', () => {
  it('writes JSONPath with quoted non-identifier keys', () => {
    expect(formatPath(undefined)).toBe('$');
    expect(formatPath(['epcisBody', 'eventList', 0, 'ex:temp', "it's"])).toBe(
      "$.epcisBody.eventList[0]['ex:temp']['it\\'s']",
    );
  });
});
