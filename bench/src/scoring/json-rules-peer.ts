/**
 * The peer of the city benchmark: json-rules-engine running the same threshold rules — one rule
 * per band of every item, one rule per veto, the testing-volume indicator as a dynamic fact —
 * and the same pass rule applied to its events. Task shares are handed to it precomputed (it has
 * no way to read a ledger), which favours the peer.
 */
import { Engine } from 'json-rules-engine';
import { ITEMS, VETOES } from './city-model.js';

type UnitFacts = Record<string, number | boolean | null | undefined>;

export interface PeerVerdict {
  readonly total: number;
  readonly pass: boolean;
  readonly vetoes: readonly string[];
}

const OPERATORS = { '>': 'greaterThan', '<': 'lessThan' } as const;

export function createPeerEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const item of ITEMS) {
    item.thresholds.forEach((threshold, band) => {
      const share = [0.25, 0.5, 0.8, 1][band] as number;
      engine.addRule({
        name: `${item.id}-band-${band}`,
        conditions: {
          all: [{ fact: item.input, operator: 'greaterThanInclusive', value: threshold }],
        },
        event: {
          type: 'band',
          params: { item: item.id, hundredths: Math.round(item.points * share * 100) },
        },
      });
    });
  }
  for (const veto of VETOES) {
    engine.addRule({
      name: `veto-${veto.id}`,
      conditions: { all: [{ fact: veto.fact, operator: OPERATORS[veto.op], value: veto.than }] },
      event: { type: 'veto', params: { id: veto.id } },
    });
  }
  engine.addFact('testingPer1000', async (_params, almanac) => {
    const batches = (await almanac.factValue('batches')) as number;
    const population = (await almanac.factValue('population')) as number;
    return (batches / population) * 1000;
  });
  return engine;
}

const keyItems = ITEMS.filter((item) => item.tier === 'key');

/** Score one unit with the peer: best band per item, total, vetoes, pass rule. */
export async function peerScore(engine: Engine, facts: UnitFacts): Promise<PeerVerdict> {
  const { events } = await engine.run(facts);
  const best = new Map<string, number>();
  const vetoes: string[] = [];
  for (const event of events) {
    const params = event.params as { item?: string; hundredths?: number; id?: string };
    if (event.type === 'band') {
      const item = params.item as string;
      best.set(item, Math.max(best.get(item) ?? 0, params.hundredths as number));
    } else {
      vetoes.push(params.id as string);
    }
  }
  let total = 0;
  for (const h of best.values()) total += h;
  const keyOk = keyItems.every((item) => (best.get(item.id) ?? 0) * 100 >= 60 * item.points * 100);
  return { total: total / 100, pass: vetoes.length === 0 && keyOk && total >= 9000, vetoes };
}
