/**
 * Every entry point of the package, fed real events with one value anywhere replaced by what an
 * event built in code can hold and JSON cannot: objects without a prototype, bigints, boxed
 * values, maps, sets, dates, typed and sparse arrays. None may throw, and none may change its
 * input. (`epcis/robustness.test.ts` covers JSON input, deep nesting and cycles.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codeValue,
  pathsOf,
  replaced,
  snapshot,
} from '../../core/src/test-support/one-value-replaced.js';
import { CN_AQUATIC_CHAIN_PROFILE, CN_FOOD_SAFETY_LAW_PROFILE } from './cn/index.js';
import {
  buildLotGraph,
  checkProfile,
  createTraceIndex,
  eventHashId,
  eventPreHash,
  FSMA_204_PROFILE,
  GDST_PROFILE,
  generatePlatformEvents,
  generateSeaCucumberChain,
  lotGraphToDot,
  lotGraphToMermaid,
  parseEpcisDocument,
  recallScope,
  toSortableSpreadsheet,
  traceBack,
  traceForward,
  validateChain,
  validateEpcisDocument,
} from './index.js';

const PROFILES = [
  FSMA_204_PROFILE,
  GDST_PROFILE,
  CN_AQUATIC_CHAIN_PROFILE,
  CN_FOOD_SAFETY_LAW_PROFILE,
];
const PROFILE_IDS = PROFILES.map((p) => p.meta.id);
const BASE: readonly Record<string, unknown>[] = [
  ...generateSeaCucumberChain().events,
  ...generatePlatformEvents({ events: 40 }),
] as Record<string, unknown>[];

describe('entry points on events built in code (property)', () => {
  it('never throw and never change their input', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: BASE.length - 1 }),
        fc.nat(),
        codeValue,
        (at, pick, value) => {
          const event = BASE[at] as Record<string, unknown>;
          const paths = pathsOf(event);
          const path = paths[pick % paths.length] as (string | number)[];
          const edited = replaced(event, path, value);
          const events = [
            ...BASE.slice(Math.max(0, at - 4), at),
            edited,
            ...BASE.slice(at + 1, at + 4),
          ];
          const before = snapshot(events);
          const document = {
            '@context': 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
            type: 'EPCISDocument',
            schemaVersion: '2.0',
            creationDate: '2025-01-01T00:00:00Z',
            epcisBody: { eventList: events },
          };
          parseEpcisDocument(document);
          validateEpcisDocument(document, { mode: 'lenient' });
          const strict = validateEpcisDocument(document, { profiles: PROFILE_IDS });
          expect(typeof strict.valid).toBe('boolean');
          for (const e of events) {
            eventHashId(e);
            eventPreHash(e);
          }
          for (const profile of PROFILES) checkProfile(events, profile);
          const graph = buildLotGraph(events);
          // the edited event may be any value, null included
          const lot = (edited as { epcList?: unknown[] } | null | undefined)?.epcList?.[0];
          traceForward(graph, lot as string);
          traceBack(graph, lot as string);
          recallScope(graph, lot as string);
          toSortableSpreadsheet(graph, { profile: FSMA_204_PROFILE });
          lotGraphToMermaid(graph);
          lotGraphToDot(graph);
          validateChain(events);
          // the edited event twice: the duplicate check compares its content, kept or not
          for (const retainEvents of [false, true]) {
            const index = createTraceIndex({ retainEvents });
            for (const e of [...events, edited]) index.add(e);
            index.finalize();
            index.traceForward(lot as string);
          }
          expect(snapshot(events)).toEqual(before);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});
