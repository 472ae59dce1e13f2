/**
 * Lets the page or worker breathe during a long read or write. A macrotask, not a
 * microtask (awaiting a resolved promise never lets input events in), and not a nested
 * `setTimeout(0)`, which browsers clamp to 4 ms after a few levels.
 */

type Resume = () => void;

const schedule: (resume: Resume) => void = (() => {
  const g = globalThis as { setImmediate?: (callback: Resume) => unknown };
  if (typeof g.setImmediate === 'function') return (resume: Resume) => void g.setImmediate!(resume);
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    const waiting: Resume[] = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    return (resume: Resume) => {
      waiting.push(resume);
      channel.port2.postMessage(null);
    };
  }
  return (resume: Resume) => void setTimeout(resume, 0);
})();

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => schedule(resolve));
}

/** Yields only when `sliceMs` have passed since the last yield: cheap to call often. */
export function createYielder(sliceMs = 12): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < sliceMs) return undefined;
    last = now;
    return yieldToEventLoop();
  };
}
