/**
 * Drives one executor on a virtual clock, each iteration lasting what `iterationMs` says:
 * the smallest possible shell, for tests and for estimating a scenario before running it.
 * Iteration ends due at the same moment as a wake-up are reported first, as a VU freed
 * at t can take an iteration due at t.
 */
import type { Executor, ExecutorAction } from './types';

export interface TimedAction {
  at: number;
  action: ExecutorAction;
}

export function runVirtually(
  executor: Executor,
  iterationMs: (start: Extract<ExecutorAction, { type: 'start' }>) => number,
  limit = 1_000_000,
): TimedAction[] {
  const log: TimedAction[] = [];
  /** Iterations in flight: vu → when it ends (and which iteration, to ignore an interrupted one's end). */
  const ending = new Map<number, { at: number; iter: number }>();
  let now = 0;
  const take = (actions: ExecutorAction[]) => {
    for (const action of actions) {
      log.push({ at: now, action });
      if (action.type === 'start') ending.set(action.vu, { at: now + iterationMs(action), iter: action.iter });
      if (action.type === 'interrupt') ending.delete(action.vu);
    }
  };
  for (let steps = 0; steps < limit; steps++) {
    const wake = executor.nextWakeAt();
    let firstEnd: { vu: number; at: number } | undefined;
    for (const [vu, e] of ending)
      if (!firstEnd || e.at < firstEnd.at || (e.at === firstEnd.at && vu < firstEnd.vu)) firstEnd = { vu, at: e.at };
    if (wake === undefined && !firstEnd) return log;
    if (firstEnd && (wake === undefined || firstEnd.at <= wake)) {
      now = Math.max(now, firstEnd.at);
      ending.delete(firstEnd.vu);
      take(executor.iterationDone(firstEnd.vu, now));
    } else {
      now = Math.max(now, wake!);
      take(executor.advance(now));
    }
  }
  throw new Error(`the executor did not finish within ${limit} steps`);
}
