/**
 * Runs the shell's agenda on its virtual clock: items in order of time and seeded tie-break,
 * the clock jumping to each; an asynchronous item (a wasm instantiation) is awaited before
 * the next, so promise timing never leaks into the order.
 */
import type { ManualClock, SeededRng } from '../index';
import { Agenda, type Agendum } from './agenda';

export interface AgendaRunner {
  /** Puts `run` on the agenda `delayMs` from now. */
  schedule(delayMs: number, run: Agendum['run']): Agendum;
  /** Runs due items until `limit` or `stop()`; returns the promise of an asynchronous one, to be awaited before going on. */
  runItems(limit: number, stop?: () => boolean): Promise<void> | undefined;
  /** Runs due items until `limit` or `stop()`, awaiting asynchronous ones. */
  advance(limit: number, stop?: () => boolean): Promise<void>;
  /** Moves the clock forward to `time` (never back; not to Infinity). */
  moveTo(time: number): void;
  size(): number;
  stop(): void;
}

export function createAgendaRunner(options: { clock: ManualClock; order: SeededRng; maxSteps: number; seed: number }): AgendaRunner {
  const { clock, order, maxSteps } = options;
  const agenda = new Agenda();
  let seq = 0;
  let steps = 0;
  let stopped = false;

  const runner: AgendaRunner = {
    schedule(delayMs, run) {
      const item: Agendum = { at: clock.now() + delayMs, tie: order.next(), seq: seq++, run };
      agenda.push(item);
      return item;
    },
    runItems(limit, stop) {
      for (;;) {
        if (stopped || stop?.()) return undefined;
        const next = agenda.peek();
        if (next === undefined || next.at > limit) return undefined;
        agenda.pop();
        if (next.cancelled) continue;
        if (++steps > maxSteps)
          throw new Error(`shell (seed ${options.seed}) exceeded ${maxSteps} steps at t=${clock.now()}: a message loop?`);
        if (next.at > clock.now()) clock.set(next.at);
        const pending = next.run();
        if (pending !== undefined) return pending;
      }
    },
    async advance(limit, stop) {
      for (let pending = runner.runItems(limit, stop); pending !== undefined; pending = runner.runItems(limit, stop)) await pending;
    },
    moveTo(time) {
      if (Number.isFinite(time) && time > clock.now()) clock.set(time);
    },
    size: () => agenda.size,
    stop() {
      stopped = true;
    },
  };
  return runner;
}
