/**
 * Every entry point of the package, fed real events with one value anywhere replaced by what an
 * event built in code can hold and JSON cannot: objects without a prototype, bigints, boxed
 * values, maps, sets, dates, typed and sparse arrays. None may throw, and none may change its
 * input. (`epcis/robustness.test.ts` covers JSON input, deep nesting and cycles.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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

/** Every path into a value (objects and arrays), the root included. */
function pathsOf(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
) {
  out.push(prefix);
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      pathsOf(child, [...prefix, Array.isArray(value) ? Number(key) : key], out);
    }
  }
  return out;
}

/** A deep copy of plain JSON-like data with the value at `path` replaced. */
function replaced(value: unknown, path: readonly (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaced(v, rest, by) : v));
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  copy[head] = replaced(copy[head], rest, by);
  return copy;
}

/** What JavaScript can put in an event and JSON cannot. */
const codeValue = fc.oneof(
  fc.anything({
    withNullPrototype: true,
    withBigInt: true,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withDate: true,
    withTypedArray: true,
    withSparseArray: true,
    withObjectString: true,
  }),
  fc.constantFrom(
    Object.create(null),
    [Object.create(null)],
    10n,
    new Date(Number.NaN),
    Symbol('s'),
  ),
);

/**
 * A copy of the input's plain objects and arrays (with or without a prototype), other values
 * kept as they are: comparing it with the input afterwards notices any member written, added or
 * removed (JSON cannot hold all of it).
 */
function snapshot(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snapshot);
  if (typeof value !== 'object' || value === null) return value;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value))
    copy[key] = snapshot((value as Record<string, unknown>)[key]);
  return copy;
}

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
          const lot = (edited as { epcList?: unknown[] }).epcList?.[0];
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
