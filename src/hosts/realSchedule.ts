/**
 * The real-time Schedule for shells and hosts. A zero delay runs as soon as the event
 * loop is free (setImmediate in Node, a MessageChannel task in browsers and workers)
 * instead of setTimeout(0), which Node clamps to 1 ms and browsers to 4 ms once nested:
 * on a loop that reschedules itself, that clamp alone would dominate local latency.
 */
/** Timers as the shells use them: injectable, so tests can drive time. */
export interface Schedule {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

type Handle = { kind: 'timeout'; id: ReturnType<typeof globalThis.setTimeout> } | { kind: 'immediate'; cancelled: boolean };

export function createRealSchedule(): Schedule {
  const immediate = immediateRunner();
  return {
    setTimeout(fn, ms) {
      if (ms > 0) return { kind: 'timeout', id: globalThis.setTimeout(fn, ms) } satisfies Handle;
      const handle: Handle = { kind: 'immediate', cancelled: false };
      immediate(() => {
        if (!handle.cancelled) fn();
      });
      return handle;
    },
    clearTimeout(h) {
      const handle = h as Handle;
      if (handle.kind === 'timeout') globalThis.clearTimeout(handle.id);
      else handle.cancelled = true;
    },
  };
}

function immediateRunner(): (fn: () => void) => void {
  const setImmediateFn = (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate;
  if (typeof setImmediateFn === 'function') return (fn) => void setImmediateFn(fn);
  if (typeof MessageChannel === 'function') {
    const queue: Array<() => void> = [];
    const channel = new MessageChannel();
    channel.port1.onmessage = () => queue.shift()?.();
    return (fn) => {
      queue.push(fn);
      channel.port2.postMessage(null);
    };
  }
  return (fn) => void globalThis.setTimeout(fn, 0);
}
