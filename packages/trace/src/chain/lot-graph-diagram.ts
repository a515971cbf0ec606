import { OptionReader, plainOptions } from '../option-reader.js';
import { eventSlotsOnce } from './event-slots-once.js';
import type { LotGraph } from './lot-graph.js';
import { checkLotGraph } from './lot-graph-argument.js';

/** Options of {@link lotGraphToMermaid} and {@link lotGraphToDot}. */
export interface DiagramOptions {
  /** Only these lots (and the edges between them); all lots if omitted. */
  readonly lots?: readonly string[];
  /** Also draw the parties each lot was shipped to, with quantities (default false). */
  readonly shipments?: boolean;
  /** How a lot is labelled (default: GTIN · lot for GS1 Digital Links, else the identifier). */
  readonly label?: (id: string) => string;
  /** Layout direction (default `LR`). */
  readonly direction?: 'LR' | 'TB';
}

/** `06921002002011 · PCH24001` for `https://id.gs1.org/01/06921002002011/10/PCH24001`. */
export function shortLotLabel(id: string): string {
  const m = /^https:\/\/id\.gs1\.org\/01\/(\d{14})(?:\/(?:10|21)\/([^/?#]+))?/.exec(id);
  if (!m) return id;
  const lot = m[2] === undefined ? '' : ` · ${safeDecode(m[2])}`;
  return `${m[1]}${lot}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

interface Picture {
  nodes: { key: string; label: string; party: boolean }[];
  edges: { from: string; to: string; label: string; dashed: boolean }[];
}

/**
 * The diagram options, checked: one it cannot use throws a `FoodSafetyError`
 * (`TRACE_OPTION_INVALID`), as calling the API wrongly does; the options are not mutated.
 */
function diagramOptions(given: unknown): DiagramOptions {
  const read = new OptionReader('DiagramOptions', given);
  read.strings('lots');
  read.boolean('shipments');
  read.fn('label');
  read.oneOf('direction', ['LR', 'TB'] as const);
  read.throwFirst();
  return plainOptions(given as DiagramOptions);
}

/**
 * Whether a node is a lot of the graph: the node its own identifier finds. An identifier only an
 * event that could not be read named (`TRACE_INPUT_UNREADABLE`, whose links were undone) keeps its
 * node number, but `nodeOf` finds no lot for it, so it is not drawn.
 */
function isLot(graph: LotGraph, node: number): boolean {
  return graph.nodeOf(graph.idOf(node)) === node;
}

function picture(graph: LotGraph, options: DiagramOptions): Picture {
  const label = options.label ?? shortLotLabel;
  const chosen = (
    options.lots === undefined
      ? Array.from({ length: graph.nodeCount }, (_, n) => n)
      : [
          ...new Set(
            options.lots.map((id) => graph.nodeOf(id)).filter((n): n is number => n !== undefined),
          ),
        ]
  ).filter((n) => isLot(graph, n));
  const inSet = new Set(chosen);
  const nodes: Picture['nodes'] = chosen.map((n) => ({
    key: `n${n}`,
    label: label(graph.idOf(n)),
    party: false,
  }));
  const edges: Picture['edges'] = [];
  for (const n of chosen) {
    const seen = new Set<number>();
    for (const step of graph.successors(n)) {
      if (!inSet.has(step.node) || seen.has(step.node)) continue;
      seen.add(step.node);
      const kind = graph.event(step.slot).kind;
      edges.push({ from: `n${n}`, to: `n${step.node}`, label: kind, dashed: false });
    }
  }
  if (options.shipments === true) {
    const parties = new Map<string, string>();
    for (const n of chosen) {
      // per recipient: the quantities shipped by unit, and whether some shipment gave none
      const totals = new Map<string, { byUnit: Map<string, number>; unknown: boolean }>();
      const lot = graph.idOf(n);
      // (an event naming the lot on two lines: taken once, both lines)
      for (const slot of eventSlotsOnce(graph, n)) {
        const e = graph.event(slot);
        if (e.kind !== 'shipping') continue;
        const to =
          e.destinations.find((d) => d.type === 'owning_party')?.id ??
          e.destinations[0]?.id ??
          '(unknown recipient)';
        const total = totals.get(to) ?? { byUnit: new Map<string, number>(), unknown: false };
        totals.set(to, total);
        for (const object of e.objects) {
          if (object.id !== lot) continue;
          const q = object.quantity;
          if (q === undefined || !Number.isFinite(q) || q < 0) {
            total.unknown = true;
            continue;
          }
          const unit = object.uom ?? '';
          total.byUnit.set(unit, (total.byUnit.get(unit) ?? 0) + q);
        }
      }
      for (const [to, { byUnit, unknown }] of totals) {
        let key = parties.get(to);
        if (key === undefined) {
          key = `p${parties.size}`;
          parties.set(to, key);
          nodes.push({ key, label: to, party: true });
        }
        const known = [...byUnit].map(
          ([u, q]) => `${Number(q.toPrecision(15))}${u === '' ? '' : ` ${u}`}`,
        );
        // a shipment without a quantity is no shipment of 0: its part is shown as not given
        const parts = unknown ? [...known, 'quantity not given'] : known;
        edges.push({ from: `n${n}`, to: key, label: `shipped ${parts.join(' + ')}`, dashed: true });
      }
    }
  }
  return { nodes, edges };
}

/**
 * A label as Mermaid text: quotes, `#`, `<`, `>` and `&` as Mermaid entity codes (so that an
 * identifier can neither end the label nor put markup in a renderer that allows HTML), line
 * breaks as spaces.
 */
function mermaidText(s: string): string {
  return s
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/&/g, '#amp;')
    .replace(/[\r\n]+/g, ' ');
}

/**
 * The lot graph as a Mermaid flowchart: lots as boxes, derivation edges labelled with the event
 * kind (transformation, aggregation), and optionally the recipients of shipments.
 */
export function lotGraphToMermaid(graph: LotGraph, given: DiagramOptions = {}): string {
  checkLotGraph('lotGraphToMermaid', graph);
  const options = diagramOptions(given);
  const { nodes, edges } = picture(graph, options);
  const lines = [`flowchart ${options.direction ?? 'LR'}`];
  for (const n of nodes) {
    lines.push(
      n.party ? `  ${n.key}(["${mermaidText(n.label)}"])` : `  ${n.key}["${mermaidText(n.label)}"]`,
    );
  }
  for (const e of edges) {
    lines.push(`  ${e.from} ${e.dashed ? '-.->' : '-->'}|"${mermaidText(e.label)}"| ${e.to}`);
  }
  return `${lines.join('\n')}\n`;
}

function dotText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ');
}

/** The lot graph as Graphviz DOT text (same content as {@link lotGraphToMermaid}). */
export function lotGraphToDot(graph: LotGraph, given: DiagramOptions = {}): string {
  checkLotGraph('lotGraphToDot', graph);
  const options = diagramOptions(given);
  const { nodes, edges } = picture(graph, options);
  const lines = [
    'digraph lots {',
    `  rankdir=${options.direction ?? 'LR'};`,
    '  node [shape=box];',
  ];
  for (const n of nodes) {
    lines.push(`  ${n.key} [label="${dotText(n.label)}"${n.party ? ', shape=ellipse' : ''}];`);
  }
  for (const e of edges) {
    lines.push(
      `  ${e.from} -> ${e.to} [label="${dotText(e.label)}"${e.dashed ? ', style=dashed' : ''}];`,
    );
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
