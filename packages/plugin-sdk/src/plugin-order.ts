import type { PluginOrder } from './define-plugin.js';

/** A plugin as the ordering sees it. */
export interface OrderNode {
  readonly name: string;
  readonly order: PluginOrder;
  /** The position of the entry in `createEngine({ plugins })`; a preset's plugins share one. */
  readonly slot: number;
  /** Names of the (registered) plugins it depends on. */
  readonly dependencies: readonly string[];
}

/** The outcome of {@link resolvePluginOrder}. */
export interface PluginOrderResult {
  /** Names in setup order. */
  readonly order: readonly string[];
  /** Each dependency cycle as a path that returns to its start: `['a', 'b', 'a']`. */
  readonly cycles: readonly (readonly string[])[];
  /** Names that could not be ordered (in a cycle or depending on one), by rank. */
  readonly blocked: readonly string[];
}

const PHASE: Record<PluginOrder, number> = { pre: 0, normal: 1, post: 2 };

/** Compare two plugins by rank: phase (`pre` < `normal` < `post`), then slot, then name. */
export function comparePluginRank(a: OrderNode, b: OrderNode): number {
  return (
    PHASE[a.order] - PHASE[b.order] ||
    a.slot - b.slot ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}

/**
 * The deterministic setup order: a topological order of the dependency graph (every plugin
 * after the plugins it depends on) that, at each step, takes the ready plugin of lowest rank
 * (phase, then registration slot, then name by code-unit order). Plugins caught in a cycle, or
 * depending on one, are returned as `blocked`, and each cycle is reported as a path.
 * Dependencies on names not in `nodes` are ignored here (the engine reports them).
 */
export function resolvePluginOrder(nodes: readonly OrderNode[]): PluginOrderResult {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const remaining = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const node of nodes) {
    const deps = [...new Set(node.dependencies)].filter((d) => byName.has(d));
    remaining.set(node.name, deps.length);
    for (const dep of deps) {
      const list = dependents.get(dep) ?? [];
      list.push(node.name);
      dependents.set(dep, list);
    }
  }
  const ready = nodes.filter((n) => remaining.get(n.name) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    // The graphs are small (tens of plugins); a sort per step keeps the rule obvious.
    ready.sort(comparePluginRank);
    const next = ready.shift() as OrderNode;
    order.push(next.name);
    for (const dependent of dependents.get(next.name) ?? []) {
      const left = (remaining.get(dependent) ?? 0) - 1;
      remaining.set(dependent, left);
      if (left === 0) ready.push(byName.get(dependent) as OrderNode);
    }
  }
  const placed = new Set(order);
  const blockedNodes = nodes.filter((n) => !placed.has(n.name)).sort(comparePluginRank);
  return {
    order,
    cycles: findCycles(blockedNodes, byName),
    blocked: blockedNodes.map((n) => n.name),
  };
}

/** Strongly connected components (Tarjan) of the blocked subgraph, each turned into one cycle. */
function findCycles(
  blocked: readonly OrderNode[],
  byName: ReadonlyMap<string, OrderNode>,
): string[][] {
  const inBlocked = new Set(blocked.map((n) => n.name));
  const depsOf = (name: string) =>
    [...new Set(byName.get(name)?.dependencies ?? [])].filter((d) => inBlocked.has(d)).sort();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of depsOf(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      components.push(component);
    }
  };
  for (const name of [...inBlocked].sort()) if (!index.has(name)) visit(name);
  const cycles: string[][] = [];
  for (const component of components) {
    if (component.length < 2) continue; // self-dependency is rejected by definePlugin
    const members = new Set(component);
    const start = [...component].sort()[0] as string;
    // The shortest cycle through the smallest name (breadth-first, neighbours by name).
    const parent = new Map<string, string>();
    const queue = [start];
    let path: string[] = [start, start];
    search: while (queue.length > 0) {
      const u = queue.shift() as string;
      for (const d of depsOf(u)) {
        if (!members.has(d)) continue;
        if (d === start) {
          const back = [u];
          while (back[0] !== start) back.unshift(parent.get(back[0] as string) as string);
          path = [...back, start];
          break search;
        }
        if (!parent.has(d) && d !== start) {
          parent.set(d, u);
          queue.push(d);
        }
      }
    }
    cycles.push(path);
  }
  return cycles.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}
