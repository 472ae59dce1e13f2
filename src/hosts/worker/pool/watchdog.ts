/**
 * The pool's watchdog: reads each worker's "handling since" slot in its SharedArrayBuffer
 * and reports the worker whose handle (or init) overran its deadline, with what ran.
 */
import { WD_DEADLINE, WD_STARTED, WD_TOKEN, wallNow } from '../protocol';
import type { Running, WorkerSlot } from './workerSlot';

/** Starts watching (when SharedArrayBuffer exists); returns the disposer. */
export function startWatchdog(
  slots: () => Iterable<WorkerSlot>,
  intervalMs: number,
  onRunaway: (slot: WorkerSlot, runaway: Running) => void,
): () => void {
  if (typeof SharedArrayBuffer !== 'function') return () => undefined;
  const timer = setInterval(() => {
    const now = wallNow();
    for (const slot of slots()) {
      if (slot.dead || !slot.wdInts || !slot.wdFloats) continue;
      const token = Atomics.load(slot.wdInts, WD_TOKEN);
      if (token === 0) continue;
      if (now - slot.wdFloats[WD_STARTED]! <= slot.wdFloats[WD_DEADLINE]!) continue;
      if (Atomics.load(slot.wdInts, WD_TOKEN) !== token) continue;
      onRunaway(slot, slot.running.get(token) ?? { token, agent: '', instance: -1 });
    }
  }, intervalMs);
  (timer as { unref?: () => void }).unref?.();
  return () => clearInterval(timer);
}
