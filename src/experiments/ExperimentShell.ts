/**
 * What an experiment needs of a running system: a shell that accepts commands and sends,
 * exposes its event log and a clock, and lets time pass. The simulation shell implements
 * it in virtual time (deterministic); `createRuntimeShell` implements it over any
 * createRuntime-based workbench (Node workbench, the browser's kernel worker) in real time.
 */
import type { Clock, Command, KernelEvent, KernelSnapshot } from '../kernel/types';
import { sendInput, sendResult } from '../kernel/shell';
import type { Runtime, Schedule } from '../hosts/createRuntime';
import type { SendResult } from '../hosts/types';
import type { OrreryErrorData } from '../protocol/errors';

export interface ExperimentShell {
  readonly mode: 'simulation' | 'live';
  now(): number;
  /** Applies a command now; `error` when the kernel refused it. */
  command(command: Command): { error?: OrreryErrorData | undefined };
  /** Sends from the console (no `from`) or a client node. */
  send(draft: unknown, from?: string): SendResult;
  /** The whole event log so far (index = seq for a log that was never trimmed); a shell told not to record returns []. */
  log(): readonly KernelEvent[];
  /** Every event as the kernel appends it (synchronously), whatever the log keeps. Returns the disposer. */
  subscribe(listener: (event: KernelEvent) => void): () => void;
  snapshot(): KernelSnapshot;
  /**
   * Lets time pass until `time`: the simulation runs everything due and jumps; live waits.
   * With `wake`, returns as soon as it holds (checked after each event), earlier than `time`.
   */
  advanceTo(time: number, wake?: () => boolean): Promise<void>;
}

/**
 * An ExperimentShell over a live runtime (real time, real workers). Its `log()` is every
 * event since the shell was made, recorded as the kernel appends them, so probes see the
 * whole run whatever the runtime keeps for itself (a live runtime keeps only the newest
 * events: LIVE_EVENT_LOG_CAPACITY). `close()` stops recording. `record: false` keeps
 * nothing (a load run reads events through `subscribe` and must not hold millions of them).
 */
export function createRuntimeShell(parts: {
  runtime: Runtime;
  kernel: { snapshot(): KernelSnapshot; subscribe(listener: (event: KernelEvent) => void): () => void };
  clock: Clock;
  schedule?: Schedule;
  /** Keep every event for `log()` (default true). */
  record?: boolean;
}): ExperimentShell & { close(): void } {
  const { runtime, kernel, clock, schedule } = parts;
  const setT = schedule?.setTimeout ?? ((fn: () => void, ms: number): unknown => globalThis.setTimeout(fn, ms));
  const clearT =
    schedule?.clearTimeout ?? ((handle: unknown) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>));
  const recorded: KernelEvent[] = [];
  const stopRecording = parts.record === false ? () => {} : kernel.subscribe((event) => void recorded.push(event));
  return {
    mode: 'live',
    now: () => clock.now(),
    command(command) {
      const { error } = runtime.input(command);
      return error === undefined ? {} : { error };
    },
    send: (draft, from) => sendResult(runtime.input(sendInput(draft, from))),
    log: () => recorded,
    subscribe: (listener) => kernel.subscribe(listener),
    close: stopRecording,
    snapshot: () => kernel.snapshot(),
    advanceTo(time, wake) {
      const wait = Math.max(0, time - clock.now());
      if (!wake) return new Promise((resolve) => setT(resolve, wait));
      return new Promise((resolve) => {
        let unsubscribe = (): void => {};
        const done = (): void => {
          unsubscribe();
          clearT(handle);
          resolve();
        };
        const handle = setT(done, wait);
        unsubscribe = kernel.subscribe(() => {
          if (wake()) done();
        });
      });
    },
  };
}
