/** The worker's side of the watchdog slot (protocol.ts): what runs now, since when, until when. */
import { WD_DEADLINE, WD_STARTED, WD_TOKEN, wallNow } from '../protocol';

export interface WatchdogWriter {
  /** A watchdog reads the slot (SharedArrayBuffer available); without one nothing cuts a runaway. */
  readonly attached: boolean;
  attach(buffer: SharedArrayBuffer): void;
  watch(token: number, deadlineMs: number): void;
  clear(): void;
}

export function createWatchdogWriter(): WatchdogWriter {
  let ints: Int32Array | undefined;
  let floats: Float64Array | undefined;
  return {
    get attached() {
      return ints !== undefined;
    },
    attach(buffer) {
      ints = new Int32Array(buffer, 0, 2);
      floats = new Float64Array(buffer, 0, 3);
    },
    watch(token, deadlineMs) {
      if (!ints || !floats) return;
      floats[WD_STARTED] = wallNow();
      floats[WD_DEADLINE] = deadlineMs;
      Atomics.store(ints, WD_TOKEN, token);
    },
    clear() {
      if (ints) Atomics.store(ints, WD_TOKEN, 0);
    },
  };
}
