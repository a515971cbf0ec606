/**
 * A full garbage collection on demand, between timed samples. Without it, the garbage one case
 * leaves (a 480 000-event index, a heap of parsed objects) is collected while the next case is
 * being timed, and that case pays for it. V8's `gc()` is made reachable here without the
 * `--expose-gc` command-line flag, so `pnpm bench` needs no special node options.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/** Collect garbage now (a full, blocking collection). */
export function collectGarbage(): void {
  if (gc === undefined) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
