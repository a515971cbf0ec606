import { describe, expect, it } from 'vitest';
import { collidingPair } from './__fixtures__/colliding-strings.js';
import { buildLotGraph } from './lot-graph.js';
import { hashString32, SEED_A } from './string-hash.js';
import { validateChain } from './validate-chain.js';

const ev = (eventID: string, lot: string) => ({
  type: 'ObjectEvent',
  action: 'ADD',
  eventID,
  eventTime: '2024-01-01T00:00:00Z',
  quantityList: [{ epcClass: lot, quantity: 1 }],
});

describe('hash collisions are resolved exactly', () => {
  it('different eventIDs with the same hash are not duplicates; a real repeat still is', () => {
    const [a, b] = collidingPair('urn:uuid:');
    expect(hashString32(a, SEED_A)).toBe(hashString32(b, SEED_A));
    const found = validateChain([ev(a, 'urn:x:1'), ev(b, 'urn:x:2'), ev(b, 'urn:x:3')]);
    expect(found.map((d) => [d.code, d.path, d.params?.firstIndex])).toEqual([
      ['TRACE_DUPLICATE_EVENT_ID', [2, 'eventID'], 1],
    ]);
  });
  it('different business transactions with the same hash stay apart', () => {
    const [a, b] = collidingPair('urn:epcglobal:cbv:bt:0614141000005:');
    const graph = buildLotGraph([
      { ...ev('urn:uuid:1', 'urn:x:1'), bizTransactionList: [{ bizTransaction: a }] },
      { ...ev('urn:uuid:2', 'urn:x:1'), bizTransactionList: [{ bizTransaction: b }] },
    ]);
    expect(graph.event(0).bizTransactions).toEqual([a]);
    expect(graph.event(1).bizTransactions).toEqual([b]);
  });
  it('gives back business transactions as written: ASCII, Latin-1 and beyond', () => {
    const texts = [
      'urn:epcglobal:cbv:bt:0614141000005:PO1',
      'urn:x:\u0085\u00e9',
      'urn:x:\u6d77\u53c2',
    ];
    const graph = buildLotGraph(
      texts.map((t, i) => ({
        ...ev(`urn:uuid:${i}`, 'urn:x:1'),
        bizTransactionList: [{ bizTransaction: t }, { bizTransaction: texts[0] }],
      })),
    );
    texts.forEach((t, i) => {
      expect(graph.event(i).bizTransactions).toEqual([t, texts[0]]);
    });
  });
});
