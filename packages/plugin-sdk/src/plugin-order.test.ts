import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PluginOrder } from './define-plugin.js';
import { type OrderNode, resolvePluginOrder } from './plugin-order.js';

const node = (
  name: string,
  slot: number,
  order: PluginOrder = 'normal',
  dependencies: string[] = [],
): OrderNode => ({ name, slot, order, dependencies });

describe('resolvePluginOrder', () => {
  it('orders by phase, then slot, then name', () => {
    const result = resolvePluginOrder([
      node('post-a', 0, 'post'),
      node('b', 1),
      node('pre-z', 2, 'pre'),
      node('a', 1),
      node('pre-y', 2, 'pre'),
    ]);
    expect(result.order).toEqual(['pre-y', 'pre-z', 'a', 'b', 'post-a']);
    expect(result.cycles).toEqual([]);
    expect(result.blocked).toEqual([]);
  });

  it('places dependencies first and otherwise keeps the rank order', () => {
    const result = resolvePluginOrder([
      node('app', 0, 'pre', ['lib']),
      node('other', 1),
      node('lib', 2, 'post', ['base']),
      node('base', 3),
    ]);
    expect(result.order).toEqual(['other', 'base', 'lib', 'app']);
  });

  it('ignores dependencies that are not registered (the engine reports them)', () => {
    expect(resolvePluginOrder([node('a', 0, 'normal', ['ghost'])]).order).toEqual(['a']);
  });

  it('reports each cycle once, as the shortest path through its smallest name', () => {
    const result = resolvePluginOrder([
      node('d', 0, 'normal', ['b']),
      node('b', 1, 'normal', ['c']),
      node('c', 2, 'normal', ['d', 'b']),
      node('x', 3, 'normal', ['y']),
      node('y', 4, 'normal', ['x']),
      node('downstream', 5, 'normal', ['c']),
      node('free', 6),
    ]);
    expect(result.order).toEqual(['free']);
    // b → c → b is shorter than b → c → d → b
    expect(result.cycles).toEqual([
      ['b', 'c', 'b'],
      ['x', 'y', 'x'],
    ]);
    expect(result.blocked).toEqual(['d', 'b', 'c', 'x', 'y', 'downstream']);
  });
});

/** Random acyclic graphs: a plugin may depend only on plugins with a smaller index. */
const acyclicGraph = fc
  .array(
    fc.record({
      order: fc.constantFrom<PluginOrder>('pre', 'normal', 'post'),
      slot: fc.nat(5),
      deps: fc.array(fc.nat(30), { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((specs) =>
    specs.map((s, i) =>
      node(
        `p${String(i).padStart(2, '0')}`,
        s.slot,
        s.order,
        i === 0 ? [] : [...new Set(s.deps.map((d) => `p${String(d % i).padStart(2, '0')}`))],
      ),
    ),
  );

describe('resolvePluginOrder laws', () => {
  it('orders every plugin of an acyclic graph, each after its dependencies', () => {
    fc.assert(
      fc.property(acyclicGraph, (nodes) => {
        const { order, cycles, blocked } = resolvePluginOrder(nodes);
        expect(cycles).toEqual([]);
        expect(blocked).toEqual([]);
        expect([...order].sort()).toEqual(nodes.map((n) => n.name).sort());
        const at = new Map(order.map((name, i) => [name, i]));
        for (const n of nodes) {
          for (const dep of n.dependencies)
            expect(at.get(dep)).toBeLessThan(at.get(n.name) as number);
        }
      }),
    );
  });

  it('does not depend on the order the plugins are listed in', () => {
    fc.assert(
      fc.property(
        acyclicGraph.chain((nodes) =>
          fc.tuple(fc.constant(nodes), fc.shuffledSubarray(nodes, { minLength: nodes.length })),
        ),
        ([nodes, shuffled]) => {
          expect(resolvePluginOrder(shuffled).order).toEqual(resolvePluginOrder(nodes).order);
        },
      ),
    );
  });

  it('without dependencies, is exactly the sort by (phase, slot, name)', () => {
    fc.assert(
      fc.property(acyclicGraph, (nodes) => {
        const free = nodes.map((n) => ({ ...n, dependencies: [] }));
        const phase = { pre: 0, normal: 1, post: 2 };
        const expected = [...free]
          .sort(
            (a, b) =>
              phase[a.order] - phase[b.order] || a.slot - b.slot || a.name.localeCompare(b.name),
          )
          .map((n) => n.name);
        expect(resolvePluginOrder(free).order).toEqual(expected);
      }),
    );
  });
});
