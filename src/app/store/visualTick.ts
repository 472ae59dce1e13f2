/**
 * One clock for everything that changes by itself under load (link dashes, sampled rates,
 * the store's publishes): every VISUAL_TICK_MS, in the same task, so its DOM writes land
 * in the same frame. Under load the fixed cost of a frame that changes anything (layerize,
 * commit, paint walk: ~15-30 ms on two busy cores) dominated: dashes, rates and their
 * writes each dirtied frames of their own, a score of expensive frames a second.
 */
export const VISUAL_TICK_MS = 200;

const listeners = new Set<(tick: number) => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let tick = 0;

/** Calls `listener` with a counter on every tick until the returned function is called. */
export function onVisualTick(listener: (tick: number) => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    tick++;
    for (const l of listeners) l(tick);
  }, VISUAL_TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** Calls `run` once, at the next tick; returns a cancel. */
export function atNextVisualTick(run: () => void): () => void {
  const off = onVisualTick(() => {
    off();
    run();
  });
  return off;
}
