/**
 * One delivery to a live instance, under the watchdog: faults first (slow sleeps, crash
 * traps, hang spins until the watchdog terminates this worker), then the guest's handle.
 */
import { AgentTrap } from '../../../wasm/createAgentKind';
import { wallNow, type Delivery } from '../protocol';
import { decodeText } from '../wire/bytes';
import { errorMessage, type AgentSlot } from './agentSlot';
import type { AgentWorkerCore } from './agentWorkerCore';

export function runDelivery(slot: AgentSlot, d: Delivery, core: AgentWorkerCore): void {
  const agent = slot.agent!;
  core.watchdog.watch(d.token, slot.deadlineMs);
  try {
    if (slot.slowMs > 0) pause(slot.slowMs);
    if (slot.crashNext) {
      slot.crashNext = false;
      throw new AgentTrap('unreachable (injected crash)');
    }
    if (slot.hangNext) {
      slot.hangNext = false;
      spin(slot.deadlineMs, core.watchdog.attached);
    }
    const outcome = agent.handle(d.message);
    core.watchdog.clear();
    core.out.handled(d.token, outcome.ok ? undefined : outcome.error);
  } catch (e) {
    core.watchdog.clear();
    core.drop(slot);
    const reason =
      e instanceof HangTimeout ? 'deadline-exceeded' : e instanceof AgentTrap ? `trap: ${e.message}` : `host error: ${errorMessage(e)}`;
    core.emit({ type: 'agent.crashed', agent: slot.name, instance: slot.instance, reason, messageId: decodeText(d.messageId) });
    core.finished(d.token);
  }
}

/** The slow fault: this thread sleeps (Atomics.wait where allowed, else a busy wait). */
function pause(ms: number): void {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    return;
  } catch {
    const until = wallNow() + ms;
    while (wallNow() < until) {
      // busy wait: no SharedArrayBuffer here
    }
  }
}

/**
 * The hang fault: spin as a runaway guest would, until the watchdog terminates this
 * worker. Without a watchdog (no SharedArrayBuffer) nothing would, so give up after the
 * deadline and report it as the watchdog would have.
 */
function spin(deadlineMs: number, watched: boolean): void {
  const start = wallNow();
  for (;;) {
    if (!watched && wallNow() - start > deadlineMs) throw new HangTimeout();
  }
}

class HangTimeout extends Error {}
