/** What the host offers one agent instance (`workbench:agent/host`, see wit/agent.wit). */
export interface HostBindings {
  send(message: string): void;
  /**
   * `send` without decoding: the guest's UTF-8 bytes, a view into its memory valid only
   * during the call (copy what you keep). When present, bindings that can call it do.
   */
  sendBytes?(message: Uint8Array): void;
  kvGet(key: string): string | undefined;
  kvSet(key: string, value: string): void;
  nowMs(): number;
  log(level: string, text: string): void;
  /**
   * `set-timer`: wake the agent after `delayMs` (a u32) on the kernel's clock with `tag`.
   * Optional so hosts without timers still load agents: a call then reaches `onHostError`.
   */
  setTimer?(delayMs: number, tag: string): void;
  /** A host binding threw: it is caught here so the guest never sees a host bug. */
  onHostError?(fn: string, error: unknown): void;
}

export type CallOutcome = { ok: true } | { ok: false; error: string };

/** Forwards `set-timer` to the host, or reports that this host has none. */
export function callSetTimer(host: HostBindings, delayMs: number, tag: string): void {
  if (host.setTimer === undefined) throw new Error('this host does not offer timers (set-timer)');
  host.setTimer(delayMs, tag);
}
