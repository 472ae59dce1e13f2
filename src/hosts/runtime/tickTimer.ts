/** The kernel's timers in real time: one armed timeout for the earliest time the kernel asked for. */
import type { Clock } from '../../kernel/types';
import type { Schedule } from '../realSchedule';

export interface TickTimer {
  /** The kernel asked for a tick at `at`. */
  add(at: number): void;
  dispose(): void;
}

export function createTickTimer(options: { clock: Clock; schedule: Schedule; onTick(): void }): TickTimer {
  const { clock, schedule } = options;
  const times: number[] = [];
  let handle: unknown;
  let armedAt: number | undefined;
  let disposed = false;

  function arm(): void {
    if (disposed) return;
    const next = times[0];
    if (next === undefined || next === armedAt) return;
    if (handle !== undefined) schedule.clearTimeout(handle);
    armedAt = next;
    handle = schedule.setTimeout(fire, Math.max(0, next - clock.now()));
  }

  function fire(): void {
    handle = undefined;
    armedAt = undefined;
    const now = clock.now();
    if ((times[0] ?? Infinity) <= now) {
      while ((times[0] ?? Infinity) <= now) times.shift();
      options.onTick();
    }
    arm();
  }

  return {
    add(at) {
      if (!times.includes(at)) {
        times.push(at);
        times.sort((a, b) => a - b);
      }
      arm();
    },
    dispose() {
      disposed = true;
      if (handle !== undefined) schedule.clearTimeout(handle);
    },
  };
}
