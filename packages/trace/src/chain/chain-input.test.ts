/**
 * An input that holds no events (not a list, not an EPCIS document with an event list) is a
 * finding, so that a mis-nested document is not read as a chain without findings (found in a
 * regulator's review: validateChain returned [] for null, 'abc' and `{ epcisBody: {} }`).
 */
import { formatDiagnostic } from '@foodsafety/core';
import { describe, expect, it } from 'vitest';
import { ACME_LABEL, acmeMeta } from '../profiles/__fixtures__/acme-profile.js';
import { checkProfile } from '../profiles/check-profile.js';
import { buildLotGraph } from './lot-graph.js';
import { validateChain } from './validate-chain.js';

const codesAndPaths = (found: readonly { code: string; path?: unknown }[]) =>
  found.map((d) => [d.code, d.path]);

describe('an input that holds no events', () => {
  it.each<[string, unknown, readonly (string | number)[], string]>([
    ['null', null, [], 'null'],
    ['a string', 'abc', [], 'string'],
    ['a number', 42, [], 'number'],
    ['an object without epcisBody', { foo: 1 }, [], 'an object without epcisBody'],
    ['a single event', { type: 'ObjectEvent' }, [], 'an object without epcisBody'],
    [
      'a body without an event list',
      { epcisBody: {} },
      ['epcisBody'],
      'its epcisBody has no eventList',
    ],
    [
      'an event list that is no list',
      { epcisBody: { eventList: 'x' } },
      ['epcisBody', 'eventList'],
      'its eventList is no list (string)',
    ],
    [
      'a query document whose event list is no list',
      { epcisBody: { queryResults: { resultsBody: { eventList: {} } } } },
      ['epcisBody', 'queryResults', 'resultsBody', 'eventList'],
      'its eventList is no list (object)',
    ],
    [
      'a document whose two event lists are no list (its own is named)',
      { epcisBody: { eventList: null, queryResults: { resultsBody: { eventList: 3 } } } },
      ['epcisBody', 'eventList'],
      'its eventList is no list (object)',
    ],
  ])('%s is TRACE_CHAIN_INPUT_INVALID', (_, input, path, actual) => {
    const found = validateChain(input);
    expect(codesAndPaths(found)).toEqual([['TRACE_CHAIN_INPUT_INVALID', path]]);
    expect(found[0]?.message).toBe(
      `The input is not a list of events or an EPCIS document: ${actual}; there are no events to check`,
    );
    expect(codesAndPaths(buildLotGraph(input as never).diagnostics)).toEqual([
      ['TRACE_CHAIN_INPUT_INVALID', path],
    ]);
    // and through the graph: validateChain of it reports the graph's finding
    expect(codesAndPaths(validateChain(buildLotGraph(input as never)))).toEqual([
      ['TRACE_CHAIN_INPUT_INVALID', path],
    ]);
    const profile = {
      meta: acmeMeta(),
      label: ACME_LABEL,
      ctes: [{ id: 'shipping', label: ACME_LABEL, match: [{ bizSteps: ['shipping'] }], kdes: [] }],
      rules: [],
    };
    expect(codesAndPaths(checkProfile(input, profile).diagnostics)).toEqual([
      ['TRACE_CHAIN_INPUT_INVALID', path],
    ]);
  });

  it('says so in Chinese', () => {
    const [d] = validateChain({ epcisBody: {} }, { locale: 'zh-CN' });
    expect(d?.message).toBe(
      '输入不是事件列表或 EPCIS 文档：epcisBody 中没有 eventList，没有可检查的事件',
    );
    const [n] = validateChain(null);
    expect(n && formatDiagnostic(n, 'zh-CN')).toContain('输入不是事件列表或 EPCIS 文档：null');
  });

  it('an empty list and a document with an empty event list are chains without findings', () => {
    expect(validateChain([])).toEqual([]);
    expect(validateChain({ epcisBody: { eventList: [] } })).toEqual([]);
    expect(validateChain(new Set())).toEqual([]);
    expect(
      buildLotGraph({ epcisBody: { queryResults: { resultsBody: { eventList: [] } } } })
        .diagnostics,
    ).toEqual([]);
  });
});
