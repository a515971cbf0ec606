import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from './create-engine.js';
import { definePlugin, type PluginOrder } from './define-plugin.js';
import { defineExtensionPoint } from './extension-point.js';

const items = defineExtensionPoint<{ readonly id: string; readonly by: string }>({
  id: 'test.items',
  key: (i) => i.id,
});

interface Spec {
  readonly order: PluginOrder;
  readonly keys: readonly string[];
  readonly throws: boolean;
  readonly dependsOnPrevious: boolean;
}

const specs = fc.array(
  fc.record({
    order: fc.constantFrom<PluginOrder>('pre', 'normal', 'post'),
    keys: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 3 }),
    throws: fc.boolean(),
    dependsOnPrevious: fc.boolean(),
  }),
  { maxLength: 8 },
);

/** Plugin i contributes its keys suffixed with its index (so keys never clash), then maybe throws. */
function build(list: readonly Spec[], log: string[]) {
  return list.map((s, i) =>
    definePlugin({
      name: `p${i}`,
      version: '1.0.0',
      order: s.order,
      dependencies: s.dependsOnPrevious && i > 0 ? [`p${i - 1}`] : [],
      setup: (ctx) => {
        log.push(`p${i}`);
        for (const k of s.keys) ctx.contribute(items, { id: `${k}${i}`, by: `p${i}` });
        if (s.throws) throw new Error(`p${i} fails`);
      },
    })(),
  );
}

describe('isolation laws', () => {
  it('an isolated engine holds exactly the contributions of the plugins that ended active', () => {
    fc.assert(
      fc.property(specs, (list) => {
        const log: string[] = [];
        const engine = createEngine({ plugins: build(list, log), onPluginError: 'isolate' });
        const active = new Set(
          engine.plugins.filter((p) => p.status === 'active').map((p) => p.name),
        );
        // A plugin is active iff it does not throw and all its dependencies are active.
        list.forEach((s, i) => {
          const depActive = !(s.dependsOnPrevious && i > 0) || active.has(`p${i - 1}`);
          expect(active.has(`p${i}`)).toBe(!s.throws && depActive);
        });
        // Every contribution comes from an active plugin, and every active plugin's are there.
        for (const entry of engine.entries(items)) expect(active.has(entry.plugin)).toBe(true);
        const expectedCount = list.reduce(
          (n, s, i) => n + (active.has(`p${i}`) ? s.keys.length : 0),
          0,
        );
        expect(engine.list(items)).toHaveLength(expectedCount);
        // Setup ran in the reported order, and skipped plugins never ran.
        expect(log).toEqual(
          engine.plugins.filter((p) => p.status !== 'skipped').map((p) => p.name),
        );
        // One diagnostic per failed or skipped plugin, attributed to it.
        expect(engine.diagnostics.map((d) => d.source)).toEqual(
          engine.plugins.filter((p) => p.status !== 'active').map((p) => p.name),
        );
      }),
    );
  });

  it("'throw' mode throws exactly when 'isolate' mode reports an error", () => {
    fc.assert(
      fc.property(specs, (list) => {
        const isolated = createEngine({ plugins: build(list, []), onPluginError: 'isolate' });
        const anyError = isolated.diagnostics.some((d) => d.severity === 'error');
        let threw = false;
        try {
          createEngine({ plugins: build(list, []) });
        } catch {
          threw = true;
        }
        expect(threw).toBe(anyError);
        expect(anyError).toBe(list.some((s) => s.throws));
      }),
    );
  });
});
